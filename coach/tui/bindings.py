"""Key bindings speak the current language.

Descriptions are written as English msgids (N_) in BINDINGS; each node keeps its own
copy of its bindings, so we rewrite that copy from the class's originals whenever
the language changes. `node._bindings` is Textual's (private):
tests/test_tui_footer_lang.py fails if it stops being the table the footer reads.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from coach.i18n import N_, Voice
from coach.tui.i18n import OWN_WORDS, own_assessment
from coach.tui.i18n import voice as running_voice

# Textual's own words in its widgets' footers, said in coach's catalog.
TEXTUAL_WORDS = (N_("Dismiss menu"),)


def translate_bindings(node: DOMNode, voice: Voice | None = None) -> None:
    """Rewrite `node`'s bindings in the voice's language (default: the running app's).

    The app passes its own Voice: it translates its bindings before it runs."""
    tr = (voice or running_voice()).catalog("tui")
    own = own_assessment()

    def said(description: str) -> str:
        return tr.gettext(OWN_WORDS.get(description, description) if own else description)

    originals: dict[tuple[str, str], Binding] = {}
    for cls in reversed(type(node).__mro__):
        for item in getattr(cls, "BINDINGS", []) or []:
            if isinstance(item, tuple):  # Textual's own widgets declare ("key", "action", "Say")
                item = Binding(*item)
            if isinstance(item, Binding):
                for key in item.key.split(","):
                    originals[(key.strip(), item.action)] = item
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(b, description=said(originals[(key, b.action)].description))
            if (key, b.action) in originals and originals[(key, b.action)].description else b
            for b in bindings
        ]
