"""`--format html`: one self-contained page; every finding present; notice and manifest text escaped."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from notice_check.api import CheckResult
from notice_check.manifest.model import Manifest, Organization
from notice_check.models import Assertion, DataRef, Document, Evidence, Finding, Location, ManifestRef
from notice_check.reports import render_check

EXAMPLES = Path(__file__).resolve().parents[2] / "corpora" / "examples"
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(2)>"
OUR_SCRIPT_MARKER = 'document.getElementById("panel")'


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _assert_inert(html: str) -> None:
    """Nothing in the page runs or loads except our own inline script."""
    soup = _soup(html)
    scripts = soup.find_all("script")
    assert len(scripts) == 1 and OUR_SCRIPT_MARKER in scripts[0].get_text()
    assert "alert" not in scripts[0].get_text()
    assert soup.find("img") is None and soup.find("iframe") is None and soup.find("link") is None
    for tag in soup.find_all(True):
        for attr, value in tag.attrs.items():
            assert not attr.lower().startswith("on"), f"event handler {attr} on <{tag.name}>"
            if attr in ("href", "src", "action", "formaction"):
                assert str(value).startswith("#"), f"{attr}={value!r} would leave the page"
    assert HOSTILE_SCRIPT not in html and HOSTILE_IMG not in html
    assert "<script>alert" not in html.lower() and "<img" not in html.lower()


def test_structure_of_the_page(check_result: CheckResult) -> None:
    html = render_check(check_result, "html")
    soup = _soup(html)
    assert html.lower().startswith("<!doctype html>")
    assert soup.find("meta", attrs={"name": "viewport"}) is not None  # readable on a phone
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert csp is not None and "default-src 'none'" in csp["content"]
    assert "@media print" in soup.style.get_text()
    chips = {a["data-verdict"]: int(a["data-count"]) for a in soup.select("#summary a.chip")}
    assert chips == check_result.summary
    _assert_inert(html)


def test_every_finding_is_present_and_highlighted(check_result: CheckResult) -> None:
    soup = _soup(render_check(check_result, "html"))
    cards = {card["data-finding"]: card for card in soup.select(".finding")}
    assert set(cards) == {f.id for f in check_result.findings}
    for finding in check_result.findings:
        card = cards[finding.id]
        assert card["data-verdict"] == finding.verdict
        assert finding.message in card.get_text()
        for ref in finding.manifest_refs:
            expected = f"{ref.section}.{ref.key}" + (f" (example.yaml:{ref.line})" if ref.line else " (example.yaml)")
            assert expected in card.get_text()
        if finding.evidence is None:
            assert card.find_parent("section")["id"] == "undisclosed"
            continue
        assert card.find_parent("section")["id"] == "findings"
        mark = soup.find("a", attrs={"data-mark": card["data-mark"], "class": "mark"})
        assert mark.get_text() == finding.evidence.text
        assert finding.message in mark["title"]  # what hovering shows
    # a sentence with two findings gets the colour of the most severe one
    storage = next(f for f in check_result.findings if f.verdict == "contradicted")
    mark = soup.find("a", attrs={"data-mark": cards[storage.id]["data-mark"], "class": "mark"})
    assert "v-contradicted" in mark["class"]


def test_hostile_notice_and_manifest_text_is_escaped() -> None:
    sentence = f"All user data is stored in Japan {HOSTILE_SCRIPT} and {HOSTILE_IMG}."
    text = f"Storage {HOSTILE_IMG}\n{sentence}\n"
    start = text.index(sentence)
    evidence = Evidence(text=sentence, start=start, end=start + len(sentence), section=f"Storage {HOSTILE_IMG}")
    assertion = Assertion(
        practice="storage",
        data=DataRef(text=f"user data {HOSTILE_SCRIPT}", categories=["user"]),
        location=Location(text="in Japan", regions=["JP"], countries=["JP"]),
        evidence=evidence,
    ).assign_id()
    findings = [
        Finding(verdict="contradicted", practice="storage", assertion_id=assertion.id, evidence=evidence,
                manifest_refs=[ManifestRef(section="stores", key="x", line=3)],
                message=f"The notice says {HOSTILE_SCRIPT}; the manifest {HOSTILE_IMG}").finalise(),
        Finding(verdict="undisclosed", practice="sale", manifest_refs=[ManifestRef(section="disclosures", key="ads")],
                message=f"Disclosure ads {HOSTILE_SCRIPT}").finalise(),
    ]
    result = CheckResult(
        document=Document(source='evil"><script>alert(3)</script>.txt', text=text, title=HOSTILE_SCRIPT,
                          language="en"),
        assertions=[assertion],
        manifest=Manifest(source=f"{HOSTILE_IMG}.yaml", sha256="0" * 64,
                          organization=Organization(name=HOSTILE_SCRIPT, country="JP")),
        findings=findings,
    )
    html = render_check(result, "html")
    _assert_inert(html)
    assert "<script>alert(3)" not in html
    soup = _soup(html)
    # shown as text, exactly as written
    assert soup.find("a", class_="mark").get_text() == sentence
    assert HOSTILE_SCRIPT in soup.title.get_text()
    assert f"The notice says {HOSTILE_SCRIPT}" in soup.get_text()


@pytest.fixture(scope="module")
def line_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[CheckResult, str]:
    from notice_check import api

    example = EXAMPLES / "line-2021"
    result = api.check(example / "notice.md", example / "manifest.yaml")
    return result, render_check(result, "html")


def test_worked_example(line_report: tuple[CheckResult, str]) -> None:
    result, html = line_report
    soup = _soup(html)
    assert {c["data-finding"] for c in soup.select(".finding")} == {f.id for f in result.findings}
    marks = soup.select("a.mark")
    with_evidence = {f.evidence.text for f in result.findings if f.evidence is not None}
    assert {m.get_text() for m in marks} == with_evidence
    contradicted = next(f for f in result.findings if f.verdict == "contradicted")
    card = soup.find(attrs={"data-finding": contradicted.id})
    assert re.search(r"stores\.talk_media \(manifest\.yaml:\d+\)", card.get_text())
    undisclosed = soup.select("#undisclosed .finding")
    assert len(undisclosed) == result.summary["undisclosed"] >= 1
    # the headings and list items of the notice keep their shape
    assert soup.select(".notice .h") and soup.select(".notice .li")
    _assert_inert(html)


def test_cli_writes_a_hostile_text_notice_safely(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from notice_check.cli.app import app

    example = EXAMPLES / "line-2021"
    notice = tmp_path / "notice.txt"
    notice.write_text(
        "Where we store data\n\n"
        f"Your personal information is stored on servers located in Japan. {HOSTILE_SCRIPT} {HOSTILE_IMG}\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["check", str(notice), "-m", str(example / "manifest.yaml"), "-f", "html",
                                      "-o", str(out)])
    assert result.exit_code == 1, result.output  # the Japan-only claim is contradicted
    html = out.read_text(encoding="utf-8")
    _assert_inert(html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert _soup(html).select(".finding.v-contradicted")


CHROMIUM = Path("/usr/bin/chromium")
PAYLOADS = (
    "<script>document.title = 'PWNED-SCRIPT'</script>",
    "<img src=x onerror=\"document.body.setAttribute('data-pwned', 'img')\">",
    "<svg onload=\"document.body.setAttribute('data-pwned', 'svg')\"></svg>",
)


def test_headless_chromium_runs_no_hostile_script(tmp_path: Path) -> None:
    """A real browser loads the page: it renders, and hostile notice text changes nothing in the DOM."""
    if not CHROMIUM.exists():
        print("skipped: /usr/bin/chromium is not installed")
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium to run this test)")
    from notice_check import api

    notice = tmp_path / "notice.txt"
    notice.write_text(
        "Where we store data\n\n"
        f"Your personal information is stored on servers located in Japan. {' '.join(PAYLOADS)}\n",
        encoding="utf-8",
    )
    result = api.check(notice, EXAMPLES / "line-2021" / "manifest.yaml")
    html = render_check(result, "html")

    def dump(name: str, text: str) -> BeautifulSoup:
        page = tmp_path / name
        page.write_text(text, encoding="utf-8")
        proc = subprocess.run(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=2000", "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=180,
        )
        assert proc.returncode == 0, proc.stderr[-2000:]
        return _soup(proc.stdout)

    dom = dump("report.html", html)
    assert dom.select(".finding.v-contradicted") and dom.select("a.mark.v-contradicted")
    assert "PWNED" not in dom.title.get_text()
    assert dom.body.get("data-pwned") is None
    assert dom.find("img") is None and dom.find("svg") is None
    assert "<script>document.title" in dom.get_text()  # shown as text
    # our own script: a click on a highlighted sentence opens the panel with that sentence's findings
    probe = (
        "<script>document.querySelector('a.mark.v-contradicted').click();"
        "document.body.setAttribute('data-panel', document.getElementById('panel').hidden ? 'hidden' : 'open');"
        "</script></body>"
    )
    clicked = dump("clicked.html", html.replace("</body>", probe))
    assert clicked.body["data-panel"] == "open"
    shown = clicked.select("#panel-body .finding")
    assert shown and shown[0]["data-verdict"] == "contradicted" and not shown[0].get("id")


ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def test_line_report_in_chromium_shows_every_finding_and_saves_a_screenshot(tmp_path: Path) -> None:
    """The LINE example's report in a real browser: every finding is laid out (visible), and a screenshot
    is kept as an artifact (artifacts/line-report.png, linked from the README)."""
    if not CHROMIUM.exists():
        print("skipped: /usr/bin/chromium is not installed")
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium to run this test)")
    from notice_check import api

    result = api.check(EXAMPLES / "line-2021" / "notice.md", EXAMPLES / "line-2021" / "manifest.yaml")
    html = render_check(result, "html")
    probe = (
        "<script>document.querySelectorAll('.finding').forEach(function (f) {"
        "f.setAttribute('data-visible', f.getClientRects().length > 0 ? 'yes' : 'no'); });</script></body>"
    )
    page = tmp_path / "line-report.html"
    page.write_text(html.replace("</body>", probe), encoding="utf-8")
    flags = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--disable-background-networking", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
             "--virtual-time-budget=2000"]
    proc = subprocess.run([*flags, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    dom = _soup(proc.stdout)
    shown = dom.select(".finding[data-finding]")
    assert len({f["data-finding"] for f in shown}) == len(result.findings)
    assert all(f.get("data-visible") == "yes" for f in shown), [f["data-finding"] for f in shown
                                                                if f.get("data-visible") != "yes"]
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "line-report.png"
    shot.unlink(missing_ok=True)
    proc = subprocess.run([*flags, "--window-size=1200,1800", f"--screenshot={shot}", page.as_uri()],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
