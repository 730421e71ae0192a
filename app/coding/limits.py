"""Limits on text people type or files carry, and quoting names for one-line messages.

Names and memos come from people and from files other people made (a project emailed by a
student, a REFI-QDA export): each text field has a ceiling, checked by :func:`check_length`
before anything is written, so a 100,000-character coder name is refused with a clear
message instead of being stored.
"""

from __future__ import annotations

from app.coding.errors import InvalidValue

#: Longest accepted value per field (characters). Names are short; memos may be long.
#: The keys are the ``field`` of the :class:`InvalidValue` raised; the CLI
#: (``app/cli/common.py``) and the GUI (``app/ui/errors.py``) each have words for every key.
MAX_LENGTHS = {
    "coder": 100,
    "code": 200,
    "codebook": 200,
    "case": 200,
    "alias": 200,
    "attribute": 200,
    "document": 255,
    "value": 2_000,
    "description": 20_000,
    "summary": 20_000,
    "memo": 100_000,
    "comment": 20_000,
    "title": 255,  # a source's citation title
    "finding": 2_000,  # a code's finding: longer than two sentences belongs in the memo
}


def check_length(field: str, value: str) -> str:
    """``value`` if it fits :data:`MAX_LENGTHS` for ``field``; else ``InvalidValue``.

    The error carries the value cut short (never a 100k-character string) and a detail
    ``too-long:<limit>`` that the CLI and the UI turn into words.
    """
    limit = MAX_LENGTHS[field]
    if len(value) > limit:
        raise InvalidValue(field, value[:60] + "…", f"too-long:{limit}")
    return value


def check_lengths(**fields: str | None) -> None:
    """:func:`check_length` for each ``field=value`` given (``None`` is skipped)."""
    for field, value in fields.items():
        if value is not None:
            check_length(field, value)


def escaped(name: object, *, limit: int = 80) -> str:
    """``name`` with backslashes and control characters escaped (a newline becomes ``\\n``,
    ESC ``\\x1b``), cut to ``limit`` characters: one line whatever it held."""
    text = str(name)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text.replace("\\", "\\\\")
    )


def quoted(name: object, *, limit: int = 80) -> str:
    """``name`` in double quotes with control characters escaped, cut to ``limit`` characters.

    A file or coder name may hold a newline or an escape sequence; quoted like this it cannot
    break a message over lines or repaint the terminal.
    """
    return '"' + escaped(name, limit=limit).replace('"', '\\"') + '"'
