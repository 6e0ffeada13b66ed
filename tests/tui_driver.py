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
from coach.context import Context
from coach.paths import bundled_bank_dir
from coach.tui.app import CoachApp, make_app

BANK = load_bank(bundled_bank_dir())


def new_app(ws_dir: Path, lang: str = "en") -> CoachApp:
    from coach.store import Workspace

    env = Context.make(lang=lang, data_dir=ws_dir, bank_dir=bundled_bank_dir())
    return make_app(env, bank=BANK, workspace=Workspace.open(ws_dir))


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
    return app.screen.session.position.stage  # type: ignore[attr-defined]


def screen_text(app: CoachApp) -> str:
    """The plain text of every visible Static and option on the current screen."""
    from textual.widgets import OptionList, Static

    parts = []
    for widget in app.screen.query(Static):
        if all(node.display for node in widget.ancestors_with_self if hasattr(node, "display")):
            parts.append(static_text(widget))
    for widget in app.screen.query(OptionList):
        for i in range(widget.option_count):
            parts.append(rendered_text(widget.get_option_at_index(i).prompt))
    return "\n".join(parts)


PERSONAS = Path(__file__).resolve().parent / "personas"


def plan_for(answers: dict[str, Any], lang: str = "en", today: str = "2026-11-22") -> Any:
    from datetime import date

    from coach.answers import validate_answers
    from coach.engine import build_plan
    from coach.i18n import translator

    valid = validate_answers(answers, BANK, source="test")
    return build_plan(valid, BANK, lang=lang, tr=translator(lang, "engine"),
                      today=date.fromisoformat(today))


def persona(name: str) -> dict[str, Any]:
    import tomllib

    return tomllib.loads((PERSONAS / f"{name}.toml").read_text(encoding="utf-8"))


def seed_clients(ws_dir: Path, clients: dict[str, str], *, lang: str = "en") -> dict[str, str]:
    """Clients with one finished assessment each, from personas: {name: persona} -> ids."""
    import copy

    from coach.store import Workspace

    ws = Workspace.open(ws_dir)
    ws.set_setting("role", "consultant")
    ws.set_setting("lang", lang)
    ids = {}
    for name, which in clients.items():
        answers = copy.deepcopy(persona(which))
        answers["profile"]["name"] = name
        cid = ws.create_client(name)
        ws.finish_assessment(cid, answers, dict(plan_for(answers, lang)))
        ids[name] = cid
    return ids


def all_text(app: CoachApp) -> str:
    """Everything the current screen (and any toast) shows, as plain text.

    The screen is rendered to an SVG; its text spans are what a viewer would read.
    """
    import html
    import re

    svg = app.export_screenshot()
    spans = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return "".join(html.unescape(re.sub(r"<[^>]+>", "", s)) for s in spans).replace(
        "\u00a0", " ")


def widget_text(app: CoachApp) -> str:
    """The text held by every widget of the current screen, scrolled out of view or not:
    statics, options, every table cell, inputs, text areas, the header's titles."""
    from textual.widgets import DataTable, OptionList, Static, TextArea

    screen = app.screen
    parts = [str(app.title), str(app.sub_title), str(screen.title or ""),
             str(screen.sub_title or "")]
    for widget in screen.query(Static):
        parts.append(static_text(widget))
    for widget in screen.query(OptionList):
        parts += [rendered_text(widget.get_option_at_index(i).prompt)
                  for i in range(widget.option_count)]
    for table in screen.query(DataTable):
        for row in range(table.row_count):
            parts += [str(cell) for cell in table.get_row_at(row)]
    for field in screen.query(Input):
        parts += [field.value, str(field.placeholder)]
    for area in screen.query(TextArea):
        parts.append(area.text)
    return "\n".join(parts)


async def press(pilot: Pilot[Any], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type into the focused widget, key by key."""
    names = {" ": "space", "-": "minus", "/": "slash", ".": "full_stop", "_": "underscore",
             "~": "tilde"}
    await pilot.press(*[names.get(c, c) for c in text])
    await pilot.pause()


def many_clients(ws_dir: Path, n: int) -> None:
    """A workspace of `n` clients named "Client 0000", "Client 0001"...

    The client files are written directly and the store rebuilds its index from them
    when opened (its recovery path, one pass): creating them one by one through the
    store rewrites the growing index each time and takes a dozen seconds.
    """
    import json
    import os

    from coach.store import SCHEMA, Workspace
    from coach.store.names import new_client_id

    folder = ws_dir / "clients"
    folder.mkdir(parents=True, mode=0o700)
    for i in range(n):
        cid = new_client_id()
        data = {"meta": {"1": {"schema": SCHEMA, "kind": "client", "client_id": cid,
                               "name": f"Client {i:04d}", "created": "2026-11-22"}},
                "assessments": {}, "draft": {}}
        fd = os.open(folder / f"{cid}.json", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
    ws = Workspace.open(ws_dir)
    assert len(ws.list_clients()) == n, ws.notices
    ws.notices.clear()
    ws.set_setting("role", "consultant")


def static_text(widget: Any) -> str:
    """A Static's text, whether it holds a string, Content, Text or a Rich table."""
    return rendered_text(widget.content)


def rendered_text(content: Any) -> str:
    """The text of a string, Content or Rich renderable (a plan's hanging-indent grid),
    one line per row: wide enough that no sentence wraps, trailing padding dropped."""
    import io

    from rich.console import Console
    from textual.content import Content

    if isinstance(content, str | Content):
        return str(content)
    console = Console(width=1000, no_color=True, file=io.StringIO())
    with console.capture() as capture:
        console.print(content)
    return "\n".join(line.rstrip() for line in capture.get().splitlines())


def steady_cursors(app: CoachApp) -> None:
    """Stop text cursors blinking (shown steadily), so a snapshot never catches the
    blink's dark half on a loaded machine."""
    from textual.widgets import TextArea

    for screen in app.screen_stack:
        for widget in [*screen.query(Input), *screen.query(TextArea)]:
            widget.cursor_blink = False
