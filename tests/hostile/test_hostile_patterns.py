"""Hostile patterns: catastrophic backtracking, huge counts, very many hits (issue 13, rows 1-4).

Each command runs in a child process with a time limit (a hang fails the test instead of
hanging the suite); the project must be exactly as it was whenever nothing was coded.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hostile_helpers import first_code_key, run_cli

from app.cli import main
from app.coding.autocode import TooManyHits, preview_autocode
from app.coding.errors import InvalidValue
from app.coding.patterns import MAX_UNFOLDED, PatternTooSlow, compile_pattern, unfolded_size
from app.coding.search import search
from app.models.project import Project, open_project
from app.models.schema import Document

A40 = "a" * 40 + "!"


def _add_text(path: Path, name: str, text: str) -> None:
    project = open_project(path)
    with project.session() as session:
        session.add(
            Document(
                name=name, original_filename=name + ".txt", format="txt", content_hash=name,
                text=text, length=len(text),
            )
        )  # fmt: skip
        session.commit()
    project.close()


def _coders(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [r[0] for r in con.execute("SELECT name FROM coders ORDER BY name")]
    finally:
        con.close()


def test_nested_quantifier_on_forty_as_ends_at_once(study: Path, dump) -> None:  # type: ignore[no-untyped-def]
    _add_text(study, "aaa", A40)
    before = dump(study)
    run = run_cli(
        ["autocode", str(study), "--pattern", "(a+)+$", "--code", first_code_key(study),
         "--coder", "budi"],
        timeout=30,
    )  # fmt: skip
    assert run.status == 0, run.err
    assert run.out.strip() == "added 0 codings"
    assert dump(study) == before  # no coder row "budi" either
    assert "budi" not in _coders(study)


def test_catastrophic_pattern_is_stopped_and_writes_nothing(study: Path, dump) -> None:  # type: ignore[no-untyped-def]
    _add_text(study, "aaa", A40)
    before = dump(study)
    run = run_cli(
        ["autocode", str(study), "--pattern", "(a|aa)+!x", "--code", first_code_key(study),
         "--coder", "budi"],
        timeout=30,
    )  # fmt: skip
    assert run.status == 1
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and "pattern too slow: simplify it" in lines[0], run.err
    assert dump(study) == before
    assert "budi" not in _coders(study)


def test_search_with_a_catastrophic_pattern_is_stopped(project: Project) -> None:
    with project.session() as session:
        session.add(
            Document(name="a", original_filename="a.txt", format="txt", content_hash="a",
                     text=A40, length=len(A40))
        )  # fmt: skip
        session.commit()
        with pytest.raises(PatternTooSlow):
            search(session, query="(a|aa)+!x", regex=True)
        # a sane pattern on the same text still works
        assert len(search(session, query="a+!", regex=True)) == 1


@pytest.mark.parametrize(
    "pattern",
    ["a{4294967296}", "a{99999999999999999999}", "(?:a{1000}){1000}",
     "(?:(?:a{1000}){1000}){1000}", "(" * 200 + "a" + ")" * 200, "x" * 1001, "(a", "[z-a]",
     "a**", "\\"],
)  # fmt: skip
def test_every_invalid_pattern_is_one_line_and_writes_nothing(  # type: ignore[no-untyped-def]
    study: Path, dump, capsys, pattern: str
) -> None:
    before = dump(study)
    status = main(["autocode", str(study), "--pattern", pattern, "--code", first_code_key(study)])
    err = capsys.readouterr().err
    assert status == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("telaah: error: invalid pattern"), lines[0]
    assert len(lines[0]) < 300
    assert dump(study) == before


def test_huge_repetition_count_in_a_child_is_one_line(study: Path) -> None:
    run = run_cli(
        ["autocode", str(study), "--pattern", "a{4294967296}", "--code", first_code_key(study)],
        timeout=30,
    )
    assert run.status == 1
    assert run.err.strip() == (
        'telaah: error: invalid pattern "a{4294967296}": repetition count too large'
    )


def test_unfolding_estimate_bounds_compile_work() -> None:
    assert unfolded_size("(?:a{300}){300}") < MAX_UNFOLDED
    assert unfolded_size("(?:a{1000}){1000}") > MAX_UNFOLDED
    assert unfolded_size(r"\{5}") < 10  # an escaped brace is no quantifier
    with pytest.raises(InvalidValue):
        compile_pattern("a{4294967296}")
    # the same syntax as Python's re: lookarounds, classes, named groups
    assert compile_pattern(r"(?<!\w)warga(?!\w)").compiled.search("Lumbung warga")


def test_many_hits_are_refused_with_the_count_unless_the_limit_is_raised(study: Path, dump) -> None:  # type: ignore[no-untyped-def]
    _add_text(study, "titik", "ab" * 12_000)
    before = dump(study)
    key = first_code_key(study)
    run = run_cli(["autocode", str(study), "--pattern", "ab", "--code", key], timeout=60)
    assert run.status == 1
    assert "12,000 hits, more than the limit of 10,000" in run.err
    assert "--max-hits 12000" in run.err
    assert dump(study) == before
    run = run_cli(
        ["autocode", str(study), "--pattern", "ab", "--code", key, "--max-hits", "12000"],
        timeout=60,
    )
    assert run.status == 0, run.err
    assert run.out.strip() == "added 12000 codings"


def test_preview_counts_all_hits_before_refusing(project: Project) -> None:
    with project.session() as session:
        session.add(
            Document(name="t", original_filename="t.txt", format="txt", content_hash="t",
                     text="x" * 500, length=500)
        )  # fmt: skip
        session.commit()
        with pytest.raises(TooManyHits) as caught:
            preview_autocode(session, pattern="x", max_hits=100)
        assert (caught.value.count, caught.value.limit) == (500, 100)


def test_dot_on_the_sample_study_is_refused_at_once_with_its_count(  # type: ignore[no-untyped-def]
    tmp_path: Path, dump
) -> None:
    """Row 4 exactly: ``--pattern '.'`` on the sample study (one hit per character) was
    still running after 120 s; now every hit is counted and the command refuses with the
    count and the flag that would raise the limit, within seconds, writing nothing."""
    from app.coding.demo import build_demo_project

    demo = build_demo_project(tmp_path / "demo.telaah")
    before = dump(demo)
    run = run_cli(
        ["autocode", str(demo), "--pattern", ".", "--code", first_code_key(demo)], timeout=60
    )
    assert run.status == 1
    lines = run.err.strip().splitlines()
    assert len(lines) == 1 and "hits, more than the limit of 10,000" in lines[0], run.err
    assert "--max-hits" in lines[0]
    assert dump(demo) == before
