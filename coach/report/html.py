"""The plan as one self-contained HTML page a consultant can send or print.

Inline CSS and an inline SVG chart only: no JavaScript, fonts, images or links
(a Content-Security-Policy says so to the browser too). Everything that came from
the plan is passed through `html.escape`; the page prints on the paper of the reader's
region (`@page` size A4 for fr-FR, Letter otherwise), cards never split across pages.
"""

from __future__ import annotations

from html import escape

from coach.i18n import is_french, paper
from coach.report.chart import VERDICT_COLOURS, render_chart
from coach.report.model import ReportModel

CSS = """
:root { --ink:#1d2733; --muted:#5f6b7a; --line:#e3e7ec; --soft:#f4f6f8; --accent:#0f766e;
  --critical:#b42318; --warning:#b7791f; --info:#2b6cb0; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; background: #eef1f4; color: var(--ink);
  font: 15px/1.5 "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
main { max-width: 820px; margin: 24px auto; background: #fff; padding: 36px 44px 28px;
  border-radius: 10px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
header.cover { border-bottom: 3px solid var(--accent); padding-bottom: 14px; margin-bottom: 22px; }
.eyebrow { text-transform: uppercase; letter-spacing: .12em; font-size: 12px; color: var(--accent);
  font-weight: 600; }
h1 { font-size: 30px; line-height: 1.2; margin: 4px 0 10px; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 0 0 10px; color: var(--ink); }
h3 { font-size: 14px; margin: 14px 0 6px; text-transform: uppercase; letter-spacing: .06em; }
dl.meta { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 0; font-size: 14px; }
dl.meta div { display: flex; gap: 6px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; font-weight: 600; }
section { margin: 0 0 22px; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 16px 18px;
  break-inside: avoid; page-break-inside: avoid; }
.focus { background: #effaf8; border-color: #b9e3dc; border-left: 6px solid var(--accent); }
.focus .where { font-size: 20px; margin: 0 0 8px; overflow-wrap: anywhere; }
p, li, dd { overflow-wrap: anywhere; }
.focus .where strong { color: var(--accent); }
.focus ul { margin: 0; padding-left: 20px; }
.tiles { display: grid; grid-template-columns: repeat(5, 1fr); gap: 10px; margin-bottom: 14px; }
.tile { background: var(--soft); border-radius: 6px; padding: 8px 10px; }
.tile .k { font-size: 12px; color: var(--muted); line-height: 1.25; }
.tile .v { font-size: 20px; font-weight: 700; white-space: nowrap; }
.tile.budget .v { color: var(--accent); }
.chart { display: block; font-size: 12px; }
.chart .grid { stroke: #edf0f3; stroke-width: 1; }
.chart .tick { fill: var(--muted); font-size: 11px; }
.chart .label { fill: var(--ink); font-size: 13px; font-weight: 600; }
.chart .value { fill: var(--ink); font-size: 12px; }
.chart .results { fill: var(--muted); font-size: 11px; }
.chart .results, .chart .value, .chart .budget-label { paint-order: stroke;
  stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
.chart .segment { stroke: #fff; stroke-width: 1; }
.chart .budget { stroke: var(--critical); stroke-width: 2; stroke-dasharray: 5 3; }
.chart .budget-label { fill: var(--critical); font-size: 12px; font-weight: 600; }
.chart .recommended { stroke: var(--ink); stroke-width: 2.5; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; color: var(--muted);
  margin-top: 6px; }
.legend span { display: inline-flex; align-items: center; gap: 5px; }
.swatch { width: 12px; height: 12px; border-radius: 2px; display: inline-block; }
.swatch.line { width: 3px; height: 14px; background: var(--ink); }
.swatch.dash { width: 14px; height: 0; border-top: 2px dashed var(--critical); }
table { width: 100%; border-collapse: collapse; font-size: 14px; }
th { text-align: left; font-size: 12px; text-transform: uppercase; letter-spacing: .05em;
  color: var(--muted); border-bottom: 2px solid var(--line); padding: 6px 8px; }
td { border-bottom: 1px solid var(--line); padding: 9px 8px; vertical-align: top;
  overflow-wrap: anywhere; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; white-space: nowrap; }
td .name { font-weight: 700; }
td .reason { color: var(--muted); font-size: 12px; }
td .why { font-style: italic; margin: 0 0 4px; overflow-wrap: anywhere; }
td .explanation { margin: 0; color: var(--ink); }
td .results { color: var(--muted); font-size: 13px; margin: 4px 0 0; }
.pill { display: inline-block; border-radius: 999px; padding: 1px 9px; font-size: 12px;
  font-weight: 700; color: #fff; white-space: nowrap; }
.warning-card { border-left: 5px solid var(--info); margin-bottom: 10px; }
.warning-card.critical { border-left-color: var(--critical); background: #fff6f5; }
.warning-card.warning { border-left-color: var(--warning); background: #fffaf0; }
.warning-card.info { border-left-color: var(--info); background: #f5f9ff; }
.warning-card .title { font-weight: 700; margin: 0; }
.warning-card p { margin: 4px 0 0; }
.warning-card .instead { font-weight: 600; color: var(--accent); }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
ol, ul { margin: 0; padding-left: 22px; }
li { margin: 3px 0; }
.track li { list-style: "☐  "; }
.review-date { font-size: 18px; font-weight: 700; color: var(--accent); }
.notes { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); }
.muted { color: var(--muted); }
footer { border-top: 1px solid var(--line); padding-top: 10px; margin-top: 26px;
  color: var(--muted); font-size: 12px; display: flex; justify-content: space-between; }
@media print {
  /* Paper is tight: smaller type and gaps, so a plan of three platforms takes two pages
     (it took four, then three with a last page a fifth full). */
  body { background: #fff; font-size: 8.6pt; line-height: 1.3; }
  main { box-shadow: none; margin: 0; padding: 0; max-width: none; border-radius: 0; }
  header.cover { padding-bottom: 6px; margin-bottom: 9px; }
  h1 { font-size: 18pt; margin: 2px 0 4px; }
  h2 { font-size: 11.5pt; margin-bottom: 4px; }
  h3 { margin: 6px 0 3px; }
  dl.meta { font-size: 9pt; }
  section { break-inside: auto; margin-bottom: 9px; }
  .card { padding: 7px 10px; }
  .focus .where { font-size: 13pt; margin-bottom: 4px; }
  .warning-card { margin-bottom: 4px; padding: 5px 10px; }
  .tiles { gap: 6px; margin-bottom: 6px; }
  .tile { padding: 4px 8px; }
  .tile .v { font-size: 12pt; }
  .chart { max-width: 118mm; }
  /* Many platforms: narrower, so the chart stays on the page with its tiles. */
  .chart.tall { max-width: 112mm; }
  li { margin: 1px 0; }
  th { padding: 4px 5px; }
  td { padding: 4px 5px; }
  table { font-size: 8.6pt; }
  td .results, td .reason { font-size: 8pt; }
  /* The sentences get the width: short rows, fewer pages. */
  .table-card table { table-layout: fixed; }
  .table-card th:nth-child(1) { width: 17%; } .table-card th:nth-child(2) { width: 13%; }
  .table-card th:nth-child(3) { width: 8%; } .table-card th:nth-child(4) { width: 12%; }
  /* A heading wraps in its narrow column instead of running into the next one. */
  th.num { white-space: normal; }
  /* The footer never goes alone onto a last page. */
  footer { margin-top: 6px; padding-top: 4px; break-before: avoid; page-break-before: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .card, .tile, tr, li { break-inside: avoid; page-break-inside: avoid; }
  /* A long table or list of warnings may cross a page (rows and cards stay whole)
     rather than leave most of a page blank. */
  .card.table-card, .action > .card { break-inside: auto; page-break-inside: auto; }
  .tiles { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
}
@media (max-width: 640px) {
  main { padding: 20px; } .tiles { grid-template-columns: repeat(2, 1fr); }
  .two { grid-template-columns: 1fr; }
}
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def e(value: object) -> str:
    return escape(str(value), quote=True)


def _colon(m: ReportModel, label: str) -> str:
    return f"{label}\u00a0:" if is_french(m.lang) else f"{label}:"


def _quote(m: ReportModel, words: str) -> str:
    return f"«\u00a0{words}\u00a0»" if is_french(m.lang) else f"“{words}”"


def _pill(verdict: str, label: str) -> str:
    colour = VERDICT_COLOURS.get(verdict, "#7a8491")
    return f'<span class="pill" style="background:{colour}">{e(label)}</span>'


def _meta(m: ReportModel) -> str:
    lab = m.labels
    items = [(lab.assessed_on, m.assessed_on), (lab.review_on, m.review_on),
             (lab.goal, m.goal), (lab.confidence, m.confidence)]
    cells = "".join(f"<div><dt>{e(_colon(m, k))}</dt><dd>{e(v)}</dd></div>"
                    for k, v in items if v)
    return f'<dl class="meta">{cells}</dl>' if cells else ""


def _focus(m: ReportModel) -> str:
    lab = m.labels
    if m.focus is None:
        return (f'<section class="card focus"><h2>{e(lab.focus)}</h2>'
                f'<p class="where"><strong>{e(lab.no_focus)}</strong></p></section>')
    f = m.focus
    where = f"<strong>{e(f.platform_name)}</strong>"
    if f.space_name:
        kind = f"{e(f.space_kind)} " if f.space_kind else ""
        where += f" · {kind}{e(_quote(m, f.space_name))}"
    elif f.space_kind:
        where += f" · {e(f.space_kind)}"
    reasons = "".join(f"<li>{e(r)}</li>" for r in f.reasons)
    return (f'<section class="card focus"><h2>{e(lab.focus)}</h2>'
            f'<p class="where">{where}</p>' + (f"<ul>{reasons}</ul>" if reasons else "")
            + "</section>")


def _legend(m: ReportModel) -> str:
    from coach.report import labels as L

    seen = []
    for r in m.platforms:
        if r.verdict not in seen:
            seen.append(r.verdict)
    chips = [f'<span><i class="swatch" style="background:'
             f'{VERDICT_COLOURS.get(v, "#7a8491")}"></i>{e(L.translate(m.lang, L.VERDICTS, v))}'
             f"</span>" for v in seen]
    chips.append(f'<span><i class="swatch line"></i>{e(m.labels.chart_recommended)}</span>')
    chips.append(f'<span><i class="swatch dash"></i>{e(m.labels.chart_budget)}</span>')
    return f'<div class="legend" aria-label="{e(m.labels.legend)}">{"".join(chips)}</div>'


def _time(m: ReportModel) -> str:
    lab = m.labels
    tiles = "".join(
        f'<div class="tile {e(t.key)}"><div class="k">{e(t.label)}</div>'
        f'<div class="v">{e(t.text)}</div></div>' for t in m.time)
    chart = render_chart(m) + _legend(m) if m.platforms else ""
    return (f'<section class="card"><h2>{e(lab.time)}</h2>'
            f'<div class="tiles">{tiles}</div>{chart}</section>')


def _platforms(m: ReportModel) -> str:
    lab = m.labels
    rows = []
    for r in m.platforms:
        why = (f'<p class="why">{e(_quote(m, r.why))}</p>' if r.why
               else f'<p class="why muted">{e(lab.no_why)}</p>')
        expl = f'<p class="explanation">{e(r.explanation)}</p>' if r.explanation else ""
        results = ""
        if r.verdict != "personal" or r.results:
            results = (f'<p class="results">{e(_colon(m, lab.results_90d))} '
                       f'{e(r.results_text or lab.no_results)}</p>')
        score = "—" if r.score is None or r.verdict == "personal" else f"{r.score}"
        hours = e(r.hours_text)
        if r.recommended is not None and r.recommended_text != r.hours_text:
            hours += f'<br><span class="muted">→ {e(r.recommended_text)}</span>'
        if r.measured_text:
            hours += f'<br><span class="muted">{e(r.measured_text)}</span>'
        reason = f'<div class="reason">{e(r.reason_label)}</div>' if r.reason_label else ""
        rows.append(
            f'<tr><td><div class="name">{e(r.name)}</div>{reason}</td>'
            f"<td>{_pill(r.verdict, r.verdict_label)}</td>"
            f'<td class="num">{score}</td><td class="num">{hours}</td>'
            f"<td>{why}{expl}{results}</td></tr>")
    return (f'<section class="card table-card"><h2>{e(lab.platforms)}</h2><table>'
            f"<thead><tr><th>{e(lab.platform)}</th><th>{e(lab.verdict)}</th>"
            f'<th class="num">{e(lab.score)}</th><th class="num">{e(lab.hours_week)}</th>'
            f"<th>{e(lab.why)} · {e(lab.explanation)}</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></section>")


def _warnings(m: ReportModel) -> str:
    lab = m.labels
    if not m.warnings:
        return (f"<section><h2>{e(lab.warnings)}</h2>"
                f'<p class="muted">{e(lab.no_warnings)}</p></section>')
    parts = [f"<section><h2>{e(lab.warnings)}</h2>"]
    for sev, sev_label, items in m.warnings_by_severity():
        parts.append(f"<h3>{e(sev_label)}</h3>")
        for w in items:
            where = f" · {e(w.platform_name)}" if w.platform_name else ""
            instead = (f'<p><span class="instead">{e(lab.instead)},</span> '
                       f"{e(w.instead)}</p>" if w.instead else "")
            parts.append(
                # The code is for programs (an attribute), never text a client reads.
                f'<div class="card warning-card {e(sev)}" data-code="{e(w.code)}">'
                f'<p class="title">{e(w.title)}{where}</p>'
                f"<p>{e(w.message)}</p>{instead}</div>")
    parts.append("</section>")
    return "".join(parts)


def _plan_of_action(m: ReportModel) -> str:
    lab = m.labels
    cols = []
    if m.routine:
        items = "".join(f"<li>{e(r)}</li>" for r in m.routine)
        cols.append(f'<div class="card"><h2>{e(lab.routine)}</h2><ol>{items}</ol></div>')
    if m.track:
        items = "".join(f"<li>{e(t)}</li>" for t in m.track)
        cols.append(f'<div class="card"><h2>{e(lab.track)}</h2>'
                    f'<ul class="track">{items}</ul></div>')
    if not cols:
        return ""
    cls = "two action" if len(cols) == 2 else "action"
    return f'<section class="{cls}">{"".join(cols)}</section>'


def _gate_and_review(m: ReportModel) -> str:
    lab = m.labels
    cols = []
    if m.gate:
        cols.append(f'<div class="card"><h2>{e(lab.gate)}</h2><p>{e(m.gate)}</p></div>')
    review = []
    if m.review_on:
        review.append(f'<p class="review-date">{e(m.review_on)}</p>')
    if m.confidence or m.confidence_note:
        text = " — ".join(x for x in (m.confidence, m.confidence_note) if x)
        review.append(f'<p><strong>{e(_colon(m, lab.confidence))}</strong> {e(text)}</p>')
    if review:
        cols.append(f'<div class="card"><h2>{e(lab.review)}</h2>{"".join(review)}</div>')
    if not cols:
        return ""
    cls = "two" if len(cols) == 2 else ""
    return f'<section class="{cls}">{"".join(cols)}</section>'


def page_css(lang: str) -> str:
    """The paper of the reader's region: A4 in France, Letter in Québec, North America
    and by default (coach.i18n.paper)."""
    return f"@page {{ size: {paper(lang)}; margin: 11mm 12mm; }}"


def render_html(m: ReportModel) -> str:
    lab = m.labels
    title = f"{lab.title} · {m.client}" if m.client else lab.title
    notes = (f'<section><h2>{e(lab.notes)}</h2><div class="card notes">{e(m.notes)}</div>'
             f"</section>" if m.notes else "")
    version = (" " + lab.engine_version.format(version=m.engine_version)
               if m.engine_version else "")
    footer = (f"<footer><span>{e(m.client)} · {e(m.assessed_on)}</span>"
              f"<span>{e(lab.generated_by)}{e(version)}</span></footer>")
    body = "".join([
        f'<header class="cover"><div class="eyebrow">{e(lab.title)}</div>'
        f"<h1>{e(m.client) or '—'}</h1>{_meta(m)}</header>",
        _focus(m), _time(m), _platforms(m), _warnings(m), _plan_of_action(m),
        _gate_and_review(m), notes, footer,
    ])
    return (f'<!DOCTYPE html>\n<html lang="{e(m.lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(title)}</title>\n<style>{CSS}{page_css(m.lang)}\n</style>\n</head>\n<body>\n<main>\n"
            f"{body}\n</main>\n</body>\n</html>\n")
