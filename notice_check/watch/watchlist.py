"""The watchlist (SPEC section 5): which notices to fetch, how to cut their body out, what to check them against."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from notice_check.errors import InputError


class WatchEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    url: str
    select: str | None = None
    remove: list[str] = Field(default_factory=list)
    manifest: str | None = None  # relative to the watchlist file
    language: str | None = None  # the expected language; another one is reported
    ignore_robots: bool = False
    browser: bool = False  # render with headless Chromium (text written by JavaScript)

    @field_validator("remove", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("url")
    @classmethod
    def _http(cls, value: str) -> str:
        if not value.lower().startswith(("http://", "https://")):
            raise ValueError("must be an http(s):// URL")
        return value

    def manifest_path(self, base: Path) -> Path | None:
        if not self.manifest:
            return None
        path = Path(self.manifest).expanduser()
        return path if path.is_absolute() else base / path


def load_watchlist(path: str | Path) -> list[WatchEntry]:
    """Entries in file order; errors name the file and the entry (index and id)."""
    path = Path(path)
    source = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("file not found", source=source) from None
    except OSError as err:
        raise InputError(f"cannot read the watchlist ({err.strerror or err})", source=source) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError(f"not valid YAML ({getattr(err, 'problem', None) or err})", source=source,
                         line=line) from None
    if not isinstance(data, dict) or not isinstance(data.get("notices"), list):
        raise InputError("a watchlist needs a top-level 'notices:' list", source=source)
    entries: list[WatchEntry] = []
    seen: set[str] = set()
    for i, raw in enumerate(data["notices"]):
        label = f"notices[{i}]" + (f" ({raw.get('id')})" if isinstance(raw, dict) and raw.get("id") else "")
        try:
            entry = WatchEntry.model_validate(raw)
        except ValidationError as err:
            first = err.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "entry"
            raise InputError(f"{label}: {where}: {first['msg']}", source=source) from None
        if entry.id in seen:
            raise InputError(f"{label}: duplicate id {entry.id!r}", source=source)
        seen.add(entry.id)
        entries.append(entry)
    return entries
