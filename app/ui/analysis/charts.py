"""Frequency charts painted with QPainter: horizontal bars, on screen or into a PNG."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPaintEvent
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


def paint_chart(
    painter: QPainter, rect: QRectF, title: str, bars: Sequence[Bar], scale: float = 1.0
) -> None:
    """Draw a titled horizontal bar chart filling ``rect`` (``scale`` enlarges text and bars,
    for images printed small on a page)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, QColor("white"))
    font = QFont(painter.font())
    font.setPointSizeF(10 * scale)
    bold = QFont(font)
    bold.setBold(True)
    bold.setPointSizeF(12 * scale)
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
        return
    indent = metrics.horizontalAdvance("    ")
    label_width = min(
        max(metrics.horizontalAdvance(b.label) + indent * b.depth for b in bars) + 12,
        rect.width() * 0.45,
    )
    number_width = metrics.horizontalAdvance(str(max(b.value for b in bars))) + 10
    top = rect.top() + margin / 2 + title_height
    row = (rect.bottom() - margin - top) / len(bars)
    bar_area = rect.width() - 2 * margin - label_width - number_width
    peak = max(max(b.value for b in bars), 1)
    for i, bar in enumerate(bars):
        y = top + i * row
        label_rect = QRectF(rect.left() + margin + indent * bar.depth, y,
                            label_width - indent * bar.depth - 8, row)  # fmt: skip
        text = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_rect.width()))
        painter.setPen(QColor("black"))
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         text)  # fmt: skip
        x = rect.left() + margin + label_width
        length = bar_area * bar.value / peak
        height = min(max(row * 0.7, 1.0), 22.0 * scale)
        colour = BAR_COLOUR if bar.depth == 0 else INDICATOR_COLOUR
        painter.fillRect(QRectF(x, y + (row - height) / 2, length, height), colour)
        painter.drawText(
            QRectF(x + length + 4, y, number_width, row),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            str(bar.value),
        )
    painter.restore()


def render_chart(title: str, bars: Sequence[Bar], *, scale: float = 1.0) -> QImage:
    """The chart as an image, 1200 px wide times ``scale``, about 28 px per bar."""
    size = QSize(round(1200 * scale), round(max(160, 60 + 28 * len(bars)) * scale))
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
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)

    def set_bars(self, title: str, bars: Sequence[Bar]) -> None:
        self.title, self.bars = title, list(bars)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, max(160, 60 + 24 * len(self.bars)))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_chart(painter, QRectF(self.rect()), self.title, self.bars)
        painter.end()

    def save_png(self, path: Path) -> bool:
        """Write this chart as a PNG file."""
        return save_chart_png(path, self.title, self.bars)
