"""Imports have a time budget of their own (issue 13, item 2), apart from the pattern one:
a file still being read when it runs out is refused as ``too-complex`` with one line, and
the project is left as it was. The budget (and Cancel) is checked inside a heavy PDF page
and through a long .docx, not only between pages."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from hostile_files import glyph_flood_pdf

from app.cli import main
from app.coding.errors import Cancelled
from app.coding.importing import extract, safety


class _CancelAfter:
    """A progress sink that asks to stop at its ``calls``-th check."""

    def __init__(self, calls: int) -> None:
        self.calls = calls
        self.checked = 0

    def report(self, done: int, total: int, label: str = "") -> None:
        return None

    def is_cancelled(self) -> bool:
        self.checked += 1
        return self.checked >= self.calls


def test_a_file_that_reads_too_long_is_refused_as_too_complex(  # type: ignore[no-untyped-def]
    study: Path, dump, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    # One page of 90,000 glyphs: under the glyph cap, about 1.5 s to read; the budget is
    # lowered to a fifth of that so the test takes no time.
    poster = glyph_flood_pdf(tmp_path / "poster.pdf", glyphs=90_000)
    monkeypatch.setattr(safety, "MAX_READ_SECONDS", 0.3)
    before = dump(study)
    assert main(["import", str(study), str(poster)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert "too complex to be read in reasonable time" in err[0]
    assert "[too-complex; reading took longer than 0.3 s]" in err[0]
    assert dump(study) == before
    monkeypatch.setattr(safety, "MAX_READ_SECONDS", 300.0)
    assert len(extract(poster).text) > 80_000  # the same file within the real budget


def test_the_budget_and_cancel_are_checked_inside_a_heavy_pdf_page(tmp_path: Path) -> None:
    poster = glyph_flood_pdf(tmp_path / "poster.pdf", glyphs=90_000)
    sink = _CancelAfter(calls=10**9)
    extract(poster, progress=sink)
    # one page, yet checked every 4,096 glyphs while it is drawn
    assert sink.checked > 90_000 // 4096
    stop = _CancelAfter(calls=5)  # before the page is done
    with pytest.raises(Cancelled):
        extract(poster, progress=stop)
    assert stop.checked == 5


def test_the_budget_is_checked_through_a_long_docx(tmp_path: Path) -> None:
    document = docx.Document()
    for n in range(5000):
        document.add_paragraph(f"Informan {n}: kami rapat di balai.")
    path = tmp_path / "panjang.docx"
    document.save(str(path))
    sink = _CancelAfter(calls=10**9)
    assert extract(path, progress=sink).text.count("balai") == 5000
    assert sink.checked >= 5  # every thousand paragraphs, not only before and after
