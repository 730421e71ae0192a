"""How fast Telaah starts: ``telaah --help``, ``telaah stats`` of corpus L end to end, and the
start window of ``telaah`` without arguments (offscreen), each a fresh process.

Python's cached bytecode is used (``PYTHONDONTWRITEBYTECODE`` is removed from the children's
environment and a warm-up run writes it), since that is how an installed Telaah runs.

    uv run python -m bench.startup [--corpus bench/corpus/L.telaah]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.timing import Timing, load_average, measure

ROOT = Path(__file__).resolve().parents[1]

#: The child that opens the start window the way ``app.main.main([])`` does, says when it
#: is shown (after the first round of events) and quits.
_START_WINDOW = """
from PySide6.QtCore import QTimer
from app.main import ensure_app, make_launcher
app = ensure_app()
make_launcher().show_start()
QTimer.singleShot(0, lambda: (print("shown", flush=True), app.quit()))
app.exec()
"""


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # settings (recent projects, language) in a fresh folder: the user's are not touched
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"))
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    return env


def _run(args: list[str], env: dict[str, str], expect: str = "") -> None:
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0 or expect not in done.stdout:
        raise RuntimeError(f"{' '.join(args)} failed: {done.stderr.strip()[-400:]}")


def cli_help(env: dict[str, str]) -> Timing:
    return measure(lambda _i: _run(["-m", "app.cli", "--help"], env, "COMMAND"))


def cli_stats(corpus: Path, env: dict[str, str]) -> Timing:
    return measure(lambda _i: _run(["-m", "app.cli", "stats", str(corpus)], env, "codings:"))


def start_window(env: dict[str, str]) -> Timing:
    return measure(lambda _i: _run(["-c", _START_WINDOW], env, "shown"))


def run(corpus: Path) -> dict[str, Any]:
    """The three figures (medians in seconds) and their samples."""
    with tempfile.TemporaryDirectory(prefix="telaah-startup-") as home:
        env = _env(Path(home))
        timings = {
            "cli_help": cli_help(env),
            "cli_stats_L": cli_stats(corpus, env),
            "start_window": start_window(env),
        }
    return {
        "figures": {k: round(t.median, 3) for k, t in timings.items()},
        "details": {k: t.as_json() for k, t in timings.items()},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "bench" / "corpus" / "L.telaah")
    args = parser.parse_args()
    before = load_average()
    started = time.perf_counter()
    result = run(args.corpus)
    result["load_average"] = {"before": before, "after": load_average()}
    result["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
