"""Writers of real test files for the importers (no Qt here; Qt PDFs live in conftest)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import docx
from docx.enum.text import WD_BREAK

#: The ``qt_pdf`` fixture: ``write(path, paragraphs, *, new_page_before=())``.
PdfWriter = Callable[..., Path]

# --- .docx -----------------------------------------------------------------------------


def write_docx(
    path: Path,
    paragraphs: Sequence[str],
    *,
    table: Sequence[Sequence[str]] | None = None,
    table_after: int = 0,
    header: str | None = None,
    footer: str | None = None,
) -> Path:
    """A Word file: ``paragraphs`` ("\\n" inside one is a soft line break), an optional
    table placed after paragraph ``table_after``, an optional header and footer."""
    document = docx.Document()
    for index, text in enumerate(paragraphs):
        paragraph = document.add_paragraph()
        for number, line in enumerate(text.split("\n")):
            run = paragraph.add_run(line)
            if number < text.count("\n"):
                run.add_break(WD_BREAK.LINE)
        if table is not None and index + 1 == table_after:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        document.sections[0].footer.paragraphs[0].text = footer
    document.save(str(path))
    return path


def rewrite_zip(source: Path, target: Path, replace: dict[str, bytes], *, level: int = 6) -> Path:
    """Copy a zip container, replacing (or adding) members."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename not in replace:
                new.writestr(info, old.read(info))
        for name, data in replace.items():
            new.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=level)
    return target


BILLION_LAUGHS = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>
"""

# --- .odt ------------------------------------------------------------------------------

ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'office:version="1.2"'
)
ODT_MANIFEST = b"""<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
 manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/"
  manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def write_odt(path: Path, body_xml: str, *, prolog: str = "") -> Path:
    """A minimal valid ODT whose ``office:text`` holds ``body_xml``."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}'
        f"<office:document-content {ODT_NS}><office:body><office:text>"
        f"{body_xml}</office:text></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", ODT_MANIFEST)
    return path


# --- hand-made PDFs --------------------------------------------------------------------


def build_pdf(*pages: bytes, trailer_extra: bytes = b"", extra: Sequence[bytes] = ()) -> bytes:
    """A PDF with one A4 page per content stream in ``pages`` (Helvetica as /F1).

    Objects 1–3 are the catalog, the page tree and the font; ``extra`` objects are numbered
    from 4 on; ``trailer_extra`` goes into the trailer dictionary.
    """
    first_page = 4 + len(extra)
    kids = b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(len(pages)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        *extra,
    ]
    for index, content in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
            % (first_page + 2 * index + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1)
        + trailer_extra
        + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    )
    return out.getvalue()


def lines_at(lines: Sequence[bytes], *, top: int = 760) -> bytes:
    """A content stream showing each of ``lines`` (PDF string syntax) on its own line."""
    ops = [b"BT /F1 12 Tf 72 %d Td 16 TL" % top]
    ops += [b"(" + line + b") Tj T*" for line in lines]
    ops.append(b"ET")
    return b"\n".join(ops)


def text_pdf(lines: Sequence[bytes]) -> bytes:
    """A one-page PDF showing each of ``lines`` (PDF string syntax, WinAnsi) on its own line."""
    return build_pdf(lines_at(lines))


def encrypted_pdf() -> bytes:
    """A PDF whose standard security handler wants a user password we do not have."""
    encrypt = (
        b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
        b"/O <" + b"6a" * 32 + b"> /U <" + b"3c" * 32 + b"> >>"
    )
    return build_pdf(
        b"BT /F1 12 Tf 72 760 Td (rahasia) Tj ET",
        trailer_extra=b"/Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> "
        b"<0123456789abcdef0123456789abcdef>] ",
        extra=[encrypt],
    )
