"""What a mutation changed, as one frozen value (Anki's ``OpChanges``).

Every edit ends in a :class:`Changes`: which *kinds* of thing changed (codings, codes, cases,
documents, memos, review state, cell summaries, settings) and, where known, which ids. The GUI
broadcasts exactly one of these after each do, undo and redo (``ProjectContext.changed``);
every view looks at the kinds it shows and refreshes only that.

Conventions:

* a kind is in :attr:`Changes.kinds` when something of it changed; its id set may then be
  empty, which means "any of them" (a view reloads everything of that kind);
* :attr:`Changes.delta` is the exact coding delta (added/removed/updated rows) when one edit
  produced it; two merged values drop it, so a view that patches spans reloads instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.coding.codings import CodingChanges


class Kind(StrEnum):
    """The kinds of thing an edit can change."""

    CODINGS = "codings"
    CODES = "codes"
    CASES = "cases"
    DOCUMENTS = "documents"
    MEMOS = "memos"
    REVIEW = "review"
    SUMMARIES = "summaries"
    SETTINGS = "settings"


#: A matrix cell summary: (row code id, column kind, column key).
CellKey = tuple[int, str, str]
#: A memo target: (kind, id) with ``("project", None)`` for the project memo.
MemoTarget = tuple[str, int | None]


@dataclass(frozen=True)
class Changes:
    """What changed. Empty id sets of a changed kind mean "any of that kind"."""

    kinds: frozenset[Kind] = frozenset()
    #: documents whose codings changed (for :attr:`Kind.CODINGS`) or that were added/removed
    documents: frozenset[int] = frozenset()
    codes: frozenset[int] = frozenset()
    cases: frozenset[int] = frozenset()
    #: codings whose review marks or comments changed (for :attr:`Kind.REVIEW`)
    reviewed: frozenset[int] = frozenset()
    memos: frozenset[MemoTarget] = frozenset()
    summaries: frozenset[CellKey] = frozenset()
    delta: CodingChanges | None = field(default=None, compare=False)
    #: made by another client of a team server (views keep scroll and selection)
    remote: bool = field(default=False, compare=False)

    def __contains__(self, kind: object) -> bool:
        return kind in self.kinds

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def touches(self, *kinds: Kind) -> bool:
        """True when any of ``kinds`` changed."""
        return not self.kinds.isdisjoint(kinds)

    def __or__(self, other: Changes) -> Changes:
        """Both changes together (the exact coding delta survives only if one side has it)."""
        if not other:
            return self
        if not self:
            return other
        return Changes(
            kinds=self.kinds | other.kinds,
            documents=self.documents | other.documents,
            codes=self.codes | other.codes,
            cases=self.cases | other.cases,
            reviewed=self.reviewed | other.reviewed,
            memos=self.memos | other.memos,
            summaries=self.summaries | other.summaries,
            delta=_merged_delta(self, other),
            remote=self.remote and other.remote,
        )

    # --- constructors ------------------------------------------------------------------------

    @staticmethod
    def of_codings(delta: CodingChanges) -> Changes:
        """Codings were added, removed or updated exactly as ``delta`` says."""
        if not (delta.added or delta.removed or delta.updated or delta.codes):
            return Changes()
        return Changes(
            kinds=frozenset({Kind.CODINGS}),
            documents=delta.documents,
            codes=delta.codes,
            delta=delta,
        )

    @staticmethod
    def codings_of(*, documents: Iterable[int] = (), codes: Iterable[int] = ()) -> Changes:
        """Codings of these documents / codes changed in ways not listed one by one."""
        return Changes(
            kinds=frozenset({Kind.CODINGS}),
            documents=frozenset(documents),
            codes=frozenset(codes),
        )

    @staticmethod
    def of_codes(ids: Iterable[int] = ()) -> Changes:
        """The code tree changed (these codes, or any when empty)."""
        return Changes(kinds=frozenset({Kind.CODES}), codes=frozenset(ids))

    @staticmethod
    def of_cases(ids: Iterable[int] = ()) -> Changes:
        """Cases, their attributes or their document links changed."""
        return Changes(kinds=frozenset({Kind.CASES}), cases=frozenset(ids))

    @staticmethod
    def of_documents(ids: Iterable[int] = ()) -> Changes:
        """Documents were added or removed."""
        return Changes(kinds=frozenset({Kind.DOCUMENTS}), documents=frozenset(ids))

    @staticmethod
    def of_memo(kind: str, target_id: int | None) -> Changes:
        """The analytic memo of one target changed."""
        return Changes(kinds=frozenset({Kind.MEMOS}), memos=frozenset({(kind, target_id)}))

    @staticmethod
    def of_review(coding_ids: Iterable[int] = ()) -> Changes:
        """Review marks, comments or resolutions of these codings changed."""
        return Changes(kinds=frozenset({Kind.REVIEW}), reviewed=frozenset(coding_ids))

    @staticmethod
    def of_summary(cell: CellKey) -> Changes:
        """A framework-matrix cell summary changed."""
        return Changes(kinds=frozenset({Kind.SUMMARIES}), summaries=frozenset({cell}))

    @staticmethod
    def of_settings() -> Changes:
        """Something about the way of working changed (the coder's name, the language)."""
        return Changes(kinds=frozenset({Kind.SETTINGS}))

    @staticmethod
    def everything() -> Changes:
        """Anything may have changed (a merge of another copy, a project import)."""
        return Changes(kinds=frozenset(Kind))


def _merged_delta(a: Changes, b: Changes) -> CodingChanges | None:
    """The exact coding delta of two changes together, when only one of them has codings."""
    if Kind.CODINGS not in b:
        return a.delta
    if Kind.CODINGS not in a:
        return b.delta
    return None
