"""SQLite store for the watch job (stdlib sqlite3, WAL). Schema and invariants: docs/store.md.

Each notice of a run is written in one transaction (`with store.transaction():`): the attempt, the snapshot,
the version, its assertions and checks land together or not at all, so a crash mid-run leaves the store as it
was before that notice. A failed fetch only adds an attempt row; `notices.current_version` moves only with a
good version.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from hashlib import sha256
from pathlib import Path
from typing import Any

from notice_check.errors import NoticeCheckError
from notice_check.models import Assertion, Document, Finding

SCHEMA_VERSION = 1

_MIGRATIONS: dict[int, str] = {
    1: """
CREATE TABLE notices (
    id              TEXT PRIMARY KEY,
    url             TEXT NOT NULL,
    config          TEXT NOT NULL,              -- the watchlist entry, JSON
    created_at      TEXT NOT NULL,
    current_version INTEGER REFERENCES versions(id)
);
CREATE TABLE snapshots (
    sha256        TEXT PRIMARY KEY,             -- of the raw bytes
    size          INTEGER NOT NULL,
    content_type  TEXT,                         -- the Content-Type header as served
    content       BLOB NOT NULL,                -- zlib-compressed raw bytes
    first_seen_at TEXT NOT NULL
);
CREATE TABLE versions (
    id                INTEGER PRIMARY KEY,
    notice_id         TEXT NOT NULL REFERENCES notices(id),
    snapshot_sha256   TEXT NOT NULL REFERENCES snapshots(sha256),
    created_at        TEXT NOT NULL,
    text              TEXT NOT NULL,            -- the cleaned text (Document.text)
    text_sha256       TEXT NOT NULL,            -- Document.sha256
    norm_sha256       TEXT NOT NULL,            -- sha256 of normalise_text(text): the version identity
    language          TEXT NOT NULL,
    title             TEXT,
    extractor_version TEXT NOT NULL,            -- rules version when the version was first seen
    UNIQUE (notice_id, norm_sha256)
);
CREATE TABLE fetch_attempts (
    id              INTEGER PRIMARY KEY,
    notice_id       TEXT NOT NULL REFERENCES notices(id),
    run_started_at  TEXT,
    fetched_at      TEXT NOT NULL,
    url             TEXT NOT NULL,
    final_url       TEXT,
    http_status     INTEGER,
    outcome         TEXT NOT NULL CHECK (outcome IN ('new', 'unchanged', 'changed', 'failed')),
    error_kind      TEXT,                       -- http_error, timeout, connection, robots, redirect_loop, input...
    error           TEXT,
    tries           INTEGER NOT NULL DEFAULT 1,
    snapshot_sha256 TEXT REFERENCES snapshots(sha256),
    version_id      INTEGER REFERENCES versions(id)
);
CREATE INDEX fetch_attempts_notice ON fetch_attempts(notice_id, id);
CREATE TABLE assertions (
    version_id        INTEGER NOT NULL REFERENCES versions(id),
    extractor_version TEXT NOT NULL,
    assertions        TEXT NOT NULL,            -- JSON list (SPEC section 2)
    error             TEXT,                     -- e.g. unsupported language: assertions is []
    created_at        TEXT NOT NULL,
    PRIMARY KEY (version_id, extractor_version)
);
CREATE TABLE checks (
    version_id        INTEGER NOT NULL REFERENCES versions(id),
    extractor_version TEXT NOT NULL,
    manifest_sha256   TEXT NOT NULL,
    manifest_path     TEXT NOT NULL,
    findings          TEXT NOT NULL,            -- JSON list (SPEC section 4)
    created_at        TEXT NOT NULL,
    PRIMARY KEY (version_id, extractor_version, manifest_sha256)
);
""",
}


class StoreError(NoticeCheckError):
    """The store file cannot be opened, is not a notice-check store, or is newer than this program."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class VersionRow:
    id: int
    notice_id: str
    snapshot_sha256: str
    created_at: str
    text: str
    text_sha256: str
    norm_sha256: str
    language: str
    title: str | None
    extractor_version: str

    def document(self, source: str | None = None) -> Document:
        """The cleaned text as a Document (no blocks): enough for diffs and reports."""
        return Document(source=source or f"{self.notice_id}@v{self.id}", text=self.text, title=self.title,
                        language=self.language)


@dataclass
class Attempt:
    notice_id: str
    url: str
    outcome: str
    fetched_at: str = ""
    run_started_at: str | None = None
    final_url: str | None = None
    http_status: int | None = None
    error_kind: str | None = None
    error: str | None = None
    tries: int = 1
    snapshot_sha256: str | None = None
    version_id: int | None = None


_VERSION_COLS = ("id, notice_id, snapshot_sha256, created_at, text, text_sha256, norm_sha256, language, title, "
                 "extractor_version")


class Store:
    """One SQLite file. Use as a context manager; write inside `transaction()`."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as err:
            raise StoreError(f"cannot open the store ({err})", source=self.path) from None

    # ------------------------------------------------------------------ plumbing

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (which propagates)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _migrate(self) -> None:
        self.db.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                        "applied_at TEXT NOT NULL)")
        done = {row[0] for row in self.db.execute("SELECT version FROM schema_migrations")}
        if done and max(done) > SCHEMA_VERSION:
            raise StoreError(f"store schema {max(done)} is newer than this program's ({SCHEMA_VERSION}); "
                             "upgrade notice-check", source=self.path)
        for version in sorted(_MIGRATIONS):
            if version in done:
                continue
            with self.transaction():
                for statement in _MIGRATIONS[version].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, now()))

    def schema_version(self) -> int:
        return self.db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]

    # ------------------------------------------------------------------ notices

    def upsert_notice(self, notice_id: str, url: str, config: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT INTO notices (id, url, config, created_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(id) DO UPDATE SET url = excluded.url, config = excluded.config",
            (notice_id, url, json.dumps(config, sort_keys=True, default=str), now()),
        )

    def notice_ids(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM notices ORDER BY id")]

    def current_version(self, notice_id: str) -> VersionRow | None:
        row = self.db.execute("SELECT current_version FROM notices WHERE id = ?", (notice_id,)).fetchone()
        return self.version(row[0]) if row and row[0] is not None else None

    def set_current(self, notice_id: str, version_id: int) -> None:
        self.db.execute("UPDATE notices SET current_version = ? WHERE id = ?", (version_id, notice_id))

    # ------------------------------------------------------------------ snapshots and versions

    def put_snapshot(self, content: bytes, content_type: str | None = None) -> str:
        """Content-addressed: the same bytes are stored once."""
        digest = sha256(content).hexdigest()
        self.db.execute(
            "INSERT OR IGNORE INTO snapshots (sha256, size, content_type, content, first_seen_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (digest, len(content), content_type, zlib.compress(content, 6), now()),
        )
        return digest

    def snapshot(self, digest: str) -> bytes | None:
        row = self.db.execute("SELECT content FROM snapshots WHERE sha256 = ?", (digest,)).fetchone()
        return zlib.decompress(row[0]) if row else None

    def snapshot_type(self, digest: str) -> str | None:
        """The Content-Type header the snapshot was served with (charset included)."""
        row = self.db.execute("SELECT content_type FROM snapshots WHERE sha256 = ?", (digest,)).fetchone()
        return row[0] if row else None

    def add_version(self, notice_id: str, snapshot_sha256: str, document: Document, norm_sha256: str,
                    extractor_version: str) -> int:
        cur = self.db.execute(
            "INSERT INTO versions (notice_id, snapshot_sha256, created_at, text, text_sha256, norm_sha256, "
            "language, title, extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (notice_id, snapshot_sha256, now(), document.text, document.sha256, norm_sha256, document.language,
             document.title, extractor_version),
        )
        return int(cur.lastrowid)

    def version(self, version_id: int) -> VersionRow | None:
        row = self.db.execute(f"SELECT {_VERSION_COLS} FROM versions WHERE id = ?", (version_id,)).fetchone()
        return VersionRow(*row) if row else None

    def find_version(self, notice_id: str, norm_sha256: str) -> VersionRow | None:
        row = self.db.execute(f"SELECT {_VERSION_COLS} FROM versions WHERE notice_id = ? AND norm_sha256 = ?",
                              (notice_id, norm_sha256)).fetchone()
        return VersionRow(*row) if row else None

    def versions(self, notice_id: str) -> list[VersionRow]:
        rows = self.db.execute(f"SELECT {_VERSION_COLS} FROM versions WHERE notice_id = ? ORDER BY id",
                               (notice_id,))
        return [VersionRow(*r) for r in rows]

    # ------------------------------------------------------------------ derived: assertions and checks

    def put_assertions(self, version_id: int, extractor_version: str, assertions: list[Assertion],
                       error: str | None = None) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO assertions VALUES (?, ?, ?, ?, ?)",
            (version_id, extractor_version, json.dumps([a.model_dump(mode="json") for a in assertions]), error,
             now()),
        )

    def assertions(self, version_id: int, extractor_version: str | None = None) -> list[Assertion] | None:
        """The assertions read with `extractor_version`, or with the latest one stored when None."""
        if extractor_version is None:
            row = self.db.execute("SELECT assertions FROM assertions WHERE version_id = ? ORDER BY created_at "
                                  "DESC, rowid DESC LIMIT 1", (version_id,)).fetchone()
        else:
            row = self.db.execute("SELECT assertions FROM assertions WHERE version_id = ? AND extractor_version = ?",
                                  (version_id, extractor_version)).fetchone()
        return [Assertion.model_validate(a) for a in json.loads(row[0])] if row else None

    def put_check(self, version_id: int, extractor_version: str, manifest_sha256: str, manifest_path: str,
                  findings: list[Finding]) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO checks VALUES (?, ?, ?, ?, ?, ?)",
            (version_id, extractor_version, manifest_sha256, manifest_path,
             json.dumps([f.model_dump(mode="json") for f in findings]), now()),
        )

    def check(self, version_id: int, extractor_version: str, manifest_sha256: str) -> list[Finding] | None:
        row = self.db.execute("SELECT findings FROM checks WHERE version_id = ? AND extractor_version = ? AND "
                              "manifest_sha256 = ?", (version_id, extractor_version, manifest_sha256)).fetchone()
        return [Finding.model_validate(f) for f in json.loads(row[0])] if row else None

    # ------------------------------------------------------------------ attempts and history

    def record_attempt(self, attempt: Attempt) -> int:
        cur = self.db.execute(
            "INSERT INTO fetch_attempts (notice_id, run_started_at, fetched_at, url, final_url, http_status, "
            "outcome, error_kind, error, tries, snapshot_sha256, version_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?)",
            (attempt.notice_id, attempt.run_started_at, attempt.fetched_at or now(), attempt.url, attempt.final_url,
             attempt.http_status, attempt.outcome, attempt.error_kind, attempt.error, attempt.tries,
             attempt.snapshot_sha256, attempt.version_id),
        )
        return int(cur.lastrowid)

    def history(self, notice_id: str) -> list[dict[str, Any]]:
        """Every attempt of a notice, oldest first, with the version it saw."""
        cur = self.db.execute(
            "SELECT a.id, a.fetched_at, a.outcome, a.http_status, a.error_kind, a.error, a.tries, a.version_id, "
            "a.snapshot_sha256, v.norm_sha256, v.language FROM fetch_attempts a LEFT JOIN versions v "
            "ON v.id = a.version_id WHERE a.notice_id = ? ORDER BY a.id", (notice_id,))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur]

    def load_version(self, version_id: int) -> tuple[Document, list[Assertion]]:
        """A stored version and its latest assertions (for `diff 3 7 --store DB`)."""
        row = self.version(version_id)
        if row is None:
            raise StoreError(f"no version {version_id} in the store", source=self.path)
        return row.document(), self.assertions(version_id) or []
