"""Selections snapped to whole words, so a coded passage never starts or ends mid-word.

A selection dragged across a transcript easily starts a letter late ("walnya" for
"Awalnya") or stops a letter early ("Lalu b"); coded as it is, the half word ends up in every
export. :func:`snap_to_words` widens such an edge to the whole word and drops the spaces at
the edges. Offsets are code points of the document text.
"""

from __future__ import annotations

#: Characters that join two letters into one word ("ibu-ibu", "Jum'at", "don’t").
_JOINERS = frozenset("-'’")


def _letter(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _wordish(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` belongs to a word (a letter, or a joiner between two)."""
    if pos < 0 or pos >= len(text):
        return False
    ch = text[pos]
    if _letter(ch):
        return True
    return (
        ch in _JOINERS
        and 0 < pos < len(text) - 1
        and _letter(text[pos - 1])
        and _letter(text[pos + 1])
    )


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened so it neither starts nor ends inside a word, without the
    whitespace at its edges. An empty or all-space selection is returned unchanged."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    a, b = start, end
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a == b:
        return start, end
    while a > 0 and _wordish(text, a - 1) and _wordish(text, a):
        a -= 1
    while b < len(text) and _wordish(text, b - 1) and _wordish(text, b):
        b += 1
    return a, b
