"""Client names: any Unicode a person might use, made safe to store and to show.

Names are data: they never become file names (files are named from generated
ids) and never markup. They are cleaned of control characters (escape sequences
could retitle a terminal or plant a link), folded to one line, and NFC-normalised
so that "É" typed two ways is one name. Uniqueness ignores case.
"""

from __future__ import annotations

import re
import secrets
import unicodedata

from coach.textsafe import clean

MAX_NAME = 200
CLIENT_ID = re.compile(r"^c-[0-9a-f]{32}$")


def clean_name(raw: str) -> str:
    """The name as stored: controls removed, one line, NFC; may be empty (caller refuses)."""
    return unicodedata.normalize("NFC", clean(str(raw), single_line=True)).strip()


def name_key(name: str) -> str:
    """What two names must share to be the same client."""
    return unicodedata.normalize("NFC", clean_name(name).casefold())


def new_client_id() -> str:
    return "c-" + secrets.token_hex(16)


def is_client_id(value: str) -> bool:
    return bool(CLIENT_ID.match(value))
