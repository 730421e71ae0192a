"""Matrix exports read back cell by cell: .csv, .xlsx (pandas) and .docx (python-docx)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import docx
import pandas as pd
import pytest
from _analysis_study import CASES, CODINGS, GROUP_WARGA, TB_KEYS, Study, build_study, phrase
from docx.enum.section import WD_ORIENT

from app.coding.analysis import set_cell_summary
from app.coding.errors import InvalidValue, NotFound
from app.coding.exports.matrix import export_matrix
from app.coding.exports.table_options import make_options
from app.models.project import Project

ALIASES = {name: alias for name, alias, *_ in CASES}
DATES_ID = {"2024-03-04": "4 Maret 2024", "2024-03-12": "12 Maret 2024",
            "2024-03-13": "13 Maret 2024", "2024-03-25": "25 Maret 2024"}  # fmt: skip
CASE_OF_DOCUMENT = {doc: (name, role, when) for name, _a, _g, role, when, doc in CASES}
NAMES_ID = ["Kepercayaan (termasuk indikator)", "Percaya pada warga", "Swadaya", "Norma",
            "Jaringan"]  # fmt: skip
CASE_COUNTS = [[3, 1, 1, 1], [1, 1, 1, 0], [2, 0, 0, 0], [0, 1, 0, 1], [0, 0, 0, 0]]
GROUP_COUNTS = [[3, 2, 1], [1, 2, 0], [2, 0, 0], [0, 1, 1], [0, 0, 0]]
COOCCURRENCE = [[1, 0], [1, 0], [0, 0], [1, 1], [0, 0]]
# Quotes of each (row, case) cell: a rolled-up row shows its indicators' quotes too, as many
# as its count (CASE_COUNTS), each marked with its indicator.
CASE_QUOTES = [
    [["c1", "c3", "c4"], ["c5"], ["c12"], ["c8"]],
    [["c1"], ["c5"], ["c12"], []],
    [["c3", "c4"], [], [], []],
    [[], ["c6"], [], ["c9"]],
    [[], [], [], []],
]


INDICATOR_NAMES = {"tb/a/x": "Percaya pada warga", "tb/a/y": "Swadaya"}


def quote(label: str, *, pseudonymised: bool = False, row: str | None = None) -> str:
    """“text” (source) as the exports print it; in row ``row``, an indicator's quote is
    marked with the indicator."""
    document, key = next((doc, k) for name, doc, _p, k, *_ in CODINGS if name == label)
    name, role, when = CASE_OF_DOCUMENT[document]
    text = phrase(label)
    who = name
    if pseudonymised:
        who = ALIASES[name]
        text = text.replace("Siti Marlina", "Informan 2").replace("Darto", "[disamarkan]")
    mark = f" [indikator: {INDICATOR_NAMES[key]}]" if row is not None and key != row else ""
    return f"\u201c{text}\u201d ({who}, {role}, wawancara {DATES_ID[when]}){mark}"


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def read_xlsx(path: Path) -> list[list[str]]:
    frame = pd.read_excel(path, dtype=str, na_filter=False)
    return [list(frame.columns), *[list(row) for row in frame.itertuples(index=False)]]


def read_docx_table(path: Path) -> list[list[str]]:
    table = docx.Document(str(path)).tables[0]
    return [[cell.text.replace("\u00a0", " ") for cell in row.cells] for row in table.rows]


def as_text(grid: Sequence[Sequence[object]]) -> list[list[str]]:
    return [[str(v) for v in row] for row in grid]


def export(project: Project, tmp_path: Path, fmt: str, **kw: object) -> Path:
    out = tmp_path / f"matrix-{kw['cols']}-{kw['cells']}.{fmt}".replace(":", "_")
    kw.setdefault("pseudonymise", False)
    with project.session() as s:
        result = export_matrix(s, path=out, fmt=fmt, rows="tb", **kw)  # type: ignore[arg-type]
    assert result.path == out and result.rows == len(TB_KEYS)
    return out


@pytest.fixture
def study(project: Project) -> Study:
    return build_study(project)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_count_and_presence_tables_hold_every_cell(
    project: Project, study: Study, tmp_path: Path, fmt: str
) -> None:
    read = read_csv if fmt == "csv" else read_xlsx
    names = [name for name, *_ in CASES]
    groups = ["aktor pemerintah", "aparat pemerintah", GROUP_WARGA]
    expected = {
        ("cases", "count"): (names, CASE_COUNTS),
        ("attr:group", "count"): (groups, GROUP_COUNTS),
        ("co", "count"): (["co/plan", "co/deliver"], COOCCURRENCE),
    }
    for (cols, cells), (header, grid) in expected.items():
        got = read(export(project, tmp_path, fmt, cols=cols, cells=cells))
        assert got == [
            ["code", *header],
            *([k, *map(str, r)] for k, r in zip(TB_KEYS, grid, strict=True)),
        ]
        presence = read(export(project, tmp_path, fmt, cols=cols, cells="presence"))
        assert presence[1:] == [
            [k, *("\u2713" if n else "\u2013" for n in r)]
            for k, r in zip(TB_KEYS, grid, strict=True)
        ]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_quote_cells_hold_quotes_with_their_sources(
    project: Project, study: Study, tmp_path: Path, fmt: str
) -> None:
    read = read_csv if fmt == "csv" else read_xlsx
    got = read(export(project, tmp_path, fmt, cols="cases", cells="quotes"))
    assert got[0] == ["code", *(name for name, *_ in CASES)]
    assert got[1:] == [
        [key, *("\n".join(quote(q, row=key) for q in cell) for cell in row)]
        for key, row in zip(TB_KEYS, CASE_QUOTES, strict=True)
    ]
    # The emoji survives the round trip.
    assert "\U0001f642" in got[2][2]


def test_pseudonymised_export_shows_aliases_and_masks_names(
    project: Project, study: Study, tmp_path: Path
) -> None:
    with project.session() as s:
        set_cell_summary(
            s,
            row_code_id=study.codes["tb/a/x"],
            column_kind="case",
            column_key="Hendra Wijaya",
            text="Pak Hendra percaya pada warga.",
        )
        out = tmp_path / "quotes.csv"
        export_matrix(
            s,
            path=out,
            fmt="csv",
            rows="tb",
            cols="cases",
            cells="quotes",
            pseudonymise=True,
            mask_names=["Darto"],
        )
        summary = tmp_path / "summary.csv"
        export_matrix(s, path=summary, fmt="csv", rows="tb", cols="cases", cells="summary",
                      pseudonymise=True)  # fmt: skip
    got = read_csv(out)
    assert got[0] == ["code", "Informan 1", "Informan 2", "Informan 3", "Informan 10"]
    assert got[1:] == [
        [key, *("\n".join(quote(q, pseudonymised=True, row=key) for q in cell) for cell in row)]
        for key, row in zip(TB_KEYS, CASE_QUOTES, strict=True)
    ]
    text = out.read_text(encoding="utf-8")
    for name in ("Hendra", "Siti", "Marlina", "Bambang", "Nur Aini", "Darto"):
        assert name not in text
    assert read_csv(summary)[2] == ["tb/a/x", "Pak Informan 1 percaya pada warga.", "", "", ""]


def test_summary_cells_in_every_format(project: Project, study: Study, tmp_path: Path) -> None:
    with project.session() as s:
        set_cell_summary(s, row_code_id=study.codes["tb/b"], column_kind="attr",
                         column_key=f"group={GROUP_WARGA}", text="Ronda =bersama")  # fmt: skip
    expected = [[""] * 3 for _ in TB_KEYS]
    expected[3][2] = "Ronda =bersama"
    for fmt, read in (("csv", read_csv), ("xlsx", read_xlsx)):
        got = read(export(project, tmp_path, fmt, cols="attr:group", cells="summary"))
        assert [row[1:] for row in got[1:]] == expected
    table = read_docx_table(export(project, tmp_path, "docx", cols="attr:group", cells="summary"))
    assert [row[1:] for row in table[1:]] == expected


def test_word_matrix_of_counts(project: Project, study: Study, tmp_path: Path) -> None:
    out = export(project, tmp_path, "docx", cols="cases", cells="count")
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == "Tabel 4.1 Matriks Modal sosial menurut informan"
    assert document.paragraphs[0].style.name == "Caption"
    table = read_docx_table(out)
    assert table[0] == ["Kode", *(name for name, *_ in CASES)]
    assert table[1:] == [[n, *map(str, r)] for n, r in zip(NAMES_ID, CASE_COUNTS, strict=True)]
    notes_text = "\n".join(p.text for p in document.paragraphs)
    assert "Nama informan ditulis dengan nama sebenarnya." in notes_text
    assert "Bukti dari pengode utama: budi, siti; pengodean ganda dihitung sekali." in notes_text
    header_row = document.tables[0].rows[0]._tr
    assert header_row.xpath("./w:trPr/w:tblHeader")
    # Indicators are indented under their code.
    indicator = document.tables[0].rows[2].cells[0].paragraphs[0]
    assert indicator.paragraph_format.left_indent.cm == pytest.approx(0.4, abs=0.01)
    assert document.tables[0].rows[1].cells[0].paragraphs[0].paragraph_format.left_indent is None
    # Five columns: a landscape page.
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    notes = "\n".join(p.text for p in document.paragraphs)
    # Short notes: no definition repeated, one source line.
    assert "Kepercayaan: Warga dan aparat saling percaya." not in notes
    assert [line for line in notes.split("\n") if line.startswith("Sumber")] == [
        "Sumber: data primer yang diolah peneliti (2024)."
    ]


def test_word_matrix_of_quotes_pseudonymised(
    project: Project, study: Study, tmp_path: Path
) -> None:
    out = export(project, tmp_path, "docx", cols="cases", cells="quotes", pseudonymise=True,
                 mask_names=["Darto"], table_number="4.7",
                 options=make_options(quotes="all"))  # fmt: skip
    document = docx.Document(str(out))
    assert document.paragraphs[0].text.startswith("Tabel 4.7 ")
    warning = "\u26a0 Belum ada kutipan berbintang.\n"
    table = [[cell.replace(warning, "") for cell in row] for row in read_docx_table(out)]
    assert table[0] == ["Kode", "Informan 1", "Informan 2", "Informan 3", "Informan 10"]
    assert table[1:] == [
        [name, *("\n".join(quote(q, pseudonymised=True, row=key) for q in cell) or "\u2013"
                 for cell in row)]
        for name, key, row in zip(NAMES_ID, TB_KEYS, CASE_QUOTES, strict=True)
    ]  # fmt: skip
    paras = document.tables[0].rows[2].cells[1].paragraphs
    quote_cell = paras[1] if paras[0].text.startswith("\u26a0") else paras[0]
    assert quote_cell.runs[0].italic and not quote_cell.runs[1].italic
    # Rollups agree: every cell shows as many quotes as the count matrix counts.
    for r, counts in enumerate(CASE_COUNTS, start=1):
        for c, n in enumerate(counts, start=1):
            cell = document.tables[0].rows[r].cells[c]
            assert len([p for p in cell.paragraphs if p.text.startswith("\u201c")]) == n


def test_word_matrix_in_english_and_portrait_when_narrow(
    project: Project, study: Study, tmp_path: Path
) -> None:
    out = export(project, tmp_path, "docx", cols="co", cells="presence", language="en")
    document = docx.Document(str(out))
    assert document.paragraphs[0].text == (
        "Table 4.1 Co-occurrence of Social capital and Four Co's"
    )
    table = read_docx_table(out)
    assert table[0] == ["Code", "Co-commissioning", "Co-delivery"]
    assert table[1][0] == "Trust (incl. indicators)"
    assert [row[1:] for row in table[1:]] == [
        ["\u2713" if n else "\u2013" for n in r] for r in COOCCURRENCE
    ]
    assert document.sections[0].orientation == WD_ORIENT.PORTRAIT


def test_failed_export_leaves_the_old_file(project: Project, study: Study, tmp_path: Path) -> None:
    out = tmp_path / "matrix.csv"
    out.write_text("old", encoding="utf-8")
    with project.session() as s:
        with pytest.raises(NotFound):
            export_matrix(s, path=out, fmt="csv", rows="tb", cols="attr:hobby", cells="count")
        with pytest.raises(InvalidValue):
            export_matrix(s, path=out, fmt="csv", rows="tb", cols="cases", cells="colour")
        with pytest.raises(InvalidValue):
            export_matrix(s, path=out, fmt="pdf", rows="tb", cols="cases", cells="count")
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
