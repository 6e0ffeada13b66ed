"""Small wording helpers: numbers, hours, lists and names in the plan's language.

The engine speaks through a `Translator` it receives (no global state), so the
same answers give the same plan text in a test, a report or the TUI.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from coach.bank.model import Bank
from coach.i18n import N_, Translator, is_french
from coach.model import PlatformAnswers


def fmt_int(n: int | float, lang: str) -> str:
    """1234567 -> '1,234,567' (en) or '1 234 567' with no-break spaces (fr)."""
    text = f"{int(n):,}"
    return text.replace(",", "\u00a0") if is_french(lang) else text


@lru_cache(maxsize=1024)
def fmt_hours(hours: float, lang: str) -> str:
    """Hours to the nearest quarter hour, the plan's one rounding rule, shown as such:
    2, 1.5, 0.25, 3.75 (fr: 1,5 ; 0,25)."""
    if not math.isfinite(hours):
        hours = 0.0
    rounded = round(hours * 4) / 4
    if rounded == int(rounded):
        return fmt_int(rounded, lang)
    text = f"{rounded:.2f}".rstrip("0")
    return text.replace(".", ",") if is_french(lang) else text


def join_and(items: Sequence[str], tr: Translator) -> str:
    """'a', 'a and b', 'a, b and c' (fr: 'a, b et c')."""
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return tr.gettext("{head} and {last}").format(head=", ".join(items[:-1]), last=items[-1])


def join_or(items: Sequence[str], tr: Translator) -> str:
    """'a', 'a or b', 'a, b or c' (fr: 'a, b ou c')."""
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return tr.gettext("{head} or {last}").format(head=", ".join(items[:-1]), last=items[-1])


def lower_first(text: str) -> str:
    """A vocabulary name used mid-sentence ('Clients and prospects' -> 'clients and ...')."""
    if len(text) > 1 and text[1].isupper():  # an acronym ("SMS ...") keeps its case
        return text
    return text[:1].lower() + text[1:]


def term_name(bank: Bank, table: str, term_id: str, lang: str) -> str:
    """A vocabulary entry's name, lowered for use inside a sentence; the id if unknown."""
    try:
        return lower_first(bank.term(table, term_id).name.get(lang))
    except KeyError:
        return term_id


def platform_name(bank: Bank, answers: PlatformAnswers, lang: str) -> str:
    """The user's label for a forum or "other" platform, else the bank's name."""
    label = answers.get("label")
    if label:
        return label
    try:
        return bank.platform(answers["id"]).name.get(lang)
    except KeyError:
        return answers["id"]


def quoted(name: str, tr: Translator) -> str:
    """A user-given name in the language's quotes: “Name” (en), « Name » (fr)."""
    return tr.gettext("“{name}”").format(name=name)


def hours_a_week(hours: float, tr: Translator, lang: str) -> str:
    return tr.gettext("{hours} h a week").format(hours=fmt_hours(hours, lang))


# Results in the order they are quoted: the strongest evidence first.
RESULT_ORDER: tuple[str, ...] = ("won", "inquiries", "sales", "donations", "signups",
                                 "referrals", "site_visits")


def result_count(kind: str, n: int, tr: Translator, lang: str, bank: Bank | None = None,
                 org: str = "") -> str:
    """'3 inquiries', '1 client or contract won' (fr: '3 demandes', ...).

    `org` is the profile's kind: a nonprofit wins grants and partnerships, not clients.
    """
    shown = fmt_int(n, lang)
    if kind == "won" and org == "nonprofit":
        text = tr.ngettext("{n} grant, partnership or contract won",
                           "{n} grants, partnerships or contracts won", n)
    elif kind == "won":
        text = tr.ngettext("{n} client or contract won", "{n} clients or contracts won", n)
    elif kind == "inquiries":
        text = tr.ngettext("{n} inquiry", "{n} inquiries", n)
    elif kind == "referrals":
        text = tr.ngettext("{n} referral", "{n} referrals", n)
    elif kind == "site_visits":
        text = tr.ngettext("{n} visit to your site", "{n} visits to your site", n)
    elif kind == "sales":
        text = tr.ngettext("{n} sale", "{n} sales", n)
    elif kind == "donations":
        text = tr.ngettext("{n} donation", "{n} donations", n)
    elif kind == "signups":
        text = tr.ngettext("{n} sign-up", "{n} sign-ups", n)
    else:  # a result kind a consultant added to the bank
        name = term_name(bank, "results", kind, lang) if bank else kind
        return f"{shown} × {name}"
    return text.format(n=shown)


def result_name(kind: str, tr: Translator, lang: str, bank: Bank | None = None,
                org: str = "") -> str:
    """A result kind as a plural noun inside a sentence: 'inquiries', 'sign-ups'."""
    names = {
        "won": (tr.gettext("grants, partnerships or contracts won") if org == "nonprofit"
                else tr.gettext("clients or contracts won")),
        "inquiries": tr.gettext("inquiries"),
        "referrals": tr.gettext("referrals"),
        "site_visits": tr.gettext("visits to your site"),
        "sales": tr.gettext("sales"),
        "donations": tr.gettext("donations"),
        "signups": tr.gettext("sign-ups"),
    }
    if kind in names:
        return names[kind]
    return term_name(bank, "results", kind, lang) if bank else kind


def ordered_results(results: dict[str, int]) -> list[tuple[str, int]]:
    """Non-zero results, strongest kind first (unknown kinds after, by id)."""
    rank = {k: i for i, k in enumerate(RESULT_ORDER)}
    items = [(k, v) for k, v in results.items() if v > 0]
    return sorted(items, key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))


def results_phrase(results: dict[str, int], tr: Translator, lang: str,
                   bank: Bank | None = None, org: str = "") -> str:
    """'3 inquiries and 1 client or contract won'; '' when nothing came."""
    return join_and([result_count(k, v, tr, lang, bank, org)
                     for k, v in ordered_results(results)], tr)


_MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
           N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
           N_("December"))


def fmt_date(day: date, tr: Translator) -> str:
    """'February 20, 2027' (fr: '20 février 2027'; the first: '1er décembre 2026')."""
    if day.day == 1:  # an ordinal in French, so a phrase of its own
        return tr.gettext("{month} 1, {year}").format(
            month=tr.gettext(_MONTHS[day.month - 1]), year=day.year)
    return tr.gettext("{month} {day}, {year}").format(
        month=tr.gettext(_MONTHS[day.month - 1]), day=day.day, year=day.year)
