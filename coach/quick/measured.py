"""Quick mode's "use measured time": the Time step's dialog, line by line.

Asked once the questions are answered, before the plan: read an ActivityWatch export, a
RescueTime CSV or the ActivityWatch on this computer, print declared beside measured,
and ask per platform which figure the plan keeps. The draft changes only once a
source was read whole; a problem is said and the question asked again.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coach.assessment import Session
from coach.errors import CoachError
from coach.quick.lang import _, current_lang
from coach.quick.prompts import BACK, Prompter
from coach.report.localfmt import hours as _hours
from coach.report.localfmt import long_date
from coach.textsafe import clean


def ask_measured(session: Session, ask: Prompter, echo: Any) -> None:
    lang = current_lang()
    current = session.draft.answers.get("measured")
    while True:
        options = [("no", _("No, plan with the hours I gave"), "")]
        if current:
            options.insert(0, ("keep", _("Keep the measurement already read ({source})").format(
                source=clean(str(current.get("source", "")), single_line=True)), ""))
        options += [("file", _("Read a file (ActivityWatch JSON or RescueTime CSV)"), ""),
                    ("aw", _("Read the ActivityWatch running on this computer"), "")]
        choice = ask.select(
            _("Use measured time for these hours?"), options, back=False,
            help_text=_("People underestimate the time they spend on social networks; a time "
                        "tracker on this computer knows. Nothing leaves it."))
        if choice == "keep":
            return
        if choice == "no":
            if current:
                session.draft.answers.pop("measured", None)
                session.save()
            return
        spec = "aw"
        if choice == "file":
            typed = ask.text(_("The export file:"), check=_path_problem)
            if typed == BACK:
                continue
            spec = str(Path(clean(typed, single_line=True).strip()).expanduser())
        from coach.measured import read_measurement

        try:
            m = read_measurement(spec, session.bank)
        except CoachError as exc:
            for line in exc.said(lang):
                echo(clean(line))
            continue
        measured = m.for_answers()
        echo(_("{source}: {first} to {last} ({days} days), hours a week").format(
            source=clean(m.source, single_line=True), first=long_date(m.first.isoformat(), lang),
            last=long_date(m.last.isoformat(), lang), days=m.days))
        per_week = measured["hours_per_week"]
        keep: dict[str, str] = {}
        declared_ids = set()
        for entry in session.platforms:
            pid = str(entry.get("id"))
            declared_ids.add(pid)
            said = float(entry.get("hours_per_week") or 0)
            name = _name(session, pid, lang)
            if pid not in per_week:
                echo(_("  {platform}: declared {declared}, not measured").format(
                    platform=name, declared=_hours(said, lang)))
                continue
            got = per_week[pid]
            picked = ask.select(
                _("{platform}: declared {declared}, measured {measured}. Which does the plan "
                  "keep?").format(platform=name, declared=_hours(said, lang),
                                  measured=_hours(got, lang)),
                [("measured", _("Measured ({hours})").format(hours=_hours(got, lang)), ""),
                 ("declared", _("Declared ({hours})").format(hours=_hours(said, lang)), "")],
                back=False)
            keep[pid] = picked
        extra = [(pid, h) for pid, h in per_week.items() if pid not in declared_ids and h > 0]
        if extra:
            echo(_("Measured but not in your list: {platforms}").format(
                platforms=", ".join(f"{_name(session, p, lang)} {_hours(h, lang)}"
                                    for p, h in extra)))
        session.draft.answers["measured"] = {**measured, "keep": keep}
        session.save()
        return


def _path_problem(typed: str) -> str | None:
    return None if typed.strip() else _("Type the file's path (or < to go back).")


def _name(session: Session, pid: str, lang: str) -> str:
    try:
        return session.bank.platform(pid).name.get(lang)
    except KeyError:
        return pid
