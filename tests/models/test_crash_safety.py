"""Killing the process while it codes never corrupts the project nor loses a commit.

A child process applies codings in a loop and prints each coding's id once its transaction
has committed; it is killed (SIGKILL on POSIX) at random moments. Afterwards the file passes
``PRAGMA integrity_check`` and every reported coding is present.
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from app.models.project import Project
from app.models.schema import Code, Codebook, Document

CHILD = r"""
import random, sys
from pathlib import Path
from app.coding.codings import apply_code
from app.models.project import open_project

project = open_project(Path(sys.argv[1]))
rng = random.Random(int(sys.argv[2]))
with project.session() as s:
    first = True
    while True:
        start = rng.randrange(0, 900)
        changes = apply_code(s, document_id=1, code_id=1, start=start,
                             end=start + rng.randrange(1, 100), coder=f"c{rng.randrange(5)}")
        for c in changes.added:
            print(c.id, flush=True)
        if first:  # warmed up (imports, mappers): the kill then lands among the writes,
            first = False  # however loaded the machine is
            print("ready", flush=True)
"""

ROUNDS = 20


def test_sigkill_while_coding_loses_nothing_committed(project: Project) -> None:
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
    path: Path = project.path
    rng = random.Random(20241123)
    reported: set[int] = set()
    for round_no in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(path), str(round_no)],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        while line != "ready":
            assert line.isdigit(), line
            reported.add(int(line))
            line = child.stdout.readline().strip()
        time.sleep(rng.uniform(0.0, 0.25))
        child.kill()
        out, _ = child.communicate(timeout=30)
        # The last line may be cut mid-write by the kill: keep complete numbers only.
        lines = out.split("\n")
        reported.update(int(line) for line in lines[:-1] if line.strip().isdigit())
    assert len(reported) > ROUNDS  # the children did get work done before dying
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in con.execute("SELECT id FROM codings")}
    finally:
        con.close()
    assert reported <= stored
