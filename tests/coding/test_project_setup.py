"""Starting a study: codebooks and an attribute template in a new file, or nothing at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.coding.cases import create_case, list_cases
from app.coding.codes import list_codes
from app.coding.errors import InvalidValue, NotFound
from app.coding.project_setup import AttributeDefinition, create_study
from app.models.project import open_project


def test_a_study_starts_with_its_codebooks_and_attribute_types(tmp_path: Path) -> None:
    path = tmp_path / "Tesis Ayu — desa" / "penelitian saya.telaah"
    path.parent.mkdir()
    made = create_study(
        path,
        codebooks=["putnam", "participation", "putnam"],
        attributes=[
            AttributeDefinition("kelompok", "category"),
            AttributeDefinition("  tanggal   wawancara ", "date"),
            AttributeDefinition("", "text"),
            AttributeDefinition("Kelompok", "text"),
        ],
    )
    assert [b.codebook_key for b in made.codebooks] == ["putnam", "participation"]
    assert made.attributes == ("kelompok", "tanggal wawancara")
    project = open_project(path)
    try:
        with project.session() as s:
            assert {c.key.split("/")[0] for c in list_codes(s)} == {"putnam", "participation"}
            # The prepared type holds: a date attribute refuses what is not a date.
            with pytest.raises(InvalidValue):
                create_case(s, name="Informan 1", attributes={"tanggal wawancara": "kemarin"})
            create_case(s, name="Informan 2", attributes={"tanggal wawancara": "2024-03-11"})
            assert list_cases(s)[0].attributes == {"tanggal wawancara": "2024-03-11"}
    finally:
        project.close()


def test_a_failed_start_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "gagal.telaah"
    with pytest.raises(NotFound):
        create_study(path, codebooks=["loeffler", "no-such-theory"])
    with pytest.raises(InvalidValue):
        create_study(path, attributes=[AttributeDefinition("umur", "years")])
    assert list(tmp_path.iterdir()) == []
