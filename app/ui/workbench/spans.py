"""A bucketed interval index over a document's codings (positions in code points).

Built once per document in O(codings); answering "which codings touch [a, b)" costs only
the codings near the visible range, so painting stays cheap however many codings exist.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

BUCKET = 1024


@dataclass(frozen=True)
class Span:
    """The part of a coding the text view needs."""

    coding_id: int
    code_id: int
    start: int
    end: int
    #: ``supports``, ``absent`` or ``barrier`` (drawn differently in the stripes)
    stance: str = "supports"


class SpanIndex:
    """Codings of one document, found by position."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.spans: dict[int, Span] = {}
        self._buckets: dict[int, list[int]] = {}
        for span in spans:
            self.add(span)

    def __len__(self) -> int:
        return len(self.spans)

    def add(self, span: Span) -> None:
        self.spans[span.coding_id] = span
        for bucket in range(span.start // BUCKET, (span.end - 1) // BUCKET + 1):
            self._buckets.setdefault(bucket, []).append(span.coding_id)

    def remove(self, coding_id: int) -> None:
        span = self.spans.pop(coding_id, None)
        if span is None:
            return
        for bucket in range(span.start // BUCKET, (span.end - 1) // BUCKET + 1):
            ids = self._buckets.get(bucket)
            if ids is not None and coding_id in ids:
                ids.remove(coding_id)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Codings that share at least one position with ``[start, end)``, by start."""
        found: dict[int, Span] = {}
        for bucket in range(start // BUCKET, max(end - 1, start) // BUCKET + 1):
            for cid in self._buckets.get(bucket, ()):
                span = self.spans[cid]
                if span.start < end and span.end > start:
                    found[cid] = span
        return sorted(found.values(), key=lambda s: (s.start, s.end, s.coding_id))

    def at(self, pos: int) -> list[Span]:
        """Codings covering position ``pos``."""
        return self.overlapping(pos, pos + 1)

    def code_ids(self) -> set[int]:
        """Codes present in the document."""
        return {s.code_id for s in self.spans.values()}

    def pieces(self, start: int, end: int) -> list[tuple[int, int, tuple[int, ...]]]:
        """``[start, end)`` cut where codings begin or end: (a, b, code ids covering it)."""
        spans = self.overlapping(start, end)
        cuts = {start, end}
        for s in spans:
            if start < s.start < end:
                cuts.add(s.start)
            if start < s.end < end:
                cuts.add(s.end)
        points = sorted(cuts)
        out: list[tuple[int, int, tuple[int, ...]]] = []
        for a, b in pairwise(points):
            codes = tuple(sorted({s.code_id for s in spans if s.start < b and s.end > a}))
            if codes:
                out.append((a, b, codes))
        return out
