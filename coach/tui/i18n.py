"""The TUI's gettext domain, spoken in the language of the running app's one Voice.

There is no language state here. The app holds the run's Voice (its Context's, made
by the entry point) and the palette switches that very object, so a CLI or quick-mode
part speaking through it follows. These functions find it through the running app:
Textual keeps the app in a context variable while it runs (handlers, compose, timers,
async workers, `run_test` bodies). Called with no coach app running (at import, in a
thread worker, from a test that builds a widget by itself) they raise NoVoice instead
of guessing a language: run such code inside `app.run_test()`.
"""

from __future__ import annotations

from textual._context import active_app  # private; tests/test_tui_voice.py guards it

from coach.errors import CoachError, tell
from coach.i18n import N_, Sayable, Voice, is_french

__all__ = ["N_", "NoVoice", "_", "current_lang", "fmt_num", "ngettext", "say", "voice"]


class NoVoice(RuntimeError):
    """TUI text was asked for where no coach app is running: no language to speak."""


def voice() -> Voice:
    """The running coach app's Voice (the run's one language object)."""
    try:
        app = active_app.get()
    except LookupError:
        raise NoVoice("coach.tui text asked for with no app running: build widgets and "
                      "screens inside the app (tests: inside app.run_test())") from None
    found = getattr(app, "voice", None)
    if not isinstance(found, Voice):
        raise NoVoice(f"the running app ({type(app).__name__}) is not coach's: it has no Voice")
    return found


def current_lang() -> str:
    return voice().lang


def own_assessment() -> bool:
    """Whether the person assesses themselves (the welcome's "a freelancer, for myself",
    "a nonprofit, doing its self-assessment"): then nobody on screen is "the client".
    A consultant, or a workspace whose clients came from the command line, has clients."""
    app = active_app.get(None)
    ws = getattr(app, "workspace", None)
    try:
        return ws is not None and ws.get_setting("role") in ("freelancer", "nonprofit")
    except Exception:  # a workspace that cannot say: the words for clients, as before
        return False


# Footer and palette words that name "the client", and what they say to someone assessing
# themselves (coach.tui.bindings says them).
OWN_WORDS: dict[str, str] = {"Client page": N_("History"), "Clients": N_("Home")}


def _(message: str) -> str:
    return voice().catalog("tui").gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return voice().catalog("tui").ngettext(singular, plural, n)


def fmt_num(value: float | int) -> str:
    """2 -> "2", 1.5 -> "1.5" in English and "1,5" in French."""
    number = float(value)
    text = str(int(number)) if number.is_integer() else f"{number:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if is_french(voice().lang) else text


def say(message: Sayable | str | CoachError) -> str:
    """A problem raised below the TUI (Msg, field problem, CoachError) in the language now.

    Call it when the problem is shown, not when it is caught: the language may change
    in between (the palette), and what is on screen follows the language of the moment.
    """
    return tell(message, voice())
