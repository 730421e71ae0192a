"""The Word table of a matrix: wide, long or split, with quote limits and measured widths.

Every table gets a "Tabel N Title" caption in the Caption style (no Title or Heading style:
pasted into a thesis, headings would enter its table of contents), explicit table and cell
widths wide enough for the longest word of every column, English terms in italics in
Indonesian tables, and short notes ending in one "Sumber: …" line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.coding.analysis.matrix import CellKind, ColumnKind, Matrix
from app.coding.exports.analysis_common import (
    ABSENT,
    LABELS,
    PRESENT,
    SourceLine,
    quote_paras,
    source_line,
    unbroken,
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
    new_section,
    table_xml,
    text_cell,
    text_width_cm,
)
from app.coding.exports.excerpts import Pseudonymiser, names_note
from app.coding.exports.table_options import (
    Layout,
    TableOptions,
    Where,
    pick_quotes,
    top_groups,
)
from app.coding.exports.word_layout import fit_widths, italicise

_TEXT = {
    "id": {
        "more": "(+{n} lainnya)",
        "no_star": "Belum ada kutipan berbintang.",
        "unstarred": "{n} kutipan tanpa bintang",
        "column": "Kolom",
        "quotes": "Kutipan",
        "where_attr": "Hanya bukti dari kasus dengan {label}.",
        "where_code": "Hanya bukti yang bertumpang tindih dengan kode {label}.",
        "based": "berdasarkan",
        "default_limit": "Setiap sel memuat kutipan berbintang lebih dahulu, paling banyak "
        "{n} kutipan.",
    },
    "en": {
        "more": "(+{n} more)",
        "no_star": "No starred quote yet.",
        "unstarred": "{n} unstarred quotes",
        "column": "Column",
        "quotes": "Quotes",
        "where_attr": "Only evidence from cases with {label}.",
        "where_code": "Only evidence that overlaps the code {label}.",
        "based": "based on",
        "default_limit": "Each cell shows starred quotes first, at most {n} quotes.",
    },
}
_COLUMN_HEADS = {
    "id": {ColumnKind.CASE: "Informan", ColumnKind.ATTR: "Kelompok", ColumnKind.CODE: "Kode",
           ColumnKind.SOURCE: "Jenis sumber"},
    "en": {ColumnKind.CASE: "Informant", ColumnKind.ATTR: "Group", ColumnKind.CODE: "Code",
           ColumnKind.SOURCE: "Source type"},
}  # fmt: skip
# Short citations of the bundled codebooks for the source line.
THEORY = {
    "id": {
        "loeffler": "Loeffler dan Bovaird (2021)",
        "cepiku": "Cepiku dkk. (2020)",
        "putnam": "Putnam (1993, 2000)",
        "participation": "Hamijoyo (dalam Sastropoetro, 1986) serta Cohen dan Uphoff (1977)",
    },
    "en": {
        "loeffler": "Loeffler and Bovaird (2021)",
        "cepiku": "Cepiku et al. (2020)",
        "putnam": "Putnam (1993, 2000)",
        "participation": "Hamijoyo (in Sastropoetro, 1986) and Cohen and Uphoff (1977)",
    },
}
BODY_SIZES = (10.0, 9.0, 8.0, 7.0)


def theory_source(
    language: str, books: Sequence[str], types: set[str], source: SourceLine | None
) -> str:
    """One "Sumber: …" line: the data and, for bundled codebooks, the theory behind them."""
    return with_theory(source_line(language, types, source), language, books)


def with_theory(line: str, language: str, books: Sequence[str]) -> str:
    """``line`` (a source line) ending in "berdasarkan <the codebooks' theory>"."""
    cites = [THEORY[language][b] for b in dict.fromkeys(books) if b in THEORY[language]]
    if not cites:
        return line
    joined = f" {'dan' if language == 'id' else 'and'} ".join(cites)
    body = line[:-1] if line.endswith(".") else line
    return f"{body} {_TEXT[language]['based']} {joined}."


def quote_cell(
    quotes: Sequence[Any],
    options: TableOptions,
    p: Pseudonymiser | None,
    language: str,
    row_code_id: int,
    names: dict[int, str],
    *,
    total: int | None = None,
    warn: bool = True,
) -> Cell:
    """A cell of quotes cut to the table's quote limit, warning (unless ``warn`` is False)
    when none is starred. ``total``: how many quotes there are when ``quotes`` holds only
    some of them (a summary box carries its best ones), for the "(+N more)" line."""
    text = _TEXT[language]
    if not quotes:
        return text_cell(ABSENT, align="center")
    picked = pick_quotes(quotes, options.quotes)
    paras = quote_paras(picked.shown, p, language, row_code_id=row_code_id, names=names)
    hidden = max(picked.hidden, (total or 0) - len(picked.shown))
    if hidden:
        more = text["unstarred"] if options.quotes == "starred" else text["more"]
        paras.append(Para((Run(more.format(n=hidden), italic=True, size_pt=8),)))
    if warn and not picked.starred:
        paras.insert(0, Para((Run("\u26a0 " + text["no_star"], bold=True, size_pt=8,
                                  colour="C00000"),)))  # fmt: skip
    return Cell(tuple(paras))


def _value_cell(matrix: Matrix, r: int, c: int, cells: CellKind, ctx: _Ctx) -> Cell:
    if cells is CellKind.QUOTES:
        quotes = (*matrix.cell_quotes(r, c), *matrix.contrary_quotes(r, c))
        names = {row.code_id: row.name(ctx.language) for row in matrix.rows}
        return quote_cell(quotes, ctx.options, ctx.p, ctx.language, matrix.rows[r].code_id, names)
    cell: Cell = ctx.plain(matrix, r, c, cells)
    return cell


class _Ctx:
    def __init__(self, options: TableOptions, p: Pseudonymiser | None, language: str,
                 plain: Any) -> None:  # fmt: skip
        self.options, self.p, self.language, self.plain = options, p, language, plain


def _row_cell(matrix: Matrix, r: int, language: str) -> Cell:
    row = matrix.rows[r]
    runs = [Run(row.name(language), bold=row.depth == 0)]
    if row.rolled_up:
        runs.append(Run(" " + LABELS[language]["incl"], italic=True, size_pt=8))
    return Cell((Para(tuple(runs), indent_cm=0.4 * row.depth),))


def place_table(
    doc: Any,
    header: list[Cell],
    body: list[list[Cell]],
    language: str,
    landscape: bool,
    sizes: Sequence[float] = BODY_SIZES,
) -> None:
    """Insert a table whose widths fit its words, shrinking the font when needed."""
    header = [italicise(c, language) for c in header]
    body = [[italicise(c, language) for c in row] for row in body]
    total = text_width_cm(landscape)
    for size in sizes:
        widths = fit_widths(header, body, total, body_pt=size, header_pt=size)
        if widths is not None:
            insert_table(doc, table_xml(header, body, widths, font_pt=size, header_pt=size))
            return
    # Even at 7 pt some word is too long for its share: give every column what its words
    # need and let the table be as wide as that (it still breaks no word).
    widths = fit_widths(header, body, 10_000.0, body_pt=7.0, header_pt=7.0) or []
    need = [min(w, total) for w in widths]
    insert_table(doc, table_xml(header, body, need, font_pt=7.0, header_pt=7.0))


def _header_labels(matrix: Matrix, printed: list[str], language: str, numbered: bool,
                   source_labels: dict[str, str]) -> list[str]:  # fmt: skip
    out = []
    for i, (col, shown) in enumerate(zip(matrix.columns, printed, strict=True), start=1):
        label = col.name(language) if col.kind is ColumnKind.CODE else shown
        if col.kind is ColumnKind.SOURCE:
            label = source_labels.get(col.key, col.key).capitalize()
        if numbered:
            label = f"{'K' if language == 'id' else 'C'}{i}"
        out.append(unbroken(label))
    return out


def write_matrix_docx(
    path: Any,
    matrix: Matrix,
    cells: CellKind,
    *,
    pseudonyms: Pseudonymiser | None,
    language: str,
    options: TableOptions,
    title: str,
    printed: list[str],
    numbered: bool,
    plain: Any,
    notes: list[str],
    source_labels: dict[str, str],
    source: SourceLine | None,
    source_types: set[str],
) -> int:
    """Write the matrix as ``options.layout`` says; returns the number of tables."""
    labels = LABELS[language]
    ctx = _Ctx(options, pseudonyms, language, plain)
    heads = _header_labels(matrix, printed, language, numbered, source_labels)
    first_head = text_cell(labels["code"], bold=True, align="center", fill=HEADER_FILL)
    head_cells = [text_cell(h, bold=True, align="center", fill=HEADER_FILL) for h in heads]
    tables: list[tuple[str, list[Cell], list[list[Cell]], bool]] = []
    if options.layout is Layout.LONG:
        col_head = _COLUMN_HEADS[language].get(matrix.column_kind, _TEXT[language]["column"])
        value_head = _TEXT[language]["quotes"] if cells is CellKind.QUOTES else ""
        header = [
            first_head,
            text_cell(col_head, bold=True, align="center", fill=HEADER_FILL),
            text_cell(value_head, bold=True, align="center", fill=HEADER_FILL),
        ]
        body = []
        for r in range(len(matrix.rows)):
            filled = [c for c in range(len(matrix.columns)) if matrix.present(r, c)
                      or matrix.contrary_quotes(r, c) or matrix.summary(r, c)]  # fmt: skip
            for n, c in enumerate(filled):
                body.append([
                    _row_cell(matrix, r, language) if n == 0 else text_cell(""),
                    text_cell(heads[c]),
                    _value_cell(matrix, r, c, cells, ctx),
                ])  # fmt: skip
            if not filled:
                body.append([_row_cell(matrix, r, language), text_cell(ABSENT, align="center"),
                             text_cell(ABSENT, align="center")])  # fmt: skip
        tables.append((title, header, body, False))
    else:
        groups = (
            top_groups(row.depth for row in matrix.rows)
            if options.layout is Layout.SPLIT
            else [list(range(len(matrix.rows)))]
        )
        for group in groups:
            body = [
                [_row_cell(matrix, r, language)]
                + [_value_cell(matrix, r, c, cells, ctx) for c in range(len(matrix.columns))]
                for r in group
            ]
            name = title
            if options.layout is Layout.SPLIT and group:
                name = f"{title}: {matrix.rows[group[0]].name(language)}"
            wide = len(matrix.columns) + 1 > 4 or (
                cells is CellKind.QUOTES and len(matrix.columns) > 2
            )
            tables.append((name, [first_head, *head_cells], body, wide))
    numbers = options.numbers(len(tables))
    doc = new_document(landscape=tables[0][3] if tables else False)
    for i, (name, header, body, landscape) in enumerate(tables):
        if i:
            new_section(doc, landscape=landscape)
        add_caption(doc, label=labels["table"], number=numbers[i], title=name)
        place_table(doc, header, body, language, landscape)
        if i == len(tables) - 1 or options.layout is Layout.SPLIT:
            _short_notes(doc, matrix, cells, language, options, numbered, heads, notes,
                         source, source_types)  # fmt: skip
    doc.save(str(path))
    return len(tables)


def where_note(where: Where, language: str) -> str:
    """The note saying which evidence a filtered table holds."""
    key = "where_attr" if where.kind == "attr" else "where_code"
    return str(_TEXT[language][key].format(label=where.label()))


def _short_notes(doc: Any, matrix: Matrix, cells: CellKind, language: str,
                 options: TableOptions, numbered: bool, heads: list[str], notes: list[str],
                 source: SourceLine | None, source_types: set[str]) -> None:  # fmt: skip
    text = _TEXT[language]
    lines = [n for n in notes if n]
    if numbered:
        lines.insert(0, "; ".join(
            f"{h} = {col.name(language)}" for h, col in zip(heads, matrix.columns, strict=True)
        ) + ".")  # fmt: skip
    if cells is CellKind.QUOTES and options.quotes == "default":
        from app.coding.exports.table_options import DEFAULT_QUOTES

        lines.append(text["default_limit"].format(n=DEFAULT_QUOTES))
    if options.where is not None:
        lines.append(where_note(options.where, language))
    if lines:
        add_note(doc, LABELS[language]["notes"] + " " + " ".join(lines), language=language)
    books = [matrix.rows_codebook]
    if matrix.column_kind is ColumnKind.CODE:
        books.append(matrix.column_source)
    add_note(doc, theory_source(language, books, source_types, source), italic=True)


__all__ = [
    "PRESENT", "names_note", "quote_cell", "theory_source", "where_note", "write_matrix_docx",
]  # fmt: skip
