"""`coach` entry point: resolve the language first (help is translated), then dispatch.

Exit codes: 0 done; 1 failed while running; 2 bad input or usage.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from coach import __version__
from coach.cli.base import N_, TrContext, TrGroup, _, err, voice_of
from coach.context import Context
from coach.errors import CoachError, FileExists
from coach.i18n import CatalogsMissing, UnknownLanguage, Voice, resolve_lang
from coach.paths import bank_dir, workspace_dir
from coach.textsafe import clean


def _lang_from_argv(argv: Sequence[str]) -> str | None:
    """Find --lang before Click parses, so that even --help speaks the right language."""
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


# Each command lives in its own module and is imported only when it runs (or when help
# lists it), so `coach plan` does not pay for the store, quick mode or the TUI.
COMMANDS: dict[str, str] = {
    "check-bank": "coach.cli.cmd_bank:check_bank_cmd",
    "clients": "coach.cli.cmd_clients:clients_cmd",
    "export": "coach.cli.cmd_clients:export_cmd",
    "forget": "coach.cli.cmd_clients:forget_cmd",
    "history": "coach.cli.cmd_clients:history_cmd",
    "import": "coach.cli.cmd_clients:import_cmd",
    "log": "coach.cli.cmd_week:log_cmd",
    "measured": "coach.cli.cmd_measured:measured_cmd",
    "plan": "coach.cli.cmd_plan:plan_cmd",
    "platforms": "coach.cli.cmd_bank:platforms_cmd",
    "progress": "coach.cli.cmd_week:progress_cmd",
    "quick": "coach.cli.cmd_quick:quick_cmd",
    "report": "coach.cli.cmd_clients:report_cmd",
}


@click.group(cls=TrGroup, lazy_commands=COMMANDS, invoke_without_command=True,
             help=N_("coach: why am I on this network? Answer a few questions per platform "
                     "and get a focused-channel plan: one space to start with, a weekly "
                     "routine that fits your time, what to measure, and warnings when the "
                     "time spent does not match what it brings."))
@click.option("--data-dir", type=click.Path(file_okay=False), default=None,
              help=N_("Workspace folder (default: $COACH_DATA_DIR, else your user data folder)."))
@click.option("--lang", type=click.Choice(["en", "fr", "fr-CA", "fr-FR"], case_sensitive=False),
              default=None,
              help=N_("Language: en, fr, or French with the words of Québec (fr-CA, as fr) or "
                      "of France (fr-FR) (default: $COACH_LANG, else $LC_ALL / $LANG)."))
@click.option("--bank", "bank", type=click.Path(file_okay=False), default=None,
              help=N_("Question bank folder (default: $COACH_BANK, else the bundled bank)."))
@click.option("--client", "client", default=None, metavar="NAME",
              help=N_("Open the app straight on this client (asks before creating it). "
                      "Only without a command."))
@click.option("--present", is_flag=True, default=False,
              help=N_("With --client: presenter mode, only that client on screen, large and "
                      "high-contrast. Only without a command."))
@click.version_option(__version__, "--version", prog_name="coach", message="%(prog)s %(version)s",
                      help=N_("Show the version and exit."))
@click.help_option("--help", "-h", help=N_("Show this message and exit."))
@click.pass_context
def cli(ctx: click.Context, data_dir: str | None, lang: str | None, bank: str | None,
        client: str | None, present: bool) -> None:
    from os import environ

    # The Voice main() made from the same --lang (so that --help spoke it already).
    voice = voice_of(ctx)
    voice.switch(resolve_lang(lang))
    custom_bank = bool(bank or environ.get("COACH_BANK"))
    ctx.obj = Context(voice=voice, data_dir=workspace_dir(data_dir), bank_dir=bank_dir(bank),
                      bank_is_custom=custom_bank)
    if ctx.invoked_subcommand is not None:
        # Commands name their client themselves (`coach plan --client NAME`): a global
        # --client would be silently ignored, so it is refused.
        if client is not None or present:
            raise click.UsageError(_("--client and --present open the app: use them without "
                                     "a command (commands take their own --client)."))
        return
    if present and not client:
        raise click.UsageError(_("--present needs --client NAME: presenter mode shows one "
                                 "client."))
    if client is not None and not clean(client, single_line=True).strip():
        raise click.UsageError(_("--client needs a name."))
    # Imported here: only the TUI pays for Textual. The cyclic collector is off while
    # it loads and builds the first screen: what is made then lives as long as the app,
    # and scanning it again and again was 30 ms of the wait. The app turns it back on,
    # with those objects frozen out of its passes, once the first screen is up
    # (CoachApp._route).
    import gc

    gc.disable()
    from coach.tui.app import run_app

    ctx.exit(run_app(ctx.obj, client=client, present=present))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        # The run's one Voice: made here, before Click parses, so even --help speaks it.
        voice = Voice(resolve_lang(_lang_from_argv(args)))
    except UnknownLanguage as exc:
        err(f"coach: --lang / COACH_LANG: unknown language {exc.args[0]!r} "
            "(use en, fr, fr-CA or fr-FR)")
        return 2
    try:
        voice.catalog("cli")
    except CatalogsMissing as exc:  # nothing to speak with: say what to do, no traceback
        err(str(exc))
        return 1
    # What is said after Click's context has closed is said in the same voice.
    with TrContext(cli, obj=voice):
        try:
            # Without standalone mode Click returns --help/--version's exit code, or the
            # command's return value (commands may return an int exit code).
            result = cli.main(args=args, prog_name="coach", standalone_mode=False, obj=voice)
        except click.exceptions.Exit as exc:
            return exc.exit_code
        except click.exceptions.Abort:
            err(_("Stopped."))
            return 130
        except click.ClickException as exc:
            exc.show()
            return exc.exit_code
        except FileExists as exc:
            # The command line's question: a file to write is there and --force was not given.
            err(_("{path}: the file already exists; add --force to replace it").format(
                path=clean(str(exc.path), single_line=True)))
            return exc.exit_code
        except CoachError as exc:
            # Lines may quote a path or a name as typed: shown, never obeyed by the terminal.
            for line in exc.said(voice):
                err(clean(line))
            return exc.exit_code
        except KeyboardInterrupt:
            err(_("Stopped."))
            return 130
    return result if isinstance(result, int) else 0
