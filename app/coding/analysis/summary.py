"""The illustrative-method summary of a codebook: how full each theoretical box is.

A *box* is a code or one of its indicators. A box's evidence is the codings of the evidence
coders (primary coders unless the caller names coders; one excerpt per document, code and
span, see :mod:`app.coding.analysis.evidence`); a code that has indicators rolls their
codings up into its own (``rolled_up`` says so). Each coding has a stance: ``supports``
(counted in ``excerpts``), ``absent`` (the informant says it does not happen) or
``barrier`` (an obstacle to it); the last two are counted apart and never fill a box.
*Sources* are the distinct cases behind the supporting evidence, a document without a case
counting as a source of its own.

Status: ``filled`` (supporting evidence from two or more sources), ``thin`` (from one),
``contested`` (supporting and ``absent`` evidence), ``absent`` (only evidence that it does
not happen) and ``empty`` (neither; a box with barriers only is empty, its barriers listed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from app.coding.analysis.evidence import (
    CaseFinder,
    CaseRef,
    CodingRef,
    case_of_codings,
    codebook_info,
    document_types,
    load_cases,
    load_codings,
    load_quotes,
    pick,
    select_coders,
    subtrees,
)
from app.coding.codings import Stance
from app.coding.findings import findings
from app.coding.retrieval import Excerpt
from app.coding.sources import SourceType
from app.models.bulk import gc_paused

DEFAULT_GROUP_ATTRIBUTE = "group"
BEST_QUOTES = 3


class BoxStatus(StrEnum):
    """How much evidence fills a box (see the module docstring)."""

    FILLED = "filled"
    THIN = "thin"
    CONTESTED = "contested"
    ABSENT = "absent"
    EMPTY = "empty"


@dataclass(frozen=True)
class BoxSummary:
    """One row of the summary.

    ``excerpts``, ``cases``, ``groups``, ``sources`` and ``source_types`` describe the
    supporting evidence: case names in informant order, the distinct values of the group
    attribute among them, distinct sources, and the document source types it comes from.
    ``absent`` / ``barriers`` count the other stances, ``absent_cases`` names who reports
    the absence. ``quotes`` are the starred supporting quotes (``starred`` True), else the
    longest ones, at most :data:`BEST_QUOTES`; a rolled-up box takes them from its whole
    subtree (an excerpt's ``code_id`` says which indicator it comes from).
    ``absent_quotes`` / ``barrier_quotes`` are picked the same way. ``finding`` is the
    researcher's finding for the box ("" when none).
    """

    code_id: int
    key: str
    name_id: str
    name_en: str
    definition_id: str
    definition_en: str
    reference: str
    depth: int
    parent_id: int | None
    rolled_up: bool
    excerpts: int
    cases: tuple[str, ...]
    groups: tuple[str, ...]
    sources: int
    quotes: tuple[Excerpt, ...]
    starred: bool
    status: BoxStatus
    absent: int = 0
    barriers: int = 0
    absent_cases: tuple[str, ...] = ()
    source_types: tuple[SourceType, ...] = ()
    absent_quotes: tuple[Excerpt, ...] = ()
    barrier_quotes: tuple[Excerpt, ...] = ()
    finding: str = ""

    def name(self, language: str) -> str:
        """The box's name in ``language`` ("id" or "en"), falling back to the other."""
        return pick(language, self.name_id, self.name_en)

    def definition(self, language: str) -> str:
        """The box's definition in ``language``, falling back to the other."""
        return pick(language, self.definition_id, self.definition_en)


@dataclass(frozen=True)
class CodebookSummary:
    """The summary of one codebook: its boxes in tree order."""

    codebook_key: str
    name_id: str
    name_en: str
    reference: str
    group_attribute: str
    coders: tuple[str, ...]
    coders_explicit: bool
    boxes: tuple[BoxSummary, ...]
    cases: Mapping[str, CaseRef]

    @property
    def empty_boxes(self) -> tuple[BoxSummary, ...]:
        """The boxes no evidence fills, in tree order."""
        return tuple(b for b in self.boxes if b.status is BoxStatus.EMPTY)

    @property
    def absent_boxes(self) -> tuple[BoxSummary, ...]:
        """The boxes whose only evidence says it does not happen, in tree order."""
        return tuple(b for b in self.boxes if b.status is BoxStatus.ABSENT)

    def name(self, language: str) -> str:
        """The codebook's name in ``language``."""
        return pick(language, self.name_id, self.name_en)


def box_status(*, supporting_sources: int, absent: int) -> BoxStatus:
    """The status of a box from its supporting sources and number of ``absent`` codings."""
    if supporting_sources and absent:
        return BoxStatus.CONTESTED
    if supporting_sources:
        return BoxStatus.THIN if supporting_sources == 1 else BoxStatus.FILLED
    return BoxStatus.ABSENT if absent else BoxStatus.EMPTY


def _chosen(
    codings: Sequence[CodingRef], own: int, quotes: str | int = "best"
) -> tuple[list[CodingRef], bool]:
    """``best``: every starred coding of the box's own code, topped up to BEST_QUOTES with
    its indicators' starred ones; without stars the BEST_QUOTES longest. ``all`` or a
    number N: the starred ones first, then the longest, all of them or the first N."""
    if quotes != "best":
        starred = [c for c in codings if c.illustrative]
        longest = sorted(
            (c for c in codings if not c.illustrative),
            key=lambda c: (-(c.end - c.start), c.document_id, c.start),
        )
        ordered = starred + longest
        return (ordered if quotes == "all" else ordered[: int(quotes)]), bool(starred)
    mine = [c for c in codings if c.illustrative and c.code_id == own]
    theirs = [c for c in codings if c.illustrative and c.code_id != own]
    if mine or theirs:
        return mine + theirs[: max(BEST_QUOTES - len(mine), 0)], True
    longest = sorted(codings, key=lambda c: (-(c.end - c.start), c.document_id, c.start))
    return longest[:BEST_QUOTES], False


def build_summary(
    session: Session,
    *,
    codebook: str,
    group_attribute: str = DEFAULT_GROUP_ATTRIBUTE,
    coders: Sequence[str] | None = None,
    coder: str | None = None,
    quotes: str | int = "best",
    keep: Callable[[CodingRef], bool] | None = None,
) -> CodebookSummary:
    """Summarise codebook ``codebook`` (its key) over the evidence codings: the primary
    coders', or those of ``coders`` (``coder``: one coder) when given, and of those only the
    ones ``keep`` accepts (a filter by case attribute or co-occurring code). ``quotes`` says
    which quotes each box carries (see :func:`_chosen`): ``best`` (at most BEST_QUOTES, the
    starred ones), ``all``, or a number.

    Raises :class:`~app.coding.errors.NotFound` for an unknown codebook or coder. A missing
    group attribute is not an error: every box then has no groups.
    """
    picked = list(coders or ()) + ([coder] if coder else [])
    with gc_paused():
        return _build(session, codebook, group_attribute, picked or None, quotes, keep)


class _Tally:
    """The evidence of one box while the summary is built."""

    __slots__ = ("caseless", "cases", "codings", "types")

    def __init__(self) -> None:
        self.codings: dict[str, list[CodingRef]] = {s.value: [] for s in Stance}
        self.cases: dict[str, set[int]] = {s.value: set() for s in Stance}
        self.caseless: set[int] = set()
        self.types: set[str] = set()


def _build(
    session: Session,
    codebook: str,
    group_attribute: str,
    coders: list[str] | None,
    quotes_mode: str | int = "best",
    keep: Callable[[CodingRef], bool] | None = None,
) -> CodebookSummary:
    book = codebook_info(session, key=codebook)
    selection = select_coders(session, coders=coders)
    chains = subtrees(book.codes)
    codings = load_codings(session, code_ids=list(chains), selection=selection)
    if keep is not None:
        codings = [c for c in codings if keep(c)]
    finder = CaseFinder(session)
    case_of = case_of_codings(finder, codings)
    cases = {c.id: c for c in load_cases(session)}
    rank = {case_id: i for i, case_id in enumerate(cases)}
    kinds = document_types(session)

    tally = {c.id: _Tally() for c in book.codes}
    for coding in codings:
        case_id = case_of.get(coding.id)
        for code_id in chains[coding.code_id]:
            t = tally[code_id]
            t.codings[coding.stance].append(coding)
            if case_id is not None:
                t.cases[coding.stance].add(case_id)
            elif coding.supports:
                t.caseless.add(coding.document_id)
            if coding.supports:
                t.types.add(kinds.get(coding.document_id, SourceType.INTERVIEW.value))

    picks: dict[tuple[int, str], tuple[list[CodingRef], bool]] = {}
    for code_id, t in tally.items():
        for stance, found in t.codings.items():
            picks[(code_id, stance)] = _chosen(found, code_id, quotes_mode)
    quotes = load_quotes(
        session,
        codings=[c for picked, _ in picks.values() for c in picked],
        finder=finder,
        selection=selection,
    )
    written = findings(session, code_ids=[c.id for c in book.codes])
    has_children = {c.parent_id for c in book.codes if c.parent_id is not None}

    def names(ids: set[int]) -> tuple[str, ...]:
        return tuple(cases[i].name for i in sorted(ids, key=rank.__getitem__))

    def excerpts_of(code_id: int, stance: Stance) -> tuple[Excerpt, ...]:
        return tuple(quotes[c.id] for c in picks[(code_id, stance.value)][0] if c.id in quotes)

    boxes = []
    for code in book.codes:
        t = tally[code.id]
        supporting = t.cases[Stance.SUPPORTS.value]
        groups: list[str] = []
        for case_id in sorted(supporting, key=rank.__getitem__):
            value = cases[case_id].attributes.get(group_attribute)
            if value and value not in groups:
                groups.append(value)
        sources = len(supporting) + len(t.caseless)
        absent = len(t.codings[Stance.ABSENT.value])
        boxes.append(
            BoxSummary(
                code_id=code.id,
                key=code.key,
                name_id=code.name_id,
                name_en=code.name_en,
                definition_id=code.definition_id,
                definition_en=code.definition_en,
                reference=code.reference,
                depth=code.depth,
                parent_id=code.parent_id,
                rolled_up=code.id in has_children,
                excerpts=len(t.codings[Stance.SUPPORTS.value]),
                cases=names(supporting),
                groups=tuple(groups),
                sources=sources,
                quotes=excerpts_of(code.id, Stance.SUPPORTS),
                starred=picks[(code.id, Stance.SUPPORTS.value)][1],
                status=box_status(supporting_sources=sources, absent=absent),
                absent=absent,
                barriers=len(t.codings[Stance.BARRIER.value]),
                absent_cases=names(t.cases[Stance.ABSENT.value]),
                source_types=tuple(k for k in SourceType if k.value in t.types),
                absent_quotes=excerpts_of(code.id, Stance.ABSENT),
                barrier_quotes=excerpts_of(code.id, Stance.BARRIER),
                finding=written.get(code.id, ""),
            )
        )
    return CodebookSummary(
        codebook_key=book.key,
        name_id=book.name_id,
        name_en=book.name_en,
        reference=book.reference,
        group_attribute=group_attribute,
        coders=selection.names,
        coders_explicit=selection.explicit,
        boxes=tuple(boxes),
        cases={c.name: c for c in cases.values()},
    )
