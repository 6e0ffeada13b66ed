"""Quick mode speaks the run's one Voice (made by the entry point), from the `quick` catalog.

There is no language state here: `run_quick` speaks *with* the Context's Voice for the
length of the run (`speaking(voice)`), the way Textual keeps its running app; these
functions read it. Called outside a run they raise NoVoice instead of guessing a language.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from coach.errors import CoachError, tell
from coach.i18n import Sayable, Voice

# Which Voice is speaking now: the run's own object, never a copy of its language.
_speaking: ContextVar[Voice] = ContextVar("coach_quick_voice")


class NoVoice(RuntimeError):
    """Quick-mode text was asked for outside a run: no language to speak."""


@contextmanager
def speaking(voice: Voice) -> Iterator[Voice]:
    """Speak with `voice` inside the block (a run of quick mode, or a test)."""
    token = _speaking.set(voice)
    try:
        yield voice
    finally:
        _speaking.reset(token)


def voice() -> Voice:
    try:
        return _speaking.get()
    except LookupError:
        raise NoVoice("coach.quick text asked for outside a run: wrap it in "
                      "speaking(ctx.voice)") from None


def current_lang() -> str:
    return voice().lang


def _(message: str) -> str:
    return voice().catalog("quick").gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return voice().catalog("quick").ngettext(singular, plural, n)


def say(message: Sayable | str | CoachError) -> str:
    """A problem raised below quick mode (Msg, field problem, CoachError) in its language."""
    return tell(message, voice())
