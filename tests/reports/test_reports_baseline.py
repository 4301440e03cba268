"""`check --baseline FILE`: only findings that a previous run did not report; a new contradiction still fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notice_check.api import CheckResult
from notice_check.cli.app import app
from notice_check.errors import InputError
from notice_check.reports import render_check
from notice_check.reports.baseline import load_baseline, without_baseline

EXAMPLE = Path(__file__).resolve().parents[2] / "corpora" / "examples" / "line-2021"
MANIFEST = EXAMPLE / "manifest.yaml"
JAPAN = "Your personal information is stored on servers located in Japan."
NEW_CLAIM = "Photos and videos you send in chats are stored only in Japan."


def _check(notice: Path, *extra: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["check", str(notice), "-m", str(MANIFEST), *extra])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def notices(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("baseline")
    original = (EXAMPLE / "notice.md").read_text(encoding="utf-8")
    assert JAPAN in original
    edited = original.replace("Last updated: March 1, 2021", "Last updated: June 9, 2022").replace(
        "We may update this Privacy Policy from time to time.",
        "We may update this Privacy Policy from time to time. Old versions stay online.",
    )
    assert edited != original
    paths = {"original": original, "edited": edited, "contradiction": edited.replace(JAPAN, f"{JAPAN}\n\n{NEW_CLAIM}")}
    out = {}
    for name, text in paths.items():
        out[name] = folder / f"{name}.md"
        out[name].write_text(text, encoding="utf-8")
    for fmt in ("json", "sarif", "jsonl"):
        code, stdout, _ = _check(out["original"], "--format", fmt, "--fail-on", "none")
        assert code == 0
        out[fmt] = folder / f"previous.{fmt}"
        out[fmt].write_text(stdout, encoding="utf-8")
    return out


@pytest.mark.parametrize("fmt", ["json", "sarif", "jsonl"])
def test_an_unrelated_edit_keeps_old_findings_out(notices: dict[str, Path], fmt: str) -> None:
    code, stdout, _ = _check(notices["edited"], "--format", "json")
    assert code == 1  # without a baseline the known contradiction fails the run
    assert json.loads(stdout)["summary"]["contradicted"] == 1
    code, stdout, stderr = _check(notices["edited"], "--format", "json", "--baseline", str(notices[fmt]))
    assert code == 0, stderr
    report = json.loads(stdout)
    assert report["findings"] == [] and set(report["summary"].values()) == {0}
    assert "known findings left out" in stderr


def test_a_new_contradiction_still_fails(notices: dict[str, Path]) -> None:
    code, stdout, _ = _check(notices["contradiction"], "--format", "json", "--baseline", str(notices["json"]))
    assert code == 1
    findings = json.loads(stdout)["findings"]
    contradicted = [f for f in findings if f["verdict"] == "contradicted"]
    assert [f["evidence"]["text"] for f in contradicted] == [NEW_CLAIM]
    assert contradicted[0]["manifest_refs"][0]["key"] == "talk_media"
    previous = {f["id"] for f in json.loads(notices["json"].read_text(encoding="utf-8"))["findings"]}
    assert not previous & {f["id"] for f in findings}


def test_baseline_ids_from_every_format(check_result: CheckResult, tmp_path: Path) -> None:
    ids = {f.id for f in check_result.findings}
    for fmt in ("json", "jsonl", "sarif"):
        path = tmp_path / f"run.{fmt}"
        path.write_text(render_check(check_result, fmt), encoding="utf-8")
        assert load_baseline(path) == ids
    kept, hidden = without_baseline(check_result, {check_result.findings[0].id})
    assert hidden == 1 and kept.findings == check_result.findings[1:]
    assert kept.document is check_result.document


@pytest.mark.parametrize(("content", "message"), [
    ("{not json\n", "bad.json:1: not JSON, JSON Lines or SARIF"),
    ('{"tool": {}}', "bad.json: not a json, jsonl or sarif output of notice-check check"),
    ('{"findings": [{"verdict": "contradicted"}]}', "bad.json: finding 1 has no id"),
])
def test_bad_baseline_is_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_baseline(path)
    line = str(err.value)
    assert line.startswith(f"{tmp_path}/{message}") and "\n" not in line


def test_bad_baseline_fails_before_any_work(tmp_path: Path) -> None:
    code, stdout, stderr = _check(tmp_path / "missing-notice.md", "--baseline", str(tmp_path / "nope.json"))
    assert code == 2 and stdout == ""
    assert stderr.strip() == f"error: {tmp_path / 'nope.json'}: baseline file not found"
