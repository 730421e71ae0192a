"""Writers of hand-made REFI-QDA files in the shapes other tools produce (tests only)."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path

from lxml import etree

#: The official QDA-XML 1.0 project schema (MIT licence), copied unchanged.
SCHEMA_PATH = Path(__file__).with_name("Project-mrt2019.xsd")


def schema_path() -> Path:
    return SCHEMA_PATH


def project_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(schema_path())))


def codebook_schema() -> etree.XMLSchema:
    """The codebook part of the project schema, in the codebook namespace, with ``CodeBook``
    as root (no clean official Codebook.xsd circulates)."""
    text = schema_path().read_text(encoding="utf-8")
    text = text.replace("urn:QDA-XML:project:1.0", "urn:QDA-XML:codebook:1.0")
    text = text.replace(
        '<xsd:element name="Project" type="ProjectType">',
        '<xsd:element name="CodeBook" type="CodeBookType"/>\n'
        '<xsd:element name="Project" type="ProjectType">',
    )
    return etree.XMLSchema(etree.fromstring(text.encode("utf-8")))


def write_qdpx(
    path: Path,
    qde: str | bytes,
    files: Mapping[str, bytes] | None = None,
    *,
    qde_name: str = "project.qde",
    compression: int = zipfile.ZIP_DEFLATED,
) -> Path:
    """A .qdpx holding ``qde`` under ``qde_name`` and ``files`` (archive name → bytes)."""
    data = qde.encode("utf-8") if isinstance(qde, str) else qde
    with zipfile.ZipFile(path, "w", compression) as archive:
        archive.writestr(qde_name, data)
        for name, content in (files or {}).items():
            archive.writestr(name, content)
    return path


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units (how NVivo counts positions)."""
    return len(text.encode("utf-16-le")) // 2


def units(text: str, needle: str) -> tuple[int, int]:
    """UTF-16 start/end of the first ``needle`` in ``text``."""
    index = text.index(needle)
    return utf16_len(text[:index]), utf16_len(text[: index + len(needle)])


#: A text whose codings are skipped for every reason a coding can be (see ``skips_qdpx``).
SKIPS_TEXT = "Warga membuka posko banjir bersama. Ibu-ibu memasak di dapur umum."


def skips_qdpx(path: Path) -> Path:
    """A .qdpx whose one source has a coding twice (duplicate), a coding of a code the file
    does not define, one naming no code, one on an empty span and one with a position that
    is no number: each is skipped, and the report must say which coding it was."""
    posko = SKIPS_TEXT.index("posko banjir")
    dapur = SKIPS_TEXT.index("dapur umum")
    c1, c2 = "a3000000-0000-4000-8000-000000000001", "a3000000-0000-4000-8000-000000000002"
    ghost = "a3000000-0000-4000-8000-0000000000ff"
    sel = [f"c3000000-0000-4000-8000-0000000000{n:02d}" for n in range(20)]

    def coding(n: int, code: str | None) -> str:
        ref = f'<CodeRef targetGUID="{code}"/>' if code else ""
        return f'<Coding guid="{sel[10 + n]}">{ref}</Coding>'

    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Lewat" origin="Contoh 1.0">
 <CodeBook><Codes><Code guid="{c1}" name="Posko" isCodable="true"/>
  <Code guid="{c2}" name="Dapur umum" isCodable="true"/></Codes></CodeBook>
 <Sources><TextSource guid="b3000000-0000-4000-8000-000000000001" name="INF04">
  <PlainTextContent>{SKIPS_TEXT}</PlainTextContent>
  <PlainTextSelection guid="{sel[0]}" startPosition="{posko}" endPosition="{posko + 12}">
   {coding(0, c1)}{coding(1, c1)}</PlainTextSelection>
  <PlainTextSelection guid="{sel[1]}" startPosition="{dapur}" endPosition="{dapur + 10}">
   {coding(2, ghost)}{coding(3, None)}</PlainTextSelection>
  <PlainTextSelection guid="{sel[2]}" startPosition="10" endPosition="10">
   {coding(4, c2)}</PlainTextSelection>
  <PlainTextSelection guid="{sel[3]}" startPosition="x" endPosition="7">
   {coding(5, c1)}</PlainTextSelection>
 </TextSource></Sources></Project>"""
    return write_qdpx(path, qde)


def warns_qdpx(path: Path) -> Path:
    """A .qdpx with a source known only as .docx whose selection positions are therefore
    approximate (a warning: it is imported), a picture and a set (both skipped)."""
    import io

    import docx

    document = docx.Document()
    document.add_paragraph("Informan: Kami rapat di balai warga.")
    buffer = io.BytesIO()
    document.save(buffer)
    code, source = "a4000000-0000-4000-8000-000000000001", "b4000000-0000-4000-8000-000000000001"
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Peringatan" origin="Contoh 1.0">
 <CodeBook><Codes><Code guid="{code}" name="Rapat" isCodable="true"/></Codes></CodeBook>
 <Sources>
  <TextSource guid="{source}" name="Rapat.docx" richTextPath="internal://{source}.docx">
   <PlainTextSelection guid="c4000000-0000-4000-8000-000000000001" startPosition="10"
    endPosition="15"><Coding guid="c4000000-0000-4000-8000-000000000002">
    <CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>
  </TextSource>
  <PictureSource guid="b4000000-0000-4000-8000-000000000002" name="Foto balai"
   path="internal://b4000000-0000-4000-8000-000000000002.jpg"/>
 </Sources>
 <Sets><Set guid="d4000000-0000-4000-8000-000000000001" name="Warga"/></Sets>
</Project>"""
    return write_qdpx(path, qde, {f"sources/{source}.docx": buffer.getvalue()})
