"""`coach platforms` and `coach check-bank`, plus `env_bank()`: the bank of this run.

Every command that needs the bank calls `env_bank(env)`: a consultant's broken copy
(`--bank DIR` or COACH_BANK) then stops the command with exit 2 and one line per
problem, before anything is written. The bank checks its files and the engine its
rules (`coach.engine.check_rules`, handed to the bank loader): the bank layer never
imports the engine.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import click

from coach.bank.model import Bank
from coach.cli.base import N_, TrCommand, _, get_env, ngettext
from coach.context import Context
from coach.errors import InputError, Line
from coach.textsafe import clean

# A platform's markets and modes are fixed words of the bank schema, named here for display.
_MARKETS = {"b2b": N_("B2B"), "b2c": N_("consumers"), "public": N_("general public")}
_MODES = {"conversation": N_("conversation"), "broadcast": N_("broadcast"),
          "monitoring": N_("monitoring")}


def env_bank(env: Context) -> Bank:
    """The bank in use for this run, loaded once per process; InputError if it is broken."""
    from coach.bank.load import BankError, default_bank
    from coach.engine.rules import check_rules

    try:
        return default_bank(env.bank_dir, check_rules=check_rules)
    except BankError as exc:
        raise InputError(bank_problem_lines(env.bank_dir, exc.problems)) from None


def bank_problem_lines(folder: Path, problems: Sequence[Line]) -> list[Line]:
    """A header naming the folder, then the problems (said by main in the run's language)."""
    head = ngettext("The question bank in {folder} has {n} problem:",
                    "The question bank in {folder} has {n} problems:",
                    len(problems)).format(folder=clean(str(folder), single_line=True),
                                          n=len(problems))
    return [head, *problems]


def _words(ids: tuple[str, ...], names: dict[str, str]) -> str:
    return ", ".join(_(names[i]) if i in names else i for i in ids) or "-"


def platforms_json(bank: Bank, lang: str) -> list[dict[str, object]]:
    return [
        {"id": p.id, "name": p.name.get(lang), "spaces": list(p.spaces),
         "markets": list(p.markets), "modes": list(p.modes), "owned": p.owned,
         "note": p.note.get(lang), "space_hint": p.space_hint.get(lang)}
        for p in bank.platforms
    ]


def _print_platforms_table(bank: Bank, lang: str) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    space_names = {t.id: t.name.get(lang) for t in bank.terms("space_kinds")}
    table = Table(title=Text(_("Platforms")), show_lines=False, expand=False)
    table.add_column(Text(_("Platform")), no_wrap=True)
    table.add_column(Text(_("Spaces")))
    table.add_column(Text(_("Default fit")))
    table.add_column(Text(_("Owned or rented")), no_wrap=True)
    for p in bank.platforms:
        # Bank texts are a consultant's data: plain Text, never markup.
        table.add_row(
            Text(clean(p.name.get(lang), single_line=True)),
            Text(_("any") if set(p.spaces) >= set(space_names)
                 else ", ".join(space_names.get(s, s).lower() for s in p.spaces)),
            Text(_words(p.markets, _MARKETS) + " · " + _words(p.modes, _MODES)
                 if p.markets or p.modes else "-"),
            Text(_("owned") if p.owned else _("rented")),
        )
    Console(highlight=False, soft_wrap=False).print(table)


@click.command("platforms", cls=TrCommand,
               help=N_("List the platforms the question bank knows, with their default fit."))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help=N_("Output format."))
@click.pass_context
def platforms_cmd(ctx: click.Context, fmt: str) -> int:
    env = get_env(ctx)
    bank = env_bank(env)
    if fmt == "json":
        click.echo(json.dumps(platforms_json(bank, env.lang), ensure_ascii=False, indent=2))
    else:
        _print_platforms_table(bank, env.lang)
    return 0


@click.command("check-bank", cls=TrCommand,
               help=N_("Check a question bank folder (default: the bank in use) and list "
                       "every problem with its file, entry and field."))
@click.argument("folder", required=False, type=click.Path(file_okay=True))
@click.pass_context
def check_bank_cmd(ctx: click.Context, folder: str | None) -> int:
    from coach.bank.load import BankError, load_bank
    from coach.engine.rules import check_rules

    env = get_env(ctx)
    path = Path(folder).expanduser() if folder else env.bank_dir
    try:
        # The bank's files, and the engine's rules: both, as `coach plan` would load them.
        bank = load_bank(path, check_rules=check_rules)
    except BankError as exc:
        raise InputError(bank_problem_lines(path, exc.problems)) from None
    click.echo(_("Bank OK: {platforms}, {questions} ({folder})").format(
        platforms=ngettext("{n} platform", "{n} platforms", len(bank.platforms))
        .format(n=len(bank.platforms)),
        questions=ngettext("{n} question", "{n} questions", len(bank.questions))
        .format(n=len(bank.questions)),
        folder=clean(str(path), single_line=True)))
    from coach.engine.questions import READ_QUESTIONS

    # A question the engine never reads changes nothing in the plan: say so (the bank
    # still loads; a consultant's own question may be there on purpose).
    for q in bank.questions:
        if q.key.startswith("extra.") and q.id not in READ_QUESTIONS:
            click.echo(_("warning: questions.toml: question '{id}': the engine never reads "
                         "it, so it changes nothing in the plan").format(
                id=clean(q.id, single_line=True)), err=True)
    return 0
