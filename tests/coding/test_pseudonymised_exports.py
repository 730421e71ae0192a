"""Pseudonymised by default: on the sample study, no export in any format holds a real name.

Every text part of each .docx and .xlsx (all XML inside the archive: body, shared strings,
sheet names, document properties) and every .csv is searched for every case name, for each
capitalised part of it and for the file-name prefixes documents were imported under.
"""

from __future__ import annotations

import csv
import re
import zipfile
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest

from app.coding.demo import build_demo_project, sample_dir
from app.coding.exports.excerpts import export_excerpts
from app.coding.exports.matrix import export_matrix
from app.coding.exports.summary import export_summary
from app.coding.exports.triangulation import export_triangulation
from app.models.project import Project, open_project

FORMATS = ("docx", "xlsx", "csv")


def _case_names() -> list[str]:
    with (sample_dir() / "cases.csv").open(encoding="utf-8", newline="") as fh:
        return [row["case"] for row in csv.DictReader(fh)]


def all_text(path: Path) -> str:
    """Every text a reader could find in an export file."""
    if path.suffix == ".csv":
        return path.read_text(encoding="utf-8")
    with zipfile.ZipFile(path) as archive:
        parts = [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()
                 if n.endswith((".xml", ".rels"))]  # fmt: skip
    # Runs of one paragraph may be split across XML elements: join text nodes, then unescape.
    return unescape(re.sub(r"<[^>]+>", "", "".join(parts))) + "\n" + "\n".join(parts)


def leaks(text: str) -> list[str]:
    found = []
    for name in _case_names():
        if re.search(re.escape(name), text, re.IGNORECASE):
            found.append(name)
        for part in name.split():
            if len(part) >= 3 and re.search(rf"(?<![^\W_]){re.escape(part)}(?![^\W_])", text):
                found.append(part)
    found += [m for m in re.findall(r"INF\d\d_\w+", text)]
    return found


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Project:
    path = build_demo_project(tmp_path_factory.mktemp("demo") / "demo.telaah")
    project = open_project(path)
    yield project  # type: ignore[misc]
    project.close()


EXPORTS: dict[str, Callable[..., object]] = {
    "summary-loeffler": lambda s, **kw: export_summary(s, codebook="loeffler", **kw),
    "summary-putnam": lambda s, **kw: export_summary(s, codebook="putnam", **kw),
    "matrix-cases": lambda s, **kw: export_matrix(
        s, rows="loeffler", cols="cases", cells="quotes", **kw
    ),
    "matrix-groups": lambda s, **kw: export_matrix(
        s, rows="putnam", cols="attr:group", cells="quotes", **kw
    ),
    "matrix-types": lambda s, **kw: export_matrix(
        s, rows="loeffler", cols="source-type", cells="quotes", **kw
    ),
    "matrix-cooccurrence": lambda s, **kw: export_matrix(
        s, rows="putnam", cols="loeffler", cells="quotes", **kw
    ),
    "excerpts": lambda s, **kw: export_excerpts(s, **kw),
    "triangulation": lambda s, **kw: export_triangulation(s, codebook="loeffler", **kw),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", list(EXPORTS))
def test_no_real_name_anywhere(demo: Project, tmp_path: Path, kind: str, fmt: str) -> None:
    out = tmp_path / f"{kind}.{fmt}"
    with demo.session() as s:
        EXPORTS[kind](s, path=out, fmt=fmt)  # the project setting: aliases
    text = all_text(out)
    assert leaks(text) == []
    if fmt == "docx":
        assert "Nama informan disamarkan" in text
    if kind.startswith(("matrix-cases", "excerpts")):
        assert "Informan 3" in text


def test_identifying_roles_print_as_the_group(demo: Project, tmp_path: Path) -> None:
    out = tmp_path / "kutipan.csv"
    docx_out = tmp_path / "kutipan.docx"
    with demo.session() as s:
        export_excerpts(s, path=out, fmt="csv")
        export_excerpts(s, path=docx_out, fmt="docx")
    text = all_text(docx_out)
    # The Camat and the Lurahs are identifiable by role: their quotes cite the group only.
    assert "(Informan 3, aparat pemerintah, wawancara 11 Maret 2024)" in text or (
        "\u2014 Informan 3, aparat pemerintah, wawancara 11 Maret 2024" in text
    )
    assert "Informan 3, Camat" not in text
    assert "Informan 8, Ketua RW 05, koordinator relawan, wawancara 20 Maret 2024" in text
    # Documents are named by case and type, or by their title, never by file name.
    with out.open(encoding="utf-8", newline="") as fh:
        documents = {row["document"] for row in csv.DictReader(fh)}
    assert "Informan 3, wawancara" in documents
    assert "Laporan Kinerja Relawan 2023" in documents
    assert not any(d.endswith((".txt", ".docx", ".pdf")) for d in documents)


def test_real_names_when_asked_and_said_so(demo: Project, tmp_path: Path) -> None:
    out = tmp_path / "ringkasan.docx"
    with demo.session() as s:
        export_summary(s, path=out, fmt="docx", codebook="loeffler", pseudonymise=False)
    text = all_text(out)
    assert "Agus Salim Nasution" in text
    assert "Nama informan ditulis dengan nama sebenarnya." in text
