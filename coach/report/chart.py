"""An inline SVG chart: hours a week per platform against the budget, with results.

One row per platform: a bar whose length is the hours spent (colour = verdict), a
tick at the recommended hours, the results of the last 90 days beneath. A first
row stacks every platform's hours so the total can be read against the budget
line. Every length is `hours * scale` with one scale for the whole chart, so the
bars are proportional to the hours (tests parse the SVG and check it).
"""

from __future__ import annotations

from html import escape

from coach.report.localfmt import hours as fmt_hours
from coach.report.model import ReportModel

VERDICT_COLOURS = {"focus": "#0f766e", "keep": "#3f8f5a", "reduce": "#c27c0e",
                   "pause": "#b4443a", "personal": "#7c6bb0"}
OTHER_COLOUR = "#7a8491"

WIDTH = 680
LABEL_W = 180          # platform names on the left (22 characters: "Toutes les plateformes")
PLOT_X = LABEL_W + 10
PLOT_W = WIDTH - PLOT_X - 70   # room on the right for the hours figure
TOP = 34               # room for the budget label
ROW_H = 44
BAR_H = 16


def _x(value: float, scale: float) -> float:
    return round(PLOT_X + value * scale, 2)


# Platform names are drawn right-aligned, ending at LABEL_W: a name wider than that
# would start left of the picture and be cut ("orum des ébénistes d…"). Without a
# font to measure with, assume a generous average width per character (13px bold).
LABEL_CHAR_W = 8.0


def _short(name: str, limit: int) -> str:
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def label_fits(name: str) -> str:
    """The name, shortened so that it fits in the label column."""
    return _short(name, int((LABEL_W - 4) // LABEL_CHAR_W))


def _step(top: float) -> float:
    for step in (0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if top / step <= 8:
            return step
    return top / 8


def render_chart(m: ReportModel) -> str:
    lab = m.labels
    rows = m.platforms
    total = sum(r.hours for r in rows)
    top = max([m.budget, total, *(r.hours for r in rows),
               *(r.recommended or 0 for r in rows)] or [0]) or 1.0
    scale = PLOT_W / (top * 1.05)
    n_rows = len(rows) + 1
    height = TOP + n_rows * ROW_H + 34
    e = escape
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'data-scale="{scale:.6f}" aria-labelledby="chart-title">',
        f'<title id="chart-title">{e(lab.chart_title)}</title>',
    ]
    # Grid lines with hour labels at the bottom.
    step = _step(top * 1.05)
    value = 0.0
    while value <= top * 1.05 + 1e-9:
        x = _x(value, scale)
        out.append(f'<line class="grid" x1="{x}" y1="{TOP - 6}" x2="{x}" '
                   f'y2="{TOP + n_rows * ROW_H}" />')
        out.append(f'<text class="tick" x="{x}" y="{TOP + n_rows * ROW_H + 16}" '
                   f'text-anchor="middle">{e(fmt_hours(value, m.lang))}</text>')
        value += step

    # The budget line, drawn first so that labels sit on top of it.
    bx = _x(m.budget, scale)
    out.append(f'<line class="budget" x1="{bx}" y1="{TOP - 10}" x2="{bx}" '
               f'y2="{TOP + n_rows * ROW_H}" data-hours="{m.budget:g}" />')
    anchor = "end" if bx > PLOT_X + PLOT_W * 0.75 else "start"
    shift = -4 if anchor == "end" else 4
    out.append(f'<text class="budget-label" x="{bx + shift}" y="{TOP - 14}" '
               f'text-anchor="{anchor}">{e(lab.chart_budget)} {e(fmt_hours(m.budget, m.lang))}'
               f'</text>')
    # Row 0: everything stacked, against the budget.
    y = TOP + (ROW_H - BAR_H) / 2 - 6
    out.append(f'<text class="label total" x="{LABEL_W}" y="{y + BAR_H - 3}" '
               f'text-anchor="end">{e(label_fits(lab.all_platforms))}</text>')
    x = float(PLOT_X)
    colon = "\u00a0: " if m.lang == "fr" else ": "   # French: a space before the colon
    for r in rows:
        w = round(r.hours * scale, 2)
        if w > 0:
            colour = VERDICT_COLOURS.get(r.verdict, OTHER_COLOUR)
            out.append(f'<rect class="segment" x="{round(x, 2)}" y="{y}" width="{w}" '
                       f'height="{BAR_H}" fill="{colour}" data-hours="{r.hours:g}">'
                       f'<title>{e(r.name)}{colon}{e(r.hours_text)}</title></rect>')
        x += r.hours * scale
    out.append(f'<text class="value total" x="{round(x, 2) + 6}" y="{y + BAR_H - 3}">'
               f'{e(fmt_hours(total, m.lang))}</text>')

    # One row per platform.
    for i, r in enumerate(rows, 1):
        y = TOP + i * ROW_H + (ROW_H - BAR_H) / 2 - 6
        colour = VERDICT_COLOURS.get(r.verdict, OTHER_COLOUR)
        w = round(r.hours * scale, 2)
        out.append(f'<text class="label" x="{LABEL_W}" y="{y + BAR_H - 3}" '
                   f'text-anchor="end">{e(label_fits(r.name))}'
                   f'<title>{e(r.name)}</title></text>')
        out.append(f'<rect class="bar" x="{PLOT_X}" y="{y}" width="{w}" height="{BAR_H}" '
                   f'rx="2" fill="{colour}" data-platform="{e(r.id)}" '
                   f'data-hours="{r.hours:g}" />')
        end = _x(max(r.hours, r.recommended or 0), scale)
        out.append(f'<text class="value" x="{end + 6}" y="{y + BAR_H - 3}">'
                   f'{e(r.hours_text)}</text>')
        if r.recommended is not None and r.verdict != "personal":
            rx = _x(r.recommended, scale)
            out.append(f'<line class="recommended" x1="{rx}" y1="{y - 4}" x2="{rx}" '
                       f'y2="{y + BAR_H + 4}" data-hours="{r.recommended:g}" />')
        results = r.results_text or lab.no_results
        if r.verdict != "personal" or r.results:
            out.append(f'<text class="results" x="{PLOT_X}" y="{y + BAR_H + 14}">'
                       f'{e(_short(results, 90))}</text>')

    out.append("</svg>")
    return "\n".join(out)
