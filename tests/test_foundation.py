"""The ground: paths, languages on the command line, version, help, import hygiene."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach import __version__, paths
from coach.cli.main import main

ROOT = Path(__file__).resolve().parent.parent


def test_workspace_order(tmp_path: Path) -> None:
    env = {"COACH_DATA_DIR": str(tmp_path / "env")}
    assert paths.workspace_dir(str(tmp_path / "cli"), env) == tmp_path / "cli"
    assert paths.workspace_dir(None, env) == tmp_path / "env"
    default = paths.workspace_dir(None, {})
    assert default.name == "coach" and default.is_absolute()


def test_bank_order(tmp_path: Path) -> None:
    assert paths.bank_dir(str(tmp_path), {}) == tmp_path
    assert paths.bank_dir(None, {"COACH_BANK": str(tmp_path / "b")}) == tmp_path / "b"
    assert paths.bank_dir(None, {}) == paths.bundled_bank_dir()
    assert (paths.bundled_bank_dir() / "questions.toml").is_file()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"coach {__version__}"


def test_help_follows_language(capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["--help"]) == 0
    english = capsys.readouterr().out
    assert "Usage:" in english and "Show this message and exit." in english
    assert main(["--lang", "fr", "--help"]) == 0
    french = capsys.readouterr().out
    assert "Utilisation\u00a0:" in french and "Affiche ce message et quitte." in french
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert main(["--help"]) == 0
    assert "Utilisation\u00a0:" in capsys.readouterr().out


def test_unknown_language_is_usage_error(capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["--lang", "de", "--version"]) == 2
    assert "de" in capsys.readouterr().err
    monkeypatch.setenv("COACH_LANG", "klingon")
    assert main(["--version"]) == 2
    assert "klingon" in capsys.readouterr().err


def test_import_touches_no_disk_and_loads_no_ui(tmp_path: Path) -> None:
    """Importing the CLI creates nothing and pulls in neither Textual nor questionary."""
    home = tmp_path / "home"
    home.mkdir()
    code = ("import sys, coach, coach.cli.main, coach.paths, coach.i18n; "
            "bad = [m for m in ('textual', 'questionary', 'tinydb') if m in sys.modules]; "
            "print(','.join(bad))")
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"),
           "COACH_DATA_DIR": str(tmp_path / "ws"), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path,
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
    assert list(home.iterdir()) == []
    assert not (tmp_path / "ws").exists()


def test_readme_test_command_is_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0].strip() for b in readme.split("```sh\n")[1:3]]
    install_and_run, install_and_test = blocks
    assert install_and_run.endswith("&& coach")
    assert "pytest" in install_and_test
    assert install_and_test in ci


def test_click_messages_follow_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "report"]) == 2
    err = capsys.readouterr().err
    assert "Argument manquant" in err and "Essayez «\u00a0coach report --help\u00a0»" in err
    assert main(["report"]) == 2
    assert "Missing argument" in capsys.readouterr().err


def test_short_help_on_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "plan", "-h"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Utilisation\u00a0: coach plan") and "Options\u00a0:" in out


def test_clean_strips_terminal_and_bidi_controls() -> None:
    from coach.textsafe import clean

    hostile = "Lune\x1b]0;pwn\x07\u202eevil\u2066x\u2069\x9b\nok\ttab"
    assert clean(hostile) == "Lune]0;pwnevilx\nok\ttab"
    assert clean("a\nb\tc", single_line=True) == "a b c"


def test_plan_imports_only_its_own_command(tmp_path: Path) -> None:
    """Commands load lazily: `coach plan` pays neither for the store nor for quick mode."""
    answers = ROOT / "tests" / "personas" / "freelance_designer.toml"
    code = ("import sys; from coach.cli.main import main; "
            f"rc = main(['plan', '--answers', {str(answers)!r}, '--format', 'json']); "
            "print('MODULES', ','.join(m for m in ('coach.cli.cmd_clients', 'coach.cli.cmd_quick',"
            " 'coach.store', 'textual', 'questionary', 'tinydb') if m in sys.modules)); "
            "sys.exit(rc)")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COACH_DATA_DIR": str(tmp_path / "ws")}
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path,
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip().endswith("MODULES")


def test_one_record_style_for_immutable_data() -> None:
    """Immutable records are NamedTuples (measured in coach/bank/model.py); a dataclass
    left in coach/ is mutable state, and its decorator line says so."""
    for path in sorted((ROOT / "coach").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.relative_to(ROOT)}:{number}"
            assert "dataclass(frozen" not in line, f"{where}: a frozen dataclass, not a NamedTuple"
            if line.lstrip().startswith("@dataclass"):
                assert "# not an immutable record" in line, f"{where}: say why it is a dataclass"
