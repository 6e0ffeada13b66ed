"""`coach quick`: the questionnaire line by line (questionary), then the plan.

questionary (and prompt_toolkit) are imported only once we know a terminal is there.
"""

from __future__ import annotations

import click

from coach.cli.base import N_, TrCommand, get_env
from coach.errors import InputError


@click.command("quick", cls=TrCommand,
               help=N_("Answer the questionnaire line by line (works with screen readers and "
                       "over SSH), then get the plan. Every answer is saved as you go: run it "
                       "again for the same client to resume."))
@click.option("--client", "client", metavar="NAME", default=None,
              help=N_("Whose assessment it is (asked if not given); an assessment in progress "
                      "for that client is resumed."))
@click.pass_context
def quick_cmd(ctx: click.Context, client: str | None) -> int:
    from coach.cli.cmd_bank import env_bank
    from coach.quick.guard import terminal_problem

    env = get_env(ctx)
    problem = terminal_problem(env.voice)
    if problem:
        raise InputError(problem)
    bank = env_bank(env)
    from coach.quick.session import run_quick

    return run_quick(voice=env.voice, data_dir=env.data_dir, bank=bank, client=client)
