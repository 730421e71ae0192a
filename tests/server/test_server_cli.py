"""Every ``telaah`` command accepts a server URL where it accepts a project file."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from app.cli import main

WAWANCARA = (
    "Peneliti: Bagaimana warga ikut menjaga lumbung?\n\n"
    "Informan: Kami piket bergantian 🌊 tiap malam — “gotong royong”, kata Bu Nur Aini. "
    "Semua warga percaya pada pengurus.\n\n"
    "Peneliti: Siapa yang mencatat stok?\n\n"
    "Informan: Ibu-ibu PKK, dipimpin Bu Sulastri. Gotong-royong itu rapi sekali!\n"
)


@dataclass
class Run:
    status: int
    out: str
    err: str


@pytest.fixture
def telaah(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def run(*args: str | Path) -> Run:
        status = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(status, captured.out, captured.err)

    return run


def _session(
    telaah: Callable[..., Run], project: str | Path, folder: Path, coder: str
) -> dict[str, object]:
    """The same work on one project; what a user would read back."""
    source = folder / "INF10 Nur Aini.txt"
    source.write_text(WAWANCARA, encoding="utf-8")
    new = telaah("new", project, "--codebook", "putnam")
    assert new.status == 0, new.err
    imported = telaah("import", project, source, "--case", "Nur Aini", "--attr", "group=warga")
    assert imported.status == 0, imported.err
    start = WAWANCARA.index("gotong")
    coded = telaah(
        "code", project, "--document", source.name, "--start", start, "--end", start + 13,
        "--code", "putnam/norms/reciprocity", "--coder", coder, "--memo", "inti",
    )  # fmt: skip
    assert coded.status == 0, coded.err
    auto = telaah(
        "autocode", project, "--pattern", r"gotong\W?royong", "--code", "putnam/networks",
        "--unit", "sentence", "--coder", coder,
    )  # fmt: skip
    assert auto.status == 0, auto.err
    out = folder / f"matrix-{folder.name}.csv"
    matrix = telaah(
        "export", project, "matrix", "--rows", "putnam", "--cols", "attr:group",
        "--format", "csv", "-o", out,
    )  # fmt: skip
    assert matrix.status == 0, matrix.err
    text = telaah("text", project, "--document", source.name)
    return {
        "stats": json.loads(telaah("stats", project, "--json").out),
        "auto": auto.out,
        "matrix": list(csv.reader(out.read_text(encoding="utf-8").splitlines())),
        "text": text.out,
    }


def test_the_same_commands_give_the_same_results_on_a_server(
    pg_url: str, tmp_path: Path, telaah: Callable[..., Run]
) -> None:
    (tmp_path / "file").mkdir()
    (tmp_path / "server").mkdir()
    login = str(make_url(pg_url).username)  # on a server the coder is the login
    on_file = _session(telaah, tmp_path / "file" / "tesis.telaah", tmp_path / "file", login)
    on_server = _session(telaah, pg_url, tmp_path / "server", login)
    assert on_server == on_file
    assert on_server["stats"]["codings"] >= 3  # type: ignore[index]
    assert on_server["text"] == WAWANCARA.rstrip("\n")


def test_new_on_a_database_that_is_not_empty_changes_nothing(
    pg_url: str, telaah: Callable[..., Run]
) -> None:
    assert telaah("new", pg_url, "--codebook", "putnam").status == 0
    before = json.loads(telaah("stats", pg_url, "--json").out)
    again = telaah("new", pg_url, "--codebook", "loeffler")
    assert again.status == 1
    assert again.err.startswith("telaah: error: ") and again.err.count("\n") == 1
    assert "not empty" in again.err
    assert "PGPASSWORD" not in again.err
    assert json.loads(telaah("stats", pg_url, "--json").out) == before


def test_wrong_password_is_one_line_without_the_password(
    pg_url: str, telaah: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PGPASSWORD", "rahasia-salah")
    result = telaah("stats", pg_url)
    assert result.status == 1
    assert result.err.count("\n") == 1
    assert "rahasia-salah" not in result.err
    assert "password authentication failed" in result.err
