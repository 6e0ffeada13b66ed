"""The answers a draft gives the engine: for a preview, and when the assessment is finished.

Both faces finish through here, so an answer kept or dropped is kept or dropped the same
way whichever face asked it:

- draft bookkeeping never leaves the draft (an "Other" entry's slot);
- the extras of questions that no longer apply are dropped (a changed earlier answer, a
  platform made personal, a question the bank no longer has); the draft keeps them, in
  case the user changes back. Core fields stay: the engine needs them whatever the path;
- what is still blank reads as "don't know": the defaults below, which is what the
  engine should assume.
"""

from __future__ import annotations

import copy
from typing import Any

from coach.assessment.applies import applies, is_blank
from coach.assessment.draft import Draft
from coach.assessment.entries import SLOT, entry_key

PLATFORM_DEFAULTS: dict[str, Any] = {
    "reason": "professional", "why": "", "hours_per_week": 0.0, "audiences_present": [],
    "know_who": False, "activities": [], "measures": [], "editorial_line": False,
    "results_90d": {}, "spaces": [], "extra": {},
}
PROFILE_DEFAULTS: dict[str, Any] = {
    "name": "", "kind": "freelancer", "market": "b2b", "goal": "clients", "audiences": [],
    "weekly_budget_hours": 0.0,
}


def final_answers(draft: Draft) -> dict[str, Any]:
    """The draft as an answers file (coach.model.Answers), ready to validate."""
    data = copy.deepcopy(draft.answers)
    data["version"] = 1
    profile = data["profile"]
    _keep_live_extras(draft, profile, None)
    for key, default in PROFILE_DEFAULTS.items():
        if key != "audiences" and is_blank(profile.get(key)):
            profile[key] = copy.deepcopy(default)
        profile.setdefault(key, copy.deepcopy(default))
    for entry in data["platforms"]:
        _keep_live_extras(draft, entry, entry_key(entry))
        entry.pop(SLOT, None)
        for key, default in PLATFORM_DEFAULTS.items():
            if entry.get(key) is None:
                entry[key] = copy.deepcopy(default)
    return data


def _keep_live_extras(draft: Draft, entry: dict[str, Any], scope: str | None) -> None:
    extra = entry.get("extra")
    if not isinstance(extra, dict):
        return
    live = {}
    for qid, value in extra.items():
        try:
            question = draft.bank.question(qid)
        except KeyError:
            continue
        if (question.section == "profile") == (scope is None) and applies(draft, question,
                                                                           scope):
            live[qid] = value
    entry["extra"] = live
