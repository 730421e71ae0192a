"""Frequency charts painted with QPainter: horizontal bars, on screen or into a PNG."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.coding.analysis import CodebookSummary, Matrix

BAR_COLOUR = QColor("#1f5fa8")
INDICATOR_COLOUR = QColor("#77a7db")


@dataclass(frozen=True)
class Bar:
    """One bar: its label, value and nesting depth (indicators are indented and lighter)."""

    label: str
    value: int
    depth: int = 0


def bars_by_code(summary: CodebookSummary, language: str) -> list[Bar]:
    """Excerpts per box (codes roll up their indicators)."""
    return [Bar(b.name(language), b.excerpts, b.depth) for b in summary.boxes]


def bars_by_group(matrix: Matrix) -> list[Bar]:
    """Excerpts per attribute value, from a rolled-up codebook × attribute matrix.

    Each coding belongs to one top-level code's subtree, so summing top-level rows counts
    every coding once.
    """
    tops = [r for r, row in enumerate(matrix.rows) if row.depth == 0]
    return [
        Bar(column.key, sum(matrix.count(r, c) for r in tops))
        for c, column in enumerate(matrix.columns)
    ]


@dataclass(frozen=True)
class ChartRow:
    """Where one bar goes: its row's top and height, and its label's lines."""

    top: float
    height: float
    lines: tuple[str, ...]


def _fonts(base: QFont, scale: float) -> tuple[QFont, QFont]:
    font = QFont(base)
    font.setPointSizeF(10 * scale)
    bold = QFont(font)
    bold.setBold(True)
    bold.setPointSizeF(12 * scale)
    return font, bold


def wrap_label(metrics: QFontMetrics, text: str, width: int) -> tuple[str, ...]:
    """``text`` in lines no wider than ``width`` (broken between words; a word longer than
    a line is kept whole on its own line, never cut)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and metrics.horizontalAdvance(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    lines.append(line)
    return tuple(lines)


def chart_layout(
    metrics: QFontMetrics, width: float, bars: Sequence[Bar], scale: float = 1.0
) -> tuple[float, float, list[ChartRow]]:
    """Label column width, total height of the rows and each row: every row is at least a
    line of text plus padding high, a label too long for the label column wraps."""
    indent = metrics.horizontalAdvance("    ")
    margin = 16.0 * scale
    label_width = min(
        max((metrics.horizontalAdvance(b.label) + indent * b.depth for b in bars), default=0) + 12,
        width * 0.45,
    )
    line = metrics.lineSpacing()
    rows: list[ChartRow] = []
    y = 0.0
    for bar in bars:
        room = int(label_width - indent * bar.depth - 8 - margin / 4)
        lines = wrap_label(metrics, bar.label, max(room, 1))
        height = len(lines) * line + 8 * scale
        rows.append(ChartRow(y, height, lines))
        y += height
    return label_width, y, rows


def chart_height(title: str, bars: Sequence[Bar], width: float, scale: float = 1.0) -> int:
    """The height the chart needs at ``width`` so that no label is cramped or cut."""
    font, bold = _fonts(QFont(), scale)
    metrics = QFontMetrics(font)
    _label, rows_height, _rows = chart_layout(metrics, width, bars, scale)
    title_height = QFontMetrics(bold).height() + 10 if title else 0
    return int(16 * scale * 1.5 + title_height + rows_height + 2)


def paint_chart(
    painter: QPainter, rect: QRectF, title: str, bars: Sequence[Bar], scale: float = 1.0
) -> list[ChartRow]:
    """Draw a titled horizontal bar chart at the top of ``rect`` (``scale`` enlarges text
    and bars, for images printed small on a page); returns where the rows went."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, QColor("white"))
    font, bold = _fonts(painter.font(), scale)
    metrics = QFontMetrics(font)
    margin = 16.0 * scale
    painter.setFont(bold)
    painter.setPen(QColor("black"))
    title_height = QFontMetrics(bold).height() + 10 if title else 0
    painter.drawText(
        QRectF(rect.left() + margin, rect.top() + margin / 2, rect.width() - 2 * margin,
               title_height),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        title,
    )  # fmt: skip
    painter.setFont(font)
    if not bars:
        painter.restore()
        return []
    indent = metrics.horizontalAdvance("    ")
    label_width, _height, rows = chart_layout(metrics, rect.width(), bars, scale)
    number_width = metrics.horizontalAdvance(str(max(b.value for b in bars))) + 10
    top = rect.top() + margin / 2 + title_height
    bar_area = rect.width() - 2 * margin - label_width - number_width
    peak = max(max(b.value for b in bars), 1)
    placed: list[ChartRow] = []
    for bar, row in zip(bars, rows, strict=True):
        y = top + row.top
        label_rect = QRectF(rect.left() + margin + indent * bar.depth, y,
                            label_width - indent * bar.depth - 8, row.height)  # fmt: skip
        painter.setPen(QColor("black"))
        painter.drawText(
            label_rect,
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            "\n".join(row.lines),
        )
        x = rect.left() + margin + label_width
        length = bar_area * bar.value / peak
        height = min(max(metrics.height() * 0.9, 1.0), 22.0 * scale)
        colour = BAR_COLOUR if bar.depth == 0 else INDICATOR_COLOUR
        painter.fillRect(QRectF(x, y + (row.height - height) / 2, length, height), colour)
        painter.drawText(
            QRectF(x + length + 4, y, number_width, row.height),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            str(bar.value),
        )
        placed.append(ChartRow(y, row.height, row.lines))
    painter.restore()
    return placed


def render_chart(title: str, bars: Sequence[Bar], *, scale: float = 1.0) -> QImage:
    """The chart as an image, 1200 px wide times ``scale``, about 28 px per bar."""
    width = round(1200 * scale)
    size = QSize(width, max(round(160 * scale), chart_height(title, bars, width, scale)))
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_chart(painter, QRectF(0, 0, size.width(), size.height()), title, bars, scale)
    painter.end()
    return image


def save_chart_png(path: Path, title: str, bars: Sequence[Bar], *, scale: float = 1.0) -> bool:
    """Write the chart to ``path`` as PNG; False if the file could not be written.

    For a Word page use ``scale`` 1.5 and no title (the figure caption carries it): the text
    then prints at about 8 pt on a 14 cm wide figure.
    """
    image = render_chart(title, bars, scale=scale)
    # PySide6 wants the format as str at run time although its stubs say bytes.
    return bool(image.save(str(path), "PNG"))  # type: ignore[call-overload]


class BarChart(QWidget):
    """A widget showing one bar chart."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(160)
        self.rows: list[ChartRow] = []  # where the last paint put each bar

    def set_bars(self, title: str, bars: Sequence[Bar]) -> None:
        self.title, self.bars = title, list(bars)
        self._fit()
        self.update()

    def _fit(self) -> None:
        # as tall as its rows need (the charts tab scrolls), never squeezed
        self.setFixedHeight(max(160, chart_height(self.title, self.bars, max(self.width(), 300))))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = max(160, chart_height(self.title, self.bars, max(self.width(), 300)))
        if needed != self.height():
            self._fit()

    def sizeHint(self) -> QSize:
        return QSize(600, max(160, chart_height(self.title, self.bars, 600)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.rows = paint_chart(painter, QRectF(self.rect()), self.title, self.bars)
        painter.end()

    def save_png(self, path: Path) -> bool:
        """Write this chart as a PNG file."""
        return save_chart_png(path, self.title, self.bars)
