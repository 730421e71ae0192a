"""Indexed search across documents, exact positions in code points."""

from __future__ import annotations

import pytest

from app.coding.errors import InvalidValue
from app.coding.search import search
from app.models.project import Project
from app.models.schema import Document

DOCS = {
    "satu.txt": "Kami rembuk warga 🌊 tiap bulan. Rembuk-warga itu penting.",
    "dua.txt": "Kerja bakti di RW 05; tidak ada rembukan.",
    "tiga.txt": "Relawan datang—membawa beras.",
}


@pytest.fixture
def docs(project: Project) -> Project:
    with project.session() as s:
        for name, text in DOCS.items():
            s.add(
                Document(
                    name=name,
                    original_filename=name,
                    format="txt",
                    content_hash=name,
                    text=text,
                    length=len(text),
                )
            )
        s.commit()
    return project


def test_phrase_hits_have_code_point_offsets(docs: Project) -> None:
    with docs.session() as s:
        hits = search(s, query="rembuk warga")
    assert [(h.document, h.start, h.end) for h in hits] == [("satu.txt", 5, 17)]
    assert DOCS["satu.txt"][hits[0].start : hits[0].end] == "rembuk warga"


def test_regex_and_case_insensitivity(docs: Project) -> None:
    with docs.session() as s:
        hits = search(s, query=r"rembuk\W?warga", regex=True)
        words = search(s, query="rembuk", whole_words=True)
    assert [h.match for h in hits] == ["rembuk warga", "Rembuk-warga"]
    # "rembukan" is another word: whole-word search leaves it out.
    assert {h.document for h in words} == {"satu.txt"}
    assert hits[1].start == DOCS["satu.txt"].index("Rembuk-warga")


def test_text_after_emoji_and_dash(docs: Project) -> None:
    with docs.session() as s:
        (hit,) = search(s, query="membawa beras")
        (after_emoji,) = search(s, query="tiap bulan")
    assert DOCS["tiga.txt"][hit.start : hit.end] == "membawa beras"
    assert DOCS["satu.txt"][after_emoji.start : after_emoji.end] == "tiap bulan"


def test_bad_pattern_is_a_typed_error(docs: Project) -> None:
    with docs.session() as s, pytest.raises(InvalidValue):
        search(s, query="(rembuk", regex=True)
