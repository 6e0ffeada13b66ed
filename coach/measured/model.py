"""A measurement: where the hours came from, the period, and the hours per platform."""

# No `from __future__ import annotations`: NamedTuple would compile its annotations.
from datetime import date
from typing import Any, NamedTuple


def _h(x: float) -> float:
    return round(x + 0.0, 2)


class Measurement(NamedTuple):
    """Hours counted under the canonical rule, over whole calendar days first..last."""

    source: str                              # as the person named it: a file, aw, aw:URL
    first: date
    last: date
    hours: tuple[tuple[str, float], ...]     # platform id -> hours in the period, most first
    unmatched: float                         # hours that matched no platform

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def weekly(self, hours: float) -> float:
        return _h(hours * 7.0 / self.days)

    def per_week(self) -> dict[str, float]:
        return {pid: self.weekly(h) for pid, h in self.hours}

    def as_json(self) -> dict[str, Any]:
        """`coach measured --format json` (keys fixed by issue 14)."""
        return {
            "source": self.source,
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "days": self.days,
            "platforms": [{"platform": pid, "hours": _h(h), "hours_per_week": self.weekly(h)}
                          for pid, h in self.hours],
            "unmatched_hours_per_week": self.weekly(self.unmatched),
        }

    def for_answers(self) -> dict[str, Any]:
        """What an assessment keeps (the answers' `measured` table, see coach.answers)."""
        return {
            "source": self.source,
            "from": self.first.isoformat(),
            "to": self.last.isoformat(),
            "days": self.days,
            "hours_per_week": self.per_week(),
            "unmatched_hours_per_week": self.weekly(self.unmatched),
            "keep": {},
        }
