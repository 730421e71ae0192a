"""Coding stripes: one labelled column per code present in the document, right of the text.

Only the visible range is painted; each bar spans the lines its coding covers and carries
the code's name written along it. Clicking a bar selects that coding in the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

if TYPE_CHECKING:
    from app.ui.workbench.transcript import TranscriptView

COLUMN = 16  # widest column (pixels); narrower when many codes share the margin
MIN_COLUMN = 9
LABEL_COLUMN = 12  # columns at least this wide carry the code's name
SHARE = 0.34  # at most this share of the view's width goes to the stripes
PAD = 6


class StripeMargin(QWidget):
    """Painted beside a :class:`TranscriptView`; owned and positioned by it."""

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.setObjectName("codingStripes")
        self.view = view
        self.columns: list[int] = []  # code ids, left to right
        self.bars: list[tuple[QRect, int]] = []  # painted rects and their coding ids
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 2.0, 7.0))
        self.setFont(font)
        self.setMouseTracking(True)
        self._reserved = -1

    def sizeHint(self) -> QSize:
        return QSize(self.margin_width(), 0)

    def column_width(self) -> int:
        if not self.columns:
            return COLUMN
        budget = int(self.view.width() * SHARE) - 2 * PAD
        return max(MIN_COLUMN, min(COLUMN, budget // len(self.columns)))

    def margin_width(self) -> int:
        return PAD * 2 + self.column_width() * len(self.columns) if self.columns else 0

    def relayout(self) -> None:
        """Recompute the columns from the codes present in the document."""
        present = self.view.index.code_ids()
        self.columns = sorted(present, key=lambda c: (self.view.order.get(c, 1 << 30), c))
        self.place()
        self.update()

    def place(self) -> None:
        """Reserve the margin beside the viewport and sit in it."""
        width = self.margin_width()
        if width != self._reserved:
            self._reserved = width
            self.view.setViewportMargins(0, 0, width, 0)
            # the text must re-wrap to the narrower viewport: QPlainTextEdit only re-lays
            # out its document on a resize of the editor itself
            self.view.relayout()
        vp = self.view.viewport().geometry()
        self.setGeometry(QRect(vp.right() + 1, vp.top(), width, vp.height()))

    def column_of(self, code_id: int) -> int:
        return self.columns.index(code_id)

    def column_x(self, index: int) -> int:
        """Left edge of column ``index`` in this widget's coordinates."""
        return PAD + index * self.column_width()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#f6f6f4"))
        painter.setPen(QPen(QColor("#d8d8d4")))
        painter.drawLine(0, 0, 0, self.height())
        self.bars = []
        if not self.columns:
            return
        visible = self.view.visible_range()
        metrics = QFontMetrics(self.font())
        col_of = {code: i for i, code in enumerate(self.columns)}
        column = self.column_width()
        bar = max(column - 3, 4)
        for span in self.view.index.overlapping(*visible):
            col = col_of.get(span.code_id)
            if col is None:
                continue
            top, bottom = self.view.y_range(span.start, span.end, visible)
            if bottom <= top:
                continue
            rect = QRect(PAD + col * column, top + 1, bar, max(bottom - top - 2, 4))
            colour = self.view.colours.get(span.code_id, QColor("#888888"))
            selected = span.coding_id == self.view.current_coding
            fill = colour.lighter(115) if not selected else colour.darker(115)
            if span.stance == "absent":
                # Hollow: the informant says it does not happen.
                painter.fillRect(rect, QColor("#ffffff"))
                painter.setPen(QPen(fill, 2))
                painter.drawRect(rect.adjusted(1, 1, -1, -1))
                painter.drawLine(rect.left() + 1, rect.top() + 1, rect.right(), rect.top() + 1)
            elif span.stance == "barrier":
                # Hatched: the passage speaks of an obstacle.
                painter.fillRect(rect, QColor("#ffffff"))
                painter.fillRect(rect, QBrush(fill, Qt.BrushStyle.BDiagPattern))
                painter.setPen(QPen(fill, 1))
                painter.drawRect(rect.adjusted(0, 0, -1, -1))
            else:
                painter.fillRect(rect, fill)
            if selected:
                painter.setPen(QPen(QColor("#202020"), 1))
                painter.drawRect(rect.adjusted(0, 0, -1, -1))
            self.bars.append((rect, span.coding_id))
            label = self.view.names.get(span.code_id, "")
            if label and column >= LABEL_COLUMN and rect.height() > 24:
                text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, rect.height() - 6)
                painter.save()
                painter.setPen(_text_colour(colour))
                # rotated clockwise: glyphs grow rightwards from the baseline
                baseline = rect.left() + (bar - metrics.ascent() + metrics.descent()) / 2
                painter.translate(baseline, rect.top() + 3)
                painter.rotate(90)
                painter.drawText(QPoint(0, 0), text)
                painter.restore()

    def coding_at(self, pos: QPoint) -> int | None:
        """The coding whose bar is under ``pos`` (the shortest when several are)."""
        hits = [(r.height(), cid) for r, cid in self.bars if r.adjusted(-1, -1, 2, 1).contains(pos)]
        return min(hits)[1] if hits else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cid = self.coding_at(event.position().toPoint())
        if cid is not None:
            self.view.codingPicked.emit(cid)
            self.view.select_coding(cid)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        cid = self.coding_at(event.position().toPoint())
        if cid is None:
            QToolTip.hideText()
            return
        span = self.view.index.spans[cid]
        tip = self.view.names.get(span.code_id, "")
        if span.stance == "absent":
            tip += " " + self.tr("(does not happen)")
        elif span.stance == "barrier":
            tip += " " + self.tr("(barrier)")
        QToolTip.showText(event.globalPosition().toPoint(), tip, self)


def _text_colour(background: QColor) -> QColor:
    light = 0.299 * background.red() + 0.587 * background.green() + 0.114 * background.blue()
    return QColor("#111111") if light > 150 else QColor("#ffffff")


class StripeHeader(QWidget):
    """The names of the stripe columns, written upwards above each column.

    Sits above the transcript view and follows the margin's geometry, so every column is
    labelled however short its stripes are.
    """

    MAX_HEIGHT = 130

    def __init__(self, view: TranscriptView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stripeHeader")
        self.view = view
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 2.0, 7.0))
        self.setFont(font)
        self.setFixedHeight(0)
        self.setMouseTracking(True)

    def relayout(self) -> None:
        """Fit the height to the longest name (within limits); no columns, no header."""
        margin = self.view.stripes
        metrics = QFontMetrics(self.font())
        longest = max(
            (metrics.horizontalAdvance(self.view.names.get(c, "")) for c in margin.columns),
            default=-1,
        )
        self.setFixedHeight(0 if longest < 0 else min(longest + 16, self.MAX_HEIGHT))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        margin = self.view.stripes
        if not margin.columns:
            return
        painter = QPainter(self)
        metrics = QFontMetrics(self.font())
        origin = margin.mapTo(self.view, QPoint(0, 0)).x() + self.view.x() - self.x()
        column = margin.column_width()
        for i, code in enumerate(margin.columns):
            x = origin + margin.column_x(i)
            colour = self.view.colours.get(code, QColor("#888888"))
            painter.fillRect(QRect(x, self.height() - 5, max(column - 3, 4), 5), colour)
            name = metrics.elidedText(
                self.view.names.get(code, ""), Qt.TextElideMode.ElideRight, self.height() - 10
            )
            painter.save()
            # written bottom-to-top, centred on the column
            baseline = x + (column - 3 + metrics.ascent() - metrics.descent()) / 2
            painter.translate(baseline, self.height() - 8)
            painter.rotate(-90)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QPoint(0, 0), name)
            painter.restore()

    def code_at(self, x: int) -> int | None:
        margin = self.view.stripes
        origin = margin.mapTo(self.view, QPoint(0, 0)).x() + self.view.x() - self.x()
        column = margin.column_width()
        index = (x - origin - PAD) // column if column else -1
        return margin.columns[index] if 0 <= index < len(margin.columns) else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        code = self.code_at(int(event.position().x()))
        if code is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), self.view.names.get(code, ""))
