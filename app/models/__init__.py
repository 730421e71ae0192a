"""Persistence layer: the SQLAlchemy mapping and the project file. No Qt here."""

from app.models.base import Base
from app.models.fileformat import APPLICATION_ID
from app.models.project import (
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
    CellSummary,
    Code,
    Codebook,
    Coder,
    Coding,
    Comment,
    Document,
    DocumentCase,
    Memo,
    ReviewMark,
    Segment,
)

__all__ = [
    "APPLICATION_ID",
    "Attribute",
    "Base",
    "Case",
    "CaseAttribute",
    "CellSummary",
    "Code",
    "Codebook",
    "Coder",
    "Coding",
    "Comment",
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
    "ReviewMark",
    "Segment",
    "create_project",
    "open_project",
]
