"""One voice in the TUI: the app speaks through its Context's Voice, and nothing else.

The palette's language switch changes that one object (so anything made from it, a
CLI speaker included, follows); TUI text asked for with no app running is an error,
not English by default; what Textual keeps private and coach relies on is checked
here, so an upgrade that changes it fails with a message saying so.
"""

from __future__ import annotations

import ast
import builtins
import errno
import os
from pathlib import Path
from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static

from coach.context import Context
from coach.paths import bundled_bank_dir
from tests.tui_driver import BANK, new_app, press, seed_clients, settle, widget_text

TUI = Path(__file__).resolve().parent.parent / "coach" / "tui"


async def test_textual_keeps_the_running_app_where_coach_tui_i18n_reads_it() -> None:
    """coach.tui.i18n finds the app's Voice through `textual._context.active_app`
    (private). If this fails after a Textual upgrade, find where Textual now keeps the
    running app and change `coach.tui.i18n.voice` to read it there."""
    from contextvars import ContextVar

    from textual import _context

    assert isinstance(getattr(_context, "active_app", None), ContextVar), \
        "textual._context.active_app is gone: coach.tui.i18n.voice() must find the app elsewhere"
    seen: dict[str, object] = {}

    class Probe(App[None]):
        def compose(self) -> ComposeResult:
            seen["compose"] = _context.active_app.get()
            yield Static("probe")

        def on_mount(self) -> None:
            seen["mount"] = _context.active_app.get()

    app = Probe()
    async with app.run_test() as pilot:
        await pilot.pause()
        seen["test body"] = _context.active_app.get()
    assert seen == {"compose": app, "mount": app, "test body": app}


def test_tui_text_with_no_app_running_is_an_error_not_english() -> None:
    from coach.tui.i18n import NoVoice, _, current_lang, fmt_num, ngettext, say

    for call in (lambda: _("Next"), current_lang, lambda: fmt_num(1.5),
                 lambda: ngettext("{n} client", "{n} clients", 2), lambda: say("x")):
        with pytest.raises(NoVoice, match="no app running"):
            call()


async def test_tui_text_in_an_app_that_is_not_coach_is_an_error() -> None:
    from coach.tui.i18n import NoVoice, _

    async with App[None]().run_test():
        with pytest.raises(NoVoice, match="not coach's"):
            _("Next")


async def test_the_palette_switches_the_runs_one_voice(workspace: Path) -> None:
    """The Voice the CLI made is the one the app speaks with and the one it switches:
    a CLI speaker made from it before the app ran speaks French afterwards."""
    from coach.i18n import translator
    from coach.store import Workspace
    from coach.tui.app import make_app
    from coach.tui.i18n import _, current_lang

    seed_clients(workspace, {"Atelier Lune": "freelance_designer"})
    ctx = Context.make(lang="en", data_dir=workspace, bank_dir=bundled_bank_dir())
    cli_speaker = ctx.voice.speaker("cli")
    app = make_app(ctx, bank=BANK, workspace=Workspace.open(workspace))
    assert app.voice is ctx.voice
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert current_lang() == "en" and _("Help") == "Help"
        await app.run_action("set_language('fr')")
        await settle(pilot)
        assert ctx.voice.lang == "fr" and current_lang() == "fr"
        assert _("Help") == translator("fr", "tui").gettext("Help") != "Help"
        assert app.workspace is not None and app.workspace.get_setting("lang") == "fr"
    assert cli_speaker.gettext("Stopped.") == translator("fr", "cli").gettext("Stopped.")
    assert cli_speaker.gettext("Stopped.") != "Stopped."


def _module_level_state(tree: ast.Module) -> list[str]:
    """Top-level names bound to a Voice, and `global` statements (state set from below)."""
    found = []
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Call):
            func = node.value.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name in ("Voice", "Speaker"):
                found.append(f"line {node.lineno}: a module-level {name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found.append(f"line {node.lineno}: global {', '.join(node.names)}")
    return found


def test_no_language_state_in_the_tui() -> None:
    problems = []
    for path in sorted(TUI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        problems += [f"{path.relative_to(TUI)}: {p}" for p in _module_level_state(tree)]
    assert not problems
    import coach.tui.i18n

    assert not hasattr(coach.tui.i18n, "set_lang")


def _refuse_writes_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every way of creating or naming a file inside `folder` fails with EACCES, as in
    a folder without write permission (chmod alone does not stop root, nor Windows)."""
    folder = folder.resolve()

    def inside(target: object) -> bool:
        if isinstance(target, int):
            return False
        try:
            return Path(os.fsdecode(target)).resolve().parent == folder  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False

    def refused(target: object) -> OSError:
        return PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(target))  # type: ignore[arg-type]

    real_open, real_os_open = builtins.open, os.open

    def guarded_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if inside(file) and any(c in mode for c in "wax+"):
            raise refused(file)
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if inside(path) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise refused(path)
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    for name in ("link", "replace", "rename"):
        real = getattr(os, name)

        def guarded(src: Any, dst: Any, *args: Any, _real: Any = real, **kwargs: Any) -> None:
            if inside(dst):
                raise refused(dst)
            _real(src, dst, *args, **kwargs)

        monkeypatch.setattr(os, name, guarded)


async def test_a_failed_report_write_explains_itself_in_the_language_switched_to(
        workspace: Path, tmp_path: Path) -> None:
    from coach.i18n import translator

    seed_clients(workspace, {"Atelier Lune": "freelance_designer"})
    refusing = tmp_path / "refusing"
    refusing.mkdir()
    app = new_app(workspace, "en")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        app.screen.query_one("#home-table", DataTable).focus()
        await press(pilot, "enter")              # the client page
        await press(pilot, "enter")              # the past plan
        assert type(app.screen).__name__ == "PastPlanScreen"
        await app.run_action("set_language('fr')")
        await settle(pilot)
        await press(pilot, "x")
        app.screen.query_one("#prompt-input").value = str(refusing / "lune.html")
        with pytest.MonkeyPatch.context() as refuse:
            _refuse_writes_in(refusing, refuse)
            await press(pilot, "enter")
        assert type(app.screen).__name__ == "MessageScreen"
        shown = widget_text(app)
    assert not (refusing / "lune.html").exists()
    fr_tui, fr_files = translator("fr", "tui"), translator("fr", "files")
    assert fr_tui.gettext("Not written") in shown
    assert "lune.html" in shown
    # The reason, in French, and nothing of the English wording.
    assert fr_files.gettext("permission denied") in shown
    assert "permission denied" not in shown and "could not write" not in shown


async def test_the_palette_search_box_speaks_the_language_now(workspace: Path) -> None:
    """Textual words the palette's search box in English: coach's says it in French in a
    French app, and in English again after switching."""
    from textual.command import CommandInput

    seed_clients(workspace, {"Atelier Lune": "freelance_designer"})
    app = new_app(workspace, "en")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await app.run_action("set_language('fr')")
        await settle(pilot)
        await press(pilot, "ctrl+p")
        assert app.screen.query_one(CommandInput).placeholder == "Chercher une commande…"
        await press(pilot, "escape")
        await app.run_action("set_language('en')")
        await settle(pilot)
        await press(pilot, "ctrl+p")
        assert app.screen.query_one(CommandInput).placeholder == "Search for commands…"


async def test_an_open_select_menu_says_its_key_in_the_language_now(workspace: Path) -> None:
    """Textual's Select menu declares "esc Dismiss menu" itself: a French app says it in
    French (textual.widgets._select.SelectOverlay is private: this fails if it moves)."""
    from textual.screen import Screen
    from textual.widgets import Footer, Select
    from textual.widgets._footer import FooterKey
    from textual.widgets._select import SelectOverlay

    class Menu(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Select([("Alpha", "a"), ("Beta", "b")], id="menu")
            yield Footer()

    seed_clients(workspace, {"Atelier Lune": "freelance_designer"})
    app = new_app(workspace, "en")
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await app.run_action("set_language('fr')")
        await app.push_screen(Menu())
        await settle(pilot)
        app.screen.query_one("#menu", Select).focus()
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.focused, SelectOverlay)
        keys = [key.description for key in app.screen.query(FooterKey)]
        assert "Fermer le menu" in keys and "Dismiss menu" not in keys, keys
