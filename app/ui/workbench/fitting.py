"""Fitting the workbench to the screen it opens on (a 1280×720 laptop as well as a large
monitor): the window no larger than the screen's free area, tall panels scrollable."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QWidget


def fit_to_screen(window: QWidget) -> None:
    """Shrink ``window`` to the free area of its screen when it is larger."""
    screen = window.screen()
    if screen is None or QGuiApplication.platformName() == "offscreen":
        return  # the offscreen platform's screen is a made-up 800×600
    free = screen.availableGeometry()
    width, height = min(window.width(), free.width()), min(window.height(), free.height())
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a frameless vertical scroll area, so a short dock can still hold it."""
    area = QScrollArea()
    area.setObjectName(f"{widget.objectName() or 'panel'}Scroll")
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


class ElidingLabel(QLabel):
    """A one-line label that gives way to its neighbours: too long for its room, its text
    is shortened in the middle ("INF05_Bambang…Priyono") and shown whole on hover. A document
    title must not decide how wide the window's centre is (the docks would shrink)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:
        return QSize(60, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(
            self._full, Qt.TextElideMode.ElideMiddle, self.width()
        )
        super().setText(shown)
