"""The report model: one plan turned into cleaned, labelled, formatted pieces.

Every rendering (text, Markdown, HTML) reads this model and nothing else, so the
four formats say the same thing. Every string that came from the plan (the user's
words and the engine's sentences, which may quote them) goes through
`coach.textsafe.clean` here, once; renderers still escape for their own syntax.
The plan's optional keys (why, results_90d, recommended_hours, confidence...) may
be absent: the model then simply leaves them out.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from coach.report import labels as L
from coach.report.localfmt import after_label, hours, long_date, number, tie
from coach.textsafe import clean

_ASCII_SPACE = re.compile(r"[ \t\r\n]+")


def one_line(value: str) -> str:
    """Clean, then fold line breaks and runs of spaces; keep no-break spaces (French
    typography puts them before ":" and inside numbers: "1 250")."""
    return _ASCII_SPACE.sub(" ", clean(value)).strip()


# Longer texts are cut for display, with a visible mark: wrapping megabytes of one
# answer took Rich half a minute. The JSON report and the store keep the whole text.
DISPLAY_MAX = 2000
CUT_MARK = " […]"


def text(value: Any) -> str:
    """Any plan value as safe one-line display text (None -> ""), cut when very long."""
    if value is None:
        return ""
    shown = str(value)
    if len(shown) > DISPLAY_MAX:
        shown = shown[:DISPLAY_MAX] + CUT_MARK
    return one_line(shown)


def sentence(value: Any, lang: str) -> str:
    """One of the engine's sentences: safe text, with French typography's no-break spaces."""
    return tie(text(value), lang)


def as_float(value: Any) -> float | None:
    try:
        result = float(value)
    except (TypeError, ValueError):
        return None
    return result if result == result and abs(result) != float("inf") else None


class Result(NamedTuple):
    key: str
    count: int
    phrase: str          # "3 inquiries"


class PlatformRow(NamedTuple):
    id: str
    name: str
    verdict: str
    verdict_label: str
    score: int | None
    hours: float
    hours_text: str
    recommended: float | None
    recommended_text: str
    reason_label: str
    why: str
    explanation: str
    results: list[Result]
    measured_text: str = ""      # "declared 5 h, measured 7 h" when a tracker measured it

    @property
    def results_text(self) -> str:
        return ", ".join(r.phrase for r in self.results)


class FocusCard(NamedTuple):
    platform_id: str
    platform_name: str
    space_kind: str          # translated kind ("group") or ""
    space_name: str          # the user's name for the space, or ""
    reasons: list[str]


class WarningItem(NamedTuple):
    code: str
    title: str
    severity: str
    severity_label: str
    platform_name: str
    message: str
    instead: str


class TimeRow(NamedTuple):
    key: str
    label: str
    value: float
    text: str


@dataclass  # not an immutable record (it holds lists and a dict): a plain dataclass
class ReportModel:
    lang: str
    labels: L.Labels
    client: str
    assessed_iso: str
    assessed_on: str
    review_iso: str
    review_on: str
    goal: str
    focus: FocusCard | None
    platforms: list[PlatformRow]
    time: list[TimeRow]
    budget: float
    warnings: list[WarningItem]           # critical first, then warning, then info
    routine: list[str]
    track: list[str]
    gate: str
    confidence: str
    confidence_note: str
    engine_version: str
    notes: str
    extra: dict[str, Any] = field(default_factory=dict)

    def warnings_by_severity(self) -> list[tuple[str, str, list[WarningItem]]]:
        groups = []
        for sev in (*L.SEVERITY_ORDER, *sorted({w.severity for w in self.warnings}
                                             - set(L.SEVERITY_ORDER))):
            items = [w for w in self.warnings if w.severity == sev]
            if items:
                groups.append((sev, items[0].severity_label, items))
        return groups


def _results(lang: str, raw: Any) -> list[Result]:
    if not isinstance(raw, Mapping):
        return []
    keys = [k for k in L.RESULT_ORDER if k in raw] + sorted(
        str(k) for k in raw if k not in L.RESULT_ORDER)
    out = []
    for key in keys:
        value = as_float(raw.get(key))
        if value is None or value <= 0:
            continue
        count = int(value)
        out.append(Result(text(key), count,
                          L.result_phrase(lang, text(key), count, number(count, lang))))
    return out


def platform_label(lang: str, entry: Mapping[str, Any]) -> str:
    pid = text(entry.get("platform") or entry.get("id"))
    return text(entry.get("name")) or L.platform_name(lang, pid)


def platform_row(lang: str, entry: Mapping[str, Any], plan_lang: str | None = None
                 ) -> PlatformRow:
    pid = text(entry.get("platform"))
    verdict = text(entry.get("verdict"))
    score = as_float(entry.get("score"))
    hrs = as_float(entry.get("hours")) or 0.0
    rec = as_float(entry.get("recommended_hours"))
    reason = text(entry.get("reason"))
    measured = as_float(entry.get("measured_hours"))
    declared = as_float(entry.get("declared_hours"))
    measured_text = ("" if measured is None else L.declared_measured(
        lang, hours(hrs if declared is None else declared, lang), hours(measured, lang)))
    return PlatformRow(
        id=pid,
        name=platform_label(lang, entry),
        verdict=verdict,
        verdict_label=L.translate(lang, L.VERDICTS, verdict),
        score=None if score is None else round(score),
        hours=hrs,
        hours_text=hours(hrs, lang),
        recommended=rec,
        recommended_text="" if rec is None else hours(rec, lang),
        reason_label=L.translate(lang, L.REASONS, reason, default=reason),
        why=text(entry.get("why")),
        explanation=sentence(entry.get("explanation"), plan_lang or lang),
        results=_results(lang, entry.get("results_90d")),
        measured_text=measured_text,
    )


def build_model(plan: Mapping[str, Any], *, lang: str, notes: str | None = None) -> ReportModel:
    lab = L.labels(lang)
    plan_lang = text(plan.get("lang")) or lang
    raw_platforms = [p for p in plan.get("platforms") or [] if isinstance(p, Mapping)]
    rows = [platform_row(lang, p, plan_lang) for p in raw_platforms]
    names = {r.id: r.name for r in rows}

    focus = None
    raw_focus = plan.get("focus")
    if isinstance(raw_focus, Mapping):
        pid = text(raw_focus.get("platform"))
        space = raw_focus.get("space") if isinstance(raw_focus.get("space"), Mapping) else None
        kind = text(space.get("kind")) if space else ""
        focus = FocusCard(
            platform_id=pid,
            platform_name=names.get(pid) or L.platform_name(lang, pid),
            space_kind=L.translate(lang, L.SPACE_KINDS, kind, default=kind) if kind else "",
            space_name=text(space.get("name")) if space else "",
            reasons=[sentence(r, plan_lang) for r in raw_focus.get("reasons") or [] if text(r)],
        )

    time_raw = plan.get("time") if isinstance(plan.get("time"), Mapping) else {}
    time_rows = []
    for key in L.TIME_KEYS:
        value = as_float(time_raw.get(key))
        if value is not None:
            time_rows.append(TimeRow(key, lab.time_rows[key], value, hours(value, lang)))

    warnings = []
    for w in plan.get("warnings") or []:
        if not isinstance(w, Mapping):
            continue
        code, sev = text(w.get("code")), text(w.get("severity")) or "info"
        pid = text(w.get("platform"))
        warnings.append(WarningItem(
            code=code,
            # A code this coach has no title for (a newer engine's) is not shown as it is:
            # a client reads its severity, then its message.
            title=L.translate(lang, L.WARNING_TITLES, code,
                              default=L.translate(lang, L.SEVERITIES, sev)),
            severity=sev,
            severity_label=L.translate(lang, L.SEVERITIES, sev),
            platform_name=(names.get(pid) or L.platform_name(lang, pid)) if pid else "",
            message=sentence(w.get("message"), plan_lang),
            # Said after the label ("Instead, follow the plan: ..."), not after a colon: the
            # engine's advice often holds a colon of its own.
            instead=after_label(sentence(w.get("instead"), plan_lang)),
        ))
    rank = {s: i for i, s in enumerate(L.SEVERITY_ORDER)}
    warnings.sort(key=lambda w: rank.get(w.severity, len(rank)))  # stable within a severity

    goal = text(plan.get("goal"))
    confidence = text(plan.get("confidence"))
    assessed = text(plan.get("assessed_on"))
    review = text(plan.get("review_on"))
    return ReportModel(
        lang=lang,
        labels=lab,
        client=text(plan.get("client")),
        assessed_iso=assessed,
        assessed_on=long_date(assessed, lang) if assessed else "",
        review_iso=review,
        review_on=long_date(review, lang) if review else "",
        goal=L.translate(lang, L.GOALS, goal, default=goal) if goal else "",
        focus=focus,
        platforms=rows,
        time=time_rows,
        budget=as_float(time_raw.get("budget")) or 0.0,
        warnings=warnings,
        routine=[sentence(r, plan_lang) for r in plan.get("routine") or [] if text(r)],
        track=[sentence(t, plan_lang) for t in plan.get("track") or [] if text(t)],
        gate=sentence(plan.get("expansion_gate"), plan_lang),
        confidence=L.translate(lang, L.CONFIDENCE, confidence, default=confidence)
        if confidence else "",
        confidence_note=sentence(plan.get("confidence_note"), plan_lang),
        engine_version=text(plan.get("engine_version")),
        notes=clean(notes).strip() if notes else "",
        extra={"plan_lang": plan_lang},
    )
