"""`coach plan --answers FILE`: the plan for an answers file, as text or JSON.

Light on purpose (no Textual, no questionary): the bank, the answers checker, the
engine and the report renderer are imported inside the command. Bad answers stop
the command with exit 2, every problem on stderr, nothing written.

Nothing half-done: the output path is checked before any work, and with --client
the report is first written to a temporary file next to its target, the assessment
is saved, and only then does the file take its name; a failure on the way leaves
neither a new assessment nor the output file.
"""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from coach.cli.base import N_, TrCommand, get_env
from coach.cli.calendar_opts import calendar_options, calendar_text
from coach.context import Context
from coach.errors import InputError

if TYPE_CHECKING:
    from coach.bank.model import Bank


@click.command("plan", cls=TrCommand,
               help=N_("Build the plan for an answers file (TOML, version 1): the focus, a "
                       "verdict for every platform, the time picture, warnings, the weekly "
                       "routine, what to track and when to review."))
@click.option("--answers", "answers_path", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help=N_("The answers file (TOML, version 1)."))
@click.option("--format", "fmt", type=click.Choice(["text", "md", "html", "json", "ics"]),
              default="text", show_default=True,
              help=N_("Output format (ics: the routine as a calendar to import)."))
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help=N_("Write to this file instead of the screen."))
@click.option("--force", is_flag=True, default=False,
              help=N_("Overwrite the output file if it exists."))
@click.option("--client", "client", default=None, metavar="NAME",
              help=N_("Also save the plan as a new assessment of this client."))
@click.option("--measured", "measured", default=None, metavar="SOURCE",
              help=N_("Plan with measured hours: an ActivityWatch export (JSON), a RescueTime "
                      "CSV export, aw (the ActivityWatch on this computer) or "
                      "aw:http://127.0.0.1:PORT."))
@calendar_options
@click.pass_context
def plan_cmd(ctx: click.Context, answers_path: Path, fmt: str, output: Path | None,
             force: bool, client: str | None, measured: str | None, days: tuple[int, ...],
             at: time) -> int:
    from coach import clock
    from coach.answers import load_answers_file
    from coach.engine import build_plan
    from coach.i18n import translator

    env = get_env(ctx)
    if output is not None:  # refuse a bad -o before anything is read, saved or written
        from coach.files import check_target

        check_target(output, force=force)
    bank = _bank(env)
    # An AnswersError is an InputError: main says its problems in the run's language.
    answers = load_answers_file(answers_path, bank)
    if measured is not None:
        # Read whole before anything is planned or saved (a failure leaves nothing).
        from coach.cli.cmd_measured import read_source

        answers = {**answers, "measured": read_source(env, measured).for_answers()}  # type: ignore[typeddict-item]
    lang = env.lang if client is None else _client_lang(ctx, env, client)
    plan = build_plan(answers, bank, lang=lang, tr=translator(lang, "engine"),
                      today=clock.today())
    if fmt == "ics":
        text = calendar_text(env, dict(plan), client or str(plan.get("client") or ""), days, at)
    else:
        text = _render(dict(plan), fmt, lang, to_file=output is not None)
    if client is None:
        if output is None:
            click.echo(text, nl=not text.endswith("\n"))
        else:
            from coach.files import write_file

            write_file(output, text, force=force)
        return 0
    if output is None:
        _save(env, client, dict(answers), dict(plan))
        click.echo(text, nl=not text.endswith("\n"))
        return 0
    from coach.files import place, stage

    # The report is on disk before the assessment is saved and named only after, so a
    # failure at any point leaves neither a new assessment nor the output file (a pipe
    # or a device is written to last, once saved: a stream cannot be taken back).
    staged = stage(text, output)
    try:
        _save(env, client, dict(answers), dict(plan))
        place(staged, force=force)
    finally:
        staged.discard()
    return 0


def _client_lang(ctx: click.Context, env: Context, name: str) -> str:
    """A known client's plan speaks the client's language (`coach clients --set-lang`)."""
    from coach.cli.cmd_clients import lang_for_client, open_workspace

    found = open_workspace(env).find_client(name)
    return lang_for_client(ctx, env, found.lang if found else None)


def _bank(env: Context) -> Bank:
    """`cmd_bank.env_bank`, without importing that module (its click commands) on every
    plan: it is only needed to word a broken bank's problems."""
    from coach.bank.load import BankError, default_bank
    from coach.engine.rules import check_rules

    try:
        return default_bank(env.bank_dir, check_rules=check_rules)
    except BankError as exc:
        from coach.cli.cmd_bank import bank_problem_lines

        raise InputError(bank_problem_lines(env.bank_dir, exc.problems)) from None


def _render(plan: dict, fmt: str, lang: str, *, to_file: bool) -> str:
    if fmt == "json":
        return json.dumps(plan, ensure_ascii=False, indent=2) + "\n"
    from coach.report import render

    if fmt in ("md", "html"):
        return render(plan, fmt, lang=lang)
    import shutil  # only the text format asks the terminal's width

    width = 80 if to_file else min(max(shutil.get_terminal_size((80, 24)).columns, 60), 120)
    return render(plan, "text", lang=lang, width=width, color=False if to_file else None)


def _save(env: Context, client: str, answers: dict, plan: dict) -> None:
    """The store's job: find or create the client, keep the assessment."""
    from coach.cli.cmd_clients import save_plan_for_client

    save_plan_for_client(env, client, answers, plan)
