"""The .docx reader opens only the main document part, and the text cleaning runs over the
whole text at once; both must give exactly the text the earlier reading gave.

The reference readings here are the earlier ones: python-docx's ``Document`` (which parses
every part of the package) walked by the same rules, and the per-paragraph cleaning with
``str.translate`` over the control-character map.
"""

from __future__ import annotations

import random
import re
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from _import_files import rewrite_zip, write_docx

from app.coding.errors import UnsupportedFile
from app.coding.importing import base, extract
from app.coding.importing import docx as docx_reader

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "sample_transcripts").glob("*.docx"))

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: Body XML with every construct the reader has a rule for: content controls, hyperlinks,
#: tracked insertions and deletions, simple and complex fields, a text box, tabs, breaks,
#: a non-breaking hyphen, a table with an empty row, smart tags and custom XML.
_BODY = (
    "<w:body><w:p><w:r><w:t>Peneliti: Bagaimana</w:t></w:r><w:r><w:tab/>"
    '<w:t xml:space="preserve"> awalnya </w:t></w:r><w:hyperlink r:id="rId99"><w:r><w:t>'
    "tautan</w:t></w:r></w:hyperlink></w:p><w:sdt><w:sdtContent><w:p><w:r><w:t>"
    "Informan: Dalam kontrol</w:t></w:r><w:r><w:br/><w:t>baris dua</w:t></w:r></w:p>"
    "</w:sdtContent></w:sdt><w:p><w:ins><w:r><w:t>disisipkan </w:t></w:r></w:ins><w:del><w:r>"
    "<w:delText>dihapus</w:delText></w:r></w:del><w:r><w:t>tetap</w:t></w:r></w:p><w:p><w:r>"
    '<w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r>'
    '<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r>'
    '<w:fldChar w:fldCharType="end"/></w:r><w:fldSimple w:instr="DATE"><w:r><w:t>'
    "12 Maret 2021</w:t></w:r></w:fldSimple><w:r><w:noBreakHyphen/><w:t>x</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Sebelum kotak</w:t></w:r><w:r><w:pict>"
    '<v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r>'
    "<w:t>dalam kotak teks</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>"
    "</w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Nama</w:t></w:r></w:p></w:tc><w:tc><w:p>"
    "<w:r><w:t>Peran</w:t></w:r></w:p><w:p><w:r><w:t>kedua</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr><w:customXml><w:tr><w:tc><w:p><w:r>"
    "<w:t>Bu Siti</w:t></w:r></w:p></w:tc><w:tc><w:p><w:smartTag><w:r><w:t>Lurah</w:t></w:r>"
    "</w:smartTag></w:p></w:tc></w:tr></w:customXml></w:tbl><w:customXml><w:p><w:r><w:t>"
    "P: Terima kasih \u2028 “banyak” — café</w:t></w:r></w:p></w:customXml><w:p><w:r><w:t>"
    'Halaman</w:t><w:br w:type="page"/><w:t>baru</w:t></w:r></w:p><w:sectPr/></w:body>'
)


def _earlier(path: Path) -> list[str]:
    """The raw paragraphs as read before: python-docx's ``Document`` parsing the package."""
    return list(docx_reader._blocks(docx.Document(str(path)).element.body))


def _now(path: Path) -> list[str]:
    return docx_reader.read_docx(path, path.read_bytes(), max_uncompressed=1 << 30)


def _rich_docx(tmp_path: Path) -> Path:
    plain = write_docx(tmp_path / "plain.docx", ["x"], header="Kop", footer="Kaki")
    with zipfile.ZipFile(plain) as archive:
        xml = archive.read("word/document.xml").decode("utf-8")
    start, end = xml.index("<w:body>"), xml.index("</w:body>") + len("</w:body>")
    xml = xml[:start] + _BODY + xml[end:]
    assert f'xmlns:w="{_W_NS}"' in xml
    return rewrite_zip(plain, tmp_path / "kaya fitur — é.docx", {"word/document.xml": xml.encode()})


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_sample_study_reads_as_before(path: Path) -> None:
    assert _now(path) == _earlier(path)
    assert extract(path).text == base.assemble(_earlier(path), format="docx", encoding=None).text


def test_every_construct_reads_as_before(tmp_path: Path) -> None:
    path = _rich_docx(tmp_path)
    raw = _now(path)
    assert raw == _earlier(path)
    text = extract(path).text
    assert "dalam kotak teks" not in text and "dihapus" not in text and "PAGE" not in text
    assert "Kop" not in text and "Kaki" not in text
    assert "Nama | Peran kedua\nBu Siti | Lurah" in text
    assert "Informan: Dalam kontrol\nbaris dua" in text
    assert "Halaman\nbaru" in text


def test_generated_transcripts_read_as_before(tmp_path: Path) -> None:
    rng = random.Random(4)
    words = ["warga", "lurah", "musyawarah", "“relawan”", "café", "Ñandú", "👩🏽‍⚕️", "posyandu"]
    for i in range(5):
        paragraphs = [
            f"{rng.choice(['Peneliti', 'Informan', 'P', 'I'])}: "
            + "\n".join(" ".join(rng.choices(words, k=rng.randint(1, 12))) for _ in range(3))
            for _ in range(rng.randint(1, 60))
        ]
        table = [["a", "b"], ["", "c d"]] if i % 2 else None
        path = write_docx(tmp_path / f"t{i}.docx", paragraphs, table=table, table_after=1)
        assert _now(path) == _earlier(path)


def test_a_package_whose_main_part_is_not_a_word_document_is_refused(tmp_path: Path) -> None:
    plain = write_docx(tmp_path / "a.docx", ["Peneliti: halo"])
    with zipfile.ZipFile(plain) as archive:
        types = archive.read("[Content_Types].xml").decode("utf-8")
    macro = types.replace(
        "wordprocessingml.document.main+xml", "wordprocessingml.template.main+xml"
    )
    assert macro != types
    path = rewrite_zip(plain, tmp_path / "templat.docx", {"[Content_Types].xml": macro.encode()})
    with pytest.raises(UnsupportedFile) as caught:
        extract(path)
    assert caught.value.reason == "corrupt"
    with pytest.raises(ValueError, match="not a Word file"):
        docx.Document(str(path))  # python-docx refuses it too


def test_a_package_without_a_main_document_is_refused(tmp_path: Path) -> None:
    plain = write_docx(tmp_path / "a.docx", ["Peneliti: halo"])
    with zipfile.ZipFile(plain) as archive:
        rels = archive.read("_rels/.rels").decode("utf-8")
    broken = re.sub(r'<Relationship [^>]*officeDocument"[^>]*/>', "", rels)
    assert broken != rels
    path = rewrite_zip(plain, tmp_path / "tanpa-isi.docx", {"_rels/.rels": broken.encode()})
    with pytest.raises(UnsupportedFile) as caught:
        extract(path)
    assert caught.value.reason == "corrupt"


# --- the cleaning --------------------------------------------------------------------

_SURROGATES = re.compile("[\ud800-\udfff]")


def _earlier_clean(raw: str) -> list[str]:
    """The per-paragraph cleaning as it was: translate over the map, drop surrogates."""
    raw = raw.replace("\r\n", "\n")
    raw = _SURROGATES.sub("", raw.translate(base._CONTROL_MAP))
    pieces = []
    for chunk in raw.split("\f"):
        piece = "\n".join(line for line in (x.strip() for x in chunk.split("\n")) if line)
        if piece:
            pieces.append(unicodedata.normalize("NFC", piece))
    return pieces


def test_the_pattern_finds_exactly_the_characters_the_map_changes() -> None:
    changing = {c for c, to in base._CONTROL_MAP.items() if to != chr(c)}
    changing.update(range(0xD800, 0xE000))
    found = {c for c in range(0x110000) if base._CHANGING.match(chr(c))}
    assert found == changing


def test_cleaning_the_whole_text_equals_cleaning_each_paragraph() -> None:
    rng = random.Random(11)
    alphabet = [
        *"abc XYZ.,:\t\n\r",
        *map(chr, [*range(0x00, 0x20), *range(0x7F, 0xA1)]),
        "\r\n",
        "\u2028",
        "\u2029",
        "\ufeff",
        "\ud800",
        "\udfff",
        "e\u0301",
        "é",
        "“",
        "😀",
    ]
    for _ in range(300):
        raws = ["".join(rng.choices(alphabet, k=rng.randint(0, 40))) for _ in range(5)]
        expected = [p for raw in raws for p in _earlier_clean(raw)]
        assert base.clean_text("\f".join(raws)) == expected
        assert base.assemble(raws, format="txt", encoding=None).text == "\n\n".join(expected)
