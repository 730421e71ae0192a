"""The start window, shown when Telaah starts without a project.

New project, Open project…, Open the sample study, and the recent projects (double-click or
Enter opens one; a file that is gone is greyed and says "not found"). What the actions do is
the :class:`~app.ui.launcher.Launcher`'s business; this window only shows and asks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.language import current_language
from app.ui.start.recent import RecentProjectsModel

if TYPE_CHECKING:
    from app.ui.launcher import Launcher


class StartWindow(QWidget):
    """The first window: what a student can do before any project exists."""

    def __init__(self, launcher: Launcher) -> None:
        super().__init__(None)
        self.launcher = launcher
        self.setObjectName("startWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)

        self.action_new = QAction(self)
        self.action_new.setObjectName("actionNewProject")
        self.action_new.setShortcut(QKeySequence.StandardKey.New)
        self.action_new.triggered.connect(lambda: launcher.new_project(self))
        self.action_open = QAction(self)
        self.action_open.setObjectName("actionOpenProject")
        self.action_open.setShortcut(QKeySequence.StandardKey.Open)
        self.action_open.triggered.connect(lambda: launcher.choose_project(self))
        self.action_server = QAction(self)
        self.action_server.setObjectName("actionOpenServerProject")
        self.action_server.triggered.connect(lambda: launcher.ask_open_server(self))
        self.action_demo = QAction(self)
        self.action_demo.setObjectName("actionOpenDemo")
        self.action_demo.triggered.connect(lambda: launcher.open_demo(self))
        self.action_forget = QAction(self)
        self.action_forget.setObjectName("actionForgetRecent")
        self.action_forget.setShortcut(QKeySequence.StandardKey.Delete)
        self.action_forget.triggered.connect(self._forget_current)
        for action in (
            self.action_new,
            self.action_open,
            self.action_server,
            self.action_demo,
            self.action_forget,
        ):
            self.addAction(action)

        self.heading = QLabel(self)
        self.heading.setObjectName("startHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)

        self.buttons: list[QToolButton] = []
        row = QHBoxLayout()
        for action in (self.action_new, self.action_open, self.action_server, self.action_demo):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setMinimumSize(QSize(170, 44))
            self.buttons.append(button)
            row.addWidget(button)
        row.addStretch(1)

        self.recent_label = QLabel(self)
        bold = self.recent_label.font()
        bold.setBold(True)
        self.recent_label.setFont(bold)
        self.model = RecentProjectsModel(self)
        self.recent = QTableView(self)
        self.recent.setObjectName("recentProjects")
        self.recent.setModel(self.model)
        self.recent.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recent.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recent.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent.verticalHeader().hide()
        self.recent.setShowGrid(False)
        self.recent.setWordWrap(False)
        self.recent.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.recent.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.recent.activated.connect(self._open_index)
        self.recent.doubleClicked.connect(self._open_index)
        self.no_recent = QLabel(self)
        self.no_recent.setObjectName("noRecentProjects")
        self.no_recent.setWordWrap(True)

        self.language_label = QLabel(self)
        self.language = QComboBox(self)
        self.language.setObjectName("startLanguage")
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current_language())))
        self.language.activated.connect(
            lambda i: launcher.switch_language(str(self.language.itemData(i)))
        )
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.language_label)
        bottom.addWidget(self.language)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 18)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent, 1)
        # without recent projects the room is below the note, not spread between the lines
        layout.addWidget(self.no_recent, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(bottom)
        self.retranslate()
        self.reload()
        self.resize(820, 540)

    def retranslate(self) -> None:
        self.setWindowTitle("Telaah")
        self.heading.setText(self.tr("Welcome to Telaah"))
        self.intro.setText(
            self.tr(
                "A project holds your transcripts, codebooks, cases and codings in one file. "
                "Start a new one for your study, open one you already have, or look around in "
                "the sample study (twelve fictional interviews, already coded)."
            )
        )
        self.action_new.setText(self.tr("New project…"))
        self.action_new.setToolTip(self.tr("Create a project file for your study"))
        self.action_open.setText(self.tr("Open project…"))
        self.action_open.setToolTip(self.tr("Open a .telaah file"))
        self.action_server.setText(self.tr("Open server project…"))
        self.action_server.setToolTip(
            self.tr("Open a team project on a PostgreSQL server (host, database, your login)")
        )
        self.action_demo.setText(self.tr("Open the sample study"))
        self.action_demo.setToolTip(self.tr("Twelve fictional interviews, coded, to try things"))
        self.action_forget.setText(self.tr("Remove from the list"))
        self.recent_label.setText(self.tr("Recent projects"))
        self.no_recent.setText(
            self.tr("No recent projects yet. Projects you open will be listed here.")
        )
        self.language_label.setText(self.tr("Language:"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        self.model.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            index = self.language.findData(current_language())
            if index >= 0:
                self.language.setCurrentIndex(index)
        super().changeEvent(event)

    def reload(self) -> None:
        """Read the recent projects again (a project may have been opened meanwhile)."""
        self.model.reload()
        empty = self.model.rowCount() == 0
        self.recent.setVisible(not empty)
        self.no_recent.setVisible(empty)

    def showEvent(self, event: QShowEvent) -> None:
        self.reload()
        super().showEvent(event)

    def _open_index(self, index: QModelIndex) -> None:
        item = self.model.project(index.row())
        if item is not None:
            self.launcher.open_recent(item.path, self)

    def _forget_current(self) -> None:
        item = self.model.project(self.recent.currentIndex().row())
        if item is not None:
            self.launcher.forget(item.path)
            self.reload()
