"""What the matrix and summary exports share: labels, pseudonyms, quotes with sources."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.coding.exports import xml_safe
from app.coding.exports.docx_tables import Para, Run
from app.coding.exports.excerpts import Pseudonymiser, pseudonymiser, source_label
from app.coding.retrieval import Excerpt

LABELS: dict[str, dict[str, str]] = {
    "id": {
        "table": "Tabel",
        "figure": "Gambar",
        "masked": "[disamarkan]",
        "source": "Sumber: data primer yang diolah peneliti ({year}).",
        "notes": "Keterangan:",
        "rolled_up": "Baris kode yang memiliki indikator menjumlahkan bukti dari indikatornya.",
        "incl": "(termasuk indikator)",
        "code": "Kode",
        "no": "No.",
        "informants": "informan",
        "none": "–",
    },
    "en": {
        "table": "Table",
        "figure": "Figure",
        "masked": "[name withheld]",
        "source": "Source: primary data processed by the researcher ({year}).",
        "notes": "Notes:",
        "rolled_up": "Rows of codes with indicators add up the evidence of their indicators.",
        "incl": "(incl. indicators)",
        "code": "Code",
        "no": "No.",
        "informants": "informants",
        "none": "–",
    },
}
PRESENT = "\u2713"
ABSENT = "\u2013"


def make_pseudonyms(
    session: Session, *, pseudonymise: bool, mask_names: Sequence[str], language: str
) -> Pseudonymiser | None:
    """Aliases for case names (and masks) when pseudonymising; masks only when not."""
    if pseudonymise:
        return pseudonymiser(session, mask_names=mask_names, language=language)
    if any(name.strip() for name in mask_names):
        return Pseudonymiser({}, mask_names, LABELS[language]["masked"])
    return None


def clean(text: str, pseudonyms: Pseudonymiser | None) -> str:
    """``text`` with names replaced when pseudonymising."""
    return pseudonyms.text(text) if pseudonyms is not None else text


def case_name(name: str, pseudonyms: Pseudonymiser | None) -> str:
    """A case's name, or its alias when pseudonymising."""
    if pseudonyms is None:
        return name
    return pseudonyms.case(name) or name


def quote_text(excerpt: Excerpt, pseudonyms: Pseudonymiser | None, language: str) -> str:
    """A quote as one line: “text” (source)."""
    source = source_label(excerpt, pseudonyms=pseudonyms, language=language)
    return f"\u201c{clean(excerpt.text, pseudonyms)}\u201d ({source})"


def quote_paras(
    excerpts: Sequence[Excerpt], pseudonyms: Pseudonymiser | None, language: str
) -> list[Para]:
    """Quotes as Word paragraphs: the quote in italics, its source after it."""
    paras = []
    for e in excerpts:
        source = source_label(e, pseudonyms=pseudonyms, language=language)
        paras.append(
            Para(
                (
                    Run(f"\u201c{clean(e.text, pseudonyms)}\u201d", italic=True),
                    Run(f" ({source})"),
                )
            )
        )
    return paras


def source_line(language: str) -> str:
    """The source line printed under a table."""
    return LABELS[language]["source"].format(year=date.today().year)


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A UTF-8 CSV with one header row."""
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


def protect_formulas(sheet: Any) -> None:
    """Keep text that starts with "=" as text in an openpyxl sheet (no formula injection)."""
    for row in sheet.iter_rows(min_row=1):
        for cell in row:
            if cell.data_type == "f":
                cell.data_type = "s"


def xlsx_safe(rows: Sequence[Sequence[Any]]) -> list[list[Any]]:
    """Rows with the characters Excel cannot store removed from strings."""
    return [[xml_safe(v) if isinstance(v, str) else v for v in row] for row in rows]
