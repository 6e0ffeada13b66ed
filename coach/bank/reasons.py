"""What a platform's reason means: whether its time is put to work. One definition.

The engine scores only professional time, the assessment asks "why am I there?" only of
professional platforms, and the TUI's time chart sets personal time apart. They all ask
here, and the answer comes from the bank's `reasons` tags, so a consultant who adds a
reason ("volunteering") says once, in the data, what it counts as.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.bank.model import Bank

PERSONAL = "personal"           # time that is the user's own: set aside by the plan
PROFESSIONAL = "professional"   # time the plan puts to work ("both" is tagged so)
REASON_TAGS = frozenset({PERSONAL, PROFESSIONAL})


def reason_tag(bank: Bank, reason: str) -> str:
    """`personal` or `professional` for a reason id.

    A reason the bank leaves untagged (a custom bank written before the tags) counts by
    its id: only "personal" is personal, as the engine has always read it.
    """
    try:
        tag = bank.term("reasons", reason).tag
    except KeyError:
        tag = ""
    if tag in REASON_TAGS:
        return tag
    return PERSONAL if reason == PERSONAL else PROFESSIONAL


def is_professional(bank: Bank, reason: str) -> bool:
    """Whether time spent for this reason is work (in part, for "both")."""
    return reason_tag(bank, reason) != PERSONAL
