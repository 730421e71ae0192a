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
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.coding.analysis.summary import CodebookSummary, build_summary
from app.coding.exports import ExportResult, atomic_output, check_format, check_language
from app.coding.exports.analysis_common import (
    LABELS,
    SourceLine,
    case_name,
    clean,
    make_pseudonyms,
    protect_formulas,
    quote_text,
    source_context,
    write_csv,
    xlsx_safe,
)
from app.coding.exports.excerpts import Pseudonymiser
from app.coding.exports.summary_docx import (
    _TEXT,
    STATUS_FILL,
    STATUS_LABELS,
    ChartImage,
    _names,
    _notes,
    write_summary_docx,
)
from app.coding.exports.table_options import (
    TableOptions,
    evidence_filter,
    summary_quotes,
)

COLUMNS = (
    "code", "excerpts", "cases", "groups", "source_types", "absent", "barriers", "status",
    "finding",
)  # fmt: skip


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


def write_summary(
    summary: CodebookSummary,
    *,
    path: Path,
    fmt: str,
    pseudonyms: Pseudonymiser | None = None,
    language: str = "id",
    table_number: str | None = None,
    figure_number: str = "4.1",
    charts: Sequence[ChartImage] = (),
    source: SourceLine | None = None,
    options: TableOptions | None = None,
) -> ExportResult:
    """Write an already built summary; ``rows`` of the result is the number of boxes,
    ``tables`` the number of Word tables. ``source`` (:func:`source_context`) gives the
    source line its wording and year; ``options`` the Word table's title, numbering (a
    ``table_number`` given here wins), quote limit, depth and layout (wide, long, split)."""
    fmt = check_format(fmt)
    language = check_language(language)
    path = Path(path)
    tables = 1
    with atomic_output(path) as tmp:
        if fmt == "csv":
            write_csv(tmp, COLUMNS, summary_rows(summary, pseudonyms))
        elif fmt == "xlsx":
            _write_xlsx(tmp, summary, pseudonyms, language, source)
        else:
            tables = write_summary_docx(
                tmp, summary, pseudonyms, language, table_number, figure_number, charts,
                source, options,
            )  # fmt: skip
    return ExportResult(path, len(summary.boxes), tables)


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
    table_number: str | None = None,
    figure_number: str = "4.1",
    charts: Sequence[ChartImage] = (),
    options: TableOptions | None = None,
) -> ExportResult:
    """Summarise codebook ``codebook`` and write it to ``path`` as ``fmt``.

    ``options`` (:func:`~app.coding.exports.table_options.make_options`) also limit the
    evidence to a case attribute value or a co-occurring code (in every format) and say how
    many quotes each box carries (``all`` is all of them, in .xlsx too).
    Evidence is the primary coders' unless ``coders`` (or one ``coder``) are given;
    ``pseudonymise`` None follows the project setting "names in exports". Raises
    ``InvalidValue`` (format, language), ``NotFound`` (codebook, coder) or ``OSError`` (the
    target is then unchanged).
    """
    fmt = check_format(fmt)
    language = check_language(language)
    options = options or TableOptions()
    summary = build_summary(
        session, codebook=codebook, group_attribute=group_attribute, coder=coder, coders=coders,
        quotes=summary_quotes(options.quotes, options.layout),
        keep=evidence_filter(session, options.where),
    )  # fmt: skip
    pseudonyms = make_pseudonyms(
        session, pseudonymise=pseudonymise, mask_names=mask_names, language=language
    )
    return write_summary(
        summary, path=path, fmt=fmt, pseudonyms=pseudonyms, language=language,
        table_number=table_number, figure_number=figure_number, charts=charts,
        source=source_context(session), options=options,
    )  # fmt: skip


__all__: Sequence[str] = (
    "COLUMNS", "STATUS_FILL", "STATUS_LABELS", "ChartImage", "export_summary", "summary_rows",
    "write_summary",
)  # fmt: skip
