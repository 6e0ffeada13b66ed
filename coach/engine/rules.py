"""The engine's rules (data/rules.toml) as typed, checked values.

The weights and thresholds are data so a consultant can adapt them; a typo there
must fail loudly with the key it concerns, not turn into a strange plan. Every
problem is collected, then `RulesError` (a ValueError) lists them all; its
message names each key (`budget.hours_per_channel: expected a number, got 'two'`).
These messages are for whoever edits the bank, in English like the file's keys.
Keys a bank leaves out take the defaults below (the values of data/rules.toml).
"""

# No `from __future__ import annotations`: NamedTuple would compile every string annotation
# into a ForwardRef at import, on every run.
import math
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

# The defaults, used for any key a bank's rules.toml leaves out (or when it has no
# rules.toml). data/rules.toml states the same values with their reasons; a test
# keeps the two equal.
DEFAULTS: dict[str, Any] = {'version': 1,
 'review': {'days': 90},
 'budget': {'hours_per_channel': 2.0,
            'one_channel_max_hours': 3.0,
            'max_channels': 3,
            'focus_max_hours': 6.0,
            'reduce_hours': 0.5,
            'start_hours': 1.0},
 'evidence': {'won': 10.0,
              'inquiries': 6.0,
              'sales': 6.0,
              'donations': 6.0,
              'referrals': 4.0,
              'signups': 3.0,
              'site_visits': 0.1,
              'goal_multiplier': 1.5,
              'proven': 3.0},
 'goal_results': {'clients': ['inquiries', 'won', 'sales', 'site_visits'],
                  'mandates': ['inquiries', 'won', 'referrals'],
                  'donations': ['donations', 'signups', 'site_visits'],
                  'volunteers': ['signups', 'inquiries'],
                  'recruits': ['inquiries', 'signups'],
                  'partners': ['inquiries', 'referrals', 'won'],
                  'funding': ['won', 'inquiries', 'donations'],
                  'awareness': ['site_visits', 'signups', 'inquiries']},
 'score': {'evidence_max': 45.0,
           'evidence_half': 10.0,
           'audience_max': 20.0,
           'conversation': 10.0,
           'monitoring': 3.0,
           'broadcast_only': -5.0,
           'browsing': -5.0,
           'ads': -3.0,
           'know_who': 5.0,
           'know_who_missing': -3.0,
           'editorial_line': 5.0,
           'action_measures': 5.0,
           'vanity_only': -3.0,
           'fit': 4.0,
           'efficiency_max': 10.0,
           'efficiency_half': 5.0,
           'idle_hour_penalty': 3.0,
           'idle_penalty_max': 20.0},
 'focus': {'space_preference': ['group',
                                'forum',
                                'list',
                                'channel',
                                'page',
                                'newsletter',
                                'profile']},
 'warnings': {'over_budget_critical_ratio': 2.0,
              'time_sink_hours': 2.0,
              'time_sink_critical_hours': 5.0,
              'personal_time_hours': 5.0},
 'gate': {'min_results': 3},
 'routine': {'minutes_per_answer': 15,
             'minutes_per_post': 45,
             'minutes_per_comment': 10,
             'tracking_minutes': 10,
             'reply_share': 0.2}}


class RulesError(ValueError):
    """data/rules.toml is wrong; `.problems` holds one line per problem, key first."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        self.key = problems[0].split(":", 1)[0] if problems else ""
        super().__init__("\n".join(self.problems))


# Immutable records: NamedTuple rather than frozen dataclasses, which cost about half a
# millisecond each to create at import, on every `coach plan` run.
class BudgetRules(NamedTuple):
    hours_per_channel: float
    one_channel_max_hours: float
    max_channels: int
    focus_max_hours: float
    reduce_hours: float
    start_hours: float


class ScoreRules(NamedTuple):
    evidence_max: float
    evidence_half: float
    audience_max: float
    conversation: float
    monitoring: float
    broadcast_only: float
    browsing: float
    ads: float
    know_who: float
    know_who_missing: float
    editorial_line: float
    action_measures: float
    vanity_only: float
    fit: float
    efficiency_max: float
    efficiency_half: float
    idle_hour_penalty: float
    idle_penalty_max: float


class WarningRules(NamedTuple):
    over_budget_critical_ratio: float
    time_sink_hours: float
    time_sink_critical_hours: float
    personal_time_hours: float


class RoutineRules(NamedTuple):
    minutes_per_answer: int
    minutes_per_post: int
    minutes_per_comment: int
    tracking_minutes: int
    reply_share: float


class Rules(NamedTuple):
    review_days: int
    budget: BudgetRules
    evidence: Mapping[str, float]            # result id -> evidence units per result
    goal_multiplier: float
    proven: float
    goal_results: Mapping[str, tuple[str, ...]]
    score: ScoreRules
    space_preference: tuple[str, ...]
    warnings: WarningRules
    gate_min_results: int
    routine: RoutineRules


# (key, kind, low, high): kind "num" (int or float), "int", "signed" (any finite
# number), "ids" (list of strings). Bounds are inclusive; None means open.
_Spec = tuple[str, str, float | None, float | None]

_BUDGET: tuple[_Spec, ...] = (
    ("hours_per_channel", "num", 0.1, 168), ("one_channel_max_hours", "num", 0, 168),
    ("max_channels", "int", 1, 20), ("focus_max_hours", "num", 0.5, 168),
    ("reduce_hours", "num", 0, 168), ("start_hours", "num", 0.1, 168),
)
_SCORE: tuple[_Spec, ...] = (
    ("evidence_max", "num", 0, 100), ("evidence_half", "num", 0.001, None),
    ("audience_max", "num", 0, 100), ("conversation", "signed", -100, 100),
    ("monitoring", "signed", -100, 100), ("broadcast_only", "signed", -100, 100),
    ("browsing", "signed", -100, 100), ("ads", "signed", -100, 100),
    ("know_who", "signed", -100, 100), ("know_who_missing", "signed", -100, 100),
    ("editorial_line", "signed", -100, 100), ("action_measures", "signed", -100, 100),
    ("vanity_only", "signed", -100, 100), ("fit", "signed", -100, 100),
    ("efficiency_max", "num", 0, 100), ("efficiency_half", "num", 0.001, None),
    ("idle_hour_penalty", "num", 0, 100), ("idle_penalty_max", "num", 0, 100),
)
_WARNINGS: tuple[_Spec, ...] = (
    ("over_budget_critical_ratio", "num", 1, None), ("time_sink_hours", "num", 0, 168),
    ("time_sink_critical_hours", "num", 0, 168), ("personal_time_hours", "num", 0, 168),
)
_ROUTINE: tuple[_Spec, ...] = (
    ("minutes_per_answer", "int", 1, 600), ("minutes_per_post", "int", 1, 600),
    ("minutes_per_comment", "int", 1, 600), ("tracking_minutes", "int", 0, 600),
    ("reply_share", "num", 0, 0.9),
)
_SECTIONS = ("version", "review", "budget", "evidence", "goal_results", "score", "focus",
             "warnings", "gate", "routine")


class _Reader:
    """Collects problems while reading values, so all of them are reported at once."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, key: str, message: str) -> None:
        self.problems.append(f"{key}: {message}")

    def table(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
        value = data.get(key)
        if value is None:
            self.fail(key, "missing table")
            return {}
        if not isinstance(value, Mapping):
            self.fail(key, f"expected a table, got {value!r}")
            return {}
        return value

    def value(self, table: Mapping[str, Any], prefix: str, spec: _Spec) -> Any:
        key, kind, low, high = spec
        path = f"{prefix}.{key}"
        if key not in table:
            self.fail(path, "missing")
            return 0
        raw = table[key]
        if kind == "ids":
            return self.ids(raw, path)
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            self.fail(path, f"expected a number, got {raw!r}")
            return 0
        if kind == "int" and not isinstance(raw, int):
            self.fail(path, f"expected a whole number, got {raw!r}")
            return 0
        if not math.isfinite(raw):
            self.fail(path, f"expected a finite number, got {raw!r}")
            return 0
        if (low is not None and raw < low) or (high is not None and raw > high):
            shown = f"between {low:g} and {high:g}" if high is not None else f"at least {low:g}"
            self.fail(path, f"{raw!r} is not {shown}")
        return int(raw) if kind == "int" else float(raw)

    def ids(self, raw: Any, path: str) -> tuple[str, ...]:
        if not isinstance(raw, list) or not all(isinstance(x, str) and x for x in raw):
            self.fail(path, f"expected a list of ids, got {raw!r}")
            return ()
        if len(set(raw)) != len(raw):
            self.fail(path, "an id is listed twice")
        return tuple(raw)

    def unknown(self, table: Mapping[str, Any], prefix: str, known: tuple[str, ...]) -> None:
        for key in table:
            if key not in known:
                self.fail(f"{prefix}.{key}" if prefix else str(key), "unknown key")

    def section(self, data: Mapping[str, Any], name: str, specs: tuple[_Spec, ...]) -> dict:
        table = self.table(data, name)
        out = {spec[0]: self.value(table, name, spec) for spec in specs}
        self.unknown(table, name, tuple(spec[0] for spec in specs))
        return out


def parse_rules(mapping: Mapping[str, Any]) -> Rules:
    """Check and type data/rules.toml (as loaded); raise RulesError naming each bad key."""
    r = _Reader()
    if not isinstance(mapping, Mapping):
        raise RulesError([f"rules: expected a table, got {type(mapping).__name__}"])
    r.unknown(mapping, "", _SECTIONS)
    if mapping.get("version", 1) != 1:
        r.fail("version", f"expected 1, got {mapping.get('version')!r}")
    # Keys left out take their default: a consultant may change one weight only.
    given = mapping
    mapping = {}
    for key, default in DEFAULTS.items():
        value = given.get(key, default)
        if isinstance(default, Mapping) and isinstance(value, Mapping):
            value = {**default, **value}
        mapping[key] = value

    review = r.section(mapping, "review", (("days", "int", 1, 3660),))
    budget = r.section(mapping, "budget", _BUDGET)
    score = r.section(mapping, "score", _SCORE)
    warnings = r.section(mapping, "warnings", _WARNINGS)
    routine = r.section(mapping, "routine", _ROUTINE)
    gate = r.section(mapping, "gate", (("min_results", "int", 1, 10_000),))
    focus = r.section(mapping, "focus", (("space_preference", "ids", None, None),))

    evidence_table = r.table(mapping, "evidence")
    evidence: dict[str, float] = {}
    special = {"goal_multiplier": ("num", 1, 100), "proven": ("num", 0, None)}
    for key in evidence_table:
        kind, low, high = special.get(key, ("num", 0, 1000))
        evidence[key] = r.value(evidence_table, "evidence", (key, kind, low, high))
    for key in special:
        if key not in evidence_table:
            r.fail(f"evidence.{key}", "missing")
    goal_multiplier = evidence.pop("goal_multiplier", 1.0)
    proven = evidence.pop("proven", 0.0)
    if not evidence:
        r.fail("evidence", "give at least one result kind with its weight")

    goal_table = r.table(mapping, "goal_results")
    goal_results: dict[str, tuple[str, ...]] = {}
    for goal, raw in goal_table.items():
        ids = r.ids(raw, f"goal_results.{goal}")
        for result in ids:
            if evidence and result not in evidence:
                r.fail(f"goal_results.{goal}", f"{result!r} has no weight in [evidence]")
        if not ids and isinstance(raw, list):
            r.fail(f"goal_results.{goal}", "name at least one result")
        goal_results[goal] = ids

    if warnings["time_sink_critical_hours"] < warnings["time_sink_hours"]:
        r.fail("warnings.time_sink_critical_hours", "must be at least time_sink_hours")
    if r.problems:
        raise RulesError(r.problems)
    return Rules(
        review_days=review["days"],
        budget=BudgetRules(**budget),
        evidence=MappingProxyType(evidence),
        goal_multiplier=goal_multiplier,
        proven=proven,
        goal_results=MappingProxyType(goal_results),
        score=ScoreRules(**score),
        space_preference=focus["space_preference"],
        warnings=WarningRules(**warnings),
        gate_min_results=gate["min_results"],
        routine=RoutineRules(**routine),
    )
