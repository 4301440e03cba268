"""Read the slots of a claim off the dependency tree around its trigger token.

A trigger ("stored", "sell", "retention") owns the part of the tree below it, minus the clauses owned
by other verb triggers below it ("stored in Japan and never uploaded": "uploaded" owns its own
negation). Every reader here looks only at that region, so a negation or a place in one clause never
leaks into another.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from notice_check.extraction.places import PlaceMention
from notice_check.extraction.rules import Lexicon, Trigger

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Token

SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
OBJ = {"dobj", "obj", "attr", "oprd"}
LOCATION_PRACTICES = {"storage", "processing", "transfer"}
# nouns whose modifier place is where data is ("Japanese servers", "EU data centres")
LOCATIVE_HEADS = {"server", "servers", "datacenter", "datacentre", "centre", "center", "cloud", "region",
                  "facility", "facilities", "infrastructure", "host", "hosting", "storage", "database",
                  "soil", "territory", "jurisdiction", "location", "site", "zone", "instance", "cluster",
                  "provider", "team", "office", "entity", "subsidiary", "affiliate", "company", "engineer",
                  "staff", "employee", "contractor", "vendor", "partner", "processor", "subprocessor"}
LOCATIVE_VERBS = {"locate", "base", "headquarter", "incorporate", "establish", "situate", "reside"}
CLAUSE_DEPS = {"conj", "advcl", "ccomp", "xcomp", "relcl", "acl", "pcomp", "parataxis"}


@dataclass
class Hit:
    token: Token
    trigger: Trigger


@dataclass
class SentenceContext:
    """Everything known about one parsed sentence; readers below take it plus a trigger token."""

    doc: Doc
    hits: list[Hit]
    mentions: list[PlaceMention]
    lex: Lexicon
    text: str
    written: str | None = None  # the sentence as written, when what was parsed has a list's lead-in before it
    _regions: dict[int, set[int]] = field(default_factory=dict)
    _owners: dict[int, int | None] | None = None
    candidate_tokens: set[int] = field(default_factory=set)  # every trigger match, whether it held or not
    memo: dict[tuple[str, int], bool] = field(default_factory=dict)  # checks that read only the tree
    # triggers dropped before the first reading because the tree alone rules them out: they own no place, but
    # they still count as other location claims when a stray place looks for "the only" one
    never_held: list[Hit] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.candidate_tokens = {h.token.i for h in self.hits}

    # ------------------------------------------------------------------ structure

    def hit_tokens(self) -> set[int]:
        return {h.token.i for h in self.hits}

    def verb_hit_tokens(self) -> set[int]:
        return {h.token.i for h in self.hits if h.token.pos_ in ("VERB", "AUX") or h.token.dep_ in CLAUSE_DEPS}

    def region(self, tok: Token) -> set[int]:
        """Token indices of the claim headed by `tok`."""
        if tok.i in self._regions:
            return self._regions[tok.i]
        owners = self.verb_hit_tokens() - {tok.i}
        out: set[int] = set()
        stack = [tok]
        while stack:
            cur = stack.pop()
            out.add(cur.i)
            for child in cur.children:
                if child.i in owners and child.dep_ in CLAUSE_DEPS:
                    continue
                if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and any(
                        g.dep_ == "nsubj" and g.lower_ in self.lex.words("user_subjects") for g in child.children):
                    continue  # "when we provide contents ... or when you share it with your friends": the user's clause
                stack.append(child)
        self._regions[tok.i] = out
        return out

    def region_text(self, tok: Token) -> str:
        idx = sorted(self.region(tok))
        return "".join(self.doc[i].text_with_ws for i in idx).strip()

    def place_owner(self, mention: PlaceMention) -> int | None:
        """The trigger a place belongs to: its nearest trigger ancestor in the tree."""
        if self._owners is None:
            self._owners = {}
            verbs = {i for i in self.verb_hit_tokens() if not party_locative(self, self.doc[i])}
            # "contractors based in India": the party's place is the claim that it is there (party_located),
            # unless another claim of the sentence can own the place ("... so data may be transferred to them")
            located = {h.token.i for h in self.hits if "located_party" in h.trigger.requires}
            if located and not any(h.trigger.practice in LOCATION_PRACTICES and h.token.i not in located
                                   for h in self.hits):
                verbs |= located
            # with every storage noun, held or not: "We use servers in Japan" must not lose "servers" when the
            # failed "use" trigger is dropped and the sentence is read again
            nouns = (self.hit_tokens() | {i for i in self.candidate_tokens if self.doc[i].pos_ in ("NOUN", "PROPN")
                                          and self.doc[i].lemma_.lower() in LOCATIVE_HEADS}) - verbs
            loc_verbs = {h.token.i for h in self.hits if h.trigger.practice in LOCATION_PRACTICES}
            for m in self.mentions:
                owner = None
                first_noun = None
                loc_noun = None  # "you consent to the transfer of your data to the US": not "consent"'s place
                cur = m.root
                while True:
                    if cur.i != m.root.i:
                        if first_noun is None and cur.pos_ in ("VERB", "AUX") and cur.i not in loc_verbs:
                            # "we use / have / operate servers in China": the place of the verb's server object
                            held = next((c.i for c in cur.children if c.dep_ == "dobj" and c.i in nouns
                                         and c.lemma_.lower() in LOCATIVE_HEADS), None)
                            if held is not None:
                                owner = held
                                break
                        if cur.i in verbs:
                            owner = loc_noun if loc_noun is not None and cur.i not in loc_verbs else cur.i
                            break
                        if cur.i in nouns and first_noun is None and not party_locative(self, cur):
                            first_noun = cur.i
                            if cur.i in loc_verbs:
                                loc_noun = cur.i
                        if first_noun is None and cur.lemma_ == "be" and cur.i not in self.candidate_tokens:
                            # "Our data centers are in Japan": the copula's subject is where the place is
                            first_noun = next((c.i for c in cur.children if c.dep_ == "nsubj" and c.i in nouns
                                               and not party_locative(self, c)), None)
                    if cur.head.i == cur.i:
                        break
                    cur = cur.head
                self._owners[m.root.i] = owner if owner is not None else first_noun
        return self._owners.get(mention.root.i)

    def reset(self, hits: list[Hit]) -> None:
        """Re-read the sentence with only the triggers that passed their checks."""
        self.hits = hits
        self._regions = {}
        self._owners = None

    # ------------------------------------------------------------------ blocked places

    def place_is_destination(self, mention: PlaceMention) -> bool:
        """False for places that say where someone lives or which law applies, not where data goes."""
        blockers = self.lex.words("place_blockers")
        source = self.lex.words("place_prepositions", "source")
        root = mention.root
        if root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.i != root.i and root.head.pos_ != "PROPN":
            head = root.head
            if head.dep_ == "pobj" and head.head.lower_ in source:
                return False  # "from our EU entities"
            return head.lemma_.lower() in LOCATIVE_HEADS or (
                classify_party(self.lex, head.text) not in (None, "public_authority")
                and head.lemma_.lower() not in blockers
            )
        if _after_person(root, blockers):
            return False
        if any(c.dep_ == "conj" and c.lemma_.lower() in blockers for c in root.children):
            return False  # "under California or US law": the place shares the law with the other
        cur = root
        for _ in range(6):
            head = cur.head
            if head.i == cur.i:
                break
            if cur.dep_ == "pobj" and head.lower_ in source and (
                    head.head.lemma_.lower() not in self.lex.words("check_words", "remote_verbs")):
                return False  # "transferred from the EEA"; but "accessed from China" is where the access is
            if cur.dep_ == "conj" and cur.tag_ in ("VB", "VBD", "VBP", "VBZ") and cur.i not in self.candidate_tokens:
                return False  # "does not process payments and relies on providers around the world"
            if head.lemma_.lower() in blockers or head.lower_ in blockers:
                return False
            if cur.dep_ == "nsubj" and head.i in self.hit_tokens() and all(
                    h.trigger.practice == "transfer" for h in self.hits if h.token.i == head.i):
                return False  # "companies in the EEA (may) transfer data outside the EEA": where data comes from
            if cur.dep_ in ("advcl",) and any(c.lower_ in ("if", "when", "because") for c in cur.children):
                return False
            if head.i in self.hit_tokens() and (head.pos_ in ("VERB", "AUX") or head.i == self.place_owner(mention)):
                break  # what governs the claim's own trigger ("rely on the Framework for transfers to the US") is
                # no blocker of its place
            if head.pos_ in ("VERB", "AUX") and head.dep_ in ("acl", "relcl", "advcl") and (
                head.i in self.candidate_tokens and not party_locative(self, head)
            ):
                return False  # "data collected in Canada is transferred to ...": another practice's place
            cur = head
        # "if you live in the EEA", "users located in Korea": a user as subject of the governing verb
        gov = root
        while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
            if gov.i in self.hit_tokens() and consented_to(self, gov):
                return True  # "you consent to the transfer of data to the US": the place is the transfer's
            gov = gov.head
        if gov.pos_ in ("VERB", "AUX") and gov.i not in self.hit_tokens():
            subj = [c for c in gov.children if c.dep_ in SUBJ]
            if subj and subj[0].lower_ in self.lex.words("user_subjects"):
                return False
        return True

    def _list_tail(self, tok: Token, own: list[PlaceMention]) -> list[PlaceMention]:
        """Places the parser cut off from the list the trigger's own places begin: "for transfers to the
        Chinese Mainland (limited to ...), Hong Kong SAR, Malaysia and Singapore, we ...". They are under no
        trigger, follow the trigger's last place, and no other location trigger stands between."""
        last = own[-1].span.end
        others = {h.token.i for h in self.hits if h.trigger.practice in LOCATION_PRACTICES} - {tok.i}
        tail = []
        for m in self.mentions:
            if m.span.start < last or self.place_owner(m) is not None or not self.place_is_destination(m):
                continue
            if _own_clause(m.root) or any(last <= i < m.span.start for i in others):
                break
            tail.append(m)
        return tail

    def _own_places(self, tok: Token) -> list[PlaceMention]:
        owned = [m for m in self.mentions if self.place_owner(m) == tok.i and self.place_is_destination(m)]
        # "housed on servers located in Japan": the inner trigger's places belong to the outer claim
        inner = [i for i in self.hit_tokens() if i != tok.i and nested_in(self.doc, i, tok.i)]
        nested = [m for m in self.mentions if self.place_owner(m) in inner and self.place_is_destination(m)]
        return sorted(owned + nested, key=lambda m: m.span.start)

    def places_for(self, tok: Token) -> list[PlaceMention]:
        return _outside_asides(tok, self._places_for(tok))

    def _places_for(self, tok: Token) -> list[PlaceMention]:
        own = self._own_places(tok)
        if own:
            return own + self._list_tail(tok, own)
        # conjoined verbs share their places ("stored and processed in Japan")
        for sib in _conj_group(tok):
            if sib.i == tok.i or is_negated(self, sib) != is_negated(self, tok):
                continue
            shared = self._own_places(sib)
            if shared:
                return shared
        # "to Singapore, Malaysia and other countries where it may be stored": the relative clause's places
        clause = conj_head(tok)
        if clause.dep_ == "relcl":
            # "... other countries where it may be stored", "Countries to which data is transferred: Japan, Korea"
            anchor = conj_head(clause.head)
            named = [m for m in self.mentions if _attached_to(m.root, anchor) and self.place_is_destination(m)]
            if named:
                return named
        # parse errors: a place under no trigger goes to the only location trigger of the sentence
        orphans = [m for m in self.mentions if self.place_owner(m) is None and self.place_is_destination(m)
                   and not _own_clause(m.root) and not _object_of_verb(m.root)]
        loc_hits = {h.token.i for h in (*self.hits, *self.never_held) if h.trigger.practice in LOCATION_PRACTICES}
        if orphans and loc_hits == {tok.i}:
            return orphans
        return []


def tokens_text(tokens: Iterable[Token]) -> str:
    """Tokens as written ("e-mail addresses", "the company's staff"), not re-spaced ("e - mail"); a gap
    where tokens were left out is one space."""
    ordered = sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)
    parts = []
    for k, t in enumerate(ordered):
        parts.append(t.text)
        if k + 1 < len(ordered):
            parts.append(t.whitespace_ if ordered[k + 1].i == t.i + 1 else " ")
    return "".join(parts)


def _after_person(root: Token, blockers: frozenset[str]) -> bool:
    """ "for individuals in regions such as the EEA": the parser often hangs the place on another noun, but a
    place right after the people it qualifies says where they are, not where data goes."""
    cur = root
    while cur.dep_ in ("pobj", "conj", "appos", "compound", "nmod", "prep") and cur.head.i != cur.i:
        cur = cur.head
        if cur.dep_ == "prep" and cur.lower_ not in ("as", "including", "like"):  # "regions such as the EEA"
            break
    if cur.dep_ != "prep" or cur.lower_ not in ("in", "from", "across", "throughout") or cur.i == 0:
        return False
    before = cur.doc[cur.i - 1]
    return before.pos_ == "NOUN" and before.lower_ in blockers and cur.head.pos_ in ("NOUN", "PROPN")


def _paren_depth(doc: Doc, i: int) -> list[int]:
    """Indices of the open brackets around token i."""
    stack: list[int] = []
    for t in doc[:i]:
        if t.text in ("(", "["):
            stack.append(t.i)
        elif t.text in (")", "]") and stack:
            stack.pop()
    return stack


def _outside_asides(tok: Token, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Drop places inside a bracketed aside the trigger is not in ("... store your data in other countries
    (the EU and Japan adopted mutual adequacy decisions ...)"); a gloss of a place is kept."""
    if not mentions:
        return mentions
    doc = tok.doc
    trigger_parens = set(_paren_depth(doc, tok.i))
    kept = []
    for m in mentions:
        opened = [p for p in _paren_depth(doc, m.span.start) if p not in trigger_parens]
        if not opened or m.gloss:
            kept.append(m)
            continue
        before = doc[opened[-1] - 1] if opened[-1] > 0 else None
        glosses = before is not None and any(o.span.end == opened[-1] or o.span.end == before.i + 1
                                             for o in mentions if o is not m)
        if glosses:
            kept.append(m)  # "Australia (AWS ap-southeast-2, Sydney)", "in Mumbai (ap-south-1)"
    return kept


def party_locative(ctx: SentenceContext, tok: Token) -> bool:
    """"providers located in X", "our staff, based in X": the place is where a party is, not a store."""
    if tok.lemma_.lower() not in LOCATIVE_VERBS:
        return False
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj and subj[0].lower_ in ("who", "whom"):
        return True  # "..., who may be located outside the EEA": people, however the parser attached it
    if tok.dep_ in ("acl", "relcl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        holder = tok.head
    else:
        if not subj:
            return False
        holder = _resolve_relative(subj[0])
    part = _prep_object(holder, "of")
    if part is not None and (holder.pos_ in ("PRON", "NUM", "DET", "ADJ") or holder.lower_ in _QUANTITY_WORDS):
        holder = part  # "some of our providers", "none of our providers"
    if holder.pos_ == "PROPN":  # "Acme Computer Systems Company Limited (located in ...)": the name alone
        words = [t for t in holder.subtree if t.i == holder.i or (t.i < holder.i and t.dep_ in ("compound", "flat"))]
    else:  # "recipients of your data": the head noun's phrase, not what modifies it
        words = [t for t in holder.subtree if not _under_modifier(t, holder)]
    text = tokens_text(t for t in words if t.dep_ not in ("det", "poss"))  # "these third parties" is no data
    if holder.lower_ in ctx.lex.words("user_subjects") or holder.lemma_.lower() in ctx.lex.words("place_blockers"):
        return True  # "other users, who may be located outside the EEA": where people are
    if any(h.lemma_.lower() in PARTY_HEADS | {"office", "headquarters", "branch", "hq"}
           for h in (holder, *holder.conjuncts)):  # "support, engineering and other teams, located ..."
        return True  # "our offices are located in Dublin": where people work, not where data is
    if looks_like_data(ctx.lex, text) or holder.lemma_.lower() in LOCATIVE_HEADS - PARTY_HEADS:
        return False
    return classify_party(ctx.lex, text) is not None or holder.pos_ == "PROPN" or holder.lower_ in (
        "we", "who", "which", "those") or _agent_noun(holder)


def _under_modifier(tok: Token, top: Token) -> bool:
    """True for a word inside a clause or prepositional phrase that modifies `top`."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ in ("acl", "relcl", "prep"):
            return True
        cur = cur.head
    return False


def _agent_noun(tok: Token) -> bool:
    """"graders", "reviewers", "moderators": people, who are located somewhere; data is stored."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and lemma not in LOCATIVE_HEADS and lemma.endswith(
        ("er", "or", "ist", "ant", "ent", "ian")
    ) and lemma not in ("center", "computer", "folder", "container", "document", "content", "consent", "payment",
                        "identifier", "number", "parameter", "browser", "cluster", "data center")


PARTY_HEADS = {"provider", "team", "office", "entity", "subsidiary", "affiliate", "company", "engineer", "staff",
               "employee", "contractor", "vendor", "partner", "processor", "subprocessor"}


def _attached_to(tok: Token, anchor: Token) -> bool:
    """True when `tok` is `anchor` or hangs on it through coordination and apposition only."""
    cur = tok
    for _ in range(30):
        if cur.i == anchor.i:
            return True
        if cur.dep_ not in ("conj", "appos", "compound") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def nested_in(doc: Doc, inner: int, outer: int) -> bool:
    """True when `inner` hangs below `outer` without a coordination between them (conjuncts are peers)."""
    if inner < 0 or outer < 0:
        return False
    cur = doc[inner]
    while cur.head.i != cur.i:
        if cur.dep_ == "conj":
            return False
        cur = cur.head
        if cur.i == outer:
            return True
    return False


def _object_of_verb(tok: Token) -> bool:
    """True when the place is (in) the direct object of a verb ("please access our EU and UK rights form"): what
    the verb acts on, which a parse error has not detached from a trigger elsewhere in the sentence."""
    cur = tok
    while cur.dep_ in ("compound", "amod", "nmod", "poss", "conj", "appos") and cur.head.i != cur.i:
        cur = cur.head
    return cur.dep_ == "dobj" and cur.head.pos_ == "VERB"


def _own_clause(tok: Token) -> bool:
    """True when the place sits in a clause with a subject of its own ("the Commission has determined that
    Japan ..."): a parse error cannot have detached it from our trigger."""
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in cur.children) and cur.dep_ != "ROOT"
    return False


def restrictive_relative(tok: Token) -> bool:
    """The trigger's clause describes its noun ("the information that we retain"): no claim of its own. Not
    ", which are retained and anonymized": a clause after a comma adds a statement."""
    clause = conj_head(tok)
    if clause.dep_ != "relcl":
        return False
    pronoun = next((c for c in clause.children if c.lower_ in ("which", "who")
                    and c.dep_ in ("nsubj", "nsubjpass", "dobj")), None)
    return not (pronoun is not None and pronoun.i > 0 and tok.doc[pronoun.i - 1].text == ",")


def conj_head(tok: Token) -> Token:
    """The first of a run of coordinated words: "process" in "we process or retain"."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _conj_group(tok: Token) -> list[Token]:
    root = conj_head(tok)
    group = [root]
    stack = [root]
    while stack:
        cur = stack.pop()
        for child in cur.children:
            if child.dep_ == "conj":
                group.append(child)
                stack.append(child)
    return group


# ---------------------------------------------------------------------- polarity and modality


def _inherits_from_head(tok: Token) -> Token | None:
    """A verb shares its head's auxiliaries and negation when it has none of its own."""
    if tok.dep_ == "conj" and tok.pos_ == "VERB" and tok.head.lemma_ == "be" and any(
            c.dep_ == "acomp" for c in tok.head.children):
        return None  # "... may not be relevant to you, since the ways we collect, use, and disclose ... vary"
    if tok.dep_ == "conj" and any(c.dep_ == "advmod" and c.lower_ in ("only", "instead", "rather")
                                  for c in tok.children):
        # "will not be used for marketing and only shared with service providers", "does not store any in the
        # PRC, and instead stores it in Israel": affirmed
        return None
    if tok.dep_ == "conj" and tok.pos_ in ("ADJ", "VERB") and tok.head.pos_ == "ADP" and tok.head.dep_ in (
            "agent", "prep") and not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children):
        return tok.head.head  # "will not be saved by us or viewable by others": hung on the "by" of the first
    if tok.dep_ == "dep" and tok.pos_ in ("VERB", "NOUN") and tok.head.pos_ == "VERB" and tok.head.i < tok.i and \
            tok.doc[tok.i - 1].text == "," and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark")
                                                      for c in tok.children):
        return tok.head  # "will not sell, rent, or trade": a list item the parser left unlabelled
    if tok.dep_ == "conj":
        own = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass")]
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in own) and not any(
            c.dep_ == "aux" for c in own
        ):
            return tok.head
    if tok.dep_ == "advcl" and tok.tag_ == "VBN" and tok.head.lemma_ == "be" and not any(
        c.dep_ in ("mark", "nsubj", "nsubjpass", "aux", "auxpass") or c.lower_ in ("when", "where", "while")
        for c in tok.children
    ):
        return tok.head  # "is not end-to-end encrypted": the parser hangs the participle on the copula
    if tok.dep_ in ("xcomp", "acomp", "oprd") or (
        tok.dep_ == "ccomp" and tok.head.lemma_ in ("be", "make", "keep", "render")
    ):
        return tok.head
    if tok.dep_ == "ccomp" and tok.head.lemma_ in _LETTING and any(c.lower_ == "to" for c in tok.children) and \
            not any(c.dep_ == "nsubj" and c.lower_ in ("us", "we") for c in tok.children):
        # "we do not allow advertisers to collect": parsed as a clause with its own subject. Not "if you do
        # not allow us to collect": the reader's choice, not a denial
        return tok.head
    if tok.dep_ == "advmod" and tok.pos_ == "ADV" and tok.head.pos_ in ("ADJ", "VERB") and not list(tok.children):
        # "is not publicly available", "may be publicly visible": the adverb's head is the claim (not an adverb with
        # words of its own: "may not give notice prior to such disclosures")
        return tok.head
    return None


def _placed_under(tok: Token) -> Token | None:
    """The verb whose negation and hedge a placing participle takes: "we do not (may) process your data on servers
    located in China", "we do not use servers located in China". Only for polarity and modality: the servers'
    holder is still whoever the participle names ("providers based in the US"), not the verb's subject."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_ in _PLACING and (
            tok.head.lemma_.lower() in _PLACE_HOLDERS) and not any(
            c.dep_ in ("aux", "auxpass", "neg") for c in tok.children):
        return _verb_of_object(tok.head)
    return None


_PLACING = {"locate", "host", "base", "situate", "house"}
# what a placing participle can say is somewhere: the locative heads, and stores the lemmatizer may leave plural
_PLACE_HOLDERS = LOCATIVE_HEADS | {"datacenters", "centers", "centres", "database", "machine", "system"}


def _verb_of_object(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through prepositions ("store data in centers": "store");
    None for a subject, whose verb says something else of it ("servers located in X are not accessible")."""
    cur = noun
    for _ in range(5):
        if cur.dep_ not in ("pobj", "dobj", "prep", "conj", "compound") or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ == "VERB":
            return cur
    return None


def contrastive_negations(tok: Token) -> list[Token]:
    """`not` in "with X but not with Y": it negates the phrase after it, not the verb."""
    out = []
    for child in tok.children:
        if child.dep_ == "neg" and child.i > tok.i and child.i > 0:
            prev = child.doc[child.i - 1]
            if prev.lower_ in ("but", "and", "or", ","):
                out.append(child)
        if child.dep_ == "prep":
            out.extend(g for g in child.children if g.dep_ == "neg")
    return out


def is_negated(ctx: SentenceContext, tok: Token) -> bool:
    neg_words = ctx.lex.words("negation", "neg_words")
    neg_dets = ctx.lex.words("negation", "negative_determiners")
    contrastive = {t.i for t in contrastive_negations(tok)}
    seen = 0
    cur: Token | None = tok
    while cur is not None and seen < 6:  # "we do not collect, receive, possess, or have access to": 5 steps
        for child in cur.children:
            if child.i in contrastive:
                continue
            if child.dep_ in ("neg", "advmod", "preconj", "det") and child.lower_ in neg_words:
                if (child.dep_ == "det" and not (cur.i == tok.i and tok.pos_ == "NOUN")) or \
                        child.doc[child.i + 1 : child.i + 3].text.lower() == "limited to":
                    continue  # "includes but is not limited to the use of encryption": no denial ("no sale": one)
                return True
            if child.dep_ in ("advmod", "prep", "npadvmod") and child.i < cur.i and (
                    cur.i == tok.i or cur.i == conj_head(tok).i) and ctx.lex.negative_phrases.search(
                    " ".join(t.text for t in child.subtree)):
                return True  # "we no longer store or share your data": "share" inherits it from "store"
            if child.dep_ in ("nsubj", "nsubjpass", "dobj"):
                if child.lower_ in ("none", "nothing", "neither", "nobody", "no"):
                    return True
                if any(g.dep_ in ("det", "preconj") and g.lower_ in neg_dets for g in child.children):
                    return True
            if child.dep_ == "cc" and child.lower_ == "nor":
                return True
        if cur.dep_ == "conj" and any(c.lower_ == "nor" for c in cur.head.children if c.dep_ == "cc"):
            return True
        if cur.dep_ == "conj" and any(c.lower_ == "nor" for c in cur.children):
            return True
        # "we will not in the future sell ...": the "not" hung on the "in", before the verb or above it (the verb
        # read as a noun)
        if cur.dep_ == "pobj" and any(c.dep_ == "neg" and c.lower_ in neg_words for c in cur.head.children):
            return True
        if any(c.dep_ == "prep" and c.i < cur.i and any(g.dep_ == "neg" and g.lower_ in neg_words
                                                        for g in c.children) for c in cur.children):
            return True
        if _readers_permission(cur):
            break  # "if you do not permit us to collect your location": the reader's choice, not a denial
        nxt = _inherits_from_head(cur) or _placed_under(cur)
        if nxt is None and cur.dep_ == "acl" and _to_infinitive(cur) and cur.head.lemma_.lower() in ctx.lex.words(
                "negation", "intent_nouns"):
            nxt = cur.head  # "we do not have any plans to sell your data", "we have no way to read your messages"
        if nxt is None:
            nxt = business_of(cur)  # "we are not in the business of selling your data"
        if nxt is None and cur.pos_ in ("NOUN", "PROPN", "ADJ") and cur.dep_ in (
            "dobj", "nsubj", "nsubjpass", "pobj", "attr", "acomp", "compound", "npadvmod"
        ):
            nxt = cur.head if cur.dep_ != "pobj" else cur.head.head
            if nxt.lemma_.lower() in ctx.lex.words("negation", "not_carried_by"):
                break  # "this policy does not apply to the collection ...": the negation is the verb's own
        cur = nxt
        seen += 1
    if tok.dep_ in ("csubj", "csubjpass", "nsubj", "nsubjpass", "dobj") and tok.head.lemma_ in ctx.lex.words(
        "check_words", "prohibit_verbs"
    ):
        return True  # "Selling your information is strictly prohibited", "we prohibit access from abroad"
    if _unknowing(conj_head(tok)):
        return True  # "we do not have actual knowledge that we sell ...": a denial, in the statute's words
    return bool(ctx.lex.negative_phrases.search(_text_outside_events(ctx, tok)))


def _readers_permission(tok: Token) -> bool:
    """ "you (do not) permit us to collect ...": the verb is what the reader lets the organisation do."""
    return tok.dep_ == "xcomp" and tok.head.lemma_ in _LETTING and any(
        c.dep_ == "dobj" and c.lower_ in ("us", "we") for c in tok.head.children) and any(
        c.dep_ == "nsubj" and c.lower_ in ("you", "users", "user") for c in tok.head.children)


def _text_outside_events(ctx: SentenceContext, tok: Token) -> str:
    """The claim's words without its "until ..." / "when ..." clauses: "kept until the entry is no longer
    available" names when keeping ends, it does not deny keeping."""
    region = ctx.region(tok)
    inside: set[int] = set()
    for i in region:
        t = ctx.doc[i]
        if t.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _EVENT_MARKS | {"if", "unless"}
                                     and c.i < t.i for c in t.children):
            # "if we no longer require the data, it is stored only for the legal period": the condition's
            # negation is not the claim's
            inside.update(x.i for x in t.subtree)
        elif t.dep_ == "relcl" and t.i != tok.i and tok not in t.subtree:
            inside.update(x.i for x in t.subtree)  # "data that we no longer need is deleted": says which data
        elif t.dep_ == "conj" and t.head.i == tok.i and t.pos_ in ("VERB", "AUX") and t.i > tok.i:
            inside.update(x.i for x in t.subtree)  # "copies remain ... and are no longer linked to you"
    if not inside:
        return ctx.region_text(tok)
    return "".join(ctx.doc[i].text_with_ws for i in sorted(region - inside)).strip()


def _unknowing(clause: Token) -> bool:
    """The clause is what a negated "have knowledge" / "be aware" is about."""
    if clause.dep_ not in ("ccomp", "acl", "relcl"):  # the parser often reads "knowledge that we sell" as relcl
        return False
    holder = clause.head
    if holder.lemma_ == "knowledge" and holder.dep_ == "dobj":
        holder = holder.head
    elif holder.lemma_ != "aware" and not (holder.lemma_ == "be" and any(c.lemma_ == "aware" for c in holder.children)):
        return False
    if holder.lemma_ == "aware":
        holder = holder.head
    return any(c.dep_ == "neg" for c in holder.children)


def permission_only(ctx: SentenceContext, tok: Token) -> bool:
    """The only modal of the claim is "can" ("only employees in Japan can access your data"): with "only", a
    rule about who may, not a hedge. "May", "might", "could" and hedging phrases stay possibilities."""
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if not any(c.lower_ in ("can", "ca") for c in aux) or any(c.lower_ in ("may", "might", "could") for c in aux):
        return False
    return not ctx.lex.modality_phrases.search(ctx.region_text(tok))


def is_may(ctx: SentenceContext, tok: Token) -> bool:
    aux_words = ctx.lex.words("modality", "aux")
    cur: Token | None = _membership_copula(tok) or tok  # "data may be among the assets sold"
    seen = 0
    while cur is not None and seen < 4:
        for child in cur.children:
            if child.dep_ in ("aux", "auxpass") and (child.lower_ in aux_words or any(
                    g.dep_ == "aux" and g.lower_ in aux_words for g in child.children)):
                return True  # "may" hangs on a verb misparsed as an auxiliary: "may share aggregated data"
        nxt = _inherits_from_head(cur) or _placed_under(cur)
        if nxt is None and cur.dep_ == "advcl" and cur.tag_ == "VBN" and cur.head.tag_ == "VBN" and not any(
                c.dep_ in ("mark", "nsubj", "nsubjpass", "aux", "auxpass") for c in cur.children):
            nxt = cur.head  # "may be transferred to, stored and processed in ...": "stored" parsed as a clause
        cur = nxt
        seen += 1
    if _hypothetical(tok):
        return True
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in ("possible", "potential", "occasional")
                                  for c in tok.children):
        return True  # "you consent to the possible transfer of your data outside your country"
    # "we save the data you give (your email, and potentially your name)": a hedge in brackets on the object is
    # no hedge on the verb
    aside = {t.i for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree
             if _paren_depth(ctx.doc, t.i)} if "(" in ctx.text else set()
    text = "".join(ctx.doc[i].text_with_ws for i in sorted(ctx.region(tok) - aside)).strip()
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        if verb.pos_ in ("VERB", "AUX"):
            # "where appropriate, we use end-to-end encryption": the hedge is on the verb the noun belongs to
            text = " ".join(t.text for t in verb.subtree)
            if any(c.dep_ in ("aux", "auxpass") and c.lower_ in aux_words for c in verb.children):
                return True  # "our vendors may have access to your data"
    if re.search(r"\breserves? the right\b|\b(cannot|can ?not|can't) (therefore )?(be ruled out|be excluded|"
                 r"rule out|exclude)\b|\bit is possible that\b|\bthere is a (possibility|chance) that\b",
                 ctx.text, re.IGNORECASE):
        return True
    return bool(ctx.lex.modality_phrases.search(text))


def _hypothetical(tok: Token) -> bool:
    """The practice is itself the condition: "if we (need to) transfer your data outside China, we ...", "where
    we transfer ...", "in the event that data is transferred to the USA, ...": it may happen, it is not said to."""
    clause = tok
    while clause.dep_ in ("xcomp", "conj") and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    if clause.dep_ == "advcl":
        return any(c.dep_ in ("mark", "advmod") and c.lower_ in ("if", "where") and c.i < clause.i
                   for c in clause.children)
    return clause.dep_ in ("acl", "relcl") and clause.head.lower_ in ("event", "case") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


_CONDITION_STARTS = {"where", "when", "if", "with", "after", "upon", "once", "while", "until", "as", "for",
                     "to", "because", "in", "on", "under", "pursuant", "by", "following"}


def _data_exceptions(ctx: SentenceContext) -> list[tuple[int, int]]:
    """(start, end) characters of what each exception excepts, up to the next comma or stop; not "except where
    required by law", a condition rather than data kept elsewhere."""
    out = []
    for m in ctx.lex.pattern("exceptions", "data_phrase").finditer(ctx.text):
        if not ctx.lex.pattern("exceptions", "not_data").match(ctx.text, m.end()):
            stop = _CLAUSE_STOP.search(ctx.text, m.end())
            out.append((m.end(), stop.start() if stop else len(ctx.text)))
    return out


_CLAUSE_STOP = re.compile(r"[,;.]")


def excepts_data(ctx: SentenceContext) -> bool:
    """ "all of your data is stored in Japan, except for images and videos": what is excepted is not a place, so
    the place is not the only one (the LINE case: media were kept in Korea)."""
    return any(not any(start <= p.span.start_char <= start + 25 for p in ctx.mentions)
               for start, _ in _data_exceptions(ctx))


def excepted_places(ctx: SentenceContext) -> set[int]:
    """Roots of the places an exception names: "outside Japan, except for backups in Singapore"."""
    return {p.root.i for start, end in _data_exceptions(ctx) for p in ctx.mentions if start <= p.span.start_char < end}


def is_exclusive(ctx: SentenceContext, tok: Token, data_head: Token | None, places: list[PlaceMention]) -> bool:
    if places and excepts_data(ctx):
        return False
    adverbs = ctx.lex.words("scope", "adverbs")
    place_ids = {i for m in places for i in range(m.span.start, m.span.end)}
    # "in Japan only", "only in Japan", "exclusively on servers in the EEA"
    for m in places:
        lo, hi = m.span.start, m.span.end
        near = list(range(max(0, lo - 4), lo)) + list(range(hi, min(len(ctx.doc), hi + 2)))
        if any(ctx.doc[i].lower_ in adverbs for i in near):
            return True
    if re.search(r"\b(nowhere|anywhere) (else|other than)\b|\bno other (country|countries|location|place)",
                 ctx.text, re.IGNORECASE):
        return True
    for i in ctx.region(tok):
        t = ctx.doc[i]
        if t.lower_ not in adverbs or t.dep_ not in ("advmod", "amod", "preconj", "det", "neg", "cc"):
            continue
        nxt = ctx.doc[i + 1] if i + 1 < len(ctx.doc) else None
        if nxt is not None and nxt.head.i == tok.i and _names_recipient(ctx, nxt):
            return True  # "we share your data only with our service providers": no one else
        if nxt is not None and nxt.lower_ in _CONDITION_STARTS and not any(
            j in place_ids for j in range(nxt.i, min(len(ctx.doc), nxt.i + 5))
        ):
            continue  # "only with your consent", "only where required by law": a condition, not a scope
        if (t.head.i == tok.i or t.head.i in place_ids) and (places or t.head.i != tok.i):
            return True
        if t.head.i == tok.i and t.i < tok.i and _only_recipients(ctx, tok):
            return True  # "we only share your data with our service providers"
    if places and data_head is not None:
        alls = ctx.lex.words("scope", "all_determiners") - {"any"}
        for child in data_head.children:
            if child.dep_ in ("det", "predet", "amod", "nummod") and child.lower_ in alls:
                return True
        if data_head.lower_ == "all":
            return True
    return False


def _only_recipients(ctx: SentenceContext, tok: Token) -> bool:
    """The verb names its recipients and no condition that "only" could be about ("only ... if you consent")."""
    if any(c.dep_ == "advcl" or (c.dep_ == "prep" and any(g.lower_ == "consent" for g in c.subtree))
           for c in tok.children):
        return False
    return any(c.dep_ in ("prep", "dative") and _names_recipient(ctx, c) for c in tok.children)


def _names_recipient(ctx: SentenceContext, prep: Token) -> bool:
    """ "with our service providers", "to advertisers": a preposition whose object is some kind of party."""
    return prep.lower_ in ("with", "to") and any(
        g.dep_ == "pobj" and classify_party(ctx.lex, _noun_text(g)) not in (None, "self") for g in prep.children)


# ---------------------------------------------------------------------- data phrase


def _phrase_tokens(head: Token, stop: set[int]) -> list[Token]:
    keep: list[Token] = [head]
    for child in head.children:
        if child.i in stop:
            continue
        if child.dep_ in ("det", "poss", "amod", "compound", "nummod", "nmod", "quantmod", "case", "predet"):
            keep.extend(child.subtree)
        elif child.dep_ in ("conj", "cc"):
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                continue
            keep.extend(_phrase_tokens(child, stop) if child.dep_ == "conj" else [child])
        elif child.dep_ == "prep" and child.lower_ in ("of", "about", "from", "including", "like") and (
            child.i > head.i
        ):
            keep.extend(t for t in child.subtree if t.i not in stop)
        elif child.dep_ == "appos" and not (child.pos_ == "PRON" and child.lower_ in ("those", "these", "that")):
            keep.extend(child.subtree)  # but "on our servers and those of our providers": "those" is servers
    return sorted({t.i: t for t in keep}.values(), key=lambda t: t.i)


def data_head(ctx: SentenceContext, tok: Token) -> Token | None:
    """The noun the claim is about: the object of an active verb, the subject of a passive one."""
    carried = _prep_object(tok.head, "for") if tok.dep_ == "amod" and tok.head.lower_ in ctx.lex.words(
        "channel_nouns") else None
    if carried is not None:  # "an end-to-end encrypted connection for audio and video information"
        return carried
    cur: Token | None = tok
    for _ in range(3):
        if cur is None:
            break
        kids = list(cur.children)
        if cur.pos_ in ("NOUN", "PROPN") and cur.i == tok.i and cur.dep_ == "pobj" and cur.head.head.pos_ == "VERB" \
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in cur.children):
            verb = cur.head.head
            for child in verb.children:
                if child.dep_ in ("nsubjpass", "dobj"):
                    return _resolve_relative(child)
        if cur.pos_ in ("NOUN", "PROPN") and cur.i == tok.i:
            for child in kids:
                if child.dep_ == "prep" and (child.lower_ in ("of", "for") or (
                        child.lower_ in ("to", "over") and tok.lower_ == "access")):  # "access or control over"
                    objs = [g for g in child.children if g.dep_ == "pobj"]
                    if objs:
                        return objs[0]
            if tok.lower_ == "access":
                shared = _controlled(tok)
                if shared is not None:
                    return shared
            for child in kids:
                if child.dep_ in ("compound", "amod") and ctx.lex.data_words.search(child.text):
                    return child
            member = member_of(tok)
            if member is not None:
                return member
            if tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass"):
                # "the sale of" handled above; "data sharing" compound; "we do not engage in sale"
                pass
            return None
        if cur.lemma_ in ("leave", "cross", "exit", "reside", "remain", "stay"):
            for child in kids:
                if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in ("we", "i", "us"):
                    return _resolve_relative(child)
        if cur.i == tok.i and _supplied_party(tok) is not None:  # "provided with access to your data"
            given = _prep_object(tok, "with")
            if given is not None and given.lower_ == "access":
                given = _prep_object(given, "to") or given
            return given
        for dep in ("nsubjpass", "dobj", "obj"):
            found = [child for child in kids if child.dep_ == dep]
            found = [child for child in found if not _hyphen_piece(child)] or found
            if cur.i != tok.i:  # "you authorize us to transfer ...": the climb reached who is let, not what
                found = [child for child in found if child.lower_ not in ("us", "me")]
            if dep == "nsubjpass" and len(found) > 1:  # "information you submit to ... contact you is never sold"
                found = [child for child in found if child.lower_ not in ("you", "us", "me", "we")] or found
            if found:  # two passive subjects are a parse of two clauses as one: the nearer is the verb's
                head = _resolve_relative(found[-1] if dep == "nsubjpass" else found[0])
                if head.lemma_.lower() == "access":  # "give governments direct access to your data"
                    head = _prep_object(head, "to") or head
                return head
        for child in kids:  # "share personally identifying information", parsed as a verb and its object
            if child.dep_ == "xcomp" and child.tag_ == "VBG":
                objs = [g for g in child.children if g.dep_ == "dobj" and g.i == child.i + 1]
                if objs:
                    return objs[0]
        for child in kids:  # "we encrypt your notes end-to-end": "end" read as a verb whose subject is the object
            if child.dep_ == "ccomp" and child.lower_ == "end" and any(
                    g.lower_ in ("-", "‐") for g in child.children):
                objs = [g for g in child.children if g.dep_ == "nsubj"]
                if objs:
                    return _resolve_relative(objs[0])
        if cur.i == tok.i and tok.dep_ == "conj" and any(c.dep_ == "auxpass" for c in kids) and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in kids) and tok.head.tag_ in ("VBN", "VBD") and not any(
                c.dep_ in ("dobj", "obj") for c in tok.head.children):
            # "Information obtained from our program will not be shared": the parser makes the participle the
            # verb of "Information" and the passive its conjunct
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
            if subj is not None and ctx.lex.data_words.search(subj.text):
                return subj
        # "we do not sell or rent your data": the object hangs on the last conjunct ("sell, share or otherwise
        # provide this information": on the last of a chain)
        chain = [c for c in kids if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
        while chain:
            child = chain.pop(0)
            if any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
                continue
            objs = [g for g in child.children if g.dep_ in ("dobj", "obj")]
            if objs:
                return _resolve_relative(objs[0])
            chain += [g for g in child.children if g.dep_ == "conj" and g.pos_ in ("VERB", "AUX")]
        for child in kids:
            if child.dep_ == "nsubj" and child.lower_ not in ("we", "i", "us") and (
                cur.lemma_ in ("leave", "reside", "remain", "live", "sit", "cross", "be", "flow", "move", "locate",
                               "stay") or cur.pos_ == "ADJ" or cur.dep_ in ("acomp",)
            ):
                return _resolve_relative(child)
        if cur.dep_ in ("acl", "relcl") and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return cur.head
        for child in kids:
            if child.dep_ == "prep" and child.lower_ in ("for", "about", "of", "to") and tok.lemma_ in (
                "ask", "request", "access"
            ):
                objs = [g for g in child.children if g.dep_ == "pobj"]
                if objs:
                    return objs[0]
        cur = _inherits_from_head(cur)
    # "make X available": the object belongs to "make"
    if tok.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and tok.head.lemma_ in ("make", "keep", "render"):
        for child in tok.head.children:
            if child.dep_ in ("dobj", "nsubj") and child.i != tok.i:
                return _resolve_relative(child)
    if tok.dep_ == "conj":
        return data_head(ctx, tok.head)
    return None


def _controlled(access: Token) -> Token | None:
    """ "access to, or control over, these cookies": the object the two nouns share, which the parser hangs on
    "control" (a noun or a verb beside "have")."""
    for c in (*access.children, *access.head.children):
        if c.dep_ == "conj" and c.lemma_.lower() == "control":
            over = next((g for g in c.children if g.lower_ == "over" and g.dep_ in ("prep", "prt")), None)
            obj = _prep_object(c, "over") if over is not None and over.dep_ == "prep" else None
            obj = obj or next((g for g in c.children if g.dep_ == "dobj"), None)
            obj = obj or next((g for g in c.head.children if g.dep_ == "dobj" and g.i > c.i), None)
            if obj is not None:
                return _resolve_relative(obj)
    return None


def _hyphen_piece(tok: Token) -> bool:
    """ "e" or "-" of "encrypt e-mail messages", which the parser may hang on the verb as objects of their own."""
    doc = tok.doc

    def joining(hyphen: Token) -> bool:  # "e-mail", not a dash between spaces
        return (hyphen.text in ("-", "‐") and not hyphen.whitespace_ and hyphen.i > 0
                and not doc[hyphen.i - 1].whitespace_)

    return joining(tok) or (not tok.whitespace_ and tok.i + 1 < len(doc) and joining(doc[tok.i + 1]))


def member_of(tok: Token) -> Token | None:
    """ "your data may be among the assets transferred", "... one of the assets sold", "we may include your data
    among the assets": the data is a member of the set the noun names."""
    verb = _membership_copula(tok)
    if verb is None:
        return None
    if verb.lemma_ == "be":
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return obj if obj is not None else tok.head.head  # "among" hung on the data itself


def _membership_copula(tok: Token) -> Token | None:
    """The verb that makes something a member of `tok`'s set: "be" or "include"."""
    if tok.pos_ != "NOUN" or tok.dep_ != "pobj" or tok.head.lower_ not in ("among", "of"):
        return None
    cur = tok.head
    for _ in range(3):
        if cur.dep_ not in ("prep", "attr", "pobj", "dobj") or cur.head.i == cur.i:
            return None
        via = cur
        cur = cur.head
        if cur.lemma_ == "be" or (cur.lemma_ == "include" and tok.head.lower_ == "among"):
            return cur
        if via.lower_ == "as" and cur.pos_ == "VERB" and tok.head.head.lower_ == "one":
            return cur  # "your information may be transferred as one of our business assets"
    return None


def _resolve_relative(tok: Token) -> Token:
    if tok.lower_ in ("which", "that", "who") and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def data_phrase(ctx: SentenceContext, tok: Token, avoid: set[int]) -> tuple[str | None, Token | None]:
    head = data_head(ctx, tok)
    if head is None:
        return None, None
    if any(c.lower_ in ("following", "below") for c in head.children) or head.lower_ == "following":
        # "We collect the following information: Account information, such as ...": the item names the data
        colon = next((t for t in ctx.doc if t.text == ":" and t.i > head.i), None)
        if colon is not None and colon.i + 1 < len(ctx.doc):
            rest = ctx.doc[colon.i + 1 :]
            stop = next((t.i for t in rest if t.text in (",", ".", ";", "(")), len(ctx.doc))
            item = ctx.doc[colon.i + 1 : stop]
            if len(item):
                return item.text, item.root
    tokens = _phrase_tokens(head, avoid)
    while tokens[0].i > 0 and _hyphen_piece(ctx.doc[tokens[0].i - 1]):
        tokens.insert(0, ctx.doc[tokens[0].i - 1])  # "mail messages" of "e-mail messages", cut by the parse
    text = tokens_text(t for t in tokens if t.i not in avoid).strip(" ,;:")
    text = re.sub(r"\s+([,.;:)])", r"\1", text).replace("( ", "(")
    text = re.sub(r",?\s+(such as|including|like|e\.g\.)$", "", text)  # "materials such as" lost its examples
    return (text or head.text), head


def looks_like_data(lex: Lexicon, text: str) -> bool:
    if lex.data_words.search(text):
        return True
    from notice_check.taxonomy import default_taxonomy

    return bool(default_taxonomy().categories_for(text))


def made_public(ctx: SentenceContext, tok: Token) -> Token | None:
    """What the sentence says is public: "your reviews are public", "we may make your name public", "your
    profile is publicly visible". None when it is not data, or the reader makes it public ("you can make your
    profile public" is the reader's choice, not the organisation's disclosure)."""
    gov = tok.head
    thing: Token | None = None
    becoming = ctx.lex.words("made_public", "becoming")
    if tok.lower_ == "publicly":
        if gov.pos_ == "ADJ" and gov.dep_ in ("acomp", "oprd"):
            gov = gov.head  # "is publicly visible"
        if gov.lemma_.lower() not in ctx.lex.words("made_public", "showing") | becoming:
            return None
    elif tok.dep_ == "ccomp" and gov.lemma_.lower() in ("make", "render"):
        thing = next((c for c in tok.children if c.dep_ == "nsubj"), None)  # "make your profile public"
    elif tok.dep_ not in ("acomp", "oprd", "attr") or gov.lemma_.lower() not in becoming:
        return None
    if gov.dep_ == "pcomp" or (gov.dep_ == "conj" and gov.head.dep_ == "pcomp"):
        return None  # "prevent children from posting or publicly disclosing ...": an act kept from happening
    if gov.dep_ == "relcl" and gov.head.head.lemma_.lower() in ctx.lex.words("made_public", "taking"):
        return None  # "we may collect information that is publicly available": where data comes from
    if thing is None:
        thing = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if thing is None or thing.lower_ in ("we", "i"):
            thing = next((c for c in gov.children if c.dep_ == "dobj"), None)  # "we display your name publicly"
        if thing is None:  # "what you post is made public": the clause's "what"
            clause = next((c for c in gov.children if c.dep_ in ("csubj", "csubjpass")), None)
            thing = next((c for c in clause.children if c.lower_ in ("what", "whatever")), None) if clause else None
    if thing is None:
        return None
    thing = _resolve_relative(thing)
    if thing.lower_ in ("what", "whatever", "anything", "everything") and (thing.dep_ == "dobj" or any(
            c.dep_ == "relcl" for c in thing.children)):
        return thing  # "anything you write on the forums": what the reader posts
    maker = next((c for c in gov.children if c.dep_ == "nsubj" and c.i != thing.i), None)
    if maker is not None and (maker.lower_ in ctx.lex.words("user_subjects") or maker.lower_ in ("they", "he", "she")):
        return None
    if thing.pos_ == "PRON" or not ctx.lex.pattern("public_content").search(thing.lower_):
        return None
    return thing


def public_thing_text(thing: Token) -> str:
    """The words of what made_public found: "anything you write in the forums" keeps its clause."""
    if thing.lower_ in ("what", "whatever", "anything", "everything"):
        head = thing.head if thing.dep_ == "dobj" and thing.head.dep_ in ("csubj", "csubjpass") else thing
        return tokens_text(t for t in head.subtree if t.dep_ != "punct" or t.i < head.right_edge.i)
    return tokens_text(_phrase_tokens(thing, set()))


def non_data_holder(ctx: SentenceContext, tok: Token) -> bool:
    """ "environments that are not available to the public": what the adjective is said of is no data."""
    cop = tok.head if tok.dep_ in ("acomp", "oprd") else tok
    subj = next((c for c in cop.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in ("which", "that", "who"):
        return False
    held = _resolve_relative(subj)
    return held.pos_ in ("NOUN", "PROPN") and not looks_like_data(ctx.lex, held.lower_)


def non_data_remainder(ctx: SentenceContext, tok: Token) -> bool:
    """ "if the matter remains unresolved for 45 days": a state of affairs, not data, so the period is not how long
    anything is kept ("cookies last a year", "comments remain on our site", "portions may remain intact" are)."""
    if tok.lemma_.lower() not in ctx.lex.words("retention_lasting_verbs", "verbs"):
        return False
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and subj.lemma_.lower() in ctx.lex.words("retention_lasting_verbs", "affairs")


# ---------------------------------------------------------------------- parties


@dataclass
class PartyMention:
    text: str
    kind: str
    name: str | None
    denied: bool
    head: int


def proper_name(ctx: SentenceContext, ids: set[int]) -> str | None:
    """The phrase, when one of its words is a name rather than a kind of party: "NAVER Cloud" (a processor
    named), not "our Service Providers" (a defined term). The comparator matches names against the manifest's
    entities."""
    stems = ctx.lex.party_vocabulary()
    words = [ctx.doc[j] for j in sorted(ids)]
    while words and words[0].dep_ in ("det", "poss"):
        words = words[1:]  # "the Facebook Companies" is named "Facebook Companies"
    text = tokens_text(words)
    if _NOT_A_PARTY.search(text) and not _CLOUD_BRAND.search(text):
        return None
    places = {i for m in ctx.mentions for i in range(m.span.start, m.span.end)}
    for t in words:
        low = t.lower_
        if t.i in places:
            continue  # "our EU partners": a place, not a name
        if t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha and len(low) > 1 and low not in _NAME_STOPS and (
                not any(_inflects(low, stem) for stem in stems) or _camel_case(t.text)):
            return text  # "SendGrid" starts like "senders", but a capital inside a word makes it a brand
    return None


def _inflects(word: str, stem: str) -> bool:
    """The word is the stem with an ending ("Providers", "Affiliates", "Agencies"), not a name that merely
    begins like it ("Mailchimp", "Cloudflare", "Allianz"): a long stem takes an ending of up to four letters, a
    short one (often a piece of a pattern: "all", "web", "mail") only a plural "s"."""
    return word.startswith(stem) and len(word) - len(stem) <= (4 if len(stem) >= 5 else 1)


def _camel_case(word: str) -> bool:
    return any(c.isupper() for c in word[1:]) and any(c.islower() for c in word)


_NAME_STOPS = {"our", "the", "its", "their", "your", "these", "those", "such", "other", "certain", "select",
               "trusted", "external", "global", "local", "international", "national"}


# "the Operator", "the Provider": a notice's defined term for the organisation itself (German "Betreiber",
# "Anbieter"), capitalised as a name is; "the operator of the website" is another party
_DEFINED_SELF = re.compile(r"^[Tt]he (Operator|Provider|Controller|Company)$")


def classify_party(lex: Lexicon, text: str) -> str | None:
    if _DEFINED_SELF.match(text.strip()):
        return "self"
    low = _JOINED_HYPHEN.sub("-", text.lower())  # "a third - party": phrase text is tokens joined by spaces
    for kind, pattern in lex.parties:
        if pattern.search(low):
            return kind
    return None


# "Amazon Web Services", "Alibaba Cloud Services": a company, though its name ends in "Services"
_CLOUD_BRAND = re.compile(r"\b[A-Z][\w.]+ (Web|Cloud) Services\b")
_JOINED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")
_PARTY_PREPS = {"with", "to", "onto", "by", "among", "between", "amongst", "towards"}
# capitalised words that name a rule or a thing, not a company: "under Applicable Laws", "(HTTP status code)"
_NOT_A_PARTY = re.compile(r"\b(laws?|regulations?|rules?|acts?|terms|polic(y|ies)|codes?|directives?|agreements?|"
                          r"settings?|features?|services?|products?)\b", re.I)
_FRAMING_HEADS = {"according", "pursuant", "subject", "prior", "due", "addition", "regard", "respect", "relation",
                  "contrary", "compared", "owing", "thanks"}


def authority_mentions(ctx: SentenceContext, tok: Token) -> list[PartyMention]:
    """Public authorities named anywhere in the claim: "disclosure requests from regulators or courts"."""
    out = []
    for i in sorted(ctx.region(tok)):
        t = ctx.doc[i]
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ not in ("compound", "amod", "nmod"):
            ids = _phrase_ids(t)
            text = ctx.doc[min(ids) : max(ids) + 1].text
            if classify_party(ctx.lex, text) == "public_authority":
                out.append(PartyMention(text=text, kind="public_authority", name=None, denied=False, head=t.i))
    return out


def parties(ctx: SentenceContext, tok: Token) -> list[PartyMention]:
    """The recipients the claim names. "We have not disclosed or sold any data to third parties": verbs that share
    one object share its recipient too, which the parser hangs on the last."""
    out = _own_parties(ctx, tok)
    if not out and tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children):
        # "will be collected, processed and stored by Valve in the United States": the last verb's agent does all
        for later in (v for v in _conj_group(tok) if v.i > tok.i and v.tag_ == "VBN"):
            agent = next((c for c in later.children if c.dep_ == "agent"), None)
            if agent is not None:
                return [p for p in _own_parties(ctx, later) if ctx.doc[p.head].head.i == agent.i]
    if out or any(c.dep_ in ("dobj", "obj") for c in tok.children):
        return out
    hits = ctx.hit_tokens()
    for conj in (c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i in hits):
        if any(g.dep_ in ("dobj", "obj") for g in conj.children) and not any(
                g.dep_ in ("nsubj", "nsubjpass") for g in conj.children):
            return _own_parties(ctx, conj)
    return out


def _own_parties(ctx: SentenceContext, tok: Token) -> list[PartyMention]:
    region = ctx.region(tok)
    contrast = {t.i for t in contrastive_negations(tok)}
    out: list[PartyMention] = []
    # places are destinations, not recipients ("transfer data to China")
    seen: set[int] = {i for m in ctx.mentions for i in range(m.span.start, m.span.end)}
    for child in tok.children:  # "unless the recipient is bound by ...": a condition names no recipient
        if child.dep_ in ("advcl", "relcl") or (child.dep_ == "conj" and any(
                g.dep_ == "mark" for g in child.children)):  # "... or if we are instructed to by a court"
            seen.update(t.i for t in child.subtree)
    supplied = _supplied_party(tok)
    for i in sorted(region | ({supplied.i} if supplied is not None else set())):
        t = ctx.doc[i]
        heads: list[Token] = []
        if supplied is not None and t.i == supplied.i:
            heads = [t]  # "these companies may be provided with access to your data": they receive it
        elif t.dep_ == "prep" and t.head.lower_ in ctx.lex.words("exceptions", "party_preps") and \
                t.head.dep_ == "prep":
            continue  # "we do not share your data except with our service providers": the exception
        elif (t.dep_ in ("prep", "agent", "dative") or (t.dep_ == "conj" and t.pos_ == "ADP")) and (
            t.lower_ in _PARTY_PREPS | {"by"} and not _nested_prep(t, tok)
        ):
            heads = [c for c in t.children if c.dep_ in ("pobj",)]
            heads = [_helpers(h) or h for h in heads]  # "with the help of our service providers": the providers
            if t.dep_ == "dative" and t.pos_ in ("NOUN", "PROPN", "PRON"):
                heads = [t]
        elif t.dep_ == "dative":
            heads = [t]
        for h in heads:
            group = [h] + [c for c in h.subtree if c.dep_ == "conj" and c.head.i in {x.i for x in [h]}]
            group = _conj_chain(h)
            denied = _after_contrast(t, contrast, ctx) or any(
                c.dep_ in ("det", "preconj") and c.lower_ in ("neither", "no") for c in h.children
            )
            for g in group:
                if g.i in seen:
                    continue
                seen.add(g.i)
                if g.dep_ == "conj" and g.head.lower_ in ctx.lex.words("exceptions", "everyone") and any(
                        c.dep_ == "cc" and c.lower_ == "but" for c in g.head.children):
                    continue  # "to anyone but our affiliates": the exception
                if g.lemma_.lower() in ctx.lex.words("record_nouns"):
                    continue  # "transferred to the personnel file": a record of ours, whatever its modifier says
                words = [x for x in g.subtree if x.dep_ not in ("relcl", "acl") and x.i not in _relcl_ids(g)]
                words = [x for x in words if not (x.dep_ == "conj" and x.head.i == g.i)]
                phrase_ids = _phrase_ids(g)
                text = tokens_text(ctx.doc[j] for j in phrase_ids)
                excepted = ctx.lex.pattern("exceptions", "party_phrase").search(text)
                if excepted:  # "anyone other than our service providers": the party is who is left
                    text = text[: excepted.start()].rstrip(" ,")
                kind = classify_party(ctx.lex, text)
                if kind == "public" and (t.lower_ in ("between", "among", "amongst") or (
                        t.lower_ == "with" and t.head.pos_ in ("NOUN", "PROPN") and t.head.head.i != tok.i)):
                    continue  # "chats between you and other users", "the content of your chats with other users"
                name = None
                if kind is None:  # "a company acquiring our assets": the clause says who the company is
                    for clause in (c for c in g.children if c.dep_ in ("acl", "relcl")):
                        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which", "who")
                               for c in clause.children):
                            continue  # "countries where our affiliates operate" says nothing of the countries
                        longer = f"{text} {ctx.doc[clause.left_edge.i : clause.i + 1].text}"
                        kind = classify_party(ctx.lex, longer)
                        if kind is not None:
                            text = longer
                            break
                if kind is None and g.lower_ in ("them", "they", "those") and out:
                    kind, text = out[-1].kind, out[-1].text  # "with advertisers, but never ... with them"
                elif kind is None and g.lower_ in ("them", "they", "those"):
                    earlier = [x for x in ctx.doc[: g.i]
                               if x.pos_ in ("NOUN", "PROPN") and classify_party(ctx.lex, _noun_text(x))]
                    if earlier:
                        text = _noun_text(earlier[-1])
                        kind = classify_party(ctx.lex, text)
                if kind is None:
                    if g.pos_ == "PROPN" and not _NOT_A_PARTY.search(text) and t.head.lower_ not in _FRAMING_HEADS:
                        kind, name = "unspecified", text  # "according to Applicable Laws" names no party
                    elif g.lower_ in ("us", "we"):
                        kind = "self"
                    elif (g.pos_ == "NOUN" and t.lower_ in ("with", "to")
                          and g.lemma_.lower() in ctx.lex.words("pointing_recipients")
                          and any(c.dep_ in ("det", "amod") and (c.lower_ in ("such", "these", "those") or (
                                  c.lower_ == "that" and g.lemma_.lower() in ctx.lex.words("that_pointed_recipients")))
                                  for c in g.children)):
                        kind = "unspecified"  # "with such data centers": parties named before, kept as written
                    else:
                        continue
                if name is None and kind not in ("self", "public_authority") and not excepted:
                    name = proper_name(ctx, phrase_ids)
                out.append(PartyMention(text=text, kind=kind, name=name, denied=denied, head=g.i))
                # "third parties such as advertisers": the examples are parties too
                for child in g.children:
                    if child.dep_ == "prep" and child.lower_ in ("as", "including", "like"):
                        for obj in child.subtree:
                            if obj.dep_ == "pobj" and obj.i not in seen:
                                sub = tokens_text(ctx.doc[j] for j in _phrase_ids(obj))
                                sub_kind = classify_party(ctx.lex, sub)
                                if sub_kind and sub_kind != kind:
                                    seen.add(obj.i)
                                    out.append(PartyMention(text=sub, kind=sub_kind, name=None,
                                                            denied=denied, head=obj.i))
    return out


def _helpers(tok: Token) -> Token | None:
    """ "the help of X", "the assistance of X": X."""
    if tok.lemma_.lower() not in ("help", "assistance", "support", "aid", "involvement"):
        return None
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                 if g.dep_ == "pobj"), None)


_SUPPLY_VERBS = {"provide", "supply", "furnish", "give", "grant"}


def _supplied_party(tok: Token) -> Token | None:
    """The passive subject of "be provided with X": the one supplied, not the thing supplied."""
    if tok.lemma_ not in _SUPPLY_VERBS:
        return None
    passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if passive is not None:
        return passive if _prep_object(tok, "with") is not None else None
    # "providing law enforcement with data": the object is the one supplied ("with" often hangs on it)
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    supplied = _prep_object(tok, "with") or _prep_object(obj, "with")
    if supplied is None or supplied.lemma_ in ("consent", "permission", "care", "respect") or any(
            c.dep_ == "prep" and c.lower_ == "to" for c in tok.children):
        return None
    return obj


def _prep_object(tok: Token, prep: str) -> Token | None:
    """The object of `tok`'s preposition `prep`: "provided with -> access", "access to -> your data"."""
    return next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == prep
                 for g in c.children if g.dep_ == "pobj"), None)


def _nested_prep(prep: Token, trigger: Token) -> bool:
    """A preposition inside another phrase ("in response to a court order", "clauses adopted by the
    Commission") names no recipient of the trigger."""
    head = prep.head
    while head.dep_ == "prep" or (head.dep_ == "conj" and head.pos_ == "ADP") or (
        head.dep_ == "pobj" and head.head.lower_ in _PARTY_PREPS and prep.lower_ == head.head.lower_
    ):
        head = head.head
    if head.dep_ == "dobj" and head.head.dep_ == "xcomp" and head.head.tag_ == "VBG" and head.head.i == head.i - 1:
        head = head.head  # "share personally identifying information with X", parsed as a verb and its object
    if head.i == trigger.i:
        return False
    if head.head.i == trigger.i and head.dep_ in ("dobj", "nsubjpass", "acomp", "oprd", "xcomp", "conj", "attr",
                                                  "advmod", "npadvmod", "prt"):
        return head.lemma_ in ("response", "request", "order", "accordance", "compliance", "respect", "relation")
    return not _tails_the_object(prep, head, trigger)


def _tails_the_object(prep: Token, head: Token, trigger: Token) -> bool:
    """"provide information about sales, traffic and related data to advertisers": the parser hangs the
    recipient on the last noun of a long object; it still names who receives the object."""
    if prep.lower_ not in ("to", "with"):
        return False
    cur = head
    entered = prep.lower_ == "to" and cur.lemma_ in _INPUT_VERBS
    if cur.dep_ == "relcl" and (_has_own_recipient(cur, prep) or entered):
        # "forward the information you give us to the publisher": "us" already receives in the clause; "disclose
        # the information you enter on a page to any outside entity": nobody enters data to someone
        cur = cur.head
    for _ in range(8):
        if cur.dep_ in ("dobj", "nsubjpass") and cur.head.i == trigger.i:
            return cur.i != head.i
        if not (cur.dep_ in ("conj", "pobj", "appos") or (cur.dep_ == "acl" and cur.tag_ == "VBN") or (
                cur.dep_ == "prep" and cur.lower_ in ("about", "of", "on", "regarding", "concerning", "including"))):
            return False  # "statistics based on this data to advertisers": a participle may sit in between
        cur = cur.head
    return False


_INPUT_VERBS = {"enter", "input", "type", "fill", "complete", "key"}  # nobody enters data *to* someone


def _has_own_recipient(verb: Token, prep: Token) -> bool:
    """The clause already names who receives: "(the information) you give us", "you provide to us"."""
    return any(
        c.i != prep.i and ((c.dep_ in ("dobj", "dative") and c.lower_ == "us") or (
            c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(g.lower_ == "us" for g in c.children)))
        for c in verb.children)


def _noun_text(tok: Token) -> str:
    """A noun with its compounds and adjectives: "service providers", "advertising partners"."""
    mods = [t for t in tok.subtree if t.dep_ in ("compound", "amod") and t.head.i == tok.i]
    return tokens_text([*mods, tok])


def _relcl_ids(tok: Token) -> set[int]:
    ids: set[int] = set()
    for child in tok.children:
        if child.dep_ in ("relcl", "acl"):
            ids.update(t.i for t in child.subtree)
    return ids


def _phrase_ids(tok: Token) -> set[int]:
    ids = {tok.i}
    for child in tok.children:
        if child.dep_ in ("det", "poss", "amod", "compound", "nmod", "nummod", "case"):
            ids.update(t.i for t in child.subtree)
    return ids


def party_phrase(doc: Doc, lex: Lexicon) -> str | None:
    """The first phrase of a sentence that names a party other than the organisation, with the parties listed
    with it: "third party agents, subsidiaries and partners (that perform ...)"."""
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod", "nmod", "poss"):
            continue
        ids = _phrase_ids(tok)
        if classify_party(lex, tokens_text(doc[j] for j in ids)) in (None, "self"):
            continue
        for member in _conj_chain(tok)[1:]:
            ids |= _phrase_ids(member)
        return doc[min(ids) : max(ids) + 1].text
    return None


def _conj_chain(tok: Token) -> list[Token]:
    out = [tok]
    stack = [tok]
    while stack:
        cur = stack.pop()
        for child in cur.children:
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON", "ADJ"):
                out.append(child)
                stack.append(child)
    return out


def _after_contrast(prep: Token, contrast: set[int], ctx: SentenceContext) -> bool:
    if any(g.dep_ == "neg" for g in prep.children):
        return True
    before = [c for c in contrast if c < prep.i]
    return bool(before) and all(ctx.doc[j].lower_ != "but" for j in range(max(before) + 1, prep.i))


# ---------------------------------------------------------------------- retention, encryption, conditions


@dataclass
class Duration:
    text: str
    days: int | None
    until: str | None


def retention(ctx: SentenceContext, tok: Token) -> Duration | None:
    # "copies may remain after the 90 days": for what remains, a period after "after" is where it starts
    floor = tok.lemma_.lower() in ctx.lex.words("remain_verbs")
    found = _retention_in(ctx, ctx.region_text(tok), floor)
    if found is None or (found.days is None and found.until is None):
        whole = _retention_in(ctx, ctx.text, floor)
        if whole is not None and (whole.days is not None or whole.until is not None):
            return whole
    return found


# "for a minimum of 10 years" (a floor), "in the last 12 months" (a look-back window: what a CCPA notice reports on)
_NOT_A_BOUND_BEFORE = re.compile(r"\b(minimum of|at least|no less than|not less than|aged|age of|(the|last|past|"
                                 r"preceding|previous|prior) (last|past|preceding|previous|prior))\s+(the\s+)?$|"
                                 r"\b(in|during|over|within|for|cover) the (last|past|preceding|previous|prior)\s+$",
                                 re.I)
_AGE_AFTER = re.compile(r"\s*(of age|old|or older|or younger|and (over|older|under|younger)|(-|\s)?(month|year|day)?"
                        r"\s*periods? (preceding|prior to|before))\b", re.I)
_EXAMPLE_ASIDE = re.compile(r"\((e\.g\.|eg\b|for example|for instance|such as)[^()]*\)", re.I)
_AFTER = re.compile(r"\b(after|subsequent to|following|beyond|post)\s+(the\s+|your\s+|an\s+)?$", re.I)


_AND_MORE = re.compile(r",?\s+and\s+|,\s*")


def _retention_in(ctx: SentenceContext, text: str, floor: bool = False) -> Duration | None:
    lex = ctx.lex
    until = None
    for event, pattern in lex.until_events.items():
        # "subsequent to account deletion, X is retained": what happens after the event, not until it
        if any(not _AFTER.search(text[: m.start()]) for m in pattern.finditer(text)):
            until = event
            break
    days: int | None = None
    match_text = None
    best = None
    examples = [e.span() for e in _EXAMPLE_ASIDE.finditer(text)]
    last: tuple[int, int, int, int] | None = None  # the period before: its end, days, where it began, unit days
    for m in lex.duration.finditer(text):
        if floor and _AFTER.search(text[: m.start()]):
            continue
        if any(a <= m.start() < b for a, b in examples):
            continue  # "as long as necessary (e.g. financial records for 7 years)": an example, not the bound
        if _NOT_A_BOUND_BEFORE.search(text[: m.start()]) or _AGE_AFTER.match(text[m.end():]):
            # "for a minimum of 10 years" is a floor, no maximum; "users under 13 years of age" is an age
            continue
        unit = m.group("unit").lower()
        # "forty-five (45) days", "45 (forty-five) days": the digits win if the two disagree
        said = sorted((s for s in (m.group("num"), m.group("alt")) if s), key=lambda s: not s[:1].isdigit())
        num = next((v for v in map(lex.number, said) if v is not None), None)
        if num is None:
            continue
        unit_days = lex.raw["retention"]["units"][unit]
        if unit.startswith("hour"):
            value = math.ceil(num / 24)
        elif unit.startswith("minute"):
            value = 1
        else:
            value = int(round(num * unit_days))
        start = m.start()
        if last is not None:
            last_end, last_value, last_start, last_unit = last
            if last_unit > unit_days and _AND_MORE.fullmatch(text[last_end:start]):
                # "2 years and 6 months": one period in two parts, the larger unit first ("30 and 90 days" are two)
                value, start = value + last_value, last_start
        last = (m.end(), value, start, unit_days)
        if best is None or value > best:  # "30 days ... up to 90 days": the longest bound counts
            best = value
            match_text = text[start:m.end()]
    days = best
    if days is None and until is None and not lex.period.search(text):
        return None
    return Duration(text=match_text or text, days=days, until=until)


def has_retention_phrase(ctx: SentenceContext, tok: Token) -> bool:
    text = ctx.region_text(tok)
    if any(not _AGE_AFTER.match(text[m.end():]) for m in ctx.lex.duration.finditer(text)):
        return True  # not "users under 13 years of age": an age is no period
    if any(p.search(text) for p in ctx.lex.until_events.values()):
        return True
    return bool(ctx.lex.pattern("retention_phrases").search(text))


_ENCRYPTION_KINDS = ("end_to_end", "in_transit", "at_rest")
_KINDS_BEYOND_THE_WORD = ("end_to_end", "in_transit")  # what a sentence or a tool names for a modifier "encrypted"


def _kinds_named(ctx: SentenceContext, text: str, kinds: tuple[str, ...] = _ENCRYPTION_KINDS) -> list[str]:
    return [k for k in kinds if ctx.lex.encryption[k].search(text)]


def encryption_kinds(ctx: SentenceContext, tok: Token, whole: bool) -> list[str]:
    text = ctx.text if whole else ctx.region_text(tok)
    kinds = _kinds_named(ctx, text)
    if not kinds and tok.dep_ in ("amod", "compound") and tok.head.i > tok.i and ctx.lex.encryption[
            "end_to_end"].search(ctx.doc[tok.head.left_edge.i : tok.i].text):
        kinds = ["end_to_end"]  # "an end-to-end encrypted connection": a sibling modifier names the kind
    if "end_to_end" in kinds and "at_rest" in kinds and not re.search(r"\bat rest\b|\bon disk\b|aes", text, re.I):
        kinds.remove("at_rest")
    if not kinds and _kept_encrypted(tok):
        kinds = ["at_rest"]
    if not kinds and tok.dep_ == "relcl":  # "Secure Sockets Layer (SSL) software, which encrypts ...": the tool
        kinds = _kinds_named(ctx, ctx.doc[tok.head.left_edge.i : tok.head.i + 1].text, _KINDS_BEYOND_THE_WORD)
    if not kinds and tok.pos_ == "VERB" and tok.dep_ in ("amod", "compound"):
        # "sent over encrypted channels", "transferred in encrypted form using TLS": the sending is the
        # sentence's, not the modifier's; a store it modifies ("encrypted backups") names no time of encryption
        kinds = _kinds_named(ctx, ctx.text, _KINDS_BEYOND_THE_WORD)
    return kinds


_CONTRAST_NOT = re.compile(r"(?:\bbut|,|\band|\bor)\s+not\s+(?:\w+\s+){0,2}$", re.I)
_CONTRAST_BUT = re.compile(r"(?:\bbut|,)\s+(?:only\s+)?$", re.I)


def contrasted_kind(ctx: SentenceContext, tok: Token, kind: str, negated: bool) -> bool:
    """The kind named in contrast to the verb's polarity: "encrypted in transit but not at rest" (denied alone),
    "not encrypted at rest but in transit" (affirmed alone). "Not only in transit but also at rest" is none."""
    text = ctx.region_text(tok)
    found = ctx.lex.encryption[kind].search(text)
    if found is None:
        return False
    before = text[max(0, found.start() - 40) : found.start()]
    return bool((_CONTRAST_BUT if negated else _CONTRAST_NOT).search(before))


def _kept_encrypted(tok: Token) -> bool:
    """ "stored heavily encrypted", "we keep it in encrypted form": encryption of what is kept is at rest."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("oprd", "xcomp", "advcl", "acomp", "amod", "pobj", "prep", "advmod") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX") and cur.lemma_ in _KEEP_VERBS:
            return True
    return False


def conditions(ctx: SentenceContext, tok: Token, *, retention: bool = False) -> list[str]:
    region = ctx.region(tok)
    marks = ctx.lex.words("conditions", "marks")
    if retention:  # "deleted once the transaction is complete" is the period itself, not a condition
        marks = marks & {"unless", "except", "if"}
    out: list[str] = []
    holders = [tok]
    if _copula_of(tok) is not None:
        holders.append(tok.head)  # "if you forward it, the content will not be encrypted": the "if" is the copula's
    elif tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX"):
        holders.append(tok.head)  # "Letter Sealing provides end-to-end encryption ... when it is turned on"
    elif tok.dep_ == "amod" and tok.head.dep_ in ("dobj", "nsubj", "nsubjpass") and tok.head.head.pos_ in (
            "VERB", "AUX"):
        holders.append(tok.head.head)  # "if you make a call, we establish an encrypted connection for ..."
    for child in (c for holder in holders for c in holder.children):
        if child.dep_ in ("advcl",) and any(g.dep_ in ("mark", "advmod") and g.lower_ in marks and g.i < child.i
                                            for g in child.children):
            out.append(_span_text(child))
    for i in sorted(region):
        t = ctx.doc[i]
        if t.dep_ == "prep" and t.lower_ in ("except", "without", "upon", "pursuant", "unless") and not (
            retention and t.lower_ in ("without", "upon")
        ):
            out.append(_span_text(t))
        if t.dep_ == "prep" and t.lower_ == "in" and any(c.lower_ == "response" for c in t.children):
            out.append(_span_text(t))
    # "we do not disclose or sell your data without giving you notice": a condition after the last verb of a list
    # of verbs that share their object is every verb's (a prepositional or a clausal one)
    group = [v for v in _conj_group(tok) if v.pos_ in ("VERB", "AUX")] if tok.pos_ in ("VERB", "AUX") else []
    holder = min((v.i for v in group if v.i > tok.i and any(c.dep_ in ("dobj", "obj") for c in v.children)),
                 default=None)  # the list ends at the verb that holds the object ("..., is permitted" is no part)
    group = [v for v in group if holder is None or v.i <= holder]
    if len(group) > 1 and not any(c.dep_ in ("dobj", "obj") for c in tok.children):  # the object is shared
        last = max(v.i for v in group)
        for v in group:
            if v.i == tok.i:
                continue
            for child in v.children:
                if child.dep_ == "prep" and child.i > last and child.lower_ in ("except", "without", "unless"):
                    out.append(_span_text(child))
                elif child.dep_ == "advcl" and child.i > last and any(
                        g.dep_ == "mark" and g.lower_ in marks and g.i < child.i for g in child.children) and not any(
                        c.dep_ in ("aux", "auxpass", "neg", "nsubj", "nsubjpass") for c in v.children):
                    # "... provide, disclose or share it unless we have your consent"; not "stored on your watch and
                    # never uploaded unless you enable sync", a predicate of its own
                    out.append(_span_text(child))
    lead = ctx.lex.pattern("conditions", "leading_exception").match(ctx.text)
    if lead and tok.idx >= lead.end():  # "Except as described in this policy, we do not share ...": the parser
        out.append(lead.group(1))  # often makes "Except" the root, outside the claim's region
    when = ctx.lex.pattern("conditions", "leading_condition").match(ctx.text)
    if when and tok.idx >= when.end() and when.group(1).split()[0].lower() in marks and ";" not in ctx.text[
            when.end() : tok.idx] and not any(when.group(1).lower() in c.lower() for c in out):
        out.append(when.group(1))  # "When you ask us to, we end-to-end encrypt ...": the parser hung it on "end"
    case = ctx.lex.pattern("conditions", "leading_case").match(ctx.text)
    if case and tok.idx >= case.end():  # "In such a case, we transfer it to Japan": only in the case said before
        out.append(case.group(1))
    text = ctx.region_text(tok)
    for m in ctx.lex.conditions.finditer(text):
        phrase = m.group(0).strip()
        if not any(phrase.lower() in o.lower() or o.lower() in phrase.lower() for o in out):
            out.append(phrase)
    dedup: list[str] = []
    for c in out:
        c = re.sub(r"\s+([,.;:)])", r"\1", c).strip(" ,.;")
        if c and not any(c.lower() in d.lower() for d in dedup):
            dedup = [d for d in dedup if d.lower() not in c.lower()] + [c]
    return dedup




def _span_text(tok: Token) -> str:
    ids = sorted(t.i for t in tok.subtree)
    return tok.doc[ids[0] : ids[-1] + 1].text


# ---------------------------------------------------------------------- requirement checks


def user_subject(ctx: SentenceContext, tok: Token) -> bool:
    """The claim is about what the user (or a reader) does, not the organisation: "you can share"."""
    users = ctx.lex.words("user_subjects")
    if tok.pos_ == "VERB" and consented_to(ctx, conj_head(tok)) and conj_head(tok).dep_ == "xcomp":
        return False  # "you authorize us to transfer, store and use your data": "us" does it
    subject = active_subject(tok)  # "users are registered and can share photos": the list's subject
    if subject is not None and subject.lower_ in users and not _other_people(ctx, subject, tok):
        return True
    if subject is not None and subject.lemma_.lower() in ("person", "people", "individual") and any(
            c.dep_ == "relcl" for c in subject.children) and not classify_party(ctx.lex, tokens_text(subject.subtree)):
        return True  # "people who visit our site may share their data": visitors, as the reader is
    after = ctx.doc[tok.i + 1 : tok.i + 5]
    if any(t.lower_ == "my" for t in after) and (after[:1].text.lower() == "my" or any(
            t.lower_ in ("or", "and", "/") for t in after[:2])):
        return True  # "Do Not Sell (or Share) My Personal Information": the reader's voice (a link), never the notice's
    if tok.pos_ == "NOUN" and any(c.dep_ == "poss" and c.lower_ in ("your", "their") for c in tok.children) and (
            tok.lower_.endswith("ing")):
        return True  # "to facilitate your log ins and your sharing of content between these accounts"
    cur = tok
    described = False  # "because they are end-to-end encrypted": "they" is what the predicate describes
    for _ in range(6):
        if consented_to(ctx, cur):
            return False  # "you consent to the transfer of your data to the US": the organisation transfers
        pronouns = set() if described and cur.lemma_ == "be" else {"they", "he", "she"}
        for child in cur.children:
            if child.dep_ in ("nsubj", "expl") and child.lower_ in users | pronouns and not (
                    _other_people(ctx, child, tok)):
                return True
            if child.dep_ == "nsubjpass" and cur.lemma_.lower() in _BEING_SOMEWHERE and (
                    child.lower_ in users or _readers_device(ctx, child)):
                # "the fact that you are located in Sao Paulo", "that a particular computer is located in New York
                # City": where the reader (or their device) is, not the data
                return True
            if child.dep_ == "agent" and any(g.lower_ in users and not _other_people(ctx, g, tok)
                                             for g in child.children):
                return True
            if child.dep_ == "nsubj" and child.lower_ in ("who", "that") and cur.dep_ == "relcl" and (
                cur.head.lemma_.lower() not in ("we", "company")
            ):
                # "people who share ...": a person who is not a party; "technology that encrypts": a thing
                return cur.head.lower_ in users or (classify_party(ctx.lex, cur.head.text) is None
                                                    and cur.head.lemma_.lower() in PERSON_NOUNS)
        if _imperative(cur):
            return True
        if cur.dep_ in ("ccomp", "xcomp") and cur.head.lemma_.lower() in _LETTING and any(
                c.dep_ == "nsubj" and c.lower_ in users for c in cur.head.children) and not any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("we", "us") for c in cur.children):
            return True  # "neither should you let anyone else access your account": the reader lets them
        if cur.dep_ == "xcomp" and any(c.dep_ == "dobj" and c.lower_ in users for c in cur.head.children):
            return True  # "asks your browser to keep ..."
        if cur.lemma_ in ("opt", "object", "unsubscribe"):
            return True  # "the right to opt out of the sale of ...": the user's right, not a practice
        if cur.dep_ == "ccomp" and cur.head.lemma_ in _BELIEF_VERBS and any(
                c.dep_ == "nsubj" and c.lower_ in users for c in cur.head.children):
            return True  # "if you believe your information has been released without consent"
        if any(_objectless_belief(c, users) for c in cur.children if c.dep_ == "advcl" and c.i < cur.i):
            return True  # the same, with the belief parsed as a clause hanging on what is believed
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in cur.children):
            return False
        if cur.head.i == cur.i and cur.lower_ == "by" and ":" in ctx.doc[: cur.i].text and any(
                t.dep_ == "ROOT" and t.i < cur.i and _imperative(t) for t in ctx.doc):
            return True  # "please contact us: 1. by sending an email to ...": a list of the reader's ways
        if cur.head.i == cur.i or cur.dep_ in ("relcl",):
            return False
        described = cur.i == tok.i and cur.dep_ in ("acomp", "attr") and cur.tag_ in ("VBN", "JJ")
        cur = cur.head
    return False


def others_receive(ctx: SentenceContext, tok: Token) -> bool:
    """ "you may choose not to receive communications from us", "no one under 21 may receive our emails": what the
    reader receives from the organisation, never data the organisation collects; "so that no one else will receive
    your data": nobody in particular."""
    if tok.lemma_ not in ("receive", "get"):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in ("one", "nobody", "anyone", "anybody", "someone", "everyone", "else")
           for c in tok.children):
        return True
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
    preps = [c for c in (*tok.children, *(obj.children if obj is not None else ())) if c.dep_ == "prep"
             and c.lower_ == "from"]
    if any(g.dep_ == "pobj" and g.lower_ == "us" for p in preps for g in p.children):
        return True
    return obj is not None and obj.lemma_.lower() in ctx.lex.words("reader_message_nouns") and any(
        c.dep_ == "poss" and c.lower_ == "our" for c in obj.children)


def _readers_device(ctx: SentenceContext, noun: Token) -> bool:
    return noun.lemma_.lower() in ctx.lex.words("reader_devices") and any(
        g.dep_ in ("det", "poss") and g.lower_ in ("a", "an", "your", "their") for g in noun.children)
_BEING_SOMEWHERE = {"locate", "base", "situate", "reside", "domicile", "station"}


def _other_people(ctx: SentenceContext, people: Token, tok: Token) -> bool:
    """ "other users may view your profile", "read by fellow members": people the data reaches, not the reader.
    Only as the ones who see, read or collect it: "other users may share your posts" is their act, as the
    reader's would be, not the organisation's."""
    return tok.lemma_.lower() in ctx.lex.words("made_public", "reaching") and any(
        c.dep_ in ("amod", "det") and c.lower_ in ("other", "fellow") for c in people.children)


def consented_to(ctx: SentenceContext, tok: Token) -> bool:
    """ "You consent to the transfer of your data to ...", "you agree to our processing data in ...": what the
    reader agrees to is the organisation's practice, named by a noun or gerund after "to"."""
    if tok.dep_ == "xcomp" and tok.pos_ == "VERB" and _organisation_let(ctx, tok.head):
        return True  # "you authorize us to transfer your data to the US", "you consent to us transferring ..."
    if tok.dep_ not in ("pobj", "pcomp") or tok.head.lower_ != "to":
        return False
    verb = tok.head.head
    return verb.lemma_.lower() in ctx.lex.words("consent_verbs") and tok.pos_ in ("NOUN", "VERB")


def _organisation_let(ctx: SentenceContext, verb: Token) -> bool:
    """The reader (the subject) consents to, or authorizes, "us": the organisation does what follows."""
    users = ctx.lex.words("user_subjects")
    if not any(c.dep_ == "nsubj" and c.lower_ in users for c in verb.children):
        return False
    lemma = verb.lemma_.lower()
    if lemma in _LETTING - {"ask", "require", "instruct"}:
        return any(c.dep_ == "dobj" and c.lower_ == "us" for c in verb.children)
    return lemma in ctx.lex.words("consent_verbs") and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "us" for g in c.children) for c in verb.children)


def device_lifetime(ctx: SentenceContext, tok: Token, on_device: bool) -> bool:
    """ "persistent cookies stay on your computer for up to 20 years": how long a cookie lives on the reader's
    device, not how long the organisation's stores keep data (what a manifest declares). The cookie is what is
    kept, by no one but itself or another party, or on the reader's device. "We keep cookie data for 13
    months" is a store's retention: the data is the organisation's."""
    nouns = ctx.lex.words("check_words", "device_lifetime_nouns")
    kept = [data_head(ctx, tok), *(c for c in tok.children if c.dep_ in SUBJ)]
    if tok.dep_ in ("relcl", "acl"):
        kept.append(tok.head)
    if not any(k is not None and _resolve_relative(k).lower_ in nouns for k in kept):  # lemma: "cooky"
        return False
    if on_device:
        return True
    subj = active_subject(tok)
    if subj is None:
        return True
    return subj.lower_ not in ("we", "us", "i") and classify_party(ctx.lex, subj.text) != "self"


def quoted_label(ctx: SentenceContext, tok: Token) -> bool:
    """ "a plug-in such as “Send by LINE”", "the 'Do Not Sell My Info' link": a short quoted name, not a claim."""
    doc = ctx.doc
    opening = next((doc[j] for j in range(tok.i - 1, max(-1, tok.i - 8), -1) if doc[j].text in _QUOTES), None)
    if opening is None or opening.text in _CLOSING:
        return False
    closing = next((j for j in range(tok.i + 1, min(len(doc), opening.i + 10)) if doc[j].text in _QUOTES), None)
    return closing is not None and closing - opening.i > 3  # a label of several words; "“sells”" is a claim


_QUOTES = {"“", "”", '"', "«", "»", "„", "‘", "’"}
_CLOSING = {"”", "»"}


def others_act(ctx: SentenceContext, tok: Token) -> bool:
    """ "recipients may save or share your messages", "can be copied or stored by the recipient" or by parties
    "not controlled by us": what other people may do, not what the organisation does."""
    people = ctx.lex.words("other_people")
    head = conj_head(tok)
    if any(c.dep_ == "nsubj" and c.lower_ in people for v in {tok, head} for c in v.children):
        return True
    # "copied, stored or spread by the recipient": the agent of the last verb of a passive list is everyone's
    verbs = [v for v in _conj_group(tok) if v.i == tok.i or not any(c.dep_ in SUBJ for c in v.children)]
    if any(c.dep_ == "agent" and any(g.dep_ == "pobj" and g.lower_ in people for g in c.children)
           for v in verbs for c in v.children):
        return True
    # "stored by other users or third parties who are not affiliated with and not controlled by us": a party
    # the sentence disowns (the parser often loses the "by", so any such party of the claim counts)
    unrelated = ctx.lex.pattern("unrelated_parties")
    if not unrelated.search(ctx.text):  # cheap first: almost no sentence disowns anyone
        return False
    where = set(ctx.region(tok))
    dangling = next((c for c in tok.children if c.lower_ == "by" and not any(c.children)), None)
    if dangling is not None:  # "stored by, or remain public through, other users or ...": the agent comes later
        where.update(range(dangling.i + 1, len(ctx.doc)))
    for i in sorted(where):
        t = ctx.doc[i]
        if t.dep_ in ("pobj", "dative") and t.head.lower_ in ("with", "to") or t.dep_ in OBJ:
            continue  # "share with independent third parties": the recipient, not the actor
        if t.pos_ not in ("NOUN", "PROPN") or classify_party(ctx.lex, _noun_text(t)) in (None, "self"):
            continue
        # "users or third parties who are not affiliated": the clause may hang on the first of the list
        owners = [t, t.head] if t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN") else [t]
        if any(c.dep_ in ("relcl", "acl", "amod") and unrelated.search(" ".join(x.text for x in c.subtree))
               for o in owners for c in o.children):
            return True
    return False


def disclaimed(ctx: SentenceContext, tok: Token) -> bool:
    """ "we cannot guarantee that your data will be safe ... while stored in our systems": a disclaimer about a
    risk; the storage it mentions in passing is not a claim."""
    cur = tok
    for _ in range(5):
        if cur.head.i == cur.i:
            return False
        came_by, cur = cur.dep_, cur.head
        if came_by in ("ccomp", "advcl", "xcomp", "conj") and cur.lemma_ in _GUARANTEE_VERBS and any(
                c.dep_ == "neg" for c in cur.children):
            return True
        if came_by == "pobj" and cur.lower_ == "for" and cur.head.lemma_ in _LIABLE_WORDS:
            return True  # "we are not responsible for the collection, use, or disclosure of information ..."
    return False


def nothing_guaranteed(ctx: SentenceContext, tok: Token) -> bool:
    """ "No security or encryption method can be completely guaranteed ...": no method is promised, which denies
    nothing ("we will do our best to protect it, for example by encryption, but cannot guarantee ..." still
    says it is encrypted)."""
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        came_by, cur = cur.dep_, cur.head
        if came_by in ("nsubj", "nsubjpass") and cur.lemma_ in _GUARANTEE_VERBS:
            subject = next(c for c in cur.children if c.dep_ == came_by)
            return any(g.dep_ == "det" and g.lower_ == "no" for g in subject.children)
    return False


_LIABLE_WORDS = {"responsible", "liable", "accountable", "responsibility", "liability"}


_GUARANTEE_VERBS = {"guarantee", "ensure", "warrant", "promise", "assure", "represent"}


def upkeep(ctx: SentenceContext, tok: Token) -> bool:
    """ "we maintain these technical measures", "accounts are kept safe and secure": keeping something up or
    safe, not keeping data somewhere (unless the sentence says where)."""
    if any(ctx.place_owner(m) == tok.i for m in ctx.mentions):
        return False
    if any(c.dep_ in ("acomp", "oprd", "xcomp") and c.lemma_ in _SAFE_STATES for c in tok.children):
        return True
    _, head = data_phrase(ctx, tok, set())
    return head is not None and head.lemma_.lower() in _SAFEGUARDS


_SAFE_STATES = {"safe", "secure", "confidential", "private", "accurate", "current", "updated", "protected", "intact"}
_SAFEGUARDS = {"measure", "safeguard", "control", "procedure", "standard", "practice", "program", "programme",
               "security", "certification", "policy", "process", "system", "plan"}


def concession(ctx: SentenceContext, tok: Token) -> bool:
    """ "can read your e-mails, even if they are encrypted": a case granted for the argument, not a claim."""
    clause = tok
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    clause = conj_head(clause)
    if clause.dep_ != "advcl":
        return False
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("if", "though", "when") and c.i < clause.i]
    return any(m.i > 0 and m.doc[m.i - 1].lower_ == "even" for m in marks)


def _copula_of(tok: Token) -> Token | None:
    """The "be" a predicate hangs on ("the content will not be end-to-end encrypted"): the clause's head, which
    carries its subordinator and conditions."""
    return tok.head if tok.dep_ in ("acomp", "attr", "oprd") and tok.head.lemma_ == "be" else None


def event_clause(ctx: SentenceContext, tok: Token) -> bool:
    """ "kept until you ask or your account is deleted": the deletion is the event another claim waits for,
    not a claim of its own."""
    head = conj_head(tok)
    head = _copula_of(head) or head  # "when an email is end-to-end encrypted, ...": the copula heads the clause
    return head.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in _EVENT_MARKS
                                        for c in head.children if c.i < head.i)


_EVENT_MARKS = {"until", "till", "when", "once", "after", "upon", "whenever"}


def keeping_purpose(ctx: SentenceContext, tok: Token) -> bool:
    """ "We keep your information to respond to legal requests": why data is kept, not a disclosure."""
    head = conj_head(tok)
    keep = head.head
    return head.dep_ in ("xcomp", "advcl") and keep.lemma_ in _KEEP_VERBS and any(
        c.dep_ in ("dobj", "nsubjpass") and looks_like_data(ctx.lex, _span_text(c)) for c in keep.children)


_KEEP_VERBS = {"keep", "retain", "preserve", "store", "hold", "maintain", "save", "archive"}


def _objectless_belief(verb: Token, users: frozenset[str]) -> bool:
    return verb.lemma_ in _BELIEF_VERBS and any(c.dep_ == "nsubj" and c.lower_ in users for c in verb.children) \
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)


_BELIEF_VERBS = {"believe", "think", "feel", "suspect", "fear", "worry", "notice", "discover", "learn"}


PERSON_NOUNS = {"person", "people", "individual", "anyone", "someone", "somebody", "anybody", "everyone",
                 "parent", "child", "friend", "user", "visitor", "customer", "member", "participant", "player",
                 "subscriber", "reader", "viewer", "student", "patient", "employee", "applicant", "candidate"}


def _imperative(tok: Token) -> bool:
    """"Please do not store your password on shared computers": an instruction to the reader."""
    if tok.lower_ == "please" or any(c.lower_ == "please" for c in tok.children):
        return True
    if tok.dep_ != "ROOT" or tok.tag_ != "VB":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("to", "will", "shall", "may", "can", "must", "would", "should")
           for c in tok.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("do", "don't") for c in tok.children) and any(
            c.dep_ == "neg" for c in tok.children):
        return True  # "If you are under 13, do not provide personal information to ..."
    first = tok.doc[0]
    return first.i == tok.i or first.lower_ in ("please", "do", "don't", "never", "always", "remember", "make")


_WH = {"where", "how", "whether", "what", "which", "why", "who", "whom"}


def _how_long(tok: Token) -> bool:
    """ "how long we store information": the question word hangs on "long"."""
    return tok.lower_ in ("long", "much", "often", "far") and any(g.lower_ == "how" and g.i < tok.i
                                                                 for g in tok.children)


def wh_clause(ctx: SentenceContext, tok: Token) -> bool:
    """"This section describes where data is stored": a topic, not a claim."""
    if tok.dep_ == "relcl" and any(c.dep_ == "det" and c.lower_ in _WH for c in tok.head.children):
        return True  # "explains what information we collect"
    if tok.dep_ == "relcl" and tok.head.dep_ == "dobj" and tok.head.head.lemma_ in _TELLING:
        return True  # "This policy describes the personal information we collect"
    if tok.dep_ == "dobj" and tok.head.dep_ in ("ccomp", "xcomp", "pcomp") and any(
            c.dep_ == "nsubj" and (any(g.dep_ == "det" and g.lower_ in _WH for g in c.children)
                                   or (c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].lower_ in _WH))
            for c in tok.head.children):
        return True  # "you can control which third parties have access to your information"
    if tok.dep_ in ("ccomp", "xcomp", "pcomp") and any(
        c.dep_ in ("dobj", "nsubjpass") and c.i < tok.i and any(g.dep_ == "det" and g.lower_ in _WH for g in c.children)
        for c in tok.children
    ):
        return True
    if conj_head(tok).dep_ == "relcl":
        return False  # "countries ..., where it may be stored and processed": a relative clause, a claim
    cur = tok
    for _ in range(4):
        kids = list(cur.children)
        if cur.dep_ in ("ccomp", "pcomp", "xcomp", "csubj", "dobj", "conj") and any(
            (c.lower_ in _WH or _how_long(c))
            and c.dep_ in ("advmod", "mark", "dobj", "nsubj", "nsubjpass", "det", "pobj", "attr")
            and c.i < cur.i for c in kids
        ):
            return True
        if cur.dep_ in ("ccomp", "pcomp", "xcomp", "csubj", "conj") and any(
            c.dep_ == "prep" and c.i < cur.i and any(_wh_phrase(g) for g in c.children if g.dep_ == "pobj")
            for c in kids
        ):
            return True  # "... and under what circumstances we may disclose it"
        if cur.dep_ == "xcomp" and any(c.lower_ in _WH for c in cur.head.children if c.i < cur.i):
            return True
        if cur.dep_ in ("ROOT",) or cur.head.i == cur.i:
            break
        if cur.dep_ not in ("conj", "xcomp", "ccomp", "pcomp", "advcl", "prep", "pobj", "dobj", "acl"):
            break
        cur = cur.head
    return False


def _wh_phrase(tok: Token) -> bool:
    return tok.lower_ in _WH or any(d.dep_ == "det" and d.lower_ in _WH for d in tok.children)


def reader_recipient(ctx: SentenceContext, tok: Token) -> bool:
    """"provide you with", "share information with you", "send your friend an email": the reader (or
    someone the reader names) is the only recipient, so no data leaves for a party we could check."""
    readers = ctx.lex.words("reader_recipients")
    messages = ctx.lex.words("message_nouns")
    kids = list(tok.children)
    if any(c.dep_ in ("dative", "dobj") and c.lower_ in readers for c in kids):
        return True  # "provide you with content and advertising": what is provided is not the reader's data
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and any(
            c.dep_ == "dative" and c.lower_ in readers for c in tok.head.children):
        return True  # "we give you access to your account from anywhere": the noun is what the reader gets
    if any(c.dep_ == "dative" for c in kids) and any(c.dep_ == "dobj" and c.lemma_.lower() in messages for c in kids):
        return True  # "send your friend a one-time email"
    if _delivers_messages(ctx, kids, messages):
        return True  # "route invitations, messages, or emails to recipients": delivery, not a disclosure
    # "share information with you about our products"; the parser may hang "with you" on the object
    preps = [c for c in kids if c.dep_ in ("dative", "prep") and c.lower_ in ("to", "with")]
    if not preps:
        preps = [c for o in kids if o.dep_ == "dobj" for c in o.children if c.dep_ == "prep" and c.lower_ == "with"]
    return any(
        not any(g.dep_ == "conj" for g in child.children) and any(
            g.dep_ == "pobj" and g.lower_ in readers and not any(d.dep_ == "conj" for d in g.children)
            for g in child.children)
        for child in preps
    )


def _delivers_messages(ctx: SentenceContext, kids: list[Token], messages: frozenset[str]) -> bool:
    """The object is only messages and the recipients are the people they are addressed to."""
    objects = [c for c in kids if c.dep_ == "dobj"]
    if not objects:
        return False
    members = [m for o in objects for m in _conj_group(o) if len(m.text) > 1]  # "e-mails" is e / - / mails
    if not all(m.lemma_.lower().removesuffix("s") in messages or m.lemma_.lower() in messages for m in members):
        return False
    people = ctx.lex.words("other_people")
    return any(c.dep_ in ("prep", "dative") and c.lower_ == "to" and any(
        g.dep_ == "pobj" and g.lower_ in people for g in c.children) for c in kids)


def unauthorized(ctx: SentenceContext, tok: Token) -> bool:
    """"protect against unauthorized access, disclosure or destruction", "inadvertent disclosures": a risk
    the notice guards against, not a practice it declares."""
    words = ctx.lex.words("unauthorized_words")
    clause = tok.head if tok.pos_ == "NOUN" and tok.head.pos_ in ("VERB", "AUX") else tok  # "intruders ... get access"
    if any(ctx.doc[i].lemma_.lower() in ctx.lex.words("intruder_nouns") for i in ctx.region(clause)):
        return True  # "so that local engineers or physical intruders cannot get access": a threat kept out
    group = _conj_group(tok)
    for member in group:
        if any(c.dep_ in ("amod", "advmod", "compound") and c.lower_ in words for c in member.children):
            return True
        if any((c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in ("to", "with")))
               and any(g.dep_ == "pobj" and any(m.dep_ == "amod" and m.lower_ in words for m in g.children)
                       for g in c.children)
               for c in member.children):
            return True  # "accessed by unintended recipients", "not released to unauthorized persons"
        if member.lemma_ in _ATTACK_VERBS:
            return True  # "may be viewed or tampered with in transit by a third party"
    cur = group[0]
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        head = cur.head
        if cur.dep_ == "pobj" and head.lower_ == "against":
            return True
        if cur.dep_ == "dobj" and head.lemma_ in ("prevent", "avoid", "stop", "block", "guard"):
            return True
        if cur.dep_ not in ("pobj", "prep", "conj"):
            break
        cur = head
    anc = tok
    for _ in range(4):
        if anc.head.i == anc.i:
            break
        anc = anc.head
        if anc.lemma_ in ("ensure", "assure", "guarantee", "warrant", "promise") and any(
                c.dep_ == "neg" or c.lower_ in ("cannot", "can't") for c in anc.children):
            return True  # "we cannot ensure that information will never be disclosed ..."
        if anc.lemma_ in ("risk", "danger", "possibility") and anc.pos_ == "NOUN":
            return True  # "you assume the risk that what you post may be viewed by third parties"
    return False


_ATTACK_VERBS = {"tamper", "intercept", "hack", "steal", "breach", "compromise", "eavesdrop"}


_FRAME_NOUNS = {"way", "ways", "manner", "circumstance", "circumstances", "extent", "condition", "conditions"}
_DOCUMENT_NOUNS = {"policy", "statement", "notice", "section", "document", "page", "rule", "rules", "terms",
                   "agreement", "law", "code", "act", "regulation", "statute", "legislation", "this"}


_NOTICE_EXPLAINS = re.compile(
    r"^\W*(this|our|the)\s+(\w+\s+){0,2}(notice|policy|statement|document)\s+(explains|describes|sets out|"
    r"tells you|outlines|covers|details|informs you( about)?)\s+(how|what|when|why|the ways)\b", re.IGNORECASE)


def policy_scope(ctx: SentenceContext, tok: Token) -> bool:
    """The trigger is under what the notice says of itself: "This Privacy Notice explains how Acme (...) collects,
    uses, and shares ...", "The privacy policy describes ... when we might disclose", "This Policy applies to all
    Personal Data that we collect"."""
    opening = _NOTICE_EXPLAINS.match(ctx.text)
    if opening and tok.idx >= opening.end():
        return True  # whatever the parser makes of a long name in between ("PBC d.b.a. Acme")
    anc = tok
    for _ in range(8):
        if anc.head.i == anc.i:
            break
        anc = anc.head
        if anc.lemma_ in _DESCRIBING and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in _DOCUMENT_SUBJECTS for c in anc.children):
            return True
        if anc.lemma_ == "apply" and any(c.dep_ == "nsubj" and c.lemma_.lower() in _DOCUMENT_SUBJECTS
                                         for c in (conj_head(anc).children)):
            return True  # "This policy applies only to ... and not to information disclosed by X through other means"
    return False


def meta_frame(ctx: SentenceContext, tok: Token) -> bool:
    """"the ways we use and share information", "under what circumstances we may disclose it", "The
    following statement discloses ...": the notice talking about its own topics, not a practice."""
    if policy_scope(ctx, tok):
        return True
    subj = active_subject(tok)
    transitive = any(c.dep_ == "dobj" for c in tok.children)
    if subj is not None and transitive and (subj.pos_ == "NOUN" or subj.lower_ in ("information", "data")) and (
        subj.lemma_.lower() in _DOCUMENT_NOUNS or (looks_like_data(ctx.lex, subj.text)
                                                   and classify_party(ctx.lex, subj.text) is None
                                                   and not _product_name(ctx, subj))
    ):
        return True  # "The following statement discloses", "an IP address which may disclose ..."
    if tok.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
        return True  # "We use information as disclosed and described here"
    if scoped_frame(ctx, tok):
        return True
    cur = conj_head(tok)
    if cur.i != tok.i and cur.pos_ == "NOUN" and cur.lemma_.lower() in _FRAME_NOUNS:
        return True  # a parse that hangs "share" on "ways": "the ways in which we collect, use and share"
    for _ in range(5):
        if cur.dep_ == "relcl" and cur.head.lemma_.lower() in _FRAME_NOUNS:
            return True
        if cur.dep_ != "relcl" and any(
                c.dep_ == "prep" and c.i < cur.i and any(
                    g.dep_ == "pobj" and (g.lower_ in _WH or any(d.dep_ == "det" and d.lower_ in _WH
                                                                 for d in g.children))
                    for g in c.children)
                for c in cur.children):
            return True  # "with whom we may share it"
        if cur.dep_ in ("ccomp", "advcl") and cur.head.lemma_ in _TELLING and any(
                c.lower_ in ("when", "whether") for c in cur.children if c.i < cur.i):
            return True  # "describes ... when we might disclose"
        if cur.dep_ not in ("conj", "xcomp", "ccomp", "relcl", "advcl", "pcomp", "pobj", "prep", "dobj", "acl"):
            break
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False


def scoped_frame(ctx: SentenceContext, tok: Token) -> bool:
    """The practice is what a word, a rule or a law is about, not something the organisation does or denies."""
    lead = conj_head(tok)
    if lead.dep_ in ("xcomp", "dobj", "ccomp") and lead.head.lemma_ in ctx.lex.words("scoping_verbs") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in lead.children) and any(  # not "this means that we share"
            c.dep_ == "neg" for c in lead.head.children) and any(  # "this may include sharing ...": a claim
            c.dep_ == "nsubj" and c.lower_ in ("this", "that", "it", "which", "term", "word")
            for c in lead.head.children):
        return True  # "this does not include selling ... in violation of our commitments": what a word covers
    if tok.pos_ == "NOUN" and any(c.dep_ == "neg" for c in tok.children) and any(
            c.dep_ == "det" and c.lower_ == "all" for c in tok.children):
        return True  # "not all information sharing is covered by ...": some sharing, said of a rule
    return lead.dep_ == "dobj" and any(c.dep_ == "nsubj" and c.lemma_.lower() in ctx.lex.words("rule_subjects")
                                       for c in lead.head.children)  # "the Directive restricts the transfer of"


def _product_name(ctx: SentenceContext, subj: Token) -> bool:
    """ "Example Talk does not share your messages": a capitalised name that only the taxonomy reads as data
    ("talk"), not a defined term built on a data word ("Personal Information that does not reveal ...")."""
    return subj.i > 0 and subj.text[:1].isupper() and not ctx.lex.data_words.search(subj.text)


_WISH_VERBS = {"request", "ask", "prefer", "want", "wish", "instruct", "direct", "choose", "elect", "opt", "object"}
_LAW_SUBJECTS = {"law", "laws", "code", "act", "regulation", "regulations", "statute", "legislation", "business",
                 "businesses"}


def rights_frame(ctx: SentenceContext, tok: Token) -> bool:
    """"the right to request a list of the third parties to whom we have disclosed ...", "the law requires
    businesses to disclose ...": a reader's right or a law, not what this organisation declares it does
    ("we reserve the right to disclose" is a declaration and stays)."""
    for obj in list(tok.children) + list(conj_head(tok).children):
        if obj.dep_ == "dobj" and obj.lemma_.lower() in ("list", "names", "categories") and any(
                c.dep_ == "prep" and c.lower_ == "of"
                and any(classify_party(ctx.lex, _noun_text(g)) for g in c.children)
                for c in obj.children):
            return True  # "we are not required to disclose a list of the third parties ..."
    before = ctx.text[: tok.idx]
    if _RIGHTS_LIST.search(before) and not _OUR_RIGHT.search(before):
        return True  # "residents may have a right to: Access ...; Opt out of the sale of ...": a list of rights
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i:
            return False
        came_by = cur.dep_
        cur = cur.head
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in ("list", "names", "categories") and cur.head.lemma_ in (
                "request", "obtain", "ask", "give", "provide", "receive", "include", "send"):
            return True  # "request a list of the third parties to whom we have disclosed ..."
        if cur.lemma_ in ("have", "exercise") and any(c.dep_ == "dobj" and c.lemma_.lower() in ("right", "rights")
                                                      and not _reserved(c) for c in cur.children) and any(
                c.dep_ == "nsubj" and c.lower_ in ctx.lex.words("user_subjects") for c in cur.children):
            return True  # "you have the right, ..., to request that a company delete ...", however it is parsed
        if cur.pos_ == "NOUN" and cur.lemma_.lower() == "right":
            ours = cur.head.lemma_ == "reserve" or any(c.dep_ == "poss" and c.lower_ in ("our", "its")
                                                        for c in cur.children) or _reserved(cur)
            if not ours:
                return True
        if cur.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _LAW_SUBJECTS
                and classify_party(ctx.lex, _noun_text(c)) is None for c in cur.children):
            return True  # "California law requires ...", "such businesses may have a policy ..." ("other
            # businesses may have access" is a party)
        if cur.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "nsubj" and c.lemma_.lower() == "right" and not _reserved(c) for c in cur.children):
            return True  # "The right to know includes ... the third parties to whom we share"
        if came_by != "conj" and cur.lemma_ in ("request", "ask") and any(
                c.dep_ == "nsubj" and c.lower_ in ctx.lex.words("user_subjects") for c in cur.children) and any(
                c.dep_ == "aux" and c.lower_ in ("may", "can", "could") for c in cur.children):
            return True  # "you may request that we erase the data we collected where ...": a right
    return False


def _reserved(right: Token) -> bool:
    """ "reserves the right", "our right", also when the parser reads "reserves" as a noun."""
    return bool(_OUR_RIGHT.search(right.doc[max(0, right.i - 3) : right.i + 1].text))


_RIGHTS_LIST = re.compile(r"\brights?\b[^.;:]{0,40}:", re.I)
_OUR_RIGHT = re.compile(r"\b(reserves?|our|its) (the )?rights?\b", re.I)


def wish_verb(ctx: SentenceContext, tok: Token) -> Token | None:
    """"If you prefer that we do not share your information ...", "to request that we not share ...": the verb
    of the reader's wish, which tells us the organisation may share (the negation is the reader's, not ours)."""
    users = ctx.lex.words("user_subjects")
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i or cur.dep_ not in ("ccomp", "xcomp", "conj", "advcl"):
            return None
        cur = cur.head
        if cur.lemma_.lower() in _WISH_VERBS:
            subjects = [c for c in cur.children if c.dep_ == "nsubj"]
            inner = active_subject(tok)
            if inner is not None and inner.lower_ not in ("we", "us") and inner.pos_ in ("NOUN", "PROPN"):
                return None  # "request that companies stop selling your data": the law's wish, not ours
            return cur if not subjects or any(c.lower_ in users for c in subjects) else None
    return None


_ENGAGED_KINDS = {"processor", "third_party", "advertiser", "affiliate"}


# verbs whose object is another company even when only its name says who it is ("partner with", "hire")
_NAMED_ENGAGED = {"partner", "work", "contract", "engage", "hire", "retain", "commission", "appoint"}


def engaged_parties(ctx: SentenceContext, tok: Token) -> list[PartyMention]:
    """"We use service providers to process payments", "we contract with other companies who ...": parties the
    organisation engages to do something for it, and so gives data to. The party must be the object of the
    verb (or of its with/on) and come with what it does: a to-clause, or a relative clause on the party."""
    found: list[PartyMention] = []
    objects = [c for c in tok.children if c.dep_ == "dobj"]
    objects += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "on")
                for g in c.children if g.dep_ == "pobj"]
    clauses = [c for c in tok.children if c.dep_ in ("xcomp", "advcl", "ccomp") and _to_infinitive(c)]
    purpose = bool(clauses)
    # "we employ other companies to perform ...", parsed with the companies as the clause's subject
    objects += [g for c in clauses if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
    # "we use Stripe as our payment processor": the "as" phrase says what kind of party the name is
    role = next((classify_party(ctx.lex, _noun_text(g)) for c in tok.children if c.dep_ == "prep" and c.lower_ == "as"
                 for g in c.children if g.dep_ == "pobj"), None)
    role = role if role in _ENGAGED_KINDS else None
    # "we use Amazon Web Services to host our servers": a name given work a provider does is a provider
    tasks = ctx.lex.words("check_words", "provider_tasks")
    tasked = any(c.lemma_.lower() in tasks for c in clauses)
    for obj in objects:
        behind = _through_quantity(obj)
        # "we use the services of SendGrid to send e-mails": whoever renders services is another company
        serving = behind is not obj and obj.lemma_.lower() in ("service", "services", "help", "assistance")
        chain = _conj_chain(behind)
        # a name on its own, or two or three joined by "and": not a list of address lines or of features
        short = obj.dep_ == "dobj" and len(chain) <= 3
        for member in chain:
            text = _noun_text(member)
            kind = classify_party(ctx.lex, text)
            if looks_like_data(ctx.lex, text):
                continue  # "use employee data to train models": data, not a party
            plain = short and not any(ch.isdigit() for ch in text)
            if kind is None and role is not None and member.pos_ == "PROPN" and plain:
                name = proper_name(ctx, _phrase_ids(member))
                if name:
                    found.append(PartyMention(text=text, kind=role, name=name, denied=False, head=member.i))
                continue
            described = purpose or any(c.dep_ in ("relcl", "acl") for c in member.children)
            if kind is None and described and member.pos_ == "PROPN" and (
                    tok.lemma_.lower() in _NAMED_ENGAGED or serving or (tasked and plain)):
                # "we partner with ValueClick to serve ads": whoever the organisation partners with is another
                # company, named here by its name alone
                name = proper_name(ctx, _phrase_ids(member))
                if name and not (tasked and _technology_name(ctx, name)):
                    found.append(PartyMention(text=text, kind="unspecified", name=name, denied=False, head=member.i))
                continue
            if kind in _ENGAGED_KINDS and described:
                found.append(PartyMention(text=text, kind=kind, name=proper_name(ctx, _phrase_ids(member)),
                                          denied=False, head=member.i))
        found += _tracker_owners(ctx, tok, obj)
    return found


def _technology_name(ctx: SentenceContext, name: str) -> bool:
    """"Flash Local Storage Objects", "Cookies": a capitalised name of a technology, not of a company."""
    return any(w.lower() in ctx.lex.words("tracker_technologies") for w in re.findall(r"\w+", name)) or bool(
        ctx.lex.pattern("tracker_words").search(name))


def _tracker_owners(ctx: SentenceContext, tok: Token, obj: Token) -> list[PartyMention]:
    """"We use the Facebook pixel", "Google Analytics cookies", "cookies from Google": a named company's tracker
    on our pages sends it what it reads."""
    if tok.lemma_.lower() not in ctx.lex.words("tracker_uses") or obj.dep_ != "dobj" or not ctx.lex.pattern(
            "tracker_words").search(obj.text):
        return []
    owners = [c for c in obj.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"]
    owners += [g for c in obj.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
               for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    found = []
    for owner in owners:
        for member in _conj_chain(owner):
            name = proper_name(ctx, _phrase_ids(member))
            if name and _technology_name(ctx, name):
                continue  # "Flash cookies", "session ID cookies", "Cookies, web beacons": a kind of tracker
            if name and classify_party(ctx.lex, name) in (None, "third_party", "advertiser"):
                found.append(PartyMention(text=name, kind="third_party", name=name, denied=False, head=member.i))
    return found


def modifier(ctx: SentenceContext, tok: Token) -> bool:
    """"shared computers", "stored data": a participle used as an adjective asserts nothing."""
    return tok.dep_ in ("amod", "compound")


def reduced_relative(ctx: SentenceContext, tok: Token) -> bool:
    """"information collected through our website": a description of data, not a claim about it."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN"


def data_reduced_relative(ctx: SentenceContext, tok: Token) -> bool:
    """"Personal data held by X will not be ...": the participle describes the data; "servers located in
    Japan" is different: there the noun is a place."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and looks_like_data(ctx.lex, tok.head.text) and (
        tok.head.lemma_.lower() not in LOCATIVE_HEADS
    )


def definition(ctx: SentenceContext, tok: Token) -> bool:
    """"Encryption is the process of ...", "End-to-end encryption means ...": a definition."""
    head = tok
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i != head.i:
        head = head.head
    if head.dep_ not in ("nsubj",):
        return False
    verb = head.head
    return verb.lemma_ in ("mean", "refer", "describe", "involve", "include") or (
        verb.lemma_ == "be" and any(c.dep_ == "attr" for c in verb.children)
    )


def business_of(tok: Token) -> Token | None:
    """The "be" of "we are (not) in the business of selling data": what the organisation does, not a topic."""
    of = tok.head
    business = of.head
    if tok.dep_ != "pcomp" or of.lower_ != "of" or business.lemma_.lower() != "business" or business.dep_ != "pobj":
        return None
    holder = business.head.head
    return holder if business.head.lower_ == "in" and holder.lemma_ == "be" else None


def topic_mention(ctx: SentenceContext, tok: Token) -> bool:
    """"Information about encrypting your backups", "from collecting and saving it": a topic."""
    if tok.dep_ in ("pcomp", "pobj") and tok.tag_ == "VBG" and tok.head.lower_ in (
        "about", "regarding", "concerning", "on", "from", "to", "for", "of", "before", "after", "without", "like",
        "as", "including"
    ):
        return business_of(tok) is None  # but "we are not in the business of selling your data" is a claim
    if tok.pos_ == "NOUN":
        first = conj_head(tok)
        prep = first.head
        if first.dep_ == "pobj" and prep.lower_ in ("regarding", "about", "concerning", "over", "on") and (
                prep.head.lemma_.lower() in _TOPIC_HOLDERS or ctx.doc[prep.i - 1].lemma_.lower() in _TOPIC_HOLDERS):
            # "choices regarding the collection, use and sharing of your information" ("provide you with control
            # regarding ...": the preposition hung on the verb)
            return True
        if first.dep_ == "dobj" and first.head.lemma_.lower() in ("influence", "control"):
            return True  # "we can neither influence the data collection nor ...": what we do not control
        if first.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lemma_.lower() in ("extent", "scope", "nature"):
            return True  # "information on the full extent of data collection"
        if any(c.lemma_.lower() in _RULE_NOUNS for c in _conj_chain(first)) or (
                first.dep_ in ("nmod", "compound") and first.head.lemma_.lower() in _RULE_NOUNS):
            return True  # "online data collection, use and disclosure practices": what the practices are about
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in tok.head.children):
            return True  # "if collection of your data is mandatory, we will say so": a condition, not a practice
    if tok.dep_ == "conj" and tok.tag_ == "VBG":
        if tok.head.pos_ in ("NOUN", "PROPN") or not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in tok.children):
            return True  # "an app for chats, calls, and sharing photos": a gerund in a list, not a claim
        return topic_mention(ctx, tok.head)
    # "describes where your data is stored": a wh-clause after a verb of telling
    return (
        tok.dep_ == "advcl" and tok.i > tok.head.i and tok.head.lemma_ in _TELLING
        and any(c.lower_ in _WH for c in tok.children if c.i < tok.i)
    )


# "data collection, use and disclosure practices": a practice named as what a rule or a policy is about
_RULE_NOUNS = {"practice", "policy", "standard", "principle", "guideline", "requirement", "law", "regulation", "rule"}
_TOPIC_HOLDERS = {"choice", "option", "control", "question", "preference", "right", "detail", "request",
                  "inquiry", "enquiry", "concern", "complaint", "decision", "setting", "influence", "knowledge"}
_TELLING = {"describe", "explain", "tell", "show", "know", "learn", "see", "understand", "outline", "set",
            "detail", "inform", "find", "ask", "choose", "decide", "determine", "specify", "list"}
# what a document does when it talks about its topics ("This policy describes / covers ...")
_DESCRIBING = _TELLING | {"specify", "explain", "cover", "govern", "address"}
_DOCUMENT_SUBJECTS = _DOCUMENT_NOUNS | {"sections"}


def active_subject(tok: Token) -> Token | None:
    """The active subject of `tok` or of the verb it shares its subject with; None in the passive."""
    cur: Token | None = tok
    for _ in range(3):  # "advertisers may operate or host a contest, and collect your information": two conj up
        if cur is None:
            return None
        for child in cur.children:
            if child.dep_ == "nsubj":
                return _resolve_relative(child)
        if any(c.dep_ == "nsubjpass" for c in cur.children):
            if cur.i != tok.i and tok.dep_ == "xcomp" and cur.lemma_ in _CONTROL_PASSIVES:
                # "courts may be entitled to access your data": the passive's subject does the accessing
                return next(_resolve_relative(c) for c in cur.children if c.dep_ == "nsubjpass")
            if cur.i != tok.i and tok.dep_ == "conj" and tok.tag_ != "VBN" and not _to_infinitive(tok) and not any(
                    c.dep_ == "auxpass" for c in tok.children):
                # "providers are located in India and may access your data": an active verb in the list
                return next(_resolve_relative(c) for c in cur.children if c.dep_ == "nsubjpass")
            return None
        nxt = _inherits_from_head(cur)
        if (nxt is None and cur.dep_ == "conj" and cur.head.pos_ in ("VERB", "AUX") and not _to_infinitive(cur)
                and not any(c.dep_ in SUBJ for c in cur.children)):
            nxt = cur.head  # "... and may access your data": its own "may", but the list's subject
        cur = nxt
    return None


_CONTROL_PASSIVES = {"entitle", "permit", "allow", "authorize", "authorise", "empower", "require", "oblige",
                     "compel", "force"}


def generic_party_subject(ctx: SentenceContext, tok: Token) -> bool:
    """ "(request that) companies stop selling your data", "data brokers sell ...": a bare plural naming a kind
    of outside party is companies in general, not the organisation or its own affiliates."""
    subj = active_subject(tok)
    if subj is None and tok.dep_ == "xcomp":
        subj = active_subject(tok.head)  # "companies stop selling"
    if subj is None:
        return False
    if subj.tag_ == "NN" and subj.lemma_.lower() in _ANY_BUSINESS and any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in subj.children):
        return True  # "under the CCPA, a business does not sell personal information when ...": the statute's
    if subj.tag_ != "NNS" or any(c.dep_ in ("det", "poss") for c in subj.children):
        return False
    return classify_party(ctx.lex, _noun_text(subj)) in ("third_party", "advertiser")


_ANY_BUSINESS = {"business", "company", "organization", "organisation", "entity", "person", "controller"}


def subject_party(ctx: SentenceContext, tok: Token) -> str | None:
    """The kind of party that is the active subject of `tok` ("advertising partners receive ..."), if any."""
    subj = active_subject(tok)
    if subj is None:
        return None
    if subj.lower_ in ("we", "us", "i"):
        # "we, or our service providers, may process ...": the other conjunct does it too
        kinds = [classify_party(ctx.lex, _noun_text(c)) for c in subj.children if c.dep_ == "conj"]
        return next((k for k in kinds if k not in (None, "self")), None)
    kind = classify_party(ctx.lex, tokens_text(t for t in subj.subtree if t.i not in _relcl_ids(subj)))
    if kind in (None, "self"):  # "Contractors and other service providers ... receive"; "our staff or the
        # staff of our service providers may process ...": the other conjunct does it too
        kind = next((k for c in subj.children if c.dep_ == "conj"
                     for k in [classify_party(ctx.lex, _noun_text(_through_quantity(c)))] if k not in (None, "self")),
                    None)
    return kind


def _to_infinitive(tok: Token) -> bool:
    """"(in order) to collect": a verb with its infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _purpose_governor(tok: Token) -> Token | None:
    """The verb whose subject a purpose infinitive shares: "an advertiser may place a cookie (in order) to
    collect ..." -> "place"."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        return None
    if not _to_infinitive(tok):
        return None
    cur = tok
    for _ in range(5):
        if cur.head.i == cur.i:
            return None
        passed = cur.dep_
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
        # "(in order) to collect", "use cookies, web beacons or other technology to track ..."
        if cur.lower_ not in ("order", "in", "so", "as") and passed not in ("acl", "relcl", "conj", "pobj", "prep"):
            return None
    return None


def actor_parties(ctx: SentenceContext, tok: Token) -> list[PartyMention]:
    """Who performs the practice: the active subject ("our engineers in China may access")."""
    subj = active_subject(tok)
    lead = conj_head(tok)  # "we require our vendor not to retain, share or store ...": every verb of the list
    if _let_clause(lead):  # "we permit advertisers to collect ...": they do
        subj = next((c for c in lead.head.children if c.dep_ == "dobj"), subj)
    if subj is None and tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_ in ctx.lex.words(
            "check_words", "access_verbs"):
        subj = active_subject(tok.head)  # "our vendors have access to your data": the holder accesses it
        if subj is None and tok.head.dep_ == "acl":
            subj = tok.head.head  # "vendors having access to your data"
    if subj is None:
        subj = granted_holder(ctx, tok)
    if subj is None and tok.lower_ in _LOCATED and located_party(ctx, tok):  # "our providers are located in China"
        subj = tok.head if tok.dep_ in ("acl", "relcl", "amod") else next(
            (_resolve_relative(c) for c in tok.children if c.dep_ == "nsubjpass"), None)
    if subj is None and tok.dep_ in ("advcl", "acl", "xcomp"):
        governor = _purpose_governor(tok)
        subj = active_subject(governor) if governor is not None else None
        if subj is None and governor is not None:  # "links may be used by third parties to collect ..."
            subj = passive_agent(governor)
    subj = _shared_agent(tok) or subj
    if subj is not None:
        subj = _tool_user(ctx, subj) or subj
    if subj is None:
        return []
    out = []
    # "Allstate and its business partners gather ...", "we, our suppliers and advertisers may use ...": each
    for member in _conj_chain(_through_quantity(subj)):  # "some of our partners": the partners
        member = _through_quantity(member)
        ids = _phrase_ids(member)
        before = ctx.doc[min(ids) - 1] if min(ids) > 0 else None
        staff = ids == {member.i} and member.lemma_.lower() in ctx.lex.words("staff_nouns")
        if before is not None and (before.lower_ in ctx.lex.words("authorized_staff_words") or (
                before.lower_ == "only" and staff)):
            # "only authorized employees ...": the parser may read "authorized" as the verb; "only employees
            # who need it": staff the organisation picks are its own
            ids.add(before.i)
        text = tokens_text(ctx.doc[j] for j in ids)
        kind = "self" if member.lower_ in ("we", "us") else classify_party(ctx.lex, text)
        employer = _employer(ctx, member)
        if employer is not None:  # "engineers at our affiliate", "employees of our service providers"
            text, kind = employer
        if kind is None and member.pos_ == "NOUN":  # "other members of our family of companies"
            kind = classify_party(ctx.lex, tokens_text(t for t in member.subtree
                                                    if t.i not in _relcl_ids(member) and t.dep_ != "conj"))
        if kind == "third_party" and _FOR_US.search(ctx.region_text(tok)):
            kind = "processor"  # "these companies may process the data only on our behalf and instructions"
        name = None
        if kind is None and member.pos_ == "PROPN":  # "Hotjar will not collect any data": a company named
            name = proper_name(ctx, ids)
            kind = "unspecified" if name else None
        if kind:
            out.append(PartyMention(text=text, kind=kind, name=name, denied=False, head=member.i))
    return out


_HOSTING_NOUNS = {"server", "servers", "datacenter", "datacenters", "center", "centers", "centre", "centres", "cloud"}


def server_hosts(ctx: SentenceContext, tok: Token) -> list[PartyMention]:
    """ "stored on a Google server in the USA", "the cloud servers of Amazon Web Services": the company whose
    servers hold the data. The comparator knows whether it hosts the organisation's own stores."""
    out: list[PartyMention] = []
    for i in sorted(ctx.region(tok)):
        noun = ctx.doc[i]
        if noun.lower_ not in _HOSTING_NOUNS or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        owners = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        owners += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
        for owner in owners:
            ids = {t.i for t in owner.subtree if t.dep_ in ("compound", "flat") or t.i == owner.i}
            name = proper_name(ctx, ids)
            if name and classify_party(ctx.lex, name) in (None, "unspecified"):
                out.append(PartyMention(text=name, kind="unspecified", name=name, denied=False, head=owner.i))
    return out


def named_agent_of_pair(ctx: SentenceContext, tok: Token) -> list[PartyMention]:
    """ "transmitted to and stored by Google on servers in the United States": the company that the passive pair's
    second verb names as its agent receives what the first one sends."""
    for c in tok.children:
        if c.dep_ == "conj" and c.tag_ in ("VBN", "VBD") and not any(g.dep_ in SUBJ for g in c.children):
            for agent in (g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"):
                name = proper_name(ctx, _phrase_ids(agent)) if agent.pos_ == "PROPN" else None
                if name and classify_party(ctx.lex, name) is None:
                    return [PartyMention(text=name, kind="unspecified", name=name, denied=False, head=agent.i)]
    return []


def passive_agent(tok: Token) -> Token | None:
    """The noun of a passive's by-phrase: "Google" in "collected by Google"."""
    return next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _shared_agent(tok: Token) -> Token | None:
    """ "sent by Google to a server in the USA and stored there": the second passive of a list shares the
    first one's agent when it has no subject or agent of its own; "can be collected, correlated and used by such
    third parties": the first shares the last one's."""
    if tok.tag_ == "VBN" and not any(c.dep_ in ("agent", "nsubj") for c in tok.children) and (
            any(c.dep_ == "auxpass" for c in tok.children) or tok.dep_ == "conj" and tok.head.tag_ == "VBN"):
        cur = tok
        while (cur := next((c for c in cur.children if c.dep_ == "conj" and c.tag_ == "VBN"), None)) is not None:
            if any(c.dep_ in SUBJ for c in cur.children):
                break
            agent = passive_agent(cur)
            if agent is not None:
                return agent
    if tok.dep_ != "conj" or tok.tag_ not in ("VBN", "VBD") or any(c.dep_ in (*SUBJ, "agent") for c in tok.children):
        return None
    head = tok.head
    if head.tag_ != "VBN" or not any(c.dep_ == "nsubjpass" for c in head.children) and head.dep_ != "conj":
        return None
    return passive_agent(head)


_TOOL_NOUNS = {"technology", "tool", "method", "mechanism", "software", "script", "plugin", "plug-in", "code"}


def is_tool(ctx: SentenceContext, noun: Token) -> bool:
    """ "these cookies", "the technologies they use": a means of collecting, not the data it collects."""
    return noun.lemma_.lower() in _TOOL_NOUNS or noun.lower_ in ("cookie", "cookies") or bool(
        ctx.lex.pattern("tracker_words").fullmatch(noun.lower_))
_USE_VERBS = {"use", "employ", "deploy", "place", "set", "utilize", "utilise", "install", "embed", "run"}


def _tool_user(ctx: SentenceContext, subj: Token) -> Token | None:
    """ "we and our service providers use technologies that collect ...": whoever uses the tool collects, not
    the tool, which is no kind of party ("third-party software that tracks ..." is one, and keeps it)."""
    name = tokens_text(subj.doc[j] for j in sorted(_phrase_ids(subj)))
    if not (subj.lemma_.lower() in _TOOL_NOUNS or ctx.lex.pattern("tracker_words").search(name.lower())) or \
            classify_party(ctx.lex, name) is not None:
        return None
    held = subj.head.head if subj.dep_ == "pobj" and subj.head.lower_ == "of" else subj  # "a variety of tools"
    if held.dep_ != "dobj" or held.head.lemma_.lower() not in _USE_VERBS:
        return None
    return active_subject(held.head)


_DISCLOSING_VERBS = {"disclose", "share", "release", "provide", "transfer", "give", "report", "hand", "pass", "furnish"}


_PURPOSE_PATH = {"xcomp", "advcl", "prep", "pobj", "acl", "conj", "ccomp", "pcomp", "dobj", "acomp", "relcl"}


def disclosing_governor(tok: Token) -> Token | None:
    """The disclosure a legal purpose belongs to: "we may disclose your data ... to comply with a subpoena",
    "... when we believe disclosure is necessary to respond to a government request" -> "disclose"."""
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i or cur.dep_ not in _PURPOSE_PATH:
            return None
        cur = cur.head
        if cur.pos_ == "VERB" and cur.lemma_.lower() in _DISCLOSING_VERBS:
            return cur
    return None


def granted_holder(ctx: SentenceContext, tok: Token) -> Token | None:
    """ "Our agents are provided access to your data": the passive's subject holds the access the noun names.
    Only a kind of party: "you are given access to your account" is a right, not a recipient."""
    if tok.lower_ != "access" or tok.dep_ != "dobj" or tok.head.lemma_ not in ("give", "grant", "provide"):
        return None
    subj = next((_resolve_relative(c) for c in tok.head.children if c.dep_ == "nsubjpass"), None)
    if subj is None or classify_party(ctx.lex, tokens_text(ctx.doc[j] for j in _phrase_ids(subj))) in (None, "self"):
        return None
    return subj


def _employer(ctx: SentenceContext, member: Token) -> tuple[str, str] | None:
    """Staff named by whom they work for ("engineers at our affiliate in China"): the employer's kind, with the
    phrase that names it. None when the staff are not said to work for another party."""
    if member.lemma_.lower() not in ctx.lex.words("staff_nouns"):
        return None
    for prep in member.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "of", "from", "with", "for"):
            continue
        for org in prep.children:
            if org.dep_ != "pobj":
                continue
            org_text = tokens_text(ctx.doc[j] for j in _phrase_ids(org))
            kind = classify_party(ctx.lex, org_text)
            if kind not in (None, "self"):
                staff = tokens_text(ctx.doc[j] for j in _phrase_ids(member))
                return f"{staff} {prep.text} {org_text}", kind
    return None


_LOCATED = {"located", "based", "situated", "headquartered"}
_FOR_US = re.compile(r"\bon our behalf\b|\b(on|under|per|according to|in accordance with) our (documented )?"
                     r"instructions?\b", re.I)
_LETTING = {"permit", "allow", "enable", "authorize", "authorise", "let", "ask", "require", "instruct"}


def _let_clause(tok: Token) -> bool:
    """ "we permit advertisers to collect": the infinitive under a verb of letting. The parser sometimes tags
    "permit" as a noun and the infinitive as an adverbial clause; the object still names who acts."""
    if tok.dep_ == "xcomp":
        return tok.head.lemma_ in _LETTING
    return tok.dep_ == "advcl" and tok.head.pos_ == "NOUN" and tok.head.lemma_ in _LETTING and any(
        c.dep_ == "dobj" for c in tok.head.children) and any(c.lower_ == "to" for c in tok.children if c.i < tok.i)


def _through_quantity(tok: Token) -> Token:
    """ "some of our partners", "a variety of ad networks", "the services of outside contractors": the noun
    after "of" names the party."""
    return (_prep_object(tok, "of") or tok) if tok.lower_ in _QUANTITY_WORDS else tok


_QUANTITY_WORDS = {"some", "many", "most", "all", "several", "one", "each", "any", "certain", "few", "none",
                   "variety", "number", "range", "set", "list", "couple", "handful", "host", "services", "service",
                   "help", "assistance", "network", "staff", "employees", "personnel"}


def is_question(ctx: SentenceContext, tok: Token) -> bool:
    """A question, or an indirect one standing alone ("Whether we "sell" that category of information to third
    parties.", a table's column head), or a practice noun heading glued to the sentence after it ("Disclosure
    of Personal Information ALK does not sell ...": the notice's plain text lost the line break)."""
    if ctx.text.rstrip().endswith("?"):
        return True
    root = conj_head(tok)
    if root.dep_ == "ROOT" and any(c.dep_ == "mark" and c.lower_ == "whether" and c.i == 0
                                   for c in root.children):
        return True
    return tok.i == 0 and tok.pos_ == "NOUN" and tok.dep_ in ("nsubj", "nsubjpass") and _title_cased(tok)


_TITLE_SMALL = {"of", "and", "the", "to", "for", "a", "an", "in", "on", "with", "your", "our", "&"}


def _title_cased(tok: Token) -> bool:
    """ "Sale of Personal Information The California Consumer Privacy Act": every word a capital but the small ones,
    and a capital after the phrase had room to end."""
    words = [t for t in tok.subtree if t.is_alpha]
    return len(words) >= 4 and all(t.text[0].isupper() or t.lower_ in _TITLE_SMALL for t in words)


_BINDING = _LETTING | {"oblige", "obligate", "bind", "contract", "prohibit", "forbid", "restrict", "direct",
                       "expect", "mandate", "request", "authorize", "authorise"}
_PRONOUN_DOERS = {"they", "he", "she"}  # not "it": a name the parser misread is parsed again as "It" (reparse.py)


def bound_party(tok: Token) -> Token | None:
    """ "we require our vendors not to share", "providers are not permitted to sell", "we require that these
    contractors not disclose": the party bound (or let) by the organisation, who would do the act."""
    verb = conj_head(tok)
    governor = verb.head
    if governor.lemma_ not in _BINDING or governor.i >= verb.i:  # a governor after the act is a misparse
        return None
    if verb.dep_ == "xcomp":
        return next((_resolve_relative(c) for c in governor.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if verb.dep_ == "ccomp":
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return None


def others_denial(ctx: SentenceContext, tok: Token) -> bool:
    """ "advertisers do not share your data", "we require our vendors not to share it with anyone else": a rule
    another party keeps, not the organisation's own denial, which any disclosure in a manifest contradicts.
    "No third party receives your data" (the denial is on the party) stays the organisation's."""
    if not is_negated(ctx, tok):
        return False
    bound = bound_party(tok)
    if bound is not None:
        return bound.lower_ not in ("we", "us", "i") and bound.lower_ not in ctx.lex.words("user_subjects") and \
            classify_party(ctx.lex, _noun_text(bound)) != "self"
    subject = active_subject(tok)
    if subject is None:  # "require that these contractors (i) protect ..., and (ii) not use or disclose ...":
        cur = tok        # the list item hangs on the first item's verb, whose subject is the contractors
        for _ in range(3):
            if cur.dep_ not in ("conj", "dep") or cur.head.i == cur.i:
                break
            cur = cur.head
            subject = next((c for c in cur.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                break
    if subject is None or any(c.dep_ == "det" and c.lower_ in ctx.lex.words("negation", "negative_determiners")
                              for c in subject.children):
        return False
    if subject.lower_ in _PRONOUN_DOERS:
        return True
    # a class of parties ("advertisers", "our service providers"); the organisation names itself in the
    # singular ("The Company does not provide ...", "Strand Bank does not pass ...")
    if subject.tag_ == "NN" and subject.text.islower():  # "the service provider does not further collect, sell ..."
        return classify_party(ctx.lex, _noun_text(subject)) not in (None, "self")
    return subject.tag_ in ("NNS", "NNPS") and (subject_party(ctx, tok) is not None or classify_party(
        ctx.lex, _noun_text(subject)) not in (None, "self"))


def pronoun_doer(ctx: SentenceContext, tok: Token) -> bool:
    """ "They do not store personal information directly": "they" (cookies, partners, the sentence before) is
    never the organisation, which writes "we"."""
    subject = active_subject(tok)
    if subject is not None and subject.lower_ == "it" and is_negated(ctx, tok):
        return True  # "It does not collect or store any personal data": a cookie's or a vendor's, said of a thing
    return subject is not None and subject.lower_ in _PRONOUN_DOERS


def located_party(ctx: SentenceContext, tok: Token) -> bool:
    """ "our service providers are located in China", "contractors based in India": another party, whose place
    the participle gives. Not "our EEA-based group companies": a seat that describes the party in passing."""
    if tok.i > 0 and tok.doc[tok.i - 1].text in ("-", "‐", "–"):
        return False
    if tok.dep_ in ("acl", "relcl", "amod") and tok.head.pos_ in ("NOUN", "PROPN"):
        holders = [tok.head]
    else:
        holders = [_resolve_relative(c) for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    for holder in holders:
        if holder.pos_ in ("PRON", "NUM", "DET", "ADJ") or holder.lower_ in _QUANTITY_WORDS:
            holder = _prep_object(holder, "of") or holder  # "some of our providers", "none of our providers"
        if holder.lemma_.lower() in {"office", "headquarters", "branch", "hq"}:
            continue  # a building, not a party that handles data
        if classify_party(ctx.lex, _noun_text(holder)) in _LOCATED_KINDS:
            return True
    return False


# parties that work on the organisation's data; "merchants based in the U.S.", "an Ohio-based publisher" (third
# parties described by their seat) are not said to handle it
_LOCATED_KINDS = {"processor", "affiliate"}

