"""A page of bank questions (the profile, or one platform's "why am I there?").

Every question of the section is built once per page; conditional ones are shown or
hidden as answers change, so nothing is rebuilt while the user types.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.events import DescendantFocus
from textual.message import Message
from textual.widgets import Static

from coach.assessment import Scope, Session
from coach.assessment import applies as applicability
from coach.tui.i18n import _, current_lang
from coach.tui.widgets.fields import QuestionField, build_field, options_for


class QuestionForm(VerticalScroll):
    """The questions of `section` for one scope (None: profile; else a platform's key)."""

    class Answered(Message):
        """A question got a new value (already stored and saved)."""

    class Moved(Message):
        """The user moved to another question (for the progress line)."""

    def __init__(self, section: str, *, id: str) -> None:
        super().__init__(id=id, classes="step")
        self.section = section
        self.session: Session | None = None
        self.scope: Scope = None
        self.current: str | None = None
        # Question id -> asked for this scope at all (a platform's own questions).
        self.asked: dict[str, bool] = {}

    def compose(self) -> ComposeResult:
        yield Static("", classes="step-title")
        yield Static("", classes="step-intro")

    async def load(self, session: Session, scope: Scope, *, title: str, intro: str) -> None:
        """Show the questions for `scope`, filled with what the draft holds.

        The first time, a field is built for every question of the section; after that
        (the next platform), the same fields are refilled: only a question whose choices
        differ for this platform is built again. A person moving between platforms
        waited for building widgets, not for their answers.
        """
        self.session = session
        self.scope = scope
        self.query_one(".step-title", Static).update(Content(title))
        intro_line = self.query_one(".step-intro", Static)
        intro_line.update(Content(intro))
        intro_line.display = bool(intro)
        lang = current_lang()
        draft = session.draft
        platform = draft.platform(scope)
        built = {f.question.id: f for f in self.query(QuestionField)}
        fields: list[QuestionField] = []
        kind = draft.profile.get("kind")  # a nonprofit is asked as an organisation
        for question in session.bank.section(self.section):  # type: ignore[arg-type]
            self.asked[question.id] = platform is None or question.asked_for(platform.id)
            value = draft.value(question, scope)
            # A value filled in for the person (their results log) is said beside it.
            note = session.notes.get((scope, question.field or ""))
            field = built.get(question.id)
            if field is None:
                fields.append(_noted(build_field(question, session.bank, lang, value,
                                                 platform=platform, index=len(fields),
                                                 kind=kind), note))
                continue
            choices = options_for(question, session.bank, lang, platform)
            base_help = question.help.get(lang) if question.help else ""
            wanted_help = _joined(base_help, note)
            if choices != field.choices or wanted_help != field.help_text:
                # Another platform's own choices (kinds of space), or a note beside this
                # platform's answer: this one is rebuilt.
                fresh = _noted(build_field(question, session.bank, lang, value,
                                           platform=platform, index=field.index, kind=kind),
                               note)
                place = list(self.children).index(field)
                await field.remove()
                await self.mount(fresh, before=place)
            else:
                await field.refill(value, question.text_for(lang, platform, kind))
        if fields:
            await self.mount_all(fields)
        self.sync_visibility()
        self.scroll_home(animate=False)

    def sync_visibility(self) -> None:
        assert self.session is not None
        for field in self.query(QuestionField):
            field.display = self.asked.get(field.question.id, True) and applicability.applies(
                self.session.draft, field.question, self.scope)

    def visible(self) -> list[QuestionField]:
        return [f for f in self.query(QuestionField) if f.display]

    def position_of(self, question_id: str | None) -> tuple[int, int]:
        """(j, m): question j of m among the questions shown now (j = 0 if none)."""
        shown = self.visible()
        ids = [f.question.id for f in shown]
        j = ids.index(question_id) + 1 if question_id in ids else 0
        return j, len(shown)

    def focus_question(self, question_id: str | None) -> None:
        """Focus a question (the first one if `question_id` is not shown) and record it."""
        shown = self.visible()
        target = next((f for f in shown if f.question.id == question_id),
                      shown[0] if shown else None)
        if target is None:
            return
        self.current = target.question.id
        if self.session is not None:
            self.session.position.question = target.question.id
        target.focus_input()
        if target is shown[0]:
            self.call_after_refresh(self.scroll_home, animate=False)
        else:
            self.call_after_refresh(target.scroll_visible, animate=False, top=True)

    def problems(self, *, missing: bool = True) -> list[str]:
        """Why the user cannot go on from this page (empty: they can).

        With `missing=False` only bad input counts (blank answers mean "don't know").
        """
        assert self.session is not None
        out = []
        for field in self.visible():
            if field.error:
                out.append(f"{field.text} — {field.error}")
        if not missing:
            return out
        blank = {q.id for q in applicability.missing(self.session.draft, self.section,
                                                       self.scope)}
        for field in self.visible():
            if field.question.id in blank and not field.error:
                out.append(_("Please answer: {question}").format(question=field.text))
        return out

    def on_question_field_changed(self, event: QuestionField.Changed) -> None:
        event.stop()
        assert self.session is not None
        self.session.set(event.field.question, self.scope, event.value)
        self.current = event.field.question.id
        self.sync_visibility()
        self.post_message(self.Answered())

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        node = event.widget
        while node is not None and not isinstance(node, QuestionField):
            node = node.parent  # type: ignore[assignment]
        if isinstance(node, QuestionField) and node.question.id != self.current:
            self.current = node.question.id
            if self.session is not None:
                self.session.position.question = node.question.id
            self.post_message(self.Moved())


def _joined(help_text: str, note: str | None) -> str:
    return f"{help_text}\n{note}" if help_text and note else (note or help_text)


def _noted(field: QuestionField, note: str | None) -> QuestionField:
    """The field with a note (where its value came from) below its own help."""
    if note:
        field.help_text = _joined(field.help_text, note)
    return field
