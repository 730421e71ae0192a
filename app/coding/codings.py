"""Applying, changing and removing codings.

Every mutation commits its own transaction and returns a :class:`CodingChanges` describing
exactly what changed; remove functions return everything :func:`restore_codings` needs to put
the codings back with the same ids (undo).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.coding.changes import Changes
from app.coding.errors import ChangedSince, InvalidSpan, InvalidValue, NotFound
from app.coding.limits import check_length
from app.coding.server_codings import fits_one_statement, insert_all_or_none
from app.models.bulk import fetch_tuples, insert_rows
from app.models.schema import Code, Coder, Coding, Document, utcnow
from app.models.transactions import committed

if TYPE_CHECKING:
    from app.coding.review import ReviewState


class Stance(StrEnum):
    """What a coded passage says of its code (the evidence stance)."""

    SUPPORTS = "supports"  # it happens / happened
    ABSENT = "absent"  # the informant says it does not or did not happen
    BARRIER = "barrier"  # the passage speaks of an obstacle to it


def parse_stance(value: str) -> Stance:
    """``supports`` / ``absent`` / ``barrier`` → :class:`Stance`, else ``InvalidValue``."""
    try:
        return Stance(value.strip().lower())
    except ValueError as exc:
        raise InvalidValue("stance", value, "expected supports, absent or barrier") from exc


@dataclass(frozen=True)
class CodingInfo:
    """A coding as plain data (safe to keep after the session closes)."""

    id: int
    document_id: int
    code_id: int
    coder_id: int
    coder: str
    start: int
    end: int
    snippet: str
    memo: str = ""
    illustrative: bool = False
    created_at: datetime | None = None
    updated_at: datetime | None = None
    stance: Stance = Stance.SUPPORTS


@dataclass(frozen=True)
class NewCoding:
    """A coding to be created (see :func:`apply_codes`)."""

    document_id: int
    code_id: int
    start: int
    end: int
    memo: str = ""
    illustrative: bool = False
    stance: Stance = Stance.SUPPORTS


@dataclass(frozen=True)
class CodingChanges:
    """What a coding mutation changed. ``before`` holds the old state of ``updated`` rows."""

    added: tuple[CodingInfo, ...] = ()
    removed: tuple[CodingInfo, ...] = ()
    updated: tuple[CodingInfo, ...] = ()
    before: tuple[CodingInfo, ...] = ()
    skipped: int = 0
    documents: frozenset[int] = field(default=frozenset())
    codes: frozenset[int] = field(default=frozenset())
    #: the review marks and comments that went with ``removed`` (put back by a restore)
    review: ReviewState | None = field(default=None, compare=False)

    @property
    def changes(self) -> Changes:
        """This delta as the one change value the views listen to."""
        found = Changes.of_codings(self)
        return found | self.review.changes if self.review else found

    @staticmethod
    def of(
        *,
        added: Iterable[CodingInfo] = (),
        removed: Iterable[CodingInfo] = (),
        updated: Iterable[CodingInfo] = (),
        before: Iterable[CodingInfo] = (),
        skipped: int = 0,
    ) -> CodingChanges:
        """Build a change set, deriving the touched documents and codes."""
        a, r, u, b = tuple(added), tuple(removed), tuple(updated), tuple(before)
        every = a + r + u + b
        return CodingChanges(
            added=a,
            removed=r,
            updated=u,
            before=b,
            skipped=skipped,
            documents=frozenset(c.document_id for c in every),
            codes=frozenset(c.code_id for c in every),
        )


def coding_info(row: Coding, coder: str) -> CodingInfo:
    """Plain-data copy of a coding row."""
    return CodingInfo(
        id=row.id,
        document_id=row.document_id,
        code_id=row.code_id,
        coder_id=row.coder_id,
        coder=coder,
        start=row.start,
        end=row.end,
        snippet=row.snippet,
        memo=row.memo,
        illustrative=row.illustrative,
        created_at=row.created_at,
        updated_at=row.updated_at,
        stance=Stance(row.stance or Stance.SUPPORTS),
    )


def _coder_name(name: str) -> str:
    """A coder's name as stored (stripped); empty or too long is ``InvalidValue``."""
    name = name.strip()
    if not name:
        raise InvalidValue("coder", name, "empty")
    check_length("coder", name)
    return name


def coder_id(session: Session, *, name: str, create: bool = True) -> int:
    """Id of the coder called ``name``; created (and flushed, not committed) if missing."""
    name = _coder_name(name)
    found = session.scalar(select(Coder.id).where(Coder.name == name))
    if found is not None:
        return found
    if not create:
        raise NotFound("coder", name)
    coder = Coder(name=name)
    session.add(coder)
    session.flush()
    return coder.id


def _document_length(session: Session, document_id: int) -> int:
    length = session.scalar(select(Document.length).where(Document.id == document_id))
    if length is None:
        raise NotFound("document", str(document_id))
    return length


def _snippet(session: Session, document_id: int, start: int, end: int) -> str:
    # SQLite's substr counts characters (code points) of TEXT, 1-based: no need to load
    # the whole (possibly very long) document into Python.
    text = session.scalar(
        select(func.substr(Document.text, start + 1, end - start)).where(Document.id == document_id)
    )
    return text or ""


def _check_code(session: Session, code_id: int) -> None:
    if session.get(Code, code_id) is None:
        raise NotFound("code", str(code_id))


_CHUNK = 900  # bound parameters per IN (...) query
_CODING_FIELDS = (
    "document_id", "code_id", "coder_id", "start", "end", "snippet", "memo", "illustrative",
    "stance", "created_at", "updated_at",
)  # fmt: skip


def apply_codes(session: Session, *, codings: Sequence[NewCoding], coder: str) -> CodingChanges:
    """Create many codings in one transaction. Exact duplicates (same document, code, coder
    and span) are skipped and counted in ``skipped``. All-or-nothing on invalid input; when
    nothing is new, nothing is written (not even a new coder's row).

    Built for one click on a busy team server as much as for auto-coding's tens of thousands
    of hits: the coder and the codes are looked up in one statement, each document gives its
    length and the new snippets in one more (read whole when it gets many codings), and the
    rows go in as multi-row inserts that skip what is already stored (the unique key
    document, code, coder, span), so a click is four statements (five on a file) and the
    coder's existing codings are never read. On a server, a click (a few codings, the
    session not yet in a transaction) is one statement (:mod:`app.coding.server_codings`).
    """
    wanted = list(codings)
    if fits_one_statement(session, len(wanted)):
        done = _apply_in_one_statement(session, wanted, coder)
        if done is not None:
            return done
    by_doc: dict[int, list[NewCoding]] = {}
    for new in wanted:
        by_doc.setdefault(new.document_id, []).append(new)
    cuts = (_lengths_and_snippets(session, doc_id, news) for doc_id, news in by_doc.items())
    return _apply(session, wanted, coder, by_doc, cuts)


def apply_cut_codes(
    session: Session,
    *,
    codings: Sequence[tuple[NewCoding, str]],
    lengths: Mapping[int, int],
    coder: str,
) -> CodingChanges:
    """:func:`apply_codes` for a caller that has just read the stored text of each document
    the codings are in: each coding comes with its snippet (the text of its span, cut
    from that text) and ``lengths`` gives each document's length. Auto-coding reads every
    text to match its pattern; reading them all a second time for the snippets was a
    twentieth of its time."""
    wanted = [new for new, _snippet in codings]
    by_doc: dict[int, list[NewCoding]] = {}
    snippets: dict[int, list[str]] = {}
    for new, snippet in codings:
        by_doc.setdefault(new.document_id, []).append(new)
        snippets.setdefault(new.document_id, []).append(snippet)

    def cuts() -> Iterator[tuple[int, list[str]]]:
        # read in the transaction: on a server another coder may have deleted a document
        # while its text was being matched
        found = _existing(session, Document.id, set(by_doc))
        for doc_id in by_doc:
            if doc_id not in found:
                raise NotFound("document", str(doc_id))
            yield lengths[doc_id], snippets[doc_id]

    return _apply(session, wanted, coder, by_doc, cuts())


def _apply(
    session: Session,
    wanted: list[NewCoding],
    coder: str,
    by_doc: dict[int, list[NewCoding]],
    cuts: Iterator[tuple[int, list[str]]],
) -> CodingChanges:
    """What :func:`apply_codes` does, for ``wanted`` grouped by document in ``by_doc``;
    ``cuts`` gives, document by document in that order, the document's length and the text
    of each of its new codings' spans (read as the transaction goes)."""
    name = _coder_name(coder)
    for new in wanted:
        check_length("memo", new.memo)
    with committed(session):
        cid, known_codes = _coder_and_codes(session, name, {n.code_id for n in wanted})
        for new in wanted:
            if new.code_id not in known_codes:
                raise NotFound("code", str(new.code_id))
        now = utcnow()
        # with its snippet and its stance (checked here: a wrong one stops the transaction)
        pending: list[tuple[NewCoding, str, Stance]] = []
        seen: set[tuple[int, int, int, int]] = set()
        for (doc_id, news), (length, snippets) in zip(by_doc.items(), cuts, strict=True):
            for new, snippet in zip(news, snippets, strict=True):
                if not (0 <= new.start < new.end <= length):
                    raise InvalidSpan(new.start, new.end, length)
                ident = (doc_id, new.code_id, new.start, new.end)
                if ident not in seen:  # the same span twice in one call is one coding
                    seen.add(ident)
                    pending.append((new, snippet, _stance(new.stance)))
        if cid is None:
            cid = coder_id(session, name=name)
        rows = (
            (n.document_id, n.code_id, cid, n.start, n.end, snippet, n.memo, n.illustrative,
             stance.value, now, now)
            for n, snippet, stance in pending
        )  # fmt: skip
        if session.get_bind().dialect.name == "postgresql":
            # Coders write at once: only RETURNING tells which ids are this insert's.
            back = insert_rows(
                session, Coding, _CODING_FIELDS, rows, skip_existing=True,
                returning=("id", "document_id", "code_id", "start", "end"),
            )  # fmt: skip
        else:
            # A file has one writer at a time (SQLite's lock), and RETURNING needs
            # SQLite 3.35, which some systems' Python lacks: the new rows are those above
            # the highest id seen before the insert.
            max_before = session.scalar(select(func.max(Coding.id))) or 0
            insert_rows(session, Coding, _CODING_FIELDS, rows, skip_existing=True)
            back = fetch_tuples(
                session,
                select(
                    Coding.id, Coding.document_id, Coding.code_id, Coding.start, Coding.end
                ).where(Coding.id > max_before, Coding.coder_id == cid),
            )
        ids = {(doc, code, start, end): coding_id for coding_id, doc, code, start, end in back}
        skipped = len(wanted) - len(ids)
        if not ids:
            session.rollback()
            return CodingChanges.of(skipped=skipped)
    added = [
        CodingInfo(ids[key], n.document_id, n.code_id, cid, name, n.start, n.end, snippet,
                   n.memo, n.illustrative, now, now, stance)
        for n, snippet, stance in pending
        if (key := (n.document_id, n.code_id, n.start, n.end)) in ids
    ]  # fmt: skip
    return CodingChanges.of(added=added, skipped=skipped)


def _apply_in_one_statement(
    session: Session, wanted: Sequence[NewCoding], coder: str
) -> CodingChanges | None:
    """The codings applied by one statement, or None when it wrote nothing (the general
    path then tells why: a missing code or document, a span out of range, a coder without a
    row yet, or every span already coded)."""
    name = _coder_name(coder)
    first: dict[tuple[int, int, int, int], tuple[NewCoding, Stance]] = {}
    for new in wanted:  # the same span twice in one call is one coding: the first
        check_length("memo", new.memo)
        stance = _stance(new.stance)  # a wrong one stops the call before anything is sent
        first.setdefault((new.document_id, new.code_id, new.start, new.end), (new, stance))
    distinct = list(first.values())
    now = utcnow()
    back = insert_all_or_none(
        session,
        rows=[
            (n.document_id, n.code_id, n.start, n.end, n.memo, n.illustrative, stance.value)
            for n, stance in distinct
        ],
        coder=name,
        now=now,
    )
    if not back:
        return None
    made = {(doc, code, start, end): (cid, who, snippet)
            for cid, doc, code, who, start, end, snippet in back}  # fmt: skip
    added = [
        CodingInfo(made[key][0], n.document_id, n.code_id, made[key][1], name, n.start, n.end,
                   made[key][2], n.memo, n.illustrative, now, now, stance)
        for n, stance in distinct
        if (key := (n.document_id, n.code_id, n.start, n.end)) in made
    ]  # fmt: skip
    return CodingChanges.of(added=added, skipped=len(wanted) - len(added))


#: Every stance by itself and by its stored value (a StrEnum member equals its value).
_STANCES: dict[str, Stance] = {s.value: s for s in Stance}


def _stance(value: str) -> Stance:
    """``value`` as a :class:`Stance` (one dictionary look-up per coding, not an enum call;
    an unknown value is the ``ValueError`` the enum gives)."""
    found = _STANCES.get(value)
    return found if found is not None else Stance(value)


#: A document given more new codings at once than this is read whole (one string) rather
#: than cut into that many slices by the database.
_SLICES = 20


def _lengths_and_snippets(
    session: Session, document_id: int, news: Sequence[NewCoding]
) -> tuple[int, list[str]]:
    """The document's length and the text of each new coding's span, in one statement.
    Spans out of range give text that is never used: the caller refuses them."""
    if len(news) > _SLICES:
        text = session.scalar(select(Document.text).where(Document.id == document_id))
        if text is None:
            raise NotFound("document", str(document_id))
        return len(text), [text[n.start : n.end] for n in news]
    # substr counts characters (code points) on both engines, 1-based
    cuts = [func.substr(Document.text, max(n.start, 0) + 1, max(n.end - n.start, 0)) for n in news]
    row = session.execute(select(Document.length, *cuts).where(Document.id == document_id)).first()
    if row is None:
        raise NotFound("document", str(document_id))
    return int(row[0]), [str(cut or "") for cut in row[1:]]


def _coder_and_codes(
    session: Session, name: str, code_ids: set[int]
) -> tuple[int | None, set[int]]:
    """The id of the coder called ``name`` (None if there is none yet) and which of
    ``code_ids`` exist, read together (one statement for up to 900 codes)."""
    coder = select(Coder.id).where(Coder.name == name).scalar_subquery()
    found: set[int] = set()
    cid: int | None = None
    wanted = sorted(code_ids)
    for i in range(0, len(wanted), _CHUNK):
        for code, who in session.execute(
            select(Code.id, coder).where(Code.id.in_(wanted[i : i + _CHUNK]))
        ):
            found.add(code)
            cid = who
    if not wanted:
        cid = session.scalar(select(coder))
    return cid, found


def _existing(session: Session, column: Any, ids: set[int]) -> set[int]:
    """Those of ``ids`` that are rows of ``column``'s table (read in chunks)."""
    found: set[int] = set()
    wanted = sorted(ids)
    for i in range(0, len(wanted), 900):
        found.update(session.scalars(select(column).where(column.in_(wanted[i : i + 900]))))
    return found


def apply_code(
    session: Session,
    *,
    document_id: int,
    code_id: int,
    start: int,
    end: int,
    coder: str,
    memo: str = "",
    illustrative: bool = False,
    stance: Stance = Stance.SUPPORTS,
) -> CodingChanges:
    """Code ``text[start:end]`` of a document (code points, end exclusive), committed."""
    new = NewCoding(document_id, code_id, start, end, memo, illustrative, Stance(stance))
    return apply_codes(session, codings=[new], coder=coder)


def _load(session: Session, coding_ids: Iterable[int]) -> list[tuple[Coding, str]]:
    ids = list(coding_ids)
    rows = session.execute(
        select(Coding, Coder.name)
        .join(Coder, Coder.id == Coding.coder_id)
        .where(Coding.id.in_(ids))
    ).all()
    found = {row[0].id: (row[0], row[1]) for row in rows}
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFound("coding", str(missing[0]))
    return [found[i] for i in ids]


def _infos(session: Session, coding_ids: Sequence[int]) -> list[CodingInfo]:
    """The codings ``coding_ids`` as plain data, in that order (read in chunks, no ORM
    objects: an undo may hold tens of thousands)."""
    ids = list(coding_ids)
    query = select(
        Coding.id, Coding.document_id, Coding.code_id, Coding.coder_id, Coder.name,
        Coding.start, Coding.end, Coding.snippet, Coding.memo, Coding.illustrative,
        Coding.created_at, Coding.updated_at, Coding.stance,
    ).join(Coder, Coder.id == Coding.coder_id)  # fmt: skip
    found: dict[int, CodingInfo] = {}
    for i in range(0, len(ids), _CHUNK):
        for r in session.execute(query.where(Coding.id.in_(ids[i : i + _CHUNK]))):
            found[r[0]] = CodingInfo(
                r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], bool(r[9]), r[10], r[11],
                Stance(r[12] or Stance.SUPPORTS),
            )  # fmt: skip
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFound("coding", str(missing[0]))
    return [found[i] for i in ids]


def remove_codings(
    session: Session, *, coding_ids: Sequence[int], unchanged: Sequence[CodingInfo] = ()
) -> CodingChanges:
    """Delete codings; ``removed`` holds everything needed to restore them.

    ``unchanged`` (an undo of one's own edit) are the codings as that edit left them: when
    any of them has been changed since (another coder on a team server edited its memo,
    code or span), :class:`ChangedSince` is raised and nothing is deleted."""
    with committed(session):
        if unchanged and session.get_bind().dialect.name == "postgresql":
            wanted = list(coding_ids)  # locked until commit: nobody changes them in between
            for i in range(0, len(wanted), _CHUNK):
                session.execute(
                    select(Coding.id).where(Coding.id.in_(wanted[i : i + _CHUNK])).with_for_update()
                )
        removed = _infos(session, coding_ids)
        _check_unchanged(removed, unchanged)
        ids = [c.id for c in removed]
        # the database deletes their review marks and comments with them: kept for undo
        from app.coding.review import review_state  # review builds on this module

        review = review_state(session, coding_ids=ids)
        for i in range(0, len(ids), _CHUNK):
            session.execute(
                delete(Coding).where(Coding.id.in_(ids[i : i + _CHUNK])),
                execution_options={"synchronize_session": False},
            )
    return replace(CodingChanges.of(removed=removed), review=review or None)


def _content(c: CodingInfo) -> tuple[object, ...]:
    return (c.document_id, c.code_id, c.start, c.end, c.memo, bool(c.illustrative),
            Stance(c.stance))  # fmt: skip


def _check_unchanged(current: Sequence[CodingInfo], expected: Sequence[CodingInfo]) -> None:
    now = {c.id: _content(c) for c in current}
    changed = tuple(c.id for c in expected if c.id in now and now[c.id] != _content(c))
    if changed:
        raise ChangedSince(changed)


def add_codings(session: Session, *, codings: Sequence[CodingInfo]) -> None:
    """Re-insert removed codings exactly, without committing (part of a larger undo)."""
    coders = {name: coder_id(session, name=name) for name in {c.coder for c in codings}}
    now = utcnow()
    insert_rows(
        session,
        Coding,
        ("id", *_CODING_FIELDS),
        (
            (c.id, c.document_id, c.code_id, coders[c.coder], c.start, c.end, c.snippet,
             c.memo, c.illustrative, Stance(c.stance).value, c.created_at or now,
             c.updated_at or c.created_at or now)
            for c in codings
        ),
    )  # fmt: skip


def restore_codings(
    session: Session, *, codings: Sequence[CodingInfo], review: ReviewState | None = None
) -> CodingChanges:
    """Put removed codings back exactly (same ids, coders, memos, stars, timestamps), with
    ``review``, the marks and comments :func:`remove_codings` took with them."""
    with committed(session):
        add_codings(session, codings=codings)
        if review:
            from app.coding.review import put_review_state  # review builds on this module

            put_review_state(session, state=review)
    coders = {n: coder_id(session, name=n, create=False) for n in {c.coder for c in codings}}
    restored = [replace(c, coder_id=coders[c.coder]) for c in codings]
    return replace(CodingChanges.of(added=restored), review=review or None)


def update_coding(
    session: Session,
    *,
    coding_id: int,
    memo: str | None = None,
    illustrative: bool | None = None,
    code_id: int | None = None,
    start: int | None = None,
    end: int | None = None,
    stance: Stance | None = None,
    unchanged: CodingInfo | None = None,
) -> CodingChanges:
    """Change a coding's memo, star, stance, code or span; ``before`` holds the previous
    state. With ``unchanged`` (an undo) the coding must still be as that says, else
    :class:`ChangedSince` and nothing changes."""
    with committed(session):
        ((row, name),) = _load(session, [coding_id])
        before = coding_info(row, name)
        _check_unchanged([before], () if unchanged is None else (unchanged,))
        if code_id is not None and code_id != row.code_id:
            _check_code(session, code_id)
            row.code_id = code_id
        if start is not None or end is not None:
            new_start = row.start if start is None else start
            new_end = row.end if end is None else end
            length = _document_length(session, row.document_id)
            if not (0 <= new_start < new_end <= length):
                raise InvalidSpan(new_start, new_end, length)
            row.start, row.end = new_start, new_end
            row.snippet = _snippet(session, row.document_id, new_start, new_end)
        if memo is not None:
            row.memo = check_length("memo", memo)
        if illustrative is not None:
            row.illustrative = illustrative
        if stance is not None:
            row.stance = Stance(stance).value
        session.flush()
        after = coding_info(row, name)
    return CodingChanges.of(updated=[after], before=[before])


def codings_for_document(
    session: Session, *, document_id: int, coder: str | None = None
) -> tuple[CodingInfo, ...]:
    """All codings of a document ordered by position (optionally of one coder)."""
    query = (
        select(Coding, Coder.name)
        .join(Coder, Coder.id == Coding.coder_id)
        .where(Coding.document_id == document_id)
        .order_by(Coding.start, Coding.end, Coding.id)
    )
    if coder is not None:
        query = query.where(Coder.name == coder)
    return tuple(coding_info(row, name) for row, name in session.execute(query).all())
