"""The Word tables and files a thesis gets from its analysis, as the GUI offers them.

One :class:`ExportKind` per export, the formats each is written in, which table options
(:mod:`~app.coding.exports.table_options`) apply to it, the title it gets when the researcher
types none, and the file name made from that title. The export dialog and the tests ask this
module; the writers themselves live in ``summary``, ``matrix``, ``artefacts`` and ``draft``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sqlalchemy.orm import Session

from app.coding.analysis.matrix import Matrix
from app.coding.errors import InvalidValue
from app.coding.exports import FORMATS, ExportResult, check_language
from app.coding.exports.summary import ChartImage
from app.coding.exports.table_options import TableOptions


class ExportKind(StrEnum):
    """What is exported (the CLI's ``telaah export PROJECT KIND``)."""

    SUMMARY = "summary"
    MATRIX = "matrix"
    INFORMANTS = "informants"
    CODEBOOK = "codebook"
    FINDINGS = "findings"
    DRAFT = "draft"


class Option(StrEnum):
    """A choice of the export dialog."""

    TITLE = "title"
    NUMBERING = "numbering"
    NUMBER = "number"
    QUOTES = "quotes"
    DEPTH = "depth"
    LAYOUT = "layout"
    WHERE = "where"
    SECTION = "section"


_TABLE = frozenset({Option.TITLE, Option.NUMBERING, Option.NUMBER})
#: The options each kind takes (the CLI offers the same ones).
OPTIONS: dict[ExportKind, frozenset[Option]] = {
    ExportKind.SUMMARY: _TABLE | {Option.QUOTES, Option.DEPTH, Option.LAYOUT, Option.WHERE},
    ExportKind.MATRIX: _TABLE | {Option.QUOTES, Option.DEPTH, Option.LAYOUT, Option.WHERE},
    ExportKind.INFORMANTS: _TABLE,
    ExportKind.CODEBOOK: _TABLE,
    ExportKind.FINDINGS: _TABLE,
    ExportKind.DRAFT: frozenset({Option.QUOTES, Option.SECTION}),
}
#: The formats each kind is written in.
FORMATS_OF: dict[ExportKind, tuple[str, ...]] = {
    **{kind: FORMATS for kind in ExportKind},
    ExportKind.DRAFT: ("docx",),
}
#: Kinds that need a codebook.
NEEDS_CODEBOOK = frozenset(
    {ExportKind.SUMMARY, ExportKind.MATRIX, ExportKind.CODEBOOK, ExportKind.FINDINGS,
     ExportKind.DRAFT}
)  # fmt: skip

_TITLES = {
    "id": {
        ExportKind.SUMMARY: "Ringkasan metode ilustratif: {book}",
        ExportKind.INFORMANTS: "Daftar Informan Penelitian",
        ExportKind.CODEBOOK: "Operasionalisasi Konsep: {book}",
        ExportKind.FINDINGS: "Ringkasan Temuan: {book}",
        ExportKind.DRAFT: "Draf Bab IV: {book}",
    },
    "en": {
        ExportKind.SUMMARY: "Illustrative-method summary: {book}",
        ExportKind.INFORMANTS: "Research Informants",
        ExportKind.CODEBOOK: "Operationalisation of Concepts: {book}",
        ExportKind.FINDINGS: "Summary of Findings: {book}",
        ExportKind.DRAFT: "Draft of Chapter IV: {book}",
    },
}
_TABLE_LABEL = {"id": "Tabel", "en": "Table"}
# What Windows, macOS and Linux file names cannot hold (and control characters).
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
MAX_NAME = 100


def default_title(
    kind: ExportKind, *, language: str, book: str = "", matrix: Matrix | None = None
) -> str:
    """The title a table gets when none is typed (the writers use the same words).

    ``book`` is the codebook's name in ``language``; a matrix's title comes from ``matrix``.
    """
    language = check_language(language)
    if kind is ExportKind.MATRIX:
        if matrix is None:
            return ""
        from app.coding.exports.matrix import matrix_title

        return matrix_title(matrix, language)
    return _TITLES[language][kind].format(book=book)


def file_name(title: str, fmt: str, *, language: str, number: str | None = None) -> str:
    """A file name made from a table's title: "Tabel 4.2 Ringkasan Temuan Co-production.docx".

    Characters no file system takes become spaces, runs of spaces one, and the name is cut
    at :data:`MAX_NAME` characters at a word boundary.
    """
    label = f"{_TABLE_LABEL[check_language(language)]} {number} " if number else ""
    text = unicodedata.normalize("NFC", label + title)
    text = _UNSAFE.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" .")
    if len(text) > MAX_NAME:
        text = text[:MAX_NAME].rsplit(" ", 1)[0].rstrip(" .")
    return f"{text or 'telaah'}.{fmt}"


def free_path(folder: Path, name: str) -> Path:
    """``folder / name``, or with " (2)", " (3)"… before the suffix when that file exists."""
    path = Path(folder) / name
    n = 2
    while path.exists():
        path = path.with_name(f"{Path(name).stem} ({n}){Path(name).suffix}")
        n += 1
    return path


@dataclass(frozen=True)
class ExportRequest:
    """Everything one export needs (what the export dialog collects).

    ``codebook`` is the codebook of the rows or boxes; ``cols`` and ``cells`` are the
    matrix's; ``coder`` None means the primary coders; ``charts`` go into a Word summary;
    ``quotes_per_box`` and ``section`` are the draft's; ``figure_number`` numbers the
    first chart (empty: 4.1 or 1, as the table numbering goes).
    """

    kind: ExportKind
    fmt: str
    path: Path
    language: str = "id"
    codebook: str | None = None
    cols: str = "cases"
    cells: str = "count"
    coder: str | None = None
    pseudonymise: bool | None = None
    mask_names: tuple[str, ...] = ()
    options: TableOptions = field(default_factory=TableOptions)
    charts: tuple[ChartImage, ...] = ()
    quotes_per_box: int = 2
    section: str = "4.2"
    figure_number: str = ""


def write_export(session: Session, *, request: ExportRequest) -> ExportResult:
    """Write what ``request`` asks for; the errors are those of the kind's writer
    (``InvalidValue``, ``NotFound``, ``OSError``: the target is then unchanged)."""
    from app.coding.exports.artefacts import (
        export_codebook_table,
        export_findings,
        export_informants,
    )
    from app.coding.exports.draft import export_draft
    from app.coding.exports.matrix import export_matrix
    from app.coding.exports.summary import export_summary

    r = request
    kind = ExportKind(r.kind)
    if r.fmt not in FORMATS_OF[kind]:
        raise InvalidValue("format", r.fmt, "expected one of " + ", ".join(FORMATS_OF[kind]))
    book = r.codebook or ""
    if kind in NEEDS_CODEBOOK and not book:
        raise InvalidValue("codebook", "", "choose a codebook")
    if kind is ExportKind.INFORMANTS:
        return export_informants(session, path=r.path, fmt=r.fmt, language=r.language,
                                 pseudonymise=r.pseudonymise, options=r.options)  # fmt: skip
    if kind is ExportKind.CODEBOOK:
        return export_codebook_table(session, path=r.path, fmt=r.fmt, codebook=book,
                                     language=r.language, options=r.options)  # fmt: skip
    if kind is ExportKind.FINDINGS:
        return export_findings(session, path=r.path, fmt=r.fmt, codebook=book,
                               language=r.language, pseudonymise=r.pseudonymise,
                               options=r.options)  # fmt: skip
    if kind is ExportKind.DRAFT:
        if r.quotes_per_box < 1:
            raise InvalidValue("quotes", str(r.quotes_per_box), "expected a number from 1")
        return export_draft(session, path=r.path, codebook=book, language=r.language,
                            quotes_per_box=r.quotes_per_box, pseudonymise=r.pseudonymise,
                            section=r.section)  # fmt: skip
    if kind is ExportKind.SUMMARY:
        return export_summary(
            session, path=r.path, fmt=r.fmt, codebook=book, coder=r.coder,
            pseudonymise=r.pseudonymise, mask_names=r.mask_names, language=r.language,
            table_number=r.options.first_number(), charts=r.charts, options=r.options,
            figure_number=r.figure_number or (
                "4.1" if r.options.numbering == "chapter" else "1"),
        )  # fmt: skip
    return export_matrix(
        session, path=r.path, fmt=r.fmt, rows=book, cols=r.cols, cells=r.cells, coder=r.coder,
        pseudonymise=r.pseudonymise, mask_names=r.mask_names, language=r.language,
        options=r.options,
    )  # fmt: skip
