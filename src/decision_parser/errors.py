"""Errors a user can act on. The CLI prints each as one line: `path: what is wrong`."""

from __future__ import annotations


class InputError(Exception):
    """The input cannot be parsed: missing, empty, not a supported format, encrypted, ..."""

    def __init__(self, path: str | None, message: str):
        super().__init__(message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.path or '<stdin>'}: {self.message}"
