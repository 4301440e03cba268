"""Turn a Document into Assertions: prefilter sentences, parse them in batches, read each trigger's claim."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from notice_check import geo
from notice_check.errors import UnsupportedLanguageError
from notice_check.extraction import slots
from notice_check.extraction.anaphora import (
    resolve_data_references,
    resolve_elsewhere,
    resolve_following_places,
    resolve_pronoun_subjects,
)
from notice_check.extraction.pipeline import Analyzer, load_analyzer
from notice_check.extraction.places import find_places
from notice_check.extraction.reparse import (
    aside_after_modal_text,
    misread_verb_text,
    name_subject_text,
    reads_as_clause,
)
from notice_check.extraction.slots import Hit, SentenceContext
from notice_check.models import (
    Assertion,
    DataRef,
    Document,
    Encryption,
    Evidence,
    Location,
    Party,
    Retention,
    Sentence,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from notice_check.extraction.rules import Lexicon

SUPPORTED_LANGUAGES = ("en",)


def _data_categories(text: str | None) -> list[str]:
    return list(_categories_of(text)) if text else []


@lru_cache(maxsize=65536)
def _categories_of(text: str) -> tuple[str, ...]:
    """Data phrases repeat across a notice ("your personal information"): map each one once."""
    from notice_check.taxonomy import default_taxonomy

    return tuple(default_taxonomy().categories_for(text))


# ---------------------------------------------------------------------- requirement checks by name

Check = Callable[[SentenceContext, "Token"], bool]


_DEVICES = {"device", "phone", "computer", "smartphone", "handset", "tablet", "camera", "card", "enclave", "watch",
            "console", "laptop", "pc", "mac", "iphone", "microsd", "sd", "disk", "drive", "headset", "car", "vehicle",
            "hardware", "chip"}


def _device(ctx: SentenceContext, tok: Token) -> bool:
    region = [ctx.doc[i] for i in ctx.region(tok)]
    if any(t.lower_ in ("locally", "on-device", "offline") for t in region):
        return True
    return any(t.lemma_.lower() in _DEVICES and t.dep_ in ("pobj", "dobj") for t in region)


def _device_access(ctx: SentenceContext, tok: Token) -> bool:
    """ "a computer to which others have access": access to a machine, not to anyone's data."""
    have = tok.head
    if have.dep_ != "relcl":
        return False
    to_which = any(c.dep_ == "prep" and any(g.lower_ in ("which", "whom") for g in c.children)
                   for c in [*have.children, *tok.children])
    return to_which and have.head.lemma_.lower() in _DEVICES


def _access_holder(ctx: SentenceContext, tok: Token) -> bool:
    """ "... have access to": a holder; "(i) obtaining access to a copy" (a gerund with no subject) names a right.
    "Our contractor in China has remote access to our servers" is parsed with "has" as the noun's auxiliary."""
    verbs = ctx.lex.words("check_words", "access_verbs")
    if slots.granted_holder(ctx, tok) is not None:  # "our agents are given access to ..."
        return True
    if tok.dep_ != "dobj":  # the misparse: "has" an auxiliary somewhere under the noun, with the subject
        return tok.dep_ == "ROOT" and any(t.dep_ == "aux" and t.lemma_ in verbs and t.i < tok.i and any(
            c.dep_ == "nsubj" for c in t.children) for t in tok.subtree)
    holder = slots.active_subject(tok.head)
    if holder is not None and holder.lower_ in ("you", "yourself"):
        return False  # "if you wish to obtain access to certain content": the reader's access
    return tok.head.lemma_ in verbs and not (tok.head.tag_ == "VBG" and tok.head.dep_ != "acl" and not any(
        g.dep_ in ("nsubj", "aux") for g in tok.head.children))


def _server_noun(ctx: SentenceContext, tok: Token) -> bool:
    return any(
        ctx.doc[i].lemma_ in ctx.lex.words("check_words", "server_nouns") and ctx.doc[i].dep_ == "pobj"
        for i in ctx.region(tok)
    )


def _data_object_store(ctx: SentenceContext, tok: Token) -> bool:
    if tok.lemma_ not in ("store", "host", "save", "archive", "backup", "replicate", "warehouse", "house"):
        return False
    text, head = slots.data_phrase(ctx, tok, set())
    if tok.lemma_ == "host" and head is not None and _hosted_event(ctx, head):
        return False
    return bool(text and slots.looks_like_data(ctx.lex, text) and not re.search(r"\bcookies?\b", text, re.I))


def _hosted_event(ctx: SentenceContext, head: Token) -> bool:
    """ "meetings, webinars, or messages that are hosted on Zoom": hosting an event is running it, and the
    clause covers the whole list; it says nothing of where data is (unless a place or server is named)."""
    events = ctx.lex.words("event_nouns")
    top = slots.conj_head(head)
    return any(t.lemma_.lower() in events for t in [top, *(c for c in top.subtree if c.dep_ == "conj")])


def _data_subject(ctx: SentenceContext, tok: Token) -> bool:
    text, _ = slots.data_phrase(ctx, tok, set())
    return bool(text and slots.looks_like_data(ctx.lex, text))


def _place_under_token(ctx: SentenceContext, tok: Token) -> bool:
    return any(ctx.place_owner(m) == tok.i and ctx.place_is_destination(m) for m in ctx.mentions)


def _no_verb_trigger_above(ctx: SentenceContext, tok: Token) -> bool:
    verbs = {h.token.i for h in ctx.hits if h.trigger.practice in slots.LOCATION_PRACTICES
             and h.token.pos_ in ("VERB", "AUX", "ADJ")}
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.i in verbs:
            return False
    return True


def _parties(ctx: SentenceContext, tok: Token) -> list[slots.PartyMention]:
    return slots.parties(ctx, tok)


def _data_description(ctx: SentenceContext, tok: Token) -> bool:
    """ "content generated or shared as part of other features", "files shared": the participle describes the
    data; with no recipient it says nothing of a disclosure ("information shared with advertisers" does)."""
    head = slots.conj_head(tok)
    if head.dep_ != "acl" or head.tag_ not in ("VBN", "VBD"):
        return False
    return slots.looks_like_data(ctx.lex, head.head.text) and not _parties(ctx, tok)


def _nonself_party(ctx: SentenceContext, tok: Token) -> bool:
    """A party other than the organisation: the recipient ("to") or the holder ("by"); triggers name it either way."""
    return any(p.kind != "self" for p in _parties(ctx, tok))


def _inbound(ctx: SentenceContext, tok: Token) -> bool:
    """ "the payment provider gives Telegram a token", "partners send us reports": another party gives the
    organisation data (us, or a name that may be its own), so nothing leaves the organisation."""
    if slots.subject_party(ctx, tok) in (None, "public_authority"):
        return False
    recipients = _parties(ctx, tok)
    return bool(recipients) and all(p.kind == "self" or (p.kind == "unspecified" and p.name) for p in recipients)


def _share_frame(ctx: SentenceContext, tok: Token) -> bool:
    return not ctx.places_for(tok)


def _outside_words(ctx: SentenceContext, tok: Token) -> bool:
    words = ctx.lex.words("outside_words")
    if any(ctx.doc[i].lower_ in words for i in ctx.region(tok)):
        return True
    return bool(ctx.lex.pattern("outside_phrases").search(ctx.region_text(tok)))


def _place_or_border(ctx: SentenceContext, tok: Token) -> bool:
    if ctx.places_for(tok):
        return True
    words = ctx.lex.words("border_words")
    return any(ctx.doc[i].lower_ in words for i in ctx.region(tok)) and tok.lemma_ in ("cross", "leave")


def _non_data_object(ctx: SentenceContext, tok: Token) -> bool:
    text, head = slots.data_phrase(ctx, tok, set())
    if not text or head is None:
        return False
    if head.lemma_.lower() in slots.PERSON_NOUNS and head.pos_ == "NOUN" and not any(
            c.dep_ == "case" for c in head.children):  # "subscribers' personal information" is data
        return True  # "provide products to account owners, their licensed end users": people, not data
    if ctx.lex.non_data_objects.fullmatch(head.lower_) and not ctx.lex.data_words.search(text) and \
            not slots.looks_like_data(ctx.lex, head.text):
        return True  # "we sell children's products": goods for children, no data about them (a payment is data)
    if slots.looks_like_data(ctx.lex, text):
        return False
    if ctx.lex.non_data_objects.search(text):
        return True
    # "your lab results", "members' reading lists": what belongs to the user is the user's data
    personal = any(c.dep_ == "poss" and c.lower_ in ("your", "their", "users", "customers", "members")
                   for c in head.children)
    return head.pos_ in ("NOUN", "PROPN") and not personal


# the plain words for data: a phrase with one of them is data, whatever else it names ("website information")
_DATA_NOUNS = re.compile(r"\b(data|information|details)\b", re.I)


def _site_kept(ctx: SentenceContext, tok: Token) -> bool:
    """ "websites maintained by other organizations", "features hosted by a third party": whoever runs a site
    keeps the site, which says nothing of where the organisation's data is (unless a place is named)."""
    if ctx.places_for(tok):
        return False
    text, head = slots.data_phrase(ctx, tok, set())
    if head is None and tok.dep_ == "acl":
        head, text = tok.head, tok.head.text
    return head is not None and bool(ctx.lex.pattern("kept_sites").search(head.lower_)) and not (
        _DATA_NOUNS.search(text or ""))


def _data_of(ctx: SentenceContext, tok: Token) -> bool:
    text, _ = slots.data_phrase(ctx, tok, set())
    return bool(text and slots.looks_like_data(ctx.lex, text))


def _data_of_or_party(ctx: SentenceContext, tok: Token) -> bool:
    return _data_of(ctx, tok) or bool(_parties(ctx, tok))


def _data_of_or_data_near(ctx: SentenceContext, tok: Token) -> bool:
    if _data_of(ctx, tok):
        return True
    return any(
        c.dep_ in ("compound", "amod", "nmod") and slots.looks_like_data(ctx.lex, c.text) for c in tok.children
    )


def _authority_party(ctx: SentenceContext, tok: Token) -> bool:
    return any(p.kind == "public_authority" for p in _parties(ctx, tok))


def _legal_request(ctx: SentenceContext, tok: Token) -> bool:
    return bool(ctx.lex.authority_requests.search(ctx.region_text(tok)))


_NON_DATA_HEADS = {"request", "order", "demand", "complaint", "subpoena", "warrant", "fee", "question", "inquiry",
                   "notice", "notification", "award", "grant", "funding", "approval", "permission",
                   "consent", "authorization", "authorisation"}


def _data_object(ctx: SentenceContext, tok: Token) -> bool:
    text, head = slots.data_phrase(ctx, tok, set())
    if not text:
        return False
    if head is not None and head.lemma_.lower() in _NON_DATA_HEADS:
        return False
    if head is not None and head.lower_ in ("it", "them", "this", "these", "those", "such"):
        return True
    return slots.looks_like_data(ctx.lex, text) and not _non_data_only(ctx, text)


def _record_object(ctx: SentenceContext, tok: Token) -> bool:
    """ "we keep a record of your correspondence", "we maintain logs of all messages": keeping a record of data is
    keeping the data, with or without a period."""
    nouns, papers = ctx.lex.words("kept_record_nouns"), tuple(ctx.lex.words("kept_record_papers"))
    return any(slots.looks_like_data(ctx.lex, slots.tokens_text(o.subtree)) and not o.lower_.startswith(papers)
               for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns
               for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj")


def _non_data_only(ctx: SentenceContext, text: str) -> bool:
    return bool(ctx.lex.non_data_objects.search(text)) and not _DATA_NOUNS.search(text)


def _secure_modifier(ctx: SentenceContext, tok: Token) -> bool:
    """ "a secure transmission", "secured connections": the channel itself is said to be protected."""
    words = ctx.lex.words("check_words", "secure_words")
    return any(c.dep_ in ("amod", "compound") and c.lower_ in words for c in tok.children)


def _data_among_assets(ctx: SentenceContext, tok: Token) -> bool:
    """ "your information may be among the assets transferred": data named as one of the assets that change
    hands in a sale or merger."""
    holder = slots.member_of(tok)
    return holder is not None and slots.looks_like_data(ctx.lex, _subtree_text(holder)) and bool(
        ctx.lex.pattern("business_transfer").search(ctx.text))


# Third parties that collect on the organisation's pages are recipients of that data (OPP-115's "Third
# Party Sharing/Collection"); processors collecting on its behalf stay collection.
THIRD_PARTY_COLLECTORS = frozenset({"third_party", "advertiser"})


def _collectors(ctx: SentenceContext, tok: Token,
                actors: list[slots.PartyMention] | None = None) -> list[slots.PartyMention]:
    """Third parties or advertisers that do the practice themselves ("advertisers may place cookies")."""
    return [a for a in (slots.actor_parties(ctx, tok) if actors is None else actors)
            if a.kind in THIRD_PARTY_COLLECTORS]


def _agents(ctx: SentenceContext, tok: Token, mentions: list[slots.PartyMention]) -> list[slots.PartyMention]:
    """ "may be collected by the third-party platform": the passive's agent collects, as an active subject would."""
    out = []
    for p in mentions:
        prep = ctx.doc[p.head].head
        while prep.dep_ == "pobj" or (prep.dep_ == "conj" and prep.pos_ != "ADP"):
            prep = prep.head
        if prep.dep_ == "agent" and prep.head.i == tok.i:
            out.append(p)
    return out


def _tracker_object(ctx: SentenceContext, tok: Token) -> bool:
    """The verb's object is a tracker: cookies, web beacons, pixels, tracking technologies."""
    pattern = ctx.lex.pattern("tracker_words")
    # a noun conjoined to the verb is a misparse of "set and access cookies": "access" read as a noun
    return any((c.dep_ in ("dobj", "nsubjpass") or (c.dep_ == "conj" and c.pos_ == "NOUN"))
               and pattern.search(_subtree_text(c)) for c in tok.children)


def _subtree_text(tok: Token) -> str:
    return " ".join(t.text for t in tok.subtree)


def _no_encrypt_verb(ctx: SentenceContext, tok: Token) -> bool:
    return not any(t.lemma_ in ("encrypt", "encipher") for t in ctx.doc)


def _party_locative(ctx: SentenceContext, tok: Token) -> bool:
    return slots.party_locative(ctx, tok)


def _to_our_servers(ctx: SentenceContext, tok: Token) -> bool:
    return bool(ctx.lex.pattern("to_our_servers").search(ctx.region_text(tok)))


def _authority_holder(ctx: SentenceContext, tok: Token) -> bool:
    """"No government agency has access to our servers"."""
    if tok.dep_ != "dobj" or tok.head.lemma_ not in ("have", "get", "gain", "obtain", "grant", "give"):
        return False
    subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
    dative = [c for c in tok.head.children if c.dep_ == "dative"]
    for s in subj + dative:
        text = " ".join(t.text for t in s.subtree)
        if slots.classify_party(ctx.lex, text) == "public_authority":
            return True
    return False


def _definitional(ctx: SentenceContext, tok: Token) -> bool:
    """"A 'sale' under the CCPA includes making data available to ...": a definition, not a practice."""
    if any(c.dep_ == "nsubj" and c.lower_ == "we" for c in tok.children):
        return False  # "we do not disclose ...", whatever the parser hangs it on
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_ in ("include", "mean", "refer", "encompass", "cover", "define"):
            subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj or subj[0].lower_ in ("we", "this", "it"):
                return False
            if cur.lemma_ in ("mean", "refer", "define"):
                return True  # 'To "sell" data means to sell, rent, disclose ...'
            # "include" and the like define only a term: "A 'sale' under the CCPA includes ...", not "the
            # persons with whom we may share your data may include ..." or "some examples include ..."
            return subj[0].lemma_.lower() in _DEFINED_TERMS or any(t.is_quote for t in subj[0].subtree)
    return False


_DEFINED_TERMS = {"sale", "sell", "selling", "sharing", "share", "disclosure", "processing", "transfer", "collection"}


def _under_from(m) -> bool:
    cur = m.root
    while cur.dep_ in ("pobj", "conj", "compound", "amod", "appos") and cur.head.i != cur.i:
        cur = cur.head
        if cur.dep_ == "prep":
            return cur.lower_ == "from"
    return False


CHECKS: dict[str, Check] = {
    "place": lambda c, t: bool(c.places_for(t)),
    "device": _device,
    "server_noun": _server_noun,
    "data_object_store": _data_object_store,
    "data_subject": _data_subject,
    "place_under_token": _place_under_token,
    "no_verb_trigger_above": _no_verb_trigger_above,
    "nonself_party_by": _nonself_party,
    "nonself_party_to": _nonself_party,
    "share_frame": _share_frame,
    "outside_words": _outside_words,
    "place_or_border": _place_or_border,
    "party": lambda c, t: bool(_parties(c, t)),
    "non_data_object": _non_data_object,
    "site_kept": _site_kept,
    # "this privacy policy is available to the public": the subject is a document or a place, not data
    "site_subject": lambda c, t: any(ch.dep_ in ("nsubj", "nsubjpass") and c.lex.pattern("shown_things").search(
        ch.lower_) for ch in (t.head if t.dep_ in ("acomp", "oprd") else t).children),
    # "any member of the public who accesses these websites": visiting a site is no access to data
    "site_object": lambda c, t: any(ch.dep_ == "dobj" and c.lex.pattern("kept_sites").search(ch.lower_)
                                    for ch in t.children),
    "data_of_or_party": _data_of_or_party,
    "data_of_or_data_near": _data_of_or_data_near,
    "retention_phrase": slots.has_retention_phrase,
    "backed_up": lambda c, t: any(ch.dep_ == "prt" and ch.lower_ == "up" for ch in t.children),
    # "we do not store your password in plain text": how it is kept, not whether
    "manner_of_keeping": lambda c, t: bool(c.lex.pattern("keeping_manner").search(c.region_text(t))),
    "no_encrypt_verb": _no_encrypt_verb,
    "secure_modifier": _secure_modifier,
    "data_among_assets": _data_among_assets,
    "device_access": _device_access,
    # "we do not allow access to ...", "access ... is prohibited": access someone grants, limits or bars
    # (not a gerund with no subject: "we use 'transfer' to mean giving someone access to data from abroad")
    "access_governed": lambda c, t: t.dep_ in ("dobj", "nsubj", "nsubjpass") and t.head.lemma_ in (
        c.lex.words("check_words", "access_granting") | c.lex.words("check_words", "prohibit_verbs"))
    and not (t.head.tag_ == "VBG" and not any(g.dep_ in ("nsubj", "aux") for g in t.head.children)),
    "device_lifetime": lambda c, t: slots.device_lifetime(c, t, _device(c, t)),
    "located_party": slots.located_party,
    "residual_store": lambda c, t: bool(c.lex.pattern("residual_stores").search(c.region_text(t))),
    "consented": slots.consented_to,  # "you agree to the processing of your data in the US"
    "business_transfer_context": lambda c, t: bool(c.lex.pattern("business_transfer_context").search(c.text)),
    "collector_actor": lambda c, t: bool(_collectors(c, t)),
    "tracker_object": _tracker_object,
    "authority_party": _authority_party,
    "legal_request_object": _legal_request,
    "data_object": _data_object,
    "record_object": _record_object,
    "data_of": _data_of,
    "user_subject": slots.user_subject,
    "inbound": _inbound,
    "event_clause": slots.event_clause,
    "concession": slots.concession,
    "upkeep": slots.upkeep,
    "others_act": slots.others_act,
    "others_denial": slots.others_denial,
    "pronoun_doer": slots.pronoun_doer,
    "disclaimed": slots.disclaimed,
    "quoted_label": slots.quoted_label,
    "keeping_purpose": slots.keeping_purpose,
    "question": slots.is_question,
    "wh_clause": slots.wh_clause,
    "reduced_relative": slots.reduced_relative,
    "definition": slots.definition,
    "topic_mention": slots.topic_mention,
    "party_locative": _party_locative,
    "to_our_servers": _to_our_servers,
    "authority_holder": _authority_holder,
    "title": lambda c, t: _title_like(c.text, c.doc) or _fragment(c, t) or _titled_item(c, t) or _table_cell(t),
    "modifier": slots.modifier,
    "reader_recipient": slots.reader_recipient,
    "engaged_party": lambda c, t: bool(slots.engaged_parties(c, t)),
    "unauthorized": slots.unauthorized,
    "meta_frame": slots.meta_frame,
    "policy_scope": slots.policy_scope,
    # "upon logging in or changing your device": signing in, not recording anything
    "signing_in": lambda c, t: t.lemma_.lower() == "log" and t.i + 1 < len(c.doc)
    and c.doc[t.i + 1].lower_ in ("in", "into", "on", "out", "off"),
    "rights_frame": slots.rights_frame,
    "relative_clause": lambda c, t: slots.conj_head(t).dep_ == "relcl",
    "restrictive_relative": lambda c, t: slots.restrictive_relative(t),
    "negated_relative": lambda c, t: slots.restrictive_relative(t) and any(
        x.dep_ == "neg" for x in (*slots.conj_head(t).children, *t.children)),
    "plan_frame": lambda c, t: t.dep_ == "xcomp" and t.head.lemma_ in (
        "plan", "intend", "aim", "consider", "hope", "expect", "wish", "want", "seek"),
    "storage_compound": lambda c, t: any(
        ch.dep_ in ("compound", "amod") and ch.lemma_.lower() in c.lex.words("check_words", "storage_compounds")
        for ch in t.children),
    "data_description": _data_description,
    "described_data": lambda c, t: t.dep_ in ("relcl", "acl") and t.head.dep_ in ("nsubj", "nsubjpass", "dobj")
    and t.head.head.i in c.hit_tokens() and t.head.head.i != t.i,
    "origin_place": lambda c, t: any(c.place_owner(m) == t.i and _under_from(m) for m in c.mentions),
    "definitional": _definitional,
    "data_reduced_relative": slots.data_reduced_relative,
    "party_subject": lambda c, t: slots.subject_party(c, t) not in (None, "public_authority"),
    "generic_subject": lambda c, t: slots.generic_party_subject(c, t),
    "nothing_guaranteed": slots.nothing_guaranteed,
    "authority_subject": lambda c, t: slots.subject_party(c, t) == "public_authority",
    # "... have access to": a holder; "(i) obtaining access to a copy" (a gerund with no subject) names a right
    "access_holder": _access_holder,
    "negated": slots.is_negated,
    "made_public": lambda c, t: slots.made_public(c, t) is not None,
    "non_data_holder": slots.non_data_holder,
    "non_data_remainder": slots.non_data_remainder,
    # "we may publish your name": what is published is a person's ("a transparency report" is not)
    "personal_object": lambda c, t: any(ch.dep_ == "dobj" and c.lex.pattern("personal_words").search(
        " ".join(x.lower_ for x in ch.subtree)) for ch in t.children),
    "we_subject": lambda c, t: (s := slots.active_subject(t)) is not None and s.lower_ == "we",
    # "Bank of America uses information ...": a name whose words read as a kind of party is most often the
    # organisation itself, which the extractor cannot tell apart from another company
    "named_subject": lambda c, t: (s := slots.active_subject(t)) is not None and s.pos_ == "PROPN" and not any(
        ch.dep_ in ("det", "poss") for ch in s.children),
    "self_negated": lambda c, t: slots.is_negated(c, t) and slots.subject_party(c, t) is None and any(
        ch.dep_ == "nsubj" and ch.lower_ not in ("it", "they", "he", "she") for ch in t.children),
    "others_receive": slots.others_receive,
    "scoped_frame": slots.scoped_frame,
    "document_noun": lambda c, t: t.dep_ == "compound" and t.head.lemma_ in (
        "paper", "whitepaper", "page", "guide", "policy", "report", "documentation", "faq", "setting", "option",
        "feature", "section", "notice", "statement", "overview"),
}


_NUMBERED_HEADING = re.compile(r"^\s*(?:\d+|[A-Z])(?:\.\w{1,3})*\.?\s*[A-Z][^.!?;:]*$")


def _fragment(ctx: SentenceContext, tok: Token) -> bool:
    """A line with no final stop whose root is a noun ("Personal Data that is directly collected in
    third-party services"): a heading or a table label, not a statement."""
    text = ctx.text.strip()
    if slots.conj_head(tok).dep_ != "relcl" and not any(c.dep_ == "mark" for c in tok.children) and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("that", "which", "who") for c in tok.children):
        return False  # "Location data: we collect the approximate location of your device" (quoted without its stop)
    return bool(text) and text[-1] not in ".!?;:)\"'”’" and tok.sent.root.pos_ in ("NOUN", "PROPN")


def _table_cell(tok: Token) -> bool:
    """ "... Credit scoring Research Not sold": a table's cell for a row whose data the text lost, not a sentence
    with a subject ("your data is not sold")."""
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].text == "None" and tok.tag_ in ("VBN", "VBD"):
        return True  # "None disclosed in the past 12 months": a cell of a table of recipients
    rest = doc[tok.i + 1:]  # "Not sold or shared"
    if tok.i == 0 or doc[tok.i - 1].lower_ != "not" or not all(
            t.is_punct or t.lower_ in ("or", "and") or t.tag_ in ("VBN", "VBD") for t in rest):
        return False
    return doc[tok.i - 1].text == "Not" or (  # "... Research Not sold": the parser may give it a subject
        tok.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children))


_EXCEPTING_LEAD = re.compile(r"\b(except|unless|other than|save)\b[^.;]{0,100}[:：]\s*$", re.I)


def _item_start(ctx: SentenceContext) -> int | None:
    """Where a list item's own words begin in what was parsed (its lead-in before it); None for any other
    sentence."""
    own = ctx.written.translate(_APOSTROPHES) if ctx.written else None  # as parsed: see _plain_apostrophes
    if not own or own == ctx.text or not ctx.text.endswith(own):
        return None
    return len(ctx.text) - len(own)


def _excepting_lead_in(ctx: SentenceContext, tok: Token) -> bool:
    """The token belongs to a list's lead-in parsed before one of its items, and the lead-in ends by opening a
    list of exceptions ("except in the following cases:"): each item is an exception, not the rule again."""
    start = _item_start(ctx)
    return start is not None and tok.idx < start and bool(_EXCEPTING_LEAD.search(ctx.text[:start].rstrip()))


def _titled_item(ctx: SentenceContext, tok: Token) -> bool:
    """ "**Disclosure of Personal Data.** As detailed in ...": a list item's run-in title is parsed after the
    list's lead-in, which gives it a subject; read on its own it is a heading."""
    start = _item_start(ctx)
    if start is None:
        return False
    own = ctx.text[start:]
    span = ctx.doc.char_span(start, len(ctx.text), alignment_mode="expand")
    if span is None or tok.i < span.start:
        return False
    # "Personal Data collection.": the practice noun heads a title with no verb
    named = tok.pos_ == "NOUN" and own.rstrip().endswith(".") and not any(t.pos_ in ("VERB", "AUX") for t in span)
    return named or _title_like(own, span)


def _title_like(text: str, doc: Doc | Span | None = None) -> bool:
    """"Section 4: How We Collect Information" is a heading that reached us as text; so is "Sharing in the
    Event of Merger, Sale, or Other Asset Transfers." with a stop but no subject."""
    stripped = text.strip()
    if not stripped:
        return False
    if stripped[-1] == "." and doc is not None and not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in doc):
        stripped = stripped[:-1]
    if stripped.endswith(")"):
        stripped = stripped[:-1].rstrip()  # "Requests to Opt-Out (Do Not Sell Information)"
    if not stripped or stripped[-1] in ".!?;:)\"'”’":
        return False
    if _NUMBERED_HEADING.match(stripped) and len(stripped.split()) <= 14:
        return True  # "5.c.Sharing of Personal Data among group companies"
    words = re.findall(r"[A-Za-z][\w'’-]*", stripped)
    if not words or len(words) > 14:
        return False
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in ("and", "of", "the", "we", "to", "a", "in",
                                                                  "for", "or", "our", "your", "with", "how"))
    return caps >= 0.8 * len(words)


# Checks that read only the parse tree and the lexicon, never the regions or the other triggers: their answer
# for a token cannot change while the triggers of a sentence settle, so it is computed once.
TREE_CHECKS = frozenset({
    "user_subject", "question", "wh_clause", "reduced_relative", "definition", "topic_mention", "title",
    "modifier", "plan_frame", "storage_compound", "definitional", "data_reduced_relative", "unauthorized",
    "meta_frame", "rights_frame", "relative_clause", "restrictive_relative", "document_noun", "access_holder",
    "party_subject", "concession", "generic_subject", "nothing_guaranteed",
    "authority_subject", "engaged_party", "named_subject", "we_subject", "personal_object", "made_public",
    "non_data_holder", "site_object", "site_subject", "others_receive", "scoped_frame", "non_data_remainder",
    "record_object",
})


def _check(ctx: SentenceContext, name: str, tok: Token) -> bool:
    if name not in TREE_CHECKS:
        return CHECKS[name](ctx, tok)
    key = (name, tok.i)
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = bool(CHECKS[name](ctx, tok))
    return found


def _fails_on_tree(ctx: SentenceContext, hit: Hit) -> bool:
    trig, tok = hit.trigger, hit.token
    return any(n in TREE_CHECKS and _check(ctx, n, tok) for n in trig.forbids) or any(
        n in TREE_CHECKS and not _check(ctx, n, tok) for n in trig.requires)


def _passes(ctx: SentenceContext, hit: Hit) -> bool:
    trig, tok = hit.trigger, hit.token
    if any(_check(ctx, name, tok) for name in trig.forbids):
        return False
    if not all(_check(ctx, name, tok) for name in trig.requires):
        return False
    return not (trig.requires_any and not any(_check(ctx, name, tok) for name in trig.requires_any))


# ---------------------------------------------------------------------- assertion building


def _outside_only(ctx: SentenceContext, tok: Token) -> bool:
    """The claim is about going abroad ("abroad", "overseas", "outside the country"), with no place of its own."""
    return bool(ctx.lex.pattern("abroad_phrases").search(ctx.region_text(tok)))


def _location(ctx: SentenceContext, tok: Token, mentions: list, mode_hint: str | None) -> Location | None:
    if not mentions:
        return None
    outside_preps = ctx.lex.words("place_prepositions", "outside")
    mode = mode_hint or "in"
    regions: list[str] = []
    countries: list[str] = []
    modes = {m.root.i: _mention_mode(ctx, m, outside_preps) for m in mentions}
    for m in mentions:  # "in countries other than Japan, including South Korea": Japan is the one left out
        if re.search(r"\b(other than|except)\s+(in\s+)?(the\s+)?" + re.escape(m.span.text), ctx.text, re.I):
            modes[m.root.i] = "outside"
    if "outside" in modes.values() and "in" in modes.values() and mode_hint is None:
        excepted = slots.excepted_places(ctx)
        if all(modes[m.root.i] == "outside" or m.root.i in excepted for m in mentions):
            # "not ... outside Japan, except for backups in Singapore": Singapore is allowed too, not denied
            modes.update({i: "outside" for i in excepted if i in modes})
        else:
            # "to countries outside the EEA, including the United States": the named destinations count
            mentions = [m for m in mentions if modes[m.root.i] == "in"]
    for m in mentions:
        if modes[m.root.i] == "outside":
            mode = "outside"
        if m.place.code not in regions:
            regions.append(m.place.code)
        for c in m.place.countries:
            if c not in countries:
                countries.append(c)
    first = min(m.span.start for m in mentions)
    last = max(m.span.end for m in mentions)
    start = first
    if start > 0 and ctx.doc[start - 1].dep_ == "prep":
        start -= 1
    text = ctx.doc[start:last].text
    window = ctx.doc[max(0, first - 4) : min(len(ctx.doc), last + 6)].text
    is_open = bool(ctx.lex.open_list.search(window)) or any(m.place.broad for m in mentions)
    # "to the United States, where our databases are, or other countries where ...": the list goes on after a
    # clause longer than the window
    is_open = is_open or bool(_OR_OTHER_PLACES.search(ctx.doc[last:].text))
    is_open = is_open or bool(ctx.lex.pattern("open_list", "partial").search(ctx.region_text(tok)))
    # "all of your data in Japan, except for images and videos": some data is elsewhere, the list is not closed
    is_open = is_open or (mode == "in" and slots.excepts_data(ctx))
    return Location(text=text, mode=mode, regions=regions, countries=countries, open=is_open)


_OR_OTHER_PLACES = re.compile(r"\b(or|and) (in |to )?(other|additional) (countries|jurisdictions|locations|regions)\b",
                              re.I)
_ELSEWHERE = re.compile(r"\b(any|an)?\s*other (country|countries|region|regions|location|locations|"
                        r"jurisdiction|place)\b|\belsewhere\b|\banywhere else\b|\babroad\b", re.I)


def _elsewhere(ctx: SentenceContext, tok: Token) -> Location | None:
    """"stored in Australia and not replicated to any other region": outside the places just named."""
    if not _ELSEWHERE.search(ctx.region_text(tok)):
        return None
    for sib in slots._conj_group(tok):
        if sib.i == tok.i:
            continue
        named = [m for m in ctx.mentions if ctx.place_owner(m) == sib.i and ctx.place_is_destination(m)]
        if named:
            loc = _location(ctx, sib, named, None)
            if loc is not None:
                return Location(text=_ELSEWHERE.search(ctx.region_text(tok)).group(0), mode="outside",
                                regions=loc.regions, countries=loc.countries, open=False)
    return None


def _mention_mode(ctx: SentenceContext, m, outside_preps: frozenset[str]) -> str:
    prep = m.root
    while prep.dep_ in ("pobj", "conj", "appos", "compound", "amod", "nmod") and prep.head.i != prep.i:
        prep = prep.head
        if prep.dep_ == "prep" or prep.lower_ in outside_preps:
            break
    if prep.lower_ in outside_preps or (prep.lower_ == "of" and prep.i > 0
                                        and prep.doc[prep.i - 1].lower_ in outside_preps):
        return "outside"
    return "in"


COLLECTED_BY_RULE = "sharing.collected_by.v1"


def _tails_object(party: Token) -> bool:
    """A recipient phrase the parser hung on a noun of the data phrase instead of on the verb."""
    prep = party.head
    return prep.lower_ in ("to", "with") and prep.head.pos_ in ("NOUN", "PROPN", "PRON")


def _party_models(mentions: list[slots.PartyMention]) -> list[Party]:
    return [Party(text=p.text, kind=p.kind, name=p.name) for p in mentions]  # type: ignore[arg-type]


def _misparsed_auxiliaries(an: Analyzer, doc: Doc) -> list[Hit]:
    """ "We may share aggregated data with partners": the parser reads "share" as an auxiliary of "aggregated".
    The verb's triggers then apply to the word it heads, which holds the object and the recipient."""
    words = an.rules.lexicon.words("check_words", "aux_misparsed_verbs")
    out: list[Hit] = []
    for tok in doc:
        if tok.pos_ == "AUX" and tok.dep_ == "aux" and tok.lemma_ in words and tok.head.pos_ == "VERB":
            out += [Hit(token=tok.head, trigger=trig) for trig in an.triggers.retagged(tok, "VERB")]
    return out


class _SentenceReader:
    def __init__(self, an: Analyzer, doc: Doc, sentence: Sentence) -> None:
        self.an = an
        self.doc = doc
        self.sentence = sentence
        mentions = find_places(doc, an.places)
        hits = [Hit(token=tok, trigger=trig) for tok, trig in an.triggers.hits(doc)]
        hits += _misparsed_auxiliaries(an, doc)
        self.ctx = SentenceContext(doc=doc, hits=hits, mentions=mentions, lex=an.rules.lexicon,
                                   text=sentence.analysed,  # what was parsed: the same string as doc.text
                                   written=sentence.text)

    def evidence(self) -> Evidence:
        s = self.sentence
        return Evidence(text=s.text, start=s.start, end=s.end, section=s.section_path)

    def read(self) -> list[Assertion]:
        ctx = self.ctx
        out: list[Assertion] = []
        # a trigger that fails a check of the tree alone can never hold: it must not own a place or a region
        # even in the first reading ("by using the Service you consent to the transfer ... to the U.S.")
        candidates: list[Hit] = []
        for h in ctx.hits:
            (ctx.never_held if _fails_on_tree(ctx, h) else candidates).append(h)
        if ctx.never_held:
            ctx.reset(candidates)
        passed = [h for h in candidates if _passes(ctx, h)]
        for _ in range(3):  # regions and place ownership depend on which triggers hold: settle them
            if len(passed) == len(ctx.hits):
                break
            ctx.reset(passed)
            again = [h for h in candidates if _passes(ctx, h)]
            if again == passed:
                break
            passed = again
        if len(passed) != len(ctx.hits):
            ctx.reset(passed)
        by_token: dict[int, set[str]] = {}
        for h in passed:
            by_token.setdefault(h.token.i, set()).add(h.trigger.practice)
        for h in passed:
            practices_here = by_token[h.token.i]
            practice = h.trigger.practice
            if practice == "storage" and "retention" in practices_here and not ctx.places_for(h.token):
                continue
            if practice == "collection" and practices_here & {"sharing", "law_enforcement"}:
                continue
            out.extend(self._assertions(h))
        out = _drop_nested(out, ctx)
        out = _anywhere_else(out)
        out = _said_otherwise(out)
        if not out:
            out.extend(self._from_heading())
        if self.sentence.kind == "table_row":
            out = [_with_row_data(a, self.sentence.text, ctx.lex) for a in out]
        return _dedupe(out)

    def _assertions(self, hit: Hit) -> list[Assertion]:
        ctx, tok, trig = self.ctx, hit.token, hit.trigger
        practice = trig.practice
        negated = slots.is_negated(ctx, tok)
        may = slots.is_may(ctx, tok)
        wish = slots.wish_verb(ctx, tok) if practice in ("sharing", "sale") else None
        if wish is not None:
            if not negated and wish.lemma_ in ("wish", "want") and not any(c.dep_ == "neg" for c in wish.children):
                return []  # "if you wish for us to transfer your data to a third party, please ...": a request
            negated, may = False, True  # "if you prefer that we do not share ...": we may share
        if negated and may and tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "have" for c in tok.children):
            return []  # "the company may not have collected personal information from each source": no denial
        if negated and _excepting_lead_in(ctx, tok):
            # "We will not share ... except in limited circumstances, including: - When you allow us to share ...":
            # the item is one of the exceptions; the denial is the lead-in's, claimed by its own sentence
            return []
        mentions = ctx.places_for(tok) if practice in slots.LOCATION_PRACTICES else []
        if "engaged_party" in trig.requires:
            party_mentions = slots.engaged_parties(ctx, tok)  # the engaged party receives the data
        elif "collector_actor" in trig.requires:
            party_mentions = _collectors(ctx, tok)  # the party placing the cookie receives what it reads
        else:
            party_mentions = slots.parties(ctx, tok)
        if trig.implied_party and not party_mentions:
            words = ctx.lex.raw["implied_parties"][trig.implied_party]
            party_mentions = [slots.PartyMention(text=words, kind=trig.implied_party, name=None, denied=False,
                                                 head=tok.i)]
        if "party_subject" in trig.requires and not party_mentions:
            # "our payment provider receives your name ...": the subject is the recipient
            party_mentions = [a for a in slots.actor_parties(ctx, tok) if a.kind != "self"]
        if practice == "sharing":
            others = [g for c in tok.subtree if c.pos_ == "ADP" and c.lower_ in ("to", "with") for g in c.children
                      if g.dep_ == "pobj" and g.lower_ not in ("us", "we")]
            if party_mentions and not others and all(
                    p.kind == "self" and ctx.doc[p.head].head.head.i == tok.i for p in party_mentions):
                return []  # "... prevent this information from being shared with us": it reaches us, not others
            party_mentions = [p for p in party_mentions if p.kind != "public_authority"]
            if not party_mentions and any(p.kind == "public_authority" for p in slots.parties(ctx, tok)):
                return []
        if practice == "law_enforcement":
            party_mentions = [p for p in party_mentions if p.kind == "public_authority"] or party_mentions or [
                a for a in slots.actor_parties(ctx, tok) if a.kind == "public_authority"  # "courts may access"
            ] or slots.authority_mentions(ctx, tok)  # "comply with requests from regulators or courts"
        avoid = {m.span.start for m in mentions}
        for m in mentions:
            avoid.update(range(m.span.start, m.span.end))
        for p in party_mentions:
            party = ctx.doc[p.head]
            avoid.add(p.head)
            if party.dep_ == "pobj" and _tails_object(party):
                avoid.update(t.i for t in party.head.subtree)  # "... and website information to advertisers"
        # "we may disclose your information ... to comply with a subpoena or respond to a government request":
        # complying is the purpose of that disclosure, with its hedge and its data
        governor = slots.disclosing_governor(tok) if practice == "law_enforcement" else None
        if governor is not None:
            may = may or slots.is_may(ctx, governor)
        data_text, head = slots.data_phrase(ctx, governor if governor is not None else tok, avoid)
        thing = slots.made_public(ctx, tok) if "made_public" in trig.requires else None
        if thing is not None:  # "anything you write in the forums becomes public", "your email address"
            data_text, head = slots.public_thing_text(thing), thing
        if head is not None and "engaged_party" in trig.requires and any(
                ctx.doc[p.head] in head.subtree for p in party_mentions):
            data_text, head = None, None  # "we use a variety of ad networks to ...": the object is the party
        if "located_party" in trig.requires:
            data_text, head = None, None  # "our providers are located in China": what is located is the party
        location = _location(ctx, tok, mentions, trig.place_mode)
        if location is None and negated and practice in slots.LOCATION_PRACTICES:
            location = _elsewhere(ctx, tok)
        if location is None and practice == "transfer":
            # "not exported from mainland China": the origin, left = outside it
            origins = [m for m in ctx.mentions if ctx.place_owner(m) == tok.i and _under_from(m)]
            if origins:
                found = _location(ctx, tok, origins, "outside")
                location = found.model_copy(update={"mode": "outside"}) if found else None
        exclusive = slots.is_exclusive(ctx, tok, head, mentions)
        if exclusive and may and slots.permission_only(ctx, tok):
            may = False  # "only employees in Japan can access your data": a restriction, not a possibility
        if negated and location is not None and location.mode == "in" and practice in slots.LOCATION_PRACTICES \
                and _outside_only(ctx, tok) and mentions and {m.root.i for m in mentions} <= slots.excepted_places(ctx):
            # "not transferred abroad, except to South Korea": abroad only to South Korea, not "not to Korea"
            negated, exclusive = False, True
        actors: list[slots.PartyMention] = []
        if practice in ("processing", "collection", "storage", "retention"):
            actors = slots.actor_parties(ctx, tok)
            if practice in ("storage", "retention") and any(a.kind == "self" for a in actors):
                actors = []  # "we and our service providers keep your data ...": the organisation keeps it too
            if practice != "processing":
                actors = [a for a in actors if a.kind != "self"]
            if practice == "retention":  # "photos provided to our vendor are kept 14 days": who keeps them only
                # (the subject, or the agent of "not retained by Acme")
                party_mentions = [p for p in party_mentions if ctx.doc[p.head].head.dep_ == "agent"]
        if practice in slots.LOCATION_PRACTICES:
            known = {p.head for p in [*actors, *party_mentions]}
            actors = actors + [h for h in slots.server_hosts(ctx, tok) if h.head not in known]
            if practice == "transfer" and not party_mentions and not actors:
                actors = slots.named_agent_of_pair(ctx, tok)
        if actors:
            party_mentions = actors + [p for p in party_mentions if p.head not in {a.head for a in actors}]
        if practice in ("storage", "transfer", "retention"):
            # "stored on our servers and accessible to the public": the public reads it, it holds nothing
            party_mentions = [p for p in party_mentions if p.kind != "public"]
        if practice == "processing" and head is not None and slots.is_tool(ctx, head) and all(
                p.kind in ("self", "unspecified") for p in party_mentions):
            # "we have no access to or control over these cookies": the tools, not data they hold. "Advertisers
            # do not have access to our cookies" still says what reaches them
            return []
        base = dict(
            practice=practice,
            # hedged: where a party is may be where data is; "none of our providers is in the US" denies it outright
            modality="may" if may or (trig.hedged and not negated) else "fact",
            scope="exclusive" if exclusive else "unspecified",
            data=DataRef(text=data_text, categories=_data_categories(data_text)) if data_text else None,
            location=location,
            conditions=slots.conditions(ctx, tok, retention=practice == "retention"),
            evidence=self.evidence(),
            rule=trig.id,
        )
        if practice == "retention":
            dur = slots.retention(ctx, tok)
            if negated and tok.lemma_.lower() in ctx.lex.words("deletion_verbs"):
                # "your data is not deleted immediately", "copies may not be removed for up to 90 days": the
                # data is kept, and read as denied it was "we do not keep it", which every store contradicted.
                # A period bounds what is kept only as "for ..." ("not deleted within 30 days" is no bound)
                negated = False
                if dur is not None and dur.days is not None and not re.search(
                        rf"\bfor (up to |at most |a maximum of |no more than )?{re.escape(dur.text)}", ctx.text, re.I):
                    dur = slots.Duration(dur.text, None, dur.until) if dur.until else None
            # "persistent cookies stay on your computer for 2 years": said, and worth a diff, but not a store's
            on_device = slots.device_lifetime(ctx, tok, _device(ctx, tok))
            base["retention"] = (
                Retention(text=dur.text, max_days=dur.days, until=dur.until, on_device=on_device) if dur
                else Retention(text=ctx.region_text(tok), on_device=True) if on_device else None
            )
            base["location"] = None
        if practice == "encryption":
            kinds = slots.encryption_kinds(ctx, tok, whole=tok.pos_ != "VERB")
            if not kinds and tok.lower_ in ("tls", "ssl", "https"):
                kinds = ["in_transit"]
            results = []
            for kind in kinds or [None]:
                # "encrypted in transit but not at rest": the contrast turns that kind alone
                denied = negated != (kind is not None and slots.contrasted_kind(ctx, tok, kind, negated))
                a = Assertion(**base, polarity="deny" if denied else "affirm",
                              encryption=Encryption(kind=kind) if kind else None)
                results.append(a)
            return _mark(results, tok)
        # "with X but not with Y": one affirmative and one negative assertion
        denied = [p for p in party_mentions if p.denied]
        kept = [p for p in party_mentions if not p.denied]
        results = [Assertion(**base, polarity="deny" if negated else "affirm", parties=_party_models(kept))]
        collectors = []
        if practice == "collection":
            collectors = _collectors(ctx, tok, actors + _agents(ctx, tok, party_mentions))
        if negated and practice == "collection" and (collectors or any(a.name is None for a in actors)):
            results = []  # "we do not allow advertisers (or our vendors) to collect ...": theirs, not ours
        # a company named ("Hotjar will not collect any data") may be the organisation: the comparator knows
        # "other sites may collect information about you": what a site the reader visits collects is its own
        collectors = [c for c in collectors if ctx.doc[c.head].lemma_.lower() not in ("site", "website", "webpage")]
        if collectors:
            # "advertising partners collect information about your visits": the data reaches them
            results.append(Assertion(**{**base, "practice": "sharing", "rule": COLLECTED_BY_RULE},
                                     polarity="deny" if negated else "affirm", parties=_party_models(collectors)))
        if denied and not kept and party_mentions:
            results = []  # "shared with neither advertisers nor brokers": only the denial
        if denied:
            results.append(Assertion(**base, polarity="affirm" if negated else "deny",
                                     parties=_party_models(denied)))
        return _mark(results, tok)

    def _from_heading(self) -> list[Assertion]:
        """Short sentences under a heading that sets the practice: "Where we store data" > "Japan."."""
        section = " ".join(self.sentence.section[-2:])
        if not section:
            return []
        retention_heading = self.an.rules.headings.get("retention")
        if retention_heading is not None and retention_heading.search(section) and len(self.doc) <= 25:
            found = self.ctx.lex.duration.search(self.doc.text)
            if found:
                dur = slots.retention(self.ctx, self.doc[0])
                if dur is not None and dur.days is not None:
                    named = _row_label(self.sentence.text, found.start())
                    return [Assertion(
                        practice="retention", polarity="affirm", modality="fact", scope="unspecified",
                        data=DataRef(text=named, categories=_data_categories(named)) if named else None,
                        retention=Retention(text=dur.text, max_days=dur.days, until=dur.until),
                        evidence=self.evidence(), rule="retention.heading.v1",
                    )]
        if not self.ctx.mentions or any(t.pos_ in ("VERB", "AUX") and t.is_alpha for t in self.doc):  # not "|"
            return []  # only verbless lines ("Japan and Singapore.") take their practice from the heading
        for practice, pattern in self.an.rules.headings.items():
            if practice == "retention" or not pattern.search(section):
                continue
            mentions = [m for m in self.ctx.mentions if self.ctx.place_is_destination(m)]
            if not mentions or len(self.doc) > 25:
                return []
            root = mentions[0].root
            loc = _location(self.ctx, root, mentions, None)
            named = _row_label(self.sentence.text, mentions[0].span.start_char)  # "| Photos | South Korea |"
            return [
                Assertion(
                    practice=practice, polarity="affirm", modality="fact", scope="unspecified",
                    data=DataRef(text=named, categories=_data_categories(named)) if named else None,
                    location=loc, evidence=self.evidence(), rule=f"{practice}.heading.v1",
                )
            ]
        return []


def _row_label(text: str, period_at: int) -> str | None:
    """What a table row or a "label: value" line under a retention heading is about: "Text messages | 14 days",
    "Photos and videos: 30 days". Without it the period read as one for all data, which any longer store
    contradicted."""
    for sep in (" | ", ": "):
        cut = text.find(sep)
        if 0 < cut < period_at:
            return (_first_cell(text) if sep == " | " else text[:cut].strip(" *_")) or None
    return None


def _first_cell(row: str) -> str:
    """A table row's first cell: the document model writes a row as its cells joined by " | "."""
    return row.split(" | ", 1)[0].strip(" *_|")


def _with_row_data(a: Assertion, row: str, lex: Lexicon) -> Assertion:
    """A claim of a table row that names no data ("| Location data. Legal basis: ... | Deleted after 24 hours |")
    is about the row's first cell, up to its first full stop: without it the period read as one for all data,
    which any longer store contradicted. A data phrase that crosses into the next cell ("| Selfie photos")
    loses the bar."""
    data = a.data
    if data is not None and data.text.startswith("|"):
        text = data.text.lstrip("| ")
        data = DataRef(text=text, categories=_data_categories(text)) if text else None
    if data is None or (not data.categories and lex.pattern("anaphora", "data_reference").match(data.text.strip())):
        label = re.split(r"(?<=[a-z)])\.\s", _first_cell(row), maxsplit=1)[0].strip(" .:")
        if label and len(label.split()) <= 12:
            data = DataRef(text=label, categories=_data_categories(label))
    return a if data is a.data else a.model_copy(update={"data": data})


def _said_otherwise(found: list[Assertion]) -> list[Assertion]:
    """ "Some of our providers are located outside the UK, so ... may involve a transfer outside the UK": where
    the providers are is already the sentence's transfer (or storage, processing) claim."""
    placed = {(a.location.mode, tuple(a.location.countries)) for a in found
              if a.location is not None and a.rule != LOCATED_RULE and a.practice in slots.LOCATION_PRACTICES}
    return [a for a in found if not (a.rule == LOCATED_RULE and a.location is not None
                                     and (a.location.mode, tuple(a.location.countries)) in placed)]


LOCATED_RULE = "processing.party_located.v1"


def _mark(assertions: list[Assertion], tok: Token) -> list[Assertion]:
    for a in assertions:
        a._token = tok.i
    return assertions


def _drop_nested(assertions: list[Assertion], ctx: SentenceContext) -> list[Assertion]:
    """One claim read twice ("disclose ... to comply with legal process"): keep the outer reading."""
    return assertions if len(assertions) < 2 else [
        a for a in assertions
        if not any(
            b is not a and b.practice == a.practice and b.polarity == a.polarity
            and _token_of(b) != _token_of(a) and slots.nested_in(ctx.doc, _token_of(a), _token_of(b))
            for b in assertions
        )
    ]


def _token_of(a: Assertion) -> int:
    return a._token


def _anywhere_else(assertions: list[Assertion]) -> list[Assertion]:
    """"stored in Japan and never kept anywhere else": one exclusive claim, not an extra denial."""
    out = list(assertions)
    for a in assertions:
        if a.polarity == "deny" and a.location is None and a.practice in slots.LOCATION_PRACTICES and re.search(
            r"\b(anywhere else|elsewhere|any other (country|place|location))\b", a.evidence.text, re.I
        ):
            twins = [b for b in assertions if b.practice == a.practice and b.polarity == "affirm" and b.location]
            out.remove(a)  # with no place to be "else" than, it is no denial of the practice anywhere
            for b in twins:
                b.scope = "exclusive"
    return out


def _dedupe(assertions: list[Assertion]) -> list[Assertion]:
    """Drop readings that another reading of the same sentence says in full ("do not sell or rent ... to
    third parties" is one denial with its parties; "disclose ... to comply with the law" one disclosure)."""
    out: list[Assertion] = []
    for idx, a in enumerate(assertions):
        if any(_subsumes(b, a) and (not _subsumes(a, b) or j < idx)
               for j, b in enumerate(assertions) if b is not a):
            continue
        out.append(a)
    return out


def _subsumes(b: Assertion, a: Assertion) -> bool:
    """True when `b` says everything `a` says (same claim, at least as specific)."""
    if (a.practice, a.polarity) != (b.practice, b.polarity):
        return False
    if a.location is not None and (b.location is None or set(a.location.countries) != set(b.location.countries)
                                   or a.location.mode != b.location.mode):
        return False
    if a.encryption is not None and a.encryption != b.encryption:
        return False
    if a.retention is not None and (b.retention is None or a.retention.max_days != b.retention.max_days
                                    or a.retention.until != b.retention.until):
        return False
    if a.data is not None and (b.data is None or a.data.text.lower() != b.data.text.lower()):
        return False
    return not (a.parties and sorted(p.kind for p in a.parties) != sorted(p.kind for p in b.parties))


# ---------------------------------------------------------------------- public entry points


def wants_parse(an: Analyzer, sentence: Sentence) -> bool:
    """The prefilter: parse a sentence only if some trigger in it could pass its required checks, or its
    heading could give it a practice (see prefilter.py; it may keep too much, never too little)."""
    return an.prefilter.wants(sentence.analysed, sentence.section)


def check_language(document: Document) -> None:
    if document.language not in SUPPORTED_LANGUAGES:
        name = document.language
        raise UnsupportedLanguageError(
            f"the notice is in language '{name}', which the extractor does not support yet "
            f"(supported: {', '.join(SUPPORTED_LANGUAGES)})",
            source=document.source,
        )


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def _plain_apostrophes(sentence: Sentence) -> Sentence:
    """ "We don’t sell": the model splits "don’t" like "don't", but the rules know the negation only as "n't".
    The evidence keeps the notice's own apostrophes; only the parsed text changes (same length)."""
    parsed = sentence.analysed.translate(_APOSTROPHES)
    return sentence if parsed == sentence.analysed else sentence.model_copy(update={"parse_text": parsed})


def _read_sentences(sentences: list[Sentence], *, prefilter: bool, batch_size: int, n_process: int,
                    progress: Callable[[int, int], None] | None, reuse: bool) -> list[list[Assertion]]:
    """The assertions of each sentence, aligned with `sentences` (empty for those never parsed)."""
    an = load_analyzer()
    sentences = resolve_pronoun_subjects(sentences, an)  # "They have access to ...": who they are
    sentences = resolve_elsewhere(sentences, an)  # "It is not stored anywhere else": else than where
    sentences = [_plain_apostrophes(s) for s in sentences]
    contents = an.rules.lexicon.pattern("contents_headings")
    wanted = [i for i, s in enumerate(sentences)
              if s.kind != "heading" and not (s.section and contents.search(s.section[-1]))
              and (not prefilter or wants_parse(an, s))]
    slot_of: dict[int, int] = {}  # sentence index -> index of the distinct sentence that is read for it
    first: dict[tuple, int] = {}
    to_read: list[int] = []
    for i in wanted:
        s = sentences[i]
        key = (s.text, s.analysed, tuple(s.section[-2:])) if reuse else (i,)
        if key not in first:
            first[key] = len(to_read)
            to_read.append(i)
        slot_of[i] = first[key]
    read: list[list[Assertion]] = []
    docs = an.nlp.pipe((sentences[i].analysed for i in to_read), batch_size=batch_size, n_process=n_process)
    for done, (i, doc) in enumerate(zip(to_read, docs, strict=True), start=1):
        sentence = sentences[i]
        again = name_subject_text(doc, an.verbs, an.rules.lexicon)
        if again is not None:  # "Example Talk stores photos in Korea" read as a noun phrase: see reparse.py
            sentence = sentence.model_copy(update={"parse_text": again})
            doc = an.nlp(again)
        elif (again := misread_verb_text(doc, an.verbs)) is not None:
            second = an.nlp(again)  # "Our affiliates in Korea process data": the same, for a party
            if reads_as_clause(second, an.verbs):
                sentence, doc = sentence.model_copy(update={"parse_text": again}), second
        elif (again := aside_after_modal_text(doc, an.verbs)) is not None:  # "may (and you authorize us to) share"
            sentence, doc = sentence.model_copy(update={"parse_text": again}), an.nlp(again)
        read.append([a.assign_id() for a in _SentenceReader(an, doc, sentence).read()])
        if progress is not None and (done % batch_size == 0 or done == len(to_read)):
            progress(done, len(to_read))
    out: list[list[Assertion]] = [[] for _ in sentences]
    for i, slot in slot_of.items():
        if to_read[slot] == i:
            out[i] = read[slot]
        else:  # the same sentence again: the same claims, with this occurrence's evidence
            s = sentences[i]
            evidence = Evidence(text=s.text, start=s.start, end=s.end, section=s.section_path)
            out[i] = [a.model_copy(update={"evidence": evidence}, deep=True).assign_id() for a in read[slot]]
    out = resolve_data_references(sentences, out, an.rules.lexicon)  # "this data": the data of the claim before
    return resolve_following_places(sentences, out, an.rules.lexicon)  # "including ... the following countries"


def extract_sentences(sentences: Iterable[Sentence], *, prefilter: bool = True, batch_size: int = 64,
                      n_process: int = 1, progress: Callable[[int, int], None] | None = None,
                      reuse: bool = True) -> list[Assertion]:
    """Assertions of the given sentences; `progress(done, total)` is called as sentences are read.

    With `reuse`, a sentence seen before in this batch (same text under the same headings) is parsed and
    read once: successive versions of a notice, and notices built from one template, repeat most sentences.
    """
    per_sentence = _read_sentences(list(sentences), prefilter=prefilter, batch_size=batch_size,
                                   n_process=n_process, progress=progress, reuse=reuse)
    return [a for found in per_sentence for a in found]


def extract(document: Document, *, prefilter: bool = True, n_process: int = 1,
            progress: Callable[[int, int], None] | None = None) -> list[Assertion]:
    """The structured assertions of a notice, in document order."""
    check_language(document)
    return extract_sentences(document.sentences, prefilter=prefilter, n_process=n_process, progress=progress)


def extract_many(documents: Sequence[Document], *, n_process: int = 1, prefilter: bool = True,
                 progress: Callable[[int, int], None] | None = None) -> list[list[Assertion]]:
    """The assertions of several notices, one list per notice: one parse pass over all of them (on
    `n_process` cores), each sentence they share read once."""
    for document in documents:
        check_language(document)
    sentences = [s for d in documents for s in d.sentences]
    per_sentence = _read_sentences(sentences, prefilter=prefilter, batch_size=64, n_process=n_process,
                                   progress=progress, reuse=True)
    out: list[list[Assertion]] = []
    pos = 0
    for document in documents:
        n = len(document.sentences)
        out.append([a for found in per_sentence[pos : pos + n] for a in found])
        pos += n
    return out


__all__ = ["SUPPORTED_LANGUAGES", "extract", "extract_many", "extract_sentences", "geo"]
