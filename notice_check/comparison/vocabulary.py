"""The comparator's language data (`vocabulary.yml`), loaded once with importlib.resources."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ruamel.yaml import YAML

from notice_check.errors import RuleError

_POINTER = re.compile(r"^(that|those|these|this|such|said|the following|each other.s)\s+\w+", re.IGNORECASE)


@dataclass(frozen=True)
class Vocabulary:
    party_relationships: dict[str, frozenset[str]]
    party_labels: dict[str, str]
    legal_process: re.Pattern[str]
    purpose_limit: re.Pattern[str]
    advertising_purpose: tuple[re.Pattern[str], re.Pattern[str]]  # (on the sentence, on a record's purpose)
    ccpa_share: re.Pattern[str]  # the statute's "share": advertising, like advertising_purpose's sentence
    practice_verbs: dict[str, tuple[str, str]]  # practice -> (third person, base form)
    group_names: dict[str, str]
    countries_with_article: frozenset[str]
    negative_determiners: tuple[str, ...]
    unrecorded_conditions: tuple[tuple[str, re.Pattern[str]], ...]  # (what the manifest lacks, pattern)
    unrecorded_limits: tuple[tuple[str, re.Pattern[str], str | None], ...]  # matched on the sentence
    notice_exception: re.Pattern[str]
    unmediated_access: re.Pattern[str]
    generic_party_words: frozenset[str]
    access_verbs: re.Pattern[str]  # access_denial: looking at data ...
    access_not_with: re.Pattern[str]  # ... unless the sentence denies the ability or holding it
    narrowed_after: re.Pattern[str]  # narrowed_data: a qualifying clause after the data phrase ...
    narrowed_states: frozenset[str]  # ... or a state word in or before it
    partial_data: tuple[re.Pattern[str], re.Pattern[str]]  # (on the data phrase, on the sentence)
    indefinite: tuple[re.Pattern[str], re.Pattern[str]]  # (says, unless negated)
    bounded_denial: re.Pattern[str]  # "we do not keep it longer than the law prescribes"
    data_reference: re.Pattern[str]  # "this information", "them": data named before the sentence
    everyone_parties: re.Pattern[str]  # "anyone", "any other party" ...
    generic_data_words: frozenset[str]  # "the information", "certain data": all user data
    end_to_end_scope: str  # what "we use end-to-end encryption", naming no data, is about
    excepted_parties: tuple[re.Pattern[str], dict[str, re.Pattern[str]]]  # (exception lead, kind -> words)
    located_users: re.Pattern[str]  # "because of your location ... by default": the place depends on the user
    usual_bound: re.Pattern[str]  # "we typically retain it for seven years": a usual period, not a limit
    limited_time: re.Pattern[str]  # "for as long as necessary": a bound with no number
    case_before: re.Pattern[str]  # "In such a case, ...": a case described before
    identifying: re.Pattern[str]  # "information that identifies you": narrowed only to what every record is
    user_segment: re.Pattern[str]  # "if you signed up from the EEA": the claim is about some users
    transfer_origin: tuple[tuple[str, re.Pattern[str]], ...]  # (region, pattern): "transferred from the EEA"
    party_reference: re.Pattern[str]  # "such data centers": parties named elsewhere
    everyone_kinds: frozenset[str]  # ... are all these kinds

    def relationships(self, kinds: set[str] | frozenset[str]) -> frozenset[str]:
        """Manifest relationships reached by any of the party kinds a notice names."""
        out: set[str] = set()
        for kind in kinds:
            out |= self.party_relationships.get(kind, frozenset())
        return frozenset(out)

    def mentions_legal_process(self, text: str) -> bool:
        return bool(self.legal_process.search(text))

    def unrecorded(self, conditions: list[str]) -> str | None:
        """What the manifest would need to know to settle a denial with these conditions, if anything."""
        return self.case_said_before(conditions) or next(
            (says for says, pattern in self.unrecorded_conditions for c in conditions if pattern.search(c)), None)

    def case_said_before(self, conditions: list[str]) -> str | None:
        """ "In such a case, ...": the claim holds in a case the notice described before."""
        return "which case the notice means" if any(self.case_before.search(c) for c in conditions) else None

    def unrecorded_limit(self, sentence: str, categories: tuple[str, ...] = ()) -> str | None:
        """What the manifest would need to know to settle a denial its own sentence limits, if anything."""
        return next((says for says, pattern, unless in self.unrecorded_limits
                     if pattern.search(sentence) and unless not in categories), None)

    def excepts_notice(self, texts: list[str]) -> bool:
        """ "except as described in this policy": the notice's other assertions are the exception."""
        return any(self.notice_exception.search(t) for t in texts)

    def denies_only_unmediated_access(self, text: str) -> bool:
        """ "we never give governments direct access": legal process is not what is denied."""
        return bool(self.unmediated_access.search(text))

    def about_part(self, data: str, sentence: str) -> bool:
        """ "some of your data", "sensitive information": the claim covers part of what the manifest holds."""
        on_data, on_sentence = self.partial_data
        return bool(on_data.search(data) or on_sentence.search(sentence))

    def keeps_indefinitely(self, sentence: str) -> bool:
        says, negated = self.indefinite
        return bool(says.search(sentence)) and not negated.search(sentence)

    def denies_indefinitely(self, sentence: str) -> bool:
        """ "we do not permanently retain chat data", "we never keep your data forever"."""
        says, negated = self.indefinite
        return bool(says.search(sentence)) and bool(negated.search(sentence) or re.search(r"\bnever\b", sentence))

    def denies_looking_only(self, sentence: str) -> bool:
        """ "we never access the content of your notes": looking at data is denied, not holding it."""
        return bool(self.access_verbs.search(sentence)) and not self.access_not_with.search(sentence)

    def narrows(self, data: str, sentence: str) -> bool:
        """ "messages that could not be delivered", "undelivered messages": the sentence qualifies its data."""
        named = data.partition(" (")[2] if data else ""
        if data and _POINTER.match(data) and ("(" not in data or _POINTER.match(named) or data.lower().startswith(
                "such ")):  # "such information": of the kind described before, whatever the phrase it points to
            # "that financial information": the part named before the sentence; "this information (this sort of
            # information about you)": the phrase it points to points on again
            return True
        # the phrase may be written again in a later sentence glued to this one ("we may share this personal
        # information ... . We do not disclose personal information collected in connection with the Program"); within
        # one sentence, the first is the claim's
        ats = [m.start() for m in re.finditer(re.escape(data.lower()), sentence.lower())] if data else []
        ats = [at for at in ats if at == ats[0] or re.search(r"[.;:]\s", sentence[ats[0] : at])]
        return any(self._narrows_at(data, sentence, at) for at in ats)

    def _narrows_at(self, data: str, sentence: str, at: int) -> bool:
        before = sentence[:at].split()[-1:]  # "undelivered messages", with the adjective in or out of the phrase
        words = [w.strip(".,;:()").lower() for w in before + data.split()[:-1]]
        head = data.split()[-1].lower() if data.split() else ""
        if data.lower().startswith("the ") and re.search(
                rf"\b(these|those|this|that|such)\s+(\w+\s+)?{re.escape(head)}\b", sentence[:at], re.IGNORECASE):
            return True  # "users may save these videos ..., the videos will not be collected by us": those videos
        if data.lower().startswith("the ") and len(data.split()) == 2 and any(
                m.group(1).lower() not in self.generic_data_words for m in re.finditer(
                    rf"\b([\w-]+)\s+{re.escape(head)}\b", sentence[:at], re.IGNORECASE)):
            return True  # "credit card information collected on our sign-up page ... the information is not sold"
        inner = [m.start() for m in re.finditer(r"(?<=\s)(?!(you|we|us|they)\b)\S", data, re.IGNORECASE)]
        # "personal information of those functions that have been restricted", "data obtained by the cookies": a
        # qualifying clause inside the phrase narrows as it does after it
        return any(self.narrowed_after.search(data[i:]) for i in inner) or bool(
            self.narrowed_after.search(sentence[at + len(data):])) or any(w in self.narrowed_states for w in words)

    def excepted_kinds(self, conditions: list[str]) -> frozenset[str]:
        """Party kinds a denial's exception names: "except to our service providers" -> {processor}."""
        lead, kinds = self.excepted_parties
        return frozenset(kind for c in conditions if lead.search(c) for kind, words in kinds.items()
                         if words.search(c))

    def transfer_origins(self, sentence: str) -> tuple[str, ...]:
        """Regions a transfer sentence says the data leaves from ("from the EEA", "Privacy Shield")."""
        return tuple(region for region, pattern in self.transfer_origin if pattern.search(sentence))

    def limits_purpose(self, text: str) -> bool:
        """ "for their own marketing purposes": a condition on what the recipient does, not on who it is."""
        return bool(self.purpose_limit.search(text))


@cache
def vocabulary() -> Vocabulary:
    """Read `vocabulary.yml`; a malformed file is a bug in shipped data, reported as a RuleError."""
    where = "notice_check/comparison/vocabulary.yml"
    raw = YAML(typ="safe").load(files("notice_check.comparison").joinpath("vocabulary.yml").read_text("utf-8"))
    try:
        words = sorted({str(w).lower() for w in raw["legal_process_words"]}, key=len, reverse=True)
        return Vocabulary(
            party_relationships={k: frozenset(v) for k, v in raw["party_relationships"].items()},
            party_labels={k: str(v) for k, v in raw["party_labels"].items()},
            legal_process=re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE),
            purpose_limit=re.compile(str(raw["purpose_limit"]), re.IGNORECASE),
            advertising_purpose=(re.compile(str(raw["advertising_purpose"]["sentence"]), re.IGNORECASE),
                                 re.compile(str(raw["advertising_purpose"]["record"]), re.IGNORECASE)),
            ccpa_share=re.compile(str(raw["advertising_purpose"]["ccpa_share"]), re.IGNORECASE),
            practice_verbs={k: (str(v[0]), str(v[1])) for k, v in raw["practice_verbs"].items()},
            group_names={k: str(v) for k, v in raw["group_names"].items()},
            countries_with_article=frozenset(str(c) for c in raw["countries_with_article"]),
            negative_determiners=tuple(str(w).lower() for w in raw["negative_determiners"]),
            unrecorded_conditions=tuple((str(c["says"]), re.compile(str(c["pattern"]), re.IGNORECASE))
                                        for c in raw["unrecorded_conditions"]),
            notice_exception=re.compile(str(raw["notice_exception"]), re.IGNORECASE),
            unrecorded_limits=tuple((str(c["says"]), re.compile(str(c["pattern"]), re.IGNORECASE),
                                     c.get("unless_category")) for c in raw["unrecorded_limits"]),
            unmediated_access=re.compile(str(raw["unmediated_access"]), re.IGNORECASE),
            generic_party_words=frozenset(str(w).lower() for w in raw["generic_party_words"]),
            indefinite=(re.compile(str(raw["indefinite"]["says"]), re.IGNORECASE),
                        re.compile(str(raw["indefinite"]["not"]), re.IGNORECASE)),
            bounded_denial=re.compile(str(raw["bounded_denial"]), re.IGNORECASE),
            partial_data=(re.compile(str(raw["partial_data"]["data"]), re.IGNORECASE),
                          re.compile(str(raw["partial_data"]["sentence"]), re.IGNORECASE)),
            access_verbs=re.compile(str(raw["access_denial"]["verbs"]), re.IGNORECASE),
            access_not_with=re.compile(str(raw["access_denial"]["not_with"]), re.IGNORECASE),
            narrowed_after=re.compile(str(raw["narrowed_data"]["after"]), re.IGNORECASE),
            narrowed_states=frozenset(str(w).lower() for w in raw["narrowed_data"]["states"]),
            data_reference=re.compile(str(raw["data_reference"]), re.IGNORECASE),
            everyone_parties=re.compile(str(raw["everyone_parties"]), re.IGNORECASE),
            everyone_kinds=frozenset(str(k) for k in raw["everyone_kinds"]),
            generic_data_words=frozenset(str(w).lower() for w in raw["generic_data_words"]),
            end_to_end_scope=str(raw["end_to_end_scope"]),
            user_segment=re.compile(str(raw["user_segment"]), re.IGNORECASE),
            usual_bound=re.compile(str(raw["usual_bound"]), re.IGNORECASE),
            limited_time=re.compile(str(raw["limited_time"]), re.IGNORECASE),
            case_before=re.compile(str(raw["case_before"]), re.IGNORECASE),
            located_users=re.compile(str(raw["located_users"]), re.IGNORECASE),
            identifying=re.compile(str(raw["identifying"]), re.IGNORECASE),
            transfer_origin=tuple((str(k), re.compile(str(v), re.IGNORECASE))
                                  for k, v in raw["transfer_origin"].items()),
            party_reference=re.compile(str(raw["party_reference"]), re.IGNORECASE),
            excepted_parties=(re.compile(str(raw["excepted_parties"]["lead"]), re.IGNORECASE),
                              {str(k): re.compile(str(v), re.IGNORECASE)
                               for k, v in raw["excepted_parties"]["kinds"].items()}),
        )
    except (KeyError, TypeError, AttributeError) as err:
        raise RuleError(f"malformed comparator vocabulary: {err}", source=where) from err
