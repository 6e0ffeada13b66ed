"""User text is data, never markup and never terminal control.

Client names and free answers can hold anything, including escape sequences that
would retitle the window or plant a hyperlink (ESC ] 0 ; ... / ESC ] 8 ; ...).
We strip C0 controls except newline and tab, DEL, and C1 controls, both when text
comes in (import, forms) and when it goes out (screen, files).
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str, *, single_line: bool = False) -> str:
    """Remove control characters; with `single_line`, fold newlines and tabs to spaces."""
    text = _CONTROL.sub("", text)
    if single_line:
        text = " ".join(text.split())
    return text
