"""The demo project built from sample_transcripts/ (needs cases.csv and example_codings.csv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.coding.codebooks import find_code, list_codes
from app.coding.demo import build_demo_project, demo_project_path
from app.coding.errors import Cancelled
from app.coding.retrieval import excerpts
from app.coding.stats import project_stats
from app.models.project import ProjectExists, open_project

EMPTY_BOXES = (
    "loeffler/co-assessment/satisfaction-surveys",
    "putnam/networks/structural-holes",
    "putnam/networks/closure",
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
            for key in (*TOP_LEVEL, *EMPTY_BOXES, "loeffler/co-commissioning/co-financing")
        }
    project.close()
    assert stats.documents == 14
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
    assert cases_of["participation/ideas"] == {"Darmawan"}


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
    assert "documents: 14" in out
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
