"""The shapes that travel between the parts of coach: answers in, plan out.

Answers (`Answers`) are what the answers file (TOML, version 1), the TUI and quick
mode all produce, already validated and normalised by coach.answers. The plan
(`Plan`) is the engine's output; its keys are fixed by DESIGN.md (people and
scripts read `coach plan --format json`), extra keys may be added, never renamed.
Plans and answers are plain JSON-compatible dicts so the store can keep them and
every report renders from the same data.
"""

# No `from __future__ import annotations` here: TypedDict would turn every string
# annotation into a ForwardRef, compiling each one at import (about 1.5 ms per run).
from typing import Literal, NotRequired, TypedDict

Verdict = Literal["focus", "keep", "reduce", "pause", "personal"]
Severity = Literal["info", "warning", "critical"]
WARNING_CODES: tuple[str, ...] = (
    "OVER_BUDGET", "SPREAD_THIN", "TIME_SINK", "VANITY_METRICS", "BROADCAST_ONLY",
    "AIMLESS_BROWSING", "AUDIENCE_ABSENT", "VISIBILITY_GOAL", "PERSONAL_TIME",
    "NO_EDITORIAL_LINE",
    # added by the engine (issue 3): plan-level situations a reader must not miss
    "ZERO_BUDGET", "NO_PROFESSIONAL_PLATFORM", "NO_PROMISING_PLATFORM",
    # added by measured time (issue 14): measured well above what was declared
    "HOURS_UNDERESTIMATED",
    # added by the engine (issue 11): money for followers, nothing counted anywhere, two
    # kept platforms reaching the same people
    "ADS_FOR_FOLLOWERS", "NOTHING_MEASURED", "SAME_AUDIENCE",
)  # stable identifiers: add new ones at the end, never rename


class Space(TypedDict):
    kind: str          # page | group | forum | profile | channel | list | newsletter
    name: str


class Profile(TypedDict):
    name: str
    kind: str          # freelancer | nonprofit | business
    market: str        # b2b | b2c | mixed | public
    goal: str          # clients | mandates | donations | volunteers | recruits | partners
                       # | funding | awareness
    audiences: list[str]            # priority order
    weekly_budget_hours: float
    extra: NotRequired[dict[str, object]]   # answers to further profile questions, by id


class PlatformAnswers(TypedDict):
    id: str
    label: NotRequired[str]         # the user's own name for "other" / a named forum
    reason: str                     # personal | professional | both
    why: str                        # the user's own words
    hours_per_week: float
    audiences_present: list[str]
    know_who: bool
    activities: list[str]
    measures: list[str]
    editorial_line: bool
    results_90d: dict[str, int]     # inquiries, won, referrals, site_visits, ...
    spaces: list[Space]
    extra: dict[str, object]        # answers to further bank questions, by question id


class Measured(TypedDict):
    """Hours a time tracker measured (coach.measured), kept with the answers."""

    source: str                     # a file as named, "aw" or "aw:URL"
    # "from" / "to": YYYY-MM-DD, the whole days counted (keys that are Python keywords)
    days: int
    hours_per_week: dict[str, float]            # platform id -> hours a week
    unmatched_hours_per_week: NotRequired[float]
    keep: NotRequired[dict[str, str]]           # platform id -> "measured" | "declared"


class Answers(TypedDict):
    version: int                    # 1
    profile: Profile
    platforms: list[PlatformAnswers]
    measured: NotRequired[Measured]


class FocusSpace(TypedDict):
    kind: str
    name: str


class Focus(TypedDict):
    platform: str
    space: FocusSpace | None
    reasons: list[str]


class PlanPlatform(TypedDict):
    platform: str
    score: int                      # 0..100
    verdict: Verdict
    hours: float
    factors: dict[str, float]       # factor name -> points it contributed
    explanation: str
    # added keys (DESIGN.md allows more): for reports and screens
    name: NotRequired[str]          # platform name in the plan's language (or the user's label)
    reason: NotRequired[str]
    why: NotRequired[str]           # the user's own words
    results_90d: NotRequired[dict[str, int]]
    recommended_hours: NotRequired[float]
    work_hours: NotRequired[float]      # reason "both": the work share of `hours`
    personal_hours: NotRequired[float]  # reason "both": the personal share
    declared_hours: NotRequired[float]          # what the person declared (issue 14)
    measured_hours: NotRequired[float | None]   # per week, from a measurement; None: none


class TimePicture(TypedDict):
    budget: float
    professional: float
    personal: float
    focus_hours: float
    freed: float
    free: NotRequired[float]        # budget the plan leaves unused


class Warning_(TypedDict):
    code: str
    severity: Severity
    platform: str | None
    message: str
    instead: NotRequired[str]       # what to do instead (a limit without a plan is ignored)
    platforms: NotRequired[list[str]]  # every platform sharing this warning (said once)


class GateNext(TypedDict):
    platform: str
    space: FocusSpace | None


class Gate(TypedDict):
    platform: str | None            # the focus
    kinds: list[str]                # result kinds counted (keys of results_90d)
    needed: int
    weeks: int
    by: str                         # YYYY-MM-DD
    have_90d: int                   # what the focus brought in 90 days, of those kinds
    add_channel: bool               # false: the plan says "do not add a channel"
    next: GateNext | None


class Plan(TypedDict):
    schema: int                     # 1
    client: str
    lang: str                       # "en" | "fr" (the language; see region)
    region: NotRequired[str]        # "CA" | "FR": whose French words (fr-CA, fr-FR)
    assessed_on: str                # YYYY-MM-DD
    focus: Focus | None
    platforms: list[PlanPlatform]   # best first
    time: TimePicture
    warnings: list[Warning_]
    routine: list[str]
    # One per routine line, same order: {platform, space, activity, minutes, sessions, text}
    routine_blocks: NotRequired[list[dict[str, object]]]
    track: list[str]
    expansion_gate: str
    gate: NotRequired[Gate]         # the gate as data (see coach/engine/gate.py)
    review_on: str                  # YYYY-MM-DD
    confidence: NotRequired[str]    # low | medium | high, with `confidence_note`
    confidence_note: NotRequired[str]
    engine_version: NotRequired[str]
    goal: NotRequired[str]
