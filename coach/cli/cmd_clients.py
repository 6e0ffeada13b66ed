"""Client commands: clients, history, report, export, import, forget.

Thin: parse, call the workspace (coach.store), print. Names people typed are shown
as plain text (Rich `Text`, or plain lines on stderr), never as markup. Store
errors are CoachErrors that `coach.cli.main` says in this run's language, with their
exit code (bad input 2, failures while running 1); notices (a file restored from its
backup...) are said on stderr.
"""

from __future__ import annotations

import json
import shutil
import sys
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from coach.cli.base import N_, TrCommand, _, err, get_env, is_interactive, ngettext
from coach.cli.calendar_opts import calendar_options, calendar_text
from coach.context import Context
from coach.errors import InputError
from coach.i18n import base_lang
from coach.textsafe import clean

if TYPE_CHECKING:
    from coach.store import Workspace
    from coach.store.records import AssessmentRecord


def open_workspace(env: Context) -> Workspace:
    """The workspace of this run, its recovery notices printed on stderr.

    Store errors are CoachErrors: they go up to `coach.cli.main`, which says them in
    this run's language with their exit code (bad input 2, failures while running 1).
    """
    from coach.store import Workspace

    ws = Workspace.open(env.data_dir)
    print_notices(ws, env)
    return ws


def print_notices(ws: Workspace, env: Context) -> None:
    for notice in ws.notices:
        # Notices may quote a path or a name as typed: never let it reach the terminal raw.
        err(clean(env.voice.say(notice)))
    ws.notices.clear()


def _show(name: str) -> str:
    return clean(name, single_line=True)


def _console() -> Any:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _platform_names(env: Context) -> dict[str, str]:
    """Platform id -> its name in this run's language; ids stay as they are if the bank
    is broken (listing clients must not depend on a consultant's bank being valid)."""
    from coach.cli.cmd_bank import env_bank

    try:
        bank = env_bank(env)
    except InputError:
        return {}
    return {p.id: clean(p.name.get(env.lang), single_line=True) for p in bank.platforms}


def _focus_text(focus: str | None, space_name: str | None, names: dict[str, str]) -> str:
    if not focus:
        return "—"
    shown = names.get(focus) or _show(focus)
    if space_name:
        return f"{shown} · {_show(space_name)}"
    return shown


def _hours(value: float | None, lang: str) -> str:
    from coach.report.localfmt import number

    return "—" if value is None else number(value, lang)


def lang_for_client(ctx: click.Context, env: Context, client_lang: str | None) -> str:
    """The language a client's plans and reports speak: `--lang` on this command line,
    else the client's own (`coach clients --set-lang`), else this run's."""
    from coach.i18n import LANGS, resolve_lang

    explicit = ctx.find_root().params.get("lang")
    if explicit:
        return resolve_lang(explicit)
    return client_lang if client_lang in LANGS else env.lang


_LANG_CHOICES = ["en", "fr", "fr-CA", "fr-FR", "none"]


# -- coach clients ------------------------------------------------------------------
@click.command("clients", cls=TrCommand,
               help=N_("List clients: number of assessments, last date, current focus."))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help=N_("Output format."))
@click.option("--set-lang", "set_lang", nargs=2, default=None, metavar="NAME LANG",
              help=N_("Set the language of one client's plans and reports (en, fr, fr-CA, "
                      "fr-FR; none: the language coach runs in), e.g. a client in France "
                      "of a Québec consultant: --set-lang \"Atelier Lune\" fr-FR."))
@click.pass_context
def clients_cmd(ctx: click.Context, fmt: str, set_lang: tuple[str, str] | None) -> int:
    env = get_env(ctx)
    ws = open_workspace(env)
    if set_lang is not None:
        return _set_client_lang(ws, env, *set_lang)
    clients = ws.list_clients()
    print_notices(ws, env)
    if fmt == "json":
        rows = [{"id": c.id, "name": _show(c.name), "assessments": c.assessments,
                 "last_assessed": c.last_assessed, "last_activity": c.last_activity,
                 "focus": c.focus, "space": c.space._asdict() if c.space else None,
                 "professional_hours": c.professional_hours,
                 "budget_hours": c.budget_hours, "warnings": c.warnings,
                 "warning_codes": list(c.warning_codes), "lang": c.lang} for c in clients]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not clients:
        click.echo(_("No clients yet. Save one with: coach plan --answers FILE --client NAME"))
        return 0
    from coach.cli.texttable import render

    names = _platform_names(env)
    rows = [(_show(c.name), str(c.assessments), c.last_assessed or "—",
             _("damaged file") if c.damaged else
             _focus_text(c.focus, c.space.name if c.space else None, names)) for c in clients]
    # Drawn in linear time: Rich's Table took 7 s for 10,000 clients (coach/cli/texttable.py).
    click.echo(render(ngettext("{n} client", "{n} clients", len(clients)).format(
        n=len(clients)), [_("Name"), _("Assessments"), _("Last"), _("Focus")], rows,
        right=[False, True, False, False], no_wrap=[False, False, True, False],
        width=_table_width()), nl=False)
    return 0


def _set_client_lang(ws: Workspace, env: Context, name: str, lang: str) -> int:
    wanted = next((c for c in _LANG_CHOICES if c.lower() == lang.strip().lower()), None)
    if wanted is None:
        raise click.BadParameter(_("{value!r} is not one of {choices}.").format(
            value=lang, choices=", ".join(_LANG_CHOICES)), param_hint="'--set-lang'")
    client = ws.require_client(name)
    ws.set_client_lang(client.id, None if wanted == "none" else wanted)
    print_notices(ws, env)
    if wanted == "none":
        err(_("{name}: plans and reports speak the language coach runs in.").format(
            name=_show(client.name)))
    else:
        err(_("{name}: plans and reports now speak {lang}.").format(
            name=_show(client.name), lang=wanted))
    return 0
def _table_width() -> int:
    """The terminal's width, as Rich finds it (COLUMNS, else the terminal, else 80)."""
    import os

    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return shutil.get_terminal_size((80, 24)).columns
    return 80


# -- coach history ------------------------------------------------------------------
def _history_rows(assessments: list[AssessmentRecord]) -> list[dict[str, Any]]:
    from coach.store.summary import plan_summary

    rows = []
    for a in assessments:
        s = plan_summary(a.plan)
        rows.append({"id": a.id, "date": a.date, "focus": s["focus"],
                     "space": s["space"], "hours": s["professional_hours"],
                     "budget": s["budget_hours"], "warnings": s["warnings"],
                     "warning_codes": s["warning_codes"],
                     "engine_version": a.engine_version})
    return rows


@click.command("history", cls=TrCommand,
               help=N_("List a client's assessments: id, date, focus, hours, warnings."))
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help=N_("Output format."))
@click.pass_context
def history_cmd(ctx: click.Context, name: str, fmt: str) -> int:
    env = get_env(ctx)
    ws = open_workspace(env)
    client = ws.require_client(name)
    rows = _history_rows(ws.assessments(client.id))
    print_notices(ws, env)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        click.echo(_("{name} has no assessment yet.").format(name=_show(client.name)))
        return 0
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(_show(client.name)))
    table.add_column(Text(_("Id")), justify="right")
    table.add_column(Text(_("Date")), no_wrap=True)
    table.add_column(Text(_("Focus")))
    table.add_column(Text(_("Hours")), justify="right")
    table.add_column(Text(_("Warnings")), justify="right")
    names = _platform_names(env)
    for r in rows:
        table.add_row(Text(str(r["id"])), Text(r["date"] or "—"),
                      Text(_focus_text(r["focus"], (r["space"] or {}).get("name"), names)),
                      Text(_hours(r["hours"], env.lang)), Text(str(r["warnings"])))
    _console().print(table)
    return 0


# -- coach report -------------------------------------------------------------------
def _pick(assessments: list[AssessmentRecord], wanted: int | None, client_name: str,
          ) -> AssessmentRecord:
    if not assessments:
        raise InputError(_("{name} has no assessment yet.").format(name=_show(client_name)))
    if wanted is None:
        return assessments[-1]
    for a in assessments:
        if a.id == wanted:
            return a
    raise InputError(_("{name} has no assessment {id} (see: coach history NAME).").format(
        name=_show(client_name), id=wanted))


def _compare_base(assessments: list[AssessmentRecord], current: AssessmentRecord, value: str,
                  client_name: str) -> AssessmentRecord:
    if value == "previous":
        older = [a for a in assessments if a.id < current.id]
        if not older:
            raise InputError(_("{name}: assessment {id} is the first one; there is nothing "
                               "to compare it with.").format(name=_show(client_name),
                                                             id=current.id))
        return older[-1]
    try:
        wanted = int(value)
    except ValueError:
        raise InputError(_("--compare: {value} is not an assessment id.").format(
            value=clean(value, single_line=True))) from None
    if wanted == current.id:
        # Comparing an assessment with itself would print a page of "unchanged".
        raise InputError(_("--compare {id}: that is the assessment being reported; name an "
                           "earlier one, or add --assessment ID.").format(id=wanted))
    return _pick(assessments, wanted, client_name)


@click.command("report", cls=TrCommand,
               help=N_("Show or write the plan of a client's assessment (the latest by "
                       "default), or compare two assessments."))
@click.argument("name")
@click.option("--assessment", "assessment_id", type=int, default=None,
              help=N_("Assessment id (see coach history); default: the latest."))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md", "html", "ics"]),
              default="text", show_default=True,
              help=N_("Output format (ics: the routine as a calendar to import)."))
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), default=None,
              help=N_("Write to this file instead of the screen."))
@click.option("--force", is_flag=True, help=N_("Replace the output file if it exists."))
@click.option("--compare", "compare", is_flag=False, flag_value="previous", default=None,
              metavar="[ID]",
              help=N_("Compare with an earlier assessment (default: the one before)."))
@calendar_options
@click.pass_context
def report_cmd(ctx: click.Context, name: str, assessment_id: int | None, fmt: str,
               output: str | None, force: bool, compare: str | None,
               days: tuple[int, ...], at: time) -> int:
    env = get_env(ctx)
    ws = open_workspace(env)
    client = ws.require_client(name)
    assessments = ws.assessments(client.id)
    print_notices(ws, env)
    current = _pick(assessments, assessment_id, client.name)
    if fmt == "ics" and compare is not None:
        raise InputError(_("--compare and --format ics: a calendar holds one plan."))
    from coach import report

    to_file = output is not None
    width = 80 if to_file or not sys.stdout.isatty() else shutil.get_terminal_size().columns
    color = False if to_file else None
    compared = [current]
    if compare is not None:
        base = _compare_base(assessments, current, compare, client.name)
        compared.insert(0, base)
    lang = lang_for_client(ctx, env, client.lang)  # the client's reports follow the client
    if fmt != "ics":  # a calendar speaks its plan's language, headings included
        _say_plan_language(compared, lang)
    if fmt == "ics":
        text = calendar_text(env, current.plan, client.name, days, at)
    elif compare is not None:
        text = report.render_comparison(base.plan, current.plan, fmt, lang=lang,
                                        width=width, color=color)
    else:
        text = report.render(current.plan, fmt, lang=lang, width=width,
                             notes=current.notes, color=color)
    if to_file:
        from coach.files import write_file

        write_file(Path(output), text, force=force)  # type: ignore[arg-type]
        err(_("Written: {path}").format(path=_show(output)))  # type: ignore[arg-type]
    else:
        click.echo(text, nl=not text.endswith("\n"))
    return 0


def _say_plan_language(assessments: list[AssessmentRecord], lang: str) -> None:
    """A plan keeps the language it was made in (it is a snapshot): say so when the
    headings of this run will not match its sentences."""
    languages = {"en": _("English"), "fr": _("French")}
    for a in assessments:
        made_in = a.plan.get("lang")
        if made_in in languages and made_in != base_lang(lang):
            err(_("Assessment {id} was made in {language}: its sentences stay in {language}.")
                .format(id=a.id, language=languages[made_in]))


# -- coach export / import ----------------------------------------------------------
@click.command("export", cls=TrCommand,
               help=N_("Write one client, with all assessments, the results log and the "
                       "language, to a portable JSON file."))
@click.argument("name")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), required=True,
              help=N_("The JSON file to write (readable by you only)."))
@click.option("--force", is_flag=True, help=N_("Replace the output file if it exists."))
@click.pass_context
def export_cmd(ctx: click.Context, name: str, output: str, force: bool) -> int:
    env = get_env(ctx)
    ws = open_workspace(env)
    client = ws.require_client(name)
    ws.write_export(client.id, Path(output).expanduser(), force=force)
    print_notices(ws, env)
    n = client.assessments
    err(ngettext("Exported {name} ({n} assessment) to {path}",
                 "Exported {name} ({n} assessments) to {path}", n).format(
        name=_show(client.name), n=n, path=_show(output)))
    return 0


def _answers_checker(env: Context) -> Any:
    """validate_answers bound to this run's bank, or None if that part is not there."""
    try:
        from coach.answers import validate_answers
    except ImportError:
        return None
    from coach.cli.cmd_bank import env_bank

    bank = env_bank(env)
    return lambda data, where: validate_answers(data, bank, source=where, lang=env.lang)


@click.command("import", cls=TrCommand,
               help=N_("Add a client from a file made by coach export."))
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--replace", is_flag=True,
              help=N_("Replace a client of the same name (otherwise refused)."))
@click.pass_context
def import_cmd(ctx: click.Context, file: str, replace: bool) -> int:
    env = get_env(ctx)
    path = Path(file).expanduser()
    from coach.files import read_json

    payload = read_json(path)  # BadFile (exit 2) naming the file and why, as in the TUI
    checker = _answers_checker(env)
    ws = open_workspace(env)
    client_id, replaced = ws.import_client(payload, replace=replace, check_answers=checker,
                                           source=str(path))
    client = ws.client(client_id)
    print_notices(ws, env)
    n = client.assessments
    if replaced:
        msg = ngettext("Replaced {name} ({n} assessment).",
                       "Replaced {name} ({n} assessments).", n)
    else:
        msg = ngettext("Imported {name} ({n} assessment).",
                       "Imported {name} ({n} assessments).", n)
    err(msg.format(name=_show(client.name), n=n))
    return 0


# -- coach forget -------------------------------------------------------------------
_YES = {"y", "yes", "o", "oui"}


def _confirm(question: str) -> bool:
    answer = click.prompt(question + " " + _("[y/N]"), default="", show_default=False,
                          prompt_suffix=" ", err=True)
    return answer.strip().lower() in _YES


@click.command("forget", cls=TrCommand,
               help=N_("Erase a client: its file, its backups and its entry. Cannot be undone."))
@click.argument("name")
@click.option("--yes", "yes", is_flag=True, help=N_("Do not ask for confirmation."))
@click.pass_context
def forget_cmd(ctx: click.Context, name: str, yes: bool) -> int:
    env = get_env(ctx)
    ws = open_workspace(env)
    client = ws.require_client(name)
    shown = _show(client.name)
    if not yes:
        if not is_interactive():
            raise InputError(_("Refusing to erase {name} without confirmation: add --yes.")
                             .format(name=shown))
        n = client.assessments
        question = ngettext("Erase {name} and its {n} assessment, backups included?",
                            "Erase {name} and its {n} assessments, backups included?",
                            n).format(name=shown, n=n)
        if not _confirm(question):
            err(_("Nothing erased."))
            return 1
    ws.forget_client(client.id)
    print_notices(ws, env)
    err(_("Erased {name}.").format(name=shown))
    return 0


COMMANDS = (clients_cmd, history_cmd, report_cmd, export_cmd, import_cmd, forget_cmd)


def save_plan_for_client(env: Context, name: str, answers: dict[str, Any],
                         plan: dict[str, Any]) -> int:
    """`coach plan --client NAME`: keep the plan as a new assessment (created if needed)."""
    from coach.store.service import save_plan_assessment

    ws = open_workspace(env)
    client_id, assessment_id, notices = save_plan_assessment(ws, name, answers, plan)
    shown = _show(ws.client(client_id).name)
    for notice in notices:
        err(clean(env.voice.say(notice)))
    err(_("Saved as assessment {id} of {name}.").format(id=assessment_id, name=shown))
    return assessment_id
