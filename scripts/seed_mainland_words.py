#!/usr/bin/env python3
"""Write crosstrain/translate/zh-mainland-seed.txt: the mainland-only words of OpenCC's own
Taiwan phrase dictionary (TWPhrases, the one `s2twp` uses), in Traditional characters,
one per line, from the installed opencc package. Run it after upgrading OpenCC; the
reviewed additions and exceptions live in crosstrain/translate/zh-phrases.yml.

Usage: python scripts/seed_mainland_words.py
"""

import subprocess
import sys
import tempfile
from pathlib import Path

import opencc

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "crosstrain" / "translate" / "zh-mainland-seed.txt"


def seed_text() -> str:
    """The seed file's text, from the installed opencc package."""
    clib = Path(opencc.__file__).parent / "clib"
    source = clib / "share" / "opencc" / "TWPhrases.ocd2"
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "TWPhrases.txt"
        subprocess.run([str(clib / "bin" / "opencc_dict"), "-i", str(source), "-o", str(text),
                        "-f", "ocd2", "-t", "text"], check=True, capture_output=True)
        entries = [line.split("\t", 1) for line in text.read_text("utf-8").splitlines() if "\t" in line]
    # An entry whose Taiwan forms include the word itself (數字 -> 數字 數位) is written in
    # Taiwan too: not a mainland-only word.
    words = sorted({word for word, forms in entries if word not in forms.split()})
    header = (f"# Mainland words of OpenCC {opencc.__version__}'s TWPhrases (Traditional characters),\n"
              "# written by scripts/seed_mainland_words.py: do not edit, see zh-phrases.yml.\n")
    return header + "".join(w + "\n" for w in words)


def main() -> int:
    text = seed_text()
    SEED.write_text(text, encoding="utf-8")
    print(f"{SEED.relative_to(ROOT)}: {text.count(chr(10)) - 2} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
