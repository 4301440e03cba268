"""The watch store: every fetch attempt, distinct raw snapshot, distinct cleaned version, its assertions and
check results, in one SQLite file (schema: docs/store.md)."""

from notice_check.store.normalise import normalise_text, normalised_sha256
from notice_check.store.sqlite import SCHEMA_VERSION, Attempt, Store, StoreError, VersionRow

__all__ = [
    "SCHEMA_VERSION",
    "Attempt",
    "Store",
    "StoreError",
    "VersionRow",
    "normalise_text",
    "normalised_sha256",
]
