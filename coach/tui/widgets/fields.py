"""One widget per bank question type, all speaking the same small protocol.

A `QuestionField` shows the question, its help and an inline error, and posts
`QuestionField.Changed` with a clean value whenever the user changes the answer.
Values: single -> id, multi/ranked -> list of ids (ranked in priority order),
yesno -> bool, number -> int/float, text -> str, spaces -> [{"kind","name"}].
A field holding input it cannot accept (text in a number) keeps `error` set and
posts nothing, so bad input never reaches the draft.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import (
    Button,
    Input,
    OptionList,
    RadioButton,
    RadioSet,
    Select,
    SelectionList,
    Static,
)
from textual.widgets.option_list import Option

from coach.assessment.choices import options
from coach.bank.model import Bank, Platform, Question
from coach.textsafe import clean
from coach.tui.bindings import translate_bindings
from coach.tui.i18n import N_, _, fmt_num
from coach.tui.numbers import MAX_HOURS, number_value, parse_number

Options = list[tuple[str, str]]   # (id, label in the current language)
RADIO_LIMIT = 8                   # more choices than this: a Select instead of radios


def number_problem(key: str, minimum: float | None, maximum: float | None) -> str:
    if key == "nan":
        return _("Enter a number, like 2 or 1.5 (no letters).")
    if key == "negative":
        return _("Enter 0 or more: a negative number means nothing here.")
    if key == "below":
        return _("Enter at least {n}.").format(n=_fmt(minimum or 0))
    if maximum == MAX_HOURS:
        return _("At most 168: a week has 168 hours.")
    return _("Enter at most {n}.").format(n=_fmt(maximum or 0))


def _fmt(value: float) -> str:
    return fmt_num(value)


class QuestionField(Vertical):
    """Base: question text, help, the input itself, an inline error line."""

    class Changed(Message):
        def __init__(self, field: QuestionField, value: Any) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> QuestionField:
            return self.field

    def __init__(self, question: Question, *, text: str, help_text: str, value: Any,
                 options: Options | None = None, unit: str = "", index: int = 0,
                 field_id: str | None = None) -> None:
        super().__init__(classes="question", id=field_id)
        self.question = question
        self.text = text
        self.help_text = help_text
        self.value = value
        self.options = options or []
        self.unit = unit
        self.index = index
        self.choices: Options = list(self.options)
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content(self.text), classes="q-text")
        if self.help_text:
            yield Static(Content(self.help_text), classes="q-help")
        yield from self.compose_input()
        yield Static("", classes="q-error")

    def compose_input(self) -> ComposeResult:  # pragma: no cover - overridden
        yield from ()

    def set_error(self, message: str | None) -> None:
        self.error = message
        line = self.query_one(".q-error", Static)
        line.update(Content(message or ""))
        line.display = bool(message)
        self.set_class(bool(message), "-invalid")

    def on_mount(self) -> None:
        self.query_one(".q-error", Static).display = False

    def emit(self, value: Any) -> None:
        self.value = value
        self.post_message(self.Changed(self, value))

    def focus_input(self) -> None:
        for widget in self.query("Input, RadioSet, SelectionList, OptionList, Select, Button"):
            if widget.focusable:
                widget.focus()
                return

    def shown(self, value: Any) -> Any:
        """The draft's value as this field holds it (a yes/no question holds "yes"/"no")."""
        return value

    async def refill(self, value: Any, text: str) -> None:
        """Show another scope's answer (the next platform's) in this same field.

        Moving between platforms refills the fields already on screen instead of
        building new ones: building a page of questions is most of what a person waited
        for. `value` is set first, so the change messages the widgets post on the way
        compare equal to it and post nothing back to the draft.
        """
        if text != self.text:
            self.text = text
            self.query_one(".q-text", Static).update(Content(text))
        if self.error:
            self.set_error(None)
        self.value = self.shown(value)
        await self.fill()

    async def fill(self) -> None:
        """Show `self.value` in the input widget (overridden per kind of question)."""


class ChoiceSet(RadioSet):
    """Radios whose cursor starts on the answer given, not on the first choice."""

    def on_mount(self) -> None:
        # After RadioSet's own mount handler (it puts the cursor on the first button).
        self.call_after_refresh(self.cursor_on_answer)

    def cursor_on_answer(self) -> None:
        pressed = self.pressed_index
        if pressed >= 0:
            self._cursor_to(pressed)

    def _cursor_to(self, index: int) -> None:
        # RadioSet's own watcher also scrolls the page to the button: refilling a page
        # of radios scrolled it once per question, each a layout and a frame.
        self.set_reactive(RadioSet._selected, index)
        for n, button in enumerate(self.query(RadioButton)):
            button.set_class(n == index, "-selected")

    def show(self, value: str | None) -> None:
        """Press the button for `value` (none for None) without posting a change."""
        buttons = list(self.query(RadioButton))
        with self.prevent(RadioButton.Changed):
            for button in buttons:
                button.value = button.name == value
        # RadioSet keeps the pressed button itself; no public way to set it.
        self._pressed_button = next((b for b in buttons if b.value), None)
        self._cursor_to(max(self.pressed_index, 0))


class SingleField(QuestionField):
    def compose_input(self) -> ComposeResult:
        if len(self.options) > RADIO_LIMIT:
            yield Select([(Content(label), oid) for oid, label in self.options],
                         value=self.value if self.value in dict(self.options) else Select.NULL,
                         prompt=_("Choose…"), compact=True)
            return
        with ChoiceSet(compact=True):
            for oid, label in self.options:
                yield RadioButton(Content(label), value=(oid == self.value), name=oid)

    async def fill(self) -> None:
        if self.query(Select):
            select = self.query_one(Select)
            with select.prevent(Select.Changed):
                select.value = self.value if self.value in dict(self.options) else Select.NULL
        else:
            self.query_one(ChoiceSet).show(self.value)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.pressed.name and event.pressed.name != self.value:
            self.emit(event.pressed.name)

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        value = None if event.value is Select.NULL else event.value
        if value != self.value:
            self.emit(value)


class YesNoField(SingleField):
    def __init__(self, question: Question, **kwargs: Any) -> None:
        value = kwargs.pop("value", None)
        kwargs["options"] = [("yes", _("Yes")), ("no", _("No"))]
        super().__init__(question, value=None if value is None else ("yes" if value else "no"),
                         **kwargs)

    def shown(self, value: Any) -> Any:
        return None if value is None else ("yes" if value else "no")

    def emit(self, value: Any) -> None:
        self.value = value
        self.post_message(self.Changed(self, None if value is None else value == "yes"))


class MultiField(QuestionField):
    def compose_input(self) -> ComposeResult:
        chosen = set(self.value or [])
        yield SelectionList[str](*[(Content(label), oid, oid in chosen)
                                   for oid, label in self.options], compact=True)

    def on_mount(self) -> None:
        self._cursor_on_answer()

    def _cursor_on_answer(self) -> None:
        """The cursor starts on the first choice given (the first option if none)."""
        chooser = self.query_one(SelectionList)
        chosen = set(self.value or [])
        ids = [oid for oid, _label in self.options]
        first = next((n for n, oid in enumerate(ids) if oid in chosen), 0)
        if ids:
            chooser.highlighted = first

    async def fill(self) -> None:
        chooser = self.query_one(SelectionList)
        with chooser.prevent(SelectionList.SelectedChanged):
            chooser.deselect_all()
            for oid in self.value or []:
                if oid in dict(self.options):
                    chooser.select(oid)
        self._cursor_on_answer()

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged) -> None:
        event.stop()
        chosen = set(event.selection_list.selected)
        value = [oid for oid, _label in self.options if oid in chosen]
        if value != (self.value or []):
            self.emit(value)


class RankedList(OptionList):
    """Chosen items first, numbered in priority order; space toggles, u/d move."""

    BINDINGS: ClassVar = [
        Binding("space", "toggle", N_("Choose"), show=False),
        Binding("shift+up,u", "move(-1)", N_("Move up"), show=False),
        Binding("shift+down,d", "move(1)", N_("Move down"), show=False),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        translate_bindings(self)

    def action_toggle(self) -> None:
        if self.highlighted is not None:
            option_id = self.get_option_at_index(self.highlighted).id
            self.query_ancestor(RankedField).toggle(option_id)

    def action_move(self, delta: int) -> None:
        self.query_ancestor(RankedField).move(delta)


class RankedField(QuestionField):
    def compose_input(self) -> ComposeResult:
        yield RankedList(*self._options(), compact=True)
        yield Static(Content(_("Space: choose or drop (the cursor stays on its row) · "
                               "u / d (Shift+↑ / Shift+↓): move the item, the cursor "
                               "with it")),
                     classes="q-keys")

    def _order(self) -> list[str]:
        chosen = [oid for oid in (self.value or []) if oid in dict(self.options)]
        rest = [oid for oid, _label in self.options if oid not in chosen]
        return chosen + rest

    def _options(self) -> list[Option]:
        labels = dict(self.options)
        chosen = list(self.value or [])
        rows = []
        for oid in self._order():
            mark = f"{chosen.index(oid) + 1:>2}. " if oid in chosen else " ·  "
            rows.append(Option(Content(mark + labels[oid]), id=oid))
        return rows

    def _rebuild(self, keep: str | None = None, *, row: int | None = None) -> None:
        """The rows again; the cursor on item `keep`, or on row `row`."""
        lst = self.query_one(RankedList)
        lst.clear_options()
        lst.add_options(self._options())
        if keep is not None:
            lst.highlighted = self._order().index(keep)
        elif row is not None and lst.option_count:
            lst.highlighted = max(0, min(row, lst.option_count - 1))

    def on_mount(self) -> None:
        if self.options:
            self.query_one(RankedList).highlighted = 0

    async def fill(self) -> None:
        self._rebuild(row=0)

    def _current(self) -> str | None:
        lst = self.query_one(RankedList)
        if lst.highlighted is None:
            return None
        return lst.get_option_at_index(lst.highlighted).id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.toggle(event.option.id)

    def toggle(self, oid: str | None) -> None:
        if oid is None:
            return
        chosen = list(self.value or [])
        if oid in chosen:
            chosen.remove(oid)
        else:
            chosen.append(oid)
        # Choosing or dropping reorders the rows (chosen ones first): the cursor stays
        # on the row where the person was, so the next Down goes on down the list.
        row = self.query_one(RankedList).highlighted
        self.emit(chosen)
        self._rebuild(row=row)

    def move(self, delta: int) -> None:
        oid = self._current()
        chosen = list(self.value or [])
        if oid not in chosen:
            return
        i = chosen.index(oid)
        j = max(0, min(len(chosen) - 1, i + delta))
        if i == j:
            return
        chosen[i], chosen[j] = chosen[j], chosen[i]
        self.emit(chosen)
        self._rebuild(oid)


class NumberField(QuestionField):
    def __init__(self, question: Question, **kwargs: Any) -> None:
        super().__init__(question, **kwargs)
        self.minimum = question.minimum
        self.maximum = question.maximum if question.maximum is not None else None

    def compose_input(self) -> ComposeResult:
        shown = "" if self.value is None else fmt_num(self.value)
        with Horizontal(classes="number-row"):
            yield Input(shown, compact=True, classes="number")
            if self.unit:
                yield Static(Content(self.unit), classes="q-unit")

    async def fill(self) -> None:
        box = self.query_one(Input)
        with box.prevent(Input.Changed):
            box.value = "" if self.value is None else fmt_num(self.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        value, problem = parse_number(event.value, minimum=self.minimum, maximum=self.maximum)
        if problem:
            self.set_error(number_problem(problem, self.minimum, self.maximum))
            return
        self.set_error(None)
        value = None if value is None else number_value(value)
        if value != self.value:
            self.emit(value)


class TextField(QuestionField):
    def compose_input(self) -> ComposeResult:
        yield Input(clean(str(self.value or ""), single_line=True), compact=True, classes="text")

    async def fill(self) -> None:
        box = self.query_one(Input)
        with box.prevent(Input.Changed):
            box.value = clean(str(self.value or ""), single_line=True)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        value = clean(event.value, single_line=True)
        if value != (self.value or ""):
            self.emit(value)


class SpaceRow(Horizontal):
    def __init__(self, kinds: Options, kind: str | None, name: str) -> None:
        super().__init__(classes="space-row")
        self.kinds = kinds
        self.kind = kind
        self.space_name = name

    def compose(self) -> ComposeResult:
        yield Select([(Content(label), oid) for oid, label in self.kinds],
                     value=self.kind if self.kind in dict(self.kinds) else Select.NULL,
                     prompt=_("Kind…"), compact=True, classes="space-kind")
        yield Input(self.space_name, placeholder=_("Name of the page, group, forum…"),
                    compact=True, classes="space-name")
        yield Button("✕", compact=True, classes="space-remove", tooltip=_("Remove this space"))


class SpacesField(QuestionField):
    """Named places on the platform (a page, a group, a forum board...)."""

    def compose_input(self) -> ComposeResult:
        with Vertical(classes="space-rows"):
            for space in self.value or []:
                yield SpaceRow(self.options, space.get("kind"),
                               clean(str(space.get("name", "")), single_line=True))
        yield Button(_("Add a space"), compact=True, classes="space-add")

    async def fill(self) -> None:
        rows = self.query_one(".space-rows")
        await rows.remove_children()
        await rows.mount_all([SpaceRow(self.options, space.get("kind"),
                                       clean(str(space.get("name", "")), single_line=True))
                              for space in self.value or []])

    def _collect(self) -> list[dict[str, str]]:
        spaces = []
        for row in self.query(SpaceRow):
            kind = row.query_one(Select).value
            name = clean(row.query_one(Input).value, single_line=True)
            if name and kind is not Select.NULL:
                spaces.append({"kind": str(kind), "name": name})
        return spaces

    def _changed(self) -> None:
        value = self._collect()
        if value != (self.value or []):
            self.emit(value)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._changed()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._changed()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.has_class("space-add"):
            default = self.options[0][0] if self.options else None
            row = SpaceRow(self.options, default, "")
            await self.query_one(".space-rows").mount(row)
            row.query_one(Input).focus()
        elif event.button.has_class("space-remove"):
            row = event.button.query_ancestor(SpaceRow)
            await row.remove()
            self._changed()


FIELDS: dict[str, type[QuestionField]] = {
    "single": SingleField, "multi": MultiField, "ranked": RankedField, "yesno": YesNoField,
    "number": NumberField, "text": TextField, "spaces": SpacesField,
}


def options_for(question: Question, bank: Bank, lang: str,
                platform: Platform | None = None) -> Options:
    """The choices a question offers, labelled in `lang`."""
    return [(o.id, o.label.get(lang)) for o in options(bank, question, platform)]


def build_field(question: Question, bank: Bank, lang: str, value: Any, *,
                platform: Platform | None = None, index: int = 0,
                kind: str | None = None) -> QuestionField:
    cls = FIELDS.get(question.type, TextField)
    choices = options_for(question, bank, lang, platform)
    field = cls(question, text=question.text_for(lang, platform, kind),
                help_text=question.help.get(lang) if question.help else "",
                value=value, options=choices,
                unit=question.unit.get(lang) if question.unit else "", index=index,
                field_id=f"q-{question.id}")
    field.choices = choices   # what the bank offered (a platform may offer other ones)
    return field
