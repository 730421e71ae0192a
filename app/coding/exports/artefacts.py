"""The tables every such thesis has besides the matrices: the informant table (Daftar
Informan), the operationalisation table of a codebook, and the findings summary.

Each is written as .docx (a captioned table with measured widths and one source line), .xlsx
or .csv. CSV layouts: informants ``code,name,role,group,date,place``; codebook
``code,name,definition,reference,level``; findings ``code,name,status,finding,quote``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.coding.analysis.evidence import codebook_info, load_cases
from app.coding.analysis.summary import build_summary
from app.coding.exports import (
    ExportResult,
    atomic_output,
    check_format,
    check_language,
    format_date,
)
from app.coding.exports.analysis_common import (
    LABELS,
    case_name,
    clean,
    make_pseudonyms,
    protect_formulas,
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
    add_note,
    new_document,
    text_cell,
)
from app.coding.exports.excerpts import DATE_KEYS, ROLE_KEYS
from app.coding.exports.matrix_docx import THEORY, place_table, with_theory
from app.coding.exports.table_options import TableOptions, pick_quotes
from app.coding.informants import group_of, informant_codes

PLACE_KEYS = ("place", "tempat", "lokasi")
_TEXT = {
    "id": {
        "informants": "Daftar Informan Penelitian",
        "codebook": "Operasionalisasi Konsep: {book}",
        "findings": "Ringkasan Temuan: {book}",
        "no": "No.", "code": "Kode", "name": "Nama", "alias": "Informan", "role": "Jabatan",
        "group": "Kelompok", "date": "Tanggal wawancara", "place": "Tempat",
        "theory": "Teori", "dimension": "Dimensi", "indicator": "Indikator",
        "definition": "Definisi operasional", "rules": "Aturan penggunaan", "source": "Sumber",
        "box": "Kotak teoretis", "status": "Status", "finding": "Temuan",
        "quote": "Kutipan terkuat",
        "use": "Gunakan bila: ", "dont": "Jangan gunakan bila: ",
        "no_finding": "[belum ditulis]",
        "source_codebook": "Sumber: diolah peneliti berdasarkan {cite}.",
        "source_informants": "Sumber: data primer yang diolah peneliti ({year}).",
    },
    "en": {
        "informants": "Research Informants",
        "codebook": "Operationalisation of Concepts: {book}",
        "findings": "Summary of Findings: {book}",
        "no": "No.", "code": "Code", "name": "Name", "alias": "Informant", "role": "Role",
        "group": "Group", "date": "Interview date", "place": "Place",
        "theory": "Theory", "dimension": "Dimension", "indicator": "Indicator",
        "definition": "Operational definition", "rules": "Decision rules", "source": "Source",
        "box": "Theoretical box", "status": "Status", "finding": "Finding",
        "quote": "Strongest quote", "use": "Use when: ", "dont": "Do not use when: ",
        "no_finding": "[not written yet]",
        "source_codebook": "Source: compiled by the researcher from {cite}.",
        "source_informants": "Source: primary data processed by the researcher ({year}).",
    },
}  # fmt: skip


@dataclass(frozen=True)
class Artefact:
    """A table to write: its caption title, header, rows (plain values for csv/xlsx and
    cells for Word), the csv header, and its source line."""

    title: str
    header: tuple[str, ...]
    cells: tuple[tuple[Cell, ...], ...]
    csv_header: tuple[str, ...]
    values: tuple[tuple[object, ...], ...]
    source: str
    landscape: bool = False


def _write(artefact: Artefact, path: Path, fmt: str, language: str, options: TableOptions) -> None:
    if fmt == "csv":
        write_csv(path, artefact.csv_header, artefact.values)
        return
    if fmt == "xlsx":
        import pandas as pd
        from openpyxl.styles import Alignment

        frame = pd.DataFrame(xlsx_safe(artefact.values), columns=list(artefact.csv_header))
        with pd.ExcelWriter(path, engine="openpyxl") as writer:
            frame.to_excel(writer, sheet_name="tabel", index=False)
            ws = writer.sheets["tabel"]
            protect_formulas(ws)
            for row in ws.iter_rows(min_row=2):
                for cell in row:
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        return
    doc = new_document(landscape=artefact.landscape)
    add_caption(
        doc,
        label=LABELS[language]["table"],
        number=options.first_number(),
        title=options.title or artefact.title,
    )
    header = [text_cell(h, bold=True, align="center", fill=HEADER_FILL) for h in artefact.header]
    place_table(doc, header, [list(r) for r in artefact.cells], language, artefact.landscape)
    add_note(doc, artefact.source, italic=True)
    doc.save(str(path))


def _export(
    artefact: Artefact, path: Path, fmt: str, language: str, options: TableOptions | None
) -> ExportResult:
    path = Path(path)
    with atomic_output(path) as tmp:
        _write(artefact, tmp, fmt, language, options or TableOptions())
    return ExportResult(path, len(artefact.values))


def informant_table(
    session: Session, *, language: str = "id", pseudonymise: bool | None = None
) -> Artefact:
    """The informant table: code, name or alias (as the project setting says), role, group,
    date and place of the interview, in informant order."""
    text = _TEXT[check_language(language)]
    p = make_pseudonyms(session, pseudonymise=pseudonymise, mask_names=(), language=language)
    codes = informant_codes(session)
    values, cells = [], []
    for n, case in enumerate(load_cases(session), start=1):
        a = case.attributes
        role = next((a[k] for k in ROLE_KEYS if a.get(k)), "")
        when = next((a[k] for k in DATE_KEYS if a.get(k)), "")
        place = next((a[k] for k in PLACE_KEYS if a.get(k)), "")
        name = case_name(case.name, p) if p is not None else case.name
        row = (codes[case.id], name, clean(role, p), group_of(a), when, clean(place, p))
        values.append(row)
        shown = (str(n), row[0], row[1], row[2], row[3], format_date(when, language), row[5])
        cells.append(tuple(text_cell(v, align="center" if i < 2 else "left")
                           for i, v in enumerate(shown)))  # fmt: skip
    name_head = text["alias"] if p is not None else text["name"]
    year = source_context(session).year
    return Artefact(
        text["informants"],
        (text["no"], text["code"], name_head, text["role"], text["group"], text["date"],
         text["place"]),
        tuple(cells), ("code", "name", "role", "group", "date", "place"), tuple(values),
        text["source_informants"].format(year=year), landscape=True,
    )  # fmt: skip


def codebook_table(session: Session, *, codebook: str, language: str = "id") -> Artefact:
    """The operationalisation table: theory → dimension → indicator → definition (with the
    decision rules) → source."""
    language = check_language(language)
    text = _TEXT[language]
    book = codebook_info(session, key=codebook)
    name = book.name_en if language == "en" else book.name_id
    cite = THEORY[language].get(codebook, name)
    values, cells = [], []
    top = ""
    for n, code in enumerate(book.codes, start=1):
        code_name = code.name_en if language == "en" else code.name_id
        definition = (code.definition_en or code.definition_id) if language == "en" else (
            code.definition_id or code.definition_en)  # fmt: skip
        use = code.use_when_en if language == "en" else code.use_when_id
        dont = code.not_use_when_en if language == "en" else code.not_use_when_id
        if code.depth == 0:
            top = code_name
        values.append((code.key, code_name, definition, code.reference, code.depth + 1))
        rules = []
        if use:
            rules.append(Para((Run(text["use"], bold=True, size_pt=8), Run(use, size_pt=8))))
        if dont:
            rules.append(Para((Run(text["dont"], bold=True, size_pt=8), Run(dont, size_pt=8))))
        cells.append((
            text_cell(str(n), align="center"),
            text_cell(name if n == 1 else ""),
            text_cell(top if code.depth == 0 else "", bold=code.depth == 0),
            text_cell(code_name if code.depth else ""),
            Cell((Para((Run(definition),)), *rules)),
            text_cell(code.reference),
        ))  # fmt: skip
    return Artefact(
        text["codebook"].format(book=name),
        (text["no"], text["theory"], text["dimension"], text["indicator"], text["definition"],
         text["source"]),
        tuple(cells), ("code", "name", "definition", "reference", "level"), tuple(values),
        text["source_codebook"].format(cite=cite), landscape=True,
    )  # fmt: skip


def findings_table(
    session: Session, *, codebook: str, language: str = "id", pseudonymise: bool | None = None
) -> Artefact:
    """The findings summary: box, status, the researcher's finding and the strongest quote
    (a starred one when there is one)."""
    from app.coding.exports.summary import STATUS_LABELS

    language = check_language(language)
    text = _TEXT[language]
    summary = build_summary(session, codebook=codebook)
    p = make_pseudonyms(session, pseudonymise=pseudonymise, mask_names=(), language=language)
    values, cells = [], []
    for n, box in enumerate(summary.boxes, start=1):
        status = STATUS_LABELS[language][box.status]
        best = pick_quotes(box.quotes, 1).shown
        quote = quote_text(best[0], p, language) if best else ""
        finding = clean(box.finding, p) if box.finding else ""
        values.append((box.key, box.name(language), box.status.value, finding, quote))
        box_runs = (Run(box.name(language), bold=box.depth == 0),)
        missing = Cell((Para((Run(text["no_finding"], italic=True),)),))
        cells.append((
            text_cell(str(n), align="center"),
            Cell((Para(box_runs, indent_cm=0.4 * box.depth),)),
            text_cell(status, align="center"),
            text_cell(finding) if finding else missing,
            text_cell(quote or "\u2013"),
        ))  # fmt: skip
    line = source_line(language, summary_source_types(summary), source_context(session))
    return Artefact(
        text["findings"].format(book=summary.name(language)),
        (text["no"], text["box"], text["status"], text["finding"], text["quote"]),
        tuple(cells), ("code", "name", "status", "finding", "quote"), tuple(values),
        with_theory(line, language, [codebook]), landscape=True,
    )  # fmt: skip


def summary_source_types(summary: object) -> set[str]:
    """The source types behind a summary's boxes (interviews when it names none)."""
    boxes = getattr(summary, "boxes", ())
    types = {str(t) for b in boxes for t in getattr(b, "source_types", ())}
    return types or {"interview"}


def export_informants(
    session: Session, *, path: Path, fmt: str, language: str = "id",
    pseudonymise: bool | None = None, options: TableOptions | None = None,
) -> ExportResult:  # fmt: skip
    """Write the informant table; ``rows`` is the number of informants."""
    fmt, language = check_format(fmt), check_language(language)
    table = informant_table(session, language=language, pseudonymise=pseudonymise)
    return _export(table, path, fmt, language, options)


def export_codebook_table(
    session: Session, *, path: Path, fmt: str, codebook: str, language: str = "id",
    options: TableOptions | None = None,
) -> ExportResult:  # fmt: skip
    """Write the operationalisation table of ``codebook``; ``rows`` is its number of codes."""
    fmt, language = check_format(fmt), check_language(language)
    table = codebook_table(session, codebook=codebook, language=language)
    return _export(table, path, fmt, language, options)


def export_findings(
    session: Session, *, path: Path, fmt: str, codebook: str, language: str = "id",
    pseudonymise: bool | None = None, options: TableOptions | None = None,
) -> ExportResult:  # fmt: skip
    """Write the findings summary of ``codebook``; ``rows`` is its number of boxes."""
    fmt, language = check_format(fmt), check_language(language)
    table = findings_table(session, codebook=codebook, language=language, pseudonymise=pseudonymise)
    return _export(table, path, fmt, language, options)


__all__: Sequence[str] = (
    "export_codebook_table", "export_findings", "export_informants", "informant_table",
)  # fmt: skip
