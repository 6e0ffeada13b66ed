"""An inline SVG chart: hours a week per platform against the budget, with results.

One row per platform: a bar whose length is the hours spent (colour = verdict), a
tick at the recommended hours, the results of the last 90 days beneath. A first
row stacks every platform's hours so the total can be read against the budget
line. Every length is `hours * scale` with one scale for the whole chart, so the
bars are proportional to the hours (tests parse the SVG and check it).
"""

from __future__ import annotations

from html import escape

from coach.i18n import is_french
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
ROW_H_TIGHT = 34
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


# Widths to keep the budget line clear of a label (no font to measure with: generous).
VALUE_CHAR_W = 7.5     # 12px
RESULTS_CHAR_W = 6.8   # 11px


def _open_spans(x: float, top: float, bottom: float,
                labels: list[tuple[float, float, str, float]]) -> list[tuple[float, float]]:
    """The stretches of the vertical line at `x` from `top` to `bottom` that cross no
    label ((left, baseline, text, width of a character) each): the budget line stops
    short of a figure rather than running through it."""
    gaps = sorted((base - 13, base + 4) for left, base, text, char_w in labels
                  if left - 3 <= x <= left + len(text) * char_w + 3)
    spans: list[tuple[float, float]] = []
    start = top
    for g_top, g_bottom in gaps:
        if g_top > start:
            spans.append((start, min(g_top, bottom)))
        start = max(start, g_bottom)
    if start < bottom:
        spans.append((start, bottom))
    return spans or [(top, top)]


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
    # Many platforms: tighter rows, so the chart and its tiles fit on one printed page.
    row_h = ROW_H if n_rows <= 8 else ROW_H_TIGHT
    height = TOP + n_rows * row_h + 34
    e = escape
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart{" tall" * (row_h != ROW_H)}" '
        f'role="img" '
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
                   f'y2="{TOP + n_rows * row_h}" />')
        out.append(f'<text class="tick" x="{x}" y="{TOP + n_rows * row_h + 16}" '
                   f'text-anchor="middle">{e(fmt_hours(value, m.lang))}</text>')
        value += step

    # The budget line, drawn first, broken wherever a label would sit on it.
    bx = _x(m.budget, scale)
    budget_at = len(out)  # filled in once every label's place is known
    anchor = "end" if bx > PLOT_X + PLOT_W * 0.75 else "start"
    shift = -4 if anchor == "end" else 4
    out.append(f'<text class="budget-label" x="{bx + shift}" y="{TOP - 14}" '
               f'text-anchor="{anchor}">{e(lab.chart_budget)} {e(fmt_hours(m.budget, m.lang))}'
               f'</text>')
    # Row 0: everything stacked, against the budget.
    y = TOP + (row_h - BAR_H) / 2 - 6
    out.append(f'<text class="label total" x="{LABEL_W}" y="{y + BAR_H - 3}" '
               f'text-anchor="end">{e(label_fits(lab.all_platforms))}</text>')
    x = float(PLOT_X)
    colon = "\u00a0: " if is_french(m.lang) else ": "   # French: a space before the colon
    for r in rows:
        w = round(r.hours * scale, 2)
        if w > 0:
            colour = VERDICT_COLOURS.get(r.verdict, OTHER_COLOUR)
            out.append(f'<rect class="segment" x="{round(x, 2)}" y="{y}" width="{w}" '
                       f'height="{BAR_H}" fill="{colour}" data-hours="{r.hours:g}">'
                       f'<title>{e(r.name)}{colon}{e(r.hours_text)}</title></rect>')
        x += r.hours * scale
    total_text = fmt_hours(total, m.lang)
    out.append(f'<text class="value total" x="{round(x, 2) + 6}" y="{y + BAR_H - 3}">'
               f'{e(total_text)}</text>')
    labels = [(round(x, 2) + 6, y + BAR_H - 3, total_text, VALUE_CHAR_W)]

    # One row per platform.
    for i, r in enumerate(rows, 1):
        y = TOP + i * row_h + (row_h - BAR_H) / 2 - 6
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
        labels.append((end + 6, y + BAR_H - 3, r.hours_text, VALUE_CHAR_W))
        if r.recommended is not None and r.verdict != "personal":
            rx = _x(r.recommended, scale)
            out.append(f'<line class="recommended" x1="{rx}" y1="{y - 4}" x2="{rx}" '
                       f'y2="{y + BAR_H + 4}" data-hours="{r.recommended:g}" />')
        results = r.results_text or lab.no_results
        if r.verdict != "personal" or r.results:
            shown = _short(results, 90)
            out.append(f'<text class="results" x="{PLOT_X}" y="{y + BAR_H + 14}">'
                       f'{e(shown)}</text>')
            labels.append((PLOT_X, y + BAR_H + 14, shown, RESULTS_CHAR_W))

    out[budget_at:budget_at] = [
        f'<line class="budget" x1="{bx}" y1="{y1:g}" x2="{bx}" y2="{y2:g}" '
        f'data-hours="{m.budget:g}" />'
        for y1, y2 in _open_spans(bx, TOP - 10, TOP + n_rows * row_h, labels)]
    out.append("</svg>")
    return "\n".join(out)
