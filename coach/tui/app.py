"""The Textual app: `make_app()` builds it for the CLI and for tests alike.

The first frame is a bare header, footer and "Loading…" line; the bank and the
workspace are opened in a worker thread after that frame, then the app routes to the
welcome (first run), the draft being resumed, or the client list.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import Worker, WorkerState

from coach.bank.model import Bank
from coach.cli.base import Env
from coach.i18n import LANGS
from coach.model import Plan
from coach.tui.bindings import translate_bindings
from coach.tui.i18n import N_, _, current_lang, set_lang
from coach.tui.themes import DARK, HIGH_CONTRAST, LIGHT

if TYPE_CHECKING:
    from coach.tui.home import HomeChoice
    from coach.tui.session import Session
    from coach.tui.welcome import WelcomeChoice

# The screens (and Markdown for help) are imported when first needed, after the first
# frame is on screen: `coach` must paint as fast as a bare Textual app.

ROLE_KINDS = {"freelancer": "freelancer", "nonprofit": "nonprofit"}
CLIENT_SETTING = "tui.client"
LANG_NAMES = {"en": "English", "fr": "Français"}


class CoachApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "coach"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", N_("Help"), id="help"),
        Binding("ctrl+q", "quit", N_("Quit"), id="quit", priority=True),
    ]

    def __init__(self, env: Env, *, bank: Bank | None = None, workspace: Any = None) -> None:
        super().__init__()
        self.env = env
        self.bank = bank
        self.workspace = workspace
        self.session: Session | None = None
        self.client_name = ""
        # Calm by default: no sliding or fading (users who want motion can set
        # TEXTUAL_ANIMATIONS; it also keeps snapshots and slow terminals steady).
        self.animation_level = "none"
        # True when --lang / COACH_LANG chose the language for this run: then the
        # language saved in the workspace does not override it.
        self.lang_locked = False
        set_lang(env.lang)
        translate_bindings(self)

    # -- start ------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(_("Loading…")), id="loading")
        yield Footer()

    def on_mount(self) -> None:
        self.register_theme(HIGH_CONTRAST)
        self.theme = DARK
        # The first frame is painted before anything heavy starts.
        self.call_after_refresh(self._start_loading)

    def _start_loading(self) -> None:
        self.run_worker(self._load, thread=True, exit_on_error=False, name="load")

    def _load(self) -> tuple[Bank, Any]:
        from coach.bank.load import default_bank
        from coach.store import Workspace

        bank = self.bank or default_bank(self.env.bank_dir)
        workspace = self.workspace or Workspace.open(self.env.data_dir, lang=current_lang())
        return bank, workspace

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "load":
            return
        if event.state == WorkerState.SUCCESS:
            self.bank, self.workspace = event.worker.result  # type: ignore[misc]
            self._route()
        elif event.state == WorkerState.ERROR:
            self._show_start_error(event.worker.error)

    def _show_start_error(self, error: BaseException | None) -> None:
        from coach.tui.confirm import MessageScreen

        lines = list(getattr(error, "problems", None) or [str(error)])
        loading = self.query_one("#loading", Static)
        loading.update(Content(_("coach could not start.")))
        from coach.bank.load import BankError

        # A broken question bank is bad input (exit 2), like on the command line.
        code = 2 if isinstance(error, BankError) else 1
        self.push_screen(MessageScreen(_("coach could not start"), lines),
                         callback=lambda _r: self.exit(return_code=code))

    def _route(self) -> None:
        from coach.tui.home import HomeScreen
        from coach.tui.welcome import WelcomeScreen

        ws = self.workspace
        lang = ws.get_setting("lang")
        if lang in LANGS and lang != current_lang() and not self.lang_locked:
            self._apply_lang(lang)
        theme = ws.get_setting("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.query_one("#loading", Static).update("")
        clients = ws.list_clients()
        role = ws.get_setting("role")
        if role is None or not clients:
            self.push_screen(WelcomeScreen(role=role), callback=self._welcomed)
        else:
            from coach.store import StoreError

            ids = {str(c["id"]) for c in clients}
            last = ws.get_setting(CLIENT_SETTING)
            try:
                draft = ws.load_draft(last) if last in ids else None
            except StoreError as exc:
                # A client file beyond repair: say so, and let the user pick another.
                ws.notices.append(str(exc))
                draft = None
            if draft is not None:
                name = ws.client(last)["name"]
                self._open(last, name, draft[0], draft[1])
            else:
                self.push_screen(HomeScreen(clients), callback=self._chosen)
        self._show_notices()

    def _show_notices(self) -> None:
        """What the store repaired (a damaged client file...), said once, in plain words."""
        found = getattr(self.workspace, "notices", None)
        notices = list(found or [])
        if found:
            found.clear()
        if notices:
            from coach.tui.confirm import MessageScreen

            self.push_screen(MessageScreen(_("Some saved data was repaired"), notices))

    # -- choosing whose assessment ----------------------------------------------------------
    def _welcomed(self, choice: WelcomeChoice | None) -> None:
        from coach.tui.welcome import WelcomeScreen

        if choice is None:
            return
        ws = self.workspace
        ws.set_setting("lang", choice.lang)
        ws.set_setting("role", choice.role)
        client_id = self._ensure_client(choice.name)
        if client_id is None:
            self.push_screen(WelcomeScreen(role=choice.role), callback=self._welcomed)
            return
        answers = self._blank(choice.name)
        if choice.role in ROLE_KINDS:
            answers["profile"]["kind"] = ROLE_KINDS[choice.role]
        self._open(client_id, choice.name, answers, {"step": "profile"})

    def _chosen(self, choice: HomeChoice | None) -> None:
        from coach.tui.home import HomeScreen

        if choice is None:
            return
        ws = self.workspace
        if choice.client_id is None:
            client_id = self._ensure_client(choice.name)
            if client_id is None:
                self.push_screen(HomeScreen(ws.list_clients()), callback=self._chosen)
                return
            self._open(client_id, choice.name, self._blank(choice.name), {"step": "profile"})
            return
        draft = ws.load_draft(choice.client_id)
        if draft is not None:
            self._open(choice.client_id, choice.name, draft[0], draft[1])
            return
        past = ws.assessments(choice.client_id)
        # Coming back months later: start from the last answers, not from nothing.
        answers = copy.deepcopy(past[-1]["answers"]) if past else self._blank(choice.name)
        answers.setdefault("profile", {})["name"] = choice.name
        self._open(choice.client_id, choice.name, answers, {"step": "profile"})

    def _ensure_client(self, name: str) -> str | None:
        from coach.store import StoreError

        try:
            client_id, _created = self.workspace.ensure_client(name)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return None
        return str(client_id)

    @staticmethod
    def _blank(name: str) -> dict[str, Any]:
        from coach.answers import blank_answers

        answers = blank_answers()
        # 0 h would look like an answer; the budget must be given, not assumed.
        answers.setdefault("profile", {}).pop("weekly_budget_hours", None)
        answers["profile"]["name"] = name
        answers.setdefault("platforms", [])
        return answers

    def _open(self, client_id: str, name: str, answers: dict[str, Any],
              position: dict[str, Any]) -> None:
        from coach.tui.assessment import AssessmentScreen
        from coach.tui.session import Position, Session

        ws = self.workspace
        ws.set_setting(CLIENT_SETTING, client_id)
        self.client_name = name
        assert self.bank is not None
        self.session = Session(self.bank, answers, Position.from_dict(position),
                               client_id=client_id, saver=self._saver(client_id))
        self.push_screen(AssessmentScreen(self.session, client_name=name,
                                          on_finish=self._finish))

    def _saver(self, client_id: str) -> Any:
        from coach.store import StoreError

        def save(answers: dict[str, Any], position: dict[str, Any]) -> None:
            try:
                self.workspace.save_draft(client_id, answers, position)
            except StoreError as exc:
                self.notify(str(exc), title=_("Not saved"), severity="error", markup=False)
            if getattr(self.workspace, "notices", None):
                self._show_notices()

        return save

    def _finish(self, session: Session, plan: Plan) -> None:
        from coach.tui.confirm import ConfirmScreen

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            from coach.store import StoreError

            try:
                self.workspace.finish_assessment(session.client_id, session.stored_answers(),
                                                 dict(plan))
            except StoreError as exc:
                self.notify(str(exc), title=_("Not saved"), severity="error", markup=False)
                return
            self.notify(_("Assessment saved for {name}.").format(name=self.client_name),
                        title=_("Saved"), markup=False)

        self.push_screen(ConfirmScreen(
            _("Save this assessment for {name}? It joins the client's history; you can "
              "still change answers afterwards.").format(name=self.client_name)),
            callback=confirmed)

    # -- actions ----------------------------------------------------------------------------
    def _topic(self) -> str:
        from coach.tui.assessment import AssessmentScreen
        from coach.tui.home import HomeScreen

        screen = self.screen
        if isinstance(screen, AssessmentScreen):
            return screen.step
        if isinstance(screen, HomeScreen):
            return "clients"
        return "welcome"

    def action_help(self) -> None:
        from coach.tui.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self._topic(), current_lang()))

    async def action_quit(self) -> None:
        # Everything is already saved; this only records where the user stopped.
        if self.session is not None:
            self.session.save()
        self.exit()

    def action_clients(self) -> None:
        """Leave this assessment (saved) for the client list."""
        from coach.tui.home import HomeScreen

        if self.session is not None:
            self.session.save()
            self.session = None
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(HomeScreen(self.workspace.list_clients()), callback=self._chosen)

    def _apply_lang(self, lang: str) -> None:
        set_lang(lang)
        translate_bindings(self)
        self.refresh_bindings()

    async def action_set_language(self, lang: str) -> None:
        if lang not in LANGS:
            return
        self._apply_lang(lang)
        if self.workspace is not None:
            self.workspace.set_setting("lang", lang)
        for screen in list(self.screen_stack):
            relanguage = getattr(screen, "relanguage", None)
            if relanguage is not None:
                await relanguage()
        self.notify(_("Language: {name}").format(name=LANG_NAMES[lang]))

    def action_set_theme(self, theme: str) -> None:
        self.theme = theme
        if self.workspace is not None:
            self.workspace.set_setting("theme", theme)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        from coach.tui.assessment import AssessmentScreen

        other = "fr" if current_lang() == "en" else "en"
        yield SystemCommand(
            # Each language is named in its own words, as language menus do.
            _("Language: {name}").format(name=LANG_NAMES[other]),
            _("Show coach in the other language"),
            lambda: self.run_action(f"set_language('{other}')"))
        for theme, title in ((DARK, _("Theme: dark")), (LIGHT, _("Theme: light")),
                             (HIGH_CONTRAST.name, _("Theme: high contrast"))):
            if theme != self.theme:
                yield SystemCommand(title, _("Change the colours"),
                                    lambda t=theme: self.action_set_theme(t))
        yield SystemCommand(_("Help: this screen"), _("What this screen asks, and why (F1)"),
                            self.action_help)
        if isinstance(screen, AssessmentScreen):
            for step, title in (("profile", _("Go to: profile")),
                                ("inventory", _("Go to: platforms")),
                                ("platform", _("Go to: why am I there?")),
                                ("time", _("Go to: time")), ("plan", _("Go to: plan"))):
                if step != screen.step:
                    yield SystemCommand(title, _("Jump to this step (answers are kept)"),
                                        lambda s=step: screen.run_action(f"go('{s}')"))
            if screen.step == "platform":
                yield SystemCommand(_("Assessment: skip this platform"),
                                    _("Leave its questions blank and go on"),
                                    lambda: screen.run_action("skip"))
        if self.workspace is not None and self.bank is not None:
            yield SystemCommand(_("Clients: open another client"),
                                _("This assessment stays saved as it is"),
                                self.action_clients)
        yield SystemCommand(_("App: quit"), _("Everything is already saved"),
                            lambda: self.run_action("quit"))


def make_app(env: Env, *, bank: Bank | None = None, workspace: Any = None) -> CoachApp:
    """The app for `env`; tests pass a bank and a workspace they opened themselves."""
    return CoachApp(env, bank=bank, workspace=workspace)


def run_app(env: Env) -> int:
    import os
    import sys

    app = make_app(env)
    app.lang_locked = bool(os.environ.get("COACH_LANG")) or any(
        arg == "--lang" or arg.startswith("--lang=") for arg in sys.argv[1:])
    app.run()
    return app.return_code or 0
