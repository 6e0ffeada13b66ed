"""Headings and vocabulary labels of the reports, in the language asked for.

The plan's own sentences (reasons, explanations, warnings) come already written by
the engine in the plan's language; here live only the report's frame: headings,
verdict and severity names, result names, warning titles.
"""

from functools import cache
from typing import NamedTuple

from coach.i18n import N_, translator

# Brand names are the same in every language, so they are not translated.
BRANDS: dict[str, str] = {
    "linkedin": "LinkedIn", "facebook": "Facebook", "instagram": "Instagram", "x": "X",
    "youtube": "YouTube", "tiktok": "TikTok", "pinterest": "Pinterest", "reddit": "Reddit",
    "mastodon": "Mastodon", "bluesky": "Bluesky", "threads": "Threads",
    "whatsapp": "WhatsApp", "discord_slack": "Discord / Slack",
}
GENERIC_PLATFORMS: dict[str, str] = {
    "forum": N_("Forum (specialised)"), "newsletter": N_("Newsletter"), "blog": N_("Blog"),
    "other": N_("Other platform"),
}
VERDICTS: dict[str, str] = {
    "focus": N_("Focus"), "keep": N_("Keep"), "reduce": N_("Reduce"), "pause": N_("Pause"),
    "personal": N_("Personal"),
}
SEVERITIES: dict[str, str] = {
    "critical": N_("Critical"), "warning": N_("Warning"), "info": N_("For information"),
}
SEVERITY_ORDER = ("critical", "warning", "info")
REASONS: dict[str, str] = {
    "personal": N_("personal"), "professional": N_("professional"),
    "both": N_("personal and professional"),
}
SPACE_KINDS: dict[str, str] = {
    "page": N_("page"), "group": N_("group"), "forum": N_("forum"), "profile": N_("profile"),
    "channel": N_("channel"), "list": N_("list"), "newsletter": N_("newsletter"),
}
CONFIDENCE: dict[str, str] = {
    "low": N_("low"), "medium": N_("medium"), "high": N_("high"),
}
WARNING_TITLES: dict[str, str] = {
    "OVER_BUDGET": N_("Over budget"),
    "SPREAD_THIN": N_("Spread too thin"),
    "TIME_SINK": N_("Time sink"),
    "VANITY_METRICS": N_("Vanity metrics"),
    "BROADCAST_ONLY": N_("Broadcasting only"),
    "AIMLESS_BROWSING": N_("Aimless browsing"),
    "AUDIENCE_ABSENT": N_("Audience not there"),
    "VISIBILITY_GOAL": N_("Visibility as the goal"),
    "PERSONAL_TIME": N_("Personal time"),
    "NO_EDITORIAL_LINE": N_("No editorial line"),
    "ZERO_BUDGET": N_("No time budget"),
    "NO_PROFESSIONAL_PLATFORM": N_("No platform used for work"),
    "NO_PROMISING_PLATFORM": N_("No promising platform yet"),
    "ADS_FOR_FOLLOWERS": N_("Paying for followers"),
    "NOTHING_MEASURED": N_("Nothing measured"),
    "SAME_AUDIENCE": N_("Same people twice"),
    "HOURS_UNDERESTIMATED": N_("More time than declared"),
}
GOALS: dict[str, str] = {
    "clients": N_("new clients"), "mandates": N_("mandates"), "donations": N_("donations"),
    "volunteers": N_("volunteers"), "recruits": N_("recruits"), "partners": N_("partners"),
    "funding": N_("funding"), "awareness": N_("awareness"),
}
# Result names, as column headings (comparison) ...
RESULT_NAMES: dict[str, str] = {
    "inquiries": N_("Inquiries"), "won": N_("Clients won"), "referrals": N_("Referrals"),
    "site_visits": N_("Site visits"), "sales": N_("Sales"), "donations": N_("Donations"),
    "signups": N_("Sign-ups"),
}
RESULT_ORDER = ("inquiries", "won", "referrals", "site_visits", "sales", "donations", "signups")
TIME_KEYS = ("budget", "professional", "personal", "focus_hours", "freed")


class Labels(NamedTuple):
    """Every fixed piece of text a report frame needs, already translated."""

    lang: str
    title: str
    comparison_title: str
    assessed_on: str
    review_on: str
    client: str
    focus: str
    no_focus: str
    platforms: str
    platform: str
    verdict: str
    score: str
    hours_week: str
    recommended: str
    results_90d: str
    no_results: str
    why: str
    no_why: str
    explanation: str
    time: str
    warnings: str
    no_warnings: str
    instead: str
    routine: str
    track: str
    gate: str
    review: str
    confidence: str
    notes: str
    goal: str
    chart_title: str
    chart_budget: str
    chart_recommended: str
    all_platforms: str
    legend: str
    per_week: str
    time_rows: dict[str, str]
    generated_by: str
    engine_version: str      # "(engine {version})": the plan's engine, not the app's version
    # comparison
    before: str
    after: str
    change: str
    unchanged: str
    changed: str
    focus_changed: str
    focus_same: str
    verdicts: str
    warnings_gone: str
    warnings_new: str
    warnings_kept: str
    none: str
    results: str
    absent: str


@cache
def labels(lang: str) -> Labels:
    tr = translator(lang, "report")
    _ = tr.gettext
    return Labels(
        lang=lang,
        title=_("Social media plan"),
        comparison_title=_("What changed"),
        assessed_on=_("Assessed on"),
        review_on=_("Next review"),
        client=_("Client"),
        focus=_("Focus"),
        no_focus=_("No focus yet"),
        platforms=_("Platforms"),
        platform=_("Platform"),
        verdict=_("Verdict"),
        score=_("Score"),
        hours_week=_("Hours a week"),
        recommended=_("Recommended"),
        results_90d=_("Results (90 days)"),
        no_results=_("none recorded"),
        why=_("Why, in your words"),
        no_why=_("(no reason given)"),
        explanation=_("Explanation"),
        time=_("Your time each week"),
        warnings=_("Warnings"),
        no_warnings=_("No warnings."),
        instead=_("Instead"),
        routine=_("Weekly routine"),
        track=_("What to track"),
        gate=_("When to add a second space"),
        review=_("Review"),
        confidence=_("Confidence"),
        notes=_("Session notes"),
        goal=_("Goal"),
        chart_title=_("Hours a week per platform, against the budget"),
        chart_budget=_("budget"),
        chart_recommended=_("recommended"),
        all_platforms=_("All platforms"),
        legend=_("Legend"),
        per_week=_("a week"),
        time_rows={
            "budget": _("Budget"),
            "professional": _("Professional platforms"),
            "personal": _("Personal platforms"),
            "focus_hours": _("Recommended for the focus"),
            "freed": _("Freed by this plan"),
        },
        generated_by=_("Prepared with coach"),
        engine_version=_("(engine {version})"),
        before=_("Before"),
        after=_("After"),
        change=_("Change"),
        unchanged=_("unchanged"),
        changed=_("changed"),
        focus_changed=_("The focus changed."),
        focus_same=_("The focus is the same."),
        verdicts=_("Verdicts"),
        warnings_gone=_("Warnings gone"),
        warnings_new=_("New warnings"),
        warnings_kept=_("Warnings still there"),
        none=_("none"),
        results=_("Results (90 days)"),
        absent=_("absent"),
    )


def translate(lang: str, table: dict[str, str], key: str, default: str | None = None) -> str:
    """A vocabulary label; unknown ids fall back to `default` (or the id itself)."""
    if key in table:
        return translator(lang, "report").gettext(table[key])
    return default if default is not None else key


def result_phrase(lang: str, key: str, count: int, shown: str) -> str:
    """"3 inquiries" / "1 client won": a count with its noun, plural-aware."""
    tr = translator(lang, "report")
    ngettext = tr.ngettext
    phrases = {
        "inquiries": ngettext("{n} inquiry", "{n} inquiries", count),
        "won": ngettext("{n} client won", "{n} clients won", count),
        "referrals": ngettext("{n} referral", "{n} referrals", count),
        "site_visits": ngettext("{n} site visit", "{n} site visits", count),
        "sales": ngettext("{n} sale", "{n} sales", count),
        "donations": ngettext("{n} donation", "{n} donations", count),
        "signups": ngettext("{n} sign-up", "{n} sign-ups", count),
    }
    if key in phrases:
        return phrases[key].format(n=shown)
    return tr.gettext("{name}: {n}").format(name=key, n=shown)


def declared_measured(lang: str, declared: str, measured: str) -> str:
    """"declared 5 h, measured 7 h": both figures where a tracker measured the platform."""
    return translator(lang, "report").gettext("declared {declared}, measured {measured}").format(
        declared=declared, measured=measured)


def platform_name(lang: str, platform_id: str) -> str:
    if platform_id in BRANDS:
        return BRANDS[platform_id]
    return translate(lang, GENERIC_PLATFORMS, platform_id)
