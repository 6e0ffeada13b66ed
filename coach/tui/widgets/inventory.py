"""Inventory: which platforms you are on, hours a week on each, and why (personal or not)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Select, Static

from coach.assessment import Session
from coach.assessment.entries import OTHER, split_key
from coach.textsafe import clean
from coach.tui.i18n import _, current_lang, fmt_num, ngettext
from coach.tui.numbers import MAX_HOURS, number_value, parse_number
from coach.tui.widgets.fields import number_problem


class PlatformRow(Horizontal):
    """One platform: ticked or not, hours a week, personal / professional / both."""

    def __init__(self, key: str, name: str, reasons: list[tuple[str, str]], *,
                 other: bool = False) -> None:
        super().__init__(classes="inv-row -other" if other else "inv-row",
                         id=f"inv-{key.replace(':', '-')}")
        self.key = key
        self.platform_name = name
        self.reasons = reasons
        self.other = other
        self.error: str | None = None

    def compose(self) -> ComposeResult:
        yield Checkbox(Content(self.platform_name), compact=True, classes="inv-check")
        yield Input(placeholder=_("h/week"), compact=True, classes="inv-hours")
        yield Select([(Content(label), rid) for rid, label in self.reasons], compact=True,
                     allow_blank=False, value=_default_reason(self.reasons),
                     classes="inv-reason")
        if self.other:
            # French agrees with the noun: "Quel forum ?", but "Laquelle ?" (une plateforme).
            which = _("Which forum?") if self.key.split(":")[0] == "forum" else _("Which one?")
            yield Input(placeholder=which, compact=True, classes="inv-label")
        yield Static("", classes="inv-error")

    def fill(self, entry: dict[str, Any] | None) -> None:
        """Show what the draft holds, without posting changes back."""
        with self.prevent(Checkbox.Changed, Input.Changed, Select.Changed):
            self.query_one(Checkbox).value = entry is not None
            hours = "" if not entry or entry.get("hours_per_week") is None \
                else fmt_num(entry["hours_per_week"])
            self.query_one(".inv-hours", Input).value = hours
            if entry and entry.get("reason") in {r for r, _l in self.reasons}:
                self.query_one(Select).value = entry["reason"]
            if self.other:
                self.query_one(".inv-label", Input).value = clean(
                    str((entry or {}).get("label", "")), single_line=True)
        self.set_on(entry is not None)
        self.set_error(None)

    def set_on(self, on: bool) -> None:
        """Ticked or not. An unticked row's hours take no Tab stop: Tab goes from one
        platform's box to the next (a Space typed in those hours vanished silently)."""
        self.set_class(on, "-on")
        self.query_one(".inv-hours", Input).can_focus = on

    def set_error(self, message: str | None) -> None:
        self.error = message
        line = self.query_one(".inv-error", Static)
        line.update(Content(message or ""))
        line.display = bool(message)


def _default_reason(reasons: list[tuple[str, str]]) -> str:
    """A newly ticked platform is professional until said otherwise (what coach is for)."""
    ids = [rid for rid, _label in reasons]
    return "professional" if "professional" in ids else ids[0]


class InventoryStep(VerticalScroll):
    class Answered(Message):
        pass

    def __init__(self) -> None:
        super().__init__(id="step-inventory", classes="step")
        self.session: Session | None = None
        self.other_slots = 1

    def compose(self) -> ComposeResult:
        yield Static(Content(_("Where are you now?")), classes="step-title")
        yield Static(Content(_("Tick every platform you use, even a little. Give the hours you "
                               "honestly spend there in a typical week, and whether it is for "
                               "you (personal) or for your work (professional).")),
                     classes="step-intro")
        yield Static(Content(_("Platform · hours a week · why you are there")),
                     classes="inv-head")
        yield Vertical(id="inv-rows")
        yield Button(_("Add another platform"), compact=True, id="inv-add-other")
        # Docked at the bottom: which platforms lie below the fold (at 80x24, Forum,
        # Newsletter and Other were below WhatsApp with nothing to say so).
        yield Static("", id="inv-more")

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", lambda _y: self.call_after_refresh(self.show_more),
                   init=False)

    def on_resize(self) -> None:
        self.call_after_refresh(self.show_more)

    def show_more(self) -> None:
        """Name the platforms below what is on screen, or nothing when all are seen."""
        more = self.query_one("#inv-more", Static)
        if not self.region:
            return
        # Screen rows: what lies under the line itself counts as below too.
        bottom = self.region.bottom - 1
        below = [row.platform_name for row in self.query(PlatformRow)
                 if row.region.bottom > bottom]
        if not below:
            more.display = False
            return
        line = ngettext("{n} more below: {names}", "{n} more below: {names}", len(below))
        room = self.size.width - 4 - len(line.format(n=len(below), names=""))
        names: list[str] = []
        for name in below:   # as many whole names as the line holds, then "…"
            if len(", ".join([*names, name])) + 1 > room:
                names.append("…")
                break
            names.append(name)
        shown = ", ".join(names).replace(", …", " …")
        more.update(Content("↓ " + line.format(n=len(below), names=shown)))
        more.display = True

    def _reasons(self) -> list[tuple[str, str]]:
        assert self.session is not None
        lang = current_lang()
        try:
            return [(t.id, t.name.get(lang)) for t in self.session.bank.terms("reasons")]
        except KeyError:
            return [("personal", _("personal")), ("professional", _("professional")),
                    ("both", _("both"))]

    async def load(self, session: Session) -> None:
        self.session = session
        lang = current_lang()
        slots = sorted({slot for pid, slot in map(split_key, session.draft.keys())
                        if pid == OTHER})
        self.other_slots = max(len(slots), (slots[-1] + 1) if slots else 1)
        rows_box = self.query_one("#inv-rows")
        await rows_box.remove_children()
        reasons = self._reasons()
        try:  # platforms whose row asks "which one?" (a named forum, a Discord server)
            label_q = session.bank.question("label")
            labelled = {p.id for p in session.bank.platforms if label_q.asked_for(p.id)}
        except KeyError:
            labelled = set()
        rows = [PlatformRow(p.id, p.name.get(lang), reasons, other=p.id in labelled)
                for p in session.bank.platforms if p.id != "other"]
        other_name = next((p.name.get(lang) for p in session.bank.platforms if p.id == "other"),
                          _("Other"))
        rows += [PlatformRow(f"other:{n}", other_name, reasons, other=True)
                 for n in range(self.other_slots)]
        await rows_box.mount_all(rows)
        self.refill()
        self.call_after_refresh(self.show_more)

    def refill(self) -> None:
        assert self.session is not None
        draft = self.session.draft
        default = _default_reason(self._reasons())
        for row in self.query(PlatformRow):
            entry = draft.entry(row.key)
            if entry is not None and draft.reason(row.key) is None:
                # Listed without a reason yet (quick mode stopped before asking it): what
                # the row shows, as for a platform ticked here.
                entry["reason"] = default
            row.fill(entry)

    def _row(self, widget: Any) -> PlatformRow:
        return widget.query_ancestor(PlatformRow)

    def _entry(self, row: PlatformRow, *, create: bool) -> dict[str, Any] | None:
        assert self.session is not None
        draft = self.session.draft
        found = draft.entry(row.key)
        if found is None and create:
            pid, slot = split_key(row.key)
            key = draft.include(pid, slot=slot, reason=_default_reason(self._reasons()))
            with row.prevent(Checkbox.Changed):
                row.query_one(Checkbox).value = True
            row.set_on(True)
            found = draft.entry(key)
            assert found is not None
            # Write what the row shows (hours typed before ticking, the reason).
            self._store_row(row, found)
        return found

    def _store_row(self, row: PlatformRow, entry: dict[str, Any]) -> None:
        """Copy what the row shows into the draft entry (never the invalid hours)."""
        value, problem = parse_number(row.query_one(".inv-hours", Input).value)
        if problem is None and value is not None:
            entry["hours_per_week"] = number_value(value)
        reason = row.query_one(Select).value
        if reason is not Select.NULL:
            entry["reason"] = str(reason)
        if row.other:
            label = clean(row.query_one(".inv-label", Input).value, single_line=True)
            if label:
                entry["label"] = label
            else:
                entry.pop("label", None)

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        assert self.session is not None
        row = self._row(event.checkbox)
        if event.value:
            self._entry(row, create=True)
            self.session.save()
        else:
            self.session.exclude(row.key)
            row.set_on(False)
        self.post_message(self.Answered())

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        assert self.session is not None
        row = self._row(event.input)
        if event.input.has_class("inv-hours"):
            value, problem = parse_number(event.value)
            row.set_error(number_problem(problem, 0, MAX_HOURS) if problem else None)
            if problem or (value is None and self.session.draft.entry(row.key) is None):
                self.post_message(self.Answered())
                return
        elif not event.value.strip() and self.session.draft.entry(row.key) is None:
            return
        entry = self._entry(row, create=True)
        assert entry is not None
        self._store_row(row, entry)
        if event.input.has_class("inv-hours") and not event.value.strip():
            entry.pop("hours_per_week", None)
        self.session.save()
        self.post_message(self.Answered())

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        assert self.session is not None
        if event.value != event.select.value:
            # Stale: the row's default reason, posted at mount, arriving after the
            # draft's own reason was shown (it turned a follow-up's "both" into
            # "professional" on the way through this step).
            return
        row = self._row(event.select)
        entry = self._entry(row, create=False)
        if entry is not None and event.value is not Select.NULL:
            entry["reason"] = str(event.value)
            self.session.save()
            self.post_message(self.Answered())

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "inv-add-other":
            return
        event.stop()
        lang = current_lang()
        assert self.session is not None
        name = next((p.name.get(lang) for p in self.session.bank.platforms if p.id == "other"),
                    _("Other"))
        row = PlatformRow(f"other:{self.other_slots}", name, self._reasons(), other=True)
        self.other_slots += 1
        await self.query_one("#inv-rows").mount(row)
        row.fill(None)
        row.query_one(".inv-label", Input).focus()

    def problems(self) -> list[str]:
        assert self.session is not None
        out = []
        lang = current_lang()
        for row in self.query(PlatformRow):
            if row.error:
                out.append(f"{row.platform_name} — {row.error}")
        for key, entry in zip(self.session.draft.keys(), self.session.platforms, strict=True):
            name = self.session.draft.heading(key, lang)
            if entry.get("hours_per_week") is None:
                out.append(_("{platform}: how many hours a week?").format(platform=name))
            if entry["id"] == "other" and not entry.get("label"):
                out.append(_("Other platform: give it a name."))
        if not self.session.platforms:
            out.append(_("Tick at least one platform."))
        return out
