"""Entry point of the bundled app (tools/build_app.py): the ``telaah`` command.

Without arguments it opens the start window, as ``uv run telaah`` does; with arguments it is
the full command line (``telaah demo``, ``telaah export …``).
"""

from __future__ import annotations

import os
import sys


def _main() -> int:
    # A windowed build (Windows, macOS) has no console: print() must not fail there.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    from app.cli import main

    return main()


if __name__ == "__main__":
    raise SystemExit(_main())
