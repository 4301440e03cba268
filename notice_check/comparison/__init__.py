"""The comparator: assertions of a notice judged against an infrastructure manifest (SPEC section 4).

    compare(assertions, manifest) -> list[Finding]
    summarize(findings) -> {"contradicted": n, "undisclosed": n, "vague": n, "unverifiable": n,
                            "supported": n}
    severity_at_least(findings, level) -> bool      # --fail-on: contradicted | undisclosed | vague | none

The readings are written down, with examples, in docs/verdicts.md.
"""

from notice_check.comparison.checks import CHECKS
from notice_check.comparison.engine import FAIL_ON_LEVELS, compare, severity_at_least, summarize

__all__ = ["CHECKS", "FAIL_ON_LEVELS", "compare", "severity_at_least", "summarize"]
