"""The prompt layer: questionary's English hints replaced, back offered everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import questionary
from prompt_toolkit.formatted_text import to_formatted_text
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from coach.i18n import Voice
from coach.quick import prompts
from coach.quick.lang import speaking


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    """Prompts speak the run's Voice: these tests run in English unless they say French."""
    with speaking(Voice("en")):
        yield

def _capture(monkeypatch: Any) -> dict[str, Any]:
    """Record the questionary Question built by the prompter (then answer it at once)."""
    seen: dict[str, Any] = {}
    real = prompts.Prompter._run

    def spy(self: prompts.Prompter, question: questionary.Question) -> Any:
        seen["question"] = question
        control = prompts.Prompter._control(question) if "select" in seen["kind"] else None
        if control is not None:
            seen["choices"] = "".join(t[1] for t in to_formatted_text(control.text()))
        return real(self, question)

    monkeypatch.setattr(prompts.Prompter, "_run", spy)
    return seen


def test_french_select_has_french_hints_back_and_no_english_label(monkeypatch: Any) -> None:
    seen = _capture(monkeypatch)
    seen["kind"] = "select"
    lines: list[str] = []
    with speaking(Voice("fr")):
        with create_pipe_input() as pipe:
            p = prompts.Prompter(input=pipe, output=DummyOutput(), echo=lines.append)
            pipe.send_text("\r")
            got = p.select("Quelle plateforme ?", [("a", "Alpha", "Une aide sur Alpha")],
                           help_text="Pourquoi on demande", mark="[1/3]")
    assert got == "a"
    assert "Description" not in seen["choices"]
    assert "Une aide sur Alpha" in seen["choices"]
    assert "← Retour" in seen["choices"]
    assert lines == ["[1/3] Quelle plateforme ? → Alpha"]


def test_instruction_carries_help_and_keys_in_the_language() -> None:
    with speaking(Voice("fr")):
        text = prompts.Prompter()._instruction("Pourquoi on demande", "Entrée valider")
    assert "Pourquoi on demande" in text and "(Entrée valider)" in text


def test_checkbox_enter_on_back_goes_back_and_keeps_nothing() -> None:
    with create_pipe_input() as pipe:
        p = prompts.Prompter(input=pipe, output=DummyOutput(), echo=lambda _s: None)
        pipe.send_text("\x1b[A\r")               # up from the first choice: wraps to Back
        got = p.checkbox("Which?", [("a", "A", ""), ("b", "B", "")], checked=["b"])
    assert got == prompts.BACK


def test_text_back_only_while_untouched() -> None:
    with create_pipe_input() as pipe:
        p = prompts.Prompter(input=pipe, output=DummyOutput(), echo=lambda _s: None)
        pipe.send_text("a<b\r" + "<")
        assert p.text("Name?") == "a<b"         # once typing, < is a character
        assert p.text("Again?", default="kept") == prompts.BACK


def test_going_back_from_a_text_prompt_prints_no_answer_line() -> None:
    lines: list[str] = []
    with create_pipe_input() as pipe:
        p = prompts.Prompter(input=pipe, output=DummyOutput(), echo=lines.append)
        pipe.send_text("<")                      # the key, on an untouched answer
        assert p.text("Hours?", default="2", shown=lambda t: f"{float(t):g} h") == prompts.BACK
        pipe.send_text("<\r")                    # typed alone, then Enter
        assert p.text("Name?") == prompts.BACK
    assert lines == []    # no "Hours? → back" / "→ (none)" pretending something was answered
