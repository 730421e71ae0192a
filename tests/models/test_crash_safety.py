"""Killing the process while it writes never corrupts the project nor loses a commit.

A child process opens the project the way Telaah does (the full check, WAL and
``synchronous=FULL``), then writes in a loop and is killed (SIGKILL on POSIX,
``TerminateProcess`` on Windows) in each of the three places of SQLite's commit protocol
where a crash can leave something behind:

- ``commit``: codings applied one transaction each; the kill lands while frames are being
  appended to the WAL and synced (most of a commit's time);
- ``checkpoint``: each commit followed by a WAL checkpoint; the kill lands while committed
  pages are copied from the WAL into the main file;
- ``open``: one transaction that never commits, with a page cache so small that its dirty
  pages spill into the WAL before the kill: uncommitted frames that recovery must drop.

Each phase's kill points are fixed delays after the child says it is writing (the loop
writes all the time, so any delay lands mid-write); the next child's opening is the first
check that the file still opens. Afterwards the file passes Telaah's own checks and
``PRAGMA integrity_check``, every coding reported as committed is there, whole, and nothing
of the uncommitted transaction is.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from app.models.project import Project, open_project
from app.models.schema import Code, Codebook, Document

CHILD = r"""
import os, random, sys
from pathlib import Path
from app.coding.codings import apply_code, coder_id
from app.models.project import open_project
from app.models.schema import Coding

path, phase, seed = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
project = open_project(path)
rng = random.Random(seed)
wal = Path(f"{path}-wal")

def code_one(s):
    start = rng.randrange(0, 900)
    end = start + rng.randrange(1, 100)
    changes = apply_code(s, document_id=1, code_id=1, start=start, end=end,
                         coder=f"c{rng.randrange(5)}")
    for c in changes.added:
        print(c.id, flush=True)

with project.session() as s:
    if phase == "open":
        s.connection().exec_driver_sql("PRAGMA cache_size=2")  # pages: spills at once
        who = coder_id(s, name="uncommitted")
        size = wal.stat().st_size if wal.exists() else 0
        said, n = False, 0
        while True:
            s.add_all(Coding(document_id=1, code_id=1, coder_id=who, start=k % 1000,
                             end=k % 1000 + 1 + k // 1000, snippet="x" * 500)
                      for k in range(n, n + 50))
            n += 50
            s.flush()
            if not said and wal.exists() and wal.stat().st_size > size:
                said = True  # frames of this open transaction are in the WAL
                print("writing", flush=True)
    said = False
    while True:
        code_one(s)
        if phase == "checkpoint":
            with project.engine.connect() as c:
                c.exec_driver_sql("PRAGMA wal_checkpoint(RESTART)")
        if not said:  # warmed up (imports, mappers): the kill lands among the writes
            said = True
            print("writing", flush=True)
"""

#: (phase, seconds between "writing" and the kill)
KILLS = (
    ("commit", 0.0),
    ("commit", 0.05),
    ("checkpoint", 0.0),
    ("checkpoint", 0.05),
    ("open", 0.02),
)


def _kill_while_writing(path: Path, phase: str, delay: float, seed: int) -> set[int]:
    """Run the child in ``phase``, kill it ``delay`` s after it started writing; the ids it
    reported as committed."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path), phase, str(seed)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    reported: set[int] = set()
    line = child.stdout.readline().strip()
    while line != "writing":
        assert line.isdigit(), (phase, line)  # "" would be a child that died by itself
        reported.add(int(line))
        line = child.stdout.readline().strip()
    time.sleep(delay)
    child.kill()
    out, _ = child.communicate(timeout=30)
    assert child.returncode != 0  # it was killed, it did not finish
    # The last line may be cut mid-write by the kill: keep complete numbers only.
    reported.update(int(n) for n in out.split("\n")[:-1] if n.strip().isdigit())
    return reported


def test_sigkill_while_writing_loses_nothing_committed_and_keeps_nothing_partial(
    project: Project,
) -> None:
    text = "Relawan dan warga bekerja bersama. " * 30
    with project.session() as s:
        book = Codebook(key="uji", name_id="Uji", name_en="Test")
        s.add(book)
        s.flush()
        s.add(Code(codebook_id=book.id, key="uji/a", name_id="A", name_en="A"))
        s.add(
            Document(
                name="d.txt",
                original_filename="d.txt",
                format="txt",
                content_hash="h",
                text=text,
                length=len(text),
            )
        )
        s.commit()
    project.close()
    path = project.path
    assert path is not None
    reported: set[int] = set()
    for seed, (phase, delay) in enumerate(KILLS):
        done = _kill_while_writing(path, phase, delay, seed)
        if phase != "open":
            assert done, phase  # it committed codings before and around the kill
        reported |= done
    open_project(path).close()  # Telaah's own checks, quick_check included
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = con.execute("SELECT id, start, end, snippet FROM codings").fetchall()
        coders = {row[0] for row in con.execute("SELECT name FROM coders")}
    finally:
        con.close()
    assert reported <= {row[0] for row in rows}  # every acknowledged commit survived
    assert all(text[start:end] == snippet for _id, start, end, snippet in rows)  # whole
    assert "uncommitted" not in coders  # nothing of the transaction that never committed
