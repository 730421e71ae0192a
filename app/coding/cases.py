"""Cases (informants, villages, shelters…), their typed attributes and document links.

Every edit commits its own transaction and returns what it changed for the change stream:
the case or link it wrote (``.changes``), a snapshot for undo (``.changes``), or for an undo
step the :class:`~app.coding.changes.Changes` itself.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.coding.changes import Changes, Kind
from app.coding.errors import DuplicateName, InvalidSpan, InvalidValue, NotFound
from app.coding.limits import check_lengths
from app.coding.memos import MemoInfo, put_memos, take_memos
from app.models.schema import Attribute, Case, CaseAttribute, Document, DocumentCase
from app.models.transactions import committed

ATTRIBUTE_TYPES = ("text", "number", "date", "category")
_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?$")


@dataclass(frozen=True)
class CaseInfo:
    """A case with its attribute values (attribute name → canonical text value)."""

    id: int
    name: str
    alias: str | None
    attributes: Mapping[str, str]

    @property
    def changes(self) -> Changes:
        """For the change stream: this case changed (just created, or its values)."""
        return Changes.of_cases([self.id])


@dataclass(frozen=True)
class CaseLink:
    """A document (whole when ``start`` is None) or a span of it linked to a case."""

    id: int
    case_id: int
    document_id: int
    start: int | None
    end: int | None

    @property
    def changes(self) -> Changes:
        """For the change stream: the case's documents changed (linked or unlinked)."""
        return Changes.of_cases([self.case_id])


def infer_type(value: str) -> str:
    """The attribute type a first value suggests: ISO date, number, else category."""
    try:
        date.fromisoformat(value.strip())
        return "date"
    except ValueError:
        pass
    return "number" if _NUMBER.match(value.strip()) else "category"


def canonical_value(attr_type: str, value: str) -> str:
    """Validate ``value`` for ``attr_type`` and return its stored form."""
    value = value.strip()
    if attr_type == "number":
        if not _NUMBER.match(value):
            raise InvalidValue("number", value)
        return value.replace(",", ".")
    if attr_type == "date":
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError as exc:
            raise InvalidValue("date", value, "expected YYYY-MM-DD") from exc
    return value


def case_id(session: Session, *, name: str) -> int:
    """Id of the case called ``name`` (exact), else :class:`NotFound`."""
    found = session.scalar(select(Case.id).where(Case.name == name))
    if found is None:
        raise NotFound("case", name)
    return found


def _attribute(session: Session, name: str, value: str, attr_type: str | None) -> Attribute:
    attr = session.scalar(select(Attribute).where(Attribute.name == name))
    if attr is None:
        chosen = attr_type or infer_type(value)
        if chosen not in ATTRIBUTE_TYPES:
            raise InvalidValue("attribute type", chosen)
        attr = Attribute(name=name, type=chosen)
        session.add(attr)
        session.flush()
    return attr


def _set_values(
    session: Session, case: Case, values: Mapping[str, str], types: Mapping[str, str]
) -> None:
    for name, value in values.items():
        if not name.strip():
            raise InvalidValue("attribute", name, "empty name")
        check_lengths(attribute=name.strip(), value=value)
        attr = _attribute(session, name.strip(), value, types.get(name))
        stored = canonical_value(attr.type, value)
        existing = session.get(CaseAttribute, (case.id, attr.id))
        if existing is None:
            session.add(CaseAttribute(case_id=case.id, attribute_id=attr.id, value=stored))
        else:
            existing.value = stored


def create_case(
    session: Session,
    *,
    name: str,
    alias: str | None = None,
    attributes: Mapping[str, str] | None = None,
    types: Mapping[str, str] | None = None,
) -> CaseInfo:
    """Create a case with optional alias and attribute values, committed."""
    name = name.strip()
    if not name:
        raise InvalidValue("case", name, "empty name")
    check_lengths(case=name, alias=alias)
    with committed(session):
        if session.scalar(select(Case.id).where(Case.name == name)) is not None:
            raise DuplicateName("case", name)
        case = Case(name=name, alias=alias)
        session.add(case)
        session.flush()
        _set_values(session, case, attributes or {}, types or {})
    return get_case(session, case_id=case.id)


def set_attributes(
    session: Session,
    *,
    case_id: int,
    values: Mapping[str, str],
    types: Mapping[str, str] | None = None,
) -> CaseInfo:
    """Set (create or overwrite) attribute values of a case, committed."""
    with committed(session):
        case = session.get(Case, case_id)
        if case is None:
            raise NotFound("case", str(case_id))
        _set_values(session, case, values, types or {})
    return get_case(session, case_id=case_id)


def get_case(session: Session, *, case_id: int) -> CaseInfo:
    """One case with its attributes."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound("case", str(case_id))
    rows = session.execute(
        select(Attribute.name, CaseAttribute.value)
        .join(CaseAttribute, CaseAttribute.attribute_id == Attribute.id)
        .where(CaseAttribute.case_id == case_id)
        .order_by(Attribute.id)
    ).all()
    return CaseInfo(case.id, case.name, case.alias, {name: value for name, value in rows})


def list_cases(session: Session) -> tuple[CaseInfo, ...]:
    """Every case with its attributes, by name."""
    values: dict[int, dict[str, str]] = {}
    for cid, name, value in session.execute(
        select(CaseAttribute.case_id, Attribute.name, CaseAttribute.value)
        .join(Attribute, Attribute.id == CaseAttribute.attribute_id)
        .order_by(Attribute.id)
    ):
        values.setdefault(cid, {})[name] = value
    cases = session.scalars(select(Case).order_by(Case.name)).all()
    return tuple(CaseInfo(c.id, c.name, c.alias, values.get(c.id, {})) for c in cases)


def link_document(
    session: Session,
    *,
    case_id: int,
    document_id: int,
    start: int | None = None,
    end: int | None = None,
) -> CaseLink:
    """Link a whole document (no span) or ``text[start:end]`` to a case, committed."""
    with committed(session):
        length = session.scalar(select(Document.length).where(Document.id == document_id))
        if length is None:
            raise NotFound("document", str(document_id))
        if session.get(Case, case_id) is None:
            raise NotFound("case", str(case_id))
        if (start is None) != (end is None):
            raise InvalidSpan(start or 0, end or 0, length)
        if start is not None and end is not None and not (0 <= start < end <= length):
            raise InvalidSpan(start, end, length)
        link = DocumentCase(document_id=document_id, case_id=case_id, start=start, end=end)
        session.add(link)
    return CaseLink(link.id, case_id, document_id, start, end)


def unlink(session: Session, *, link_id: int) -> CaseLink:
    """Remove one document↔case link; returns it so it can be restored."""
    link = session.get(DocumentCase, link_id)
    if link is None:
        raise NotFound("case link", str(link_id))
    info = CaseLink(link.id, link.case_id, link.document_id, link.start, link.end)
    with committed(session):
        session.execute(delete(DocumentCase).where(DocumentCase.id == link_id))
    return info


def document_links(session: Session, *, document_id: int | None = None) -> tuple[CaseLink, ...]:
    """Links of one document (or all links), ordered by document and position."""
    query = select(DocumentCase).order_by(
        DocumentCase.document_id, DocumentCase.start, DocumentCase.id
    )
    if document_id is not None:
        query = query.where(DocumentCase.document_id == document_id)
    return tuple(
        CaseLink(r.id, r.case_id, r.document_id, r.start, r.end)
        for r in session.scalars(query).all()
    )


@dataclass(frozen=True)
class CaseSnapshot:
    """A deleted case with its attribute values and document links (for undo)."""

    id: int
    name: str
    alias: str | None
    created_at: datetime
    values: tuple[tuple[int, str], ...]  # (attribute id, value)
    links: tuple[tuple[int, int, int | None, int | None], ...]  # (id, document, start, end)
    memos: tuple[MemoInfo, ...] = ()
    informant_code: str | None = None

    @property
    def changes(self) -> Changes:
        """For the change stream (delete and restore alike): the case, and its memo."""
        changes = Changes.of_cases([self.id])
        if self.memos:
            changes |= Changes(
                kinds=frozenset({Kind.MEMOS}),
                memos=frozenset((m.target_kind, m.target_id) for m in self.memos),
            )
        return changes


def delete_case(session: Session, *, case_id: int) -> CaseSnapshot:
    """Delete a case (its values and links go with it); returns what restores it."""
    case = session.get(Case, case_id)
    if case is None:
        raise NotFound("case", str(case_id))
    values = tuple(
        (int(a), str(v))
        for a, v in session.execute(
            select(CaseAttribute.attribute_id, CaseAttribute.value).where(
                CaseAttribute.case_id == case_id
            )
        )
    )
    links = tuple(
        (int(i), int(d), s, e)
        for i, d, s, e in session.execute(
            select(
                DocumentCase.id, DocumentCase.document_id, DocumentCase.start, DocumentCase.end
            ).where(DocumentCase.case_id == case_id)
        )
    )
    with committed(session):
        memos = take_memos(session, target_kind="case", target_ids=[case_id])
        snapshot = CaseSnapshot(
            case.id, case.name, case.alias, case.created_at, values, links, memos,
            case.informant_code,
        )  # fmt: skip
        session.delete(case)
    return snapshot


def restore_case(session: Session, *, snapshot: CaseSnapshot) -> Changes:
    """Undo :func:`delete_case` exactly (same ids)."""
    with committed(session):
        _put_case(session, snapshot)
    return snapshot.changes


def _put_case(session: Session, snapshot: CaseSnapshot) -> None:
    session.add(
        Case(
            id=snapshot.id,
            name=snapshot.name,
            alias=snapshot.alias,
            created_at=snapshot.created_at,
            informant_code=snapshot.informant_code,
        )
    )
    session.flush()
    for attribute_id, value in snapshot.values:
        session.add(CaseAttribute(case_id=snapshot.id, attribute_id=attribute_id, value=value))
    for link_id, document_id, start, end in snapshot.links:
        session.add(
            DocumentCase(
                id=link_id, document_id=document_id, case_id=snapshot.id, start=start, end=end
            )
        )
    put_memos(session, memos=snapshot.memos)


def clear_attributes(session: Session, *, case_id: int, names: Sequence[str]) -> Changes:
    """Remove the values of the named attributes from a case (undo of a first value)."""
    with committed(session):
        ids = list(session.scalars(select(Attribute.id).where(Attribute.name.in_(list(names)))))
        session.execute(
            delete(CaseAttribute).where(
                CaseAttribute.case_id == case_id, CaseAttribute.attribute_id.in_(ids)
            )
        )
    return Changes.of_cases([case_id])
