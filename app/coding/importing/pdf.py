"""PDF files with a text layer, through pdfminer.six.

Each text box of pdfminer's layout analysis is a paragraph. Its lines are joined with single
spaces, except that a line ending in ``-`` followed by one starting in lower case is joined
without a space (the hyphen is kept: Indonesian reduplication such as ``anak-anak`` is far
more common than typographic hyphenation); a box is split before any line that opens with a
speaker label. Inside a line every run of white space (tabs included) becomes one space;
glyphs without a character mapping (pdfminer's ``(cid:N)``) are dropped, except those whose
code is a white-space code, so a PDF that spaces words with tabs still gets its spaces.

A page break is a paragraph break, unless the paragraph visibly runs on: the last block of
a page stops without closing punctuation and the first block of the next page starts in
lower case without a speaker label; then the two are joined. Text outside the visible page
is left out, and so is a text box holding nothing but a page number ("3", "- 3 -",
"Halaman 3 dari 10").

Refusals: no ``%PDF-`` header (``corrupt``); no ``%%EOF`` near the end (``truncated``); a
password or unknown encryption (``encrypted``); a cross-reference table that is not where
``startxref`` says or cannot be read, or no pages (``corrupt`` — pdfminer's reconstruction
by scanning is deliberately off, it can assemble half a document from a damaged file); no
text at all (``needs-ocr``); streams unpacking too far (``too-large``) or a page drawing too
much (``too-complex``), see :mod:`.pdf_limits`. PDFs encrypted with an empty user password
(permissions only) open in every viewer and are imported.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

from pdfminer.layout import LAParams, LTContainer, LTItem, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.utils import Rect

from app.coding.errors import UnsupportedFile
from app.coding.importing import pdf_limits, speakers
from app.coding.progress import Progress, check

_EOF_WINDOW = 2048
# pdfminer writes "(cid:N)" for a glyph it cannot map to a character. Codes 9, 10, 13 and
# 32 are the white-space character codes of simple fonts, 3 is the usual space glyph of
# TrueType-based CID fonts: those separate words. Any other unmapped glyph is dropped.
_UNMAPPED = re.compile(r"\(cid:(\d+)\)")
_BLANK_CIDS = frozenset({"3", "9", "10", "13", "32"})
_STARTXREF = re.compile(rb"startxref\s+(\d{1,12})")
_XREF_START = re.compile(rb"\s*(?:xref\b|\d+\s+\d+\s+obj\b)")
_SENTENCE_END = tuple('.!?…:;"”’)]')
_PAGE_NUMBER = re.compile(
    r"^(?:(?:halaman|hal\.|page|p\.)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?"
    r"(?:\s*(?:/|dari|of)\s*\d{1,4})?$",
    re.IGNORECASE,
)


def _unmapped(match: re.Match[str]) -> str:
    return " " if match.group(1) in _BLANK_CIDS else ""


def read_pdf(path: Path, data: bytes, *, progress: Progress) -> list[str]:
    """Raw paragraphs of a PDF (see the module doc); reports and checks per page."""
    if b"%PDF-" not in data[:1024]:
        raise UnsupportedFile(path, "corrupt", "no PDF header")
    if b"%%EOF" not in data[-_EOF_WINDOW:]:
        raise UnsupportedFile(path, "truncated", "no end-of-file marker")
    if not _xref_in_place(data):
        raise UnsupportedFile(path, "corrupt", "broken cross-reference table")
    pdf_limits.check_streams(path, data)
    parser = PDFParser(io.BytesIO(data))
    try:
        document = PDFDocument(parser, password="", fallback=False)
    except PDFEncryptionError as exc:
        raise UnsupportedFile(path, "encrypted", type(exc).__name__) from exc
    pdf_limits.check_encrypted_streams(path, document)
    pages = list(PDFPage.create_pages(document))
    if not pages:
        raise UnsupportedFile(path, "corrupt", "no pages found")
    resources = PDFResourceManager(caching=True)
    budget = pdf_limits.Budget(tick=lambda: check(progress))
    device = pdf_limits.CountingAggregator(
        resources, laparams=LAParams(all_texts=True), budget=budget
    )
    interpreter = pdf_limits.BoundedInterpreter(resources, device)
    pages_boxes: list[list[list[str]]] = []
    for number, page in enumerate(pages, start=1):
        check(progress)
        budget.new_page()
        try:
            interpreter.process_page(page)
        except pdf_limits.PageTooComplex as exc:
            raise UnsupportedFile(path, "too-complex", f"page {number}: {exc}") from exc
        layout = device.get_result()
        pages_boxes.append(
            [
                box
                for box in _text_boxes(layout, layout.bbox)
                if not (len(box) == 1 and _PAGE_NUMBER.match(box[0]))
            ]
        )
        progress.report(number, len(pages), "")
    lines = [line for boxes in pages_boxes for box in boxes for line in box]
    if not lines:
        raise UnsupportedFile(path, "needs-ocr", f"{len(pages)} pages without text")
    accepted = speakers.accepted_speakers(lines)
    return [
        paragraph
        for box in _join_pages(pages_boxes, accepted)
        for paragraph in _paragraphs(box, accepted)
    ]


def _join_pages(pages: list[list[list[str]]], accepted: frozenset[str]) -> list[list[str]]:
    """All boxes in order; a page's first box continues the previous page's last box when
    that one stops mid-sentence and this one starts in lower case without a label."""
    boxes: list[list[str]] = []
    for page in pages:
        for index, box in enumerate(page):
            if (
                index == 0
                and boxes
                and not boxes[-1][-1].endswith(_SENTENCE_END)
                and box[0][0].islower()
                and speakers.speaker_label(box[0], accepted) is None
            ):
                boxes[-1] = boxes[-1] + box
            else:
                boxes.append(box)
    return boxes


def _xref_in_place(data: bytes) -> bool:
    """The last ``startxref`` points at a cross-reference table or stream."""
    found = _STARTXREF.findall(data[-_EOF_WINDOW:])
    if not found:
        return False
    start = int(found[-1])
    return _XREF_START.match(data, start) is not None


def _text_boxes(item: LTItem, page: Rect) -> Iterator[list[str]]:
    """The non-empty visible lines of every text box under ``item``, in layout order.

    A line whose centre lies outside the ``page`` box is not shown by any viewer (some
    writers leave the overflow of the previous page there), so it is not text either.
    """
    if isinstance(item, LTTextBox):
        lines = []
        for line in item:
            if isinstance(line, LTTextLine) and _inside(line.bbox, page):
                text = " ".join(_UNMAPPED.sub(_unmapped, line.get_text()).split())
                if text:
                    lines.append(text)
        if lines:
            yield lines
    elif isinstance(item, LTContainer):
        for child in item:
            yield from _text_boxes(child, page)


def _inside(box: Rect, page: Rect) -> bool:
    x = (box[0] + box[2]) / 2
    y = (box[1] + box[3]) / 2
    return page[0] <= x <= page[2] and page[1] <= y <= page[3]


def _paragraphs(lines: list[str], accepted: frozenset[str]) -> Iterator[str]:
    current = ""
    for line in lines:
        if current and speakers.speaker_label(line, accepted) is not None:
            yield current
            current = ""
        if not current:
            current = line
        elif current.endswith("-") and line[0].islower():
            current += line
        else:
            current += " " + line
    if current:
        yield current


def read(
    path: Path, data: bytes, *, progress: Progress, max_uncompressed: int
) -> tuple[list[str], str | None]:
    """The reader of :mod:`.formats`: paragraphs, no text encoding."""
    return read_pdf(path, data, progress=progress), None
