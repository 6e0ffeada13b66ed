"""The engine's rules (data/rules.toml) as one typed schema: each rule declared once.

The weights and thresholds are data so a consultant can adapt them; a typo there
must fail loudly with the key it concerns, not turn into a strange plan. Each rule is
one field below: its type, its bounds (the `Annotated` metadata) and its default (the
field's default). The records are what the engine reads (`rules.budget.max_channels`),
the same declaration checks a bank's rules.toml, and `Rules()` is the defaults.

Why the defaults live here and not only in data/rules.toml: the engine stays pure (a
bank without rules.toml, or with one weight changed, needs no file read), and the
engine's own numbers sit with their types. data/rules.toml states the same values with
their reasons, for the consultant who copies data/; tests/test_engine.py keeps the two
equal, and keeps the file stating every rule.

Problems are `FieldProblem`s with `Msg` messages in the engine catalog, so whoever
shows them says them in the reader's language (`check-bank --lang fr` speaks French).
"""

# No `from __future__ import annotations`: NamedTuple would compile every string annotation
# into a ForwardRef at import, on every run; here they are plain objects, read below.
import math
from collections.abc import Collection, Mapping
from types import MappingProxyType
from typing import Annotated, Any, NamedTuple

from coach.errors import FieldErrors, FieldProblem
from coach.i18n import Deferred, Msg

_ = Deferred("engine").gettext


# ---------------------------------------------------------------- kinds of value


class Value(NamedTuple):
    """What one rule holds; read by `_Reader.value`. One record type for every kind keeps
    the module cheap to import (each NamedTuple class costs about 0.08 ms to create)."""

    kind: str                  # "number" | "ids" | "exactly" | "each" | "rest"
    low: float | None = None   # number: inclusive bounds (None: open)
    high: float | None = None
    whole: bool = False        # number: an integer
    inner: Any = None          # each, rest: the Value of every entry; exactly: the value


def num(low: float | None = None, high: float | None = None, *, whole: bool = False) -> Value:
    """A number within inclusive bounds."""
    return Value("number", low, high, whole)


IDS = Value("ids")             # a list of distinct ids, kept as a tuple


def exactly(value: int) -> Value:
    """One accepted value (the file format's version)."""
    return Value("exactly", inner=value)


def each(inner: Value) -> Value:
    """An open table: any key, each value `inner` (goal id -> result ids)."""
    return Value("each", inner=inner)


def rest(inner: Value) -> Value:
    """The other keys of the section this field is in, each value `inner`."""
    return Value("rest", inner=inner)


def _frozen(mapping: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping))


_HOURS = num(0, 168)
_POINTS = num(-100, 100)       # a score factor: points, or a penalty when negative
_MAX_POINTS = num(0, 100)
_MINUTES = num(1, 600, whole=True)


# ---------------------------------------------------------------- the schema
# Records are NamedTuples, the one style for immutable data in engine and bank (see
# coach/bank/model.py for the measurement). Each field's comment lives in data/rules.toml.


class ReviewRules(NamedTuple):
    days: Annotated[int, num(1, 3660, whole=True)] = 90


class BudgetRules(NamedTuple):
    hours_per_channel: Annotated[float, num(0.1, 168)] = 2.0
    one_channel_max_hours: Annotated[float, _HOURS] = 3.0
    max_channels: Annotated[int, num(1, 20, whole=True)] = 3
    focus_max_hours: Annotated[float, num(0.5, 168)] = 40.0
    reduce_hours: Annotated[float, _HOURS] = 0.5
    start_hours: Annotated[float, num(0.1, 168)] = 1.0
    cheap_hours: Annotated[float, _HOURS] = 0.5
    both_work_share: Annotated[float, num(0, 1)] = 0.5


class ScoreRules(NamedTuple):
    evidence_max: Annotated[float, _MAX_POINTS] = 55.0
    evidence_half: Annotated[float, num(0.001)] = 10.0
    audience_max: Annotated[float, _MAX_POINTS] = 15.0
    conversation: Annotated[float, _POINTS] = 10.0
    monitoring: Annotated[float, _POINTS] = 3.0
    broadcast_only: Annotated[float, _POINTS] = -5.0
    browsing: Annotated[float, _POINTS] = -5.0
    ads: Annotated[float, _POINTS] = -3.0
    know_who: Annotated[float, _POINTS] = 5.0
    know_who_missing: Annotated[float, _POINTS] = -3.0
    editorial_line: Annotated[float, _POINTS] = 5.0
    action_measures: Annotated[float, _POINTS] = 5.0
    vanity_only: Annotated[float, _POINTS] = -3.0
    fit: Annotated[float, _POINTS] = 4.0
    efficiency_max: Annotated[float, _MAX_POINTS] = 10.0
    efficiency_half: Annotated[float, num(0.001)] = 5.0
    idle_hour_penalty: Annotated[float, _MAX_POINTS] = 3.0
    idle_penalty_max: Annotated[float, _MAX_POINTS] = 20.0
    clear_ratio: Annotated[float, num(1.01, 100)] = 1.5
    weak_units: Annotated[float, num(0)] = 1.0


class WarningRules(NamedTuple):
    over_budget_critical_ratio: Annotated[float, num(1)] = 2.0
    time_sink_hours: Annotated[float, _HOURS] = 2.0
    time_sink_critical_hours: Annotated[float, _HOURS] = 5.0
    personal_time_hours: Annotated[float, _HOURS] = 5.0
    time_sink_rate: Annotated[float, num(0)] = 2.0
    max_warnings: Annotated[int, num(1, 100, whole=True)] = 8


class RoutineRules(NamedTuple):
    minutes_per_answer: Annotated[int, _MINUTES] = 15
    minutes_per_post: Annotated[int, _MINUTES] = 45
    minutes_per_comment: Annotated[int, _MINUTES] = 10
    tracking_minutes: Annotated[int, num(0, 600, whole=True)] = 10
    reply_share: Annotated[float, num(0, 0.9)] = 0.2


class GateRules(NamedTuple):
    min_results: Annotated[int, num(1, 10_000, whole=True)] = 3
    weeks: Annotated[int, num(1, 520, whole=True)] = 8


class FocusRules(NamedTuple):
    space_preference: Annotated[tuple[str, ...], IDS] = (
        "group", "forum", "list", "channel", "page", "newsletter", "profile")


class EvidenceRules(NamedTuple):
    # result id -> evidence units per result: every key of [evidence] but the two below
    weights: Annotated[Mapping[str, float], rest(num(0, 1000))] = _frozen({
        "won": 10.0, "inquiries": 6.0, "sales": 6.0, "donations": 6.0, "referrals": 4.0,
        "signups": 3.0, "site_visits": 0.1})
    goal_multiplier: Annotated[float, num(1, 100)] = 1.5
    proven: Annotated[float, num(0)] = 3.0
    large_result: Annotated[float, num(0, 10_000)] = 40.0


_GOAL_RESULTS: Mapping[str, tuple[str, ...]] = _frozen({
    "clients": ("inquiries", "won", "sales", "site_visits"),
    "mandates": ("inquiries", "won", "referrals"),
    "donations": ("donations", "signups", "site_visits"),
    "volunteers": ("signups", "inquiries"),
    "recruits": ("inquiries", "signups"),
    "partners": ("inquiries", "referrals", "won"),
    "funding": ("won", "inquiries", "donations"),
    "awareness": ("site_visits", "signups", "inquiries"),
})


# Evidence units per result, per goal: what one result of each kind is worth for that
# goal (a kind left out takes its [evidence] weight, times goal_multiplier when it is
# one of the goal's results).
_W = {"won": 15.0, "inquiries": 6.0, "sales": 8.0, "donations": 1.0, "referrals": 4.0,
      "signups": 1.0, "site_visits": 0.02}
_GOAL_WEIGHTS: Mapping[str, Mapping[str, float]] = _frozen({
    "clients": _frozen(_W),
    "mandates": _frozen({**_W, "referrals": 6.0, "sales": 4.0}),
    "donations": _frozen({**_W, "donations": 8.0, "won": 12.0, "signups": 2.0,
                          "inquiries": 2.0, "referrals": 2.0, "sales": 2.0}),
    "volunteers": _frozen({**_W, "signups": 8.0, "inquiries": 4.0, "referrals": 3.0,
                           "won": 4.0, "donations": 2.0, "sales": 1.0}),
    "recruits": _frozen({**_W, "signups": 8.0, "inquiries": 6.0, "won": 8.0, "sales": 1.0}),
    "partners": _frozen({**_W, "won": 15.0, "referrals": 6.0, "sales": 2.0}),
    "funding": _frozen({**_W, "won": 20.0, "donations": 6.0, "inquiries": 4.0,
                        "referrals": 3.0, "sales": 2.0}),
    "awareness": _frozen({**_W, "won": 8.0, "sales": 4.0, "inquiries": 4.0, "signups": 3.0,
                          "donations": 3.0, "referrals": 3.0, "site_visits": 0.1}),
})

# Hours a week a kept channel needs for its routine, by platform id or space kind (the
# platform's entry first, then its space's, then "default").
_CHANNEL_HOURS: Mapping[str, float] = _frozen({
    "default": 2.0, "youtube": 3.0, "tiktok": 2.5, "newsletter": 1.0, "blog": 1.5,
    "listing": 0.25, "live": 3.0, "list": 1.5, "channel": 1.5,
})


class Rules(NamedTuple):
    """All the rules. Fields come in the order their problems are reported (as since the
    first release: evidence and goal_results last, as they are checked against each other)."""

    version: Annotated[int, exactly(1)] = 1
    review: ReviewRules = ReviewRules()
    budget: BudgetRules = BudgetRules()
    score: ScoreRules = ScoreRules()
    warnings: WarningRules = WarningRules()
    routine: RoutineRules = RoutineRules()
    gate: GateRules = GateRules()
    focus: FocusRules = FocusRules()
    evidence: EvidenceRules = EvidenceRules()
    goal_results: Annotated[Mapping[str, tuple[str, ...]], each(IDS)] = _GOAL_RESULTS
    goal_weights: Annotated[Mapping[str, Mapping[str, float]],
                            each(each(num(0, 1000)))] = _GOAL_WEIGHTS
    channel_hours: Annotated[Mapping[str, float], each(_HOURS)] = _CHANNEL_HOURS


DEFAULT_RULES = Rules()


class RulesError(FieldErrors):
    """data/rules.toml is wrong: one FieldProblem per problem, its path the rule's key."""

    @property
    def key(self) -> str:
        """The first key found wrong (`budget.hours_per_channel`)."""
        return self.problems[0].path if self.problems else ""


# ---------------------------------------------------------------- reading


def _fields(record: type) -> tuple[tuple[str, Any], ...]:
    """(name, kind or section record) per field, read once per record type."""
    cached = _FIELDS.get(record)
    if cached is None:
        cached = tuple(
            (name, getattr(hint, "__metadata__", (hint,))[0])
            for name, hint in record.__annotations__.items())
        _FIELDS[record] = cached
    return cached


_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _is_section(kind: Any) -> bool:
    return isinstance(kind, type) and issubclass(kind, tuple)


def _shown(value: Any) -> str:
    return repr(value)


def _bound(x: float) -> str:
    return f"{x:g}"


class _Reader:
    """Collects problems while reading values, so all of them are reported at once."""

    def __init__(self) -> None:
        self.problems: list[FieldProblem] = []

    def fail(self, path: str, message: Msg) -> None:
        self.problems.append(FieldProblem(path, message))

    def table(self, raw: Any, path: str) -> Mapping[str, Any] | None:
        if not isinstance(raw, Mapping):
            self.fail(path, _("expected a table, got {value}").format(value=_shown(raw)))
            return None
        return raw

    def value(self, raw: Any, path: str, kind: Value) -> Any:
        if kind.kind == "number":
            return self.number(raw, path, kind)
        if kind.kind == "ids":
            return self.ids(raw, path)
        if kind.kind == "exactly":
            if raw != kind.inner or isinstance(raw, bool):
                self.fail(path, _("expected {expected}, got {value}").format(
                    expected=kind.inner, value=_shown(raw)))
            return kind.inner
        if kind.kind == "each":
            table = self.table(raw, path)
            return _frozen({str(key): self.value(value, f"{path}.{key}", kind.inner)
                            for key, value in (table or {}).items()})
        raise TypeError(f"no reader for {kind!r}")  # a schema mistake, not the user's

    def number(self, raw: Any, path: str, kind: Value) -> float | int:
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            self.fail(path, _("expected a number, got {value}").format(value=_shown(raw)))
            return 0
        if kind.whole and not isinstance(raw, int):
            self.fail(path, _("expected a whole number, got {value}").format(value=_shown(raw)))
            return 0
        if not math.isfinite(raw):
            self.fail(path, _("expected a finite number, got {value}").format(value=_shown(raw)))
            return 0
        low, high = kind.low, kind.high
        if (low is not None and raw < low) or (high is not None and raw > high):
            if high is not None and low is not None:
                self.fail(path, _("{value} is not between {low} and {high}").format(
                    value=_shown(raw), low=_bound(low), high=_bound(high)))
            elif low is not None:
                self.fail(path, _("{value} is not at least {low}").format(
                    value=_shown(raw), low=_bound(low)))
            else:
                self.fail(path, _("{value} is more than {high}").format(
                    value=_shown(raw), high=_bound(high or 0)))
        return int(raw) if kind.whole else float(raw)

    def ids(self, raw: Any, path: str) -> tuple[str, ...]:
        if not isinstance(raw, list) or not all(isinstance(x, str) and x for x in raw):
            self.fail(path, _("expected a list of ids, got {value}").format(value=_shown(raw)))
            return ()
        if len(set(raw)) != len(raw):
            self.fail(path, _("an id is listed twice"))
        return tuple(raw)

    def unknown(self, path: str) -> None:
        self.fail(path, _("unknown key"))

    def section(self, record: type, raw: Any, path: str) -> Any:
        """One [table] as its record; keys it leaves out take their default."""
        given = self.table(raw, path)
        if given is None:
            return record()
        defaults = record._field_defaults  # type: ignore[attr-defined]
        fields = _fields(record)
        rest = next((name for name, kind in fields if kind.kind == "rest"), None)
        # The section as the file would state it with nothing left out, then what is given:
        # values are read (and problems reported) in that order.
        merged: dict[str, Any] = {}
        for name, _kind in fields:
            if name == rest:
                merged.update(defaults[name])
            else:
                merged[name] = defaults[name]
        merged.update(given)
        kinds = dict(fields)
        values: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        unknown: list[str] = []
        for key, value in merged.items():
            kind = kinds.get(key) if key != rest else None
            target = values if kind is not None else extra
            if key not in given:
                target[key] = value          # a default: typed and valid already
            elif kind is not None:
                values[key] = self.value(value, f"{path}.{key}", kind)
            elif rest is not None:
                extra[key] = self.value(value, f"{path}.{key}", kinds[rest].inner)
            else:
                unknown.append(key)
        for key in unknown:
            self.unknown(f"{path}.{key}")
        if rest is not None:
            values[rest] = _frozen(extra)
        return record(**values)


def parse_rules(mapping: Mapping[str, Any]) -> Rules:
    """Check and type a bank's rules (rules.toml as loaded); RulesError names each bad key.

    Keys left out take their default: a consultant may change one weight only.
    """
    r = _Reader()
    if not isinstance(mapping, Mapping):
        raise RulesError([FieldProblem("rules", _("expected a table, got {value}").format(
            value=type(mapping).__name__))])
    fields = _fields(Rules)
    known = {name for name, _kind in fields}
    for key in mapping:
        if key not in known:
            r.unknown(str(key))
    values: dict[str, Any] = {}
    for name, kind in fields:
        default = Rules._field_defaults[name]
        if name not in mapping:
            values[name] = default
        elif _is_section(kind):
            values[name] = r.section(kind, mapping[name], name)
        elif kind.kind == "each":
            # An open table merges with the defaults too (a bank may add one goal).
            given = r.table(mapping[name], name) or {}
            values[name] = _frozen({**default, **r.value(given, name, kind)})
        else:
            values[name] = r.value(mapping[name], name, kind)
    rules = Rules(**values)
    _links(r, rules, mapping)
    if r.problems:
        raise RulesError(r.problems)
    return rules


_last: list[tuple[Mapping[str, Any], Rules]] = []   # one slot: a mapping and its Rules


def read_rules(mapping: Mapping[str, Any]) -> Rules:
    """`parse_rules`, remembered for the last mapping read: a bank's rules are read when
    it loads (check_rules) and again by every plan built from it. The slot keeps a
    reference to the mapping, so an identity match is never a recycled id."""
    if _last and _last[0][0] is mapping:
        return _last[0][1]
    rules = parse_rules(mapping)
    _last[:] = [(mapping, rules)]
    return rules


def _links(r: _Reader, rules: Rules, given: Mapping[str, Any]) -> None:
    """What one rule says about another."""
    weights = rules.evidence.weights
    if not weights:
        r.fail("evidence", _("give at least one result kind with its weight"))
    raw_goals = given.get("goal_results")
    raw_goals = raw_goals if isinstance(raw_goals, Mapping) else {}
    for goal, results in rules.goal_results.items():
        path = f"goal_results.{goal}"
        for result in results:
            if weights and result not in weights:
                r.fail(path, _("{result} has no weight in [evidence]").format(
                    result=_shown(result)))
        if not results and raw_goals.get(goal) == []:
            r.fail(path, _("name at least one result"))
    for goal, table in rules.goal_weights.items():
        for result in table:
            if weights and result not in weights:
                r.fail(f"goal_weights.{goal}.{result}", _("{result} has no weight in "
                                                           "[evidence]").format(
                    result=_shown(result)))
    w = rules.warnings
    if w.time_sink_critical_hours < w.time_sink_hours:
        r.fail("warnings.time_sink_critical_hours",
               _("must be at least {other}").format(other="time_sink_hours"))


# ---------------------------------------------------------------- a bank's check

# Score points may be penalties; every other rule (hours, weights, days) is >= 0.
_SIGNED: tuple[str, ...] = ("score.",)


def check_rules(raw: Mapping[str, Any], *, known_ids: Collection[str] = ()) -> list[FieldProblem]:
    """Every problem of a bank's rules.toml, for `check-bank` and loading a bank.

    What every value must be (a number, a list of ids the bank knows, a table), in simple
    words for whoever edits the file, then what each rule means (`parse_rules`) for the
    keys whose shape holds. `known_ids`: the bank's vocabulary and platform ids (empty:
    any id).
    """
    r = _Reader()
    _shapes(r, "", raw, frozenset(known_ids))
    try:
        read_rules(raw)
    except RulesError as exc:
        # Every problem in one run, but one line per key: what a key's value must be is
        # said first, what it means only for the keys whose shape holds.
        shaped = [problem.path for problem in r.problems]

        def said_already(path: str) -> bool:  # the key, a key inside it, or its table
            return any(path == k or k.startswith(path + ".") or path.startswith(k + ".")
                       for k in shaped)

        return r.problems + [p for p in exc.problems if not said_already(p.path)]
    return r.problems


def _shapes(r: _Reader, prefix: str, table: Mapping[str, Any], known_ids: frozenset[str]) -> None:
    for key, value in table.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            _shapes(r, path + ".", value, known_ids)
        elif isinstance(value, list):
            if not all(isinstance(v, str) and v for v in value):
                r.fail(path, _("expected a list of ids"))
                continue
            for v in value:
                if known_ids and v not in known_ids:
                    r.fail(path, _("unknown id {id} (not in the vocabulary or the platforms)")
                           .format(id=_shown(v)))
        elif isinstance(value, bool) or not isinstance(value, int | float):
            r.fail(path, _("expected a number, a list of ids or a table"))
        elif not math.isfinite(value):
            r.fail(path, _("expected a finite number"))
        elif value < 0 and not path.startswith(_SIGNED):
            r.fail(path, _("{value} is negative (only score points may be)").format(value=value))
