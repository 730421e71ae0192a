"""Each supported format gives the text a researcher sees in the original, in order."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from _import_files import PdfWriter, build_pdf, lines_at, text_pdf, write_docx, write_odt

from app.coding.errors import Cancelled
from app.coding.importing import Extracted, extract
from app.coding.importing.speakers import parse_label

QUOTE = "Kami “gotong royong” tiap Minggu… semua ikut — termasuk ibu-ibu PKK 😊"


def assert_well_formed(extracted: Extracted) -> None:
    """Offsets cover the paragraphs exactly; no stray control characters."""
    text = extracted.text
    assert [text[s:e] for s, e in extracted.paragraphs] == text.split("\n\n")
    assert all(ch in "\n\t" or ch.isprintable() for ch in text)
    assert unicodedata.is_normalized("NFC", text)
    for turn in extracted.turns:
        label = parse_label(text[turn.start : turn.end])
        assert label is not None and label.speaker == turn.speaker


# --- .docx -----------------------------------------------------------------------------


def test_docx_keeps_paragraphs_tables_and_soft_breaks_but_not_headers(tmp_path: Path) -> None:
    path = write_docx(
        tmp_path / "Wawancara Bu Siti — Pantai Indah.docx",
        [
            "Peneliti: Bagaimana lumbung warga dimulai?",
            f"Bu Siti: {QUOTE}\nItu baris kedua setelah Shift+Enter.",
            "Peneliti: Siapa saja pengurusnya?",
            "Bu Siti: Ini daftarnya.",
        ],
        table=[["No", "Nama", "Peran"], ["1", "Darmawan", "Ketua RW 05"]],
        table_after=3,
        header="KOP: Universitas Baruna",
        footer="Halaman 1 dari 1",
    )
    extracted = extract(path)
    assert extracted.format == "docx"
    assert extracted.text == (
        "Peneliti: Bagaimana lumbung warga dimulai?\n\n"
        f"Bu Siti: {QUOTE}\nItu baris kedua setelah Shift+Enter.\n\n"
        "Peneliti: Siapa saja pengurusnya?\n\n"
        "No | Nama | Peran\n1 | Darmawan | Ketua RW 05\n\n"
        "Bu Siti: Ini daftarnya."
    )
    assert "Universitas" not in extracted.text and "Halaman" not in extracted.text
    assert [t.speaker for t in extracted.turns] == ["Peneliti", "Bu Siti", "Peneliti", "Bu Siti"]
    assert_well_formed(extracted)


def test_docx_empty_paragraphs_are_dropped(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "a.docx", ["Satu", "", "   ", "Dua"])
    assert extract(path).text == "Satu\n\nDua"


# --- .pdf ------------------------------------------------------------------------------


def test_pdf_paragraphs_pages_and_turns(tmp_path: Path, qt_pdf: PdfWriter) -> None:
    long_answer = "Bu Siti: " + " ".join(["Warga membawa beras dan minyak ke lumbung."] * 12)
    path = qt_pdf(
        tmp_path / "Wawancara dr. Yohana.pdf",
        [
            "[00:00:05] Peneliti: Bagaimana kader pendamping bekerja?",
            long_answer,
            "Peneliti: Apakah ada evaluasi?",
            "Bu Siti: Belum pernah ada survei kepuasan.",
        ],
        new_page_before=[2],
    )
    reports: list[tuple[int, int]] = []

    class Sink:
        def report(self, done: int, total: int, label: str = "") -> None:
            reports.append((done, total))

        def is_cancelled(self) -> bool:
            return False

    extracted = extract(path, progress=Sink())
    assert extracted.format == "pdf"
    assert extracted.text == (
        "[00:00:05] Peneliti: Bagaimana kader pendamping bekerja?\n\n"
        f"{long_answer}\n\n"
        "Peneliti: Apakah ada evaluasi?\n\n"
        "Bu Siti: Belum pernah ada survei kepuasan."
    )
    assert [(t.speaker, t.timestamp) for t in extracted.turns] == [
        ("Peneliti", "00:00:05"),
        ("Bu Siti", None),
        ("Peneliti", None),
        ("Bu Siti", None),
    ]
    assert reports == [(1, 2), (2, 2)]
    assert_well_formed(extracted)


def test_pdf_words_spaced_with_tabs_get_normal_spaces(tmp_path: Path) -> None:
    path = tmp_path / "tabs.pdf"
    path.write_bytes(
        text_pdf([b"Peneliti:\tSiapa\tyang\tmengelola?", b"Informan:\tKami\tsendiri."])
    )
    extracted = extract(path)
    assert extracted.text == "Peneliti: Siapa yang mengelola?\n\nInforman: Kami sendiri."
    assert [t.speaker for t in extracted.turns] == ["Peneliti", "Informan"]


def test_pdf_lines_of_one_block_join_with_spaces(tmp_path: Path) -> None:
    path = tmp_path / "lines.pdf"
    path.write_bytes(
        text_pdf([b"Relawan datang setiap", b"pagi ke rumah warga", b"lansia dan anak-", b"anak."])
    )
    assert extract(path).text == "Relawan datang setiap pagi ke rumah warga lansia dan anak-anak."


def test_pdf_paragraph_running_over_a_page_break_is_joined(tmp_path: Path) -> None:
    path = tmp_path / "dua halaman.pdf"
    path.write_bytes(
        build_pdf(
            lines_at([b"Peneliti: Berapa formulir?", b"Informan: Kader yang sama kadang"]),
            lines_at([b"diminta mengisi tiga formulir.", b"Itu melelahkan."], top=800)
            + b"\nBT /F1 12 Tf 72 900 Td (di luar halaman) Tj ET",
            lines_at([b"Peneliti: Baik."]),
        )
    )
    assert extract(path).text == (
        "Peneliti: Berapa formulir?\n\n"
        "Informan: Kader yang sama kadang diminta mengisi tiga formulir. Itu melelahkan.\n\n"
        "Peneliti: Baik."
    )


def test_pdf_page_break_after_a_full_stop_is_a_paragraph_break(tmp_path: Path) -> None:
    path = tmp_path / "dua halaman.pdf"
    path.write_bytes(build_pdf(lines_at([b"Halaman satu selesai."]), lines_at([b"dan lanjut"])))
    assert extract(path).text == "Halaman satu selesai.\n\ndan lanjut"


def test_pdf_extraction_stops_when_cancelled(tmp_path: Path, qt_pdf: PdfWriter) -> None:
    path = qt_pdf(tmp_path / "a.pdf", ["Satu", "Dua"], new_page_before=[1])

    class CancelAfterFirstPage:
        def __init__(self) -> None:
            self.pages = 0

        def report(self, done: int, total: int, label: str = "") -> None:
            self.pages = done

        def is_cancelled(self) -> bool:
            return self.pages >= 1

    with pytest.raises(Cancelled):
        extract(path, progress=CancelAfterFirstPage())


# --- .txt / .md ------------------------------------------------------------------------

TRANSCRIPT = "Peneliti: “Bagaimana” peran warga?\r\nInforman: Café – naïve… gotong royong.\r\n"


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", TRANSCRIPT.encode("utf-8")),
        ("utf-8-sig", TRANSCRIPT.encode("utf-8-sig")),
        ("utf-16-le", TRANSCRIPT.encode("utf-16")),  # BOM, little-endian
        ("utf-16-be", b"\xfe\xff" + TRANSCRIPT.encode("utf-16-be")),
        ("utf-16-le", TRANSCRIPT.encode("utf-16-le")),  # no BOM
        ("cp1252", TRANSCRIPT.encode("cp1252")),
    ],
)
def test_txt_in_common_encodings(tmp_path: Path, encoding: str, data: bytes) -> None:
    path = tmp_path / "wawancara.txt"
    path.write_bytes(data)
    extracted = extract(path)
    assert extracted.encoding == encoding
    assert extracted.text == (
        "Peneliti: “Bagaimana” peran warga?\n\nInforman: Café – naïve… gotong royong."
    )
    assert [t.speaker for t in extracted.turns] == ["Peneliti", "Informan"]


def test_txt_in_latin1(tmp_path: Path) -> None:
    path = tmp_path / "catatan.txt"
    path.write_bytes("Señora José bilang: café ½ harga.\n".encode("latin-1"))
    extracted = extract(path)
    assert (extracted.text, extracted.encoding) == ("Señora José bilang: café ½ harga.", "latin-1")


def test_txt_blank_lines_separate_paragraphs_and_single_newlines_stay(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Judul\n\n\n  Baris satu\nbaris dua  \n \nAkhir\n", encoding="utf-8")
    extracted = extract(path)
    assert extracted.text == "Judul\n\nBaris satu\nbaris dua\n\nAkhir"
    assert extracted.paragraphs == ((0, 5), (7, 27), (29, 34))


def test_txt_without_blank_lines_has_a_paragraph_per_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"P: Satu?\r\nI: Dua.\r\nP: Tiga?\r\n")
    extracted = extract(path)
    assert extracted.text == "P: Satu?\n\nI: Dua.\n\nP: Tiga?"
    assert len(extracted.paragraphs) == len(extracted.turns) == 3


def test_text_is_cleaned_of_control_characters_and_normalised(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    decomposed = unicodedata.normalize("NFD", "Café")
    path.write_text(f"# Catatan\x00\x07\n\n{decomposed}\tdan\x0bteh\fHalaman dua", encoding="utf-8")
    extracted = extract(path)
    assert extracted.format == "md"
    assert extracted.text == "# Catatan\n\nCafé\tdan\nteh\n\nHalaman dua"
    assert_well_formed(extracted)


# --- .odt / .rtf -----------------------------------------------------------------------


def test_odt_paragraphs_lists_tables_and_spacing(tmp_path: Path) -> None:
    path = write_odt(
        tmp_path / "Laporan Relawan.odt",
        "<text:h>Laporan   Relawan</text:h>"
        '<text:p>Peneliti: Halo<text:s text:c="2"/>semua<text:tab/>ya'
        "<text:line-break/>baris <text:span>kedua</text:span></text:p>"
        "<text:list><text:list-item><text:p>Informan: butir satu</text:p></text:list-item>"
        "</text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>a</text:p></table:table-cell>"
        "<table:table-cell><text:p>b</text:p></table:table-cell></table:table-row></table:table>",
    )
    extracted = extract(path)
    assert extracted.format == "odt"
    assert extracted.text == (
        "Laporan Relawan\n\nPeneliti: Halo  semua\tya\nbaris kedua\n\nInforman: butir satu\n\na | b"
    )
    assert [t.speaker for t in extracted.turns] == ["Peneliti", "Informan"]


def test_rtf_paragraphs_line_breaks_and_escapes(tmp_path: Path) -> None:
    path = tmp_path / "wawancara.rtf"
    path.write_bytes(
        rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}\f0 "
        rb"Peneliti: Ada caf\'e9 \ldblquote warga\rdblquote?\par "
        rb"Informan: Baris satu\line baris dua \u55357\u56842?\par}"
    )
    extracted = extract(path)
    assert extracted.format == "rtf"
    assert extracted.text == "Peneliti: Ada café “warga”?\n\nInforman: Baris satu\nbaris dua 😊"
    assert [t.speaker for t in extracted.turns] == ["Peneliti", "Informan"]


def test_hand_made_pdf_with_a_single_line(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(build_pdf(b"BT /F1 12 Tf 72 760 Td (Perwali Nomor 7 Tahun 2023) Tj ET"))
    assert extract(path).text == "Perwali Nomor 7 Tahun 2023"


def test_ascii_text_is_cleaned_exactly_as_the_pattern_cleans_any_text() -> None:
    """An all-ASCII text is checked for control characters as bytes (faster), not by the
    pattern: it must find every one the pattern finds, also past the first megabyte."""
    from app.coding.importing import base

    clean = "Informan: kami rapat di balai warga. " * 20
    long_clean = "Peneliti: Bagaimana awalnya?\f" * 40_000  # over one slice (1 MiB)
    cases = [clean, long_clean, "", "\f\f"]
    cases += [f"{clean}{chr(c)}lalu pulang" for c in [*range(0x00, 0x20), 0x7F]]
    cases += [f"{long_clean}\x07akhir", f"{long_clean}a\r\nb", "a\rb\x0bc\x00"]
    for raw in cases:
        assert raw.isascii()
        found = base._CHANGING.search(raw) is not None
        assert base._changes_anything(raw) == found, repr(raw[-20:])
        substituted = base._CHANGING.sub(base._replacement, raw)
        assert base.clean_text(raw) == base.clean_text(substituted)
        assert base._CHANGING.search(substituted) is None
    assert base._changes_anything("Café\x07") and base._changes_anything("“kutipan”")
