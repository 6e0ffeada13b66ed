"""Checks made before quick mode imports questionary (they must stay cheap)."""

from __future__ import annotations

import sys

from coach.i18n import Voice
from coach.quick.lang import _, speaking


def terminal_problem(voice: Voice) -> str | None:
    """Why quick mode cannot run here, or None: it asks questions, so it needs a terminal."""
    if sys.stdin is not None and sys.stdin.isatty():
        return None
    with speaking(voice):
        return _("coach quick asks its questions in a terminal, and standard input is not "
                 "one. Run it in a terminal, or make a plan from an answers file: "
                 "coach plan --answers FILE")
