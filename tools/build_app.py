"""Build Telaah as a one-folder app a student can run without Python or uv.

    uv run python tools/build_app.py            # build into dist/telaah/
    uv run python tools/build_app.py --smoke    # build, then run the bundle as a user would

The same command builds the Windows app (``dist/telaah/Telaah.exe``) on Windows and the macOS
app (``dist/Telaah.app``) on a Mac: PyInstaller builds for the system it runs on. On Linux the
bundle is ``dist/telaah/telaah``. The smoke test (what CI runs) starts the bundle's command
line, builds the sample study with it, exports a Word summary from it, reads the table back,
and starts the window offscreen; it prints the bundle's size and its start-up times.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "telaah"

# Qt modules the app never imports; leaving them out keeps the bundle small.
QT_UNUSED = (
    "QtNetwork",
    "QtQml",
    "QtQuick",
    "QtQuickWidgets",
    "QtQuickControls2",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtSql",
    "QtTest",
    "QtDBus",
    "QtConcurrent",
    "QtDesigner",
    "QtHelp",
    "QtPrintSupport",
    "QtSvg",
    "QtSvgWidgets",
    "QtXml",
    "QtUiTools",
    "QtNetworkAuth",
    "QtStateMachine",
    "QtTextToSpeech",
)
# Python packages pulled in by optional imports of our dependencies, never used by Telaah.
PY_UNUSED = ("tkinter", "matplotlib", "IPython", "pytest", "pytestqt", "mypy", "PyInstaller")


def _data(source: Path, target: str) -> str:
    return f"{source}{os.pathsep}{target}"


def pyinstaller_args(dist: Path, work: Path) -> list[str]:
    """The PyInstaller command line for this platform."""
    windowed = sys.platform in ("win32", "darwin")
    args = [
        str(ROOT / "tools" / "telaah_entry.py"),
        "--name",
        "Telaah" if windowed else NAME,
        "--onedir",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        "--specpath",
        str(work),
        "--paths",
        str(ROOT),
        # Sub-commands and views are imported lazily, by name: take the whole package.
        "--collect-submodules",
        "app",
        # Alembic reads the migration scripts from disk; Qt loads the translations from disk.
        "--add-data",
        _data(ROOT / "app" / "models" / "migrations", "app/models/migrations"),
        "--add-data",
        _data(ROOT / "app" / "ui" / "i18n", "app/ui/i18n"),
        "--add-data",
        _data(ROOT / "codebooks", "app/_data/codebooks"),
        "--add-data",
        _data(ROOT / "sample_transcripts", "app/_data/sample_transcripts"),
    ]
    if windowed:
        args.append("--windowed")
    for module in QT_UNUSED:
        args += ["--exclude-module", f"PySide6.{module}"]
    for module in PY_UNUSED:
        args += ["--exclude-module", module]
    return args


def build(dist: Path, work: Path) -> Path:
    """Build the bundle; returns the folder it is in."""
    import PyInstaller.__main__

    PyInstaller.__main__.run(pyinstaller_args(dist, work))
    folder = dist / ("Telaah" if sys.platform in ("win32", "darwin") else NAME)
    if sys.platform == "darwin":
        folder = dist / "Telaah.app"
    return folder


def executable(folder: Path) -> Path:
    if sys.platform == "win32":
        return folder / "Telaah.exe"
    if sys.platform == "darwin":
        return folder / "Contents" / "MacOS" / "Telaah"
    return folder / NAME


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


class SmokeFailure(Exception):
    pass


def _run(exe: Path, *args: str, env: dict[str, str], timeout: float = 300) -> str:
    done = subprocess.run(
        [str(exe), *args],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        raise SmokeFailure(
            f"`telaah {' '.join(args)}` exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
        )
    return done.stdout


def _window_starts(exe: Path, project: Path, env: dict[str, str], seconds: float) -> None:
    """Open the project in the bundle's window (offscreen) and check it is still up, silent."""
    with subprocess.Popen(
        [str(exe), str(project)],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    ) as process:
        try:
            out, err = process.communicate(timeout=seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            out, err = process.communicate()
            if "Traceback" in err or "Error" in err:
                raise SmokeFailure(f"the window printed errors:\n{err}") from None
            return
    raise SmokeFailure(f"the window closed by itself ({process.returncode}):\n{out}\n{err}")


def smoke(folder: Path) -> dict[str, float]:
    """Run the bundle as a user would; returns the figures measured."""
    from docx import Document

    exe = executable(folder)
    figures: dict[str, float] = {"bundle_mb": folder_size(folder) / 1e6}
    with tempfile.TemporaryDirectory(prefix="telaah smoke ") as tmp:
        here = Path(tmp)
        env = {
            **os.environ,
            "TELAAH_DATA_DIR": str(here / "data"),
            "HOME": str(here / "home"),
            "PYTHONUTF8": "1",
        }
        for key in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONDONTWRITEBYTECODE"):
            env.pop(key, None)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            usage = _run(exe, "--help", env=env)
            times.append(time.perf_counter() - start)
        if "demo" not in usage:
            raise SmokeFailure(f"`telaah --help` does not list its commands:\n{usage}")
        figures["bundle_help_s"] = statistics.median(times)

        start = time.perf_counter()
        out = _run(exe, "demo", "--no-gui", env=env)
        figures["bundle_demo_s"] = time.perf_counter() - start
        project = Path(out.strip().splitlines()[0].removeprefix("building the demo project at "))
        project = project.with_name(project.name.removesuffix(" …"))
        if not project.is_file():
            raise SmokeFailure(f"the sample study was not built:\n{out}")

        word = here / "Ringkasan Four Co's.docx"
        _run(
            exe,
            "export",
            str(project),
            "summary",
            "--codebook",
            "loeffler",
            "--format",
            "docx",
            "-o",
            str(word),
            env=env,
        )
        document = Document(str(word))
        cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
        if not any("co-delivery" in c.lower() for c in cells):
            raise SmokeFailure("the Word summary has no Four Co's table")
        # The sample study is an Indonesian project: its tables are titled in Indonesian.
        if not any(p.text.startswith("Tabel ") for p in document.paragraphs):
            raise SmokeFailure("the Word summary has no Indonesian table title")
        figures["bundle_docx_tables"] = len(document.tables)

        _window_starts(exe, project, env, seconds=15)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the app goes")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build", help="PyInstaller's scratch folder"
    )
    parser.add_argument("--smoke", action="store_true", help="run the bundle after building it")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    folder = build(args.dist, args.work)
    print(f"built {folder} in {time.perf_counter() - start:.0f} s")
    shutil.rmtree(args.work, ignore_errors=True)
    if args.smoke:
        try:
            figures = smoke(folder)
        except SmokeFailure as exc:
            print(f"smoke test failed: {exc}", file=sys.stderr)
            return 1
        for key, value in figures.items():
            print(f"{key}: {value:.2f}")
        print("smoke test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
