"""The one list of document formats Telaah imports (no parser is imported here).

Everything that names formats is derived from :data:`FORMATS`: the suffix lookup of
:func:`app.coding.importing.extract`, the file-dialog filter of the workbench, the help of
``telaah import``, the "use .docx, .pdf, …" sentences of the GUI and the CLI, and the
preference order of the sample study. A new importer is one :class:`Format` entry here and
its reader module; nothing else lists suffixes.

Readers are named by module and function and imported only when a file of that format is
read, so the command line does not load python-docx or pdfminer for commands that import
nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.coding.progress import Progress

#: ``read(path, data, progress=…, max_uncompressed=…)`` → (raw paragraphs, text encoding).
Reader = Callable[..., tuple[list[str], str | None]]


@dataclass(frozen=True)
class Format:
    """One importable format: the name stored on the document, its suffixes (lower case,
    the first is the usual one), a short English label and where its reader lives."""

    name: str
    suffixes: tuple[str, ...]
    label: str
    reader: str  # "module:function" under app.coding.importing

    def read(
        self, path: Path, data: bytes, *, progress: Progress, max_uncompressed: int
    ) -> tuple[list[str], str | None]:
        module_name, function = self.reader.split(":")
        module = importlib.import_module(f"app.coding.importing.{module_name}")
        read: Reader = getattr(module, function)
        return read(path, data, progress=progress, max_uncompressed=max_uncompressed)


#: In order of preference: when a folder holds the same document twice (the sample study),
#: the earlier format is the one imported.
FORMATS: tuple[Format, ...] = (
    Format("docx", (".docx",), "Word", "docx:read"),
    Format("pdf", (".pdf",), "PDF", "pdf:read"),
    Format("odt", (".odt",), "OpenDocument text", "odt:read"),
    Format("rtf", (".rtf",), "Rich Text", "rtf:read"),
    Format("md", (".md", ".markdown"), "Markdown", "text:read"),
    Format("txt", (".txt", ".text"), "plain text", "text:read"),
)

_BY_SUFFIX = {suffix: f for f in FORMATS for suffix in f.suffixes}


def format_for(path: Path) -> Format | None:
    """The format a file is imported as, from its suffix (any case); None if unsupported."""
    return _BY_SUFFIX.get(path.suffix.lower())


def suffixes() -> tuple[str, ...]:
    """Every suffix Telaah imports, main ones first: ``(".docx", ".pdf", …, ".markdown")``."""
    main = tuple(f.suffixes[0] for f in FORMATS)
    return main + tuple(s for f in FORMATS for s in f.suffixes[1:])


def main_suffixes() -> tuple[str, ...]:
    """The usual suffix of each format, for sentences: ``(".docx", ".pdf", …)``."""
    return tuple(f.suffixes[0] for f in FORMATS)


def glob_patterns() -> str:
    """``*.docx *.pdf …`` for a file-dialog filter (every suffix, so .markdown too)."""
    return " ".join(f"*{s}" for s in suffixes())
