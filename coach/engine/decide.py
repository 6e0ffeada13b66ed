"""The decisions: which platform is the focus, which space on it, and a verdict and
recommended hours for every platform, within the weekly budget.

The order of platforms is total and explained: score, then evidence, then the
priority audiences present, then fewer hours, then the order of the answers. Two
runs on the same answers always give the same plan.
"""

from __future__ import annotations

import math

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


# Plain classes with __slots__ rather than dataclasses: dataclasses build their methods
# from source at import, a cost paid on every `coach plan` run.
class Decision:
    __slots__ = ("factors", "facts", "recommended", "score", "verdict", "why")

    def __init__(self, facts: Facts, score: int, factors: dict[str, float],
                 verdict: str = "pause", why: str = PAUSE_NOTHING,
                 recommended: float = 0.0) -> None:
        self.facts = facts
        self.score = score
        self.factors = factors
        self.verdict = verdict
        self.why = why
        self.recommended = recommended


class Tie:
    __slots__ = ("criterion", "names", "score")

    def __init__(self, names: list[str], score: int, criterion: str) -> None:
        self.names = names              # every platform tied at the top score, winner first
        self.score = score
        self.criterion = criterion      # what put the winner first


class Choice:
    __slots__ = ("channels", "decisions", "focus", "focus_hours", "no_focus", "ranked", "space",
                 "spaces_named", "tie")

    def __init__(self, decisions: list[Decision], focus: Decision | None, space: dict | None,
                 spaces_named: int, tie: Tie | None, focus_hours: float, channels: int,
                 no_focus: str | None = None, ranked: list[Decision] | None = None) -> None:
        self.decisions = decisions      # in the order of the answers
        self.focus = focus
        self.space = space              # the named space to start with
        self.spaces_named = spaces_named  # how many spaces were named on the focus
        self.tie = tie
        self.focus_hours = focus_hours
        self.channels = channels        # channels the budget allows
        self.no_focus = no_focus        # "no_professional" | "no_promising"
        self.ranked = [] if ranked is None else ranked   # best first, for the plan


def rank_key(d: Decision) -> tuple:
    f = d.facts
    return (-d.score, -f.evidence, -f.audience_share, f.hours, f.index)


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
    decisions = []
    for f in all_facts:
        sc, pts = score(factors(f, rules))
        decisions.append(Decision(facts=f, score=sc, factors=pts))

    professional = sorted((d for d in decisions if d.facts.professional), key=rank_key)
    # A focus must show something: results, or priority audiences actually there.
    candidates = [d for d in professional if d.facts.evidence > 0 or d.facts.present]
    channels = channels_allowed(budget, rules)

    for d in decisions:
        if not d.facts.professional:
            d.verdict, d.why, d.recommended = "personal", PERSONAL, d.facts.hours

    if not candidates:
        for d in professional:
            d.verdict = "pause"
            d.why = PAUSE_IDLE if d.facts.hours == 0 else PAUSE_NOTHING
        return Choice(decisions=decisions, focus=None, space=None, spaces_named=0, tie=None,
                      focus_hours=min(budget, b.hours_per_channel), channels=channels,
                      no_focus="no_promising" if professional else "no_professional",
                      ranked=_ranked(decisions, None))

    focus = candidates[0]
    focus.verdict, focus.why = "focus", FOCUS
    if budget <= b.one_channel_max_hours:
        focus_hours = min(budget, b.focus_max_hours)
    else:
        wanted = min(max(focus.facts.hours, b.hours_per_channel), b.focus_max_hours)
        focus_hours = min(budget, wanted)
    focus.recommended = focus_hours
    remaining = budget - focus_hours
    slots = channels - 1 if budget > b.one_channel_max_hours else 0

    for d in professional:
        if d is focus:
            continue
        f = d.facts
        if f.evidence >= rules.evidence.proven and slots > 0:
            # About one channel's worth of hours: never more than the focus.
            want = min(f.hours, b.hours_per_channel, max(focus_hours, 0.0))
            if want <= remaining:
                d.verdict, d.why, d.recommended = "keep", KEEP, min(want, remaining)
                remaining -= d.recommended
                slots -= 1
                continue
        light = min(f.hours, b.reduce_hours)
        room = budget > b.one_channel_max_hours and remaining >= light
        if f.evidence >= rules.evidence.proven:
            # Proven results are never dropped: at worst, answer the messages they bring.
            d.verdict, d.why = "reduce", REDUCE_NO_ROOM
            d.recommended = light if room else 0.0
        elif f.hours == 0:
            d.verdict, d.why = "pause", PAUSE_IDLE
        elif f.evidence > 0 or f.present:
            if room:
                d.verdict, d.why, d.recommended = "reduce", REDUCE_UNPROVEN, light
            else:
                d.verdict, d.why = "pause", PAUSE_NO_ROOM
        else:
            d.verdict, d.why = "pause", PAUSE_NOTHING
        remaining -= d.recommended

    return Choice(decisions=decisions, focus=focus, space=pick_space(focus.facts, bank, rules),
                  spaces_named=len(focus.facts.spaces), tie=_tie(candidates),
                  focus_hours=focus_hours, channels=channels, ranked=_ranked(decisions, focus))


_VERDICT_ORDER = {"focus": 0, "keep": 1, "reduce": 2, "pause": 3, "personal": 4}


def _ranked(decisions: list[Decision], focus: Decision | None) -> list[Decision]:
    """Best first: the focus, what is kept, reduced, paused, then personal accounts."""
    return sorted(decisions, key=lambda d: (_VERDICT_ORDER[d.verdict], *rank_key(d)))
