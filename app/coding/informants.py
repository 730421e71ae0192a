"""Informant codes of a thesis ("AP1", "EM2"): a prefix from the informant group plus a number.

The prefix is the initials of the group value ("aktor pemerintah" → AP, "elemen masyarakat"
→ EM); when two groups share initials, the later one (in informant order) takes more letters
of its first word ("aparat pemerintah" → APP). Cases are numbered within their group in
informant order. A code the researcher set on a case (``Case.informant_code``) wins, and the
derived codes never repeat one the researcher set.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.coding.analysis.evidence import load_cases
from app.coding.changes import Changes
from app.coding.errors import DuplicateName, InvalidValue, NotFound
from app.models.schema import Case
from app.models.transactions import committed

GROUP_KEYS = ("group", "kelompok", "kelompok_informan")
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-]{0,31}\Z")


@dataclass(frozen=True)
class InformantCodeChange:
    """What :func:`set_informant_code` changed (``before`` for undo)."""

    case_id: int
    before: str | None
    after: str | None

    @property
    def changes(self) -> Changes:
        """For the change stream: this case changed."""
        return Changes.of_cases([self.case_id])


def group_of(attributes: Mapping[str, str]) -> str:
    """The informant group among a case's attributes ("" when it has none)."""
    return next((attributes[k] for k in GROUP_KEYS if attributes.get(k)), "")


def _prefixes(groups: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    taken: set[str] = set()
    for group in groups:
        words = re.findall(r"[^\W\d_]+", group) or ["I"]
        initials = "".join(w[0] for w in words).upper()
        candidate, extra = initials, 1
        while candidate in taken and extra < len(words[0]):
            extra += 1
            candidate = (words[0][:extra] + "".join(w[0] for w in words[1:])).upper()
        n = 2
        base = candidate
        while candidate in taken:
            candidate, n = f"{base}{n}", n + 1
        taken.add(candidate)
        out[group] = candidate
    return out


def informant_codes(session: Session) -> dict[int, str]:
    """Case id → informant code, for every case (see the module docstring)."""
    cases = load_cases(session)
    chosen: dict[int, str] = {
        case_id: code
        for case_id, code in session.execute(select(Case.id, Case.informant_code))
        if code
    }
    groups = list(dict.fromkeys(group_of(c.attributes) or "Informan" for c in cases))
    prefix = _prefixes(groups)
    used = {code.upper() for code in chosen.values() if code}
    counters: dict[str, int] = {}
    out: dict[int, str] = {}
    for case in cases:
        own = chosen.get(case.id)
        if own:
            out[case.id] = own
            continue
        head = prefix[group_of(case.attributes) or "Informan"]
        while True:
            counters[head] = counters.get(head, 0) + 1
            derived = f"{head}{counters[head]}"
            if derived.upper() not in used:
                break
        out[case.id] = derived
    return out


def set_informant_code(session: Session, *, case_id: int, code: str | None) -> InformantCodeChange:
    """Set (or with None / "" clear) the informant code of a case.

    Raises :class:`NotFound`, :class:`InvalidValue` (not 1–32 letters, digits, '.' or '-') or
    :class:`DuplicateName` when another case has that code; nothing is written then.
    """
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound("case", str(case_id))
    value = (code or "").strip() or None
    if value is not None:
        if not _CODE.match(value):
            raise InvalidValue("informant code", value, "1–32 letters, digits, '.' or '-'")
        clash = session.scalar(
            select(Case.name).where(
                func.upper(Case.informant_code) == value.upper(), Case.id != case_id
            )
        )
        if clash is not None:
            raise DuplicateName("informant code", value)
    before = case.informant_code
    with committed(session):
        case.informant_code = value
    return InformantCodeChange(case_id, before, value)


@dataclass(frozen=True)
class Informant:
    """A case as the informant table knows it: its code and whether the researcher set it
    (``own``) or it is derived from the group."""

    case_id: int
    name: str
    alias: str | None
    group: str
    code: str
    own: bool


def list_informants(session: Session) -> tuple[Informant, ...]:
    """Every case in informant order with its informant code."""
    codes = informant_codes(session)
    own = {cid for cid, code in session.execute(select(Case.id, Case.informant_code)) if code}
    return tuple(
        Informant(c.id, c.name, c.alias, group_of(c.attributes), codes[c.id], c.id in own)
        for c in load_cases(session)
    )


def find_case(session: Session, *, ref: str) -> int:
    """The case called ``ref``, else the one with alias ``ref``; :class:`NotFound` else."""
    found = session.scalar(select(Case.id).where(Case.name == ref))
    if found is None:
        found = session.scalar(select(Case.id).where(Case.alias == ref))
    if found is None:
        raise NotFound("case", ref)
    return found
