"""What makes a file a Telaah project: SQLite's header and our application id."""

from __future__ import annotations

#: ``PRAGMA application_id`` of every Telaah project ("TELA" in ASCII).
APPLICATION_ID = 0x54454C41
SQLITE_MAGIC = b"SQLite format 3\x00"
