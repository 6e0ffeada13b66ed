"""A client's assessments over time, as plain rows and a small bar chart.

Pure functions (no Textual): the client screen shows them, tests read them.
"Results" sums the counted outcomes of the last 90 days (inquiries, contracts won,
referrals, sales, donations, sign-ups) over all platforms; site visits are left out
because their scale would flatten every other number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from coach.textsafe import clean
from coach.tui.i18n import _, fmt_num

if TYPE_CHECKING:
    from coach.store.records import AssessmentRecord

COUNTED = ("inquiries", "won", "referrals", "sales", "donations", "signups")
EIGHTHS = " ▏▎▍▌▋▊▉"


class AssessmentRow(NamedTuple):
    id: int
    date: str
    focus: str
    pro_hours: float | None
    budget: float | None
    warnings: int
    results: int
    notes: bool


def _number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None


def results_total(plan: Mapping[str, Any]) -> int:
    total = 0.0
    for entry in plan.get("platforms") or []:
        found = entry.get("results_90d") if isinstance(entry, Mapping) else None
        if isinstance(found, Mapping):
            total += sum(_number(found.get(k)) or 0.0 for k in COUNTED)
    return int(total)


def focus_name(plan: Mapping[str, Any], platform_names: Mapping[str, str]) -> str:
    focus = plan.get("focus")
    if not isinstance(focus, Mapping) or not focus.get("platform"):
        return "—"
    pid = str(focus["platform"])
    own = next((str(e["name"]) for e in plan.get("platforms") or []
                if isinstance(e, Mapping) and e.get("platform") == pid and e.get("name")), "")
    # "other" platforms carry the user's own label; bank platforms speak today's language.
    name = (own or pid) if pid == "other" else (platform_names.get(pid) or own or pid)
    space = focus.get("space")
    if isinstance(space, Mapping) and space.get("name"):
        name = f"{name} · {space['name']}"
    return clean(name, single_line=True)


def assessment_row(a: AssessmentRecord, platform_names: Mapping[str, str]) -> AssessmentRow:
    plan = a.plan
    time = plan.get("time") if isinstance(plan.get("time"), Mapping) else {}
    warnings = [w for w in plan.get("warnings") or [] if isinstance(w, Mapping)]
    return AssessmentRow(
        id=a.id, date=clean(a.date or "—", single_line=True),
        focus=focus_name(plan, platform_names), pro_hours=_number(time.get("professional")),
        budget=_number(time.get("budget")), warnings=len(warnings),
        results=results_total(plan), notes=bool((a.notes or "").strip()))


def bar(value: float, top: float, width: int) -> str:
    """A horizontal bar in eighths of a cell, `width` cells for `top`."""
    if top <= 0 or value <= 0:
        return ""
    eighths = round(min(value, top) / top * width * 8)
    return "█" * (eighths // 8) + (EIGHTHS[eighths % 8] if eighths % 8 else "")


def hours_text(row: AssessmentRow) -> str:
    if row.pro_hours is None:
        return "—"
    if row.budget is None:
        return f"{fmt_num(row.pro_hours)} h"
    return f"{fmt_num(row.pro_hours)} / {fmt_num(row.budget)} h"


def chart_lines(rows: Sequence[AssessmentRow], *, width: int = 16) -> list[str]:
    """One line per assessment: date, professional hours bar, results bar.

    Hours bars share one scale (the largest of hours and budgets), results another;
    the numbers are written out, so the chart reads the same without colour.
    """
    if not rows:
        return []
    top_hours = max([r.pro_hours or 0 for r in rows] + [r.budget or 0 for r in rows])
    top_results = max(r.results for r in rows)
    head = _("Professional hours a week") + " · " + _("results in 90 days")
    lines = [head]
    for r in rows:
        hours = bar(r.pro_hours or 0, top_hours, width).ljust(width)
        over = "▲" if r.pro_hours is not None and r.budget is not None and \
            r.pro_hours > r.budget else " "
        results = bar(r.results, top_results, width // 2).ljust(width // 2)
        lines.append(f"{r.date}  {hours} {fmt_num(r.pro_hours or 0):>5} h{over} "
                     f" {results} {r.results}")
    return lines
