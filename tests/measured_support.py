"""Shared by the measured-time tests: the fixtures, the scenario's expected counts, UTC days."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

AW_DIR = Path(__file__).resolve().parent / "fixtures" / "aw"
WEEK = AW_DIR / "week.json"
QUARTER = AW_DIR / "quarter.json"
sys.path.insert(0, str(AW_DIR))

from scenario import BUCKETS, days_events, expected_minutes  # noqa: E402

__all__ = ["BUCKETS", "QUARTER", "WEEK", "days_events", "expected_hours", "utc"]


def expected_hours(first: date, n_days: int) -> tuple[dict[str, float], float]:
    minutes, unmatched = expected_minutes(first, n_days)
    return {p: m / 60 for p, m in minutes.items()}, unmatched / 60


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Calendar days in UTC, as the fixtures were written (the CLI uses local time)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()
