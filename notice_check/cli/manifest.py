"""`notice-check manifest ...`: manifest tooling (validate here; import and merge in manifest_import.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from notice_check.cli.options import note

manifest_app = typer.Typer(
    name="manifest",
    help="Work with infrastructure manifests (YAML or JSON, SPEC §3).",
    no_args_is_help=True,
)


@manifest_app.command("validate")
def validate_command(
    manifest: Annotated[
        Path, typer.Argument(metavar="MANIFEST", help="The manifest file (YAML or JSON).", show_default=False)
    ],
) -> None:
    """Validate a manifest: print its record counts, or every error (file:line: problem), exit 2.

    Checks references between records, countries, cloud regions, durations and categories.

    Example:

        notice-check manifest validate manifest.yaml
    """
    from notice_check import manifest as manifests

    errors = manifests.validate_manifest(manifest)
    if errors:
        for error in errors:
            note(f"error: {error}")
        raise typer.Exit(2)
    loaded = manifests.load_manifest(manifest)
    counts = manifests.summarize(loaded)
    org = loaded.organization.name if loaded.organization else None
    head = f"{manifest}: valid" + (f" ({org})" if org else "")
    typer.echo(head + ": " + ", ".join(f"{count} {section}" for section, count in counts.items()))


from notice_check.cli.manifest_import import import_command, merge_command  # noqa: E402

manifest_app.command("import")(import_command)
manifest_app.command("merge")(merge_command)
