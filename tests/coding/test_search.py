"""Indexed search across documents, exact positions in code points."""

from __future__ import annotations

import pytest

from app.coding.errors import InvalidValue
from app.coding.search import SearchCursor, search, search_page
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


def test_pages_of_hits_are_the_full_search_in_order(docs: Project) -> None:
    """The search panel's pages, one after another, are exactly the hits of one search,
    across documents and within one."""
    with docs.session() as s:
        s.add(Document(name="empat.txt", original_filename="empat.txt", format="txt",
                       content_hash="empat", text="rembuk, rembuk", length=14))  # fmt: skip
        s.commit()
        everything = search(s, query=r"r\w+", regex=True, context_chars=5)
        assert len(everything) >= 8
        for size in (1, 2, 3, 7):
            pages, cursor = [], None
            while True:
                page = search_page(s, query=r"r\w+", regex=True, context_chars=5,
                                   limit=size, after=cursor)  # fmt: skip
                assert len(page.hits) <= size
                pages.extend(page.hits)
                if page.more is None:
                    break
                assert len(page.hits) == size
                cursor = page.more
            assert tuple(pages) == everything, size
        whole = search_page(s, query="rembuk", limit=len(everything))
        assert whole.more is None and whole.hits == search(s, query="rembuk")
        with pytest.raises(InvalidValue):
            search_page(s, query="rembuk", limit=0)


def test_a_page_after_the_last_document_is_empty(docs: Project) -> None:
    with docs.session() as s:
        page = search_page(s, query="rembuk", after=SearchCursor("zzz.txt", 1, 0))
    assert page.hits == () and page.more is None
