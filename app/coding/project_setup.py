"""Starting a study: a new project file with chosen codebooks and an attribute template.

The GUI's new-project dialog and ``telaah new`` call :func:`create_study`; it fails before the
file exists when a codebook cannot be read, and removes the file again when anything after its
creation fails, so a failed start leaves nothing behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.coding.cases import ATTRIBUTE_TYPES
from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import CodebookInstalled, install_codebook
from app.coding.errors import InvalidValue
from app.coding.settings import NamesInExports, update_settings
from app.models.project import create_project
from app.models.schema import Attribute


@dataclass(frozen=True)
class AttributeDefinition:
    """A case attribute to prepare (``type``: text, number, date or category)."""

    name: str
    type: str = "text"


@dataclass(frozen=True)
class StudyCreated:
    """What :func:`create_study` made."""

    path: Path
    codebooks: tuple[CodebookInstalled, ...]
    attributes: tuple[str, ...]
    names_in_exports: NamesInExports


def _checked(attributes: Sequence[AttributeDefinition]) -> list[AttributeDefinition]:
    seen: set[str] = set()
    kept: list[AttributeDefinition] = []
    for attr in attributes:
        name = " ".join(attr.name.split())
        if not name:
            continue
        if attr.type not in ATTRIBUTE_TYPES:
            raise InvalidValue("attribute type", attr.type)
        if name.casefold() in seen:
            continue
        seen.add(name.casefold())
        kept.append(AttributeDefinition(name, attr.type))
    return kept


def create_study(
    path: Path,
    *,
    codebooks: Sequence[str] = (),
    attributes: Sequence[AttributeDefinition] = (),
    names_in_exports: NamesInExports = NamesInExports.ALIASES,
) -> StudyCreated:
    """Create the project file ``path`` with the bundled ``codebooks`` (keys) installed and the
    case ``attributes`` defined (empty names are skipped, repeated names kept once) and the
    names exports print (aliases by default).

    Raises ``ProjectExists``/``ProjectNotFound`` (folder missing) from the models, ``NotFound``
    for an unknown codebook key, :class:`InvalidValue` for an unknown attribute type; nothing
    is left on disk then.
    """
    path = Path(path)
    specs = [load_bundled_codebook(key) for key in dict.fromkeys(codebooks)]
    prepared = _checked(attributes)
    project = create_project(path)
    try:
        with project.session() as session:
            update_settings(session, names_in_exports=names_in_exports)
            installed = tuple(install_codebook(session, spec=spec) for spec in specs)
            existing = set(session.scalars(select(Attribute.name)))
            for attr in prepared:
                if attr.name not in existing:
                    session.add(Attribute(name=attr.name, type=attr.type))
            session.commit()
    except BaseException:
        project.close()
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        raise
    project.close()
    return StudyCreated(path, installed, tuple(a.name for a in prepared), names_in_exports)
