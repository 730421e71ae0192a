"""Word tables a student pastes as is, read back with python-docx from the sample study:
titles, numbering, quote limits, layouts, filters, measured widths, italics and styles."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn

from app.coding.demo import build_demo_project
from app.coding.errors import InvalidValue, NotFound
from app.coding.exports.matrix import export_matrix
from app.coding.exports.table_options import make_options
from app.models.project import Project, open_project

FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf")
TWIPS_PER_CM = 567


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    path = build_demo_project(tmp_path_factory.mktemp("demo") / "studi contoh.telaah")
    project = open_project(path)
    yield project
    project.close()


def _export(demo: Project, out: Path, **kw: object) -> object:
    options = kw.pop("options", None)
    with demo.session() as s:
        export_matrix(s, path=out, fmt="docx", options=options, **kw)  # type: ignore[arg-type]
    return WordDocument(str(out))


def _captions(doc: object) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == "Caption"]  # type: ignore[attr-defined]


def test_title_and_numbering(demo: Project, tmp_path: Path) -> None:
    title = "Tahap Co-commissioning pada Lumbung Warga Kota Baruna"
    doc = _export(
        demo,
        tmp_path / "a.docx",
        rows="loeffler",
        cols="cases",
        cells="count",
        options=make_options(title=title, numbering="continuous", table_number="17"),
    )
    assert _captions(doc) == [f"Tabel 17 {title}"]
    doc = _export(demo, tmp_path / "b.docx", rows="loeffler", cols="cases", cells="count")
    assert _captions(doc) == ["Tabel 4.1 Matriks Empat Co menurut informan"]
    doc = _export(
        demo,
        tmp_path / "c.docx",
        rows="loeffler",
        cols="cases",
        cells="count",
        options=make_options(table_number="5"),
    )
    assert _captions(doc)[0].startswith("Tabel 4.5 ")
    # the number is a SEQ field, so a list of tables finds it
    assert "SEQ Tabel" in doc.paragraphs[0]._p.xml  # type: ignore[attr-defined]


def _quote_cells(doc: object) -> list[list[str]]:
    table = doc.tables[0]  # type: ignore[attr-defined]
    return [[p.text for p in cell.paragraphs] for row in table.rows[1:] for cell in row.cells[1:]]


def test_quote_limits(demo: Project, tmp_path: Path) -> None:
    base = {"rows": "loeffler", "cols": "attr:group", "cells": "quotes"}
    doc = _export(demo, tmp_path / "d.docx", **base)
    cells = _quote_cells(doc)
    quotes = [[t for t in c if t.startswith("\u201c") or t.startswith("[")] for c in cells]
    assert max(len(q) for q in quotes) == 3
    assert any(t.startswith("(+") and t.endswith("lainnya)") for c in cells for t in c)
    one = _quote_cells(_export(demo, tmp_path / "e.docx", **base, options=make_options(quotes=1)))
    assert max(sum(t.startswith("\u201c") for t in c) for c in one) == 1
    every = _quote_cells(
        _export(demo, tmp_path / "f.docx", **base, options=make_options(quotes="all"))
    )
    assert not any(t.startswith("(+") for c in every for t in c)
    assert sum(len(c) for c in every) > sum(len(c) for c in cells)
    starred = _quote_cells(
        _export(demo, tmp_path / "g.docx", **base, options=make_options(quotes="starred"))
    )
    warned = [c for c in starred if c and c[0].startswith("\u26a0")]
    assert warned, "boxes without a starred quote say so"
    assert all("Belum ada kutipan berbintang" in c[0] for c in warned)
    assert all(not any(t.startswith("\u201c") for t in c) for c in warned)
    with pytest.raises(InvalidValue):
        make_options(quotes="0")


def test_short_rows_stay_on_one_page_and_long_quote_rows_may_break(
    demo: Project, tmp_path: Path
) -> None:
    """A count row or a row of short quotes is ``cantSplit`` (Word and LibreOffice move it
    whole to the next page); a row whose longest cell is over ``KEEP_ROW_CHARS`` is not."""
    from app.coding.exports.docx_tables import KEEP_ROW_CHARS

    kept: list[bool] = []
    longest: list[int] = []
    for name, cells in (("count", "count"), ("quotes", "quotes")):
        doc = _export(demo, tmp_path / f"{name}.docx", rows="loeffler", cols="attr:group",
                      cells=cells, options=make_options(layout="long"))  # fmt: skip
        table = doc.tables[0]  # type: ignore[attr-defined]
        header = table.rows[0]._tr.trPr
        assert header is not None and header.find(qn("w:tblHeader")) is not None
        assert header.find(qn("w:cantSplit")) is not None
        for row in table.rows[1:]:
            trpr = row._tr.trPr
            kept.append(trpr is not None and trpr.find(qn("w:cantSplit")) is not None)
            longest.append(max(sum(len(p.text) for p in c.paragraphs) for c in row.cells))
    assert any(n <= KEEP_ROW_CHARS for n in longest) and any(n > KEEP_ROW_CHARS for n in longest)
    assert kept == [n <= KEEP_ROW_CHARS for n in longest], list(zip(longest, kept, strict=True))


def test_layouts_and_depth(demo: Project, tmp_path: Path) -> None:
    base = {"rows": "loeffler", "cols": "cases", "cells": "quotes"}
    long = _export(demo, tmp_path / "l.docx", **base, options=make_options(layout="long"))
    assert len(long.tables) == 1 and len(long.tables[0].columns) == 3
    assert [c.text for c in long.tables[0].rows[0].cells] == ["Kode", "Informan", "Kutipan"]
    split = _export(demo, tmp_path / "s.docx", **base, options=make_options(layout="split"))
    assert len(split.tables) == 4
    assert [c.split(" ")[1] for c in _captions(split)] == ["4.1", "4.2", "4.3", "4.4"]
    assert _captions(split)[2].endswith("Pelayanan bersama (co-delivery)")
    top = _export(
        demo,
        tmp_path / "t.docx",
        rows="putnam",
        cols="loeffler",
        cells="count",
        options=make_options(depth=1),
    )
    table = top.tables[0]
    assert (len(table.rows), len(table.columns)) == (4, 5)  # 3 × 4 plus headers


def _counts(doc: object) -> dict[str, list[int]]:
    table = doc.tables[0]  # type: ignore[attr-defined]
    return {
        row.cells[0].text: [int(c.text.split("\n")[0]) for c in row.cells[1:]]
        for row in table.rows[1:]
    }


def test_filters_by_attribute_and_by_code(demo: Project, tmp_path: Path) -> None:
    base = {"rows": "putnam", "cols": "cases", "cells": "count"}
    full = _counts(_export(demo, tmp_path / "w0.docx", **base))
    community = _counts(
        _export(
            demo,
            tmp_path / "w1.docx",
            **base,
            options=make_options(where="attr:group=elemen masyarakat"),
        )
    )
    # Case names keep their number on the same line: a no-break space joins them.
    header = [
        c.text.replace("\u00a0", " ")
        for c in WordDocument(str(tmp_path / "w1.docx")).tables[0].rows[0].cells
    ]
    kept = [i for i, h in enumerate(header[1:]) if h in ("Informan 8", "Informan 9")]
    for row, values in community.items():
        for i, value in enumerate(values):
            assert value == (full[row][i] if i in kept else 0)
    assert sum(map(sum, community.values())) > 0
    overlap = _counts(
        _export(
            demo,
            tmp_path / "w2.docx",
            **base,
            options=make_options(where="code:loeffler/co-delivery"),
        )
    )
    assert 0 < sum(map(sum, overlap.values())) < sum(map(sum, full.values()))
    note = " ".join(p.text for p in WordDocument(str(tmp_path / "w2.docx")).paragraphs)
    assert "loeffler/co-delivery" in note
    with pytest.raises(NotFound):
        _export(demo, tmp_path / "w3.docx", **base, options=make_options(where="attr:nope=x"))
    with pytest.raises(InvalidValue):
        make_options(where="group=x")


def _measure() -> object:
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

    assert FONT.is_file() and FONT_BOLD.is_file(), "fonts-liberation2 is needed (see .ci/run)"
    families = {}
    for bold, path in ((False, FONT), (True, FONT_BOLD)):
        font_id = QFontDatabase.addApplicationFont(str(path))
        families[bold] = QFontDatabase.applicationFontFamilies(font_id)[0]

    def width_cm(word: str, size_pt: float, bold: bool) -> float:
        font = QFont(families[bold])
        font.setPointSizeF(size_pt * 10)  # measure large, scale down: no hinting error
        font.setBold(bold)
        return (
            QFontMetricsF(font).horizontalAdvance(word)
            / 10
            / 72
            * 2.54
            * (72 / QFontMetricsF(font).fontDpi())
        )

    return width_cm


@pytest.mark.parametrize(
    ("rows", "cols", "cells"),
    [
        ("loeffler", "cases", "quotes"),
        ("loeffler", "cases", "count"),
        ("putnam", "loeffler", "count"),
        ("cepiku", "attr:group", "presence"),
    ],
)
def test_every_column_is_wide_enough_for_its_longest_word(
    demo: Project, tmp_path: Path, qapp: object, rows: str, cols: str, cells: str
) -> None:
    width_cm = _measure()
    doc = _export(demo, tmp_path / "w.docx", rows=rows, cols=cols, cells=cells)
    table = doc.tables[0]
    tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
    assert tbl_w.get(qn("w:type")) == "dxa" and int(tbl_w.get(qn("w:w"))) > 0
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    for row in table.rows:
        for cell in row.cells:
            tc_w = cell._tc.tcPr.find(qn("w:tcW"))
            assert tc_w.get(qn("w:type")) == "dxa"
            room = int(tc_w.get(qn("w:w"))) / TWIPS_PER_CM - 2 * 85 / TWIPS_PER_CM
            for para in cell.paragraphs:
                indent = para.paragraph_format.left_indent
                space = room - (indent.cm if indent else 0)
                for run in para.runs:
                    size = run.font.size.pt if run.font.size else 10
                    for word in re.findall(r"\S+", run.text):
                        need = width_cm(word, size, bool(run.bold))  # type: ignore[operator]
                        assert need <= space, (word, size, need, space)


def test_indonesian_tables_set_english_terms_in_italics_and_use_safe_styles(
    demo: Project, tmp_path: Path
) -> None:
    doc = _export(
        demo,
        tmp_path / "i.docx",
        rows="putnam",
        cols="loeffler",
        cells="count",
        options=make_options(depth=1),
    )
    runs = [r for c in doc.tables[0].rows[0].cells for p in c.paragraphs for r in p.runs]
    terms = [r for r in runs if "co-" in r.text]
    assert terms and all(r.italic for r in terms)
    # LibreOffice would break "(co-" / "design)" at the hyphen: it is Word's no-break hyphen.
    assert all("noBreakHyphen" in r._r.xml for r in terms)
    assert not any("co-" in t.text for r in terms for t in r._r.iter(qn("w:t")) if t.text)
    assert all(not r.italic for r in runs if "Perencanaan" in r.text)
    styles = {p.style.name for p in doc.paragraphs}
    assert "Caption" in styles
    assert not any(s.startswith(("Heading", "Title")) for s in styles)
    notes = [p.text for p in doc.paragraphs if p.text.startswith("Sumber")]
    assert notes == [
        "Sumber: data primer yang diolah peneliti (2024) berdasarkan Putnam (1993, 2000) dan "
        "Loeffler dan Bovaird (2021)."
    ]
    assert not any("Modal sosial pengikat" in p.text for p in doc.paragraphs)  # no definitions
    # All columns are numbered K1…; the legend under the table italicises the terms too.
    numbered = _export(demo, tmp_path / "k.docx", rows="putnam", cols="loeffler", cells="count")
    legend = next(p for p in numbered.paragraphs if p.text.startswith("Keterangan: K1 = "))
    term_runs = [r for r in legend.runs if r.text == "co-commissioning"]
    assert term_runs and all(r.italic for r in term_runs)
    assert not any(r.italic for r in legend.runs if "Perencanaan" in r.text)
    assert "(co-evaluation). " in legend.text or "(co-evaluation)." in legend.text
    english = _export(
        demo,
        tmp_path / "e.docx",
        rows="putnam",
        cols="loeffler",
        cells="count",
        language="en",
        options=make_options(depth=1),
    )
    runs = [r for c in english.tables[0].rows[0].cells for p in c.paragraphs for r in p.runs]
    assert not any(r.italic for r in runs)


def test_excerpts_and_summary_use_no_heading_styles(demo: Project, tmp_path: Path) -> None:
    from app.coding.exports.excerpts import export_excerpts
    from app.coding.exports.summary import export_summary

    with demo.session() as s:
        export_excerpts(s, path=tmp_path / "x.docx", fmt="docx")
        export_summary(
            s,
            path=tmp_path / "y.docx",
            fmt="docx",
            codebook="loeffler",
            options=make_options(depth=1, title="Ringkasan Empat Co"),
        )
    for name in ("x.docx", "y.docx"):
        doc = WordDocument(str(tmp_path / name))
        styles = {p.style.name for p in doc.paragraphs}
        assert not any(s.startswith(("Heading", "Title", "List")) for s in styles), styles
    summary = WordDocument(str(tmp_path / "y.docx"))
    assert _captions(summary) == ["Tabel 4.1 Ringkasan Empat Co"]
    assert len(summary.tables[0].rows) == 1 + 4  # the four Co's only
    first = WordDocument(str(tmp_path / "x.docx")).paragraphs[0]
    assert first.text == "Kutipan per Kode" and first.runs[0].bold


def test_informant_lists_shorten_runs_to_ranges_and_keep_names_whole() -> None:
    from app.coding.exports.analysis_common import name_list

    nb = "\u00a0"
    names = ["Informan 1", "Informan 2", "Informan 3", "Informan 5", "Informan 6", "AP1",
             "AP2", "AP3", "Ibu Sari"]  # fmt: skip
    assert name_list(names) == f"Informan{nb}1\u20133, 5, 6, AP1\u2013AP3, Ibu Sari"
    assert name_list(["Informan 1", "Informan 3", "Informan 9"]) == f"Informan{nb}1, 3, 9"
    assert name_list(["EM1", "EM2", "MPM3"]) == "EM1, EM2, MPM3"


def test_widths_go_where_they_shorten_the_table() -> None:
    from app.coding.exports.docx_tables import text_cell
    from app.coding.exports.word_layout import fit_widths

    quote = " ".join(["kami", "rembuk", "bersama", "warga", "setiap", "bulan"] * 40)
    header = [text_cell("No."), text_cell("Jumlah"), text_cell("Kutipan"), text_cell("Status")]
    rows = [[text_cell("1"), text_cell("26"), text_cell(quote), text_cell("terisi")]]
    widths = fit_widths(header, rows, 20.0, body_pt=9, header_pt=9)
    assert widths is not None and abs(sum(widths) - 20.0) < 1e-6
    # The one long quote sets the row's height: it gets nearly all the room, the short
    # columns keep what their words need.
    assert widths[2] > 15.0
    assert max(widths[0], widths[1], widths[3]) < 2.0
