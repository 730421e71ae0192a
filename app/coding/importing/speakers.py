"""Speaker-turn detection in interview transcripts.

A *label* opens a line: an optional timestamp, a speaker of one to four words, an optional
timestamp after it, then a colon followed by a space or the end of the line::

    Peneliti: ...            P: ...              Bu Siti: ...          dr. Yohana: ...
    [00:01:12] Peneliti: ... 00:03:21 P: ...     P (00:02:10): ...     (00:02:10) P: ...
    **Informan 3:** ...      (Markdown emphasis around the label is ignored)

A label only counts as a speaker when it is a usual interview label (``P``, ``I``, ``Q``,
``A``, ``Peneliti``, ``Pewawancara``, ``Informan``, ``Narasumber``… optionally numbered,
e.g. ``Informan 3`` or ``R1``) or when the same label opens at least two lines of the
document — so a one-off header line such as ``Tanggal: 11 Maret 2024`` is not a turn. An
unknown label must also look like a name: every word capitalised, a number, a short
lower-case title with a dot (``dr.``, ``ir.``) or a name particle (``bin``, ``van``…); this
keeps sentences such as ``Catatan penting: ...`` out.

A turn starts at its labelled line and runs, over any unlabelled lines and paragraphs, up
to the next labelled line; text before the first label belongs to no turn.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

#: Labels that count as speakers even if they occur only once (compared case-folded).
KNOWN_LABELS = frozenset(
    {
        "p",
        "i",
        "q",
        "a",
        "r",
        "n",
        "t",
        "j",
        "peneliti",
        "pewawancara",
        "informan",
        "narasumber",
        "responden",
        "penanya",
        "penjawab",
        "moderator",
        "fasilitator",
        "interviewer",
        "interviewee",
        "respondent",
        "researcher",
        "informant",
        "tanya",
        "jawab",
    }
)
#: Labels of whoever asks the questions (compared case-folded, without a number).
INTERVIEWER_LABELS = frozenset(
    {
        "p",
        "q",
        "t",
        "peneliti",
        "pewawancara",
        "penanya",
        "moderator",
        "fasilitator",
        "interviewer",
        "researcher",
        "tanya",
    }
)
_PARTICLES = frozenset({"bin", "binti", "van", "von", "der", "de", "da", "al", "el"})

_TS = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_WORD = r"[^\W\d_][\w'’.\-]*"
_LABEL_RE = re.compile(
    rf"""
    [ \t]*
    (?:[\[(]?(?P<ts1>{_TS})[\])]?[ \t]*(?:[-–—][ \t]*)?)?   # leading timestamp
    (?P<em>\*\*|__)?                                      # Markdown emphasis
    (?P<label>{_WORD}(?:[ \t]+(?:{_WORD}|\d+)){{0,3}})     # one to four words
    (?:[ \t]*[\[(](?P<ts2>{_TS})[\])])?                   # trailing timestamp
    [ \t]*(?:\*\*|__)?[ \t]*[:\uff1a](?:\*\*|__)?               # the colon
    (?=\s|$)
    """,
    re.VERBOSE,
)
_NUMBERED = re.compile(r"^(?P<base>.*?)[ \t]*\d+$")
_TITLE = re.compile(r"^[^\W\d_]{1,4}\.$")


@dataclass(frozen=True)
class Label:
    """A syntactic label at the start of a line: who speaks, and when if stamped."""

    speaker: str
    timestamp: str | None


class Turn(NamedTuple):
    """A speaker turn: ``text[start:end]`` (label included) spoken by ``speaker``.

    A named tuple: a long transcript has hundreds of thousands of turns, and one is made
    in a third of the time a frozen dataclass takes, in no more memory."""

    start: int
    end: int
    speaker: str
    timestamp: str | None


#: A label is a few words and timestamps: looking this far into a line is always enough.
_LABEL_REACH = 200


def parse_label(line: str) -> Label | None:
    """The label opening ``line``, or None. Says nothing about whether it is a speaker."""
    return _label_at(line, 0, len(line))


def _label_at(text: str, start: int, end: int) -> Label | None:
    """The label opening the line ``text[start:end]``, matched in place (no copy)."""
    match = _match_label(text, start, end)
    if match is None:
        return None
    return Label(_speaker(match), match["ts1"] or match["ts2"])


def _match_label(text: str, start: int, end: int) -> re.Match[str] | None:
    """The match of :data:`_LABEL_RE` opening the line ``text[start:end]``, if any."""
    return _LABEL_RE.match(
        text, start, end if end - start <= _LABEL_REACH else start + _LABEL_REACH
    )


def _speaker(match: re.Match[str]) -> str:
    """The speaker a label names, its words single-spaced."""
    return " ".join(match["label"].split())


def _key(speaker: str) -> str:
    return speaker.casefold()


def is_known(speaker: str) -> bool:
    """True for the usual interview labels, numbered or not (``Informan 3``, ``P1``)."""
    key = _key(speaker)
    if key in KNOWN_LABELS:
        return True
    numbered = _NUMBERED.match(key)
    return numbered is not None and numbered["base"] in KNOWN_LABELS


def looks_like_name(speaker: str) -> bool:
    """True if every word could belong to a name (capitalised, number, title, particle)."""
    words = speaker.split()
    capitalised = False
    for word in words:
        if word[0].isupper():
            capitalised = True
        elif not (word.isdigit() or _TITLE.match(word) or word in _PARTICLES):
            return False
    return capitalised


def accepted_speakers(lines: Sequence[str]) -> frozenset[str]:
    """The case-folded labels in ``lines`` that count as speakers (see the module doc)."""
    return _accepted(Counter(label.speaker for line in lines if (label := parse_label(line))))


def _accepted(speakers: Counter[str]) -> frozenset[str]:
    """The case-folded speakers among ``speakers`` (label spelling → lines it opens)."""
    accepted: set[str] = set()
    named: Counter[str] = Counter()
    for speaker, lines in speakers.items():
        key = _key(speaker)
        if is_known(speaker):
            accepted.add(key)
        elif looks_like_name(speaker):
            named[key] += lines
    accepted.update(key for key, n in named.items() if n >= 2)
    return frozenset(accepted)


def speaker_label(line: str, accepted: frozenset[str]) -> Label | None:
    """The label opening ``line`` if it is one of the ``accepted`` speakers."""
    label = parse_label(line)
    if label is None or _key(label.speaker) not in accepted:
        return None
    return label


def _lines(text: str, paragraphs: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    for start, end in paragraphs:
        pos = start
        while pos <= end:
            stop = text.find("\n", pos, end)
            if stop < 0:
                stop = end
            yield pos, stop
            pos = stop + 1


def label_end(text: str, start: int, end: int) -> int:
    """Where the words of a line start: after its label (timestamp, speaker, colon) and the
    spaces that follow, or ``start`` when the line ``text[start:end]`` has no label."""
    match = _match_label(text, start, end)
    if match is None:
        return start
    pos = match.end()
    while pos < end and text[pos] in " \t":
        pos += 1
    return pos


def is_interviewer(speaker: str) -> bool:
    """Whether ``speaker`` is the one asking (``Peneliti``, ``P``, ``Q``, ``Pewawancara 2``…)."""
    numbered = _NUMBERED.match(speaker.strip())
    base = numbered["base"] if numbered and numbered["base"] else speaker
    return " ".join(base.split()).casefold() in INTERVIEWER_LABELS


def find_turns(text: str, paragraphs: Sequence[tuple[int, int]]) -> tuple[Turn, ...]:
    """The speaker turns of ``text`` whose paragraphs are ``paragraphs`` (code points)."""
    # One pass over the lines keeps only the labelled ones, in four parallel lists: where
    # each starts, where the line before it ends (a turn that a label closes ends there),
    # its speaker and its timestamp. No object per line: a long transcript has hundreds of
    # thousands of them, and they were most of the time of finding its turns.
    starts: list[int] = []
    befores: list[int] = []
    who: list[str] = []
    stamps: list[str | None] = []
    before = 0
    match = _LABEL_RE.match  # what _match_label does, inlined: this runs once a line
    # A transcript names a handful of speakers in up to hundreds of thousands of turns:
    # each label's text is single-spaced once, and its speaker is one (interned) string.
    speakers: dict[str, str] = {}
    for start, end in _lines(text, paragraphs):
        found = match(text, start, end if end - start <= _LABEL_REACH else start + _LABEL_REACH)
        if found is not None:
            ts1, _em, label, ts2 = found.groups()
            speaker = speakers.get(label)
            if speaker is None:
                speaker = speakers[label] = sys.intern(" ".join(label.split()))
            starts.append(start)
            befores.append(before)
            who.append(speaker)
            stamps.append(ts1 or ts2)
        before = end
    spellings = Counter(who)
    accepted = _accepted(spellings)
    if not accepted:
        return ()
    speaking = {speaker for speaker in spellings if _key(speaker) in accepted}
    if len(speaking) < len(spellings):  # labels that are no speaker do not start turns
        keep = [i for i, speaker in enumerate(who) if speaker in speaking]
        starts, befores = [starts[i] for i in keep], [befores[i] for i in keep]
        who, stamps = [who[i] for i in keep], [stamps[i] for i in keep]
    # A turn runs to the end of the line before the next turn's label; the last one to the
    # end of the last line.
    ends = befores[1:]
    ends.append(before)
    new = tuple.__new__  # what Turn(...) does, without its Python-level __new__
    return tuple([new(Turn, turn) for turn in zip(starts, ends, who, stamps, strict=True)])
