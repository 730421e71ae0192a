"""Moving a whole project between a file and a server, losslessly (``push`` and ``pull``).

Ids, timestamps, memos, review state, cell summaries and every other table travel as they
are. The source is only read: a file through a private copy, a server inside one read-only
snapshot transaction, so coders may go on working while a pull runs. The target is created
and filled in one transaction: it is complete, or it does not exist (the server database is
left empty).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from app.coding.progress import NullProgress, Progress, check
from app.models.project import ProjectTarget, create_project, open_copy
from app.models.server import PasswordPrompt
from app.models.transfer import copy_all_rows


@dataclass(frozen=True)
class TransferReport:
    """Where the project went and how many rows of each table it holds."""

    target: str
    rows: dict[str, int]


def copy_project(
    *,
    source: ProjectTarget,
    target: ProjectTarget,
    ask_password: PasswordPrompt | None = None,
    progress: Progress | None = None,
) -> TransferReport:
    """Copy the project ``source`` into the new project ``target`` (a file that does not
    exist yet, or an empty server database). Either side may be a file or a URL."""
    progress = progress or NullProgress()
    counts: dict[str, int] = {}

    def report(table: str, done: int, total: int) -> None:
        check(progress)
        progress.report(done, total, table)

    with open_copy(source, ask_password=ask_password) as src, src.engine.connect() as conn:
        with conn.begin():

            def fill(target_conn: Connection) -> None:
                counts.update(copy_all_rows(conn, target_conn, progress=report))

            created = create_project(target, ask_password=ask_password, fill=fill)
        location = created.location
        created.close()
    return TransferReport(target=location, rows=counts)


def push_project(
    *,
    source: Path,
    target: str,
    ask_password: PasswordPrompt | None = None,
    progress: Progress | None = None,
) -> TransferReport:
    """A file project into an empty server database."""
    return copy_project(
        source=Path(source), target=target, ask_password=ask_password, progress=progress
    )


def pull_project(
    *,
    source: str,
    target: Path,
    ask_password: PasswordPrompt | None = None,
    progress: Progress | None = None,
) -> TransferReport:
    """A complete snapshot of a server project into a new file."""
    return copy_project(
        source=source, target=Path(target), ask_password=ask_password, progress=progress
    )
