"""The answers-file fields a bank question may fill, with the type and vocabulary each needs.

Core fields must each be filled by exactly one question, so the questionnaire always
produces a complete answers file; `results_90d.<id>` follows the bank's results table.
"""

from __future__ import annotations

# field -> (question type, vocabulary table or None)
PROFILE_FIELDS: dict[str, tuple[str, str | None]] = {
    "name": ("text", None),
    "kind": ("single", "kinds"),
    "market": ("single", "markets"),
    "goal": ("single", "goals"),
    "audiences": ("ranked", "audiences"),
    "weekly_budget_hours": ("number", None),
}

PLATFORM_FIELDS: dict[str, tuple[str, str | None]] = {
    "reason": ("single", "reasons"),
    "hours_per_week": ("number", None),
    "why": ("text", None),
    "audiences_present": ("multi", "audiences"),
    "know_who": ("yesno", None),
    "activities": ("multi", "activities"),
    "measures": ("multi", "measures"),
    "editorial_line": ("yesno", None),
    "spaces": ("spaces", None),
}

# Fields a question may fill without being required to exist in every bank.
OPTIONAL_PLATFORM_FIELDS: dict[str, tuple[str, str | None]] = {
    "label": ("text", None),
}

HOURS_FIELDS = frozenset({"weekly_budget_hours", "hours_per_week"})
HOURS_IN_WEEK = 168


def results_fields(result_ids: list[str]) -> dict[str, tuple[str, str | None]]:
    return {f"results_90d.{rid}": ("number", None) for rid in result_ids}


def fields_for(section: str, result_ids: list[str]) -> tuple[dict[str, tuple[str, str | None]],
                                                             dict[str, tuple[str, str | None]]]:
    """(core fields that must be covered, optional fields) for a section.

    Per-platform fields may be asked in the inventory or in the per-platform
    questionnaire: both describe one platform entry of the answers file.
    """
    if section == "profile":
        return dict(PROFILE_FIELDS), {}
    return {**PLATFORM_FIELDS, **results_fields(result_ids)}, dict(OPTIONAL_PLATFORM_FIELDS)
