"""Measured time: hours per platform from ActivityWatch and RescueTime, read locally.

Below the faces (they call `read_measurement` and show what it returns or raises) and
beside the engine, never inside it: reading files and asking the local ActivityWatch
is I/O; the engine only receives the hours (the answers' `measured` table).

Nothing is kept or changed until a source is read whole: every problem is raised
before a Measurement exists. Bad input (a cut or malformed export, a host that is
not this computer) is an InputError (exit 2) naming the file and where it breaks; no
ActivityWatch answering is a RunError (exit 1).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from coach.bank.model import Bank
from coach.errors import FieldErrors, FieldProblem, InputError
from coach.measured import texts as T
from coach.measured.model import Measurement

if TYPE_CHECKING:
    from coach.measured.activitywatch import Counted
    from coach.measured.match import Matcher

__all__ = ["Measurement", "read_measurement"]


def _epoch(day: date, tz: tzinfo | None) -> float:
    moment = datetime.combine(day, time(0))
    return (moment.replace(tzinfo=tz) if tz is not None else moment).timestamp()


def _local_day(epoch: float, tz: tzinfo | None) -> date:
    return datetime.fromtimestamp(epoch, tz).date()


def read_measurement(spec: str, bank: Bank, *, since: date | None = None,
                     until: date | None = None, tz: tzinfo | None = None) -> Measurement:
    """The hours of `spec` (a file, `aw` or `aw:URL`) per platform, between `since` and
    `until` (whole days, included; by default the first to the last day with data).

    `tz` is the time zone that makes calendar days (None: this computer's)."""
    from coach.measured.match import Matcher

    if since and until and since > until:
        raise InputError(T.PERIOD.format(since=since.isoformat(), until=until.isoformat()))
    matcher = Matcher(bank)
    start = _epoch(since, tz) if since else None
    end = _epoch(until + timedelta(days=1), tz) if until else None
    from coach.measured import live

    if live.is_live(spec):
        from coach.measured.activitywatch import count, read_export

        url, doc = live.fetch_export(spec, start, end)
        counted = count(read_export(doc, url), matcher, start, end)
        source = spec
        first = _local_day(counted.first, tz) if counted.first is not None else None
        last = _local_day(counted.last - 1e-6, tz) if counted.last is not None else None
        seconds, unmatched = counted.seconds, counted.unmatched
    else:
        from coach.files import read_text

        source = spec
        text = read_text(Path(spec))
        from coach.measured.rescuetime import looks_like_csv, read_csv

        if looks_like_csv(text):
            days = read_csv(text, spec, matcher, since, until)
            if days.first is None and (since is None or until is None) and (
                    days.seconds or days.unmatched):
                raise FieldErrors([FieldProblem("", T.CSV_RANK_DATES, source=spec)])
            seconds, unmatched, first, last = days
        else:
            counted = _count_export(text, spec, matcher, start, end)
            seconds, unmatched = counted.seconds, counted.unmatched
            first = _local_day(counted.first, tz) if counted.first is not None else None
            last = _local_day(counted.last - 1e-6, tz) if counted.last is not None else None
    first, last = since or first, until or last
    if first is None or last is None or not (seconds or unmatched):
        raise FieldErrors([FieldProblem("", T.NO_TIME, source=spec)])
    hours = tuple(sorted(((p, s / 3600.0) for p, s in seconds.items()),
                         key=lambda ph: (-ph[1], ph[0])))
    return Measurement(source=source, first=first, last=last, hours=hours,
                       unmatched=unmatched / 3600.0)


def _count_export(text: str, source: str, matcher: Matcher, start: float | None,
                  end: float | None) -> Counted:
    import json

    from coach.files import texts
    from coach.files.read import BadFile
    from coach.measured.activitywatch import count, read_export

    stripped = text.lstrip()
    if not stripped.startswith("{"):
        raise FieldErrors([FieldProblem("", T.NOT_EXPORT, source=source)])
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:  # a cut file: where it breaks
        raise BadFile(source, texts.json_problem(exc.lineno, exc.colno, exc.msg),
                      line=exc.lineno, column=exc.colno) from None
    return count(read_export(doc, source), matcher, start, end)
