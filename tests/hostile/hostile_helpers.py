"""Helpers of the hostile-input suite: run ``telaah`` in a child process with a time limit
and its peak memory measured; a hung child is killed at its limit and the test fails,
instead of the whole suite hanging or the machine swapping."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

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


def run_cli(
    args: Sequence[str],
    *,
    timeout: float = 60,
    cwd: Path | None = None,
    memory_mb: int | None = None,
) -> Run:
    """``telaah ARGS`` in a child process; fails the test if it does not end within
    ``timeout``; ``memory_mb`` caps its address space."""
    env = dict(os.environ, PYTHONUTF8="1")
    if memory_mb is not None:
        env["TELAAH_TEST_MEMORY_MB"] = str(memory_mb)
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


def first_code_key(path: Path) -> str:
    """The key of the first code of the project (for ``--code``)."""
    con = sqlite3.connect(path)
    try:
        return str(con.execute("SELECT key FROM codes ORDER BY id LIMIT 1").fetchone()[0])
    finally:
        con.close()
