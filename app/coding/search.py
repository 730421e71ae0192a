"""Text search across all documents.

Plain queries go through the FTS5 index (``documents_fts``) to find candidate documents fast;
exact hit positions (code points) are then found in those texts. Regular expressions scan
every selected document, each within the time budget of :mod:`app.coding.patterns`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.coding.errors import InvalidValue
from app.coding.patterns import Pattern, compile_pattern, literal
from app.models.fts import FTS_TABLE
from app.models.schema import Document

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    """One occurrence: ``text[start:end]`` of a document, with some context around it."""

    document_id: int
    document: str
    start: int
    end: int
    before: str
    match: str
    after: str


def compile_query(query: str, *, regex: bool = False, whole_words: bool = False) -> Pattern:
    """The pattern a query stands for (case-insensitive). Raises InvalidValue if invalid."""
    if not query.strip():
        raise InvalidValue("query", query, "empty")
    if regex:
        return compile_pattern(query)
    source = literal(query.strip())
    if whole_words:
        source = rf"(?<!\w){source}(?!\w)"
    return compile_pattern(source)


def _fts_candidates(session: Session, query: str) -> list[int] | None:
    words = _WORD.findall(query)
    if not words:
        return None
    # A phrase query on the index tokens; the exact text is checked afterwards.
    phrase = '"' + " ".join(words).replace('"', "") + '"'
    rows = session.execute(
        text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY rowid"),
        {"q": phrase},
    )
    return [int(r[0]) for r in rows]


def search(
    session: Session,
    *,
    query: str,
    regex: bool = False,
    whole_words: bool = False,
    document_ids: Sequence[int] | None = None,
    context_chars: int = 60,
    limit: int | None = None,
) -> tuple[SearchHit, ...]:
    """Every occurrence of ``query`` (a phrase, or a regex with ``regex=True``).

    Raises ``InvalidValue`` for an invalid pattern and ``PatternTooSlow`` when matching one
    document exceeds its time budget.
    """
    pattern = compile_query(query, regex=regex, whole_words=whole_words)
    candidates = None if regex else _fts_candidates(session, query)
    stmt = select(Document.id, Document.name, Document.text).order_by(Document.name)
    if candidates is not None:
        stmt = stmt.where(Document.id.in_(candidates))
    if document_ids is not None:
        stmt = stmt.where(Document.id.in_(list(document_ids)))
    hits: list[SearchHit] = []
    for doc_id, name, body in session.execute(stmt):
        for start, end in pattern.finditer(body):
            hits.append(
                SearchHit(
                    document_id=doc_id,
                    document=name,
                    start=start,
                    end=end,
                    before=body[max(0, start - context_chars) : start],
                    match=body[start:end],
                    after=body[end : end + context_chars],
                )
            )
            if limit is not None and len(hits) >= limit:
                return tuple(hits)
    return tuple(hits)
