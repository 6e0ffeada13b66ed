"""The assessment open on the screen stack (at most one): how it opens, how it is
saved, and what finishing or discarding it does.

It opens as the client's draft in progress, else as a follow-up from their last
answers (on the plan), else blank. Every answer is saved as it is given, through the
Session's saver; the navigator calls `leave` whenever the stack leaves the assessment.
Finished, it joins the client's history; discarded, its answers are gone; either way
`back` (the navigator's) shows the client's page.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.screen import Screen

from coach.textsafe import clean
from coach.tui.i18n import _, own_assessment, say

if TYPE_CHECKING:
    from coach.assessment import Session
    from coach.bank.model import Bank
    from coach.model import Plan
    from coach.store import Workspace

CLIENT_SETTING = "tui.client"   # the client the user was last on (to come back to)


class Drafts:
    def __init__(self, app: App[Any], workspace: Workspace, bank: Bank, *,
                 back: Callable[[], None], notices: Callable[[], None]) -> None:
        self.app = app
        self.workspace = workspace
        self.bank = bank
        self._back = back
        self._notices = notices
        self.session: Session | None = None
        self.client_name = ""

    @property
    def client_id(self) -> str | None:
        """Whose assessment is open, if one is."""
        return self.session.client_id if self.session is not None else None

    def start(self, client_id: str) -> None:
        """Resume the draft, or start a follow-up from the last answers, or a first one."""
        from coach.assessment.position import start_at

        ws = self.workspace
        name = ws.client(client_id).name
        draft = ws.load_draft(client_id)
        if draft is not None:
            self.open(client_id, name, draft.answers, draft.position)
            return
        past = ws.assessments(client_id)
        if not past:
            self.open(client_id, name, self.blank(name), start_at("profile"))
            return
        # Coming back months later: start from the last answers, not from nothing, and
        # on the plan, where each platform's answers are one Enter away.
        answers = copy.deepcopy(past[-1].answers)
        answers.setdefault("profile", {})["name"] = name
        # A measurement describes its own period: a follow-up measures again (Time step).
        answers.pop("measured", None)
        notes = self._from_log(client_id, past[-1].date, answers)
        self.open(client_id, name, answers, start_at("plan"), follow_up=True, notes=notes)

    def _from_log(self, client_id: str, since: str,
                  answers: dict[str, Any]) -> dict[tuple[str | None, str], str]:
        """Results of the last 90 days from the client's log, when it covers them; the
        notes to show beside the fields it filled."""
        from coach import clock
        from coach.assessment.prefill import FIELD, prefill_results
        from coach.report.progress import covers_90_days, last_90_days
        from coach.store import StoreError
        from coach.store.results_log import results

        try:
            entries = results(self.workspace, client_id)
        except StoreError:
            return {}
        today = clock.today()
        if not covers_90_days(entries, since, today):
            return {}
        filled = prefill_results(answers, last_90_days(entries, today))
        note = _("From your results log (last 90 days): change it if it is not right.")
        return {(key, f"{FIELD}.{kind}"): note for key, kinds in filled.items()
                for kind in kinds}

    @staticmethod
    def blank(name: str) -> dict[str, Any]:
        from coach.answers import blank_answers

        answers = blank_answers()
        # 0 h would look like an answer; the budget must be given, not assumed.
        answers.setdefault("profile", {}).pop("weekly_budget_hours", None)
        answers["profile"]["name"] = name
        answers.setdefault("platforms", [])
        return answers

    def open(self, client_id: str, name: str, answers: dict[str, Any],
             position: dict[str, Any], *, follow_up: bool = False,
             notes: dict[tuple[str | None, str], str] | None = None) -> None:
        from coach.assessment import Session
        from coach.tui.screens.assessment import AssessmentScreen

        ws = self.workspace
        ws.set_setting(CLIENT_SETTING, client_id)
        self.client_name = name
        self.session = Session.resume(self.bank, answers, position, client_id=client_id,
                                      saver=self._saver(client_id), lazy=follow_up)
        self.session.notes = dict(notes or {})
        self.app.push_screen(AssessmentScreen(self.session, client_name=name,
                                              on_finish=self._finish, follow_up=follow_up))

    def reopen(self, session: Session) -> None:
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
                self.app.notify(say(exc), title=_("Not saved"), severity="error", markup=False)
            if self.workspace.notices:
                self._notices()

        return save

    def _finish(self, session: Session, plan: Plan) -> None:
        from coach.tui.screens.confirm import ConfirmScreen

        def confirmed(yes: bool | None) -> None:
            if not yes:
                # Said, not silent: a person who pressed Enter on "No" believed it saved.
                self.app.notify(_("Not saved: the assessment stays in progress. Save it "
                                  "from the plan when you are ready."),
                                title=_("Not saved"), severity="warning", markup=False)
                return
            from coach.assessment.final import final_answers
            from coach.store import StoreError

            # The stored plan speaks the client's language when one is set (the screen
            # showed it in the consultant's): its reports are the client's.
            kept = plan
            own = self.workspace.client(session.client_id).lang
            if own and own != self.app.voice.lang:
                from coach.tui.preview import preview_plan

                kept = preview_plan(session, own)[0] or plan
            try:
                self.workspace.finish_assessment(session.client_id,
                                                 final_answers(session.draft), dict(kept))
            except StoreError as exc:
                self.app.notify(say(exc), title=_("Not saved"), severity="error",
                                markup=False)
                return
            self.app.notify(_("Assessment saved for {name}.").format(name=self.client_name),
                            title=_("Saved"), markup=False)
            # The draft became an assessment: nothing to save on the way out.
            self.session = None
            self._back()

        question = (_("Save this assessment for {name}? It joins your history; you can "
                      "still change answers afterwards.") if own_assessment() else
                    _("Save this assessment for {name}? It joins the client's history; you "
                      "can still change answers afterwards."))
        self.app.push_screen(ConfirmScreen(
            question.format(name=self.client_name), yes=_("Save"), no=_("Not now"),
            default=True),
            callback=confirmed)

    def draft_client(self, screen: Screen[Any] | None = None) -> str | None:
        """The client whose draft 'discard' would drop: the open assessment's, or the
        client page's (`screen`, else the top one) when that client has a draft stored."""
        from coach.tui.screens.client import ClientScreen

        if self.session is not None and self.session.client_id:
            return self.session.client_id
        screen = self.app.screen if screen is None else screen
        if isinstance(screen, ClientScreen) and screen.has_draft:
            return screen.client_id
        return None

    def discard(self, client_id: str | None = None) -> None:
        """Drop the assessment in progress (after a yes), back to the client's page."""
        from coach.tui.screens.confirm import ConfirmScreen

        client_id = client_id or self.draft_client()
        if client_id is None:
            self.app.notify(_("No assessment in progress."), severity="warning")
            return
        name = clean(self.workspace.client(client_id).name, single_line=True)

        def confirmed(yes: bool | None) -> None:
            if not yes:
                return
            from coach.store import StoreError

            try:
                self.workspace.discard_draft(client_id)
            except StoreError as exc:
                self.app.notify(say(exc), title=_("Not discarded"), severity="error",
                                markup=False)
                return
            # Nothing left to save on the way out: the answers go with the draft.
            self.session = None
            self.workspace.set_setting(CLIENT_SETTING, client_id)
            self._back()
            self.app.notify(_("Draft discarded."), markup=False)

        self.app.push_screen(ConfirmScreen(
            _("Discard the assessment in progress for {name}? Its answers are lost; the "
              "saved assessments stay as they are.").format(name=name),
            yes=_("Discard"), no=_("Keep it")), callback=confirmed)

    def save(self) -> None:
        """Record where the user stopped (answers are saved as they are given)."""
        if self.session is not None:
            self.session.save()

    def leave(self) -> Session | None:
        """The stack leaves the assessment: saved as it stands, no longer open; returned
        so that presenter mode can open it again on its new stack."""
        session = self.session
        self.session = None
        if session is not None:
            session.save()
        return session
