"""The library internals coach depends on, checked so a new release fails here, loudly.

Two places reach below a library's public API, because the library offers no other way:

- `coach/cli/click_i18n.py` replaces the module-level gettext names (`_`, `ngettext`)
  in Click's modules, so Click's own messages ("Usage:", "Missing argument") speak the
  run's language without touching the process-wide gettext domain.
- `coach/tui/bindings.py` rewrites each node's private copy of its key bindings
  (`DOMNode._bindings.key_to_bindings`), so the Footer and key panel follow a language
  switch while the app runs.

Both dependencies are bounded below the next major in pyproject.toml; these tests are
what tells us, with the reason, when a minor release changes them anyway.
"""

from __future__ import annotations

import dataclasses
import importlib
from importlib.metadata import version
from pathlib import Path
from typing import ClassVar

import click
import pytest
from babel.messages.extract import extract_from_dir
from click.testing import CliRunner

from coach.cli import click_i18n

# Messages Click translates by variable, not by literal, so no extractor finds them:
# where Click passes them to `_`, checked by rendering instead (see below).
CLICK_DYNAMIC = {"required": "core.py: `_(extra['required'])` in Option help"}


def _click_changed(what: str) -> str:
    return (f"Click {version('click')} changed what coach/cli/click_i18n.py relies on: {what}. "
            "Click's messages would silently stay in English; update click_i18n.py (and the "
            "cli catalog: python -m coach.i18n_catalogs).")


def _click_messages() -> dict[str | tuple[str, str], set[str]]:
    """Every literal Click passes to `_` or `ngettext`, with the modules that do."""
    folder = Path(click.__file__).parent
    found: dict[str | tuple[str, str], set[str]] = {}
    for filename, _line, message, _comments, _context in extract_from_dir(
            str(folder), method_map=[("**.py", "python")],
            keywords={"_": None, "ngettext": (1, 2)}):
        key = message if isinstance(message, str) else tuple(message[:2])
        module = "click." + filename.removesuffix(".py").replace("/", ".")
        found.setdefault(key, set()).add(module)
    return found


def test_click_still_says_the_messages_we_translate() -> None:
    found = _click_messages()
    patched = set(click_i18n._CLICK_MODULES)
    for message in (*click_i18n.MESSAGES, *click_i18n.PLURALS):
        if message in CLICK_DYNAMIC:
            continue
        assert message in found, _click_changed(f"it no longer says {message!r}")
        assert found[message] <= patched, _click_changed(
            f"{message!r} is now said in {sorted(found[message] - patched)}, which "
            "click_i18n does not patch")


def test_click_looks_up_gettext_names_in_its_modules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Click must call `_`/`ngettext` through each module's globals at call time (what
    `from gettext import gettext as _` gives): replacing the name must change the message."""
    for name in click_i18n._CLICK_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            pytest.fail(_click_changed(f"module {name} is gone"))
        assert callable(getattr(module, "_", None)), _click_changed(f"{name} has no `_`")
        monkeypatch.setattr(module, "_", lambda m: f"<<{m}>>")
        if hasattr(module, "ngettext"):
            monkeypatch.setattr(module, "ngettext",
                                lambda s, p, n: f"<<{s if n == 1 else p}>>")

    @click.command()
    @click.argument("name")
    @click.option("--count", type=int, required=True, help="How many.")
    def tool(name: str, count: int) -> None:
        """A command."""

    runner = CliRunner()
    shown = runner.invoke(tool, ["--help"]).output
    for message in ("Usage:", "Options", "Show this message and exit.", *CLICK_DYNAMIC):
        assert f"<<{message}>>" in shown, _click_changed(
            f"--help no longer sends {message!r} through the patched `_`:\n{shown}")
    missing = runner.invoke(tool, ["--count", "1"]).output
    assert "<<Missing argument>>" in missing, _click_changed(
        f"'Missing argument' no longer goes through the patched `_`:\n{missing}")
    extra = runner.invoke(tool, ["a", "b", "c", "--count", "1"]).output
    assert "<<Got unexpected extra arguments (b c)>>" in extra, _click_changed(
        f"extra arguments are no longer reported through the patched `ngettext`:\n{extra}")
    bad = runner.invoke(tool, ["a", "--count", "x"]).output
    assert "<<'x' is not a valid integer.>>" in bad, _click_changed(
        f"a bad number is no longer reported through the patched `_`:\n{bad}")


def _textual_changed(what: str) -> str:
    return (f"Textual {version('textual')} changed what coach/tui/bindings.py relies on: "
            f"{what}. Key descriptions in the Footer and key panel would stop following the "
            "language; update translate_bindings.")


async def test_textual_bindings_table_is_per_node_and_shown() -> None:
    """What translate_bindings does, on a bare Textual app: a node's `_bindings` is a
    BindingsMap whose `key_to_bindings` maps each key to a list of Binding dataclasses,
    copied per node, and what we put there is what the Footer shows."""
    from textual.app import App, ComposeResult
    from textual.binding import Binding, BindingsMap, BindingType
    from textual.screen import Screen
    from textual.widgets import Footer

    class Words(Screen[None]):
        BINDINGS: ClassVar[list[BindingType]] = [Binding("x", "nothing", "English words")]

        def compose(self) -> ComposeResult:
            yield Footer()

        def action_nothing(self) -> None:
            pass

    class Bare(App[None]):
        def on_mount(self) -> None:
            self.push_screen(Words())

    app = Bare()
    async with app.run_test(size=(60, 6)) as pilot:
        await pilot.pause()
        screen = app.screen
        table = getattr(getattr(screen, "_bindings", None), "key_to_bindings", None)
        assert isinstance(screen._bindings, BindingsMap), _textual_changed(
            "DOMNode._bindings is no longer a BindingsMap")
        assert isinstance(table, dict) and isinstance(table.get("x"), list), _textual_changed(
            "BindingsMap.key_to_bindings is no longer a dict of key -> list of Binding")
        [binding] = table["x"]
        assert dataclasses.is_dataclass(binding) and binding.description == "English words", \
            _textual_changed("a Binding is no longer a dataclass with a description")
        assert Words()._bindings.key_to_bindings is not table, _textual_changed(
            "nodes share one bindings table (translating one would translate all)")

        table["x"] = [dataclasses.replace(binding, description="Mots en français")]
        screen.refresh_bindings()
        await pilot.pause()
        active = screen.active_bindings.get("x")
        assert active is not None and active.binding.description == "Mots en français", \
            _textual_changed("active_bindings no longer reads the node's _bindings")
        footer = screen.query_one(Footer)
        shown = " ".join(str(w.render()) for w in footer.query("*"))
        assert "Mots en français" in shown and "English words" not in shown, \
            _textual_changed(f"the Footer no longer shows the node's bindings ({shown!r})")
        assert Words.BINDINGS[0].description == "English words"  # the class keeps the msgid
