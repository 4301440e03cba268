"""The infrastructure manifest: typed records (model.py) and a validating loader (loader.py)."""

from notice_check.manifest.durations import iso_duration_days, parse_retention
from notice_check.manifest.loader import (
    MANIFEST_VERSION,
    load_manifest,
    loads_manifest,
    summarize,
    validate_manifest,
)
from notice_check.manifest.model import (
    Access,
    CategoryExtension,
    Coverage,
    Disclosure,
    EncryptionFacts,
    Entity,
    Manifest,
    Organization,
    Place,
    Store,
)

__all__ = [
    "MANIFEST_VERSION",
    "Access",
    "CategoryExtension",
    "Coverage",
    "Disclosure",
    "EncryptionFacts",
    "Entity",
    "Manifest",
    "Organization",
    "Place",
    "Store",
    "iso_duration_days",
    "load_manifest",
    "loads_manifest",
    "parse_retention",
    "summarize",
    "validate_manifest",
]
