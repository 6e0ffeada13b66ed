"""Shared pieces of the command line: the run's voice, translated help, lazy commands.

Click builds help texts when it prints them, so we keep help strings as English
msgids (marked with N_) and translate them at format time in the language chosen
for this run. That also works for `--help`, which Click handles before any
command callback runs.
"""

from __future__ import annotations

import sys

import click

from coach.cli import click_i18n
from coach.context import Context
from coach.i18n import N_ as N_  # re-exported: commands mark their help with it
from coach.i18n import Voice, is_french


def voice_of(ctx: click.Context | None = None) -> Voice:
    """The run's Voice, carried by the root Click context (a Voice, then the Context).

    `main` hands the one Voice it made to Click as the root object; the group's callback
    wraps it in the run's Context. There is no language state anywhere else.
    """
    ctx = ctx or click.get_current_context(silent=True)
    obj = ctx.find_root().obj if ctx is not None else None
    if isinstance(obj, Context):
        return obj.voice
    if isinstance(obj, Voice):
        return obj
    raise RuntimeError("coach's CLI spoke outside a run (no Voice in the Click context)")


def _run_lang() -> str | None:
    """The run's language, or None when no run is under way (Click declaring options)."""
    try:
        return voice_of().lang
    except RuntimeError:
        return None


def current_lang() -> str:
    return voice_of().lang


def _(message: str) -> str:
    """Translate a CLI message into the language of this run."""
    return voice_of().catalog("cli").gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return voice_of().catalog("cli").ngettext(singular, plural, n)


class TrHelpFormatter(click.HelpFormatter):
    """Section headings with French typography ("Options :") in French runs."""

    def write_heading(self, heading: str) -> None:
        colon = "\u00a0:" if is_french(current_lang()) else ":"
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")


class TrContext(click.Context):
    formatter_class = TrHelpFormatter

    def __init__(self, *args: object, **kwargs: object) -> None:
        # -h as well as --help, on every command (subcommands inherit it from the root).
        if kwargs.get("help_option_names") is None and kwargs.get("parent") is None:
            kwargs["help_option_names"] = ["-h", "--help"]
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]


def _record(param: click.Parameter, ctx: click.Context) -> tuple[str, str] | None:
    original = getattr(param, "help", None)
    if original:
        param.help = _(original)  # type: ignore[attr-defined]
    try:
        return param.get_help_record(ctx)
    finally:
        if original:
            param.help = original  # type: ignore[attr-defined]


class TrCommandMixin:
    """Translate a command's help, its options' help and Click's headings."""

    context_class = TrContext

    def get_short_help_str(self, limit: int = 45) -> str:
        original = self.help  # type: ignore[has-type]
        self.help = _(original) if original else original
        try:
            return super().get_short_help_str(limit)  # type: ignore[misc]
        finally:
            self.help = original

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        original = self.help  # type: ignore[has-type]
        self.help = _(original) if original else original
        try:
            super().format_help_text(ctx, formatter)  # type: ignore[misc]
        finally:
            self.help = original

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Usage:") + " ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Arguments already show in the usage line; Click 8.2+ would list them bare here.
        rows = [r for p in self.get_params(ctx)  # type: ignore[attr-defined]
                if not isinstance(p, click.Argument) and (r := _record(p, ctx))]
        if rows:
            with formatter.section(_("Options")):
                formatter.write_dl(rows)


class TrCommand(TrCommandMixin, click.Command):
    pass


class TrGroup(TrCommandMixin, click.Group):
    """A group whose commands are imported on first use ("module:attribute" each)."""

    command_class = TrCommand

    def __init__(self, *args: object, lazy_commands: dict[str, str] | None = None,
                 **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy_commands = dict(lazy_commands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy_commands:
            import importlib

            module, attribute = self.lazy_commands[cmd_name].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is not None and not cmd.hidden:
                commands.append((name, cmd))
        if commands:
            limit = formatter.width - 6 - max(len(n) for n, _c in commands)
            with formatter.section(_("Commands")):
                formatter.write_dl([(n, c.get_short_help_str(limit)) for n, c in commands])


# Click's own messages ("Missing argument", "Try ... for help.") follow this run's language.
click_i18n.install(_run_lang)


def get_env(ctx: click.Context) -> Context:
    env = ctx.find_object(Context)
    if env is None:  # only when a command is invoked outside the `coach` group
        raise RuntimeError("coach command run without its group")
    return env


def err(message: str) -> None:
    """One line to stderr, plain text (user text never becomes markup here)."""
    click.echo(message, err=True)


def is_interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()
