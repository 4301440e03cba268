"""Retention periods as written in a manifest ("P30D", 90, "indefinite") turned into whole days.

Months count 30 days and years 365, the same convention the extractor uses for notices ("6 months"),
so that a notice's "up to 6 months" and a manifest's P6M compare equal. Parts of a day round up: a
retention of 36 hours is kept into a second day.
"""

from __future__ import annotations

import math
import re

INDEFINITE = frozenset({"indefinite", "indefinitely"})
_NUM = r"(\d+(?:[.,]\d+)?)"
_ISO = re.compile(
    rf"^P(?!$)(?:{_NUM}Y)?(?:{_NUM}M)?(?:{_NUM}W)?(?:{_NUM}D)?(?:T(?=\d)(?:{_NUM}H)?(?:{_NUM}M)?(?:{_NUM}S)?)?$",
    re.IGNORECASE,
)
_DAYS_PER = (365.0, 30.0, 7.0, 1.0, 1 / 24, 1 / 1440, 1 / 86400)


def iso_duration_days(text: str) -> int:
    """Whole days in an ISO 8601 duration (P30D, P6M, P1Y2M, PT48H); ValueError when it is not one."""
    m = _ISO.match(text.strip())
    if not m:
        raise ValueError(f"{text!r} is not an ISO 8601 duration such as P30D, P6M or P1Y")
    total = sum(float(v.replace(",", ".")) * per for v, per in zip(m.groups(), _DAYS_PER, strict=True) if v)
    return math.ceil(total - 1e-9)


def parse_retention(value: object) -> tuple[int | None, bool]:
    """(days, indefinite) for a manifest `retention` value; ValueError with a one-line reason otherwise."""
    if isinstance(value, bool) or value is None:
        raise ValueError(_bad(value))
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"retention cannot be negative ({value} days)")
        return value, False
    if isinstance(value, str):
        text = value.strip()
        if text.lower() in INDEFINITE:
            return None, True
        if text.isdigit():
            return int(text), False
        if text[:1] in "Pp":
            try:
                return iso_duration_days(text), False
            except ValueError:
                pass
    raise ValueError(_bad(value))


def _bad(value: object) -> str:
    shown = f"'{value}'" if isinstance(value, str) else repr(value)
    return (f"retention {shown} is not a duration: use ISO 8601 (P30D, P6M, P1Y), "
            "a whole number of days, or 'indefinite'")
