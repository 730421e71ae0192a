"""Coding stripes: the codings of the document as bars in lanes, right of the text.

Codings are packed into as few lanes as their overlaps need (a lane holds codings that do not
overlap), so the margin is as wide as the deepest overlap, not one column per code; it never
takes more than a fifth of the view. Only the visible range is painted; a bar wide enough
carries its code's name along it, every bar names its code on hover, and the legend above
the text (:class:`StripeHeader`, two lines at most) names the codes on screen. Clicking a bar
selects that coding in the text.
"""

from __future__ import annotations

import heapq
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
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
    from app.ui.workbench.spans import Span
    from app.ui.workbench.transcript import TranscriptView

COLUMN = 15  # widest lane (pixels); narrower when many lanes share the margin
MIN_COLUMN = 6
LABEL_COLUMN = 12  # lanes at least this wide carry the code's name
SHARE = 0.2  # at most this share of the view's width goes to the stripes
MAX_WIDTH = 180  # and never more than this many pixels
PAD = 6


def pack_lanes(spans: list[Span], order: dict[int, int]) -> tuple[dict[int, int], int]:
    """Each coding's lane (lowest free one when it starts) and the number of lanes."""
    lanes: dict[int, int] = {}
    busy: list[tuple[int, int]] = []  # (end, lane) of the codings still open
    free: list[int] = []
    count = 0
    for span in sorted(spans, key=lambda s: (s.start, order.get(s.code_id, 1 << 30), -s.end)):
        while busy and busy[0][0] <= span.start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        else:
            lane, count = count, count + 1
        lanes[span.coding_id] = lane
        heapq.heappush(busy, (span.end, lane))
    return lanes, count


class StripeMargin(QWidget):
    """Painted beside a :class:`TranscriptView`; owned and positioned by it."""

    #: the codes with a bar on screen changed (tree order); the legend follows
    visibleCodesChanged = Signal()

    def __init__(self, view: TranscriptView) -> None:
        super().__init__(view)
        self.setObjectName("codingStripes")
        self.view = view
        self.columns: list[int] = []  # codes present in the document, in tree order
        self.lanes: dict[int, int] = {}  # coding id -> lane
        self.lane_count = 0
        self.visible_codes: list[int] = []  # codes with a bar on screen, in tree order
        self.bars: list[tuple[QRect, int]] = []  # painted rects and their coding ids
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 2.0, 7.0))
        self.setFont(font)
        self.setMouseTracking(True)
        self._reserved = -1

    def sizeHint(self) -> QSize:
        return QSize(self.margin_width(), 0)

    def budget(self) -> int:
        """The widest the margin may be for the view's width."""
        return min(int(self.view.width() * SHARE), MAX_WIDTH)

    def column_width(self) -> int:
        if not self.lane_count:
            return COLUMN
        room = self.budget() - 2 * PAD
        return max(MIN_COLUMN, min(COLUMN, room // self.lane_count))

    def shown_lanes(self) -> int:
        """Lanes drawn side by side (deeper overlaps share the last one)."""
        room = self.budget() - 2 * PAD
        return max(1, min(self.lane_count, room // self.column_width()))

    def margin_width(self) -> int:
        return PAD * 2 + self.column_width() * self.shown_lanes() if self.lane_count else 0

    def relayout(self) -> None:
        """Recompute the lanes from the document's codings."""
        present = self.view.index.code_ids()
        self.columns = sorted(present, key=lambda c: (self.view.order.get(c, 1 << 30), c))
        self.lanes, self.lane_count = pack_lanes(
            list(self.view.index.spans.values()), self.view.order
        )
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

    def lane_of(self, coding_id: int) -> int:
        return min(self.lanes.get(coding_id, 0), self.shown_lanes() - 1)

    def column_x(self, index: int) -> int:
        """Left edge of lane ``index`` in this widget's coordinates."""
        return PAD + index * self.column_width()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#f6f6f4"))
        painter.setPen(QPen(QColor("#d8d8d4")))
        painter.drawLine(0, 0, 0, self.height())
        self.bars = []
        on_screen: set[int] = set()
        if not self.columns:
            self._set_visible_codes(on_screen)
            return
        visible = self.view.visible_range()
        metrics = QFontMetrics(self.font())
        column = self.column_width()
        bar = max(column - 3, 4)
        for span in self.view.index.overlapping(*visible):
            col = self.lane_of(span.coding_id)
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
            on_screen.add(span.code_id)
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
        self._set_visible_codes(on_screen)

    def _set_visible_codes(self, codes: set[int]) -> None:
        ordered = [c for c in self.columns if c in codes]
        if ordered != self.visible_codes:
            self.visible_codes = ordered
            self.visibleCodesChanged.emit()

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
    """The legend of the stripes: a colour swatch and the name of each code with a bar on
    screen, written across in at most two lines (``MAX_HEIGHT``); what does not fit is
    counted ("+3") and named on hover. No codings, no legend."""

    LINES = 2
    MAX_HEIGHT = 40
    SWATCH = 9
    GAP = 12

    def __init__(self, view: TranscriptView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stripeHeader")
        self.view = view
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() - 1.0, 7.0))
        self.setFont(font)
        self.setFixedHeight(0)
        self.setMouseTracking(True)
        #: painted items: (rect, code id) and the codes left out
        self.items: list[tuple[QRect, int]] = []
        self.hidden: list[int] = []
        view.stripes.visibleCodesChanged.connect(self.update)

    def relayout(self) -> None:
        """A fixed height while the document has codings (the text does not jump when
        other codes scroll into view); none without."""
        metrics = QFontMetrics(self.font())
        height = min(self.LINES * metrics.height() + 4, self.MAX_HEIGHT)
        self.setFixedHeight(height if self.view.stripes.columns else 0)
        self.update()

    def codes(self) -> list[int]:
        """The codes the legend names: those on screen (all of the document's before the
        stripes are first painted)."""
        stripes = self.view.stripes
        return stripes.visible_codes or stripes.columns

    def layout_items(self) -> tuple[list[tuple[QRect, int]], list[int]]:
        """Where each name goes, and the codes that do not fit."""
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        more = metrics.horizontalAdvance("+999") + 4
        items: list[tuple[QRect, int]] = []
        x, row = 2, 0
        codes = self.codes()
        for i, code in enumerate(codes):
            name = self.view.names.get(code, "")
            width = self.SWATCH + 4 + metrics.horizontalAdvance(name) + 3
            width = min(width, self.width() - 4 - more)
            last_row = row == self.LINES - 1
            reserve = more if last_row and i < len(codes) - 1 else 0
            if x + width + reserve > self.width() - 2 and x > 2:
                if last_row:
                    return items, codes[i:]
                row, x = row + 1, 2
                reserve = more if i < len(codes) - 1 else 0
                if x + width + reserve > self.width() - 2 and row == self.LINES - 1:
                    width = max(self.width() - 4 - reserve, 0)
            items.append((QRect(x, 2 + row * line, width, line), code))
            x += width + self.GAP
        return items, []

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.view.stripes.columns:
            return
        painter = QPainter(self)
        metrics = QFontMetrics(self.font())
        self.items, self.hidden = self.layout_items()
        painter.setPen(self.palette().windowText().color())
        for rect, code in self.items:
            colour = self.view.colours.get(code, QColor("#888888"))
            swatch = QRect(rect.left(), rect.center().y() - self.SWATCH // 2 + 1,
                           self.SWATCH, self.SWATCH)  # fmt: skip
            painter.fillRect(swatch, colour)
            text_rect = rect.adjusted(self.SWATCH + 4, 0, 0, 0)
            name = metrics.elidedText(
                self.view.names.get(code, ""), Qt.TextElideMode.ElideRight, text_rect.width()
            )
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter, name)
        if self.hidden:
            x = self.items[-1][0].right() + self.GAP if self.items else 2
            top = self.items[-1][0].top() if self.items else 2
            painter.drawText(
                QRect(x, top, self.width() - x, metrics.height()),
                Qt.AlignmentFlag.AlignVCenter,
                f"+{len(self.hidden)}",
            )

    def code_at(self, pos: QPoint) -> int | None:
        return next((code for rect, code in self.items if rect.contains(pos)), None)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        code = self.code_at(pos)
        if code is not None:
            tip = self.view.names.get(code, "")
        elif self.hidden and (not self.items or pos.x() > self.items[-1][0].right()):
            tip = "\n".join(self.view.names.get(c, "") for c in self.hidden)
        else:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPosition().toPoint(), tip, self)
