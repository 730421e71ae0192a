"""Fixtures of the hostile-input suite: a project worth protecting, and a way to run the
``telaah`` command in a child process with a time limit and its peak memory measured.

A child process is used wherever the failure being guarded against is a hang or a memory
blow-up: a hung child is killed at its limit and the test fails, instead of the whole suite
hanging or the machine swapping.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.coding.codebooks import install_codebook, load_bundled_codebook
from app.coding.codings import apply_code
from app.models.project import Project
from app.models.schema import Code, Document

RUNNER = Path(__file__).with_name("_run_cli.py")

#: A transcript line with an emoji (two UTF-16 units) and Indonesian text.
LINE = "Informan: Lumbung warga 🌊 dibangun bersama, semua ikut rapat di balai RW."


@dataclass(frozen=True)
class Run:
    """What a child ``telaah`` printed, how it ended, and its peak memory."""

    status: int
    out: str
    err: str
    peak_mb: float


def run_cli(args: Sequence[str], *, timeout: float = 60, cwd: Path | None = None) -> Run:
    """``telaah ARGS`` in a child process; fails the test if it does not end within ``timeout``."""
    env = dict(os.environ, PYTHONUTF8="1")
    try:
        done = subprocess.run(
            [sys.executable, str(RUNNER), *args],
            capture_output=True,
            timeout=timeout,
            env=env,
            cwd=cwd,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"telaah {' '.join(args)[:200]} did not end within {timeout} s")
    err = done.stderr
    peak = 0.0
    lines = err.splitlines()
    if lines and lines[-1].startswith("peak-rss-kb "):
        peak = int(lines[-1].split()[1]) / 1024
        err = "\n".join(lines[:-1]) + ("\n" if len(lines) > 1 else "")
    return Run(done.returncode, done.stdout, err, peak)


@pytest.fixture
def study(project: Project) -> Iterator[Path]:
    """A closed project file: one 40-line transcript, the participation codebook, a coding."""
    text = "\n\n".join([LINE] * 40) + "\n"
    with project.session() as session:
        install_codebook(session, spec=load_bundled_codebook("participation"))
        doc = Document(
            name="INF01 wawancara", original_filename="INF01 wawancara.txt", format="txt",
            content_hash="inf01", text=text, length=len(text),
        )  # fmt: skip
        session.add(doc)
        session.commit()
        code_id = session.query(Code.id).order_by(Code.id).first()
        assert code_id is not None
        apply_code(session, document_id=doc.id, code_id=code_id[0], start=0, end=8, coder="siti")
    project.close()
    yield project.path


def first_code_key(path: Path) -> str:
    """The key of the first code of the project (for ``--code``)."""
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return str(con.execute("SELECT key FROM codes ORDER BY id LIMIT 1").fetchone()[0])
    finally:
        con.close()
