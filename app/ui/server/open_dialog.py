"""Project ▸ Open server project…: where the team's project is, and the login to use.

The dialog asks for host, port, database and login, offers the recent servers (never with a
password) and takes a password for this connection only: left empty, libpq uses
``PGPASSWORD`` or ``~/.pgpass``; when the server wants one and none was given, the dialog
says so and asks for it. A password is handed to the connection and forgotten by the dialog
(its field is cleared); nothing of it is written anywhere.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.server.recent import (
    DEFAULT_PORT,
    RecentServersModel,
    ServerAddress,
    remember_server,
)

#: opens the project at URL with an optional password in a new window (shown); raises the
#: project errors of ``app.models.project.open_project``
ServerOpener = Callable[[str, str | None], QMainWindow]


def _login() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


class OpenServerDialog(QDialog):
    """Asks where a server project is and opens it (:attr:`opened` once it is open)."""

    def __init__(self, opener: ServerOpener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openServerDialog")
        self.setWindowTitle(self.tr("Open server project"))
        self._opener = opener
        self.opened: QMainWindow | None = None

        self.recent_model = RecentServersModel(self)
        self.recent_model.reload()
        self.recent = QTableView(self)
        self.recent.setObjectName("recentServers")
        self.recent.setModel(self.recent_model)
        self.recent.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recent.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.recent.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recent.verticalHeader().hide()
        self.recent.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.recent.clicked.connect(self._recent_chosen)
        self.recent.doubleClicked.connect(self._recent_opened)
        recent_title = QLabel(self.tr("Recent servers"), self)
        has_recent = bool(self.recent_model.rows)
        self.recent.setVisible(has_recent)
        recent_title.setVisible(has_recent)

        self.host = QLineEdit("localhost", self)
        self.host.setObjectName("serverHost")
        self.port = QSpinBox(self)
        self.port.setObjectName("serverPort")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self)
        self.database.setObjectName("serverDatabase")
        self.user = QLineEdit(_login(), self)
        self.user.setObjectName("serverUser")
        self.password = QLineEdit(self)
        self.password.setObjectName("serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("empty: PGPASSWORD or ~/.pgpass"))
        form = QFormLayout()
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database"), self.database)
        form.addRow(self.tr("Login"), self.user)
        form.addRow(self.tr("Password"), self.password)
        hint = QLabel(
            self.tr(
                "The password is used for this connection only; Telaah never stores it. Your "
                "login is your coder name in the team."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("serverError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #9a1b1b;")
        self.error.hide()

        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(
            self.tr("Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setObjectName("openServerButton")
        self.open_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_open)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(recent_title)
        layout.addWidget(self.recent)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if has_recent:
            self.fill(self.recent_model.rows[0].address)
        self.resize(520, 460 if has_recent else 300)

    def address(self) -> ServerAddress:
        return ServerAddress(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
        )

    def fill(self, address: ServerAddress) -> None:
        """Put a remembered server in the fields (the password stays empty)."""
        self.host.setText(address.host)
        self.port.setValue(address.port)
        self.database.setText(address.database)
        self.user.setText(address.user)
        self.password.clear()

    def _recent_chosen(self, index: QModelIndex) -> None:
        address = self.recent_model.server(index.row())
        if address is not None:
            self.fill(address)

    def _recent_opened(self, index: QModelIndex) -> None:
        self._recent_chosen(index)
        self.try_open()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def try_open(self) -> None:
        """Open the project; on an error say why here and stay open."""
        from app.models.project import ProjectError, ServerLoginFailed
        from app.ui.errors import project_error_message

        address = self.address()
        if not address.database:
            self._say(self.tr("Enter the name of the project's database."))
            self.database.setFocus()
            return
        password = self.password.text() or None
        self.password.clear()  # the dialog keeps no password
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            window = self._opener(address.url(), password)
        except ServerLoginFailed as exc:
            message = project_error_message(exc)
            if password is None:
                message += " " + self.tr("Enter the password for {0}.").format(address.user)
            self._say(message)
            self.password.setFocus()
            return
        except ProjectError as exc:
            self._say(project_error_message(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        remember_server(address)
        self.opened = window
        self.accept()


def ask_open_server(opener: ServerOpener, parent: QWidget | None = None) -> OpenServerDialog:
    """Show the dialog (window-modal, not blocking the caller) and return it."""
    dialog = OpenServerDialog(opener, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog
