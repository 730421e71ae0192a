"""Intercoder agreement between two coders, computed over characters (SPEC §5).

For every compared document and every code, each character is either coded with the code
or not, by each coder. Per code this gives a 2×2 table; the overall figures pool the tables
of all codes. Figures:

- percent agreement ``(both + neither) / n``;
- Cohen's kappa ``(po - pe) / (1 - pe)`` with ``pe = pA·pB + (1 - pA)(1 - pB)``;
- Krippendorff's alpha (nominal, two coders, no missing values)
  ``1 - (N - 1) · (a10 + a01) / (n0 · n1)`` with ``N = 2n`` pairable values and ``n0``/``n1``
  the numbers of "not coded"/"coded" values over both coders;
- agreement on coded text ``both / (both + a_only + b_only)``: the overlap over the union of
  the characters either coder coded. Percent agreement counts the characters neither coder
  coded as agreement, so on long transcripts it is near 1 whatever the coders did; kappa,
  alpha and this figure are the ones to report.

A figure whose denominator is zero (e.g. neither coder used the code) is ``None``.
Intervals are combined arithmetically, so the cost grows with the number of codings, not
with the length of the texts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.coding.errors import InvalidValue, NotFound
from app.models.schema import Code, Coder, Coding, Document

Interval = tuple[int, int]


@dataclass(frozen=True)
class Table:
    """Character counts: coded by both, by A only, by B only, by neither."""

    both: int
    a_only: int
    b_only: int
    neither: int

    @property
    def n(self) -> int:
        return self.both + self.a_only + self.b_only + self.neither

    def __add__(self, other: Table) -> Table:
        return Table(
            self.both + other.both,
            self.a_only + other.a_only,
            self.b_only + other.b_only,
            self.neither + other.neither,
        )


@dataclass(frozen=True)
class Figures:
    """Agreement figures for one code or overall."""

    percent_agreement: float | None
    cohen_kappa: float | None
    krippendorff_alpha: float | None
    table: Table
    coded_agreement: float | None = None


@dataclass(frozen=True)
class Disagreement:
    """A stretch of a document that one coder coded with ``code_key`` and the other did not."""

    document_id: int
    document: str
    code_id: int
    code_key: str
    start: int
    end: int
    coded_by: str


@dataclass(frozen=True)
class AgreementReport:
    """Figures per code key and overall, plus the disagreements to walk through."""

    coder_a: str
    coder_b: str
    documents: tuple[str, ...]
    overall: Figures
    codes: dict[str, Figures]
    disagreements: tuple[Disagreement, ...]


def figures(table: Table) -> Figures:
    """Percent agreement, Cohen's kappa and Krippendorff's alpha of one 2×2 table."""
    n = table.n
    if n == 0:
        return Figures(None, None, None, table)
    either = table.both + table.a_only + table.b_only
    coded_agreement = table.both / either if either else None
    po = (table.both + table.neither) / n
    pa = (table.both + table.a_only) / n
    pb = (table.both + table.b_only) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    kappa = None if pe == 1 else (po - pe) / (1 - pe)
    coded = 2 * table.both + table.a_only + table.b_only
    uncoded = 2 * table.neither + table.a_only + table.b_only
    disagree = table.a_only + table.b_only
    alpha = None if coded * uncoded == 0 else 1 - (2 * n - 1) * disagree / (coded * uncoded)
    return Figures(po, kappa, alpha, table, coded_agreement)


def busiest_pair(session: Session) -> tuple[str, str] | None:
    """The two coders who coded the most documents in common (ties: more codings between
    them, then names), or None when no two coders share a document."""
    docs: dict[str, set[int]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for name, doc_id, n in session.execute(
        select(Coder.name, Coding.document_id, func.count())
        .join(Coder, Coder.id == Coding.coder_id)
        .group_by(Coder.name, Coding.document_id)
    ):
        docs[name].add(doc_id)
        counts[name] += n
    names = sorted(docs)
    best: tuple[int, int, str, str] | None = None
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            common = len(docs[a] & docs[b])
            if not common:
                continue
            score = (common, counts[a] + counts[b])
            if best is None or score > best[:2]:
                best = (*score, a, b)
    return None if best is None else (best[2], best[3])


def union(intervals: Iterable[Interval]) -> list[Interval]:
    """Merge overlapping or touching intervals into a sorted disjoint list."""
    out: list[Interval] = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def intersect(a: Sequence[Interval], b: Sequence[Interval]) -> list[Interval]:
    """Intersection of two sorted disjoint interval lists."""
    out: list[Interval] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start, end = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        if start < end:
            out.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return out


def subtract(a: Sequence[Interval], b: Sequence[Interval]) -> list[Interval]:
    """Parts of sorted disjoint ``a`` not covered by sorted disjoint ``b``."""
    out: list[Interval] = []
    j = 0
    for start, end in a:
        cur = start
        while j < len(b) and b[j][1] <= cur:
            j += 1
        k = j
        while k < len(b) and b[k][0] < end:
            if b[k][0] > cur:
                out.append((cur, b[k][0]))
            cur = max(cur, b[k][1])
            k += 1
        if cur < end:
            out.append((cur, end))
    return out


def _length(intervals: Iterable[Interval]) -> int:
    return sum(end - start for start, end in intervals)


def compute_agreement(
    session: Session, *, coder_a: str, coder_b: str, document_names: Sequence[str] | None = None
) -> AgreementReport:
    """Agreement of two coders over the documents both have coded (or the named ones)."""
    if coder_a == coder_b:
        raise InvalidValue("coders", coder_a, "two different coders are needed")
    ids: dict[str, int] = {}
    for name in (coder_a, coder_b):
        found = session.scalar(select(Coder.id).where(Coder.name == name))
        if found is None:
            raise NotFound("coder", name)
        ids[name] = found
    rows = session.execute(
        select(Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end).where(
            Coding.coder_id.in_(list(ids.values()))
        )
    ).all()
    docs: dict[int, str] = {}
    lengths: dict[int, int] = {}
    for doc_id, doc_name, doc_length in session.execute(
        select(Document.id, Document.name, Document.length)
    ):
        docs[doc_id], lengths[doc_id] = doc_name, doc_length
    if document_names is not None:
        by_name = {name: i for i, name in docs.items()}
        missing = [n for n in document_names if n not in by_name]
        if missing:
            raise NotFound("document", missing[0])
        compared = {by_name[n] for n in document_names}
    else:
        coded_by: dict[int, set[int]] = defaultdict(set)
        for doc, _code, coder, _s, _e in rows:
            coded_by[doc].add(coder)
        compared = {doc for doc, who in coded_by.items() if len(who) == 2}
    spans: dict[tuple[int, int], dict[int, list[Interval]]] = defaultdict(lambda: defaultdict(list))
    for doc, code, coder, start, end in rows:
        if doc in compared:
            spans[(code, doc)][coder].append((start, end))
    code_ids = sorted({code for code, _doc in spans})
    keys: dict[int, str] = {
        code_id: key
        for code_id, key in session.execute(select(Code.id, Code.key).where(Code.id.in_(code_ids)))
    }
    total_chars = sum(lengths[d] for d in compared)
    per_code: dict[str, Table] = {}
    disagreements: list[Disagreement] = []
    a_id, b_id = ids[coder_a], ids[coder_b]
    for code in code_ids:
        both = a_only = b_only = 0
        for doc in sorted(compared, key=lambda d: docs[d]):
            by_coder = spans.get((code, doc))
            if not by_coder:
                continue
            a, b = union(by_coder.get(a_id, [])), union(by_coder.get(b_id, []))
            common = _length(intersect(a, b))
            both += common
            a_only += _length(a) - common
            b_only += _length(b) - common
            for who, mine, theirs in ((coder_a, a, b), (coder_b, b, a)):
                disagreements.extend(
                    Disagreement(doc, docs[doc], code, keys[code], s, e, who)
                    for s, e in subtract(mine, theirs)
                )
        per_code[keys[code]] = Table(both, a_only, b_only, total_chars - both - a_only - b_only)
    overall = sum(per_code.values(), Table(0, 0, 0, 0))
    disagreements.sort(key=lambda d: (d.document, d.start, d.code_key, d.coded_by))
    return AgreementReport(
        coder_a=coder_a,
        coder_b=coder_b,
        documents=tuple(sorted(docs[d] for d in compared)),
        overall=figures(overall),
        codes={key: figures(table) for key, table in sorted(per_code.items())},
        disagreements=tuple(disagreements),
    )
