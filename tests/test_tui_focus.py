"""Focus that tells the truth: what Enter does is what the screen shows, at 80x24,
in English and in French (issue "The faces", section 1)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button, Checkbox, DataTable, Input, SelectionList

from coach.tui.widgets.fields import ChoiceSet, RankedField
from coach.tui.widgets.footer import CoachFooter
from coach.tui.widgets.timechart import WarningLine
from tests.tui_driver import (
    all_text,
    answer_all,
    inventory,
    new_app,
    next_step,
    press,
    seed_clients,
    settle,
    step,
    welcome,
)

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def store(workspace: Path) -> Any:
    from coach.store import Workspace

    return Workspace.open(workspace)


async def open_client(pilot: Any, name: str) -> None:
    await settle(pilot)
    table = pilot.app.screen.query_one("#home-table", DataTable)
    names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
    table.focus()
    table.move_cursor(row=names.index(name))
    await press(pilot, "enter")
    assert type(pilot.app.screen).__name__ == "ClientScreen"


async def follow_up(pilot: Any) -> None:
    await open_client(pilot, "Atelier Lune")
    await press(pilot, "f")
    assert step(pilot.app) == "plan"


@pytest.mark.parametrize(("lang", "yes"), [("en", "Save"), ("fr", "Enregistrer")])
async def test_enter_on_the_focused_default_saves_and_it_is_in_the_history(
        workspace: Path, lang: str, yes: str) -> None:
    ids = seed_clients(workspace, {"Atelier Lune": "freelance_designer"}, lang=lang)
    app = new_app(workspace, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await follow_up(pilot)
        app.screen.query_one("#plan-finish", Button).press()
        await settle(pilot)
        assert type(app.screen).__name__ == "ConfirmScreen"
        # The default is the focused button, the one worded "Save", and the only one
        # styled as chosen (reverse), whatever the theme's colours.
        assert isinstance(app.focused, Button) and str(app.focused.label) == yes
        assert app.focused.styles.text_style.reverse
        other = app.screen.query_one("#no", Button)
        assert not other.styles.text_style.reverse
        await press(pilot, "enter")
        assert type(app.screen).__name__ == "ClientScreen"
    assert len(store(workspace).assessments(ids["Atelier Lune"])) == 2


async def test_a_cancelled_save_says_so(workspace: Path) -> None:
    ids = seed_clients(workspace, {"Atelier Lune": "freelance_designer"})
    app = new_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await follow_up(pilot)
        app.screen.query_one("#plan-finish", Button).press()
        await settle(pilot)
        await press(pilot, "tab")                  # to "Not now"
        assert app.focused is not None and app.focused.id == "no"
        assert app.focused.styles.text_style.reverse
        await press(pilot, "enter")
        assert step(app) == "plan"
        assert any("Not saved" in str(n.message) for n in app._notifications)
    assert len(store(workspace).assessments(ids["Atelier Lune"])) == 1


async def test_discarding_a_draft_defaults_to_keeping_it(workspace: Path) -> None:
    seed_clients(workspace, {"Atelier Lune": "freelance_designer"})
    app = new_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await follow_up(pilot)
        app.nav.discard_draft()
        await settle(pilot)
        assert type(app.screen).__name__ == "ConfirmScreen"
        assert app.focused is not None and app.focused.id == "no"


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_a_follow_up_puts_each_cursor_on_its_answer(workspace: Path, lang: str) -> None:
    # A business (not the first kind offered), as in the issue.
    seed_clients(workspace, {"Atelier Lune": "accountant_consultant_client"}, lang=lang)
    app = new_app(workspace, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await follow_up(pilot)
        seen = []
        for page in ("alt+1", "alt+3"):            # the profile, the first platform
            await press(pilot, page)
            for radios in app.screen.query(ChoiceSet):
                if radios.pressed_index >= 0 and radios.display:
                    assert radios._selected == radios.pressed_index, radios.parent.parent.id
                    seen.append(radios.pressed_index)
            for chooser in app.screen.query(SelectionList):
                selected = chooser.selected
                if selected:
                    first = chooser.get_option_at_index(chooser.highlighted).value
                    assert first in selected
        # Some answer is not the first choice: the test would see a cursor left on top.
        assert seen and any(index > 0 for index in seen)


async def test_the_next_platform_shows_its_own_answers_in_the_same_fields(
        workspace: Path) -> None:
    import copy

    seed_clients(workspace, {"Atelier Lune": "freelance_designer"})
    app = new_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await follow_up(pilot)
        draft = app.screen.session.draft
        before = copy.deepcopy(draft.platforms)
        await app.screen.go("platform", platform=draft.professional()[0])
        await settle(pilot)
        seen = []
        for _n in range(3):
            key = app.screen.session.position.platform
            assert step(app) == "platform"
            field = app.screen.query_one("#q-why")
            seen.append((key, field.query_one(Input).value))
            assert seen[-1][1] == (draft.entry(key) or {}).get("why", "")
            if _n < 2:
                await press(pilot, "ctrl+n" if _n == 0 else "ctrl+b")
        # Two platforms with two answers, shown in turn in the same field, and back.
        assert seen[0] == seen[2] and seen[0][0] != seen[1][0] and seen[0][1] != seen[1][1]
        # Moving wrote nothing into the draft; nor did going through the platform list.
        assert draft.platforms == before
        await press(pilot, "ctrl+b")
        assert step(app) == "inventory"
        await press(pilot, "ctrl+n")
        assert draft.platforms == before


async def test_enter_on_the_first_plan_row_opens_it(workspace: Path) -> None:
    seed_clients(workspace, {"Atelier Lune": "freelance_designer"})
    app = new_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await follow_up(pilot)
        platforms = app.screen.query_one("#plan-platforms")
        assert app.focused is platforms and platforms.highlighted == 0
        first = app.screen.plan["platforms"][0]["platform"]
        await press(pilot, "enter")
        assert step(app) == "platform"
        session = app.screen.session
        assert session.position.platform == session.draft.key_of(first)


async def to_time(pilot: Any, lang: str = "en") -> None:
    await welcome(pilot, lang=lang, role="freelancer", name="Lune")
    await answer_all(pilot, {"market": "b2b", "goal": "clients", "audiences": ["clients"],
                             "weekly_budget_hours": 2})
    await next_step(pilot)
    # Over the budget and spread over four platforms: two time warnings.
    await inventory(pilot, {"linkedin": (3, "professional"), "instagram": (4, "professional"),
                            "facebook": (3, "professional"), "pinterest": (2, "professional")})
    await next_step(pilot)
    await press(pilot, "alt+4")
    assert step(pilot.app) == "time"


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_tab_reaches_the_second_time_warning_at_80x24(workspace: Path, lang: str) -> None:
    app = new_app(workspace, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await to_time(pilot, lang)
        lines = list(app.screen.query(WarningLine))
        assert len(lines) >= 2
        # Below the fold at first.
        step_box = app.screen.query_one("#step-time")
        assert lines[1].region.y >= step_box.region.bottom or not lines[1].region
        for _n in range(12):
            await press(pilot, "tab")
            if app.focused is lines[1]:
                break
        assert app.focused is lines[1]
        # Scrolled into view, inside the step's area.
        shown = lines[1].region
        assert shown.y >= step_box.region.y and shown.bottom <= step_box.region.bottom
        assert lines[1].render().plain.split("\n")[0][2:12] in all_text(app)


async def test_the_platform_grid_at_80x24(workspace: Path) -> None:
    app = new_app(workspace, lang="fr")
    async with app.run_test(size=SIZE) as pilot:
        await welcome(pilot, lang="fr", role="freelancer", name="Lune")
        await answer_all(pilot, {"market": "b2b", "goal": "clients", "audiences": ["clients"],
                                 "weekly_budget_hours": 2})
        await next_step(pilot)
        assert step(app) == "inventory"
        # Labels whole (the longest French name fits), and a line naming what lies below.
        more = app.screen.query_one("#inv-more")
        assert more.display and "plus bas" in str(more.render())
        for row in app.screen.query(".inv-row"):
            box = row.query_one(Checkbox)
            assert box.content_region.width >= len(row.platform_name) + 4
        # Tab goes from box to box: no stop in an unticked row's hours.
        focused = []
        for _n in range(4):
            await press(pilot, "tab")
            focused.append(type(app.focused).__name__)
        assert "Input" not in focused
        # Ticked, the row's hours are the next stop; what is typed there stays.
        assert isinstance(app.focused, Checkbox)
        await press(pilot, "space")
        await press(pilot, "tab")
        assert isinstance(app.focused, Input) and app.focused.has_class("inv-hours")
        await press(pilot, "2")
        assert app.focused.value == "2"


async def test_choosing_in_a_ranked_list_keeps_the_cursor_on_its_row(workspace: Path) -> None:
    app = new_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await welcome(pilot, lang="en", role="freelancer", name="Lune")
        field = app.screen.query_one("#q-audiences", RankedField)
        ranked = field.query_one("RankedList")
        ranked.focus()
        await settle(pilot)
        assert ranked.highlighted == 0
        await press(pilot, "down", "down")
        chosen_row = ranked.highlighted
        picked = ranked.get_option_at_index(chosen_row).id
        await press(pilot, "space")
        # The item went to the top (chosen first); the cursor stayed on row 2.
        assert field.value == [picked]
        assert ranked.highlighted == chosen_row
        await press(pilot, "down")
        assert ranked.highlighted == chosen_row + 1


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_footer_keys_are_whole_at_80_columns(workspace: Path, lang: str) -> None:
    seed_clients(workspace, {"Atelier Lune": "freelance_designer"}, lang=lang)
    app = new_app(workspace, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screens = []
        screens.append(app.screen)
        await open_client(pilot, "Atelier Lune")
        screens.append(app.screen)
        await press(pilot, "f")
        await press(pilot, "alt+3")
        screens.append(app.screen)
        for footer in [s.query_one(CoachFooter) for s in [app.screen]]:
            keys = list(footer.query("FooterKey"))
            assert keys
            right = max(k.region.right for k in keys)
            assert right <= SIZE[0]
            for key in keys:
                assert key.region.width >= len(key.description) + len(key.key_display)
        help_word = "Help" if lang == "en" else "Aide"
        assert help_word in all_text(app).splitlines()[-1] or help_word in all_text(app)


async def test_client_table_gives_names_the_room(workspace: Path) -> None:
    long_name = "Coopérative des artisans du Bas-Saint-Laurent"
    seed_clients(workspace, {long_name: "freelance_designer"})
    app = new_app(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.screen.query_one("#home-table", DataTable)
        widths = {str(c.key.value): c.width for c in table.columns.values()}
        assert widths["name"] > widths["focus"]


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_the_plan_buttons_are_whole_at_80_columns(workspace: Path, lang: str) -> None:
    seed_clients(workspace, {"Atelier Lune": "freelance_designer"}, lang=lang)
    app = new_app(workspace, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        await follow_up(pilot)
        buttons = list(app.screen.query(".plan-actions Button"))
        assert len(buttons) >= 3
        for button in buttons:
            button.focus()
            await settle(pilot)
            # Scrolled into view and not cut: its whole label inside the screen.
            assert button.region.right <= SIZE[0]
            assert button.region.width >= len(str(button.label))
