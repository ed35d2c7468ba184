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
