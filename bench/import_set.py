"""Generated transcript files for the import benchmark, and the parsing libraries' own reading
of them (the baseline of SPEC §4's "within 1.5× the parsing library alone")."""

from __future__ import annotations

import random
import textwrap
from pathlib import Path

import docx
from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTTextContainer

from bench.corpus import TextMaker

#: Files per format and characters per file.
PLAN = {"txt": (8, 70_000), "docx": (8, 70_000), "pdf": (2, 40_000)}
_LINES_PER_PAGE = 48


def _pdf(paragraphs: list[str]) -> bytes:
    """A text PDF (Helvetica, A4), paragraphs wrapped at 95 characters, a blank line between."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [*textwrap.wrap(paragraph, 95), ""]
    pages = [lines[i : i + _LINES_PER_PAGE] for i in range(0, len(lines), _LINES_PER_PAGE)]
    n = len(pages)
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n)).encode()
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n)
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    for i, page in enumerate(pages):
        body = b"BT /F1 10 Tf 14 TL 56 790 Td "
        for line in page:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            body += b"(" + escaped.encode("cp1252") + b") Tj T* "
        body += b"ET"
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def write_import_set(folder: Path, *, seed: int = 11) -> dict[str, list[Path]]:
    """Write the files of :data:`PLAN` into ``folder``; returns the paths by format."""
    folder.mkdir(parents=True, exist_ok=True)
    maker = TextMaker(random.Random(seed))
    files: dict[str, list[Path]] = {}
    for fmt, (count, chars) in PLAN.items():
        for i in range(count):
            paragraphs = maker.transcript(chars=chars)
            path = folder / f"wawancara-{fmt}-{i + 1:02d}.{fmt}"
            if fmt == "txt":
                path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
            elif fmt == "docx":
                document = docx.Document()
                for paragraph in paragraphs:
                    document.add_paragraph(paragraph)
                document.save(str(path))
            else:
                path.write_bytes(_pdf(paragraphs))
            files.setdefault(fmt, []).append(path)
    return files


def library_read(path: Path) -> int:
    """Read ``path`` with the parsing library alone; returns the characters it produced."""
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return len(path.read_bytes().decode("utf-8"))
    if suffix == ".docx":
        return sum(len(p.text) for p in docx.Document(str(path)).paragraphs)
    total = 0
    for page in extract_pages(str(path), laparams=LAParams(all_texts=True)):
        for item in page:
            if isinstance(item, LTTextContainer):
                total += len(item.get_text())
    return total
