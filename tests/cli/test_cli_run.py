"""extract and check end to end on real files: exit codes, formats, --output, standard input."""

from __future__ import annotations

import json
import os
import pty
import subprocess

import pytest
from cli_support import one_error_line


@pytest.fixture
def japan_only(fixtures):
    return str(fixtures / "notice-japan-only.md")


@pytest.fixture
def manifest(fixtures):
    return str(fixtures / "manifest.yaml")


# --------------------------------------------------------------------------- extract


def test_extract_json_has_the_spec_fields(runner, app, japan_only):
    result = runner.invoke(app, ["extract", japan_only, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["tool"]["name"] == "notice-check"
    assert out["notice"]["source"] == japan_only
    assert out["notice"]["language"] == "en"
    assert len(out["notice"]["sha256"]) == 64
    storage = [a for a in out["assertions"] if a["practice"] == "storage"]
    assert storage, out["assertions"]
    assert storage[0]["location"]["countries"] == ["JP"]
    assert storage[0]["evidence"]["text"] == "All user data is stored on servers located in Japan."
    assert storage[0]["evidence"]["section"].endswith("Where we store your data")


def test_extract_jsonl_is_one_assertion_per_line(runner, app, japan_only):
    result = runner.invoke(app, ["extract", japan_only, "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines
    for line in lines:
        assert json.loads(line)["practice"]


def test_extract_text_quotes_the_sentence(runner, app, japan_only):
    result = runner.invoke(app, ["extract", japan_only])
    assert result.exit_code == 0, result.stderr
    assert '"All user data is stored on servers located in Japan."' in result.stdout
    assert "storage affirm fact" in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour codes


def test_extract_reads_standard_input(runner, app, fixtures):
    data = (fixtures / "notice-japan-only.md").read_bytes()
    result = runner.invoke(app, ["extract", "-", "--format", "json"], input=data)
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out["notice"]["source"] == "-"
    assert any(a["practice"] == "storage" for a in out["assertions"])


def test_extract_output_writes_the_file_and_nothing_on_stdout(runner, app, japan_only, tmp_path):
    target = tmp_path / "assertions.json"
    result = runner.invoke(app, ["extract", japan_only, "-f", "json", "--output", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith(f"wrote {target}: ")
    assert json.loads(target.read_text(encoding="utf-8"))["assertions"]
    assert [p.name for p in tmp_path.iterdir()] == ["assertions.json"]  # no temporary file left behind


# --------------------------------------------------------------------------- check


def test_check_contradiction_fails_by_default(runner, app, japan_only, manifest):
    result = runner.invoke(app, ["check", japan_only, "--manifest", manifest])
    assert result.exit_code == 1, result.stderr
    assert "CONTRADICTED" in result.stdout
    assert "talk_media" in result.stdout
    last = result.stdout.rstrip().splitlines()[-1]
    assert last.startswith("summary: ") and "0 contradicted" not in last


def test_check_fail_on_levels(runner, app, japan_only, manifest):
    assert runner.invoke(app, ["check", japan_only, "-m", manifest, "--fail-on", "none"]).exit_code == 0
    assert (
        runner.invoke(app, ["check", japan_only, "-m", manifest, "--fail-on", "undisclosed"]).exit_code == 1
    )
    assert (
        runner.invoke(app, ["check", japan_only, "-m", manifest, "--fail-on", "contradicted"]).exit_code == 1
    )


def test_check_passes_when_the_notice_names_every_country(runner, app, fixtures, manifest):
    result = runner.invoke(app, ["check", str(fixtures / "notice-japan-korea.md"), "-m", manifest])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "CONTRADICTED" not in result.stdout


def test_check_json_has_the_spec_fields(runner, app, japan_only, manifest):
    result = runner.invoke(app, ["check", japan_only, "-m", manifest, "--format", "json"])
    assert result.exit_code == 1, result.stderr
    out = json.loads(result.stdout)
    assert list(out)[:5] == ["tool", "notice", "manifest", "summary", "findings"]
    assert out["manifest"]["source"] == manifest
    assert out["manifest"]["organization"] == "Example Messaging Corp."
    assert set(out["summary"]) == {"contradicted", "undisclosed", "vague", "unverifiable", "supported"}
    assert out["summary"]["contradicted"] >= 1
    contradicted = [f for f in out["findings"] if f["verdict"] == "contradicted"]
    assert contradicted[0]["severity"] == "high"
    assert contradicted[0]["evidence"]["text"] == "All user data is stored on servers located in Japan."
    refs = {(r["section"], r["key"]) for f in contradicted for r in f["manifest_refs"]}
    assert ("stores", "talk_media") in refs
    lines = {(r["key"], r["line"]) for f in contradicted for r in f["manifest_refs"]}
    assert ("talk_media", 15) in lines


def test_check_jsonl_is_one_finding_per_line(runner, app, japan_only, manifest):
    result = runner.invoke(app, ["check", japan_only, "-m", manifest, "-f", "jsonl"])
    assert result.exit_code == 1
    verdicts = [json.loads(line)["verdict"] for line in result.stdout.splitlines()]
    assert "contradicted" in verdicts


def test_check_markdown(runner, app, japan_only, manifest):
    result = runner.invoke(app, ["check", japan_only, "-m", manifest, "-f", "markdown"])
    assert result.exit_code == 1
    assert result.stdout.startswith("# notice-check report")
    assert "## Contradicted" in result.stdout


def test_check_sarif_locates_the_sentence_in_the_notice_file(runner, app, japan_only, manifest):
    result = runner.invoke(app, ["check", japan_only, "-m", manifest, "-f", "sarif"])
    assert result.exit_code == 1, result.stderr
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    results = log["runs"][0]["results"]
    contradicted = next(r for r in results if r["ruleId"] == "contradicted")
    physical = contradicted["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == japan_only
    assert (physical["region"]["startLine"], physical["region"]["startColumn"]) == (5, 1)
    refs = [loc["physicalLocation"] for loc in contradicted["relatedLocations"]]
    assert {"uri": manifest, "index": 1} in [ref["artifactLocation"] for ref in refs]
    assert {"startLine": 15} in [ref.get("region") for ref in refs]


def test_check_output_writes_atomically_and_reports_on_stderr(runner, app, japan_only, manifest, tmp_path):
    target = tmp_path / "report.json"
    target.write_text("old report", encoding="utf-8")
    result = runner.invoke(app, ["check", japan_only, "-m", manifest, "-f", "json", "-o", str(target)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["contradicted"] >= 1
    assert result.stderr.startswith(f"wrote {target}: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_check_reads_the_notice_from_standard_input(runner, app, fixtures, manifest):
    data = (fixtures / "notice-japan-only.md").read_bytes()
    result = runner.invoke(app, ["check", "-", "-m", manifest, "-f", "json"], input=data)
    assert result.exit_code == 1, result.stderr
    assert json.loads(result.stdout)["summary"]["contradicted"] >= 1


def test_check_unsupported_language(runner, app, fixtures, manifest):
    result = runner.invoke(app, ["check", str(fixtures / "notice-de.md"), "-m", manifest])
    assert result.exit_code == 2
    assert "notice-de.md" in one_error_line(result.stderr)


# --------------------------------------------------------------------------- the installed script


def test_installed_script_check_from_stdin(script, clean_env, fixtures, manifest):
    proc = subprocess.run(
        [script, "check", "-", "--manifest", manifest, "--format", "json"],
        input=(fixtures / "notice-japan-only.md").read_bytes(),
        capture_output=True,
        env=clean_env,
        timeout=180,
    )
    assert proc.returncode == 1, proc.stderr.decode()
    assert json.loads(proc.stdout)["summary"]["contradicted"] >= 1
    assert proc.stderr == b""


def _run_on_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """Run with standard output on a pseudo-terminal, the way a person sees it."""
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(
            args, stdout=follower, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=env
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=180)
    finally:
        os.close(leader)
    return b"".join(chunks)


def test_colours_on_a_terminal_unless_no_color(script, clean_env, japan_only, manifest):
    args = [script, "check", japan_only, "-m", manifest, "--fail-on", "none"]
    coloured = _run_on_terminal(args, clean_env)
    assert b"\x1b[" in coloured and b"CONTRADICTED" in coloured
    plain = _run_on_terminal(args, {**clean_env, "NO_COLOR": "1"})
    assert b"\x1b[" not in plain and b"CONTRADICTED" in plain


# --------------------------------------------------------------------------- extract, several notices


def test_extract_several_notices_gives_each_its_own_claims(runner, app, fixtures, tmp_path):
    other = tmp_path / "other.md"
    other.write_text("# Privacy\n\nWe share your email address with advertisers.\n", encoding="utf-8")
    japan = str(fixtures / "notice-japan-only.md")
    single = json.loads(runner.invoke(app, ["extract", japan, "-f", "json"]).stdout)
    result = runner.invoke(app, ["extract", japan, str(other), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    both = json.loads(result.stdout)
    assert [r["notice"]["source"] for r in both] == [japan, str(other)]
    assert both[0]["assertions"] == single["assertions"]  # the batch changes nothing for a notice
    assert [(a["practice"], [p["kind"] for p in a["parties"]]) for a in both[1]["assertions"]] == [
        ("sharing", ["advertiser"])]


def test_extract_several_notices_as_jsonl_names_the_notice_on_each_line(runner, app, fixtures, tmp_path):
    copy = tmp_path / "copy.md"
    copy.write_text((fixtures / "notice-japan-only.md").read_text(encoding="utf-8"), encoding="utf-8")
    japan = str(fixtures / "notice-japan-only.md")
    result = runner.invoke(app, ["extract", japan, str(copy), "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    by_notice = {}
    for row in rows:
        by_notice.setdefault(row.pop("notice"), []).append(row)
    assert set(by_notice) == {japan, str(copy)}
    assert by_notice[japan] == by_notice[str(copy)]  # a repeated sentence gets the same claims and ids


def test_extract_batch_with_an_unreadable_notice_writes_the_rest_and_exits_3(runner, app, fixtures, tmp_path):
    binary = tmp_path / "blob.md"
    binary.write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "claims.jsonl"
    japan = str(fixtures / "notice-japan-only.md")
    result = runner.invoke(app, ["extract", japan, str(binary), "-f", "jsonl", "-o", str(out)])
    assert result.exit_code == 3
    assert [ln for ln in result.stderr.splitlines() if ln.startswith("error:")] == [
        f"error: {binary}: binary file, not a notice (expected .html, .md or .txt)"]
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows and {r["notice"] for r in rows} == {japan}


def test_extract_batch_on_two_processes_matches_one(runner, app, fixtures, tmp_path):
    other = tmp_path / "other.md"
    other.write_text("We store backups in Frankfurt, Germany for 30 days.\n", encoding="utf-8")
    japan = str(fixtures / "notice-japan-only.md")
    one = runner.invoke(app, ["extract", japan, str(other), "-f", "jsonl"])
    two = runner.invoke(app, ["extract", japan, str(other), "-f", "jsonl", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, two.stderr
    assert two.stdout == one.stdout
