"""Personas: what a sensible coach would advise, checked against the engine's plan.

Each answers file in tests/personas/ describes a real-looking situation (its first
comment says who it is); the expectations below are the advice, not whatever the
code happens to print: the focus, the space, every verdict, and the warnings.
"""

from __future__ import annotations

import pytest
from engine_support import PERSONAS, persona, plan_for

# name: (focus platform, focus space name, verdicts, warnings as (code, platform)).
# Expectations changed in issue 11 (the old ones were wrong), and why:
# - freelance_designer, accountant_consultant_client, funding_nonprofit, agency: a
#   platform the plan pauses gets one line (TIME_SINK), no AUDIENCE_ABSENT on top.
# - foodbank_volunteers: Instagram paused, not reduced: the 4 h budget runs two channels
#   and two proven ones take them; a light presence would be a third.
# - broadcast_many: the three one-way platforms with nothing to show are paused (the
#   5 h budget runs two channels: the newsletter and Facebook); no practice advice on them.
# - tie_two_networks: Bluesky is "the same crowd, moved": two channels for one crowd
#   dilute the time (SAME_AUDIENCE), Bluesky is reduced, not kept.
# - zero_budget: no editorial-line warning on a profile where she only converses; the
#   focus keeps the stated minimum of 1 h.
# - awareness_cafe, agency, woodworker: no editorial-line warning on a group, a Slack or
#   a forum, where one answers questions.
# - funding_nonprofit: the newsletter's 14 donations for 2 h return more per hour than
#   LinkedIn; the grant (a large result) keeps LinkedIn at its 3 h.
EXPECTED: dict[str, tuple[str | None, str | None, dict[str, str], set[tuple[str, str | None]]]] = {
    # LinkedIn group brings work for 1.5 h; Instagram eats 5 h ("both": 2.5 h of work)
    # with nothing: pause it.
    "freelance_designer": (
        "linkedin", "Entrepreneurs de la Mauricie",
        {"linkedin": "focus", "instagram": "pause", "facebook": "personal"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "instagram"),
         ("PERSONAL_TIME", None)}),
    # Volunteers sign up through the Facebook group: focus there; the newsletter's
    # donations are proven and kept; Instagram has volunteers but nothing in 3 h: paused.
    "foodbank_volunteers": (
        "facebook", "Entraide Plateau",
        {"facebook": "focus", "newsletter": "keep", "instagram": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "instagram")}),
    # One referral and both audiences on LinkedIn, but posted one-way and judged by
    # views: keep LinkedIn, change the practice; X is scrolling: pause. Nothing measured.
    "accountant_consultant_client": (
        "linkedin", None,
        {"linkedin": "focus", "x": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "x"),
         ("NOTHING_MEASURED", None), ("VANITY_METRICS", "linkedin"),
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
        {("SPREAD_THIN", None), ("NOTHING_MEASURED", None)}),
    # The same crowd on two networks: the first listed wins, the other is reduced.
    "tie_two_networks": (
        "mastodon", None,
        {"mastodon": "focus", "bluesky": "reduce"},
        {("SAME_AUDIENCE", "bluesky")}),
    # Nothing to fix.
    "one_platform": (
        "facebook", "Parents de Rivière-du-Loup", {"facebook": "focus"}, set()),
    # No time at all: the focus keeps a stated minimum.
    "zero_budget": (
        "linkedin", None, {"linkedin": "focus"}, {("ZERO_BUDGET", None)}),
    # Absurd numbers stay on the scale.
    "huge_numbers": ("youtube", "Mega TV", {"youtube": "focus"}, set()),
    # "Be better known": challenged; the group that brings catering inquiries is
    # the focus, the Instagram likes are paused within 3 h.
    "awareness_cafe": (
        "facebook", "Vivre à Limoilou",
        {"facebook": "focus", "instagram": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "instagram"),
         ("VISIBILITY_GOAL", None)}),
    "funding_nonprofit": (
        "newsletter", "Horizon",
        {"newsletter": "focus", "linkedin": "keep", "tiktok": "pause"},
        {("TIME_SINK", "tiktok")}),
    # A specialised forum beats Facebook on results per hour; Facebook ("both": 1.5 h
    # of work) also brought an inquiry and the 5 h budget has room.
    "woodworker_forum": (
        "forum", "Meubles sur mesure",
        {"forum": "focus", "facebook": "keep"},
        {("VANITY_METRICS", "facebook"), ("NO_EDITORIAL_LINE", "facebook")}),
    # Neither platform reaches her clients nor shows a result: no focus yet.
    "no_promising": (
        None, None,
        {"pinterest": "pause", "threads": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "pinterest"),
         ("AUDIENCE_ABSENT", "threads"), ("NOTHING_MEASURED", None),
         ("NO_PROMISING_PLATFORM", None)}),
    # Three proven channels fit in 10 h (at most 3 channels); TikTok brings nothing.
    "agency_many_proven": (
        "linkedin", "PME Numériques",
        {"linkedin": "focus", "blog": "keep", "discord_slack": "keep", "tiktok": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "tiktok")}),
    "broadcast_many": (
        "newsletter", None,
        {"newsletter": "focus", "facebook": "keep", "instagram": "pause",
         "youtube": "pause", "x": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "instagram"),
         ("BROADCAST_ONLY", "facebook"), ("VANITY_METRICS", "facebook"),
         ("NO_EDITORIAL_LINE", "facebook")}),
    # ---- issue 11: what a consultant recommends, decided before reading the plan
    # The live sessions are the shop: 10 h, no generic cap; Instagram's 4 sales are
    # proven and keep 2 h, the rest of the 12 h.
    "live_shop": (
        "facebook", "Les jeudis de Lili", {"facebook": "focus", "instagram": "keep"},
        {("OVER_BUDGET", None)}),
    # 0 h, but the group brings every contract: keep 1 h there and ask for it.
    "zero_budget_electrician": (
        "facebook", "Entraide Villeurbanne", {"facebook": "focus", "instagram": "pause"},
        {("ZERO_BUDGET", None), ("TIME_SINK", "instagram")}),
    # The map listing: upkeep for a quarter hour, not the focus; the group is.
    "cheap_listing_plumber": (
        "facebook", "Rénos Sherbrooke",
        {"facebook": "focus", "other": "keep", "instagram": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "instagram")}),
    # 8 sales for 1 h beat 3 sales for 3 h, whatever the audiences; both kept.
    "uneven_returns_photographer": (
        "pinterest", "Mariages en Gironde", {"pinterest": "focus", "instagram": "keep"},
        set()),
    # Contests bought for followers: said, with the money; the group is the focus.
    "contests_followers_bakery": (
        "facebook", "Vivre au Cap-de-la-Madeleine",
        {"facebook": "focus", "instagram": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "instagram"),
         ("ADS_FOR_FOLLOWERS", "instagram")}),
    # Nothing counted: the members' group where they talk, and start counting.
    "nothing_measured_choir": (
        "whatsapp", "Choristes des Pentes", {"whatsapp": "focus", "facebook": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "facebook"),
         ("NOTHING_MEASURED", None)}),
    # "Both", mostly personal: only 2 of the 8 hours are work; the rest is personal.
    "both_yoga_teacher": (
        "instagram", None, {"instagram": "focus", "facebook": "pause"},
        {("SPREAD_THIN", None), ("AUDIENCE_ABSENT", "facebook"), ("PERSONAL_TIME", None)}),
    # The grant channel keeps its hour beside the focus, even within 3 h.
    "grant_arts_nonprofit": (
        "facebook", "Amis du Centre", {"facebook": "focus", "linkedin": "keep"}, set()),
    # The letter to 800 subscribers returns far more per hour than the page.
    "foodbank_newsletter_fr": (
        "newsletter", "La Lettre de Wazemmes", {"newsletter": "focus", "facebook": "keep"},
        {("BROADCAST_ONLY", "facebook"), ("NO_EDITORIAL_LINE", "facebook")}),
    # A crew's chat group: no editorial line needed; X is a habit.
    "crew_chat_volunteers": (
        "whatsapp", "Patrouille — équipe", {"whatsapp": "focus", "x": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "x")}),
    # She mostly reads in the groups: the plan must not say she takes part.
    "consultant_reads_groups": (
        "linkedin", "Industrie Pays de la Loire", {"linkedin": "focus"},
        {("BROADCAST_ONLY", "linkedin")}),
    # 8 h for 1 inquiry and 6 h for 10 site visits are time sinks, not "proven".
    "time_sink_broker": (
        "linkedin", None, {"linkedin": "focus", "instagram": "reduce", "youtube": "pause"},
        {("OVER_BUDGET", None), ("SPREAD_THIN", None), ("TIME_SINK", "instagram"),
         ("TIME_SINK", "youtube")}),
    # The monthly letter keeps its half hour; LinkedIn is where the week's effort goes.
    "monthly_letter_accountant": (
        "linkedin", None, {"linkedin": "focus", "newsletter": "keep"}, set()),
    # TikTok's donations decide; the page is kept, Instagram cut to replies.
    "animal_shelter_tiktok": (
        "tiktok", None, {"tiktok": "focus", "facebook": "keep", "instagram": "reduce"},
        {("OVER_BUDGET", None), ("TIME_SINK", "instagram")}),
    # "Both", mostly work: 3 of 4 h count; the listing keeps its quarter hour.
    "bistro_both_fr": (
        "facebook", "Quartier des Arceaux", {"facebook": "focus", "other": "keep"},
        {("OVER_BUDGET", None)}),
}

# Recommended hours per work platform (quarter hours).
HOURS: dict[str, dict[str, float]] = {
    "freelance_designer": {"linkedin": 2, "instagram": 0},
    "foodbank_volunteers": {"facebook": 2, "newsletter": 1, "instagram": 0},
    "funding_nonprofit": {"newsletter": 2, "linkedin": 3, "tiktok": 0},
    "agency_many_proven": {"linkedin": 4, "blog": 1.5, "discord_slack": 1.5, "tiktok": 0},
    "huge_numbers": {"youtube": 40},
    "zero_budget": {"linkedin": 1},
    "live_shop": {"facebook": 10, "instagram": 2},
    "zero_budget_electrician": {"facebook": 1, "instagram": 0},
    "cheap_listing_plumber": {"facebook": 2, "other": 0.25, "instagram": 0},
    "uneven_returns_photographer": {"pinterest": 1.5, "instagram": 2},
    "contests_followers_bakery": {"facebook": 2, "instagram": 0},
    "nothing_measured_choir": {"whatsapp": 2, "facebook": 0},
    "both_yoga_teacher": {"instagram": 2, "facebook": 0},
    "grant_arts_nonprofit": {"facebook": 2, "linkedin": 1},
    "foodbank_newsletter_fr": {"newsletter": 1, "facebook": 2},
    "crew_chat_volunteers": {"whatsapp": 2, "x": 0},
    "consultant_reads_groups": {"linkedin": 2},
    "time_sink_broker": {"linkedin": 2, "instagram": 0.5, "youtube": 0},
    "monthly_letter_accountant": {"linkedin": 2, "newsletter": 0.5},
    "animal_shelter_tiktok": {"tiktok": 3, "facebook": 2, "instagram": 0.5},
    "bistro_both_fr": {"facebook": 2.75, "other": 0.25},
    "tie_two_networks": {"mastodon": 2, "bluesky": 0.5},
}

# The gate: (add a channel?, next platform or None, results needed, words it says).
GATE: dict[str, tuple[bool, str | None, int, str]] = {
    "live_shop": (False, None, 168, "Do not add a channel"),
    "zero_budget_electrician": (False, None, 5, "First secure 1 h a week"),
    "cheap_listing_plumber": (False, None, 3, "Do not add a channel"),
    "uneven_returns_photographer": (False, None, 5, "your pace of the last 90 days"),
    "contests_followers_bakery": (True, None, 14, "ask three of your clients"),
    "nothing_measured_choir": (True, None, 3, "none was counted"),
    "both_yoga_teacher": (True, None, 7, "(10 in 90 days)"),
    "grant_arts_nonprofit": (False, None, 16, "Do not add a channel"),
    "foodbank_newsletter_fr": (False, None, 19, "the newsletter “La Lettre de Wazemmes”"),
    "crew_chat_volunteers": (True, None, 4, "sign-ups or inquiries"),
    "consultant_reads_groups": (True, "linkedin", 3,
                                "add a second space: the group “Dirigeants Nantes"),
    "time_sink_broker": (True, None, 4, "none of your others shows promise"),
    "monthly_letter_accountant": (False, None, 3, "Do not add a channel"),
    "animal_shelter_tiktok": (False, None, 13, "donations or sign-ups"),
    "bistro_both_fr": (False, None, 8, "Do not add a channel"),
    "one_platform": (True, None, 6, "(9 in 90 days)"),
    "tie_two_networks": (True, None, 3, "more than your 1 of the last 90 days"),
}


def test_every_persona_file_has_expectations() -> None:
    names = {p.stem for p in PERSONAS.glob("*.toml")}
    assert names == set(EXPECTED)
    assert len(names) >= 30


@pytest.mark.parametrize("name", sorted(HOURS))
def test_persona_recommended_hours(name: str) -> None:
    plan = plan_for(persona(name))
    rec = {p["platform"]: p["recommended_hours"] for p in plan["platforms"]
           if p["verdict"] != "personal"}
    assert rec == HOURS[name]


@pytest.mark.parametrize("name", sorted(GATE))
def test_persona_gate(name: str) -> None:
    add, nxt, needed, words = GATE[name]
    plan = plan_for(persona(name))
    gate = plan["gate"]
    assert gate["add_channel"] is add
    assert (gate["next"]["platform"] if gate["next"] else None) == nxt
    assert gate["needed"] == needed
    assert gate["platform"] == plan["focus"]["platform"]
    assert words in plan["expansion_gate"]
    # Never a platform the plan pauses.
    paused = {p["platform"] for p in plan["platforms"] if p["verdict"] == "pause"}
    assert not gate["next"] or gate["next"]["platform"] not in paused


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
    [tie] = [r for r in plan["focus"]["reasons"] if "tied" in r]
    assert "Mastodon" in tie and "Bluesky" in tie
    assert "first in your answers" in tie
    assert plan["platforms"][0]["score"] == plan["platforms"][1]["score"]
    # Equal returns: no "more for each hour" comparison.
    assert not any("Against" in r for r in plan["focus"]["reasons"])


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
    """A zero budget is a statement to challenge: the proven focus keeps a stated
    minimum, and the plan asks for that hour."""
    plan = plan_for(persona("zero_budget"))
    assert plan["time"]["budget"] == 0
    assert plan["time"]["focus_hours"] == 1
    assert plan["platforms"][0]["recommended_hours"] == 1
    assert "ask for that hour" in plan["platforms"][0]["explanation"]
    zero = next(w for w in plan["warnings"] if w["code"] == "ZERO_BUDGET")
    assert zero["severity"] == "critical" and "Ask for at least 1 h" in zero["instead"]
    assert plan["gate"]["add_channel"] is False


def test_huge_numbers_stay_on_the_scale() -> None:
    plan = plan_for(persona("huge_numbers"))
    youtube = plan["platforms"][0]
    assert youtube["score"] == 100
    assert sum(youtube["factors"].values()) == 100
    assert youtube["factors"]["clamp"] < 0
    assert plan["time"]["focus_hours"] == 40  # rules: focus_max_hours, a working week
    assert plan["time"]["freed"] == 128
    assert plan["time"]["free"] == 128
    assert "1,000,000,000 inquiries" in plan["focus"]["reasons"][0]


def test_time_picture_and_recommended_hours() -> None:
    plan = plan_for(persona("foodbank_volunteers"))
    t = plan["time"]
    assert (t["budget"], t["professional"], t["personal"], t["focus_hours"], t["freed"],
            t["free"]) == (4, 6, 0, 2, 3, 1)
    # "Both": the work share is work, the rest personal (half and half, unsaid).
    designer = plan_for(persona("freelance_designer"))
    assert (designer["time"]["professional"], designer["time"]["personal"]) == (4, 5.5)
    instagram = next(p for p in designer["platforms"] if p["platform"] == "instagram")
    assert (instagram["hours"], instagram["work_hours"], instagram["personal_hours"]) == (
        5, 2.5, 2.5)
    assert "half as work (2.5 h)" in instagram["explanation"]
    yoga = plan_for(persona("both_yoga_teacher"))
    assert (yoga["time"]["professional"], yoga["time"]["personal"]) == (3, 7)
    assert "2 h count as work and 6 h as personal, as you said" in (
        yoga["platforms"][0]["explanation"])


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
    # She said what visibility should lead to: she is not told to decide it.
    assert visibility["instead"] == ("You said what it should lead to: the plan counts that "
                                     "action (inquiries, visits to your site or sign-ups), "
                                     "and nothing else.")


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


GROUPED = ("VANITY_METRICS", "NO_EDITORIAL_LINE")  # Instagram: no BROADCAST_ONLY


def _two_kept_broadcasting() -> dict:
    """broadcast_many with a 10 h budget and Instagram proven too: the newsletter is the
    focus, Facebook and Instagram are kept, and both post one-way."""
    answers = persona("broadcast_many")
    answers["profile"]["weekly_budget_hours"] = 10
    for p in answers["platforms"]:
        if p["id"] == "instagram":
            p["results_90d"]["signups"] = 2
    return answers


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_shared_warnings_are_said_once_each_platform_keeps_its_entry(lang: str) -> None:
    """Two kept platforms posting one-way: one full sentence naming both, then a short
    line for the other (was the same long sentence twice)."""
    plan = plan_for(_two_kept_broadcasting(), lang)
    names = {p["platform"]: p["name"] for p in plan["platforms"]}
    assert {p["platform"]: p["verdict"] for p in plan["platforms"]}["instagram"] == "keep"
    for code in GROUPED:
        entries = [w for w in plan["warnings"] if w["code"] == code]
        assert [w["platform"] for w in entries] == ["facebook", "instagram"], code
        assert all(w["platforms"] == ["facebook", "instagram"] for w in entries)
        lead, *rest = entries
        assert all(names[p] in lead["message"] for p in ("facebook", "instagram"))
        for w in rest:
            assert names[w["platform"]] in w["message"]
            assert len(w["message"]) < 0.8 * len(lead["message"])
            assert len(w["instead"]) < len(lead["instead"])
        assert len({w["message"] for w in entries}) == len(entries)


def test_no_practice_warning_on_a_paused_platform() -> None:
    """A platform the plan pauses gets the one line that says why, never advice on how
    to post better there."""
    for name in sorted(EXPECTED):
        plan = plan_for(persona(name))
        cut = {p["platform"] for p in plan["platforms"] if p["verdict"] in ("pause", "reduce")}
        practice = {"BROADCAST_ONLY", "VANITY_METRICS", "NO_EDITORIAL_LINE",
                    "AIMLESS_BROWSING"}
        assert not [w for w in plan["warnings"] if w["platform"] in cut
                    and w["code"] in practice], name
        for platform in cut:
            assert len([w for w in plan["warnings"] if w["platform"] == platform]) <= 2, name
        assert len(plan["warnings"]) <= 8


def test_a_warning_on_one_platform_stays_a_single_sentence() -> None:
    plan = plan_for(persona("woodworker_forum"))
    [w] = [w for w in plan["warnings"] if w["code"] == "NO_EDITORIAL_LINE"]
    assert "platforms" not in w
    assert w["message"].startswith("No editorial line on Facebook (1.5 h")


# What the routine holds for a persona: (platform, activity) blocks it must have, and
# activities it must not have (a listing is kept up, not answered in; a chat group is
# conversation; a volunteers goal gets a call for volunteers).
ROUTINE: dict[str, tuple[set[tuple[str, str]], set[str]]] = {
    "live_shop": ({("facebook", "live_session"), ("instagram", "publish_post")}, set()),
    "cheap_listing_plumber": ({("facebook", "answer_questions"), ("other", "listing_upkeep")},
                              set()),
    "nothing_measured_choir": ({("whatsapp", "chat_conversation"),
                                ("whatsapp", "call_for_volunteers")}, {"publish_post"}),
    "crew_chat_volunteers": ({("whatsapp", "call_for_volunteers")}, set()),
    "grant_arts_nonprofit": ({("facebook", "answer_questions"), ("linkedin", "publish_post")},
                             set()),
    "foodbank_newsletter_fr": ({("newsletter", "newsletter_issue")}, set()),
    "zero_budget_electrician": ({("facebook", "answer_questions")}, set()),
}


@pytest.mark.parametrize("name", sorted(ROUTINE))
def test_persona_routine(name: str) -> None:
    wanted, never = ROUTINE[name]
    plan = plan_for(persona(name))
    blocks = plan["routine_blocks"]
    got = {(b["platform"], b["activity"]) for b in blocks}
    assert wanted <= got
    assert not {b["activity"] for b in blocks} & never
    assert len(plan["routine"]) == len(blocks)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_kept_channel_gets_its_minutes(name: str) -> None:
    """Each channel the plan keeps has routine blocks adding up to its recommended hours
    (within 10 %); a paused platform has none."""
    plan = plan_for(persona(name))
    if plan["focus"] is None:
        return
    for p in plan["platforms"]:
        minutes = sum(b["minutes"] for b in plan["routine_blocks"]
                      if b["platform"] == p["platform"])
        if p["verdict"] in ("focus", "keep"):
            wanted = p["recommended_hours"] * 60
            assert abs(minutes - wanted) <= 0.1 * wanted + 5, (name, p["platform"])
        elif p["verdict"] == "pause":
            assert minutes == 0, (name, p["platform"])
