"""Auto-coding: code every hit of a pattern, as the match itself or its enclosing unit.

Units are ``match`` (the matched characters), ``sentence`` (see :func:`sentence_spans`),
``paragraph`` (the document's paragraph segments) and ``turn`` (its speaker turns; documents
without turns fall back to paragraphs). Hits that land in the same unit give one coding.

A unit never includes the label that opens a speaker turn ("00:20:16 Peneliti:"): sentences,
paragraphs and turns start after it, and a hit inside a label codes nothing. With
``informants_only`` hits in the interviewer's turns (see :func:`is_interviewer`) are skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.coding.codings import CodingChanges, NewCoding, apply_cut_codes
from app.coding.errors import InvalidValue, NotFound, TelaahError
from app.coding.importing.speakers import is_interviewer, label_end
from app.coding.patterns import Pattern, compile_pattern
from app.coding.progress import NullProgress, Progress, check
from app.models.bulk import fetch_tuples, gc_paused
from app.models.schema import Code, Document, Segment

UNITS = ("match", "sentence", "paragraph", "turn")

Span = tuple[int, int]

#: Abbreviations after which a full stop never ends a sentence (compared lower-cased).
_ABBREVIATIONS = frozenset(
    {
        "a.n",
        "bpk",
        "bp",
        "dgn",
        "dr",
        "dra",
        "drs",
        "dsn",
        "gg",
        "hj",
        "hlm",
        "ir",
        "jl",
        "jln",
        "kab",
        "kec",
        "kel",
        "kpd",
        "m.ap",
        "m.pd",
        "m.si",
        "mr",
        "mrs",
        "ms",
        "no",
        "nr",
        "prof",
        "rp",
        "rt",
        "rw",
        "s.e",
        "s.h",
        "s.ip",
        "s.kom",
        "s.pd",
        "s.sos",
        "s.t",
        "sdr",
        "sdri",
        "spt",
        "tgl",
        "thn",
        "ttd",
        "u.p",
        "vs",
        "ybs",
        "yth",
    }
)
#: Abbreviations that often close a list, and a sentence with it: they end a sentence only
#: when the next word starts with a capital letter ("beras, minyak, dll. Lalu …").
_LIST_ENDERS = frozenset({"dll", "dsb", "dst", "dkk", "etc", "tsb"})

#: Closing quotes and brackets that may follow the final mark (straight, curly, guillemet).
_CLOSERS = "\"'\u201d\u2019)]\u00bb"
_BOUNDARY = re.compile(r"[.!?…]+[" + re.escape(_CLOSERS) + r"]*(?=\s|$)")
# The word (or dotted chain such as "S.Sos") just before a full stop, searched in a window
# that ends at the stop: the lookbehinds make a match start where the whole token starts,
# so a token longer than the window is no match rather than its tail. A window one longer
# than the longest abbreviation is enough: a longer token is neither an abbreviation, nor
# an initial, nor a list ender.
_TOKEN_BEFORE = re.compile(r"(?<!\w)(?<!\w\.)(\w+(?:\.\w+)*)$")
_TOKEN_REACH = 1 + max(len(word) for word in _ABBREVIATIONS | _LIST_ENDERS)
_NEXT_CHAR = re.compile(r"\s*(\S?)")


class TooManyHits(TelaahError):
    """A pattern has more hits than the caller allowed (``count`` of them, ``limit`` allowed)."""

    def __init__(self, count: int, limit: int) -> None:
        super().__init__(f"{count} hits, more than the limit of {limit}")
        self.count = count
        self.limit = limit


_CHUNK = 900  # bound parameters per IN (...) query
#: How many matches are scanned between two checks for Cancel.
_CANCEL_EVERY = 5000


@dataclass(frozen=True)
class AutocodeHit:
    """A span auto-coding would code (already widened to its unit)."""

    document_id: int
    start: int
    end: int


def _trimmed(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _is_boundary(text: str, match: re.Match[str], line_start: int, line_end: int) -> bool:
    # Positions in ``text``, never slices of it: a turn is often one long line, and copying
    # its rest at every full stop made sentence splitting quadratic in the line length.
    marks = match.group().rstrip(_CLOSERS)
    if marks == ".":
        reach = max(line_start, match.start() - _TOKEN_REACH)
        token = _TOKEN_BEFORE.search(text, reach, match.start())
        if token is not None:
            word = token.group(1).lower()
            if word in _ABBREVIATIONS:
                return False
            if len(word) == 1 and word.isalpha():  # an initial: "A. Yani"
                return False
            if word in _LIST_ENDERS:
                next_char = _next_char(text, match.end(), line_end)
                return not next_char or next_char.isupper()
        return True
    # An ellipsis followed by a lower-case word is a pause, not the end of a sentence.
    if "…" in marks or marks.startswith(".."):
        return not _next_char(text, match.end(), line_end).islower()
    return True


def _next_char(text: str, pos: int, line_end: int) -> str:
    """The first character after the spaces at ``pos`` on its line ("" at the line end)."""
    after = _NEXT_CHAR.match(text, pos, line_end)
    return after.group(1) if after else ""


def line_sentences(text: str, start: int, end: int) -> list[Span]:
    """The sentences of the line ``text[start:end]`` (no line break inside), trimmed."""
    spans: list[Span] = []
    piece_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        if _is_boundary(text, match, start, end):
            span = _trimmed(text, piece_start, match.end())
            if span:
                spans.append(span)
            piece_start = match.end()
    span = _trimmed(text, piece_start, end)
    if span:
        spans.append(span)
    return spans


def sentence_spans(text: str) -> tuple[Span, ...]:
    """Sentences of ``text`` as (start, end) code-point spans, whitespace trimmed.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (optionally followed by closing quotes or
    brackets) before a space or line end, and at every line break. Common Indonesian
    abbreviations ("dr.", "Bpk.", "No.", "Jl.") and initials do not end a sentence.
    """
    spans: list[Span] = []
    line_start = 0
    for line in text.split("\n"):
        spans.extend(line_sentences(text, line_start, line_start + len(line)))
        line_start += len(line) + 1
    return tuple(spans)


def sentences_near(text: str, line_start: int, line_end: int, start: int, end: int) -> list[Span]:
    """The sentences of the line ``text[line_start:line_end]`` (:func:`line_sentences`) that
    ``[start, end)`` overlaps, and perhaps a neighbour: worked out from the nearest sentence
    end before ``start`` rather than from the line start.

    A boundary is a run of marks and closers, so none crosses a position after any other
    character: scanning from there finds the same boundaries as scanning the whole line,
    and whether each ends a sentence depends only on the characters around it. The scan
    starts a little before ``start`` and reaches further back until it finds a sentence end
    (or the line start)."""
    reach = _NEAR
    while True:
        back = max(line_start, start - reach)
        while back > line_start and text[back - 1] in _RUN_CHARS:
            back -= 1
        first = line_start
        before = []
        boundaries = _BOUNDARY.finditer(text, back, line_end)
        after: list[re.Match[str]] = []  # the first boundary run past ``start``, if any
        for match in boundaries:
            if match.end() > start:
                after.append(match)
                break
            before.append(match)
        for match in reversed(before):  # the last sentence end before the hit
            if _is_boundary(text, match, line_start, line_end):
                first = match.end()
                break
        if first > line_start or back == line_start:
            break
        reach *= 4
    # The sentences from ``first`` on, continuing the same scan: the runs of ``before``
    # after ``first`` were all found to end no sentence.
    spans: list[Span] = []
    piece_start = first
    for match in chain(after, boundaries):
        if piece_start >= end:
            return spans
        if _is_boundary(text, match, line_start, line_end):
            span = _trimmed(text, piece_start, match.end())
            if span:
                spans.append(span)
            piece_start = match.end()
    if piece_start < end:
        span = _trimmed(text, piece_start, line_end)
        if span:
            spans.append(span)
    return spans


#: How far before a hit :func:`sentences_near` first looks for a sentence end.
_NEAR = 160
#: The characters a boundary run is made of (marks, then closers).
_RUN_CHARS = frozenset(".!?…" + _CLOSERS)


class _LineSentences:
    """Sentences of a document around its hits, line by line: a sentence never crosses a
    line break, so a hit needs only the sentences near it on its lines."""

    def __init__(self, text: str, cuts: _Cuts | None = None) -> None:
        self.text = text
        #: line start → where its words start (after a speaker label)
        self.cuts = cuts or _Cuts(text, {})
        #: the last answer: hits come in order, and often several in one sentence
        self._last: tuple[int, int, tuple[list[Span], list[int]]] = (0, -1, ([], []))

    def around(self, start: int, end: int) -> tuple[list[Span], list[int]]:
        """The sentences that ``[start, end)`` overlaps on each line it touches (and maybe
        their neighbours), in order, and their starts."""
        low, high, found = self._last
        if low <= start and end <= high:  # inside one sentence found for an earlier hit
            return found
        found = self._around(start, end)
        spans = found[0]
        if len(spans) == 1 and spans[0][0] <= start and end <= spans[0][1]:
            self._last = (spans[0][0], spans[0][1], found)
        return found

    def _around(self, start: int, end: int) -> tuple[list[Span], list[int]]:
        text = self.text
        pos = text.rfind("\n", 0, start) + 1
        spans: list[Span] = []
        while True:
            stop = text.find("\n", pos)
            stop = len(text) if stop < 0 else stop
            words = self.cuts.get(pos, pos)
            spans += sentences_near(text, words, stop, max(start, words), min(end, stop))
            if stop >= end or stop == len(text):
                return spans, [s for s, _ in spans]
            pos = stop + 1


def _blocks(text: str) -> tuple[Span, ...]:
    """Paragraphs by blank-line-free runs of lines: the fallback when no segments exist."""
    spans: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        span = _trimmed(text, pos, pos + len(line))
        if span:
            spans.append(span)
        pos += len(line) + 1
    return tuple(spans)


def _segments(session: Session, document_id: int, kind: str) -> tuple[Span, ...]:
    rows = session.execute(
        select(Segment.start, Segment.end)
        .where(
            Segment.document_id == document_id, Segment.kind == kind, Segment.end > Segment.start
        )
        .order_by(Segment.start)
    ).all()
    return tuple((s, e) for s, e in rows)


def _units(
    session: Session, document_id: int, text: str, unit: str, cuts: _Cuts
) -> tuple[Span, ...]:
    spans: tuple[Span, ...] = ()
    if unit == "turn":
        spans = _segments(session, document_id, "turn")
    if not spans:
        spans = _segments(session, document_id, "paragraph")
    units = []
    for start, end in spans or _blocks(text):
        span = _trimmed(text, cuts.get(start, start), end)
        if span:
            units.append(span)
    return tuple(units)


class _Cuts:
    """Turn start → where its words start (after the label and the spaces that follow),
    found when first asked: auto-coding asks only about the lines its hits touch."""

    def __init__(self, text: str, turns: dict[int, int]) -> None:
        self._text, self._turns = text, turns  # turn start → turn end
        self._found: dict[int, int] = {}

    def get(self, pos: int, default: int) -> int:
        """Where the words of the turn starting at ``pos`` start; ``default`` when no turn
        starts there."""
        found = self._found.get(pos)
        if found is None:
            end = self._turns.get(pos)
            if end is None:
                return default
            line_end = self._text.find("\n", pos, end)
            found = self._found[pos] = label_end(self._text, pos, end if line_end < 0 else line_end)
        return found


@dataclass(frozen=True)
class _Turns:
    """The speaker turns of one document: where their labels end, and the interviewer's."""

    cuts: _Cuts
    #: the starts and ends of the interviewer's turns, in order
    asking_starts: tuple[int, ...]
    asking_ends: tuple[int, ...]

    def asked(self, pos: int) -> bool:
        """Whether ``pos`` lies in one of the interviewer's turns."""
        i = bisect_right(self.asking_starts, pos) - 1
        return i >= 0 and pos < self.asking_ends[i]


#: A speaker turn as :func:`_turn_rows` reads it: start, end, speaker.
_TurnRow = tuple[int, int, str | None]


def _turn_rows(session: Session, document_ids: Sequence[int]) -> dict[int, list[_TurnRow]]:
    """The speaker turns of ``document_ids`` in order, by document: one query for them all
    (one a document cost more than matching a pattern over it)."""
    query = select(Segment.document_id, Segment.start, Segment.end, Segment.speaker).where(
        Segment.kind == "turn"
    )
    turns: dict[int, list[_TurnRow]] = {}
    wanted = sorted(set(document_ids))
    for i in range(0, len(wanted), _CHUNK):
        chunk = query.where(Segment.document_id.in_(wanted[i : i + _CHUNK]))
        for doc_id, start, end, speaker in fetch_tuples(session, chunk):
            turns.setdefault(doc_id, []).append((start, end, speaker))
    for rows in turns.values():
        rows.sort(key=lambda r: r[0])
    return turns


def _turns(rows: Sequence[_TurnRow], text: str) -> _Turns:
    asks = {speaker: is_interviewer(speaker) for speaker in {r[2] for r in rows} if speaker}
    asking = [(start, end) for start, end, speaker in rows if speaker and asks[speaker]]
    return _Turns(
        _Cuts(text, {start: end for start, end, _speaker in rows}),
        tuple(s for s, _ in asking),
        tuple(e for _, e in asking),
    )


def _widen(units: Sequence[Span], starts: Sequence[int], start: int, end: int) -> Span | None:
    """The union of the units overlapping ``[start, end)``, or None if none does."""
    first = max(bisect_right(starts, start) - 1, 0)
    covering = []
    for i in range(first, len(units)):
        u_start, u_end = units[i]
        if u_start >= end:
            break
        if u_end > start:
            covering.append(units[i])
    if not covering:
        return None
    return covering[0][0], covering[-1][1]


def _hits_in(
    session: Session,
    document_id: int,
    text: str,
    pattern: Pattern,
    unit: str,
    progress: Progress,
    turn_rows: Sequence[_TurnRow],
    informants_only: bool = False,
) -> list[AutocodeHit]:
    spans: dict[Span, None] = {}
    units: tuple[Span, ...] | None = None
    starts: list[int] = []
    turns: _Turns | None = None
    sentences: _LineSentences | None = None
    for n, (start, end) in enumerate(pattern.finditer(text), 1):
        if n % _CANCEL_EVERY == 0:
            check(progress)
        if turns is None:  # read on the first hit: a document without hits costs nothing
            turns = _turns(turn_rows, text)
            sentences = _LineSentences(text, turns.cuts)
        if informants_only and turns.asked(start):
            continue
        if unit == "match":
            spans[(start, end)] = None
            continue
        if unit == "sentence":
            assert sentences is not None
            widened = _widen(*sentences.around(start, end), start, end)
        else:
            if units is None:
                units = _units(session, document_id, text, unit, turns.cuts)
                starts = [s for s, _ in units]
            widened = _widen(units, starts, start, end)
        if widened is not None:
            spans[widened] = None
    return [AutocodeHit(document_id, s, e) for s, e in sorted(spans)]


def _document_ids(session: Session, document_ids: Iterable[int] | None) -> list[int]:
    if document_ids is None:
        return list(session.scalars(select(Document.id).order_by(Document.name)))
    wanted = list(dict.fromkeys(document_ids))
    found = set(session.scalars(select(Document.id).where(Document.id.in_(wanted))))
    for doc_id in wanted:
        if doc_id not in found:
            raise NotFound("document", str(doc_id))
    return wanted


def preview_autocode(
    session: Session,
    *,
    pattern: str,
    unit: str = "match",
    document_ids: Sequence[int] | None = None,
    ignore_case: bool = True,
    progress: Progress | None = None,
    max_hits: int | None = None,
    informants_only: bool = False,
) -> tuple[AutocodeHit, ...]:
    """The spans :func:`autocode` would code, without writing anything; with
    ``informants_only`` hits in the interviewer's turns are left out.

    Raises ``InvalidValue`` for a bad pattern or unit, ``PatternTooSlow`` when matching one
    document exceeds its time budget, ``TooManyHits`` (with the full count) when there are
    more than ``max_hits`` spans, ``Cancelled`` if ``progress`` asks to stop.
    """
    with gc_paused():
        found = _scan(
            session, pattern, unit, document_ids, ignore_case, progress, max_hits, informants_only,
            cut=False,
        )  # fmt: skip
        return tuple(hit for hit, _snippet in found.hits)


@dataclass(frozen=True)
class _Scan:
    """The hits of a pattern, each with the text of its span, and the length of every
    document read (cut while each text was at hand: no text is kept)."""

    hits: list[tuple[AutocodeHit, str]]
    lengths: dict[int, int]


def _scan(
    session: Session,
    pattern: str,
    unit: str,
    document_ids: Sequence[int] | None,
    ignore_case: bool,
    progress: Progress | None,
    max_hits: int | None,
    informants_only: bool,
    *,
    cut: bool = True,
) -> _Scan:
    """What :func:`preview_autocode` finds (and raises); each hit with the text of its span
    when ``cut`` (else ""), for :func:`autocode` to store."""
    if unit not in UNITS:
        raise InvalidValue("unit", unit, "expected one of " + ", ".join(UNITS))
    compiled = compile_pattern(pattern, ignore_case=ignore_case)
    sink = progress or NullProgress()
    ids = _document_ids(session, document_ids)
    hits: list[tuple[AutocodeHit, str]] = []
    lengths: dict[int, int] = {}
    turns = _turn_rows(session, ids)
    # Each text read on its own (memory stays flat), by a Core statement compiled once:
    # an ORM query a document cost more than reading its text.
    connection = session.connection()
    read_text = select(Document.text).where(Document.id == bindparam("doc_id"))
    for done, doc_id in enumerate(ids):
        check(sink)
        sink.report(done, len(ids))
        text = connection.execute(read_text, {"doc_id": doc_id}).scalar() or ""
        lengths[doc_id] = len(text)
        hits.extend(
            (hit, text[hit.start : hit.end] if cut else "")
            for hit in _hits_in(
                session, doc_id, text, compiled, unit, sink, turns.get(doc_id, ()), informants_only
            )
        )
    sink.report(len(ids), len(ids))
    if max_hits is not None and len(hits) > max_hits:
        raise TooManyHits(len(hits), max_hits)
    return _Scan(hits, lengths)


def autocode(
    session: Session,
    *,
    pattern: str,
    code_id: int,
    unit: str = "match",
    coder: str,
    document_ids: Sequence[int] | None = None,
    ignore_case: bool = True,
    progress: Progress | None = None,
    max_hits: int | None = None,
    informants_only: bool = False,
) -> CodingChanges:
    """Code every hit of ``pattern`` with ``code_id`` in one transaction (only the hits in
    informant turns with ``informants_only``).

    Spans this coder already coded with this code are skipped (counted in ``skipped``).
    Raises what :func:`preview_autocode` raises and ``NotFound`` for an unknown code or
    document; nothing is written then, and nothing either (not even the coder) when no
    span is new.
    """
    if session.get(Code, code_id) is None:
        raise NotFound("code", str(code_id))
    with gc_paused():  # many hits, their codings and the rows read back: see gc_paused
        found = _scan(
            session, pattern, unit, document_ids, ignore_case, progress, max_hits, informants_only
        )
        check(progress or NullProgress())
        new = [
            (NewCoding(h.document_id, code_id, h.start, h.end), snippet)
            for h, snippet in found.hits
        ]
        return apply_cut_codes(session, codings=new, lengths=found.lengths, coder=coder)
