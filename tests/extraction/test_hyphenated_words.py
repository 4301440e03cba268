"""Phrases come back as written: hyphenated words ("e-mail", "third-party"), and no word of another phrase.

The tokenizer splits "e-mail" into three tokens, and the small model sometimes hangs each on the verb as an
object of its own ("encrypt e-mail messages" gave the data "e"). Phrases were also joined with a space
between every token, so a user read "e - mail addresses" and "the company 's engineers".
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "practice", "data"), [
    ("Our security software does not encrypt e-mail messages.", "encryption", "e-mail messages"),
    ("We do not share e-mail addresses with advertisers.", "sharing", "e-mail addresses"),
    ("We store your e-mail address in the United States.", "storage", "your e-mail address"),
])
def test_hyphenated_data_is_the_phrase_as_written(claims, text, practice, data):
    found = [a for a in claims(text) if a.practice == practice]
    assert [a.data.text for a in found] == [data]


def test_hyphenated_and_possessive_parties_are_as_written(claims):
    found = claims("Meredith or third-party contractors we engage may collect certain information automatically.")
    # the company names itself; the comparator tells it from other companies by the manifest's organization
    assert [(p.text, p.name) for a in found for p in a.parties] == [("Meredith", "Meredith"),
                                                                   ("third-party contractors", None)]
    found = claims("The company's engineers in China can access user data.")
    assert [(p.text, p.kind) for a in found for p in a.parties] == [("The company's engineers", "self")]



def test_a_demonstrative_for_another_noun_is_not_part_of_the_data(claims):
    # "on our servers and those of our service providers": "those" stands for servers, not for the data
    [a] = [a for a in claims("We may store your information on our servers and those of our service providers.")
           if a.practice == "storage"]
    assert a.data.text == "your information"
