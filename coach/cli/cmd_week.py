"""`coach log` and `coach progress`: results logged between reviews, the gate measured.

Thin, like the other client commands: options are checked here (exit 2 naming the
option, nothing written), the store keeps the entry (coach/store/results_log.py), the
report layer measures (coach/report/progress.py).
"""

from __future__ import annotations

import json
from datetime import date

import click

from coach.cli.base import N_, TrCommand, _, err, get_env
from coach.cli.calendar_opts import gate_rules
from coach.cli.cmd_clients import _show, open_workspace, print_notices
from coach.errors import InputError
from coach.textsafe import clean

# Option name -> the answers file's results_90d key.
COUNT_OPTIONS = (("inquiries", "inquiries"), ("won", "won"), ("sales", "sales"),
                 ("donations", "donations"), ("signups", "signups"),
                 ("referrals", "referrals"), ("site-visits", "site_visits"))


def _date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    from coach import clock

    if value is None:
        return None
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(_("{value!r} is not a date (use YYYY-MM-DD)").format(
            value=value)) from None
    if day > clock.today():
        raise click.BadParameter(_("{value} is in the future: log results once they are "
                                   "in").format(value=day.isoformat()))
    return day.isoformat()


class Count(click.ParamType):
    """A count of results: a whole number, 0 or more (said naming the option)."""

    name = "N"

    def convert(self, value: object, param: click.Parameter | None,
                ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        else:
            text = str(value).strip()
            if not text.lstrip("-").isdigit():
                self.fail(_("{value!r} is not a whole number").format(value=str(value)),
                          param, ctx)
            number = int(text)
        if number < 0:
            self.fail(_("{value} is negative: a count is 0 or more").format(value=number),
                      param, ctx)
        if number > 1_000_000:
            self.fail(_("{value} is more than a million").format(value=number), param, ctx)
        return number


def _count_options(f):  # type: ignore[no-untyped-def]
    helps = {"inquiries": N_("Inquiries (messages, calls, quote requests)."),
             "won": N_("Clients or contracts won."), "sales": N_("Sales."),
             "donations": N_("Donations."), "signups": N_("Sign-ups (newsletter, event...)."),
             "referrals": N_("Referrals."), "site-visits": N_("Visits to your site.")}
    for option, key in reversed(COUNT_OPTIONS):
        f = click.option(f"--{option}", key, type=Count(), default=None,
                         metavar="N", help=helps[option])(f)
    return f


@click.command("log", cls=TrCommand,
               help=N_("Log results a platform brought (one entry): they count towards the "
                       "expansion gate and prefill the next follow-up."))
@click.argument("name")
@click.option("--platform", "platform", required=True, metavar="ID",
              help=N_("The platform they came from (an id from coach platforms)."))
@click.option("--space", "space", default=None, metavar="NAME",
              help=N_("The space on that platform (a group, a page...)."))
@_count_options
@click.option("--date", "day", default=None, metavar="YYYY-MM-DD", callback=_date,
              help=N_("The day they came in (default: today)."))
@click.option("--note", "note", default=None, metavar="TEXT", help=N_("A note to keep."))
@click.pass_context
def log_cmd(ctx: click.Context, name: str, platform: str, space: str | None,
            day: str | None, note: str | None, **counts: int | None) -> int:
    from coach import clock
    from coach.cli.cmd_bank import env_bank
    from coach.store.results_log import add_result

    env = get_env(ctx)
    known = {p.id for p in env_bank(env).platforms}
    if platform not in known:
        raise InputError(_("--platform: unknown platform {id!r} (see: coach platforms).")
                         .format(id=clean(platform, single_line=True)))
    given = {k: n for k, n in counts.items() if n is not None}
    if not given:
        raise InputError(_("Give at least one count, e.g. --inquiries 2 or --sales 1."))
    ws = open_workspace(env)
    client = ws.require_client(name)
    space = clean(space, single_line=True).strip() or None if space else None
    note = clean(note).strip() or None if note else None
    entry = add_result(ws, client.id, date=day or clock.today().isoformat(),
                       platform=platform, space=space, counts=given, note=note)
    print_notices(ws, env)
    err(_("Logged for {name} (entry {id}).").format(name=_show(client.name), id=entry))
    return 0


@click.command("progress", cls=TrCommand,
               help=N_("Since the latest assessment: the results logged per platform and "
                       "the expansion gate measured."))
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help=N_("Output format."))
@click.pass_context
def progress_cmd(ctx: click.Context, name: str, fmt: str) -> int:
    from coach import clock
    from coach.report.progress import measure, progress_json, progress_text
    from coach.store.results_log import results

    env = get_env(ctx)
    ws = open_workspace(env)
    client = ws.require_client(name)
    assessments = ws.assessments(client.id)
    entries = results(ws, client.id)
    print_notices(ws, env)
    if not assessments:
        raise InputError(_("{name} has no assessment yet.").format(name=_show(client.name)))
    latest = assessments[-1]
    goal_results, min_results = gate_rules(env)
    p = measure(latest.plan, latest.date, entries, clock.today(), goal_results=goal_results,
                min_results=min_results)
    if fmt == "json":
        click.echo(json.dumps(progress_json(p), ensure_ascii=False, indent=2))
    else:
        click.echo(clean(progress_text(p, env.lang)), nl=False)
    return 0
