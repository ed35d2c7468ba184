"""Errors that name the file and line a user has to fix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Origin:
    """Where a piece of content came from, so every message can point at it."""

    path: Path
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else str(self.path)


class CrosstrainError(Exception):
    """A problem in the user's input: printed as `path:line: message` and exit 1."""

    def __init__(self, origin: Origin | Path | str, message: str, hint: str = ""):
        self.origin = origin if isinstance(origin, Origin) else Origin(Path(origin))
        self.message = message
        self.hint = hint
        super().__init__(str(self))

    def __reduce__(self):
        # raised in a worker process, it reaches the parent pickled
        return (type(self), (self.origin, self.message, self.hint))

    def __str__(self) -> str:
        text = f"{self.origin}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


# What a failed write or read means to an author, and what to do about it.
_OS_ADVICE = {
    "EROFS": ("the file system is read-only", "build on a writable disk, or remount it read-write"),
    "ENOSPC": ("the disk is full", "free some space and run the command again; nothing was left half-written"),
    "EDQUOT": ("the disk quota is used up", "free some space and run the command again"),
    "EACCES": ("permission denied", "make the folder writable for this user, or run from a copy you own"),
    "EPERM": ("the operation is not permitted", "make the folder writable for this user, or run from a copy you own"),
    "EBUSY": ("the file or folder is in use (a mount point or open elsewhere)",
              "stop what holds it (a server, a mount) and run again"),
    "ENAMETOOLONG": ("the file name is too long", "use a shorter file name"),
    "EMFILE": ("too many open files", "raise the limit (ulimit -n) and run again"),
}


def os_problem(exc: OSError) -> CrosstrainError:
    """An OSError as a message that names the file and says what to do; no traceback."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    problem, hint = _OS_ADVICE.get(name, (exc.strerror or str(exc), "check the file and the disk, then run again"))
    where = exc.filename if exc.filename is not None else "crosstrain"
    return CrosstrainError(Origin(Path(str(where))), f"{problem} [{name or 'OSError'}]", hint)
