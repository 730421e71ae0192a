"""Export of the illustrative-method summary to .csv, .xlsx or a thesis-ready .docx.

.csv/.xlsx layout (SPEC §5): ``code,excerpts,cases,groups,source_types,absent,barriers,
status,finding`` — the code key, the number of supporting excerpts, the number of cases and
of informant groups they come from, the number of source types, the numbers of ``absent``
and ``barrier`` excerpts, the status (``filled``/``thin``/``contested``/``absent``/
``empty``) and the researcher's finding. The .xlsx adds a sheet with names, definitions,
cases and quotes, and one with the notes. The .docx holds the summary table (definitions,
illustrative quotes, what speaks against or hinders each box, findings), a one-line key to
the statuses, the lists of empty and absent boxes, the codebook's reference and, when given,
chart images with numbered figure captions.
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
    SourceLine,
    case_name,
    clean,
    make_pseudonyms,
    protect_formulas,
    quote_paras,
    quote_text,
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
    add_figure,
    add_note,
    new_document,
    new_section,
    next_number,
    text_cell,
    text_width_cm,
)
from app.coding.exports.excerpts import Pseudonymiser, names_note
from app.coding.exports.matrix_docx import place_table, quote_cell, with_theory
from app.coding.exports.table_options import TableOptions

COLUMNS = (
    "code", "excerpts", "cases", "groups", "source_types", "absent", "barriers", "status",
    "finding",
)  # fmt: skip
STATUS_FILL = {
    BoxStatus.FILLED: "E2EFDA",
    BoxStatus.THIN: "FFF2CC",
    BoxStatus.CONTESTED: "FCE4D6",
    BoxStatus.ABSENT: "D9D9D9",
    BoxStatus.EMPTY: "F8CBAD",
}
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
        "against": "Tidak terjadi / hambatan",
        "finding": "Temuan",
        "empty": "Kotak yang masih kosong ({n}):",
        "no_empty": "Tidak ada kotak yang kosong.",
        "absent_list": "Kotak yang menurut informan tidak terjadi ({n}):",
        "longest": "Kotak tanpa kutipan berbintang menampilkan kutipan terpanjangnya.",
        "thin_note": (
            "Status: terisi = bukti pendukung dari dua sumber atau lebih; tipis = dari satu "
            "sumber; diperdebatkan = ada bukti pendukung dan bukti bahwa hal itu tidak "
            "terjadi; tidak terjadi = hanya bukti bahwa hal itu tidak terjadi; kosong = "
            "belum ada bukti. Hambatan dicatat di sampingnya dan tidak mengisi kotak."
        ),
        "absent_n": "tidak terjadi: {n}",
        "barrier_n": "hambatan: {n}",
        "coders": "Bukti dari pengode: {names}.",
        "coders_primary": "Bukti dari pengode utama: {names}; pengodean ganda dihitung sekali.",
        "types": "jenis sumber",
        "reference": "Rujukan teori: {ref}",
        "sheet": "ringkasan",
        "details": "rincian",
        "notes_sheet": "keterangan",
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
        "against": "Does not happen / barriers",
        "finding": "Finding",
        "empty": "Boxes still empty ({n}):",
        "no_empty": "No box is empty.",
        "absent_list": "Boxes informants say do not happen ({n}):",
        "longest": "Boxes without starred quotes show their longest quotes.",
        "thin_note": (
            "Status: filled = supporting evidence from two or more sources; thin = from one "
            "source; contested = supporting evidence and evidence that it does not happen; "
            "absent = only evidence that it does not happen; empty = no evidence yet. "
            "Barriers are listed beside and do not fill a box."
        ),
        "absent_n": "does not happen: {n}",
        "barrier_n": "barriers: {n}",
        "coders": "Evidence of the coders: {names}.",
        "coders_primary": "Evidence of the primary coders: {names}; double coding counts once.",
        "types": "source types",
        "reference": "Theory reference: {ref}",
        "sheet": "summary",
        "details": "details",
        "notes_sheet": "notes",
    },
}


# Separate from _TEXT: a BoxStatus is a str and would collide with its keys.
STATUS_LABELS = {
    "id": {
        BoxStatus.FILLED: "terisi",
        BoxStatus.THIN: "tipis",
        BoxStatus.CONTESTED: "diperdebatkan",
        BoxStatus.ABSENT: "tidak terjadi",
        BoxStatus.EMPTY: "kosong",
    },
    "en": {
        BoxStatus.FILLED: "filled",
        BoxStatus.THIN: "thin",
        BoxStatus.CONTESTED: "contested",
        BoxStatus.ABSENT: "absent",
        BoxStatus.EMPTY: "empty",
    },
}


@dataclass(frozen=True)
class ChartImage:
    """A chart already rendered to PNG, with its figure title."""

    png: Path
    title: str


def summary_rows(
    summary: CodebookSummary, pseudonyms: Pseudonymiser | None = None
) -> list[tuple[str, int, int, int, int, int, int, str, str]]:
    """The SPEC §5 rows: key, supporting excerpts, cases, groups, source types, absent,
    barriers, status, finding (names in it replaced when pseudonymising)."""
    return [
        (
            b.key, b.excerpts, len(b.cases), len(b.groups), len(b.source_types), b.absent,
            b.barriers, b.status.value, clean(b.finding, pseudonyms),
        )
        for b in summary.boxes
    ]  # fmt: skip


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


def _names(summary: CodebookSummary, language: str) -> dict[int, str]:
    return {b.code_id: b.name(language) for b in summary.boxes}


def _details(summary: CodebookSummary, p: Pseudonymiser | None, language: str) -> list[list[Any]]:
    names = _names(summary, language)
    return [
        [
            b.key,
            b.name(language),
            b.definition(language),
            b.rolled_up,
            "; ".join(b.groups),
            "; ".join(case_name(c, p) for c in b.cases),
            "\n".join(
                quote_text(q, p, language, row_code_id=b.code_id, names=names)
                for q in (*b.quotes, *b.absent_quotes, *b.barrier_quotes)
            ),
        ]
        for b in summary.boxes
    ]


def _notes(
    summary: CodebookSummary, p: Pseudonymiser | None, language: str, line: SourceLine | None
) -> list[str]:
    """The notes every format of the summary carries (the .docx adds its own layout)."""
    text = _TEXT[language]
    who = ", ".join(summary.coders) or "–"
    notes = [
        text["thin_note"],
        text["coders" if summary.coders_explicit else "coders_primary"].format(names=who),
        names_note(p, language),
        source_line(language, _kinds(summary), line),
    ]
    return notes


def _kinds(summary: CodebookSummary) -> set[str]:
    return {k.value for b in summary.boxes for k in b.source_types} or {"interview"}


def _write_xlsx(
    path: Path,
    summary: CodebookSummary,
    p: Pseudonymiser | None,
    language: str,
    line: SourceLine | None,
) -> None:
    import pandas as pd
    from openpyxl.styles import Alignment

    text = _TEXT[language]
    main = pd.DataFrame(xlsx_safe(summary_rows(summary, p)), columns=list(COLUMNS))
    details = pd.DataFrame(
        xlsx_safe(_details(summary, p, language)),
        columns=["code", "name", "definition", "rolled_up", "groups", "cases", "quotes"],
    )
    notes = pd.DataFrame({LABELS[language]["notes"]: _notes(summary, p, language, line)})
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        main.to_excel(writer, sheet_name=text["sheet"], index=False)
        details.to_excel(writer, sheet_name=text["details"], index=False)
        notes.to_excel(writer, sheet_name=text["notes_sheet"], index=False)
        writer.sheets[text["notes_sheet"]].column_dimensions["A"].width = 120
        wrap = Alignment(wrap_text=True, vertical="top")
        sheets = (
            (text["sheet"], (45, 10, 8, 8, 12, 8, 8, 12, 60)),
            (text["details"], (45, 35, 60, 10, 30, 40, 90)),
        )
        for name, widths in sheets:
            ws = writer.sheets[name]
            protect_formulas(ws)
            ws.freeze_panes = "B2"
            for letter, width in zip("ABCDEFGHI", widths, strict=False):
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


def _against_cell(
    box: BoxSummary, names: dict[int, str], p: Pseudonymiser | None, language: str
) -> Cell:
    """What speaks against the box (absent) or hinders it (barriers): counts, then quotes."""
    text = _TEXT[language]
    paras: list[Para] = []
    for count, key, quotes in (
        (box.absent, "absent_n", box.absent_quotes),
        (box.barriers, "barrier_n", box.barrier_quotes),
    ):
        if not count:
            continue
        paras.append(Para((Run(text[key].format(n=count), bold=True),)))
        paras.extend(quote_paras(quotes[:1], p, language, row_code_id=box.code_id, names=names))
    return Cell(tuple(paras)) if paras else text_cell(ABSENT, align="center")


def _status_cell(box: BoxSummary, language: str) -> Cell:
    return text_cell(
        STATUS_LABELS[language][box.status], align="center", fill=STATUS_FILL[box.status]
    )


def _write_docx(
    path: Path,
    summary: CodebookSummary,
    p: Pseudonymiser | None,
    language: str,
    table_number: str,
    figure_number: str,
    charts: Sequence[ChartImage],
    line: SourceLine | None = None,
    options: TableOptions | None = None,
) -> None:
    from docx.shared import Cm

    text = _TEXT[language]
    labels = {**LABELS[language], "_lang": language}
    names = _names(summary, language)
    options = options or TableOptions()
    doc = new_document(landscape=True)
    add_caption(
        doc,
        label=labels["table"],
        number=table_number,
        title=options.title or text["title"].format(book=summary.name(language)),
    )
    shown = [b for b in summary.boxes if options.depth is None or b.depth < options.depth]
    with_findings = any(b.finding for b in summary.boxes)
    # No., box, definition, excerpts, informants, groups, quotes, against, [finding,] status.
    fixed = [0.9, 2.6, 2.6, 1.4, 2.1, 2.0, 0.0, 2.5, *([2.9] if with_findings else []), 1.6]
    fixed[6] = text_width_cm(True) - sum(fixed)
    heads = [labels["no"], text["box"], text["definition"], text["excerpts"], text["cases"],
             text["groups"], text["quotes"], text["against"],
             *([text["finding"]] if with_findings else []), text["status"]]  # fmt: skip
    header = [text_cell(h, bold=True, align="center", fill=HEADER_FILL) for h in heads]
    rows = []
    dash = text_cell(ABSENT, align="center")
    numbers = dict(zip((b.code_id for b in summary.boxes), _numbers(summary.boxes), strict=True))
    for box in shown:
        number = numbers[box.code_id]
        quote_box = quote_cell(box.quotes, options, p, language, box.code_id, names)
        row = [
            text_cell(number),
            _box_cell(box, labels),
            text_cell(box.definition(language)),
            text_cell(str(box.excerpts), align="center"),
            _cases_cell(box, p, language),
            text_cell(", ".join(box.groups)) if box.groups else dash,
            quote_box,
            _against_cell(box, names, p, language),
        ]
        if with_findings:
            row.append(text_cell(clean(box.finding, p)) if box.finding else dash)
        row.append(_status_cell(box, language))
        rows.append(row)
    del fixed  # widths are measured from the content now
    place_table(doc, header, rows, language, True, sizes=(9.0, 8.0, 7.0))
    notes = _notes(summary, p, language, line)
    add_note(doc, notes[0])  # the statuses, in one line right under the table
    add_note(doc, labels["notes"], italic=True)
    add_note(doc, labels["rolled_up"])
    for note in notes[1:-1]:
        add_note(doc, note)
    add_note(doc, with_theory(notes[-1], language, [summary.codebook_key]), italic=True)
    for key, boxes in (("absent_list", summary.absent_boxes), ("empty", summary.empty_boxes)):
        if key == "absent_list" and not boxes:
            continue
        para = doc.add_paragraph()
        para.paragraph_format.keep_with_next = bool(boxes)  # the heading stays with its list
        para.add_run(text[key].format(n=len(boxes)) if boxes else text["no_empty"]).bold = True
        for box in boxes:
            # Plain paragraphs: a list style would bring its numbering into the thesis.
            item = doc.add_paragraph(f"\u2013 {box.name(language)}")
            item.paragraph_format.left_indent = Cm(0.6)
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
    source: SourceLine | None = None,
    options: TableOptions | None = None,
) -> ExportResult:
    """Write an already built summary; ``rows`` of the result is the number of boxes.
    ``source`` (:func:`source_context`) gives the source line its wording and year;
    ``options`` the Word table's title, quote limit and depth."""
    fmt = check_format(fmt)
    language = check_language(language)
    path = Path(path)
    with atomic_output(path) as tmp:
        if fmt == "csv":
            write_csv(tmp, COLUMNS, summary_rows(summary, pseudonyms))
        elif fmt == "xlsx":
            _write_xlsx(tmp, summary, pseudonyms, language, source)
        else:
            _write_docx(
                tmp,
                summary,
                pseudonyms,
                language,
                table_number,
                figure_number,
                charts,
                source,
                options,
            )
    return ExportResult(path, len(summary.boxes))


def export_summary(
    session: Session,
    *,
    path: Path,
    fmt: str,
    codebook: str,
    group_attribute: str = "group",
    coder: str | None = None,
    coders: Sequence[str] | None = None,
    pseudonymise: bool | None = None,
    mask_names: Sequence[str] = (),
    language: str = "id",
    table_number: str = "4.1",
    figure_number: str = "4.1",
    charts: Sequence[ChartImage] = (),
    options: TableOptions | None = None,
) -> ExportResult:
    """Summarise codebook ``codebook`` and write it to ``path`` as ``fmt``.

    Evidence is the primary coders' unless ``coders`` (or one ``coder``) are given;
    ``pseudonymise`` None follows the project setting "names in exports". Raises
    ``InvalidValue`` (format, language), ``NotFound`` (codebook, coder) or ``OSError`` (the
    target is then unchanged).
    """
    fmt = check_format(fmt)
    language = check_language(language)
    summary = build_summary(
        session, codebook=codebook, group_attribute=group_attribute, coder=coder, coders=coders
    )
    pseudonyms = make_pseudonyms(
        session, pseudonymise=pseudonymise, mask_names=mask_names, language=language
    )
    return write_summary(
        summary, path=path, fmt=fmt, pseudonyms=pseudonyms, language=language,
        table_number=table_number, figure_number=figure_number, charts=charts,
        source=source_context(session), options=options,
    )  # fmt: skip
