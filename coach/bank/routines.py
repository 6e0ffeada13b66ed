"""routines.toml: the work a week holds on each platform and kind of space.

The bank says which activities a place holds, their weight in the week and what one
piece of work takes; the engine says them (its catalog has a sentence per activity id
below) and shares a channel's recommended hours between them. Checked here like the
other bank files, one "file: entry: field: message" line per problem, so a consultant
who adapts the routines can fix them without reading code.
"""

# No `from __future__ import annotations`: NamedTuple would compile every string annotation
# into a ForwardRef at import.
import math
from collections.abc import Collection, Mapping
from typing import Any

from coach.bank.messages import BankProblem, Joined, _
from coach.bank.routine_book import Activity, Routine, RoutineBook, Step

FILE = "routines.toml"

# The activities the engine can say (coach/engine/routine_texts.py has one sentence each);
# a routine naming another id is refused: the plan would have nothing to say for it.
ACTIVITIES: tuple[str, ...] = (
    "answer_questions", "start_thread", "chat_conversation", "list_comments", "comment_posts",
    "publish_post", "pin_images", "publish_video", "short_video", "newsletter_issue",
    "write_article", "live_session", "listing_upkeep", "ask_reviews", "referrer_talks",
    "call_for_volunteers", "donation_ask", "reply_comments", "reply_readers",
    "reply_messages", "follow_up", "track_results")

STEP_KEYS = frozenset({"activity", "share", "goals", "focus", "where"})
ROUTINE_KEYS = frozenset({"platform", "space", "steps"})
ACTIVITY_KEYS = frozenset({"unit", "sitting", "max"})
WHERE = ("space", "platform")
MAX_MINUTES = 24 * 60


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class RoutinesChecker:
    """Every problem of routines.toml. `strict=False` (the bundled file standing in for a
    bank that has none) leaves out routines naming platforms or kinds the bank lacks."""

    def __init__(self, platforms: Collection[str], space_kinds: Collection[str],
                 goals: Collection[str], *, strict: bool = True) -> None:
        self.platforms, self.space_kinds, self.goals = platforms, space_kinds, goals
        self.strict = strict
        self.problems: list[BankProblem] = []
        self.defined: set[str] = set()

    def add(self, entry: Any, field: str | None, message: Any) -> None:
        self.problems.append(BankProblem(FILE, entry, field, message))

    def check(self, raw: Mapping[str, Any]) -> None:
        for key in raw:
            if key not in ("version", "activities", "routine"):
                self.add(f"[{key}]", None, _("unknown table (expected version, [activities] "
                                             "and [[routine]])"))
        if raw.get("version", 1) != 1:
            self.add(None, "version", _("expected 1"))
        self.activities(raw.get("activities"))
        self.routines(raw.get("routine"))

    def activities(self, table: Any) -> None:
        if not isinstance(table, Mapping):
            self.add("[activities]", None, _("table is missing"))
            return
        for aid, value in table.items():
            entry = Joined((_("activity"), repr(aid)))
            self.defined.add(aid)
            if aid not in ACTIVITIES:
                self.add(entry, None, _("unknown activity (known: {keys})").format(
                    keys=", ".join(ACTIVITIES)))
                continue
            if not isinstance(value, Mapping):
                self.add(entry, None, _("expected a table: {{unit = ..., sitting = ...}}"))
                continue
            for key in value:
                if key not in ACTIVITY_KEYS:
                    self.add(entry, str(key), _("unknown key (expected one of: {keys})")
                             .format(keys=", ".join(sorted(ACTIVITY_KEYS))))
            for key, low in (("unit", 0), ("sitting", 1), ("max", 0)):
                minutes = value.get(key)
                if minutes is None and key == "max":
                    continue
                if minutes is None:
                    self.add(entry, key, _("is required"))
                elif not isinstance(minutes, int) or isinstance(minutes, bool):
                    self.add(entry, key, _("expected a whole number of minutes"))
                elif not low <= minutes <= MAX_MINUTES:
                    self.add(entry, key, _("{value} is not between {low} and {high}").format(
                        value=minutes, low=low, high=MAX_MINUTES))

    def routines(self, items: Any) -> None:
        if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
            self.add("[[routine]]", None, _("expected an array of tables ([[routine]])"))
            return
        seen: dict[tuple[Any, Any], int] = {}
        for n, item in enumerate(items, start=1):
            # "routine #2 (group)": the number, and the place it is for, to find it by.
            named = [str(item[k]) for k in ("platform", "space") if item.get(k) is not None]
            entry = Joined((_("routine"), f"#{n} ({', '.join(named)})" if named else f"#{n}"))
            for key in item:
                if key not in ROUTINE_KEYS:
                    self.add(entry, str(key), _("unknown key (expected one of: {keys})")
                             .format(keys=", ".join(sorted(ROUTINE_KEYS))))
            platform, space = item.get("platform"), item.get("space")
            if platform is not None and (not isinstance(platform, str)
                                         or platform not in self.platforms) and self.strict:
                self.add(entry, "platform", _("unknown platform {id!r}").format(id=platform))
            if space is not None and (not isinstance(space, str)
                                      or space not in self.space_kinds) and self.strict:
                self.add(entry, "space", _("unknown space kind {id!r}").format(id=space))
            where = (platform, space)
            if where in seen:
                self.add(entry, None, _("the same platform and space as routine #{n}").format(
                    n=seen[where]))
            else:
                seen[where] = n
            self.steps(entry, item.get("steps"))
        if items and (None, None) not in seen:
            self.add("[[routine]]", None, _("give a default routine (one naming neither a "
                                            "platform nor a space)"))

    def steps(self, entry: Any, steps: Any) -> None:
        if not isinstance(steps, list) or not steps or not all(
                isinstance(s, Mapping) for s in steps):
            self.add(entry, "steps", _("expected a non-empty list of steps "
                                       "({{activity = ..., share = ...}})"))
            return
        always = False
        for n, step in enumerate(steps, start=1):
            field = f"steps[{n}]"
            for key in step:
                if key not in STEP_KEYS:
                    self.add(entry, f"{field}.{key}", _("unknown key (expected one of: {keys})")
                             .format(keys=", ".join(sorted(STEP_KEYS))))
            activity = step.get("activity")
            if activity not in ACTIVITIES:
                self.add(entry, f"{field}.activity", _("unknown activity {id!r} (known: {keys})")
                         .format(id=activity, keys=", ".join(ACTIVITIES)))
            elif activity not in self.defined:
                self.add(entry, f"{field}.activity", _("{id!r} has no entry in [activities] "
                                                       "(how long it takes)").format(id=activity))
            share = step.get("share")
            if not _is_number(share) or not 0 < share <= 1000:
                self.add(entry, f"{field}.share", _("expected a number above 0 (the step's "
                                                    "weight in the week)"))
            goals = step.get("goals", [])
            if not isinstance(goals, list) or not all(isinstance(g, str) for g in goals):
                self.add(entry, f"{field}.goals", _("expected a list of goal ids"))
                goals = []
            for goal in goals:
                if goal not in self.goals:
                    self.add(entry, f"{field}.goals", _("unknown goal {id!r}").format(id=goal))
            focus = step.get("focus", False)
            if not isinstance(focus, bool):
                self.add(entry, f"{field}.focus", _("expected true or false"))
            if step.get("where", "space") not in WHERE:
                self.add(entry, f"{field}.where", _("expected one of: {keys}").format(
                    keys=", ".join(WHERE)))
            always = always or (not goals and focus is False)
        if not always:
            # A kept channel must get some work whatever the goal.
            self.add(entry, "steps", _("needs at least one step for every goal and every "
                                       "channel (no goals, no focus)"))


def build_book(raw: Mapping[str, Any], platforms: Collection[str],
               space_kinds: Collection[str]) -> RoutineBook:
    """Records from a checked file; routines naming what the bank lacks are left out."""
    activities = {aid: Activity(aid, int(v["unit"]), int(v["sitting"]), int(v.get("max", 0)))
                  for aid, v in raw.get("activities", {}).items()}
    routines = []
    for item in raw.get("routine", []):
        platform, space = item.get("platform"), item.get("space")
        if (platform is not None and platform not in platforms) or (
                space is not None and space not in space_kinds):
            continue
        steps = tuple(Step(activity=s["activity"], share=float(s["share"]),
                           goals=tuple(s.get("goals", ())), focus=bool(s.get("focus", False)),
                           where=s.get("where", "space"))
                      for s in item["steps"] if s["activity"] in activities)
        if steps:
            routines.append(Routine(platform, space, steps))
    return RoutineBook(activities=activities, routines=tuple(routines))
