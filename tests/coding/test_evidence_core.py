"""Coder roles, evidence stance, document sources, findings and project settings (core)."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.coding.coders import CoderRole, evidence_coders, list_coders, set_coder_role
from app.coding.codes import delete_code, restore_code
from app.coding.codings import Stance, apply_code, remove_codings, restore_codings, update_coding
from app.coding.documents import import_files
from app.coding.errors import InvalidValue, NotFound
from app.coding.findings import findings, get_finding, set_finding
from app.coding.settings import (
    NamesInExports,
    get_settings,
    restore_settings,
    update_settings,
)
from app.coding.sources import (
    SourceType,
    citation_title,
    document_source,
    restore_document_source,
    set_document_source,
)
from app.models.project import APPLICATION_ID, Project, open_project
from app.models.schema import Code, Codebook


def _doc(project: Project, tmp_path: Path, name: str = "INF03_Agus_Camat.txt", **kw: object) -> int:
    path = tmp_path / name
    path.write_text("I: Belum pernah ada survei kepuasan di sini.\n", encoding="utf-8")
    with project.session() as s:
        result = import_files(s, paths=[path], **kw)  # type: ignore[arg-type]
    return result.imported[0].id


def _code(project: Project, key: str = "co/assess") -> int:
    with project.session() as s:
        book = Codebook(key="co", name_id="Empat Co", name_en="Four Co's")
        s.add(book)
        s.flush()
        code = Code(codebook_id=book.id, key=key, name_id="Penilaian", name_en="Assessment")
        s.add(code)
        s.commit()
        return code.id


def test_new_project_pseudonymises_and_settings_round_trip(project: Project) -> None:
    with project.session() as s:
        assert get_settings(s).names_in_exports is NamesInExports.ALIASES
        assert get_settings(s).pseudonymise
        change = update_settings(
            s,
            names_in_exports="real",
            study_year=2024,
            source_secondary="Sumber: dokumen {year}",
            identifying_roles=["Camat", " Camat ", "Lurah", ""],
        )
        assert set(change.changed) == {
            "names_in_exports", "study_year", "source_secondary", "identifying_roles"
        }  # fmt: skip
        now = get_settings(s)
        assert now.names_in_exports is NamesInExports.REAL
        assert now.study_year == 2024
        assert now.identifying_roles == ("Camat", "Lurah")
        restore_settings(s, settings=change.before)
        assert get_settings(s) == change.before


@pytest.mark.parametrize(
    "kwargs",
    [{"study_year": 12}, {"names_in_exports": "nama"}, {"source_primary": "Sumber {tahun}"}],
)
def test_bad_settings_change_nothing(project: Project, kwargs: dict[str, object]) -> None:
    with project.session() as s:
        before = get_settings(s)
        with pytest.raises(InvalidValue):
            update_settings(s, **kwargs)  # type: ignore[arg-type]
        assert get_settings(s) == before


def test_an_upgraded_old_project_keeps_real_names(tmp_path: Path) -> None:
    from alembic import command

    from app.models.project import _alembic_config, make_engine

    path = tmp_path / "proyek lama.telaah"
    engine = make_engine(path)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.exec_driver_sql("INSERT INTO coders (name) VALUES ('pembimbing')")
    engine.dispose()
    project = open_project(path)
    try:
        with project.session() as s:
            assert get_settings(s).names_in_exports is NamesInExports.REAL
            assert [(c.name, c.role) for c in list_coders(s)] == [("pembimbing", CoderRole.PRIMARY)]
    finally:
        project.close()
    con = sqlite3.connect(path)
    assert con.execute("SELECT role FROM coders").fetchall() == [("primary",)]
    con.close()


def test_coder_roles_choose_the_evidence(project: Project, tmp_path: Path) -> None:
    doc, code = _doc(project, tmp_path), _code(project)
    with project.session() as s:
        apply_code(s, document_id=doc, code_id=code, start=3, end=20, coder="peneliti")
        apply_code(s, document_id=doc, code_id=code, start=3, end=20, coder="pembimbing")
        change = set_coder_role(s, name="pembimbing", role="second")
        assert (change.before, change.after) == (CoderRole.PRIMARY, CoderRole.SECOND)
        roles = {c.name: (c.role, c.codings) for c in list_coders(s)}
        assert roles == {
            "peneliti": (CoderRole.PRIMARY, 1), "pembimbing": (CoderRole.SECOND, 1)
        }  # fmt: skip
        ids = {c.name: c.id for c in list_coders(s)}
        assert evidence_coders(s) == (ids["peneliti"],)
        assert set(evidence_coders(s, coders=["pembimbing", "peneliti"])) == set(ids.values())
        with pytest.raises(NotFound):
            evidence_coders(s, coders=["asisten"])
        with pytest.raises(InvalidValue):
            set_coder_role(s, name="peneliti", role="utama")
        with pytest.raises(NotFound):
            set_coder_role(s, name="asisten", role="second", create=False)
        assert set_coder_role(s, name="asisten", role="second").before is None


def test_stance_is_stored_changed_and_restored(project: Project, tmp_path: Path) -> None:
    doc, code = _doc(project, tmp_path), _code(project)
    with project.session() as s:
        added = apply_code(
            s, document_id=doc, code_id=code, start=3, end=20, coder="peneliti",
            stance=Stance.ABSENT,
        ).added[0]  # fmt: skip
        assert added.stance is Stance.ABSENT
        changed = update_coding(s, coding_id=added.id, stance=Stance.BARRIER)
        assert changed.before[0].stance is Stance.ABSENT
        assert changed.updated[0].stance is Stance.BARRIER
        removed = remove_codings(s, coding_ids=[added.id]).removed
        restore_codings(s, codings=removed)
        again = update_coding(s, coding_id=added.id, memo="x").updated[0]
        assert again.stance is Stance.BARRIER


def test_document_source_type_title_and_date(project: Project, tmp_path: Path) -> None:
    doc = _doc(
        project, tmp_path, "DOK02_Laporan_Relawan_2023.docx.txt", source_type="document",
        source_date=date(2023, 12, 30),
    )  # fmt: skip
    with project.session() as s:
        source = document_source(s, document_id=doc)
        assert source.source_type is SourceType.DOCUMENT
        assert source.title == "DOK02_Laporan_Relawan_2023.docx"
        assert source.source_date == date(2023, 12, 30)
        change = set_document_source(
            s, document_id=doc, title="Laporan Kinerja Relawan 2023", source_type="news"
        )
        assert change.after.title == "Laporan Kinerja Relawan 2023"
        assert change.after.source_type is SourceType.NEWS
        with pytest.raises(InvalidValue):
            set_document_source(s, document_id=doc, source_type="wawancara")
        restore_document_source(s, source=change.before)
        assert document_source(s, document_id=doc) == change.before
    assert citation_title("wawancara/INF03_Agus_Camat.docx") == "INF03_Agus_Camat"
    assert citation_title(".profile") == ".profile"


def test_findings_written_cleared_and_kept_through_delete_undo(project: Project) -> None:
    code = _code(project)
    with project.session() as s:
        text = "Penilaian bersama berlangsung informal; survei kepuasan tidak pernah ada."
        change = set_finding(s, code_id=code, text=f"  {text} ")
        assert (change.before, change.after) == ("", text)
        assert findings(s) == {code: text}
        snapshot = delete_code(s, code_id=code)
        restore_code(s, snapshot=snapshot)
        assert get_finding(s, code_id=code) == text
        with pytest.raises(InvalidValue):
            set_finding(s, code_id=code, text="x" * 5000)
        assert set_finding(s, code_id=code, text="").after == ""
        assert findings(s) == {}
        with pytest.raises(NotFound):
            set_finding(s, code_id=code + 99, text="x")
