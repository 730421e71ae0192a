"""Fixtures for tests/coding: PDFs printed by Qt for the importer tests."""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from _import_files import PdfWriter

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def qt_pdf(qapp: object) -> PdfWriter:
    """``write(path, paragraphs, *, new_page_before=())``: a real A4 PDF with a text layer,
    laid out and printed by Qt; paragraphs listed in ``new_page_before`` start a page."""
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

    def write(
        path: Path, paragraphs: Sequence[str], *, new_page_before: Sequence[int] = ()
    ) -> Path:
        body = []
        for index, paragraph in enumerate(paragraphs):
            style = "margin-bottom:12px;"
            if index in new_page_before:
                style += "page-break-before:always;"
            body.append(f'<p style="{style}">{html.escape(paragraph)}</p>')
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        document = QTextDocument()
        document.setHtml("<html><body>" + "".join(body) + "</body></html>")
        document.print_(writer)
        del writer  # finishes the file
        return path

    return write


@pytest.fixture
def image_only_pdf(qapp: object) -> Callable[[Path], Path]:
    """``write(path)``: a PDF page with a drawing and no text at all (a scan, in effect)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QPageSize, QPainter, QPdfWriter

    def write(path: Path) -> Path:
        writer = QPdfWriter(str(path))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        painter = QPainter(writer)
        painter.fillRect(QRectF(200, 200, 3000, 2000), QColor("#1f4e79"))
        painter.end()
        del writer
        return path

    return write
