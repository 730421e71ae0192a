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


def test_a_reply_cycle_in_a_tampered_file_does_not_hang_the_deletion(
    project: Project, monkeypatch: Any
) -> None:
    """Replies that answer each other in a circle (an edit by another program: the foreign
    keys allow it) are each taken once; the deletion ends."""
    import sqlite3

    import app.coding.review as review

    with project.session() as s:
        st = build(s)
        root = add_comment(s, coding_id=st.codings[0], author="pembimbing", text="Mengapa?")
        reply = add_comment(
            s, coding_id=st.codings[0], author="siti", text="Karena.", reply_to=root.id
        )
    con = sqlite3.connect(project.path)
    con.execute("UPDATE comments SET reply_to_id = ? WHERE id = ?", (reply.id, root.id))
    con.commit()
    con.close()
    reads = 0
    real = review._comment_rows

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal reads
        reads += 1
        assert reads < 20, "the thread is read round and round"
        return real(*args, **kwargs)

    monkeypatch.setattr(review, "_comment_rows", counted)
    with project.session() as s:
        taken = delete_comment(s, comment_id=root.id)
        assert [c.id for c in taken.replies] == [reply.id]
        assert not [
            c for c in comments_for(s, coding_id=st.codings[0]) if c.id in (root.id, reply.id)
        ]
