"""Use measured time: read a time tracker, compare with the declared hours, keep either.

The Time step opens it. The person names an ActivityWatch export, a RescueTime CSV, or
`aw` for the ActivityWatch running on this computer; coach reads it whole (in a worker
thread: a live server may take a moment), then shows, per platform, the declared hours
beside the measured ones with a button choosing which the plan keeps. Nothing changes in
the assessment until "Use these hours": the screen answers with the answers' `measured`
table, `{}` to forget a measurement kept earlier, or None (cancelled).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static
from textual.worker import Worker, WorkerState

from coach.bank.model import Bank
from coach.errors import CoachError
from coach.report.localfmt import long_date
from coach.textsafe import clean
from coach.tui.bindings import translate_bindings
from coach.tui.i18n import N_, _, current_lang, fmt_num, say

Declared = list[tuple[str, str, float]]   # (platform id, name as shown, hours declared)


def hours(value: float) -> str:
    return _("{n} h").format(n=fmt_num(round(value, 2)))


class KeepButton(Button):
    """Which figure the plan keeps for one platform; pressing it switches."""

    def __init__(self, platform: str, keep: str) -> None:
        super().__init__("", id=f"keep-{platform}", classes="measured-keep", compact=True)
        self.platform = platform
        self.keep = keep

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        self.label = (_("Keep: measured") if self.keep == "measured"
                      else _("Keep: declared"))

    def switch(self) -> None:
        self.keep = "declared" if self.keep == "measured" else "measured"
        self.show()


class MeasuredScreen(ModalScreen[dict[str, Any] | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), show=False),
    ]

    def __init__(self, bank: Bank, declared: Declared, current: dict[str, Any] | None) -> None:
        super().__init__()
        translate_bindings(self)
        self.bank = bank
        self.declared = declared
        self.current = current
        self.measured: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="modal-box measured-box"):
            yield Static(Content(_("Use measured time")), classes="step-title")
            yield Static(Content(_(
                "People underestimate the time they spend on social networks. Name an "
                "ActivityWatch export (JSON) or a RescueTime export (CSV), or type aw to "
                "read the ActivityWatch running on this computer. Nothing leaves it.")),
                id="measured-intro")
            with Horizontal(classes="measured-source"):
                yield Input(str((self.current or {}).get("source", "")),
                            placeholder=_("file, or aw"), id="measured-source")
                yield Button(_("Read"), id="measured-read", variant="primary")
            yield Static("", id="measured-error", classes="q-error")
            yield Static("", id="measured-period")
            # Not a stop of its own for Tab: the keep buttons inside are.
            yield VerticalScroll(id="measured-rows", can_focus=False)
            yield Static("", id="measured-extra")
            with Horizontal(classes="modal-buttons"):
                yield Button(_("Use these hours"), id="measured-use", variant="primary")
                yield Button(_("Forget the measurement"), id="measured-forget")
                yield Button(_("Cancel"), id="measured-cancel")

    async def on_mount(self) -> None:
        self.query_one("#measured-error").display = False
        self.query_one("#measured-use", Button).disabled = True
        self.query_one("#measured-forget").display = bool(self.current)
        if self.current:
            await self.show_measured(self.current)   # focuses the first keep button
        else:
            self.query_one("#measured-source", Input).focus()

    # -- reading -----------------------------------------------------------------------
    def read(self) -> None:
        spec = clean(self.query_one("#measured-source", Input).value, single_line=True).strip()
        if not spec:
            self.problem(_("Name a file, or type aw for the ActivityWatch on this computer."))
            return
        if spec != "aw" and not spec.startswith("aw:"):
            spec = str(Path(spec).expanduser())
        self.query_one("#measured-error").display = False
        self.query_one("#measured-period", Static).update(Content(_("Reading…")))
        from coach.measured import read_measurement

        self.run_worker(lambda: read_measurement(spec, self.bank), thread=True,
                        exclusive=True, group="measured", exit_on_error=False)

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "measured":
            return
        if event.state == WorkerState.ERROR:
            error = event.worker.error
            self.query_one("#measured-period", Static).update("")
            self.problem(say(error) if isinstance(error, CoachError) else str(error))
        elif event.state == WorkerState.SUCCESS:
            found = event.worker.result.for_answers()  # type: ignore[union-attr]
            # A platform kept as declared earlier stays so when the same one is read again.
            if self.current:
                found["keep"] = {p: k for p, k in (self.current.get("keep") or {}).items()
                                 if p in found["hours_per_week"]}
            await self.show_measured(found)

    def problem(self, text: str) -> None:
        error = self.query_one("#measured-error", Static)
        error.update(Content(text))
        error.display = True

    # -- showing -----------------------------------------------------------------------
    async def show_measured(self, measured: dict[str, Any]) -> None:
        self.measured = measured
        # Room for the table on a 24-line terminal: the intro has been read by now.
        self.query_one("#measured-intro").display = False
        source = str(measured.get("source", ""))
        shown = source if source == "aw" or source.startswith("aw:") else Path(source).name
        self.query_one("#measured-period", Static).update(Content(
            _("{source}: {first} to {last} ({days} days), hours a week").format(
                source=clean(shown, single_line=True),
                first=long_date(str(measured.get("from", "")), current_lang()),
                last=long_date(str(measured.get("to", "")), current_lang()),
                days=measured.get("days", ""))))
        rows = self.query_one("#measured-rows", VerticalScroll)
        await rows.remove_children()
        per_week = measured.get("hours_per_week") or {}
        keep = measured.get("keep") or {}
        await rows.mount(Horizontal(
            Static(Content(_("Platform")), classes="measured-name"),
            Static(Content(_("Declared")), classes="measured-num"),
            Static(Content(_("Measured")), classes="measured-num"),
            classes="measured-row measured-head"))
        for pid, name, declared in self.declared:
            got = per_week.get(pid)
            row = Horizontal(
                Static(Content(name), classes="measured-name"),
                Static(Content(hours(declared)), classes="measured-num"),
                Static(Content(hours(got) if got is not None else "—"), classes="measured-num"),
                classes="measured-row")
            await rows.mount(row)
            if got is not None:
                await row.mount(KeepButton(pid, keep.get(pid, "measured")))
        declared_ids = {pid for pid, _n, _h in self.declared}
        extra = [(pid, h) for pid, h in per_week.items() if pid not in declared_ids and h > 0]
        lines = []
        if extra:
            lines.append(_("Measured but not in your list: {platforms}").format(
                platforms=", ".join(f"{self.platform_label(pid)} {hours(h)}" for pid, h in extra)))
        if measured.get("unmatched_hours_per_week") is not None:
            lines.append(_("Matched no platform: {hours} a week").format(
                hours=hours(float(measured["unmatched_hours_per_week"]))))
        self.query_one("#measured-extra", Static).update(Content("\n".join(lines)))
        use = self.query_one("#measured-use", Button)
        use.disabled = False
        keeps = list(self.query(KeepButton))
        (keeps[0] if keeps else use).focus()

    def platform_label(self, pid: str) -> str:
        try:
            return self.bank.platform(pid).name.get(current_lang())
        except KeyError:
            return pid

    # -- answering ---------------------------------------------------------------------
    def result(self) -> dict[str, Any] | None:
        if self.measured is None:
            return None
        keep = {b.platform: b.keep for b in self.query(KeepButton)}
        return {**self.measured, "keep": keep}

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.read()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button
        if isinstance(button, KeepButton):
            button.switch()
        elif button.id == "measured-read":
            self.read()
        elif button.id == "measured-use":
            self.dismiss(self.result())
        elif button.id == "measured-forget":
            self.dismiss({})
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
