"""Bad input is refused with a stable reason, and no parser exception ever escapes."""

from __future__ import annotations

import os
import random
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from _import_files import (
    BILLION_LAUGHS,
    PdfWriter,
    build_pdf,
    encrypted_pdf,
    rewrite_zip,
    text_pdf,
    write_docx,
    write_odt,
)

from app.coding.errors import UnsupportedFile
from app.coding.importing import FORMATS, extract, os_error_reason


def refusal(path: Path, **caps: int) -> str:
    with pytest.raises(UnsupportedFile) as caught:
        extract(path, **caps)
    assert caught.value.path == path
    assert "\n" not in str(caught.value)
    return caught.value.reason


@pytest.fixture
def docx_file(tmp_path: Path) -> Path:
    return write_docx(tmp_path / "asli.docx", ["Peneliti: Halo", "Informan: Halo juga"])


# --- the file itself -------------------------------------------------------------------


@pytest.mark.parametrize("suffix", sorted(FORMATS))
def test_zero_byte_file_of_each_type_is_empty(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"kosong{suffix}"
    path.write_bytes(b"")
    assert refusal(path) == "empty"


def test_text_without_any_words_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "spasi.txt"
    path.write_bytes("\ufeff \r\n\t\u00a0\n".encode())
    assert refusal(path) == "empty"


def test_a_folder_named_like_a_document(tmp_path: Path) -> None:
    folder = tmp_path / "x.docx"
    folder.mkdir()
    assert refusal(folder) == "is-directory"


def test_missing_file(tmp_path: Path) -> None:
    assert refusal(tmp_path / "tidak ada.pdf") == "not-found"


@pytest.mark.parametrize("name", ["rekaman.mp3", "catatan", "data.xlsx"])
def test_unknown_formats(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"isi sembarang")
    assert refusal(path) == "unknown-format"


@pytest.mark.parametrize("name", ["wawancara.doc", "Wawancara.DOCM", "catatan.pages", "x.wpd"])
def test_word_processor_files_to_convert_first(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"isi sembarang")
    assert refusal(path) == "convert-first"


def test_file_over_the_size_cap_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "besar.txt"
    path.write_bytes(b"kata " * 100)
    assert refusal(path, max_bytes=499) == "too-large"
    assert extract(path, max_bytes=500).text.startswith("kata kata")


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "rahasia.txt"
    path.write_text("Peneliti: halo", encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # running as root: permissions do not apply
            assert os_error_reason(PermissionError(13, "Permission denied")) == "no-permission"
        else:
            assert refusal(path) == "no-permission"
    finally:
        path.chmod(0o600)


# --- .docx / .odt ----------------------------------------------------------------------


def test_truncated_docx(tmp_path: Path, docx_file: Path) -> None:
    path = tmp_path / "potong.docx"
    path.write_bytes(docx_file.read_bytes()[: docx_file.stat().st_size // 2])
    assert refusal(path) == "truncated"


def test_docx_zip_bomb(tmp_path: Path, docx_file: Path) -> None:
    path = rewrite_zip(docx_file, tmp_path / "bom.docx", {"word/media/a.bin": b"\0" * 3_000_000})
    assert path.stat().st_size < 100_000
    assert refusal(path, max_uncompressed=2_000_000) == "zip-bomb"


def test_docx_with_entity_declarations(tmp_path: Path, docx_file: Path) -> None:
    path = rewrite_zip(docx_file, tmp_path / "lol.docx", {"word/document.xml": BILLION_LAUGHS})
    assert refusal(path) == "unsafe-xml"


def test_docx_with_a_dtd_behind_a_long_prolog(tmp_path: Path, docx_file: Path) -> None:
    # Only the prolog is scanned: a DTD after 50 kB of comments is still inside it.
    padding = b"<!-- <w:document> " + b"x" * 50_000 + b" -->\n"
    xml = BILLION_LAUGHS.replace(b"<!DOCTYPE", padding + b"<!DOCTYPE", 1)
    path = rewrite_zip(docx_file, tmp_path / "lol-late.docx", {"word/document.xml": xml})
    assert refusal(path) == "unsafe-xml"


def test_docx_with_a_dtd_hidden_in_utf16(tmp_path: Path, docx_file: Path) -> None:
    xml = BILLION_LAUGHS.decode().replace("UTF-8", "UTF-16").encode("utf-16")
    path = rewrite_zip(docx_file, tmp_path / "lol16.docx", {"word/styles.xml": xml})
    assert refusal(path) == "unsafe-xml"


def test_docx_with_xml_that_is_not_well_formed(tmp_path: Path, docx_file: Path) -> None:
    broken = b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p>'
    path = rewrite_zip(docx_file, tmp_path / "rusak.docx", {"word/document.xml": broken})
    assert refusal(path) == "corrupt"


def test_docx_with_a_path_trick_inside(tmp_path: Path, docx_file: Path) -> None:
    path = rewrite_zip(docx_file, tmp_path / "jalan.docx", {"../../luar.xml": b"<a/>"})
    assert refusal(path) == "corrupt"


def test_docx_that_is_really_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "salah.docx"
    path.write_bytes(text_pdf([b"Halo"]))
    assert refusal(path) == "corrupt"


def test_password_protected_word_file(tmp_path: Path) -> None:
    path = tmp_path / "terkunci.docx"
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500
    path.write_bytes(ole + "EncryptedPackage".encode("utf-16-le") + b"\0" * 500)
    assert refusal(path) == "encrypted"
    path.write_bytes(ole + b"WordDocument")
    assert refusal(path) == "unknown-format"


def test_odt_with_entity_declarations(tmp_path: Path) -> None:
    prolog = '<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    path = write_odt(tmp_path / "lol.odt", "<text:p>&b;</text:p>", prolog=prolog)
    assert refusal(path) == "unsafe-xml"


def test_odt_with_broken_content(tmp_path: Path) -> None:
    path = write_odt(tmp_path / "rusak.odt", "<text:p>tidak ditutup")
    assert refusal(path) == "corrupt"


def test_encrypted_odt(tmp_path: Path) -> None:
    path = tmp_path / "terkunci.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", os.urandom(200))
        archive.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">'
            "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>",
        )
    assert refusal(path) == "encrypted"


def test_spreadsheet_renamed_to_odt(tmp_path: Path) -> None:
    path = tmp_path / "tabel.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<a/>")
    assert refusal(path) == "unknown-format"


# --- .pdf ------------------------------------------------------------------------------


def test_encrypted_pdf(tmp_path: Path) -> None:
    path = tmp_path / "terkunci.pdf"
    path.write_bytes(encrypted_pdf())
    assert refusal(path) == "encrypted"


def test_pdf_without_text_needs_ocr(tmp_path: Path, image_only_pdf: Callable[[Path], Path]) -> None:
    assert refusal(image_only_pdf(tmp_path / "pindaian.pdf")) == "needs-ocr"


def test_truncated_pdf(tmp_path: Path, qt_pdf: PdfWriter) -> None:
    whole = qt_pdf(
        tmp_path / "utuh.pdf", ["Peneliti: Halo"] * 40, new_page_before=[20]
    ).read_bytes()
    path = tmp_path / "potong.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    assert refusal(path) == "truncated"


def test_pdf_with_a_broken_cross_reference_table(tmp_path: Path) -> None:
    good = text_pdf([b"Halo dunia"])
    table = good.index(b"xref\n0 ")
    path = tmp_path / "xref.pdf"
    path.write_bytes(good[:table] + b"rusak!" + good[table + 6 :])
    assert refusal(path) == "corrupt"
    path.write_bytes(good.replace(b"startxref\n", b"startxref\n99"))
    assert refusal(path) == "corrupt"


def test_pdf_whose_object_offsets_are_wrong(tmp_path: Path, qt_pdf: PdfWriter) -> None:
    good = qt_pdf(tmp_path / "utuh.pdf", ["Peneliti: Halo", "Informan: Halo juga"]).read_bytes()
    table = good.rindex(b"\nxref")
    shifted = re.sub(
        rb"(\d{10}) 00000 n", lambda m: b"%010d 00000 n" % (int(m.group(1)) + 7), good[table:]
    )
    path = tmp_path / "geser.pdf"
    path.write_bytes(good[:table] + shifted)
    assert refusal(path) == "corrupt"


def test_pdf_that_is_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "palsu.pdf"
    path.write_bytes(b"<html>bukan pdf</html>\n%%EOF")
    assert refusal(path) == "corrupt"


# --- text ------------------------------------------------------------------------------


def test_damaged_utf8_is_refused_not_garbled(tmp_path: Path) -> None:
    path = tmp_path / "rusak.txt"
    path.write_bytes("Peneliti: café “baik”\n".encode() + b"\xff\xfe\xc3\x28 lanjut\n")
    assert refusal(path) == "encoding"


def test_invalid_bytes_that_fit_no_encoding(tmp_path: Path) -> None:
    path = tmp_path / "acak.txt"
    path.write_bytes(b"Peneliti: halo\n\xff\xfe\xfd\xa4\x81 x\n")
    assert refusal(path) == "encoding"


def test_binary_data_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "gambar.txt"
    path.write_bytes(bytes(range(256)) * 8)
    assert refusal(path) == "encoding"


def test_utf16_with_a_bom_but_odd_bytes(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(b"\xff\xfeH\x00a\x00\x00\xd8")  # a lone high surrogate
    assert refusal(path) == "encoding"


def test_rtf_garbage_and_truncation(tmp_path: Path) -> None:
    path = tmp_path / "a.rtf"
    path.write_bytes(b"ini bukan rtf")
    assert refusal(path) == "corrupt"
    path.write_bytes(rb"{\rtf1\ansi Peneliti: halo\par Informan: {\b ya")
    assert refusal(path) == "truncated"


# --- no parser exception escapes -------------------------------------------------------


def test_damaged_files_only_ever_raise_unsupported_file(tmp_path: Path, docx_file: Path) -> None:
    odt = write_odt(tmp_path / "a.odt", "<text:p>Peneliti: halo</text:p>")
    samples = {
        ".docx": docx_file.read_bytes(),
        ".odt": odt.read_bytes(),
        ".pdf": build_pdf(b"BT /F1 12 Tf 72 760 Td (Peneliti: halo) Tj ET"),
        ".rtf": rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 Peneliti: caf\'e9\par}",
    }
    rng = random.Random(20240312)
    for suffix, data in samples.items():
        for trial in range(25):
            damaged = bytearray(data)
            for _ in range(rng.randint(1, 8)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
            if trial % 3 == 0:
                damaged = damaged[: rng.randrange(1, len(damaged))]
            path = tmp_path / f"rusak{trial}{suffix}"
            path.write_bytes(bytes(damaged))
            try:
                extracted = extract(path)
            except UnsupportedFile:
                continue
            assert "\x00" not in extracted.text
