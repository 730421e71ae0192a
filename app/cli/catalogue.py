"""Which module implements each ``telaah`` sub-command, and its one-line help.

The command line imports only the module of the command it runs (``telaah stats`` never
loads pandas, python-docx or Alembic), and ``telaah --help`` imports none: it lists this
table. ``tests/cli/test_startup.py`` checks that every module registers exactly the commands
listed here for it, with the same help. This module imports nothing of Telaah.
"""

from __future__ import annotations

from typing import NamedTuple

PROG = "telaah"


class CliError(Exception):
    """A failure detected by the command line itself (message is already a sentence)."""


class Command(NamedTuple):
    module: str  # under app.cli
    help: str


#: In the order ``telaah --help`` lists them.
COMMANDS: dict[str, Command] = {
    "new": Command("new", "create a new project (a file, or an empty server database)"),
    "import": Command("importing", "import transcripts and documents"),
    "text": Command("show", "print the stored text of a document, exactly"),
    "stats": Command("stats", "count documents, cases, codes and codings"),
    "code": Command("coding", "code a span of a document (with a code, or in vivo)"),
    "autocode": Command("coding", "code every hit of a pattern"),
    "coder": Command("evidence", "set a coder's role (primary or second)"),
    "finding": Command("evidence", "write the finding (Temuan) of a code"),
    "settings": Command("evidence", "show or change project settings"),
    "source": Command("evidence", "set a document's source type, title, date"),
    "case": Command("cases", "list cases with informant codes, or set one"),
    "export": Command("export", "export excerpts, matrices, summaries…"),
    "demo": Command("demo", "build and open the sample project"),
    "backups": Command("backups", "list the automatic backups of a project"),
    "restore": Command(
        "backups", "replace a project by one of its backups (the current state is kept)"
    ),
    "rescue": Command(
        "rescue", "copy a project's data into a clean file, leaving out foreign objects"
    ),
    "import-qdpx": Command("refiqda", "a new project from a REFI-QDA .qdpx"),
    "codebook": Command(
        "refiqda", "export or import a REFI-QDA codebook (.qdc), or update a bundled one"
    ),
    "agreement": Command("review", "intercoder agreement of two coders (percent, kappa, alpha)"),
    "merge": Command("review", "bring in another copy's codings, memos, comments and review marks"),
    "push": Command("transfer", "copy a project file into an empty server database"),
    "pull": Command("transfer", "take a complete snapshot of a server project"),
    "team": Command("team", "team logins and roles of a server project"),
}


def modules() -> tuple[str, ...]:
    """The command modules, in table order."""
    return tuple(dict.fromkeys(c.module for c in COMMANDS.values()))
