"""Bounds on the work and memory a PDF may cost, applied around pdfminer.

* Before pdfminer parses anything, every compressed (Flate) stream the text extraction
  would decode is inflated once in 1 MB steps and thrown away, only to measure it: a stream
  unpacking to more than ``MAX_STREAM_BYTES``, or all of them together to more than
  ``MAX_INFLATED_BYTES``, is refused (``too-large``) — pdfminer itself inflates a stream
  whole, in memory. Image streams are not counted: pdfminer never decodes them for text.
* While a page is interpreted, a :class:`Budget` counts what it costs: content bytes parsed
  (the page's own streams plus every form XObject each time it is drawn), glyphs and
  other drawing operations. A page over ``MAX_PAGE_CONTENT_BYTES``, ``MAX_PAGE_GLYPHS`` or
  ``MAX_PAGE_OPERATIONS`` is refused (``too-complex``), so is a document whose glyphs add up
  to more than the longest accepted text: pdfminer's layout analysis of a page grows faster
  than its glyph count, and a small file can draw millions of them.

Streams encrypted with an empty user password are not zlib data before decryption: once
pdfminer has opened such a document, :func:`check_encrypted_streams` decrypts each Flate
stream (its compressed size, no more) and measures it the same way, before any page is
read; a PDF that needs a password is refused as ``encrypted`` before that.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pdfminer import pdfdocument
from pdfminer.converter import PDFPageAggregator
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, stream_value
from pdfminer.psparser import LIT
from pdfminer.utils import MATRIX_IDENTITY, Matrix

from app.coding.errors import UnsupportedFile
from app.coding.importing import safety

#: The most one compressed stream may unpack to.
MAX_STREAM_BYTES = 64 * 1024 * 1024
#: The most all compressed streams of a file together may unpack to.
MAX_INFLATED_BYTES = 256 * 1024 * 1024
#: Content parsed for one page (its streams and every form XObject it draws, each time).
MAX_PAGE_CONTENT_BYTES = 16 * 1024 * 1024
#: Glyphs drawn on one page (a dense A4 page in a small font holds about 10,000).
MAX_PAGE_GLYPHS = 100_000
#: Paths, images and operands on one page.
MAX_PAGE_OPERATIONS = 2_000_000
#: Glyphs and operations between two checks for Cancel and the time budget inside a page.
TICK = 4096


class FastArcfour:
    """RC4 for pdfminer's standard security handler, linear in the data. pdfminer's own
    ``Arcfour.process`` grows its output a byte at a time (quadratic): an RC4-encrypted
    PDF with 2 MB of streams took over two minutes to decrypt. Same bytes out."""

    def __init__(self, key: Sequence[int]) -> None:
        self._key = bytes(key)
        self._cipher: Any = None
        try:  # OpenSSL's RC4 where the key size is one it takes (40-256 bits, some sizes)
            from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
            from cryptography.hazmat.primitives.ciphers import Cipher

            self._cipher = Cipher(ARC4(self._key), mode=None).encryptor()
        except (ImportError, ValueError):
            self._cipher = None
        s = list(range(256))
        j = 0
        for i in range(256):
            j = (j + s[i] + self._key[i % len(self._key)]) % 256
            s[i], s[j] = s[j], s[i]
        self._s, self._i, self._j = s, 0, 0

    def process(self, data: bytes) -> bytes:
        if self._cipher is not None:
            return bytes(self._cipher.update(bytes(data)))
        s, i, j = self._s, self._i, self._j
        out = bytearray(len(data))
        for n, byte in enumerate(data):
            i = (i + 1) & 255
            j = (j + s[i]) & 255
            s[i], s[j] = s[j], s[i]
            out[n] = byte ^ s[(s[i] + s[j]) & 255]
        self._i, self._j = i, j
        return bytes(out)

    encrypt = decrypt = process


setattr(pdfdocument, "Arcfour", FastArcfour)  # noqa: B010 (a module attribute pdfminer reads)

_STREAM = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
_DICT_WINDOW = 4096
_STEP = 1024 * 1024


def check_streams(path: Path, data: bytes) -> None:
    """Refuse a PDF whose compressed streams unpack beyond the caps (see the module doc)."""
    view = memoryview(data)
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        head = data[max(0, match.start() - _DICT_WINDOW) : match.start()]
        dictionary = head[head.rfind(b"obj") + 1 :]
        if b"/Image" in dictionary or b"Flate" not in dictionary:
            continue
        end = data.find(b"endstream", start)
        size = _inflated_size(view[start : len(data) if end < 0 else end], path)
        total += size
        if total > MAX_INFLATED_BYTES:
            raise UnsupportedFile(path, "too-large", f"streams unpack to over {total} bytes")


def check_encrypted_streams(path: Path, document: Any) -> None:
    """:func:`check_streams` for a document pdfminer decrypts: every Flate stream that is
    not an image, decrypted and measured (see the module doc). ``document`` is pdfminer's
    ``PDFDocument``; does nothing for a document that is not encrypted."""
    if not getattr(document, "encryption", None):
        return
    total = 0
    seen: set[int] = set()
    for xref in document.xrefs:
        for objid in xref.get_objids():
            if objid in seen:
                continue
            seen.add(objid)
            try:
                obj = document.getobj(objid)
            except Exception:  # a damaged object: pdfminer will say so when it needs it
                continue
            if not isinstance(obj, PDFStream) or obj.rawdata is None:
                continue
            filters = [name for name, _ in obj.get_filters()]
            if obj.get("Subtype") is LIT("Image") or not any(
                f in LITERALS_FLATE_DECODE for f in filters
            ):
                continue
            data = obj.rawdata
            if obj.decipher and obj.objid is not None and obj.genno is not None:
                data = obj.decipher(obj.objid, obj.genno, data, obj.attrs)
            total += _inflated_size(memoryview(data), path)
            if total > MAX_INFLATED_BYTES:
                raise UnsupportedFile(path, "too-large", f"streams unpack to over {total} bytes")


def _inflated_size(raw: memoryview, path: Path) -> int:
    """How many bytes ``raw`` inflates to (0 if it is not zlib data), at most one step over
    ``MAX_STREAM_BYTES``, without holding more than one step of the output."""
    inflater = zlib.decompressobj()
    size = 0
    pending: bytes | memoryview = raw
    try:
        while pending and not inflater.eof:
            size += len(inflater.decompress(pending, _STEP))
            pending = inflater.unconsumed_tail
            if size > MAX_STREAM_BYTES:
                raise UnsupportedFile(path, "too-large", f"a stream unpacks to over {size} bytes")
    except zlib.error:
        return size  # damaged or not Flate after all: pdfminer decides what it is
    return size


class PageTooComplex(Exception):
    """Raised inside pdfminer's interpreter when a :class:`Budget` runs out."""

    def __init__(self, what: str, count: int) -> None:
        super().__init__(f"{what}: {count}")
        self.what = what
        self.count = count


class Budget:
    """What the current page (and the whole document, for glyphs) has cost so far.

    ``tick`` is called every :data:`TICK` glyphs or operations: the reader's check for
    Cancel and its time budget, so that neither waits for a heavy page to end."""

    def __init__(self, tick: Callable[[], None] | None = None) -> None:
        self.glyphs = 0
        self.operations = 0
        self.content = 0
        self.document_glyphs = 0
        self._tick = tick
        self._until_tick = TICK

    def _count(self, count: int) -> None:
        self._until_tick -= count
        if self._until_tick <= 0 and self._tick is not None:
            self._until_tick = TICK
            self._tick()

    def new_page(self) -> None:
        self.glyphs = self.operations = self.content = 0

    def glyph(self) -> None:
        self._count(1)
        self.glyphs += 1
        self.document_glyphs += 1
        if self.glyphs > MAX_PAGE_GLYPHS:
            raise PageTooComplex("glyphs on one page", self.glyphs)
        if self.document_glyphs > safety.MAX_TEXT_CHARS:
            raise PageTooComplex("glyphs in the document", self.document_glyphs)

    def operation(self, count: int = 1) -> None:
        self._count(count)
        self.operations += count
        if self.operations > MAX_PAGE_OPERATIONS:
            raise PageTooComplex("drawing operations on one page", self.operations)

    def parse(self, size: int) -> None:
        self.content += size
        if self.content > MAX_PAGE_CONTENT_BYTES:
            raise PageTooComplex("content bytes for one page", self.content)


class CountingAggregator(PDFPageAggregator):
    """pdfminer's layout device, counting every glyph, path and image into its budget."""

    def __init__(self, *args: Any, budget: Budget, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.budget = budget

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        self.budget.glyph()
        return float(super().render_char(*args, **kwargs))

    def paint_path(self, *args: Any, **kwargs: Any) -> None:
        self.budget.operation()
        super().paint_path(*args, **kwargs)

    def render_image(self, *args: Any, **kwargs: Any) -> None:
        self.budget.operation()
        super().render_image(*args, **kwargs)


class BoundedInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter charging content bytes and operands to the device's budget
    (form XObjects run in a copy of this class with the same device, so they are charged
    each time they are drawn)."""

    device: CountingAggregator

    def render_contents(
        self, resources: Any, streams: Sequence[object], ctm: Matrix = MATRIX_IDENTITY
    ) -> None:
        budget = self.device.budget
        for stream in streams:
            budget.parse(len(stream_value(stream).get_data() or b""))
        super().render_contents(resources, streams, ctm=ctm)

    def push(self, obj: Any) -> None:
        self.device.budget.operation()
        super().push(obj)
