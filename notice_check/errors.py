"""One error family for the whole package; the CLI turns each into one line and an exit code.

The library never prints or exits: it raises these, and `notice_check.cli` decides what the user sees.
"""

from __future__ import annotations


class NoticeCheckError(Exception):
    """Base class. `str(err)` is the one line shown to the user: file, place, problem."""

    exit_code = 2

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.source = source
        self.line = line
        super().__init__(self.render())

    def render(self) -> str:
        where = self.source or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message


class InputError(NoticeCheckError):
    """A notice that cannot be read: missing, binary, unknown format, empty, too large."""


class UnsupportedLanguageError(InputError):
    """The notice is in a language the extractor has no rules for; never analysed as English."""


class ManifestError(InputError):
    """A manifest that does not load or validate; carries file and line."""


class FetchError(NoticeCheckError):
    """A URL that could not be fetched; `transient` says whether a retry may help."""

    def __init__(self, message: str, *, source: str | None = None, status: int | None = None,
                 kind: str = "error", transient: bool = False) -> None:
        self.status = status
        self.kind = kind
        self.transient = transient
        super().__init__(message, source=source)


class RuleError(NoticeCheckError):
    """A pattern file of the extractor that does not validate (a bug in shipped data or a user's override)."""
