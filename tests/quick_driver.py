"""Driving quick mode for real: questionary prompts fed through prompt_toolkit pipe input.

`ScriptedPrompter` is the real Prompter; before each prompt it checks that the
question asked is the one the script expects (so a script out of step fails with a
clear message instead of hanging) and types that entry's keys into the pipe. A
watchdog presses ctrl+c if a prompt is still open long after its keys were sent,
turning a would-be hang into a failed run (never a timing assertion).
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from coach.assessment import Draft
from coach.assessment.entries import key_for
from coach.assessment.walk import Step, Walker
from coach.bank.model import Bank
from coach.quick import wording
from coach.quick.prompts import Prompter

DOWN, UP, ENTER, SPACE, CTRL_C, BACKSPACE = "\x1b[B", "\x1b[A", "\r", " ", "\x03", "\x7f"
BACK = "<"


@dataclass
class Entry:
    expect: str          # a piece of the question's text, in the run's language
    keys: str


@dataclass
class ScriptedPrompter(Prompter):
    script: list[Entry] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._pipe_cm = create_pipe_input()
        self.pipe = self._pipe_cm.__enter__()
        super().__init__(input=self.pipe, output=DummyOutput(), echo=self.lines.append)

    def close(self) -> None:
        self._pipe_cm.__exit__(None, None, None)

    def _feed(self, message: str) -> None:
        self.asked.append(message)
        if not self.script:
            raise AssertionError(f"script ended, but quick mode asks: {message!r}")
        entry = self.script.pop(0)
        if entry.expect not in message:
            raise AssertionError(f"script expects {entry.expect!r}, quick mode asks {message!r}")
        self.pipe.send_text(entry.keys)

    def _guarded(self, call: Any, *args: Any, **kwargs: Any) -> Any:
        watchdog = threading.Timer(20.0, lambda: self.pipe.send_text(CTRL_C))
        watchdog.start()
        try:
            return call(*args, **kwargs)
        finally:
            watchdog.cancel()

    def select(self, message: str, options: Any, **kw: Any) -> Any:
        self._feed(message)
        return self._guarded(super().select, message, options, **kw)

    def checkbox(self, message: str, options: Any, **kw: Any) -> Any:
        self._feed(message)
        return self._guarded(super().checkbox, message, options, **kw)

    def text(self, message: str, **kw: Any) -> Any:
        self._feed(message)
        return self._guarded(super().text, message, **kw)


class Keys:
    """Keystrokes for the bank's questions, computed from the bank (not hard-coded)."""

    def __init__(self, bank: Bank, lang: str) -> None:
        self.walker = Walker(bank)
        self.lang = lang

    def _step(self, qid: str, platform: str | None, answers: dict | None) -> tuple[Draft, Step]:
        draft = Draft(self.walker.bank, copy.deepcopy(answers or {}))
        return draft, Step(qid, key_for(platform) if platform else None)

    def text(self, qid: str, platform: str | None = None, answers: dict | None = None) -> str:
        return wording.text(self.walker, *self._step(qid, platform, answers), self.lang)

    def _ids(self, qid: str, platform: str | None) -> list[str]:
        draft, step = self._step(qid, platform, {"platforms": [{"id": platform}]}
                                 if platform else None)
        return [o[0] for o in wording.options(self.walker, draft, step, self.lang)]

    def pick(self, qid: str, wanted: str, platform: str | None = None) -> str:
        return DOWN * self._ids(qid, platform).index(wanted) + ENTER

    def tick(self, qid: str, wanted: Sequence[str], platform: str | None = None) -> str:
        ids, pos, keys = self._ids(qid, platform), 0, ""
        for w in wanted:
            i = ids.index(w)
            keys += (DOWN * (i - pos) if i >= pos else UP * (pos - i)) + SPACE
            pos = i
        return keys + ENTER


def yes() -> str:
    return ENTER


def no() -> str:
    return DOWN + ENTER
