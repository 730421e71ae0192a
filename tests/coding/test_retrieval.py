"""Retrieving excerpts: order, case and speaker of each coding, filters and context."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from app.coding.cases import create_case, link_document
from app.coding.codebook_files import load_bundled_codebook
from app.coding.codebooks import install_codebook
from app.coding.codes import find_code
from app.coding.codings import apply_code
from app.coding.errors import NotFound
from app.coding.retrieval import context, document_id, excerpts
from app.models.project import Project
from app.models.schema import Document, Segment

# A group interview: two informants speak; the second one's turn is linked to her own case.
GROUP = (
    "Peneliti: Bagaimana lumbung dikelola?\n"
    "Darmawan: Kami piket bergantian 🌊 tiap malam — “gotong royong”.\n"
    "Sulastri: Ibu-ibu PKK mencatat stok beras."
)
SOLO = "Informan: Warga percaya pada pengurus lumbung.\nPeneliti: Mengapa?"


def _add(session: Session, name: str, text: str) -> int:
    doc = Document(
        name=name, original_filename=name, format="txt", content_hash=name,
        text=text, length=len(text),
    )  # fmt: skip
    session.add(doc)
    session.flush()
    pos = 0
    for i, line in enumerate(text.split("\n")):
        end = pos + len(line)
        session.add(Segment(document_id=doc.id, kind="paragraph", ordinal=i, start=pos, end=end))
        session.add(
            Segment(
                document_id=doc.id, kind="turn", ordinal=i, start=pos, end=end,
                speaker=line.split(":", 1)[0],
            )
        )  # fmt: skip
        pos = end + 1
    session.commit()
    return doc.id


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


@pytest.fixture
def seeded(project: Project) -> Project:
    with project.session() as s:
        install_codebook(s, spec=load_bundled_codebook("loeffler"))
        install_codebook(s, spec=load_bundled_codebook("putnam"))
        group = _add(s, "kelompok.txt", GROUP)
        solo = _add(s, "b_wawancara.txt", SOLO)
        darmawan = create_case(
            s, name="Darmawan", alias="Informan 8", attributes={"group": "elemen masyarakat"}
        )
        sulastri = create_case(
            s, name="Sulastri", alias="Informan 9", attributes={"group": "elemen masyarakat"}
        )
        yusuf = create_case(
            s, name="Yusuf Hamid", alias="Informan 11", attributes={"group": "penerima"}
        )
        link_document(s, case_id=darmawan.id, document_id=group)
        third = GROUP.index("Sulastri:")
        link_document(s, case_id=sulastri.id, document_id=group, start=third, end=len(GROUP))
        link_document(s, case_id=yusuf.id, document_id=solo)
        delivery = find_code(s, "loeffler/co-delivery")
        peer = find_code(s, "loeffler/co-delivery/peer-support")
        trust = find_code(s, "putnam/trust")
        for doc, text, phrase, code, coder in [
            (group, GROUP, "piket bergantian 🌊 tiap malam — “gotong royong”", peer, "Ani"),
            (group, GROUP, "mencatat stok beras", delivery, "Budi"),
            (solo, SOLO, "Warga percaya", trust, "Ani"),
            (solo, SOLO, "pengurus lumbung", delivery, "Ani"),
            (group, GROUP, "Bagaimana lumbung", delivery, "Ani"),
        ]:
            start, end = _span(text, phrase)
            apply_code(s, document_id=doc, code_id=code, start=start, end=end, coder=coder)
    return project


def test_excerpts_come_in_code_tree_then_document_then_position_order(seeded: Project) -> None:
    with seeded.session() as s:
        got = [(e.code_key, e.document, e.text) for e in excerpts(s)]
    assert got == [
        ("loeffler/co-delivery", "b_wawancara.txt", "pengurus lumbung"),
        ("loeffler/co-delivery", "kelompok.txt", "Bagaimana lumbung"),
        ("loeffler/co-delivery", "kelompok.txt", "mencatat stok beras"),
        (
            "loeffler/co-delivery/peer-support",
            "kelompok.txt",
            "piket bergantian 🌊 tiap malam — “gotong royong”",
        ),
        ("putnam/trust", "b_wawancara.txt", "Warga percaya"),
    ]


def test_text_is_the_exact_stored_slice_with_names_and_definitions(seeded: Project) -> None:
    with seeded.session() as s:
        for e in excerpts(s):
            text = GROUP if e.document == "kelompok.txt" else SOLO
            assert text[e.start : e.end] == e.text
            assert e.code_name_id and e.code_name_en


def test_case_prefers_a_span_link_over_the_whole_document(seeded: Project) -> None:
    with seeded.session() as s:
        by_text = {e.text: e for e in excerpts(s)}
    assert by_text["mencatat stok beras"].case == "Sulastri"
    assert by_text["mencatat stok beras"].case_alias == "Informan 9"
    assert by_text["Bagaimana lumbung"].case == "Darmawan"
    assert by_text["Warga percaya"].case_attributes == {"group": "penerima"}


def test_speaker_is_the_turn_containing_the_start(seeded: Project) -> None:
    with seeded.session() as s:
        speakers = {e.text: e.speaker for e in excerpts(s)}
        only_darmawan = excerpts(s, speaker="darmawan")
    assert speakers["mencatat stok beras"] == "Sulastri"
    assert speakers["Bagaimana lumbung"] == "Peneliti"
    assert [e.text for e in only_darmawan] == ["piket bergantian 🌊 tiap malam — “gotong royong”"]


def test_a_code_includes_its_indicators_unless_asked_not_to(seeded: Project) -> None:
    with seeded.session() as s:
        delivery = find_code(s, "loeffler/co-delivery")
        with_children = excerpts(s, code_ids=[delivery])
        alone = excerpts(s, code_ids=[delivery], include_children=False)
        with pytest.raises(NotFound):
            excerpts(s, code_ids=[99999])
    assert len(with_children) == 4
    assert {e.code_key for e in alone} == {"loeffler/co-delivery"}
    assert len(alone) == 3


def test_filters_by_coder_document_and_case_attribute(seeded: Project) -> None:
    with seeded.session() as s:
        by_budi = excerpts(s, coders=["Budi"])
        solo = excerpts(s, document_ids=[document_id(s, name="b_wawancara.txt")])
        members = excerpts(s, case_filter={"group": "elemen masyarakat"})
        with pytest.raises(NotFound):
            document_id(s, name="tidak-ada.txt")
    assert [e.text for e in by_budi] == ["mencatat stok beras"]
    assert {e.document for e in solo} == {"b_wawancara.txt"}
    assert {e.case for e in members} == {"Darmawan", "Sulastri"}


def test_context_returns_the_text_around_a_span(seeded: Project) -> None:
    start, end = _span(GROUP, "tiap malam")
    with seeded.session() as s:
        doc = document_id(s, name="kelompok.txt")
        before, after = context(s, document_id=doc, start=start, end=end, chars=12)
        whole = context(s, document_id=doc, start=start, end=end, chars=10_000)
    assert before == GROUP[start - 12 : start]
    assert before.endswith("🌊 ")
    assert after == GROUP[end : end + 12]
    assert whole == (GROUP[:start], GROUP[end:])
