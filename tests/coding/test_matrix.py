"""Coded matrices over a study with known answers (see _analysis_study)."""

from __future__ import annotations

import pytest
from _analysis_study import (
    CASE_NAMES,
    GROUP_AKTOR,
    GROUP_APARAT,
    GROUP_WARGA,
    TB_KEYS,
    build_study,
    phrase,
)

from app.coding.analysis import (
    ColumnKind,
    Matrix,
    build_matrix,
    get_cell_summary,
    set_cell_summary,
)
from app.coding.analysis.evidence import CodingRef, CodingTable
from app.coding.analysis.matrix import _overlap_pairs
from app.coding.errors import InvalidValue, NotFound
from app.models.project import Project

CASE_COUNTS = [
    [3, 1, 1, 1],  # tb/a rolls up x and y and has c8 of its own
    [1, 1, 1, 0],
    [2, 0, 0, 0],
    [0, 1, 0, 1],  # the regulation (no case) is in no column
    [0, 0, 0, 0],
]
GROUP_COUNTS = [[3, 2, 1], [1, 2, 0], [2, 0, 0], [0, 1, 1], [0, 0, 0]]
COOCCURRENCE = [[1, 0], [1, 0], [0, 0], [1, 1], [0, 0]]


def counts(matrix: Matrix) -> list[list[int]]:
    return [
        [matrix.count(r, c) for c in range(len(matrix.columns))] for r in range(len(matrix.rows))
    ]


def test_codes_by_cases_in_informant_order(project: Project) -> None:
    build_study(project)
    with project.session() as s:
        matrix = build_matrix(s, rows="tb", cols="cases")
    assert [r.key for r in matrix.rows] == list(TB_KEYS)
    assert [r.rolled_up for r in matrix.rows] == [True, False, False, False, False]
    assert [c.key for c in matrix.columns] == list(CASE_NAMES)
    assert [c.alias for c in matrix.columns] == ["Informan 1", "Informan 2", "Informan 3",
                                                 "Informan 10"]  # fmt: skip
    assert counts(matrix) == CASE_COUNTS
    assert [[matrix.present(r, c) for c in range(4)] for r in range(5)] == [
        [n > 0 for n in row] for row in CASE_COUNTS
    ]


def test_without_rollup_a_parent_counts_only_its_own_codings(project: Project) -> None:
    build_study(project)
    with project.session() as s:
        matrix = build_matrix(s, rows="tb", cols="cases", rollup=False)
    assert counts(matrix)[0] == [0, 0, 0, 1]
    assert not any(r.rolled_up for r in matrix.rows[1:])


def test_codes_by_attribute_values(project: Project) -> None:
    build_study(project)
    with project.session() as s:
        matrix = build_matrix(s, rows="tb", cols="attr:group")
    assert matrix.column_kind is ColumnKind.ATTR
    assert [c.key for c in matrix.columns] == [GROUP_AKTOR, GROUP_APARAT, GROUP_WARGA]
    assert counts(matrix) == GROUP_COUNTS


def test_co_occurrence_counts_overlapping_codings_of_any_coder(project: Project) -> None:
    build_study(project)
    with project.session() as s:
        matrix = build_matrix(s, rows="tb", cols="co")
        only_siti = build_matrix(s, rows="tb", cols="co", coder="siti")
    assert [c.key for c in matrix.columns] == ["co/plan", "co/deliver"]
    assert counts(matrix) == COOCCURRENCE
    # c10 (co-delivery) is budi's: without it tb/b no longer meets co-delivery.
    assert counts(only_siti) == [[1, 0], [1, 0], [0, 0], [1, 0], [0, 0]]


def test_quotes_of_a_cell_have_text_and_source(project: Project) -> None:
    build_study(project)
    with project.session() as s:
        matrix = build_matrix(s, rows="tb", cols="cases", with_quotes=True)
        cooc = build_matrix(s, rows="tb", cols="co", with_quotes=True)
    assert [q.text for q in matrix.cell_quotes(0, 0)] == [phrase("c1"), phrase("c3"), phrase("c4")]
    assert matrix.cell_quotes(0, 0, own_only=True) == ()
    assert [q.text for q in matrix.cell_quotes(0, 3, own_only=True)] == [phrase("c8")]
    emoji = matrix.cell_quotes(1, 1)[0]
    assert emoji.text == phrase("c5")
    assert emoji.case == "Siti Marlina"
    assert [q.text for q in cooc.cell_quotes(3, 0)] == [phrase("c11")]
    assert [q.text for q in cooc.cell_quotes(3, 1)] == [phrase("c9")]


def test_same_codebook_on_both_axes_never_pairs_a_coding_with_itself(project: Project) -> None:
    build_study(project)
    with project.session() as s:
        matrix = build_matrix(s, rows="tb", cols="tb", rollup=False)
    # Only c5 (tb/a/x) holds c6 (tb/b): one pair, seen from both sides.
    expected = [[0] * 5 for _ in range(5)]
    expected[1][3] = expected[3][1] = 1
    assert counts(matrix) == expected


def test_touching_spans_do_not_overlap() -> None:
    a = CodingRef(1, 10, 1, 0, 5, False)
    b = CodingRef(2, 20, 1, 5, 9, False)
    c = CodingRef(3, 20, 1, 4, 6, False)
    d = CodingRef(4, 20, 2, 0, 5, False)  # another document
    # a and b touch (5 = 5) without sharing a character; c overlaps both.
    table = CodingTable.of([a, c, b, d])  # ordered by document and start
    found = _overlap_pairs(table)
    pairs = sorted((int(table.id[i]), int(table.id[j])) for i, j in zip(*found, strict=True))
    assert pairs == [(1, 3), (2, 3), (3, 1), (3, 2)]


def test_cell_summaries_are_stored_undoable_and_shown(project: Project) -> None:
    study = build_study(project)
    with project.session() as s:
        first = set_cell_summary(
            s, row_code_id=study.codes["tb/a/x"], column_kind="case",
            column_key="Hendra Wijaya", text="Percaya penuh.",
        )  # fmt: skip
        second = set_cell_summary(
            s, row_code_id=study.codes["tb/a/x"], column_kind="case",
            column_key="Hendra Wijaya", text="Percaya, dengan syarat.",
        )  # fmt: skip
        set_cell_summary(
            s, row_code_id=study.codes["tb/b"], column_kind="attr",
            column_key=f"group={GROUP_WARGA}", text="Ronda bersama.",
        )  # fmt: skip
        by_case = build_matrix(s, rows="tb", cols="cases")
        by_group = build_matrix(s, rows="tb", cols="attr:group")
        undo = set_cell_summary(
            s, row_code_id=study.codes["tb/a/x"], column_kind="case",
            column_key="Hendra Wijaya", text=second.previous,
        )  # fmt: skip
        after_undo = get_cell_summary(
            s, row_code_id=study.codes["tb/a/x"], column_kind="case", column_key="Hendra Wijaya"
        )
        set_cell_summary(
            s, row_code_id=study.codes["tb/a/x"], column_kind="case",
            column_key="Hendra Wijaya", text="  ",
        )  # fmt: skip
        cleared = build_matrix(s, rows="tb", cols="cases")
    assert first.previous == ""
    assert second.previous == "Percaya penuh."
    assert by_case.summary(1, 0) == "Percaya, dengan syarat."
    assert by_case.summary(1, 1) == ""
    assert by_group.summary(3, 2) == "Ronda bersama."
    assert undo.previous == "Percaya, dengan syarat."
    assert after_undo == "Percaya penuh."
    assert cleared.summaries == {}


def test_bad_columns_and_unknown_names_are_refused(project: Project) -> None:
    study = build_study(project)
    with project.session() as s:
        with pytest.raises(NotFound):
            build_matrix(s, rows="nope", cols="cases")
        with pytest.raises(NotFound):
            build_matrix(s, rows="tb", cols="attr:hobby")
        with pytest.raises(NotFound):
            build_matrix(s, rows="tb", cols="nope")
        with pytest.raises(InvalidValue):
            build_matrix(s, rows="tb", cols="attr:")
        with pytest.raises(InvalidValue):
            set_cell_summary(
                s, row_code_id=study.codes["tb/a"], column_kind="row", column_key="x", text="y"
            )
