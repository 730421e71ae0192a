"""Undo of taking a comment back puts its whole thread back: the replies below it, at every
depth, with their texts, authors, parents, resolved flags and times."""

from __future__ import annotations

from typing import Any

from _study import build

from app.coding.review import (
    add_comment,
    comments_for,
    delete_comment,
    resolve_thread,
    restore_comment,
)
from app.models.project import Project


def test_undo_of_deleting_a_comment_brings_back_its_replies(project: Project, dump: Any) -> None:
    with project.session() as s:
        st = build(s)  # the study's coding already has a question and an answer
        coding = st.codings[0]
        root = add_comment(s, coding_id=coding, author="pembimbing", text="Kenapa di sini?")
        first = add_comment(
            s, coding_id=coding, author="siti", text="Karena ia menyebut arisan.", reply_to=root.id
        )
        add_comment(
            s, coding_id=coding, author="pembimbing", text="Dan yang lain?", reply_to=root.id
        )
        deeper = add_comment(
            s, coding_id=coding, author="pembimbing", text="Baris berapa?", reply_to=first.id
        )
        add_comment(s, coding_id=coding, author="siti", text="Baris 12.", reply_to=deeper.id)
        resolve_thread(s, comment_id=first.id)
        other = add_comment(s, coding_id=coding, author="siti", text="Catatan lain")
        thread = comments_for(s, coding_id=coding)
    assert len(thread) == 6
    before = dump(project.path)

    with project.session() as s:
        taken = delete_comment(s, comment_id=root.id)
        assert [c.text for c in taken.replies] == [
            "Karena ia menyebut arisan.",
            "Dan yang lain?",
            "Baris berapa?",
            "Baris 12.",
        ]
        assert [c.id for c in comments_for(s, coding_id=coding)] == [other.id]
        restore_comment(s, comment=taken)
        assert comments_for(s, coding_id=coding) == thread

    assert dump(project.path) == before
