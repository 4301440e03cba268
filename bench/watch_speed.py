"""Speed of a nightly `watch` over 1,000 notices that did not change, against local servers.

    python bench/watch_speed.py                       # 1,000 notices on 10 hosts, --delay 0
    python bench/watch_speed.py --delay 0.2           # with a per-host politeness delay
    python bench/watch_speed.py --notices 200 --hosts 4 --profile   # cProfile of the second run (in process)

Ten ThreadingHTTPServers on 127.0.0.1 (one port each: a "host" for PoliteFetcher, which paces and serialises
requests per host:port) serve generated notices of a few hundred words, all distinct. `notice-check watch` runs
once to fill a fresh store (every notice new: fetched, parsed, extracted), then again with nothing changed; the
second run is the figure (wall time of the CLI process, start-up included). Options are the CLI defaults
(timeout 30 s, 2 retries) except --delay, printed with the result. An unchanged notice must not be re-extracted:
the store must hold exactly one assertions row per version after the second run, which is checked.

With a per-host delay D and H hosts (at most 8 fetched at once), the run cannot be faster than
notices / min(H, 8) * D seconds whatever the machine: at the default --delay 1, 1,000 notices on 10 hosts take
over 125 s of waiting alone. In real life a watchlist's notices are spread over many hosts.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _local_http import Pages, serve  # noqa: E402

SUBJECTS = ["We", "Our service providers", "Example Co.", "Our affiliates", "The app", "Our support team"]
VERBS = ["collect", "store", "process", "keep", "share", "use", "encrypt", "delete"]
DATA = ["your email address", "account information", "chat messages", "device identifiers", "payment details",
        "location data", "usage logs", "contact lists", "photos you upload", "support requests"]
TAILS = ["in Japan", "for 30 days", "to provide the service", "with our payment processor", "in the United States",
         "when you ask us to", "for as long as your account exists", "on servers in Germany", "for fraud prevention",
         "as required by law"]


def notice_html(n: int, words: int = 300) -> bytes:
    """A distinct notice of about `words` words (seeded by n)."""
    rng = random.Random(n)
    paragraphs, count = [], 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(2, 4)):
            sentence = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(DATA)} {rng.choice(TAILS)}."
            sentences.append(sentence)
            count += len(sentence.split())
        paragraphs.append(" ".join(sentences))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html lang='en'><head><title>Privacy notice {n}</title></head><body><nav>Home</nav><main>"
            f"<h1>Privacy notice {n}</h1><h2>Section {n % 7}</h2>{body}</main></body></html>").encode()


def cli_watch(watchlist: Path, store: Path, delay: float) -> tuple[float, dict]:
    command = [sys.executable, "-m", "notice_check", "watch", str(watchlist), "--store", str(store), "-f", "json",
               "--delay", str(delay)]
    begun = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - begun
    if done.returncode not in (0, 3):
        raise SystemExit(f"watch failed ({done.returncode}): {done.stderr.strip()}")
    return elapsed, json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--words", type=int, default=300)
    parser.add_argument("--delay", type=float, default=0.0, help="--delay of `notice-check watch` (CLI default 1)")
    parser.add_argument("--profile", action="store_true", help="profile the second run in this process")
    args = parser.parse_args()

    pages: Pages = {f"/privacy/{n}": (notice_html(n, args.words), "text/html; charset=utf-8")
                    for n in range(args.notices)}
    with tempfile.TemporaryDirectory() as tmp, serve(pages, args.hosts) as bases:
        watchlist = Path(tmp) / "watchlist.json"
        store = Path(tmp) / "watch.db"
        entries = [{"id": f"n{n}", "url": bases[n % len(bases)] + f"/privacy/{n}"} for n in range(args.notices)]
        watchlist.write_text(json.dumps({"notices": entries}), encoding="utf-8")

        first, report = cli_watch(watchlist, store, args.delay)
        statuses = [n["status"] for n in report["notices"]]
        print(f"first run:  {args.notices} notices ({statuses.count('new')} new) in {first:.1f} s "
              f"({args.notices / first:.1f} notices/s)")
        if args.profile:
            import cProfile
            import pstats

            from notice_check.watch import PoliteFetcher, WatchRun

            job = WatchRun(watchlist, store, fetcher=PoliteFetcher(delay=args.delay, attempts=3))
            profiler = cProfile.Profile()
            begun = time.perf_counter()
            profiler.runcall(job.run)
            print(f"profiled second run: {time.perf_counter() - begun:.1f} s")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
            return
        second, report = cli_watch(watchlist, store, args.delay)
        statuses = [n["status"] for n in report["notices"]]
        with sqlite3.connect(store) as con:
            versions = con.execute("SELECT COUNT(*) FROM versions").fetchone()[0]
            extracted = con.execute("SELECT COUNT(*) FROM assertions").fetchone()[0]
        print(f"second run: {args.notices} notices ({statuses.count('unchanged')} unchanged) in {second:.1f} s "
              f"({args.notices / second:.1f} notices/s)")
        print(f"hosts: {args.hosts} (127.0.0.1, one port each); words per notice: ~{args.words}; "
              f"watch options: CLI defaults, --delay {args.delay}")
        print(f"store: {versions} versions, {extracted} assertion sets "
              f"({'no re-extraction' if extracted == versions else 'RE-EXTRACTED'})")
        if statuses.count("unchanged") != args.notices or extracted != versions:
            raise SystemExit("the second run was not all unchanged, or re-extracted")


if __name__ == "__main__":
    main()
