"""Fixtures for the workbench tests: a real study project on disk and an open window."""

from __future__ import annotations

import random
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool

from app.coding.cases import create_case, link_document
from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.coding.codings import NewCoding, apply_codes
from app.coding.documents import import_files
from app.coding.workbench_queries import list_code_rows
from app.models.project import create_project

SAMPLES = Path(__file__).resolve().parents[2] / "sample_transcripts"
STUDY_FILES = (
    "INF05_Bambang_Lurah_Karang_Sari.txt",
    "INF09_Sulastri_PKK.txt",
    "INF10_Nur_Aini_warga.txt",
)
CASES = (
    ("Bambang Priyono", "Informan 5", "aparat pemerintah", "Lurah"),
    ("Sulastri", "Informan 9", "elemen masyarakat", "Ketua Tim Penggerak PKK"),
    ("Nur Aini", "Informan 10", "masyarakat penerima manfaat", "Ibu rumah tangga"),
)


def build_study(path: Path, *, codings_per_document: int = 40, seed: int = 7) -> Path:
    """A project like a real thesis: sample transcripts, two theory codebooks, three cases
    with attributes and many overlapping codings by two coders."""
    project = create_project(path)
    try:
        with project.session() as s:
            result = import_files(s, paths=[SAMPLES / f for f in STUDY_FILES])
            assert not result.failed, result.failed
            for key in ("loeffler", "putnam"):
                install_codebook(s, spec=load_bundled_codebook(key))
            for doc, (name, alias, group, role) in zip(result.imported, CASES, strict=True):
                case = create_case(
                    s,
                    name=name,
                    alias=alias,
                    attributes={"kelompok": group, "peran": role, "tanggal": "2024-03-13"},
                    types={"tanggal": "date"},
                )
                link_document(s, case_id=case.id, document_id=doc.id)
            codes = [c.id for c in list_code_rows(s)]
            rnd = random.Random(seed)
            for coder in ("siti", "pembimbing"):
                new: list[NewCoding] = []
                for doc in result.imported:
                    for _ in range(codings_per_document // 2):
                        start = rnd.randrange(0, doc.length - 400)
                        new.append(
                            NewCoding(
                                doc.id, rnd.choice(codes), start, start + rnd.randint(40, 380)
                            )
                        )
                apply_codes(s, codings=new, coder=coder)
    finally:
        project.close()
    return path


@pytest.fixture(scope="session")
def study_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_study(tmp_path_factory.mktemp("template") / "studi.telaah")


@pytest.fixture
def study_path(tmp_path: Path, study_template: Path) -> Path:
    """A fresh copy of the study project in a folder with spaces in its name."""
    folder = tmp_path / "Tesis Bu Siti"
    folder.mkdir()
    target = folder / "studi lumbung.telaah"
    shutil.copy(study_template, target)
    return target


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path, qapp: object) -> Iterator[None]:
    """Isolated QSettings (English UI unless a test switches) and no thread left running."""
    QCoreApplication.setOrganizationName("TelaahTests")
    QCoreApplication.setApplicationName("TelaahTests")
    QSettings.setPath(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings")
    )
    QSettings().setValue("language", "en")
    QSettings().setValue("coder", "siti")
    yield
    pool = QThreadPool.globalInstance()
    finished = pool.waitForDone(5000)
    assert finished and pool.activeThreadCount() == 0, "a background thread was left running"


@pytest.fixture
def window(qtbot, study_path: Path):  # type: ignore[no-untyped-def]
    """The real main window on the study project, shown offscreen."""
    from app.main import open_window
    from app.ui.language import apply_language

    apply_language("en")
    win = open_window(study_path)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    first = min(win.view.index.spans.values(), key=lambda s: s.start)
    win.view.select_span(first.start, first.start)  # a coded passage on screen
    qtbot.waitUntil(lambda: bool(win.view.stripes.bars))  # and painted
    yield win
    win.close()
