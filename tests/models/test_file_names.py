"""Project files whose names hold characters that mean something in a URI."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.coding.cases import create_case, list_cases
from app.models.backup import backup_project, list_backups, restore_backup
from app.models.project import create_project, open_project


@pytest.mark.parametrize("name", ["tesis 100% #2?.telaah", "Bab IV — Pak RT (final).telaah"])
def test_open_backup_restore_with_awkward_names(tmp_path: Path, name: str) -> None:
    path = tmp_path / "data lapangan" / name
    path.parent.mkdir()
    project = create_project(path)
    with project.session() as s:
        create_case(s, name="Informan 1")
    project.close()
    reopened = open_project(path)  # the read-only check goes through a file: URI
    reopened.close()
    backup = backup_project(path, reason="manual")
    assert list_backups(path) == [backup]
    project = open_project(path)
    with project.session() as s:
        create_case(s, name="Informan 2")
    project.close()
    restore_backup(path, backup)
    project = open_project(path)
    with project.session() as s:
        assert [c.name for c in list_cases(s)] == ["Informan 1"]
    project.close()
