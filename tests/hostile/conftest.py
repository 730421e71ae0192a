"""Fixtures of the hostile-input suite: a project worth protecting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_helpers import LINE

from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.coding.codings import apply_code
from app.models.project import Project
from app.models.schema import Code, Document


@pytest.fixture
def study(project: Project) -> Iterator[Path]:
    """A closed project file: one 40-line transcript, the participation codebook, a coding."""
    text = "\n\n".join([LINE] * 40) + "\n"
    with project.session() as session:
        install_codebook(session, spec=load_bundled_codebook("participation"))
        doc = Document(
            name="INF01 wawancara", original_filename="INF01 wawancara.txt", format="txt",
            content_hash="inf01", text=text, length=len(text),
        )  # fmt: skip
        session.add(doc)
        session.commit()
        code_id = session.query(Code.id).order_by(Code.id).first()
        assert code_id is not None
        apply_code(session, document_id=doc.id, code_id=code_id[0], start=0, end=8, coder="siti")
    project.close()
    yield project.path
