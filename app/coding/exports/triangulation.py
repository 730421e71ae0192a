"""Export of the triangulation table to .csv, .xlsx or a thesis-ready .docx table.

.csv/.xlsx layout: a header ``code,<source type>…,<group>…,finding`` (source-type keys such
as ``interview``, then the informant groups as written), one row per box with its key
first, counts of supporting excerpts in the cells and the researcher's finding last. The
.docx prints ✓ and the count, the conclusion column holds the finding and how many source
types and groups confirm the box; its notes say whose codings count, how names are printed
and where the data come from.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.coding.analysis.summary import DEFAULT_GROUP_ATTRIBUTE
from app.coding.analysis.triangulation import Triangulation, TriangulationRow, build_triangulation
from app.coding.exports import ExportResult, atomic_output, check_format, check_language
from app.coding.exports.analysis_common import (
    ABSENT,
    LABELS,
    PRESENT,
    SourceLine,
    clean,
    make_pseudonyms,
    protect_formulas,
    source_context,
    source_line,
    write_csv,
    xlsx_safe,
)
from app.coding.exports.docx_tables import (
    HEADER_FILL,
    Cell,
    Para,
    Run,
    add_caption,
    add_note,
    insert_table,
    new_document,
    table_xml,
    text_cell,
    text_width_cm,
)
from app.coding.exports.excerpts import SOURCE_TYPE_LABELS, Pseudonymiser, names_note

_TEXT = {
    "id": {
        "title": "Triangulasi {book}: jenis sumber data dan kelompok informan",
        "box": "Kotak teoretis",
        "conclusion": "Kesimpulan (temuan)",
        "confirmed": "dikonfirmasi {types} jenis sumber, {groups} kelompok informan",
        "cells": "Sel berisi jumlah kutipan pendukung dari jenis sumber atau kelompok "
        "informan tersebut; {none} = tidak ada.",
        "coders": "Bukti dari pengode utama: {names}; pengodean ganda dihitung sekali.",
        "coders_explicit": "Bukti dari pengode: {names}; pengodean ganda dihitung sekali.",
        "no_finding": "(temuan belum ditulis)",
        "sheet": "triangulasi",
        "notes_sheet": "keterangan",
    },
    "en": {
        "title": "Triangulation of {book}: source types and informant groups",
        "box": "Theoretical box",
        "conclusion": "Conclusion (finding)",
        "confirmed": "confirmed by {types} source types, {groups} informant groups",
        "cells": "Cells count the supporting quotes from that source type or informant "
        "group; {none} = none.",
        "coders": "Evidence of the primary coders: {names}; double coding counts once.",
        "coders_explicit": "Evidence of the coders: {names}; double coding counts once.",
        "no_finding": "(no finding written yet)",
        "sheet": "triangulation",
        "notes_sheet": "notes",
    },
}


def triangulation_layout(
    table: Triangulation, pseudonyms: Pseudonymiser | None = None
) -> tuple[list[str], list[list[Any]]]:
    """The CSV layout: header and rows (counts, then the finding)."""
    types = [t.value for t in table.source_types]
    header = ["code", *types, *(clean(g, pseudonyms) for g in table.groups), "finding"]
    rows = [
        [
            r.key,
            *(r.by_type[t] for t in types),
            *(r.by_group[g] for g in table.groups),
            clean(r.finding, pseudonyms),
        ]
        for r in table.rows
    ]
    return header, rows


def _notes(
    table: Triangulation, p: Pseudonymiser | None, language: str, line: SourceLine | None
) -> list[str]:
    text = _TEXT[language]
    who = ", ".join(table.coders) or "–"
    used = {t.value for t in table.source_types if any(r.by_type[t.value] for r in table.rows)}
    return [
        text["cells"].format(none=ABSENT),
        LABELS[language]["rolled_up"],
        text["coders_explicit" if table.coders_explicit else "coders"].format(names=who),
        names_note(p, language),
        source_line(language, used, line),
    ]


def _count_cell(n: int) -> Cell:
    return text_cell(f"{PRESENT} ({n})" if n else ABSENT, align="center")


def _conclusion(row: TriangulationRow, p: Pseudonymiser | None, language: str) -> Cell:
    text = _TEXT[language]
    finding = clean(row.finding, p) if row.finding else text["no_finding"]
    confirmed = text["confirmed"].format(types=row.confirmed_types, groups=row.confirmed_groups)
    return Cell(
        (
            Para((Run(finding, italic=not row.finding),)),
            Para((Run(confirmed, italic=True, size_pt=8),)),
        )
    )


def _write_docx(
    path: Path,
    table: Triangulation,
    p: Pseudonymiser | None,
    language: str,
    table_number: str,
    line: SourceLine | None,
) -> None:
    text = _TEXT[language]
    labels = LABELS[language]
    doc = new_document(landscape=True)
    add_caption(
        doc,
        label=labels["table"],
        number=table_number,
        title=text["title"].format(book=table.name(language)),
    )
    counts = len(table.source_types) + len(table.groups)
    total = text_width_cm(True)
    box_w, conclusion_w = 4.5, max(6.0, total * 0.3)
    each = max((total - 1.0 - box_w - conclusion_w) / max(counts, 1), 1.3)
    widths = [1.0, box_w, *([each] * counts), conclusion_w]
    kinds = SOURCE_TYPE_LABELS[language]
    heads = [
        labels["no"],
        text["box"],
        *(kinds.get(t.value, t.value).capitalize() for t in table.source_types),
        *(clean(g, p) for g in table.groups),
        text["conclusion"],
    ]
    header = [text_cell(h, bold=True, align="center", fill=HEADER_FILL) for h in heads]
    body = []
    counters: list[int] = []
    for row in table.rows:
        del counters[row.depth + 1 :]
        while len(counters) <= row.depth:
            counters.append(0)
        counters[row.depth] += 1
        number = ".".join(str(n) for n in counters[: row.depth + 1])
        runs = [Run(row.name(language), bold=row.depth == 0)]
        if row.rolled_up:
            runs.append(Run(" " + labels["incl"], italic=True, size_pt=8))
        body.append(
            [
                text_cell(number),
                Cell((Para(tuple(runs), indent_cm=0.4 * row.depth),)),
                *(_count_cell(row.by_type[t.value]) for t in table.source_types),
                *(_count_cell(row.by_group[g]) for g in table.groups),
                _conclusion(row, p, language),
            ]
        )
    header_pt = 7 if each < 1.8 else 8 if each < 2.2 else None
    insert_table(doc, table_xml(header, body, widths, header_pt=header_pt))
    notes = _notes(table, p, language, line)
    add_note(doc, labels["notes"], italic=True)
    for note in notes[:-1]:
        add_note(doc, note, language=language)
    add_note(doc, notes[-1], italic=True)
    doc.save(str(path))


def _write_xlsx(
    path: Path,
    table: Triangulation,
    p: Pseudonymiser | None,
    language: str,
    line: SourceLine | None,
) -> None:
    import pandas as pd
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    text = _TEXT[language]
    header, rows = triangulation_layout(table, p)
    frame = pd.DataFrame(xlsx_safe(rows), columns=header)
    notes = pd.DataFrame({LABELS[language]["notes"]: _notes(table, p, language, line)})
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=text["sheet"], index=False)
        notes.to_excel(writer, sheet_name=text["notes_sheet"], index=False)
        ws = writer.sheets[text["sheet"]]
        protect_formulas(ws)
        ws.freeze_panes = "B2"
        ws.column_dimensions["A"].width = 45
        for i in range(2, len(header)):
            ws.column_dimensions[get_column_letter(i)].width = 14
        ws.column_dimensions[get_column_letter(len(header))].width = 70
        wrap = Alignment(wrap_text=True, vertical="top")
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = wrap
        writer.sheets[text["notes_sheet"]].column_dimensions["A"].width = 120


def write_triangulation(
    table: Triangulation,
    *,
    path: Path,
    fmt: str,
    pseudonyms: Pseudonymiser | None = None,
    language: str = "id",
    table_number: str = "4.1",
    source: SourceLine | None = None,
) -> ExportResult:
    """Write an already built triangulation table; ``rows`` is the number of boxes."""
    fmt = check_format(fmt)
    language = check_language(language)
    path = Path(path)
    with atomic_output(path) as tmp:
        if fmt == "csv":
            write_csv(tmp, *triangulation_layout(table, pseudonyms))
        elif fmt == "xlsx":
            _write_xlsx(tmp, table, pseudonyms, language, source)
        else:
            _write_docx(tmp, table, pseudonyms, language, table_number, source)
    return ExportResult(path, len(table.rows))


def export_triangulation(
    session: Session,
    *,
    path: Path,
    fmt: str,
    codebook: str,
    group_attribute: str = DEFAULT_GROUP_ATTRIBUTE,
    coders: Sequence[str] | None = None,
    pseudonymise: bool | None = None,
    mask_names: Sequence[str] = (),
    language: str = "id",
    table_number: str = "4.1",
) -> ExportResult:
    """Build the triangulation table of ``codebook`` and write it to ``path`` as ``fmt``.

    ``pseudonymise`` None follows the project setting. Raises ``InvalidValue`` (format,
    language), ``NotFound`` (codebook, coder) or ``OSError`` (the target is then unchanged).
    """
    fmt = check_format(fmt)
    language = check_language(language)
    table = build_triangulation(
        session, codebook=codebook, group_attribute=group_attribute, coders=coders
    )
    pseudonyms = make_pseudonyms(
        session, pseudonymise=pseudonymise, mask_names=mask_names, language=language
    )
    return write_triangulation(
        table, path=path, fmt=fmt, pseudonyms=pseudonyms, language=language,
        table_number=table_number, source=source_context(session),
    )  # fmt: skip
