"""What coach says about measured time, as Msg of the `measured` catalog (said by the face)."""

from __future__ import annotations

from coach.i18n import Deferred

_ = Deferred("measured").gettext

NOT_EXPORT = _("not an ActivityWatch export (expected {\"buckets\": {...}}) nor a RescueTime "
               "CSV export")
EXPECTED_TABLE = _("expected a JSON object")
EXPECTED_LIST = _("expected a list of events")
EXPECTED_TEXT = _("expected text")
EXPECTED_NUMBER = _("expected a number of seconds")
BAD_TIMESTAMP = _("{value!r} is not a date and time (like 2026-11-02T09:00:00+00:00)")
MISSING = _("is missing")
CSV_NO_HEADER = _("not a RescueTime export: the first line should name the columns "
                  "(Date or Rank, Time Spent (seconds), ..., Activity, ...)")
CSV_COLUMNS = _("line {line}: expected {n} columns, found {found}")
CSV_NUMBER = _("line {line}: Time Spent (seconds): {value!r} is not a whole number")
CSV_DATE = _("line {line}: Date: {value!r} is not a date (like 2026-11-02 09:00:00)")
CSV_RANK_DATES = _("this RescueTime rank view has no dates: give the period it covers with "
                   "--since and --until")
NO_TIME = _("no time to count (no window, app or browser activity in the period)")
NO_AW = _("no ActivityWatch answered at {url}")
AW_BAD = _("the ActivityWatch at {url} answered, but not as ActivityWatch does ({detail})")
NOT_LOOPBACK = _("{url}: only an ActivityWatch on this computer can be read (http://127.0.0.1, "
                 "http://[::1] or http://localhost with a port)")
PERIOD = _("--since {since} is after --until {until}")
