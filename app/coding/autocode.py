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

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.coding.codings import CodingChanges, NewCoding, apply_codes
from app.coding.errors import InvalidValue, NotFound, TelaahError
from app.coding.importing.speakers import is_interviewer, label_end
from app.coding.patterns import Pattern, compile_pattern
from app.coding.progress import NullProgress, Progress, check
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
    after = _NEXT_CHAR.match(text, match.end(), line_end)
    next_char = after.group(1) if after else ""
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
                return not next_char or next_char.isupper()
        return True
    # An ellipsis followed by a lower-case word is a pause, not the end of a sentence.
    if "…" in marks or marks.startswith(".."):
        return not next_char.islower()
    return True


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


class _LineSentences:
    """Sentences of a document found line by line, only for the lines asked about: a
    sentence never crosses a line break, so the hits of a pattern need only their lines."""

    def __init__(self, text: str, cuts: dict[int, int] | None = None) -> None:
        self.text = text
        #: line start → where its words start (after a speaker label)
        self.cuts = cuts or {}
        self._lines: dict[int, tuple[list[Span], list[int]]] = {}

    def around(self, start: int, end: int) -> tuple[list[Span], list[int]]:
        """The sentences of every line that ``[start, end)`` touches, in order, and their
        starts."""
        text = self.text
        pos = text.rfind("\n", 0, start) + 1
        spans: list[Span] = []
        starts: list[int] = []
        while True:
            line = self._lines.get(pos)
            stop = text.find("\n", pos)
            stop = len(text) if stop < 0 else stop
            if line is None:
                found = line_sentences(text, self.cuts.get(pos, pos), stop)
                line = self._lines[pos] = (found, [s for s, _ in found])
            if stop >= end or stop == len(text):
                if not spans:
                    return line
                return spans + line[0], starts + line[1]
            spans += line[0]
            starts += line[1]
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
    session: Session, document_id: int, text: str, unit: str, cuts: dict[int, int]
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


@dataclass(frozen=True)
class _Turns:
    """The speaker turns of one document: where their labels end, and the interviewer's."""

    #: turn start → where its words start (after the label and the spaces that follow)
    cuts: dict[int, int]
    #: the starts and ends of the interviewer's turns, in order
    asking_starts: tuple[int, ...]
    asking_ends: tuple[int, ...]

    def asked(self, pos: int) -> bool:
        """Whether ``pos`` lies in one of the interviewer's turns."""
        i = bisect_right(self.asking_starts, pos) - 1
        return i >= 0 and pos < self.asking_ends[i]


def _turns(session: Session, document_id: int, text: str) -> _Turns:
    rows = session.execute(
        select(Segment.start, Segment.end, Segment.speaker)
        .where(Segment.document_id == document_id, Segment.kind == "turn")
        .order_by(Segment.start)
    ).all()
    cuts: dict[int, int] = {}
    asking: list[Span] = []
    for start, end, speaker in rows:
        line_end = text.find("\n", start, end)
        cuts[start] = label_end(text, start, end if line_end < 0 else line_end)
        if speaker and is_interviewer(speaker):
            asking.append((start, end))
    return _Turns(cuts, tuple(s for s, _ in asking), tuple(e for _, e in asking))


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
            turns = _turns(session, document_id, text)
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
    if unit not in UNITS:
        raise InvalidValue("unit", unit, "expected one of " + ", ".join(UNITS))
    compiled = compile_pattern(pattern, ignore_case=ignore_case)
    sink = progress or NullProgress()
    ids = _document_ids(session, document_ids)
    hits: list[AutocodeHit] = []
    for done, doc_id in enumerate(ids):
        check(sink)
        sink.report(done, len(ids))
        text = session.scalar(select(Document.text).where(Document.id == doc_id)) or ""
        hits.extend(_hits_in(session, doc_id, text, compiled, unit, sink, informants_only))
    sink.report(len(ids), len(ids))
    if max_hits is not None and len(hits) > max_hits:
        raise TooManyHits(len(hits), max_hits)
    return tuple(hits)


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
    hits = preview_autocode(
        session,
        pattern=pattern,
        unit=unit,
        document_ids=document_ids,
        ignore_case=ignore_case,
        progress=progress,
        max_hits=max_hits,
        informants_only=informants_only,
    )
    check(progress or NullProgress())
    new = [NewCoding(h.document_id, code_id, h.start, h.end) for h in hits]
    return apply_codes(session, codings=new, coder=coder)
