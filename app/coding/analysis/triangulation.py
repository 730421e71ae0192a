"""Triangulation of a codebook: each box against the source types and informant groups.

Rows are the codebook's boxes in tree order (a code rolls its indicators up); columns are
the document source types present in the project (interview, observation, …, in
:class:`~app.coding.sources.SourceType` order) and then the values of the group attribute
(in informant order). A cell counts the box's *supporting* excerpts of the evidence coders
(primary unless ``coders`` are given; one per document, code and span) from that source
type or that group. The conclusion of a row is the researcher's finding for the box.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.coding.analysis.evidence import (
    CaseFinder,
    case_of_codings,
    codebook_info,
    document_types,
    load_cases,
    load_codings,
    pick,
    select_coders,
    subtrees,
)
from app.coding.analysis.summary import DEFAULT_GROUP_ATTRIBUTE
from app.coding.findings import findings
from app.coding.sources import SourceType
from app.models.bulk import gc_paused


@dataclass(frozen=True)
class TriangulationRow:
    """One box: supporting excerpts per source type and per group, and the finding."""

    code_id: int
    key: str
    name_id: str
    name_en: str
    depth: int
    rolled_up: bool
    by_type: Mapping[str, int]
    by_group: Mapping[str, int]
    finding: str

    def name(self, language: str) -> str:
        """The box's name in ``language``."""
        return pick(language, self.name_id, self.name_en)

    @property
    def confirmed_types(self) -> int:
        """How many source types support the box."""
        return sum(1 for n in self.by_type.values() if n)

    @property
    def confirmed_groups(self) -> int:
        """How many informant groups support the box."""
        return sum(1 for n in self.by_group.values() if n)


@dataclass(frozen=True)
class Triangulation:
    """The triangulation table of a codebook (see the module docstring)."""

    codebook_key: str
    name_id: str
    name_en: str
    group_attribute: str
    source_types: tuple[SourceType, ...]
    groups: tuple[str, ...]
    rows: tuple[TriangulationRow, ...]
    coders: tuple[str, ...]
    coders_explicit: bool

    def name(self, language: str) -> str:
        """The codebook's name in ``language``."""
        return pick(language, self.name_id, self.name_en)


def build_triangulation(
    session: Session,
    *,
    codebook: str,
    group_attribute: str = DEFAULT_GROUP_ATTRIBUTE,
    coders: Sequence[str] | None = None,
) -> Triangulation:
    """The triangulation table of codebook ``codebook``. Raises ``NotFound`` for an unknown
    codebook or coder; a missing group attribute leaves the group columns out."""
    with gc_paused():
        book = codebook_info(session, key=codebook)
        selection = select_coders(session, coders=coders)
        chains = subtrees(book.codes)
        codings = load_codings(session, code_ids=list(chains), selection=selection)
        finder = CaseFinder(session)
        case_of = case_of_codings(finder, codings)
        cases = load_cases(session)
        group_of = {
            c.id: c.attributes[group_attribute] for c in cases if c.attributes.get(group_attribute)
        }
        groups = tuple(dict.fromkeys(group_of[c.id] for c in cases if c.id in group_of))
        kinds = document_types(session)
        present = set(kinds.values())
        types = tuple(t for t in SourceType if t.value in present)
        by_type: dict[int, dict[str, int]] = {c.id: dict.fromkeys(present, 0) for c in book.codes}
        by_group: dict[int, dict[str, int]] = {c.id: dict.fromkeys(groups, 0) for c in book.codes}
        for coding in codings:
            if not coding.supports:
                continue
            kind = kinds.get(coding.document_id, SourceType.INTERVIEW.value)
            case_id = case_of.get(coding.id)
            group = group_of.get(case_id) if case_id is not None else None
            for code_id in chains[coding.code_id]:
                by_type[code_id][kind] += 1
                if group is not None:
                    by_group[code_id][group] += 1
        written = findings(session, code_ids=[c.id for c in book.codes])
        parents = {c.parent_id for c in book.codes if c.parent_id is not None}
        rows = tuple(
            TriangulationRow(
                code_id=c.id,
                key=c.key,
                name_id=c.name_id,
                name_en=c.name_en,
                depth=c.depth,
                rolled_up=c.id in parents,
                by_type={t.value: by_type[c.id][t.value] for t in types},
                by_group=dict(by_group[c.id]),
                finding=written.get(c.id, ""),
            )
            for c in book.codes
        )
    return Triangulation(
        codebook_key=book.key,
        name_id=book.name_id,
        name_en=book.name_en,
        group_attribute=group_attribute,
        source_types=types,
        groups=groups,
        rows=rows,
        coders=selection.names,
        coders_explicit=selection.explicit,
    )
