"""The plan as terminal text (Rich), readable at 80 columns, honouring NO_COLOR.

User text only ever enters Rich as `Text(...)` objects: a client called
"[bold]x[/]" or "[link=http://evil]" stays those literal characters.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from io import StringIO
from typing import TypeVar

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from coach.i18n import is_french
from coach.report.model import ReportModel

# Rich wraps at any Unicode space, no-break ones included, so a French line could
# start with ":" or "»". While Rich lays the text out, a private-use character (one
# cell wide, never a break) stands for each no-break space; the output gets them back.
NBSP = "\u00a0"
KEEP = "\ue000"

VERDICT_STYLE = {"focus": "bold green", "keep": "green", "reduce": "yellow", "pause": "red",
                 "personal": "magenta"}
SEVERITY_STYLE = {"critical": "bold red", "warning": "yellow", "info": "cyan"}
T = TypeVar("T")
SEVERITY_MARK = {"critical": "!! ", "warning": "!  ", "info": "i  "}


def colour_wanted(stream: object = None) -> bool:
    """Colour only for a real terminal, and never when NO_COLOR is set (any value)."""
    if "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb":
        return False
    stream = sys.stdout if stream is None else stream
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def make_console(width: int, color: bool | None) -> tuple[Console, StringIO]:
    buf = StringIO()
    wanted = colour_wanted() if color is None else color
    console = Console(file=buf, width=width, force_terminal=wanted, no_color=not wanted,
                      color_system="standard" if wanted else None, highlight=False,
                      emoji=False, markup=False, legacy_windows=False, soft_wrap=False,
                      force_jupyter=False, force_interactive=False)
    return console, buf


def heading(title: str) -> Rule:
    return Rule(Text(title, style="bold"), align="left", style="dim")


def bullets(items: list[str], *, numbered: bool = False) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for i, item in enumerate(items, 1):
        grid.add_row(Text(f"{i}." if numbered else "•"), Text(item))
    return grid


def _head(m: ReportModel) -> Panel:
    lab = m.labels
    lines = Text()
    lines.append(lab.title, style="bold")
    lines.append(" · ")
    lines.append(m.client or "—", style="bold")
    dates = []
    if m.assessed_on:
        dates.append(_colon(m, lab.assessed_on) + m.assessed_on)
    if m.review_on:
        dates.append(_colon(m, lab.review_on) + m.review_on)
    if dates:
        lines.append("\n" + " · ".join(dates), style="dim")
    if m.goal:
        lines.append("\n" + _colon(m, lab.goal), style="dim")
        lines.append(m.goal, style="dim")
    return Panel(lines, expand=True)


def _focus(m: ReportModel) -> RenderableType:
    lab = m.labels
    if m.focus is None:
        body = Text(lab.no_focus, style="bold")
        return Panel(body, title=Text(lab.focus, style="bold"), title_align="left")
    f = m.focus
    head = Text()
    head.append(f.platform_name, style="bold green")
    if f.space_name:
        head.append(" · ")
        if f.space_kind:
            head.append(f.space_kind + " ")
        head.append(f"«{KEEP}{f.space_name}{KEEP}»" if is_french(m.lang) else f"“{f.space_name}”",
                    style="bold")
    elif f.space_kind:
        head.append(" · " + f.space_kind)
    parts: list[RenderableType] = [head]
    if f.reasons:
        parts.append(bullets(f.reasons))
    return Panel(Group(*parts), title=Text(lab.focus, style="bold"), title_align="left",
                 border_style="green")


def _quote(m: ReportModel, words: str) -> str:
    return f"«{KEEP}{words}{KEEP}»" if is_french(m.lang) else f"“{words}”"


def _colon(m: ReportModel, label: str) -> str:
    # French typography: a (non-breaking) space before the colon.
    return f"{label}{KEEP}: " if is_french(m.lang) else f"{label}: "


def _platforms(m: ReportModel) -> list[RenderableType]:
    lab = m.labels
    out: list[RenderableType] = [heading(lab.platforms)]
    for row in m.platforms:
        line = Text()
        line.append(row.name, style="bold")
        line.append("  ")
        line.append(row.verdict_label.upper(), style=VERDICT_STYLE.get(row.verdict, ""))
        meta = []
        if row.score is not None and row.verdict != "personal":
            meta.append(f"{lab.score} {row.score}/100")
        hours = f"{row.hours_text} {lab.per_week}"
        if row.recommended is not None and row.recommended_text != row.hours_text:
            hours += f" → {row.recommended_text} ({lab.chart_recommended})"
        if row.measured_text:
            hours += f" ({row.measured_text})"
        meta.append(hours)
        line.append("  " + " · ".join(meta), style="dim")
        body = Text()
        body.append(_colon(m, lab.why), style="italic")
        body.append(_quote(m, row.why) if row.why else lab.no_why)
        details: list[RenderableType] = [body]
        if row.explanation:
            details.append(Text(row.explanation))
        if row.verdict != "personal" or row.results:
            res = Text()
            res.append(_colon(m, lab.results_90d), style="italic")
            res.append(row.results_text or lab.no_results)
            details.append(res)
        out.append(line)
        out.append(Padding(Group(*details), (0, 0, 1, 2)))
    return out


def _time(m: ReportModel) -> list[RenderableType]:
    if not m.time:
        return []
    grid = Table.grid(padding=(0, 3))
    grid.add_column()
    grid.add_column(justify="right", no_wrap=True)
    for row in m.time:
        style = "bold" if row.key in ("budget", "focus_hours") else ""
        grid.add_row(Text(row.label), Text(row.text, style=style))
    return [heading(m.labels.time), Padding(grid, (0, 0, 1, 2))]


def _warnings(m: ReportModel) -> list[RenderableType]:
    lab = m.labels
    out: list[RenderableType] = [heading(lab.warnings)]
    if not m.warnings:
        out.append(Padding(Text(lab.no_warnings), (0, 0, 1, 2)))
        return out
    for sev, sev_label, items in m.warnings_by_severity():
        style = SEVERITY_STYLE.get(sev, "")
        out.append(Padding(Text(sev_label, style=style + " underline"), (0, 0, 0, 2)))
        for w in items:
            title = Text()
            title.append(SEVERITY_MARK.get(sev, "-  "), style=style)
            title.append(w.title, style="bold")
            if w.platform_name:
                title.append(" · " + w.platform_name)
            parts: list[RenderableType] = [title]
            if w.message:
                parts.append(Padding(Text(w.message), (0, 0, 0, 3)))
            if w.instead:
                inst = Text()
                inst.append(f"{lab.instead}, ", style="bold green")
                inst.append(w.instead)
                parts.append(Padding(inst, (0, 0, 0, 3)))
            out.append(Padding(Group(*parts), (0, 0, 1, 2)))
    return out


def _section(title: str, body: RenderableType) -> list[RenderableType]:
    return [heading(title), Padding(body, (0, 0, 1, 2))]


def build(m: ReportModel) -> list[RenderableType]:
    lab = m.labels
    parts: list[RenderableType] = [_head(m), _focus(m), Text()]
    parts += _platforms(m)
    parts += _time(m)
    parts += _warnings(m)
    if m.routine:
        parts += _section(lab.routine, bullets(m.routine, numbered=True))
    if m.track:
        parts += _section(lab.track, bullets(m.track))
    if m.gate:
        parts += _section(lab.gate, Text(m.gate))
    review = Text()
    if m.review_on:
        review.append(_colon(m, lab.review_on), style="bold")
        review.append(m.review_on)
    if m.confidence or m.confidence_note:
        if review:
            review.append("\n")
        review.append(_colon(m, lab.confidence), style="bold")
        review.append(" — ".join(x for x in (m.confidence, m.confidence_note) if x))
    if review:
        parts += _section(lab.review, review)
    if m.notes:
        parts += _section(lab.notes, Text(m.notes))
    return parts


def keep_together(obj: T) -> T:
    """A copy of a model (its records, dataclasses, lists, dicts, strings) with no-break
    spaces held. Records are NamedTuples; a plain tuple is left as it is."""
    if isinstance(obj, str):
        return obj.replace(NBSP, KEEP)  # type: ignore[return-value]
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return obj._make(keep_together(v) for v in obj)  # type: ignore[return-value]
    if isinstance(obj, list):
        return [keep_together(x) for x in obj]  # type: ignore[return-value]
    if isinstance(obj, dict):
        return {k: keep_together(v) for k, v in obj.items()}  # type: ignore[return-value]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.replace(obj, **{f.name: keep_together(getattr(obj, f.name))
                                           for f in dataclasses.fields(obj) if f.init})
    return obj


def render_text(m: ReportModel, *, width: int = 80, color: bool | None = None) -> str:
    console, buf = make_console(width, color)
    for part in build(keep_together(m)):
        console.print(part)
    return finish(buf.getvalue())


def finish(rendered: str) -> str:
    return strip_trailing(rendered).replace(KEEP, NBSP)


def strip_trailing(rendered: str) -> str:
    """Rich pads lines to the full width; trailing spaces only get in the way in files."""
    return "\n".join(line.rstrip(" ") for line in rendered.split("\n"))
