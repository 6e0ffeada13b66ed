"""`--format ics` of `coach plan` and `coach report`: the options and the one call.

Light: icalendar is imported only when a calendar is written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from typing import Any, TypeVar

import click

from coach.cli.base import N_, _
from coach.context import Context

F = TypeVar("F", bound=Callable[..., Any])


def _days(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple[int, ...]:
    from coach.report.ics import DEFAULT_DAYS, parse_days

    if value is None:
        return DEFAULT_DAYS
    try:
        return parse_days(value)
    except ValueError as exc:
        raise click.BadParameter(_("{day!r} is not a day (use mon,tue,wed,thu,fri,sat,sun)")
                                 .format(day=exc.args[0])) from None


def _at(_ctx: click.Context, _param: click.Parameter, value: str | None) -> time:
    from coach.report.ics import DEFAULT_AT, parse_at

    if value is None:
        return DEFAULT_AT
    try:
        return parse_at(value)
    except ValueError:
        raise click.BadParameter(_("{value!r} is not a time of day (use HH:MM, e.g. 09:00)")
                                 .format(value=value)) from None


def calendar_options(f: F) -> F:
    f = click.option("--at", "at", default=None, metavar="HH:MM", callback=_at,
                     help=N_("With --format ics: the hour the routine starts each day "
                             "(default 09:00)."))(f)
    f = click.option("--days", "days", default=None, metavar="DAYS", callback=_days,
                     help=N_("With --format ics: the working days the routine goes on "
                             "(default mon,wed,fri)."))(f)
    return f


def calendar_text(env: Context, plan: dict[str, Any], client_name: str,
                  days: tuple[int, ...], at: time) -> str:
    """The plan's .ics text; UIDs from the client's name and the assessment's date, so
    `coach plan --client` and `coach report` of the same assessment give the same ones."""
    from coach.report.ics import key_of, render_ics

    goal_results, min_results = gate_rules(env)
    data = render_ics(plan, client_key=key_of(client_name),
                      assessment_key=str(plan.get("assessed_on") or ""), days=days, at=at,
                      goal_results=goal_results, min_results=min_results)
    return data.decode("utf-8")


def gate_rules(env: Context) -> tuple[dict[str, Any] | None, int]:
    """The gate's kinds and minimum from the bank's rules, for plans made before the plan
    carried its gate; a broken bank only loses that refinement."""
    from coach.errors import CoachError

    try:
        from coach.cli.cmd_bank import env_bank
        from coach.engine.plan import rules_of

        rules = rules_of(env_bank(env))
    except (CoachError, ValueError):
        return None, 3
    return dict(rules.goal_results), rules.gate.min_results
