"""Multi-row inserts store exactly what the ORM's own insert stores, on a real project file."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest
from sqlalchemy import insert

from app.models.bulk import insert_rows
from app.models.project import Project
from app.models.schema import Code, Codebook, Coder, Coding, Document

FIELDS = ("document_id", "code_id", "coder_id", "start", "end", "snippet", "memo",
          "illustrative", "stance", "created_at", "updated_at")  # fmt: skip


def _setup(project: Project) -> tuple[int, int, int]:
    with project.session() as session:
        book = Codebook(key="uji", name_id="Uji", name_en="Test")
        session.add(book)
        session.flush()
        code = Code(codebook_id=book.id, key="uji/a", name_id="A", name_en="A")
        doc = Document(name="w.txt", original_filename="w.txt", format="txt",
                       content_hash="x", text="x" * 500, length=500)  # fmt: skip
        coder = Coder(name="siti")
        session.add_all([code, doc, coder])
        session.commit()
        return doc.id, code.id, coder.id


def _rows(doc: int, code: int, coder: int, first: int) -> list[tuple[object, ...]]:
    """Rows mixing booleans, one shared and many distinct timestamps, and text."""
    shared = datetime(2026, 12, 2, 20, 0, 0, 123456)
    return [
        (doc, code, coder, first + i, first + i + 3, f"snip “{i}” 🌊", "" if i % 3 else "memo",
         i % 2 == 0, "supports" if i % 4 else "barrier",
         shared if i % 5 else datetime(2026, 1, 1 + i % 28, 7, i % 60), shared)
        for i in range(250)
    ]  # fmt: skip


def test_rows_are_stored_as_the_orm_stores_them(project: Project) -> None:
    doc, code, coder = _setup(project)
    with project.session() as session:
        session.execute(
            insert(Coding), [dict(zip(FIELDS, r, strict=True)) for r in _rows(doc, code, coder, 0)]
        )
        insert_rows(session, Coding, FIELDS, _rows(doc, code, coder, 1000))
        session.commit()
    assert project.path is not None
    con = sqlite3.connect(project.path)
    try:
        columns = ", ".join(f'"{f}"' for f in FIELDS if f != "start")
        orm = con.execute(f"SELECT {columns} FROM codings WHERE start < 1000 ORDER BY start")
        ours = con.execute(f"SELECT {columns} FROM codings WHERE start >= 1000 ORDER BY start")
        orm_rows, our_rows = orm.fetchall(), ours.fetchall()
    finally:
        con.close()
    assert len(our_rows) == 250
    shift = FIELDS.index("end") - 1  # "end" moved by the 1000 of the start
    assert [(*r[:shift], r[shift] - 1000, *r[shift + 1 :]) for r in our_rows] == orm_rows


def test_a_row_of_the_wrong_width_is_refused_and_nothing_is_written(project: Project) -> None:
    doc, code, coder = _setup(project)
    rows = _rows(doc, code, coder, 0)
    rows[120] = rows[120][:-1]
    with project.session() as session:
        with pytest.raises(ValueError, match="10 values for 11 columns"):
            insert_rows(session, Coding, FIELDS, rows)
        session.rollback()
    assert project.path is not None
    con = sqlite3.connect(project.path)
    try:
        assert con.execute("SELECT count(*) FROM codings").fetchone() == (0,)
    finally:
        con.close()
