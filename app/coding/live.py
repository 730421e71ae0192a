"""What other coders changed on a team server, as :class:`Changes` (LISTEN/NOTIFY).

The server sends one notification per table (per document for codings) when a transaction
of another client commits (``app.models.live``). :func:`changes_from` turns the payloads
into one :class:`Changes` with ``remote`` set: views refresh what changed without treating
it as their own edit (the transcript keeps its scroll position and selection).
"""

from __future__ import annotations

from collections.abc import Iterable

from app.coding.changes import Changes, Kind

_KINDS: dict[str, Kind] = {
    "codebooks": Kind.CODES,
    "codes": Kind.CODES,
    "documents": Kind.DOCUMENTS,
    "cases": Kind.CASES,
    "attributes": Kind.CASES,
    "case_attributes": Kind.CASES,
    "document_cases": Kind.CASES,
    "memos": Kind.MEMOS,
    "review_marks": Kind.REVIEW,
    "comments": Kind.REVIEW,
    "cell_summaries": Kind.SUMMARIES,
    "project_settings": Kind.SETTINGS,
    "coders": Kind.SETTINGS,
}


def changes_from(payloads: Iterable[str]) -> Changes:
    """One :class:`Changes` for what the notifications ``payloads`` announce."""
    kinds: set[Kind] = set()
    documents: set[int] = set()
    for payload in payloads:
        table, _, key = payload.partition(":")
        if table == "codings":
            kinds.add(Kind.CODINGS)
            if key.isdigit():
                documents.add(int(key))
        elif table in _KINDS:
            kinds.add(_KINDS[table])
    if not kinds:
        return Changes()
    return Changes(kinds=frozenset(kinds), documents=frozenset(documents), remote=True)
