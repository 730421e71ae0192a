"""Auto-coding by pattern: units, de-duplication, errors and all-or-nothing writes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from app.coding.autocode import autocode, preview_autocode, sentence_spans
from app.coding.codings import codings_for_document
from app.coding.errors import Cancelled, InvalidValue, NotFound
from app.models.project import Project
from app.models.schema import Code, Codebook, Document, Segment

Dump = Callable[[Path], object]

INTERVIEW = (
    "Peneliti: Bagaimana awal lumbung warga? Siapa yang memulai?\n"
    "\n"
    "Informan: Awalnya dr. Yohana dan Bpk. Darmawan mengajak warga 🌊 berkumpul. "
    "Lumbung dibangun di Jl. Melati No. 5 bersama warga. Lalu kami rapat lagi.\n"
    "\n"
    "Peneliti: Siapa yang mengisi lumbung?\n"
    "\n"
    "Informan: Ibu-ibu PKK. Lumbung itu diisi beras, minyak, dll. Semua dari warga."
)


def _spans_of(text: str, prefix: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.startswith(prefix):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [s for s in _spans_of(text, "") if s[1] > s[0]]


def _add(session: Session, name: str, text: str, *, turns: bool) -> int:
    doc = Document(
        name=name, original_filename=name, format="txt", content_hash=name,
        text=text, length=len(text),
    )  # fmt: skip
    session.add(doc)
    session.flush()
    for i, (start, end) in enumerate(_paragraphs(text)):
        session.add(Segment(document_id=doc.id, kind="paragraph", ordinal=i, start=start, end=end))
        if turns:
            speaker = text[start:end].split(":", 1)[0]
            session.add(
                Segment(
                    document_id=doc.id, kind="turn", ordinal=i, start=start, end=end,
                    speaker=speaker,
                )
            )  # fmt: skip
    session.commit()
    return doc.id


def _code(session: Session) -> int:
    book = Codebook(key="uji", name_id="Uji", name_en="Test")
    session.add(book)
    session.flush()
    code = Code(codebook_id=book.id, key="uji/lumbung", name_id="Lumbung", name_en="Barn")
    session.add(code)
    session.commit()
    return code.id


def _coded(session: Session, doc: int) -> list[str]:
    return [c.snippet for c in codings_for_document(session, document_id=doc)]


# --- sentences ----------------------------------------------------------------------------


def test_sentences_keep_indonesian_abbreviations_and_initials_inside() -> None:
    text = (
        "Kami bertemu dr. Yohana dan Bpk. Darmawan di Jl. Melati No. 5 kemarin. "
        "Pak A. Yani datang juga! Benar?"
    )
    got = [text[s:e] for s, e in sentence_spans(text)]
    assert got == [
        "Kami bertemu dr. Yohana dan Bpk. Darmawan di Jl. Melati No. 5 kemarin.",
        "Pak A. Yani datang juga!",
        "Benar?",
    ]


def test_list_abbreviations_end_a_sentence_only_before_a_capital() -> None:
    text = "Ada beras, minyak, dll. Semua dari warga. Ada gula, kopi, dsb. yang dibawa ibu-ibu."
    got = [text[s:e] for s, e in sentence_spans(text)]
    assert got == [
        "Ada beras, minyak, dll.",
        "Semua dari warga.",
        "Ada gula, kopi, dsb. yang dibawa ibu-ibu.",
    ]


def test_sentences_split_at_line_breaks_quotes_and_ellipses() -> None:
    text = (
        "Beliau bilang, “Kita mulai saja.” Lalu kami mulai…\n"
        "Ya… saya ragu. Tapi 🌊 banjir datang lagi... Kami siap"
    )
    got = [text[s:e] for s, e in sentence_spans(text)]
    assert got == [
        "Beliau bilang, “Kita mulai saja.”",
        "Lalu kami mulai…",
        "Ya… saya ragu.",
        "Tapi 🌊 banjir datang lagi...",
        "Kami siap",
    ]
    # Offsets are code points: the emoji counts as one.
    assert all(text[s:e] == g for (s, e), g in zip(sentence_spans(text), got, strict=True))


def test_decimal_numbers_and_blank_lines_make_no_sentences() -> None:
    text = "Anggarannya 2.5 juta rupiah.\n\n   \nSelesai."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Anggarannya 2.5 juta rupiah.",
        "Selesai.",
    ]


# --- units --------------------------------------------------------------------------------


def test_match_unit_codes_each_hit_case_insensitively(project: Project) -> None:
    with project.session() as s:
        doc = _add(s, "wawancara.txt", INTERVIEW, turns=True)
        code = _code(s)
        changes = autocode(s, pattern="lumbung", code_id=code, unit="match", coder="Ani")
        assert len(changes.added) == INTERVIEW.lower().count("lumbung") == 4
        assert set(_coded(s, doc)) == {"lumbung", "Lumbung"}
        assert {c.coder for c in changes.added} == {"Ani"}


def test_case_sensitive_search_when_asked(project: Project) -> None:
    with project.session() as s:
        _add(s, "wawancara.txt", INTERVIEW, turns=True)
        _code(s)
        hits = preview_autocode(s, pattern="Lumbung", unit="match", ignore_case=False)
    assert [INTERVIEW[h.start : h.end] for h in hits] == ["Lumbung", "Lumbung"]


def test_sentence_unit_codes_the_whole_sentence_once(project: Project) -> None:
    with project.session() as s:
        doc = _add(s, "wawancara.txt", INTERVIEW, turns=True)
        code = _code(s)
        changes = autocode(s, pattern=r"warga|lumbung", code_id=code, unit="sentence", coder="A")
        coded = _coded(s, doc)
    assert "Lumbung dibangun di Jl. Melati No. 5 bersama warga." in coded
    # The sentence starts after the speaker label: "Informan:" is never coded.
    assert "Awalnya dr. Yohana dan Bpk. Darmawan mengajak warga 🌊 berkumpul." in coded
    assert not any(":" in snippet for snippet in coded)
    assert "Semua dari warga." in coded
    # Two hits in one sentence ("lumbung", "warga") gave one coding.
    assert len(coded) == len(set(coded)) == len(changes.added) == 6
    for info in changes.added:
        assert INTERVIEW[info.start : info.end] == info.snippet


def test_paragraph_and_turn_units_use_the_segments(project: Project) -> None:
    with project.session() as s:
        doc = _add(s, "wawancara.txt", INTERVIEW, turns=True)
        code = _code(s)
        autocode(s, pattern="darmawan|rapat", code_id=code, unit="turn", coder="A")
        turns = _coded(s, doc)
        autocode(s, pattern="PKK", code_id=code, unit="paragraph", coder="B")
        both = _coded(s, doc)
    paragraphs = [INTERVIEW[a:b].split(": ", 1)[1] for a, b in _paragraphs(INTERVIEW)]
    assert turns == [paragraphs[1]]
    assert sorted(both) == sorted([paragraphs[1], paragraphs[3]])


STAMPED = (
    "00:20:16 Peneliti: Bagaimana banjir tahun lalu? Siapa yang membantu?\n"
    "[00:20:40] Informan 2: Banjir datang malam. Warga membantu kami.\n"
    "P: Banjir lagi tahun ini?\n"
    "Informan 2: Ya, banjir lagi."
)


def _stamped(session: Session) -> int:
    from app.coding.importing.speakers import find_turns

    doc = Document(
        name="stempel.txt", original_filename="stempel.txt", format="txt", content_hash="x",
        text=STAMPED, length=len(STAMPED),
    )  # fmt: skip
    session.add(doc)
    session.flush()
    paragraphs = _paragraphs(STAMPED)
    for i, (start, end) in enumerate(paragraphs):
        session.add(Segment(document_id=doc.id, kind="paragraph", ordinal=i, start=start, end=end))
    for i, turn in enumerate(find_turns(STAMPED, paragraphs)):
        session.add(
            Segment(
                document_id=doc.id, kind="turn", ordinal=i, start=turn.start, end=turn.end,
                speaker=turn.speaker, timestamp=turn.timestamp,
            )
        )  # fmt: skip
    session.commit()
    return doc.id


@pytest.mark.parametrize("unit", ["sentence", "paragraph", "turn"])
def test_units_never_include_the_timestamp_or_speaker_label(project: Project, unit: str) -> None:
    with project.session() as s:
        doc = _stamped(s)
        code = _code(s)
        autocode(s, pattern="banjir", code_id=code, unit=unit, coder="A")
        coded = _coded(s, doc)
    first = {"sentence": "Bagaimana banjir tahun lalu?"}.get(
        unit, "Bagaimana banjir tahun lalu? Siapa yang membantu?"
    )
    assert first in coded
    assert len(coded) == 4
    for snippet in coded:
        assert not any(mark in snippet for mark in ("00:", "Peneliti", "Informan", "P:"))


def test_a_hit_inside_a_label_codes_nothing(project: Project) -> None:
    with project.session() as s:
        doc = _stamped(s)
        code = _code(s)
        autocode(s, pattern="Informan|00:20", code_id=code, unit="sentence", coder="A")
        assert _coded(s, doc) == []


@pytest.mark.parametrize("unit", ["match", "sentence", "turn"])
def test_informants_only_skips_the_interviewer_turns(project: Project, unit: str) -> None:
    with project.session() as s:
        doc = _stamped(s)
        code = _code(s)
        hits = preview_autocode(s, pattern="banjir", unit=unit, informants_only=True)
        changes = autocode(
            s, pattern="banjir", code_id=code, unit=unit, coder="A", informants_only=True
        )
        assert len(_coded(s, doc)) == 2
    answers = _paragraphs(STAMPED)[1::2]
    assert len(hits) == len(changes.added) == 2
    for coding in changes.added:  # each coding lies in one of the informant's lines
        assert any(a <= coding.start < coding.end <= b for a, b in answers)


def test_turn_unit_falls_back_to_paragraphs_without_turns(project: Project) -> None:
    with project.session() as s:
        doc = _add(s, "catatan.txt", INTERVIEW, turns=False)
        code = _code(s)
        changes = autocode(s, pattern="beras", code_id=code, unit="turn", coder="A")
        (coded,) = _coded(s, doc)
    assert coded == INTERVIEW.split("\n")[-1]
    assert len(changes.added) == 1


def test_running_again_adds_nothing_and_counts_skips(project: Project) -> None:
    with project.session() as s:
        _add(s, "wawancara.txt", INTERVIEW, turns=True)
        code = _code(s)
        first = autocode(s, pattern="warga", code_id=code, unit="paragraph", coder="A")
        again = autocode(s, pattern="warga", code_id=code, unit="paragraph", coder="A")
    assert len(first.added) == 3
    assert (len(again.added), again.skipped) == (0, 3)


def test_empty_matches_are_ignored(project: Project) -> None:
    with project.session() as s:
        doc = _add(s, "wawancara.txt", INTERVIEW, turns=True)
        code = _code(s)
        changes = autocode(s, pattern="x*", code_id=code, unit="match", coder="A")
        assert changes.added == ()
        assert _coded(s, doc) == []


def test_only_the_chosen_documents_are_coded(project: Project) -> None:
    with project.session() as s:
        a = _add(s, "a.txt", INTERVIEW, turns=True)
        b = _add(s, "b.txt", INTERVIEW, turns=True)
        code = _code(s)
        autocode(s, pattern="PKK", code_id=code, coder="A", document_ids=[b])
        assert (_coded(s, a), _coded(s, b)) == ([], ["PKK"])
        with pytest.raises(NotFound):
            autocode(s, pattern="PKK", code_id=code, coder="A", document_ids=[999])


@pytest.mark.parametrize(
    ("pattern", "unit", "field"),
    [("(warga", "match", "pattern"), ("", "match", "pattern"), ("warga", "bab", "unit")],
)
def test_bad_pattern_or_unit_writes_nothing(
    project: Project, dump: Dump, pattern: str, unit: str, field: str
) -> None:
    with project.session() as s:
        _add(s, "wawancara.txt", INTERVIEW, turns=True)
        code = _code(s)
    before = dump(project.path)
    with project.session() as s, pytest.raises(InvalidValue) as err:
        autocode(s, pattern=pattern, code_id=code, unit=unit, coder="A")
    assert err.value.field == field
    assert dump(project.path) == before


class _CancelAfterFirst:
    def __init__(self) -> None:
        self.reports = 0

    def report(self, done: int, total: int, label: str = "") -> None:
        self.reports += 1

    def is_cancelled(self) -> bool:
        return self.reports > 1


def test_cancelling_writes_nothing(project: Project, dump: Dump) -> None:
    with project.session() as s:
        _add(s, "a.txt", INTERVIEW, turns=True)
        _add(s, "b.txt", INTERVIEW, turns=True)
        code = _code(s)
    before = dump(project.path)
    with project.session() as s, pytest.raises(Cancelled):
        autocode(s, pattern="warga", code_id=code, coder="A", progress=_CancelAfterFirst())
    assert dump(project.path) == before


def test_preview_writes_nothing(project: Project, dump: Dump) -> None:
    with project.session() as s:
        _add(s, "wawancara.txt", INTERVIEW, turns=True)
        _code(s)
    before = dump(project.path)
    with project.session() as s:
        hits = preview_autocode(s, pattern="warga", unit="sentence")
    assert [INTERVIEW[h.start : h.end] for h in hits][-1] == "Semua dari warga."
    assert dump(project.path) == before


TRICKY = (
    "Kata Bpk. Hasan di Jl. Merdeka No. 5... lalu kami pulang. Beras, minyak, dll. Lalu "
    "kami makan!! “Sudah?” tanya A. Yani (S.Sos.). Itu saja… kita lanjut. Harga Rp. 5000 dsb. "
    "kita bayar.) Selesai?! Ya. …Oke"
    # a pause (…/...) before a lower-case word does not end a sentence, however long
    " Awalnya... "
    + "kami terus bicara tentang sawah dan air " * 8
    + "lalu… "
    + "kita " * 50
    + "selesai."
)


def _overlapping(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    return [(s, e) for s, e in spans if s < end and e > start]


def test_sentences_near_a_hit_are_the_line_sentences_it_overlaps() -> None:
    """Auto-coding splits only around its hits (from the nearest sentence end before each):
    on ordinary and tricky lines, for every hit position, the sentences it overlaps are the
    ones splitting the whole line gives."""
    import random

    from app.coding.autocode import line_sentences, sentences_near
    from bench.corpus import TextMaker

    rng = random.Random(3)
    lines = [
        TRICKY,
        TRICKY * 3,
        "   ",
        "Tanpa titik sama sekali",
        *TextMaker(rng).transcript(chars=6_000),
    ]
    for line in lines:
        full = line_sentences(line, 0, len(line))
        for start in range(0, len(line), 1 if TRICKY in line else 7):
            for width in (0, 1, 4, 30, 300):
                end = min(start + width, len(line))
                near = sentences_near(line, 0, len(line), start, end)
                assert _overlapping(near, start, end) == _overlapping(full, start, end), (
                    line[:40],
                    start,
                    end,
                )
        # a line whose words start after a label
        cut = min(12, len(line))
        full = line_sentences(line, cut, len(line))
        for start in range(cut, len(line), 11):
            near = sentences_near(line, cut, len(line), start, start + 5)
            assert _overlapping(near, start, start + 5) == _overlapping(full, start, start + 5)


def test_the_codings_auto_coding_adds_carry_their_text_exactly(
    project: Project, dump: Dump
) -> None:
    """Auto-coding cuts each snippet from the text it has just matched (not read again):
    with codings of this coder and of another already there, exactly the new rows are
    written, each snippet the stored text of its span in code points (an emoji before the
    hits), and removing what it added gives back the project as it was."""
    from app.coding.codings import apply_code, remove_codings

    other_text = "Informan: 🌊🌊 kami ke balai desa. Lalu kami pulang.\n\nPeneliti: Kapan?"
    with project.session() as s:
        doc = _add(s, "wawancara.txt", INTERVIEW, turns=True)
        second = _add(s, "kedua.txt", other_text, turns=True)
        code = _code(s)
        first_sentence = other_text.index("🌊🌊 kami")
        apply_code(s, document_id=second, code_id=code, start=first_sentence,
                   end=other_text.index(".") + 1, coder="A")  # fmt: skip
        apply_code(s, document_id=doc, code_id=code, start=0, end=8, coder="B")
    before = dump(project.path)
    with project.session() as s:
        changes = autocode(s, pattern="kami", code_id=code, unit="sentence", coder="A")
        stored = {c.id: c for d in (doc, second) for c in codings_for_document(s, document_id=d)}
    texts = {doc: INTERVIEW, second: other_text}
    assert changes.skipped == 1  # coder A's own sentence was there already
    assert sorted(texts[c.document_id][c.start : c.end] for c in changes.added) == [
        "Lalu kami pulang.",
        "Lalu kami rapat lagi.",
    ]
    for info in changes.added:
        row = stored[info.id]
        assert row.snippet == info.snippet == texts[row.document_id][row.start : row.end]
        assert (row.coder, row.code_id) == ("A", code)
    assert len(stored) == 2 + len(changes.added)
    with project.session() as s:
        remove_codings(s, coding_ids=[c.id for c in changes.added])
    assert dump(project.path) == before


def test_a_document_gone_before_the_codings_are_written_is_not_found(
    project: Project, dump: Dump
) -> None:
    """On a team server another coder may delete a document while auto-coding matches its
    text: the codings are refused as for any missing document, and nothing is written."""
    from app.coding.codings import NewCoding, apply_cut_codes

    with project.session() as s:
        doc = _add(s, "wawancara.txt", INTERVIEW, turns=True)
        code = _code(s)
    before = dump(project.path)
    with project.session() as s, pytest.raises(NotFound):
        apply_cut_codes(
            s, codings=[(NewCoding(doc + 1, code, 0, 5), "Penel")],
            lengths={doc + 1: len(INTERVIEW)}, coder="A",
        )  # fmt: skip
    assert dump(project.path) == before
