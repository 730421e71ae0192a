"""Timing and machine description shared by the benchmarks (no Qt here)."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Timed runs per benchmark (the median is reported) and untimed warm-up runs before them.
RUNS = 5
WARMUP = 1


@dataclass(frozen=True)
class Timing:
    """The median of ``samples`` (seconds); warm-up runs are not in ``samples``."""

    median: float
    samples: tuple[float, ...]

    def as_json(self) -> dict[str, Any]:
        return {"median": round(self.median, 6), "samples": [round(s, 6) for s in self.samples]}


def measure(
    fn: Callable[[int], object],
    *,
    runs: int = RUNS,
    warmup: int = WARMUP,
    setup: Callable[[int], object] | None = None,
) -> Timing:
    """Call ``fn(i)`` ``warmup + runs`` times; ``setup(i)`` runs untimed before each call."""
    samples = []
    for i in range(warmup + runs):
        if setup is not None:
            setup(i)
        start = time.perf_counter()
        fn(i)
        elapsed = time.perf_counter() - start
        if i >= warmup:
            samples.append(elapsed)
    return Timing(statistics.median(samples), tuple(samples))


def rss_mb() -> float:
    """Resident memory of this process now, in MiB (Linux /proc; else ru_maxrss)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def peak_rss_mb() -> float | None:
    """Peak resident memory of this process (VmHWM), in MiB, where known."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def load_average() -> list[float] | None:
    """The 1, 5 and 15 minute load averages (the machine may be shared), where known."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gb() -> float | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        return None
    return None


def machine_info() -> dict[str, Any]:
    """CPU model, cores, RAM, OS, Python, SQLite and Qt versions."""
    import sqlite3

    try:
        import PySide6
        from PySide6.QtCore import qVersion

        qt: str | None = qVersion()
        pyside: str | None = PySide6.__version__
    except ImportError:
        qt = pyside = None
    try:
        affinity = len(os.sched_getaffinity(0))
    except AttributeError:
        affinity = os.cpu_count() or 0
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "cores_usable": affinity,
        "ram_gb": _ram_gb(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "qt": qt,
        "pyside6": pyside,
        "qt_platform": os.environ.get("QT_QPA_PLATFORM"),
    }


def run_child(module: str, *args: str) -> dict[str, Any]:
    """Run ``python -m module args`` in a fresh interpreter (Qt offscreen, from the checkout)
    and return the JSON of its last stdout line; a failure raises with its last lines."""
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-12:]
        raise RuntimeError(f"{module} failed: " + " | ".join(tail))
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result
