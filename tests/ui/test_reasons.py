"""Every refusal reason the core can give has a sentence in the GUI (English and Indonesian)
and on the command line, and every importable format is offered everywhere formats appear."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.messages import ARCHIVE_REASONS as CLI_ARCHIVE
from app.cli.messages import FILE_REASONS as CLI_FILE
from app.cli.messages import describe
from app.coding.autocode import TooManyHits
from app.coding.codes import AmbiguousCode
from app.coding.demo import PhraseNotFound
from app.coding.errors import FILE_REASONS, UnsupportedFile
from app.coding.importing import extract
from app.coding.importing.formats import FORMATS, format_for, glob_patterns, main_suffixes
from app.coding.refiqda.safety import ARCHIVE_REASONS, ArchiveRefused
from app.models.project import ProjectExists
from app.ui.errors import archive_reason, error_message, file_reason
from app.ui.language import apply_language

FALLBACKS = (
    "could not be imported (",
    "Unexpected error",
    "tak terduga",
    "Berkas tidak dapat diimpor (",
)


@pytest.fixture(params=["en", "id"])
def language(request, qapp):  # type: ignore[no-untyped-def]
    apply_language(request.param)
    yield request.param
    apply_language("en")


def test_every_file_and_archive_reason_has_a_gui_sentence(language: str) -> None:
    apply_language("en")
    english = {r: file_reason(r) for r in FILE_REASONS} | {
        f"qdpx:{r}": archive_reason(r) for r in ARCHIVE_REASONS
    }
    apply_language(language)
    here = {r: file_reason(r) for r in FILE_REASONS} | {
        f"qdpx:{r}": archive_reason(r) for r in ARCHIVE_REASONS
    }
    for reason, text in here.items():
        assert not any(f in text for f in FALLBACKS), (reason, text)
        assert text[:1].isupper() and text.endswith("."), (reason, text)  # a sentence
        if language == "id":
            assert text != english[reason], (reason, text)  # translated
    # each reason reads differently: no two keys share one sentence by accident
    assert len(set(here.values())) == len(set(english.values()))


def test_every_reason_has_a_cli_sentence() -> None:
    assert set(CLI_FILE) == set(FILE_REASONS)
    assert set(ARCHIVE_REASONS) <= set(CLI_ARCHIVE) | set(CLI_FILE)
    for reason in FILE_REASONS:
        line = describe(UnsupportedFile(Path("wawancara 1.docx"), reason))
        assert line.startswith("cannot import 'wawancara 1.docx': ") or "wawancara 1.docx" in line
        assert line.endswith(f"[{reason}]") and CLI_FILE[reason] in line
    for reason in ARCHIVE_REASONS:
        line = describe(ArchiveRefused(Path("proyek.qdpx"), reason, "x"))
        words = CLI_ARCHIVE.get(reason) or CLI_FILE[reason]
        assert words in line and line.endswith(f"[{reason}; x]"), line


def test_errors_that_were_unexpected_now_say_what_happened(language: str) -> None:
    errors = [
        AmbiguousCode("Partisipasi", ["a/partisipasi", "b/partisipasi"]),
        TooManyHits(12_000, 10_000),
        PhraseNotFound("Wawancara 3", "kami rapat di balai desa"),
        ProjectExists(Path("/tmp/Studi.telaah")),
        UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
    ]
    texts = [error_message(e) for e in errors]
    for text in texts:
        assert not any(f in text for f in FALLBACKS), text
        assert "cannot be opened" not in text and "tidak dapat dibuka" not in text, text
    assert "a/partisipasi" in texts[0] and "12000" in texts[1] and "balai desa" in texts[2]
    assert "Studi.telaah" in texts[3]


def test_formats_are_declared_once_and_derived_everywhere(tmp_path: Path) -> None:
    suffixes = [s for f in FORMATS for s in f.suffixes]
    assert len(suffixes) == len(set(suffixes))
    for fmt in FORMATS:
        for suffix in fmt.suffixes:
            assert format_for(Path(f"Wawancara{suffix.upper()}")) is fmt
            assert f"*{suffix}" in glob_patterns().split()
        assert fmt.suffixes[0] in main_suffixes()
    apply_language("en")
    for suffix in main_suffixes():
        assert suffix in file_reason("unknown-format")
        assert suffix in CLI_FILE["unknown-format"]
    # every declared reader really reads its format (text formats here; the others have
    # their own tests with real files)
    for fmt in FORMATS:
        if fmt.name in ("txt", "md"):
            path = tmp_path / f"catatan{fmt.suffixes[-1]}"
            path.write_text("Pewawancara: Apa kabar?\nInforman: Baik.\n", encoding="utf-8")
            assert extract(path).format == fmt.name
