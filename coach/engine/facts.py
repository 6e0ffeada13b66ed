"""What the engine reads from one platform's answers, in the bank's terms.

Answers hold ids; the bank says what each id means (a measure is vanity or action,
an activity is conversation or broadcasting...). Reading that once here keeps the
scoring, verdict and warning rules short and consistent with each other.
"""

# No `from __future__ import annotations`: NamedTuple would compile every string annotation
# into a ForwardRef at import, on every run.
import math
from collections.abc import Mapping
from typing import Any, NamedTuple

from coach.bank.model import Bank
from coach.bank.reasons import PROFESSIONAL, is_professional
from coach.engine.rules import Rules
from coach.i18n import Translator
from coach.model import Answers, PlatformAnswers

MAX_HOURS = 168.0


# A NamedTuple rather than a frozen dataclass: as immutable, and far cheaper to create at
# import (on every `coach plan` run).
class Facts(NamedTuple):
    index: int                      # position in the answers (last tie-break)
    answers: PlatformAnswers
    platform: str
    name: str                       # in the plan's language, or the user's label
    said: str                       # the name inside a sentence: a user's label in quotes
    reason: str                     # personal | professional | both
    hours: float                    # current work hours a week, within 0..168 (for "both":
                                    # the work share of the declared hours)
    results: dict[str, int]         # non-negative counts
    evidence: float                 # weighted evidence units (goal results count more)
    goal_count: int                 # results that match the goal (for the gate)
    present: tuple[str, ...]        # priority audiences present, in priority order
    audience_share: float           # 0..1, weighted by priority rank
    practices: frozenset[str]       # activity tags: conversation, broadcast, ...
    action_measures: tuple[str, ...]
    vanity_measures: tuple[str, ...]
    know_who: bool
    editorial_line: bool
    fits_market: bool
    spaces: tuple[dict, ...]
    owned: bool                     # the user's own channel (blog, newsletter)
    org: str                        # the profile's kind: freelancer | nonprofit | business
    # Whether the time is work ("both" included), as the bank's reason tags say: the one
    # definition, shared with the questionnaire (coach.bank.reasons).
    professional: bool
    declared: float = 0.0           # the hours declared, work and personal together
    share_said: bool = False        # "both": the person said the work share
    large: bool = False             # one result was large (a grant, a big contract)
    need: float = 2.0               # hours a week the channel's routine needs
    extra: Mapping[str, Any] = {}   # the platform's further answers, by question id

    @property
    def proven(self) -> bool:
        return self.evidence > 0

    @property
    def personal_part(self) -> float:
        return max(0.0, self.declared - self.hours) if self.professional else self.declared

    @property
    def rate(self) -> float:
        """Evidence units per weekly hour (a quarter hour at least: a listing kept in a
        few minutes a week is cheap, not free)."""
        return self.evidence / max(self.hours, 0.25)

    @property
    def ret(self) -> float:
        """The return the ranking compares: what came, divided by the square root of
        what it cost, so both absolute results and results per hour count."""
        return self.evidence / math.sqrt(max(self.hours, 0.25))


def _hours(value: object) -> float:
    try:
        hours = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0.0
    if not math.isfinite(hours):
        return MAX_HOURS if hours > 0 else 0.0
    return min(max(hours, 0.0), MAX_HOURS)


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0
    if isinstance(value, float) and not math.isfinite(value):
        return 0
    return max(int(value), 0)


def _tags(bank: Bank, table: str) -> dict[str, str]:
    """Each term's tag, looked up once per plan rather than by a search per answer."""
    return {t.id: t.tag for t in bank.vocab.get(table, ())}


def market_fits(markets: tuple[str, ...], market: str) -> bool:
    """A platform's default markets against the profile's; "mixed" is b2b or b2c."""
    if market == "mixed":
        return "b2b" in markets or "b2c" in markets
    return market in markets


# What the answer to the bank's "awareness_action" question (for the challenged goal
# "awareness") means in results: the action that visibility should lead to.
_AWARENESS_ACTIONS = {"contact": "inquiries", "buy": "sales", "give": "donations",
                      "sign_up": "signups", "visit": "site_visits", "recommend": "referrals"}


def goal_kinds(profile: Mapping[str, Any], rules: Rules) -> tuple[str, ...]:
    """The results that show the goal is reached (rules [goal_results]); for awareness,
    the action the user named comes first."""
    kinds = tuple(rules.goal_results.get(profile.get("goal", ""), ()))
    if not kinds:
        weights = rules.evidence.weights
        kinds = tuple(k for k in weights if k != "site_visits") or tuple(weights)
    extra = profile.get("extra") or {}
    named = _AWARENESS_ACTIONS.get(str(extra.get("awareness_action", "")))
    if named and named in rules.evidence.weights:
        kinds = (named, *(k for k in kinds if k != named))
    return kinds


# The answers to "work_share" (how much of a "both" account is work): the share of its
# hours counted as work.
_WORK_SHARES = {"most": 0.75, "half": 0.5, "little": 0.25}


def channel_need(platform: str, spaces: tuple[dict, ...], rules: Rules) -> float:
    """Hours a week the channel's routine needs (rules [channel_hours]): the platform's
    entry, else the first named space's kind, else the default."""
    table = rules.channel_hours
    if platform in table:
        return table[platform]
    for space in spaces[:1]:
        kind = space.get("kind", "")
        if kind in table:
            return table[kind]
    return table.get("default", rules.budget.hours_per_channel)


def read_facts(answers: Answers, bank: Bank, rules: Rules, lang: str,
               tr: Translator | None = None) -> list[Facts]:
    """`tr` quotes the user's own labels in sentences ("on « Le Repaire des makers »"):
    a label can start with an article or a vowel that French prepositions would clash
    with; quoted, it reads as a name whatever it is."""
    from coach.engine.texts import platform_name, quoted

    profile = answers["profile"]
    priorities = list(dict.fromkeys(profile.get("audiences", [])))
    # Rank weights 1, 1/2, 1/3...: the first audience matters most.
    weights = {aud: 1.0 / (rank + 1) for rank, aud in enumerate(priorities)}
    total_weight = sum(weights.values())
    goal = str(profile.get("goal", ""))
    goal_set = set(goal_kinds(profile, rules))
    goal_weights = rules.goal_weights.get(goal, {})
    activity_tags, measure_tags = _tags(bank, "activities"), _tags(bank, "measures")
    per_result, multiplier = rules.evidence.weights, rules.evidence.goal_multiplier
    out: list[Facts] = []
    for index, p in enumerate(answers.get("platforms", [])):
        results = {k: _count(v) for k, v in (p.get("results_90d") or {}).items()}
        evidence = 0.0
        goal_count = 0
        for kind, n in results.items():
            weight = goal_weights.get(kind)
            if weight is None:
                weight = per_result.get(kind, 0.0)
                if kind in goal_set:
                    weight *= multiplier
            if kind in goal_set:
                goal_count += n
            evidence += weight * n
        extra = p.get("extra") or {}
        large = bool(extra.get("large_result")) and any(
            n > 0 for k, n in results.items() if k != "site_visits")
        if large:
            evidence += rules.evidence.large_result
        present_set = set(p.get("audiences_present", []))
        present = tuple(a for a in priorities if a in present_set)
        share = sum(weights[a] for a in present) / total_weight if total_weight else 0.0
        measures = list(p.get("measures", []))
        reason = p.get("reason", PROFESSIONAL)
        try:
            known = bank.platform(p["id"])
            markets, owned = known.markets, known.owned
        except KeyError:
            markets, owned = (), False
        name = platform_name(bank, p, lang)
        declared = _hours(p.get("hours_per_week", 0.0))
        professional = is_professional(bank, reason)
        share_said = reason == "both" and extra.get("work_share") in _WORK_SHARES
        work = declared
        if reason == "both":
            share = (_WORK_SHARES[str(extra.get("work_share"))] if share_said
                     else rules.budget.both_work_share)
            work = declared * share
        spaces = tuple(p.get("spaces", []))
        out.append(Facts(
            index=index,
            answers=p,
            platform=p["id"],
            name=name,
            said=quoted(name, tr) if tr is not None and p.get("label") else name,
            reason=reason,
            hours=work,
            results=results,
            evidence=evidence,
            goal_count=goal_count,
            present=present,
            audience_share=share,
            practices=frozenset(activity_tags.get(a, "") for a in p.get("activities", [])),
            action_measures=tuple(m for m in measures if measure_tags.get(m) == "action"),
            vanity_measures=tuple(m for m in measures if measure_tags.get(m) == "vanity"),
            know_who=bool(p.get("know_who", False)),
            editorial_line=bool(p.get("editorial_line", False)),
            fits_market=market_fits(markets, profile.get("market", "")),
            spaces=spaces,
            owned=owned,
            org=profile.get("kind", ""),
            professional=professional,
            declared=declared,
            share_said=share_said,
            large=large,
            need=channel_need(p["id"], spaces, rules),
            extra=extra,
        ))
    return out
