"""Measured time: ActivityWatch exports and RescueTime CSV, counted under the canonical rule."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from measured_support import QUARTER, WEEK, expected_hours

from coach.bank.load import load_bank
from coach.errors import FieldErrors, InputError, RunError
from coach.measured import read_measurement
from coach.measured.activitywatch import Bucket, count
from coach.measured.intervals import flood, subtract, union
from coach.measured.live import base_url
from coach.measured.match import Matcher
from coach.paths import bundled_bank_dir

BANK = load_bank(bundled_bank_dir())
T0 = datetime(2026, 11, 2, 9, tzinfo=UTC).timestamp()


def _hours(m) -> dict[str, float]:  # type: ignore[no-untyped-def]
    return {p: round(h, 4) for p, h in m.hours}


def _round(d: dict[str, float]) -> dict[str, float]:
    return {p: round(h, 4) for p, h in d.items()}


# -- the fixtures made by a real aw-server --------------------------------------------

def test_week_export_counts_what_the_canonical_rule_says() -> None:
    m = read_measurement(str(WEEK), BANK, tz=UTC)
    want, unmatched = expected_hours(date(2026, 11, 2), 7)
    assert _hours(m) == _round(want)
    assert round(m.unmatched, 4) == round(unmatched, 4)
    assert (m.first, m.last, m.days) == (date(2026, 11, 2), date(2026, 11, 8), 7)
    # The scenario's traps: facebook.com open while away (10:00-11:00) and instagram.com
    # behind a terminal (11:00-11:30) count nothing; the Android bucket's copy counts once.
    assert m.per_week()["instagram"] == 5.25 and m.per_week()["facebook"] == 3.5


def test_quarter_export_and_a_period_inside_it() -> None:
    m = read_measurement(str(QUARTER), BANK, tz=UTC)
    want, unmatched = expected_hours(date(2026, 8, 31), 91)
    assert m.days == 91 and _hours(m) == _round(want)
    assert round(m.unmatched, 4) == round(unmatched, 4)
    part = read_measurement(str(QUARTER), BANK, since=date(2026, 9, 5), until=date(2026, 9, 6),
                            tz=UTC)  # a weekend: no desktop
    want, _ = expected_hours(date(2026, 9, 5), 2)
    assert part.days == 2 and _hours(part) == _round(want)
    assert "youtube" not in dict(part.hours)


def test_given_dates_make_the_period_even_without_data_on_them() -> None:
    m = read_measurement(str(WEEK), BANK, since=date(2026, 11, 1), until=date(2026, 11, 14),
                         tz=UTC)
    assert m.days == 14
    assert m.per_week()["linkedin"] == round(280 / 60 * 7 / 14, 2)


def test_json_keys_are_the_issues() -> None:
    doc = read_measurement(str(WEEK), BANK, tz=UTC).as_json()
    assert list(doc) == ["source", "from", "to", "days", "platforms",
                         "unmatched_hours_per_week"]
    assert list(doc["platforms"][0]) == ["platform", "hours", "hours_per_week"]
    assert doc["platforms"][0] == {"platform": "instagram", "hours": 5.25,
                                   "hours_per_week": 5.25}


# -- the counting rule on small cases ---------------------------------------------------

def _b(bid: str, btype: str, host: str, events: list[tuple[float, float, dict]],
       client: str = "") -> Bucket:
    return Bucket(bid, btype, host, client, [(T0 + s, T0 + e, d) for s, e, d in events])


def _count(*buckets: Bucket) -> tuple[dict[str, float], float]:
    c = count(buckets, Matcher(BANK))
    return {p: s for p, s in c.seconds.items()}, c.unmatched


def test_tab_time_only_while_the_browser_is_in_front_and_someone_is_there() -> None:
    afk = _b("aw-watcher-afk_h", "afkstatus", "h", [(0, 600, {"status": "not-afk"}),
                                                    (600, 1200, {"status": "afk"})])
    win = _b("aw-watcher-window_h", "currentwindow", "h", [
        (0, 300, {"app": "Firefox"}), (300, 600, {"app": "Code"}),
        (600, 1200, {"app": "Firefox"})])
    web = _b("aw-watcher-web-firefox", "web.tab.current", "h", [
        (0, 1200, {"url": "https://www.linkedin.com/feed", "audible": False})])
    seconds, unmatched = _count(afk, win, web)
    assert seconds == {"linkedin": 300}   # behind Code, then away: not time spent
    assert unmatched == 300               # Code


def test_a_focused_tab_playing_sound_counts_as_present() -> None:
    afk = _b("aw-watcher-afk_h", "afkstatus", "h", [(0, 600, {"status": "afk"})])
    win = _b("aw-watcher-window_h", "currentwindow", "h", [(0, 600, {"app": "Google-chrome"})])
    web = _b("aw-watcher-web-chrome", "web.tab.current", "unknown", [
        (0, 300, {"url": "https://youtube.com/watch", "audible": True}),
        (300, 600, {"url": "https://youtube.com/watch", "audible": False})])
    assert _count(afk, win, web) == ({"youtube": 300}, 0)


def test_negative_durations_and_overlapping_buckets_never_count_twice() -> None:
    afk = _b("aw-watcher-afk_h", "afkstatus", "h", [(0, 3600, {"status": "not-afk"})])
    win = _b("aw-watcher-window_h", "currentwindow", "h", [(0, 600, {"app": "Slack"})])
    copy = _b("aw-watcher-window_h2", "currentwindow", "h", [(300, 900, {"app": "Slack.exe"})])
    phone = _b("aw-watcher-android", "currentwindow", "p", [
        (0, 600, {"app": "Slack", "package": "com.Slack"})], client="aw-android")
    negative = Bucket("x", "currentwindow", "h", "", [])
    seconds, _ = _count(afk, win, copy, phone, negative)
    assert seconds == {"discord_slack": 900}   # 0-900 once, whichever machine


def test_android_counts_as_reported_by_package_then_name() -> None:
    phone = _b("aw-watcher-android-test", "currentwindow", "phone", [
        (0, 60, {"app": "Insta", "package": "com.instagram.android"}),
        (60, 120, {"app": "LinkedIn", "package": "com.other"}),
        (120, 180, {"app": "Clock", "package": "com.android.deskclock"})], client="aw-android")
    assert _count(phone) == ({"instagram": 60, "linkedin": 60}, 60)


def test_intervals() -> None:
    assert union([(5, 6), (0, 2), (1, 3), (3, 4)]) == [(0, 4), (5, 6)]
    assert subtract([(0, 10)], [(2, 3), (5, 12)]) == [(0, 2), (3, 5)]
    assert flood([(0, 9, "a"), (11, 20, "b"), (15, 30, "c"), (40, 50, "d")], 5) == [
        (0, 11, "a"), (11, 15, "b"), (15, 30, "c"), (40, 50, "d")]


def test_matching_is_bank_data() -> None:
    m = Matcher(BANK)
    assert m.url("https://m.facebook.com/groups/1") == "facebook"
    assert m.url("https://www.linkedin.com/in/x") == "linkedin"
    assert m.url("https://notlinkedin.com/") is None
    assert m.app("SLACK.EXE") == "discord_slack"
    assert m.app("", "com.instagram.android") == "instagram"
    assert m.activity("linkedin.com") == "linkedin" and m.activity("Slack") == "discord_slack"
    assert Matcher(BANK._replace(tracking=())).url("https://linkedin.com") is None


# -- RescueTime --------------------------------------------------------------------------

INTERVAL = ("Date,Time Spent (seconds),Number of People,Activity,Category,Productivity\n"
            "2026-11-02 09:00:00,1800,1,linkedin.com,Business,2\n"
            "2026-11-02 10:00:00,900,1,Slack,Communication & Scheduling,1\n"
            "2026-11-04 10:00:00,600,1,www.facebook.com,Social Networking,-2\n"
            "2026-11-04 11:00:00,-60,1,linkedin.com,Business,2\n"
            "2026-11-08 11:00:00,1200,1,gnome-terminal,Software Development,2\n")
RANK = ("Rank,Time Spent (seconds),Number of People,Activity,Category,Productivity\n"
        "1,7200,1,instagram.com,Social Networking,-2\n"
        "2,3600,1,Microsoft Word,Writing,2\n")


def test_rescuetime_interval_view(tmp_path: Path) -> None:
    f = tmp_path / "rt.csv"
    f.write_text(INTERVAL, encoding="utf-8")
    m = read_measurement(str(f), BANK)
    assert (m.first, m.last, m.days) == (date(2026, 11, 2), date(2026, 11, 8), 7)
    assert _hours(m) == {"linkedin": 0.5, "discord_slack": 0.25, "facebook": round(1 / 6, 4)}
    assert round(m.unmatched, 4) == round(1 / 3, 4)
    part = read_measurement(str(f), BANK, since=date(2026, 11, 3))
    assert dict(part.hours) == {"facebook": 1 / 6} and part.first == date(2026, 11, 3)


def test_rescuetime_rank_view_needs_its_period(tmp_path: Path) -> None:
    f = tmp_path / "rank.csv"
    f.write_text(RANK, encoding="utf-8")
    with pytest.raises(FieldErrors) as exc:
        read_measurement(str(f), BANK)
    assert "--since and --until" in exc.value.said("en")[0]
    m = read_measurement(str(f), BANK, since=date(2026, 11, 1), until=date(2026, 11, 14))
    assert m.per_week() == {"instagram": 1.0} and m.weekly(m.unmatched) == 0.5


@pytest.mark.parametrize(("text", "where"), [
    ("Date,Time Spent (seconds),Number of People,Activity,Category,Productivity\n"
     "2026-11-02 09:00:00,abc,1,x.com,News,0\n", "line 2: Time Spent"),
    ("Date,Time Spent (seconds),Number of People,Activity,Category,Productivity\n"
     "2026-11-02 09:00:00,60,1,x.com\n", "line 2: expected 6 columns, found 4"),
    ("Date,Time Spent (seconds),Number of People,Activity,Category,Productivity\n"
     "yesterday,60,1,x.com,News,0\n", "line 2: Date"),
    ("hello,world\n", "not an ActivityWatch export"),
])
def test_bad_rescuetime_files_say_where(tmp_path: Path, text: str, where: str) -> None:
    f = tmp_path / "bad.csv"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_measurement(str(f), BANK)
    said = exc.value.said("en")[0]
    assert said.startswith(f"{f}: ") and where in said


# -- bad ActivityWatch input -------------------------------------------------------------

def test_a_cut_export_names_the_line_and_column(tmp_path: Path) -> None:
    cut = tmp_path / "cut.json"
    cut.write_bytes(WEEK.read_bytes()[:5000])
    with pytest.raises(InputError) as exc:
        read_measurement(str(cut), BANK)
    said = exc.value.said("en")[0]
    assert said.startswith(f"{cut}: not valid JSON at line ") and "column" in said


@pytest.mark.parametrize(("change", "where"), [
    (lambda e: e.update(duration="60"), ".events[3].duration: expected a number of seconds"),
    (lambda e: e.update(timestamp="monday"), ".events[3].timestamp: 'monday' is not a date"),
    (lambda e: e.pop("duration"), ".events[3].duration: is missing"),
    (lambda e: e.update(data=[1]), ".events[3].data: expected a JSON object"),
])
def test_a_malformed_event_names_its_bucket_and_index(tmp_path: Path, change, where: str) -> None:
    doc = json.loads(WEEK.read_text(encoding="utf-8"))
    change(doc["buckets"]["aw-watcher-window_laptop"]["events"][3])
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        read_measurement(str(bad), BANK)
    assert exc.value.said("en") == [
        f"{bad}: buckets['aw-watcher-window_laptop']{where}"
        + exc.value.said("en")[0].split(where, 1)[1]]


def test_not_an_export_and_nothing_to_count(tmp_path: Path) -> None:
    f = tmp_path / "x.json"
    f.write_text('{"events": []}', encoding="utf-8")
    with pytest.raises(InputError, match="not an ActivityWatch export"):
        read_measurement(str(f), BANK)
    f.write_text('{"buckets": {}}', encoding="utf-8")
    with pytest.raises(InputError, match="no time to count"):
        read_measurement(str(f), BANK)


@pytest.mark.parametrize("spec", ["aw:http://10.0.0.1:5600", "aw:http://example.com:5600",
                                  "aw:https://127.0.0.1:5600", "aw:http://127.0.0.1.nip.io:80",
                                  "aw:http://user@127.0.0.1:5600", "aw:127.0.0.1:5600"])
def test_only_loopback_is_accepted(spec: str) -> None:
    with pytest.raises(InputError) as exc:
        base_url(spec)
    assert exc.type is InputError and exc.value.exit_code == 2


def test_loopback_forms() -> None:
    assert base_url("aw") == "http://127.0.0.1:5600"
    assert base_url("aw:http://localhost:5666/") == "http://127.0.0.1:5666"
    assert base_url("aw:http://[::1]:5601") == "http://[::1]:5601"
    assert base_url("aw:http://127.0.0.2:5601") == "http://127.0.0.2:5601"


def test_no_activitywatch_running_is_a_run_error() -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(RunError) as exc:
        read_measurement(f"aw:http://127.0.0.1:{port}", BANK)
    assert exc.value.said("en") == [f"no ActivityWatch answered at http://127.0.0.1:{port}"]
    assert exc.value.exit_code == 1


def test_period_reversed() -> None:
    with pytest.raises(InputError, match="after --until"):
        read_measurement(str(WEEK), BANK, since=date(2026, 11, 8), until=date(2026, 11, 2))


def test_events_in_local_days(tmp_path: Path) -> None:
    """Days are the person's calendar days: 23:30 UTC is the next day in UTC+1."""
    plus_one = timezone(timedelta(hours=1))
    m = read_measurement(str(WEEK), BANK, tz=plus_one)
    assert (m.first, m.last) == (date(2026, 11, 2), date(2026, 11, 8))
    m = read_measurement(str(WEEK), BANK, tz=timezone(timedelta(hours=4)))
    assert m.last == date(2026, 11, 9)  # the phone's 20:00-21:00 UTC is past midnight
