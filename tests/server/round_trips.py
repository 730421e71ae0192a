"""Counting what a client really sends a server: libpq's protocol trace of one connection.

Every ``Query`` (simple protocol) and every ``Sync`` (extended protocol) waits for the
server's answer, so their number is the number of round trips.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine


def pooled_connection(engine: Engine) -> object:
    """The psycopg connection ``engine``'s pool hands out next (the pool keeps one)."""
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
    assert raw is not None
    return raw


@contextmanager
def traced(raw: object) -> Iterator[list[str]]:
    """The messages the client sends on ``raw`` inside the block (filled in at its end)."""
    messages: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        trace = Path(folder) / "trace.txt"
        with trace.open("w", encoding="utf-8") as fh:
            raw.pgconn.trace(fh.fileno())  # type: ignore[attr-defined]
            try:
                yield messages
            finally:
                raw.pgconn.untrace()  # type: ignore[attr-defined]
        fields = [line.split("\t") for line in trace.read_text("utf-8").splitlines()]
        messages += [f[3] for f in fields if len(f) > 3 and f[1] == "F"]


def round_trips(messages: list[str]) -> int:
    """How many times the client waited for the server."""
    return sum(m in ("Query", "Sync") for m in messages)
