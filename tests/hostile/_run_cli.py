"""Run ``telaah`` with the given arguments, then print the peak RSS on stderr's last line.

``TELAAH_TEST_MEMORY_MB`` caps the child's address space. Used by the hostile-input suite
(``conftest.run_cli``); ``resource`` exists on the POSIX
machines the suite runs on (CI is Linux).
"""

from __future__ import annotations

import os
import resource
import sys

# A memory ceiling for the child (address space, in MB), so that an importer that would
# eat the machine fails fast with MemoryError instead.
_CAP = os.environ.get("TELAAH_TEST_MEMORY_MB")
if _CAP:
    limit = int(_CAP) * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

from app.cli import main  # noqa: E402

status = main(sys.argv[1:])
sys.stdout.flush()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
print(f"peak-rss-kb {peak}", file=sys.stderr)
sys.exit(status)
