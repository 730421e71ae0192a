"""Export of a coded matrix to .csv, .xlsx (SPEC §5 layout) or a thesis-ready .docx table.

Layout of .csv/.xlsx: a header ``code,<column 1>,…`` (case names — aliases when
pseudonymised —, attribute values, source types or code keys), then one row per code with
its key first. Cells: ``count`` the number of supporting excerpts, ``presence`` ✓ or –,
``quotes`` the supporting quotes “…” (source) one per line followed by the ``absent`` and
``barrier`` ones, each marked, ``summary`` the researcher's cell summary. A rolled-up row
shows its indicators' evidence in every cell kind, the way its count adds them up: their
quotes marked with the indicator, their cell summaries after the row's own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.coding.analysis.matrix import ColumnKind, Matrix, build_matrix
from app.coding.exports import (
    ExportResult,
    atomic_output,
    check_format,
    check_language,
)
from app.coding.exports.analysis_common import (
    ABSENT,
    LABELS,
    PRESENT,
    SourceLine,
    case_name,
    clean,
    make_pseudonyms,
    protect_formulas,
    quote_paras,
    quote_text,
    source_context,
    write_csv,
    xlsx_safe,
)
from app.coding.exports.docx_tables import (
    Cell,
    Para,
    Run,
    text_cell,
)
from app.coding.exports.excerpts import (
    SOURCE_TYPE_LABELS,
    STANCE_LABELS,
    Pseudonymiser,
    names_note,
)
from app.coding.exports.matrix_docx import write_matrix_docx
from app.coding.exports.table_kinds import CellKind, cell_kind, parse_cells
from app.coding.exports.table_options import TableOptions, filter_matrix, limit_depth

LANDSCAPE_ABOVE_COLUMNS = 4
_TITLES = {
    "id": {
        ColumnKind.CASE: "Matriks {book} menurut informan",
        ColumnKind.ATTR: "Matriks {book} menurut {attr}",
        ColumnKind.CODE: "Kemunculan bersama {book} dan {other}",
        ColumnKind.SOURCE: "Matriks {book} menurut jenis sumber data",
    },
    "en": {
        ColumnKind.CASE: "Matrix of {book} by informant",
        ColumnKind.ATTR: "Matrix of {book} by {attr}",
        ColumnKind.CODE: "Co-occurrence of {book} and {other}",
        ColumnKind.SOURCE: "Matrix of {book} by source type",
    },
}
# Readable names of the attributes of SPEC §3 (and of the sample study's cases.csv).
_ATTRIBUTE_NAMES = {
    "id": {"group": "kelompok informan", "role": "jabatan", "institution": "instansi",
           "gender": "jenis kelamin", "interview_date": "tanggal wawancara", "place": "tempat"},
    "en": {"group": "informant group", "role": "role", "institution": "institution",
           "gender": "gender", "interview_date": "interview date", "place": "place"},
}  # fmt: skip
#: Above this many code columns, headings are numbered (K1, K2…) and named under the table.
NUMBERED_ABOVE = 8
_COLUMN_PREFIX = {"id": "K", "en": "C"}
_CODERS_NOTE = {
    "id": {
        False: "Bukti dari pengode utama: {names}; pengodean ganda dihitung sekali.",
        True: "Bukti dari pengode: {names}; pengodean ganda dihitung sekali.",
    },
    "en": {
        False: "Evidence of the primary coders: {names}; double coding counts once.",
        True: "Evidence of the coders: {names}; double coding counts once.",
    },
}
_OVERLAP_NOTE = {
    "id": "Sebuah kutipan dihitung bila kodenya bertumpang tindih dengan kode kolom.",
    "en": "A quote counts when its coding overlaps a coding of the column's code.",
}


@dataclass(frozen=True)
class MatrixLayout:
    """The matrix as a header and rows of plain values (the CSV/XLSX layout)."""

    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


def column_headers(matrix: Matrix, pseudonyms: Pseudonymiser | None) -> list[str]:
    """Column keys as printed in .csv/.xlsx headers."""
    return [
        case_name(c.key, pseudonyms)
        if c.kind is ColumnKind.CASE
        else clean(c.key, pseudonyms)
        if c.kind is ColumnKind.ATTR
        else c.key
        for c in matrix.columns
    ]


def _row_names(matrix: Matrix, language: str) -> dict[int, str]:
    return {row.code_id: row.name(language) for row in matrix.rows}


def _summary_text(
    matrix: Matrix, r: int, c: int, p: Pseudonymiser | None, language: str
) -> list[str]:
    """A cell's summary parts; an indicator's part starts with the indicator's name."""
    return [
        clean(text, p) if at is None else f"{matrix.rows[at].name(language)}: {clean(text, p)}"
        for at, text in matrix.summary_parts(r, c)
    ]


def _count_value(matrix: Matrix, r: int, c: int, p: Pseudonymiser | None, language: str) -> Any:
    return matrix.count(r, c)


def _presence_value(matrix: Matrix, r: int, c: int, p: Pseudonymiser | None, language: str) -> Any:
    return PRESENT if matrix.present(r, c) else ABSENT


def _quotes_value(matrix: Matrix, r: int, c: int, p: Pseudonymiser | None, language: str) -> Any:
    names = _row_names(matrix, language)
    row_code = matrix.rows[r].code_id
    quotes = (*matrix.cell_quotes(r, c), *matrix.contrary_quotes(r, c))
    return "\n".join(quote_text(e, p, language, row_code_id=row_code, names=names) for e in quotes)


def _summary_value(matrix: Matrix, r: int, c: int, p: Pseudonymiser | None, language: str) -> Any:
    return "\n".join(_summary_text(matrix, r, c, p, language))


def matrix_layout(
    matrix: Matrix, *, cells: CellKind, pseudonyms: Pseudonymiser | None, language: str
) -> MatrixLayout:
    """The SPEC §5 layout of ``matrix`` with ``cells`` values."""
    value = _WRITERS[cells].value
    width = range(len(matrix.columns))
    rows = tuple(
        (row.key, *(value(matrix, r, c, pseudonyms, language) for c in width))
        for r, row in enumerate(matrix.rows)
    )
    return MatrixLayout(("code", *column_headers(matrix, pseudonyms)), rows)


def _write_xlsx(path: Path, layout: MatrixLayout, cells: CellKind, language: str) -> None:
    import pandas as pd
    from openpyxl.formatting.rule import ColorScaleRule
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    frame = pd.DataFrame(xlsx_safe(layout.rows), columns=list(layout.header))
    sheet = "matriks" if language == "id" else "matrix"
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheet, index=False)
        ws = writer.sheets[sheet]
        protect_formulas(ws)
        ws.freeze_panes = "B2"
        ws.column_dimensions["A"].width = 40
        spec = cell_kind(cells)
        wide = spec.text
        for i in range(2, len(layout.header) + 1):
            ws.column_dimensions[get_column_letter(i)].width = 45 if wide else 14
        wrap = Alignment(wrap_text=True, vertical="top")
        for row in ws.iter_rows(min_row=2, min_col=2):
            for cell in row:
                cell.alignment = wrap
        if spec.heat and len(layout.header) > 1 and layout.rows:
            area = f"B2:{get_column_letter(len(layout.header))}{len(layout.rows) + 1}"
            ws.conditional_formatting.add(
                area, ColorScaleRule(start_type="num", start_value=0, start_color="FFFFFF",
                                     end_type="max", end_color="F4A259")
            )  # fmt: skip


def heat_fill(count: int, peak: int) -> str | None:
    """A white-to-orange background for a count (None for zero)."""
    if count <= 0 or peak <= 0:
        return None
    share = count / peak
    white, hot = (255, 255, 255), (244, 162, 89)
    rgb = [round(w + (h - w) * (0.15 + 0.85 * share)) for w, h in zip(white, hot, strict=True)]
    return "".join(f"{v:02X}" for v in rgb)


def _contrary_note(matrix: Matrix, r: int, c: int, language: str) -> str:
    labels = STANCE_LABELS[language]
    parts = [
        f"{labels[stance]}: {n}"
        for stance in ("absent", "barrier")
        if (n := matrix.contrary_count(r, c, stance))
    ]
    return "; ".join(parts)


def _mark_cell(matrix: Matrix, r: int, c: int, shown: str, fill: str | None, language: str) -> Cell:
    """A count or presence cell: the value, and what says otherwise in small print below."""
    other = _contrary_note(matrix, r, c, language)
    if not other:
        return text_cell(shown, align="center", fill=fill)
    return Cell(
        (
            Para((Run(shown),), align="center"),
            Para((Run(other, italic=True, size_pt=7),), align="center"),
        ),
        fill=fill,
    )


def _count_cell(matrix: Matrix, r: int, c: int, p: Pseudonymiser | None, language: str) -> Cell:
    n = matrix.count(r, c)
    return _mark_cell(matrix, r, c, str(n), heat_fill(n, matrix.max_count()), language)


def _presence_cell(matrix: Matrix, r: int, c: int, p: Pseudonymiser | None, language: str) -> Cell:
    return _mark_cell(matrix, r, c, PRESENT if matrix.count(r, c) else ABSENT, None, language)


def _quotes_cell(matrix: Matrix, r: int, c: int, p: Pseudonymiser | None, language: str) -> Cell:
    quotes = (*matrix.cell_quotes(r, c), *matrix.contrary_quotes(r, c))
    if not quotes:
        return text_cell(ABSENT, align="center")
    names = _row_names(matrix, language)
    return Cell(
        tuple(quote_paras(quotes, p, language, row_code_id=matrix.rows[r].code_id, names=names))
    )


def _summary_cell(matrix: Matrix, r: int, c: int, p: Pseudonymiser | None, language: str) -> Cell:
    parts = _summary_text(matrix, r, c, p, language)
    return Cell(tuple(Para((Run(t),)) for t in parts)) if parts else text_cell("")


@dataclass(frozen=True)
class _Writers:
    """How one cell kind of the registry is written: its .csv/.xlsx value and Word cell."""

    value: Callable[[Matrix, int, int, Pseudonymiser | None, str], Any]
    docx: Callable[[Matrix, int, int, Pseudonymiser | None, str], Cell]


#: The writers of each cell kind of :data:`~app.coding.exports.table_kinds.CELL_KINDS`.
_WRITERS: dict[CellKind, _Writers] = {
    CellKind.COUNT: _Writers(_count_value, _count_cell),
    CellKind.PRESENCE: _Writers(_presence_value, _presence_cell),
    CellKind.QUOTES: _Writers(_quotes_value, _quotes_cell),
    CellKind.SUMMARY: _Writers(_summary_value, _summary_cell),
}


def matrix_title(matrix: Matrix, language: str) -> str:
    """The title of a matrix table when the researcher types none."""
    other = matrix.columns_name(language)
    attr = _ATTRIBUTE_NAMES[language].get(matrix.column_source, matrix.column_source)
    return _TITLES[language][matrix.column_kind].format(
        book=matrix.name(language), attr=attr, other=other
    )


def _write_docx(
    path: Path,
    matrix: Matrix,
    cells: CellKind,
    pseudonyms: Pseudonymiser | None,
    language: str,
    options: TableOptions,
    source: SourceLine | None = None,
) -> int:
    labels = LABELS[language]
    numbered = matrix.column_kind is ColumnKind.CODE and len(matrix.columns) > NUMBERED_ABOVE
    notes = [cell_kind(cells).note(language)]
    if matrix.column_kind is ColumnKind.CODE:
        notes.append(_OVERLAP_NOTE[language])
    if any(r.rolled_up for r in matrix.rows):
        notes.append(labels["rolled_up"])
    notes.append(_CODERS_NOTE[language][matrix.coders_explicit].format(
        names=", ".join(matrix.coders) or "–"
    ))  # fmt: skip
    notes.append(names_note(pseudonyms, language))

    def plain(m: Matrix, r: int, c: int, kind: CellKind) -> Cell:
        return _WRITERS[kind].docx(m, r, c, pseudonyms, language)

    return write_matrix_docx(
        path, matrix, cells, pseudonyms=pseudonyms, language=language, options=options,
        title=options.title or matrix_title(matrix, language),
        printed=column_headers(matrix, pseudonyms), numbered=numbered, plain=plain,
        notes=notes, source_labels=SOURCE_TYPE_LABELS[language], source=source,
        source_types=matrix_source_types(matrix),
    )  # fmt: skip


def matrix_source_types(matrix: Matrix) -> set[str]:
    """The source types of the documents a matrix counts or quotes."""
    return set(matrix.source_types) or {"interview"}


def write_matrix(
    matrix: Matrix,
    *,
    path: Path,
    fmt: str,
    cells: CellKind,
    pseudonyms: Pseudonymiser | None = None,
    language: str = "id",
    table_number: str | None = None,
    title: str | None = None,
    source: SourceLine | None = None,
    options: TableOptions | None = None,
) -> ExportResult:
    """Write an already built matrix (quotes cells need it built ``with_quotes``).
    ``source`` (:func:`source_context`) gives the source line its wording and year;
    ``options`` the title, numbering, quote limit and layout of the Word table (``title``
    and ``table_number`` override them)."""
    fmt = check_format(fmt)
    language = check_language(language)
    path = Path(path)
    options = options or TableOptions()
    if title or table_number:
        options = dataclasses.replace(
            options, title=title or options.title, table_number=table_number or options.table_number
        )
    tables = 1
    with atomic_output(path) as tmp:
        if fmt == "docx":
            tables = _write_docx(tmp, matrix, cells, pseudonyms, language, options, source)
        else:
            layout = matrix_layout(matrix, cells=cells, pseudonyms=pseudonyms, language=language)
            if fmt == "csv":
                write_csv(tmp, layout.header, layout.rows)
            else:
                _write_xlsx(tmp, layout, cells, language)
    return ExportResult(path, len(matrix.rows), tables)


def export_matrix(
    session: Session,
    *,
    path: Path,
    fmt: str,
    rows: str,
    cols: str,
    cells: str,
    coder: str | None = None,
    coders: Sequence[str] | None = None,
    rollup: bool = True,
    pseudonymise: bool | None = None,
    mask_names: Sequence[str] = (),
    language: str = "id",
    table_number: str | None = None,
    options: TableOptions | None = None,
) -> ExportResult:
    """Build the matrix of codebook ``rows`` × ``cols`` and write it to ``path`` as ``fmt``.

    ``options`` (:func:`~app.coding.exports.table_options.make_options`) also limit the rows
    to a depth and the evidence to a case attribute value or a co-occurring code (in every
    format), and give the Word table its title, numbering, quote limit and layout.

    Evidence is the primary coders' unless ``coders`` (or one ``coder``) are given;
    ``pseudonymise`` None follows the project setting "names in exports".
    ``cols`` is ``cases``, ``attr:KEY``, ``source-type`` or a codebook key; ``cells`` is ``quotes``,
    ``count``, ``presence`` or ``summary``. Raises ``InvalidValue`` (format, language, cells,
    columns), ``NotFound`` (codebook, attribute) or ``OSError`` (the target is then unchanged).
    """
    fmt = check_format(fmt)
    language = check_language(language)
    kind = parse_cells(cells)
    matrix = build_matrix(
        session, rows=rows, cols=cols, coder=coder, coders=coders, rollup=rollup,
        with_quotes=cell_kind(kind).needs_quotes,
    )  # fmt: skip
    options = options or TableOptions()
    matrix = limit_depth(filter_matrix(session, matrix, options.where), options.depth)
    pseudonyms = make_pseudonyms(
        session, pseudonymise=pseudonymise, mask_names=mask_names, language=language
    )
    return write_matrix(
        matrix, path=path, fmt=fmt, cells=kind, pseudonyms=pseudonyms, language=language,
        table_number=table_number, source=source_context(session), options=options,
    )  # fmt: skip
