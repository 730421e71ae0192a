"""Run ``telaah`` with the given arguments, then print the peak RSS on stderr's last line.

``TELAAH_TEST_MEMORY_MB`` caps the child's address space. Used by the hostile-input suite
(``conftest.run_cli``); ``resource`` exists on the POSIX
machines the suite runs on (CI is Linux).
"""

from __future__ import annotations

import os
import resource
import sys
from pathlib import Path

# A memory ceiling for the child (address space, in MB), so that an importer that would
# eat the machine fails fast with MemoryError instead.
_CAP = os.environ.get("TELAAH_TEST_MEMORY_MB")
if _CAP:
    limit = int(_CAP) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

from app.cli import main  # noqa: E402

status = main(sys.argv[1:])
sys.stdout.flush()


def _peak_kb() -> int:
    """This process's peak resident memory in KiB. Linux's ``ru_maxrss`` survives
    ``exec``, so a child of a big test process would report its parent's peak; the
    high-water mark of the process's own memory map (``VmHWM``) does not."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii", errors="replace").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


peak = _peak_kb()
print(f"peak-rss-kb {peak}", file=sys.stderr)
sys.exit(status)
