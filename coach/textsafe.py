"""User text is data, never markup and never terminal control.

Client names and free answers can hold anything, including escape sequences that
would retitle the window or plant a hyperlink (ESC ] 0 ; ... / ESC ] 8 ; ...).
We strip C0 controls except newline and tab, DEL, C1 controls and bidi overrides, both when text
comes in (import, forms) and when it goes out (screen, files).
"""

from __future__ import annotations

import re

# C0 (but newline and tab), DEL, C1, and the bidirectional overrides and isolates that
# can make a name display reversed or hide text (U+200E/F, U+202A-E, U+2066-9).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str, *, single_line: bool = False) -> str:
    """Remove control characters; with `single_line`, fold newlines and tabs to spaces."""
    text = _CONTROL.sub("", text)
    if single_line:
        text = " ".join(text.split())
    return text
