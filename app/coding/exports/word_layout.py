"""Column widths measured from content, and English terms set in italics.

Word, LibreOffice and WPS lay out a fixed table with the widths it states, so every column
must be at least as wide as its longest word (headers included) or the word breaks in the
middle ("menentu kan"). Widths are measured with the advance widths of Times New Roman (the
Adobe Times-Roman metrics, in thousandths of an em; Liberation Serif, which LibreOffice uses
in its place, has the same metrics), bold text counted 10% wider, plus the cell margins and a
safety margin. What is left of the page is shared in proportion to how much text a column
holds, so quote columns get the room.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.coding.exports.docx_tables import Cell, Run

# Times-Roman advance widths (1/1000 em).
_WIDTHS = {
    **dict.fromkeys("acez", 444), **dict.fromkeys("bdghknopquvxy", 500),
    **dict.fromkeys("ijlt", 278), "f": 333, "r": 333, "s": 389, "m": 778, "w": 722,
    **dict.fromkeys("ACDGHKNOQUVXY", 722), "B": 667, "R": 667, **dict.fromkeys("ELTZ", 611),
    **dict.fromkeys("FPS", 556), "I": 333, "J": 389, "M": 889, "W": 944,
    **dict.fromkeys("0123456789", 500), **dict.fromkeys(".,;:", 278), "-": 333, "(": 333,
    ")": 333, "/": 278, "\u201c": 444, "\u201d": 444, "'": 180, '"': 408, "\u2013": 500,
    "\u2014": 1000, "\u00a0": 250, "&": 778, "%": 833, "?": 444, "!": 333, "\u2713": 800,
    "\u2605": 900,
}  # fmt: skip
_DEFAULT_WIDTH = 722  # unknown characters: as wide as a capital
BOLD_FACTOR = 1.10
CELL_MARGIN_CM = 2 * 85 / 567  # w:tblCellMar left + right (85 twips each)
SAFETY_CM = 0.15
PT_TO_CM = 2.54 / 72
_WORD = re.compile(r"[^ \t\n]+")  # a no-break space joins a word


def text_width_cm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """Width of ``text`` on one line at ``size_pt`` in Times New Roman."""
    em = sum(_WIDTHS.get(ch, 250 if ch == " " else _DEFAULT_WIDTH) for ch in text) / 1000
    return em * size_pt * PT_TO_CM * (BOLD_FACTOR if bold else 1.0)


def _runs(cell: Cell) -> list[Run]:
    return [run for para in cell.paras for run in para.runs]


def longest_word_cm(cell: Cell, default_pt: float) -> float:
    """The width the cell needs so that none of its words is broken."""
    widest = 0.0
    for para in cell.paras:
        indent = para.indent_cm
        for run in para.runs:
            for word in _WORD.findall(run.text):
                width = text_width_cm(word, run.points(default_pt), bold=run.bold)
                widest = max(widest, width + indent)
    return widest + CELL_MARGIN_CM + SAFETY_CM


LINE_FACTOR = 1.15  # line height as a multiple of the font size (single spacing)
PARA_GAP_PT = 2.0  # the space a table paragraph leaves after itself
WRAP_LOSS = 1.08  # lines never fill up exactly: words that do not fit move to the next
STEP_CM = 0.1


def _para_shapes(cell: Cell, default_pt: float) -> list[tuple[float, float, float]]:
    """Each paragraph of ``cell`` as (text width in cm, line height in pt, indent in cm)."""
    shapes = []
    for para in cell.paras:
        width = 0.0
        size = 0.0
        for run in para.runs:
            run_pt = run.points(default_pt)
            width += text_width_cm(run.text, run_pt, bold=run.bold)
            size = max(size, run_pt)
        shapes.append((width, (size or default_pt) * LINE_FACTOR, para.indent_cm))
    return shapes


def _height_pt(shapes: Sequence[tuple[float, float, float]], width_cm: float) -> float:
    """Estimated height of a cell of ``width_cm`` holding paragraphs of these shapes."""
    usable = width_cm - CELL_MARGIN_CM
    height = 0.0
    for text_cm, line_pt, indent in shapes:
        room = max(usable - indent, 0.1)
        lines = max(1.0, text_cm * WRAP_LOSS / room) if text_cm else 1.0
        height += lines * line_pt + PARA_GAP_PT
    return height


def fit_widths(
    header: Sequence[Cell],
    rows: Sequence[Sequence[Cell]],
    total_cm: float,
    *,
    body_pt: float,
    header_pt: float,
) -> list[float] | None:
    """Column widths (cm) summing to ``total_cm`` in which no word breaks, or None when the
    longest words alone need more than ``total_cm``.

    Every column first gets what its longest word needs. The rest of the page goes, a
    millimetre at a time, to the column where it shortens the table most: a row is as tall
    as its tallest cell, so width helps only where a cell sets its row's height. The result
    is short rows with the quote and definition columns wide and the count columns narrow,
    which is what decides how many pages a table takes.
    """
    n = len(header)
    need = [longest_word_cm(header[i], header_pt) for i in range(n)]
    table = [list(header), *(list(row) for row in rows)]
    shapes = [
        [_para_shapes(cell, header_pt if r == 0 else body_pt) for cell in row]
        for r, row in enumerate(table)
    ]
    for row in rows:
        for i, cell in enumerate(row):
            need[i] = max(need[i], longest_word_cm(cell, body_pt))
    spare = total_cm - sum(need)
    if spare < 0:
        return None
    widths = list(need)
    if total_cm >= 1_000:  # "as wide as the words need": nothing to share
        return widths
    heights = [[_height_pt(s, widths[i]) for i, s in enumerate(cells)] for cells in shapes]
    for _ in range(int(spare / STEP_CM)):
        # Per row: which column sets its height, that height, and the next tallest cell.
        tops = []
        for row_heights in heights:
            order = sorted(range(n), key=row_heights.__getitem__, reverse=True)
            second = row_heights[order[1]] if n > 1 else 0.0
            tops.append((order[0], row_heights[order[0]], second))
        best, best_gain = -1, 1e-6
        for i in range(n):
            wider = widths[i] + STEP_CM
            gain = 0.0
            for r, (first, top, second) in enumerate(tops):
                if first == i:  # only the cell that sets a row's height can shorten it
                    gain += top - max(second, _height_pt(shapes[r][i], wider))
            if gain > best_gain:
                best, best_gain = i, gain
        if best < 0:
            break
        widths[best] += STEP_CM
        for r, cells in enumerate(shapes):
            heights[r][best] = _height_pt(cells[best], widths[best])
    # Whatever no column can use (every cell already on its line count) is shared evenly.
    rest = total_cm - sum(widths)
    return [w + rest / n for w in widths]


# English terms that Indonesian text must set in italics (examiners flag them otherwise).
ENGLISH_TERMS = (
    "co-production", "co-commissioning", "co-design", "co-delivery", "co-assessment",
    "co-monitoring", "co-evaluation", "co-financing", "co-planning", "co-prioritising",
    "bonding", "bridging", "linking", "closure", "brokerage", "structural holes",
    "micro-leadership", "in vivo", "stakeholder", "governance", "illustrative method",
)  # fmt: skip
_TERMS = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(t) for t in ENGLISH_TERMS) + r")(?![\w-])",
    re.IGNORECASE,
)


def italic_terms(run: Run, language: str) -> list[Run]:
    """``run`` split so that the English terms in Indonesian text are italic."""
    if language != "id" or run.italic or not _TERMS.search(run.text):
        return [run]
    out: list[Run] = []
    pos = 0
    for match in _TERMS.finditer(run.text):
        if match.start() > pos:
            out.append(_with(run, run.text[pos : match.start()], italic=False))
        out.append(_with(run, match.group(0), italic=True))
        pos = match.end()
    if pos < len(run.text):
        out.append(_with(run, run.text[pos:], italic=False))
    return out


def _with(run: Run, text: str, *, italic: bool) -> Run:
    return Run(text, bold=run.bold, italic=italic, size_pt=run.size_pt, colour=run.colour)


def italicise(cell: Cell, language: str) -> Cell:
    """``cell`` with the English terms of its Indonesian text in italics."""
    if language != "id":
        return cell
    paras = tuple(
        type(p)(
            tuple(r for run in p.runs for r in italic_terms(run, language)), p.align, p.indent_cm
        )
        for p in cell.paras
    )
    return Cell(paras, cell.fill)
