"""`coach plan --answers FILE`: the plan for an answers file, as text or JSON.

Light on purpose (no Textual, no questionary): the bank, the answers checker, the
engine and the report renderer are imported inside the command. Bad answers stop
the command with exit 2, every problem on stderr, nothing written.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click

from coach.cli.base import N_, InputError, TrCommand, get_env


@click.command("plan", cls=TrCommand,
               help=N_("Build the plan for an answers file (TOML, version 1): the focus, a "
                       "verdict for every platform, the time picture, warnings, the weekly "
                       "routine, what to track and when to review."))
@click.option("--answers", "answers_path", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help=N_("The answers file (TOML, version 1)."))
@click.option("--format", "fmt", type=click.Choice(["text", "md", "html", "json"]), default="text",
              show_default=True, help=N_("Output format."))
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help=N_("Write to this file instead of the screen."))
@click.option("--force", is_flag=True, default=False,
              help=N_("Overwrite the output file if it exists."))
@click.option("--client", "client", default=None, metavar="NAME",
              help=N_("Also save the plan as a new assessment of this client."))
@click.pass_context
def plan_cmd(ctx: click.Context, answers_path: Path, fmt: str, output: Path | None,
             force: bool, client: str | None) -> int:
    from coach import clock
    from coach.answers import AnswersError, load_answers_file
    from coach.cli.cmd_bank import env_bank
    from coach.engine import build_plan
    from coach.i18n import translator

    env = get_env(ctx)
    bank = env_bank(env)
    try:
        answers = load_answers_file(answers_path, bank, lang=env.lang)
    except AnswersError as exc:
        raise InputError(exc.problems) from None
    plan = build_plan(answers, bank, lang=env.lang, tr=translator(env.lang, "engine"),
                      today=clock.today())
    if client is not None:  # the store's job: find or create the client, keep the assessment
        from coach.cli.cmd_clients import save_plan_for_client

        save_plan_for_client(env, client, dict(answers), dict(plan))
    if fmt == "json":
        text = json.dumps(plan, ensure_ascii=False, indent=2) + "\n"
    elif fmt in ("md", "html"):
        from coach.report import render

        text = render(plan, fmt, lang=env.lang)
    else:
        from coach.report import render

        width = 80 if output else min(max(shutil.get_terminal_size((80, 24)).columns, 60), 120)
        text = render(plan, "text", lang=env.lang, width=width,
                      color=False if output else None)
    if output is not None:
        from coach.report.output import write_output

        write_output(text, output, force=force)
        return 0
    click.echo(text, nl=not text.endswith("\n"))
    return 0
