"""A draft started in one face resumes in the other: the TUI's in quick mode, and back.

Both faces are driven for real (Pilot for the TUI, questionary through a pipe for quick
mode) over one workspace, with an "Other" platform named by the user, so every question
type and the bookkeeping of a repeatable platform cross from one face to the other.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from quick_driver import BACK, CTRL_C, DOWN, ENTER, Entry, Keys, ScriptedPrompter, no, yes
from textual.widgets import Input

from coach.bank.load import default_bank
from coach.context import Context
from coach.i18n import Voice, translator
from coach.paths import bundled_bank_dir
from coach.quick.session import run_quick
from coach.store import Workspace
from tests.test_tui_flow import LUNE_PLATFORMS, LUNE_PROFILE, walk
from tests.tui_driver import BANK, answer_all, inventory, next_step, settle, step, welcome

E = Entry
OTHER_LABEL = "Forum des makers"
OTHER_ANSWERS = {"why": "Show my work to other makers", "audiences_present": ["clients"],
                 "know_who": True, "activities": ["answer_questions"], "measures": ["inquiries"],
                 "editorial_line": False,
                 "spaces": [{"kind": "forum", "name": "Section vitrines"}],
                 "inquiries": 2, "won": 1, "referrals": 1, "site_visits": 5, "sales": 1}
INVENTORY = {"linkedin": (1.5, "professional"), "facebook": (5, "personal"),
             "other:0": (2, "professional")}


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def q_(msgid: str) -> str:
    return translator("en", "quick").gettext(msgid)


async def quick(ws: Path, client: str, script: list[Entry]) -> tuple[int, ScriptedPrompter]:
    """A quick-mode run, in a thread of its own: prompt_toolkit runs its own event loop."""
    return await asyncio.to_thread(_quick, ws, client, script)


def _quick(ws: Path, client: str, script: list[Entry]) -> tuple[int, ScriptedPrompter]:
    prompter = ScriptedPrompter(script=list(script))
    try:
        code = run_quick(voice=Voice("en"), data_dir=ws, bank=default_bank(bundled_bank_dir()),
                         client=client, prompter=prompter, echo=prompter.lines.append,
                         width=90)
    finally:
        prompter.close()
    assert prompter.script == [], f"unused script entries: {prompter.script[:3]}"
    return code, prompter


def tui(ws: Path, client: str | None = None) -> Any:
    from coach.tui.app import make_app

    env = Context.make(lang="en", data_dir=ws, bank_dir=bundled_bank_dir())
    return make_app(env, bank=BANK, workspace=Workspace.open(ws), client=client)


def resume_entry(client: str) -> Entry:
    ask = q_("{client} has an assessment in progress. Resume it or start over?")
    return E(ask.format(client=client), ENTER)


NO_MEASURED = E(q_("Use measured time for these hours?"), ENTER)
NO_REPORT = E(q_("Write the plan to a report file?"), DOWN * 4 + ENTER)
NO_CALENDAR = E(q_("Add the routine to your calendar (an .ics file to import)?"), DOWN + ENTER)


async def test_quick_mode_finishes_a_tui_draft_with_an_other_platform(workspace: Path) -> None:
    app = tui(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await welcome(pilot, lang="en", role="freelancer", name="Atelier Lune")
        await walk(pilot, LUNE_PROFILE, INVENTORY,
                   {**LUNE_PLATFORMS, "other": OTHER_ANSWERS}, labels={"other:0": OTHER_LABEL})
        tui_plan = app.screen.plan
        await pilot.press("ctrl+q")
    assert tui_plan is not None

    # Every question quick mode needs was answered in the TUI: straight to the plan.
    code, p = await quick(workspace, "Atelier Lune", [resume_entry("Atelier Lune"), NO_MEASURED,
                                                       NO_REPORT, NO_CALENDAR])
    assert code == 0, "\n".join(p.lines)
    ws = Workspace.open(workspace)
    client = ws.find_client("Atelier Lune")
    [assessment] = ws.assessments(client.id)
    other = next(e for e in assessment.answers["platforms"] if e["id"] == "other")
    assert other["label"] == OTHER_LABEL and "slot" not in other
    assert other["spaces"] == OTHER_ANSWERS["spaces"]
    # The same answers, read by the other face, make the same plan.
    assert assessment.plan == tui_plan
    assert OTHER_LABEL in "\n".join(p.lines)


def quick_start(k: Keys) -> list[Entry]:
    """Quick mode from the first question to the Other platform's first questions."""
    t = k.text
    other = {"platforms": [{"id": "other", "label": OTHER_LABEL}]}
    return [
        E(t("name"), ENTER),
        E(t("kind"), k.pick("kind", "freelancer")),
        E(t("market"), k.pick("market", "b2b")),
        E(t("goal"), k.pick("goal", "clients")),
        E(t("audiences"), k.tick("audiences", ["clients", "influencers"])),
        E(t("weekly_budget_hours"), "3" + ENTER),
        E(t("time_feeling"), ENTER),
        E(t("contact_means"), ENTER),
        E(t("_platforms"), k.tick("_platforms", ["linkedin", "other"])),
        E(t("reason", "linkedin"), k.pick("reason", "professional")),
        E(t("hours_per_week", "linkedin"), "1,5" + ENTER),
        E(t("label", "other"), OTHER_LABEL + ENTER),
        E(t("reason", "other", other), k.pick("reason", "professional")),
        E(t("hours_per_week", "other", other), "2" + ENTER),
        E(t("why", "linkedin"), "Meet SME owners" + ENTER),
        E(t("audiences_present", "linkedin"), k.tick("audiences_present", ["clients"])),
        E(t("know_who", "linkedin"), yes()),
        E(t("who_named", "linkedin"), "Ana" + ENTER),
        E(t("activities", "linkedin"), k.tick("activities", ["converse"])),
        E(t("measures", "linkedin"), k.tick("measures", ["inquiries"])),
        E(t("editorial_line", "linkedin"), no()),
        E(t("spaces", "linkedin"), DOWN * (1 + k._ids("spaces", "linkedin").index("group"))
          + ENTER),
        E(q_("Its name ({kind}):").format(kind="Group"), "Entrepreneurs" + ENTER),
        E(t("spaces", "linkedin"), ENTER),
        E(t("linkedin_groups_part", "linkedin"), ENTER),
        E(t("questions_asked", "linkedin"), yes()),
        E(t("inquiries", "linkedin"), "3" + ENTER),
        E(t("won", "linkedin"), "1" + ENTER),
        E(t("referrals", "linkedin"), "0" + ENTER),
        E(t("site_visits", "linkedin"), "40" + ENTER),
        E(t("sales", "linkedin"), "1" + ENTER),
        E(t("large_result", "linkedin"), no()),
        E(t("one_result", "linkedin"), ENTER),
        E(t("if_gone", "linkedin"), ENTER),
        E(t("why", "other", other), OTHER_ANSWERS["why"] + ENTER),
        E(t("audiences_present", "other", other), CTRL_C),
    ]


async def test_a_quick_draft_resumes_in_the_tui_where_it_stopped(workspace: Path) -> None:
    k = Keys(default_bank(bundled_bank_dir()), "en")
    code, _p = await quick(workspace, "Atelier Lune", quick_start(k))
    assert code == 130

    app = tui(workspace, client="Atelier Lune")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")          # the client page: resume the assessment
        await settle(pilot)
        session = app.screen.session
        # Where quick mode stopped: the Other platform's page, on its next question.
        assert step(app) == "platform"
        assert session.draft.entry(session.position.platform)["label"] == OTHER_LABEL
        assert session.position.question == "audiences_present"
        assert app.screen.query_one("#q-why").query_one(Input).value == OTHER_ANSWERS["why"]
        assert OTHER_LABEL in str(app.screen.query_one("#step-platform .step-title").render())
        # The platform before it holds what quick mode asked, in the TUI's widgets.
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert step(app) == "platform"
        assert app.screen.query_one("#q-know_who").value == "yes"
        assert app.screen.query_one("#q-activities").value == ["converse"]
        assert app.screen.query_one("#q-spaces").value == [{"kind": "group",
                                                            "name": "Entrepreneurs"}]
        assert app.screen.query_one("#q-who_named").query_one(Input).value == "Ana"
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert step(app) == "inventory"
        other_row = app.screen.query_one("#inv-other-0")
        assert other_row.query_one(".inv-label", Input).value == OTHER_LABEL
        assert other_row.query_one(".inv-hours", Input).value == "2"
        assert app.screen.query_one("#inv-linkedin .inv-hours", Input).value == "1.5"
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert app.screen.query_one("#q-audiences").value == ["clients", "influencers"]
        # On to the plan in the TUI, answering what quick mode had not asked yet.
        await pilot.press("ctrl+n")
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        rest = {"linkedin": {}, "other": {k: v for k, v in OTHER_ANSWERS.items()
                                          if k != "why"}}
        assert await walk(pilot, LUNE_PROFILE, {}, rest)
        app.screen.query_one("#plan-finish").press()
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)

    ws = Workspace.open(workspace)
    [assessment] = ws.assessments(ws.find_client("Atelier Lune").id)
    answers = assessment.answers
    assert [e["id"] for e in answers["platforms"]] == ["linkedin", "other"]
    linkedin, other = answers["platforms"]
    assert linkedin["extra"]["who_named"] == "Ana" and linkedin["hours_per_week"] == 1.5
    assert other["label"] == OTHER_LABEL and "slot" not in other
    assert other["why"] == OTHER_ANSWERS["why"]
    assert other["results_90d"]["won"] == 1



async def test_a_tui_draft_with_gaps_resumes_in_quick_mode_asking_only_the_gaps(
        workspace: Path) -> None:
    # The TUI lets a person move on with blanks: two LinkedIn answers, three on Other.
    app = tui(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await welcome(pilot, lang="en", role="freelancer", name="Atelier Lune")
        await answer_all(pilot, LUNE_PROFILE)
        await next_step(pilot)
        await inventory(pilot, INVENTORY, {"other:0": OTHER_LABEL})
        await next_step(pilot)
        await answer_all(pilot, {"why": "Meet SME owners", "audiences_present": ["clients"]})
        await next_step(pilot)      # LinkedIn left with gaps; Facebook is personal
        await answer_all(pilot, {q: OTHER_ANSWERS[q]
                                 for q in ("why", "audiences_present", "know_who")})
        assert app.screen.session.position.question == "know_who"
        await pilot.press("ctrl+q")

    k = Keys(BANK, "en")
    named = {"platforms": [{"id": "other", "label": OTHER_LABEL}]}

    def ask(qid: str, key: str, keys: str) -> Entry:
        return E(k.text(qid, key, named if key == "other" else None), keys)

    def results(key: str) -> list[Entry]:
        return [ask(q, key, "1" + ENTER) for q in ("inquiries", "won", "referrals",
                                                    "site_visits", "sales")]

    spaces = DOWN * (1 + k._ids("spaces", "other").index("forum")) + ENTER
    script = [
        resume_entry("Atelier Lune"),
        # Where the TUI stopped, on Other: what follows its last answer, optional or not.
        ask("who_named", "other", ENTER),
        ask("activities", "other", k.tick("activities", ["answer_questions"], "other")),
        ask("measures", "other", k.tick("measures", ["inquiries"], "other")),
        ask("editorial_line", "other", no()),
        ask("spaces", "other", spaces),
        E(q_("Its name ({kind}):").format(kind="Forum board"), "Section vitrines" + ENTER),
        ask("spaces", "other", ENTER),
        *results("other"),
        ask("large_result", "other", no()),
        ask("one_result", "other", ENTER),
        ask("if_gone", "other", ENTER),
        # Then LinkedIn's required gaps (its optional questions were left on its page).
        ask("know_who", "linkedin", no()),
        ask("activities", "linkedin", BACK),                 # back, past an answer of
        ask("know_who", "linkedin", BACK),                   # a minute ago, to one
        ask("audiences_present", "linkedin", ENTER),         # given in the TUI, kept;
        ask("know_who", "linkedin", ENTER),                  # forward: the next ones
        ask("activities", "linkedin", k.tick("activities", ["converse"], "linkedin")),
        ask("measures", "linkedin", k.tick("measures", ["inquiries"], "linkedin")),
        ask("editorial_line", "linkedin", yes()),
        ask("editorial_line_text", "linkedin", "Tips" + ENTER),   # newly applies
        ask("spaces", "linkedin", ENTER),
        *results("linkedin"),
        NO_MEASURED,
        NO_REPORT, NO_CALENDAR,
    ]
    expected = [entry.expect for entry in script]
    code, p = await quick(workspace, "Atelier Lune", script)
    assert code == 0, "\n".join(p.lines)
    assert len(p.asked) == len(expected)
    assert all(want in asked for want, asked in zip(expected, p.asked, strict=True))

    ws = Workspace.open(workspace)
    [assessment] = ws.assessments(ws.find_client("Atelier Lune").id)
    linkedin, _facebook, other = assessment.answers["platforms"]
    assert linkedin["why"] == "Meet SME owners" and linkedin["audiences_present"] == ["clients"]
    assert linkedin["know_who"] is False and linkedin["editorial_line"] is True
    assert other["why"] == OTHER_ANSWERS["why"] and other["know_who"] is True
    assert other["audiences_present"] == ["clients"] and other["label"] == OTHER_LABEL
    assert other["spaces"] == OTHER_ANSWERS["spaces"]


# ------------------------------------------------ drafts stored before the one schema
def complete(answers: dict[str, Any]) -> dict[str, Any]:
    """`answers` with every question quick mode would ask given a plain answer."""
    from coach.assessment import Draft
    from coach.assessment.choices import options
    from coach.assessment.walk import Walker

    walker = Walker(BANK)
    draft = Draft(BANK, answers)
    while (gap := walker.unanswered(draft)) is not None:
        q = walker.question(gap.question)
        first = [o.id for o in options(BANK, q, draft.platform(gap.platform))][:1]
        walker.answer(draft, gap, {"number": 1, "yesno": True, "text": "x", "spaces": [],
                                   "single": (first or [None])[0], "multi": first,
                                   "ranked": first}[q.type])
    return draft.answers


def old_draft(workspace: Path, position: dict[str, Any]) -> str:
    """A client whose draft was saved with a position in one of the old formats."""
    from tests.test_tui_snapshots import LUNE

    answers = complete({**LUNE, "platforms": [
        *LUNE["platforms"], {"id": "other", "slot": 0, "label": OTHER_LABEL,
                             "reason": "professional", "hours_per_week": 2}]})
    ws = Workspace.open(workspace)
    cid = ws.create_client("Atelier Lune")
    ws.save_draft(cid, answers, position)
    return cid


async def test_an_old_tui_draft_resumes_in_quick_mode_at_its_question(
        workspace: Path) -> None:
    # The TUI's schema 1: the platform as an index (3: the Other one), skipped as indexes.
    old_draft(workspace, {"step": "platform", "platform": 3, "question": "if_gone",
                          "skipped": [0]})
    k = Keys(BANK, "en")
    named = {"platforms": [{"id": "other", "label": OTHER_LABEL}]}
    code, p = await quick(workspace, "Atelier Lune", [
        resume_entry("Atelier Lune"),
        E(k.text("if_gone", "other", named), ENTER),      # where the TUI was, for Other
        NO_MEASURED,
        NO_REPORT, NO_CALENDAR])
    assert code == 0, "\n".join(p.lines)
    ws = Workspace.open(workspace)
    [assessment] = ws.assessments(ws.find_client("Atelier Lune").id)
    assert "slot" not in assessment.answers["platforms"][3]


async def test_an_old_quick_draft_resumes_in_the_tui_at_its_question(workspace: Path) -> None:
    # Quick mode's schema 1: the next step, its platform by id, parked entries by id.
    old_draft(workspace, {"question": "measures", "platform": "other",
                          "parked": {"tiktok": {"id": "tiktok", "hours_per_week": 9}}})
    app = tui(workspace, client="Atelier Lune")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        session = app.screen.session
        assert step(app) == "platform" and session.position.platform == "other:0"
        assert session.position.question == "measures"
        assert app.screen.focused is not None
        assert app.screen.focused.query_ancestor("#q-measures") is not None
        assert session.draft.parked == {"tiktok": {"id": "tiktok", "hours_per_week": 9}}
        await pilot.press("ctrl+q")
    _answers, stored = Workspace.open(workspace).load_draft(
        Workspace.open(workspace).find_client("Atelier Lune").id)
    assert stored["schema"] == 2 and stored["platform"] == "other:0"
    assert "tiktok" in stored["parked"]
