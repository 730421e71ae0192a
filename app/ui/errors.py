"""The one place where typed errors become sentences a researcher can act on."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from app.coding.autocode import TooManyHits
from app.coding.codes import AmbiguousCode
from app.coding.demo import PhraseNotFound
from app.coding.errors import (
    NUL_CHARACTER,
    SPAN_OUTSIDE,
    Cancelled,
    ChangedSince,
    CodebookInvalid,
    DuplicateName,
    InvalidSpan,
    InvalidValue,
    MergeRefused,
    NotFound,
    UnsupportedFile,
)
from app.coding.importing.formats import main_suffixes
from app.coding.limits import escaped, quoted
from app.coding.patterns import PatternTooSlow
from app.coding.refiqda import ArchiveRefused
from app.models.project import (
    NotAProject,
    ProjectDamaged,
    ProjectError,
    ProjectExists,
    ProjectForeignSchema,
    ProjectNotFound,
    ProjectTooNew,
    ServerLoginFailed,
    ServerNotAProject,
    ServerNotEmpty,
    ServerUnreachable,
)
from app.models.server import is_permission_error
from app.ui.context import ReadOnlyProject, ServerOffline

translate = QCoreApplication.translate


def file_reasons() -> dict[str, str]:
    """A translated sentence for every :data:`~app.coding.errors.FILE_REASONS` key."""
    return {
        "unknown-format": translate(
            "Errors", "This file type cannot be imported (use {0})."
        ).format(", ".join(main_suffixes())),
        "convert-first": translate(
            "Errors",
            "Telaah cannot read old Word (.doc, .docm), Pages or WordPerfect files. Open it in "
            "Word, LibreOffice or Pages, choose Save as (or Export) .docx or PDF, then import "
            "that file.",
        ),
        "empty": translate("Errors", "The file is empty."),
        "too-large": translate("Errors", "The file is too large to import."),
        "too-complex": translate(
            "Errors",
            "The file is too complex to be read in reasonable time (a PDF page that draws too"
            " much, or reading that took longer than the time limit); print it to a new PDF or"
            " save it as text first.",
        ),
        "not-a-file": translate(
            "Errors", "This is not a regular file (a pipe, device or socket) and was not read."
        ),
        "truncated": translate(
            "Errors", "The file is incomplete (it may have been cut off while copying)."
        ),
        "encrypted": translate(
            "Errors", "The file is password-protected. Save an unprotected copy first."
        ),
        "needs-ocr": translate(
            "Errors",
            "The PDF has no text layer (it is a scan). Run text recognition (OCR) on it first.",
        ),
        "zip-bomb": translate(
            "Errors", "The file expands to an unreasonable size and was refused."
        ),
        "unsafe-xml": translate(
            "Errors", "The file contains unsafe XML constructs and was refused."
        ),
        "corrupt": translate("Errors", "The file is damaged and cannot be read."),
        "encoding": translate("Errors", "The text encoding of the file could not be recognised."),
        "unreadable": translate("Errors", "The file could not be read."),
        "is-directory": translate("Errors", "This is a folder, not a file."),
        "not-found": translate("Errors", "The file does not exist (any more)."),
        "no-permission": translate("Errors", "You do not have permission to read this file."),
    }


def file_reason(reason: str) -> str:
    """A translated sentence for an :class:`UnsupportedFile` reason key."""
    return file_reasons().get(reason) or translate(
        "Errors", "The file could not be imported ({0})."
    ).format(reason)


def archive_reasons() -> dict[str, str]:
    """A translated sentence for every :data:`~app.coding.refiqda.safety.ARCHIVE_REASONS`
    key that is not also a file reason (those read the same for both)."""
    return {
        "not-a-zip": translate("Errors", "This is not a REFI-QDA project (.qdpx is a zip)."),
        "missing-qde": translate("Errors", "The archive holds no project.qde file."),
        "several-qde": translate("Errors", "The archive holds more than one .qde file."),
        "path-escape": translate(
            "Errors", "The archive contains paths that point outside it and was refused."
        ),
        "absolute-path": translate(
            "Errors", "The archive contains absolute paths and was refused."
        ),
        "invalid-xml": translate("Errors", "The project XML is damaged and cannot be read."),
        "too-many-members": translate("Errors", "The archive holds too many files."),
        "too-complex": translate(
            "Errors",
            "Reading the documents inside the archive took longer than the time limit (30 "
            "minutes). Export the project again in parts, or with its PDF files saved as text.",
        ),
        "not-refi-qda": translate(
            "Errors", "The file is XML but not a REFI-QDA project or codebook."
        ),
    }


def archive_reason(reason: str) -> str:
    """A translated sentence for an :class:`ArchiveRefused` reason key (REFI-QDA files)."""
    return archive_reasons().get(reason) or file_reason(reason)


def skip_kinds() -> dict[str, str]:
    """A word for every :data:`~app.coding.refiqda.model.SKIP_KINDS` key (what was not
    imported)."""
    return {
        "source": translate("Errors", "source"),
        "coding": translate("Errors", "coding"),
        "variable value": translate("Errors", "variable value"),
        "case link": translate("Errors", "case link"),
        "sets": translate("Errors", "sets"),
        "links": translate("Errors", "links"),
        "graphs": translate("Errors", "graphs"),
    }


def merge_kinds() -> dict[str, str]:
    """A word for every :data:`~app.coding.merge.MERGE_KINDS` key (what a merge added, after
    its number: "3 codings")."""
    return {
        "coders": translate("Errors", "coders"),
        "documents": translate("Errors", "documents"),
        "codebooks": translate("Errors", "codebooks"),
        "codes": translate("Errors", "codes"),
        "findings": translate("Errors", "findings"),
        "attributes": translate("Errors", "attributes"),
        "cases": translate("Errors", "cases"),
        "attribute values": translate("Errors", "attribute values"),
        "case links": translate("Errors", "case links"),
        "codings": translate("Errors", "codings"),
        "coding memos": translate("Errors", "coding memos"),
        "stars": translate("Errors", "starred quotes"),
        "review marks": translate("Errors", "review marks"),
        "comments": translate("Errors", "comments"),
        "resolutions": translate("Errors", "resolved questions"),
        "memos": translate("Errors", "memos"),
        "cell summaries": translate("Errors", "cell summaries"),
    }


def skip_reasons() -> dict[str, str]:
    """A translated sentence for every :data:`~app.coding.refiqda.model.SKIP_REASONS` key:
    why something of a REFI-QDA project was not imported (or, for a warning, imported with a
    caveat)."""
    return {
        "picture-source": translate(
            "Errors", "Pictures are not imported: Telaah works with text only."
        ),
        "audio-source": translate(
            "Errors", "Audio is not imported: Telaah works with text only (import a transcript)."
        ),
        "video-source": translate(
            "Errors", "Video is not imported: Telaah works with text only (import a transcript)."
        ),
        "pdf-region": translate(
            "Errors", "A coding of an area of a PDF page (not of its text) is not imported."
        ),
        "external-source": translate(
            "Errors", "The source is a file outside the project archive, so it was not included."
        ),
        "missing-file": translate(
            "Errors", "The file of this source is missing from the project archive."
        ),
        "encoding": translate(
            "Errors", "The text encoding of this source could not be recognised."
        ),
        "unreadable": translate("Errors", "This source could not be read."),
        "empty": translate("Errors", "This source holds no text."),
        "no-text": translate(
            "Errors", "The project file gives no text for this source (nor a file to read it from)."
        ),
        "unknown-code": translate(
            "Errors", "The coding refers to a code that the project does not define."
        ),
        "empty-span": translate("Errors", "The coding selects no text (it starts where it ends)."),
        "bad-position": translate(
            "Errors", "The coding's positions in the file are missing or not valid."
        ),
        "duplicate": translate(
            "Errors",
            "The same code on the same passage by the same coder is in the file twice; it was "
            "imported once.",
        ),
        "source-variable": translate(
            "Errors",
            "Variable values of a source are not imported: Telaah keeps attributes on cases.",
        ),
        "invalid-value": translate(
            "Errors", "The value does not fit the type of its variable (a number, a date…)."
        ),
        "unknown-variable": translate(
            "Errors", "The value belongs to a variable that the project does not define."
        ),
        "unknown-target": translate(
            "Errors", "The case refers to a source or a passage that was not imported."
        ),
        "sets": translate("Errors", "Sets are not imported: Telaah has no sets."),
        "links": translate("Errors", "Links are not imported: Telaah has no links."),
        "graphs": translate("Errors", "Graphs are not imported: Telaah has no graphs."),
        "positions-approximate": translate(
            "Errors",
            "The text of this source was read from its Word file, so its codings may be a few "
            "characters off: check them.",
        ),
    }


def skip_reason(reason: str) -> str:
    """A translated sentence for a :class:`~app.coding.refiqda.Skipped` reason key (a source
    the importers could not read carries theirs, which reads as for any file)."""
    return skip_reasons().get(reason) or archive_reason(reason)


def length_fields() -> dict[str, str]:
    """Words for each field of :data:`app.coding.limits.MAX_LENGTHS` (too-long messages)."""
    return {
        "coder": translate("Errors", "coder name"),
        "code": translate("Errors", "code name"),
        "codebook": translate("Errors", "codebook name"),
        "case": translate("Errors", "case name"),
        "alias": translate("Errors", "case alias"),
        "attribute": translate("Errors", "attribute name"),
        "document": translate("Errors", "document name"),
        "value": translate("Errors", "attribute value"),
        "description": translate("Errors", "definition"),
        "summary": translate("Errors", "cell summary"),
        "memo": translate("Errors", "memo"),
        "comment": translate("Errors", "comment"),
        "title": translate("Errors", "title"),
        "finding": translate("Errors", "finding"),
    }


def field_words() -> dict[str, str]:
    """Words for every field an :class:`InvalidValue` can name (the length fields included)."""
    return {
        **length_fields(),
        "code name": translate("Errors", "code name"),
        "query": translate("Errors", "search text"),
        "pattern": translate("Errors", "pattern"),
        "name": translate("Errors", "name"),
        "password": translate("Errors", "password"),
        "column key": translate("Errors", "column"),
        "columns": translate("Errors", "columns"),
        "cells": translate("Errors", "cell contents"),
        "colour": translate("Errors", "colour"),
        "attribute type": translate("Errors", "attribute type"),
        "date": translate("Errors", "date"),
        "document name": translate("Errors", "document name"),
        "informant code": translate("Errors", "informant code"),
        "language": translate("Errors", "language"),
        "stance": translate("Errors", "stance"),
        "status": translate("Errors", "review status"),
        "role": translate("Errors", "role"),
        "number": translate("Errors", "number"),
        "study year": translate("Errors", "study year"),
        "parent": translate("Errors", "parent code"),
        "unit": translate("Errors", "unit"),
        "layout": translate("Errors", "layout"),
        "quotes": translate("Errors", "number of quotes"),
        "format": translate("Errors", "format"),
        "codebook version": translate("Errors", "codebook version"),
        "source type": translate("Errors", "source type"),
        "segment kind": translate("Errors", "segment kind"),
    }


def _field(field: str) -> str:
    return field_words().get(field, field)


def _kind(kind: str) -> str:
    kinds = {
        "document": translate("Errors", "document"),
        "case": translate("Errors", "case"),
        "code": translate("Errors", "code"),
        "codebook": translate("Errors", "codebook"),
        "coding": translate("Errors", "coding"),
        "coder": translate("Errors", "coder"),
        "attribute": translate("Errors", "attribute"),
    }
    return kinds.get(kind, kind)


def error_message(exc: BaseException) -> str:
    """A translated, user-facing sentence for ``exc``."""
    if isinstance(exc, Cancelled):
        return translate("Errors", "Cancelled. Nothing was changed.")
    if isinstance(exc, UnsupportedFile):
        return f"{quoted(exc.path.name)}: {file_reason(exc.reason)}"
    if isinstance(exc, ArchiveRefused):
        return f"{quoted(exc.path.name)}: {archive_reason(exc.reason)}"
    if isinstance(exc, DuplicateName):
        return translate("Errors", 'A {0} named "{1}" already exists.').format(
            _kind(exc.kind), escaped(exc.name)
        )
    if isinstance(exc, ChangedSince):
        return translate(
            "Errors",
            "This was changed by another coder after your edit, so it was not undone; "
            "nothing changed. Their version stays.",
        )
    if isinstance(exc, NotFound):
        return translate("Errors", 'The {0} "{1}" no longer exists.').format(
            _kind(exc.kind), escaped(exc.name)
        )
    if isinstance(exc, InvalidSpan):
        return translate("Errors", "Select some text first.")
    if isinstance(exc, PatternTooSlow):
        return translate(
            "Errors", "The pattern is too slow: simplify it. It was stopped; nothing was changed."
        )
    if isinstance(exc, InvalidValue) and exc.field == "pattern" and exc.detail != "empty":
        return translate("Errors", "The pattern is not valid: {0}").format(exc.detail)
    if isinstance(exc, MergeRefused) and exc.detail == SPAN_OUTSIDE:
        return translate(
            "Errors",
            "The other copy was not merged: a passage in it (a coding, a paragraph or a case "
            "link) lies outside the text of its document. Nothing was changed.",
        )
    if isinstance(exc, MergeRefused) and exc.detail == NUL_CHARACTER:
        return translate(
            "Errors",
            "The other copy was not merged: a text in it holds a NUL character, which no "
            "text may hold. Nothing was changed.",
        )
    if isinstance(exc, MergeRefused):
        return translate(
            "Errors",
            "The other copy was not merged: one {0} in it is longer than {1} characters. "
            "Nothing was changed.",
        ).format(length_fields().get(exc.field, exc.field), exc.detail.split(":", 1)[1])
    if isinstance(exc, InvalidValue) and exc.detail.startswith("too-long:"):
        return translate(
            "Errors", "The {0} is too long: at most {1} characters. Nothing was changed."
        ).format(length_fields().get(exc.field, exc.field), exc.detail.split(":", 1)[1])
    if isinstance(exc, InvalidValue):
        if exc.field == "file":
            return translate("Errors", "Choose a file first.")
        if exc.detail == "empty" or not exc.value.strip():
            return translate("Errors", "The {0} is empty: please enter one.").format(
                _field(exc.field)
            )
        return translate("Errors", 'The {0} "{1}" is not valid.').format(
            _field(exc.field), escaped(exc.value)
        )
    if isinstance(exc, AmbiguousCode):
        return translate(
            "Errors", '"{0}" matches several codes ({1}); give the full path of names.'
        ).format(escaped(exc.ref), ", ".join(map(escaped, exc.candidates[:5])))
    if isinstance(exc, TooManyHits):
        return translate(
            "Errors",
            "The pattern has {0} hits, more than the {1} allowed; make it more precise. "
            "Nothing was changed.",
        ).format(exc.count, exc.limit)
    if isinstance(exc, PhraseNotFound):
        return translate(
            "Errors", 'The phrase "{0}" is not in the document {1}; nothing was changed.'
        ).format(escaped(exc.phrase), quoted(exc.document))
    if isinstance(exc, CodebookInvalid):
        return translate("Errors", "The codebook file {0} is not valid at {1}: {2}").format(
            quoted(exc.path.name), exc.where, escaped(exc.detail, limit=200)
        )
    if isinstance(exc, ProjectError):
        return project_error_message(exc)
    if isinstance(exc, ReadOnlyProject):
        return translate("Errors", "This project is open read-only; changes are not possible.")
    if isinstance(exc, ServerOffline):
        return translate(
            "Errors",
            "The team server cannot be reached, so this edit was not made. Telaah reconnects "
            "by itself; try again when the banner is gone.",
        )
    if isinstance(exc, DBAPIError) and is_permission_error(exc):
        return translate(
            "Errors", "The server does not allow this for your role in the team; nothing changed."
        )
    if isinstance(exc, SQLAlchemyError):
        return translate("Errors", "The project file could not be changed: {0}").format(
            type(exc).__name__
        )
    if isinstance(exc, UnicodeError):
        return translate(
            "Errors", "The text could not be encoded or decoded ({0}); nothing was changed."
        ).format(type(exc).__name__)
    if isinstance(exc, OSError):
        return translate("Errors", "A file operation failed: {0}").format(exc.strerror or str(exc))
    return translate("Errors", "Unexpected error: {0}").format(exc)


def project_error_message(exc: ProjectError) -> str:
    """Why a project file cannot be opened."""
    name = quoted(exc.path.name)
    if isinstance(exc, ServerUnreachable):
        return translate(
            "Errors", "The server of {0} does not answer. Check the address and the network."
        ).format(exc.url)
    if isinstance(exc, ServerLoginFailed):
        return translate("Errors", "The server refused the login for {0}.").format(exc.url)
    if isinstance(exc, ServerNotAProject):
        return translate("Errors", "The database {0} holds no Telaah project.").format(exc.url)
    if isinstance(exc, ServerNotEmpty):
        return translate(
            "Errors", "The database {0} is not empty; a new project needs an empty database."
        ).format(exc.url)
    if isinstance(exc, ProjectNotFound):
        return translate("Errors", "The project file {0} does not exist.").format(name)
    if isinstance(exc, ProjectExists):
        return translate(
            "Errors", "A file named {0} already exists; choose another name or folder."
        ).format(name)
    if isinstance(exc, NotAProject):
        return translate("Errors", "{0} is not a Telaah project file.").format(name)
    if isinstance(exc, ProjectDamaged):
        return translate(
            "Errors", "The project file {0} is damaged and cannot be opened safely."
        ).format(name)
    if isinstance(exc, ProjectForeignSchema):
        found = ", ".join(f"{o.type} “{escaped(o.name)}”" for o in exc.objects[:5])
        return translate(
            "Errors",
            "{0} holds objects Telaah did not create ({1}). It was not opened or changed.",
        ).format(name, found)
    if isinstance(exc, ProjectTooNew):
        return translate(
            "Errors", "{0} was saved by a newer version of Telaah. Please update Telaah."
        ).format(name)
    return translate("Errors", "The project {0} cannot be opened.").format(name)


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Tell the user what went wrong (window-modal, without blocking the caller)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("Errors", "Telaah"),
        error_message(exc),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("errorMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
