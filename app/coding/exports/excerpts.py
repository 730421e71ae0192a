"""Export of coded excerpts (by code) to .csv, .xlsx or a thesis-ready .docx table.

In .csv and .xlsx the ``text`` column holds the stored slice exactly (unless pseudonymised).
The excerpts are the primary coders' (or those of the coders given), one row per document,
code and span, its ``coder`` naming every coder who made it.

Names follow the project setting "names in exports" unless the caller decides. Pseudonymising
replaces case names by their aliases everywhere (case column, quotes, memos, speaker labels)
and masks every extra name given by the researcher; documents are then named by their case's
alias and source type, or by their citation title with names replaced, never by file name;
a role marked identifying prints as the case's group.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
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
from app.coding.settings import get_settings
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
    "stance",
)
GROUP_KEYS = ("group", "kelompok")
#: How a source type is named in citations ("wawancara 11 Maret 2024").
SOURCE_TYPE_LABELS = {
    "id": {"interview": "wawancara", "observation": "observasi", "fgd": "FGD",
           "document": "dokumen", "news": "berita", "other": "sumber lain"},
    "en": {"interview": "interview", "observation": "observation", "fgd": "FGD",
           "document": "document", "news": "news", "other": "other source"},
}  # fmt: skip
STANCE_LABELS = {
    "id": {"supports": "mendukung", "absent": "tidak terjadi", "barrier": "hambatan"},
    "en": {"supports": "supports", "absent": "does not happen", "barrier": "barrier"},
}
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
        "aliases": "Nama informan disamarkan: setiap informan ditulis dengan aliasnya.",
        "real": "Nama informan ditulis dengan nama sebenarnya.",
        "notes": "keterangan",
    },
    "en": {
        "title": "Excerpts by Code",
        "no": "No.",
        "quote": "Quote",
        "document": "Document",
        "informant": "Informant",
        "masked": "[name withheld]",
        "none": "No excerpts yet.",
        "aliases": "Informants' names are pseudonymised: each informant appears by alias.",
        "real": "Informants appear under their real names.",
        "notes": "notes",
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
        identifying_roles: Sequence[str] = (),
        pseudonymising: bool | None = None,
    ) -> None:
        #: Whether case names become aliases (False: only ``mask_names`` are masked).
        self.pseudonymising = bool(names) if pseudonymising is None else pseudonymising
        self.identifying_roles = frozenset(r.strip().casefold() for r in identifying_roles)
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

    def hides_role(self, role: str) -> bool:
        """Whether ``role`` identifies its holder and must print as the group instead."""
        return self.pseudonymising and role.strip().casefold() in self.identifying_roles

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
    """A :class:`Pseudonymiser` for the project's cases: each case's alias; a case without
    one becomes "Informan N", N the next number no alias uses, in name order."""
    labels = _LABELS[check_language(language)]
    cases = list_cases(session)
    word = labels["informant"]
    taken = {
        int(m.group(1))
        for c in cases
        if c.alias and (m := re.fullmatch(r"(?:Informan|Informant)\s+(\d+)", c.alias.strip()))
    }
    names: dict[str, str] = {}
    n = 0
    for case in cases:
        if case.alias and case.alias.strip():
            names[case.name] = case.alias.strip()
            continue
        n += 1
        while n in taken:
            n += 1
        names[case.name] = f"{word} {n}"
    roles = get_settings(session).identifying_roles
    return Pseudonymiser(names, mask_names, labels["masked"], roles, pseudonymising=True)


def names_are_aliases(session: Session, pseudonymise: bool | None) -> bool:
    """``pseudonymise`` when the caller decided, else the project's "names in exports"."""
    return get_settings(session).pseudonymise if pseudonymise is None else pseudonymise


def names_note(pseudonyms: Pseudonymiser | None, language: str) -> str:
    """The sentence an export's notes carry about the names it prints."""
    aliases = pseudonyms is not None and pseudonyms.pseudonymising
    return _LABELS[check_language(language)]["aliases" if aliases else "real"]


def _attr(attrs: Mapping[str, str], keys: Sequence[str]) -> str | None:
    return next((attrs[k] for k in keys if attrs.get(k)), None)


def source_label(
    excerpt: Excerpt, *, pseudonyms: Pseudonymiser | None = None, language: str = "id"
) -> str:
    """Where a quote comes from: "Informan 3, Camat, wawancara 11 Maret 2024", or for a
    document without a case "Laporan Kinerja Relawan 2023, dokumen".

    The date is the document's date, else the case's interview date. When pseudonymising,
    names in the title and the role are replaced and an identifying role prints as the
    case's group.
    """
    kind = SOURCE_TYPE_LABELS[check_language(language)].get(excerpt.source_type, "")
    attrs = excerpt.case_attributes
    when = excerpt.source_date.isoformat() if excerpt.source_date else _attr(attrs, DATE_KEYS)
    typed = f"{kind} {format_date(when, language)}" if when else kind
    if excerpt.case is None:
        title = excerpt.title or excerpt.document
        return ", ".join(p for p in (pseudonyms.text(title) if pseudonyms else title, typed) if p)
    parts = [(pseudonyms.case(excerpt.case) if pseudonyms else excerpt.case) or ""]
    role = _attr(attrs, ROLE_KEYS)
    if role and pseudonyms is not None and pseudonyms.hides_role(role):
        role = _attr(attrs, GROUP_KEYS)
    if role:
        parts.append(pseudonyms.text(role) if pseudonyms else role)
    if typed:
        parts.append(typed)
    return ", ".join(parts)


def document_label(
    excerpt: Excerpt, *, pseudonyms: Pseudonymiser | None = None, language: str = "id"
) -> str:
    """How an export names an excerpt's document: its imported name, or when pseudonymising
    its case's alias and source type ("Informan 3, wawancara"), else its citation title with
    names replaced; never the file name, which often carries the informant's name."""
    if pseudonyms is None or not pseudonyms.pseudonymising:
        return pseudonyms.text(excerpt.document) if pseudonyms else excerpt.document
    kind = SOURCE_TYPE_LABELS[check_language(language)].get(excerpt.source_type, "")
    if excerpt.case is not None:
        return f"{pseudonyms.case(excerpt.case)}, {kind}"
    return pseudonyms.text(excerpt.title or excerpt.document)


def merge_same_spans(items: Sequence[Excerpt]) -> tuple[Excerpt, ...]:
    """One excerpt per document, code and span: the first stands for the others, its
    ``coder`` naming every coder (in name order)."""
    first: dict[tuple[int, int, int, int], int] = {}
    merged: list[Excerpt] = []
    who: list[set[str]] = []
    for e in items:
        ident = (e.document_id, e.code_id, e.start, e.end)
        at = first.get(ident)
        if at is None:
            first[ident] = len(merged)
            merged.append(e)
            who.append({e.coder})
        else:
            who[at].add(e.coder)
    return tuple(
        e
        if len(names) == 1
        else replace(e, coder=", ".join(sorted(names)), coders=tuple(sorted(names)))
        for e, names in zip(merged, who, strict=True)
    )


def _rows(
    items: Sequence[Excerpt], pseudonyms: Pseudonymiser | None, language: str
) -> list[list[Any]]:
    def clean(value: str) -> str:
        return pseudonyms.text(value) if pseudonyms else value

    rows: list[list[Any]] = []
    for e in items:
        case = pseudonyms.case(e.case) if pseudonyms else e.case
        rows.append(
            [
                e.code_key,
                document_label(e, pseudonyms=pseudonyms, language=language),
                case or "",
                e.start,
                e.end,
                clean(e.text),
                e.coder,
                clean(e.memo),
                1 if e.illustrative else 0,
                clean(e.speaker) if e.speaker else "",
                e.stance,
            ]
        )
    return rows


def _write_csv(path: Path, rows: list[list[Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLUMNS)
        writer.writerows(rows)


def _write_xlsx(path: Path, rows: list[list[Any]], language: str, note: str) -> None:
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
        pd.DataFrame({_LABELS[language]["notes"]: [note]}).to_excel(
            writer, sheet_name=_LABELS[language]["notes"], index=False
        )


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
    from docx.shared import Cm, Pt

    labels = _LABELS[language]
    doc = WordDocument()

    def heading(text: str, size: float) -> None:
        # Bold body text, not Title/Heading styles: pasted into a thesis those would become
        # chapter headings in its table of contents.
        para = doc.add_paragraph()
        para.paragraph_format.keep_with_next = True
        run = para.add_run(xml_safe(text))
        run.bold = True
        run.font.size = Pt(size)

    heading(labels["title"], 14)
    doc.add_paragraph(names_note(pseudonyms, language)).runs[0].italic = True
    if not items:
        doc.add_paragraph(labels["none"])
    groups: dict[int, list[Excerpt]] = {}
    for e in items:
        groups.setdefault(e.code_id, []).append(e)
    for code_id, group in groups.items():
        name, definition = info[code_id]
        heading(name, 12)
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
            if e.stance != "supports":
                para.add_run(xml_safe(f"[{STANCE_LABELS[language][e.stance]}] ")).bold = True
            para.add_run(xml_safe(f"\u201c{quote}\u201d"))
            source = source_label(e, pseudonyms=pseudonyms, language=language)
            quote_cell.add_paragraph().add_run(xml_safe(f"\u2014 {source}")).italic = True
            doc_cell.text = xml_safe(document_label(e, pseudonyms=pseudonyms, language=language))
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
    pseudonymise: bool | None = None,
    mask_names: Sequence[str] = (),
    language: str = "id",
    coders: Sequence[str] | None = None,
) -> ExportResult:
    """Write the excerpts of ``code_ids`` (all codes when None) to ``path`` as ``fmt``.

    Excerpts are the primary coders' unless ``coders`` are given, one per document, code
    and span. ``pseudonymise`` None follows the project setting. ``rows`` of the result is
    the number of excerpts written. Raises ``InvalidValue`` for an unknown format or
    language, ``NotFound`` for an unknown code or coder, ``OSError`` if the file cannot be
    written (the target is then left as it was).
    """
    from app.coding.analysis.evidence import select_coders

    fmt = check_format(fmt)
    language = check_language(language)
    selection = select_coders(session, coders=coders)
    items = merge_same_spans(
        excerpts(
            session, code_ids=code_ids, include_children=include_children,
            coders=list(selection.names),
        )
    )  # fmt: skip
    pseudonyms = None
    if names_are_aliases(session, pseudonymise):
        pseudonyms = pseudonymiser(session, mask_names=mask_names, language=language)
    elif mask_names:  # masking only: case names stay as they are
        pseudonyms = Pseudonymiser({}, mask_names, _LABELS[language]["masked"])
    path = Path(path)
    with atomic_output(path) as tmp:
        if fmt == "csv":
            _write_csv(tmp, _rows(items, pseudonyms, language))
        elif fmt == "xlsx":
            _write_xlsx(
                tmp, _rows(items, pseudonyms, language), language, names_note(pseudonyms, language)
            )
        else:
            info = _headings(session, {e.code_id for e in items}, language)
            _write_docx(tmp, items, info, pseudonyms, language)
    return ExportResult(path, len(items))
