"""Sentences the small English model misreads in a way no rule over its tree can undo, parsed once more.

"Example Talk stores photos and videos in South Korea" and "LINE Corporation shares user data with
advertisers" come back as one noun phrase, the verb read as a plural noun ("Walmart stores"): no verb, so no
claim, and it is the very claim a notice makes about where data is. When a sentence opens with a name that
names no kind of party, followed by a practice verb tagged as a plural noun and then its object, it is parsed
again with the name replaced by "It" ("It stores photos and videos in South Korea"), which the model reads as
a clause. The name carries nothing the rules read: a named subject that is no kind of party is nobody to them.
Only the parsed text changes; the evidence is the sentence as written.

A party named by its kind does matter ("Our affiliates in Korea process data"): there the verb is given a
"will" instead (`misread_verb_text`), and the second parse is kept only if it reads the verb as one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from notice_check.extraction.slots import classify_party

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from notice_check.extraction.rules import Lexicon

_NAME_PARTS = {"inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "llc", "co", "co.", "plc", "gmbh",
               "&", "the", "s.a.", "ag", "k.k."}
_OBJECT_STARTS = {"DET", "PRON", "NOUN", "PROPN", "ADJ", "NUM"}
_SUBJECT_STARTS = {"DET", "PRON", "NOUN", "PROPN", "ADJ"}


def _misread_verb(tok: Token, verbs: frozenset[str]) -> bool:
    """A practice verb in the third person ("stores", "shares") tagged as a plural noun, or tagged right but
    hung in the tree as a noun's modifier."""
    if tok.lemma_.lower() not in verbs or not tok.lower_.endswith("s"):
        return False
    return tok.tag_ in ("NNS", "NNPS") or (tok.tag_ == "VBZ" and tok.dep_ in ("compound", "amod", "nmod", "nsubj"))


def _capital(tok: Token) -> bool:
    """ "Acme", "ACME", and "TikTok", which is neither title- nor upper-case."""
    return tok.text[:1].isupper()


def name_subject_text(doc: Doc, verbs: frozenset[str], lex: Lexicon) -> str | None:
    """The text to parse again when `doc` opens with a name and a verb read as a plural noun, else None."""
    for k, tok in enumerate(doc):
        if k > 6:
            return None
        if k >= 1 and _misread_verb(tok, verbs):
            break
        if tok.lower_ not in _NAME_PARTS and (tok.is_stop or not (tok.pos_ == "PROPN" or _capital(tok))):
            return None  # "How Acme Uses ...", "Our Partners ...": no name
    else:
        return None
    name = doc[:k]
    if not any(t.pos_ == "PROPN" or (_capital(t) and t.lower_ != "the") for t in name):
        return None
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].pos_ not in _OBJECT_STARTS:
        return None
    if classify_party(lex, name.text) is not None:  # "Acme Group shares ...": the subject's kind matters
        return None
    return "It " + doc.text[tok.idx :]


def misread_verb_text(doc: Doc, verbs: frozenset[str]) -> str | None:
    """ "Our affiliates in Korea process data", "Our affiliate in South Korea stores images": a party, often with
    its place, then the practice verb read as a noun that the place or party modifies, and no verb before it.
    The text to parse again puts "will" before the verb's base form ("... will process data"), which the model
    reads as a clause; "will" is no hedge to the rules (a plain statement, like "we will share"). Statements
    only: a heading ("Payment Process Details") is left as it is."""
    if not doc.text.rstrip().endswith((".", "!", ";")) or not len(doc) or doc[0].pos_ not in _SUBJECT_STARTS:
        return None  # "If as part of the application process we ask ...": no subject first
    for k, tok in enumerate(doc[:12]):
        if tok.pos_ in ("VERB", "AUX"):
            return None
        if k < 2 or tok.lemma_.lower() not in verbs or tok.pos_ not in ("NOUN", "PROPN") or _inside_name(doc, k):
            continue
        if doc[k - 1].pos_ not in ("NOUN", "PROPN") or k + 1 >= len(doc) or doc[k + 1].pos_ not in _OBJECT_STARTS:
            continue
        if not any(t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound" or t.lower_ == "we" for t in doc[:k]):
            continue  # "Korea process data": the words before are only modifiers of the misread verb
        return doc.text[: tok.idx] + "will " + tok.lemma_.lower() + doc.text[tok.idx + len(tok.text):]
    return None


def _inside_name(doc: Doc, k: int) -> bool:
    """A capitalised word followed by a number or another capitalised word is part of a name: "Northcliffe House
    2 Derry Street" is an address and "Merch Store Careers" a menu, not "will house" or "will store" ("Vimeo Collects
    data" still reads on)."""
    if not _capital(doc[k]) or k + 1 >= len(doc):
        return False
    return doc[k + 1].like_num or _capital(doc[k + 1])


_KEPT_ASIDE = re.compile(r"\b(unless|if|where|when|whenever|except|without|only|provided|subject|required|"
                         r"permitted|law|laws|legal|consent|not|never|no)\b", re.I)
_MODALS = {"may", "might", "can", "could", "will", "would", "shall", "should", "must"}


def aside_after_modal_text(doc: Doc, verbs: frozenset[str]) -> str | None:
    """ "Acme may (and you authorize us to) share your data with ...": an aside in brackets between the modal and
    the practice verb leaves the verb without its subject or its "may". The text to parse again drops the aside,
    which holds no claim of its own ("and you authorize us to"). An aside with a condition, a limit or a negation
    ("where required by law") is kept: the rules read those."""
    for tok in doc[:-2]:
        if tok.lower_ not in _MODALS or doc[tok.i + 1].text != "(":
            continue
        close = next((t for t in doc[tok.i + 2: tok.i + 14] if t.text == ")"), None)
        if close is None or close.i + 1 >= len(doc):
            return None
        if _KEPT_ASIDE.search(doc[tok.i + 2: close.i].text):
            return None  # "may (where required by law) share": a condition the rules read stays
        after = doc[close.i + 1]
        if after.lemma_.lower() not in verbs and after.lower_ not in verbs:
            return None
        return doc.text[: doc[tok.i + 1].idx].rstrip() + " " + doc.text[after.idx:]
    return None


def reads_as_clause(doc: Doc, verbs: frozenset[str]) -> bool:
    """The second parse is kept only if it found the practice verb as a verb."""
    return any(t.pos_ == "VERB" and t.lemma_.lower() in verbs for t in doc)


__all__ = ["aside_after_modal_text", "misread_verb_text", "name_subject_text", "reads_as_clause"]
