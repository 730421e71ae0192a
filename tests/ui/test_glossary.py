"""The glossary in app/ui/i18n/glossary.csv fixes the Indonesian terms: no translation of
the interface and no Indonesian label of an export uses a term it says to avoid."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from app.coding.codebook_files import bundled_codebook_keys, load_bundled_codebook
from app.coding.exports import (
    analysis_common,
    artefacts,
    draft,
    excerpts,
    matrix,
    matrix_docx,
    review_report,
    summary,
)
from app.coding.exports.table_kinds import CELL_KINDS

I18N = Path(__file__).resolve().parents[2] / "app" / "ui" / "i18n"


def _avoid() -> list[tuple[str, re.Pattern[str]]]:
    with (I18N / "glossary.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {"en", "id", "avoid", "note"} <= set(rows[0])
    out = []
    for row in rows:
        for term in filter(None, (t.strip() for t in row["avoid"].split("|"))):
            edge_l = r"(?<!\w)" if term[0].isalnum() else ""
            edge_r = r"(?!\w)" if term[-1].isalnum() else ""
            pattern = re.compile(edge_l + re.escape(term) + edge_r, re.IGNORECASE)
            out.append((f"{term} (use {row['id']})", pattern))
    return out


def _translations() -> Iterator[tuple[str, str]]:
    root = ET.parse(I18N / "telaah_id.ts").getroot()
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            text = "".join(msg.find("translation").itertext())  # type: ignore[union-attr]
            yield f"{ctx.findtext('name')}: {msg.findtext('source')}", text


def _strings(value: object, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _strings(item, f"{where}.{key}")


def _export_labels() -> Iterator[tuple[str, str]]:
    tables = {
        "analysis_common.LABELS": analysis_common.LABELS,
        "summary._TEXT": summary._TEXT,
        "summary.STATUS_LABELS": summary.STATUS_LABELS,
        "matrix._TITLES": matrix._TITLES,
        "table_kinds.CELL_KINDS": {"id": {c.kind.value: c.note_id for c in CELL_KINDS}},
        "excerpts._LABELS": excerpts._LABELS,
        "review_report._LABELS": review_report._LABELS,
        "artefacts._TEXT": artefacts._TEXT,
        "draft._TEXT": draft._TEXT,
        "matrix_docx._TEXT": matrix_docx._TEXT,
    }
    for name, table in tables.items():
        yield from _strings(table["id"], name)  # type: ignore[index]


def test_the_glossary_catches_what_it_forbids() -> None:
    avoid = _avoid()
    samples = ["Galat tak terduga", "teks terkode", "Kehadiran (✓/–)", "Alpha", "layanan publik"]
    for sample in samples:
        assert any(p.search(sample) for _, p in avoid), sample
    # …and not the words it prescribes.
    for fine in ["mengodekan", "dikodekan", "pelayanan publik", "Alfa", "bahasa Inggris"]:
        assert not any(p.search(fine) for _, p in avoid), fine


def _codebook_texts() -> Iterator[tuple[str, str]]:
    for key in bundled_codebook_keys():
        spec = load_bundled_codebook(key)
        yield key, spec.name_id
        yield key, spec.description_id
        for c in spec.walk_codes():
            for text in (c.name_id, c.definition_id, c.use_when_id, c.not_use_when_id):
                yield c.key, text


_SOURCES = {"interface": _translations, "exports": _export_labels, "codebooks": _codebook_texts}


@pytest.mark.parametrize("source", list(_SOURCES))
def test_indonesian_strings_use_the_glossary_terms(source: str) -> None:
    strings = list(_SOURCES[source]())
    assert len(strings) > 50
    wrong = [
        (where, text, term) for where, text in strings for term, p in _avoid() if p.search(text)
    ]
    assert wrong == []
