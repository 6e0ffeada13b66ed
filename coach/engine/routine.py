"""The weekly routine of every kept channel and what to track (the gate: coach.engine.gate).

A routine is a list of things to do this week, on this platform, in this space: which
work each place holds, its weight and its duration come from the bank
(data/routines.toml); the sentences from routine_texts. Each kept channel (the focus,
and what is kept beside it) gets its steps, and its recommended hours are shared
between them in 5-minute steps, so the minutes add up to the hours recommended.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from coach.bank.model import Bank
from coach.bank.routine_book import Activity, RoutineBook, Step
from coach.bank.routine_book import Routine as BankRoutine
from coach.engine.decide import Choice, pick_space
from coach.engine.explain import space_location, space_phrase
from coach.engine.facts import Facts, goal_kinds
from coach.engine.routine_texts import SPREAD, Said, activity_text, duration, fmt_minutes
from coach.engine.rules import Rules
from coach.engine.texts import (
    fmt_date,
    fmt_hours,
    fmt_int,
    join_or,
    quoted,
    result_name,
    term_name,
)
from coach.i18n import Translator
from coach.model import Answers


class Channel(NamedTuple):
    """A channel the plan keeps, as the routine needs it."""

    facts: Facts
    verdict: str            # "focus" | "keep"
    hours: float            # recommended hours a week
    space: dict | None      # the space its work happens in (None: none named)


class Routine(NamedTuple):
    lines: list[str]        # plan["routine"]: one sentence per block
    blocks: list[dict]      # plan["routine_blocks"] (see /work/notes/CONTRACT.md)


# What one's own answers say one has, to close with ("invite them to your site" only for
# people with a site): the profile question `contact_means`, else what the rest implies.
CONTACT_QUESTION = "contact_means"

# Used when a bank has no routine at all (a Bank built in code): the default of
# data/routines.toml, reduced to what fits any place.
_FALLBACK = BankRoutine(None, None, (
    Step("comment_posts", 4), Step("reply_comments", 2), Step("follow_up", 1, focus=True),
    Step("track_results", 1, focus=True)))
_FALLBACK_ACTIVITIES = {
    "comment_posts": Activity("comment_posts", 10, 20),
    "reply_comments": Activity("reply_comments", 0, 15),
    "follow_up": Activity("follow_up", 0, 15, 30),
    "track_results": Activity("track_results", 0, 10, 15),
}
# The first step on a focus with no space named: choosing one (a time box).
_CHOOSE = Activity("choose_space", 0, 15)
# Pieces that take an hour or more can be spread over weeks ("one video every 3 weeks");
# smaller ones (an answer, a comment) are done at least once a week.
_MAX_EVERY = 8
_MIN_STEP = 10
# Said once, whatever their minutes (no "in 3 sittings").
_ONCE = frozenset({"track_results", "choose_space", "follow_up"})


def channels_of(c: Choice, bank: Bank, rules: Rules) -> list[Channel]:
    """The focus, then every channel kept beside it, with their recommended hours."""
    out: list[Channel] = []
    if c.focus is not None:
        out.append(Channel(c.focus.facts, "focus", c.focus.recommended, c.space))
    for d in c.ranked:
        if d.verdict == "keep":
            out.append(Channel(d.facts, "keep", d.recommended, pick_space(d.facts, bank, rules)))
    return out


def contact_means(answers: Answers) -> frozenset[str]:
    """What the person can send people to: their answer, plus a site their platforms show."""
    profile = answers["profile"]
    said = (profile.get("extra") or {}).get(CONTACT_QUESTION)
    means = set(said) if isinstance(said, list | tuple) else set()
    platforms = answers.get("platforms", [])
    if any(p.get("id") == "blog" for p in platforms):
        means.add("site")
    elif said is None and any((p.get("results_90d") or {}).get("site_visits", 0)
                              for p in platforms):
        # Unasked (answers from before the question): visits to one's site mean a site.
        means.add("site")
    return frozenset(means)


def call_date(today: date) -> date:
    """A date for a call for volunteers: the first Saturday two weeks or more away."""
    day = today + timedelta(days=14)
    return day + timedelta(days=(5 - day.weekday()) % 7)


def split_minutes(total: int, shares: Sequence[float], essential: Sequence[bool],
                  caps: Sequence[int] = ()) -> list[int]:
    """`total` minutes shared by weight, in 5-minute steps, adding up to `total` exactly.

    The first step takes what rounding leaves; essential steps (the first, the closing
    step, the weekly count) keep 5 minutes when there is room; other steps get at least
    10 minutes or none; when time is short the last non-essential steps go first.
    """
    if total <= 0 or not shares:
        return [0] * len(shares)
    weight = sum(shares) or 1.0
    out = [5 * round(total * s / weight / 5) for s in shares]
    for i, keep in enumerate(essential):
        if keep and out[i] == 0:
            out[i] = 5
        elif not keep and out[i] < _MIN_STEP:
            out[i] = 0      # five minutes of a side task is noise: the main one takes it
    out[0] = max(out[0], 0)
    for i, cap in enumerate(caps):
        if cap and out[i] > cap:
            out[i] = cap    # what a capped step leaves goes to the first step
    diff = total - sum(out)
    while diff < 0:
        big = max(range(len(out)), key=lambda i: (out[i], -i))
        if out[big] > 5:
            cut = min(5, -diff, out[big] - 5)
            out[big] -= cut
            diff += cut
            continue
        # Every step is at 5 minutes: drop one, the last non-essential first, never the first.
        order = [i for i in range(len(out) - 1, 0, -1) if out[i] and not essential[i]] + \
                [i for i in range(len(out) - 1, 0, -1) if out[i]]
        if not order:
            break
        diff += out[order[0]]
        out[order[0]] = 0
    out[0] += diff
    return out


def _audience(answers: Answers, bank: Bank, tr: Translator, lang: str) -> str:
    audiences = answers["profile"].get("audiences") or []
    return (term_name(bank, "audiences", audiences[0], lang) if audiences
            else tr.gettext("contacts"))


def _has_site(means: frozenset[str]) -> bool:
    return "site" in means


def goal_results(answers: Answers, rules: Rules, means: frozenset[str]) -> list[str]:
    """The goal's results to count; visits to one's site only for people with a site."""
    kinds = list(goal_kinds(answers["profile"], rules))
    if not _has_site(means) and len(kinds) > 1:
        kinds = [k for k in kinds if k != "site_visits"]
    return kinds


def _results(kinds: Sequence[str], answers: Answers, tr: Translator, lang: str,
             bank: Bank) -> str:
    org = answers["profile"].get("kind", "")
    return join_or([result_name(k, tr, lang, bank, org) for k in kinds], tr)


def _piece(activity: Activity, minutes: int) -> tuple[int, int]:
    """(pieces this week, every how many weeks one piece): (3, 1), or (1, 3)."""
    if activity.unit <= 0:
        return 0, 1
    if minutes >= activity.unit:
        return minutes // activity.unit, 1
    if activity.id not in SPREAD or minutes <= 0:
        return 1, 1
    return 1, min(_MAX_EVERY, max(2, round(activity.unit / minutes)))


def in_sentence(f: Facts, bank: Bank, lang: str) -> str:
    """The platform as a sentence names it: the user's label, else the bank's phrase
    ('your newsletter', 'Discord or Slack'), else its name."""
    if f.answers.get("label"):
        return f.said
    try:
        return bank.platform(f.platform).in_sentence(lang)
    except KeyError:
        return f.said


def _extra(f: Facts) -> dict:
    extra = f.answers.get("extra")
    return extra if isinstance(extra, dict) else {}


def _said_of(f: Facts, ch: Channel, tr: Translator, lang: str) -> dict:
    """What the person said of this channel that changes a sentence."""
    extra = _extra(f)
    kind = ch.space.get("kind") if ch.space else None
    line = str(extra.get("editorial_line_text") or "").strip() if f.editorial_line else ""
    size = extra.get("list_size")
    return {
        "reader": kind == "group" and extra.get("linkedin_groups_part") in ("read",
                                                                             "member_only"),
        "line": quoted(line, tr) if line else "",
        "subscribers": (fmt_int(size, lang) if isinstance(size, int | float)
                        and not isinstance(size, bool) and size > 0 else ""),
    }


def _needs_space(f: Facts, bank: Bank) -> bool:
    """Whether a focus with no space named must choose one first: not one's own site or
    newsletter, nor a platform with one kind of space (a forum is its board)."""
    if f.owned or f.answers.get("label"):
        return False
    try:
        return len(bank.platform(f.platform).spaces) > 1
    except KeyError:
        return False


def _steps_for(ch: Channel, book: RoutineBook, goal: str,
               bank: Bank) -> list[tuple[Step, Activity]]:
    space_kind = ch.space.get("kind") if ch.space else None
    found = book.find(ch.facts.platform, space_kind) if book.routines else None
    routine, activities = (found, book.activities) if found else (_FALLBACK,
                                                                   _FALLBACK_ACTIVITIES)
    steps: list[tuple[Step, Activity]] = []
    # "Do people ask questions there?" No: the answers become threads of one's own.
    no_questions = _extra(ch.facts).get("questions_asked") is False
    for step in routine.steps:
        if step.goals and goal not in step.goals:
            continue
        if step.focus and ch.verdict != "focus":
            continue
        if no_questions and step.activity == "answer_questions":
            step = step._replace(activity="start_thread")
            if any(s.activity == "start_thread" for s in routine.steps):
                continue
        activity = activities.get(step.activity)
        if activity is not None:
            steps.append((step, activity))
    if ch.verdict == "focus" and ch.space is None and _needs_space(ch.facts, bank):
        # No space named: choosing one is this week's first step.
        steps.insert(0, (Step("choose_space", 1, focus=True), _CHOOSE))
    return steps


def build_routine(answers: Answers, channels: Sequence[Channel], bank: Bank, rules: Rules,
                  tr: Translator, lang: str, *, today: date,
                  search_hours: float = 0.0) -> Routine:
    """This week's work on every kept channel: one block (and one sentence) per step.

    `channels`: the focus first, then each channel kept beside it, each with its verdict
    ("focus" or "keep"), its recommended hours a week and its space (`channels_of(choice)`
    gives them from the engine's decisions). The minutes of a channel's blocks add up
    to its recommended hours (rounded to the minute); a focus at 0 h gets one line asking
    for time first. With no focus (`channels` holds none), `search_hours` go to finding
    a first space. `today` dates the call for volunteers.
    """
    means = contact_means(answers)
    profile = answers["profile"]
    goal = str(profile.get("goal", ""))
    org = str(profile.get("kind", ""))
    if not any(ch.verdict == "focus" for ch in channels):
        return _first_space_routine(answers, round(search_hours * 60), bank, rules, tr, lang)
    audience = _audience(answers, bank, tr, lang)
    results = _results(goal_results(answers, rules, means), answers, tr, lang, bank)
    when = fmt_date(call_date(today), tr)
    book = bank.routines
    lines: list[str] = []
    blocks: list[dict] = []
    for ch in channels:
        f = ch.facts
        total = round(ch.hours * 60)
        space = ({"kind": ch.space.get("kind", ""), "name": ch.space.get("name", "")}
                 if ch.space else None)
        if total <= 0:
            if ch.verdict == "focus":
                text = tr.gettext("Your budget is 0 h: before anything else, set aside {start} h "
                                  "a week. Until then, only answer the messages that reach you "
                                  "on {platform}.").format(
                    start=fmt_hours(rules.budget.start_hours, lang), platform=f.said)
                lines.append(text)
                blocks.append({"platform": f.platform, "space": space,
                               "activity": "reply_messages", "minutes": 0, "sessions": 1,
                               "text": text})
            continue
        named = in_sentence(f, bank, lang)
        on_platform = (tr.gettext("in your newsletter") if f.platform == "newsletter"
                       and not f.answers.get("label")
                       else tr.gettext("on {platform}").format(platform=named))
        loc = (space_location(ch.space, tr, lang, bank, f.platform) if ch.space
               else on_platform)
        place = space_phrase(ch.space, tr, lang, bank, f.platform) if ch.space else named
        steps = _steps_for(ch, book, goal, bank)
        essential = [i == 0 or s.activity in ("follow_up", "track_results")
                     for i, (s, _a) in enumerate(steps)]
        minutes = split_minutes(total, [s.share for s, _a in steps], essential,
                                [a.most for _s, a in steps])
        for (step, activity), m in zip(steps, minutes, strict=True):
            if m <= 0:
                continue
            here = on_platform if step.where == "platform" else loc
            said = Said(loc=here, in_space=here is not on_platform, place=place, platform=named,
                        audience=audience, editorial_line=f.editorial_line, goal=goal,
                        org=org, means=means,
                        call_date=when, results=results, **_said_of(f, ch, tr, lang))
            n, every = _piece(activity, m)
            sessions = 1 if activity.id in _ONCE or every > 1 else max(
                1, min(7, round(m / activity.sitting)))
            text = activity_text(activity.id, n, every, said, tr)
            weekly = activity.id not in ("track_results", "choose_space")
            text = f"{text[:-1]} {duration(m, sessions, tr, lang, weekly=weekly)}."
            lines.append(text)
            blocks.append({"platform": f.platform,
                           "space": None if step.where == "platform" else space,
                           "activity": activity.id, "minutes": m, "sessions": sessions,
                           "text": text})
    return Routine(lines, blocks)


def _first_space_routine(answers: Answers, minutes: int, bank: Bank, rules: Rules,
                         tr: Translator, lang: str) -> Routine:
    """No focus yet: the hours go to finding one space where the audience gathers."""
    if minutes <= 0:
        text = tr.gettext("Your budget is 0 h: before anything else, set aside {start} h a "
                          "week to find one space where your audience gathers.").format(
            start=fmt_hours(rules.budget.start_hours, lang))
        return Routine([text], [{"platform": None, "space": None, "activity": "find_space",
                                 "minutes": 0, "sessions": 1, "text": text}])
    audience = _audience(answers, bank, tr, lang)
    ask, visit, act = split_minutes(minutes, [1, 2, 1], [True, True, True])
    texts = [
        ("ask_audience", ask, tr.gettext(
            "Ask three people among your {audience} where they look for advice or talk about "
            "your field {duration}.")),
        ("visit_spaces", visit, tr.gettext(
            "Visit the places they name and note which ones hold real conversations: "
            "questions, answers, replies {duration}.")),
        ("first_answer", act, tr.gettext(
            "Choose one space and answer one question there before the week ends "
            "{duration}.")),
    ]
    lines: list[str] = []
    blocks: list[dict] = []
    for activity, m, template in texts:
        if m <= 0:
            continue
        text = template.format(audience=audience,
                               duration=tr.gettext("(about {duration})").format(
                                   duration=fmt_minutes(m, tr, lang)))
        lines.append(text)
        blocks.append({"platform": None, "space": None, "activity": activity, "minutes": m,
                       "sessions": 1, "text": text})
    return Routine(lines, blocks)


def _track_line(kind: str, source: str, tr: Translator, lang: str, bank: Bank,
                org: str) -> str:
    if kind == "won" and org == "nonprofit":
        text = tr.gettext("Grants, partnerships or contracts won that started on {source}")
    elif kind == "inquiries":
        text = tr.gettext("Inquiries that came from {source} (messages, calls, quote requests)")
    elif kind == "won":
        text = tr.gettext("Clients or contracts won that started on {source}")
    elif kind == "referrals":
        text = tr.gettext("Referrals from people you met on {source}")
    elif kind == "site_visits":
        text = tr.gettext("Visits to your site coming from {source} (your site's statistics)")
    elif kind == "sales":
        text = tr.gettext("Sales that came from {source}")
    elif kind == "donations":
        text = tr.gettext("Donations that came from {source}")
    elif kind == "signups":
        text = tr.gettext("Sign-ups that came from {source}")
    else:
        text = tr.gettext("{result} that came from {source}")
    return text.format(source=source,
                       result=term_name(bank, "results", kind, lang).capitalize())


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def build_track(answers: Answers, c: Choice, rules: Rules, bank: Bank, tr: Translator,
                lang: str, channels: Sequence[Channel] | None = None) -> list[str]:
    """What to count for 90 days: the goal's actions (what the goal is reached by), from
    every kept channel; visits to one's site only for people who have one. A volunteers
    goal also counts who came to the task (a sign-up is not yet a volunteer)."""
    means = contact_means(answers)
    kinds = goal_results(answers, rules, means)
    kept = list(channels) if channels is not None else channels_of(c, bank, rules)
    org = answers["profile"].get("kind", "")
    if len(kept) > 1:
        # Counted channel by channel, to compare them at the review; names are listed with
        # commas (they may hold "or" themselves: "Discord or Slack").
        names = ", ".join(in_sentence(ch.facts, bank, lang) for ch in kept)
        lines = [tr.gettext("{result}, channel by channel ({names})").format(
            result=_capital(result_name(k, tr, lang, bank, org)), names=names) for k in kinds]
    else:
        source = (in_sentence(kept[0].facts, bank, lang) if kept
                  else tr.gettext("the space you choose"))
        lines = [_track_line(k, source, tr, lang, bank, org) for k in kinds]
    goal = answers["profile"].get("goal", "")
    if goal == "volunteers":
        lines.append(tr.gettext("Volunteers who came to the task you announced, and how many "
                                "came back"))
    elif goal == "donations" and "donations" in kinds:
        lines.append(tr.gettext("The amount given, and how many donors gave again"))
    return lines
