"""The TUI's pages in order, and which platform page comes next or before.

Only professional platforms have a page of their own (coach.assessment.applies), so
"next" from the profile may skip the platform pages altogether, and "back" from the
time page lands on the last professional platform.
"""

from __future__ import annotations

from coach.assessment.draft import Draft
from coach.assessment.position import STAGES, Position

Target = tuple[str, str | None]   # (stage, platform key for the platform stage)


def platform_page(draft: Draft, wanted: str | None, *, forward: bool) -> str | None:
    """The platform page to show for `wanted`: itself when it has one, else the first
    (going forward) or last (going back) professional platform; None: there is none."""
    pro = draft.professional()
    if not pro:
        return None
    if wanted in pro:
        return wanted
    return pro[0] if forward else pro[-1]


def next_page(draft: Draft, position: Position) -> Target:
    pro = draft.professional()
    if position.stage == "platform":
        later = _after(draft, pro, position.platform)
        return ("platform", later[0]) if later else ("time", None)
    following = STAGES[min(STAGES.index(position.stage) + 1, len(STAGES) - 1)]
    return following, None


def previous_page(draft: Draft, position: Position) -> Target:
    pro = draft.professional()
    if position.stage == "platform":
        current = draft.index(position.platform) if position.platform else None
        earlier = [k for k in pro
                   if current is not None and (draft.index(k) or 0) < current]
        return ("platform", earlier[-1]) if earlier else ("inventory", None)
    if position.stage == "time" and pro:
        return "platform", pro[-1]
    return STAGES[max(STAGES.index(position.stage) - 1, 0)], None


def _after(draft: Draft, pro: list[str], key: str | None) -> list[str]:
    current = draft.index(key) if key else None
    if current is None:
        return []
    return [k for k in pro if (draft.index(k) or 0) > current]
