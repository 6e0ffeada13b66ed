"""The Textual app: `make_app()` builds it for the CLI and for tests alike.

The first frame is a bare header, footer and "Loading…" line; the bank and the
workspace are opened in a worker thread after that frame, then the app routes to the
welcome (first run), the draft being resumed, or the client list.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static
from textual.worker import Worker, WorkerState

from coach.bank.model import Bank
from coach.context import Context
from coach.i18n import LANGS
from coach.model import Plan
from coach.textsafe import clean
from coach.tui.bindings import translate_bindings
from coach.tui.i18n import N_, _, current_lang, say, set_lang
from coach.tui.themes import DARK, HIGH_CONTRAST, LIGHT

if TYPE_CHECKING:
    from coach.store import Workspace
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
        Binding("f8", "present", N_("Present"), id="present"),
    ]

    def __init__(self, env: Context, *, bank: Bank | None = None,
                 workspace: Workspace | None = None, client: str | None = None,
                 present: bool = False) -> None:
        super().__init__()
        # `coach --client NAME [--present]`: open on that client, maybe presenting it.
        self.start_client = client
        self.start_present = present
        # The id of the client being presented, or None: while set, no other client's
        # name may reach the screen (no client list, no palette entry naming one).
        self.presenting: str | None = None
        self._theme_before = DARK
        self.env = env
        self.bank = bank
        # Opened in the loading worker (None until then), unless a test passed one.
        self.workspace: Workspace | None = workspace
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
        from coach.tui.themes import PRESENTER

        self.register_theme(HIGH_CONTRAST)
        self.register_theme(PRESENTER)
        self.theme = DARK
        # The first frame is painted before anything heavy starts.
        self.call_after_refresh(self._start_loading)

    def _start_loading(self) -> None:
        self.run_worker(self._load, thread=True, exit_on_error=False, name="load")

    def _load(self) -> tuple[Bank, Workspace]:
        from coach.bank.load import default_bank
        from coach.store import Workspace

        bank = self.bank or default_bank(self.env.bank_dir)
        workspace = self.workspace or Workspace.open(self.env.data_dir)
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
        from coach.errors import CoachError
        from coach.tui.confirm import MessageScreen

        if isinstance(error, CoachError):  # the store's, said in the language now
            lines = error.said(current_lang())
        else:
            lines = list(getattr(error, "problems", None) or [str(error)])
        loading = self.query_one("#loading", Static)
        loading.update(Content(_("coach could not start.")))
        from coach.bank.load import BankError

        # A broken question bank is bad input (exit 2), like on the command line.
        code = 2 if isinstance(error, BankError) else 1
        self.push_screen(MessageScreen(_("coach could not start"), lines),
                         callback=lambda _r: self.exit(return_code=code))

    def _route(self) -> None:
        from coach.tui.welcome import WelcomeScreen

        ws = self.workspace
        lang = ws.get_setting("lang")
        if lang in LANGS and lang != current_lang() and not self.lang_locked:
            self._apply_lang(lang)
        theme = ws.get_setting("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.query_one("#loading", Static).update("")
        if self.start_client is not None:
            self._start_on_client(self.start_client)
            return
        clients = ws.list_clients()
        role = ws.get_setting("role")
        # Clients made on the command line (`coach plan --client`) are enough for Home.
        if not clients:
            self.push_screen(WelcomeScreen(role=role), callback=self._welcomed)
        else:
            from coach.store import StoreError

            ids = {c.id for c in clients}
            last = ws.get_setting(CLIENT_SETTING)
            try:
                draft = ws.load_draft(last) if last in ids else None
            except StoreError as exc:
                # A client file beyond repair: say so, and let the user pick another.
                ws.notices.extend(exc.lines)
                draft = None
            if draft is not None:
                # Back where the user stopped; the client and the list are beneath it.
                self.open_client(last)
                self._open(last, ws.client(last).name, draft.answers, draft.position)
            else:
                self.action_clients()
        self._show_notices()

    def _start_on_client(self, name: str) -> None:
        """`coach --client NAME [--present]`: straight to that client (created if agreed)."""
        from coach.tui.confirm import ConfirmScreen

        ws = self.workspace
        found = ws.find_client(name)
        if found is not None:
            self._enter_client(found.id)
            return
        shown = clean(name, single_line=True)

        def answered(yes: bool | None) -> None:
            if not yes:
                self.exit()  # the user chose not to: nothing failed
                return
            client_id = self._ensure_client(shown)
            if client_id is None:
                self.exit(return_code=1)
                return
            if ws.get_setting("role") is None:
                ws.set_setting("role", "consultant")
            self._enter_client(client_id, start=True)

        self.push_screen(ConfirmScreen(
            _("There is no client named {name} yet. Create it and start its first "
              "assessment?").format(name=shown), yes=_("Create"), no=_("Quit")),
            callback=answered)

    def _enter_client(self, client_id: str, *, start: bool = False) -> None:
        if self.start_present:
            self._begin_presenting(client_id)
        self.open_client(client_id, start=start)
        self._show_notices()

    def _show_notices(self) -> None:
        """What the store repaired (a damaged client file...), said once, in plain words.

        While presenting they wait: they may name other clients.
        """
        if self.presenting:
            return
        if self.workspace is None:
            return
        notices = [say(n) for n in self.workspace.notices]
        self.workspace.notices.clear()
        if notices:
            self.show_message(_("Some saved data was repaired"), notices)

    def show_message(self, title: str, lines: list[str]) -> None:
        from coach.tui.confirm import MessageScreen

        self.push_screen(MessageScreen(title, [clean(line) for line in lines]))

    # -- looking things up in the bank --------------------------------------------------------
    def platform_names(self) -> dict[str, str]:
        """Platform id -> its name in the current language."""
        if self.bank is None:
            return {}
        lang = current_lang()
        return {p.id: clean(p.name.get(lang), single_line=True) for p in self.bank.platforms}

    def space_kind_names(self) -> dict[str, str]:
        if self.bank is None:
            return {}
        return {t.id: t.name.get(current_lang()) for t in self.bank.terms("space_kinds")}

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
        self.open_client(client_id)
        self._open(client_id, choice.name, answers, {"step": "profile"})

    def _pop_to(self, keep: Any) -> None:
        """Pop screens until `keep(screen)` holds for the top one, or only the base is left."""
        while len(self.screen_stack) > 1 and not keep(self.screen):
            self.pop_screen()

    def open_client(self, client_id: str, *, start: bool = False) -> None:
        """Show a client's page, above the client list (none while presenting)."""
        from coach.tui.client import ClientScreen
        from coach.tui.home import HomeScreen

        if self.presenting and client_id != self.presenting:
            return  # presenting one client: no other is ever shown
        if self.session is not None:
            self.session.save()
            self.session = None
        self._pop_to(lambda s: isinstance(s, HomeScreen))
        if not self.presenting and not isinstance(self.screen, HomeScreen):
            self.push_screen(HomeScreen())
        self.workspace.set_setting(CLIENT_SETTING, client_id)
        self.push_screen(ClientScreen(client_id))
        if start:
            self.start_assessment(client_id)

    def start_assessment(self, client_id: str) -> None:
        """Resume the draft, or start a follow-up from the last answers, or a first one."""
        ws = self.workspace
        name = ws.client(client_id).name
        draft = ws.load_draft(client_id)
        if draft is not None:
            self._open(client_id, name, draft.answers, draft.position)
            return
        past = ws.assessments(client_id)
        if not past:
            self._open(client_id, name, self._blank(name), {"step": "profile"})
            return
        # Coming back months later: start from the last answers, not from nothing, and
        # on the plan, where each platform's answers are one Enter away.
        answers = copy.deepcopy(past[-1].answers)
        answers.setdefault("profile", {})["name"] = name
        self._open(client_id, name, answers, {"step": "plan"}, follow_up=True)

    def _draft_client(self) -> str | None:
        """The client whose draft 'discard' would drop: the open assessment's, or the
        client page's when that client has a draft in the store."""
        from coach.tui.client import ClientScreen

        if self.session is not None and self.session.client_id:
            return self.session.client_id
        screen = self.screen
        if isinstance(screen, ClientScreen) and screen.has_draft:
            return screen.client_id
        return None

    def action_discard_draft(self) -> None:
        """Drop the assessment in progress (after a yes), back to the client's page."""
        from coach.tui.confirm import ConfirmScreen

        client_id = self._draft_client()
        if client_id is None:
            self.notify(_("No assessment in progress."), severity="warning")
            return
        name = clean(self.workspace.client(client_id).name, single_line=True)

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            from coach.store import StoreError

            try:
                self.workspace.discard_draft(client_id)
            except StoreError as exc:
                self.notify(say(exc), title=_("Not discarded"), severity="error", markup=False)
                return
            # Nothing left to save on the way out: the answers go with the draft.
            self.session = None
            self.workspace.set_setting(CLIENT_SETTING, client_id)
            self.back_to_client()
            self.notify(_("Draft discarded."), markup=False)

        self.push_screen(ConfirmScreen(
            _("Discard the assessment in progress for {name}? Its answers are lost; the "
              "saved assessments stay as they are.").format(name=name),
            yes=_("Discard"), no=_("Keep it")), callback=confirmed)

    def back_to_client(self) -> None:
        """Leave the assessment (saved) for its client's page."""
        from coach.tui.client import ClientScreen

        client_id = self.session.client_id if self.session else self.workspace.get_setting(
            CLIENT_SETTING)
        if self.session is not None:
            self.session.save()
            self.session = None
        self._pop_to(lambda s: isinstance(s, ClientScreen) and s.client_id == client_id)
        if isinstance(self.screen, ClientScreen):
            self.screen.reload()
        elif client_id:
            self.open_client(str(client_id))

    def _ensure_client(self, name: str) -> str | None:
        from coach.store import StoreError

        try:
            client_id, _created = self.workspace.ensure_client(name)
        except StoreError as exc:
            self.notify(say(exc), severity="error", markup=False)
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
              position: dict[str, Any], *, follow_up: bool = False) -> None:
        from coach.tui.assessment import AssessmentScreen
        from coach.tui.session import Position, Session

        ws = self.workspace
        ws.set_setting(CLIENT_SETTING, client_id)
        self.client_name = name
        assert self.bank is not None
        self.session = Session(self.bank, answers, Position.from_dict(position),
                               client_id=client_id, saver=self._saver(client_id),
                               lazy=follow_up)
        self.push_screen(AssessmentScreen(self.session, client_name=name,
                                          on_finish=self._finish, follow_up=follow_up))

    def _saver(self, client_id: str) -> Any:
        from coach.store import StoreError

        def save(answers: dict[str, Any], position: dict[str, Any]) -> None:
            try:
                self.workspace.save_draft(client_id, answers, position)
            except StoreError as exc:
                self.notify(say(exc), title=_("Not saved"), severity="error", markup=False)
            if self.workspace.notices:
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
                self.notify(say(exc), title=_("Not saved"), severity="error", markup=False)
                return
            self.notify(_("Assessment saved for {name}.").format(name=self.client_name),
                        title=_("Saved"), markup=False)
            # The draft became an assessment: nothing to save on the way out.
            self.session = None
            self.back_to_client()

        self.push_screen(ConfirmScreen(
            _("Save this assessment for {name}? It joins the client's history; you can "
              "still change answers afterwards.").format(name=self.client_name)),
            callback=confirmed)

    # -- actions ----------------------------------------------------------------------------
    def _topic(self) -> str:
        from coach.tui.assessment import AssessmentScreen
        from coach.tui.client import ClientScreen
        from coach.tui.comparison import ComparisonScreen
        from coach.tui.home import HomeScreen
        from coach.tui.pastplan import PastPlanScreen

        screen = self.screen
        if isinstance(screen, AssessmentScreen):
            return screen.step
        if isinstance(screen, HomeScreen):
            return "clients"
        if isinstance(screen, ClientScreen | PastPlanScreen):
            return "client"
        if isinstance(screen, ComparisonScreen):
            return "compare"
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

        if self.presenting:
            self.notify(_("Presenting: the client list stays hidden. Leave presenter mode "
                          "first (F8)."), severity="warning")
            return
        if self.session is not None:
            self.session.save()
            self.session = None
        self._pop_to(lambda s: isinstance(s, HomeScreen))
        if isinstance(self.screen, HomeScreen):
            self.screen.reload()
        else:
            self.push_screen(HomeScreen())

    def action_client_page(self) -> None:
        self.back_to_client()

    # -- presenter mode -----------------------------------------------------------------------
    def _current_client(self) -> str | None:
        from coach.tui.home import HomeScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, HomeScreen):
                return None
            found = getattr(screen, "client_id", None) or getattr(
                getattr(screen, "session", None), "client_id", None)
            if found:
                return str(found)
        return None

    def _begin_presenting(self, client_id: str) -> None:
        from coach.tui.themes import PRESENTER

        self.presenting = client_id
        self._theme_before = self.theme
        self.theme = PRESENTER.name
        self.add_class("-presenter")
        # Toasts from before may name other clients.
        self.clear_notifications()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "present":
            # Offered only where there is one client to present (or to stop presenting).
            return bool(self.presenting) or self._current_client() is not None
        return True

    def action_present(self) -> None:
        """F8: present the client on screen, or leave presenter mode (typed confirmation)."""
        if self.presenting:
            self._ask_leave_presenting()
            return
        client_id = self._current_client()
        if client_id is None:
            self.notify(_("Open a client first: presenter mode shows one client only."),
                        severity="warning")
            return
        session = self.session
        self.session = None
        if session is not None:
            session.save()
        self._begin_presenting(client_id)
        self._pop_to(lambda s: False)  # the client list goes, and everything above it
        self.open_client(client_id)
        if session is not None:
            self._reopen(session)

    def _reopen(self, session: Session) -> None:
        from coach.tui.assessment import AssessmentScreen

        self.session = session
        self.push_screen(AssessmentScreen(session, client_name=self.client_name,
                                          on_finish=self._finish))

    def _ask_leave_presenting(self) -> None:
        from coach.tui.prompt import PromptScreen

        word = _("leave")

        def answered(typed: str | None) -> None:
            if typed:
                self.leave_presenting()

        self.push_screen(PromptScreen(
            _("Leave presenter mode?"),
            _("The client list and other clients' names will be on screen again. "
              "Stop sharing your screen first, then type \"{word}\" to confirm.").format(word=word),
            must_type=word, ok=_("Leave presenter mode")), callback=answered)

    def leave_presenting(self) -> None:
        from coach.tui.home import HomeScreen

        client_id = self.presenting
        if client_id is None:
            return
        self.presenting = None
        self.remove_class("-presenter")
        self.theme = getattr(self, "_theme_before", DARK)
        session = self.session
        self.session = None
        if session is not None:
            session.save()
        self._pop_to(lambda s: False)
        self.push_screen(HomeScreen())
        self.open_client(client_id)
        if session is not None:
            self._reopen(session)
        self._show_notices()

    # -- notes, export, import ----------------------------------------------------------------
    def edit_notes(self, client_id: str, assessment_id: int, *, on_saved: Any = None) -> None:
        from coach.tui.notes import NotesScreen

        ws = self.workspace
        record = ws.assessment(client_id, assessment_id)

        def done(text: str | None) -> None:
            from coach.store import StoreError

            if text is None:
                return
            cleaned = clean(text).strip()
            try:
                ws.set_notes(client_id, assessment_id, cleaned or None)
            except StoreError as exc:
                self.notify(say(exc), title=_("Not saved"), severity="error", markup=False)
                return
            self.notify(_("Notes saved."), title=_("Saved"))
            if on_saved is not None:
                on_saved()

        self.push_screen(NotesScreen(
            _("Session notes · assessment {id} of {date}").format(
                id=assessment_id, date=record.date or "—"),
            record.notes or ""), callback=done)

    def export_client(self, client_id: str, name: str, path: Path, *,
                      force: bool = False) -> None:
        from coach.errors import CoachError, FileExists
        from coach.tui.confirm import ConfirmScreen

        try:
            self.workspace.write_export(client_id, path, force=force)
        except FileExists:
            self.push_screen(
                ConfirmScreen(_("{file} already exists. Replace it?").format(file=path)),
                callback=lambda yes: self.export_client(client_id, name, path, force=True)
                if yes else None)
            return
        except CoachError as exc:
            self.show_message(_("Not exported"), exc.said(current_lang()))
            return
        self.notify(_("{name} exported to {file}").format(name=name, file=path), markup=False)

    def import_client(self, path: Path, *, on_done: Any = None, replace: bool = False) -> None:
        from coach.errors import CoachError
        from coach.files import read_json
        from coach.store import StoreError
        from coach.tui.confirm import ConfirmScreen

        try:
            payload = read_json(path)  # the same message as `coach import` gives
        except CoachError as exc:
            self.show_message(_("Not imported"), exc.said(current_lang()))
            return
        ws = self.workspace
        named = payload.get("client", {}).get("name") if isinstance(payload, dict) else None
        existing = ws.find_client(named) if isinstance(named, str) and named.strip() else None
        if existing is not None and not replace:
            shown = clean(existing.name, single_line=True)
            self.push_screen(ConfirmScreen(
                _("{name} already exists here. Replace all of their assessments, notes and "
                  "draft with the ones in the file?").format(name=shown),
                yes=_("Replace"), no=_("Cancel")),
                callback=lambda yes: self.import_client(path, on_done=on_done, replace=True)
                if yes else None)
            return
        bank = self.bank

        def check(data: Any, where: str) -> object:
            from coach.answers import validate_answers

            return validate_answers(data, bank, source=where,  # type: ignore[arg-type]
                                    lang=current_lang())

        try:
            client_id, replaced = ws.import_client(payload, replace=replace, check_answers=check,
                                                   source=str(path))
        except StoreError as exc:
            self.show_message(_("Not imported"), exc.said(current_lang()))
            return
        name = clean(ws.client(client_id).name, single_line=True)
        self.notify((_("{name} replaced from {file}") if replaced else
                     _("{name} imported from {file}")).format(name=name, file=path),
                    markup=False)
        if on_done is not None:
            on_done(select=client_id)
        self._show_notices()

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
        if self.workspace is not None and self._draft_client() is not None:
            yield SystemCommand(_("Assessment: discard the draft"),
                                _("Drop the assessment in progress (asks first)"),
                                self.action_discard_draft)
        if isinstance(screen, AssessmentScreen):
            if screen.step == "platform":
                yield SystemCommand(_("Assessment: skip this platform"),
                                    _("Leave its questions blank and go on"),
                                    lambda: screen.run_action("skip"))
        if self.workspace is None or self.bank is None:
            yield SystemCommand(_("App: quit"), _("Everything is already saved"),
                                lambda: self.run_action("quit"))
            return
        if self.presenting:
            yield SystemCommand(_("Presenter: leave presenter mode"),
                                _("Shows the client list again (asks first; F8)"),
                                self.action_present)
        else:
            # Only offered when not presenting: it leads to every other client's name.
            yield SystemCommand(_("Clients: open another client"),
                                _("This assessment stays saved as it is"),
                                self.action_clients)
            if self._current_client() is not None:
                yield SystemCommand(_("Presenter: present this client"),
                                    _("Only this client on screen, large and high-contrast "
                                      "(F8)"), self.action_present)
        if isinstance(screen, AssessmentScreen):
            yield SystemCommand(_("Client: history and follow-ups"),
                                _("Leave this assessment (saved) for the client's page (F2)"),
                                self.action_client_page)
        yield SystemCommand(_("App: quit"), _("Everything is already saved"),
                            lambda: self.run_action("quit"))


def make_app(env: Context, *, bank: Bank | None = None, workspace: Workspace | None = None,
             client: str | None = None, present: bool = False) -> CoachApp:
    """The app for `env`; tests pass a bank and a workspace they opened themselves.

    `client` opens straight on that client (asking before creating it); `present`
    starts in presenter mode on it.
    """
    return CoachApp(env, bank=bank, workspace=workspace, client=client, present=present)


def run_app(env: Context, *, client: str | None = None, present: bool = False) -> int:
    import os
    import sys

    app = make_app(env, client=client, present=present)
    app.lang_locked = bool(os.environ.get("COACH_LANG")) or any(
        arg == "--lang" or arg.startswith("--lang=") for arg in sys.argv[1:])
    app.run()
    return app.return_code or 0
