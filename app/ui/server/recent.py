"""Recently opened team servers, remembered per machine (QSettings) without any password."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSettings, Qt

from app.ui.rows_model import RowsTableModel

KEY = "recentServers"
LIMIT = 12
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerAddress:
    """Where a server project is: what the dialog asks for (never a password)."""

    host: str
    port: int
    database: str
    user: str

    def url(self) -> str:
        """The project's URL, ``postgresql+psycopg://user@host:port/database``."""
        from sqlalchemy.engine import URL

        return URL.create(
            "postgresql+psycopg",
            username=self.user or None,
            host=self.host or None,
            port=self.port or None,
            database=self.database,
        ).render_as_string(hide_password=False)

    @property
    def label(self) -> str:
        return f"{self.database} @ {self.host or 'localhost'}:{self.port}"


@dataclass(frozen=True)
class RecentServer:
    address: ServerAddress
    last_opened: datetime


def recent_servers() -> list[RecentServer]:
    """The remembered servers, most recent first (unreadable entries are skipped)."""
    raw = str(QSettings().value(KEY, "") or "")
    try:
        entries = json.loads(raw) if raw else []
    except ValueError:
        return []
    found: list[RecentServer] = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            address = ServerAddress(
                str(entry["host"]), int(entry["port"]), str(entry["database"]), str(entry["user"])
            )
            found.append(RecentServer(address, datetime.fromisoformat(entry["opened"])))
        except (KeyError, TypeError, ValueError):
            continue
    return sorted(found, key=lambda r: r.last_opened, reverse=True)


def remember_server(address: ServerAddress, *, when: datetime | None = None) -> None:
    """Put ``address`` first in the list (opened now). Only host, port, database, user."""
    others = [r for r in recent_servers() if r.address != address]
    items = [RecentServer(address, when or datetime.now().replace(microsecond=0)), *others]
    data = [
        {
            "host": r.address.host,
            "port": r.address.port,
            "database": r.address.database,
            "user": r.address.user,
            "opened": r.last_opened.isoformat(),
        }
        for r in items[:LIMIT]
    ]
    QSettings().setValue(KEY, json.dumps(data, ensure_ascii=False))


class RecentServersModel(RowsTableModel):
    """Database, server and login of each remembered server, and when it was last opened."""

    DATABASE, SERVER, USER, OPENED = range(4)

    def headers(self) -> Sequence[str]:
        return (self.tr("Database"), self.tr("Server"), self.tr("Login"), self.tr("Last opened"))

    def reload(self) -> None:
        self.set_rows(recent_servers())

    def server(self, row: int) -> ServerAddress | None:
        return self.rows[row].address if 0 <= row < len(self.rows) else None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        item: RecentServer = self.rows[index.row()]
        address = item.address
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == self.DATABASE:
                return address.database
            if column == self.SERVER:
                return f"{address.host or 'localhost'}:{address.port}"
            if column == self.USER:
                return address.user
            return item.last_opened.strftime("%Y-%m-%d %H:%M")
        if role == Qt.ItemDataRole.ToolTipRole:
            return address.url()
        return None
