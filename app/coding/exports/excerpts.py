"""Export of coded excerpts (by code) to .csv, .xlsx or a thesis-ready .docx table.

In .csv and .xlsx the ``text`` column holds the stored slice exactly (unless pseudonymised).
Pseudonymising replaces case names by their aliases everywhere (case column, quotes, memos,
speaker labels, document names) and masks every extra name given by the researcher.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.coding.cases import list_cases
from app.coding.exports import (
    ExportResult,
    atomic_output,
    check_format,
    check_language,
    format_date,
    repeat_header_row,
    xml_safe,
)
from app.coding.retrieval import Excerpt, excerpts
from app.models.schema import Code

COLUMNS = (
    "code",
    "document",
    "case",
    "start",
    "end",
    "text",
    "coder",
    "memo",
    "illustrative",
    "speaker",
)
ROLE_KEYS = ("role", "peran", "jabatan")
DATE_KEYS = ("interview_date", "tanggal_wawancara", "date", "tanggal")

_LABELS = {
    "id": {
        "title": "Kutipan per Kode",
        "no": "No.",
        "quote": "Kutipan",
        "document": "Dokumen",
        "informant": "Informan",
        "masked": "[disamarkan]",
        "none": "Belum ada kutipan.",
    },
    "en": {
        "title": "Excerpts by Code",
        "no": "No.",
        "quote": "Quote",
        "document": "Document",
        "informant": "Informant",
        "masked": "[name withheld]",
        "none": "No excerpts yet.",
    },
}
# Letters/digits only: an underscore separates words too, so "INF01_Hendra" is caught.
_EDGE_BEFORE = r"(?<![^\W_])"
_EDGE_AFTER = r"(?![^\W_])"


def _alternation(terms: Sequence[str]) -> str:
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    return _EDGE_BEFORE + "(?:" + "|".join(re.escape(t) for t in ordered) + ")" + _EDGE_AFTER


class Pseudonymiser:
    """Replaces case names by aliases and masks extra names, in any text.

    Full case names and ``mask_names`` match case-insensitively; the separate capitalised
    parts of a case name ("Hendra" of "Hendra Wijaya") match as written. A part shared by
    two cases is masked rather than given either alias.
    """

    def __init__(
        self,
        names: Mapping[str, str],
        mask_names: Sequence[str] = (),
        masked: str = "[disamarkan]",
    ) -> None:
        self.aliases = dict(names)
        full: dict[str, str] = {n.casefold(): alias for n, alias in names.items()}
        for extra in mask_names:
            if extra.strip():
                full.setdefault(extra.strip().casefold(), masked)
        parts: dict[str, str] = {}
        for name, alias in names.items():
            for part in re.split(r"\s+", name):
                if len(part) >= 3 and part[0].isupper() and part.casefold() not in full:
                    parts[part] = alias if parts.get(part, alias) == alias else masked
        self._full = full
        self._parts = parts
        self._full_re = re.compile(_alternation(list(full)), re.IGNORECASE) if full else None
        self._parts_re = re.compile(_alternation(list(parts))) if parts else None

    def case(self, name: str | None) -> str | None:
        """The alias shown for case ``name``."""
        return None if name is None else self.aliases.get(name, name)

    def text(self, text: str) -> str:
        """``text`` with every known name replaced."""
        if self._full_re is not None:
            text = self._full_re.sub(lambda m: self._full[m.group().casefold()], text)
        if self._parts_re is not None:
            text = self._parts_re.sub(lambda m: self._parts[m.group()], text)
        return text


def pseudonymiser(
    session: Session, *, mask_names: Sequence[str] = (), language: str = "id"
) -> Pseudonymiser:
    """A :class:`Pseudonymiser` for the project's cases (alias, else "Informan N")."""
    labels = _LABELS[check_language(language)]
    names = {
        case.name: case.alias or f"{labels['informant']} {n}"
        for n, case in enumerate(list_cases(session), start=1)
    }
    return Pseudonymiser(names, mask_names, labels["masked"])


def source_label(
    excerpt: Excerpt, *, pseudonyms: Pseudonymiser | None = None, language: str = "id"
) -> str:
    """Where a quote comes from: "Informan 3, Camat, 11 Maret 2024" (or the document)."""
    if excerpt.case is None:
        return pseudonyms.text(excerpt.document) if pseudonyms else excerpt.document
    who = pseudonyms.case(excerpt.case) if pseudonyms else excerpt.case
    parts = [who or ""]
    attrs = excerpt.case_attributes
    role = next((attrs[k] for k in ROLE_KEYS if attrs.get(k)), None)
    when = next((attrs[k] for k in DATE_KEYS if attrs.get(k)), None)
    if role:
        parts.append(pseudonyms.text(role) if pseudonyms else role)
    if when:
        parts.append(format_date(when, language))
    return ", ".join(parts)


def _rows(items: Sequence[Excerpt], pseudonyms: Pseudonymiser | None) -> list[list[Any]]:
    def clean(value: str) -> str:
        return pseudonyms.text(value) if pseudonyms else value

    rows: list[list[Any]] = []
    for e in items:
        case = pseudonyms.case(e.case) if pseudonyms else e.case
        rows.append(
            [
                e.code_key,
                clean(e.document),
                case or "",
                e.start,
                e.end,
                clean(e.text),
                e.coder,
                clean(e.memo),
                1 if e.illustrative else 0,
                clean(e.speaker) if e.speaker else "",
            ]
        )
    return rows


def _write_csv(path: Path, rows: list[list[Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)


def _write_xlsx(path: Path, rows: list[list[Any]], language: str) -> None:
    import pandas as pd
    from openpyxl.styles import Alignment

    frame = pd.DataFrame(
        [[xml_safe(v) if isinstance(v, str) else v for v in row] for row in rows],
        columns=list(COLUMNS),
    )
    sheet = "kutipan" if language == "id" else "excerpts"
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheet, index=False)
        ws = writer.sheets[sheet]
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if cell.data_type == "f":  # a quote starting with "=" is text, not a formula
                    cell.data_type = "s"
        widths = {"A": 34, "B": 28, "C": 22, "F": 80, "H": 30}
        for column, width in widths.items():
            ws.column_dimensions[column].width = width
        wrap = Alignment(wrap_text=True, vertical="top")
        for (cell,) in ws.iter_rows(min_row=2, min_col=6, max_col=6):
            cell.alignment = wrap
        ws.freeze_panes = "A2"


def _headings(session: Session, code_ids: set[int], language: str) -> dict[int, tuple[str, str]]:
    """Name and definition (with its reference) of each code, in ``language``."""
    rows = session.execute(
        select(
            Code.id, Code.name_id, Code.name_en, Code.definition_id, Code.definition_en,
            Code.reference,
        ).where(Code.id.in_(code_ids))
    ).all()  # fmt: skip
    out: dict[int, tuple[str, str]] = {}
    for cid, name_id, name_en, def_id, def_en, reference in rows:
        name = (name_id or name_en) if language == "id" else (name_en or name_id)
        definition = (def_id or def_en) if language == "id" else (def_en or def_id)
        if reference:
            definition = f"{definition} ({reference})" if definition else reference
        out[cid] = (name, definition)
    return out


def _write_docx(
    path: Path,
    items: Sequence[Excerpt],
    info: Mapping[int, tuple[str, str]],
    pseudonyms: Pseudonymiser | None,
    language: str,
) -> None:
    from docx import Document as WordDocument
    from docx.shared import Cm

    labels = _LABELS[language]
    doc = WordDocument()
    doc.add_heading(labels["title"], level=0)
    if not items:
        doc.add_paragraph(labels["none"])
    groups: dict[int, list[Excerpt]] = {}
    for e in items:
        groups.setdefault(e.code_id, []).append(e)
    for code_id, group in groups.items():
        name, definition = info[code_id]
        doc.add_heading(xml_safe(name), level=1)
        if definition:
            doc.add_paragraph(xml_safe(definition))
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        header = table.rows[0]
        repeat_header_row(header)
        for cell, label in zip(header.cells, ("no", "quote", "document"), strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(labels[label]).bold = True
        for n, e in enumerate(group, start=1):
            no_cell, quote_cell, doc_cell = table.add_row().cells
            no_cell.text = f"{n}{' ★' if e.illustrative else ''}"
            quote = pseudonyms.text(e.text) if pseudonyms else e.text
            para = quote_cell.paragraphs[0]
            para.add_run(xml_safe(f"\u201c{quote}\u201d"))
            source = source_label(e, pseudonyms=pseudonyms, language=language)
            quote_cell.add_paragraph().add_run(xml_safe(f"\u2014 {source}")).italic = True
            doc_cell.text = xml_safe(pseudonyms.text(e.document) if pseudonyms else e.document)
        for row in table.rows:
            for cell, width in zip(row.cells, (Cm(1.3), Cm(11.5), Cm(3.7)), strict=True):
                cell.width = width
    doc.save(str(path))


def export_excerpts(
    session: Session,
    *,
    path: Path,
    fmt: str,
    code_ids: Sequence[int] | None = None,
    include_children: bool = True,
    pseudonymise: bool = False,
    mask_names: Sequence[str] = (),
    language: str = "id",
) -> ExportResult:
    """Write the excerpts of ``code_ids`` (all codes when None) to ``path`` as ``fmt``.

    ``rows`` of the result is the number of excerpts written. Raises ``InvalidValue`` for an
    unknown format or language, ``NotFound`` for an unknown code, ``OSError`` if the file
    cannot be written (the target is then left as it was).
    """
    fmt = check_format(fmt)
    language = check_language(language)
    items = excerpts(session, code_ids=code_ids, include_children=include_children)
    pseudonyms = None
    if pseudonymise:
        pseudonyms = pseudonymiser(session, mask_names=mask_names, language=language)
    elif mask_names:  # masking only: case names stay as they are
        pseudonyms = Pseudonymiser({}, mask_names, _LABELS[language]["masked"])
    path = Path(path)
    with atomic_output(path) as tmp:
        if fmt == "csv":
            _write_csv(tmp, _rows(items, pseudonyms))
        elif fmt == "xlsx":
            _write_xlsx(tmp, _rows(items, pseudonyms), language)
        else:
            info = _headings(session, {e.code_id for e in items}, language)
            _write_docx(tmp, items, info, pseudonyms, language)
    return ExportResult(path, len(items))
