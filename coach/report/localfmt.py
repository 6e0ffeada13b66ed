"""Dates and numbers in the reader's local style (Babel), never hand-formatted.

French reports follow Québec conventions ("22 novembre 2026", "1,5 h"), or France's for
fr-FR; the first of the month is "1er décembre 2026". English ones follow US English
("November 22, 2026", "1.5 h").
"""

from __future__ import annotations

import re
from datetime import date

from coach.i18n import is_french

NBSP = "\u00a0"
_UNIT = re.compile(r"(\d) (h|min)\b")
_FR_BEFORE = re.compile(r" ([:;!?»])")

_BABEL_LOCALE = {"fr": "fr_CA", "fr-CA": "fr_CA", "fr-FR": "fr_FR", "en": "en"}


def babel_locale(lang: str) -> str:
    return _BABEL_LOCALE.get(lang, "en")


def number(value: float | int, lang: str) -> str:
    """1.5 -> "1.5" / "1,5"; 1234 -> "1,234" / "1 234" (at most two decimals)."""
    from babel.numbers import format_decimal

    return format_decimal(round(float(value), 2), format="#,##0.##", locale=babel_locale(lang))


def hours(value: float | int, lang: str) -> str:
    return f"{number(value, lang)}{NBSP}h"   # never "1.5" at a line's end, "h" on the next


def signed_hours(value: float | int, lang: str) -> str:
    """A change in hours, always with its sign: "+1.5 h", "−2 h", "0 h"."""
    if abs(value) < 0.005:
        return hours(0, lang)
    sign = "+" if value > 0 else "−"
    return f"{sign}{hours(abs(value), lang)}"


def long_date(iso: str, lang: str) -> str:
    """"2026-11-22" -> "November 22, 2026" / "22 novembre 2026"; anything else as given."""
    from babel.dates import format_date

    try:
        day = date.fromisoformat(iso)
    except (TypeError, ValueError):
        return str(iso)
    text = format_date(day, format="long", locale=babel_locale(lang))
    # French writes the first of the month as an ordinal: "1er décembre 2026".
    return "1er" + text[1:] if is_french(lang) and day.day == 1 and text[:2] == "1 " else text


def tie(text: str, lang: str) -> str:
    """No-break spaces where a line must not break: "1.5 h", and in French before
    « : ; ! ? » and after « (otherwise a wrapped line can start with ":" or "»")."""
    text = _UNIT.sub("\\1" + NBSP + "\\2", text)
    if is_french(lang):
        text = _FR_BEFORE.sub(NBSP + "\\1", text).replace("« ", "«" + NBSP)
    return text


def after_label(text: str) -> str:
    """'Follow the plan: ...' -> 'follow the plan: ...' (an acronym keeps its case)."""
    if len(text) > 1 and (text[1].isupper() or not text[0].isupper()):
        return text
    return text[:1].lower() + text[1:]
