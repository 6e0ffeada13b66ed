"""The Textual app: `make_app()` builds it for the CLI and for tests alike.

The app opens the bank and the workspace when it is mounted, before its first frame,
and hands them to the Navigator (coach/tui/navigator.py), which owns the screen stack
from there on: the first frame painted is the first screen to use.

The app itself keeps what holds on every screen: the run's Voice (its Context's) and
the language switch, the theme, help (F1), quit, and the palette, made of its own
entries, the screen's (`CoachView.commands`) and the navigator's.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from coach.context import Context
from coach.i18n import LANGS, Voice
from coach.tui.bindings import translate_bindings
from coach.tui.i18n import N_, _, current_lang
from coach.tui.navigator import Navigator
from coach.tui.screens.base import CoachView
from coach.tui.themes import DARK, HIGH_CONTRAST, LIGHT

if TYPE_CHECKING:
    from coach.bank.model import Bank
    from coach.store import Workspace

# The screens (and Markdown for help) are imported when first needed, after the first
# frame is on screen: `coach` must paint as fast as a bare Textual app.


def _keep_no_break_spaces() -> None:
    """French puts a no-break space before ":", "?", "!" and inside « »; the line wrapping
    of Textual's text (Rich's, and Textual's own) splits at any whitespace, that one too,
    so a line could start with a lone ":" ("laisse 1 h de côté / : rien d'autre"). Their
    word rules, with those spaces made part of the word (checked, not assumed: both are
    the libraries' own module attributes)."""
    import re

    from rich import _wrap as rich_wrap
    from textual import _wrap as textual_wrap

    keep = "\u00a0\u202f\u2007"
    word, space = rf"(?:\S|[{keep}])", rf"[^\S{keep}]"
    if isinstance(getattr(rich_wrap, "re_word", None), re.Pattern):
        rich_wrap.re_word = re.compile(rf"{space}*{word}+{space}*")
    if isinstance(getattr(textual_wrap, "re_chunk", None), re.Pattern):
        textual_wrap.re_chunk = re.compile(rf"{word}+{space}*|{space}+")


_keep_no_break_spaces()

# Each language named in its own words, as language menus do.
LANG_NAMES = {"en": "English", "fr": "Français", "fr-CA": "Français (Québec)",
              "fr-FR": "Français (France)"}
# What the palette offers: plain "fr" speaks as fr-CA, so it is not offered twice.
_OFFERED = ("en", "fr-CA", "fr-FR")


class CoachApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "coach"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", N_("Help"), id="help"),
        Binding("ctrl+q", "quit", N_("Quit"), id="quit", priority=True),
        Binding("f8", "present", N_("Present"), id="present"),
    ]

    def __init__(self, ctx: Context, *, bank: Bank | None = None,
                 workspace: Workspace | None = None, client: str | None = None,
                 present: bool = False) -> None:
        super().__init__()
        self.ctx = ctx
        # `coach --client NAME [--present]`: open on that client, maybe presenting it.
        self.start_client = client
        self.start_present = present
        self.bank = bank
        self.workspace = workspace
        # Made once the bank and the workspace are loaded; it owns the screen stack.
        self.nav: Navigator | None = None
        # Calm by default: no sliding or fading (users who want motion can set
        # TEXTUAL_ANIMATIONS; it also keeps snapshots and slow terminals steady).
        self.animation_level = "none"
        # True when --lang / COACH_LANG chose the language for this run: then the
        # language saved in the workspace does not override it.
        self.lang_locked = False
        # Set by run_app (the process's one app): see _route.
        self.freeze_gc = False
        # Not running yet: the bindings are translated with the voice itself.
        translate_bindings(self, self.voice)

    @property
    def voice(self) -> Voice:
        """The run's one language object (coach.tui.i18n speaks through it)."""
        return self.ctx.voice

    # -- start ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # The app's own screen stays empty: the first frame painted is already the first
        # screen to use (welcome, home, or the assessment to resume). A "Loading…" frame
        # before it cost a paint and a thread hand-over, a fifth of the wait.
        yield from ()

    def on_mount(self) -> None:
        from coach.tui.themes import PRESENTER

        self.register_theme(HIGH_CONTRAST)
        self.register_theme(PRESENTER)
        self.theme = DARK
        try:
            self.bank, self.workspace = self._load()
        except Exception as error:  # any failure is shown and ends the run, never a trace
            self._show_start_error(error)
            return
        self._route()

    def _load(self) -> tuple[Bank, Workspace]:
        from coach.bank.load import default_bank
        from coach.engine.rules import check_rules
        from coach.store import Workspace

        bank = self.bank or default_bank(self.ctx.bank_dir, check_rules=check_rules)
        workspace = self.workspace or Workspace.open(self.ctx.data_dir)
        return bank, workspace

    def _show_start_error(self, error: BaseException | None) -> None:
        from coach.bank.load import BankError
        from coach.errors import CoachError
        from coach.tui.screens.confirm import MessageScreen

        # A broken bank (BankError) or another problem worded below: said in the voice now.
        lines = error.said(self.voice) if isinstance(error, CoachError) else [str(error)]
        # A broken question bank is bad input (exit 2), like on the command line.
        code = 2 if isinstance(error, BankError) else 1
        self.push_screen(MessageScreen(_("coach could not start"), lines),
                         callback=lambda _r: self.exit(return_code=code))

    def _route(self) -> None:
        assert self.workspace is not None and self.bank is not None
        ws = self.workspace
        lang = ws.get_setting("lang")
        if lang in LANGS and lang != self.voice.lang and not self.lang_locked:
            self._apply_lang(lang)
        theme = ws.get_setting("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.nav = Navigator(self, ws, self.bank)
        self.nav.start(client=self.start_client, present=self.start_present)
        if self.freeze_gc:
            self.call_after_refresh(self._settle_gc)

    @staticmethod
    def _settle_gc() -> None:
        """After the first screen is painted: the bank, the store's index and that
        screen live as long as the app, so they are frozen out of the collector's full
        passes, which otherwise scan them all and stall a keystroke now and then (a pass
        measured 0.3 s while moving between platforms); then the collector, off since
        `coach` started loading the TUI (coach/cli/main.py), is on again. Only for the
        one app of a `coach` process (`freeze_gc`): frozen objects are never collected,
        so a test process making many apps does not freeze."""
        import gc

        gc.freeze()
        gc.enable()

    # -- what holds on every screen -----------------------------------------------------------
    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # A Select's open menu is Textual's own widget: its footer key ("esc Dismiss menu")
        # is said in the language now, like every coach binding.
        from textual.widgets._select import SelectOverlay  # private; tested in test_tui_voice

        if isinstance(event.widget, SelectOverlay):
            translate_bindings(event.widget)
            self.refresh_bindings()

    def action_command_palette(self) -> None:
        """Textual's palette, with its search box worded in the language now."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=_("Search for commands…"),
                                            id="--command-palette"))

    def action_help(self) -> None:
        from coach.tui.screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        topic = screen.help_topic if isinstance(screen, CoachView) else "welcome"
        self.push_screen(HelpScreen(topic, current_lang()))

    async def action_quit(self) -> None:
        # Everything is already saved; this only records where the user stopped.
        if self.nav is not None:
            self.nav.drafts.save()
        self.exit()

    def _apply_lang(self, lang: str) -> None:
        self.voice.switch(lang)
        translate_bindings(self)
        self.refresh_bindings()

    async def action_set_language(self, lang: str) -> None:
        if lang not in LANGS:
            return
        self._apply_lang(lang)
        if self.workspace is not None:
            self.workspace.set_setting("lang", lang)
        for screen in list(self.screen_stack):
            if isinstance(screen, CoachView):
                await screen.relanguage()
        self.notify(_("Language: {name}").format(name=LANG_NAMES[lang]))

    def action_set_theme(self, theme: str) -> None:
        self.theme = theme
        if self.workspace is not None:
            self.workspace.set_setting("theme", theme)

    # -- the navigator's moves, for bindings (F2, F8) and the palette ----------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "present":
            # Offered only where there is one client to present (or to stop presenting).
            return self.nav is not None and self.nav.can_present()
        return True

    def action_present(self) -> None:
        if self.nav is not None:
            self.nav.present()

    def action_clients(self) -> None:
        if self.nav is not None:
            self.nav.to_clients()

    def action_client_page(self) -> None:
        if self.nav is not None:
            self.nav.back_to_client()

    def action_discard_draft(self) -> None:
        if self.nav is not None:
            self.nav.discard_draft()

    # -- the palette ----------------------------------------------------------------------------
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette ("category: action"): language, theme and help everywhere, then
        what the screen under it offers, then the navigator's moves, then quit."""
        now = "fr-CA" if current_lang() == "fr" else current_lang()
        for other in _OFFERED:
            if other == now:
                continue
            yield SystemCommand(
                _("Language: {name}").format(name=LANG_NAMES[other]),
                _("Show coach in the other language") if other == "en" or now == "en"
                else _("French with the words of this region"),
                lambda o=other: self.run_action(f"set_language('{o}')"))
        for theme, title in ((DARK, _("Theme: dark")), (LIGHT, _("Theme: light")),
                             (HIGH_CONTRAST.name, _("Theme: high contrast"))):
            if theme != self.theme:
                yield SystemCommand(title, _("Change the colours"),
                                    lambda t=theme: self.action_set_theme(t))
        yield SystemCommand(_("Help: this screen"), _("What this screen asks, and why (F1)"),
                            self.action_help)
        if self.nav is not None:
            if isinstance(screen, CoachView):
                yield from screen.commands()
            yield from self.nav.commands(screen)
        yield SystemCommand(_("App: quit"), _("Everything is already saved"),
                            lambda: self.run_action("quit"))


def make_app(ctx: Context, *, bank: Bank | None = None, workspace: Workspace | None = None,
             client: str | None = None, present: bool = False) -> CoachApp:
    """The app for `ctx`; tests pass a bank and a workspace they opened themselves.

    `client` opens straight on that client (asking before creating it); `present`
    starts in presenter mode on it.
    """
    return CoachApp(ctx, bank=bank, workspace=workspace, client=client, present=present)


def run_app(ctx: Context, *, client: str | None = None, present: bool = False) -> int:
    import os
    import sys

    app = make_app(ctx, client=client, present=present)
    app.freeze_gc = True
    app.lang_locked = bool(os.environ.get("COACH_LANG")) or any(
        arg == "--lang" or arg.startswith("--lang=") for arg in sys.argv[1:])
    app.run()
    return app.return_code or 0
