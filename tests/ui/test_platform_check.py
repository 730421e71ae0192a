"""Without a usable screen the app says why in one line and exits 1, instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.ui import platform_check
from app.ui.platform_check import PlatformProblem, check_platform, platform_problem

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("XDG_SESSION_TYPE", None)
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"), **extra)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_no_display_gives_one_line_and_exit_1(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app.cli"],
        cwd=ROOT,
        env=_env(tmp_path, QT_QPA_PLATFORM="xcb"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 1, (result.returncode, result.stderr)  # not 134 / -6 (abort)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("telaah: cannot open a window:")
    # Missing X11 libraries (with the command) or no display: either is named.
    assert "sudo apt install" in lines[0] or "no display found" in lines[0]
    assert "--no-gui" in lines[0]
    assert "core dumped" not in result.stderr and "Aborted" not in result.stderr


def test_missing_libraries_are_named_with_their_packages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(
        platform_check, "_loads", lambda name: name not in ("libxcb-icccm.so.4", "libGL.so.1")
    )
    problem = platform_problem({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"})
    assert problem is not None
    assert problem.missing_libraries == ("libxcb-icccm.so.4", "libGL.so.1")
    line = problem.message(apt=True)
    # Qt names one library at a time; the command installs the usual set at once.
    assert "sudo apt install libxcb-icccm4 libgl1 libxcb-cursor0 libxcb-keysyms1" in line
    assert "\n" not in line
    assert "sudo" not in problem.message(apt=False)


def test_an_unreachable_display_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(platform_check, "_loads", lambda name: True)
    monkeypatch.setattr(platform_check, "_plugin_error", lambda: None)
    monkeypatch.setattr(platform_check, "_display_reachable", lambda display: False)
    problem = platform_problem({"DISPLAY": ":97"})
    assert problem == PlatformProblem(display=":97")
    assert "cannot connect to :97" in problem.message(apt=True)
    unset = platform_problem({"QT_QPA_PLATFORM": "xcb"})
    assert unset is not None and "DISPLAY is not set" in unset.message(apt=True)


def test_headless_and_wayland_platforms_are_not_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(platform_check, "_loads", lambda name: False)
    assert check_platform({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert check_platform({"WAYLAND_DISPLAY": "wayland-0"}) is None
    monkeypatch.setattr(sys, "platform", "win32")
    assert check_platform({}) is None
