"""The weekly routine: work that fits each platform and space, minutes that add up to the
hours recommended, a closing step with what the person has, a call for volunteers."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from engine_support import bank, plan_for
from hypothesis import given
from test_engine_properties import FAST, answers

from coach.answers import validate_answers
from coach.bank.load import load_bank
from coach.bank.validate import check_bank
from coach.cli.main import main
from coach.engine import check_rules
from coach.engine.routine import split_minutes
from coach.model import Plan
from coach.paths import bundled_bank_dir

PROVEN = {"inquiries": 4, "won": 1}


def one(pid: str, kind: str | None, *, goal: str = "clients", hours: float = 2,
        budget: float = 3, org: str = "freelancer", means: list[str] | None = None,
        label: str | None = None, results: dict[str, int] | None = None,
        editorial_line: bool = True) -> dict[str, Any]:
    """Answers with one proven professional platform (the focus), its space of `kind`."""
    platform: dict[str, Any] = {
        "id": pid, "reason": "professional", "why": "work", "hours_per_week": hours,
        "audiences_present": ["clients"], "know_who": True, "activities": ["converse"],
        "measures": ["inquiries"], "editorial_line": editorial_line,
        "results_90d": dict(PROVEN if results is None else results),
        "spaces": [{"kind": kind, "name": "Espace"}] if kind else []}
    if label:
        platform["label"] = label
    profile: dict[str, Any] = {"name": "T", "kind": org, "market": "b2b", "goal": goal,
                               "audiences": ["clients", "volunteers"],
                               "weekly_budget_hours": budget}
    if means is not None:
        profile["extra"] = {"contact_means": means}
    return validate_answers({"version": 1, "profile": profile, "platforms": [platform]},
                            bank())


def activities(plan: Plan, pid: str) -> list[str]:
    return [b["activity"] for b in plan["routine_blocks"] if b["platform"] == pid]


# platform, space kind -> activities the week must hold, and ones it must not
BY_SPACE: list[tuple[str, str | None, set[str], set[str]]] = [
    ("linkedin", "group", {"answer_questions", "start_thread"}, set()),
    ("facebook", "group", {"answer_questions"}, set()),
    ("forum", "forum", {"answer_questions", "start_thread"}, {"publish_post"}),
    ("reddit", "forum", {"answer_questions"}, set()),
    ("facebook", "page", {"publish_post", "comment_posts"}, {"answer_questions"}),
    ("linkedin", "profile", {"comment_posts"}, {"answer_questions", "list_comments"}),
    ("x", "list", {"list_comments"}, {"answer_questions"}),
    ("mastodon", "list", {"list_comments"}, {"answer_questions"}),
    ("youtube", "channel", {"publish_video", "reply_comments"},
     {"answer_questions", "publish_post"}),
    ("discord_slack", "channel", {"chat_conversation"}, {"publish_post"}),
    ("discord_slack", "group", {"chat_conversation"}, {"publish_post"}),
    ("whatsapp", "group", {"chat_conversation"}, {"publish_post"}),
    ("whatsapp", "channel", {"publish_post", "reply_messages"}, {"answer_questions"}),
    ("newsletter", "newsletter", {"newsletter_issue", "reply_readers"}, {"answer_questions"}),
    ("newsletter", None, {"newsletter_issue"}, {"choose_space"}),
    ("blog", "page", {"write_article"}, {"answer_questions", "comment_posts"}),
    ("tiktok", "profile", {"short_video"}, {"answer_questions"}),
    ("instagram", "profile", {"publish_post", "comment_posts"}, {"answer_questions"}),
    ("pinterest", "list", {"pin_images"}, {"answer_questions"}),
    ("other", "listing", {"listing_upkeep", "ask_reviews"}, {"publish_post"}),
    ("facebook", "live", {"live_session"}, {"answer_questions"}),
    ("tiktok", "live", {"live_session"}, set()),
    ("linkedin", None, {"choose_space", "comment_posts"}, {"answer_questions"}),
]


@pytest.mark.parametrize(("pid", "kind", "wanted", "unwanted"), BY_SPACE,
                         ids=[f"{p}-{k}" for p, k, _w, _u in BY_SPACE])
def test_each_platform_and_space_kind_has_its_own_work(pid: str, kind: str | None,
                                                       wanted: set[str],
                                                       unwanted: set[str]) -> None:
    plan = plan_for(one(pid, kind, label="Annuaire" if pid == "other" else None))
    assert plan["focus"]["platform"] == pid
    done = activities(plan, pid)
    assert wanted <= set(done), done
    assert not unwanted & set(done), done
    # The closing step and the weekly count come last, once.
    assert done[-2:] == ["follow_up", "track_results"]
    assert sum(b["minutes"] for b in plan["routine_blocks"]) == round(
        plan["platforms"][0]["recommended_hours"] * 60)


def test_no_answering_questions_in_a_list_one_reads_or_on_ones_own_profile() -> None:
    for p in bank().platforms:
        for kind in ("list", "profile"):
            if kind not in p.spaces or p.id in ("newsletter",):
                continue
            plan = plan_for(one(p.id, kind, label="Ailleurs" if p.id == "other" else None))
            assert "answer_questions" not in activities(plan, p.id), (p.id, kind)
            assert not any("Answer " in line and "question" in line
                           for line in plan["routine"]), (p.id, kind)


def test_a_video_channel_publishes_videos_at_a_pace_its_hours_allow() -> None:
    week = plan_for(one("youtube", "channel", hours=6, budget=6))
    video = next(b for b in week["routine_blocks"] if b["activity"] == "publish_video")
    assert video["minutes"] == 255   # the weekly count takes 15 minutes at most
    assert video["text"].startswith("Make and publish 1 video on the channel “Espace”")
    slow = plan_for(one("youtube", "channel", hours=2, budget=2))
    video = next(b for b in slow["routine_blocks"] if b["activity"] == "publish_video")
    assert video["minutes"] == 80
    assert "Make one video on the channel “Espace” every 3 weeks" in video["text"]
    assert "about 1 h 20 min a week" in video["text"]


def test_newsletter_sends_an_issue_and_listing_gets_upkeep() -> None:
    letter = plan_for(one("newsletter", "newsletter", hours=2, budget=2))
    assert letter["routine"][0].startswith("Send one issue in the newsletter “Espace” every "
                                           "2 weeks")
    listing = plan_for(one("other", "listing", label="Pages Jaunes", hours=0.5, budget=0.5))
    assert listing["routine"][0].startswith("Keep the listing “Espace” up to date")
    assert sum(b["minutes"] for b in listing["routine_blocks"]) == 30


# ----------------------------------------------------------------- the closing step


def test_no_site_no_invitation_to_a_site() -> None:
    plan = plan_for(one("linkedin", "group", means=[], results={"inquiries": 3}))
    text = " ".join(plan["routine"] + plan["track"]).lower()
    assert "site" not in text
    assert "ask how they would like to be reached" in text


def test_closing_step_follows_what_the_person_has() -> None:
    def closing(**kw: Any) -> str:
        plan = plan_for(one("linkedin", "group", **kw))
        return next(b["text"] for b in plan["routine_blocks"] if b["activity"] == "follow_up")

    assert "booking link" in closing(means=["booking", "site"])
    assert "phone call" in closing(means=["phone", "email"])
    assert "email address" in closing(means=["email"])
    assert "page of your site" in closing(means=["site"])
    assert "online shop" in closing(means=["shop", "booking"], org="business")
    # Unasked (answers from before the question): visits to one's site mean a site.
    assert "page of your site" in closing(results={"inquiries": 2, "site_visits": 30})
    assert "site" not in closing(results={"inquiries": 2})
    # Donations and volunteers close with their own action.
    assert "donation page" in closing(goal="donations", org="nonprofit",
                                      means=["donation_page"])
    assert "how to give" in closing(goal="donations", org="nonprofit", means=[])
    assert "sign-up form" in closing(goal="volunteers", org="nonprofit",
                                     means=["signup_form"])


def test_visits_to_a_site_are_tracked_only_for_people_with_a_site() -> None:
    none = plan_for(one("linkedin", "group", means=[], results={"inquiries": 3}))
    assert not any("Visits to your site" in t for t in none["track"])
    site = plan_for(one("linkedin", "group", means=["site"], results={"inquiries": 3}))
    assert any("Visits to your site" in t for t in site["track"])


# ----------------------------------------------------------------- volunteers


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_volunteers_goal_gets_a_call_with_a_task_and_a_date(lang: str) -> None:
    a = one("facebook", "group", goal="volunteers", org="nonprofit", means=["email"],
            results={"signups": 6}, hours=2, budget=3)
    plan = plan_for(a, lang)
    [call] = [b for b in plan["routine_blocks"] if b["activity"] == "call_for_volunteers"]
    assert call["platform"] == "facebook" and call["space"] == {"kind": "group",
                                                                  "name": "Espace"}
    # The plan is dated 2026-11-22: the first Saturday two weeks or more away.
    if lang == "en":
        assert "call for volunteers in the group “Espace”: one task" in call["text"]
        assert "December 12, 2026" in call["text"] and "your email address" in call["text"]
        assert "thank those who came, in public" in call["text"]
        assert any(t.startswith("Volunteers who came") for t in plan["track"])
    else:
        assert ("appel aux bénévoles dans le groupe «\u00a0Espace\u00a0»\u00a0: une tâche"
                in call["text"])
        assert "12 décembre 2026" in call["text"]
    assert plan["track"][0].startswith("Sign-ups" if lang == "en" else "Inscriptions")


def test_volunteers_call_on_a_list_is_posted_on_the_platform() -> None:
    plan = plan_for(one("x", "list", goal="volunteers", org="nonprofit",
                        results={"signups": 4}))
    [call] = [b for b in plan["routine_blocks"] if b["activity"] == "call_for_volunteers"]
    assert call["space"] is None and "call for volunteers on X (Twitter)" in call["text"]


def test_no_call_for_volunteers_when_the_goal_is_something_else() -> None:
    plan = plan_for(one("facebook", "group", goal="clients"))
    assert "call_for_volunteers" not in activities(plan, "facebook")


# ----------------------------------------------------------------- minutes and wording


@pytest.mark.parametrize("hours", [0.25, 0.5, 0.75, 1, 1.5, 2, 3.75, 6])
def test_minutes_add_up_to_the_hours_in_quarter_hours(hours: float) -> None:
    plan = plan_for(one("linkedin", "group", hours=hours, budget=hours))
    rec = plan["platforms"][0]["recommended_hours"]
    blocks = plan["routine_blocks"]
    assert sum(b["minutes"] for b in blocks) == round(rec * 60)
    assert all(b["minutes"] > 0 and b["sessions"] >= 1 for b in blocks)
    assert all(b["minutes"] % 5 == 0 for b in blocks)
    for b in blocks:  # the sentence says the block's own minutes
        assert re.search(r"\(about (\d+ h( \d\d min)?|\d+ min)", b["text"]), b["text"]


def test_half_an_hour_and_one_hour_read_right() -> None:
    half = plan_for(one("linkedin", "group", hours=0.5, budget=0.5))
    assert [b["activity"] for b in half["routine_blocks"]] == [
        "answer_questions", "follow_up", "track_results"]
    assert [b["minutes"] for b in half["routine_blocks"]] == [20, 5, 5]
    assert half["routine"][0] == "Answer 1 question asked in the group “Espace” (about 20 " \
                                 "min a week)."
    hour = plan_for(one("linkedin", "group", hours=1, budget=1))
    assert hour["routine"][0] == ("Answer 2 questions asked in the group “Espace” (about 30 "
                                  "min a week)."), hour["routine"]
    long = plan_for(one("linkedin", "group", hours=6, budget=6))
    assert "(about 3 h 15 min a week, in 6 sittings)" in long["routine"][0]
    fr = plan_for(one("linkedin", "group", hours=6, budget=6), "fr")
    assert "(environ 3 h 15 par semaine, en 6 fois)" in fr["routine"][0]


def test_split_minutes() -> None:
    assert split_minutes(120, [6, 2, 2, 1, 1], [True, False, False, True, True]) == \
        [60, 20, 20, 10, 10]
    assert sum(split_minutes(78, [3, 1], [True, False])) == 78
    assert split_minutes(10, [4, 3, 2, 1, 1], [True, False, False, True, True]) == \
        [5, 0, 0, 5, 0]
    assert split_minutes(0, [1, 1], [True, True]) == [0, 0]


def test_kept_channel_gets_its_own_lines_and_minutes() -> None:
    a = one("linkedin", "group", hours=2, budget=6)
    second = dict(a["platforms"][0], id="newsletter",
                  spaces=[{"kind": "newsletter", "name": "Lettre"}])
    a = validate_answers({**a, "platforms": [a["platforms"][0], second]}, bank())
    plan = plan_for(a)
    verdicts = {p["platform"]: p for p in plan["platforms"]}
    assert verdicts["newsletter"]["verdict"] == "keep"
    mine = [b for b in plan["routine_blocks"] if b["platform"] == "newsletter"]
    assert mine and mine[0]["activity"] == "newsletter_issue"
    assert sum(b["minutes"] for b in mine) == round(
        verdicts["newsletter"]["recommended_hours"] * 60)
    # The closing step and the count are said once, on the focus.
    assert [b["activity"] for b in plan["routine_blocks"]].count("track_results") == 1
    assert plan["track"][0].startswith("Inquiries, channel by channel (LinkedIn, your "
                                       "newsletter)")


@FAST
@given(answers())
def test_routine_minutes_match_the_recommended_hours(a: dict) -> None:
    """Every kept channel's blocks add up to its recommended hours (within 10 %, and in
    fact to the minute); nothing else gets minutes; each line is one block."""
    plan = plan_for(a)  # type: ignore[arg-type]
    blocks = plan["routine_blocks"]
    assert [b["text"] for b in blocks] == plan["routine"]
    assert all(b["sessions"] >= 1 and b["minutes"] >= 0 for b in blocks)
    kept = {p["platform"]: p["recommended_hours"] for p in plan["platforms"]
            if p["verdict"] in ("focus", "keep")}
    for pid, hours in kept.items():
        minutes = sum(b["minutes"] for b in blocks if b["platform"] == pid)
        assert abs(minutes - hours * 60) <= max(0.1 * hours * 60, 0.5), (pid, minutes, hours)
    assert all(b["platform"] in kept or b["platform"] is None for b in blocks)
    if plan["focus"] is not None:
        total = sum(b["minutes"] for b in blocks)
        assert abs(total - sum(kept.values()) * 60) <= 0.1 * sum(kept.values()) * 60 + 0.5


# ----------------------------------------------------------------- the data file


def copy_bank(tmp_path: Path) -> Path:
    dest = tmp_path / "bank"
    shutil.copytree(bundled_bank_dir(), dest)
    return dest


BROKEN = [
    ('{ activity = "answer_questions", share = 6 }', '{ activity = "answer_all", share = 6 }',
     "routines.toml: routine #2 (group): steps[1].activity: unknown activity 'answer_all'"),
    ('{ activity = "answer_questions", share = 6 }', '{ activity = "answer_questions", '
     'share = 0 }', "routines.toml: routine #2 (group): steps[1].share: expected a number above 0"),
    ('space = "group"', 'space = "hashtag"',
     "routines.toml: routine #2 (hashtag): space: unknown space kind 'hashtag'"),
    ('platform = "youtube"\nsteps', 'platform = "vine"\nsteps',
     "routines.toml: routine #11 (vine): platform: unknown platform 'vine'"),
    ('publish_video = { unit = 240, sitting = 120 }', 'publish_video = { unit = -4, sitting = 0 }',
     "routines.toml: activity 'publish_video': unit: -4 is not between 0 and 1440"),
    ('goals = ["volunteers"] },\n  { activity = "donation_ask", share = 1, goals = ["donations"] '
     '},\n  { activity = "referrer_talks", share = 2, goals = ["mandates", "partners"] },\n  '
     '{ activity = "reply_comments", share = 2 },\n  { activity = "follow_up"',
     'goals = ["volunteerz"] },\n  { activity = "donation_ask", share = 1, goals = '
     '["donations"] },\n  { activity = "referrer_talks", share = 2, goals = ["mandates", '
     '"partners"] },\n  { activity = "reply_comments", share = 2 },\n  { activity = '
     '"follow_up"', "unknown goal 'volunteerz'"),
]


@pytest.mark.parametrize(("old", "new", "expected"), BROKEN)
def test_check_bank_refuses_broken_routines(old: str, new: str, expected: str, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = copy_bank(tmp_path)
    path = folder / "routines.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert main(["check-bank", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    assert expected in err, err
    assert any(expected in p.said("en") for p in check_bank(folder, check_rules=check_rules))


def test_a_routines_file_without_a_default_is_refused(tmp_path: Path) -> None:
    folder = copy_bank(tmp_path)
    path = folder / "routines.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index("# The default: a profile or page on a network.")
    end = text.index("# A group of members")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    said = [p.said("en") for p in check_bank(folder, check_rules=check_rules)]
    assert "routines.toml: [[routine]]: give a default routine (one naming neither a platform "\
           "nor a space)" in said


def test_a_bank_copied_before_routines_existed_gets_the_bundled_ones(tmp_path: Path) -> None:
    folder = copy_bank(tmp_path)
    (folder / "routines.toml").unlink()
    assert check_bank(folder, check_rules=check_rules) == []
    copied = load_bank(folder, check_rules=check_rules)
    assert copied.routines == bank().routines


def test_a_consultant_can_change_the_work_of_a_place(tmp_path: Path) -> None:
    """The routine is data: a group that only holds answers gets only answers."""
    folder = copy_bank(tmp_path)
    path = folder / "routines.toml"
    text = path.read_text(encoding="utf-8")
    start = text.index('[[routine]]\nspace = "group"')
    end = text.index("# A forum board")
    path.write_text(text[:start] + '[[routine]]\nspace = "group"\nsteps = [{ activity = '
                    '"answer_questions", share = 1 }]\n\n' + text[end:], encoding="utf-8")
    from engine_support import TODAY

    from coach.engine import build_plan
    from coach.i18n import translator

    custom = load_bank(folder, check_rules=check_rules)
    plan = build_plan(one("linkedin", "group"), custom, lang="en",
                      tr=translator("en", "engine"), today=TODAY)
    assert [b["activity"] for b in plan["routine_blocks"]] == ["answer_questions"]
    # 2 h: what the proven focus takes and its routine needs; the 3 h budget leaves 1 h
    # free (issue 11: no longer the whole budget by default).
    assert plan["routine_blocks"][0]["minutes"] == 120
    assert plan["routine"] == ["Answer 8 questions asked in the group “Espace” (about 2 h a "
                               "week, in 4 sittings)."]


# ----------------------------------------------------------------- what the person said


def test_what_the_person_said_shapes_the_sentences() -> None:
    reader = one("linkedin", "group")
    reader["platforms"][0]["extra"] = {"linkedin_groups_part": "read"}
    plan = plan_for(validate_answers(reader, bank()))
    assert plan["routine"][0].startswith("You mostly read in the group “Espace”: this week, "
                                         "step in and answer")
    quiet = one("forum", "forum", label="Forum X")
    quiet["platforms"][0]["extra"] = {"questions_asked": False}
    plan = plan_for(validate_answers(quiet, bank()))
    assert "answer_questions" not in activities(plan, "forum")
    assert activities(plan, "forum")[0] == "start_thread"
    page = one("facebook", "page")
    page["platforms"][0]["extra"] = {"editorial_line_text": "Recettes de saison"}
    plan = plan_for(validate_answers(page, bank()))
    [post] = [b for b in plan["routine_blocks"] if b["activity"] == "publish_post"]
    assert "along your editorial line (“Recettes de saison”)" in post["text"]
    letter = one("newsletter", "newsletter", hours=2, budget=2)
    letter["platforms"][0]["extra"] = {"list_size": 1200}
    plan = plan_for(validate_answers(letter, bank()))
    assert "to your 1,200 subscribers" in plan["routine"][0]
