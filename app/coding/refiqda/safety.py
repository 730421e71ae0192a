"""Opening REFI-QDA files from strangers: every check happens before anything is written.

A ``.qdpx`` is refused (:class:`ArchiveRefused`, with a stable ``reason``) when it cannot be
opened (``unreadable``), is not a zip (``not-a-zip``), is bigger than
:attr:`Limits.max_archive_bytes` or would inflate beyond :attr:`Limits.max_total_bytes`
(``too-large``), holds a member whose compression ratio is
beyond what deflate can produce (``zip-bomb``), holds too many members
(``too-many-members``), names a member with ``..`` (``path-escape``) or an absolute path or
drive (``absolute-path``), is encrypted (``encrypted``), has no ``.qde`` file or several
(``missing-qde``, ``several-qde``), or a damaged member (``corrupt``). XML is parsed with
defusedxml with DTDs forbidden, so entity tricks (billion laughs, external entities) are
``unsafe-xml``; malformed XML is ``invalid-xml``; a root other than the expected one is
``not-refi-qda``.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from app.coding.errors import TelaahError

#: Every reason an :class:`ArchiveRefused` can carry (besides :data:`FILE_REASONS`, which
#: an internal source may raise), declared once; the GUI and CLI have a sentence for each.
ARCHIVE_REASONS: tuple[str, ...] = (
    "unreadable",
    "not-a-zip",
    "too-large",
    "zip-bomb",
    "too-many-members",
    "path-escape",
    "absolute-path",
    "encrypted",
    "missing-qde",
    "several-qde",
    "corrupt",
    "unsafe-xml",
    "invalid-xml",
    "not-refi-qda",
    "too-complex",
)


class ArchiveRefused(TelaahError):
    """A REFI-QDA file cannot be read safely; ``reason`` is a stable key (module docs)."""

    def __init__(self, path: Path, reason: str, detail: str = "") -> None:
        super().__init__(f"{path.name}: refused, {reason}" + (f" ({detail})" if detail else ""))
        self.path = path
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Limits:
    """Caps applied to an archive before it is read."""

    max_archive_bytes: int = 4 * 1024**3
    max_total_bytes: int = 2 * 1024**3
    max_members: int = 20_000
    #: deflate cannot exceed about 1032:1; bigger ratios come from other methods or tricks.
    max_ratio: int = 1100
    ratio_min_bytes: int = 1024 * 1024
    #: The .qde itself, and any member Telaah reads into memory.
    max_member_bytes: int = 512 * 1024**2
    #: Seconds reading the whole archive may take, its embedded PDFs and Word files
    #: together (each still within one file's budget, :data:`app.coding.importing.safety.
    #: MAX_READ_SECONDS`): thousands of files each just under one file's budget would
    #: otherwise hold the import for days. Over it: ``too-complex``.
    max_read_seconds: float = 1800.0


_DRIVE = re.compile(r"^[A-Za-z]:")


def _check_name(path: Path, name: str) -> None:
    posix = name.replace("\\", "/")
    if "\x00" in name:
        raise ArchiveRefused(path, "path-escape", repr(name))
    if posix.startswith("/") or _DRIVE.match(posix):
        raise ArchiveRefused(path, "absolute-path", name)
    if ".." in PurePosixPath(posix).parts:
        raise ArchiveRefused(path, "path-escape", name)


class Archive:
    """A checked ``.qdpx``: its members by lower-cased name, read with size caps."""

    def __init__(self, path: Path, limits: Limits | None = None) -> None:
        self.path = Path(path)
        self.limits = limits or Limits()
        try:
            size = self.path.stat().st_size
        except OSError as exc:
            raise ArchiveRefused(self.path, "unreadable", exc.strerror or str(exc)) from exc
        if size > self.limits.max_archive_bytes:
            raise ArchiveRefused(self.path, "too-large", f"{size} bytes")
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ArchiveRefused(self.path, "not-a-zip", str(exc)) from exc
        try:
            self.members = self._check()
        except BaseException:
            self._zip.close()
            raise

    def _check(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        lim = self.limits
        if len(infos) > lim.max_members:
            raise ArchiveRefused(self.path, "too-many-members", str(len(infos)))
        total = 0
        members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            _check_name(self.path, info.filename)
            total += info.file_size
            if total > lim.max_total_bytes:
                raise ArchiveRefused(self.path, "too-large", f"over {lim.max_total_bytes} unpacked")
            if info.file_size > lim.ratio_min_bytes and (
                info.file_size > lim.max_ratio * max(info.compress_size, 1)
            ):
                raise ArchiveRefused(self.path, "zip-bomb", info.filename)
            if info.flag_bits & 0x1:
                raise ArchiveRefused(self.path, "encrypted", info.filename)
            if not info.is_dir():
                members[info.filename.replace("\\", "/").lower()] = info
        return members

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def qde_name(self) -> str:
        """The one project file (``project.qde`` or any single ``*.qde``)."""
        found = [name for name in self.members if name.endswith(".qde")]
        if not found:
            raise ArchiveRefused(self.path, "missing-qde")
        if len(found) > 1:
            top = [name for name in found if "/" not in name]
            if len(top) != 1:
                raise ArchiveRefused(self.path, "several-qde", ", ".join(sorted(found)[:3]))
            return top[0]
        return found[0]

    def read(self, name: str) -> bytes:
        """The bytes of member ``name`` (lower-cased key of :attr:`members`)."""
        info = self.members[name]
        if info.file_size > self.limits.max_member_bytes:
            raise ArchiveRefused(self.path, "too-large", info.filename)
        try:
            with self._zip.open(info) as member:
                data = member.read(info.file_size + 1)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise ArchiveRefused(self.path, "corrupt", f"{info.filename}: {exc}") from exc
        except NotImplementedError as exc:  # unknown compression method
            raise ArchiveRefused(self.path, "corrupt", f"{info.filename}: {exc}") from exc
        if len(data) > info.file_size:
            raise ArchiveRefused(self.path, "zip-bomb", info.filename)
        return data

    def find(self, uri: str) -> str | None:
        """The member a source path refers to, looked up case-insensitively in ``sources/``
        first, then anywhere in the archive; None if absent or outside the archive.

        ``internal://NAME`` is the standard's form. A bare relative path (``board_2017.txt``,
        ``Sources/a.txt``, written by tools such as ``qualitative-coding``) is resolved the
        same way before the source is called external; an absolute path or another scheme
        (``relative://``, ``absolute://``, ``file:``, ``C:\\…``) points outside.
        """
        lowered = uri.lower()
        if lowered.startswith("internal://"):
            rest = uri[len("internal://") :]
        elif "://" in uri or lowered.startswith("file:") or _is_absolute(uri):
            return None
        else:
            rest = uri
        rest = rest.replace("\\", "/").lower()
        rest = rest.removeprefix("./")
        base = rest.rsplit("/", 1)[-1]
        if not base:
            return None
        for candidate in (rest, f"sources/{base}"):
            if candidate in self.members:
                return candidate
        for name in self.members:
            if name.rsplit("/", 1)[-1] == base:
                return name
        return None


def _is_absolute(path: str) -> bool:
    posix = path.replace("\\", "/")
    return posix.startswith("/") or _DRIVE.match(posix) is not None


def parse_xml(path: Path, data: bytes) -> Element:
    """Parse untrusted XML: no DTD, no entities, no external references."""
    try:
        return SafeET.fromstring(data, forbid_dtd=True)  # type: ignore[no-any-return]
    except DefusedXmlException as exc:
        raise ArchiveRefused(path, "unsafe-xml", type(exc).__name__) from exc
    except (ParseError, ValueError, UnicodeError) as exc:
        raise ArchiveRefused(path, "invalid-xml", str(exc)[:200]) from exc
