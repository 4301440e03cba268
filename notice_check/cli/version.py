"""`notice-check version`."""

from __future__ import annotations

import typer


def version_command() -> None:
    """Print the version of notice-check.

    The same version appears in every JSON report under "tool".

    Example:

        notice-check version
    """
    from notice_check import __version__

    typer.echo(f"notice-check {__version__}")
