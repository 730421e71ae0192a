"""The chapter draft of a codebook: a starting point for chapter IV that the student rewrites.

Per box a numbered sub-heading (Heading styles belong here: the draft is the chapter), the
definition with its citation, the evidence in prose scaffolding ("Hal ini sebagaimana
disampaikan oleh Informan 3 (AP1): …") with block quotes (starred first, at most
``quotes_per_box``), the researcher's finding and the code's memo, clearly marked places for
the interpretation, empty and absent boxes stated as findings, and the findings summary table
at the end. It says once, at the top, that it is a draft.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.coding.analysis.summary import BoxStatus, build_summary
from app.coding.exports import ExportResult, atomic_output, check_language, xml_safe
from app.coding.exports.analysis_common import case_name, clean, make_pseudonyms
from app.coding.exports.artefacts import findings_table
from app.coding.exports.docx_tables import (
    HEADER_FILL,
    add_caption,
    add_note,
    new_document,
    text_cell,
)
from app.coding.exports.excerpts import source_label
from app.coding.exports.matrix_docx import THEORY, place_table
from app.coding.exports.table_options import TableOptions, pick_quotes
from app.coding.exports.word_layout import ENGLISH_TERMS
from app.coding.informants import informant_codes
from app.models.schema import Case, Memo

_TEXT = {
    "id": {
        "title": "Draf Bab IV: {book}",
        "warning": "Draf awal yang disusun Telaah dari pengodean Anda. Tulis ulang dengan "
        "kata-kata "
        "Anda sendiri, lengkapi interpretasi, dan periksa setiap kutipan sebelum dipakai.",
        "intro": "Bagian ini menguraikan temuan penelitian menurut {book} ({cite}).",
        "definition": "Menurut {cite}, {name} adalah: {definition}",
        "evidence": "Hal ini sebagaimana disampaikan oleh {who}:",
        "evidence_doc": "Hal ini juga tampak dalam {who}:",
        "more": "Selain itu, {n} kutipan lain pada kotak ini dapat dibaca dalam lampiran.",
        "finding": "Temuan peneliti: {text}",
        "memo": "Catatan analitis: {text}",
        "interpret": "[INTERPRETASI PENELITI: jelaskan makna temuan ini dan kaitkan dengan teori.]",
        "empty": "Tidak ditemukan bukti untuk {name} dalam data penelitian ini. Kotak ini "
        "tetap kosong, dan hal itu merupakan temuan.",
        "absent": "Informan menyatakan bahwa {name} tidak terjadi ({n} kutipan).",
        "thin": "Bukti untuk {name} hanya berasal dari satu sumber, sehingga temuan ini "
        "masih tipis.",
        "table": "Ringkasan Temuan: {book}",
        "informant": "Informan",
    },
    "en": {
        "title": "Draft of Chapter IV: {book}",
        "warning": "A first draft that Telaah put together from your coding. Rewrite it in "
        "your own words, add the interpretation, and check every quote before using it.",
        "intro": "This section sets out the findings by {book} ({cite}).",
        "definition": "According to {cite}, {name} is: {definition}",
        "evidence": "As {who} put it:",
        "evidence_doc": "It also shows in {who}:",
        "more": "{n} further quotes on this box can be read in the appendix.",
        "finding": "Researcher's finding: {text}",
        "memo": "Analytic memo: {text}",
        "interpret": "[RESEARCHER'S INTERPRETATION: explain what this finding means and relate "
        "it to the theory.]",
        "empty": "No evidence of {name} was found in the data of this study. The box stays "
        "empty, and that is a finding.",
        "absent": "Informants state that {name} does not happen ({n} quotes).",
        "thin": "The evidence of {name} comes from one source only, so this finding is thin.",
        "table": "Summary of Findings: {book}",
        "informant": "Informant",
    },
}  # fmt: skip
DEFAULT_QUOTES = 2


def _italic_paragraph(doc: Any, text: str, language: str, *, style: str | None = None) -> Any:
    """A paragraph whose English terms are italic (Indonesian text)."""
    from app.coding.exports.docx_tables import Run
    from app.coding.exports.word_layout import italic_terms

    para = doc.add_paragraph(style=style) if style else doc.add_paragraph()
    for run in italic_terms(Run(xml_safe(text)), language):
        r = para.add_run(run.text)
        r.italic = run.italic
    return para


def export_draft(
    session: Session,
    *,
    path: Path,
    codebook: str,
    language: str = "id",
    quotes_per_box: int = DEFAULT_QUOTES,
    pseudonymise: bool | None = None,
    section: str = "4.2",
) -> ExportResult:
    """Write the chapter draft of ``codebook`` as .docx; ``rows`` is the number of boxes.

    Raises ``NotFound`` (codebook), ``InvalidValue`` (language) or ``OSError``.
    """
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Cm, Pt

    language = check_language(language)
    text = _TEXT[language]
    summary = build_summary(session, codebook=codebook)
    p = make_pseudonyms(session, pseudonymise=pseudonymise, mask_names=(), language=language)
    codes_of = {
        name: informant_codes(session).get(cid, "")
        for cid, name in session.execute(select(Case.id, Case.name))
    }
    memos = {
        target: body
        for target, body in session.execute(
            select(Memo.target_id, Memo.text).where(Memo.target_kind == "code")
        )
        if body and body.strip()
    }
    book = summary.name(language)
    cite = THEORY[language].get(codebook, book)
    doc = new_document(landscape=False)
    doc.add_heading(xml_safe(text["title"].format(book=book)), level=1)
    warn = doc.add_paragraph()
    run = warn.add_run(text["warning"])
    run.italic = True
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
    _italic_paragraph(doc, text["intro"].format(book=book, cite=cite), language)
    counters: list[int] = []
    for box in summary.boxes:
        del counters[box.depth + 1 :]
        while len(counters) <= box.depth:
            counters.append(0)
        counters[box.depth] += 1
        number = section + "." + ".".join(str(n) for n in counters)
        name = box.name(language)
        doc.add_heading(xml_safe(f"{number} {name}"), level=min(2 + box.depth, 4))
        definition = box.definition(language)
        if definition:
            ref = box.reference or cite
            said = text["definition"].format(cite=ref, name=name, definition=definition)
            _italic_paragraph(doc, said, language)
        if box.status is BoxStatus.EMPTY:
            _italic_paragraph(doc, text["empty"].format(name=name), language)
        picked = pick_quotes(box.quotes, quotes_per_box)
        for quote in picked.shown:
            if quote.case is not None:
                who_name = case_name(quote.case, p) if p is not None else quote.case
                code = codes_of.get(quote.case, "")
                who = f"{who_name} ({code})" if code else who_name
                lead = text["evidence"].format(who=who)
            else:
                lead = text["evidence_doc"].format(who=clean(quote.document, p))
            _italic_paragraph(doc, lead, language)
            block = doc.add_paragraph()
            block.paragraph_format.left_indent = Cm(1.25)
            block.paragraph_format.right_indent = Cm(1.0)
            block.paragraph_format.space_after = Pt(6)
            q = block.add_run(xml_safe(f"\u201c{clean(quote.text, p)}\u201d"))
            q.italic = True
            q.font.size = Pt(11)
            src = block.add_run(
                xml_safe(f" ({source_label(quote, pseudonyms=p, language=language)})")
            )
            src.font.size = Pt(11)
        if picked.hidden:
            _italic_paragraph(doc, text["more"].format(n=picked.hidden), language)
        absent = getattr(box, "absent", 0)
        if absent:
            _italic_paragraph(doc, text["absent"].format(name=name, n=absent), language)
        if box.status is BoxStatus.THIN:
            _italic_paragraph(doc, text["thin"].format(name=name), language)
        if box.finding:
            _italic_paragraph(doc, text["finding"].format(text=clean(box.finding, p)), language)
        memo = memos.get(box.code_id)
        if memo:
            _italic_paragraph(doc, text["memo"].format(text=clean(memo, p)), language)
        mark = doc.add_paragraph().add_run(text["interpret"])
        mark.bold = True
        mark.font.highlight_color = WD_COLOR_INDEX.YELLOW
    table = findings_table(session, codebook=codebook, language=language, pseudonymise=pseudonymise)
    add_caption(doc, label="Tabel" if language == "id" else "Table",
                number=TableOptions().first_number(), title=table.title)  # fmt: skip
    header = [text_cell(h, bold=True, align="center", fill=HEADER_FILL) for h in table.header]
    place_table(doc, header, [list(r) for r in table.cells], language, False)
    add_note(doc, table.source, italic=True)
    path = Path(path)
    with atomic_output(path) as tmp:
        doc.save(str(tmp))
    return ExportResult(path, len(summary.boxes))


__all__ = ["ENGLISH_TERMS", "export_draft"]
