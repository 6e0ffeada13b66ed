"""The routines of a bank as records (data/routines.toml once checked: coach.bank.routines).

Kept apart from the checker so that whatever reads a bank (the assessment model among
them) loads no language machinery.
"""

# No `from __future__ import annotations`: NamedTuple would compile every string annotation
# into a ForwardRef at import.
from collections.abc import Mapping
from typing import NamedTuple


class Activity(NamedTuple):
    id: str
    unit: int           # minutes one piece takes; 0: a time box, no count
    sitting: int        # minutes one sitting lasts (how many times a week)
    most: int = 0       # at most this many minutes a week (0: no cap); the rest goes on


class Step(NamedTuple):
    activity: str
    share: float
    goals: tuple[str, ...] = ()   # empty: every goal
    focus: bool = False           # only on the focus
    where: str = "space"          # "platform": said on the platform, not in the space


class Routine(NamedTuple):
    platform: str | None          # None: any platform
    space: str | None             # None: any space, or none named
    steps: tuple[Step, ...]

    @property
    def rank(self) -> int:
        """How specific the entry is: platform and space, space, platform, default."""
        return (2 if self.space else 0) + (1 if self.platform else 0)


class RoutineBook(NamedTuple):
    activities: Mapping[str, Activity]
    routines: tuple[Routine, ...]

    def find(self, platform: str, space: str | None) -> Routine | None:
        """The most specific routine for a channel (see routines.toml for the order)."""
        best: Routine | None = None
        for r in self.routines:
            if r.platform not in (None, platform) or r.space not in (None, space):
                continue
            if best is None or r.rank > best.rank:
                best = r
        return best


EMPTY_BOOK = RoutineBook(activities={}, routines=())
