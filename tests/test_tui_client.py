"""The client page: history and chart, past plans, follow-ups, comparisons, notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, TextArea

from tests.tui_driver import (
    all_text,
    answer,
    new_app,
    press,
    seed_clients,
    settle,
    static_text,
    step,
    widget_text,
)

CLIENTS = {"Atelier Lune": "freelance_designer", "Banque Alimentaire": "foodbank_volunteers"}


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def store(workspace: Path):
    from coach.store import Workspace

    return Workspace.open(workspace)


async def open_lune(pilot) -> None:
    await settle(pilot)
    app = pilot.app
    table = app.screen.query_one("#home-table", DataTable)
    names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
    table.focus()
    table.move_cursor(row=names.index("Atelier Lune"))
    await press(pilot, "enter")
    assert type(app.screen).__name__ == "ClientScreen"


async def test_follow_up_changes_one_answer_and_the_comparison_shows_it(workspace: Path,
                                                                       monkeypatch) -> None:
    ids = seed_clients(workspace, CLIENTS)
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_lune(pilot)
        await press(pilot, "f")
        # Prefilled from the last assessment, on the plan.
        assert type(app.screen).__name__ == "AssessmentScreen" and step(app) == "plan"
        assert app.screen.session.profile["weekly_budget_hours"] == 3
        # Enter on LinkedIn in the plan opens its questions.
        platforms = app.screen.query_one("#plan-platforms")
        platforms.focus()
        platforms.highlighted = platforms.get_option_index("linkedin")
        await press(pilot, "enter")
        assert step(app) == "platform"
        await answer(pilot, "referrals", 2)         # the one thing that changed
        await press(pilot, "alt+5")
        app.screen.query_one("#plan-finish").press()
        await settle(pilot)
        await press(pilot, "y")
        # Saved: back on the client's page, two assessments now.
        assert type(app.screen).__name__ == "ClientScreen"
        assert [r.id for r in app.screen.rows] == [1, 2]
        assert "Professional hours" in widget_text(app)
        await press(pilot, "c")
        assert type(app.screen).__name__ == "ComparisonScreen"
        c = app.screen.comparison
        # Exactly that change: LinkedIn's referrals, 0 -> 2; nothing else moved.
        assert [(r.key, r.old, r.new) for r in c.results if r.changed] == [
            ("linkedin:referrals", "0", "2")]
        assert not [t for t in c.time if t.changed]
        assert not [v for v in c.verdicts if v.changed]
        assert not c.focus_changed and not c.warnings_gone and not c.warnings_new
        results = static_text(app.screen.query_one("#compare-results"))
        assert "Referrals" in results and "+2" in results
        # Only changed rows are listed until `a` asks for all of them.
        assert "Inquiries" not in results
        await press(pilot, "a")
        assert "Inquiries" in static_text(app.screen.query_one("#compare-results"))
    ws = store(workspace)
    first, second = ws.assessments(ids["Atelier Lune"])
    assert first.answers["platforms"][0]["results_90d"]["referrals"] == 0
    assert second.answers["platforms"][0]["results_90d"]["referrals"] == 2
    assert ws.load_draft(ids["Atelier Lune"]) is None


async def test_compare_any_two_with_a_mark(workspace: Path) -> None:
    import copy

    from tests.tui_driver import persona, plan_for

    ids = seed_clients(workspace, CLIENTS)
    ws = store(workspace)
    cid = ids["Atelier Lune"]
    for budget in (4, 8):
        answers = copy.deepcopy(persona("freelance_designer"))
        answers["profile"]["name"] = "Atelier Lune"
        answers["profile"]["weekly_budget_hours"] = budget
        ws.finish_assessment(cid, answers, dict(plan_for(answers)))
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_lune(pilot)
        table = app.screen.query_one("#client-history", DataTable)
        table.move_cursor(row=0)
        await press(pilot, "m")
        table.move_cursor(row=2)
        await press(pilot, "c")
        screen = app.screen
        assert (screen.old_id, screen.new_id) == (1, 3)
        budget = next(t for t in screen.comparison.time if t.key == "budget")
        assert (budget.old, budget.new) == ("3\u00a0h", "8\u00a0h")


async def test_notes_are_saved_and_shown_in_the_report(workspace: Path) -> None:
    from coach.report import render

    ids = seed_clients(workspace, CLIENTS)
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_lune(pilot)
        await press(pilot, "enter")                 # the past plan, read only
        assert type(app.screen).__name__ == "PastPlanScreen"
        assert not app.screen.query_one(".plan-actions").display
        await press(pilot, "n")
        assert type(app.screen).__name__ == "NotesScreen"
        app.screen.query_one("#notes-text", TextArea).text = "Promised: one post a week [bold]"
        await press(pilot, "ctrl+s")
        assert type(app.screen).__name__ == "PastPlanScreen"
        assert "Promised: one post a week [bold]" in widget_text(app)
    record = store(workspace).assessments(ids["Atelier Lune"])[0]
    assert record.notes == "Promised: one post a week [bold]"
    report = render(record.plan, "md", lang="en", notes=record.notes)
    assert "Promised: one post a week" in report


async def test_report_written_from_a_past_plan_has_its_notes(workspace: Path,
                                                             tmp_path: Path) -> None:
    ids = seed_clients(workspace, CLIENTS)
    ws = store(workspace)
    ws.set_notes(ids["Atelier Lune"], 1, "Next review with the whole team")
    target = tmp_path / "lune.md"
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_lune(pilot)
        await press(pilot, "enter")
        await press(pilot, "x")
        app.screen.query_one("#prompt-input").value = str(target)
        await press(pilot, "enter")
    assert "Next review with the whole team" in target.read_text(encoding="utf-8")


async def test_follow_up_resumes_a_draft_in_progress(workspace: Path) -> None:
    ids = seed_clients(workspace, CLIENTS)
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_lune(pilot)
        await press(pilot, "f")
        await press(pilot, "alt+1")
        await answer(pilot, "weekly_budget_hours", 5)   # a change: now a draft
        await press(pilot, "alt+2")
        await press(pilot, "f2")                    # back to the client page, saved
        assert type(app.screen).__name__ == "ClientScreen"
        assert "in progress" in widget_text(app)
        await press(pilot, "f")
        assert step(app) == "inventory"
    assert store(workspace).load_draft(ids["Atelier Lune"]) is not None


async def test_looking_at_a_follow_up_leaves_no_draft(workspace: Path) -> None:
    ids = seed_clients(workspace, CLIENTS)
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_lune(pilot)
        await press(pilot, "f")
        assert step(app) == "plan"
        await press(pilot, "alt+1")                 # look around, change nothing
        await press(pilot, "f2")
        assert type(app.screen).__name__ == "ClientScreen"
        assert "in progress" not in widget_text(app)
    assert store(workspace).load_draft(ids["Atelier Lune"]) is None


async def test_discarding_a_draft_from_the_client_page(workspace: Path) -> None:
    ids = seed_clients(workspace, CLIENTS)
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_lune(pilot)
        await press(pilot, "f")
        await press(pilot, "alt+1")
        await answer(pilot, "weekly_budget_hours", 5)   # a change: now a draft
        assert store(workspace).load_draft(ids["Atelier Lune"]) is not None
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Assessment: discard the draft" in titles
        await press(pilot, "f2")
        assert "an assessment is in progress" in widget_text(app)
        await press(pilot, "d")
        assert type(app.screen).__name__ == "ConfirmScreen"
        assert "Discard the assessment in progress for Atelier Lune" in widget_text(app)
        await press(pilot, "n")                          # no: kept
        assert store(workspace).load_draft(ids["Atelier Lune"]) is not None
        await press(pilot, "d")
        await press(pilot, "y")
        assert type(app.screen).__name__ == "ClientScreen"
        assert "in progress" not in widget_text(app)
        assert "Assessment: discard the draft" not in [
            c.title for c in app.get_system_commands(app.screen)]
        # A new follow-up starts again from the last saved answers.
        await press(pilot, "f")
        assert app.screen.session.profile["weekly_budget_hours"] == 3
    assert store(workspace).load_draft(ids["Atelier Lune"]) is None


async def test_discarding_from_the_assessment_palette(workspace: Path) -> None:
    ids = seed_clients(workspace, CLIENTS)
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_lune(pilot)
        await press(pilot, "f")
        await press(pilot, "alt+1")
        await answer(pilot, "weekly_budget_hours", 5)
        app.action_discard_draft()
        await settle(pilot)
        await press(pilot, "y")
        assert type(app.screen).__name__ == "ClientScreen"
        assert app.nav.drafts.session is None
        assert "in progress" not in widget_text(app)
    assert store(workspace).load_draft(ids["Atelier Lune"]) is None


async def test_a_follow_up_says_so_in_a_line_not_a_toast(workspace: Path) -> None:
    seed_clients(workspace, CLIENTS)
    app = new_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_lune(pilot)
        await press(pilot, "f")
        assert step(app) == "plan"
        assert not app._notifications            # nothing covers the plan
        line = app.screen.query_one("#plan-follow-up")
        assert line.display
        assert "Follow-up: the last answers are filled in" in static_text(line)
        assert "Follow-up: the last answers" in all_text(app)
