"""The SQLite store: migrations, content-addressed snapshots, versions, and all-or-nothing writes."""

from __future__ import annotations

import sqlite3
import zlib

import pytest

from notice_check.models import Assertion, Document
from notice_check.store import SCHEMA_VERSION, Attempt, Store, StoreError, normalise_text, normalised_sha256


def doc(text: str, language: str = "en") -> Document:
    return Document(source="https://example.org/p", text=text, language=language, title="Privacy")


def test_schema_is_created_once_in_wal_mode(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
    with Store(db) as store:  # reopening does not re-run migrations
        rows = store.db.execute("SELECT version FROM schema_migrations").fetchall()
        assert rows == [(SCHEMA_VERSION,)]
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"notices", "fetch_attempts", "snapshots", "versions", "assertions", "checks"} <= tables


def test_newer_or_foreign_files_are_refused(tmp_path):
    db = tmp_path / "s.db"
    Store(db).close()
    with sqlite3.connect(db) as con:
        con.execute("INSERT INTO schema_migrations VALUES (99, 'later')")
    with pytest.raises(StoreError, match="newer than this program"):
        Store(db)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="junk.db: cannot open the store"):
        Store(junk)


def test_snapshots_are_content_addressed_and_compressed(tmp_path):
    with Store(tmp_path / "s.db") as store, store.transaction():
        raw = b"<p>We store data in Japan.</p>" * 200
        first = store.put_snapshot(raw, "text/html")
        assert store.put_snapshot(raw, "text/html") == first
        stored = store.db.execute("SELECT content, size FROM snapshots").fetchall()
        assert len(stored) == 1 and stored[0][1] == len(raw) and len(stored[0][0]) < len(raw) / 10
        assert zlib.decompress(stored[0][0]) == raw and store.snapshot(first) == raw


def test_versions_assertions_and_history_round_trip(tmp_path):
    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            store.upsert_notice("p", "https://example.org/p", {"id": "p"})
            snap = store.put_snapshot(b"raw")
            d = doc("All user data is stored in Japan.")
            vid = store.add_version("p", snap, d, normalised_sha256(d.text), "rules-1")
            a = Assertion.model_validate({"practice": "storage", "evidence": {"text": d.text, "start": 0,
                                                                              "end": len(d.text)}}).assign_id()
            store.put_assertions(vid, "rules-1", [a])
            store.set_current("p", vid)
            store.record_attempt(Attempt("p", "https://example.org/p", "new", snapshot_sha256=snap, version_id=vid))
        assert store.current_version("p").text == d.text
        assert store.find_version("p", normalised_sha256("All user data  is stored in Japan.")).id == vid
        assert store.assertions(vid, "rules-1") == [a] and store.assertions(vid, "rules-2") is None
        loaded, claims = store.load_version(vid)
        assert loaded.text == d.text and claims == [a]
        assert [h["outcome"] for h in store.history("p")] == ["new"]
        with pytest.raises(StoreError, match="no version 42"):
            store.load_version(42)


def test_a_failure_inside_a_transaction_leaves_nothing_behind(tmp_path):
    db = tmp_path / "s.db"
    with Store(db) as store:
        with store.transaction():
            store.upsert_notice("p", "https://example.org/p", {})
            vid = store.add_version("p", store.put_snapshot(b"v1"), doc("v1"), normalised_sha256("v1"), "r")
            store.set_current("p", vid)
        with pytest.raises(RuntimeError), store.transaction():
            store.put_snapshot(b"v2")
            v2 = store.add_version("p", store.put_snapshot(b"v2"), doc("v2"), normalised_sha256("v2"), "r")
            store.set_current("p", v2)
            raise RuntimeError("crash while extracting")
    with Store(db) as store:  # reopened: as if the crash never wrote anything
        assert store.current_version("p").id == vid
        assert [v.text for v in store.versions("p")] == ["v1"]
        assert store.db.execute("SELECT COUNT(*) FROM snapshots").fetchone()[0] == 1


def test_a_second_version_with_the_same_normalised_text_is_refused(tmp_path):
    with Store(tmp_path / "s.db") as store, store.transaction():
        store.upsert_notice("p", "u", {})
        snap = store.put_snapshot(b"x")
        store.add_version("p", snap, doc("a  b"), normalised_sha256("a  b"), "r")
        with pytest.raises(sqlite3.IntegrityError):
            store.add_version("p", snap, doc("a b"), normalised_sha256("a b"), "r")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("See https://x.org/p?utm_source=a&id=1 now", "See https://x.org/p?id=1&fbclid=zz now"),
        ("1. First item\n2. Second item", "3) First item\n4) Second item"),
        ("Line  one\n\n\nLine two\u200b", "Line one\nLine two"),
        ("- item\n* item", "\u2022 item\nitem"),
    ],
)
def test_cosmetic_differences_normalise_away(a, b):
    assert normalise_text(a) == normalise_text(b)


def test_real_differences_survive_normalisation():
    assert normalise_text("stored in Japan") != normalise_text("stored in Korea")
    assert normalise_text("https://x.org/p?id=1") != normalise_text("https://x.org/p?id=2")
    assert normalise_text("We keep logs for 30 days.") != normalise_text("We keep logs for 3 days.")


def test_email_obfuscation_is_not_a_change():
    """Cloudflare serves "[email protected]" to some fetches and the address to others."""
    from notice_check.store import normalised_sha256

    plain = "Write to privacy@example.com about your data.\n\nWe store it in Japan."
    assert normalised_sha256(plain) == normalised_sha256(plain.replace("privacy@example.com", "[email protected]"))
    assert normalised_sha256(plain) == normalised_sha256(
        plain.replace("privacy@example.com", "privacy [at] example [dot] com"))
    assert normalised_sha256(plain) != normalised_sha256(plain.replace("Japan", "Korea"))
