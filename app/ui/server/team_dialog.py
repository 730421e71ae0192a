"""The team of a server project (admins only): logins, roles, who is connected; adding one.

The roles are the server's own (``app.models.team``): what the dialog shows is what the
server enforces. Adding a member creates the login (or changes its role and password) at
once; the password goes to the server and nowhere else. Team logins are server accounts,
not project content, so this is not an undoable edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from app.coding.errors import TelaahError
from app.coding.team import add_team_member, others_connected, team_overview
from app.models.team import ROLES, Member
from app.ui.context import ProjectContext, ServerOffline
from app.ui.errors import error_message
from app.ui.rows_model import RowsTableModel


def role_label(role: str) -> str:
    """A team role in the interface language."""
    labels = {
        "admin": QCoreApplication.translate("TeamDialog", "admin"),
        "coder": QCoreApplication.translate("TeamDialog", "coder"),
        "reviewer": QCoreApplication.translate("TeamDialog", "reviewer"),
    }
    return labels.get(role, role)


class TeamModel(RowsTableModel):
    """One row per login: name, role, and how many connections it has now."""

    NAME, ROLE, CONNECTED = range(3)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.connected: dict[str, int] = {}
        self.me = ""

    def headers(self) -> Sequence[str]:
        return (self.tr("Login"), self.tr("Role"), self.tr("Connected now"))

    def show(self, members: Sequence[Member], connected: dict[str, int], me: str) -> None:
        self.beginResetModel()
        self.rows, self.connected, self.me = list(members), dict(connected), me
        self.endResetModel()

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        member: Member = self.rows[index.row()]
        column = index.column()
        if column == self.NAME:
            return member.name + ("  " + self.tr("(you)") if member.name == self.me else "")
        if column == self.ROLE:
            return role_label(member.role)
        if member.name == self.me:
            return self.tr("yes")
        n = self.connected.get(member.name, 0)
        return self.tr("yes") if n else self.tr("no")


class TeamDialog(QDialog):
    """Project ▸ Team…: the team list with roles, and a form to add a member."""

    def __init__(self, ctx: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamDialog")
        self.setWindowTitle(self.tr("Team"))
        self.ctx = ctx
        self.model = TeamModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("teamMembers")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        box = QGroupBox(self.tr("Add a member or change a role"), self)
        self.name = QLineEdit(box)
        self.name.setObjectName("memberName")
        self.role = QComboBox(box)
        self.role.setObjectName("memberRole")
        for role in ROLES:
            self.role.addItem(role_label(role), role)
        self.secret = QLineEdit(box)
        self.secret.setObjectName("memberPassword")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("Add"), box)
        self.add_button.setObjectName("addMember")
        self.add_button.clicked.connect(self.add_member)
        form = QFormLayout(box)
        form.addRow(self.tr("Login"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password"), self.secret)
        explain = QLabel(
            self.tr(
                "A reviewer reads everything and writes review marks and comments; a coder "
                "also codes, writes memos and cases; an admin manages the team. The server "
                "enforces it."
            ),
            box,
        )
        explain.setWordWrap(True)
        form.addRow(explain)
        form.addRow(self.add_button)
        self.message = QLabel(self)
        self.message.setObjectName("teamMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(540, 520)
        self.reload()

    def reload(self) -> bool:
        """Read the team again; False (and the last list kept) when the server is gone."""
        try:
            with self.ctx.session() as s:
                overview = team_overview(s)
                connected = {c.name: c.connections for c in others_connected(s)}
        except ServerOffline as exc:
            self.message.setText(error_message(exc))
            return False
        self.model.show(overview.members, connected, overview.login)
        return True

    def add_member(self) -> None:
        name, role, password = self.name.text(), str(self.role.currentData()), self.secret.text()
        self.secret.clear()
        try:
            with self.ctx.session() as s:
                member = add_team_member(s, name=name, role=role, password=password)
        except (SQLAlchemyError, TelaahError, ServerOffline) as exc:
            # the server's refusal (not an admin), an empty field, the server gone
            self.message.setText(error_message(exc))
            return
        self.name.clear()
        self.message.setText(
            self.tr("{0} is now {1} in this project's team.").format(
                member.name, role_label(member.role)
            )
        )
        self.reload()
