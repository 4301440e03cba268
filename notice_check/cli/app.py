"""The `notice-check` app: commands composed from one module each, and the one error boundary.

Every way out of the program passes through `NoticeCheckGroup.main`:

- a `NoticeCheckError` (bad notice, bad manifest, bad format): "error: <its one line>" on stderr and its
  exit code (2);
- a usage error found by the parser (unknown option, bad choice, missing argument): one line, exit 2;
- anything else is a bug: one line naming the exception type, exit 70; the traceback only with
  NOTICE_CHECK_DEBUG=1 (locals are never shown: they could hold a notice or a credential).

It wraps the click command itself rather than `main()`, so `typer.testing.CliRunner` sees the same behaviour
as the console script.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from typing import Any

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer.core import TyperGroup

from notice_check.cli.check import check_command
from notice_check.cli.diff import diff_command
from notice_check.cli.extract import extract_command
from notice_check.cli.fetch import fetch_command
from notice_check.cli.manifest import manifest_app
from notice_check.cli.version import version_command
from notice_check.cli.watch import history_command, watch_command
from notice_check.errors import NoticeCheckError

PROG = "notice-check"
EXIT_INTERNAL = 70  # EX_SOFTWARE (sysexits.h)
DEBUG_ENV = "NOTICE_CHECK_DEBUG"


def _debug() -> bool:
    return os.environ.get(DEBUG_ENV, "").strip().lower() not in ("", "0", "false", "no")


def _stderr(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _usage_hint(err: Exception) -> str:
    ctx = getattr(err, "ctx", None)
    path = getattr(ctx, "command_path", None) or PROG
    return f" (see '{path} --help')"


class NoticeCheckGroup(TyperGroup):
    """TyperGroup whose `main` turns every failure into one line on stderr and an exit code."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code = self._run(args, prog_name or PROG, complete_var, **extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(self, args: Sequence[str] | None, prog_name: str, complete_var: str | None, **extra: Any) -> int:
        try:
            rv = super().main(args=args, prog_name=prog_name, complete_var=complete_var, standalone_mode=False, **extra)
        except NoArgsIsHelpError as err:
            # `notice-check` alone, or `notice-check manifest`: show the help, as asked, on stderr.
            _stderr(err.format_message())
            return 2
        except ClickException as err:
            _stderr(f"error: {_one_line(err.format_message())}{_usage_hint(err)}")
            return 2
        except typer.Abort:
            _stderr("error: aborted")
            return 130
        except NoticeCheckError as err:
            if _debug():
                traceback.print_exc(file=sys.stderr)
            _stderr(f"error: {_one_line(str(err))}")
            return int(getattr(err, "exit_code", 2))
        except Exception as err:  # the last resort: a bug, reported without a traceback by default
            if _debug():
                traceback.print_exc(file=sys.stderr)
            detail = _one_line(str(err))
            _stderr(f"error: internal error: {type(err).__name__}: {detail} (run with {DEBUG_ENV}=1 for a traceback)")
            return EXIT_INTERNAL
        # Without standalone mode click returns the command's value, or the code of a typer.Exit.
        return rv if isinstance(rv, int) else 0


app = typer.Typer(
    name=PROG,
    cls=NoticeCheckGroup,
    help="Find false statements in privacy notices by checking them against an infrastructure manifest.",
    epilog="Exit codes: 0 ok, 1 findings at or above --fail-on, 2 bad usage or input, 3 partial failure.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.command("extract")(extract_command)
app.command("check")(check_command)
app.command("fetch")(fetch_command)
app.command("watch")(watch_command)
app.command("history")(history_command)
app.command("diff")(diff_command)
app.add_typer(manifest_app, name="manifest")
app.command("version")(version_command)


def main() -> None:
    """Console-script entry point (`notice-check`)."""
    app(prog_name=PROG)
