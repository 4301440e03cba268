"""The rule files are data: they must load, validate, and their own examples must hold."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest
import yaml

from notice_check.comparison.vocabulary import vocabulary
from notice_check.errors import RuleError
from notice_check.extraction.rules import load_rules


def _copy_rules(tmp_path: Path) -> Path:
    src = resources.files("notice_check.extraction").joinpath("rules")
    for name in ("triggers.yml", "lexicon.yml"):
        shutil.copy(str(src.joinpath(name)), tmp_path / name)
    return tmp_path


def test_shipped_rules_load_with_unique_ids():
    rules = load_rules()
    ids = [t.id for t in rules.triggers]
    assert len(ids) == len(set(ids)) > 20
    assert {t.practice for t in rules.triggers} == {
        "storage", "processing", "transfer", "sharing", "sale", "retention", "encryption", "law_enforcement",
        "collection",
    }


def test_unknown_check_name_is_a_rule_error(tmp_path):
    base = _copy_rules(tmp_path)
    data = yaml.safe_load((base / "triggers.yml").read_text())
    data["triggers"][0]["requires"] = ["plcae"]
    (base / "triggers.yml").write_text(yaml.safe_dump(data))
    with pytest.raises(RuleError, match="unknown check"):
        load_rules(str(base))


def test_bare_no_in_a_word_list_is_rejected(tmp_path):
    """YAML reads a bare `no` as false: the word would silently vanish from the negation list."""
    base = _copy_rules(tmp_path)
    text = (base / "lexicon.yml").read_text().replace('"no"', "no", 1)
    (base / "lexicon.yml").write_text(text)
    with pytest.raises(RuleError, match="boolean"):
        load_rules(str(base))


def test_a_key_written_twice_is_rejected(tmp_path):
    """YAML keeps the last of two equal keys: the first list of words would silently stop counting (a second
    `record_nouns` once turned "transferred to your personnel file" into a disclosure)."""
    base = _copy_rules(tmp_path)
    with (base / "lexicon.yml").open("a") as f:
        f.write("\nkept_record_nouns: [record]\n")
    with pytest.raises(RuleError, match="duplicate key 'kept_record_nouns'") as err:
        load_rules(str(base))
    assert "lexicon.yml" in str(err.value)


def test_invalid_yaml_names_file_and_line(tmp_path):
    base = _copy_rules(tmp_path)
    (base / "triggers.yml").write_text("triggers:\n  - id: x\n    practice: [unclosed\n")
    with pytest.raises(RuleError) as err:
        load_rules(str(base))
    assert "triggers.yml" in str(err.value)


def _examples():
    for trig in load_rules().triggers:
        for text in trig.examples.get("match", []):
            yield trig.practice, text, True
        for text in trig.examples.get("no_match", []):
            yield trig.practice, text, False


@pytest.mark.parametrize(("practice", "text", "should_match"), list(_examples()))
def test_rule_examples(claims, practice, text, should_match):
    found = {a.practice for a in claims(text)}
    assert (practice in found) == should_match, f"{text!r} -> {found}"


def test_every_check_a_rule_may_name_is_implemented():
    """The rule schema (rules.CHECKS) and the readers (extractor.CHECKS) name the same checks."""
    from notice_check.extraction.extractor import CHECKS as implemented
    from notice_check.extraction.rules import CHECKS as allowed

    assert set(implemented) == set(allowed)


def test_hedged_must_be_true_or_false(tmp_path):
    base = _copy_rules(tmp_path)
    text = (base / "triggers.yml").read_text().replace("hedged: true", "hedged: maybe", 1)
    (base / "triggers.yml").write_text(text)
    with pytest.raises(RuleError, match="hedged must be true or false"):
        load_rules(str(base))


@pytest.mark.parametrize("kind", ["audience", "unspecified"])
def test_an_implied_party_needs_a_kind_and_its_words(tmp_path, kind):
    """ "becomes public" names no recipient: the trigger says which, and the lexicon the words recorded."""
    base = _copy_rules(tmp_path)
    text = (base / "triggers.yml").read_text().replace("implied_party: public", f"implied_party: {kind}", 1)
    (base / "triggers.yml").write_text(text)
    with pytest.raises(RuleError, match="implied_party"):
        load_rules(str(base))


@pytest.mark.parametrize("opening", [
    "In such a case, we send it to Japan.", "In that event, we send it to Japan.", "In either case, we send it.",
    "In these situations, we send it.", "In such instances, we send it.", "In this case, we send it.",
    "In most cases, we send it.", "In such cases as these, we send it.", "In such circumstances, we send it.",
])
def test_the_comparator_knows_every_case_opening_the_extractor_keeps(opening):
    """The extractor keeps "In such a case" as a condition and the comparator reads it as a case said before; the
    two word lists live in two stages' language data and must agree."""
    kept = load_rules().lexicon.pattern("conditions", "leading_case").match(opening)
    recognised = kept is not None and vocabulary().case_before.search(kept.group(1)) is not None
    assert (kept is not None) == recognised
