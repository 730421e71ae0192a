"""A copy to merge is a file someone else made: a text in it over its limit refuses the whole
merge with one clear sentence (GUI in both languages, CLI), and our file stays byte for byte
as it was — whether the row would have been added or would only have been a conflict."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from _study import build, refused_merge

from app.cli import main
from app.coding.errors import NUL_CHARACTER, SPAN_OUTSIDE, MergeRefused
from app.coding.limits import MAX_LENGTHS
from app.coding.merge import merge_project_file
from app.models.project import Project, open_project

# (table, column, limit field, what the merge does with that row of the study's copy)
OVERLONG = [
    ("coders", "name", "coder", "a new coder: coders match by name"),
    ("documents", "name", "document", "matched by content: the name is not brought"),
    ("codebooks", "name_id", "codebook", "matched by key, the name not compared"),
    ("codebooks", "description_en", "description", "matched by key"),
    ("codes", "name_id", "code", "a conflict"),
    ("codes", "name_en", "code", "a conflict"),
    ("codes", "definition_id", "description", "a conflict"),
    ("codes", "keywords", "description", "matched by key"),
    ("codes", "not_use_when_en", "description", "matched by key"),
    ("cases", "name", "case", "a new case: cases match by name"),
    ("cases", "alias", "alias", "matched by name"),
    ("attributes", "name", "attribute", "a new attribute"),
    ("case_attributes", "value", "value", "a conflict"),
    ("codings", "memo", "memo", "a coding-memo conflict"),
    ("comments", "text", "comment", "a new comment: comments match by text"),
    ("memos", "text", "memo", "a conflict: one memo a target"),
    ("cell_summaries", "text", "summary", "a conflict"),
    ("documents", "title", "title", "matched by content: the title is not brought"),
    ("codes", "finding", "finding", "a finding: ours is empty, so theirs would be taken"),
]


@pytest.fixture
def ours_and_theirs(project: Project, tmp_path: Path) -> tuple[Path, Path]:
    with project.session() as s:
        build(s)
    project.close()
    theirs = tmp_path / "salinan pembimbing.telaah"
    shutil.copy(project.path, theirs)
    return project.path, theirs


def _overlong(path: Path, table: str, column: str, field: str) -> None:
    """Make the first row's text one character too long, past the core's own checks (as a
    file edited by another program would be)."""
    con = sqlite3.connect(path)
    try:
        rowid = con.execute(f'SELECT min(rowid) FROM "{table}"').fetchone()[0]
        assert rowid is not None, f"the study has no {table}"
        text = "panjang " * (MAX_LENGTHS[field] // 8 + 1)
        con.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (text, rowid))
        con.commit()
    finally:
        con.close()


@pytest.mark.parametrize(
    ("table", "column", "field", "why"), OVERLONG, ids=[f"{t}.{c}" for t, c, *_ in OVERLONG]
)
def test_a_copy_with_an_overlong_text_is_refused_and_ours_is_unchanged(
    ours_and_theirs: tuple[Path, Path], table: str, column: str, field: str, why: str
) -> None:
    ours, theirs = ours_and_theirs
    _overlong(theirs, table, column, field)
    refused = refused_merge(ours, theirs)
    assert refused.field == field
    assert refused.detail == f"too-long:{MAX_LENGTHS[field]}"
    assert len(refused.value) < 100  # the error never carries the long text


def test_texts_exactly_at_their_limits_merge(ours_and_theirs: tuple[Path, Path]) -> None:
    ours, theirs = ours_and_theirs
    con = sqlite3.connect(theirs)
    con.execute("UPDATE comments SET text = ? WHERE reply_to_id IS NULL", ("k" * 20_000,))
    con.commit()
    con.close()
    project = open_project(ours)
    try:
        with project.session() as s:
            report = merge_project_file(s, path=theirs, this_file=ours)
    finally:
        project.close()
    assert report.added == {"comments": 1}


def test_the_cli_refuses_in_one_line(
    ours_and_theirs: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    ours, theirs = ours_and_theirs
    _overlong(theirs, "codes", "name_id", "code")
    before = ours.read_bytes()
    assert main(["merge", str(ours), str(theirs)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert "the other copy was not merged: one code name in it is longer than 200" in err[0]
    assert ours.read_bytes() == before


@pytest.mark.parametrize(
    ("language", "refused", "words"),
    [
        ("en", MergeRefused("code", "x" * 60 + "…", "too-long:200"),
         "The other copy was not merged: one code name in it is longer than 200 characters"),
        ("id", MergeRefused("code", "x" * 60 + "…", "too-long:200"),
         "Salinan lain tidak digabungkan. Nama kode di salinan itu ada yang melebihi 200"),
        ("en", MergeRefused("coding", "0–10000000", SPAN_OUTSIDE),
         "a passage in it (a coding, a paragraph or a case link) lies outside the text of its "
         "document. Nothing was changed."),
        ("id", MergeRefused("coding", "0–10000000", SPAN_OUTSIDE),
         "(pengodean, paragraf, atau tautan kasus) yang letaknya di luar teks dokumennya."),
        ("en", MergeRefused("memo", "a…", NUL_CHARACTER), "a text in it holds a NUL character"),
        ("id", MergeRefused("memo", "a…", NUL_CHARACTER), "memuat karakter NUL"),
    ],
)  # fmt: skip
def test_the_gui_says_why_in_both_languages(  # type: ignore[no-untyped-def]
    qapp, language: str, refused: MergeRefused, words: str
) -> None:
    from app.ui.errors import error_message
    from app.ui.language import apply_language

    apply_language(language)
    try:
        message = error_message(refused)
    finally:
        apply_language("en")
    assert words in message and "\n" not in message, message
