"""The ``telaah`` command, run in-process: exit codes, messages, outputs, no partial writes."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from docx import Document as WordDocument

from app.cli import main

Dump = Callable[[Path], object]
ROOT = Path(__file__).resolve().parents[2]

WAWANCARA = (
    "Peneliti: Bagaimana warga ikut menjaga lumbung?\n"
    "\n"
    "Informan: Kami piket bergantian 🌊 tiap malam — “gotong royong”, kata Bu Nur Aini. "
    "Semua warga percaya pada pengurus.\n"
    "\n"
    "Peneliti: Siapa yang mencatat stok?\n"
    "\n"
    "Informan: Ibu-ibu PKK, dipimpin Bu Sulastri. Catatannya rapi sekali!\n"
)
CATATAN = "Rapat rembuk warga tanggal 5 Maret.\nHadir: lurah, RW 05, kader PKK.\n"


@dataclass
class Run:
    status: int
    out: str
    err: str


@pytest.fixture
def telaah(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    def run(*args: str | Path) -> Run:
        status = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Run(status, captured.out, captured.err)

    return run


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "data lapangan"
    folder.mkdir()
    (folder / "INF10_Nur_Aini.txt").write_text(WAWANCARA, encoding="utf-8")
    (folder / "catatan rapat.txt").write_text(CATATAN, encoding="utf-8")
    (folder / "kosong.txt").write_text("", encoding="utf-8")
    (folder / "rusak.docx").write_bytes(b"PK\x03\x04 this is not a real docx")
    return folder


@pytest.fixture
def proj(tmp_path: Path, files: Path, telaah: Callable[..., Run]) -> Path:
    path = tmp_path / "tesis.telaah"
    assert telaah("new", path, "--codebook", "loeffler", "--codebook", "putnam").status == 0
    imported = telaah(
        "import", path, files / "INF10_Nur_Aini.txt", "--case", "Nur Aini",
        "--attr", "group=penerima manfaat", "--attr", "interview_date=2024-03-25",
        "--attr", "role=Ibu rumah tangga",
    )  # fmt: skip
    assert imported.status == 0, imported.err
    assert telaah("import", path, files / "catatan rapat.txt").status == 0
    return path


def _one_line_error(run: Run) -> None:
    assert run.status == 1
    assert run.out == ""
    assert run.err.startswith("telaah: error: ")
    assert run.err.count("\n") == 1
    assert "Traceback" not in run.err


# --- new / stats ---------------------------------------------------------------------------


def test_new_project_with_codebooks_shows_in_stats_json(
    tmp_path: Path, telaah: Callable[..., Run]
) -> None:
    path = tmp_path / "baru.telaah"
    created = telaah("new", path, "--codebook", "putnam", "--codebook", "participation")
    assert created.status == 0
    stats = json.loads(telaah("stats", path, "--json").out)
    assert set(stats) >= {"documents", "cases", "codes", "codings", "coders", "codebooks"}
    assert stats["documents"] == stats["cases"] == stats["codings"] == 0
    assert stats["coders"] == []
    assert list(stats["codebooks"]) == ["putnam", "participation"]
    assert stats["codes"] == sum(stats["codebooks"].values())
    assert stats["codebooks"]["putnam"] > 3  # indicators are counted too


def test_new_refuses_an_existing_file_and_leaves_it_alone(
    proj: Path, telaah: Callable[..., Run]
) -> None:
    before = proj.read_bytes()
    result = telaah("new", proj)
    _one_line_error(result)
    assert str(proj.name) in result.err
    assert proj.read_bytes() == before


def test_new_with_an_unknown_codebook_is_a_usage_error(
    tmp_path: Path, telaah: Callable[..., Run]
) -> None:
    result = telaah("new", tmp_path / "x.telaah", "--codebook", "weber")
    assert result.status == 2
    assert not (tmp_path / "x.telaah").exists()


def test_stats_counts_after_import_and_coding(proj: Path, telaah: Callable[..., Run]) -> None:
    start = WAWANCARA.index("gotong")
    coded = telaah(
        "code", proj, "--document", "INF10_Nur_Aini.txt", "--start", start, "--end",
        start + 13, "--code", "putnam/norms/reciprocity", "--coder", "Sari",
    )  # fmt: skip
    assert coded.status == 0, coded.err
    stats = json.loads(telaah("stats", proj, "--json").out)
    assert (stats["documents"], stats["cases"], stats["codings"]) == (2, 1, 1)
    assert stats["coders"] == ["Sari"]
    readable = telaah("stats", proj)
    assert readable.status == 0
    assert "documents: 2" in readable.out
    assert "Sari" in readable.out
    assert "putnam" in readable.out


# --- import ---------------------------------------------------------------------------------


def test_import_with_case_links_documents_and_sets_attributes(
    proj: Path, files: Path, telaah: Callable[..., Run]
) -> None:
    from app.coding.cases import document_links, list_cases
    from app.models.project import open_project

    (files / "INF10_lanjutan.txt").write_text("Informan: Sambungan wawancara.\n", "utf-8")
    result = telaah(
        "import", proj, files / "INF10_lanjutan.txt", "--case", "Nur Aini", "--attr", "place=Rumah"
    )
    assert result.status == 0, result.err
    assert "INF10_lanjutan.txt" in result.out
    project = open_project(proj)
    with project.session() as s:
        (case,) = list_cases(s)
        links = document_links(s)
    project.close()
    assert case.name == "Nur Aini"
    assert case.attributes == {
        "group": "penerima manfaat",
        "interview_date": "2024-03-25",
        "role": "Ibu rumah tangga",
        "place": "Rumah",
    }
    assert len(links) == 2
    assert all(link.case_id == case.id and link.start is None for link in links)


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        ("kosong.txt", "the file is empty [empty]"),
        ("rusak.docx", "the file is incomplete (cut off while copying?) [truncated"),
        ("tidak-ada.txt", "the file does not exist [not-found"),
    ],
)
def test_import_is_all_or_nothing(
    proj: Path, files: Path, telaah: Callable[..., Run], dump: Dump, bad: str, words: str
) -> None:
    (files / "baik.txt").write_text("Informan: Ini berkas yang baik.\n", "utf-8")
    before = dump(proj)
    result = telaah("import", proj, files / "baik.txt", files / bad, "--case", "Baru")
    _one_line_error(result)
    assert bad in result.err and words in result.err
    assert dump(proj) == before


def test_import_with_a_bad_attribute_value_writes_nothing(
    proj: Path, files: Path, telaah: Callable[..., Run], dump: Dump
) -> None:
    (files / "baik.txt").write_text("Informan: Ini berkas yang baik.\n", "utf-8")
    before = dump(proj)
    # interview_date is a date attribute already: "kemarin" does not fit it.
    result = telaah(
        "import", proj, files / "baik.txt", "--case", "Nur Aini", "--attr", "interview_date=kemarin"
    )
    _one_line_error(result)
    assert dump(proj) == before
    assert telaah("import", proj, files / "baik.txt", "--attr", "x").status == 2
    assert telaah("import", proj, files / "baik.txt", "--attr", "x=1").status == 2  # no --case
    assert dump(proj) == before


def test_import_of_an_already_imported_name_fails(
    proj: Path, files: Path, telaah: Callable[..., Run], dump: Dump
) -> None:
    before = dump(proj)
    _one_line_error(telaah("import", proj, files / "catatan rapat.txt"))
    assert dump(proj) == before


# --- text / code ----------------------------------------------------------------------------


def _stored(path: Path, name: str) -> str:
    from app.coding.documents import get_document_text
    from app.models.project import open_project

    project = open_project(path)
    with project.session() as s:
        text = get_document_text(s, name=name)
    project.close()
    return text


def test_text_prints_the_stored_text_exactly(proj: Path, telaah: Callable[..., Run]) -> None:
    stored = _stored(proj, "INF10_Nur_Aini.txt")
    assert "🌊 tiap malam — “gotong royong”" in stored
    assert telaah("text", proj, "--document", "INF10_Nur_Aini.txt").out == stored
    assert telaah("text", proj, "--document", "catatan rapat.txt").out == _stored(
        proj, "catatan rapat.txt"
    )
    _one_line_error(telaah("text", proj, "--document", "tidak-ada.txt"))


def test_code_then_export_gives_back_the_exact_slice(
    proj: Path, tmp_path: Path, telaah: Callable[..., Run]
) -> None:
    phrase = "piket bergantian 🌊 tiap malam — “gotong royong”,"
    start = WAWANCARA.index(phrase)
    result = telaah(
        "code", proj, "--document", "INF10_Nur_Aini.txt", "--start", start,
        "--end", start + len(phrase), "--code", "loeffler/co-delivery/peer-support",
        "--coder", "Sari", "--memo", "contoh “timbal balik”",
    )  # fmt: skip
    assert result.status == 0, result.err
    out = tmp_path / "kutipan.csv"
    exported = telaah("export", proj, "excerpts", "--format", "csv", "-o", out, "--real-names")
    assert exported.status == 0, exported.err
    with out.open(encoding="utf-8", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["text"] == phrase
    assert (int(row["start"]), int(row["end"])) == (start, start + len(phrase))
    assert row["code"] == "loeffler/co-delivery/peer-support"
    assert row["document"] == "INF10_Nur_Aini.txt"
    assert (row["case"], row["coder"], row["memo"]) == ("Nur Aini", "Sari", "contoh “timbal balik”")


def test_code_defaults_the_coder_to_the_user_name(proj: Path, telaah: Callable[..., Run]) -> None:
    assert telaah(
        "code", proj, "--document", "catatan rapat.txt", "--start", "0", "--end", "5",
        "--code", "putnam/trust",
    ).status == 0  # fmt: skip
    (coder,) = json.loads(telaah("stats", proj, "--json").out)["coders"]
    assert coder.strip()


@pytest.mark.parametrize(
    ("document", "start", "end", "code"),
    [
        ("INF10_Nur_Aini.txt", "5", "99999", "putnam/trust"),
        ("INF10_Nur_Aini.txt", "7", "7", "putnam/trust"),
        ("INF10_Nur_Aini.txt", "-1", "5", "putnam/trust"),
        ("INF10_Nur_Aini.txt", "0", "5", "putnam/uang"),
        ("tidak-ada.txt", "0", "5", "putnam/trust"),
    ],
)
def test_failing_code_commands_write_nothing(
    proj: Path,
    telaah: Callable[..., Run],
    dump: Dump,
    document: str,
    start: str,
    end: str,
    code: str,
) -> None:
    before = dump(proj)
    args = ["--document", document, "--start", start, "--end", end, "--code", code]
    _one_line_error(telaah("code", proj, *args))
    assert dump(proj) == before


def test_usage_errors_exit_2(proj: Path, telaah: Callable[..., Run]) -> None:
    assert telaah("code", proj, "--document", "x", "--start", "a", "--end", "2").status == 2
    assert (
        telaah("autocode", proj, "--pattern", "x", "--code", "putnam/trust", "--unit", "bab").status
        == 2
    )
    assert telaah("frobnicate").status == 2
    assert telaah("export", proj, "excerpts", "--format", "pdf", "-o", "x.pdf").status == 2
    assert telaah("--help").status == 0


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (
            ["export", "P", "matrix", "--format", "csv", "-o", "x", "--rows", "a", "--cols",
             "b", "--bogus"],
            "usage: telaah export PROJECT matrix",
        ),
        (["autocode", "P", "--pattern", "x", "--code", "y", "--bogus"], "usage: telaah autocode"),
        (["import", "P", "a.txt", "--bogus"], "usage: telaah import"),
    ],
)  # fmt: skip
def test_a_wrong_sub_option_prints_that_sub_commands_usage(
    telaah: Callable[..., Run], args: list[str], usage: str
) -> None:
    result = telaah(*args)
    assert result.status == 2
    assert result.err.startswith(usage)
    assert "unrecognized arguments: --bogus" in result.err.splitlines()[-1]
    assert not Path("P").exists()


def test_opening_a_file_that_is_not_a_project_fails_cleanly(
    files: Path, telaah: Callable[..., Run]
) -> None:
    before = (files / "catatan rapat.txt").read_bytes()
    result = telaah("stats", files / "catatan rapat.txt")
    _one_line_error(result)
    assert "not a project" in result.err
    assert (files / "catatan rapat.txt").read_bytes() == before
    _one_line_error(telaah("stats", files / "hilang.telaah"))


# --- autocode -------------------------------------------------------------------------------


def test_autocode_by_sentence_and_turn(
    proj: Path, tmp_path: Path, telaah: Callable[..., Run]
) -> None:
    by_sentence = telaah(
        "autocode", proj, "--pattern", r"warga|lumbung", "--code", "putnam/trust",
        "--unit", "sentence", "--coder", "Sari", "--document", "INF10_Nur_Aini.txt",
    )  # fmt: skip
    assert by_sentence.status == 0, by_sentence.err
    assert by_sentence.out.strip() == "added 2 codings"
    by_turn = telaah(
        "autocode", proj, "--pattern", "PKK", "--code", "loeffler/co-delivery", "--unit", "turn",
        "--coder", "Sari",
    )  # fmt: skip
    assert by_turn.out.strip() == "added 2 codings"  # one turn here, one paragraph in catatan
    out = tmp_path / "auto.csv"
    assert telaah("export", proj, "excerpts", "--format", "csv", "-o", out).status == 0
    with out.open(encoding="utf-8", newline="") as fh:
        texts = {r["text"] for r in csv.DictReader(fh)}
    assert "Semua warga percaya pada pengurus." in texts
    # Units start after the speaker label.
    assert "Bagaimana warga ikut menjaga lumbung?" in texts
    assert "Ibu-ibu PKK, dipimpin Bu Sulastri. Catatannya rapi sekali!" in texts
    assert not any(t.startswith(("Peneliti:", "Informan:")) for t in texts)
    again = telaah(
        "autocode", proj, "--pattern", "PKK", "--code", "loeffler/co-delivery", "--unit", "turn",
        "--coder", "Sari",
    )  # fmt: skip
    assert again.out.strip() == "added 0 codings (2 already coded)"


def test_autocode_informants_only_skips_the_interviewer(
    proj: Path, tmp_path: Path, telaah: Callable[..., Run]
) -> None:
    args = ["--pattern", "lumbung", "--code", "putnam/trust", "--unit", "sentence"]
    doc = ["--document", "INF10_Nur_Aini.txt", "--coder", "Sari"]
    only = telaah("autocode", proj, *args, *doc, "--informants-only")
    assert only.status == 0, only.err
    out = tmp_path / "only.csv"
    assert telaah("export", proj, "excerpts", "--format", "csv", "-o", out).status == 0
    with out.open(encoding="utf-8", newline="") as fh:
        texts = {r["text"] for r in csv.DictReader(fh)}
    assert "Bagaimana warga ikut menjaga lumbung?" not in texts  # the interviewer asked it
    every = telaah("autocode", proj, *args, *doc)
    assert every.out.strip().startswith("added 1 coding")  # now the question too


def test_autocode_with_a_bad_pattern_writes_nothing(
    proj: Path, telaah: Callable[..., Run], dump: Dump
) -> None:
    before = dump(proj)
    result = telaah("autocode", proj, "--pattern", "(warga", "--code", "putnam/trust")
    _one_line_error(result)
    assert "pattern" in result.err
    assert dump(proj) == before


# --- export ---------------------------------------------------------------------------------


@pytest.fixture
def coded(proj: Path, telaah: Callable[..., Run]) -> Path:
    for phrase, code in [
        ("Kami piket bergantian 🌊 tiap malam — “gotong royong”, kata Bu Nur Aini.",
         "loeffler/co-delivery/peer-support"),
        ("Semua warga percaya pada pengurus.", "putnam/trust"),
    ]:  # fmt: skip
        start = WAWANCARA.index(phrase)
        assert telaah(
            "code", proj, "--document", "INF10_Nur_Aini.txt", "--start", start,
            "--end", start + len(phrase), "--code", code, "--coder", "Sari",
        ).status == 0  # fmt: skip
    return proj


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "docx"])
def test_export_pseudonymised_excerpts_in_every_format(
    coded: Path, tmp_path: Path, telaah: Callable[..., Run], fmt: str
) -> None:
    out = tmp_path / f"anonim.{fmt}"
    result = telaah(
        "export", coded, "excerpts", "--format", fmt, "-o", out, "--pseudonymise",
        "--mask", "Sulastri",
    )  # fmt: skip
    assert result.status == 0, result.err
    assert "2 excerpts" in result.out
    if fmt == "csv":
        text = out.read_text(encoding="utf-8")
    elif fmt == "xlsx":
        frame = pd.read_excel(out, dtype=str, keep_default_na=False)
        assert set(frame["case"]) == {"Informan 1"}
        text = "\n".join(" ".join(r) for r in frame.itertuples(index=False))
    else:
        doc = WordDocument(str(out))
        text = "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
        assert "— Informan 1, Ibu rumah tangga, wawancara 25 Maret 2024" in text
    assert "Nur Aini" not in text
    assert "kata Bu Informan 1." in text


def test_export_only_the_chosen_codes(
    coded: Path, tmp_path: Path, telaah: Callable[..., Run]
) -> None:
    out = tmp_path / "delivery.xlsx"
    result = telaah(
        "export", coded, "excerpts", "--format", "xlsx", "-o", out, "--code", "loeffler/co-delivery"
    )
    assert result.status == 0, result.err
    frame = pd.read_excel(out, dtype=str, keep_default_na=False)
    assert list(frame["code"]) == ["loeffler/co-delivery/peer-support"]
    assert frame["text"][0].startswith("Kami piket bergantian 🌊 tiap malam — “gotong royong”")


def test_export_to_a_missing_folder_is_a_one_line_error(
    coded: Path, tmp_path: Path, telaah: Callable[..., Run]
) -> None:
    out = tmp_path / "tidak ada" / "x.docx"
    _one_line_error(telaah("export", coded, "excerpts", "--format", "docx", "-o", out))
    assert not out.parent.exists()


# --- gui / module entry ---------------------------------------------------------------------


def test_python_dash_m_runs_the_command_in_a_fresh_process(proj: Path, tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [sys.executable, "-m", "app.cli", *args], cwd=ROOT, capture_output=True,
            check=False, timeout=120,
        )  # fmt: skip

    ok = run("--help")
    assert ok.returncode == 0
    assert b"autocode" in ok.stdout and b"export" in ok.stdout
    # The stored text, byte for byte: UTF-8, no added newline, no newline translation.
    text = run("text", str(proj), "--document", "INF10_Nur_Aini.txt")
    stored = _stored(proj, "INF10_Nur_Aini.txt").encode("utf-8")
    assert (text.returncode, text.stdout) == (0, stored)
    bad = run("stats", str(tmp_path / "hilang.telaah"))
    assert bad.returncode == 1
    err = bad.stderr.decode("utf-8")
    assert err.startswith("telaah: error: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err
