"""Errors a user can act on. The CLI prints each as one line: `path: what is wrong`."""

from __future__ import annotations

import sys


class InputError(Exception):
    """The input cannot be parsed: missing, empty, not a supported format, encrypted, ..."""

    def __init__(self, path: str | None, message: str):
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.path or '<stdin>'}: {self.message}"


def error_line(message: str) -> None:
    """Print `parse-decision: error: MESSAGE` as one line on stderr."""
    # A file name that is not UTF-8 reaches here as surrogate escapes; print what can be printed.
    try:
        text = message.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        text = message.encode("utf-8", "replace").decode("utf-8")
    try:
        sys.stderr.write(f"parse-decision: error: {text}\n")
        sys.stderr.flush()
    except OSError:
        pass  # stderr itself is gone: the exit code still tells
