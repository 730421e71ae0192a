"""The Word table of the illustrative-method summary, in three layouts.

``wide`` (one row per box: number, box, definition, excerpts, informants, groups, quotes,
what speaks against it, finding, status), ``split`` (the same, one table per top-level box)
and ``long`` (one row per box and informant: number, box, informant, that informant's quotes,
status). Under each table the status key and the source line; once at the end the notes on
coders and names and the lists of empty and absent boxes; then the chart figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.coding.analysis.summary import BoxStatus, BoxSummary, CodebookSummary
from app.coding.exports.analysis_common import (
    ABSENT,
    LABELS,
    NBSP,
    SourceLine,
    case_name,
    clean,
    name_list,
    quote_paras,
    source_line,
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
from app.coding.exports.excerpts import Pseudonymiser, names_note, source_label
from app.coding.exports.matrix_docx import place_table, quote_cell, where_note, with_theory
from app.coding.exports.table_options import Layout, TableOptions, top_groups


@dataclass(frozen=True)
class ChartImage:
    """A chart already rendered to PNG, with its figure title."""

    png: Path
    title: str


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
        "source_col": "Informan / sumber",
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
        "source_col": "Informant / source",
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


def _box_cell(box: BoxSummary, labels: dict[str, str]) -> Cell:
    runs = [Run(box.name(labels["_lang"]), bold=box.depth == 0)]
    if box.rolled_up:
        runs.append(Run(" " + labels["incl"], italic=True, size_pt=8))
    return Cell((Para(tuple(runs), indent_cm=0.4 * box.depth),))


def _cases_cell(box: BoxSummary, p: Pseudonymiser | None, language: str) -> Cell:
    if not box.cases:
        return text_cell(ABSENT, align="center")
    names = name_list([case_name(c, p) for c in box.cases])
    head = f"{len(box.cases)}{NBSP}{LABELS[language]['informants']}"
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


def _wide_row(
    box: BoxSummary, number: str, options: TableOptions, p: Pseudonymiser | None,
    language: str, names: dict[int, str], with_findings: bool,
) -> list[Cell]:  # fmt: skip
    labels = {**LABELS[language], "_lang": language}
    dash = text_cell(ABSENT, align="center")
    row = [
        text_cell(number),
        _box_cell(box, labels),
        text_cell(box.definition(language)),
        text_cell(str(box.excerpts), align="center"),
        _cases_cell(box, p, language),
        text_cell(", ".join(box.groups)) if box.groups else dash,
        quote_cell(box.quotes, options, p, language, box.code_id, names, total=box.excerpts),
        _against_cell(box, names, p, language),
    ]
    if with_findings:
        row.append(text_cell(clean(box.finding, p)) if box.finding else dash)
    row.append(_status_cell(box, language))
    return row


def _long_rows(
    box: BoxSummary, number: str, options: TableOptions, p: Pseudonymiser | None,
    language: str, names: dict[int, str],
) -> list[list[Cell]]:  # fmt: skip
    """One row per informant (or document) whose quotes support the box."""
    labels = {**LABELS[language], "_lang": language}
    by_source: dict[str, list[Any]] = {}
    rank = {name: i for i, name in enumerate(box.cases)}
    in_order = sorted(box.quotes, key=lambda q: rank.get(q.case or "", len(rank)))
    for quote in in_order:
        who = (
            case_name(quote.case, p)
            if quote.case
            else source_label(quote, pseudonyms=p, language=language)
        )
        by_source.setdefault(who, []).append(quote)
    first = [text_cell(number), _box_cell(box, labels)]
    blank = [text_cell(""), text_cell("")]
    if not by_source:
        dash = text_cell(ABSENT, align="center")
        return [[*first, dash, dash, _status_cell(box, language)]]
    rows = []
    for i, (who, quotes) in enumerate(by_source.items()):
        cell = quote_cell(quotes, options, p, language, box.code_id, names, warn=False)
        status = _status_cell(box, language) if i == 0 else text_cell("")
        rows.append([*(first if i == 0 else blank), text_cell(who), cell, status])
    return rows


def write_summary_docx(
    path: Path,
    summary: CodebookSummary,
    p: Pseudonymiser | None,
    language: str,
    table_number: str | None,
    figure_number: str,
    charts: Sequence[ChartImage],
    line: SourceLine | None = None,
    options: TableOptions | None = None,
) -> int:
    """Write the summary as ``options.layout`` says; returns the number of tables."""
    from docx.shared import Cm

    text = _TEXT[language]
    labels = LABELS[language]
    names = _names(summary, language)
    options = options or TableOptions()
    if table_number:
        options = replace(options, table_number=table_number)
    title = options.title or text["title"].format(book=summary.name(language))
    shown = [b for b in summary.boxes if options.depth is None or b.depth < options.depth]
    numbers = dict(zip((b.code_id for b in summary.boxes), _numbers(summary.boxes), strict=True))
    with_findings = any(b.finding for b in shown)

    def head(*names_: str) -> list[Cell]:
        return [text_cell(h, bold=True, align="center", fill=HEADER_FILL) for h in names_]

    tables: list[tuple[str, list[Cell], list[list[Cell]]]] = []
    if options.layout is Layout.LONG:
        header = head(labels["no"], text["box"], text["source_col"], text["quotes"],
                      text["status"])  # fmt: skip
        body = [
            row
            for b in shown
            for row in _long_rows(b, numbers[b.code_id], options, p, language, names)
        ]
        tables.append((title, header, body))
    else:
        header = head(labels["no"], text["box"], text["definition"], text["excerpts"],
                      text["cases"], text["groups"], text["quotes"], text["against"],
                      *([text["finding"]] if with_findings else []), text["status"])  # fmt: skip
        groups = (
            top_groups(b.depth for b in shown)
            if options.layout is Layout.SPLIT
            else [list(range(len(shown)))]
        )
        for group in groups:
            body = [_wide_row(shown[i], numbers[shown[i].code_id], options, p, language, names,
                              with_findings) for i in group]  # fmt: skip
            name = title
            if options.layout is Layout.SPLIT and group:
                name = f"{title}: {shown[group[0]].name(language)}"
            tables.append((name, header, body))
    notes = _notes(summary, p, language, line)
    source = with_theory(notes[-1], language, [summary.codebook_key])
    doc = new_document(landscape=True)
    numbered = zip(options.numbers(len(tables)), tables, strict=True)
    for i, (number, (name, header, body)) in enumerate(numbered):
        if i:
            doc.add_paragraph()
        add_caption(doc, label=labels["table"], number=number, title=name)
        place_table(doc, header, body, language, True, sizes=(9.0, 8.0, 7.0))
        add_note(
            doc, notes[0], language=language
        )  # the statuses, in one line right under the table
        add_note(doc, source, italic=True)
    add_note(doc, labels["notes"], italic=True)
    add_note(doc, labels["rolled_up"], language=language)
    if options.where is not None:
        add_note(doc, where_note(options.where, language), language=language)
    for note in notes[1:-1]:
        add_note(doc, note, language=language)
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
    return len(tables)
