"""Numbers typed into the TUI's inputs: read in either language's style, checked in range.

Kept apart from the widgets so the inventory, the time page and the question fields read
a typed number the same way (and tests can check it without an app).
"""

from __future__ import annotations

MAX_HOURS = 168.0


def parse_number(text: str, *, minimum: float | None = 0.0,
                 maximum: float | None = MAX_HOURS) -> tuple[float | None, str | None]:
    """(value, None) or (None, problem key). Accepts a French decimal comma.

    Problem keys are stable words the screens translate: "nan", "negative", "above".
    """
    raw = text.strip().replace(",", ".").replace("\u00a0", "").replace(" ", "")
    if raw == "":
        return None, None
    try:
        value = float(raw)
    except ValueError:
        return None, "nan"
    if value != value or value in (float("inf"), float("-inf")):
        return None, "nan"
    low = 0.0 if minimum is None else minimum
    if value < low:
        return None, "negative" if value < 0 else "below"
    if maximum is not None and value > maximum:
        return None, "above"
    return value, None


def number_value(value: float) -> float | int:
    """Whole numbers stay whole in the answers file (results are counts)."""
    return int(value) if float(value).is_integer() else value
