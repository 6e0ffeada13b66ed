"""`coach platforms` and `coach check-bank` as a user runs them, in English and French."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.cli.main import main

ROOT = Path(__file__).resolve().parent.parent

NAMES = {
    "en": ["LinkedIn", "Facebook", "Instagram", "X (Twitter)", "YouTube", "TikTok", "Pinterest",
           "Reddit", "Mastodon", "Bluesky", "Threads", "WhatsApp", "Discord or Slack community",
           "Specialised forum", "Email newsletter", "Blog or website", "Other"],
    "fr": ["LinkedIn", "Facebook", "Instagram", "X (Twitter)", "YouTube", "TikTok", "Pinterest",
           "Reddit", "Mastodon", "Bluesky", "Threads", "WhatsApp", "Communauté Discord ou Slack",
           "Forum spécialisé", "Infolettre par courriel", "Blogue ou site Web", "Autre"],
}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_platforms_json(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", lang, "platforms", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) >= 16
    assert [p["name"] for p in data] == NAMES[lang]
    forum = next(p for p in data if p["id"] == "forum")
    assert forum["spaces"] == ["forum"] and forum["owned"] is False
    assert set(forum) >= {"id", "name", "spaces", "markets", "modes", "owned", "note"}
    blog = next(p for p in data if p["id"] == "blog")
    assert blog["owned"] is True
    linkedin = next(p for p in data if p["id"] == "linkedin")
    assert linkedin["markets"] == ["b2b"]
    if lang == "fr":
        assert "interentreprises" in linkedin["note"]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_platforms_text(lang: str, monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.setenv("COACH_LANG", lang)
    assert main(["platforms"]) == 0
    out = capsys.readouterr().out
    for name in NAMES[lang]:
        assert name in out
    if lang == "fr":
        assert "Plateforme" in out and "loué" in out and "section de forum" in out
        assert "À vous ou loué" in out and "À vous ?" not in out   # a header that fits "loué"
    else:
        assert "Platform" in out and "rented" in out and "owned" in out
        assert "Owned or rented" in out and "Yours?" not in out
    assert "\x1b[" not in out          # NO_COLOR, and not a terminal


def test_platforms_refuses_unknown_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["platforms", "--format", "xml"]) == 2


@pytest.mark.parametrize(("lang", "expected"), [("en", "Bank OK: 17 platforms, "),
                                                ("fr", "Banque valide\u00a0: 17 plateformes, ")])
def test_check_bank_default_is_bundled(lang: str, expected: str,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", lang, "check-bank"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(expected) and err == ""


def test_help_lists_bank_commands_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "fr", "--help"]) == 0
    out = capsys.readouterr().out
    assert "platforms" in out and "check-bank" in out
    assert "Liste les plateformes" in out
    # one voice for every command summary, like "Affiche ce message et quitte"
    assert "Lister" not in out and "Vérifier un" not in out and "Répondre au" not in out


def test_platforms_as_a_process_from_elsewhere(tmp_path: Path) -> None:
    """A real run (`python -m coach`) from another folder, in French, through LANG."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LANG": "fr_CA.UTF-8", "COLUMNS": "200"}
    env.pop("COACH_LANG", None)
    run = subprocess.run([sys.executable, "-m", "coach", "platforms"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 0, run.stderr
    assert "Forum spécialisé" in run.stdout and "Infolettre par courriel" in run.stdout


def test_check_bank_warns_about_a_question_the_engine_never_reads(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every question must change the plan or its wording; one the engine never reads is
    said (the bank still loads: exit 0)."""
    import shutil

    from coach.paths import bundled_bank_dir

    folder = tmp_path / "bank"
    shutil.copytree(bundled_bank_dir(), folder)
    questions = folder / "questions.toml"
    text = questions.read_text(encoding="utf-8")
    anchor = "# ======================================================================== inventory"
    questions.write_text(text.replace(anchor, """
[[question]]
id = "favourite_colour"
section = "profile"
type = "text"
required = false
text.en = "Your favourite colour?"
text.fr = "Votre couleur préférée ?"
help.en = "No reason."
help.fr = "Aucune raison."

""" + anchor), encoding="utf-8")
    assert main(["check-bank", str(folder)]) == 0
    captured = capsys.readouterr()
    assert "Bank OK" in captured.out
    assert ("question 'favourite_colour': the engine never reads it" in captured.err)
    assert main(["check-bank"]) == 0                      # the bundled bank: all read
    assert "never reads" not in capsys.readouterr().err


def test_every_question_the_engine_says_it_reads_is_read() -> None:
    """coach.engine.questions lists what the engine reads; each id is in its code."""
    import coach.engine as engine_pkg
    from coach.engine.questions import READ_QUESTIONS

    source = "".join(p.read_text(encoding="utf-8")
                     for p in Path(engine_pkg.__file__).parent.glob("*.py")
                     if p.name != "questions.py")
    for qid in READ_QUESTIONS:
        assert f'"{qid}"' in source, qid
