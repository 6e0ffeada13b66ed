"""The screen stack: which screens are on it, in what order, and what may be shown.

Once the workspace and the bank are loaded the app hands them to a Navigator, and from
then on every move between pages goes through it: the first screen (welcome, the draft
being resumed, or the client list), Home, a client's page, an assessment, presenter
mode. Whenever the stack leaves the assessment open on it, that assessment is saved
and closed (`Drafts`, coach/tui/drafts.py, knows how assessments open and end).

While presenting, no other client's name may reach the screen: no client list, no
palette entry leading to one, no notice naming one.

Screens reach it as `Navigation` through their Desk (coach/tui/screens/base.py); it
imports each screen only when it opens one, after the first frame is on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.screen import Screen

from coach.textsafe import clean
from coach.tui.drafts import CLIENT_SETTING, Drafts
from coach.tui.i18n import _, say
from coach.tui.screens.base import CoachView, Desk
from coach.tui.themes import DARK

if TYPE_CHECKING:
    from coach.bank.model import Bank
    from coach.store import Workspace
    from coach.tui.screens.welcome import WelcomeChoice

ROLE_KINDS = {"freelancer": "freelancer", "nonprofit": "nonprofit"}


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
        self.drafts = Drafts(app, workspace, bank, back=self.back_to_client,
                             notices=self.show_notices)

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
                self.drafts.open(last, ws.client(last).name, draft.answers, draft.position)
            else:
                self.to_clients()
        self.show_notices()

    def _start_on_client(self, name: str, *, present: bool) -> None:
        """`coach --client NAME [--present]`: straight to that client (created if agreed)."""
        from coach.tui.screens.confirm import ConfirmScreen

        ws = self.workspace
        found = ws.find_client(name)
        if found is not None:
            self._enter_client(found.id, present=present)
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
              "assessment?").format(name=shown), yes=_("Create"), no=_("Quit"),
            default=True),
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
        answers = self.drafts.blank(choice.name)
        if choice.role in ROLE_KINDS:
            answers["profile"]["kind"] = ROLE_KINDS[choice.role]
        self.open_client(client_id)
        from coach.assessment.position import start_at

        self.drafts.open(client_id, choice.name, answers, start_at("profile"))

    def show_notices(self) -> None:
        """What the store repaired (a damaged client file...), said once, in plain words.

        While presenting they wait: they may name other clients.
        """
        if self.presenting:
            return
        found = self.workspace.notices
        notices = [say(n) for n in found]   # said now, in the language of the moment
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

    def to_clients(self) -> None:
        """Leave this assessment (saved) for the client list."""
        from coach.tui.screens.home import HomeScreen

        if self.presenting:
            self.app.notify(_("Presenting: the client list stays hidden. Leave presenter "
                              "mode first (F8)."), severity="warning")
            return
        self.drafts.leave()
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
        self.drafts.leave()
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

        client_id = self.drafts.client_id or self.workspace.get_setting(CLIENT_SETTING)
        self.drafts.leave()
        self._pop_to(lambda s: isinstance(s, ClientScreen) and s.client_id == client_id)
        if isinstance(self.app.screen, ClientScreen):
            self.app.screen.reload()
        elif client_id:
            self.open_client(str(client_id))

    def current_client(self) -> str | None:
        """The client on screen (an assessment's, a client page's...), None on Home."""
        # Asked of the screens themselves: importing their classes here to test types
        # cost 40 ms on the welcome screen, where the footer asks first.
        for screen in reversed(self.app.screen_stack):
            if not isinstance(screen, CoachView):
                continue
            if screen.LISTS_CLIENTS:
                return None
            shown = screen.client_shown()
            if shown:
                return shown
        return None

    def start_assessment(self, client_id: str) -> None:
        self.drafts.start(client_id)

    def discard_draft(self, client_id: str | None = None) -> None:
        self.drafts.discard(client_id)

    def _ensure_client(self, name: str) -> str | None:
        from coach.store import StoreError

        try:
            client_id, _created = self.workspace.ensure_client(name)
        except StoreError as exc:
            self.app.notify(say(exc), severity="error", markup=False)
            return None
        return str(client_id)

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
        session = self.drafts.leave()
        self._begin_presenting(client_id)
        self._pop_to(lambda s: False)  # the client list goes, and everything above it
        self.open_client(client_id)
        if session is not None:
            self.drafts.reopen(session)

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
        session = self.drafts.leave()
        self._pop_to(lambda s: False)
        app.push_screen(HomeScreen(self.desk))
        self.open_client(client_id)
        if session is not None:
            self.drafts.reopen(session)
        self.show_notices()

    # -- the palette ----------------------------------------------------------------------------
    def commands(self, screen: Screen[Any]) -> Iterator[SystemCommand]:
        """The moves the palette offers from `screen` (the screen's own come before)."""
        draft_client = self.drafts.draft_client(screen)
        if draft_client is not None:
            yield SystemCommand(_("Assessment: discard the draft"),
                                _("Drop the assessment in progress (asks first)"),
                                lambda: self.drafts.discard(draft_client))
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
