"""Shared fixtures. Qt runs offscreen; every test gets its own project file on disk."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.models.project import Project, create_project


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """A new, empty project file in a folder whose name has spaces and Indonesian text."""
    folder = tmp_path / "Tesis Bu Siti — Pantai Indah"
    folder.mkdir()
    proj = create_project(folder / "tesis saya.telaah")
    yield proj
    proj.close()


def dump_project(path: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Every user table's rows, sorted: a canonical dump to compare before/after."""
    con = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        return [
            (t, sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)) for t in tables
        ]
    finally:
        con.close()


@pytest.fixture
def dump():  # type: ignore[no-untyped-def]
    """The :func:`dump_project` helper as a fixture."""
    return dump_project
