"""RescueTime CSV exports: the interval view (`Date, Time Spent (seconds), Number of People,
Activity, Category, Productivity`, one row per activity and hour) and the rank view
(`Rank, ...`: totals for a period the file does not state).

RescueTime logs only the time a window is in use, so every row counts as written; its
dates are the account's local time, taken as they are. A negative time never counts.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from typing import NamedTuple

from coach.errors import FieldErrors, FieldProblem
from coach.i18n import Msg
from coach.measured import texts as T
from coach.measured.match import Matcher

SECONDS = "time spent (seconds)"


class CountedDays(NamedTuple):
    seconds: dict[str, float]
    unmatched: float
    first: date | None           # None: the rank view, which has no dates
    last: date | None


def looks_like_csv(text: str) -> bool:
    head = text.lstrip("\ufeff").split("\n", 1)[0].lower()
    return SECONDS in head


def _fail(source: str, message: Msg) -> FieldErrors:
    return FieldErrors([FieldProblem("", message, source=source)])


def _day(value: str) -> date | None:
    text = value.strip().replace("T", " ")
    try:
        return datetime.fromisoformat(text).date() if " " in text else date.fromisoformat(text)
    except ValueError:
        return None


def read_csv(text: str, source: str, matcher: Matcher, since: date | None,
             until: date | None) -> CountedDays:
    rows = csv.reader(text.lstrip("\ufeff").splitlines())
    header = [h.strip().lower() for h in next(rows, [])]
    if SECONDS not in header or "activity" not in header or not (
            "date" in header or "rank" in header):
        raise _fail(source, T.CSV_NO_HEADER)
    i_sec, i_act = header.index(SECONDS), header.index("activity")
    i_date = header.index("date") if "date" in header else None
    seconds: dict[str, float] = {}
    unmatched = 0.0
    days: list[date] = []
    for n, row in enumerate(rows, start=2):
        if not row or not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise _fail(source, T.CSV_COLUMNS.format(line=n, n=len(header), found=len(row)))
        try:
            spent = int(row[i_sec].strip())
        except ValueError:
            raise _fail(source, T.CSV_NUMBER.format(line=n, value=row[i_sec][:40])) from None
        if i_date is not None:
            day = _day(row[i_date])
            if day is None:
                raise _fail(source, T.CSV_DATE.format(line=n, value=row[i_date][:40]))
            if (since and day < since) or (until and day > until):
                continue
            days.append(day)
        if spent <= 0:
            continue
        platform = matcher.activity(row[i_act])
        if platform is None:
            unmatched += spent
        else:
            seconds[platform] = seconds.get(platform, 0.0) + spent
    return CountedDays(seconds, unmatched, min(days, default=None), max(days, default=None))
