"""Manifests built from what an organisation already has: Terraform plans and state, fides files,
sub-processor lists, and partial manifests merged into one.

Every importer returns an `ImportResult` whose `.manifest` is a plain dict in SPEC section 3 shape and
whose summary lists what the user must still look at (unknown categories, unresolved places, conflicts).
`dump_manifest` writes it as YAML and checks it loads with our own loader.
"""

from __future__ import annotations

from pathlib import Path

from notice_check.errors import InputError
from notice_check.manifest.importers.common import ImportResult, dump_manifest
from notice_check.manifest.importers.fides import import_fides
from notice_check.manifest.importers.merge import merge_manifests
from notice_check.manifest.importers.subprocessors import import_subprocessors
from notice_check.manifest.importers.terraform import import_terraform

KINDS = ("terraform", "fides", "subprocessors")


def import_file(kind: str, path: str | Path, *, categories: str | Path | None = None) -> ImportResult:
    """Run the importer for KIND on a file; `categories` is the Terraform address-pattern mapping file."""
    if kind == "terraform":
        return import_terraform(path, mapping=categories)
    if categories is not None:
        raise InputError(f"--categories applies to terraform imports only, not {kind}", source=str(categories))
    if kind == "fides":
        return import_fides(path)
    if kind == "subprocessors":
        return import_subprocessors(path)
    raise InputError(f"unknown import kind '{kind}'; expected one of {', '.join(KINDS)}")


__all__ = [
    "KINDS",
    "ImportResult",
    "dump_manifest",
    "import_fides",
    "import_file",
    "import_subprocessors",
    "import_terraform",
    "merge_manifests",
]
