"""Moving around, bad input, conditional questions, language, damaged files, user text."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Checkbox, DataTable, Input, Static

from tests.test_tui_snapshots import LUNE
from tests.tui_driver import (
    answer,
    answer_all,
    inventory,
    new_app,
    next_step,
    settle,
    step,
    welcome,
)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def seed(ws_dir: Path, position: dict[str, Any], *, name: str = "Atelier Lune",
         answers: dict[str, Any] | None = None) -> str:
    from coach.store import Workspace

    ws = Workspace.open(ws_dir)
    client = ws.create_client(name)
    ws.set_setting("role", "consultant")
    ws.set_setting("tui.client", client)
    draft = copy.deepcopy(answers or LUNE)
    draft["profile"]["name"] = name
    ws.save_draft(client, draft, position)
    return client


def why_line(app: Any) -> str:
    return str(app.screen.query_one("#nav-why", Static).render())


async def type_into(pilot: Any, selector: str, text: str) -> None:
    widget = pilot.app.screen.query_one(selector, Input)
    widget.focus()
    widget.value = ""
    await pilot.pause()
    await pilot.press(*[c if c != "-" else "minus" for c in text])
    await pilot.pause()


async def test_back_never_loses_an_answer(workspace: Path) -> None:
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await welcome(pilot, lang="en", role="freelancer", name="Atelier Lune")
        await answer_all(pilot, {"market": "b2c", "goal": "clients",
                                 "audiences": ["influencers", "clients"],
                                 "weekly_budget_hours": 4})
        await next_step(pilot)
        await inventory(pilot, {"instagram": (2, "professional")})
        await next_step(pilot)
        assert step(app) == "platform"
        await answer(pilot, "why", "Show my pottery")
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert step(app) == "inventory"
        row = app.screen.query_one("#inv-instagram")
        assert row.query_one(Checkbox).value is True
        assert row.query_one(".inv-hours", Input).value == "2"
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert step(app) == "profile"
        assert app.screen.query_one("#q-audiences").value == ["influencers", "clients"]
        assert app.screen.query_one("#q-weekly_budget_hours").query_one(Input).value == "4"
        # Forward again: the platform's answer is still there.
        await next_step(pilot)
        await next_step(pilot)
        assert app.screen.query_one("#q-why").query_one(Input).value == "Show my pottery"


@pytest.mark.parametrize(("typed", "message"), [
    ("abc", "Enter a number"),
    ("-3", "Enter 0 or more"),
    ("200", "At most 168"),
])
async def test_bad_hours_block_the_way_with_a_reason(workspace: Path, typed: str,
                                                     message: str) -> None:
    seed(workspace, {"step": "profile"})
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await type_into(pilot, "#q-weekly_budget_hours Input", typed)
        field = app.screen.query_one("#q-weekly_budget_hours")
        error = field.query_one(".q-error", Static)
        assert error.display and message in str(error.render())
        await next_step(pilot)
        assert step(app) == "profile"
        assert message in why_line(app)
        # The bad text never reached the draft (typing "200" stored 20 on the way).
        stored = app.screen.session.profile.get("weekly_budget_hours")
        assert stored is None or 0 <= stored <= 168
        await type_into(pilot, "#q-weekly_budget_hours Input", "2,5")
        assert not error.display
        await next_step(pilot)
        assert step(app) == "inventory"
        assert app.screen.session.profile["weekly_budget_hours"] == 2.5


async def test_bad_inventory_hours_block_the_way(workspace: Path) -> None:
    seed(workspace, {"step": "inventory"})
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await type_into(pilot, "#inv-linkedin .inv-hours", "500")
        await next_step(pilot)
        assert step(app) == "inventory"
        assert "LinkedIn" in why_line(app) and "168" in why_line(app)


async def test_conditional_question_follows_the_goal(workspace: Path) -> None:
    seed(workspace, {"step": "profile"})
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        action = app.screen.query_one("#q-awareness_action")
        assert not action.display
        await answer(pilot, "goal", "awareness")
        assert action.display
        await answer(pilot, "goal", "clients")
        assert not action.display


async def test_ranked_list_keys_reorder(workspace: Path) -> None:
    seed(workspace, {"step": "profile", "question": "audiences"})
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        field = app.screen.query_one("#q-audiences")
        assert field.value == ["clients", "influencers"]
        ranked = field.query_one("RankedList")
        ranked.focus()
        ranked.highlighted = 1          # influencers
        await pilot.press("u")
        assert field.value == ["influencers", "clients"]
        ranked.highlighted = 2          # first unchosen audience
        await pilot.press("space")
        assert len(field.value) == 3
        await pilot.pause()
        assert app.screen.session.profile["audiences"] == field.value


async def test_skip_platform_and_progress_line(workspace: Path) -> None:
    seed(workspace, {"step": "platform", "platform": 0})
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        where = str(app.screen.query_one("#where", Static).render())
        assert "LinkedIn: platform 1 of 2" in where and "question 1 of" in where
        await pilot.press("ctrl+o")
        await settle(pilot)
        where = str(app.screen.query_one("#where", Static).render())
        assert "Instagram: platform 2 of 2" in where
        assert app.screen.session.position.skipped == ["linkedin"]


async def test_edit_from_the_plan_changes_the_plan(workspace: Path) -> None:
    seed(workspace, {"step": "plan"})
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        before = app.screen.plan
        assert before["focus"]["platform"] == "linkedin"
        options = app.screen.query_one("#plan-platforms")
        options.focus()
        options.highlighted = 0
        await pilot.press("enter")
        await settle(pilot)
        assert step(app) == "platform"
        await answer(pilot, "inquiries", 0)
        await answer(pilot, "won", 0)
        await answer(pilot, "site_visits", 0)
        await answer(pilot, "sales", 0)
        await pilot.press("alt+5")
        await settle(pilot)
        assert step(app) == "plan"
        after = app.screen.plan
        linkedin = next(p for p in after["platforms"] if p["platform"] == "linkedin")
        old = next(p for p in before["platforms"] if p["platform"] == "linkedin")
        assert linkedin["score"] < old["score"]


async def test_language_switch_from_the_palette_action(workspace: Path) -> None:
    seed(workspace, {"step": "inventory"})
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Language: Français (Québec)", "Language: Français (France)"} <= set(titles)
        assert "Theme: high contrast" in titles
        assert all(": " in t for t in titles)
        await app.run_action("set_language('fr')")   # plain fr: Québec's words
        await settle(pilot)
        assert step(app) == "inventory"
        assert "Étape 2 sur 5" in str(app.screen.query_one("#where", Static).render())
        assert app.workspace.get_setting("lang") == "fr"
        app.action_set_theme("coach-high-contrast")
        assert app.theme == "coach-high-contrast"


async def test_help_opens_for_the_current_step(workspace: Path) -> None:
    seed(workspace, {"step": "time"})
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert type(app.screen).__name__ == "HelpScreen"
        assert app.screen.topic == "time"
        await pilot.press("escape")
        await settle(pilot)
        assert step(app) == "time"


async def test_user_text_is_never_markup(workspace: Path) -> None:
    name = "[bold]Lune[/] [link=http://x]\x1b]0;owned\x07"
    seed(workspace, {"step": "profile"}, name=name)
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        shown = app.screen.query_one("#q-name").query_one(Input).value
        assert "[bold]Lune[/]" in shown and "\x1b" not in shown
        assert "[bold]Lune[/]" in app.screen.sub_title


async def test_damaged_client_file_is_reported_not_a_traceback(workspace: Path) -> None:
    client = seed(workspace, {"step": "profile"})
    from coach.store import Workspace

    ws = Workspace.open(workspace)
    ws.save_draft(client, copy.deepcopy(LUNE), {"step": "inventory"})  # a backup exists now
    # The draft has its own file (autosave rewrites only it): that is the one damaged.
    (target,) = (workspace / "clients" / "draft").glob(f"{client}.json")
    target.write_text("{ not json", encoding="utf-8")
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "MessageScreen"
        text = str(app.screen.query_one("#message-text", Static).render())
        assert "Atelier Lune" in text
        await pilot.press("enter")
        await settle(pilot)
        assert step(app) in ("profile", "inventory")


def test_other_commands_do_not_import_textual(workspace: Path) -> None:
    code = ("import sys; from coach.cli.main import main; main(['platforms']); "
            "sys.exit(3 if any(m.startswith('textual') for m in sys.modules) else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent, check=False)
    assert done.returncode == 0, done.stderr


async def test_after_finishing_the_client_list_starts_from_last_answers(workspace: Path) -> None:
    seed(workspace, {"step": "plan"})
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one("#plan-finish").press()
        await settle(pilot)
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("y")
        await settle(pilot)
        assert any("Assessment saved" in n.message for n in app._notifications)
        assert type(app.screen).__name__ == "ClientScreen"   # back on the client's page

    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        table = app.screen.query_one("#home-table", DataTable)
        assert str(table.get_row_at(0)[0]) == "Atelier Lune"
        table.focus()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f")                  # a follow-up, from the last answers
        await settle(pilot)
        assert step(app) == "plan"
        assert app.screen.session.profile["audiences"] == ["clients", "influencers"]
        assert len(app.screen.session.platforms) == 3


async def test_switching_client_keeps_each_draft(workspace: Path) -> None:
    seed(workspace, {"step": "time"})
    app = new_app(workspace)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        app.action_clients()
        await settle(pilot)
        assert type(app.screen).__name__ == "HomeScreen"
        await pilot.press("n")
        await settle(pilot)
        app.screen.query_one("#prompt-input", Input).value = "Café Bleu"
        await pilot.press("enter")
        await settle(pilot)
        assert step(app) == "profile" and app.screen.session.profile["name"] == "Café Bleu"
        app.action_clients()
        await settle(pilot)
        table = app.screen.query_one("#home-table", DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        table.focus()
        table.move_cursor(row=names.index("Atelier Lune"))
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("f")                  # resumes that client's draft
        await settle(pilot)
        assert step(app) == "time"          # the first client's draft, where it was left


async def test_broken_bank_is_a_readable_message_and_exit_2(workspace: Path,
                                                            tmp_path: Path) -> None:
    from coach.context import Context
    from coach.tui.app import make_app

    bad = tmp_path / "bank"
    bad.mkdir()
    (bad / "questions.toml").write_text("this is = = not toml", encoding="utf-8")
    app = make_app(Context.make(lang="en", data_dir=workspace, bank_dir=bad, bank_is_custom=True))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "MessageScreen"
        assert "questions.toml" in str(app.screen.query_one("#message-text", Static).render())
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 2


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_screen_has_bundled_help(lang: str) -> None:
    from coach.tui.screens.help import TOPICS, help_text

    pages = {topic: help_text(topic, lang) for topic in TOPICS}
    assert all(page.startswith("# ") for page in pages.values())
    # Each topic has its own page (the fallback would repeat the welcome page).
    assert len(set(pages.values())) == len(TOPICS)


async def test_the_reason_for_not_going_on_is_readable_at_80x24(workspace: Path) -> None:
    """The first reason in full, wrapped above the buttons, and how many more."""
    import re

    from tests.tui_driver import all_text

    seed(workspace, {"step": "profile"})
    app = new_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_into(pilot, "#q-weekly_budget_hours Input", "abc")
        problems = app.screen.current_problems()
        await next_step(pilot)
        assert step(app) == "profile"
        shown = " ".join(all_text(app).split())
        first = " ".join(problems[0].split())
        assert len("Cannot go on: " + first) > 60       # too long for the old row
        assert re.sub(r"\s", "", "Cannot go on: " + first) in re.sub(r"\s", "", shown)
        if len(problems) > 1:
            assert f"(+{len(problems) - 1} more)" in shown
        await type_into(pilot, "#q-weekly_budget_hours Input", "2")
        assert not app.screen.query_one("#nav-why").display


async def test_a_single_reason_is_not_repeated_in_a_toast(workspace: Path) -> None:
    """At 80x24 a toast covers the reason's line: with one reason, no toast."""
    seed(workspace, {"step": "profile"})
    app = new_app(workspace)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await type_into(pilot, "#q-weekly_budget_hours Input", "abc")
        assert len(app.screen.current_problems()) == 1
        await next_step(pilot)
        assert "Cannot go on:" in why_line(app)
        assert not app._notifications
