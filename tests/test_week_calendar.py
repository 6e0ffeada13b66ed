"""`--format ics`: the routine as a calendar, read back with icalendar and expanded with
an independent library (recurring-ical-events)."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from engine_support import PERSONAS, persona, plan_for

from coach.cli.main import main
from coach.report.ics import render_ics
from coach.report.week import blocks_of, routine_minutes

DESIGNER = PERSONAS / "freelance_designer.toml"
STAMP = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COACH_TODAY", "2026-11-22")


def _calendar(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def _week_minutes(cal: icalendar.Calendar, start: date, weeks: int = 4) -> list[int]:
    """Minutes of routine (events other than the review and the gate) in each 7 days."""
    out = []
    for w in range(weeks):
        begin = datetime.combine(start + timedelta(days=7 * w), time(0))
        events = recurring_ical_events.of(cal).between(begin, begin + timedelta(days=7))
        total = 0
        for ev in events:
            # The review (with its reminder) and the all-day gate check are not routine.
            if ev.walk("VALARM") or not isinstance(ev["DTSTART"].dt, datetime):
                continue
            total += int((ev["DTEND"].dt - ev["DTSTART"].dt).total_seconds() // 60)
        out.append(total)
    return out


def _routine_events(cal: icalendar.Calendar) -> list[icalendar.Event]:
    return [e for e in cal.walk("VEVENT") if "RRULE" in e]


def _contract_plan() -> dict:
    """A plan as the engine writes it once routine_blocks and gate are in (CONTRACT.md)."""
    plan = dict(plan_for(persona("freelance_designer")))
    space = {"kind": "group", "name": "Entrepreneurs de la Mauricie"}
    plan["routine_blocks"] = [
        {"platform": "linkedin", "space": space, "activity": "answer_questions",
         "minutes": 90, "sessions": 3, "text": "Answer 6 questions (about 90 min)."},
        {"platform": "linkedin", "space": space, "activity": "publish_post", "minutes": 45,
         "sessions": 1, "text": "Publish 1 post (about 45 min)."},
        {"platform": "linkedin", "space": None, "activity": "reply_messages", "minutes": 35,
         "sessions": 2, "text": "Reply to every message (about 35 min)."},
        {"platform": "linkedin", "space": None, "activity": "list_comments", "minutes": 10,
         "sessions": 1, "text": "Note what came in (about 10 min)."},
    ]
    plan["gate"] = {"platform": "linkedin", "kinds": ["inquiries", "won"], "needed": 4,
                    "weeks": 13, "by": "2027-02-20", "have_90d": 4, "add_channel": True,
                    "next": None}
    return plan


def test_fallback_week_holds_the_focus_hours() -> None:
    """A plan without routine_blocks: the minutes its sentences give, every week."""
    plan = dict(plan_for(persona("freelance_designer")))
    plan.pop("routine_blocks", None)   # a plan stored before the engine wrote blocks
    plan.pop("gate", None)
    focus = next(p for p in plan["platforms"] if p["verdict"] == "focus")
    week = round(focus["recommended_hours"] * 60)
    assert week > 0 and routine_minutes(plan) == week
    cal = _calendar(render_ics(plan, client_key="k", assessment_key="a", stamp=STAMP,
                               zone=UTC))
    assert _week_minutes(cal, date(2026, 11, 22)) == [week] * 4
    # The description is the routine's sentence, with the space named.
    texts = [str(e["DESCRIPTION"]) for e in _routine_events(cal)]
    assert all("Entrepreneurs de la Mauricie" in t for t in texts)
    assert texts[0] == plan["routine"][0]


def test_contract_blocks_with_sessions_in_a_zone_across_daylight_saving() -> None:
    plan = _contract_plan()
    plan["assessed_on"], plan["review_on"] = "2027-03-15", "2027-06-13"
    zone = ZoneInfo("Europe/Paris")   # summer time starts on 28 March 2027
    data = render_ics(plan, client_key="k", assessment_key="a", stamp=STAMP, zone=zone,
                      days=(0, 2, 4), at=time(8, 30))
    cal = _calendar(data)
    assert b"BEGIN:VTIMEZONE" in data and b"TZID:Europe/Paris" in data
    assert _week_minutes(cal, date(2027, 3, 15), weeks=6) == [180] * 6
    events = _routine_events(cal)
    assert len(events) == len(plan["routine_blocks"])
    answer = events[0]
    assert answer["RRULE"]["BYDAY"] == ["MO", "WE", "FR"]
    assert (answer["DTEND"].dt - answer["DTSTART"].dt) == timedelta(minutes=30)
    # Local hours stay 08:30 after the change of time.
    after = recurring_ical_events.of(cal).between(datetime(2027, 4, 5), datetime(2027, 4, 6))
    starts = sorted(e["DTSTART"].dt for e in after)
    assert starts[0].astimezone(zone).time() == time(8, 30)
    # Nothing of the routine on or after the review date.
    late = recurring_ical_events.of(cal).between(datetime(2027, 6, 13), datetime(2027, 7, 30))
    assert all("RRULE" not in e for e in late)
    # A space not named in the sentence is named in the description.
    assert "Entrepreneurs de la Mauricie" in str(events[1]["DESCRIPTION"])


def test_review_with_reminder_and_gate_check() -> None:
    plan = _contract_plan()
    cal = _calendar(render_ics(plan, client_key="k", assessment_key="a", stamp=STAMP,
                               zone=UTC))
    on_review = recurring_ical_events.of(cal).at(date(2027, 2, 20))
    review = [e for e in on_review if e.walk("VALARM")]
    assert len(review) == 1
    alarm = review[0].walk("VALARM")[0]
    assert alarm["ACTION"] == "DISPLAY" and alarm["TRIGGER"].dt == timedelta(days=-1)
    gate = [e for e in on_review if "4 results" in str(e["SUMMARY"])]
    assert len(gate) == 1 and gate[0]["DTSTART"].dt == date(2027, 2, 20)
    for ev in cal.walk("VEVENT"):
        assert ev["DTSTAMP"].dt == STAMP
    plan["gate"]["add_channel"] = False      # "do not add a channel": the check says so
    cal = _calendar(render_ics(plan, client_key="k", assessment_key="a", zone=UTC))
    assert any("adds no channel" in str(e["SUMMARY"]) for e in cal.walk("VEVENT"))


def test_keep_platforms_get_their_hours() -> None:
    plan = copy.deepcopy(dict(plan_for(persona("freelance_designer"))))
    plan.pop("routine_blocks", None)   # the fallback: kept platforms from their hours
    insta = next(p for p in plan["platforms"] if p["platform"] == "instagram")
    insta["verdict"], insta["recommended_hours"] = "keep", 1.0
    assert [b.minutes for b in blocks_of(plan)][-1] == 60
    focus = next(p for p in plan["platforms"] if p["verdict"] == "focus")
    week = round(focus["recommended_hours"] * 60) + 60
    cal = _calendar(render_ics(plan, client_key="k", assessment_key="a", zone=UTC))
    assert _week_minutes(cal, date(2026, 11, 22)) == [week] * 4


def test_uids_stable_across_runs_and_distinct(tmp_path: Path) -> None:
    a, b = tmp_path / "a.ics", tmp_path / "b.ics"
    assert main(["plan", "--answers", str(DESIGNER), "--client", "Atelier Lune",
                 "--format", "ics", "-o", str(a)]) == 0
    assert main(["report", "atelier lune", "--format", "ics", "-o", str(b),
                 "--days", "tue,thu", "--at", "14:00"]) == 0
    uids_a = [str(e["UID"]) for e in _calendar(a.read_bytes()).walk("VEVENT")]
    uids_b = [str(e["UID"]) for e in _calendar(b.read_bytes()).walk("VEVENT")]
    assert uids_a == uids_b and len(set(uids_a)) == len(uids_a)
    other = render_ics(plan_for(persona("freelance_designer")), client_key="other",
                       assessment_key="2026-11-22")
    assert not set(uids_a) & {str(e["UID"]) for e in _calendar(other).walk("VEVENT")}
    ev = _routine_events(_calendar(b.read_bytes()))[0]
    assert set(ev["RRULE"]["BYDAY"]) <= {"TU", "TH"} and ev["DTSTART"].dt.time() == time(14, 0)
    assert oct(a.stat().st_mode & 0o777) == "0o600"


def test_french_plan_gives_a_french_calendar(tmp_path: Path) -> None:
    out = tmp_path / "fr.ics"
    assert main(["--lang", "fr", "plan", "--answers", str(DESIGNER), "--format", "ics",
                 "-o", str(out)]) == 0
    cal = _calendar(out.read_bytes())
    summaries = [str(e["SUMMARY"]) for e in cal.walk("VEVENT")]
    assert any(s.startswith("Bilan du plan") for s in summaries)
    assert any("Répondez" in str(e["DESCRIPTION"]) for e in cal.walk("VEVENT"))


@pytest.mark.parametrize("args, option", [
    (["--days", "mon,someday"], "--days"), (["--at", "9h"], "--at"),
    (["--at", "24:00"], "--at")])
def test_bad_calendar_options(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                              args: list[str], option: str) -> None:
    out = tmp_path / "x.ics"
    assert main(["plan", "--answers", str(DESIGNER), "--format", "ics", "-o", str(out),
                 *args]) == 2
    assert option in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("name", sorted(p.stem for p in PERSONAS.glob("*.toml")))
def test_every_persona_week_holds_its_routine(name: str) -> None:
    plan = plan_for(persona(name))
    cal = _calendar(render_ics(plan, client_key="k", assessment_key="a", zone=UTC))
    start = date.fromisoformat(plan["assessed_on"])
    minutes = routine_minutes(plan)
    assert _week_minutes(cal, start) == [minutes] * 4
    kept = sum(round(p["recommended_hours"] * 60) for p in plan["platforms"]
               if p["verdict"] in ("focus", "keep"))
    if plan["focus"]:
        assert minutes == kept
    # The review and its reminder are there whatever the routine.
    [review] = [e for e in cal.walk("VEVENT") if e.walk("VALARM")]
    assert review["DTSTART"].dt.date() == date.fromisoformat(plan["review_on"])
