"""Plain-words reasons for the focus and one explanation per platform verdict.

Every sentence quotes the user's own numbers ("3 inquiries in 90 days for 1 h a
week"), so a consultant can read the plan aloud and the client recognises it.
"""

from __future__ import annotations

from coach.bank.model import Bank
from coach.engine import decide as d_
from coach.engine.decide import Choice, Decision
from coach.engine.facts import Facts
from coach.engine.texts import (
    fmt_hours,
    fmt_int,
    hours_a_week,
    join_and,
    lower_first,
    quoted,
    results_phrase,
)
from coach.engine.texts import term_name as _term
from coach.i18n import Translator


def audiences_phrase(ids: tuple[str, ...] | list[str], bank: Bank, tr: Translator,
                     lang: str) -> str:
    # Commas only: audience names hold "and" themselves ("clients and prospects").
    return ", ".join(_term(bank, "audiences", a, lang) for a in ids)


def _cost(f: Facts, tr: Translator, lang: str) -> str:
    """'1 h a week', or for an account used for both reasons '1.5 h of work a week'."""
    if f.reason == "both":
        return tr.gettext("{hours} h of work a week").format(hours=fmt_hours(f.hours, lang))
    return hours_a_week(f.hours, tr, lang)


def evidence_sentence(d: Decision, tr: Translator, lang: str, bank: Bank) -> str:
    """'3 inquiries in 90 days for 1 h a week' (or the no-result version)."""
    f = d.facts
    done = results_phrase(f.results, tr, lang, bank, f.org)
    size = _count(f.extra.get("list_size"))
    if done and f.platform == "newsletter" and size > 0:
        return tr.ngettext("{results} in 90 days from a list of {n} subscriber, for {hours}",
                           "{results} in 90 days from a list of {n} subscribers, for {hours}",
                           size).format(results=done, n=fmt_int(size, lang),
                                        hours=_cost(f, tr, lang))
    if done:
        return tr.gettext("{results} in 90 days for {hours}").format(
            results=done, hours=_cost(f, tr, lang))
    return tr.gettext("no result in 90 days for {hours}").format(hours=_cost(f, tr, lang))


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0
    return int(value) if value == value and abs(value) < 1e12 else 0


def per_result_hours(f: Facts) -> float:
    """Hours spent over 90 days (13 weeks), for "about 78 hours for 10 visits"."""
    return f.hours * 90 / 7


def space_phrase(space: dict, tr: Translator, lang: str, bank: Bank,
                 platform: str = "") -> str:
    """'the group “Name”' / 'le groupe « Name »' (the article depends on the kind)."""
    name = quoted(space.get("name", ""), tr)
    kind = space.get("kind", "")
    if kind == "channel" and platform != "youtube":
        return tr.gettext("the chat channel {name}").format(name=name)
    if kind == "group":
        return tr.gettext("the group {name}").format(name=name)
    if kind == "forum":
        return tr.gettext("the forum board {name}").format(name=name)
    if kind == "page":
        return tr.gettext("the page {name}").format(name=name)
    if kind == "profile":
        return tr.gettext("the profile {name}").format(name=name)
    if kind == "channel":
        return tr.gettext("the channel {name}").format(name=name)
    if kind == "list":
        return tr.gettext("the list {name}").format(name=name)
    if kind == "newsletter":
        return tr.gettext("the newsletter {name}").format(name=name)
    if kind == "listing":
        return tr.gettext("the listing {name}").format(name=name)
    if kind == "live":
        return tr.gettext("the live stream {name}").format(name=name)
    return f"{_term(bank, 'space_kinds', kind, lang)} {name}"


def space_location(space: dict, tr: Translator, lang: str, bank: Bank,
                   platform: str = "") -> str:
    """Where an action happens: 'in the group “Name”', 'on the page “Name”'."""
    name = quoted(space.get("name", ""), tr)
    kind = space.get("kind", "")
    if kind == "group":
        return tr.gettext("in the group {name}").format(name=name)
    if kind == "forum":
        return tr.gettext("in the forum board {name}").format(name=name)
    if kind == "page":
        return tr.gettext("on the page {name}").format(name=name)
    if kind == "profile":
        return tr.gettext("on the profile {name}").format(name=name)
    if kind == "channel" and platform == "youtube":
        return tr.gettext("on the channel {name}").format(name=name)
    if kind == "channel":
        return tr.gettext("in the chat channel {name}").format(name=name)
    if kind == "list":
        return tr.gettext("in the list {name}").format(name=name)
    if kind == "newsletter":
        return tr.gettext("in the newsletter {name}").format(name=name)
    if kind == "listing":
        return tr.gettext("on the listing {name}").format(name=name)
    if kind == "live":
        return tr.gettext("on the live stream {name}").format(name=name)
    return tr.gettext("in {space}").format(space=space_phrase(space, tr, lang, bank, platform))


def focus_reasons(c: Choice, bank: Bank, tr: Translator, lang: str,
                  budget: float = 0.0) -> list[str]:
    assert c.focus is not None
    f = c.focus.facts
    reasons: list[str] = []
    if f.evidence > 0:
        reasons.append(tr.gettext("Your best evidence of action: {evidence}.").format(
            evidence=evidence_sentence(c.focus, tr, lang, bank)))
        other = c.runner_up
        if other is not None and other.facts.evidence > 0 and not other.facts.large:
            o = other.facts
            text = (tr.gettext("Against {evidence} on {platform}: more for each hour "
                               "given.") if f.rate >= o.rate else
                    tr.gettext("Against {evidence} on {platform}: less for each hour, but "
                               "far more in all."))
            reasons.append(text.format(evidence=evidence_sentence(other, tr, lang, bank),
                                       platform=o.said))
            if other.score > c.focus.score:
                reasons.append(tr.gettext(
                    "{platform} scores higher on audiences and practice; the return decides, "
                    "those only break ties.").format(platform=o.said))
    else:
        reasons.append(tr.gettext(
            "No results recorded in 90 days on any of your professional platforms, so "
            "the choice rests on your audiences and your practice there.")
            if not any(d.facts.evidence > 0 for d in c.decisions if d.facts.professional)
            else tr.gettext("No result there yet in 90 days."))
    if f.present:
        reasons.append(tr.ngettext(
            "Your priority audience is there: {audiences}.",
            "Your priority audiences are there: {audiences}.", len(f.present)).format(
            audiences=audiences_phrase(f.present, bank, tr, lang)))
    part = str(f.extra.get("linkedin_groups_part", ""))
    in_groups = c.space is not None and c.space.get("kind") == "group"
    if part in ("read", "member_only") and (in_groups or "conversation" not in f.practices):
        reasons.append(tr.gettext(
            "You said you mostly read in the groups there: the routine has you answer and "
            "ask, which is what brings results."))
    elif ("conversation" in f.practices and part != "no_groups") or part == "contribute":
        reasons.append(tr.gettext(
            "You already take part in conversations there, which is what brings results."))
    named = str(f.extra.get("who_named", "") or "").strip()
    if f.know_who and named:
        reasons.append(tr.gettext("You named the people you are there for ({names}): talk "
                                  "with them first.").format(names=quoted(named, tr)))
    elif f.know_who and "conversation" not in f.practices:
        reasons.append(tr.gettext("You can name the people you are there for."))
    asked = f.extra.get("questions_asked")
    if asked is True:
        reasons.append(tr.gettext("People there ask questions you can answer: answering them "
                                  "is the core of the routine."))
    elif asked is False:
        reasons.append(tr.gettext("You said people there rarely ask questions you could "
                                  "answer: start the conversations yourself, and look for a "
                                  "space where they do."))
    line = str(f.extra.get("editorial_line_text", "") or "").strip()
    if f.editorial_line and line:
        reasons.append(tr.gettext("Your editorial line, to check every post against: "
                                  "{line}.").format(line=quoted(line, tr)))
    if c.space is not None:
        phrase = space_phrase(c.space, tr, lang, bank, f.platform)
        if c.spaces_named > 1:
            reasons.append(tr.ngettext(
                "Start with {space}: you named {n} space there and results are counted "
                "per platform, so the plan takes the first of the kind {platform} "
                "favours for conversation.",
                "Start with {space}: you named {n} spaces there and results are counted "
                "per platform, so the plan takes the first of the kind {platform} "
                "favours for conversation.", c.spaces_named).format(
                space=phrase, n=fmt_int(c.spaces_named, lang), platform=f.said))
        else:
            reasons.append(tr.gettext("Start with {space}.").format(space=phrase))
    else:
        hint = _space_hint(f.platform, bank, lang)
        reasons.append(tr.gettext(
            "No space named there yet. What to look for: {hint}").format(
            hint=lower_first(hint)))
    if c.tie is not None:
        reasons.append(tie_sentence(c, tr))
    if c.free > 0:
        used = budget - c.free
        reasons.append(tr.gettext("Of your {budget} h a week, the plan uses {used} h and "
                                  "leaves {free} h free: nothing else you do yet returns "
                                  "enough to earn it. Keep it, or use it to follow up the "
                                  "people who answer.").format(
            budget=fmt_hours(budget, lang), used=fmt_hours(used, lang),
            free=fmt_hours(c.free, lang)))
    return reasons


def _space_hint(platform_id: str, bank: Bank, lang: str) -> str:
    try:
        return bank.platform(platform_id).space_hint.get(lang)
    except KeyError:
        return ""


def tie_sentence(c: Choice, tr: Translator) -> str:
    assert c.tie is not None and c.focus is not None
    why = {
        d_.TIE_EVIDENCE: tr.gettext("it shows more evidence of action"),
        d_.TIE_AUDIENCE: tr.gettext("more of your priority audiences are there"),
        d_.TIE_HOURS: tr.gettext("it takes fewer hours a week"),
        d_.TIE_ORDER: tr.gettext("it comes first in your answers"),
    }[c.tie.criterion]
    return tr.gettext("{names} are tied at {score} points; {winner} goes first because "
                      "{why}.").format(names=join_and(c.tie.names, tr), score=c.tie.score,
                                       winner=c.tie.names[0], why=why)


def explanation(d: Decision, c: Choice, budget: float, bank: Bank, tr: Translator,
                lang: str) -> str:
    """One sentence for the verdict ("both" and the person's own view add short ones)."""
    f = d.facts
    ev = evidence_sentence(d, tr, lang, bank)
    rec = fmt_hours(d.recommended, lang)
    focus_name = c.focus.facts.said if c.focus else ""
    if d.why == d_.FOCUS:
        text = (tr.gettext("The focus: {evidence}.").format(evidence=ev) if f.evidence > 0
                else tr.gettext("The focus: no result yet, but {audiences} are there.").format(
                    audiences=audiences_phrase(f.present, bank, tr, lang)))
        if d.recommended > 0:
            text += " " + tr.gettext("Recommended: {rec} h a week.").format(rec=rec)
    elif d.why == d_.FOCUS_MINIMUM:
        text = (tr.gettext("The focus: {evidence}. Your budget is 0 h, but this channel "
                           "needs at least {rec} h a week: ask for that hour.").format(
                    evidence=ev, rec=rec) if f.evidence > 0 else
                tr.gettext("The focus: no result yet, but {audiences} are there. Your budget "
                           "is 0 h: set aside at least {rec} h a week to start.").format(
                    audiences=audiences_phrase(f.present, bank, tr, lang), rec=rec))
    elif d.why == d_.KEEP and f.large:
        text = tr.gettext("Kept at {rec} h a week: it brought a large result ({evidence}), "
                          "and the channel that did is not cut to a token.").format(
            rec=rec, evidence=ev)
    elif d.why == d_.KEEP:
        text = tr.gettext("Kept at {rec} h a week, the time its routine needs: proven results "
                          "({evidence}), and your budget has room for it beside the "
                          "focus.").format(rec=rec, evidence=ev)
    elif d.why == d_.KEEP_UPKEEP:
        text = tr.gettext("Kept for its upkeep, {rec} h a week: it brought {results} in 90 "
                          "days for almost no time. It needs upkeep, not a plan.").format(
            rec=rec, results=results_phrase(f.results, tr, lang, bank, f.org))
    elif d.why == d_.REDUCE_NO_ROOM:
        text = (tr.gettext("Reduced to {rec} h a week: {evidence}, but your budget of "
                           "{budget} h goes first to what returns more; keep answering the "
                           "messages it brings.")
                if d.recommended > 0 else
                tr.gettext("Reduced to answering messages only: {evidence}, but your "
                           "budget of {budget} h goes first to what returns more.")).format(
            rec=rec, evidence=ev, budget=fmt_hours(budget, lang))
    elif d.why in (d_.REDUCE_SINK, d_.PAUSE_SINK):
        total = fmt_int(round(per_result_hours(f)), lang)
        text = (tr.gettext("Cut to {rec} h a week: {evidence}, about {total} hours for so "
                           "little; answer what it brings, no more.")
                if d.why == d_.REDUCE_SINK else
                tr.gettext("Paused until the review: {evidence}, about {total} hours for so "
                           "little; your budget does more on {focus}.")).format(
            rec=rec, evidence=ev, total=total, focus=focus_name)
    elif d.why == d_.REDUCE_SAME:
        text = (tr.gettext("Reduced to {rec} h a week: {evidence}, but it reaches the same "
                           "people as {focus}, the focus; answer what it brings.")
                if d.recommended > 0 else
                tr.gettext("Reduced to answering messages only: {evidence}, but it reaches "
                           "the same people as {focus}, the focus.")).format(
            rec=rec, evidence=ev, focus=focus_name)
    elif d.why == d_.REDUCE_UNPROVEN:
        text = (tr.gettext("Reduced to {rec} h a week of watching and replying: {evidence}, "
                           "though {audiences} are there.") if f.present else
                tr.gettext("Reduced to {rec} h a week of watching and replying: {evidence}, "
                           "a start that is not proven yet.")).format(
            rec=rec, evidence=ev, audiences=audiences_phrase(f.present, bank, tr, lang))
    elif d.why == d_.PAUSE_NO_ROOM:
        text = tr.gettext("Paused until the review: {evidence}, and your budget of {budget} h "
                          "is needed for {focus}.").format(
            evidence=ev, budget=fmt_hours(budget, lang), focus=focus_name)
    elif d.why == d_.PAUSE_IDLE:
        text = tr.gettext("Paused: you spend no time there and nothing came of it in "
                          "90 days.")
    elif d.why == d_.PERSONAL:
        text = tr.gettext("Personal: {hours} that count in your week, not in your work "
                          "plan.").format(hours=hours_a_week(f.hours, tr, lang))
        if f.evidence > 0:
            text += " " + tr.gettext("It still brought {results} in 90 days: if you want, "
                                     "treat it as professional at the next review.").format(
                results=results_phrase(f.results, tr, lang, bank, f.org))
    else:  # PAUSE_NOTHING: hours, no result and no priority audience there
        text = tr.gettext("Paused until the review: {evidence}, and none of your priority "
                          "audiences is there.").format(evidence=ev)
    if f.reason == "both":
        values = {"hours": fmt_hours(f.declared, lang), "work": fmt_hours(f.hours, lang),
                  "personal": fmt_hours(f.personal_part, lang)}
        text += " " + (tr.gettext("You also use it personally: of its {hours} h a week, "
                                  "{work} h count as work and {personal} h as personal, as you "
                                  "said.") if f.share_said else
                       tr.gettext("You also use it personally: of its {hours} h a week, the "
                                  "plan counts half as work ({work} h) and half as personal "
                                  "({personal} h), as you did not give the share.")).format(
            **values)
    gone = str(f.extra.get("if_gone", ""))
    if d.verdict in ("pause", "reduce") and gone in ("habit", "nothing"):
        text += " " + (tr.gettext("You said yourself you would miss nothing much if it were "
                                  "gone.") if gone == "nothing" else
                       tr.gettext("You said yourself it is mostly a habit."))
    elif gone == "results" and f.evidence == 0 and f.professional:
        text += " " + tr.gettext("You said you would miss the results it brings, yet none "
                                 "was counted in 90 days: count them from now on.")
    return text
