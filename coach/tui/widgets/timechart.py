"""Time: hours per platform against the weekly budget, personal and professional apart.

The numbers can be edited right here; the bars and the engine's warnings follow.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, Static

from coach.assessment import Session
from coach.model import Plan
from coach.textsafe import clean
from coach.tui.i18n import _, current_lang, fmt_num
from coach.tui.numbers import MAX_HOURS, number_value, parse_number
from coach.tui.widgets.fields import number_problem

TIME_CODES = ("OVER_BUDGET", "SPREAD_THIN", "TIME_SINK", "PERSONAL_TIME",
              "HOURS_UNDERESTIMATED")
BAR_WIDTH = 30


def bar(hours: float, scale: float, width: int = BAR_WIDTH) -> str:
    """A text bar; characters, not colour, carry the meaning (readable with NO_COLOR)."""
    if scale <= 0:
        return ""
    filled = round(min(hours, scale) / scale * width)
    return "█" * filled + "·" * (width - filled)


def hours_text(hours: float) -> str:
    return _("{n} h").format(n=fmt_num(hours))


class WarningLine(Static, can_focus=True):
    """One thing the coach sees, a Tab stop of its own: Tab brings a warning below the
    fold into view (at 80x24 the second one was out of reach)."""


class HoursRow(Horizontal):
    def __init__(self, key: str, name: str) -> None:
        super().__init__(classes="time-row")
        self.key = key
        self.platform_name = name
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content(self.platform_name), classes="time-name")
        yield Input(compact=True, classes="time-hours")
        yield Static("", classes="time-measured")
        yield Static("", classes="time-bar")


class TimeStep(VerticalScroll):
    class Answered(Message):
        pass

    def __init__(self) -> None:
        super().__init__(id="step-time", classes="step")
        self.session: Session | None = None
        self.budget_error: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(Content(_("Your time")), classes="step-title")
        yield Static(Content(_("Each bar is one platform's hours a week, against the budget "
                               "you can honestly give. Change a number to see what it does.")),
                     classes="step-intro")
        with Horizontal(classes="time-budget"):
            yield Static(Content(_("Weekly budget (hours)")), classes="time-name")
            yield Input(compact=True, id="time-budget")
            yield Static("", id="time-budget-error", classes="inv-error")
        yield Static("", classes="time-group", id="time-pro-title")
        yield Vertical(id="time-pro")
        yield Static("", classes="time-group", id="time-personal-title")
        yield Vertical(id="time-personal")
        yield Static("", id="time-total")
        with Horizontal(id="time-measured-bar"):
            yield Button(_("Use measured time"), id="time-measured", compact=True)
            yield Static("", id="time-measured-info")
        yield Static(Content(_("What the coach sees")), classes="time-group")
        yield Vertical(id="time-warnings")

    async def load(self, session: Session) -> None:
        self.session = session
        lang = current_lang()
        budget = session.profile.get("weekly_budget_hours")
        with self.prevent(Input.Changed):
            self.query_one("#time-budget", Input).value = "" if budget is None else fmt_num(budget)
        pro, personal = self.query_one("#time-pro"), self.query_one("#time-personal")
        await pro.remove_children()
        await personal.remove_children()
        draft = session.draft
        for key, entry in zip(draft.keys(), session.platforms, strict=True):
            row = HoursRow(key, draft.heading(key, lang))
            box = personal if draft.is_personal(key) else pro
            await box.mount(row)
            with row.prevent(Input.Changed):
                hours = entry.get("hours_per_week")
                row.query_one(Input).value = "" if hours is None else fmt_num(hours)
        self.redraw()

    # -- measured time -------------------------------------------------------------------
    def measurement(self) -> dict | None:
        assert self.session is not None
        found = self.session.draft.answers.get("measured")
        return found if isinstance(found, dict) and found.get("hours_per_week") else None

    def kept(self, key: str, declared: float) -> float:
        """The hours the plan uses for a platform: measured where the person keeps it."""
        m = self.measurement()
        entry = self.session.draft.entry(key) if self.session else None
        pid = entry.get("id") if entry else None
        if m is None or pid not in m["hours_per_week"]:
            return declared
        keep = (m.get("keep") or {}).get(pid, "measured")
        return float(m["hours_per_week"][pid]) if keep == "measured" else declared

    def show_measured(self) -> None:
        assert self.session is not None
        m = self.measurement()
        info = self.query_one("#time-measured-info", Static)
        if m is None:
            info.update(Content(_("Declared hours. A time tracker can tell you what the week "
                                  "really held.")))
        else:
            from coach.report.localfmt import long_date

            lang = current_lang()
            info.update(Content(_("Measured: {source}, {first} to {last}").format(
                source=clean(str(m.get("source", "")), single_line=True),
                first=long_date(str(m.get("from", "")), lang),
                last=long_date(str(m.get("to", "")), lang))))
        for row in self.query(HoursRow):
            entry = self.session.draft.entry(row.key)
            pid = entry.get("id") if entry else None
            label = ""
            if m is not None and pid in m["hours_per_week"]:
                keep = (m.get("keep") or {}).get(pid, "measured")
                label = (_("measured {h} ✓") if keep == "measured"
                         else _("measured {h}")).format(
                    h=hours_text(float(m["hours_per_week"][pid])))
            row.query_one(".time-measured", Static).update(Content(label))

    class MeasuredWanted(Message):
        """The person asked for measured time; the screen opens the dialog (a widget
        never opens a screen itself) and hands the result to `measured_chosen`."""

        def __init__(self, declared: list[tuple[str, str, float]],
                     measurement: dict | None) -> None:
            super().__init__()
            self.declared = declared
            self.measurement = measurement

    def open_measured(self) -> None:
        assert self.session is not None
        s = self.session
        lang = current_lang()
        declared = [(str(e.get("id")), s.draft.heading(k, lang),
                     float(e.get("hours_per_week") or 0))
                    for k, e in zip(s.draft.keys(), s.platforms, strict=True)]
        self.post_message(self.MeasuredWanted(declared, self.measurement()))

    def measured_chosen(self, result: dict | None) -> None:
        assert self.session is not None
        if result is None:
            return
        if result:
            self.session.draft.answers["measured"] = result
        else:
            self.session.draft.answers.pop("measured", None)
        self.session.save()
        self.redraw()
        self.post_message(self.Answered())

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "time-measured":
            event.stop()
            self.open_measured()

    def redraw(self, plan: Plan | None = None) -> None:
        assert self.session is not None
        s = self.session
        draft = s.draft
        budget = float(s.profile.get("weekly_budget_hours") or 0)
        hours = {k: self.kept(k, float(e.get("hours_per_week") or 0))
                 for k, e in zip(draft.keys(), s.platforms, strict=True)}
        personal_keys = {k for k in hours if draft.is_personal(k)}
        pro_total = sum(h for k, h in hours.items() if k not in personal_keys)
        personal_total = sum(h for k, h in hours.items() if k in personal_keys)
        scale = max([budget, *hours.values(), 1.0])
        for row in self.query(HoursRow):
            h = hours.get(row.key, 0.0)
            # One platform alone above the whole budget: marked in text, not only colour.
            over = budget > 0 and h > budget and row.key not in personal_keys
            row.query_one(".time-bar", Static).update(
                Content(bar(h, scale) + (" !" if over else "")))
        self.query_one("#time-pro-title", Static).update(Content(
            _("Professional: {h} of a {b} budget").format(h=hours_text(pro_total),
                                                        b=hours_text(budget))))
        self.query_one("#time-personal-title", Static).update(Content(
            _("Personal: {h} (not counted in the budget)").format(h=hours_text(personal_total))))
        self.query_one("#time-personal-title").display = bool(personal_keys)
        self.show_measured()
        budget_bar = bar(budget, scale)
        self.query_one("#time-total", Static).update(Content(
            _("Budget") + "  " + budget_bar + "  " + hours_text(budget)))
        self.show_warnings(plan)

    def show_warnings(self, plan: Plan | None) -> None:
        if plan is None:
            blocks = [_("(The warnings appear once the profile and the hours are filled in.)")]
        else:
            blocks = []
            for warning in plan.get("warnings", []):
                if warning.get("code") not in TIME_CODES:
                    continue
                text = "⚠ " + clean(str(warning.get("message", "")))
                if warning.get("instead"):
                    text += "\n  → " + clean(str(warning["instead"]))
                blocks.append(text)
            if not blocks:
                blocks.append("✓ " + _("Your hours fit your budget."))
        box = self.query_one("#time-warnings", Vertical)
        lines = list(box.query(WarningLine))
        # The lines on screen are reused (one keeps its focus while the hours change).
        for line, text in zip(lines, blocks, strict=False):
            line.update(Content(text))
        for line in lines[len(blocks):]:
            line.remove()
        if len(blocks) > len(lines):
            box.mount_all([WarningLine(Content(text), classes="time-warning")
                           for text in blocks[len(lines):]])

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        assert self.session is not None
        value, problem = parse_number(event.value, maximum=MAX_HOURS)
        message = number_problem(problem, 0, MAX_HOURS) if problem else None
        if event.input.id == "time-budget":
            self.budget_error = message
            err = self.query_one("#time-budget-error", Static)
            err.update(Content(message or ""))
            err.display = bool(message)
            if not problem:
                if value is None:
                    self.session.profile.pop("weekly_budget_hours", None)
                else:
                    self.session.profile["weekly_budget_hours"] = number_value(value)
        else:
            row = event.input.query_ancestor(HoursRow)
            row.error = message
            entry = self.session.draft.entry(row.key)
            if not problem and entry is not None:
                if value is None:
                    entry.pop("hours_per_week", None)
                else:
                    entry["hours_per_week"] = number_value(value)
        if not problem:
            self.session.save()
        self.post_message(self.Answered())

    def problems(self) -> list[str]:
        out = []
        if self.budget_error:
            out.append(_("Weekly budget") + " — " + self.budget_error)
        for row in self.query(HoursRow):
            if row.error:
                out.append(f"{row.platform_name} — {row.error}")
        return out
