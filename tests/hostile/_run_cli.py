"""Run ``telaah`` with the given arguments, then print the peak RSS on stderr's last line.

Used by the hostile-input suite (``conftest.run_cli``); ``resource`` exists on the POSIX
machines the suite runs on (CI is Linux).
"""

from __future__ import annotations

import resource
import sys

from app.cli import main

status = main(sys.argv[1:])
sys.stdout.flush()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
print(f"peak-rss-kb {peak}", file=sys.stderr)
sys.exit(status)
