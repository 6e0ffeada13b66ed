"""Reports: one report model, four renderings (text, Markdown, HTML, JSON).

    render(plan, "html", lang="fr", notes="...")      -> str
    render_comparison(old, new, "md", lang="en")      -> str

Writing a report to a file is coach.files' job (`write_file(path, text, force=...)`),
as for every file a person names.

Renderers are imported on demand so `coach plan --format json` stays light.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

FORMATS: tuple[str, ...] = ("text", "md", "html", "json")


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r} (use one of {', '.join(FORMATS)})")


def render(plan: Mapping[str, Any], fmt: str, *, lang: str, width: int = 80,
           notes: str | None = None, color: bool | None = None) -> str:
    """The plan in `fmt`; headings in `lang`, the plan's own sentences as written.

    `color` only matters for text: None means "if stdout is a terminal and NO_COLOR
    is unset"; pass False when the text goes to a file.
    """
    _check(fmt)
    if fmt == "json":
        from coach.report.jsonout import render_json

        return render_json(plan, notes=notes)
    from coach.report.model import build_model

    model = build_model(plan, lang=lang, notes=notes)
    if fmt == "text":
        from coach.report.text import render_text

        return render_text(model, width=width, color=color)
    if fmt == "md":
        from coach.report.markdown import render_markdown

        return render_markdown(model)
    from coach.report.html import render_html

    return render_html(model)


def render_comparison(old: Mapping[str, Any], new: Mapping[str, Any], fmt: str, *, lang: str,
                      width: int = 80, color: bool | None = None) -> str:
    """What changed from `old` to `new`: hours, focus, verdicts, warnings, results."""
    _check(fmt)
    from coach.report.compare import build_comparison, render_comparison_as

    return render_comparison_as(build_comparison(old, new, lang=lang), fmt, width=width,
                                color=color)
