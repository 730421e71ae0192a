"""Export of the illustrative-method summary to .csv, .xlsx or a thesis-ready .docx.

.csv/.xlsx layout (SPEC §5): ``code,excerpts,cases,groups,status`` — the code key, the number
of excerpts, the number of cases, the groups joined by "; " and ``filled``/``thin``/``empty``.
The .xlsx adds a second sheet with names, definitions, cases and quotes. The .docx holds the
summary table (with definitions and illustrative quotes), the list of empty boxes, the
codebook's reference and, when given, chart images with numbered figure captions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.coding.analysis.summary import BoxStatus, BoxSummary, CodebookSummary, build_summary
from app.coding.exports import ExportResult, atomic_output, check_format, check_language
from app.coding.exports.analysis_common import (
    ABSENT,
    LABELS,
    case_name,
    make_pseudonyms,
    protect_formulas,
    quote_paras,
    quote_text,
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
    add_figure,
    add_note,
    insert_table,
    new_document,
    new_section,
    next_number,
    table_xml,
    text_cell,
    text_width_cm,
)
from app.coding.exports.excerpts import Pseudonymiser

COLUMNS = ("code", "excerpts", "cases", "groups", "status")
STATUS_FILL = {BoxStatus.FILLED: "E2EFDA", BoxStatus.THIN: "FFF2CC", BoxStatus.EMPTY: "F8CBAD"}
_TEXT = {
    "id": {
        "title": "Ringkasan metode ilustratif: {book}",
        "box": "Kotak teoretis",
        "definition": "Definisi",
        "excerpts": "Jumlah kutipan",
        "cases": "Informan",
        "groups": "Kelompok informan",
        "quotes": "Kutipan ilustratif",
        "status": "Status",
        "empty": "Kotak yang masih kosong ({n}):",
        "no_empty": "Tidak ada kotak yang kosong.",
        "longest": "Kotak tanpa kutipan berbintang menampilkan kutipan terpanjangnya.",
        "thin_note": "Tipis: bukti hanya dari satu sumber (satu informan atau satu dokumen).",
        "reference": "Rujukan teori: {ref}",
        "sheet": "ringkasan",
        "details": "rincian",
    },
    "en": {
        "title": "Illustrative-method summary: {book}",
        "box": "Theoretical box",
        "definition": "Definition",
        "excerpts": "Excerpts",
        "cases": "Informants",
        "groups": "Informant groups",
        "quotes": "Illustrative quotes",
        "status": "Status",
        "empty": "Boxes still empty ({n}):",
        "no_empty": "No box is empty.",
        "longest": "Boxes without starred quotes show their longest quotes.",
        "thin_note": "Thin: evidence from one source only (one informant or one document).",
        "reference": "Theory reference: {ref}",
        "sheet": "summary",
        "details": "details",
    },
}


# Separate from _TEXT: a BoxStatus is a str and would collide with its keys.
STATUS_LABELS = {
    "id": {BoxStatus.FILLED: "terisi", BoxStatus.THIN: "tipis", BoxStatus.EMPTY: "kosong"},
    "en": {BoxStatus.FILLED: "filled", BoxStatus.THIN: "thin", BoxStatus.EMPTY: "empty"},
}


@dataclass(frozen=True)
class ChartImage:
    """A chart already rendered to PNG, with its figure title."""

    png: Path
    title: str


def summary_rows(summary: CodebookSummary) -> list[tuple[str, int, int, str, str]]:
    """The SPEC §5 rows: key, excerpts, cases, groups ("; "-joined), status."""
    return [
        (b.key, b.excerpts, len(b.cases), "; ".join(b.groups), b.status.value)
        for b in summary.boxes
    ]


def _numbers(boxes: Sequence[BoxSummary]) -> list[str]:
    """Outline numbers: 1, 1.1, 1.2, 2…"""
    counters: list[int] = []
    out = []
    for box in boxes:
        del counters[box.depth + 1 :]
        while len(counters) <= box.depth:
            counters.append(0)
        counters[box.depth] += 1
        out.append(".".join(str(n) for n in counters[: box.depth + 1]))
    return out


def _details(summary: CodebookSummary, p: Pseudonymiser | None, language: str) -> list[list[Any]]:
    return [
        [
            b.key,
            b.name(language),
            b.definition(language),
            b.rolled_up,
            "; ".join(case_name(c, p) for c in b.cases),
            "\n".join(quote_text(q, p, language) for q in b.quotes),
        ]
        for b in summary.boxes
    ]


def _write_xlsx(
    path: Path, summary: CodebookSummary, p: Pseudonymiser | None, language: str
) -> None:
    import pandas as pd
    from openpyxl.styles import Alignment

    text = _TEXT[language]
    main = pd.DataFrame(xlsx_safe(summary_rows(summary)), columns=list(COLUMNS))
    details = pd.DataFrame(
        xlsx_safe(_details(summary, p, language)),
        columns=["code", "name", "definition", "rolled_up", "cases", "quotes"],
    )
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        main.to_excel(writer, sheet_name=text["sheet"], index=False)
        details.to_excel(writer, sheet_name=text["details"], index=False)
        wrap = Alignment(wrap_text=True, vertical="top")
        sheets = ((text["sheet"], (45, 10, 8, 50, 10)), (text["details"], (45, 35, 60, 10, 40, 90)))
        for name, widths in sheets:
            ws = writer.sheets[name]
            protect_formulas(ws)
            ws.freeze_panes = "B2"
            for letter, width in zip("ABCDEF", widths, strict=False):
                ws.column_dimensions[letter].width = width
            for row in ws.iter_rows(min_row=2):
                for cell in row:
                    cell.alignment = wrap


def _box_cell(box: BoxSummary, labels: dict[str, str]) -> Cell:
    runs = [Run(box.name(labels["_lang"]), bold=box.depth == 0)]
    if box.rolled_up:
        runs.append(Run(" " + labels["incl"], italic=True, size_pt=8))
    return Cell((Para(tuple(runs), indent_cm=0.4 * box.depth),))


def _cases_cell(box: BoxSummary, p: Pseudonymiser | None, language: str) -> Cell:
    if not box.cases:
        return text_cell(ABSENT, align="center")
    names = ", ".join(case_name(c, p) for c in box.cases)
    head = f"{len(box.cases)} {LABELS[language]['informants']}"
    return Cell((Para((Run(head, bold=True),)), Para((Run(names),))))


def _write_docx(
    path: Path,
    summary: CodebookSummary,
    p: Pseudonymiser | None,
    language: str,
    table_number: str,
    figure_number: str,
    charts: Sequence[ChartImage],
) -> None:
    text = _TEXT[language]
    labels = {**LABELS[language], "_lang": language}
    doc = new_document(landscape=True)
    add_caption(
        doc,
        label=labels["table"],
        number=table_number,
        title=text["title"].format(book=summary.name(language)),
    )
    # No., box, definition, excerpts, informants, groups, quotes, status (cm).
    fixed = [1.1, 3.6, 4.6, 1.7, 3.0, 2.6, 0.0, 1.6]
    fixed[6] = text_width_cm(True) - sum(fixed)
    heads = [labels["no"], text["box"], text["definition"], text["excerpts"], text["cases"],
             text["groups"], text["quotes"], text["status"]]  # fmt: skip
    header = [text_cell(h, bold=True, align="center", fill=HEADER_FILL) for h in heads]
    rows = []
    dash = text_cell(ABSENT, align="center")
    status = STATUS_LABELS[language]
    for number, box in zip(_numbers(summary.boxes), summary.boxes, strict=True):
        quotes = quote_paras(box.quotes, p, language)
        rows.append(
            [
                text_cell(number),
                _box_cell(box, labels),
                text_cell(box.definition(language)),
                text_cell(str(box.excerpts), align="center"),
                _cases_cell(box, p, language),
                text_cell(", ".join(box.groups)) if box.groups else dash,
                Cell(tuple(quotes)) if quotes else dash,
                text_cell(status[box.status], align="center", fill=STATUS_FILL[box.status]),
            ]
        )
    insert_table(doc, table_xml(header, rows, fixed))
    add_note(doc, labels["notes"], italic=True)
    add_note(doc, labels["rolled_up"])
    add_note(doc, text["thin_note"])
    if any(b.quotes and not b.starred for b in summary.boxes):
        add_note(doc, text["longest"])
    if summary.reference:
        add_note(doc, text["reference"].format(ref=summary.reference))
    add_note(doc, source_line(language), italic=True)
    empty = summary.empty_boxes
    para = doc.add_paragraph()
    para.add_run(text["empty"].format(n=len(empty)) if empty else text["no_empty"]).bold = True
    for box in empty:
        doc.add_paragraph(box.name(language), style="List Bullet")
    if charts:
        new_section(doc, landscape=False)
        number = figure_number
        for chart in charts:
            add_figure(doc, chart.png, width_cm=text_width_cm(False))
            add_caption(doc, label=labels["figure"], number=number, title=chart.title)
            number = next_number(number)
    doc.save(str(path))


def write_summary(
    summary: CodebookSummary,
    *,
    path: Path,
    fmt: str,
    pseudonyms: Pseudonymiser | None = None,
    language: str = "id",
    table_number: str = "4.1",
    figure_number: str = "4.1",
    charts: Sequence[ChartImage] = (),
) -> ExportResult:
    """Write an already built summary; ``rows`` of the result is the number of boxes."""
    fmt = check_format(fmt)
    language = check_language(language)
    path = Path(path)
    with atomic_output(path) as tmp:
        if fmt == "csv":
            write_csv(tmp, COLUMNS, summary_rows(summary))
        elif fmt == "xlsx":
            _write_xlsx(tmp, summary, pseudonyms, language)
        else:
            _write_docx(tmp, summary, pseudonyms, language, table_number, figure_number, charts)
    return ExportResult(path, len(summary.boxes))


def export_summary(
    session: Session,
    *,
    path: Path,
    fmt: str,
    codebook: str,
    group_attribute: str = "group",
    coder: str | None = None,
    pseudonymise: bool = False,
    mask_names: Sequence[str] = (),
    language: str = "id",
    table_number: str = "4.1",
    figure_number: str = "4.1",
    charts: Sequence[ChartImage] = (),
) -> ExportResult:
    """Summarise codebook ``codebook`` and write it to ``path`` as ``fmt``.

    Raises ``InvalidValue`` (format, language), ``NotFound`` (codebook) or ``OSError`` (the
    target is then unchanged).
    """
    fmt = check_format(fmt)
    language = check_language(language)
    summary = build_summary(
        session, codebook=codebook, group_attribute=group_attribute, coder=coder
    )
    pseudonyms = make_pseudonyms(
        session, pseudonymise=pseudonymise, mask_names=mask_names, language=language
    )
    return write_summary(
        summary, path=path, fmt=fmt, pseudonyms=pseudonyms, language=language,
        table_number=table_number, figure_number=figure_number, charts=charts,
    )  # fmt: skip
