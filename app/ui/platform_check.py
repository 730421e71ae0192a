"""Can Qt open a window here? Checked before a ``QApplication`` exists.

Qt aborts the process (a core dump, exit 134) when its platform plugin cannot load, and names
only the first missing library. On Linux the xcb plugin needs X11 libraries that desktop
distributions ship but minimal installs lack, and a display to talk to. This module finds both
problems without loading Qt and says, in one line, what is missing and how to install it.

Qt-free on purpose (``ctypes`` only), so it runs before PySide6 touches the platform.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import shutil
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

#: The libraries Qt 6's xcb platform plugin loads, and the Debian/Ubuntu package of each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}

#: Platforms that need no screen (tests, headless rendering).
HEADLESS = frozenset({"offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"})


@dataclass(frozen=True)
class PlatformProblem:
    """Why no window can open: missing libraries (sonames, packages) or no display."""

    missing_libraries: tuple[str, ...] = ()
    packages: tuple[str, ...] = ()
    display: str | None = None  # the DISPLAY that cannot be reached ("" when unset)

    def message(self, *, apt: bool) -> str:
        """One line for the terminal: what is missing and what to do."""
        if self.missing_libraries:
            if apt and self.packages:
                fix = "install them with: sudo apt install " + " ".join(self.packages)
            else:
                fix = "install the packages that provide them"
            return (
                "telaah: cannot open a window: Qt needs system libraries that are missing ("
                + ", ".join(self.missing_libraries)
                + f"); {fix} (or work without a window: telaah --help, telaah demo --no-gui)"
            )
        where = "DISPLAY is not set" if not self.display else f"cannot connect to {self.display}"
        return (
            f"telaah: cannot open a window: no display found ({where}); start it from a desktop "
            "session, or work without a window: telaah --help, telaah demo --no-gui"
        )


def _platform(env: Mapping[str, str]) -> str:
    """The platform plugin Qt will try first on Linux (``xcb`` unless told otherwise)."""
    named = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip().lower()
    if named:
        return named
    if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def _plugin_error() -> str | None:
    """The loader's complaint about Qt's xcb plugin itself (a library the list above lacks)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = Path(next(iter(spec.submodule_search_locations)))
    plugin = plugin / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        return str(exc)
    return None


def _display_reachable(display: str) -> bool:
    """Whether an X server answers at ``display`` (via libxcb, as Qt would connect)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return False
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return connection is not None and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection is not None:
            xcb.xcb_disconnect(connection)


def platform_problem(env: Mapping[str, str] | None = None) -> PlatformProblem | None:
    """What keeps Qt from opening a window, or None when it can (or when we cannot tell).

    Only Linux with the xcb plugin is checked: Windows and macOS wheels carry their own
    libraries, Wayland sessions fall back by themselves, headless platforms need nothing.
    """
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux") or _platform(env) != "xcb":
        return None
    missing = tuple(name for name in XCB_LIBRARIES if not _loads(name))
    if not missing:
        error = _plugin_error()
        if error is not None:
            missing = (error.split(":")[0].strip(),)
    if missing:
        packages = tuple(XCB_LIBRARIES[m] for m in missing if m in XCB_LIBRARIES)
        # After one library is installed Qt names the next, so offer the whole set.
        for extra in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"):
            if extra not in packages:
                packages += (extra,)
        return PlatformProblem(missing_libraries=missing, packages=packages)
    display = env.get("DISPLAY", "")
    if not display or not _display_reachable(display):
        return PlatformProblem(display=display)
    return None


def check_platform(env: Mapping[str, str] | None = None) -> str | None:
    """The one-line explanation when no window can open here, else None."""
    problem = platform_problem(env)
    if problem is None:
        return None
    return problem.message(apt=shutil.which("apt-get") is not None)
