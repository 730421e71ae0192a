"""Project statistics (``telaah stats``) on a real project file."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.coding.cases import create_case
from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.coding.codes import find_code
from app.coding.codings import apply_code
from app.coding.stats import project_stats
from app.models.project import Project
from app.models.schema import Document

TEXT = "Informan: Kami gotong royong 🌊 membersihkan saluran."


def _document(session: Session, name: str) -> int:
    doc = Document(
        name=name, original_filename=name, format="txt", content_hash=name,
        text=TEXT, length=len(TEXT),
    )  # fmt: skip
    session.add(doc)
    session.commit()
    return doc.id


def test_an_empty_project_counts_zero_everywhere(project: Project) -> None:
    with project.session() as s:
        stats = project_stats(s)
    assert stats.as_json() == {
        "documents": 0,
        "cases": 0,
        "codes": 0,
        "codings": 0,
        "coders": [],
        "codebooks": {},
    }


def test_counts_include_indicators_and_list_only_coders_who_coded(project: Project) -> None:
    with project.session() as s:
        loeffler = install_codebook(s, spec=load_bundled_codebook("loeffler"))
        putnam = install_codebook(s, spec=load_bundled_codebook("putnam"))
        a = _document(s, "a.txt")
        b = _document(s, "b.txt")
        create_case(s, name="Hendra Wijaya", alias="Informan 1")
        delivery = find_code(s, "loeffler/co-delivery")
        trust = find_code(s, "putnam/trust")
        apply_code(s, document_id=a, code_id=delivery, start=0, end=8, coder="Sari")
        apply_code(s, document_id=b, code_id=trust, start=10, end=14, coder="Budi")
        apply_code(s, document_id=b, code_id=delivery, start=10, end=14, coder="Sari")
        stats = project_stats(s)
    assert (stats.documents, stats.cases, stats.codings) == (2, 1, 3)
    assert stats.coders == ("Budi", "Sari")
    assert stats.codebooks == {
        "loeffler": len(loeffler.code_ids),
        "putnam": len(putnam.code_ids),
    }
    # Indicators are counted: each codebook has more codes than top-level boxes.
    assert stats.codebooks["loeffler"] > 4
    assert stats.codes == len(loeffler.code_ids) + len(putnam.code_ids)
    assert list(stats.as_json()["codebooks"]) == ["loeffler", "putnam"]  # type: ignore[call-overload]
