"""The category tree: fideslang's keys, ancestry, manifest extensions, and the cost of building it."""

from __future__ import annotations

import pytest

from notice_check.manifest.model import CategoryExtension
from notice_check.taxonomy import Taxonomy, default_taxonomy
from notice_check.taxonomy.core import SNAPSHOT, fideslang_categories


def test_snapshot_matches_installed_fideslang():
    """The shipped JSON is what fideslang says; regenerate with write_fideslang_snapshot() if this fails."""
    live = Taxonomy.from_fideslang()
    snap = Taxonomy.from_snapshot()
    assert sorted(live.keys()) == sorted(snap.keys())
    for cat in fideslang_categories():
        assert snap.get(cat["key"]).parent == cat["parent"], SNAPSHOT
        assert snap.get(cat["key"]).name == cat["name"]


def test_default_taxonomy_is_cached():
    default_taxonomy.cache_clear()
    tx = default_taxonomy()
    assert default_taxonomy() is tx


@pytest.mark.parametrize("key", [
    "user", "system", "system.operations", "user.content.private", "user.location.precise",
    "user.device.ip_address", "user.contact.email", "user.biometric.voice", "user.childrens",
])
def test_known_fideslang_keys(key):
    assert default_taxonomy().known(key)


@pytest.mark.parametrize("key", ["user.contact.pager", "users", "", "user.content.private.message", "User"])
def test_unknown_keys(key):
    assert not default_taxonomy().known(key)


def test_parent_and_ancestors():
    tx = default_taxonomy()
    assert tx.parent("user.contact.address.city") == "user.contact.address"
    assert tx.parent("user") is None
    assert tx.ancestors("user.contact.address.city") == ["user.contact.address", "user.contact", "user"]
    assert tx.ancestors("user") == []


def test_covers_follows_ancestry_only_upwards():
    tx = default_taxonomy()
    assert tx.covers("user", "user.contact.email")
    assert tx.covers("user.contact", "user.contact.email")
    assert tx.covers("user.contact.email", "user.contact.email")
    assert not tx.covers("user.contact.email", "user.contact")  # narrower never covers broader
    assert not tx.covers("user.contact", "user.content.private")  # siblings
    assert not tx.covers("user", "system.operations")  # different roots
    assert not tx.covers("user.cont", "user.content.private")  # a string prefix is not an ancestor


def test_unknown_key_borrows_chain_of_known_prefix():
    tx = default_taxonomy()
    assert tx.ancestors("user.contact.pager") == ["user.contact", "user"]
    assert tx.covers("user.contact", "user.contact.pager")
    assert tx.ancestors("nothing.at.all") == []


def test_children_and_descendants():
    tx = default_taxonomy()
    assert set(tx.children("user.location")) == {"user.location.precise", "user.location.imprecise"}
    assert "user.contact.address.city" in tx.descendants("user.contact")
    assert "user.contact" not in tx.descendants("user.contact")


def test_extensions_use_declared_parent_not_dotted_prefix():
    # the SPEC's own example: key under ...message but parent user.content.private
    tx = default_taxonomy().extended([
        CategoryExtension(key="user.content.private.message.media", parent="user.content.private"),
    ])
    assert tx.known("user.content.private.message.media")
    assert tx.is_extension("user.content.private.message.media")
    assert tx.ancestors("user.content.private.message.media") == [
        "user.content.private", "user.content", "user"]
    assert tx.covers("user.content.private", "user.content.private.message.media")
    assert not default_taxonomy().known("user.content.private.message.media")  # original untouched


def test_extensions_chain_in_any_order():
    tx = default_taxonomy().extended([
        {"key": "user.content.private.message.media", "parent": "user.content.private.message"},
        {"key": "user.content.private.message", "parent": "user.content.private"},
    ])
    assert tx.covers("user.content.private.message", "user.content.private.message.media")
    assert tx.covers("user", "user.content.private.message.media")
    assert not tx.covers("user.content.private.message.media", "user.content.private.message")


def test_extension_with_unknown_parent_is_rejected():
    with pytest.raises(ValueError, match="parent 'user.nope'"):
        default_taxonomy().extended([{"key": "user.nope.x", "parent": "user.nope"}])


def test_extension_cycle_is_rejected():
    with pytest.raises(ValueError, match="cycle"):
        default_taxonomy().extended([
            {"key": "user.a", "parent": "user.b"},
            {"key": "user.b", "parent": "user.a"},
        ])


def test_extension_may_give_aliases_to_a_fideslang_key():
    tx = default_taxonomy().extended([{"key": "user.device.ip_address", "aliases": ["connection addresses"]}])
    assert not tx.is_extension("user.device.ip_address")
    assert tx.parent("user.device.ip_address") == "user.device"
    assert tx.categories_for("connection address") == ["user.device.ip_address"]
    with pytest.raises(ValueError, match="fideslang category"):
        default_taxonomy().extended([{"key": "user.device.ip_address", "parent": "user.contact"}])


def test_suggest_for_typos():
    assert default_taxonomy().suggest("user.contct.email") == "user.contact.email"
    assert default_taxonomy().suggest("completely.different") is None
