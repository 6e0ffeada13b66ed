"""ActivityWatch exports, counted as ActivityWatch's own canonical query counts them.

The rule (aw-client's `queries.canonicalEvents`, the query behind aw-webui's Activity view):

- app time comes from the window watcher (`currentwindow` buckets), made disjoint by
  `flood` (5-second gaps between heartbeats filled, overlaps cut);
- nothing counts while the person is away: window time is kept only inside the
  `not-afk` periods of that computer's `afkstatus` bucket (plus the time a focused
  browser tab was playing sound, which the canonical query counts as present);
- browser tab time (`web.tab.current`, aw-watcher-web) counts only while that browser
  is the active window, so a feed left open behind another app, or while away, is not
  time spent; the rest of the browser's time is the browser's own (unmatched);
- Android (`currentwindow` from aw-android, with `package`) has no AFK watcher: the
  phone reports only the app in the foreground, and it counts as reported.

Then a second is counted once: per platform, the union of its time over every
computer and bucket (a duplicated bucket, or the same site open on two machines at
once, adds nothing), and the unmatched time is what no platform took.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, NamedTuple

from coach.bank.tracking import app_key
from coach.errors import FieldErrors, FieldProblem
from coach.i18n import Msg
from coach.measured import texts as T
from coach.measured.intervals import Span, flood, intersect_labeled, subtract, total, union
from coach.measured.match import Matcher

PULSETIME = 5.0  # seconds: aw-client's default flood pulsetime
MAX_EVENT_S = 366 * 86400.0  # no watcher reports one event longer than a year

# Copied from aw-client's queries.py (`browser_appnames`): the window names of each
# browser whose aw-watcher-web bucket is named after it ("aw-watcher-web-firefox").
BROWSER_APPS: dict[str, frozenset[str]] = {
    name: frozenset(app_key(a) for a in apps) for name, apps in {
        "chrome": ["Google Chrome", "Google-chrome", "chrome.exe", "google-chrome-stable",
                   "Chromium", "Chromium-browser", "Chromium-browser-chromium", "chromium.exe",
                   "Google-chrome-beta", "Google-chrome-unstable", "Brave-browser"],
        "firefox": ["Firefox", "Firefox.exe", "firefox", "firefox.exe",
                    "Firefox Developer Edition", "firefoxdeveloperedition", "Firefox-esr",
                    "Firefox Beta", "Nightly", "org.mozilla.firefox"],
        "opera": ["opera.exe", "Opera"],
        "brave": ["brave.exe"],
        "edge": ["msedge.exe", "Microsoft Edge"],
        "vivaldi": ["Vivaldi-stable", "Vivaldi-snapshot", "vivaldi.exe"],
    }.items()
}


class Bucket(NamedTuple):
    id: str
    type: str
    host: str
    client: str
    events: list[tuple[float, float, Mapping[str, Any]]]   # start, end, data


class Counted(NamedTuple):
    seconds: dict[str, float]     # platform id -> seconds
    unmatched: float              # seconds
    first: float | None           # earliest counted second (epoch), None: nothing counted
    last: float | None


class ExportError(FieldErrors):
    """A cut or malformed export: the file and where it breaks (exit 2)."""


def _fail(source: str, path: str, message: Msg) -> ExportError:
    return ExportError([FieldProblem(path, message, source=source)])


def _timestamp(value: Any, source: str, path: str) -> float:
    if type(value) is not str:
        raise _fail(source, path, T.EXPECTED_TEXT)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _fail(source, path, T.BAD_TIMESTAMP.format(value=value[:40])) from None
    if moment.tzinfo is None:  # ActivityWatch stores UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def read_export(doc: Any, source: str) -> list[Bucket]:
    """The buckets of an export (`/api/0/export`, the web UI's, or one bucket's)."""
    if not isinstance(doc, Mapping) or not isinstance(doc.get("buckets"), Mapping):
        raise _fail(source, "", T.NOT_EXPORT)
    out: list[Bucket] = []
    for bid, raw in doc["buckets"].items():
        where = f"buckets[{bid!r}]"
        if not isinstance(raw, Mapping):
            raise _fail(source, where, T.EXPECTED_TABLE)
        for key in ("type",):
            if not isinstance(raw.get(key), str):
                raise _fail(source, f"{where}.{key}",
                            T.MISSING if key not in raw else T.EXPECTED_TEXT)
        events = raw.get("events", [])
        if not isinstance(events, list):
            raise _fail(source, f"{where}.events", T.EXPECTED_LIST)
        parsed: list[tuple[float, float, Mapping[str, Any]]] = []
        append = parsed.append
        for i, ev in enumerate(events):
            # The shape is checked on every event (json gives dicts: `type(...) is dict`
            # is several times cheaper than isinstance against Mapping, on 100,000 of them).
            if type(ev) is not dict:
                raise _fail(source, f"{where}.events[{i}]", T.EXPECTED_TABLE)
            stamp, duration, data = ev.get("timestamp"), ev.get("duration"), ev.get("data", {})
            start = _timestamp(stamp, source, f"{where}.events[{i}].timestamp")
            if type(duration) is not float and type(duration) is not int:
                raise _fail(source, f"{where}.events[{i}].duration",
                            T.MISSING if duration is None else T.EXPECTED_NUMBER)
            if type(data) is not dict:
                raise _fail(source, f"{where}.events[{i}].data", T.EXPECTED_TABLE)
            # A negative (or NaN) duration is a clock's mistake: it never counts; nor
            # does an endless one (JSON's Infinity, which Python's json reads).
            if 0 < duration < MAX_EVENT_S:
                append((start, start + duration, data))
        out.append(Bucket(id=str(bid), type=raw["type"], host=str(raw.get("hostname") or ""),
                          client=str(raw.get("client") or ""), events=parsed))
    return out


def _browser(bucket: Bucket) -> str | None:
    for name in BROWSER_APPS:  # aw-client's `_browser_in_buckets`: the name in the id
        if name in bucket.id:
            return name
    return None


def _is_android(bucket: Bucket) -> bool:
    return "android" in bucket.client.lower() or bucket.id.startswith("aw-watcher-android")


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    return value if type(value) is str else ""


class _Host:
    def __init__(self) -> None:
        self.windows: list[Bucket] = []
        self.afk: list[Bucket] = []
        self.web: list[Bucket] = []
        self.android = False


def count(buckets: Iterable[Bucket], matcher: Matcher, start: float | None = None,
          end: float | None = None) -> Counted:
    """Seconds per platform (and unmatched) between `start` and `end` (epoch seconds)."""
    hosts: dict[str, _Host] = {}
    loose_web: list[Bucket] = []   # aw-watcher-web buckets of no known computer ("unknown")
    for b in buckets:
        if b.type == "currentwindow":
            h = hosts.setdefault(b.host, _Host())
            h.windows.append(b)
            h.android = h.android or _is_android(b)
        elif b.type == "afkstatus":
            hosts.setdefault(b.host, _Host()).afk.append(b)
        elif b.type == "web.tab.current" and _browser(b) is not None:
            loose_web.append(b)
    for b in loose_web:
        # Old aw-watcher-web names no computer: its tabs may belong to any of them, and
        # count only where that browser was the active window there.
        targets = [hosts[b.host]] if b.host in hosts else list(hosts.values())
        for h in targets:
            h.web.append(b)

    spans: list[tuple[float, float, object]] = []
    for h in hosts.values():
        if h.windows:
            spans += _host_spans(h, matcher)
    if start is not None or end is not None:
        lo = float("-inf") if start is None else start
        hi = float("inf") if end is None else end
        spans = [(max(s, lo), min(e, hi), p) for s, e, p in spans if e > lo and s < hi]

    by_platform: dict[object, list[Span]] = {}
    for s, e, p in spans:
        by_platform.setdefault(p, []).append((s, e))
    seconds: dict[str, float] = {}
    matched: list[Span] = []
    for p, items in by_platform.items():
        if p is None:
            continue
        merged = union(items)
        seconds[str(p)] = total(merged)
        matched += merged
    unmatched = total(subtract(union(by_platform.get(None, [])), union(matched)))
    first = min((s for s, _e, _p in spans), default=None)
    last = max((e for _s, e, _p in spans), default=None)
    return Counted(seconds=seconds, unmatched=unmatched, first=first, last=last)


def _host_spans(h: _Host, matcher: Matcher) -> list[tuple[float, float, object]]:
    """One computer's counted time, each span labelled with its platform (None: none)."""
    win = flood([(s, e, (_text(d, "app"), _text(d, "package")))
                 for b in h.windows for s, e, d in b.events], PULSETIME)
    labels: dict[object, str | None] = {}  # (app, package) -> platform, each pair once
    active: list[Span] | None = None
    if h.afk and not h.android:
        afk = flood([(s, e, _text(d, "status")) for b in h.afk for s, e, d in b.events],
                    PULSETIME)
        active = union((s, e) for s, e, status in afk if status == "not-afk")

    browsers = {_browser(b) or "" for b in h.web}
    # Each window name once (an export repeats a few hundred across 100,000 events).
    browser_of_app: dict[str, str] = {}
    for app in {lbl[0] for _s, _e, lbl in win}:  # type: ignore[index]
        key = app_key(app)
        for name in browsers:
            if key in BROWSER_APPS[name]:
                browser_of_app[app] = name
    tabs: list[tuple[float, float, object]] = []
    for name in sorted(browsers):
        focused = [(s, e) for s, e, (app, _pkg) in win  # type: ignore[misc]
                   if browser_of_app.get(app) == name]
        if not focused:
            continue
        events = flood([(s, e, (_text(d, "url"), d.get("audible") is True))
                        for b in h.web if _browser(b) == name for s, e, d in b.events],
                       PULSETIME)
        tabs += intersect_labeled(events, focused)
    tabs.sort(key=lambda t: t[0])
    if active is not None:
        # The canonical query counts a focused tab playing sound as presence.
        active = union(active + [(s, e) for s, e, (_u, audible) in tabs if audible])  # type: ignore[misc]
        win = intersect_labeled(win, active)
        tabs = intersect_labeled(tabs, active)

    out: list[tuple[float, float, object]] = []
    browser_time: list[Span] = []
    for s, e, (app, package) in win:  # type: ignore[misc]
        if app in browser_of_app:
            browser_time.append((s, e))
        else:
            key = (app, package)
            if key not in labels:
                labels[key] = matcher.app(app, package)
            out.append((s, e, labels[key]))
    tab_spans = union((s, e) for s, e, _lbl in tabs)
    for s, e in subtract(union(browser_time), tab_spans):
        out.append((s, e, None))  # the browser open on no tab a platform owns
    for s, e, (url, _audible) in tabs:  # type: ignore[misc]
        out.append((s, e, matcher.url(url)))
    return out
