"""The supervisor's review report in Word: the agreement table and the questioned excerpts.

The agreement table has one row per code and an overall row (three decimals, ``n/a`` where
a figure is undefined). The questioned excerpts follow, grouped by code: each quote with its
source, its coder, who questioned it and the whole discussion (questions and answers with
author and date, each thread marked open or resolved). Header rows repeat on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.coding.agreement import AgreementReport, compute_agreement
from app.coding.exports import (
    ExportResult,
    atomic_output,
    check_language,
    format_date,
    repeat_header_row,
    xml_safe,
)
from app.coding.exports.excerpts import (
    ROLE_KEYS,
    Pseudonymiser,
    names_are_aliases,
    names_note,
    pseudonymiser,
    source_label,
)
from app.coding.retrieval import Excerpt
from app.coding.review import CommentInfo
from app.coding.review_queries import QuestionedExcerpt, questioned_excerpts
from app.models.schema import Code

NA = "n/a"
TABLE_PT = 10

_LABELS = {
    "id": {
        "title": "Laporan Tinjauan Pembimbing",
        "reviewer": "Peninjau",
        "any_reviewer": "semua peninjau",
        "made": "Dibuat",
        "agreement": "Kesepakatan antarpengode",
        "coders": "Pengode yang dibandingkan: {0} dan {1}; {2} dokumen; {3} ketidaksepakatan.",
        "no_agreement": "Kesepakatan antarpengode tidak dihitung (pilih dua pengode).",
        "code": "Kode",
        "percent": "Persentase kesepakatan (termasuk teks yang tidak dikodekan)",
        "coded": "Kesepakatan pada teks yang dikodekan",
        "kappa": "Kappa Cohen",
        "alpha": "Alfa Krippendorff",
        "overall": "Keseluruhan",
        "note": "Dihitung per karakter dokumen yang dibandingkan; laporkan kappa atau alfa, "
        "karena persentase kesepakatan ikut menghitung teks yang tidak dikodekan; "
        "n/a: tidak terdefinisi.",
        "questioned": "Kutipan yang dipertanyakan",
        "none": "Tidak ada kutipan yang dipertanyakan.",
        "no": "No.",
        "quote": "Kutipan",
        "discussion": "Tanda dan diskusi",
        "coder": "Pengode",
        "questioned_by": "Dipertanyakan oleh {0}",
        "open": "Belum tuntas",
        "resolved": "Selesai",
        "no_comment": "Belum ada komentar.",
        "count": "{0} kutipan dipertanyakan: {1} belum tuntas, {2} selesai.",
    },
    "en": {
        "title": "Supervisor Review Report",
        "reviewer": "Reviewer",
        "any_reviewer": "all reviewers",
        "made": "Written",
        "agreement": "Intercoder agreement",
        "coders": "Coders compared: {0} and {1}; {2} documents; {3} disagreements.",
        "no_agreement": "Intercoder agreement was not computed (choose two coders).",
        "code": "Code",
        "percent": "Percent agreement (incl. uncoded text)",
        "coded": "Agreement on coded text",
        "kappa": "Cohen's kappa",
        "alpha": "Krippendorff's alpha",
        "overall": "Overall",
        "note": "Computed over the characters of the compared documents; report kappa or "
        "alpha, since percent agreement counts the text neither coder coded; n/a: undefined.",
        "questioned": "Questioned excerpts",
        "none": "No excerpt is questioned.",
        "no": "No.",
        "quote": "Excerpt",
        "discussion": "Mark and discussion",
        "coder": "Coder",
        "questioned_by": "Questioned by {0}",
        "open": "Open",
        "resolved": "Resolved",
        "no_comment": "No comments yet.",
        "count": "{0} questioned excerpts: {1} open, {2} resolved.",
    },
}


def figure_text(value: float | None) -> str:
    """A figure with three decimals, or ``n/a`` (a tiny negative value is "0.000")."""
    if value is None:
        return NA
    text = f"{value:.3f}"
    return "0.000" if text == "-0.000" else text


def percent_text(value: float | None, *, decimal: str = ".") -> str:
    """A share (0–1) as a percentage with one decimal ("87.5%", "87,5%" with ``decimal=","``),
    or ``n/a``."""
    if value is None:
        return NA
    return f"{100 * value:.1f}".replace(".", decimal) + "%"


def when_text(moment: datetime, language: str) -> str:
    """``12 Maret 2024 14:05`` in local time (a naive ``moment`` is UTC, as stored)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    moment = moment.astimezone()
    return f"{format_date(moment.date().isoformat(), language)} {moment:%H:%M}"


def source_text(e: Excerpt, pseudonyms: Pseudonymiser | None = None, language: str = "id") -> str:
    """Document, then the informant's alias (or name) and role when the passage has a case.

    When pseudonymising the document is named as :func:`document_label` does (never by its
    file name), names in the role are replaced and an identifying role prints as the group.
    """
    if pseudonyms is not None and pseudonyms.pseudonymising:
        return source_label(e, pseudonyms=pseudonyms, language=language)
    parts = [e.document]
    if e.case is not None:
        parts.append(e.case_alias or e.case)
        role = next((e.case_attributes[k] for k in ROLE_KEYS if e.case_attributes.get(k)), None)
        if role:
            parts.append(role)
    return ", ".join(parts)


def _code_name(name_id: str, name_en: str, language: str) -> str:
    return (name_id or name_en) if language == "id" else (name_en or name_id)


def _header(table: Any, labels: Sequence[str]) -> None:
    row = table.rows[0]
    repeat_header_row(row)
    for cell, label in zip(row.cells, labels, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(label).bold = True


def _keep_together(row: Any) -> None:
    """Do not split this (short) row across two pages."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _widths(table: Any, widths_cm: Sequence[float]) -> None:
    """Fixed column widths (Word reads the cells, LibreOffice the table grid) and 10 pt
    text, as thesis tables use."""
    from docx.shared import Cm, Pt

    table.autofit = False
    for row in table.rows:
        for cell in row.cells:
            for para in cell.paragraphs:
                for run in para.runs:
                    run.font.size = Pt(TABLE_PT)
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def _a4(section: Any) -> None:
    """An A4 page with the margins of an Indonesian thesis (4 cm binding side, 3 cm else);
    the text is 14 cm wide, which the table widths add up to."""
    from docx.shared import Cm

    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(4.0), Cm(3.0)
    section.top_margin = section.bottom_margin = Cm(3.0)


def _agreement_section(
    doc: Any, session: Session, report: AgreementReport | None, language: str
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    labels = _LABELS[language]
    doc.add_heading(labels["agreement"], level=1)
    if report is None:
        doc.add_paragraph(labels["no_agreement"])
        return
    doc.add_paragraph(
        labels["coders"].format(
            report.coder_a, report.coder_b, len(report.documents), len(report.disagreements)
        )
    )
    names = {
        key: _code_name(nid, nen, language)
        for key, nid, nen in session.execute(
            select(Code.key, Code.name_id, Code.name_en).where(Code.key.in_(list(report.codes)))
        )
    }
    table = doc.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    _header(
        table,
        [labels["code"], labels["kappa"], labels["alpha"], labels["coded"], labels["percent"]],
    )
    rows = [(names.get(k, k), k, f) for k, f in report.codes.items()]
    rows.append((labels["overall"], "", report.overall))
    for name, key, f in rows:
        row = table.add_row()
        _keep_together(row)
        cells = row.cells
        para = cells[0].paragraphs[0]
        para.add_run(xml_safe(name)).bold = not key
        if key:
            para.add_run(xml_safe(f"\n{key}")).italic = True
        decimal = "," if language == "id" else "."
        texts = (
            figure_text(f.cohen_kappa),
            figure_text(f.krippendorff_alpha),
            percent_text(f.coded_agreement, decimal=decimal),
            percent_text(f.percent_agreement, decimal=decimal),
        )
        for cell, text in zip(cells[1:], texts, strict=True):
            cell.text = text
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if not key:
                cell.paragraphs[0].runs[0].bold = True
    _widths(table, (4.6, 2.2, 2.4, 2.9, 3.4))
    doc.add_paragraph().add_run(labels["note"]).italic = True


def _thread(
    cell: Any, thread: Sequence[CommentInfo], language: str, p: Pseudonymiser | None = None
) -> None:
    from docx.shared import Cm

    labels = _LABELS[language]
    if not thread:
        cell.add_paragraph().add_run(labels["no_comment"]).italic = True
        return
    roots = [c for c in thread if c.reply_to is None]
    replies: dict[int, list[CommentInfo]] = {}
    root_of: dict[int, int] = {c.id: c.id for c in roots}
    for c in thread:  # answers to answers belong to the same thread
        if c.reply_to is not None:
            top = root_of.get(c.reply_to, c.reply_to)
            root_of[c.id] = top
            replies.setdefault(top, []).append(c)
    for root in roots:
        status = labels["resolved"] if root.resolved else labels["open"]
        for n, c in enumerate([root, *replies.get(root.id, [])]):
            para = cell.add_paragraph()
            if n:
                para.paragraph_format.left_indent = Cm(0.6)
            para.add_run(xml_safe(c.author)).bold = True
            para.add_run(xml_safe(f", {when_text(c.created_at, language)}"))
            if not n:
                para.add_run(f" [{status}]").italic = True
            para.add_run(xml_safe(f": {p.text(c.text) if p else c.text}"))


def _questioned_section(
    doc: Any, items: Sequence[QuestionedExcerpt], language: str, p: Pseudonymiser | None = None
) -> None:
    labels = _LABELS[language]
    doc.add_heading(labels["questioned"], level=1)
    if not items:
        doc.add_paragraph(labels["none"])
        return
    closed = sum(1 for q in items if q.resolved)
    doc.add_paragraph(labels["count"].format(len(items), len(items) - closed, closed))
    groups: dict[int, list[QuestionedExcerpt]] = {}
    for q in items:
        groups.setdefault(q.excerpt.code_id, []).append(q)
    for group in groups.values():
        first = group[0].excerpt
        doc.add_heading(
            xml_safe(_code_name(first.code_name_id, first.code_name_en, language)), level=2
        )
        table = doc.add_table(rows=1, cols=3)
        table.style = "Table Grid"
        _header(table, [labels["no"], labels["quote"], labels["discussion"]])
        for n, q in enumerate(group, start=1):
            e = q.excerpt
            no_cell, quote_cell, talk_cell = table.add_row().cells
            no_cell.text = str(n)
            text = p.text(e.text) if p else e.text
            quote_cell.paragraphs[0].add_run(xml_safe(f"\u201c{text}\u201d"))
            quote_cell.add_paragraph().add_run(
                xml_safe(f"\u2014\u00a0{source_text(e, p, language)}")
            ).italic = True
            quote_cell.add_paragraph(xml_safe(f"{labels['coder']}: {e.coder}"))
            mark = talk_cell.paragraphs[0]
            mark.add_run(
                xml_safe(labels["questioned_by"].format(", ".join(q.reviewers)))
            ).bold = True
            _thread(talk_cell, q.thread, language, p)
        _widths(table, (1.2, 7.3, 5.5))


def export_review_report(
    session: Session,
    *,
    path: Path,
    reviewer: str | None = None,
    coders: tuple[str, str] | None = None,
    document_names: Sequence[str] | None = None,
    language: str = "id",
    now: datetime | None = None,
    pseudonymise: bool | None = None,
) -> ExportResult:
    """Write the review report to ``path`` (.docx); ``rows`` is the number of questioned
    excerpts. ``reviewer`` keeps only that reviewer's questions; ``coders`` adds the
    agreement table of those two coders (over ``document_names`` if given).
    ``pseudonymise`` None follows the project setting "names in exports".

    Raises ``NotFound`` for an unknown coder or document, ``InvalidValue`` for an unknown
    language or two equal coders, ``OSError`` when the file cannot be written (the target
    is then left as it was).
    """
    from docx import Document as WordDocument

    language = check_language(language)
    labels = _LABELS[language]
    report = None
    if coders is not None:
        report = compute_agreement(
            session, coder_a=coders[0], coder_b=coders[1], document_names=document_names
        )
    items = questioned_excerpts(session, reviewer=reviewer)
    doc = WordDocument()
    _a4(doc.sections[0])
    doc.add_heading(labels["title"], level=0)
    made = when_text(now or datetime.now(UTC), language)
    doc.add_paragraph(
        f"{labels['reviewer']}: {reviewer or labels['any_reviewer']}. {labels['made']}: {made}."
    )
    pseudonyms = (
        pseudonymiser(session, language=language)
        if names_are_aliases(session, pseudonymise)
        else None
    )
    doc.add_paragraph().add_run(names_note(pseudonyms, language)).italic = True
    _agreement_section(doc, session, report, language)
    _questioned_section(doc, items, language, pseudonyms)
    path = Path(path)
    with atomic_output(path) as tmp:
        doc.save(str(tmp))
    return ExportResult(path, len(items))
