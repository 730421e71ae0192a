"""The demo project built from sample_transcripts/ (needs cases.csv and example_codings.csv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.coding.codes import find_code, list_codes
from app.coding.demo import build_demo_project, demo_project_path
from app.coding.errors import Cancelled
from app.coding.retrieval import excerpts
from app.coding.stats import project_stats
from app.models.project import ProjectExists, open_project

EMPTY_BOXES = (
    "putnam/networks/structural-holes",
    "loeffler/co-assessment/co-monitoring",
)
TOP_LEVEL = (
    "loeffler/co-commissioning", "loeffler/co-design", "loeffler/co-delivery",
    "loeffler/co-assessment", "cepiku/institutional-arrangements", "cepiku/planning",
    "cepiku/strategic-communication", "cepiku/non-professional-actors",
    "cepiku/professional-actors", "cepiku/leadership", "cepiku/accountability",
    "putnam/trust", "putnam/norms", "putnam/networks", "participation/ideas",
    "participation/material", "participation/physical", "participation/using-outcomes",
)  # fmt: skip


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo_project(tmp_path_factory.mktemp("data") / "demo.telaah")


def test_the_demo_holds_the_whole_sample_study(demo: Path) -> None:
    project = open_project(demo)
    with project.session() as s:
        stats = project_stats(s)
        codes = list_codes(s)
        coded = {e.code_key for e in excerpts(s)}
        cases_of = {
            key: {e.case for e in excerpts(s, code_ids=[find_code(s, key)])}
            for key in (
                *TOP_LEVEL,
                *EMPTY_BOXES,
                "loeffler/co-commissioning/co-financing",
                "loeffler/co-commissioning/co-planning-strategy",
            )
        }
    project.close()
    assert stats.documents == 15
    assert stats.cases == 12
    assert list(stats.codebooks) == ["loeffler", "cepiku", "putnam", "participation"]
    # Every theoretical box is filled except the deliberately empty ones.
    for key in TOP_LEVEL:
        assert cases_of[key], key
    for key in EMPTY_BOXES:
        assert not cases_of[key], key
    assert len(coded) >= len(codes) // 2
    # The deliberately thin boxes come from one informant only.
    assert cases_of["loeffler/co-commissioning/co-financing"] == {"Hendra Wijaya"}
    assert len(cases_of["loeffler/co-commissioning/co-planning-strategy"]) == 2
    # Residents' own suggestions are ideas (participation), not co-design.
    assert len(cases_of["participation/ideas"]) >= 3


def test_the_demo_uses_roles_stances_sources_and_findings(demo: Path) -> None:
    """The sample study shows every kind of evidence the summary distinguishes."""
    from app.coding.analysis import BoxStatus, build_matrix, build_summary
    from app.coding.coders import CoderRole, list_coders
    from app.coding.settings import get_settings
    from app.coding.sources import SourceType, document_sources

    project = open_project(demo)
    with project.session() as s:
        roles = {c.name: c.role for c in list_coders(s)}
        kinds = {d.name: d.source_type for d in document_sources(s).values()}
        titles = {d.name: d.title for d in document_sources(s).values()}
        boxes = {b.key: b for b in build_summary(s, codebook="loeffler").boxes}
        both = {
            b.key: b
            for b in build_summary(s, codebook="loeffler", coders=["peneliti", "pembimbing"]).boxes
        }
        social_by_co = build_matrix(s, rows="putnam", cols="loeffler")
        settings = get_settings(s)
    project.close()
    assert roles == {"peneliti": CoderRole.PRIMARY, "pembimbing": CoderRole.SECOND}
    assert kinds["OBS01_Observasi_Simulasi_Banjir_RW05.txt"] is SourceType.OBSERVATION
    assert kinds["DOK02_Laporan_Relawan_2023.docx"] is SourceType.DOCUMENT
    assert kinds["INF03_Agus_Camat.docx"] is SourceType.INTERVIEW
    assert titles["DOK02_Laporan_Relawan_2023.docx"] == "Laporan Kinerja Relawan 2023"
    # Absence is a finding: informants say no satisfaction survey was ever held.
    surveys = boxes["loeffler/co-assessment/satisfaction-surveys"]
    assert (surveys.status, surveys.excerpts, surveys.absent) == (BoxStatus.ABSENT, 0, 9)
    assert len(surveys.absent_cases) == 8
    assert boxes["loeffler/co-assessment"].status is BoxStatus.CONTESTED
    assert boxes["loeffler/co-delivery"].barriers == 8
    assert set(boxes["loeffler/co-delivery"].source_types) == {
        SourceType.INTERVIEW, SourceType.OBSERVATION, SourceType.DOCUMENT
    }  # fmt: skip
    assert all(boxes[k].finding for k in TOP_LEVEL if k.startswith("loeffler/"))
    # The supervisor's double coding is not evidence unless asked for, and then counts once.
    strategy = "loeffler/co-commissioning/co-planning-strategy"
    assert (boxes[strategy].excerpts, boxes[strategy].status) == (2, BoxStatus.THIN)
    assert both[strategy].excerpts == 3
    assert social_by_co.max_count() > 0
    assert settings.study_year == 2024 and "Camat" in settings.identifying_roles


def test_every_demo_excerpt_is_linked_to_the_right_informant(demo: Path) -> None:
    project = open_project(demo)
    with project.session() as s:
        for e in excerpts(s):
            if e.document.startswith("INF"):
                assert e.case is not None, e.document
                assert e.case_attributes["interview_date"].startswith("2024-03-")
            else:
                assert e.case is None, e.document
    project.close()


def test_telaah_demo_builds_once_into_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELAAH_DATA_DIR", str(tmp_path / "data"))
    path = demo_project_path()
    assert path.parent == tmp_path / "data"
    assert main(["demo", "--no-gui"]) == 0
    out = capsys.readouterr().out
    assert str(path) in out
    assert "documents: 15" in out
    stamp = path.stat().st_mtime_ns
    assert main(["demo", "--no-gui"]) == 0
    assert path.stat().st_mtime_ns == stamp  # not rebuilt
    assert [p.name for p in path.parent.iterdir()] == [path.name]


class _CancelSoon:
    def __init__(self) -> None:
        self.calls = 0

    def report(self, done: int, total: int, label: str = "") -> None:
        self.calls += 1

    def is_cancelled(self) -> bool:
        return self.calls >= 3


def test_an_interrupted_build_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "demo.telaah"
    with pytest.raises(Cancelled):
        build_demo_project(target, progress=_CancelSoon())
    assert list(tmp_path.iterdir()) == []
    target.write_bytes(b"mine")
    with pytest.raises(ProjectExists):
        build_demo_project(target)
    assert target.read_bytes() == b"mine"
