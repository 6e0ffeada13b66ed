"""The expansion gate: when to add a channel, on the focus's real results.

The gate is tied to what the focus brings now, counted in the goal's actions only:
keep the routine for a set number of weeks and reach, by a date, at least the pace of
the last 90 days. Two or more proven channels that already fill the budget: do not
add one. The next one to try is only ever a platform or space with a sign of promise
(results, or the person's first audience gathered there), never one the plan pauses.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from coach.bank.model import Bank
from coach.engine.decide import Choice, Decision, is_sink
from coach.engine.explain import space_phrase
from coach.engine.facts import goal_kinds
from coach.engine.rules import Rules
from coach.engine.texts import (
    fmt_date,
    fmt_hours,
    fmt_int,
    join_and,
    join_or,
    quoted,
    result_name,
    term_name,
)
from coach.i18n import Translator
from coach.model import Answers, Gate, GateNext


def gate_kinds(answers: Answers, rules: Rules) -> list[str]:
    """The goal's actions: visits to one's site count only when they are the action the
    person named (or the goal has nothing else)."""
    profile = answers["profile"]
    kinds = list(goal_kinds(profile, rules))
    named = str((profile.get("extra") or {}).get("awareness_action", ""))
    actions = [k for k in kinds if k != "site_visits" or named == "visit"]
    return actions or kinds


def _next(c: Choice, rules: Rules, answers: Answers) -> tuple[Decision, dict | None] | None:
    """A platform or space with a sign of promise; never a paused platform."""
    assert c.focus is not None
    priorities = answers["profile"].get("audiences") or []
    first = priorities[0] if priorities else None
    # Never a paused platform, a time sink, or one reaching the focus's own crowd.
    reduced = [d for d in c.ranked if d.verdict == "reduce" and d.facts.professional
               and not is_sink(d.facts, rules) and d.why != "reduce_same"]
    for d in reduced:
        if d.facts.evidence >= rules.score.weak_units:
            return d, None
    f = c.focus.facts
    if f.evidence > 0:
        for space in f.spaces:
            if c.space is None or dict(space) != c.space:
                return c.focus, dict(space)
    for d in reduced:
        if first is not None and first in d.facts.present:
            return d, None
    return None


def _named(d: Decision, tr: Translator, lang: str, bank: Bank) -> str:
    """A kept channel by its space where one is named ("the newsletter “X”")."""
    f = d.facts
    return space_phrase(dict(f.spaces[0]), tr, lang, bank, f.platform) if f.spaces else f.said


def build_gate(answers: Answers, c: Choice, today: date, rules: Rules, bank: Bank,
               tr: Translator, lang: str) -> tuple[str, Gate]:
    profile = answers["profile"]
    org = profile.get("kind", "")
    g, b = rules.gate, rules.budget
    kinds = gate_kinds(answers, rules)
    results = join_or([result_name(k, tr, lang, bank, org) for k in kinds], tr)
    weeks = g.weeks
    by_day = today + timedelta(days=7 * weeks)
    by = fmt_date(by_day, tr)
    m = lambda x: fmt_int(x, lang)  # noqa: E731
    data: Gate = {"platform": None, "kinds": kinds, "needed": g.min_results, "weeks": weeks,
                  "by": by_day.isoformat(), "have_90d": 0, "add_channel": True, "next": None}
    if c.focus is None:
        text = tr.gettext("Make a space your focus once it has brought at least {n} results "
                          "({results}) in {weeks} weeks; add no second one before "
                          "{by}.").format(n=m(g.min_results), results=results, weeks=m(weeks),
                                          by=by)
        return text, data

    f = c.focus.facts
    have = sum(f.results.get(k, 0) for k in kinds)
    pace = math.ceil(have * weeks * 7 / 90)
    needed = max(g.min_results, pace)
    where = space_phrase(c.space, tr, lang, bank, f.platform) if c.space else f.said
    kept = [d for d in c.ranked if d.verdict == "keep"]
    # Two or three proven channels already take the budget, or as many channels as it
    # runs: the plan says not to add one.
    full = bool(kept) and (c.free < b.hours_per_channel or len(kept) + 1 >= c.channels)
    data.update({"platform": f.platform, "needed": needed, "have_90d": have,
                 "add_channel": not (full or c.minimum)})
    values = {"weeks": m(weeks), "n": m(needed), "results": results, "where": where,
              "by": by, "have": m(have), "start": fmt_hours(b.start_hours, lang)}
    if c.minimum:
        text = tr.gettext("First secure {start} h a week for {where}. Then keep the routine "
                          "for {weeks} weeks and reach at least {n} results ({results}) from "
                          "it by {by}; add no channel until then.").format(**values)
    else:
        if have > 0 and pace >= g.min_results:
            goal = tr.gettext("Keep the routine for {weeks} weeks and reach {n} results "
                              "({results}) from {where} by {by}: your pace of the last 90 days "
                              "({have} in 90 days).")
        elif have > 0:
            goal = tr.gettext("Keep the routine for {weeks} weeks and reach at least {n} "
                              "results ({results}) from {where} by {by}, more than your "
                              "{have} of the last 90 days.")
        else:
            goal = tr.gettext("Keep the routine for {weeks} weeks and reach at least {n} "
                              "results ({results}) from {where} by {by}: none was counted in "
                              "the last 90 days.")
        text = goal.format(**values)
        if full:
            names = join_and([where, *(_named(d, tr, lang, bank) for d in kept)], tr)
            used = sum(d.recommended for d in c.decisions if d.facts.professional)
            text += " " + tr.gettext("Do not add a channel: {names} are proven and take {used} "
                                     "h of your {budget} h a week; another channel would thin "
                                     "them out.").format(
                names=names, used=fmt_hours(used, lang),
                budget=fmt_hours(used + c.free, lang))
        else:
            found = _next(c, rules, answers)
            if found is not None:
                d, space = found
                data["next"] = GateNext(platform=d.facts.platform,
                                        space=({"kind": space.get("kind", ""),
                                                "name": space.get("name", "")}
                                               if space else None))
                if space is not None:
                    text += " " + tr.gettext("Only then add a second space: {name}.").format(
                        name=space_phrase(space, tr, lang, bank, d.facts.platform))
                else:
                    text += " " + tr.gettext("Only then add a channel; the next one to try: "
                                             "{name}.").format(name=d.facts.said)
            else:
                priorities = profile.get("audiences") or []
                audience = (term_name(bank, "audiences", priorities[0], lang) if priorities
                            else tr.gettext("contacts"))
                text += " " + tr.gettext("Only then add a channel: none of your others shows "
                                         "promise yet, so ask three of your {audience} where "
                                         "they talk about your field, and try that "
                                         "place.").format(audience=audience)
    wanted = str(f.extra.get("one_result", "") or "").strip()
    if wanted:
        text += " " + tr.gettext("At the review, check the one result you named for it: "
                                 "{result}.").format(result=quoted(wanted, tr))
    return text, data
