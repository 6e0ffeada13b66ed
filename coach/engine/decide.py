"""The decisions: which platform is the focus, which space on it, and a verdict and
recommended hours for every platform, within the weekly budget.

The order of platforms is total and explained: the return (results for the hours
they cost, on a log scale so that close returns are ties), then the score (audiences and
practice), evidence, the priority audiences present, fewer hours, the order of the
answers. Two
runs on the same answers always give the same plan.
"""

# No `from __future__ import annotations`: NamedTuple would compile every string annotation
# into a ForwardRef at import, on every run.
import math
from typing import NamedTuple

from coach.bank.model import Bank
from coach.engine.facts import Facts
from coach.engine.rules import Rules
from coach.engine.score import factors, score

# Why a verdict was given; each maps to one explanation sentence (see explain.py).
FOCUS, KEEP = "focus", "keep"
FOCUS_MINIMUM = "focus_minimum"            # a zero budget: the stated minimum
KEEP_UPKEEP = "keep_upkeep"                # proven and cheap: upkeep, not a plan
REDUCE_NO_ROOM = "reduce_no_room"          # results, but the budget goes to the focus
REDUCE_SINK = "reduce_sink"                # some results, but far too few for the hours
REDUCE_SAME = "reduce_same"                # proven, but the same crowd as the focus
REDUCE_UNPROVEN = "reduce_unproven"        # audience or a little evidence, nothing proven
PAUSE_NOTHING = "pause_nothing"            # hours and no result, no audience
PAUSE_NO_ROOM = "pause_no_room"            # something there, but no hours left
PAUSE_IDLE = "pause_idle"                  # no time spent and nothing came
PAUSE_SINK = "pause_sink"                  # hours, a trickle of results, no room
PERSONAL = "personal"

# Tie-break criteria, in order (see rank_key).
TIE_EVIDENCE, TIE_AUDIENCE, TIE_HOURS, TIE_ORDER = "evidence", "audience", "hours", "order"


class Decision(NamedTuple):
    """A platform's score and verdict. Decided once (see `decide`), then read only."""

    facts: Facts
    score: int
    factors: dict[str, float]
    verdict: str = "pause"
    why: str = PAUSE_NOTHING
    recommended: float = 0.0


class Tie(NamedTuple):
    names: list[str]                # every platform tied at the top score, winner first
    score: int
    criterion: str                  # what put the winner first


class Choice(NamedTuple):
    decisions: list[Decision]       # in the order of the answers
    focus: Decision | None          # the same object as in `decisions` (compared with `is`)
    space: dict | None              # the named space to start with
    spaces_named: int               # how many spaces were named on the focus
    tie: Tie | None
    focus_hours: float
    channels: int                   # channels the budget allows
    no_focus: str | None            # "no_professional" | "no_promising"
    ranked: list[Decision]          # best first, for the plan
    free: float = 0.0               # budget the plan leaves unused
    minimum: bool = False           # a zero budget: the focus gets the stated minimum
    runner_up: Decision | None = None  # the next platform with results, for the comparison


def quarter(hours: float) -> float:
    """Hours down to the quarter hour: the plan's one rounding rule for what it
    recommends (down, so a plan never exceeds the budget by rounding)."""
    if not math.isfinite(hours) or hours <= 0:
        return 0.0
    return math.floor(hours * 4 + 1e-9) / 4


def is_sink(f: Facts, rules: Rules) -> bool:
    """Many hours for very little, even when "little" is not zero (return per hour)."""
    w = rules.warnings
    return f.hours >= w.time_sink_hours and f.rate < w.time_sink_rate


def is_strong(f: Facts, rules: Rules) -> bool:
    """Proven results at a return that justifies the hours."""
    return f.evidence >= rules.evidence.proven and not is_sink(f, rules)


def _bucket(f: Facts, rules: Rules) -> int:
    """The return on a log scale: platforms in one bucket are close, and the score
    (audiences, practice) decides between them; a clear difference in return decides
    before them."""
    s = rules.score
    if f.evidence < s.weak_units or f.ret <= 0:
        return -(10**6)
    return math.floor(math.log(f.ret) / math.log(s.clear_ratio))


def rank_key(d: Decision, rules: Rules) -> tuple:
    return _rank(d.score, d.facts, rules)


def _rank(score: int, f: Facts, rules: Rules) -> tuple:
    return (-_bucket(f, rules), -score, -f.evidence, -f.audience_share, f.hours, f.index)


def channels_allowed(budget: float, rules: Rules) -> int:
    b = rules.budget
    if budget <= b.one_channel_max_hours:
        return 1
    return max(1, min(b.max_channels, math.floor(budget / b.hours_per_channel)))


def _tie(ranked: list[Decision], rules: Rules) -> Tie | None:
    if len(ranked) < 2:
        return None
    a_, b_ = ranked[0], ranked[1]
    if (a_.score != b_.score or _bucket(a_.facts, rules) != _bucket(b_.facts, rules)):
        return None
    top = [d for d in ranked if d.score == a_.score
           and _bucket(d.facts, rules) == _bucket(a_.facts, rules)]
    a, b = a_.facts, b_.facts
    if a.evidence != b.evidence:
        criterion = TIE_EVIDENCE
    elif a.audience_share != b.audience_share:
        criterion = TIE_AUDIENCE
    elif a.hours != b.hours:
        criterion = TIE_HOURS
    else:
        criterion = TIE_ORDER
    return Tie(names=[d.facts.said for d in top], score=a_.score, criterion=criterion)


def pick_space(f: Facts, bank: Bank, rules: Rules) -> dict | None:
    """The space to start with. Results are counted per platform, not per space, so
    among several named spaces we take the first one of the kind the platform
    favours (conversation spaces first, see rules [focus] space_preference)."""
    if not f.spaces:
        return None
    try:
        offered = bank.platform(f.platform).spaces
    except KeyError:
        offered = ()
    pref = {kind: i for i, kind in enumerate(rules.focus.space_preference)}

    def key(item: tuple[int, dict]) -> tuple:
        pos, space = item
        kind = space.get("kind", "")
        return (kind not in offered, pref.get(kind, len(pref)), pos)

    return dict(min(enumerate(f.spaces), key=key)[1])


def _focus_want(f: Facts, rules: Rules) -> float:
    """A strong focus keeps its hours (no generic cap), at least what its routine needs;
    an unproven one gets what its routine needs."""
    b = rules.budget
    if is_strong(f, rules):
        return min(max(f.need, f.hours), b.focus_max_hours)
    return min(f.need, b.focus_max_hours)


def _keep_want(f: Facts) -> float:
    """A kept channel keeps the time its routine needs (half again for the channel that
    brought a large result), no more than it takes now when it brings its results in
    less (a listing kept up in a quarter hour)."""
    need = f.need * (1.5 if f.large else 1.0)
    return min(f.hours, need) if f.hours > 0 else min(f.need, 0.5)


def _cheap(f: Facts, rules: Rules) -> bool:
    """A proven channel kept in a few minutes a week: upkeep, not a channel to run."""
    return is_strong(f, rules) and _keep_want(f) <= rules.budget.cheap_hours


def decide(all_facts: list[Facts], budget: float, bank: Bank, rules: Rules) -> Choice:
    b = rules.budget
    budget = min(max(budget, 0.0), 168.0) if math.isfinite(budget) else 0.0
    facts = all_facts
    points = [score(factors(f, rules)) for f in facts]          # (score, factors)
    keys = [_rank(sc, f, rules) for (sc, _pts), f in zip(points, facts, strict=True)]
    # (verdict, why, recommended hours) per platform, in the order of the answers; each
    # Decision is made once, at the end, from its slot.
    slots: list[tuple[str, str, float]] = [("pause", PAUSE_NOTHING, 0.0)] * len(facts)

    def done(focus: int | None, space: dict | None, focus_hours: float,
             no_focus: str | None, minimum: bool = False) -> Choice:
        decisions = [Decision(f, sc, pts, v, w, r) for f, (sc, pts), (v, w, r)
                     in zip(facts, points, slots, strict=True)]
        chosen = decisions[focus] if focus is not None else None
        used = sum(d.recommended for d in decisions if d.facts.professional)
        # The next platform with results, for "against ... on X", when the return
        # clearly differs (close returns: the score decided, and the tie says so).
        top = _bucket(facts[focus], rules) if focus is not None else 0
        runner = next((decisions[i] for i in order if i != focus
                       and facts[i].evidence >= rules.score.weak_units), None)
        if runner is not None and _bucket(runner.facts, rules) >= top:
            runner = None
        return Choice(decisions=decisions, focus=chosen, space=space,
                      spaces_named=len(chosen.facts.spaces) if chosen else 0,
                      tie=(_tie([decisions[i] for i in candidates], rules)
                           if chosen else None),
                      focus_hours=focus_hours, channels=channels, no_focus=no_focus,
                      ranked=_ranked(decisions, keys),
                      free=quarter(max(0.0, budget - used)) if not minimum else 0.0,
                      minimum=minimum, runner_up=runner if chosen else None)

    order = sorted((i for i, f in enumerate(facts) if f.professional), key=keys.__getitem__)
    # A focus must show something: results, or priority audiences actually there.
    candidates = [i for i in order if facts[i].evidence > 0 or facts[i].present]
    channels = channels_allowed(budget, rules)

    for i, f in enumerate(facts):
        if not f.professional:
            slots[i] = ("personal", PERSONAL, f.hours)

    if not candidates:
        for i in order:
            slots[i] = ("pause", PAUSE_IDLE if facts[i].hours == 0 else PAUSE_NOTHING, 0.0)
        return done(None, None, quarter(min(budget, b.hours_per_channel)),
                    "no_promising" if order else "no_professional")

    # A cheap proven channel (a listing, a monthly letter) is kept for its upkeep; the
    # focus, where the week's effort goes, is the best channel that needs a routine.
    focus = next((i for i in candidates if not _cheap(facts[i], rules)), candidates[0])
    focus_facts = facts[focus]
    space = pick_space(focus_facts, bank, rules)

    if budget < 0.25:
        # A zero budget is a statement to challenge: the focus keeps a stated minimum,
        # everything else waits (proven channels: answer what they bring).
        slots[focus] = ("focus", FOCUS_MINIMUM, b.start_hours)
        for i in order:
            if i == focus:
                continue
            f = facts[i]
            slots[i] = (("reduce", REDUCE_NO_ROOM, 0.0) if f.evidence >= rules.evidence.proven
                        else ("pause", PAUSE_IDLE if f.hours == 0 else (
                            PAUSE_NO_ROOM if f.evidence > 0 or f.present else PAUSE_NOTHING),
                            0.0))
        return done(focus, space, b.start_hours, None, minimum=True)

    # The channels the plan keeps: the focus, then proven channels at a return that
    # justifies them, as many as the budget runs (cheap ones do not count: a listing
    # needs upkeep, not a channel's hours). With 3 h or less, one channel, unless a
    # channel brought a large result: it is never cut to a token half hour.
    wants: dict[int, float] = {focus: quarter(_focus_want(focus_facts, rules))}
    room_for = channels - 1
    same: set[int] = set()
    for i in order:
        f = facts[i]
        if i == focus or not is_strong(f, rules):
            continue
        want = quarter(_keep_want(f))
        if want <= 0:
            continue
        cheap = want <= b.cheap_hours
        if (not cheap and not f.large and not f.owned and not focus_facts.owned
                and f.present and set(f.present) == set(focus_facts.present)):
            same.add(i)  # two rented channels for one crowd: one of them is enough
            continue
        if cheap or f.large or room_for > 0:
            wants[i] = want
            if not cheap and not f.large:
                room_for -= 1

    # Over budget: cut what returns least per hour first; the focus keeps at least
    # what its routine needs (within the budget).
    excess = sum(wants.values()) - budget
    if excess > 1e-9:
        for i in sorted(wants, key=lambda i: (facts[i].rate, -facts[i].index)):
            floor = quarter(min(focus_facts.need, budget)) if i == focus else 0.0
            cut = min(excess, wants[i] - floor)
            if cut > 0:
                wants[i] = quarter(wants[i] - cut) if i != focus else wants[i] - cut
                excess -= cut
            if excess <= 1e-9:
                break
        wants[focus] = quarter(wants[focus])
    focus_hours = wants.pop(focus)
    slots[focus] = ("focus", FOCUS, focus_hours)
    remaining = budget - focus_hours
    for i, want in wants.items():
        f = facts[i]
        # Kept when it keeps at least half of what it needs, else it is reduced below.
        if want >= 0.25 and want >= 0.5 * _keep_want(f) - 1e-9:
            cheap = want <= b.cheap_hours
            slots[i] = ("keep", KEEP_UPKEEP if cheap else KEEP, want)
            remaining -= want

    # Channels the plan runs; a platform cut to watching counts too, so a light presence
    # never takes the place of a channel the budget cannot run.
    running = 1 + sum(1 for v, _w, _r in slots if v == "keep")
    for i in order:
        if i == focus or slots[i][0] == "keep":
            continue
        f = facts[i]
        light = quarter(min(f.hours, b.reduce_hours)) if f.hours > 0 else 0.0
        room = budget > b.one_channel_max_hours and remaining >= light > 0
        if i in same:
            slots[i] = ("reduce", REDUCE_SAME, light if remaining >= light else 0.0)
        elif f.evidence >= rules.evidence.proven:
            if is_sink(f, rules):
                slots[i] = (("reduce", REDUCE_SINK, light) if room
                            else ("pause", PAUSE_SINK, 0.0))
            else:
                # Proven results are never dropped: at worst, answer the messages they bring.
                slots[i] = ("reduce", REDUCE_NO_ROOM, light if room else 0.0)
        elif f.hours == 0:
            slots[i] = ("pause", PAUSE_IDLE, 0.0)
        elif f.present or (f.evidence >= rules.score.weak_units and not is_sink(f, rules)):
            if room and running < channels:
                slots[i] = ("reduce", REDUCE_UNPROVEN, light)
                running += 1
            else:
                slots[i] = ("pause", PAUSE_NO_ROOM, 0.0)
        else:
            slots[i] = ("pause", PAUSE_NOTHING, 0.0)
        remaining -= slots[i][2]

    return done(focus, space, focus_hours, None)


_VERDICT_ORDER = {"focus": 0, "keep": 1, "reduce": 2, "pause": 3, "personal": 4}


def _ranked(decisions: list[Decision], keys: list[tuple]) -> list[Decision]:
    """Best first: the focus, what is kept, reduced, paused, then personal accounts
    (`keys`: each decision's rank key, computed once)."""
    order = sorted(range(len(decisions)),
                   key=lambda i: (_VERDICT_ORDER[decisions[i].verdict], *keys[i]))
    return [decisions[i] for i in order]
