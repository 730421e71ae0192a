"""Guards against hostile or damaged files, applied before any parser sees them.

* a size cap on the file itself (checked on ``stat`` and again while reading);
* for zip containers (.docx, .odt): a cap on the total uncompressed size, on the number of
  members and on the compression ratio of big members; member names must be plain relative
  paths, unique; the sizes declared in the zip directory are the ones ``zipfile`` enforces
  while inflating, so checking them up front is enough;
* for XML parts handed to a parser we do not configure ourselves (python-docx): no
  ``<!DOCTYPE``/``<!ENTITY`` in any encoding an XML parser would detect, and no encoding
  declaration outside the ASCII-compatible and UTF-16 families (UTF-7 or EBCDIC could hide
  a declaration from the byte scan);
* a time budget for reading one file (:class:`ReadBudget`, ``MAX_READ_SECONDS``), separate
  from the pattern budget of :mod:`app.coding.patterns`: checked wherever the readers check
  for Cancel (between PDF pages and every few thousand glyphs or operations inside one,
  every thousand .docx paragraphs, between the stages of :func:`app.coding.importing.
  extract`); a file still being read when it runs out is refused as ``too-complex``.
"""

from __future__ import annotations

import io
import os
import re
import stat
import time
import zipfile
from pathlib import Path, PurePosixPath
from typing import IO

from app.coding.errors import UnsupportedFile
from app.coding.progress import Progress

#: How long reading one file may take (the largest accepted text reads in well under a
#: minute on a slow laptop; a file still being read after this is refused, ``too-complex``).
MAX_READ_SECONDS = 300.0
#: Files bigger than this are refused before being read.
MAX_FILE_BYTES = 200 * 1024 * 1024
#: The longest text a document may have, in characters (about 3 million words, several
#: doctoral theses): longer texts are refused (``too-large``) before they are stored; this
#: much imports in seconds and stays well under 1 GB of memory.
MAX_TEXT_CHARS = 20_000_000
#: Unpacked size of the one XML part whose tree is built (a .docx's main document part, an
#: .odt's content): a parsed tree takes several times its XML in memory.
MAX_XML_PART_BYTES = 64 * 1024 * 1024
#: How far into an XML part its root element must start (what comes before it is the
#: prolog, where a DTD would be; a longer prolog is padding meant to exhaust the checker).
MAX_PROLOG_BYTES = 1024 * 1024
#: Total uncompressed size of all members of a zip container.
MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
#: Members of a zip container.
MAX_MEMBERS = 10_000
#: Compression ratio above which a member larger than ``RATIO_MIN_BYTES`` is a bomb
#: (deflate cannot exceed about 1032:1, so only other methods and tricks get there).
MAX_RATIO = 1100
RATIO_MIN_BYTES = 1024 * 1024

_DECLARATIONS = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
_ENCODING_DECL = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._\-]+)["']""")
_SAFE_ENCODING = re.compile(
    r"^(utf-?8|utf-?16(-?[lb]e)?|us-ascii|ascii|iso-8859-\d+|iso8859-\d+|latin-?1"
    r"|windows-125\d|cp125\d)$",
    re.IGNORECASE,
)


def check_regular(path: Path, info: os.stat_result) -> None:
    """Refuse anything but a regular file (``not-a-file``): opening a named pipe blocks
    until someone writes to it, a device can be endless, a socket cannot be opened."""
    if stat.S_ISDIR(info.st_mode):
        raise UnsupportedFile(path, "is-directory")
    if not stat.S_ISREG(info.st_mode):
        raise UnsupportedFile(path, "not-a-file", _kind(info.st_mode))


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def read_capped(path: Path, max_bytes: int) -> bytes:
    """All bytes of ``path``, refusing files over ``max_bytes`` (even if they grew) and
    anything that is not a regular file (checked on the path, then again on the opened
    file, in case it was swapped in between)."""
    check_regular(path, path.stat())
    with path.open("rb") as fh:
        info = os.fstat(fh.fileno())
        check_regular(path, info)
        # Read what the file holds (not a buffer of max_bytes, which counts against a
        # memory ceiling), then whatever it grew by since, up to the cap.
        expected = min(info.st_size, max_bytes)
        data = fh.read(expected + 1)
        if len(data) > expected:
            data += fh.read(max_bytes + 1 - len(data))
    if len(data) > max_bytes:
        raise UnsupportedFile(path, "too-large", f"over {max_bytes} bytes")
    return data


def check_zip(path: Path, archive: zipfile.ZipFile, *, max_uncompressed: int) -> None:
    """Refuse zip bombs and path tricks in ``archive`` (reasons ``zip-bomb``, ``corrupt``)."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise UnsupportedFile(path, "zip-bomb", f"{len(members)} members")
    total = 0
    names: set[str] = set()
    for info in members:
        total += info.file_size
        if total > max_uncompressed:
            raise UnsupportedFile(path, "zip-bomb", f"over {max_uncompressed} bytes unpacked")
        if info.file_size > RATIO_MIN_BYTES and (
            info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            raise UnsupportedFile(path, "zip-bomb", f"{info.filename} ratio too high")
        if info.flag_bits & 0x1:
            raise UnsupportedFile(path, "encrypted", f"{info.filename} is encrypted")
        _check_member_name(path, info.filename)
        if info.filename in names:
            raise UnsupportedFile(path, "corrupt", f"duplicate member {info.filename}")
        names.add(info.filename)


def _check_member_name(path: Path, name: str) -> None:
    pure = PurePosixPath(name.replace("\\", "/"))
    if (
        not name
        or "\x00" in name
        or pure.is_absolute()
        or ".." in pure.parts
        or re.match(r"^[A-Za-z]:", name)
    ):
        raise UnsupportedFile(path, "corrupt", f"unsafe member name {name!r}")


def looks_like_xml(head: bytes) -> bool:
    """True if ``head`` (the first bytes of a member) starts like an XML document."""
    head = head.lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return head.startswith((b"<", b"\xfe\xff"))


def check_xml_part(path: Path, part: str, data: bytes) -> None:
    """Refuse an XML part that declares a DTD or entities, or hides behind its encoding."""
    if any(marker in data for marker in _DECLARATIONS):
        raise UnsupportedFile(path, "unsafe-xml", f"{part} declares a DTD or entities")
    declared = _ENCODING_DECL.match(data.lstrip(b"\xef\xbb\xbf"))
    if declared and not _SAFE_ENCODING.match(declared.group(1).decode("ascii")):
        raise UnsupportedFile(path, "unsafe-xml", f"{part} uses an unusual encoding")


# The start of a root element: "<" and a name character ("<?" and "<!" open the prolog's
# declarations, comments and the DTD, which can only come before the root).
_ROOT_START = re.compile(rb"<[A-Za-z_:]|<\x00[A-Za-z_:]\x00|\x00<\x00[A-Za-z_:]")
_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_PROLOG_CHUNK = 8192


def _has_root(data: bytes) -> bool:
    # Comments are removed first: "<a" inside a comment is not the root element, and an
    # unfinished comment means the root cannot have started yet.
    bare = _COMMENT.sub(b"", data)
    return b"<!--" not in bare and _ROOT_START.search(bare) is not None


def _prolog(path: Path, name: str, member: IO[bytes], head: bytes) -> bytes:
    """The member's bytes up to its root element: where a DTD or entities would have to be.

    Only this much is decompressed, so checking a large part costs little (UTF-8 and
    UTF-16 roots are both recognised). A root that does not start within
    ``MAX_PROLOG_BYTES`` is refused (``unsafe-xml``): nothing but padding gets there.
    """
    # The whole prolog is scanned again after each chunk (a comment can hide a "<" far
    # back); the cap keeps that at a few dozen MB of scanning in the worst case.
    data = head
    while not _has_root(data):
        chunk = member.read(_PROLOG_CHUNK)
        if not chunk:
            break
        data += chunk
        if len(data) > MAX_PROLOG_BYTES:
            raise UnsupportedFile(path, "unsafe-xml", f"{name}: no root element in its first MB")
    return data


def check_zip_xml_parts(path: Path, archive: zipfile.ZipFile) -> None:
    """Apply :func:`check_xml_part` to the prolog of every member that is (or looks like) XML."""
    for info in archive.infolist():
        if info.is_dir():
            continue
        with archive.open(info) as member:
            head = member.read(64)
            lower = info.filename.lower()
            if not (lower.endswith((".xml", ".rels")) or looks_like_xml(head)):
                continue
            data = _prolog(path, info.filename, member, head)
        check_xml_part(path, info.filename, data)


def check_part_size(path: Path, archive: zipfile.ZipFile, name: str) -> None:
    """Refuse (``too-large``) when the member ``name``, about to be parsed into a tree,
    unpacks to more than ``MAX_XML_PART_BYTES`` (zipfile stops at the declared size)."""
    try:
        size = archive.getinfo(name).file_size
    except KeyError:
        return
    if size > MAX_XML_PART_BYTES:
        raise UnsupportedFile(path, "too-large", f"{name} unpacks to {size} bytes")


_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def open_zip(path: Path, data: bytes, *, max_uncompressed: int) -> zipfile.ZipFile:
    """``data`` as a checked zip container, or a clear refusal.

    An Office file protected by a password is not a zip but an OLE2 file holding an
    ``EncryptedPackage`` stream (``encrypted``); another OLE2 file is a legacy binary
    format such as .doc (``unknown-format``).
    """
    if data.startswith(_OLE2_MAGIC):
        if _ENCRYPTED_PACKAGE in data:
            raise UnsupportedFile(path, "encrypted", "password-protected Office file")
        raise UnsupportedFile(path, "unknown-format", "legacy binary Office file")
    if not data.startswith(b"PK\x03\x04"):
        raise UnsupportedFile(path, "corrupt", "not a zip container")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        # No end-of-directory record behind a valid local header: the file was cut short.
        reason = "truncated" if "not a zip file" in str(exc) else "corrupt"
        raise UnsupportedFile(path, reason, str(exc)) from exc
    check_zip(path, archive, max_uncompressed=max_uncompressed)
    return archive


class ReadBudget:
    """A progress sink around another that also enforces a time budget for reading ``path``:
    its checks (``is_cancelled``, and every report) raise ``UnsupportedFile(path,
    "too-complex")`` once ``seconds`` have passed since it was made. Cancel still goes through
    the inner sink."""

    def __init__(self, inner: Progress, path: Path, seconds: float) -> None:
        self._inner = inner
        self._path = path
        self._seconds = seconds
        self._deadline = time.monotonic() + seconds

    def _check(self) -> None:
        if time.monotonic() > self._deadline:
            raise UnsupportedFile(
                self._path, "too-complex", f"reading took longer than {self._seconds:g} s"
            )

    def report(self, done: int, total: int, label: str = "") -> None:
        self._check()
        self._inner.report(done, total, label)

    def is_cancelled(self) -> bool:
        self._check()
        return self._inner.is_cancelled()
