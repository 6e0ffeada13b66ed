"""The plan as JSON: DESIGN.md's schema as is, plus `notes` when given.

Strings are cleaned of control characters on the way out, like every format.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from coach.textsafe import clean


def cleaned(value: Any) -> Any:
    """A deep copy of JSON-like data with every string (keys too) cleaned."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, Mapping):
        return {clean(str(k)): cleaned(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [cleaned(v) for v in value]
    return value


def render_json(plan: Mapping[str, Any], *, notes: str | None = None) -> str:
    data = cleaned(plan)
    if notes:
        data["notes"] = clean(notes)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def dump(data: Any) -> str:
    return json.dumps(cleaned(data), ensure_ascii=False, indent=2) + "\n"
