"""The weekly routine for the focus and what to track (the gate: coach.engine.gate).

The routine is cut to fit the focus hours: minutes are shared between answering
questions (or commenting, in spaces made for publishing), replying, one post along
the editorial line, and counting results. Conversation first: it is what brings
results on networks, more than broadcasting.
"""

from __future__ import annotations

from coach.bank.model import Bank
from coach.engine.decide import Choice
from coach.engine.explain import space_location
from coach.engine.facts import goal_kinds
from coach.engine.rules import Rules
from coach.engine.texts import fmt_hours, fmt_int, join_or, result_name, term_name
from coach.i18n import Translator
from coach.model import Answers

_PUBLISHING_KINDS = frozenset({"page", "newsletter"})
_CONVERSATION_KINDS = frozenset({"group", "forum"})


def _conversational(c: Choice, bank: Bank) -> bool:
    """Is the focus space made for conversation (a group, a forum) or for publishing?"""
    assert c.focus is not None
    kind = c.space.get("kind") if c.space else None
    if kind in _CONVERSATION_KINDS:
        return True
    if kind in _PUBLISHING_KINDS:
        return False
    try:
        return "conversation" in bank.platform(c.focus.facts.platform).modes
    except KeyError:
        return True


def build_routine(answers: Answers, c: Choice, budget: float, bank: Bank, rules: Rules,
                  tr: Translator, lang: str) -> list[str]:
    r = rules.routine
    minutes = round(c.focus_hours * 60)
    m = lambda x: fmt_int(x, lang)  # noqa: E731
    if c.focus is None:
        return _first_space_routine(answers, minutes, bank, rules, tr, lang)
    f = c.focus.facts
    if minutes <= 0:
        return [tr.gettext("Your budget is 0 h: before anything else, set aside {start} h a "
                           "week. Until then, only answer the messages that reach you on "
                           "{platform}.").format(start=fmt_hours(rules.budget.start_hours, lang),
                                                 platform=f.said)]
    loc = (space_location(c.space, tr, lang, bank, f.platform) if c.space
           else tr.gettext("on {platform}").format(platform=f.said))
    lines: list[str] = []
    if c.space is None:
        lines.append(tr.gettext("This week, choose one space on {platform} and stick to it "
                                "(part of your time the first week).").format(platform=f.said))
    tracking = min(r.tracking_minutes, minutes // 4)
    rest = minutes - tracking
    if rest < r.minutes_per_answer + 5:
        lines.append(tr.gettext("Use your {minutes} minutes to answer one question or reply to "
                                "one person {loc}.").format(minutes=m(rest), loc=loc))
    else:
        # Round to 5 minutes: "about 90 min" reads better than "about 91 min".
        replies = 5 * round(rest * r.reply_share / 5)
        conversational = _conversational(c, bank)
        posts = 0
        if rest - replies >= r.minutes_per_post + r.minutes_per_answer:
            posts = 2 if rest >= 240 else 1
        post_minutes = posts * r.minutes_per_post
        main = rest - replies - post_minutes
        if f.owned:
            # One's own blog or newsletter: the piece itself is the work.
            pieces = 2 if rest >= 240 else 1
            lines.append(tr.ngettext(
                "Write {n} piece along your editorial line {loc}, answering a question your "
                "audience asks (about {minutes} min).",
                "Write {n} pieces along your editorial line {loc}, each answering a question "
                "your audience asks (about {minutes} min).", pieces).format(
                n=m(pieces), loc=loc, minutes=m(rest - replies)))
            posts = 0
        elif conversational:
            n = max(1, main // r.minutes_per_answer)
            lines.append(tr.ngettext("Answer {n} question {loc} (about {minutes} min).",
                                     "Answer {n} questions {loc} (about {minutes} min).",
                                     n).format(n=m(n), loc=loc, minutes=m(main)))
        else:
            n = max(1, main // r.minutes_per_comment)
            lines.append(tr.ngettext(
                "Comment on {n} post by the people you want to reach, and answer their "
                "questions (about {minutes} min).",
                "Comment on {n} posts by the people you want to reach, and answer their "
                "questions (about {minutes} min).", n).format(n=m(n), minutes=m(main)))
        if posts:
            if f.editorial_line:
                text = tr.ngettext("Publish {n} post along your editorial line {loc} (about "
                                   "{minutes} min).",
                                   "Publish {n} posts along your editorial line {loc} (about "
                                   "{minutes} min).", posts)
            else:
                text = tr.ngettext("Write your editorial line in one sentence (whom it serves, "
                                   "about what), then publish {n} post that follows it {loc} "
                                   "(about {minutes} min).",
                                   "Write your editorial line in one sentence (whom it serves, "
                                   "about what), then publish {n} posts that follow it {loc} "
                                   "(about {minutes} min).", posts)
            lines.append(text.format(n=m(posts), loc=loc, minutes=m(post_minutes)))
        lines.append((tr.gettext("Reply to every reader who writes back within two days (about "
                                 "{minutes} min).") if f.owned else
                      tr.gettext("Reply to every comment and message within two days (about "
                                 "{minutes} min).")).format(minutes=m(replies)))
    lines.append(tr.gettext("When someone shows interest, invite them to your own site or to a "
                            "call rather than carrying on in the comments."))
    if tracking:
        lines.append(tr.gettext("Every week, note what came from {platform}: {results} (about "
                                "{minutes} min).").format(
            platform=f.said, minutes=m(tracking), results=_results(answers, rules, tr, lang,
                                                                   bank)))
    return lines


def _results(answers: Answers, rules: Rules, tr: Translator, lang: str, bank: Bank) -> str:
    kinds = goal_kinds(answers["profile"], rules)
    org = answers["profile"].get("kind", "")
    return join_or([result_name(k, tr, lang, bank, org) for k in kinds], tr)


def _first_space_routine(answers: Answers, minutes: int, bank: Bank, rules: Rules,
                         tr: Translator, lang: str) -> list[str]:
    """No focus yet: the hours go to finding one space where the audience gathers."""
    if minutes <= 0:
        return [tr.gettext("Your budget is 0 h: before anything else, set aside {start} h a "
                           "week to find one space where your audience gathers.").format(
            start=fmt_hours(rules.budget.start_hours, lang))]
    audiences = answers["profile"].get("audiences") or []
    audience = (term_name(bank, "audiences", audiences[0], lang) if audiences
                else tr.gettext("contacts"))
    ask = max(5, minutes // 4)
    visit = max(5, minutes // 2)
    act = max(5, minutes - ask - visit)
    m = lambda x: fmt_int(x, lang)  # noqa: E731
    return [
        tr.gettext("Ask three people among your {audience} where they look for advice or talk "
                   "about your field (about {minutes} min).").format(audience=audience,
                                                                     minutes=m(ask)),
        tr.gettext("Visit the places they name and note which ones hold real conversations: "
                   "questions, answers, replies (about {minutes} min).").format(
            minutes=m(visit)),
        tr.gettext("Choose one space and answer one question there before the week ends "
                   "(about {minutes} min).").format(minutes=m(act)),
    ]


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


# Measures that are also result kinds: what the user already counts is tracked too.
_MEASURE_RESULTS = {"inquiries": "inquiries", "site_visits": "site_visits", "sales": "sales",
                    "donations": "donations", "signups": "signups"}


def build_track(answers: Answers, c: Choice, rules: Rules, bank: Bank, tr: Translator,
                lang: str) -> list[str]:
    kinds = list(goal_kinds(answers["profile"], rules))
    if c.focus is not None:
        for measure in c.focus.facts.action_measures:
            result = _MEASURE_RESULTS.get(measure)
            if result and result not in kinds:
                kinds.append(result)
        source = c.focus.facts.said
    else:
        source = tr.gettext("the space you choose")
    org = answers["profile"].get("kind", "")
    return [_track_line(k, source, tr, lang, bank, org) for k in kinds]
