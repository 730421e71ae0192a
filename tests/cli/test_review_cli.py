"""``telaah agreement --json`` layout and ``telaah merge`` idempotency, in-process."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from app.cli import main

TEXT = "Informan: Kami percaya pada Pak RW 🌊 karena beliau selalu hadir saat banjir.\n"


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    def call(*args: str | Path) -> tuple[int, str, str]:
        status = main([str(a) for a in args])
        out = capsys.readouterr()
        return status, out.out, out.err

    return call


@pytest.fixture
def proj(tmp_path: Path, run: Callable[..., tuple[int, str, str]]) -> Path:
    path = tmp_path / "tesis bersama.telaah"
    src = tmp_path / "INF10.txt"
    src.write_text(TEXT, encoding="utf-8")
    assert run("new", path, "--codebook", "putnam")[0] == 0
    assert run("import", path, src)[0] == 0
    return path


def test_agreement_json_has_the_spec_layout(
    proj: Path, run: Callable[..., tuple[int, str, str]]
) -> None:
    for coder, (start, end) in (("ani", (10, 40)), ("budi", (20, 40))):
        status, _, err = run(
            "code",
            proj,
            "--document",
            "INF10.txt",
            "--start",
            start,
            "--end",
            end,
            "--code",
            "putnam/trust",
            "--coder",
            coder,
        )
        assert status == 0, err
    status, out, _ = run("agreement", proj, "--coders", "ani", "budi", "--json")
    data = json.loads(out)
    assert status == 0
    n = len(TEXT.rstrip("\n"))
    trust = data["codes"]["putnam/trust"]
    assert trust["percent_agreement"] == pytest.approx((n - 10) / n)
    assert set(data["overall"]) == {
        "percent_agreement", "cohen_kappa", "krippendorff_alpha", "coded_agreement"
    }  # fmt: skip
    # Agreement on coded text: 20 characters in common out of the 30 either coder coded.
    assert trust["coded_agreement"] == pytest.approx(20 / 30)
    assert data["overall"]["coded_agreement"] == pytest.approx(20 / 30)
    pa, pb = 30 / n, 20 / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    assert trust["cohen_kappa"] == pytest.approx(((n - 10) / n - pe) / (1 - pe))


def test_agreement_with_unknown_coder_is_one_line(
    proj: Path, run: Callable[..., tuple[int, str, str]]
) -> None:
    status, out, err = run("agreement", proj, "--coders", "ani", "siapa")
    assert status == 1 and out == ""
    assert err.startswith("telaah: error: ") and err.count("\n") == 1


def test_merge_twice_changes_nothing_the_second_time(
    proj: Path, tmp_path: Path, run: Callable[..., tuple[int, str, str]]
) -> None:
    other = tmp_path / "salinan pembimbing.telaah"
    shutil.copy(proj, other)
    assert (
        run(
            "code",
            other,
            "--document",
            "INF10.txt",
            "--start",
            0,
            "--end",
            8,
            "--code",
            "putnam/networks",
            "--coder",
            "pembimbing",
        )[0]
        == 0
    )
    other_bytes = other.read_bytes()
    status, out, _ = run("merge", proj, other)
    assert status == 0 and "1 codings" in out
    status, out, _ = run("merge", proj, other)
    assert status == 0 and "nothing new" in out
    assert other.read_bytes() == other_bytes  # the other copy is only read
    status, out, _ = run("stats", proj, "--json")
    assert json.loads(out)["codings"] == 1


def test_merge_into_itself_is_refused(proj: Path, run: Callable[..., tuple[int, str, str]]) -> None:
    status, _, err = run("merge", proj, proj)
    assert status == 1 and "itself" in err
