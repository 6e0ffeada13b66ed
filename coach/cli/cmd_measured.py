"""`coach measured SOURCE`: hours per platform from ActivityWatch or RescueTime.

SOURCE is an ActivityWatch export (JSON), a RescueTime CSV export, `aw` (the
ActivityWatch running on this computer, http://127.0.0.1:5600) or
`aw:http://127.0.0.1:PORT`. Light: no Textual, no store.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

import click

from coach.cli.base import N_, TrCommand, _, get_env
from coach.context import Context
from coach.errors import InputError
from coach.textsafe import clean

if TYPE_CHECKING:
    from coach.measured import Measurement


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(_("{option}: {value!r} is not a date (YYYY-MM-DD)").format(
            option=option, value=clean(value, single_line=True)[:40])) from None


def read_source(env: Context, spec: str, since: str | None = None,
                until: str | None = None) -> Measurement:
    """The measurement of SOURCE for a command (the bank of this run decides platforms)."""
    from coach.cli.cmd_plan import _bank
    from coach.measured import read_measurement

    first, last = _day(since, "--since"), _day(until, "--until")
    return read_measurement(spec, _bank(env), since=first, until=last)


@click.command("measured", cls=TrCommand,
               help=N_("Hours per platform measured by ActivityWatch or RescueTime: the total "
                       "and per week over the period, and the hours that matched no platform. "
                       "SOURCE: an ActivityWatch export (JSON), a RescueTime CSV export, aw "
                       "(the ActivityWatch on this computer) or aw:http://127.0.0.1:PORT."))
@click.argument("source", metavar="SOURCE")
@click.option("--since", default=None, metavar="YYYY-MM-DD",
              help=N_("First day counted (default: the first day with data)."))
@click.option("--until", default=None, metavar="YYYY-MM-DD",
              help=N_("Last day counted (default: the last day with data)."))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help=N_("Output format."))
@click.pass_context
def measured_cmd(ctx: click.Context, source: str, since: str | None, until: str | None,
                 fmt: str) -> int:
    env = get_env(ctx)
    m = read_source(env, source, since, until)
    if fmt == "json":
        click.echo(json.dumps(m.as_json(), ensure_ascii=False, indent=2))
        return 0
    from coach.report import localfmt

    lang = env.lang
    bank = _bank_quiet(env)
    click.echo(localfmt.tie(_("Measured time from {source}, {first} to {last} ({days} days)")
                            .format(source=clean(m.source, single_line=True),
                                    first=localfmt.long_date(m.first.isoformat(), lang),
                                    last=localfmt.long_date(m.last.isoformat(), lang),
                                    days=m.days), lang))
    rows = [(_name(bank, pid, lang), localfmt.hours(h, lang), localfmt.hours(m.weekly(h), lang))
            for pid, h in m.hours]
    heads = (_("Platform"), _("Hours"), _("Per week"))
    widths = [max(len(r[i]) for r in [heads, *rows]) for i in range(3)]
    for row in [heads, *rows]:
        click.echo(f"  {row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]:>{widths[2]}}")
    if not rows:
        click.echo("  " + _("(no time matched a platform)"))
    click.echo(localfmt.tie(_("Matched no platform: {hours} a week").format(
        hours=localfmt.hours(m.weekly(m.unmatched), lang)), lang))
    return 0


def _bank_quiet(env: Context):  # type: ignore[no-untyped-def]
    from coach.cli.cmd_plan import _bank

    return _bank(env)


def _name(bank, pid: str, lang: str) -> str:  # type: ignore[no-untyped-def]
    try:
        return bank.platform(pid).name.get(lang)
    except KeyError:
        return pid
