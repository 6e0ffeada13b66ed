"""The plan as Markdown: plain-text friendly, GitHub-style tables, escaped user text.

Every string from the plan goes through `md_inline` (the model has already
removed control characters); only the report's own frame is written as Markdown.
"""

from __future__ import annotations

from coach.i18n import is_french
from coach.report.mdescape import md_block, md_inline
from coach.report.model import PlatformRow, ReportModel


def _colon(m: ReportModel, label: str) -> str:
    return f"{label}\u00a0:" if is_french(m.lang) else f"{label}:"


def _quote(m: ReportModel, words: str) -> str:
    return f"«\u00a0{words}\u00a0»" if is_french(m.lang) else f"“{words}”"


def _results_cell(m: ReportModel, row: PlatformRow) -> str:
    if row.results_text:
        return md_inline(row.results_text)
    return "—" if row.verdict == "personal" else md_inline(m.labels.no_results)


def _cell(value: str) -> str:
    return md_inline(value) if value else "—"


def render_markdown(m: ReportModel) -> str:
    lab = m.labels
    out: list[str] = []
    add = out.append

    add(f"# {lab.title}\u00a0: {md_inline(m.client)}" if is_french(m.lang)
        else f"# {lab.title}: {md_inline(m.client)}")
    add("")
    meta = []
    if m.assessed_on:
        meta.append(f"**{_colon(m, lab.assessed_on)}** {m.assessed_on}")
    if m.review_on:
        meta.append(f"**{_colon(m, lab.review_on)}** {m.review_on}")
    if m.goal:
        meta.append(f"**{_colon(m, lab.goal)}** {md_inline(m.goal)}")
    if meta:
        add("  \n".join(meta))
        add("")

    add(f"## {lab.focus}")
    add("")
    if m.focus is None:
        add(f"**{lab.no_focus}**")
    else:
        f = m.focus
        line = f"**{md_inline(f.platform_name)}**"
        if f.space_name:
            kind = f"{md_inline(f.space_kind)} " if f.space_kind else ""
            line += f" · {kind}{_quote(m, md_inline(f.space_name))}"
        elif f.space_kind:
            line += f" · {md_inline(f.space_kind)}"
        add(line)
        if f.reasons:
            add("")
            out.extend(f"- {md_inline(r)}" for r in f.reasons)
    add("")

    add(f"## {lab.platforms}")
    add("")
    add(f"| {lab.platform} | {lab.verdict} | {lab.score} | {lab.hours_week} | "
        f"{lab.recommended} | {lab.results_90d} |")
    add("|---|---|---:|---:|---:|---|")
    for row in m.platforms:
        personal = row.verdict == "personal"
        score = "—" if row.score is None or personal else str(row.score)
        # Personal time is not planned: no recommendation (as in the text and HTML reports).
        recommended = "—" if personal or not row.recommended_text else row.recommended_text
        spent = row.hours_text + (f" ({row.measured_text})" if row.measured_text else "")
        add(f"| {_cell(row.name)} | {_cell(row.verdict_label)} | {score} | "
            f"{_cell(spent)} | {_cell(recommended)} | "
            f"{_results_cell(m, row)} |")
    add("")
    for row in m.platforms:
        add(f"### {md_inline(row.name)} · {md_inline(row.verdict_label)}")
        add("")
        why = _quote(m, md_inline(row.why)) if row.why else lab.no_why
        add(f"*{_colon(m, lab.why)}* {why}")
        if row.explanation:
            add("")
            add(md_inline(row.explanation))
        add("")

    if m.time:
        add(f"## {lab.time}")
        add("")
        add(f"| | {lab.hours_week} |")
        add("|---|---:|")
        for t in m.time:
            add(f"| {_cell(t.label)} | {_cell(t.text)} |")
        add("")

    add(f"## {lab.warnings}")
    add("")
    if not m.warnings:
        add(lab.no_warnings)
        add("")
    for _sev, sev_label, items in m.warnings_by_severity():
        add(f"### {md_inline(sev_label)}")
        add("")
        for w in items:
            where = f" · {md_inline(w.platform_name)}" if w.platform_name else ""
            add(f"- **{md_inline(w.title)}**{where}  ")
            add(f"  {md_inline(w.message)}" + ("  " if w.instead else ""))
            if w.instead:
                add(f"  *{md_inline(lab.instead)},* {md_inline(w.instead)}")
        add("")

    if m.routine:
        add(f"## {lab.routine}")
        add("")
        out.extend(f"{i}. {md_inline(r)}" for i, r in enumerate(m.routine, 1))
        add("")
    if m.track:
        add(f"## {lab.track}")
        add("")
        out.extend(f"- {md_inline(t)}" for t in m.track)
        add("")
    if m.gate:
        add(f"## {lab.gate}")
        add("")
        add(md_inline(m.gate))
        add("")
    review = []
    if m.review_on:
        review.append(f"**{_colon(m, lab.review_on)}** {m.review_on}")
    if m.confidence or m.confidence_note:
        text = " — ".join(md_inline(x) for x in (m.confidence, m.confidence_note) if x)
        review.append(f"**{_colon(m, lab.confidence)}** {text}")
    if review:
        add(f"## {lab.review}")
        add("")
        add("  \n".join(review))
        add("")
    if m.notes:
        add(f"## {lab.notes}")
        add("")
        add("  \n".join(md_block(m.notes)).replace("  \n  \n", "\n\n"))
        add("")
    footer = lab.generated_by + (
        " " + lab.engine_version.format(version=md_inline(m.engine_version))
        if m.engine_version else "")
    add("---")
    add("")
    add(f"*{footer}*")
    return "\n".join(out) + "\n"
