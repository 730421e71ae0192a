"""A .qdpx is read under one time budget for the whole archive, its embedded Word and PDF
files together (many files each just under one file's budget cannot hold an import for
hours), and Cancel reaches inside an embedded file's reading."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from refiqda_data import write_qdpx

from app.coding.errors import Cancelled
from app.coding.refiqda import ArchiveRefused, Limits, import_qdpx
from app.coding.refiqda.reader import read_qdpx

HEAD = '<?xml version="1.0" encoding="utf-8"?>'


def _guid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def _word_file(words: str) -> bytes:
    document = docx.Document()
    for i in range(40):
        document.add_paragraph(f"Informan: {words} {i}.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _archive(path: Path, count: int) -> Path:
    sources = "".join(
        f'<TextSource guid="{_guid(n)}" name="Wawancara {n}.docx" '
        f'richTextPath="internal://{_guid(n)}.docx"/>'
        for n in range(count)
    )
    qde = (
        f'{HEAD}<Project xmlns="urn:QDA-XML:project:1.0" name="Banyak">'
        f"<Sources>{sources}</Sources></Project>"
    )
    files = {f"sources/{_guid(n)}.docx": _word_file(f"kami rapat {n}") for n in range(count)}
    return write_qdpx(path, qde, files)


def test_many_embedded_files_over_the_archive_budget_are_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    archive = _archive(tmp_path / "banyak.qdpx", 60)
    target = tmp_path / "baru.telaah"
    with pytest.raises(ArchiveRefused) as caught:
        import_qdpx(path=archive, project_path=target, limits=Limits(max_read_seconds=0.02))
    assert caught.value.reason == "too-complex"
    assert not target.exists()
    # the same archive within the default budget reads every document
    read = read_qdpx(archive)
    assert len(read.documents) == 60
    assert read.documents[0].text.startswith("Informan: kami rapat 0 0.")


class _CancelOnReport:
    """Cancels once the reader has announced its first source: the next check is inside
    that source's reading."""

    def __init__(self) -> None:
        self.reported = False
        self.asked_after = 0

    def report(self, done: int, total: int, label: str = "") -> None:
        self.reported = True

    def is_cancelled(self) -> bool:
        if self.reported:
            self.asked_after += 1
        return self.reported


def test_cancel_reaches_inside_an_embedded_file(tmp_path: Path) -> None:
    archive = _archive(tmp_path / "satu.qdpx", 1)
    progress = _CancelOnReport()
    with pytest.raises(Cancelled):
        read_qdpx(archive, progress=progress)
    assert progress.asked_after >= 1
