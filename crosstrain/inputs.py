"""Reading what authors put in the project, and nothing else: every input file (raw essays,
essay texts, notes, modules, glossary, quiz banks) is listed and read through here.

A symbolic link or a special file (FIFO, socket, device) in an input folder is refused: a
link to /etc/passwd would otherwise be published, a FIFO would hang the build. Sizes are
limited so that a stray 50 MB file fails at once with a clear message instead of filling
memory; the limits can be raised with environment variables (README: Reliability).
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from crosstrain.errors import CrosstrainError, Origin


@dataclass(frozen=True)
class Limits:
    """What one input may hold; each is read from CROSSTRAIN_MAX_<NAME> when set."""

    file_mb: float = 5.0  # one raw essay or YAML file
    paragraphs: int = 5000  # blocks in one essay
    line_chars: int = 20000  # one line (a paragraph of a web copy is one line)

    @classmethod
    def from_environment(cls) -> Limits:
        values = {}
        for name, default in ((f, getattr(cls, f)) for f in ("file_mb", "paragraphs", "line_chars")):
            variable = f"CROSSTRAIN_MAX_{name.upper()}"
            raw = os.environ.get(variable)
            if raw is None:
                continue
            try:
                values[name] = type(default)(raw)
            except ValueError:
                raise CrosstrainError(variable, f"expected a number, found {raw!r}",
                                      f"unset it or give a number like {default}") from None
        return cls(**values)

    def raise_hint(self, name: str) -> str:
        return f"split the file, or raise the limit: CROSSTRAIN_MAX_{name.upper()}=<number>"


def limits() -> Limits:
    return Limits.from_environment()


def _refusal(path: Path, mode: int) -> CrosstrainError | None:
    if stat.S_ISLNK(mode):
        return CrosstrainError(path, "is a symbolic link; inputs are read only from files inside the project",
                               "copy the file in its place instead of linking it")
    if not stat.S_ISREG(mode):
        return CrosstrainError(path, "is not a regular file (a FIFO, socket or device)", "remove it")
    return None


def read_input(path: Path) -> bytes:
    """The bytes of an input file: never through a symbolic link, never a special file,
    never more than the size limit."""
    try:
        # O_NOFOLLOW: the check and the read are one step, no swap in between;
        # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _refusal(path, stat.S_IFLNK) from None
        raise
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        refused = _refusal(path, info.st_mode)
        if refused:
            raise refused
        limit = limits()
        if info.st_size > limit.file_mb * 1_000_000:
            raise CrosstrainError(path, f"is {info.st_size / 1_000_000:.1f} MB, above the limit of "
                                        f"{limit.file_mb:g} MB for one input file", limit.raise_hint("file_mb"))
        return handle.read()


def read_input_text(path: Path) -> str:
    try:
        return read_input(path).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CrosstrainError(path, f"not UTF-8 text (byte {exc.start})", "save the file as UTF-8") from None


# Formats people drop in with essays and that ingest cannot read: named, not skipped silently.
_UNREADABLE = {".docx": "a Word document", ".doc": "a Word document", ".odt": "an OpenDocument text",
               ".rtf": "an RTF document", ".pdf": "a PDF", ".epub": "an e-book", ".pages": "a Pages document"}


@dataclass
class Listing:
    files: list[Path] = field(default_factory=list)
    errors: list[CrosstrainError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def raise_first(self) -> list[Path]:
        """The files, or the first refusal (for loaders that stop at a bad input)."""
        if self.errors:
            raise self.errors[0]
        return self.files


def input_files(folder: Path, suffixes: tuple[str, ...], name_documents: bool = False) -> Listing:
    """The regular files in `folder` (not below it) with one of `suffixes`, sorted; links and
    special files with those names are refused; with name_documents, documents that ingest
    cannot read (.docx, .pdf…) are named in a warning."""
    listing = Listing()
    if folder.is_symlink():
        listing.errors.append(_refusal(folder, stat.S_IFLNK))
        return listing
    if not folder.is_dir():
        return listing
    for path in sorted(folder.iterdir()):
        suffix = path.suffix.lower()
        if path.name.startswith("."):
            continue
        mode = path.lstat().st_mode
        if suffix in suffixes:
            refused = _refusal(path, mode)
            if refused:
                listing.errors.append(refused)
            else:
                listing.files.append(path)
        elif suffix in _UNREADABLE and name_documents:
            listing.warnings.append(f"{path}: skipped: {_UNREADABLE[suffix]} cannot be ingested "
                                    f"(save it as .txt, .md or .html in {folder})")
    return listing


# --- the text of a raw essay ---------------------------------------------------------------

# C0 and C1 controls but tab and line feed: invisible, they break matching and some
# (NUL, ESC) break tools that read the pages.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_KANA = re.compile("[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def without_controls(text: str, path: Path, warnings: list[str]) -> str:
    """The text without control characters; a warning names the first line that had some."""
    found = _CONTROL.search(text)
    if found is None:
        return text
    line = text.count("\n", 0, found.start()) + 1
    count = len(_CONTROL.findall(text))
    warnings.append(f"{Origin(path, line)}: removed {count} control character(s) "
                    f"(first: U+{ord(found.group()):04X}); check the file is the text you meant")
    return _CONTROL.sub("", text)


def check_text(text: str, path: Path) -> None:
    """Refuse what the language detector would misread, and lines beyond the limit."""
    kana, hangul = len(_KANA.findall(text)), len(_HANGUL.findall(text))
    letters = len(_IDEOGRAPH.findall(text)) + kana + hangul
    # A Chinese essay may quote a Japanese or Korean name; a Japanese text is mostly kana.
    for count, language in ((kana, "Japanese (kana)"), (hangul, "Korean (hangul)")):
        if count >= 10 and count * 10 > letters:
            raise CrosstrainError(path, f"the text is in {language}, which the site does not take",
                                  "only essays in Vietnamese, English or Chinese can be ingested; remove the file")
    limit = limits()
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > limit.line_chars:
            raise CrosstrainError(Origin(path, number), f"a line of {len(line):,} characters, above the limit "
                                                        f"of {limit.line_chars:,}", limit.raise_hint("line_chars"))


def check_paragraphs(count: int, path: Path) -> None:
    limit = limits()
    if count > limit.paragraphs:
        raise CrosstrainError(path, f"{count:,} paragraphs, above the limit of {limit.paragraphs:,} for one essay",
                              limit.raise_hint("paragraphs"))


def body_digest(blocks) -> str:
    """What two copies of one essay share whatever their file names, titles or encodings."""
    digest = hashlib.sha256()
    for block in blocks:
        digest.update(block.text.encode("utf-8") + b"\n\n")
    return digest.hexdigest()


def duplicate_warning(first: Path, second: Path) -> str:
    return (f"{second}: has the same body as {first.name}; both would be published "
            f"(remove one of them)")
