"""Codebooks in a project: install one, make the researcher's own, remove and restore one,
and bring a bundled one up to the version that ships with Telaah.

Every edit commits one transaction and returns what it changed for the change stream: a
frozen result with ``.changes`` (:class:`CodebookInstalled`, :class:`CodebookEnsured`,
:class:`CodebookSnapshot`, :class:`CodebookUpdate`), or for an undo the
:class:`~app.coding.changes.Changes` itself. Reading codebook files is
:mod:`app.coding.codebook_files`; the codes inside a codebook are :mod:`app.coding.codes`.

Updating: a bundled codebook file carries a ``version``; each code added after the first
version carries ``since``. :func:`update_codebook` adds the codes newer than the project's
version (under their parents, after the siblings already there), fills decision rules the
project's codes do not have yet, and records the new version. Keys never change, so every
coding stays where it is. With ``texts=True`` the names, definitions, references and decision
rules of the codes already in the project are replaced by the new file's too (the corrected
wording). Everything happens in one transaction and :func:`revert_codebook_update` undoes it
exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.coding.changes import Changes
from app.coding.codebook_files import (
    CodebookSpec,
    CodeSpec,
    bundled_codebook_keys,
    load_bundled_codebook,
)
from app.coding.codes import (
    CodeRow,
    CodeSnapshot,
    code_row,
    put_subtree,
    subtree_changes,
    take_subtree,
)
from app.coding.errors import DuplicateName, InvalidValue, NotFound
from app.coding.limits import check_lengths
from app.coding.memos import MemoInfo, put_memos, take_memos
from app.models.schema import Code, Codebook, Coding
from app.models.transactions import committed


@dataclass(frozen=True)
class CodebookInstalled:
    """What :func:`install_codebook` created; ``code_ids[i]`` is the id of ``code_keys[i]``."""

    codebook_id: int
    codebook_key: str
    code_ids: tuple[int, ...]
    code_keys: tuple[str, ...]

    @property
    def changes(self) -> Changes:
        """For the change stream: the code tree gained these codes."""
        return Changes.of_codes(self.code_ids)


def install_codebook(
    session: Session, *, spec: CodebookSpec, origin: str = "bundled"
) -> CodebookInstalled:
    """Add a codebook and all its codes to the project in one committed transaction.

    Raises :class:`DuplicateName` (``codebook`` or ``code``) if a key is taken; nothing is
    written then.
    """
    if not origin or len(origin) > 16:
        raise InvalidValue("origin", origin, "1 to 16 characters")
    if session.scalar(select(Codebook.id).where(Codebook.key == spec.key)) is not None:
        raise DuplicateName("codebook", spec.key)
    keys = [code.key for code in spec.walk_codes()]
    clash = session.scalars(select(Code.key).where(Code.key.in_(keys)).limit(1)).first()
    if clash is not None:
        raise DuplicateName("code", clash)
    last = session.scalar(select(func.max(Codebook.sort_order)))
    ids: list[int] = []
    with committed(session):
        book = Codebook(
            key=spec.key,
            name_id=spec.name_id,
            name_en=spec.name_en,
            description_id=spec.description_id,
            description_en=spec.description_en,
            reference=spec.reference,
            origin=origin,
            sort_order=0 if last is None else last + 1,
            version=spec.version,
        )
        session.add(book)
        session.flush()
        _add_codes(session, book.id, None, spec.codes, ids)
    return CodebookInstalled(book.id, spec.key, tuple(ids), tuple(keys))


def _add_codes(
    session: Session,
    codebook_id: int,
    parent_id: int | None,
    codes: tuple[CodeSpec, ...],
    ids: list[int],
) -> None:
    for order, code in enumerate(codes):
        row = new_code_row(code, codebook_id=codebook_id, parent_id=parent_id, sort_order=order)
        session.add(row)
        session.flush()
        ids.append(row.id)
        _add_codes(session, codebook_id, row.id, code.children, ids)


def new_code_row(
    spec: CodeSpec, *, codebook_id: int, parent_id: int | None, sort_order: int
) -> Code:
    """A new ``codes`` row for ``spec`` (not added to any session; children not included)."""
    return Code(
        codebook_id=codebook_id,
        parent_id=parent_id,
        key=spec.key,
        name_id=spec.name_id,
        name_en=spec.name_en,
        definition_id=spec.definition_id,
        definition_en=spec.definition_en,
        colour=spec.colour,
        keywords="\n".join(spec.keywords),
        reference=spec.reference,
        use_when_id=spec.use_when_id,
        use_when_en=spec.use_when_en,
        not_use_when_id=spec.not_use_when_id,
        not_use_when_en=spec.not_use_when_en,
        sort_order=sort_order,
    )


# --- the researcher's own codebooks, removing and restoring ---------------------------------


@dataclass(frozen=True)
class CodebookEnsured:
    """What :func:`ensure_codebook` found or made."""

    codebook_id: int
    created: bool

    @property
    def changes(self) -> Changes:
        """For the change stream: a new (empty) codebook is in the code tree, or nothing."""
        return Changes.of_codes() if self.created else Changes()


def ensure_codebook(session: Session, *, key: str, name_id: str, name_en: str) -> CodebookEnsured:
    """The user codebook ``key``, created (committed) if missing."""
    check_lengths(codebook=name_id)
    check_lengths(codebook=name_en)
    found = session.scalar(select(Codebook.id).where(Codebook.key == key))
    if found is not None:
        return CodebookEnsured(found, created=False)
    order = session.scalar(select(func.coalesce(func.max(Codebook.sort_order), 0))) or 0
    book = Codebook(key=key, name_id=name_id, name_en=name_en, origin="user", sort_order=order + 1)
    with committed(session):
        session.add(book)
        session.flush()
    return CodebookEnsured(book.id, created=True)


@dataclass(frozen=True)
class CodebookSnapshot:
    """What :func:`remove_codebook` deleted, for :func:`restore_codebook` (undo)."""

    id: int
    key: str
    name_id: str
    name_en: str
    description_id: str
    description_en: str
    reference: str
    origin: str
    sort_order: int
    codes: tuple[CodeSnapshot, ...]
    version: int = 0
    owner: str | None = None
    #: the memo on the codebook itself (its codes' memos are in ``codes``)
    memos: tuple[MemoInfo, ...] = ()

    @property
    def changes(self) -> Changes:
        """For the change stream: removing the codebook, its codes, codings and memos."""
        return self._changes(removed=True)

    def _changes(self, *, removed: bool) -> Changes:
        changes = Changes.of_codes() | subtree_changes(self.codes, removed=removed)
        if self.memos:
            changes |= Changes.of_memo("codebook", self.id)
        return changes


def remove_codebook(session: Session, *, codebook_id: int) -> CodebookSnapshot:
    """Delete a codebook with all its codes and their codings, in one transaction."""
    book = session.get(Codebook, codebook_id)
    if book is None:
        raise NotFound("codebook", str(codebook_id))
    fields = (
        book.id,
        book.key,
        book.name_id,
        book.name_en,
        book.description_id,
        book.description_en,
        book.reference,
        book.origin,
        book.sort_order,
    )
    version, owner = book.version, book.owner
    tops = list(
        session.scalars(
            select(Code.id)
            .where(Code.codebook_id == codebook_id, Code.parent_id.is_(None))
            .order_by(Code.sort_order, Code.id)
        )
    )
    with committed(session):
        snapshots = tuple(take_subtree(session, code_id) for code_id in tops)
        memos = take_memos(session, target_kind="codebook", target_ids=[codebook_id])
        session.execute(delete(Codebook).where(Codebook.id == codebook_id))
    return CodebookSnapshot(*fields, codes=snapshots, version=version, owner=owner, memos=memos)


def restore_codebook(session: Session, *, snapshot: CodebookSnapshot) -> Changes:
    """Undo :func:`remove_codebook`: the codebook, codes and codings come back unchanged."""
    with committed(session):
        session.add(
            Codebook(
                id=snapshot.id,
                key=snapshot.key,
                name_id=snapshot.name_id,
                name_en=snapshot.name_en,
                description_id=snapshot.description_id,
                description_en=snapshot.description_en,
                reference=snapshot.reference,
                origin=snapshot.origin,
                sort_order=snapshot.sort_order,
                version=snapshot.version,
                owner=snapshot.owner,
            )
        )
        session.flush()
        for code in snapshot.codes:
            put_subtree(session, code)
        put_memos(session, memos=snapshot.memos)
    return snapshot._changes(removed=False)


# --- bringing a bundled codebook up to date ------------------------------------------------

_RULES = ("use_when_id", "use_when_en", "not_use_when_id", "not_use_when_en")
_TEXTS = ("name_id", "name_en", "definition_id", "definition_en", "reference", *_RULES)


@dataclass(frozen=True)
class CodebookUpdate:
    """What :func:`update_codebook` changed.

    ``added`` are the full keys of the new codes (``added_ids`` their ids, parents first);
    ``skipped`` new codes whose parent the project no longer has; ``changed`` the codes whose
    texts or decision rules were filled or replaced, with their fields before (for undo);
    ``renamed`` the keys among them whose name changed.
    """

    codebook_key: str
    codebook_id: int
    from_version: int
    to_version: int
    added: tuple[str, ...]
    added_ids: tuple[int, ...]
    skipped: tuple[str, ...]
    changed: tuple[CodeRow, ...]
    renamed: tuple[str, ...]

    @property
    def changes(self) -> Changes:
        """For the change stream (update and its undo alike): the codes added or rewritten
        (any code, when only the codebook's version moved)."""
        return Changes.of_codes((*self.added_ids, *(row.id for row in self.changed)))

    @property
    def nothing_to_do(self) -> bool:
        """True when the project already had everything (only the version may have moved)."""
        return not (self.added or self.changed)


def _fields(spec: CodeSpec, names: tuple[str, ...]) -> dict[str, str]:
    return {name: getattr(spec, name) for name in names}


def update_codebook(
    session: Session, *, key: str, texts: bool = False, spec: CodebookSpec | None = None
) -> CodebookUpdate:
    """Update the project's codebook ``key`` from its bundled file (or ``spec``).

    Raises :class:`NotFound` when the project has no codebook ``key`` or Telaah bundles none,
    :class:`InvalidValue` when the project's copy is newer than the file.
    """
    book = session.scalar(select(Codebook).where(Codebook.key == key))
    if book is None:
        raise NotFound("codebook", key)
    spec = spec if spec is not None else load_bundled_codebook(key)
    if spec.key != key:
        raise InvalidValue("codebook", spec.key, f"expected {key}")
    from_version = book.version
    effective = from_version or 1  # installed before codebooks had versions
    if effective > spec.version:
        raise InvalidValue("codebook version", str(from_version), f"newer than {spec.version}")
    codes = {c.key: c for c in session.scalars(select(Code).where(Code.codebook_id == book.id))}
    added: list[str] = []
    added_ids: list[int] = []
    skipped: list[str] = []
    changed: list[CodeRow] = []
    renamed: list[str] = []
    with committed(session):
        for code in spec.walk_codes():
            row = codes.get(code.key)
            if row is not None:
                wanted = _fields(code, _TEXTS if texts else _RULES)
                if not texts and any(getattr(row, name) for name in _RULES):
                    continue  # the researcher's own rules stay
                if all(getattr(row, k) == v for k, v in wanted.items()):
                    continue
                changed.append(code_row(session, code_id=row.id))
                if texts and (row.name_id, row.name_en) != (code.name_id, code.name_en):
                    renamed.append(code.key)
                for name, value in wanted.items():
                    setattr(row, name, value)
                continue
            if code.since <= effective:
                continue  # deleted by the researcher: not brought back
            parent_key = code.key.rsplit("/", 1)[0]
            parent = None if parent_key == key else codes.get(parent_key)
            if parent_key != key and parent is None:
                skipped.append(code.key)
                continue
            parent_id = None if parent is None else parent.id
            last = session.scalar(
                select(func.max(Code.sort_order)).where(
                    Code.codebook_id == book.id,
                    Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id,
                )
            )
            new = new_code_row(
                code,
                codebook_id=book.id,
                parent_id=parent_id,
                sort_order=0 if last is None else last + 1,
            )
            session.add(new)
            session.flush()
            codes[code.key] = new
            added.append(code.key)
            added_ids.append(new.id)
        book.version = spec.version
    return CodebookUpdate(
        key, book.id, from_version, spec.version, tuple(added), tuple(added_ids),
        tuple(skipped), tuple(changed), tuple(renamed),
    )  # fmt: skip


def revert_codebook_update(session: Session, *, update: CodebookUpdate) -> Changes:
    """Undo :func:`update_codebook`: the added codes go, changed texts and the version return.

    Raises :class:`InvalidValue` when an added code has codings by now (undo the codings
    first); nothing is changed then.
    """
    ids = list(update.added_ids)
    if ids:
        used = session.scalar(
            select(func.count()).select_from(Coding).where(Coding.code_id.in_(ids))
        )
        if used:
            raise InvalidValue("codebook update", update.codebook_key, "new codes are in use")
    with committed(session):
        # Children before parents (ids grow parents first).
        for code_id in sorted(ids, reverse=True):
            session.execute(delete(Code).where(Code.id == code_id))
        for before in update.changed:
            row = session.get(Code, before.id)
            if row is not None:
                for name in _TEXTS:
                    setattr(row, name, getattr(before, name))
        book = session.get(Codebook, update.codebook_id)
        if book is not None:
            book.version = update.from_version
    return update.changes


@dataclass(frozen=True)
class OutdatedCodebook:
    """A bundled codebook of the project older than the file Telaah ships."""

    key: str
    name_id: str
    name_en: str
    version: int
    bundled_version: int


def outdated_codebooks(session: Session) -> tuple[OutdatedCodebook, ...]:
    """The project's bundled codebooks that :func:`update_codebook` would bring up to date."""
    bundled = set(bundled_codebook_keys())
    out = []
    rows = session.execute(
        select(Codebook.key, Codebook.name_id, Codebook.name_en, Codebook.version).order_by(
            Codebook.sort_order, Codebook.id
        )
    )
    for key, name_id, name_en, version in rows:
        if key not in bundled:
            continue
        newest = load_bundled_codebook(key).version
        if (version or 1) < newest:
            out.append(OutdatedCodebook(key, name_id, name_en, version or 1, newest))
    return tuple(out)
