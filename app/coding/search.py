"""Text search across all documents.

Plain queries go through the full-text index to find candidate documents fast (FTS5 in a
file, ``to_tsvector('simple', …)`` on a server: both split words and ignore case, so they pick
the same documents); exact hit positions (code points) are then found in those texts, in
Python, the same way on both engines. Regular expressions scan every selected document, each
within the time budget of :mod:`app.coding.patterns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from sqlalchemy import and_, or_, select, text
from sqlalchemy.orm import Session

from app.coding.errors import InvalidValue
from app.coding.patterns import Pattern, compile_pattern, literal
from app.models.fts import FTS_TABLE
from app.models.schema import Document
from app.models.server import PG_FTS_CONFIG

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
    if session.get_bind().dialect.name == "postgresql":
        rows = session.execute(
            text(
                f"SELECT id FROM documents WHERE to_tsvector('{PG_FTS_CONFIG}', text) "
                f"@@ phraseto_tsquery('{PG_FTS_CONFIG}', :q) ORDER BY id"
            ),
            {"q": " ".join(words)},
        )
        return [int(r[0]) for r in rows]
    # A phrase query on the index tokens; the exact text is checked afterwards.
    phrase = '"' + " ".join(words).replace('"', "") + '"'
    rows = session.execute(
        text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q ORDER BY rowid"),
        {"q": phrase},
    )
    return [int(r[0]) for r in rows]


_TEXT_BATCH = 16  # documents whose texts are read together


def _texts_in_order(
    session: Session, documents: Sequence[tuple[int, str]]
) -> Iterator[tuple[int, str, str]]:
    """(id, name, text) of ``documents`` in their order, texts read a batch at a time."""
    for i in range(0, len(documents), _TEXT_BATCH):
        batch = documents[i : i + _TEXT_BATCH]
        wanted = [doc_id for doc_id, _ in batch]
        texts = {
            doc_id: body
            for doc_id, body in session.execute(
                select(Document.id, Document.text).where(Document.id.in_(wanted))
            )
        }
        for doc_id, name in batch:
            yield doc_id, name, texts.get(doc_id) or ""


@dataclass(frozen=True)
class SearchCursor:
    """Where a page of hits continues: the hit at or after ``position`` in the document
    ``document_id`` (named ``document``), documents being taken in (name, id) order."""

    document: str
    document_id: int
    position: int


@dataclass(frozen=True)
class SearchPage:
    """Some hits in order and, when there are more, where the next page starts."""

    hits: tuple[SearchHit, ...]
    more: SearchCursor | None


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
    """Every occurrence of ``query`` (a phrase, or a regex with ``regex=True``), at most
    ``limit`` of them, by document name and position.

    Raises ``InvalidValue`` for an invalid pattern and ``PatternTooSlow`` when matching one
    document exceeds its time budget.
    """
    hits = _hits(
        session, query=query, regex=regex, whole_words=whole_words,
        document_ids=document_ids, context_chars=context_chars, after=None,
    )  # fmt: skip
    return tuple(hits if limit is None else islice(hits, limit))


def search_page(
    session: Session,
    *,
    query: str,
    regex: bool = False,
    context_chars: int = 60,
    limit: int = 200,
    after: SearchCursor | None = None,
) -> SearchPage:
    """The next ``limit`` hits of ``query`` from ``after`` (the start when None): what the
    search panel shows, a page at a time as the user scrolls. Only the documents up to the
    page's last hit are read. Errors as :func:`search`."""
    if limit < 1:
        raise InvalidValue("limit", str(limit), "at least 1")
    found = list(
        islice(
            _hits(
                session, query=query, regex=regex, whole_words=False, document_ids=None,
                context_chars=context_chars, after=after,
            ),
            limit + 1,
        )
    )  # fmt: skip
    if len(found) <= limit:
        return SearchPage(tuple(found), None)
    nxt = found[limit]
    return SearchPage(tuple(found[:limit]), SearchCursor(nxt.document, nxt.document_id, nxt.start))


def _hits(
    session: Session,
    *,
    query: str,
    regex: bool,
    whole_words: bool,
    document_ids: Sequence[int] | None,
    context_chars: int,
    after: SearchCursor | None,
) -> Iterator[SearchHit]:
    pattern = compile_query(query, regex=regex, whole_words=whole_words)
    candidates = None if regex else _fts_candidates(session, query)
    # Names first, then the texts a few documents at a time: ordering the texts themselves
    # by name sorts every candidate's text before the first hit, even for one page of hits.
    stmt = select(Document.id, Document.name).order_by(Document.name, Document.id)
    if candidates is not None:
        stmt = stmt.where(Document.id.in_(candidates))
    if document_ids is not None:
        stmt = stmt.where(Document.id.in_(list(document_ids)))
    if after is not None:
        stmt = stmt.where(
            or_(
                Document.name > after.document,
                and_(Document.name == after.document, Document.id >= after.document_id),
            )
        )
    names = [(doc_id, name) for doc_id, name in session.execute(stmt)]
    for doc_id, name, body in _texts_in_order(session, names):
        # The whole text is matched so a page's hits are exactly those of a full search.
        skip_before = after.position if after and doc_id == after.document_id else 0
        for start, end in pattern.finditer(body):
            if start < skip_before:
                continue
            yield SearchHit(
                document_id=doc_id,
                document=name,
                start=start,
                end=end,
                before=body[max(0, start - context_chars) : start],
                match=body[start:end],
                after=body[end : end + context_chars],
            )
