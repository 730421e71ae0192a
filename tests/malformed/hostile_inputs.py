"""Generators of hostile and broken input files (used by this folder's tests and fixtures).

Every generator writes a *valid* file first (a Word file by python-docx, an OpenDocument
file and a PDF written by hand here) and then breaks it in one precise way, so a refusal can
only come from the defect. :data:`HOSTILE` maps a case name to its writer and to the
refusal reasons (``UnsupportedFile.reason`` keys) the importer may give for it.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx

LINES = (
    "Peneliti: Bagaimana warga ikut membersihkan saluran air?",
    "Informan: Kami kerja bakti setiap Minggu pagi, ibu-ibu PKK menyiapkan konsumsi.",
)

# --- valid originals ------------------------------------------------------------------------


def docx_bytes(lines: tuple[str, ...] = LINES) -> bytes:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_ODT_CONTENT = (
    '<?xml version="1.0" encoding="UTF-8"?>\n{doctype}'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:text>{body}</office:text></office:body></office:document-content>"
)
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def odt_content(body: str | None = None, doctype: str = "") -> bytes:
    if body is None:
        body = "".join(f"<text:p>{line}</text:p>" for line in LINES)
    return _ODT_CONTENT.format(doctype=doctype, body=body).encode("utf-8")


def odt_bytes(content: bytes | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"),
            b"application/vnd.oasis.opendocument.text",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("content.xml", odt_content() if content is None else content)
        archive.writestr("META-INF/manifest.xml", _MANIFEST)
        for name, data in (extra or {}).items():
            archive.writestr(zipfile.ZipInfo(name), data)
    return buffer.getvalue()


def pdf_bytes(
    content: bytes | None = None, *, encrypt: bool = False, break_xref: bool = False
) -> bytes:
    """A one-page PDF with a Helvetica text layer (or the given page ``content``)."""
    if content is None:
        shown = b"".join(b"(" + line.encode("latin-1") + b") Tj 0 -18 Td " for line in LINES)
        content = b"BT /F1 11 Tf 72 770 Td " + shown + b"ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    trailer_extra = b""
    if encrypt:
        # Standard security handler, revision 2, with a user password that is not empty.
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <"
            + b"3a" * 32
            + b"> /U <"
            + b"5c" * 32
            + b"> >>"
        )
        trailer_extra = b" /Encrypt 6 0 R /ID [<" + b"01" * 16 + b"> <" + b"01" * 16 + b">]"
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\n" % (len(objects) + 1, trailer_extra)
    if break_xref:
        # The table is overwritten with garbage and startxref points into the middle of it.
        table_end = out.index(b"trailer")
        out[xref_at:table_end] = b"x" * (table_end - xref_at)
        xref_at += 7
    out += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(out)


def rtf_bytes() -> bytes:
    body = "\\par\n".join(LINES)
    return ("{\\rtf1\\ansi\\ansicpg1252{\\fonttbl\\f0 Arial;}\\f0 " + body + "\\par}").encode()


def rewrite_zip(
    data: bytes, replace: dict[str, bytes], add: dict[str, bytes] | None = None
) -> bytes:
    """A copy of the zip ``data`` with members replaced and extra members added (names kept
    exactly as given, even absolute or with ``..``)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, replace.get(info.filename, source.read(info)))
        for name, member in (add or {}).items():
            target.writestr(zipfile.ZipInfo(name), member)
    return buffer.getvalue()


def zip_bomb(first: tuple[str, bytes], bomb_name: str, unpacked: int) -> bytes:
    """A small zip whose member ``bomb_name`` inflates to ``unpacked`` bytes of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo(first[0]), first[1])
        info = zipfile.ZipInfo(bomb_name)
        info.compress_type = zipfile.ZIP_DEFLATED
        chunk = b"\0" * (1 << 20)
        with archive.open(info, "w", force_zip64=True) as member:
            for _ in range(unpacked // len(chunk)):
                member.write(chunk)
    return buffer.getvalue()


# --- hostile cases --------------------------------------------------------------------------

BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>'
)
XXE = '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
#: Unpacked size of the real zip bombs: just over the importer's 512 MiB cap.
BOMB_BYTES = 520 * 1024 * 1024


def _docx_with_document(xml: bytes) -> bytes:
    return rewrite_zip(docx_bytes(), {"word/document.xml": xml})


def _document_xml() -> bytes:
    return zipfile.ZipFile(io.BytesIO(docx_bytes())).read("word/document.xml")


def _docx_entity_doc(doctype: str, ref: str) -> bytes:
    original = _document_xml().decode("utf-8")
    head, sep, rest = original.partition("?>")
    xml = head + sep + doctype + rest.replace(LINES[0], LINES[0] + " " + ref, 1)
    return _docx_with_document(xml.encode("utf-8"))


@dataclass(frozen=True)
class Hostile:
    """A broken input: its file name, a writer of it, and the acceptable refusal reasons."""

    name: str
    write: Callable[[Path], object]
    reasons: tuple[str, ...]


def _bytes(data: Callable[[], bytes]) -> Callable[[Path], object]:
    return lambda path: path.write_bytes(data())


def _cut(data: Callable[[], bytes]) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        whole = data()
        path.write_bytes(whole[: len(whole) // 2])

    return write


def _sparse(path: Path) -> None:
    with path.open("wb") as fh:
        fh.write(b"Informan: awal berkas yang sangat besar.\n")
        fh.truncate(201 * 1024 * 1024)  # sparse: no disk blocks are written


def _directory(path: Path) -> None:
    path.mkdir()
    (path / "isi.txt").write_text("Informan: di dalam folder\n", encoding="utf-8")


def _many_members(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i in range(10_001):
            archive.writestr(zipfile.ZipInfo(f"word/m{i}.xml"), b"")
    path.write_bytes(buffer.getvalue())


def _office_encrypted(path: Path) -> None:
    # The start of an OLE2 compound file holding an EncryptedPackage stream (what Word writes
    # for a password-protected .docx).
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
    path.write_bytes(header + "EncryptedPackage".encode("utf-16-le") + b"\0" * 1024)


#: Name of a file a path trick inside an archive would create outside the archive.
EVIL_NAME = f"telaah-evil-{uuid.uuid4().hex}.txt"

HOSTILE: tuple[Hostile, ...] = (
    Hostile("terpotong.docx", _cut(docx_bytes), ("truncated",)),
    Hostile("terpotong.pdf", _cut(pdf_bytes), ("truncated",)),
    Hostile("terpotong.odt", _cut(odt_bytes), ("truncated",)),
    Hostile("terpotong.rtf", _cut(rtf_bytes), ("truncated",)),
    *(
        Hostile(f"kosong.{ext}", lambda p: p.write_bytes(b""), ("empty",))
        for ext in ("txt", "md", "docx", "pdf", "odt", "rtf")
    ),
    Hostile("hanya-spasi.txt", lambda p: p.write_bytes(b" \n\t\r\n  \n"), ("empty",)),
    Hostile("terkunci.pdf", _bytes(lambda: pdf_bytes(encrypt=True)), ("encrypted",)),
    Hostile("terkunci.docx", _office_encrypted, ("encrypted",)),
    Hostile(
        "hasil-pindai.pdf",
        _bytes(lambda: pdf_bytes(b"0.2 0.4 0.8 rg 72 400 300 200 re f")),
        ("needs-ocr",),
    ),
    Hostile("rusak-xref.pdf", _bytes(lambda: pdf_bytes(break_xref=True)), ("corrupt",)),
    Hostile(
        "bom.docx",
        _bytes(lambda: zip_bomb(("[Content_Types].xml", b"<x/>"), "word/document.xml", BOMB_BYTES)),
        ("zip-bomb",),
    ),
    Hostile(
        "bom.odt",
        _bytes(
            lambda: zip_bomb(
                ("mimetype", b"application/vnd.oasis.opendocument.text"), "content.xml", BOMB_BYTES
            )
        ),
        ("zip-bomb",),
    ),
    Hostile("banyak-anggota.docx", _many_members, ("zip-bomb",)),
    Hostile(
        "tawa-miliar.docx",
        _bytes(lambda: _docx_entity_doc(BILLION_LAUGHS, "&lol9;")),
        ("unsafe-xml",),
    ),
    Hostile(
        "tawa-miliar.odt",
        _bytes(lambda: odt_bytes(odt_content("<text:p>&lol9;</text:p>", BILLION_LAUGHS))),
        ("unsafe-xml",),
    ),
    Hostile("xxe.docx", _bytes(lambda: _docx_entity_doc(XXE, "&xxe;")), ("unsafe-xml",)),
    Hostile(
        "xxe.odt",
        _bytes(lambda: odt_bytes(odt_content("<text:p>&xxe;</text:p>", XXE))),
        ("unsafe-xml",),
    ),
    Hostile(
        "jalan-relatif.docx",
        _bytes(lambda: rewrite_zip(docx_bytes(), {}, {f"../../{EVIL_NAME}": b"jahat"})),
        ("corrupt",),
    ),
    Hostile(
        "jalan-absolut.docx",
        _bytes(lambda: rewrite_zip(docx_bytes(), {}, {f"/tmp/{EVIL_NAME}": b"jahat"})),
        ("corrupt",),
    ),
    Hostile(
        "jalan-relatif.odt",
        _bytes(lambda: odt_bytes(extra={f"../../{EVIL_NAME}": b"jahat"})),
        ("corrupt",),
    ),
    Hostile(
        "xml-rusak.docx",
        _bytes(lambda: _docx_with_document(_document_xml().replace(b"</w:p>", b"", 1))),
        ("corrupt",),
    ),
    Hostile(
        "xml-rusak.odt",
        _bytes(lambda: odt_bytes(odt_content().replace(b"</text:p>", b"", 1))),
        ("corrupt",),
    ),
    Hostile(
        "utf8-rusak.txt",
        lambda p: p.write_bytes(b"Informan: kami " + b"\xc3\x28\xa0\xa1 gotong royong\n"),
        ("encoding",),
    ),
    Hostile("biner.txt", lambda p: p.write_bytes(bytes(range(256)) * 8), ("encoding",)),
    Hostile("folder.docx", _directory, ("is-directory",)),
    Hostile("besar.txt", _sparse, ("too-large",)),
    Hostile("catatan.xyz", lambda p: p.write_text("Informan: halo\n"), ("unknown-format",)),
    Hostile("tanpa-akhiran", lambda p: p.write_text("Informan: halo\n"), ("unknown-format",)),
    Hostile("sebenarnya-pdf.docx", _bytes(pdf_bytes), ("corrupt",)),
    Hostile("sebenarnya-docx.odt", _bytes(docx_bytes), ("unknown-format", "corrupt")),
)
