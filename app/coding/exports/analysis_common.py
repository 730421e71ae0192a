"""What the matrix and summary exports share: labels, pseudonyms, quotes with sources,
the source line under a table."""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.coding.exports import xml_safe
from app.coding.exports.docx_tables import Para, Run
from app.coding.exports.excerpts import (
    STANCE_LABELS,
    Pseudonymiser,
    names_are_aliases,
    pseudonymiser,
    source_label,
)
from app.coding.exports.table_kinds import ABSENT as ABSENT  # re-exported: declared there
from app.coding.exports.table_kinds import PRESENT as PRESENT
from app.coding.retrieval import Excerpt
from app.coding.settings import ProjectSettings, get_settings
from app.coding.sources import is_secondary
from app.models.schema import Attribute, CaseAttribute, Document

LABELS: dict[str, dict[str, str]] = {
    "id": {
        "table": "Tabel",
        "figure": "Gambar",
        "masked": "[disamarkan]",
        "source": "Sumber: data primer yang diolah peneliti ({year}).",
        "source_secondary": "Sumber: data sekunder yang diolah peneliti ({year}).",
        "source_mixed": "Sumber: data primer dan sekunder yang diolah peneliti ({year}).",
        "indicator": "indikator",
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
        "source_secondary": "Source: secondary data processed by the researcher ({year}).",
        "source_mixed": "Source: primary and secondary data processed by the researcher ({year}).",
        "indicator": "indicator",
        "notes": "Notes:",
        "rolled_up": "Rows of codes with indicators add up the evidence of their indicators.",
        "incl": "(incl. indicators)",
        "code": "Code",
        "no": "No.",
        "informants": "informants",
        "none": "–",
    },
}


def make_pseudonyms(
    session: Session, *, pseudonymise: bool | None, mask_names: Sequence[str], language: str
) -> Pseudonymiser | None:
    """Aliases for case names (and masks) when pseudonymising; masks only when not.
    ``pseudonymise`` None follows the project setting "names in exports"."""
    if names_are_aliases(session, pseudonymise):
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


NBSP = "\u00a0"
_NUMBERED = re.compile(r"^(.*?)(\s?)(\d+)$")


def unbroken(name: str) -> str:
    """``name`` with a no-break space before its number ("Informan 10" stays on one line)."""
    match = _NUMBERED.match(name)
    if not match or not match.group(2):
        return name
    return f"{match.group(1)}{NBSP}{match.group(3)}"


def _ranges(numbers: Sequence[int]) -> list[tuple[int, int]]:
    """Runs of consecutive numbers as (first, last); a run of two stays two single items."""
    runs: list[tuple[int, int]] = []
    for number in numbers:
        if runs and runs[-1][1] + 1 == number:
            runs[-1] = (runs[-1][0], number)
        else:
            runs.append((number, number))
    out: list[tuple[int, int]] = []
    for first, last in runs:
        out.extend([(first, first), (last, last)] if last == first + 1 else [(first, last)])
    return out


def name_list(names: Sequence[str]) -> str:
    """Names joined by commas, a numbered series written once with its numbers and runs as
    ranges: "Informan 1\u20133, 5, 9", "AP1\u2013AP3, EM2", "Ibu Sari"; no name breaks
    between its words and its number."""
    groups: list[tuple[str, str, list[int]]] = []  # (prefix, separator, numbers) in order
    for name in names:
        match = _NUMBERED.match(name)
        if match is None:
            groups.append((name, "", []))
            continue
        prefix, sep, number = match.group(1), match.group(2), int(match.group(3))
        if groups and groups[-1][2] and groups[-1][:2] == (prefix, sep):
            groups[-1][2].append(number)
        else:
            groups.append((prefix, sep, [number]))
    out: list[str] = []
    for prefix, sep, numbers in groups:
        if not numbers:
            out.append(prefix)
            continue
        if sep:  # "Informan 1–3, 5": the words once, then the numbers
            items = [str(a) if a == b else f"{a}\u2013{b}" for a, b in _ranges(numbers)]
            out.append(f"{prefix}{NBSP}" + ", ".join(items))
        else:  # codes such as AP1: each written whole
            out.extend(
                f"{prefix}{a}" if a == b else f"{prefix}{a}\u2013{prefix}{b}"
                for a, b in _ranges(numbers)
            )
    return ", ".join(out)


def _marks(
    excerpt: Excerpt, language: str, row_code_id: int | None, names: Mapping[int, str]
) -> tuple[str, str]:
    """(stance mark before the quote, indicator mark after its source)."""
    stance = "" if excerpt.stance == "supports" else f"[{STANCE_LABELS[language][excerpt.stance]}] "
    indicator = ""
    if row_code_id is not None and excerpt.code_id != row_code_id:
        name = names.get(excerpt.code_id) or (
            excerpt.code_name_en if language == "en" else excerpt.code_name_id
        )
        indicator = f" [{LABELS[language]['indicator']}: {name}]"
    return stance, indicator


def quote_text(
    excerpt: Excerpt,
    pseudonyms: Pseudonymiser | None,
    language: str,
    *,
    row_code_id: int | None = None,
    names: Mapping[int, str] | None = None,
) -> str:
    """A quote as one line: [stance] “text” (source) [indicator: name]; the stance mark for
    ``absent``/``barrier`` quotes, the indicator mark when it is not ``row_code_id``'s own."""
    stance, indicator = _marks(excerpt, language, row_code_id, names or {})
    source = source_label(excerpt, pseudonyms=pseudonyms, language=language)
    return f"{stance}\u201c{clean(excerpt.text, pseudonyms)}\u201d ({source}){indicator}"


def quote_paras(
    excerpts: Sequence[Excerpt],
    pseudonyms: Pseudonymiser | None,
    language: str,
    *,
    row_code_id: int | None = None,
    names: Mapping[int, str] | None = None,
) -> list[Para]:
    """Quotes as Word paragraphs: the quote in italics, its source after it (marks as in
    :func:`quote_text`)."""
    paras = []
    for e in excerpts:
        stance, indicator = _marks(e, language, row_code_id, names or {})
        source = source_label(e, pseudonyms=pseudonyms, language=language)
        runs = [Run(stance, bold=True)] if stance else []
        runs.append(Run(f"\u201c{clean(e.text, pseudonyms)}\u201d", italic=True))
        runs.append(Run(f" ({source})"))
        if indicator:
            runs.append(Run(indicator, size_pt=8))
        paras.append(Para(tuple(runs)))
    return paras


@dataclass(frozen=True)
class SourceLine:
    """What the source line under a table needs: the settings and the study year."""

    settings: ProjectSettings
    year: int


def source_context(session: Session) -> SourceLine:
    """The project's source-line settings; the year is the study year setting, else the
    year of the latest document date or interview date, else this year."""
    settings = get_settings(session)
    if settings.study_year is not None:
        return SourceLine(settings, settings.study_year)
    years = [d.year for d in session.scalars(select(func.max(Document.source_date))) if d]
    for value in session.scalars(
        select(func.max(CaseAttribute.value))
        .join(Attribute, Attribute.id == CaseAttribute.attribute_id)
        .where(Attribute.type == "date")
    ):
        if value and value[:4].isdigit():
            years.append(int(value[:4]))
    return SourceLine(settings, max(years) if years else date.today().year)


def source_line(
    language: str,
    source_types: Collection[str] = ("interview",),
    context: SourceLine | None = None,
) -> str:
    """The source line under a table: primary data when every quoted or counted source is
    primary (interviews, observations, FGDs), secondary when every one is a document or news,
    mixed otherwise, in the project's wording when it set one."""
    kinds = set(source_types) or {"interview"}
    secondary = {k for k in kinds if is_secondary(k)}
    which = (
        "source" if not secondary else "source_secondary" if secondary == kinds else "source_mixed"
    )
    settings = context.settings if context else None
    custom = ""
    if settings is not None:
        custom = {
            "source": settings.source_primary,
            "source_secondary": settings.source_secondary,
            "source_mixed": settings.source_mixed,
        }[which]
    year = context.year if context else date.today().year
    return (custom or LABELS[language][which]).format(year=year)


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
