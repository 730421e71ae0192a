"""The transcript view: read-only text, coloured codings, stripes, drag and drop.

Only what is visible is coloured: at paint time the view asks the :class:`SpanIndex` for the
codings in the visible range, cuts it into pieces between their boundaries and paints each
piece's blended colour under the text (no character formats are touched, so the document is
never re-laid out). Opening a document therefore costs one ``setPlainText`` plus building the
index, whatever the number of codings.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QMimeData, QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from app.coding.words import snap_to_words
from app.ui.offsets import OffsetMap
from app.ui.workbench.spans import Span, SpanIndex
from app.ui.workbench.stripes import StripeMargin

MIME_SELECTION = "application/x-telaah-selection"
MIME_CODE = "application/x-telaah-code"


def tint(colours: Sequence[QColor]) -> QColor:
    """Background for text covered by ``colours``: a light blend that deepens with overlap,
    light enough to keep dark text readable."""
    n = len(colours)
    r = sum(c.redF() for c in colours) / n
    g = sum(c.greenF() for c in colours) / n
    b = sum(c.blueF() for c in colours) / n
    strength = min(0.26 + 0.10 * (n - 1), 0.52)
    return QColor.fromRgbF(1 - strength * (1 - r), 1 - strength * (1 - g), 1 - strength * (1 - b))


class TranscriptView(QPlainTextEdit):
    """Shows one document; positions in its API are code points, never UTF-16."""

    #: a code (id) was dropped onto the selection
    codeDropped = Signal(int)
    #: a key 1-9 was pressed (the number)
    quickCodeRequested = Signal(int)
    #: a coding (id) was picked, e.g. by clicking its stripe
    codingPicked = Signal(int)
    #: the stripe columns changed (codes appeared or disappeared, or the width changed)
    layoutChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptView")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAcceptDrops(True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        self.setFont(font)
        self.document_id: int | None = None
        self.offsets = OffsetMap("")
        #: the shown document's text (what the offsets count in)
        self.document_text = ""
        self.index = SpanIndex()
        self.colours: dict[int, QColor] = {}
        self.names: dict[int, str] = {}
        self.order: dict[int, int] = {}
        self.current_coding: int | None = None
        self._painted_range: tuple[int, int] | None = None
        self._pieces: list[tuple[int, int, QColor]] = []
        self.stripes = StripeMargin(self)
        self.updateRequest.connect(self._on_update_request)

    # --- content -------------------------------------------------------------------------

    def show_document(
        self,
        document_id: int | None,
        text: str,
        spans: Sequence[Span],
        *,
        colours: Mapping[int, str],
        names: Mapping[int, str],
        order: Mapping[int, int],
    ) -> None:
        """Replace the shown document (codings as code-point spans)."""
        self.document_id = document_id
        self.offsets = OffsetMap(text)
        self.document_text = text
        self.index = SpanIndex(spans)
        self.current_coding = None
        self.set_code_look(colours, names, order)
        self.setPlainText(text)
        self.refresh()

    def set_code_look(
        self, colours: Mapping[int, str], names: Mapping[int, str], order: Mapping[int, int]
    ) -> None:
        """Colours, names (interface language) and tree order of codes."""
        self.colours = {cid: QColor(c) for cid, c in colours.items()}
        self.names = dict(names)
        self.order = dict(order)
        self.stripes.relayout()

    def update_spans(self, removed: Sequence[int], added: Sequence[Span]) -> None:
        """Apply coding changes to the index and repaint the visible part."""
        for cid in removed:
            self.index.remove(cid)
        for span in added:
            self.index.add(span)
        if self.current_coding is not None and self.current_coding not in self.index.spans:
            self.current_coding = None
        self.stripes.relayout()
        self.layoutChanged.emit()
        self.refresh()

    def top_position(self) -> int:
        """The character (UTF-16) at the top left of the viewport: what the reader sees first."""
        return self.cursorForPosition(QPoint(0, 0)).position()

    def restore_top(self, position: int) -> None:
        """Scroll so that ``position`` is on the first visible line again (after a reflow,
        e.g. a stripe column appeared because another coder coded this document)."""
        bar = self.verticalScrollBar()
        low, high = bar.minimum(), bar.maximum()
        while low < high:  # the last scroll value whose top is at or before ``position``
            middle = (low + high + 1) // 2
            bar.setValue(middle)
            if self.top_position() <= position:
                low = middle
            else:
                high = middle - 1
        bar.setValue(low)

    def refresh(self) -> None:
        """Recolour the visible range (e.g. after codes changed colour)."""
        self._painted_range = None
        self._highlight()
        self.stripes.update()

    # --- positions (code points) ---------------------------------------------------------

    def selection_span(self) -> tuple[int, int] | None:
        """The selected span in code points, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self.offsets.span_to_cp(cursor.selectionStart(), cursor.selectionEnd())

    def selected_text(self) -> str:
        """The selection exactly as stored (paragraph separators back to newlines)."""
        return self.textCursor().selectedText().replace("\u2029", "\n")

    def cursor_position(self) -> int:
        return self.offsets.to_cp(self.textCursor().position())

    def select_span(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (code points) and scroll it into view."""
        a, b = self.offsets.span_to_utf16(start, end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(a)
        cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setTextCursor(cursor)

    def select_coding(self, coding_id: int) -> None:
        span = self.index.spans.get(coding_id)
        if span is None:
            return
        self.current_coding = coding_id
        self.select_span(span.start, span.end)
        self.refresh()

    def visible_range(self) -> tuple[int, int]:
        """Code-point range of the blocks currently on screen."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return (0, 0)
        first = block.position()
        last_end = first
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        height = self.viewport().height()
        while block.isValid() and top <= height:
            if block.isVisible():
                last_end = block.position() + block.length()
            top += self.blockBoundingRect(block).height()
            block = block.next()
        end = min(last_end, self.offsets.utf16_length)
        return self.offsets.span_to_cp(first, end)

    def y_range(self, start: int, end: int, visible: tuple[int, int]) -> tuple[int, int]:
        """Viewport y-range of ``[start, end)``, clipped to the viewport."""
        height = self.viewport().height()
        top = 0 if start <= visible[0] else self._cursor_rect(start).top()
        last = max(end - 1, start)
        bottom = height if end >= visible[1] else self._cursor_rect(last).bottom()
        return max(top, 0), min(bottom, height)

    def _cursor_rect(self, cp: int) -> QRect:
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(self.offsets.to_utf16(cp), self.offsets.utf16_length))
        return self.cursorRect(cursor)

    # --- speaker filter --------------------------------------------------------------------

    def show_only(self, spans: Sequence[tuple[int, int]] | None) -> None:
        """Hide every paragraph outside ``spans`` (code points); None shows everything."""
        doc = self.document()
        u16 = [self.offsets.span_to_utf16(a, b) for a, b in spans] if spans is not None else None
        block = doc.begin()
        i = 0
        while block.isValid():
            visible = True
            if u16 is not None:
                b_start, b_end = block.position(), block.position() + block.length() - 1
                while i < len(u16) and u16[i][1] <= b_start:
                    i += 1
                visible = i < len(u16) and u16[i][0] <= max(b_end, b_start)
            block.setVisible(visible)
            block = block.next()
        doc.markContentsDirty(0, doc.characterCount())
        self.viewport().update()
        self.refresh()

    # --- painting ------------------------------------------------------------------------

    def _on_update_request(self, _rect: QRect, dy: int) -> None:
        if dy:
            self.stripes.update()
        if self.visible_range() != self._painted_range:
            self.viewport().update()

    def _prepare(self) -> None:
        """Cut the visible range into coloured pieces (cached until it scrolls or changes)."""
        visible = self.visible_range()
        if visible == self._painted_range:
            return
        self._painted_range = visible
        self._pieces = [
            (a, b, tint([self.colours.get(c, QColor("#888888")) for c in codes]))
            for a, b, codes in self.index.pieces(*visible)
        ]

    def _highlight(self) -> None:
        self._prepare()
        self.viewport().update()

    def painted_pieces(self) -> int:
        """How many coloured pieces are on screen now (for tests and benchmarks)."""
        self._prepare()
        return len(self._pieces)

    def paintEvent(self, event: QPaintEvent) -> None:
        # Highlights go under the text: paint them first, then let Qt draw the text (the
        # viewport's background was already filled by the widget system).
        self._prepare()
        painter = QPainter(self.viewport())
        clip = event.rect()
        for a, b, colour in self._pieces:
            for rect in self._rects(a, b):
                if rect.intersects(clip):
                    painter.fillRect(rect, colour)
        current = self.index.spans.get(self.current_coding or -1)
        if current is not None:
            pen = QPen(self.colours.get(current.code_id, QColor("#333333")).darker(140), 2)
            painter.setPen(pen)
            for rect in self._rects(current.start, current.end):
                painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.end()
        super().paintEvent(event)

    def _rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles covering ``[start, end)`` (code points) line by line,
        restricted to the blocks on screen."""
        a, b = self.offsets.span_to_utf16(start, end)
        doc = self.document()
        offset = self.contentOffset()
        height = self.viewport().height()
        first = self.firstVisibleBlock()
        block = doc.findBlock(a)
        if block.blockNumber() < first.blockNumber():
            block = first
        rects: list[QRectF] = []
        while block.isValid() and block.position() < b:
            if block.isVisible():
                geometry = self.blockBoundingGeometry(block).translated(offset)
                if geometry.top() > height:
                    break
                layout = block.layout()
                pos = block.position()
                for i in range(layout.lineCount()):
                    line = layout.lineAt(i)
                    ls = pos + line.textStart()
                    le = ls + line.textLength()
                    s, e = max(a, ls), min(b, le)
                    if s >= e:
                        continue
                    x1 = _x(line.cursorToX(s - pos))
                    x2 = _x(line.cursorToX(e - pos))
                    top = geometry.top() + line.y()
                    rects.append(QRectF(x1 + offset.x(), top, x2 - x1, line.height()))
            block = block.next()
        return rects

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.stripes.place()
        self.layoutChanged.emit()
        self._painted_range = None

    def relayout(self) -> None:
        """Re-wrap the text to the current viewport width (after the margin changed).

        QPlainTextEdit re-wraps only when the editor itself is resized or its wrap mode
        changes, so the mode is toggled; layout stays lazy (visible blocks only).
        """
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)

    # --- keys and drag and drop ----------------------------------------------------------

    def snap_selection(self) -> None:
        """Widen the selection to whole words (see :func:`snap_to_words`), keeping which end
        the cursor is at; the snapped span is what gets coded."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return
        anchor, pos = cursor.anchor(), cursor.position()
        start, end = self.offsets.span_to_cp(min(anchor, pos), max(anchor, pos))
        a, b = self.offsets.span_to_utf16(*snap_to_words(self.document_text, start, end))
        if (a, b) == (min(anchor, pos), max(anchor, pos)):
            return
        first, last = (a, b) if anchor <= pos else (b, a)
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        # A dragged selection snaps to whole words; held Alt keeps it exact.
        if event.button() == Qt.MouseButton.LeftButton and not (
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.snap_selection()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        super().keyReleaseEvent(event)
        # Shift+arrows select letter by letter; letting go of Shift snaps to whole words
        # (Alt held as well keeps the selection exact).
        if event.key() == Qt.Key.Key_Shift and not (
            event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.snap_selection()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if plain and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.quickCodeRequested.emit(int(key) - int(Qt.Key.Key_0))
            event.accept()
            return
        super().keyPressEvent(event)

    def createMimeDataFromSelection(self) -> QMimeData:
        # Qt's own mime data lists a fixed set of formats, so build a plain one instead
        data = QMimeData()
        data.setText(self.selected_text())
        span = self.selection_span()
        if span is not None and self.document_id is not None:
            payload = {"document_id": self.document_id, "start": span[0], "end": span[1]}
            data.setData(MIME_SELECTION, json.dumps(payload).encode())
        return data

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME_CODE):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(MIME_CODE):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if event.mimeData().hasFormat(MIME_CODE):
            code_id = int(bytes(event.mimeData().data(MIME_CODE).data()).decode())
            event.acceptProposedAction()
            self.codeDropped.emit(code_id)
            return
        super().dropEvent(event)


def _x(result: object) -> float:
    """The x of ``QTextLine.cursorToX`` (PySide returns it with the adjusted position)."""
    return float(result[0] if isinstance(result, tuple) else result)  # type: ignore[arg-type]


def selection_from_mime(data: QMimeData) -> tuple[int, int, int] | None:
    """(document id, start, end) carried by a drag from the transcript, if any."""
    if not data.hasFormat(MIME_SELECTION):
        return None
    payload = json.loads(bytes(data.data(MIME_SELECTION).data()).decode())
    return int(payload["document_id"]), int(payload["start"]), int(payload["end"])
