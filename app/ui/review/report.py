"""Writing the review report (Word) from the interface."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from sqlalchemy.exc import SQLAlchemyError

from app.coding.errors import TelaahError
from app.coding.exports import ExportResult
from app.coding.exports.review_report import export_review_report
from app.ui.context import ProjectContext, ServerOffline
from app.ui.errors import show_error

translate = QCoreApplication.translate


def write_review_report(
    ctx: ProjectContext,
    path: Path,
    *,
    coders: tuple[str, str] | None = None,
    document: str | None = None,
    reviewer: str | None = None,
) -> ExportResult:
    """Write the report of ``ctx``'s project in the interface language."""
    with ctx.session() as s:
        return export_review_report(
            s,
            path=path,
            reviewer=reviewer,
            coders=coders,
            document_names=[document] if document else None,
            language="en" if ctx.language == "en" else "id",
        )


def ask_review_report(
    ctx: ProjectContext,
    parent: QWidget | None,
    *,
    coders: tuple[str, str] | None = None,
    document: str | None = None,
) -> ExportResult | None:
    """Ask where to save the review report, write it and say so; ``None`` if cancelled."""
    default = ctx.project.sibling(ctx.project.name + " - review.docx")
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("ReviewReport", "Save the review report"),
        str(default),
        translate("ReviewReport", "Word documents (*.docx)"),
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != ".docx":
        path = path.with_suffix(".docx")
    try:
        result = write_review_report(ctx, path, coders=coders, document=document)
    except (TelaahError, SQLAlchemyError, OSError, ServerOffline) as exc:
        show_error(parent, exc)
        return None
    QMessageBox.information(
        parent,
        translate("ReviewReport", "Review report"),
        translate("ReviewReport", "The report was saved to {0}.").format(result.path.name),
    )
    return result
