"""The screen stack: which screens are on it, in what order, and what may be shown.

Once the workspace and the bank are loaded the app hands them to a Navigator, and from
then on every move between pages goes through it: the first screen (welcome, the draft
being resumed, or the client list), Home, a client's page, an assessment, presenter
mode. It also keeps the assessment open on the stack (its Session): whenever the stack
leaves it, it is saved; when it becomes an assessment or is discarded, it is dropped.

While presenting, no other client's name may reach the screen: no client list, no
palette entry leading to one, no notice naming one.

Screens reach it as `Navigation` through their Desk (coach/tui/screens/base.py); it
imports each screen only when it opens one, after the first frame is on screen.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from coach.textsafe import clean
from coach.tui.i18n import _
from coach.tui.screens.base import CoachScreen, Desk
from coach.tui.themes import DARK

if TYPE_CHECKING:
    from coach.bank.model import Bank
    from coach.model import Plan
    from coach.store import Workspace
    from coach.tui.screens.welcome import WelcomeChoice
    from coach.tui.session import Session

ROLE_KINDS = {"freelancer": "freelancer", "nonprofit": "nonprofit"}
CLIENT_SETTING = "tui.client"


class Navigator:
    def __init__(self, app: App[Any], workspace: Workspace, bank: Bank) -> None:
        self.app = app
        self.workspace = workspace
        self.bank = bank
        self.desk = Desk(workspace, bank, self)
        # The id of the client being presented, or None: while set, no other client's
        # name may reach the screen (no client list, no palette entry naming one).
        self.presenting: str | None = None
        self._theme_before = DARK
        # The assessment open on the stack, saved whenever the stack leaves it.
        self.session: Session | None = None
        self.client_name = ""

    # -- the first screen -------------------------------------------------------------------
    def start(self, *, client: str | None = None, present: bool = False) -> None:
        """Welcome (first run), back where the user stopped, or the client list;
        `coach --client NAME [--present]`: straight to that client."""
        from coach.tui.screens.welcome import WelcomeScreen

        ws = self.workspace
        if client is not None:
            self._start_on_client(client, present=present)
            return
        clients = ws.list_clients()
        role = ws.get_setting("role")
        # Clients made on the command line (`coach plan --client`) are enough for Home.
        if not clients:
            self.app.push_screen(WelcomeScreen(role=role), callback=self._welcomed)
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
                # Back where the user stopped; the client and the list are beneath it.
                self.open_client(last)
                self._open(last, ws.client(last)["name"], draft[0], draft[1])
            else:
                self.to_clients()
        self.show_notices()

    def _start_on_client(self, name: str, *, present: bool) -> None:
        """`coach --client NAME [--present]`: straight to that client (created if agreed)."""
        from coach.tui.screens.confirm import ConfirmScreen

        ws = self.workspace
        found = ws.find_client(name)
        if found is not None:
            self._enter_client(str(found["id"]), present=present)
            return
        shown = clean(name, single_line=True)

        def answered(yes: bool | None) -> None:
            if not yes:
                self.app.exit()  # the user chose not to: nothing failed
                return
            client_id = self._ensure_client(shown)
            if client_id is None:
                self.app.exit(return_code=1)
                return
            if ws.get_setting("role") is None:
                ws.set_setting("role", "consultant")
            self._enter_client(client_id, present=present, start=True)

        self.app.push_screen(ConfirmScreen(
            _("There is no client named {name} yet. Create it and start its first "
              "assessment?").format(name=shown), yes=_("Create"), no=_("Quit")),
            callback=answered)

    def _enter_client(self, client_id: str, *, present: bool, start: bool = False) -> None:
        if present:
            self._begin_presenting(client_id)
        self.open_client(client_id, start=start)
        self.show_notices()

    def _welcomed(self, choice: WelcomeChoice | None) -> None:
        from coach.tui.screens.welcome import WelcomeScreen

        if choice is None:
            return
        ws = self.workspace
        ws.set_setting("lang", choice.lang)
        ws.set_setting("role", choice.role)
        client_id = self._ensure_client(choice.name)
        if client_id is None:
            self.app.push_screen(WelcomeScreen(role=choice.role), callback=self._welcomed)
            return
        answers = self._blank(choice.name)
        if choice.role in ROLE_KINDS:
            answers["profile"]["kind"] = ROLE_KINDS[choice.role]
        self.open_client(client_id)
        self._open(client_id, choice.name, answers, {"step": "profile"})

    def show_notices(self) -> None:
        """What the store repaired (a damaged client file...), said once, in plain words.

        While presenting they wait: they may name other clients.
        """
        if self.presenting:
            return
        found = self.workspace.notices
        notices = list(found)
        found.clear()
        if notices:
            self._tell(_("Some saved data was repaired"), notices)

    def _tell(self, title: str, lines: list[str]) -> None:
        from coach.tui.screens.confirm import MessageScreen

        self.app.push_screen(MessageScreen(title, lines))

    # -- moving between pages ---------------------------------------------------------------
    def _pop_to(self, keep: Callable[[Screen[Any]], bool]) -> None:
        """Pop screens until `keep(screen)` holds for the top one, or only the base is left."""
        app = self.app
        while len(app.screen_stack) > 1 and not keep(app.screen):
            app.pop_screen()

    def _leave_assessment(self) -> None:
        """The open assessment is left: saved as it stands, and no longer on the stack."""
        if self.session is not None:
            self.session.save()
            self.session = None

    def to_clients(self) -> None:
        """Leave this assessment (saved) for the client list."""
        from coach.tui.screens.home import HomeScreen

        if self.presenting:
            self.app.notify(_("Presenting: the client list stays hidden. Leave presenter "
                              "mode first (F8)."), severity="warning")
            return
        self._leave_assessment()
        self._pop_to(lambda s: isinstance(s, HomeScreen))
        if isinstance(self.app.screen, HomeScreen):
            self.app.screen.reload()
        else:
            self.app.push_screen(HomeScreen(self.desk))

    def open_client(self, client_id: str, *, start: bool = False) -> None:
        """Show a client's page, above the client list (none while presenting)."""
        from coach.tui.screens.client import ClientScreen
        from coach.tui.screens.home import HomeScreen

        if self.presenting and client_id != self.presenting:
            return  # presenting one client: no other is ever shown
        self._leave_assessment()
        self._pop_to(lambda s: isinstance(s, HomeScreen))
        if not self.presenting and not isinstance(self.app.screen, HomeScreen):
            self.app.push_screen(HomeScreen(self.desk))
        self.workspace.set_setting(CLIENT_SETTING, client_id)
        self.app.push_screen(ClientScreen(self.desk, client_id))
        if start:
            self.start_assessment(client_id)

    def back_to_client(self) -> None:
        """Leave the assessment (saved) for its client's page."""
        from coach.tui.screens.client import ClientScreen

        client_id = self.session.client_id if self.session else self.workspace.get_setting(
            CLIENT_SETTING)
        self._leave_assessment()
        self._pop_to(lambda s: isinstance(s, ClientScreen) and s.client_id == client_id)
        if isinstance(self.app.screen, ClientScreen):
            self.app.screen.reload()
        elif client_id:
            self.open_client(str(client_id))

    def current_client(self) -> str | None:
        """The client on screen (an assessment's, a client page's...), None on Home."""
        from coach.tui.screens.assessment import AssessmentScreen
        from coach.tui.screens.home import HomeScreen

        for screen in reversed(self.app.screen_stack):
            if isinstance(screen, HomeScreen):
                return None
            if isinstance(screen, CoachScreen) and screen.client_id:
                return screen.client_id
            if isinstance(screen, AssessmentScreen) and screen.session.client_id:
                return str(screen.session.client_id)
        return None

    # -- the assessment open on the stack ---------------------------------------------------
    def start_assessment(self, client_id: str) -> None:
        """Resume the draft, or start a follow-up from the last answers, or a first one."""
        ws = self.workspace
        name = str(ws.client(client_id)["name"])
        draft = ws.load_draft(client_id)
        if draft is not None:
            self._open(client_id, name, draft[0], draft[1])
            return
        past = ws.assessments(client_id)
        if not past:
            self._open(client_id, name, self._blank(name), {"step": "profile"})
            return
        # Coming back months later: start from the last answers, not from nothing, and
        # on the plan, where each platform's answers are one Enter away.
        answers = copy.deepcopy(past[-1]["answers"])
        answers.setdefault("profile", {})["name"] = name
        self._open(client_id, name, answers, {"step": "plan"}, follow_up=True)

    def _ensure_client(self, name: str) -> str | None:
        from coach.store import StoreError

        try:
            client_id, _created = self.workspace.ensure_client(name)
        except StoreError as exc:
            self.app.notify(str(exc), severity="error", markup=False)
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
        from coach.tui.screens.assessment import AssessmentScreen
        from coach.tui.session import Position, Session

        ws = self.workspace
        ws.set_setting(CLIENT_SETTING, client_id)
        self.client_name = name
        self.session = Session(self.bank, answers, Position.from_dict(position),
                               client_id=client_id, saver=self._saver(client_id),
                               lazy=follow_up)
        self.app.push_screen(AssessmentScreen(self.session, client_name=name,
                                              on_finish=self._finish, follow_up=follow_up))

    def _reopen(self, session: Session) -> None:
        from coach.tui.screens.assessment import AssessmentScreen

        self.session = session
        self.app.push_screen(AssessmentScreen(session, client_name=self.client_name,
                                              on_finish=self._finish))

    def _saver(self, client_id: str) -> Callable[[dict[str, Any], dict[str, Any]], None]:
        from coach.store import StoreError

        def save(answers: dict[str, Any], position: dict[str, Any]) -> None:
            try:
                self.workspace.save_draft(client_id, answers, position)
            except StoreError as exc:
                self.app.notify(str(exc), title=_("Not saved"), severity="error", markup=False)
            if self.workspace.notices:
                self.show_notices()

        return save

    def _finish(self, session: Session, plan: Plan) -> None:
        from coach.tui.screens.confirm import ConfirmScreen

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            from coach.store import StoreError

            try:
                self.workspace.finish_assessment(session.client_id, session.stored_answers(),
                                                 dict(plan))
            except StoreError as exc:
                self.app.notify(str(exc), title=_("Not saved"), severity="error",
                                markup=False)
                return
            self.app.notify(_("Assessment saved for {name}.").format(name=self.client_name),
                            title=_("Saved"), markup=False)
            # The draft became an assessment: nothing to save on the way out.
            self.session = None
            self.back_to_client()

        self.app.push_screen(ConfirmScreen(
            _("Save this assessment for {name}? It joins the client's history; you can "
              "still change answers afterwards.").format(name=self.client_name)),
            callback=confirmed)

    def _draft_client(self, screen: Screen[Any] | None = None) -> str | None:
        """The client whose draft 'discard' would drop: the open assessment's, or the
        client page's (`screen`, else the top one) when that client has a draft stored."""
        from coach.tui.screens.client import ClientScreen

        if self.session is not None and self.session.client_id:
            return self.session.client_id
        screen = self.app.screen if screen is None else screen
        if isinstance(screen, ClientScreen) and screen.has_draft:
            return screen.client_id
        return None

    def discard_draft(self, client_id: str | None = None) -> None:
        """Drop the assessment in progress (after a yes), back to the client's page."""
        from coach.tui.screens.confirm import ConfirmScreen

        client_id = client_id or self._draft_client()
        if client_id is None:
            self.app.notify(_("No assessment in progress."), severity="warning")
            return
        name = clean(str(self.workspace.client(client_id)["name"]), single_line=True)

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            from coach.store import StoreError

            try:
                self.workspace.discard_draft(client_id)
            except StoreError as exc:
                self.app.notify(str(exc), title=_("Not discarded"), severity="error",
                                markup=False)
                return
            # Nothing left to save on the way out: the answers go with the draft.
            self.session = None
            self.workspace.set_setting(CLIENT_SETTING, client_id)
            self.back_to_client()
            self.app.notify(_("Draft discarded."), markup=False)

        self.app.push_screen(ConfirmScreen(
            _("Discard the assessment in progress for {name}? Its answers are lost; the "
              "saved assessments stay as they are.").format(name=name),
            yes=_("Discard"), no=_("Keep it")), callback=confirmed)

    def save_draft(self) -> None:
        """Record where the user stopped (answers are saved as they are given)."""
        if self.session is not None:
            self.session.save()

    # -- presenter mode -----------------------------------------------------------------------
    def can_present(self) -> bool:
        """F8 is offered only where there is one client to present (or to stop presenting)."""
        return bool(self.presenting) or self.current_client() is not None

    def _begin_presenting(self, client_id: str) -> None:
        from coach.tui.themes import PRESENTER

        app = self.app
        self.presenting = client_id
        self._theme_before = app.theme
        app.theme = PRESENTER.name
        app.add_class("-presenter")
        # Toasts from before may name other clients.
        app.clear_notifications()

    def present(self) -> None:
        """F8: present the client on screen, or leave presenter mode (typed confirmation)."""
        if self.presenting:
            self._ask_leave_presenting()
            return
        client_id = self.current_client()
        if client_id is None:
            self.app.notify(_("Open a client first: presenter mode shows one client only."),
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

    def _ask_leave_presenting(self) -> None:
        from coach.tui.screens.prompt import PromptScreen

        word = _("leave")

        def answered(typed: str | None) -> None:
            if typed:
                self.leave_presenting()

        self.app.push_screen(PromptScreen(
            _("Leave presenter mode?"),
            _("The client list and other clients' names will be on screen again. "
              "Stop sharing your screen first, then type \"{word}\" to confirm.").format(word=word),
            must_type=word, ok=_("Leave presenter mode")), callback=answered)

    def leave_presenting(self) -> None:
        from coach.tui.screens.home import HomeScreen

        client_id = self.presenting
        if client_id is None:
            return
        app = self.app
        self.presenting = None
        app.remove_class("-presenter")
        app.theme = self._theme_before
        session = self.session
        self.session = None
        if session is not None:
            session.save()
        self._pop_to(lambda s: False)
        app.push_screen(HomeScreen(self.desk))
        self.open_client(client_id)
        if session is not None:
            self._reopen(session)
        self.show_notices()

    # -- the palette ----------------------------------------------------------------------------
    def commands(self, screen: Screen[Any]) -> Iterator[SystemCommand]:
        """The moves the palette offers from `screen` (the screen's own come before)."""
        draft_client = self._draft_client(screen)
        if draft_client is not None:
            yield SystemCommand(_("Assessment: discard the draft"),
                                _("Drop the assessment in progress (asks first)"),
                                lambda: self.discard_draft(draft_client))
        if self.presenting:
            yield SystemCommand(_("Presenter: leave presenter mode"),
                                _("Shows the client list again (asks first; F8)"),
                                self.present)
        else:
            # Only offered when not presenting: it leads to every other client's name.
            yield SystemCommand(_("Clients: open another client"),
                                _("This assessment stays saved as it is"),
                                self.to_clients)
            if self.current_client() is not None:
                yield SystemCommand(_("Presenter: present this client"),
                                    _("Only this client on screen, large and high-contrast "
                                      "(F8)"), self.present)
