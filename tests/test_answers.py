"""Answers files: every problem reported at once with its field path; defaults; round-trip.

Problems are FieldProblems said by whoever shows them: `.said(lang)` is what a face prints."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w
from engine_support import PERSONAS, bank

from coach.answers import AnswersError, blank_answers, load_answers_file, validate_answers
from coach.errors import FieldProblem, InputError

GOOD_HEAD = """version = 1
[profile]
name = "Atelier Lune"
kind = "freelancer"
market = "b2b"
goal = "clients"
audiences = ["clients", "influencers"]
weekly_budget_hours = 3.0
"""

LINKEDIN = """
[[platforms]]
id = "linkedin"
reason = "professional"
hours_per_week = 1.5
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "answers.toml"
    path.write_text(text, encoding="utf-8")
    return path


# Each: (file content, the line expected among the problems; {f} is the file path)
MALFORMED: list[tuple[str, str]] = [
    (GOOD_HEAD + LINKEDIN * 2 + LINKEDIN.replace("linkedin", "x").replace("1.5", "-4"),
     "{f}: platforms[2].hours_per_week: -4 is not between 0 and 168"),
    (GOOD_HEAD.replace('"influencers"', '"aliens"'),
     "{f}: profile.audiences[1]: unknown audience 'aliens'"),
    (GOOD_HEAD + LINKEDIN.replace("linkedin", "myspace2"),
     "{f}: platforms[0].id: unknown platform 'myspace2'"),
    (GOOD_HEAD.replace("version = 1\n", ""),
     "{f}: version: missing: add version = 1 at the top of the file"),
    (GOOD_HEAD.replace("version = 1", "version = 2"),
     "{f}: version: unsupported version 2 (this coach reads version 1)"),
    (GOOD_HEAD + 'colour = "blue"\n', "{f}: profile.colour: unknown field"),
    (GOOD_HEAD + LINKEDIN + 'know_who = "yes"\n',
     "{f}: platforms[0].know_who: expected true or false, got 'yes'"),
    (GOOD_HEAD + LINKEDIN + LINKEDIN,
     "{f}: platforms[1].id: platform 'linkedin' is already listed at platforms[0]"),
    (GOOD_HEAD + LINKEDIN + "results_90d = { inquiries = -1 }\n",
     "{f}: platforms[0].results_90d.inquiries: -1 is negative"),
    (GOOD_HEAD + LINKEDIN + "results_90d = { inquiries = 2.5 }\n",
     "{f}: platforms[0].results_90d.inquiries: expected a whole number, got 2.5"),
    (GOOD_HEAD + LINKEDIN + "results_90d = { likes = 3 }\n",
     "{f}: platforms[0].results_90d.likes: unknown result 'likes'"),
    (GOOD_HEAD.replace('name = "Atelier Lune"\n', ""),
     "{f}: profile.name: required field is missing"),
    (GOOD_HEAD.replace("weekly_budget_hours = 3.0", "weekly_budget_hours = 200"),
     "{f}: profile.weekly_budget_hours: 200 is not between 0 and 168"),
    (GOOD_HEAD.replace("weekly_budget_hours = 3.0", 'weekly_budget_hours = "3"'),
     "{f}: profile.weekly_budget_hours: expected a number, got '3'"),
    (GOOD_HEAD + LINKEDIN + 'spaces = [{ kind = "room", name = "X" }]\n',
     "{f}: platforms[0].spaces[0].kind: unknown space kind 'room'"),
    (GOOD_HEAD + LINKEDIN + 'activities = ["converse", "converse"]\n',
     "{f}: platforms[0].activities[1]: 'converse' is listed twice"),
    (GOOD_HEAD + LINKEDIN.replace('reason = "professional"\n', ""),
     "{f}: platforms[0].reason: required field is missing"),
    (GOOD_HEAD + LINKEDIN.replace("1.5", "100") + LINKEDIN.replace("linkedin", "x")
     .replace("1.5", "100"),
     "{f}: platforms: the platforms add up to 200 hours a week, more than the 168 hours in "
     "a week"),
    (GOOD_HEAD.replace('["clients", "influencers"]', "[]"),
     "{f}: profile.audiences: name at least one audience"),
    (GOOD_HEAD + LINKEDIN + "[platforms.extra]\nfavourite_colour = 'red'\n",
     "{f}: platforms[0].extra.favourite_colour: unknown question 'favourite_colour'"),
    (GOOD_HEAD + "[profile.extra]\ntime_feeling = 'lots'\n",
     "{f}: profile.extra.time_feeling: 'lots' is not one of: too_much, about_right, too_little"),
    (GOOD_HEAD + LINKEDIN + "[platforms.extra]\nhours_per_week = 3\n",
     "{f}: platforms[0].extra.hours_per_week: question 'hours_per_week' is answered by the "
     "field hours_per_week, not in extra"),
    (GOOD_HEAD + LINKEDIN + "[platforms.extra]\ntime_feeling = 'too_much'\n",
     "{f}: platforms[0].extra.time_feeling: question 'time_feeling' is not asked here (it "
     "belongs in profile.extra)"),
    (GOOD_HEAD + "platforms = 3\n", "{f}: profile.platforms: unknown field"),
    ("version = 1\nplatforms = []\n", "{f}: profile: required field is missing"),
]


def test_malformed_table_is_large_enough() -> None:
    assert len(MALFORMED) >= 10


@pytest.mark.parametrize(("text", "line"), MALFORMED)
def test_malformed_answers(tmp_path: Path, text: str, line: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(AnswersError) as info:
        load_answers_file(path, bank())
    assert line.format(f=path) in info.value.said("en"), info.value.said("en")


def test_not_toml_names_the_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_HEAD + "oops = \n")
    with pytest.raises(AnswersError) as info:
        load_answers_file(path, bank())
    (line,) = info.value.said("en")
    assert line == (f"{path}: not valid TOML at line 9, column 8: the value is not valid "
                    "(text needs quotes; true and false are written in lower case)")


def test_missing_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(AnswersError) as info:
        load_answers_file(tmp_path / "nope.toml", bank())
    assert info.value.said("en")[0].startswith(f"{tmp_path / 'nope.toml'}: cannot read the file")
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00version")
    with pytest.raises(AnswersError) as info:
        load_answers_file(binary, bank())
    assert info.value.said("en") == [f"{binary}: not a UTF-8 text file"]


def test_every_problem_at_once(tmp_path: Path) -> None:
    text = (GOOD_HEAD.replace('"influencers"', '"aliens"').replace("3.0", "-1")
            + LINKEDIN.replace("linkedin", "myspace2") + 'editorial_line = 1\n')
    with pytest.raises(AnswersError) as info:
        load_answers_file(write(tmp_path, text), bank())
    tails = sorted(p.split(": ", 1)[1] for p in info.value.said("en"))
    assert tails == sorted([
        "profile.audiences[1]: unknown audience 'aliens'",
        "profile.weekly_budget_hours: -1 is not between 0 and 168",
        "platforms[0].id: unknown platform 'myspace2'",
        "platforms[0].editorial_line: expected true or false, got 1",
    ])


def test_messages_in_french(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_HEAD + LINKEDIN.replace("1.5", "-4"))
    with pytest.raises(AnswersError) as info:
        load_answers_file(path, bank())
    assert info.value.said("fr") == [
        f"{path}: platforms[0].hours_per_week: -4 n’est pas entre 0 et 168"]


def test_problems_are_said_by_whoever_shows_them() -> None:
    """One error, said in the language of the moment: the TUI's preview after a switch."""
    draft = {"version": 1, "profile": {"name": "x", "kind": "freelancer", "market": "b2b",
                                       "goal": "clients", "audiences": [],
                                       "weekly_budget_hours": 2}}
    with pytest.raises(AnswersError) as info:
        validate_answers(draft, bank(), source="draft")
    error = info.value
    assert isinstance(error, InputError) and error.exit_code == 2
    assert all(isinstance(p, FieldProblem) for p in error.problems)
    assert [p.path for p in error.problems] == ["profile.audiences"]
    assert error.said("en") == ["draft: profile.audiences: name at least one audience"]
    assert error.said("fr") == ["draft: profile.audiences: nommez au moins un public"]
    # Worded at once, for a caller that keeps text (the store's import check).
    with pytest.raises(AnswersError) as info:
        validate_answers(draft, bank(), source="draft", lang="fr")
    assert [str(p) for p in info.value.problems] == [
        "draft: profile.audiences: nommez au moins un public"]


def test_source_prefix_for_mappings() -> None:
    with pytest.raises(AnswersError) as info:
        validate_answers({"version": 1}, bank(), source="draft")
    assert info.value.said("en") == ["draft: profile: required field is missing"]
    with pytest.raises(AnswersError) as info:
        validate_answers({"version": 1}, bank(), source="")
    assert info.value.said("en") == ["profile: required field is missing"]
    with pytest.raises(AnswersError):
        validate_answers([], bank())  # type: ignore[arg-type]


def test_defaults_for_optional_fields(tmp_path: Path) -> None:
    answers = load_answers_file(write(tmp_path, GOOD_HEAD + LINKEDIN), bank())
    (p,) = answers["platforms"]
    assert p == {
        "id": "linkedin", "reason": "professional", "why": "", "hours_per_week": 1.5,
        "audiences_present": [], "know_who": False, "activities": [], "measures": [],
        "editorial_line": False,
        "results_90d": {"inquiries": 0, "won": 0, "referrals": 0, "site_visits": 0,
                        "sales": 0, "donations": 0, "signups": 0},
        "spaces": [], "extra": {},
    }
    assert answers["profile"]["weekly_budget_hours"] == 3.0
    assert answers["profile"]["extra"] == {}


def test_none_values_from_a_json_draft_count_as_absent() -> None:
    import tomllib

    data = tomllib.loads(GOOD_HEAD + LINKEDIN)
    data["platforms"][0]["why"] = None
    data["platforms"][0]["spaces"] = None
    answers = validate_answers(data, bank())
    assert answers["platforms"][0]["why"] == "" and answers["platforms"][0]["spaces"] == []
    data["profile"]["kind"] = ""
    with pytest.raises(AnswersError) as info:
        validate_answers(data, bank(), source="")
    assert info.value.said("en") == ["profile.kind: required field is missing"]


def test_control_characters_are_stripped(tmp_path: Path) -> None:
    text = GOOD_HEAD.replace('"Atelier Lune"', '"Atelier\\u001b]0;pwned\\u0007 Lune"') + (
        LINKEDIN + 'why = "line one\\nline two\\u009b"\n'
        'spaces = [{ kind = "group", name = "G\\u0000roup" }]\n')
    answers = load_answers_file(write(tmp_path, text), bank())
    assert answers["profile"]["name"] == "Atelier]0;pwned Lune"
    assert answers["platforms"][0]["why"] == "line one\nline two"
    assert answers["platforms"][0]["spaces"] == [{"kind": "group", "name": "Group"}]


def test_label_and_extra_answers(tmp_path: Path) -> None:
    text = GOOD_HEAD + '[profile.extra]\ntime_feeling = "too_much"\n' + LINKEDIN.replace(
        "linkedin", "forum") + 'label = "Forum des ébénistes"\n[platforms.extra]\n' + (
        'questions_asked = true\n')
    answers = load_answers_file(write(tmp_path, text), bank())
    assert answers["profile"]["extra"] == {"time_feeling": "too_much"}
    assert answers["platforms"][0]["label"] == "Forum des ébénistes"
    assert answers["platforms"][0]["extra"] == {"questions_asked": True}


@pytest.mark.parametrize("path", sorted(PERSONAS.glob("*.toml")), ids=lambda p: p.stem)
def test_round_trip_personas(tmp_path: Path, path: Path) -> None:
    answers = load_answers_file(path, bank())
    again = load_answers_file(write(tmp_path, tomli_w.dumps(answers)), bank())
    assert again == answers


def test_round_trip_awkward_text(tmp_path: Path) -> None:
    answers = load_answers_file(write(tmp_path, GOOD_HEAD + LINKEDIN), bank())
    answers["profile"]["name"] = 'Quote " back\\slash \'single\' [x] = {y} # not a comment'
    answers["platforms"][0]["why"] = "tab\there\nnew line, é ü 漢字 🙂"
    answers["platforms"][0]["spaces"] = [{"kind": "group", "name": "a = b"}]
    answers["profile"]["extra"] = {"awareness_from": ["clients", "media"]}
    text = tomli_w.dumps(answers)
    again = load_answers_file(write(tmp_path, text), bank())
    assert again == answers


def test_blank_answers_is_an_empty_draft() -> None:
    draft = blank_answers()
    assert draft["version"] == 1 and draft["platforms"] == []
    assert set(draft["profile"]) >= {"name", "kind", "market", "goal", "audiences",
                                     "weekly_budget_hours"}
    assert blank_answers() is not blank_answers()
    with pytest.raises(AnswersError):
        validate_answers(draft, bank())


OSC = "\x1b]0;pwn\x07"


def test_escape_sequences_in_file_names_and_keys_are_not_printed(tmp_path: Path) -> None:
    """A file name or a quoted key can hold ESC ] 0 ; ... BEL: shown cleaned, never obeyed."""
    missing = tmp_path / f"{OSC}.toml"
    with pytest.raises(AnswersError) as caught:
        load_answers_file(missing, bank())
    assert "\x1b" not in caught.value.said("en")[0] and "\x07" not in caught.value.said("en")[0]
    assert "]0;pwn.toml" in caught.value.said("en")[0]
    for text in ("version = [\n", "version = 1\n[profile]\nname = 'x\n"):
        bad = tmp_path / f"b{OSC}.toml"
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(AnswersError) as caught:
            load_answers_file(bad, bank())
        assert not any("\x1b" in line for line in caught.value.said("en"))
    bad.write_bytes(b"\xff\xfe")
    with pytest.raises(AnswersError) as caught:
        load_answers_file(bad, bank())
    assert not any("\x1b" in line for line in caught.value.said("en"))
    bad.write_text(GOOD_HEAD + '"\\u001b]0;key\\u0007" = 1\n' + LINKEDIN, encoding="utf-8")
    with pytest.raises(AnswersError) as caught:
        load_answers_file(bad, bank())
    [line] = caught.value.said("en")
    assert "\x1b" not in line and "\x07" not in line and "]0;key: unknown field" in line
    with pytest.raises(AnswersError) as caught:
        validate_answers({"version": 2}, bank(), source=f"draft{OSC}")
    assert not any("\x1b" in line for line in caught.value.said("en"))


@pytest.mark.parametrize(("text", "en", "fr"), [
    ("version = 1\n[profile\n",
     "not valid TOML at line 2, column 9: a [table] heading is not closed with ]",
     "TOML invalide à la ligne 2, colonne 9\u00a0: un titre [table] n’est pas fermé par ]"),
    ("version = 1\nversion = 1\n",
     "not valid TOML at line 2, column 12: this field or table is already given above",
     "TOML invalide à la ligne 2, colonne 12\u00a0: ce champ ou cette table figure déjà plus haut"),
    ('version = 1\nname = "Lune\n',
     "not valid TOML at line 2, column 13: a text is not closed by its quote",
     "TOML invalide à la ligne 2, colonne 13\u00a0: un texte n’est pas fermé par son guillemet"),
    ("version = 1\nname = 'Lune",
     "not valid TOML at the end of the file: a text is not closed by its quote",
     "TOML invalide à la fin du fichier\u00a0: un texte n’est pas fermé par son guillemet"),
    ("version = 1\n? = 2\n",
     "not valid TOML at line 2, column 1: unexpected character (text needs quotes, each field "
     "goes on its own line)",
     "TOML invalide à la ligne 2, colonne 1\u00a0: caractère inattendu (un texte se met entre "
     "guillemets, chaque champ va sur sa propre ligne)"),
])
def test_toml_errors_in_our_words_with_line_and_column(tmp_path: Path, text: str, en: str,
                                                       fr: str) -> None:
    """tomllib's English ("Expected ']' ...") never reaches the user; the position does."""
    path = write(tmp_path, text)
    for lang, expected in (("en", en), ("fr", fr)):
        with pytest.raises(AnswersError) as info:
            load_answers_file(path, bank())
        assert info.value.said(lang) == [f"{path}: {expected}"]


def test_os_errors_in_our_words(tmp_path: Path) -> None:
    """Not Python's English strerror ("No such file or directory")."""
    import errno

    from coach.files import os_reason

    with pytest.raises(AnswersError) as info:
        load_answers_file(tmp_path / "nope.toml", bank())
    assert info.value.said("fr") == [
        f"{tmp_path / 'nope.toml'}: impossible de lire le fichier\u00a0: il n’existe pas"]
    with pytest.raises(AnswersError) as info:
        load_answers_file(tmp_path, bank())
    assert info.value.said("fr") == [
        f"{tmp_path}: impossible de lire le fichier\u00a0: c’est un dossier, pas un fichier"]
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")).said("fr") == \
        "permission refusée"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")).said("en") == \
        "no space left on the disk"
    assert os_reason(OSError(errno.EIO, "Input/output error")).said("fr") == \
        "erreur système EIO"
