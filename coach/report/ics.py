"""The plan as an iCalendar file (RFC 5545), written with the icalendar library.

    render_ics(plan, client_key=..., assessment_key=..., days=(0, 2, 4), at=time(9))

- one weekly event per routine block (RRULE FREQ=WEEKLY until the review date), on
  as many of the chosen days as the block has sessions, each occurrence lasting its
  share of the block's minutes: each 7 days from the plan's date hold exactly the
  minutes of the routine (coach/report/week.py says where the minutes come from);
- the review, at the chosen hour on the review date, with a reminder the day before;
- the gate's check, an all-day event on the gate's date;
- times in the local zone, with its VTIMEZONE (UTC when the zone has no IANA name),
  a DTSTAMP, and UIDs made from the client, the assessment and the block, so the same
  plan imported again replaces its events instead of adding copies.

Sentences come from the plan (its language); the frame (titles, the reminder) is
said in the plan's language too.
"""

from __future__ import annotations

import hashlib
import os
import shlex
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any

from coach.i18n import translator
from coach.report.labels import SPACE_KINDS, platform_name, translate
from coach.report.week import Block, blocks_of, gate_of, parse_day

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DEFAULT_DAYS = (0, 2, 4)           # Monday, Wednesday, Friday
DEFAULT_AT = time(9, 0)
_PRODID = "-//coach//coach plan//EN"
_SUMMARY_MAX = 70


def local_zone() -> tzinfo:
    """The local time zone by its IANA name ($TZ, /etc/timezone, /etc/localtime), else UTC:
    a calendar needs a zone it can describe with a VTIMEZONE, not just an offset."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    names = [os.environ.get("TZ", "").lstrip(":")]
    try:
        names.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except OSError:
        pass
    try:
        target = os.readlink("/etc/localtime")
        if "zoneinfo/" in target:
            names.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for name in names:
        if not name or name.startswith("/") or ".." in name:
            continue
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            continue
    return UTC


def key_of(text: str) -> str:
    """A short stable key for a name (case and Unicode form ignored)."""
    norm = unicodedata.normalize("NFC", text).casefold().strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:12]


def _uid(client_key: str, assessment_key: str, what: str) -> str:
    digest = hashlib.sha256(f"{client_key}|{assessment_key}|{what}".encode()).hexdigest()
    return f"{digest[:24]}@coach"


def _first_on_or_after(start: date, weekday: int) -> date:
    return start + timedelta(days=(weekday - start.weekday()) % 7)


class Slot:
    """Where one block lands: its days, its start (minutes after `at`) and duration."""

    def __init__(self, block: Block, days: tuple[int, ...], offset: int, length: int) -> None:
        self.block, self.days, self.offset, self.length = block, days, offset, length


def place(blocks: Sequence[Block], days: Sequence[int]) -> list[Slot]:
    """Share the blocks over the chosen days: a block of n sessions on the n least busy
    days, all at the same hour (one event, one start time), stacked after what those
    days already hold. A block's minutes divide exactly between its days, so a week
    holds exactly the routine's minutes."""
    load = {d: 0 for d in days}
    slots = []
    for block in blocks:
        n = max(1, min(block.sessions, len(days)))
        while n > 1 and block.minutes % n:
            n -= 1
        chosen = tuple(sorted(sorted(days, key=lambda d: (load[d], days.index(d)))[:n]))
        offset = max(load[d] for d in chosen)
        length = block.minutes // n
        for d in chosen:
            load[d] = offset + length
        slots.append(Slot(block, chosen, offset, length))
    return slots


def _summary(platform: str, text: str) -> str:
    line = f"{platform}: {text}" if platform else text
    if len(line) <= _SUMMARY_MAX:
        return line
    cut = line[: _SUMMARY_MAX - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _space_named(block: Block, lang: str) -> str:
    """The routine's sentence, with its space named if the sentence does not name it."""
    text = block.text
    space = block.space
    if space and space["name"] and space["name"] not in text:
        kind = translate(lang, SPACE_KINDS, space["kind"], space["kind"])
        tr = translator(lang, "report")
        text += "\n" + tr.gettext("Where: the {kind} “{name}”").format(kind=kind,
                                                                      name=space["name"])
    return text


def render_ics(plan: Mapping[str, Any], *, client_key: str, assessment_key: str,
               days: Sequence[int] = DEFAULT_DAYS, at: time = DEFAULT_AT,
               zone: tzinfo | None = None, stamp: datetime | None = None,
               goal_results: Mapping[str, Sequence[str]] | None = None,
               min_results: int = 3) -> bytes:
    """The plan's calendar, as the bytes of an .ics file (CRLF lines, UTF-8)."""
    from icalendar import Alarm, Calendar, Event

    lang = str(plan.get("lang") or "en")
    tr = translator(lang, "report")
    zone = zone or local_zone()
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    start = parse_day(plan.get("assessed_on")) or stamp.date()
    review = parse_day(plan.get("review_on")) or start + timedelta(days=90)
    client = str(plan.get("client") or "")
    days = tuple(sorted(set(days))) or DEFAULT_DAYS

    cal = Calendar()
    cal.add("prodid", _PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    title = tr.gettext("coach: the plan of {client}").format(client=client) if client \
        else tr.gettext("coach: the plan")
    cal.add("x-wr-calname", title)

    # Blocks end the day before the review: UNTIL is in UTC when DTSTART has a zone.
    until = datetime.combine(review, time(0), zone).astimezone(UTC) - timedelta(seconds=1)
    seen: dict[str, int] = {}
    for slot in place(blocks_of(plan), days):
        block = slot.block
        what = f"{block.platform or '-'}:{block.activity}"
        seen[what] = seen.get(what, 0) + 1
        first = min(_first_on_or_after(start, d) for d in slot.days)
        begin = datetime.combine(first, at, zone) + timedelta(minutes=slot.offset)
        ev = Event()
        ev.add("uid", _uid(client_key, assessment_key, f"block:{what}:{seen[what]}"))
        ev.add("dtstamp", stamp)
        ev.add("dtstart", begin)
        ev.add("dtend", begin + timedelta(minutes=slot.length))
        ev.add("rrule", {"freq": "weekly", "byday": [DAY_CODES[d] for d in slot.days],
                         "until": until})
        name = platform_name(lang, block.platform) if block.platform else ""
        ev.add("summary", _summary(name, block.text))
        ev.add("description", _space_named(block, lang))
        ev.add("categories", ["coach"])
        ev.add("transp", "OPAQUE")
        cal.add_component(ev)

    ev = Event()
    ev.add("uid", _uid(client_key, assessment_key, "review"))
    ev.add("dtstamp", stamp)
    begin = datetime.combine(review, at, zone)
    ev.add("dtstart", begin)
    ev.add("dtend", begin + timedelta(hours=1))
    ev.add("summary", tr.gettext("Review the plan (coach)"))
    follow = tr.gettext("Count what each platform brought since {date}, then make a "
                        "follow-up assessment: coach, then f on the client's page.")
    ev.add("description", follow.format(date=start.isoformat()))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", tr.gettext("Tomorrow: review the plan (coach)"))
    alarm.add("trigger", timedelta(days=-1))
    ev.add_component(alarm)
    cal.add_component(ev)

    gate = gate_of(plan, goal_results, min_results)
    check = parse_day(gate.by) or review
    ev = Event()
    ev.add("uid", _uid(client_key, assessment_key, "gate"))
    ev.add("dtstamp", stamp)
    ev.add("dtstart", check)
    ev.add("dtend", check + timedelta(days=1))
    if gate.add_channel:
        summary = tr.gettext("Check the gate: {n} results before adding a channel")
    else:  # the plan says to add no channel: the check is of the results alone
        summary = tr.gettext("Check the results: {n} expected (the plan adds no channel)")
    ev.add("summary", summary.format(n=gate.needed))
    ev.add("description", (gate.sentence + "\n" if gate.sentence else "")
           + tr.gettext("See where you stand: {command}").format(
               command="coach progress " + shlex.quote(client or "NAME")))
    ev.add("transp", "TRANSPARENT")
    cal.add_component(ev)

    if zone is not UTC:
        cal.add_missing_timezones()
    return cal.to_ical()


def parse_days(value: str) -> tuple[int, ...]:
    """"mon,wed,fri" (English or French, any case) -> (0, 2, 4); ValueError naming the part."""
    names = {**{n: i for i, n in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
             **{n: i for i, n in enumerate(("lun", "mar", "mer", "jeu", "ven", "sam", "dim"))}}
    out = []
    for part in value.split(","):
        key = unicodedata.normalize("NFC", part).strip().casefold()[:3]
        if key not in names:
            raise ValueError(part.strip())
        out.append(names[key])
    return tuple(sorted(set(out)))


def parse_at(value: str) -> time:
    """"09:00" -> time(9, 0); ValueError if it is not a time of day."""
    hours, sep, minutes = value.strip().partition(":")
    if not sep or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2:
        raise ValueError(value)
    return time(int(hours), int(minutes))
