"""A thin layer over questionary: one call per kind of prompt, each with a way back.

questionary has no "back": select and checkbox prompts get a "← Back" choice and the
`<` key; text prompts take `<` while the answer is untouched (or `<` alone, then Enter).
Every prompt shows, under the question, the question's help (why it is asked) and
the keys in the run's language, replacing questionary's English hints. Once
answered, the prompt is erased and one plain line "[n/total] question → answer" is
printed instead (questionary's own summary of a checkbox is English: "done (3
selections)").

ctrl+c (and ctrl+d in a text prompt) raise KeyboardInterrupt: the session decides
what to say. `input`/`output` are prompt_toolkit objects, passed by tests.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Sequence
from typing import Any

import questionary
from prompt_toolkit.filters import Condition
from prompt_toolkit.formatted_text import to_formatted_text
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.styles import Style
from questionary.prompts.common import InquirerControl

from coach.quick.inputs import BACK_TYPED
from coach.quick.lang import _
from coach.textsafe import clean

_DESCRIPTION = "  Description: "   # questionary's own (English) prefix, replaced
BACK = "\x00back"          # returned by every prompt when the user asks to go back
Option = tuple[Any, str, str]   # (value, label, description)

# Plain styles: readable without colour (NO_COLOR) and by screen readers.
_STYLE = Style([("qmark", "bold"), ("question", "bold"), ("instruction", "italic"),
                ("answer", "bold"), ("pointer", "bold"), ("highlighted", "reverse"),
                ("selected", "bold"), ("separator", ""), ("text", "")])


def _one_line(text: str) -> str:
    return clean(text, single_line=True)


def width() -> int:
    """Columns to wrap at: choice lists do not wrap long lines by themselves."""
    return max(40, shutil.get_terminal_size((80, 24)).columns - 2)


def wrap(text: str, indent: str = "  ", first: str | None = None) -> str:
    return textwrap.fill(_one_line(text), width=width(), initial_indent=indent if first is None
                         else first, subsequent_indent=indent, break_on_hyphens=False)


def _message(mark: str, message: str) -> str:
    """The question, wrapped so that it fits after "<mark> " on the first line."""
    lead = " " * (len(mark) + 1)
    return wrap(message, indent="  ", first=lead)[len(lead):]


def _localise_description(control: InquirerControl) -> None:
    """questionary labels a choice's description "Description:" in English: drop the word."""
    original = control.text

    def tokens() -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for style, text, *_rest in to_formatted_text(original()):  # type: ignore[operator]
            if text.startswith(_DESCRIPTION):
                text = "\n" + wrap(text[len(_DESCRIPTION):], indent="  ")
            out.append((style, text))
        return out

    control.text = tokens


class Prompter:
    """Asks one thing at a time; returns the answer, or BACK."""

    def __init__(self, *, input: Any = None, output: Any = None,
                 echo: Callable[[str], None] = print) -> None:
        self._io: dict[str, Any] = {}
        if input is not None:
            self._io["input"] = input
        if output is not None:
            self._io["output"] = output
        self.echo = echo

    # ------------------------------------------------------------ helpers
    def _instruction(self, help_text: str, keys: str) -> str:
        lines = [""]
        if help_text:
            lines.append(wrap(help_text))
        lines.append(wrap("(" + keys + ")"))
        return "\n".join(lines) + "\n"

    def _run(self, question: questionary.Question) -> Any:
        try:
            return question.unsafe_ask()
        except EOFError as exc:  # ctrl+d in a text prompt: leave, like ctrl+c
            raise KeyboardInterrupt from exc

    def _done(self, mark: str, message: str, shown: str) -> None:
        self.echo(wrap(f"{mark} {_one_line(message)} → {_one_line(shown)}", first=""))

    @staticmethod
    def _add_back_key(question: questionary.Question, when: Any = True) -> None:
        keys = KeyBindings()

        @keys.add(BACK_TYPED, eager=True, filter=when)
        def _back(event: Any) -> None:
            event.app.exit(result=BACK)

        app = question.application
        app.key_bindings = merge_key_bindings([app.key_bindings, keys]) \
            if app.key_bindings else keys

    @staticmethod
    def _control(question: questionary.Question) -> InquirerControl:
        for control in question.application.layout.find_all_controls():
            if isinstance(control, InquirerControl):
                return control
        raise RuntimeError("questionary layout without a choice list")

    # ------------------------------------------------------------ prompts
    def select(self, message: str, options: Sequence[Option], *, default: Any = None,
               help_text: str = "", mark: str = "?", back: bool = True) -> Any:
        choices: list[Any] = [questionary.Choice(_one_line(label), value=value,
                                                 description=_one_line(desc) or None)
                              for value, label, desc in options]
        if back:
            choices += [questionary.Separator(" "), questionary.Choice(_("← Back"), value=BACK)]
        values = [value for value, _l, _d in options]
        keys = _("↑/↓ move, Enter choose, < back") if back else _("↑/↓ move, Enter choose")
        question = questionary.select(
            _message(mark, message), choices=choices,
            default=default if default in values else None,
            qmark=mark, instruction=self._instruction(help_text, keys), style=_STYLE,
            erase_when_done=True, **self._io)
        _localise_description(self._control(question))
        if back:
            self._add_back_key(question)
        result = self._run(question)
        if result != BACK:
            label = next((lab for value, lab, _d in options if value == result), str(result))
            self._done(mark, message, label)
        return result

    def checkbox(self, message: str, options: Sequence[Option], *,
                 checked: Sequence[Any] = (), required: bool = True, ordered: bool = False,
                 help_text: str = "", mark: str = "?", back: bool = True) -> Any:
        """Tick several; with `ordered`, the order of ticking is the answer's order."""
        wanted = [v for v in checked if any(v == value for value, _l, _d in options)]
        choices: list[Any] = [questionary.Choice(_one_line(label), value=value,
                                                 checked=value in wanted,
                                                 description=_one_line(desc) or None)
                              for value, label, desc in options]
        if back:
            choices += [questionary.Separator(" "), questionary.Choice(_("← Back"), value=BACK)]
        if not back:
            keys = _("↑/↓ move, Space tick, Enter confirm")
        elif ordered:
            keys = _("↑/↓ move, Space tick in order of priority, Enter confirm, < back")
        else:
            keys = _("↑/↓ move, Space tick, Enter confirm, < back")

        def validate(values: list[Any]) -> bool | str:
            if BACK in values or values or not required:
                return True
            return _("Tick at least one (Space), then Enter.")

        question = questionary.checkbox(
            _message(mark, message), choices=choices, validate=validate, qmark=mark,
            instruction=self._instruction(help_text, keys), style=_STYLE,
            erase_when_done=True, **self._io)
        control = self._control(question)
        control.selected_options = list(wanted)  # keeps the saved priority order
        _localise_description(control)
        if back:
            self._add_back_key(question)
            on_back = Condition(lambda: getattr(control.get_pointed_at(), "value", None) == BACK)
            enter = KeyBindings()

            @enter.add("enter", eager=True, filter=on_back)
            def _enter_on_back(event: Any) -> None:
                event.app.exit(result=BACK)

            app = question.application
            app.key_bindings = merge_key_bindings([app.key_bindings, enter])
        result = self._run(question)
        if result == BACK or (isinstance(result, list) and BACK in result):
            return BACK
        if ordered:
            result = [v for v in control.selected_options if v != BACK]
        labels = {value: label for value, label, _d in options}
        if ordered and len(result) > 1:
            shown = ", ".join(f"{i}. {labels.get(v, v)}" for i, v in enumerate(result, 1))
        else:
            shown = ", ".join(labels.get(v, str(v)) for v in result) or _("(none)")
        self._done(mark, message, shown)
        return result

    def text(self, message: str, *, default: str = "", help_text: str = "",
             check: Callable[[str], str | None] | None = None, mark: str = "?",
             back: bool = True, shown: Callable[[str], str] | None = None) -> Any:
        """Free text; `check` returns a message for bad input (re-asked), else None."""
        keys = _("Enter confirm, < back") if back else _("Enter confirm")

        def validate(typed: str) -> bool | str:
            if back and typed.strip() == BACK_TYPED:
                return True
            problem = check(typed) if check else None
            return True if problem is None else problem

        question = questionary.text(
            _message(mark, message), default=default, validate=validate, qmark=mark,
            instruction=self._instruction(help_text, keys) + "  ›", style=_STYLE,
            erase_when_done=True, **self._io)
        if back:
            # "<" goes back at once while the answer is untouched (empty or the previous
            # answer shown as default); once the user edits, "<" is an ordinary character
            # (and "<" alone, then Enter, still goes back).
            app = question.application
            untouched = Condition(lambda: app.current_buffer.text.strip() in ("", default.strip()))
            self._add_back_key(question, untouched)
        result = self._run(question)
        # The "<" key exits with BACK itself; "<" typed alone then Enter gives BACK_TYPED.
        # Either way nothing was answered: no "question → answer" line.
        if back and (result == BACK or result.strip() == BACK_TYPED):
            return BACK
        self._done(mark, message, shown(result) if shown else (result.strip() or _("(none)")))
        return result
