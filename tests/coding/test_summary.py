"""The illustrative-method summary over a study with known answers (see _analysis_study)."""

from __future__ import annotations

import pytest
from _analysis_study import (
    GROUP_AKTOR,
    GROUP_APARAT,
    GROUP_WARGA,
    TB_KEYS,
    build_study,
    phrase,
)

from app.coding.analysis import BoxStatus, build_summary
from app.coding.codings import update_coding
from app.coding.errors import NotFound
from app.models.project import Project


def test_every_box_has_its_counts_cases_groups_and_status(project: Project) -> None:
    build_study(project)
    with project.session() as s:
        summary = build_summary(s, codebook="tb")
    rows = {
        b.key: (b.excerpts, b.cases, b.groups, b.status, b.rolled_up, b.sources)
        for b in summary.boxes
    }
    assert [b.key for b in summary.boxes] == list(TB_KEYS)
    assert rows == {
        "tb/a": (
            6,
            ("Hendra Wijaya", "Siti Marlina", "Bambang Priyono", "Nur Aini"),
            (GROUP_AKTOR, GROUP_APARAT, GROUP_WARGA),
            BoxStatus.FILLED,
            True,
            4,
        ),
        "tb/a/x": (
            3,
            ("Hendra Wijaya", "Siti Marlina", "Bambang Priyono"),
            (GROUP_AKTOR, GROUP_APARAT),
            BoxStatus.FILLED,
            False,
            3,
        ),
        "tb/a/y": (2, ("Hendra Wijaya",), (GROUP_AKTOR,), BoxStatus.THIN, False, 1),
        # The regulation has no case: it is a third source, but not a case.
        "tb/b": (
            3,
            ("Siti Marlina", "Nur Aini"),
            (GROUP_APARAT, GROUP_WARGA),
            BoxStatus.FILLED,
            False,
            3,
        ),
        "tb/c": (0, (), (), BoxStatus.EMPTY, False, 0),
    }
    assert [b.key for b in summary.empty_boxes] == ["tb/c"]


def test_starred_quotes_win_else_the_longest_three(project: Project) -> None:
    build_study(project)
    with project.session() as s:
        boxes = {b.key: b for b in build_summary(s, codebook="tb").boxes}
    assert boxes["tb/a/x"].starred
    assert [q.text for q in boxes["tb/a/x"].quotes] == [phrase("c1")]
    assert not boxes["tb/a/y"].starred
    assert [q.text for q in boxes["tb/a/y"].quotes] == [phrase("c3"), phrase("c4")]
    # Longest first; equal lengths in document order.
    assert [q.text for q in boxes["tb/b"].quotes] == [phrase("c9"), phrase("c6"), phrase("c11")]
    # A parent picks from its whole subtree: the indicator's starred quote wins over its own
    # unstarred one, and says which indicator it comes from.
    assert [q.text for q in boxes["tb/a"].quotes] == [phrase("c1")]
    assert boxes["tb/a"].starred
    assert boxes["tb/a"].quotes[0].code_key == "tb/a/x"
    assert boxes["tb/c"].quotes == ()
    source = boxes["tb/a"].quotes[0]
    assert (source.case, source.case_alias) == ("Hendra Wijaya", "Informan 1")


def test_a_box_becomes_thin_or_filled_as_evidence_changes(project: Project) -> None:
    study = build_study(project)
    with project.session() as s:
        update_coding(s, coding_id=study.codings["c4"], illustrative=True)
        boxes = {b.key: b for b in build_summary(s, codebook="tb").boxes}
        assert [q.text for q in boxes["tb/a/y"].quotes] == [phrase("c4")]
        # Only coder budi: budi coded nothing in tb, so every box is empty.
        only_budi = build_summary(s, codebook="tb", coder="budi")
    assert {b.status for b in only_budi.boxes} == {BoxStatus.EMPTY}
    assert len(only_budi.empty_boxes) == 5


def test_group_attribute_is_configurable(project: Project) -> None:
    build_study(project)
    with project.session() as s:
        boxes = {b.key: b for b in build_summary(s, codebook="tb", group_attribute="role").boxes}
    assert boxes["tb/a/x"].groups == ("Kepala Bidang", "Lurah")
    assert boxes["tb/b"].groups == ("Lurah", "Warga")


def test_unknown_codebook_is_not_found(project: Project) -> None:
    with project.session() as s, pytest.raises(NotFound):
        build_summary(s, codebook="nope")
