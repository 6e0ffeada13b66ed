"""Today's date, in one place.

`COACH_TODAY=YYYY-MM-DD` pins it, so tests, snapshots, golden reports and demos
are reproducible; users never need it.
"""

from __future__ import annotations

import os
from datetime import date


def today() -> date:
    pinned = os.environ.get("COACH_TODAY")
    if pinned:
        return date.fromisoformat(pinned)
    return date.today()
