"""Fixtures of the malformed-input suite: a project with content to keep intact, and an
unreadable file. The hostile files themselves are written by :mod:`hostile_inputs`."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_inputs import LINES

from app.cli import main
from app.coding.cases import create_case, link_document
from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.coding.codings import apply_code
from app.models.project import Project


@pytest.fixture
def filled_project(project: Project, tmp_path: Path) -> Iterator[Path]:
    """A closed project file holding one imported transcript, a case and a coding."""
    source = tmp_path / "INF01 wawancara.txt"
    source.write_text("\n\n".join(LINES) + "\n", encoding="utf-8")
    with project.session() as session:
        install_codebook(session, spec=load_bundled_codebook("participation"))
    project.close()
    assert main(["import", str(project.path), str(source), "--case", "INF01"]) == 0
    from sqlalchemy import select

    from app.models.project import open_project
    from app.models.schema import Code, Document

    again = open_project(project.path)
    with again.session() as session:
        doc_id = session.scalars(select(Document.id)).one()
        code_id = session.scalars(select(Code.id).limit(1)).one()
        apply_code(session, document_id=doc_id, code_id=code_id, start=0, end=9, coder="siti")
        case = create_case(session, name="INF02")
        link_document(session, case_id=case.id, document_id=doc_id)
    again.close()
    yield project.path


@pytest.fixture
def unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A transcript the current user may not read.

    Under root (CI) permissions do not bite; then opening exactly this file is made to fail
    the way the kernel fails it for another user (``PermissionError``, EACCES), so the
    mapping from the OS error to the message is still tested for real.
    """
    import errno

    path = tmp_path / "rahasia.txt"
    path.write_text("\n\n".join(LINES) + "\n", encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):
        real_open = Path.open

        def guarded(self: Path, *args: object, **kwargs: object) -> object:
            if self == path:
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
            return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

        monkeypatch.setattr(Path, "open", guarded)
    yield path
    path.chmod(0o600)
