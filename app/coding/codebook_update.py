"""Bring a project's copy of a bundled codebook up to the version that ships with Telaah.

A bundled codebook file carries a ``version``; each code added after the first version carries
``since``. Updating adds the codes newer than the project's version (under their parents, after
the siblings already there), fills decision rules the project's codes do not have yet, and
records the new version. Keys never change, so every coding stays where it is. With
``texts=True`` the names, definitions, references and decision rules of the codes already in
the project are replaced by the new file's too (the corrected wording). Everything happens in
one transaction and :func:`revert_codebook_update` undoes it exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.coding.codebooks import (
    CodebookSpec,
    CodeSpec,
    bundled_codebook_keys,
    load_bundled_codebook,
    new_code_row,
)
from app.coding.codes import CodeRow, code_row
from app.coding.errors import InvalidValue, NotFound
from app.models.schema import Code, Codebook, Coding
from app.models.transactions import committed

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


def revert_codebook_update(session: Session, *, update: CodebookUpdate) -> None:
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
