"""A follow-up's results from the results log, when the log covers the last 90 days.

The person logged what each platform brought since the last review (coach log, or
"Log results" on the client's page); at the follow-up, retyping those numbers from
memory would throw that away. Only the kinds the person logs are filled (someone who
never logs site visits keeps the figure they gave before), for every platform: a
platform with nothing logged brought 0 of them. The faces say so beside each field.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coach.assessment.entries import entry_key

FIELD = "results_90d"


def logged_kinds(logged: Mapping[str, Mapping[str, int]]) -> set[str]:
    return {kind for row in logged.values() for kind in row}


def prefill_results(answers: dict[str, Any],
                    logged: Mapping[str, Mapping[str, int]]) -> dict[str, set[str]]:
    """Set results_90d from `logged` (platform id -> kind -> count over 90 days), in place.

    Returns, per platform entry key, the kinds filled (for the notes beside the fields).
    """
    kinds = logged_kinds(logged)
    filled: dict[str, set[str]] = {}
    if not kinds:
        return filled
    for entry in answers.get("platforms") or []:
        if not isinstance(entry, dict):
            continue
        row = logged.get(str(entry.get("id", "")), {})
        results = entry.get(FIELD)
        results = dict(results) if isinstance(results, Mapping) else {}
        for kind in kinds:
            results[kind] = int(row.get(kind, 0))
        entry[FIELD] = results
        filled[entry_key(entry)] = set(kinds)
    return filled
