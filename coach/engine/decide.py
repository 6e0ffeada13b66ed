"""The decisions: which platform is the focus, which space on it, and a verdict and
recommended hours for every platform, within the weekly budget.

The order of platforms is total and explained: score, then evidence, then the
priority audiences present, then fewer hours, then the order of the answers. Two
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
REDUCE_NO_ROOM = "reduce_no_room"          # results, but the budget goes to the focus
REDUCE_UNPROVEN = "reduce_unproven"        # audience or a little evidence, nothing proven
PAUSE_NOTHING = "pause_nothing"            # hours and no result, no audience
PAUSE_NO_ROOM = "pause_no_room"            # something there, but no hours left
PAUSE_IDLE = "pause_idle"                  # no time spent and nothing came
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


def rank_key(d: Decision) -> tuple:
    return _rank(d.score, d.facts)


def _rank(score: int, f: Facts) -> tuple:
    return (-score, -f.evidence, -f.audience_share, f.hours, f.index)


def channels_allowed(budget: float, rules: Rules) -> int:
    b = rules.budget
    if budget <= b.one_channel_max_hours:
        return 1
    return max(1, min(b.max_channels, math.floor(budget / b.hours_per_channel)))


def _tie(ranked: list[Decision]) -> Tie | None:
    if len(ranked) < 2 or ranked[0].score != ranked[1].score:
        return None
    top = [d for d in ranked if d.score == ranked[0].score]
    a, b = ranked[0].facts, ranked[1].facts
    if a.evidence != b.evidence:
        criterion = TIE_EVIDENCE
    elif a.audience_share != b.audience_share:
        criterion = TIE_AUDIENCE
    elif a.hours != b.hours:
        criterion = TIE_HOURS
    else:
        criterion = TIE_ORDER
    return Tie(names=[d.facts.said for d in top], score=ranked[0].score, criterion=criterion)


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


def decide(all_facts: list[Facts], budget: float, bank: Bank, rules: Rules) -> Choice:
    b = rules.budget
    budget = min(max(budget, 0.0), 168.0) if math.isfinite(budget) else 0.0
    facts = all_facts
    points = [score(factors(f, rules)) for f in facts]          # (score, factors)
    keys = [_rank(sc, f) for (sc, _pts), f in zip(points, facts, strict=True)]
    # (verdict, why, recommended hours) per platform, in the order of the answers; each
    # Decision is made once, at the end, from its slot.
    slots: list[tuple[str, str, float]] = [("pause", PAUSE_NOTHING, 0.0)] * len(facts)

    def done(focus: int | None, space: dict | None, focus_hours: float,
             no_focus: str | None) -> Choice:
        decisions = [Decision(f, sc, pts, v, w, r) for f, (sc, pts), (v, w, r)
                     in zip(facts, points, slots, strict=True)]
        chosen = decisions[focus] if focus is not None else None
        return Choice(decisions=decisions, focus=chosen, space=space,
                      spaces_named=len(chosen.facts.spaces) if chosen else 0,
                      tie=_tie([decisions[i] for i in candidates]) if chosen else None,
                      focus_hours=focus_hours, channels=channels, no_focus=no_focus,
                      ranked=_ranked(decisions, chosen))

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
        return done(None, None, min(budget, b.hours_per_channel),
                    "no_promising" if order else "no_professional")

    focus = candidates[0]
    focus_facts = facts[focus]
    if budget <= b.one_channel_max_hours:
        focus_hours = min(budget, b.focus_max_hours)
    else:
        wanted = min(max(focus_facts.hours, b.hours_per_channel), b.focus_max_hours)
        focus_hours = min(budget, wanted)
    slots[focus] = ("focus", FOCUS, focus_hours)
    remaining = budget - focus_hours
    room_for = channels - 1 if budget > b.one_channel_max_hours else 0

    for i in order:
        if i == focus:
            continue
        f = facts[i]
        if f.evidence >= rules.evidence.proven and room_for > 0:
            # About one channel's worth of hours: never more than the focus.
            want = min(f.hours, b.hours_per_channel, max(focus_hours, 0.0))
            if want <= remaining:
                kept = min(want, remaining)
                slots[i] = ("keep", KEEP, kept)
                remaining -= kept
                room_for -= 1
                continue
        light = min(f.hours, b.reduce_hours)
        room = budget > b.one_channel_max_hours and remaining >= light
        if f.evidence >= rules.evidence.proven:
            # Proven results are never dropped: at worst, answer the messages they bring.
            slots[i] = ("reduce", REDUCE_NO_ROOM, light if room else 0.0)
        elif f.hours == 0:
            slots[i] = ("pause", PAUSE_IDLE, 0.0)
        elif f.evidence > 0 or f.present:
            slots[i] = ("reduce", REDUCE_UNPROVEN, light) if room else (
                "pause", PAUSE_NO_ROOM, 0.0)
        else:
            slots[i] = ("pause", PAUSE_NOTHING, 0.0)
        remaining -= slots[i][2]

    return done(focus, pick_space(focus_facts, bank, rules), focus_hours, None)


_VERDICT_ORDER = {"focus": 0, "keep": 1, "reduce": 2, "pause": 3, "personal": 4}


def _ranked(decisions: list[Decision], focus: Decision | None) -> list[Decision]:
    """Best first: the focus, what is kept, reduced, paused, then personal accounts."""
    return sorted(decisions, key=lambda d: (_VERDICT_ORDER[d.verdict], *rank_key(d)))
