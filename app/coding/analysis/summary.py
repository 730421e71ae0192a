"""The illustrative-method summary of a codebook: how full each theoretical box is.

A *box* is a code or one of its indicators. A box's evidence is its codings; a code that has
indicators rolls their codings up into its own (``rolled_up`` says so). *Sources* are the
distinct cases behind the evidence, a document without a case counting as a source of its
own. Status: ``empty`` (no excerpt), ``thin`` (one source only) or ``filled``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from app.coding.analysis.evidence import (
    CaseFinder,
    CaseRef,
    CodingRef,
    case_of_codings,
    codebook_info,
    gc_paused,
    load_cases,
    load_codings,
    load_quotes,
    pick,
    subtrees,
)
from app.coding.retrieval import Excerpt

DEFAULT_GROUP_ATTRIBUTE = "group"
BEST_QUOTES = 3


class BoxStatus(StrEnum):
    """How much evidence fills a box."""

    FILLED = "filled"
    THIN = "thin"
    EMPTY = "empty"


@dataclass(frozen=True)
class BoxSummary:
    """One row of the summary.

    ``cases`` are the case names (in informant order), ``groups`` the distinct values of the
    group attribute among them. ``quotes`` are the starred illustrative quotes of the box's own
    codings (``starred`` True), else its longest ones, at most :data:`BEST_QUOTES`; a box that
    only rolls up its indicators shows none (the indicators show theirs).
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
    coder: str | None
    boxes: tuple[BoxSummary, ...]
    cases: Mapping[str, CaseRef]

    @property
    def empty_boxes(self) -> tuple[BoxSummary, ...]:
        """The boxes no evidence fills, in tree order."""
        return tuple(b for b in self.boxes if b.status is BoxStatus.EMPTY)

    def name(self, language: str) -> str:
        """The codebook's name in ``language``."""
        return pick(language, self.name_id, self.name_en)


def _status(excerpts: int, sources: int) -> BoxStatus:
    if excerpts == 0:
        return BoxStatus.EMPTY
    return BoxStatus.THIN if sources <= 1 else BoxStatus.FILLED


def _chosen(own: list[CodingRef]) -> tuple[list[CodingRef], bool]:
    starred = [c for c in own if c.illustrative]
    if starred:
        return starred, True
    longest = sorted(own, key=lambda c: (-(c.end - c.start), c.document_id, c.start))
    return longest[:BEST_QUOTES], False


def build_summary(
    session: Session,
    *,
    codebook: str,
    group_attribute: str = DEFAULT_GROUP_ATTRIBUTE,
    coder: str | None = None,
) -> CodebookSummary:
    """Summarise codebook ``codebook`` (its key) over every coding (or one ``coder``'s).

    Raises :class:`~app.coding.errors.NotFound` for an unknown codebook. A missing group
    attribute is not an error: every box then has no groups.
    """
    with gc_paused():
        return _build(session, codebook, group_attribute, coder)


def _build(
    session: Session, codebook: str, group_attribute: str, coder: str | None
) -> CodebookSummary:
    book = codebook_info(session, key=codebook)
    chains = subtrees(book.codes)
    codings = load_codings(session, code_ids=list(chains), coder=coder)
    finder = CaseFinder(session)
    case_of = case_of_codings(finder, codings)
    cases = {c.id: c for c in load_cases(session)}
    rank = {case_id: i for i, case_id in enumerate(cases)}

    own: dict[int, list[CodingRef]] = {c.id: [] for c in book.codes}
    count: dict[int, int] = dict.fromkeys(own, 0)
    case_ids: dict[int, set[int]] = {c.id: set() for c in book.codes}
    caseless_docs: dict[int, set[int]] = {c.id: set() for c in book.codes}
    for coding in codings:
        own[coding.code_id].append(coding)
        case_id = case_of.get(coding.id)
        for code_id in chains[coding.code_id]:
            count[code_id] += 1
            if case_id is None:
                caseless_docs[code_id].add(coding.document_id)
            else:
                case_ids[code_id].add(case_id)

    chosen: dict[int, tuple[list[CodingRef], bool]] = {cid: _chosen(own[cid]) for cid in own}
    quotes = load_quotes(
        session, codings=[c for picked, _ in chosen.values() for c in picked], finder=finder
    )
    has_children = {c.parent_id for c in book.codes if c.parent_id is not None}
    boxes = []
    for code in book.codes:
        ids = sorted(case_ids[code.id], key=rank.__getitem__)
        groups: list[str] = []
        for case_id in ids:
            value = cases[case_id].attributes.get(group_attribute)
            if value and value not in groups:
                groups.append(value)
        picked, starred = chosen[code.id]
        sources = len(ids) + len(caseless_docs[code.id])
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
                excerpts=count[code.id],
                cases=tuple(cases[i].name for i in ids),
                groups=tuple(groups),
                sources=sources,
                quotes=tuple(quotes[c.id] for c in picked if c.id in quotes),
                starred=starred,
                status=_status(count[code.id], sources),
            )
        )
    return CodebookSummary(
        codebook_key=book.key,
        name_id=book.name_id,
        name_en=book.name_en,
        reference=book.reference,
        group_attribute=group_attribute,
        coder=coder,
        boxes=tuple(boxes),
        cases={c.name: c for c in cases.values()},
    )
