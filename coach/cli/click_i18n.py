"""Click's own messages ("Usage:", "Missing argument", "Try ... for help.") in our languages.

Click translates through the standard library's global gettext domain, which would make
us set process-wide locale variables. Instead we point the `_` and `ngettext` names that
Click's modules call at our `cli` catalog, for the language of this run. We translate the
messages users actually meet; any other Click message stays as Click wrote it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from coach.i18n import N_, translator

_CLICK_MODULES = ("click.core", "click.exceptions", "click.parser", "click.types",
                  "click.formatting", "click.decorators", "click.termui")


def Np_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a plural pair for extraction (Babel keyword Np_)."""
    return singular, plural


MESSAGES = (
    N_("Try '{command} {option}' for help."),
    N_("Error: {message}"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing command."),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("No such command {name!r}."),
    N_("No such option {name!r}."),
    N_("Option {name!r} does not take a value."),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is a file."),
    N_("default: {default}"),
    N_("required"),
    N_("Aborted!"),
    N_("Error: invalid input"),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
)
PLURALS = (
    Np_("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    Np_("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
    Np_("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    Np_("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
)


def install(current_lang: Callable[[], str | None]) -> None:
    """Route Click's messages through our catalog, in the language of the run under way.

    `current_lang()` gives None outside a run: Click also words a few things when our
    commands are declared (at import), and those stay as Click wrote them.
    """

    def gettext(message: str) -> str:
        lang = current_lang()
        return message if lang is None else translator(lang, "cli").gettext(message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        lang = current_lang()
        if lang is None:
            return singular if n == 1 else plural
        return translator(lang, "cli").ngettext(singular, plural, n)

    for name in _CLICK_MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext  # type: ignore[attr-defined]
