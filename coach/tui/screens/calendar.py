""""Add to my calendar": the plan's routine as an .ics file, asked for like a report.

The same rules as the other files the TUI writes (coach.files): the path asked with a
default in the current folder, never an existing file replaced without asking, 0600,
nothing half-written; problems said in the language of the moment.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from textual.screen import Screen

from coach.tui.i18n import _, current_lang


def add_to_calendar(screen: Screen[Any], plan: Mapping[str, Any], client_name: str,
                    bank: Any) -> None:
    from coach.tui.screens.home import export_name
    from coach.tui.screens.prompt import PromptScreen

    stem = export_name(client_name).removesuffix(".coach.json")
    default = str(Path.cwd() / f"{stem}-{plan.get('assessed_on', '')}.ics")

    def check(text: str) -> str | None:
        if Path(text).suffix.lower() != ".ics":
            return _("End the file name with .ics.")
        return None

    def done(typed: str | None) -> None:
        if typed:
            write_calendar(screen, Path(typed).expanduser(), plan, client_name, bank)

    screen.app.push_screen(PromptScreen(
        _("Add to my calendar"),
        _("File to import in your calendar: the weekly routine (Monday, Wednesday and "
          "Friday from 9:00), the review and its reminder (.ics):"),
        value=default, check=check, ok=_("Write")), callback=done)


def write_calendar(screen: Screen[Any], path: Path, plan: Mapping[str, Any], client_name: str,
                   bank: Any, *, force: bool = False) -> None:
    from coach.engine.plan import rules_of
    from coach.errors import CoachError, FileExists
    from coach.files import write_file
    from coach.report.ics import key_of, render_ics
    from coach.tui.screens.confirm import ConfirmScreen

    rules = rules_of(bank)
    data = render_ics(plan, client_key=key_of(client_name),
                      assessment_key=str(plan.get("assessed_on") or ""),
                      goal_results=dict(rules.goal_results), min_results=rules.gate.min_results)
    try:
        write_file(path, data, force=force)
    except FileExists:
        screen.app.push_screen(
            ConfirmScreen(_("{file} already exists. Replace it?").format(file=path)),
            callback=lambda yes: write_calendar(screen, path, plan, client_name, bank,
                                                force=True) if yes else None)
        return
    except CoachError as exc:
        from coach.tui.screens.confirm import MessageScreen

        screen.app.push_screen(MessageScreen(_("Not written"), exc.said(current_lang())))
        return
    screen.notify(_("Calendar written: {file} (import it in your calendar program)")
                  .format(file=path), markup=False)
