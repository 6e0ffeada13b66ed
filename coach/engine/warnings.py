"""Warnings: stable codes, a severity, the numbers, and what to do instead.

A limit without a replacement plan gets ignored, so every warning carries an
`instead`. Warnings about how a platform is used (broadcasting, vanity metrics,
no editorial line, scrolling) are only raised where the plan keeps some time;
on a paused platform the cost warnings (TIME_SINK, AUDIENCE_ABSENT) say why.
"""

from __future__ import annotations

from datetime import date

from coach.bank.model import Bank
from coach.engine.decide import Choice, Decision
from coach.engine.explain import audiences_phrase
from coach.engine.facts import goal_kinds
from coach.engine.rules import Rules
from coach.engine.texts import (
    fmt_date,
    fmt_hours,
    fmt_int,
    hours_a_week,
    join_and,
    join_or,
    result_name,
)
from coach.engine.texts import term_name as _term
from coach.i18n import Translator
from coach.model import WARNING_CODES, Answers, Warning_

_SEVERITY_ORDER = {"critical": 0, "warning": 1, "info": 2}




def first_space_advice(answers: Answers, bank: Bank, tr: Translator, lang: str) -> str:
    audiences = answers["profile"].get("audiences") or []
    audience = (_term(bank, "audiences", audiences[0], lang) if audiences
                else tr.gettext("contacts"))
    return tr.gettext("Choose a first space: ask three people among your {audience} where they "
                      "look for advice or talk about your field, then pick the one group, "
                      "forum or page that comes up most.").format(audience=audience)


def build_warnings(answers: Answers, c: Choice, budget: float, freed: float, review_on: date,
                   bank: Bank, rules: Rules, tr: Translator, lang: str) -> list[Warning_]:
    out: list[Warning_] = []

    def add(code: str, severity: str, d: Decision | None, message: str, instead: str) -> None:
        assert code in WARNING_CODES, code
        out.append({"code": code, "severity": severity,  # type: ignore[typeddict-item]
                    "platform": d.facts.platform if d else None,
                    "message": message, "instead": instead,
                    "_order": d.facts.index if d else -1})  # type: ignore[typeddict-unknown-key]

    profile = answers["profile"]
    w = rules.warnings
    b = rules.budget
    h = lambda x: fmt_hours(x, lang)  # noqa: E731
    review = fmt_date(review_on, tr)
    prof = [d for d in c.decisions if d.facts.professional]
    active = [d for d in prof if d.facts.hours > 0]
    spent = sum(d.facts.hours for d in prof)
    focus = c.focus
    focus_name = focus.facts.said if focus else ""
    goal_results = join_or([result_name(k, tr, lang, bank, profile.get("kind", ""))
                            for k in goal_kinds(profile, rules)], tr)

    if budget <= 0:
        add("ZERO_BUDGET", "critical", None,
            tr.gettext("Your budget is 0 h a week, yet you spend {hours} h on professional "
                       "platforms: no routine fits in 0 h.").format(hours=h(spent))
            if spent > 0 else tr.gettext("Your budget is 0 h a week: no routine fits in it."),
            (tr.gettext("Set aside {start} h a week for {focus}, in two short slots, or step "
                        "back from networks for now: that is a valid choice too.")
             if focus else
             tr.gettext("Set aside {start} h a week to find one space where your audience "
                        "gathers, or step back from networks for now: that is a valid choice "
                        "too.")).format(start=h(b.start_hours), focus=focus_name))

    others = sum(d.recommended for d in prof if d is not focus)
    kept = [d.facts.said for d in c.ranked if d.verdict == "keep"]
    if spent > budget > 0:  # with a budget of 0, ZERO_BUDGET says it all
        critical = spent >= w.over_budget_critical_ratio * budget
        if not focus:
            instead = tr.gettext("Pause what brings nothing first, and keep {budget} h to find "
                                 "one space that works.")
        elif others > 0:
            instead = tr.gettext("Follow the plan: {focus_hours} h a week on {focus} and "
                                 "{others} h on the rest; that frees {freed} h.")
        else:
            instead = tr.gettext("Follow the plan: {focus_hours} h a week on {focus}; that "
                                 "frees {freed} h.")
        add("OVER_BUDGET", "critical" if critical else "warning", None,
            tr.gettext("You spend {hours} h a week on professional platforms for a budget of "
                       "{budget} h.").format(hours=h(spent), budget=h(budget)),
            instead.format(focus_hours=h(c.focus_hours), focus=focus_name, freed=h(freed),
                           budget=h(budget), others=h(others)))

    if len(active) > c.channels:
        n = len(active)
        first = tr.ngettext("{n} professional platform at once for {budget} h a week",
                            "{n} professional platforms at once for {budget} h a week", n).format(
            n=fmt_int(n, lang), budget=h(budget))
        second = tr.ngettext(
            "that budget runs {channels} channel well (about {need} h a week each).",
            "that budget runs {channels} channels well (about {need} h a week each).",
            c.channels).format(channels=fmt_int(c.channels, lang), need=h(b.hours_per_channel))
        add("SPREAD_THIN", "warning", None,
            tr.gettext("{first}: {second}").format(first=first, second=second),
            (tr.gettext("Keep to {names}, as the plan says; add another channel only once "
                        "these bring more.") if kept else
             tr.gettext("Start with {focus} alone; add another channel only once it brings "
                        "results.") if focus else
             tr.gettext("Run one channel at a time: first find the space where your audience "
                        "gathers.")).format(focus=focus_name,
                                            names=join_and([focus_name, *kept], tr)))

    for d in prof:
        f = d.facts
        # Not on the focus: the plan already changes how its time is spent, and its
        # explanation and the confidence note say that nothing is proven yet.
        if f.evidence == 0 and f.hours >= w.time_sink_hours and d is not focus:
            critical = f.hours >= w.time_sink_critical_hours
            if d.verdict == "reduce":
                instead = tr.gettext("Cut it to {rec} h a week until {review} and give the rest "
                                     "to {focus}.")
            elif focus:
                instead = tr.gettext("Pause it until {review} and give that time to {focus}.")
            else:
                instead = tr.gettext("Pause it until {review} and use that time to find one "
                                     "space where your audience gathers.")
            add("TIME_SINK", "critical" if critical else "warning", d,
                tr.gettext("{hours} on {platform} and no result in 90 days.").format(
                    hours=hours_a_week(f.hours, tr, lang), platform=f.said),
                instead.format(rec=h(d.recommended), review=review, focus=focus_name))
        priorities = profile.get("audiences") or []
        # Results prove someone is there: only warn where time brings nothing.
        if f.hours > 0 and not f.present and priorities and f.evidence == 0:
            add("AUDIENCE_ABSENT", "warning", d,
                tr.ngettext("Your priority audience ({audiences}) is not on {platform}, where "
                            "you spend {hours}.",
                            "None of your priority audiences ({audiences}) is on {platform}, "
                            "where you spend {hours}.", len(priorities)).format(
                    audiences=audiences_phrase(priorities, bank, tr, lang), platform=f.said,
                    hours=hours_a_week(f.hours, tr, lang)),
                tr.gettext("Ask three people among your {audience} where they look for advice, "
                           "and spend that time there.").format(
                    audience=_term(bank, "audiences", priorities[0], lang)))
        if d.verdict == "pause":
            continue
        main = d is focus
        spent_here = hours_a_week(f.hours, tr, lang)
        if "broadcast" in f.practices and "conversation" not in f.practices and not f.owned:
            add("BROADCAST_ONLY", "warning", d,
                tr.gettext("On {platform} ({hours}) you only post one-way, and broadcasting loses "
                           "effect month after month.").format(platform=f.said, hours=spent_here),
                tr.gettext("Spend half of your time on {platform} answering questions and "
                           "replying to the people you want to reach.").format(platform=f.said))
        if "browsing" in f.practices and (not f.know_who or f.practices == {"browsing"}):
            add("AIMLESS_BROWSING", "warning", d,
                (tr.gettext("On {platform} ({hours}) you scroll without being able to name whom "
                            "you are there for.") if not f.know_who else
                 tr.gettext("On {platform} ({hours}) scrolling is all you do.")).format(
                    platform=f.said, hours=spent_here),
                tr.gettext("Write down five people or accounts you are there for, and open "
                           "{platform} only to talk with them.").format(platform=f.said))
        if f.vanity_measures and not f.action_measures:
            add("VANITY_METRICS", "warning" if main else "info", d,
                tr.gettext("On {platform} ({hours}) you watch {measures}: they count attention, "
                           "not action.").format(
                    platform=f.said, hours=spent_here, measures=", ".join(
                        _term(bank, "measures", m, lang) for m in f.vanity_measures)),
                tr.gettext("Count {results} instead.").format(results=goal_results))
        posts = f.practices & {"broadcast", "conversation"}
        if posts and not f.editorial_line:
            add("NO_EDITORIAL_LINE", "warning" if main else "info", d,
                tr.gettext("No editorial line on {platform} ({hours}): posts drift toward "
                           "whatever gets views.").format(platform=f.said, hours=spent_here),
                tr.gettext("Write one sentence: whom you serve, about what, for which action; "
                           "check every post against it."))

    if profile.get("goal"):
        try:
            challenged = bank.term("goals", profile["goal"]).tag == "challenged"
        except KeyError:
            challenged = False
        if challenged:
            add("VISIBILITY_GOAL", "warning", None,
                tr.gettext("Your goal is to be better known, but visibility alone brings no "
                           "clients, donations or volunteers."),
                tr.gettext("Decide what people should do after seeing you (call, ask for a "
                           "quote, donate, sign up); the plan counts that action: "
                           "{results}.").format(results=goal_results))

    personal = sum(d.facts.hours for d in c.decisions if not d.facts.professional)
    if personal >= w.personal_time_hours and personal > 0:
        add("PERSONAL_TIME", "info", None,
            tr.gettext("{hours} on personal accounts: fine for leisure, but that time is not "
                       "in your work plan.").format(hours=hours_a_week(personal, tr, lang)),
            tr.gettext("Give personal scrolling its own time of day, so it does not eat into "
                       "your {budget} h of work time.").format(budget=h(budget)))

    if c.no_focus == "no_professional":
        add("NO_PROFESSIONAL_PLATFORM", "warning", None,
            tr.gettext("None of your platforms is used for work, so there is no focus yet.")
            if c.decisions else
            tr.gettext("You named no platform yet, so there is no focus yet."),
            first_space_advice(answers, bank, tr, lang))
    elif c.no_focus == "no_promising":
        add("NO_PROMISING_PLATFORM", "warning", None,
            tr.gettext("None of your professional platforms shows a result in 90 days or "
                       "reaches your priority audiences, so there is no focus yet."),
            first_space_advice(answers, bank, tr, lang))

    codes = {code: i for i, code in enumerate(WARNING_CODES)}
    out.sort(key=lambda x: (_SEVERITY_ORDER[x["severity"]], codes[x["code"]],
                            x["_order"]))  # type: ignore[typeddict-item]
    for x in out:
        del x["_order"]  # type: ignore[typeddict-item]
    return out
