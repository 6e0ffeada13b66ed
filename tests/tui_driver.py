"""Drive the real TUI in tests: build the app like the CLI does, answer questions, walk.

Answers go through the widgets themselves (typing into inputs, pressing radio
buttons, selecting list items), so the same messages flow as with a keyboard.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Button, Input, RadioButton, RadioSet, Select, SelectionList

from coach.bank.load import load_bank
from coach.cli.base import Env
from coach.paths import bundled_bank_dir
from coach.tui.app import CoachApp, make_app

BANK = load_bank(bundled_bank_dir())


def new_app(ws_dir: Path, lang: str = "en") -> CoachApp:
    from coach.store import Workspace

    env = Env(lang=lang, data_dir=ws_dir, bank_dir=bundled_bank_dir(), bank_is_custom=False)
    return make_app(env, bank=BANK, workspace=Workspace.open(ws_dir, lang=lang))


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def welcome(pilot: Pilot[Any], *, lang: str, role: str, name: str) -> None:
    await settle(pilot)
    screen = pilot.app.screen
    if lang != "en":
        _press(screen.query_one("#welcome-lang", RadioSet), lang)
        await settle(pilot)
        screen = pilot.app.screen
    _press(screen.query_one("#welcome-role", RadioSet), role)
    await pilot.pause()
    screen.query_one("#welcome-name", Input).value = name
    screen.query_one("#welcome-start", Button).press()
    await settle(pilot)


def _press(radios: RadioSet, name: str) -> None:
    for button in radios.query(RadioButton):
        if button.name == name:
            button.value = True
            return
    raise AssertionError(f"no choice {name!r}")


async def answer(pilot: Pilot[Any], qid: str, value: Any) -> None:
    """Answer one question of the current page through its widget."""
    field = pilot.app.screen.query_one(f"#q-{qid}")
    assert field.display, f"question {qid} is hidden"
    kind = field.question.type
    if kind in ("number", "text"):
        field.query_one(Input).value = "" if value is None else str(value)
    elif kind in ("single", "yesno"):
        target = value if kind == "single" else ("yes" if value else "no")
        if field.query(RadioSet):
            _press(field.query_one(RadioSet), target)
        else:
            field.query_one(Select).value = target
    elif kind == "multi":
        chooser = field.query_one(SelectionList)
        chooser.deselect_all()
        for item in value:
            chooser.select(item)
    elif kind == "ranked":
        for item in list(field.value or []):
            field.toggle(item)
        for item in value:
            field.toggle(item)
    elif kind == "spaces":
        for space in value:
            field.query_one(".space-add", Button).press()
            await pilot.pause()
            row = list(field.query(".space-row"))[-1]
            row.query_one(Select).value = space["kind"]
            row.query_one(Input).value = space["name"]
    else:  # pragma: no cover
        raise AssertionError(kind)
    await pilot.pause()


async def answer_all(pilot: Pilot[Any], answers: dict[str, Any]) -> None:
    for qid, value in answers.items():
        await answer(pilot, qid, value)


async def inventory(pilot: Pilot[Any], rows: dict[str, tuple[float, str]],
                    labels: dict[str, str] | None = None) -> None:
    """Tick platforms: {row key: (hours, reason)}; row keys are ids or other:N."""
    screen = pilot.app.screen
    for key, (hours, reason) in rows.items():
        row = screen.query_one(f"#inv-{key.replace(':', '-')}")
        if labels and key in labels:
            row.query_one(".inv-label", Input).value = labels[key]
            await pilot.pause()
        row.query_one(".inv-hours", Input).value = f"{hours:g}"
        await pilot.pause()
        row.query_one(".inv-reason", Select).value = reason
        await pilot.pause()


async def next_step(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+n")
    await settle(pilot)


def step(app: CoachApp) -> str:
    return app.screen.session.position.step  # type: ignore[attr-defined]


def screen_text(app: CoachApp) -> str:
    """The plain text of every visible Static and option on the current screen."""
    from textual.widgets import OptionList, Static

    parts = []
    for widget in app.screen.query(Static):
        if all(node.display for node in widget.ancestors_with_self if hasattr(node, "display")):
            parts.append(str(widget.render()))
    for widget in app.screen.query(OptionList):
        for i in range(widget.option_count):
            parts.append(str(widget.get_option_at_index(i).prompt))
    return "\n".join(parts)
