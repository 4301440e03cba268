"""The `notice-check` command line: a thin typer shell over `notice_check.api` and `notice_check.reports`.

Importing this package must stay cheap (`notice-check --help` answers in well under a second): command
modules import the library, and with it spaCy, only inside the command that runs.
"""
