r"""Rich Text Format files (.rtf), through striprtf.

``\par`` ends a paragraph; ``\line`` is a line break inside one (it is rewritten into a
Unicode line separator before striprtf runs, so the two stay apart). The text bytes are
decoded with the file's ``\ansicpg`` code page (cp1252 when absent). A file that does not
start with ``{\rtf`` is refused (``corrupt``); one whose braces do not close was cut short
(``truncated``).
"""

from __future__ import annotations

import re
from pathlib import Path

from striprtf.striprtf import rtf_to_text

from app.coding.errors import UnsupportedFile
from app.coding.progress import Progress

_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")
# \line as a control word (not \linex or \lineN); the group keeps the skip count local.
_LINE = re.compile(r"\\line(?![a-zA-Z])(?:-?\d+)? ?")
_LINE_SEPARATOR = r"{\uc1\u8232?}"
_BRACES = re.compile(rb"\\[\\{}]|[{}]")


def read_rtf(path: Path, data: bytes) -> list[str]:
    """Raw paragraphs of an .rtf file (see the module doc)."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise UnsupportedFile(path, "corrupt", "not RTF")
    if _unclosed(data):
        raise UnsupportedFile(path, "truncated", "unbalanced braces")
    codepage = _CODEPAGE.search(data[:4096])
    encoding = f"cp{codepage.group(1).decode()}" if codepage else "cp1252"
    try:
        source = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        source = data.decode("latin-1")
    source = _LINE.sub(lambda _m: _LINE_SEPARATOR, source)
    try:
        text: str = rtf_to_text(source, encoding="cp1252", errors="strict")  # type: ignore[no-untyped-call]
    except (UnicodeDecodeError, LookupError) as exc:
        raise UnsupportedFile(path, "encoding", str(exc)) from exc
    # \u escapes give UTF-16 halves one by one; pair them up, drop what stays alone.
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "ignore")
    return text.split("\n")


def _unclosed(data: bytes) -> bool:
    depth = 0
    for match in _BRACES.finditer(data):
        token = match.group()
        if token == b"{":
            depth += 1
        elif token == b"}":
            depth -= 1
    return depth > 0


def read(
    path: Path, data: bytes, *, progress: Progress, max_uncompressed: int
) -> tuple[list[str], str | None]:
    """The reader of :mod:`.formats`: paragraphs, no text encoding."""
    return read_rtf(path, data), None
