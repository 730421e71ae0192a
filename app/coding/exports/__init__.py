"""File exports (excerpts, matrices, summaries…): shared result type and helpers.

Every export writes to a temporary file beside the target and renames it at the end, so a
failure (or a crash) never leaves a half-written file under the user's chosen name.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.coding.errors import InvalidValue

FORMATS = ("docx", "xlsx", "csv")
LANGUAGES = ("id", "en")

_MONTHS = {
    "id": [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
# Characters XML 1.0 (and so .docx/.xlsx) cannot hold.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class ExportResult:
    """Where an export was written, how many data rows (excerpts, codes…) it holds and how
    many numbered tables (a split matrix writes one per top-level box)."""

    path: Path
    rows: int
    tables: int = 1


def check_format(fmt: str) -> str:
    """``fmt`` lower-cased if it is a known export format, else ``InvalidValue``."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise InvalidValue("format", fmt, "expected one of " + ", ".join(FORMATS))
    return fmt


def check_language(language: str) -> str:
    """``language`` if the exports can be written in it, else ``InvalidValue``."""
    if language not in LANGUAGES:
        raise InvalidValue("language", language, "expected one of " + ", ".join(LANGUAGES))
    return language


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path`` atomically.

    Raises ``OSError`` when the folder does not exist or cannot be written.
    """
    path = Path(path)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".part")
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def xml_safe(text: str) -> str:
    """``text`` without the control characters Word and Excel files cannot store."""
    return _XML_ILLEGAL.sub("", text)


def format_date(value: str, language: str = "id") -> str:
    """An ISO date as "11 Maret 2024" / "11 March 2024"; anything else unchanged."""
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        return value
    return f"{day.day} {_MONTHS[check_language(language)][day.month - 1]} {day.year}"


def repeat_header_row(row: Any) -> None:
    """Mark a python-docx table row as a header repeated at the top of every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
