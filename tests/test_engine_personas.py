"""Personas: what a sensible coach would advise, checked against the engine's plan.

Each answers file in tests/personas/ describes a real-looking situation (its first
comment says who it is); the expectations below are the advice, not whatever the
code happens to print: the focus, the space, every verdict, and the warnings.
"""

from __future__ import annotations

import pytest
from engine_support import PERSONAS, persona, plan_for

# name: (focus platform, focus space name, verdicts, warnings as (code, platform))
EXPECTED: dict[str, tuple[str | None, str | None, dict[str, str], set[tuple[str, str | None]]]] = {
    # LinkedIn group brings work for 1.5 h; Instagram eats 5 h with nothing: pause it.
    "freelance_designer": (
        "linkedin", "Entrepreneurs de la Mauricie",
        {"linkedin": "focus", "instagram": "pause", "facebook": "personal"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "instagram"),
         ("AUDIENCE_ABSENT", "instagram")}),
    # Volunteers sign up through the Facebook group (named after the page): focus
    # there; the newsletter's donations are proven and the 4 h budget has room;
    # Instagram has volunteers but no result: a light presence only.
    "foodbank_volunteers": (
        "facebook", "Entraide Plateau",
        {"facebook": "focus", "newsletter": "keep", "instagram": "reduce"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "instagram"),
         ("BROADCAST_ONLY", "instagram"), ("VANITY_METRICS", "instagram"),
         ("NO_EDITORIAL_LINE", "instagram")}),
    # One referral and both audiences on LinkedIn, but posted one-way and judged by
    # views: keep LinkedIn, change the practice; X is scrolling: pause.
    "accountant_consultant_client": (
        "linkedin", None,
        {"linkedin": "focus", "x": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "x"),
         ("AUDIENCE_ABSENT", "x"), ("VANITY_METRICS", "linkedin"),
         ("BROADCAST_ONLY", "linkedin"), ("NO_EDITORIAL_LINE", "linkedin")}),
    # Only personal accounts: no focus, a way to choose a first space.
    "personal_only": (
        None, None,
        {"facebook": "personal", "instagram": "personal"},
        {("NO_PROFESSIONAL_PLATFORM", None), ("PERSONAL_TIME", None)}),
    # Nothing measured: decide on audiences (donors are on Facebook) and practice.
    "nothing_measured": (
        "facebook", "Théâtre du Fleuve",
        {"facebook": "focus", "linkedin": "pause"},
        {("SPREAD_THIN", None)}),
    # Identical answers on two networks: the first listed wins, the other (with a
    # result, and room in 4 h) is kept.
    "tie_two_networks": (
        "mastodon", None,
        {"mastodon": "focus", "bluesky": "keep"},
        set()),
    # Nothing to fix.
    "one_platform": (
        "facebook", "Parents de Rivière-du-Loup", {"facebook": "focus"}, set()),
    # No time at all: the focus still says where the first hour should go.
    "zero_budget": (
        "linkedin", None, {"linkedin": "focus"},
        {("ZERO_BUDGET", None), ("NO_EDITORIAL_LINE", "linkedin")}),
    # Absurd numbers stay on the scale.
    "huge_numbers": ("youtube", "Mega TV", {"youtube": "focus"}, set()),
    # "Be better known": challenged; the group that brings catering inquiries is
    # the focus, the Instagram likes are paused within 3 h.
    "awareness_cafe": (
        "facebook", "Vivre à Limoilou",
        {"facebook": "focus", "instagram": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "instagram"),
         ("VISIBILITY_GOAL", None), ("NO_EDITORIAL_LINE", "facebook")}),
    # A grant came through LinkedIn where funders are; the newsletter's donations
    # are kept (8 h budget); TikTok reaches none of their audiences.
    "funding_nonprofit": (
        "linkedin", "Directrice générale",
        {"linkedin": "focus", "newsletter": "keep", "tiktok": "pause"},
        {("TIME_SINK", "tiktok"), ("AUDIENCE_ABSENT", "tiktok")}),
    # A specialised forum beats Facebook on results per hour; Facebook ("both")
    # also brought an inquiry and the 5 h budget has room.
    "woodworker_forum": (
        "forum", "Meubles sur mesure",
        {"forum": "focus", "facebook": "keep"},
        {("NO_EDITORIAL_LINE", "forum"), ("VANITY_METRICS", "facebook"),
         ("NO_EDITORIAL_LINE", "facebook")}),
    # Neither platform reaches her clients nor shows a result: no focus yet.
    "no_promising": (
        None, None,
        {"pinterest": "pause", "threads": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "pinterest"),
         ("AUDIENCE_ABSENT", "pinterest"), ("AUDIENCE_ABSENT", "threads"),
         ("NO_PROMISING_PLATFORM", None)}),
    # Three proven channels fit in 10 h (at most 3 channels); TikTok brings nothing.
    "agency_many_proven": (
        "linkedin", "PME Numériques",
        {"linkedin": "focus", "blog": "keep", "discord_slack": "keep", "tiktok": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "tiktok"),
         ("AUDIENCE_ABSENT", "tiktok"), ("NO_EDITORIAL_LINE", "discord_slack")}),
    # Posting the same announcement everywhere: the newsletter brings sign-ups
    # (focus), Facebook one sign-up (kept, in a 5 h budget), the rest reduced or
    # paused; three platforms share the same practice warnings.
    "broadcast_many": (
        "newsletter", None,
        {"newsletter": "focus", "facebook": "keep", "instagram": "reduce",
         "youtube": "reduce", "x": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "instagram"),
         ("BROADCAST_ONLY", "facebook"), ("BROADCAST_ONLY", "instagram"),
         ("BROADCAST_ONLY", "youtube"), ("VANITY_METRICS", "facebook"),
         ("VANITY_METRICS", "instagram"), ("VANITY_METRICS", "youtube"),
         ("NO_EDITORIAL_LINE", "facebook"), ("NO_EDITORIAL_LINE", "instagram"),
         ("NO_EDITORIAL_LINE", "youtube")}),
}


def test_every_persona_file_has_expectations() -> None:
    names = {p.stem for p in PERSONAS.glob("*.toml")}
    assert names == set(EXPECTED)
    assert len(names) >= 12


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_persona_plan(name: str) -> None:
    focus, space, verdicts, warnings = EXPECTED[name]
    plan = plan_for(persona(name))
    if focus is None:
        assert plan["focus"] is None
    else:
        assert plan["focus"] is not None
        assert plan["focus"]["platform"] == focus
        got_space = plan["focus"]["space"]
        assert (got_space["name"] if got_space else None) == space
    assert {p["platform"]: p["verdict"] for p in plan["platforms"]} == verdicts
    assert {(w["code"], w["platform"]) for w in plan["warnings"]} == warnings
    # Every warning says what to do instead.
    assert all(w["instead"] for w in plan["warnings"])


def test_focus_reasons_quote_the_users_numbers() -> None:
    plan = plan_for(persona("freelance_designer"))
    first = plan["focus"]["reasons"][0]
    assert "3 inquiries" in first and "1 client or contract won" in first
    assert "1.5 h a week" in first and "90 days" in first
    assert "Entrepreneurs de la Mauricie" in " ".join(plan["focus"]["reasons"])
    instagram = next(p for p in plan["platforms"] if p["platform"] == "instagram")
    assert "5 h a week" in instagram["explanation"]
    assert "personally" in instagram["explanation"]  # reason "both" is mentioned


def test_several_spaces_choice_is_explained() -> None:
    plan = plan_for(persona("foodbank_volunteers"))
    text = " ".join(plan["focus"]["reasons"])
    assert "2 spaces" in text and "per platform" in text


def test_no_space_named_says_what_to_look_for() -> None:
    plan = plan_for(persona("accountant_consultant_client"))
    assert plan["focus"]["space"] is None
    assert any("What to look for" in r and "group" in r for r in plan["focus"]["reasons"])
    assert any("choose one space" in line for line in plan["routine"])


def test_tie_is_explained() -> None:
    plan = plan_for(persona("tie_two_networks"))
    tie = plan["focus"]["reasons"][-1]
    assert "tied" in tie and "Mastodon" in tie and "Bluesky" in tie
    assert "first in your answers" in tie
    assert plan["platforms"][0]["score"] == plan["platforms"][1]["score"]


def test_nothing_measured_means_low_confidence() -> None:
    plan = plan_for(persona("nothing_measured"))
    assert plan["confidence"] == "low"
    assert "Nothing is measured" in plan["confidence_note"]
    assert plan_for(persona("freelance_designer"))["confidence"] == "high"


def test_no_focus_plan_says_how_to_choose_a_first_space() -> None:
    for name in ("personal_only", "no_promising"):
        plan = plan_for(persona(name))
        assert plan["focus"] is None
        assert any("Ask three people" in line for line in plan["routine"])
        assert "Make a space your focus" in plan["expansion_gate"]
        assert plan["track"]  # still what to count, in the space to come


def test_zero_budget_plan() -> None:
    plan = plan_for(persona("zero_budget"))
    assert plan["time"]["budget"] == 0
    assert plan["time"]["focus_hours"] == 0
    assert plan["time"]["freed"] == 1
    assert len(plan["routine"]) == 1 and "set aside 1 h a week" in plan["routine"][0]
    zero = next(w for w in plan["warnings"] if w["code"] == "ZERO_BUDGET")
    assert zero["severity"] == "critical" and "1 h" in zero["message"]


def test_huge_numbers_stay_on_the_scale() -> None:
    plan = plan_for(persona("huge_numbers"))
    youtube = plan["platforms"][0]
    assert youtube["score"] == 100
    assert sum(youtube["factors"].values()) == 100
    assert youtube["factors"]["clamp"] < 0
    assert plan["time"]["focus_hours"] == 6  # rules: focus_max_hours
    assert plan["time"]["freed"] == 162
    assert "1,000,000,000 inquiries" in plan["focus"]["reasons"][0]


def test_time_picture_and_recommended_hours() -> None:
    plan = plan_for(persona("foodbank_volunteers"))
    t = plan["time"]
    assert (t["budget"], t["professional"], t["personal"], t["focus_hours"], t["freed"]) == (
        4, 6, 0, 2, 2.5)
    rec = {p["platform"]: p["recommended_hours"] for p in plan["platforms"]}
    assert rec == {"facebook": 2, "newsletter": 1, "instagram": 0.5}
    designer = plan_for(persona("freelance_designer"))["time"]
    assert (designer["professional"], designer["personal"]) == (6.5, 3)  # "both" is work


def test_kept_channel_never_gets_more_hours_than_the_focus() -> None:
    plan = plan_for(persona("woodworker_forum"))
    rec = {p["platform"]: p["recommended_hours"] for p in plan["platforms"]}
    assert rec["facebook"] <= rec["forum"]


def test_routine_minutes_add_up_to_each_kept_channels_hours() -> None:
    """Every kept channel gets its blocks, and their minutes are its recommended hours
    (was: only the focus had a routine, kept channels got no time at all)."""
    for name in sorted(EXPECTED):
        plan = plan_for(persona(name))
        blocks = plan["routine_blocks"]
        assert [b["text"] for b in blocks] == plan["routine"], name
        for p in plan["platforms"]:
            minutes = sum(b["minutes"] for b in blocks if b["platform"] == p["platform"])
            if p["verdict"] in ("focus", "keep"):
                assert minutes == round(p["recommended_hours"] * 60), (name, p["platform"])
            else:
                assert minutes == 0, (name, p["platform"])


def test_track_names_action_metrics_only() -> None:
    for name in sorted(EXPECTED):
        plan = plan_for(persona(name))
        text = " ".join(plan["track"]).lower()
        for vanity in ("likes", "followers", "views"):
            assert vanity not in text


def test_review_date_from_rules() -> None:
    plan = plan_for(persona("one_platform"))
    assert plan["review_on"] == "2027-02-20"  # 2026-11-22 + 90 days
    assert plan["assessed_on"] == "2026-11-22"


def test_awareness_goal_tracks_the_action_named() -> None:
    plan = plan_for(persona("awareness_cafe"))
    assert plan["track"][0].startswith("Inquiries")
    visibility = next(w for w in plan["warnings"] if w["code"] == "VISIBILITY_GOAL")
    assert visibility["instead"].endswith("inquiries, visits to your site or sign-ups.")


def test_no_platform_at_all() -> None:
    answers = persona("personal_only")
    answers["platforms"] = []
    plan = plan_for(answers)
    assert plan["focus"] is None and plan["platforms"] == []
    assert [w["code"] for w in plan["warnings"]] == ["NO_PROFESSIONAL_PLATFORM"]
    assert "no platform" in plan["warnings"][0]["message"]
    assert plan["time"]["professional"] == 0 and plan["time"]["freed"] == 0


def test_own_newsletter_as_focus_gets_a_writing_routine() -> None:
    answers = persona("funding_nonprofit")
    answers["platforms"] = [p for p in answers["platforms"] if p["id"] == "newsletter"]
    plan = plan_for(answers)
    assert plan["focus"]["space"] == {"kind": "newsletter", "name": "Horizon"}
    assert plan["routine"][0].startswith("Send one issue in the newsletter “Horizon” every 2 "
                                         "weeks, answering a question your readers ask")
    assert plan["routine_blocks"][0]["activity"] == "newsletter_issue"
    assert not any(w["code"] == "BROADCAST_ONLY" for w in plan["warnings"])


GROUPED = ("BROADCAST_ONLY", "VANITY_METRICS", "NO_EDITORIAL_LINE")


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_shared_warnings_are_said_once_each_platform_keeps_its_entry(lang: str) -> None:
    """Three platforms posting one-way: one full sentence naming them all, then a short
    line per platform (was the same long sentence three times)."""
    plan = plan_for(persona("broadcast_many"), lang)
    names = {p["platform"]: p["name"] for p in plan["platforms"]}
    for code in GROUPED:
        entries = [w for w in plan["warnings"] if w["code"] == code]
        assert [w["platform"] for w in entries] == ["facebook", "instagram", "youtube"]
        assert all(w["platforms"] == ["facebook", "instagram", "youtube"] for w in entries)
        lead, *rest = entries
        assert all(names[p] in lead["message"] for p in ("facebook", "instagram", "youtube"))
        for w in rest:
            assert names[w["platform"]] in w["message"]
            assert len(w["message"]) < 0.8 * len(lead["message"])
            assert len(w["instead"]) < len(lead["instead"])
        assert len({w["message"] for w in entries}) == len(entries)


def test_a_warning_on_one_platform_stays_a_single_sentence() -> None:
    plan = plan_for(persona("agency_many_proven"))
    [w] = [w for w in plan["warnings"] if w["code"] == "NO_EDITORIAL_LINE"]
    assert "platforms" not in w
    assert w["message"].startswith("No editorial line on Discord or Slack community (1.5 h")
