"""A spaCy component that mends one misparse of the small English model, so every rule reads the mended tree.

"When you visit a page that includes these tools, the company that operates the tool may collect ..." comes back
with "the company" as an apposition inside the when-clause ("one of these tools, the company ...") and the main
verb with no subject: the collector is lost and the condition quotes it. The shape is narrow: a main verb with
no subject, and right before it (or its auxiliaries) a phrase set off by a comma, hung as an apposition inside
a clause that opens the sentence and depends on that verb. Such a phrase is the verb's subject, and is made so.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

FACTORY = "notice_check_stranded_subject"
_SUBJECTS = {"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"}


def _stranded_subject(verb: Token) -> Token | None:
    """The apposition that should be the subject of `verb`, or None."""
    doc = verb.doc
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    start = min([c.i for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i] + [verb.i])
    if start < 3:
        return None
    cand = doc[start - 1]
    while cand.dep_ != "appos" and cand.head.i != cand.i and cand.head.right_edge.i == start - 1:
        cand = cand.head  # up to the phrase that ends right before the verb
    if cand.dep_ != "appos" or cand.right_edge.i != start - 1 or doc[cand.left_edge.i - 1].text != ",":
        return None
    clause = cand
    while clause.head.i != clause.i:  # the apposition sits in an opening clause of this verb
        if clause.dep_ == "advcl" and clause.head.i == verb.i and clause.left_edge.i == 0:
            return cand
        clause = clause.head
    return None


@Language.component(FACTORY)
def mend_stranded_subjects(doc: Doc) -> Doc:
    for verb in [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]:
        subject = _stranded_subject(verb)
        if subject is not None:
            subject.head = verb
            subject.dep_ = "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"
    return doc
