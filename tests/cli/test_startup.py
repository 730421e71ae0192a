"""The command line and the start window load only what they use, so they start at once.

Each check runs in a fresh interpreter (this test process has Qt and everything loaded) and
looks at ``sys.modules`` after the command ran: a command that pulls in pandas, Alembic or Qt
is seconds slower on a student's laptop. The times themselves are measured by
``bench/startup.py``, never here.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

from app.cli import main
from app.cli.catalogue import COMMANDS, modules

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("alembic", "pandas", "openpyxl", "docx", "pdfminer", "PySide6", "matplotlib", "psycopg")


def _loaded(code: str, tmp_path: Path) -> tuple[str, set[str]]:
    """Run ``code`` in a fresh interpreter; its output and the top modules loaded."""
    script = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))\n"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    env["XDG_CONFIG_HOME"] = str(tmp_path / ".config")
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    *out, names = done.stdout.strip().splitlines()
    return "\n".join(out), set(json.loads(names))


def _tops(names: set[str]) -> set[str]:
    return {n.split(".")[0] for n in names}


def test_every_command_module_registers_what_the_catalogue_says() -> None:
    for module_name in modules():
        parser = argparse.ArgumentParser()
        commands = parser.add_subparsers()
        importlib.import_module(f"app.cli.{module_name}").register(commands)
        listed = {n: c.help for n, c in COMMANDS.items() if c.module == module_name}
        registered = {a.dest: a.help for a in commands._choices_actions}
        assert registered == listed, module_name


def test_help_loads_no_database_layer_and_no_command(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out, names = _loaded("import app.cli\napp.cli.main(['--help'])", tmp_path)
    assert all(name in out for name in COMMANDS)  # every command is listed, with its help
    assert "count documents, cases, codes and codings" in out
    assert not _tops(names) & {"sqlalchemy", *HEAVY}
    assert not {n for n in names if n.startswith(("app.models", "app.coding"))}
    # and the in-process parser says the same
    assert main(["--help"]) == 0
    assert "import-qdpx" in capsys.readouterr().out


def test_stats_loads_the_models_but_no_exporter_importer_or_qt(tmp_path: Path) -> None:
    project = tmp_path / "Studi kasus.telaah"
    assert main(["new", str(project)]) == 0
    note = tmp_path / "catatan.txt"
    note.write_text("Informan: Kami rapat di balai desa.\n", encoding="utf-8")
    assert main(["import", str(project), str(note)]) == 0
    out, names = _loaded(f"import app.cli\napp.cli.main(['stats', {str(project)!r}])", tmp_path)
    assert "documents: 1" in out
    assert "sqlalchemy" in _tops(names)
    assert not _tops(names) & set(HEAVY)
    assert not {n for n in names if n.startswith(("app.coding.exports", "app.coding.refiqda"))}
    # nor the importers, documents or codings: stats counts rows, it reads no transcript
    avoided = ("app.coding.importing", "app.coding.documents", "app.coding.codings")
    assert not {n for n in names if n.startswith(avoided)}
    assert "app.cli.messages" not in names  # the error sentences load only on an error
    # a project file never talks to a server: SQLAlchemy's PostgreSQL dialect stays out
    assert not {n for n in names if n.startswith("sqlalchemy.dialects.postgresql")}


def test_a_command_leaves_the_garbage_collector_on(tmp_path: Path) -> None:
    """The collector is paused while a command's modules load, and only then."""
    project = tmp_path / "Tesis Ayu.telaah"
    assert main(["new", str(project)]) == 0
    assert gc.isenabled()
    assert main(["stats", str(project)]) == 0
    assert gc.isenabled()
    assert main(["stats", str(tmp_path / "tidak ada.telaah")]) == 1  # an error on the way
    assert gc.isenabled()


def test_the_start_window_shows_before_the_database_layer_loads(tmp_path: Path) -> None:
    code = (
        "from app.main import ensure_app, make_launcher\n"
        "app = ensure_app()\n"
        "window = make_launcher().show_start()\n"
        "app.processEvents()\n"
        "print(window.isVisible())\n"
    )
    out, names = _loaded(code, tmp_path)
    assert out.splitlines()[-1] == "True"
    assert not _tops(names) & {"sqlalchemy", "alembic", "pandas", "docx", "pdfminer"}
    assert not {n for n in names if n.startswith(("app.models", "app.coding.refiqda"))}


def test_stats_leaves_out_the_whole_file_scan_but_still_refuses_a_damaged_file(
    tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    import app.models.project as project_module
    from app.models.project import open_project

    project = tmp_path / "tesis.telaah"
    assert main(["new", str(project)]) == 0
    scans: list[Path] = []
    real = project_module._quick_check
    monkeypatch.setattr(
        project_module, "_quick_check", lambda path, con: (scans.append(path), real(path, con))
    )
    capsys.readouterr()
    assert main(["stats", str(project)]) == 0 and scans == []  # a read: no page-by-page scan
    open_project(project).close()  # a window or a writing command: the full check
    assert scans == [project]
    data = bytearray(project.read_bytes())
    data[100:4000] = b"\xff" * 3900  # the schema page
    project.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["stats", str(project)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
