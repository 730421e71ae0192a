"""``python -m app.cli``: the ``telaah`` command."""

import sys

from app.cli import main

sys.exit(main())
