"""Warnings: stable codes, a severity, the numbers, and what to do instead.

What a consultant would say to the client's face: few, most important first, at most
rules [warnings] max_warnings. A limit without a replacement plan gets ignored, so every
warning carries an `instead`. Warnings about how a platform is used (broadcasting,
vanity metrics, no editorial line, scrolling) go only to the channels the plan keeps
(focus and keep); a platform paused or cut to watching gets one line, the one that says
why (TIME_SINK, else AUDIENCE_ABSENT). A space where one only converses (a group, a
forum, a chat) needs no editorial line.
"""

from __future__ import annotations

from datetime import date

from coach.bank.model import Bank
from coach.engine.decide import Choice, Decision, is_sink
from coach.engine.explain import audiences_phrase, per_result_hours, space_phrase
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
    results_phrase,
)
from coach.engine.texts import term_name as _term
from coach.i18n import Translator
from coach.model import WARNING_CODES, Answers, Warning_

_SEVERITY_ORDER = {"critical": 0, "warning": 1, "info": 2}

# Within a severity, the order a consultant would say them in: money and time first,
# then the goal and measurement, then the channels, then practice.
_PRIORITY: tuple[str, ...] = (
    "OVER_BUDGET", "ZERO_BUDGET", "TIME_SINK", "HOURS_UNDERESTIMATED", "ADS_FOR_FOLLOWERS",
    "VISIBILITY_GOAL",
    "NOTHING_MEASURED", "NO_PROFESSIONAL_PLATFORM", "NO_PROMISING_PLATFORM",
    "SAME_AUDIENCE", "SPREAD_THIN", "BROADCAST_ONLY", "VANITY_METRICS", "AIMLESS_BROWSING",
    "NO_EDITORIAL_LINE", "AUDIENCE_ABSENT", "PERSONAL_TIME")

# Kinds of space where one converses rather than publishes: no editorial line needed.
_CONVERSATION_SPACES = frozenset({"group", "forum", "channel"})


def _converses(platform: str, bank: Bank) -> bool:
    try:
        return "conversation" in bank.platform(platform).modes
    except KeyError:
        return True


def _converse_only(d: Decision, c: Choice, bank: Bank) -> bool:
    """Is the channel a space where one only converses (no posts to line up)?"""
    f = d.facts
    space = c.space if d is c.focus and c.space else (f.spaces[0] if f.spaces else None)
    kind = space.get("kind", "") if space else ""
    if kind in _CONVERSATION_SPACES and not (kind == "channel" and f.platform == "youtube"):
        return True
    try:
        modes = bank.platform(f.platform).modes
    except KeyError:
        return False
    return bool(modes) and "broadcast" not in modes




class _GroupTexts:
    """The sentences of the usage warnings, alone or for a group of platforms."""

    def __init__(self, bank: Bank, tr: Translator, lang: str, *, priorities: list[str],
                 goal_results: str) -> None:
        self.bank, self.tr, self.lang = bank, tr, lang
        self.priorities, self.goal_results = priorities, goal_results

    def say(self, code: str, variant: str, d: Decision, members: list[Decision], *,
            lead: bool) -> tuple[str, str]:
        tr, f = self.tr, d.facts
        hours = hours_a_week(f.hours, tr, self.lang)
        others = [m.facts.said for m in members if m is not d]
        first = members[0].facts.said
        alone = len(members) == 1
        values = {"platform": f.said, "hours": hours, "others": join_and(others, tr),
                  "others_or": join_or(others, tr), "lead": first,
                  "results": self.goal_results,
                  "measures": ", ".join(_term(self.bank, "measures", m, self.lang)
                                        for m in f.vanity_measures)}
        if code == "AUDIENCE_ABSENT":
            values["audiences"] = audiences_phrase(self.priorities, self.bank, tr, self.lang)
            values["audience"] = _term(self.bank, "audiences", self.priorities[0], self.lang)
            n = len(self.priorities)
            if alone:
                message = tr.ngettext(
                    "Your priority audience ({audiences}) is not on {platform}, where you "
                    "spend {hours}.",
                    "None of your priority audiences ({audiences}) is on {platform}, where you "
                    "spend {hours}.", n)
            elif lead:
                message = tr.ngettext(
                    "Your priority audience ({audiences}) is not on {platform} ({hours}), nor "
                    "on {others_or}.",
                    "None of your priority audiences ({audiences}) is on {platform} ({hours}), "
                    "nor on {others_or}.", n)
            else:
                message = tr.gettext("{platform} ({hours}) does not reach them either.")
            instead = (tr.gettext("Ask three people among your {audience} where they look for "
                                  "advice, and spend that time there.") if alone or lead else
                       tr.gettext("The same question as for {lead} tells you where this time "
                                  "should go."))
        elif code == "BROADCAST_ONLY":
            message = (tr.gettext("On {platform} ({hours}) you only post one-way, and "
                                  "broadcasting loses effect month after month.") if alone else
                       tr.gettext("On {platform} ({hours}), as on {others}, you only post "
                                  "one-way, and broadcasting loses effect month after month.")
                       if lead else
                       tr.gettext("On {platform} ({hours}) too, you only post one-way."))
            instead = (tr.gettext("Spend half of your time on {platform} answering questions "
                                  "and replying to the people you want to reach.") if alone else
                       tr.gettext("On each of these platforms, spend half of your time "
                                  "answering questions and replying to the people you want to "
                                  "reach.") if lead else
                       tr.gettext("Here too, half of the time for answering and replying, as "
                                  "on {lead}."))
        elif code == "AIMLESS_BROWSING":
            if variant == "scroll":
                message = (tr.gettext("On {platform} ({hours}) you scroll without being able to "
                                      "name whom you are there for.") if alone else
                           tr.gettext("On {platform} ({hours}), as on {others}, you scroll "
                                      "without being able to name whom you are there for.")
                           if lead else
                           tr.gettext("On {platform} ({hours}) too, you scroll with no one "
                                      "in mind."))
            else:
                message = (tr.gettext("On {platform} ({hours}) scrolling is all you do.")
                           if alone else
                           tr.gettext("On {platform} ({hours}), as on {others}, scrolling is "
                                      "all you do.") if lead else
                           tr.gettext("On {platform} ({hours}) too, scrolling is all you do."))
            instead = (tr.gettext("Write down five people or accounts you are there for, and "
                                  "open {platform} only to talk with them.") if alone else
                       tr.gettext("Write down five people or accounts you are there for, and "
                                  "open these platforms only to talk with them.") if lead else
                       tr.gettext("The same five names as for {lead}: open it only to talk "
                                  "with them."))
        elif code == "VANITY_METRICS":
            message = (tr.gettext("On {platform} ({hours}) you watch {measures}: they count "
                                  "attention, not action.") if alone else
                       tr.gettext("On {platform} ({hours}) you watch {measures}, and on "
                                  "{others} the same kind of numbers: they count attention, "
                                  "not action.") if lead else
                       tr.gettext("On {platform} ({hours}) too: {measures}, attention rather "
                                  "than action."))
            instead = (tr.gettext("Count {results}: those are actions.") if alone else
                       tr.gettext("Count {results} on each of these platforms.") if lead else
                       tr.gettext("Here too, count {results}."))
        else:  # NO_EDITORIAL_LINE
            message = (tr.gettext("No editorial line on {platform} ({hours}): posts drift "
                                  "toward whatever gets views.") if alone else
                       tr.gettext("No editorial line on {platform} ({hours}), nor on "
                                  "{others_or}: posts drift toward whatever gets views.")
                       if lead else
                       tr.gettext("No editorial line on {platform} ({hours}) either."))
            instead = (tr.gettext("Write one sentence: whom you serve, about what, for which "
                                  "action; check every post against it.") if alone else
                       tr.gettext("Write one sentence: whom you serve, about what, for which "
                                  "action; check every post on these platforms against it.")
                       if lead else
                       tr.gettext("Use the same sentence as for {lead}."))
        return message.format(**values), instead.format(**values)


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
    feeling = str((profile.get("extra") or {}).get("time_feeling", ""))
    w = rules.warnings
    b = rules.budget
    h = lambda x: fmt_hours(x, lang)  # noqa: E731
    review = fmt_date(review_on, tr)
    prof = [d for d in c.decisions if d.facts.professional]
    # A listing kept up in a few minutes is not a channel that spreads the week thin.
    active = [d for d in prof if d.facts.hours > 0 and d.why != "keep_upkeep"]
    spent = sum(d.facts.hours for d in prof)
    focus = c.focus
    # The focus by its space where one is named ("the newsletter “Horizon”"): never a
    # bare platform name where French needs an article.
    focus_name = ((space_phrase(c.space, tr, lang, bank, focus.facts.platform) if c.space
                   else focus.facts.said) if focus else "")
    goal_results = join_or([result_name(k, tr, lang, bank, profile.get("kind", ""))
                            for k in goal_kinds(profile, rules)], tr)

    # Below a quarter hour the budget shows as 0 h and the plan keeps the focus's
    # minimum (decide.py): the same threshold here, so the warning says why.
    if budget < 0.25:
        add("ZERO_BUDGET", "critical", None,
            tr.gettext("Your budget is 0 h a week, yet you spend {hours} h on professional "
                       "platforms: no routine fits in 0 h.").format(hours=h(spent))
            if spent > 0 else tr.gettext("Your budget is 0 h a week: no routine fits in it."),
            (tr.gettext("Ask for at least {start} h a week for {focus}, in two short slots: "
                        "the plan keeps that minimum. Or step back from networks for now: "
                        "that is a valid choice too.")
             if focus else
             tr.gettext("Set aside {start} h a week to find one space where your audience "
                        "gathers, or step back from networks for now: that is a valid choice "
                        "too.")).format(start=h(b.start_hours), focus=focus_name))

    others = sum(d.recommended for d in prof if d is not focus)
    kept = [d.facts.said for d in c.ranked if d.verdict == "keep"]
    if spent > budget >= 0.25:  # with a budget of 0, ZERO_BUDGET says it all
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
        message = tr.gettext("You spend {hours} h a week on professional platforms for a "
                             "budget of {budget} h.").format(hours=h(spent), budget=h(budget))
        if feeling == "too_much":
            message += " " + tr.gettext("You said so yourself: too much for what it brings.")
        add("OVER_BUDGET", "critical" if critical else "warning", None, message,
            instead.format(focus_hours=h(c.focus_hours), focus=focus_name, freed=h(freed),
                           budget=h(budget), others=h(others)))

    # Only when the plan cuts some of them (a plan keeping every one needs no warning
    # against itself), and not on a zero budget (ZERO_BUDGET says it).
    if len(active) > c.channels and budget >= 0.25 and any(
            d.verdict in ("reduce", "pause") for d in active):
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

    # Usage warnings that several platforms share are said once, on the first of them,
    # naming the others; each platform keeps its own entry (code, platform) with a short
    # line, so reports, comparisons and the JSON still see every platform.
    groups: dict[tuple[str, str, str], list[Decision]] = {}

    def group(code: str, severity: str, d: Decision, variant: str = "") -> None:
        groups.setdefault((code, severity, variant), []).append(d)

    for d in prof:
        f = d.facts
        # Not on the focus: the plan already changes how its time is spent, and its
        # explanation and the confidence note say that nothing is proven yet. A time
        # sink is judged on return per hour: many hours for very little.
        sink = d is not focus and is_sink(f, rules) and d.verdict not in ("keep",)
        if sink:
            critical = f.hours >= w.time_sink_critical_hours
            if d.verdict == "reduce":
                instead = tr.gettext("Cut it to {rec} h a week until {review} and give the rest "
                                     "to {focus}.")
            elif focus:
                instead = tr.gettext("Pause it until {review} and give that time to {focus}.")
            else:
                instead = tr.gettext("Pause it until {review} and use that time to find one "
                                     "space where your audience gathers.")
            done = results_phrase(f.results, tr, lang, bank, f.org)
            message = (tr.gettext("{hours} on {platform} for {results} in 90 days: about "
                                  "{total} hours for so little.").format(
                hours=hours_a_week(f.hours, tr, lang), platform=f.said, results=done,
                total=fmt_int(round(per_result_hours(f)), lang)) if done else
                tr.gettext("{hours} on {platform} and no result in 90 days.").format(
                    hours=hours_a_week(f.hours, tr, lang), platform=f.said))
            add("TIME_SINK", "critical" if critical else "warning", d, message,
                instead.format(rec=h(d.recommended), review=review, focus=focus_name))
        priorities = profile.get("audiences") or []
        # Results prove someone is there: only warn where time brings nothing, and say
        # one thing about a platform the plan cuts.
        if f.hours > 0 and not f.present and priorities and f.evidence == 0 and not (
                sink and d.verdict in ("pause", "reduce")):
            group("AUDIENCE_ABSENT", "warning", d)
        if d.verdict not in ("focus", "keep"):
            continue
        main = d is focus
        if ("broadcast" in f.practices and "conversation" not in f.practices and not f.owned
                and _converses(f.platform, bank)):
            # Not on a network made for showing (Pinterest, YouTube): "answer questions
            # there" would be advice against the platform; its routine has the comments.
            group("BROADCAST_ONLY", "warning", d)
        if "browsing" in f.practices and (not f.know_who or f.practices == {"browsing"}):
            group("AIMLESS_BROWSING", "warning", d, variant="scroll" if not f.know_who
                  else "only")
        if f.vanity_measures and not f.action_measures:
            group("VANITY_METRICS", "warning" if main else "info", d)
        if ("broadcast" in f.practices and not f.editorial_line
                and not _converse_only(d, c, bank)):
            group("NO_EDITORIAL_LINE", "warning" if main else "info", d)

    texts = _GroupTexts(bank, tr, lang, priorities=list(profile.get("audiences") or []),
                        goal_results=goal_results)
    for (code, severity, variant), members in groups.items():
        for i, d in enumerate(members):
            message, instead = texts.say(code, variant, d, members, lead=i == 0)
            add(code, severity, d, message, instead)
            if len(members) > 1:  # an added key: the platforms one sentence speaks for
                out[-1]["platforms"] = [m.facts.platform for m in members]  # type: ignore[typeddict-unknown-key]

    if profile.get("goal"):
        try:
            challenged = bank.term("goals", profile["goal"]).tag == "challenged"
        except KeyError:
            challenged = False
        if challenged:
            add("VISIBILITY_GOAL", "warning", None,
                tr.gettext("Your goal is to be better known, but visibility alone brings no "
                           "clients, donations or volunteers."),
                _visibility_instead(profile, bank, tr, lang, goal_results))

    # Money and measurement are about the goal's actions (a visit to one's site is not one).
    from coach.engine.gate import gate_kinds

    actions = join_or([result_name(k, tr, lang, bank, profile.get("kind", ""))
                       for k in gate_kinds(answers, rules)], tr)
    _money_and_measures(add, prof, c, bank, tr, lang, actions)

    personal = sum(d.facts.personal_part for d in c.decisions)
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

    codes = {code: i for i, code in enumerate(_PRIORITY)}
    out.sort(key=lambda x: (_SEVERITY_ORDER[x["severity"]], codes.get(x["code"], len(codes)),
                            x["_order"]))  # type: ignore[typeddict-item]
    for x in out:
        del x["_order"]  # type: ignore[typeddict-item]
    return out[:w.max_warnings]


def _money_and_measures(add, prof: list[Decision], c: Choice, bank: Bank,
                        tr: Translator, lang: str, goal_results: str) -> None:
    """Money for followers, nothing measured anywhere, two kept platforms for one crowd."""
    for d in prof:
        f = d.facts
        aim = str(f.extra.get("ads_aim", ""))
        if "ads" not in f.practices or aim not in ("followers", "unsure"):
            continue
        if aim == "unsure" and f.goal_count > 0:
            continue  # the ads may be what brings those results: the plan counts them
        spend = f.extra.get("ads_budget")
        amount = (fmt_int(spend, lang) if isinstance(spend, int | float)
                  and not isinstance(spend, bool) and 0 < spend < 1e12 else "")
        message = (tr.gettext("On {platform} you pay {amount} a month for ads or contests "
                              "whose aim is followers: followers are not {results}.")
                   if amount else
                   tr.gettext("On {platform} you pay for ads or contests whose aim is "
                              "followers: followers are not {results}.")) if aim == "followers" \
            else (tr.gettext("On {platform} you pay {amount} a month for ads or contests "
                             "without knowing what they should bring, and nothing you count "
                             "came of them ({results}).") if amount else
                  tr.gettext("On {platform} you pay for ads or contests without knowing what "
                             "they should bring, and nothing you count came of them "
                             "({results})."))
        add("ADS_FOR_FOLLOWERS", "warning", d,
            message.format(platform=f.said, amount=amount, results=goal_results),
            tr.gettext("Stop the contests. If you keep paying, pay for one action ({results}) "
                       "and divide what you spend by the actions it brings.").format(
                results=goal_results))

    if prof and not any(d.facts.action_measures for d in prof):
        add("NOTHING_MEASURED", "warning", None,
            tr.gettext("You measure no action on any of your platforms: this plan rests on "
                       "what you remember, not on what you counted."),
            tr.gettext("From this week, note each result ({results}) with the platform it "
                       "came from: one line each, in a notebook or a spreadsheet.").format(
                results=goal_results))

    for d in c.ranked:
        if d.why != "reduce_same":
            continue
        assert c.focus is not None
        add("SAME_AUDIENCE", "warning", d,
            tr.gettext("{platform} and {focus} reach the same people ({audiences}): two "
                       "channels for one crowd split your time and your replies.").format(
                platform=d.facts.said, focus=c.focus.facts.said,
                audiences=audiences_phrase(d.facts.present, bank, tr, lang)),
            tr.gettext("Put that time into {focus}; on {platform}, answer the messages that "
                       "still come, and point people to {focus}.").format(
                platform=d.facts.said, focus=c.focus.facts.said))


def _visibility_instead(profile: dict, bank: Bank, tr: Translator, lang: str,
                        results: str) -> str:
    """Someone who already said what visibility should lead to is not told to decide it."""
    extra = profile.get("extra") or {}
    action = str(extra.get("awareness_action", ""))
    whom = [a for a in (extra.get("awareness_from") or []) if isinstance(a, str)]
    if action and action != "not_sure":
        if whom:
            return tr.gettext("You said what it should lead to: the plan counts that action "
                              "({results}), from {audiences}, and nothing else.").format(
                results=results, audiences=audiences_phrase(whom, bank, tr, lang))
        return tr.gettext("You said what it should lead to: the plan counts that action "
                          "({results}), and nothing else.").format(results=results)
    return tr.gettext("Decide what people should do after seeing you (call, ask for a "
                      "quote, donate, sign up); the plan counts that action: "
                      "{results}.").format(results=results)


def cap(warnings: list[Warning_], rules: Rules) -> list[Warning_]:
    """Most important first, at most rules [warnings] max_warnings (also once warnings
    from elsewhere, the measured hours, were added): a stable sort keeps each code's
    entries in their order."""
    codes = {code: i for i, code in enumerate(_PRIORITY)}
    ordered = sorted(warnings, key=lambda x: (_SEVERITY_ORDER.get(x["severity"], 3),
                                              codes.get(x["code"], len(codes))))
    return ordered[:rules.warnings.max_warnings]
