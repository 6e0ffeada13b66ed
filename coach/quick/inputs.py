"""Reading typed answers: numbers in either language's style, required text.

Each check returns None when the input is acceptable, else the message to show
(questionary keeps the prompt open and shows it, so bad input is simply re-asked).
"""

from __future__ import annotations

import re

from coach.i18n import is_french
from coach.quick.lang import _

BACK_TYPED = "<"   # typed alone in a text or number prompt: back to the previous question
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def parse_number(text: str) -> float | None:
    """'1.5', '1,5', ' 2 ' -> a float; anything else -> None (commas are decimal marks)."""
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    if not _NUMBER.match(cleaned):
        return None
    return float(cleaned.replace(",", "."))


def tidy_number(value: float) -> int | float:
    """Whole numbers stay whole (2, not 2.0): counts stay ints, hours read naturally."""
    return int(value) if float(value).is_integer() else value


def show_number(value: float, lang: str) -> str:
    text = f"{tidy_number(value)}"
    return text.replace(".", ",") if is_french(lang) else text


def number_problem(text: str, minimum: float | None, maximum: float | None, *,
                   required: bool, lang: str) -> str | None:
    if not text.strip():
        return _("An answer is needed here (a number).") if required else None
    value = parse_number(text)
    if value is None:
        return _("Please type a number, like 2 or 1.5.")
    low_ok = minimum is None or value >= minimum
    high_ok = maximum is None or value <= maximum
    if low_ok and high_ok:
        return None
    if minimum is not None and maximum is not None:
        return _("Please type a number between {low} and {high}.").format(
            low=show_number(minimum, lang), high=show_number(maximum, lang))
    if minimum is not None:
        return _("Please type a number of at least {low}.").format(low=show_number(minimum, lang))
    return _("Please type a number of at most {high}.").format(high=show_number(maximum or 0, lang))


def text_problem(text: str, *, required: bool) -> str | None:
    if required and not text.strip():
        return _("An answer is needed here.")
    return None
