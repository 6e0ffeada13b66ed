"""Comparing two assessments of one client: what changed, in the four formats.

The comparison is its own small model (built from two report models, so every
string is already cleaned and labelled), then rendered as text, Markdown, HTML or
JSON. Warnings are matched by (code, platform): a warning is "gone" when the
newer plan no longer has it, "new" when the older one did not.
"""

from collections.abc import Mapping
from dataclasses import dataclass, fields
from html import escape
from typing import Any, NamedTuple

from coach.i18n import is_french
from coach.report import labels as L
from coach.report.localfmt import hours, number, signed_hours
from coach.report.mdescape import md_inline
from coach.report.model import ReportModel, WarningItem, as_float, build_model, text


class Change(NamedTuple):
    key: str            # time key, or "platform:verdict", or "platform:result"
    label: str
    old: str            # displayed values ("3 h", "Focus", "—")
    new: str
    delta: str          # "+2 h", "" when not numeric
    changed: bool


class WarningChange(NamedTuple):
    code: str
    title: str
    severity: str
    platform: str
    message: str


@dataclass  # not an immutable record (it holds lists): a plain dataclass
class Comparison:
    lang: str
    client: str
    old_date: str
    new_date: str
    old_iso: str
    new_iso: str
    focus_old: str
    focus_new: str
    focus_changed: bool
    time: list[Change]
    verdicts: list[Change]
    warnings_gone: list[WarningChange]
    warnings_new: list[WarningChange]
    warnings_kept: list[WarningChange]
    results: list[Change]


def _focus_text(m: ReportModel) -> str:
    if m.focus is None:
        return m.labels.no_focus
    f = m.focus
    quoted = (f"«\u00a0{f.space_name}\u00a0»" if is_french(m.lang) else f"“{f.space_name}”")
    if f.space_name:
        return f"{f.platform_name} · {f.space_kind} {quoted}".replace("  ", " ")
    return f"{f.platform_name} · {f.space_kind}" if f.space_kind else f.platform_name


def _warning_key(w: Mapping[str, Any]) -> tuple[str, str]:
    return text(w.get("code")), text(w.get("platform"))


def _warning_changes(items: list[WarningItem], keys: list[tuple[str, str]],
                     wanted: set[tuple[str, str]]) -> list[WarningChange]:
    return [WarningChange(w.code, w.title, w.severity, w.platform_name, w.message)
            for w, k in zip(items, keys, strict=True) if k in wanted]


def _sorted_warning_keys(plan: Mapping[str, Any]) -> list[tuple[str, str]]:
    # Same order as build_model's (stable sort by severity) so keys line up with items.
    raw = [w for w in plan.get("warnings") or [] if isinstance(w, Mapping)]
    rank = {s: i for i, s in enumerate(L.SEVERITY_ORDER)}
    raw.sort(key=lambda w: rank.get(text(w.get("severity")) or "info", len(rank)))
    return [_warning_key(w) for w in raw]


def build_comparison(old: Mapping[str, Any], new: Mapping[str, Any], *, lang: str) -> Comparison:
    mo, mn = build_model(old, lang=lang), build_model(new, lang=lang)
    lab = mn.labels
    dash = "—"

    time: list[Change] = []
    old_time = {t.key: t for t in mo.time}
    for t in mn.time:
        before = old_time.get(t.key)
        delta = t.value - before.value if before else None
        time.append(Change(t.key, t.label, before.text if before else dash, t.text,
                           signed_hours(delta, lang) if delta is not None else "",
                           delta is None or abs(delta) >= 0.005))

    old_rows = {r.id: r for r in mo.platforms}
    new_rows = {r.id: r for r in mn.platforms}
    order = [r.id for r in mn.platforms] + [r.id for r in mo.platforms if r.id not in new_rows]
    verdicts: list[Change] = []
    results: list[Change] = []
    old_raw = {text(p.get("platform")): p for p in old.get("platforms") or []
               if isinstance(p, Mapping)}
    new_raw = {text(p.get("platform")): p for p in new.get("platforms") or []
               if isinstance(p, Mapping)}
    for pid in order:
        o, n = old_rows.get(pid), new_rows.get(pid)
        name = (n or o).name  # type: ignore[union-attr]
        o_label = f"{o.verdict_label} · {o.hours_text}" if o else lab.absent
        n_label = f"{n.verdict_label} · {n.hours_text}" if n else lab.absent
        delta = (n.hours - o.hours) if (o and n) else None
        moved = delta is not None and abs(delta) >= 0.005
        verdicts.append(Change(f"{pid}:verdict", name, o_label, n_label,
                               signed_hours(delta, lang) if moved else "",  # type: ignore[arg-type]
                               o_label != n_label))
        o_res = (old_raw.get(pid) or {}).get("results_90d") or {}
        n_res = (new_raw.get(pid) or {}).get("results_90d") or {}
        o_res = o_res if isinstance(o_res, Mapping) else {}
        n_res = n_res if isinstance(n_res, Mapping) else {}
        keys = [k for k in L.RESULT_ORDER if k in o_res or k in n_res] + sorted(
            text(k) for k in {*o_res, *n_res} if k not in L.RESULT_ORDER)
        for key in keys:
            ov, nv = as_float(o_res.get(key)) or 0.0, as_float(n_res.get(key)) or 0.0
            if ov == 0 and nv == 0:
                continue
            d = nv - ov
            delta_text = ("+" if d > 0 else "−" if d < 0 else "") + number(abs(d), lang)
            label = f"{name} · {L.translate(lang, L.RESULT_NAMES, key)}"
            results.append(Change(f"{pid}:{key}", label, number(ov, lang), number(nv, lang),
                                  delta_text, d != 0))

    ok, nk = _sorted_warning_keys(old), _sorted_warning_keys(new)
    gone, added, kept = set(ok) - set(nk), set(nk) - set(ok), set(ok) & set(nk)
    f_old, f_new = _focus_text(mo), _focus_text(mn)
    return Comparison(
        lang=lang, client=mn.client or mo.client,
        old_date=mo.assessed_on, new_date=mn.assessed_on,
        old_iso=mo.assessed_iso, new_iso=mn.assessed_iso,
        focus_old=f_old, focus_new=f_new, focus_changed=f_old != f_new,
        time=time, verdicts=verdicts,
        warnings_gone=_warning_changes(mo.warnings, ok, gone),
        warnings_new=_warning_changes(mn.warnings, nk, added),
        warnings_kept=_warning_changes(mn.warnings, nk, kept),
        results=results,
    )


# ---------------------------------------------------------------- renderings


def _change_text(r: Change, lab: L.Labels) -> str:
    if not r.changed:
        return lab.unchanged
    return r.delta or lab.changed


def _warning_line(w: WarningChange, esc: Any = str) -> str:
    # No code: a comparison is read by the client too (JSON keeps the codes).
    where = f" · {esc(w.platform)}" if w.platform else ""
    return f"{esc(w.title)}{where}" + (f" — {esc(w.message)}" if w.message else "")


def _as_text(c: Comparison, width: int, color: bool | None) -> str:
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    from coach.report.text import bullets, finish, heading, keep_together, make_console

    c = keep_together(c)
    lab = keep_together(L.labels(c.lang))
    console, buf = make_console(width, color)
    title = Text()
    title.append(f"{lab.comparison_title} · ", style="bold")
    title.append(c.client or "—", style="bold")
    title.append(f"\n{c.old_date} → {c.new_date}", style="dim")
    console.print(title)
    console.print()

    def table(rows: list[Change], first: str) -> Table:
        t = Table(show_edge=False, pad_edge=False, expand=False, box=None, padding=(0, 2))
        t.add_column(first, overflow="fold")
        t.add_column(lab.before, overflow="fold")
        t.add_column(lab.after, overflow="fold")
        t.add_column(lab.change, justify="right", no_wrap=True)
        for r in rows:
            mark = "bold" if r.changed else "dim"
            t.add_row(Text(r.label), Text(r.old), Text(r.new, style=mark),
                      Text(_change_text(r, lab), style=mark))
        return t

    console.print(heading(lab.focus))
    focus = Text()
    focus.append(c.focus_old)
    if c.focus_changed:
        focus.append(" → ")
        focus.append(c.focus_new, style="bold")
        focus.append("\n" + lab.focus_changed)
    else:
        focus.append("\n" + lab.focus_same, style="dim")
    console.print(Padding(focus, (0, 0, 1, 2)))
    console.print(heading(lab.time))
    console.print(Padding(table(c.time, ""), (0, 0, 1, 2)))
    console.print(heading(lab.verdicts))
    console.print(Padding(table(c.verdicts, lab.platform), (0, 0, 1, 2)))
    for title_, items in ((lab.warnings_gone, c.warnings_gone), (lab.warnings_new, c.warnings_new),
                          (lab.warnings_kept, c.warnings_kept)):
        console.print(heading(title_))
        body = bullets([_warning_line(w) for w in items]) if items else Text(lab.none)
        console.print(Padding(body, (0, 0, 1, 2)))
    console.print(heading(lab.results))
    body = table(c.results, lab.platform) if c.results else Text(lab.none)
    console.print(Padding(body, (0, 0, 1, 2)))
    return finish(buf.getvalue())


def _md_table(rows: list[Change], first: str, lab: L.Labels) -> list[str]:
    out = [f"| {first} | {lab.before} | {lab.after} | {lab.change} |", "|---|---|---|---:|"]
    for r in rows:
        delta = _change_text(r, lab)
        new = f"**{r.new}**" if r.changed else r.new
        # Only the label can hold user words (a platform's own name); the figures are ours.
        out.append(f"| {md_inline(r.label)} | {r.old} | {new} | {delta or '—'} |")
    return out


def _as_md(c: Comparison) -> str:
    lab = L.labels(c.lang)
    sep = "\u00a0:" if is_french(c.lang) else ":"
    out = [f"# {lab.comparison_title}{sep} {md_inline(c.client)}", "",
           f"{md_inline(c.old_date)} → {md_inline(c.new_date)}", "", f"## {lab.focus}", ""]
    if c.focus_changed:
        out += [f"{md_inline(c.focus_old)} → **{md_inline(c.focus_new)}**", "",
                lab.focus_changed, ""]
    else:
        out += [md_inline(c.focus_new), "", lab.focus_same, ""]
    out += [f"## {lab.time}", "", *_md_table(c.time, "", lab), ""]
    out += [f"## {lab.verdicts}", "", *_md_table(c.verdicts, lab.platform, lab), ""]
    for title, items in ((lab.warnings_gone, c.warnings_gone), (lab.warnings_new, c.warnings_new),
                         (lab.warnings_kept, c.warnings_kept)):
        out += [f"## {title}", ""]
        out += [f"- {_warning_line(w, md_inline)}" for w in items] or [lab.none]
        out.append("")
    out += [f"## {lab.results}", ""]
    out += _md_table(c.results, lab.platform, lab) if c.results else [lab.none]
    return "\n".join(out) + "\n"


def _as_html(c: Comparison) -> str:
    from coach.report.html import CSP, CSS

    lab = L.labels(c.lang)
    e = escape

    def table(rows: list[Change], first: str) -> str:
        body = "".join(
            f"<tr><td>{e(r.label)}</td><td>{e(r.old)}</td>"
            + (f"<td><strong>{e(r.new)}</strong></td><td class=\"num\"><strong>"
               f"{e(_change_text(r, lab))}</strong></td>" if r.changed else
               f"<td>{e(r.new)}</td><td class=\"num muted\">{e(lab.unchanged)}</td>")
            + "</tr>" for r in rows)
        return (f"<table><thead><tr><th>{e(first)}</th><th>{e(lab.before)}</th>"
                f"<th>{e(lab.after)}</th><th class=\"num\">{e(lab.change)}</th></tr></thead>"
                f"<tbody>{body}</tbody></table>")

    def warnings(title: str, items: list[WarningChange]) -> str:
        lis = "".join(f"<li>{e(_warning_line(w))}</li>" for w in items)
        inner = f"<ul>{lis}</ul>" if items else f'<p class="muted">{e(lab.none)}</p>'
        return f'<div class="card"><h2>{e(title)}</h2>{inner}</div>'

    focus = (f"<p class=\"where\">{e(c.focus_old)} → <strong>{e(c.focus_new)}</strong></p>"
             f"<p>{e(lab.focus_changed)}</p>" if c.focus_changed else
             f"<p class=\"where\"><strong>{e(c.focus_new)}</strong></p>"
             f"<p class=\"muted\">{e(lab.focus_same)}</p>")
    results = table(c.results, lab.platform) if c.results else f"<p>{e(lab.none)}</p>"
    body = (
        f'<header class="cover"><div class="eyebrow">{e(lab.comparison_title)}</div>'
        f"<h1>{e(c.client) or '—'}</h1><p>{e(c.old_date)} → {e(c.new_date)}</p></header>"
        f'<section class="card focus"><h2>{e(lab.focus)}</h2>{focus}</section>'
        f'<section class="card"><h2>{e(lab.time)}</h2>{table(c.time, "")}</section>'
        f'<section class="card"><h2>{e(lab.verdicts)}</h2>'
        f"{table(c.verdicts, lab.platform)}</section>"
        f'<section class="two">{warnings(lab.warnings_gone, c.warnings_gone)}'
        f"{warnings(lab.warnings_new, c.warnings_new)}</section>"
        f"<section>{warnings(lab.warnings_kept, c.warnings_kept)}</section>"
        f'<section class="card"><h2>{e(lab.results)}</h2>{results}</section>')
    return (f'<!DOCTYPE html>\n<html lang="{e(c.lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            f"<title>{e(lab.comparison_title)} · {e(c.client)}</title>\n"
            f"<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n")


def _as_json(c: Comparison) -> str:
    from coach.report.jsonout import dump

    # Each record an object, as `dataclasses.asdict` gave when they were dataclasses: a
    # NamedTuple alone would be written as a JSON list.
    data = {f.name: _plain(getattr(c, f.name)) for f in fields(c)}
    return dump({"schema": 1, "kind": "comparison", **data})


def _plain(value: Any) -> Any:
    if isinstance(value, Change | WarningChange):
        return value._asdict()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def render_comparison_as(c: Comparison, fmt: str, *, width: int = 80,
                         color: bool | None = None) -> str:
    if fmt == "text":
        return _as_text(c, width, color)
    if fmt == "md":
        return _as_md(c)
    if fmt == "html":
        return _as_html(c)
    return _as_json(c)


__all__ = ["Comparison", "build_comparison", "hours", "render_comparison_as"]
