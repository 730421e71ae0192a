"""What makes a file a Telaah project: SQLite's header and our application id."""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: ``PRAGMA application_id`` of every Telaah project ("TELA" in ASCII).
APPLICATION_ID = 0x54454C41
SQLITE_MAGIC = b"SQLite format 3\x00"


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only SQLite connection to ``path``, whatever characters its name holds.

    The URI is built by ``Path.as_uri`` so that ``%``, ``#``, ``?``, spaces, Indonesian
    letters and Windows drive letters (``file:///C:/…``) all survive.
    """
    con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    # An untrusted file's views and triggers may not call functions with side effects.
    con.execute("PRAGMA trusted_schema=OFF")
    return con


def connect_file(path: Path) -> sqlite3.Connection:
    """A plain writable SQLite connection to ``path`` (a backup's or a copy's target) with
    ``trusted_schema`` off, like every connection Telaah opens to a project file."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA trusted_schema=OFF")
    return con
