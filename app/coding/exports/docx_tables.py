"""Thesis-ready Word tables built as raw WordprocessingML.

python-docx creates a table cell by cell, and each new row or cell walks the whole table:
a matrix with thousands of quotes takes minutes. Here a table is written as one XML string
and parsed once. Everything a table needs travels with it when it is copied into a thesis
chapter: borders, widths, font size, spacing and the header row repeated on every page
(``w:tblHeader``) are direct formatting, not styles of this file. A short body row is kept on
one page (``w:cantSplit``); a row of long quotes may still break, or it would leave most of a
page empty before it, or be cut off when it is taller than a page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from app.coding.exports import xml_safe

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TWIPS_PER_CM = 567
A4_SHORT_CM = 21.0
A4_LONG_CM = 29.7
# Margins of an Indonesian thesis page: 4 cm on the binding side, 3 cm elsewhere.
MARGIN_BINDING_CM = 4.0
MARGIN_CM = 3.0
TABLE_FONT_PT = 10
HEADER_FILL = "D9D9D9"
#: A body row whose longest cell holds at most this many characters is never split across
#: pages (a few lines in the narrowest column); longer rows, quotes mostly, may break.
KEEP_ROW_CHARS = 200
_NUMBER = re.compile(r"^(.*?)(\d+)$")
_WORD_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


@dataclass(frozen=True)
class Run:
    """A piece of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    size_pt: float | None = None
    colour: str | None = None

    def points(self, default_pt: float) -> float:
        """The run's size in a table set at ``default_pt``: a set size is small print
        (source lines, markers), so it stays a point below the body, and 6 pt at least."""
        if self.size_pt is None:
            return default_pt
        return max(6.0, min(self.size_pt, default_pt - 1))


@dataclass(frozen=True)
class Para:
    """A paragraph of runs; ``align`` is ``left``, ``center`` or ``right``."""

    runs: tuple[Run, ...]
    align: str = "left"
    indent_cm: float = 0.0


@dataclass(frozen=True)
class Cell:
    """A table cell: paragraphs and an optional background colour (hex, no #)."""

    paras: tuple[Para, ...]
    fill: str | None = None


def text_cell(
    text: str, *, bold: bool = False, align: str = "left", fill: str | None = None
) -> Cell:
    """A cell holding ``text`` (one paragraph per line)."""
    lines = text.split("\n") if text else [""]
    return Cell(tuple(Para((Run(line, bold=bold),), align) for line in lines), fill)


def text_width_cm(landscape: bool) -> float:
    """Width of the text area of an A4 thesis page."""
    page = A4_LONG_CM if landscape else A4_SHORT_CM
    return page - MARGIN_BINDING_CM - MARGIN_CM if not landscape else page - 2 * MARGIN_CM


def _run(run: Run, default_pt: float) -> str:
    props = []
    if run.bold:
        props.append("<w:b/>")
    if run.italic:
        props.append("<w:i/>")
    if run.colour:
        props.append(f'<w:color w:val="{run.colour}"/>')
    half_points = round(2 * run.points(default_pt))
    props.append(f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>')
    rpr = "<w:rPr>" + "".join(props) + "</w:rPr>"
    parts = []
    for i, piece in enumerate(xml_safe(run.text).split("\t")):
        if i:
            parts.append("<w:tab/>")
        # A hyphen inside a word does not break the line ("co-" / "design"): Word's own
        # non-breaking hyphen, which LibreOffice and WPS read too (the widths already keep
        # the whole word on one line).
        for j, bit in enumerate(_WORD_HYPHEN.split(piece)):
            if j:
                parts.append("<w:noBreakHyphen/>")
            if bit:
                parts.append(f'<w:t xml:space="preserve">{escape(bit)}</w:t>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>"


def _para(para: Para, default_pt: float) -> str:
    indent = f'<w:ind w:left="{round(para.indent_cm * TWIPS_PER_CM)}"/>' if para.indent_cm else ""
    ppr = (
        '<w:pPr><w:spacing w:before="0" w:after="60" w:line="240" w:lineRule="auto"/>'
        f'{indent}<w:jc w:val="{para.align}"/></w:pPr>'
    )
    return f"<w:p>{ppr}{''.join(_run(r, default_pt) for r in para.runs)}</w:p>"


def _cell(cell: Cell, width: int, default_pt: float) -> str:
    shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{cell.fill}"/>' if cell.fill else ""
    tcpr = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shade}</w:tcPr>'
    body = "".join(_para(p, default_pt) for p in cell.paras) or "<w:p/>"
    return f"<w:tc>{tcpr}{body}</w:tc>"


def _chars(cell: Cell) -> int:
    return sum(len(r.text) for p in cell.paras for r in p.runs)


def table_xml(
    header: Sequence[Cell],
    rows: Sequence[Sequence[Cell]],
    widths_cm: Sequence[float],
    *,
    font_pt: float = TABLE_FONT_PT,
    header_pt: float | None = None,
) -> str:
    """A bordered table whose first row repeats on every page (``header_pt``: a smaller
    header font for many narrow columns); a body row of :data:`KEEP_ROW_CHARS` characters or
    fewer in each cell is not split across pages."""
    widths = [round(w * TWIPS_PER_CM) for w in widths_cm]
    border = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(
        border.format(side) for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    out = [
        f'<w:tbl xmlns:w="{W_NS}"><w:tblPr>',
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>',
        f"<w:tblBorders>{borders}</w:tblBorders>",
        '<w:tblLayout w:type="fixed"/>',
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        "</w:tblCellMar>",
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>',
        "</w:tblPr><w:tblGrid>",
        *(f'<w:gridCol w:w="{w}"/>' for w in widths),
        "</w:tblGrid>",
        '<w:tr><w:trPr><w:tblHeader w:val="true"/><w:cantSplit/></w:trPr>',
        *(_cell(c, w, header_pt or font_pt) for c, w in zip(header, widths, strict=True)),
        "</w:tr>",
    ]
    for row in rows:
        keep = max((_chars(c) for c in row), default=0) <= KEEP_ROW_CHARS
        out.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>" if keep else "<w:tr>")
        out.extend(_cell(c, w, font_pt) for c, w in zip(row, widths, strict=True))
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def new_document(*, landscape: bool) -> Any:
    """An A4 document with thesis margins, Times New Roman 12 pt as its normal text."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    set_orientation(doc.sections[0], landscape=landscape)
    return doc


def set_orientation(section: Any, *, landscape: bool) -> None:
    """Make ``section`` an A4 portrait or landscape page with thesis margins."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    short, long = Cm(A4_SHORT_CM), Cm(A4_LONG_CM)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    # A bound landscape page turns its binding edge to the top.
    section.top_margin = Cm(MARGIN_BINDING_CM if landscape else MARGIN_CM)
    section.left_margin = Cm(MARGIN_CM if landscape else MARGIN_BINDING_CM)
    section.right_margin = Cm(MARGIN_CM)
    section.bottom_margin = Cm(MARGIN_CM)


def new_section(doc: Any, *, landscape: bool) -> None:
    """Start a new page section with the given orientation."""
    from docx.enum.section import WD_SECTION

    set_orientation(doc.add_section(WD_SECTION.NEW_PAGE), landscape=landscape)


def insert_table(doc: Any, xml: str) -> None:
    """Append a table built by :func:`table_xml` at the end of the document body."""
    from docx.oxml import parse_xml

    table = parse_xml(xml)
    body = doc.element.body
    if body.sectPr is not None:
        body.sectPr.addprevious(table)
    else:
        body.append(table)


def add_caption(doc: Any, *, label: str, number: str, title: str) -> None:
    """A numbered caption "Tabel 4.1 Title" in Word's Caption style.

    The last number of ``number`` is a ``SEQ label`` field (restarted at that number), so a
    thesis's list of tables or figures finds the caption after it is pasted in. The Caption
    style is kept for that, but it is small and blue in the default template: the runs are
    formatted as black 12 pt body text, centred, with "Tabel 4.1" in bold.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.shared import Pt, RGBColor

    para = doc.add_paragraph(style="Caption")
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.keep_with_next = True
    para.paragraph_format.space_before = Pt(6)
    para.paragraph_format.space_after = Pt(6)

    def run(text: str, *, bold: bool) -> None:
        r = para.add_run(xml_safe(text))
        r.bold, r.italic = bold, False
        r.font.size = Pt(12)
        r.font.color.rgb = RGBColor(0, 0, 0)

    match = _NUMBER.match(number)
    if match is None:
        run(f"{label} {number}", bold=True)
    else:
        prefix, digits = match.groups()
        run(f"{label} {prefix}", bold=True)
        rpr = '<w:rPr><w:b/><w:i w:val="0"/><w:color w:val="000000"/><w:sz w:val="24"/></w:rPr>'
        parts = (
            '<w:fldChar w:fldCharType="begin"/>',
            f'<w:instrText xml:space="preserve"> SEQ {escape(label)} \\* ARABIC '
            f"\\r {int(digits)} </w:instrText>",
            '<w:fldChar w:fldCharType="separate"/>',
            f"<w:t>{int(digits)}</w:t>",
            '<w:fldChar w:fldCharType="end"/>',
        )
        body = "".join(f"<w:r>{rpr}{part}</w:r>" for part in parts)
        for element in parse_xml(f'<w:p xmlns:w="{W_NS}">{body}</w:p>'):
            para._p.append(element)
    run(" " + title, bold=False)


def next_number(number: str, step: int = 1) -> str:
    """``"4.1"`` → ``"4.2"``: the number after ``number`` (unchanged if it ends in no digit)."""
    match = _NUMBER.match(number)
    if match is None:
        return number
    prefix, digits = match.groups()
    return f"{prefix}{int(digits) + step}"


def add_note(
    doc: Any, text: str, *, italic: bool = False, size_pt: float = 10, language: str = ""
) -> None:
    """A small paragraph under a table (source line, legend). In an Indonesian note the
    English terms are italic, as in the table itself."""
    from docx.shared import Pt

    from app.coding.exports.word_layout import italic_terms

    para = doc.add_paragraph()
    para.paragraph_format.space_after = Pt(2)
    for piece in italic_terms(Run(text, italic=italic), language):
        run = para.add_run(xml_safe(piece.text))
        run.italic = piece.italic
        run.font.size = Pt(size_pt)


def add_figure(doc: Any, png: Path, *, width_cm: float) -> None:
    """A centred picture, kept with the caption that follows it."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    para = doc.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.paragraph_format.keep_with_next = True
    para.add_run().add_picture(str(png), width=Cm(width_cm))
