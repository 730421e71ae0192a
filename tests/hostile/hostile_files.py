"""Hostile input files, small on disk, made on the spot (issue 13, item 2).

Each maker writes one file and returns its path. They are shared by the hostile-input
suite and by ``bench/hostile_imports.py``, which measures time and peak memory per class.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

_MB = 1024 * 1024


def _deflated(chunks: int, chunk: bytes) -> bytes:
    """``chunk`` repeated ``chunks`` times as one zlib stream, made in a moment: after a
    full flush deflate starts afresh, so every further chunk compresses to the same bytes;
    only the checksum at the end covers the whole."""
    packer = zlib.compressobj(9)
    first = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    end = packer.flush(zlib.Z_FINISH)[:-4]
    checksum = 1
    for _ in range(chunks):
        checksum = zlib.adler32(chunk, checksum)
    return first + again * (chunks - 1) + end + checksum.to_bytes(4, "big")


def pdf(objects: list[bytes]) -> bytes:
    """A PDF holding ``objects`` (numbered from 1; object 1 is the catalog) with a correct
    cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d /Filter /FlateDecode%s >>\nstream\n" % (len(data), extra) + (
        data + b"\nendstream"
    )


def _page_pdf(content: bytes) -> bytes:
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            content,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def glyph_flood_pdf(path: Path, glyphs: int = 3_000_000) -> Path:
    """A one-page PDF of a few dozen KB whose content stream draws ``glyphs`` glyphs."""
    lines = glyphs // 100
    body = b"BT /F1 1 Tf 10 800 Td 1 TL\n" + (b"(" + b"Ab" * 50 + b") '\n") * lines + b"ET"
    path.write_bytes(_page_pdf(_stream(zlib.compress(body, 9))))
    return path


def flate_bomb_pdf(path: Path, unpacked_mb: int = 2048) -> Path:
    """A PDF whose page content is a Flate stream unpacking to ``unpacked_mb`` MB."""
    text = b"BT /F1 12 Tf 72 720 Td (Lumbung warga) Tj ET\n"
    bomb = _deflated(unpacked_mb, text + b" " * (_MB - len(text)))
    path.write_bytes(_page_pdf(_stream(bomb)))
    return path


_CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    b'relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def inflating_docx(path: Path, unpacked_mb: int = 500) -> Path:
    """A .docx of a few hundred KB whose document part unpacks to ``unpacked_mb`` MB of
    paragraphs (it passes the zip caps: ratio below deflate's limit, total under 512 MB)."""
    paragraph = b"<w:p><w:r><w:t>Lumbung warga dibangun bersama.</w:t></w:r></w:p>"
    block = paragraph * (_MB // len(paragraph))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        with archive.open("word/document.xml", "w", force_zip64=False) as member:
            member.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<w:document xmlns:w="')
            member.write(_W + b'"><w:body>')
            for _ in range(unpacked_mb):
                member.write(block)
            member.write(b"</w:body></w:document>")
    path.write_bytes(buffer.getvalue())
    return path


def long_text(path: Path, characters: int) -> Path:
    """A transcript of ``characters`` characters (one byte each), in paragraphs."""
    line = "Informan: Lumbung warga dibangun bersama, semua ikut rapat di balai RW.\n\n"
    count, rest = divmod(characters, len(line))
    with path.open("w", encoding="utf-8", newline="") as fh:
        for _ in range(count // 1000):
            fh.write(line * 1000)
        fh.write(line * (count % 1000) + "x" * rest)
    return path


def sparse_file(path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no room on disk (a hole)."""
    with path.open("wb") as fh:
        fh.truncate(size)
    return path


# --- PDFs encrypted with an empty user password (standard security handler, RC4, R2) -------

_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")
_FILE_ID = b"\x01" * 16


def _rc4(key: bytes, data: bytes) -> bytes:
    from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
    from cryptography.hazmat.primitives.ciphers import Cipher

    encryptor = Cipher(ARC4(key), mode=None).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def _encrypted_pdf(objects: list[bytes], streams: dict[int, bytes]) -> bytes:
    """A PDF of ``objects`` (numbered from 1) whose stream objects (number → stream data,
    already filtered) are RC4-encrypted with an empty user password, as PDF 1.4 writers do
    for "no password to open, restrictions on printing" files (algorithms 3.1-3.4 of the
    PDF reference)."""
    import hashlib

    owner_key = hashlib.md5(b"pemilik" + _PAD[: 32 - 7]).digest()[:5]
    owner = _rc4(owner_key, _PAD)
    permissions = (-44).to_bytes(4, "little", signed=True)
    key = hashlib.md5(_PAD + owner + permissions + _FILE_ID).digest()[:5]
    user = _rc4(key, _PAD)
    bodies = list(objects)
    for number, data in streams.items():
        object_key = hashlib.md5(key + number.to_bytes(3, "little") + b"\0\0").digest()[:10]
        sealed = _rc4(object_key, data)
        bodies[number - 1] = (
            bodies[number - 1] % len(sealed) + b"\nstream\n" + sealed + (b"\nendstream")
        )
    encrypt_number = len(bodies) + 1
    bodies.append(
        b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <" + owner.hex().encode()
        + b"> /U <" + user.hex().encode() + b"> >>"
    )  # fmt: skip
    out = pdf(bodies)
    trailer = b"/Root 1 0 R"
    extra = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (
        encrypt_number, _FILE_ID.hex().encode(), _FILE_ID.hex().encode())  # fmt: skip
    return out.replace(trailer, trailer + extra, 1)


def _encrypted_page_pdf(content: bytes) -> bytes:
    return _encrypted_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ],
        {4: content},
    )


def encrypted_pdf(path: Path, line: str = "Informan: Lumbung warga dibangun bersama.") -> Path:
    """A PDF that opens without a password, its one page of text encrypted."""
    body = b"BT /F1 12 Tf 72 720 Td (" + line.encode("latin-1") + b") Tj ET"
    path.write_bytes(_encrypted_page_pdf(zlib.compress(body)))
    return path


def encrypted_flate_bomb_pdf(path: Path, unpacked_mb: int = 2048) -> Path:
    """:func:`flate_bomb_pdf` with its stream encrypted (empty user password), so that its
    compressed bytes cannot be measured before the document is opened."""
    text = b"BT /F1 12 Tf 72 720 Td (Lumbung warga) Tj ET\n"
    bomb = _deflated(unpacked_mb, text + b" " * (_MB - len(text)))
    path.write_bytes(_encrypted_page_pdf(bomb))
    return path
