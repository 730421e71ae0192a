"""Fitting the workbench to the screen it opens on (a 1280×720 laptop as well as a large
monitor): the window no larger than the screen's free area, tall panels scrollable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


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
