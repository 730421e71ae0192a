"""Cases with typed attributes and their links to documents."""

from __future__ import annotations

import pytest

from app.coding.cases import create_case, link_document, list_cases, set_attributes
from app.coding.errors import DuplicateName, InvalidSpan, InvalidValue
from app.models.project import Project
from app.models.schema import Attribute, Document


def _doc(project: Project) -> int:
    with project.session() as s:
        doc = Document(
            name="a.txt",
            original_filename="a.txt",
            format="txt",
            content_hash="h",
            text="Informan: halo semua",
            length=20,
        )
        s.add(doc)
        s.commit()
        return doc.id


def test_attributes_are_typed_from_their_first_value(project: Project) -> None:
    with project.session() as s:
        info = create_case(
            s,
            name="Siti Marlina",
            alias="Informan 4",
            attributes={"kelompok": "aparat pemerintah", "tanggal": "2024-03-12", "usia": "41"},
        )
        types = {a.name: a.type for a in s.query(Attribute).all()}
    assert info.attributes == {
        "kelompok": "aparat pemerintah",
        "tanggal": "2024-03-12",
        "usia": "41",
    }
    assert types == {"kelompok": "category", "tanggal": "date", "usia": "number"}


def test_bad_typed_value_leaves_case_unchanged(project: Project) -> None:
    with project.session() as s:
        case = create_case(s, name="Darmawan", attributes={"tanggal": "2024-03-20"})
        with pytest.raises(InvalidValue):
            set_attributes(s, case_id=case.id, values={"kelompok": "RW", "tanggal": "kemarin"})
        (stored,) = list_cases(s)
    assert stored.attributes == {"tanggal": "2024-03-20"}


def test_duplicate_case_names_are_refused(project: Project) -> None:
    with project.session() as s:
        create_case(s, name="Nur Aini")
        with pytest.raises(DuplicateName):
            create_case(s, name="Nur Aini")
        assert len(list_cases(s)) == 1


def test_links_whole_document_or_span(project: Project) -> None:
    doc = _doc(project)
    with project.session() as s:
        case = create_case(s, name="Yusuf Hamid")
        whole = link_document(s, case_id=case.id, document_id=doc)
        span = link_document(s, case_id=case.id, document_id=doc, start=10, end=20)
        with pytest.raises(InvalidSpan):
            link_document(s, case_id=case.id, document_id=doc, start=10, end=21)
    assert (whole.start, whole.end) == (None, None)
    assert (span.start, span.end) == (10, 20)


def test_delete_case_then_restore_is_exact(project: Project, dump) -> None:  # type: ignore[no-untyped-def]
    from app.coding.cases import delete_case, restore_case

    doc = _doc(project)
    with project.session() as s:
        case = create_case(s, name="Sulastri", alias="Informan 9", attributes={"kelompok": "PKK"})
        link_document(s, case_id=case.id, document_id=doc, start=0, end=8)
    before = dump(project.path)
    with project.session() as s:
        snapshot = delete_case(s, case_id=case.id)
        assert list_cases(s) == ()
        restore_case(s, snapshot=snapshot)
    assert dump(project.path) == before
