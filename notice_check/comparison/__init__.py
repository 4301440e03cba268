"""The comparator: assertions of a notice judged against an infrastructure manifest (SPEC section 4).

    compare(assertions, manifest) -> list[Finding]
    summarize(findings) -> {"contradicted": n, "undisclosed": n, "vague": n, "unverifiable": n,
                            "supported": n}
    severity_at_least(findings, level) -> bool      # --fail-on: contradicted | undisclosed | vague | none

The readings, in short (docs/verdicts.md has them in full, with examples):
- Facts: a store puts its categories in its location's and replicas' countries; an access puts its
  categories (or its store's) in the accessor's country; a disclosure gives its categories to a recipient
  (country, relationship, sale, trigger).
- An assertion's data phrase is re-read with the manifest's aliases, then the extractor's categories,
  then `user`. It ranges over a fact when one of its categories covers (same or ancestor) one of the
  fact's; a broader fact is no counter-example but keeps universal claims unverifiable.
- "Stored in X" ranges over stores; transfer, processing and "outside X" over stores, accesses and
  disclosures. A closed affirmative list stated as fact is exhaustive (unless the country is named
  elsewhere for that data; "only" is contradicted even then); `may` and open lists never are.
- Denials are contradicted by one relevant fact; sale by `sale: true`; law enforcement "only when
  required by law" by a voluntary disclosure; retention limits by longer or indefinite stores;
  encryption by a store without it (unless hedged); "we do not collect X" by any record of X.
- supported needs confirming records and, for universal, negative or exclusive claims, complete
  coverage of the sections ranged over; otherwise unverifiable.
- Facts no affirmative assertion discloses are `undisclosed` (or `vague` when only broad terms cover
  them), unless already a counter-example of a contradicted finding.
"""

from notice_check.comparison.checks import CHECKS
from notice_check.comparison.engine import FAIL_ON_LEVELS, compare, severity_at_least, summarize

__all__ = ["CHECKS", "FAIL_ON_LEVELS", "compare", "severity_at_least", "summarize"]
