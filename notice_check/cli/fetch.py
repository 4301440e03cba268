"""`notice-check fetch`: scrape one published notice to clean, structured text (politely: robots.txt, retries)."""

from __future__ import annotations

from typing import Annotated, Literal

import typer

from notice_check.cli.options import OutputOpt, emit, note

FetchFormat = Literal["text", "json"]

SelectOpt = Annotated[
    str | None,
    typer.Option("--select", metavar="CSS", help="CSS selector of the notice body (e.g. 'main article').",
                 show_default=False),
]
RemoveOpt = Annotated[
    list[str] | None,
    typer.Option("--remove", metavar="CSS", help="CSS selector of chrome to drop (repeatable).", show_default=False),
]
IgnoreRobotsOpt = Annotated[
    bool, typer.Option("--ignore-robots", help="Fetch even when robots.txt disallows it (say why in your records).")
]
TimeoutOpt = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds allowed per request.")]
RetriesOpt = Annotated[int, typer.Option("--retries", min=0, help="Retries on 429, 5xx, timeouts and resets.")]


def fetch_command(
    url: Annotated[str, typer.Argument(metavar="URL", help="The http(s):// URL of the notice.", show_default=False)],
    select: SelectOpt = None,
    remove: RemoveOpt = None,
    fmt: Annotated[
        FetchFormat, typer.Option("--format", "-f", help="text (Markdown-ish) or json (text and blocks).")
    ] = "text",
    output: OutputOpt = None,
    ignore_robots: IgnoreRobotsOpt = False,
    timeout: TimeoutOpt = 30.0,
    retries: RetriesOpt = 2,
    browser: Annotated[bool, typer.Option(
        "--browser", help="Render the page with headless Chromium (for text written by JavaScript).")] = False,
) -> None:
    """Fetch a published notice and print its cleaned text: headings, paragraphs, list items, table rows.

    Honours robots.txt unless --ignore-robots; retries with backoff on 429 (Retry-After), 5xx and resets.
    A page whose HTML holds no text is rendered with headless Chromium (as with --browser) when it is installed.

    Examples:

        notice-check fetch https://example.com/privacy --select main --remove .cookie-banner -o privacy.md
    """
    from notice_check.errors import FetchError, InputError
    from notice_check.fetching.browser import needs_browser, render_page
    from notice_check.watch import PoliteFetcher, render_document
    from notice_check.watch.reading import content_type_of, read_page

    if not url.lower().startswith(("http://", "https://")):
        raise InputError("not an http(s):// URL", source=url)
    fetcher = PoliteFetcher(timeout=timeout, attempts=retries + 1, respect_robots=not ignore_robots)
    page = fetcher.fetch(url)
    if browser:
        page = render_page(page)
    try:
        document = read_page(url, page.content, content_type_of(page), select=select, remove=remove or ())
    except InputError as err:
        if browser or not needs_browser(err):
            raise
        try:  # no text in the plain HTML: a page written by JavaScript, render it
            page = render_page(page)
        except FetchError as browser_err:
            raise InputError(f"{err.message}; the headless browser could not help: {browser_err.message}",
                             source=err.source) from None
        document = read_page(url, page.content, content_type_of(page), select=select, remove=remove or ())
    emit(render_document(document, fmt), output)
    if output is not None and str(output) != "-":
        note(f"wrote {output}: {len(document.text)} characters, language {document.language}")
