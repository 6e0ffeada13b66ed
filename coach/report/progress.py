"""Progress since the latest assessment: what was logged, and the expansion gate measured.

    measure(plan, since, entries, today) -> Progress      (pure: no store, no I/O)
    progress_json(p) -> dict, progress_text(p, lang) -> str, gate_line(p, lang) -> str

Only results dated on or after the assessment count: what came before is what the
assessment itself was made from. The gate counts its kinds on its platform (the
focus), and is met when they reach what it needs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple, Protocol

from coach.i18n import is_french, translator
from coach.report.labels import RESULT_ORDER, platform_name, result_phrase
from coach.report.week import Gate, gate_of, parse_day


class Entry(Protocol):
    """What a logged result offers (coach.store.results_log.ResultEntry has it)."""

    date: str
    platform: str
    space: str | None
    counts: dict[str, int]
    note: str | None


class Progress(NamedTuple):
    since: str
    gate: Gate
    counts: dict[str, int]        # the gate's kinds on its platform, since `since`
    have: int
    met: bool
    weeks_left: int | None
    platforms: list[dict[str, Any]]
    entries: list[Entry]


def measure(plan: Mapping[str, Any], since: str, entries: Sequence[Entry], today: date, *,
            goal_results: Mapping[str, Sequence[str]] | None = None,
            min_results: int = 3) -> Progress:
    gate = gate_of(plan, goal_results, min_results)
    counted = [e for e in entries if e.date >= since]
    counts = {k: 0 for k in gate.kinds}
    per: dict[str, dict[str, Any]] = {}
    for e in counted:
        row = per.setdefault(e.platform, {"platform": e.platform, "entries": 0, "counts": {}})
        row["entries"] += 1
        for kind, n in e.counts.items():
            row["counts"][kind] = row["counts"].get(kind, 0) + n
            if kind in counts and (gate.platform is None or e.platform == gate.platform):
                counts[kind] += n
    have = sum(counts.values())
    by = parse_day(gate.by)
    weeks = None if by is None else max(0, -(-(by - today).days // 7))
    platforms = sorted(per.values(), key=lambda r: (r["platform"] != gate.platform,
                                                    r["platform"]))
    return Progress(since, gate, counts, have, have >= gate.needed, weeks, platforms, counted)


def progress_json(p: Progress) -> dict[str, Any]:
    return {
        "since": p.since,
        "gate": {"needed": p.gate.needed, "have": p.have, "met": p.met, "by": p.gate.by,
                 "counts": p.counts, "kinds": list(p.gate.kinds), "platform": p.gate.platform,
                 "weeks_left": p.weeks_left},
        "platforms": p.platforms,
        "entries": [{"date": e.date, "platform": e.platform, "space": e.space,
                     "counts": dict(e.counts), "note": e.note} for e in p.entries],
    }


def _what(lang: str, kinds: Sequence[str], n: int) -> str:
    if len(kinds) == 1:
        return result_phrase(lang, kinds[0], n, str(n))
    return translator(lang, "report").ngettext("{n} result", "{n} results", n).format(n=n)


def gate_line(p: Progress, lang: str) -> str:
    """"4 of 6 sales, 5 weeks left": the gate as one line (the client page's bar)."""
    tr = translator(lang, "report")
    line = tr.gettext("{have} of {needed}").format(have=p.have,
                                                   needed=_what(lang, p.gate.kinds, p.gate.needed))
    if p.met:
        return line + tr.gettext(", gate met")
    if p.weeks_left is None:
        return line
    if p.weeks_left == 0:
        return line + tr.gettext(", review due")
    return line + tr.ngettext(", {n} week left", ", {n} weeks left", p.weeks_left).format(
        n=p.weeks_left)


def _counts_text(lang: str, counts: Mapping[str, int]) -> str:
    keys = [k for k in RESULT_ORDER if counts.get(k)] + sorted(
        k for k in counts if k not in RESULT_ORDER and counts[k])
    if not keys:
        return translator(lang, "report").gettext("nothing yet")
    return ", ".join(result_phrase(lang, k, counts[k], str(counts[k])) for k in keys)


def progress_text(p: Progress, lang: str) -> str:
    tr = translator(lang, "report")
    colon = "\u00a0:" if is_french(lang) else ":"
    lines = [tr.gettext("Since the assessment of {date}").format(date=p.since) + colon]
    where = platform_name(lang, p.gate.platform) if p.gate.platform else ""
    head = tr.gettext("Gate") + (f" ({where})" if where else "") + colon
    lines.append(f"  {head} {gate_line(p, lang)}")
    kinds = ", ".join(result_phrase(lang, k, c, str(c)) for k, c in p.counts.items())
    if kinds:
        lines.append("    " + kinds)
    if not p.platforms:
        lines.append("  " + tr.gettext("Nothing logged since then (coach log NAME --platform "
                                       "ID --inquiries N ...)."))
    for row in p.platforms:
        lines.append(f"  {platform_name(lang, row['platform'])}{colon} "
                     f"{_counts_text(lang, row['counts'])}")
    return "\n".join(lines) + "\n"


def covers_90_days(entries: Sequence[Entry], since: str, today: date) -> bool:
    """Does the log reach over the last 90 days? It does when logging began 90 days ago
    or more: its first entry, or the assessment it follows when something was logged
    since (a log is kept from one review to the next)."""
    starts = [e.date for e in entries]
    if any(d >= since for d in starts):
        starts.append(since)
    first = min((d for d in starts if parse_day(d) is not None), default=None)
    return first is not None and first <= (today - timedelta(days=90)).isoformat()


def last_90_days(entries: Sequence[Entry], today: date) -> dict[str, dict[str, int]]:
    """platform -> kind -> count over the last 90 days (today included)."""
    start = (today - timedelta(days=90)).isoformat()
    out: dict[str, dict[str, int]] = {}
    for e in entries:
        if start < e.date <= today.isoformat():
            row = out.setdefault(e.platform, {})
            for kind, n in e.counts.items():
                row[kind] = row.get(kind, 0) + n
    return out
