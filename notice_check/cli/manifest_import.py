"""`notice-check manifest import KIND FILE` and `notice-check manifest merge A B ...`.

The manifest (YAML) goes to standard output or --output FILE; the import summary (record counts, stores
whose categories are unknown, places not resolved, merge conflicts) goes to standard error.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

from notice_check.cli.options import OutputOpt, emit, note

ImportKind = Literal["terraform", "fides", "subprocessors"]


def import_command(
    kind: Annotated[
        ImportKind,
        typer.Argument(metavar="KIND", help="terraform, fides or subprocessors.", case_sensitive=False,
                       show_default=False),
    ],
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", show_default=False,
                       help="terraform: `terraform show -json` output (plan or state); fides: a fides YAML/JSON "
                            "file; subprocessors: a CSV, or a Markdown/HTML page with the list as a table."),
    ],
    categories: Annotated[
        Path | None,
        typer.Option("--categories", "-c", metavar="MAPPING", show_default=False,
                     help="terraform only: YAML/JSON mapping of resource address patterns to data categories, "
                          "e.g. {'module.media.*': \\[user.content]}, for stores without a data_categories tag."),
    ] = None,
    output: OutputOpt = None,
) -> None:
    """Build a manifest (SPEC §3, YAML) from infrastructure or a published list.

    Every record carries evidence (file and resource address or line). Stores with no data
    categories are imported with `categories_unknown: true`; places that cannot be resolved are not
    guessed. Both are listed on standard error.

    Examples:

        terraform show -json plan.out > plan.json && notice-check manifest import terraform plan.json -o stores.yaml

        notice-check manifest import subprocessors subprocessors.md -o accessors.yaml
    """
    from notice_check.manifest.importers import dump_manifest, import_file

    result = import_file(kind, file, categories=categories)
    text = dump_manifest(result.manifest, source=f"import of {file}")
    emit(text, output)
    for line in result.summary_lines():
        note(line)


def merge_command(
    manifests: Annotated[
        list[Path],
        typer.Argument(metavar="MANIFEST...", help="Two or more manifests (YAML or JSON).", show_default=False),
    ],
    output: OutputOpt = None,
) -> None:
    """Combine partial manifests into one, reporting conflicts on standard error.

    Records are matched by section and key; list fields (categories, replicas, evidence) are joined;
    when a field differs, the first file's value is kept and the conflict is reported.

    Example:

        notice-check manifest merge stores.yaml accessors.yaml disclosures.yaml -o manifest.yaml
    """
    from notice_check.manifest.importers import dump_manifest, merge_manifests

    if len(manifests) < 2:
        raise typer.BadParameter("give at least two manifests to merge", param_hint="MANIFEST...")
    result = merge_manifests(list(manifests))
    text = dump_manifest(result.manifest, source="merged manifest")
    emit(text, output)
    for line in result.summary_lines():
        note(line)
