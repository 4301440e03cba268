"""The rule-based sentence splitter."""

from __future__ import annotations

import pytest

from notice_check.document import sentences, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We collect data, e.g. names and emails. We store it in Japan.",
            ["We collect data, e.g. names and emails.", "We store it in Japan."],
        ),
        ("E.g. names are kept. I.e. forever.", ["E.g. names are kept.", "I.e. forever."]),
        (
            "We use processors (i.e. AWS). They are in the U.S. We also use others.",
            ["We use processors (i.e. AWS).", "They are in the U.S.", "We also use others."],
        ),
        (
            "Transfers to the U.S. Department of Commerce list are rare.",
            ["Transfers to the U.S. Department of Commerce list are rare."],
        ),
        (  # a hyphenated country pair: the period of "U.S." does not end the sentence either
            "We rely on the EU-U.S. Data Privacy Framework and the Swiss-U.S. DPF. Data goes to the EU-U.S. We stop.",
            ["We rely on the EU-U.S. Data Privacy Framework and the Swiss-U.S. DPF.", "Data goes to the EU-U.S.",
             "We stop."],
        ),
        (
            "We collect names, emails, etc. We never sell them.",
            ["We collect names, emails, etc.", "We never sell them."],
        ),
        ("Names, emails, etc. Are collected.", ["Names, emails, etc. Are collected."]),
        (
            "Example Inc. Japan hosts our data. Example Ltd. We also host it.",
            ["Example Inc. Japan hosts our data.", "Example Ltd.", "We also host it."],
        ),
        (
            "Example Co. is in Tokyo. Example Corp. has offices.",
            ["Example Co. is in Tokyo.", "Example Corp. has offices."],
        ),
        ("See Art. 46 GDPR. It allows transfers.", ["See Art. 46 GDPR.", "It allows transfers."]),
        ("We rely on No. 5 of the list. Done.", ["We rely on No. 5 of the list.", "Done."]),
        ("The fee is 3.5 percent. It is 2.0 now.", ["The fee is 3.5 percent.", "It is 2.0 now."]),
        (
            "Wait... we might keep it. Or... We delete it.",
            ["Wait... we might keep it.", "Or...", "We delete it."],
        ),
        ("We may … keep it. Fine… Next.", ["We may … keep it.", "Fine…", "Next."]),
        ('He said "we keep it." Then we left.', ['He said "we keep it."', "Then we left."]),
        ("(This is a note.) Next one.", ["(This is a note.)", "Next one."]),
        ("Really? Yes! Okay.", ["Really?", "Yes!", "Okay."]),
        ("J. Smith is our DPO. Contact him.", ["J. Smith is our DPO.", "Contact him."]),
        ("1. We collect data. 2. We store it.", ["1. We collect data.", "2. We store it."]),
        ("Visit example.com. It explains more.", ["Visit example.com.", "It explains more."]),
        (
            "We keep data for 30 days. 50% is deleted sooner.",
            ["We keep data for 30 days.", "50% is deleted sooner."],
        ),
        (
            "Contact Dr. Tanaka at privacy@example.jp. She replies.",
            ["Contact Dr. Tanaka at privacy@example.jp.", "She replies."],
        ),
        (
            "Daten werden z.B. in der EU gespeichert. Wir verkaufen nichts.",
            ["Daten werden z.B. in der EU gespeichert.", "Wir verkaufen nichts."],
        ),
        (
            "個人情報は日本に保存します。第三者には提供しません。",
            ["個人情報は日本に保存します。", "第三者には提供しません。"],
        ),
        ("「保存します。」と記載しています。次の文。", ["「保存します。」と記載しています。", "次の文。"]),
        ("「保存します。」次の文。", ["「保存します。」", "次の文。"]),
        ("No final punctuation", ["No final punctuation"]),
        (
            "We use it as described in “4. Purpose of use”, as usual. Next.",
            ["We use it as described in “4. Purpose of use”, as usual.", "Next."],
        ),
        ("", []),
    ],
)
def test_splitter(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_are_exact_and_trimmed() -> None:
    text = "  We store data.   It is safe.  "
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["We store data.", "It is safe."]
    assert spans[0] == (2, 16)
