"""The benchmark corpus is a real, deterministic project: what the app itself would write."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from app.cli import main
from app.models.project import open_project

ROOT = Path(__file__).resolve().parents[2]


def _make(out: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--make-corpus", "S", "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "1,200 codings" in done.stdout


def test_small_corpus_is_a_valid_deterministic_project(
    tmp_path: Path, dump: Callable[[Path], object]
) -> None:
    first, second = tmp_path / "a.telaah", tmp_path / "b.telaah"
    _make(first)
    _make(second)
    assert dump(first) == dump(second)

    con = sqlite3.connect(first)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        counts = [
            con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "cases", "codes", "codings", "coders")
        ]
        assert counts == [12, 12, 63, 1200, 4]  # the 63 bundled codes exceed the 60 asked for
        # every snippet is the exact slice of its document (SQLite substr counts code points)
        wrong = con.execute(
            "SELECT count(*) FROM codings c JOIN documents d ON d.id = c.document_id "
            'WHERE c.snippet != substr(d.text, c.start + 1, c."end" - c.start)'
        ).fetchone()[0]
        assert wrong == 0
        overlapping = con.execute(
            "SELECT count(*) FROM codings a JOIN codings b ON a.document_id = b.document_id "
            'AND a.id < b.id AND a.start < b."end" AND b.start < a."end"'
        ).fetchone()[0]
        assert overlapping > 100
        assert con.execute("SELECT count(DISTINCT coder_id) FROM codings").fetchone()[0] >= 3
        speakers = {r[0] for r in con.execute("SELECT DISTINCT speaker FROM segments")}
        assert speakers == {None, "Peneliti", "Informan"}
        hits = con.execute(
            "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'musyawarah'"
        ).fetchone()[0]
        assert hits > 0
    finally:
        con.close()
    project = open_project(first)  # opens without migration or complaint
    project.close()


def test_corpus_text_matches_the_importer(tmp_path: Path) -> None:
    """A document of the corpus, written out and imported by ``telaah import``, gets the
    same text and the same paragraphs and speaker turns as the corpus stored."""
    corpus = tmp_path / "s.telaah"
    _make(corpus)
    con = sqlite3.connect(corpus)
    text = con.execute("SELECT text FROM documents WHERE id = 3").fetchone()[0]
    segments = con.execute(
        'SELECT kind, ordinal, start, "end", speaker FROM segments WHERE document_id = 3 '
        "ORDER BY kind, ordinal"
    ).fetchall()
    con.close()
    source = tmp_path / "wawancara.txt"
    source.write_text(text, encoding="utf-8")
    project = tmp_path / "impor.telaah"
    assert main(["new", str(project)]) == 0
    assert main(["import", str(project), str(source)]) == 0
    con = sqlite3.connect(project)
    assert con.execute("SELECT text FROM documents").fetchone()[0] == text
    again = con.execute(
        'SELECT kind, ordinal, start, "end", speaker FROM segments ORDER BY kind, ordinal'
    ).fetchall()
    con.close()
    assert again == segments
