#!/usr/bin/env python3
"""Check the quiz banks and the content they cite: `crosstrain check` as a script.

Usage: python scripts/check_quizzes.py [--strict]
Prints `path:line: CODE: item-id: message` per problem, a summary table, and exits 1 on
any error.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from crosstrain.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["--root", str(Path(__file__).resolve().parents[1]), "check", *sys.argv[1:]]))
