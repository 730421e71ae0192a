"""Speaker turns are recognised in the label styles Indonesian transcripts use."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from app.coding.importing import extract
from app.coding.importing.base import assemble
from app.coding.importing.speakers import _accepted, parse_label

SAMPLES = sorted(
    p
    for p in (Path(__file__).resolve().parents[2] / "sample_transcripts").iterdir()
    if p.suffix in {".docx", ".txt", ".pdf", ".md", ".odt", ".rtf"}
)


def turns_of(*paragraphs: str) -> list[tuple[str, str | None, str]]:
    """(speaker, timestamp, turn text) for a document made of ``paragraphs``."""
    extracted = assemble(paragraphs, format="txt", encoding=None)
    return [(t.speaker, t.timestamp, extracted.text[t.start : t.end]) for t in extracted.turns]


@pytest.mark.parametrize(
    ("line", "speaker", "timestamp"),
    [
        ("Peneliti: Bagaimana awalnya?", "Peneliti", None),
        ("P: Sejak kapan?", "P", None),
        ("I: Sejak 2023.", "I", None),
        ("Q: What happened?", "Q", None),
        ("A: The flood.", "A", None),
        ("Pewawancara: Baik.", "Pewawancara", None),
        ("Narasumber: Ya.", "Narasumber", None),
        ("Informan: Betul.", "Informan", None),
        ("Informan 3: Betul.", "Informan 3", None),
        ("PENELITI: Silakan.", "PENELITI", None),
        ("[00:01:12] Peneliti: Mulai.", "Peneliti", "00:01:12"),
        ("00:03:21 Peneliti: Lanjut.", "Peneliti", "00:03:21"),
        ("P (00:02:10): Kapan?", "P", "00:02:10"),
        ("(00:02:10) P: Kapan?", "P", "00:02:10"),
        ("**Peneliti:** Apa kabar?", "Peneliti", None),
        ("Peneliti:", "Peneliti", None),
    ],
)
def test_known_labels_open_a_turn_even_once(line: str, speaker: str, timestamp: str | None) -> None:
    assert turns_of("Wawancara LWT, Maret 2024", line) == [(speaker, timestamp, line)]


@pytest.mark.parametrize("name", ["Bu Siti", "dr. Yohana", "Pak Darmawan", "H. Agus Salim"])
def test_a_name_used_twice_is_a_speaker(name: str) -> None:
    turns = turns_of(f"{name}: Kami mulai.", "Peneliti: Lalu?", f"{name}: Kami lanjut.")
    assert [t[0] for t in turns] == [name, "Peneliti", name]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Tanggal: 11 Maret 2024",  # a one-off header line
        "Catatan penting: semua nama disamarkan.",  # a sentence, not a name
        "Menurut Bapak Kepala Dinas Sosial: programnya jalan.",  # more than four words
        "Rapat dimulai pukul 10:30 di balai RW.",
        "Sumber: http://example.org/laporan",
        "Hasilnya begini:kami sepakat.",
    ],
)
def test_ordinary_sentences_are_not_turns(paragraph: str) -> None:
    assert turns_of(paragraph, "Isi dokumen tanpa pembicara.") == []


def test_a_turn_runs_over_unlabelled_paragraphs_until_the_next_label() -> None:
    extracted = assemble(
        [
            "Kota Baruna, 12 Maret 2024",
            "Peneliti: Bagaimana warga terlibat?",
            "Bu Siti: Kami rapat tiap bulan.",
            "Biasanya di balai RW.",
            "Peneliti: Siapa yang memimpin?",
            "Bu Siti: Ketua RW.",
        ],
        format="txt",
        encoding=None,
    )
    turns = extracted.turns
    assert [t.speaker for t in turns] == ["Peneliti", "Bu Siti", "Peneliti", "Bu Siti"]
    assert extracted.text[turns[1].start : turns[1].end] == (
        "Bu Siti: Kami rapat tiap bulan.\n\nBiasanya di balai RW."
    )
    # the header before the first label belongs to no turn
    assert turns[0].start == extracted.text.index("Peneliti")


def test_turns_are_found_on_lines_inside_a_paragraph() -> None:
    extracted = assemble(["P: Apa perannya?\nI: Mengantar beras.\nP: Setiap minggu?"],
                         format="txt", encoding=None)  # fmt: skip
    assert [extracted.text[t.start : t.end] for t in extracted.turns] == [
        "P: Apa perannya?",
        "I: Mengantar beras.",
        "P: Setiap minggu?",
    ]


def test_parse_label_does_not_take_a_time_for_a_speaker() -> None:
    assert parse_label("10:30 rapat dimulai") is None
    assert parse_label("Pukul 10:30: rapat") is None


# --- find_turns against the line-by-line reading it replaced ---------------------------


def _reference_turns(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[tuple[Any, ...]]:
    """The turns as the earlier ``find_turns`` found them: every line parsed into a label
    with :func:`parse_label`, accepted speakers counted over all of them, and a turn from
    each accepted label to the end of the line before the next one."""
    lines = []
    for start, end in paragraphs:
        pos = start
        for line in text[start:end].split("\n"):
            lines.append((pos, pos + len(line), parse_label(line)))
            pos += len(line) + 1
    accepted = _accepted(Counter(label.speaker for _s, _e, label in lines if label))
    turns: list[tuple[Any, ...]] = []
    current: tuple[int, str, str | None] | None = None
    last_end = 0
    for start, end, label in lines:
        if label is not None and label.speaker.casefold() in accepted:
            if current is not None:
                turns.append((current[0], last_end, current[1], current[2]))
            current = (start, label.speaker, label.timestamp)
        last_end = end
    if current is not None:
        turns.append((current[0], last_end, current[1], current[2]))
    return turns


def _tricky_transcript(seed: int) -> list[str]:
    """Paragraphs mixing every label style, soft breaks, one-off headers, unknown names
    seen once or twice, lines longer than a label may reach, and labels with no words."""
    rng = random.Random(seed)
    labels = [
        "Peneliti:", "P:", "Informan 3:", "[00:01:12] Peneliti:", "00:03:21 P:",
        "P (00:02:10):", "(00:02:10) P:", "**Informan:**", "Bu Siti:", "dr. Yohana:",
        "Pak Ahmad bin Umar:", "Tanggal:", "Catatan penting:", "PENELITI:", "Informan\uff1a",
        "x" * 250 + ":", "Sekali Saja:", "R1:", "Moderator 2:",
    ]  # fmt: skip
    words = ["ya", "betul", "banjir", "warga", "dll.", "Jl. Mawar", "10:30", "tidak:", "…"]
    paragraphs = []
    for _ in range(300):
        lines = []
        for _line in range(rng.choice([1, 1, 1, 2, 3])):
            body = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
            if rng.random() < 0.6:
                body = rng.choice(labels) + (" " if body else "") + body
            lines.append(body or "hm")
        paragraphs.append("\n".join(lines))
    return paragraphs


@pytest.mark.parametrize("seed", range(5))
def test_turns_are_those_the_line_by_line_reading_finds(seed: int) -> None:
    extracted = assemble(_tricky_transcript(seed), format="txt", encoding=None)
    found = [tuple(t) for t in extracted.turns]
    assert found == _reference_turns(extracted.text, extracted.paragraphs)
    assert len({t[2] for t in found}) >= 5  # many speakers, so the test says something


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_turns_of_every_sample_are_those_the_line_by_line_reading_finds(path: Path) -> None:
    extracted = extract(path)
    found = [tuple(t) for t in extracted.turns]
    assert found == _reference_turns(extracted.text, extracted.paragraphs)
