"""Persistence layer: the SQLAlchemy mapping and the project file. No Qt here."""

from app.models.base import Base
from app.models.project import (
    APPLICATION_ID,
    NotAProject,
    Project,
    ProjectDamaged,
    ProjectError,
    ProjectExists,
    ProjectNotFound,
    ProjectTooNew,
    create_project,
    open_project,
)
from app.models.schema import (
    Attribute,
    Case,
    CaseAttribute,
    Code,
    Codebook,
    Coder,
    Coding,
    Document,
    DocumentCase,
    Memo,
    Segment,
)

__all__ = [
    "APPLICATION_ID",
    "Attribute",
    "Base",
    "Case",
    "CaseAttribute",
    "Code",
    "Codebook",
    "Coder",
    "Coding",
    "Document",
    "DocumentCase",
    "Memo",
    "NotAProject",
    "Project",
    "ProjectDamaged",
    "ProjectError",
    "ProjectExists",
    "ProjectNotFound",
    "ProjectTooNew",
    "Segment",
    "create_project",
    "open_project",
]
