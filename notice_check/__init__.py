"""notice-check: find false statements in privacy notices.

Data flows one way: notice -> Document -> Assertions -> Findings -> Report.

    >>> import notice_check
    >>> result = notice_check.check("privacy.md", "manifest.yaml")
    >>> result.summary["contradicted"], result.fails("contradicted")

The public API (`extract`, `check`, `load_manifest`, `ExtractionResult`, `CheckResult`, ...) lives in
`notice_check.api` and is loaded on first use, so `import notice_check` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_API = (
    "CheckResult",
    "ExtractionResult",
    "FAIL_ON_LEVELS",
    "check",
    "extract",
    "extract_many",
    "fails",
    "load_manifest",
    "load_notice",
    "summarize",
)

if TYPE_CHECKING:
    from notice_check.api import (  # noqa: F401
        FAIL_ON_LEVELS,
        CheckResult,
        ExtractionResult,
        check,
        extract,
        extract_many,
        fails,
        load_manifest,
        load_notice,
        summarize,
    )

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        from notice_check import api

        return getattr(api, name)
    raise AttributeError(f"module 'notice_check' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
