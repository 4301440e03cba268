"""A data word the manifest's own aliases use names the manifest's narrower category.

"We never store your photos on our servers" read "photos" as private content, which covers a store of text
messages too, so the text-message store contradicted it. The manifest calls its media "photos and videos sent in
chats": a single noun phrase whose last word is a word of an alias for a category below the built-in reading
means that category. Lists ("messages and attachments") and generic words ("your data") are read as before.
"""

from __future__ import annotations


def _refs(findings_of, example, text, practice):
    return [(f.verdict, {r.key for r in f.manifest_refs}) for f in findings_of(example, text, practice)]


def test_photos_mean_the_manifests_photos(findings_of):
    assert _refs(findings_of, "line-2021", "We never store your photos on our servers.", "storage") == [
        ("contradicted", {"talk_media"})]


def test_messages_still_mean_all_messages(findings_of):
    [(verdict, keys)] = _refs(findings_of, "line-2021", "We do not keep your messages.", "retention")
    assert verdict == "contradicted" and keys == {"talk_messages", "talk_media"}


def test_generic_words_are_not_narrowed(findings_of):
    [(verdict, keys)] = _refs(findings_of, "line-2021", "We never store your data outside Japan.", "storage")
    assert verdict == "contradicted" and "talk_media" in keys
