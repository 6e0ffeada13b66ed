"""A consultant's copy of data/ with one mistake is refused, naming the file, entry and field.

Each case copies the bundled bank, breaks one thing the way a person editing TOML by
hand would, then runs `coach check-bank COPY` and expects exit 2 with a message line
that says where the mistake is.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from coach.bank.load import BankError, clear_cache, load_bank
from coach.bank.validate import check_bank
from coach.cli.main import main
from coach.engine import check_rules
from coach.paths import bundled_bank_dir


def copy_bank(tmp_path: Path) -> Path:
    dest = tmp_path / "mybank"
    shutil.copytree(bundled_bank_dir(), dest)
    return dest


def replace(folder: Path, file: str, old: str, new: str, count: int = 1) -> None:
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}: the bundled bank changed, update this test"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def break_rule_sign(folder: Path) -> None:
    """Make the first plain number outside [score] negative (score points may be)."""
    path = folder / "rules.toml"
    lines = path.read_text(encoding="utf-8").splitlines()
    table = ""
    for i, line in enumerate(lines):
        header = re.match(r"^\[([^\]]+)\]", line)
        if header:
            table = header.group(1)
            continue
        m = re.match(r"^(\w+) = (\d+(?:\.\d+)?)\s*$", line)
        if table and table != "score" and m:
            lines[i] = f"{m.group(1)} = -{m.group(2)}"
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            break_rule_sign.key = f"{table}.{m.group(1)}"  # type: ignore[attr-defined]
            return
    raise AssertionError("no number to break in rules.toml")


@dataclass
class Case:
    name: str
    breaker: Callable[[Path], None]
    expected: str | Callable[[Path], str]   # a substring of one stderr line


def _bad_syntax(folder: Path) -> None:
    replace(folder, "questions.toml", 'id = "why"', 'id = "why')


def _bad_syntax_line(folder: Path) -> str:
    text = (folder / "questions.toml").read_text(encoding="utf-8")
    line = text[: text.index('id = "why\n')].count("\n") + 1
    return f"questions.toml: line {line}, column"


CASES = [
    Case("duplicate id",
         lambda f: replace(f, "questions.toml", 'id = "market"', 'id = "kind"'),
         "questions.toml: question 'kind': id: duplicate id"),
    Case("duplicate platform",
         lambda f: replace(f, "platforms.toml", 'id = "threads"', 'id = "x"'),
         "platforms.toml: platform 'x': id: duplicate id"),
    Case("missing French text",
         lambda f: replace(f, "questions.toml",
                           'text.fr = "Pourquoi avez-vous un compte sur {platform}', 'x.y = "'),
         "questions.toml: question 'reason': text.fr: missing French text"),
    Case("empty French label",
         lambda f: replace(f, "questions.toml", 'label.fr = "Pas grand-chose"', 'label.fr = " "'),
         "questions.toml: question 'if_gone': choices[5].label.fr: missing French text"),
    Case("missing English name",
         lambda f: replace(f, "vocabulary.toml", 'name.en = "Donors"\n', ""),
         "vocabulary.toml: audiences 'donors': name.en: missing English text"),
    Case("unknown options table",
         lambda f: replace(f, "questions.toml", 'options = "audiences"\nwhen',
                           'options = "audience"\nwhen'),
         "questions.toml: question 'awareness_from': options: unknown vocabulary table"),
    Case("condition on a later question",
         lambda f: replace(f, "questions.toml", 'question = "know_who", equals = true',
                           'question = "one_result", equals = "x"'),
         "questions.toml: question 'who_named': when.question: 'one_result' is not an earlier"),
    Case("condition on an unknown choice",
         lambda f: replace(f, "questions.toml", 'equals = "awareness"', 'equals = "fame"'),
         "questions.toml: question 'awareness_action': when.equals: 'fame' is not a choice of"),
    Case("includes on a single-choice question",
         lambda f: replace(f, "questions.toml", 'question = "activities", includes',
                           'question = "reason", includes'),
         "questions.toml: question 'ads_budget': when.includes: includes needs a multi"),
    Case("min greater than max",
         lambda f: replace(f, "questions.toml", "min = 0\nmax = 168", "min = 10\nmax = 5"),
         "questions.toml: question 'weekly_budget_hours': min: min (10) must be less than max (5)"),
    Case("more hours than a week has",
         lambda f: replace(f, "questions.toml", "min = 0\nmax = 168", "min = 0\nmax = 200"),
         "questions.toml: question 'weekly_budget_hours': max: a week has 168 hours"),
    Case("unknown platform in wording",
         lambda f: replace(f, "questions.toml", "[question.wording.forum]",
                           "[question.wording.forumz]"),
         "questions.toml: question 'label': wording.forumz: unknown platform 'forumz'"),
    Case("unknown platform in a restriction",
         lambda f: replace(f, "questions.toml", 'platforms = ["newsletter"]',
                           'platforms = ["newsleter"]'),
         "questions.toml: question 'list_size': platforms: unknown platform 'newsleter'"),
    Case("unknown space kind",
         lambda f: replace(f, "platforms.toml", 'spaces = ["profile", "page", "group"]',
                           'spaces = ["profile", "page", "hashtag"]'),
         "platforms.toml: platform 'linkedin': spaces: unknown space kind 'hashtag'"),
    Case("bad TOML syntax", _bad_syntax, _bad_syntax_line),
    Case("wrong type",
         lambda f: replace(f, "platforms.toml", "owned = false", 'owned = "no"'),
         "platforms.toml: platform 'linkedin': owned: expected true or false"),
    Case("missing required field",
         lambda f: replace(f, "platforms.toml", 'spaces = ["channel"]\n', ""),
         "platforms.toml: platform 'youtube': spaces: is required"),
    Case("missing question type",
         lambda f: replace(f, "questions.toml", 'type = "yesno"\nfield = "know_who"',
                           'field = "know_who"'),
         "questions.toml: question 'know_who': type: expected one of"),
    Case("missing file",
         lambda f: (f / "vocabulary.toml").unlink(),
         "vocabulary.toml: file is missing"),
    Case("negative rule", break_rule_sign,
         lambda f: f"rules.toml: {break_rule_sign.key}: -"),  # type: ignore[attr-defined]
    Case("rule that is not a number",
         lambda f: (f / "rules.toml").write_text(
             (f / "rules.toml").read_text(encoding="utf-8") + '\n[extra]\nweight = "heavy"\n',
             encoding="utf-8"),
         "rules.toml: extra.weight: expected a number"),
    Case("core field not covered",
         lambda f: replace(f, "questions.toml", 'field = "editorial_line"\n', ""),
         "questions.toml: platforms[].editorial_line: no question fills this answers-file field"),
    Case("core field covered twice",
         lambda f: replace(f, "questions.toml", 'id = "one_result"\nsection = "platform"\n',
                           'id = "one_result"\nsection = "platform"\nfield = "why"\n'),
         "questions.toml: question 'one_result': field: 'platforms[].why' is already filled"),
    Case("field of the wrong type",
         lambda f: replace(f, "questions.toml", 'type = "yesno"\nfield = "know_who"',
                           'type = "text"\nfield = "know_who"'),
         "questions.toml: question 'know_who': type: field 'know_who' needs a yesno question"),
    Case("unknown field",
         lambda f: replace(f, "questions.toml", 'field = "why"', 'field = "reasons_why"'),
         "questions.toml: question 'why': field: 'reasons_why' is not an answers-file field"),
    Case("misspelt key",
         lambda f: replace(f, "questions.toml", 'required = false\nwhen = { question = "know_who"',
                           'requried = false\nwhen = { question = "know_who"'),
         "questions.toml: question 'who_named': requried: unknown key"),
    Case("unknown measure tag",
         lambda f: replace(f, "vocabulary.toml", 'id = "views"\ntag = "vanity"',
                           'id = "views"\ntag = "vain"'),
         "vocabulary.toml: measures 'views': tag: unknown tag 'vain'"),
    Case("unknown placeholder",
         lambda f: replace(f, "questions.toml", 'why are you on {platform}?"',
                           'why are you on {plaform}?"'),
         "questions.toml: question 'why': text.en: unknown placeholder {plaform}"),
    Case("profile question per platform",
         lambda f: replace(f, "questions.toml", 'id = "time_feeling"\nsection = "profile"\n',
                           'id = "time_feeling"\nsection = "profile"\nplatforms = ["x"]\n'),
         "questions.toml: question 'time_feeling': platforms: profile questions are not per"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_bank_refuses_broken_copy(case: Case, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    folder = copy_bank(tmp_path)
    case.breaker(folder)
    expected = case.expected(folder) if callable(case.expected) else case.expected

    assert main(["check-bank", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert str(folder) in lines[0]                      # the header names the folder
    assert any(expected in line for line in lines[1:]), err
    # The library says the same, one problem per line.
    assert any(expected in p.said("en") for p in check_bank(folder, check_rules=check_rules))


def test_every_command_refuses_a_broken_custom_bank(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    folder = copy_bank(tmp_path)
    replace(folder, "platforms.toml", "owned = false", 'owned = "no"')
    clear_cache()
    assert main(["--bank", str(folder), "platforms"]) == 2
    assert "platforms.toml: platform 'linkedin': owned" in capsys.readouterr().err

    monkeypatch.setenv("COACH_BANK", str(folder))
    assert main(["platforms", "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "platforms.toml" in err
    assert main(["check-bank"]) == 2                    # default: the bank in use
    assert "platforms.toml" in capsys.readouterr().err


def test_all_problems_reported_at_once(tmp_path: Path) -> None:
    folder = copy_bank(tmp_path)
    replace(folder, "platforms.toml", "owned = false", 'owned = "no"')
    replace(folder, "questions.toml", 'equals = "awareness"', 'equals = "fame"')
    with pytest.raises(BankError) as info:
        load_bank(folder)
    problems = info.value.said("en")
    assert any(p.startswith("platforms.toml: platform 'linkedin'") for p in problems)
    assert any(p.startswith("questions.toml: question 'awareness_action'") for p in problems)


def test_problems_in_french(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = copy_bank(tmp_path)
    replace(folder, "vocabulary.toml", 'name.fr = "Bénévoles"\n', "")
    assert main(["--lang", "fr", "check-bank", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "problème" in err
    assert "vocabulary.toml: audiences 'volunteers': name.fr: texte français manquant" in err


def test_not_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check-bank", str(tmp_path / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err


def test_adapted_copy_is_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    """The consultant's workflow: copy, adapt, run coach on the copy."""
    folder = copy_bank(tmp_path)
    replace(folder, "platforms.toml", 'name.en = "Specialised forum"',
            'name.en = "Woodworkers forum"')
    clear_cache()
    monkeypatch.setenv("COACH_BANK", str(folder))
    assert main(["check-bank"]) == 0
    assert "Bank OK" in capsys.readouterr().out
    assert main(["platforms"]) == 0
    assert "Woodworkers forum" in capsys.readouterr().out


def test_byte_order_mark_and_crlf_are_accepted(tmp_path: Path) -> None:
    """Files saved by Windows editors (BOM, CRLF line ends) are still a good bank."""
    folder = copy_bank(tmp_path)
    path = folder / "platforms.toml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert check_bank(folder, check_rules=check_rules) == []


def test_not_utf8(tmp_path: Path) -> None:
    folder = copy_bank(tmp_path)
    path = folder / "questions.toml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    assert [p.said("en") for p in check_bank(folder)] == ["questions.toml: not UTF-8 text"]


def test_renamed_platform_in_french_names_the_entry_and_lists_each_id_once(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = copy_bank(tmp_path)
    replace(folder, "platforms.toml", 'id = "linkedin"', 'id = "facebook"')
    assert main(["--lang", "fr", "check-bank", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "platforms.toml: plateforme 'facebook': id: identifiant en double" in err
    unknown = [line for line in err.splitlines() if "'linkedin' introuvable" in line]
    assert unknown and "inconnu(e)" not in err
    for line in unknown:
        listed = line.split("valeurs possibles\u00a0: ")[1].rstrip(")").split(", ")
        assert len(listed) == len(set(listed)), line        # "facebook" was listed twice


# ---------------------------------------------------------------- one language per run

def _break_meanings(folder: Path) -> None:
    """Rules the engine refuses for what they mean, and two broken questions."""
    for old, new in (("max_channels = 3", "max_channels = 0"), ("days = 90", "days = 9.5"),
                     ("evidence_max = 55.0", "evidnce_max = 55.0"),
                     ('clients = ["inquiries", "won", "sales", "site_visits"]',
                      'clients = ["inquiries", "won", "sales", "site_visits", "inquiries"]')):
        replace(folder, "rules.toml", old, new)
    replace(folder, "questions.toml", 'equals = "awareness"', 'equals = "fame"', count=2)
    replace(folder, "questions.toml", 'label.fr = "Pas grand-chose"', 'label.fr = " "')


def _break_shapes(folder: Path) -> None:
    """Rules that are not even numbers or known ids, and a broken platform."""
    replace(folder, "rules.toml", "reduce_hours = 0.5", "reduce_hours = -0.5")
    replace(folder, "rules.toml", 'space_preference = ["group",', 'space_preference = ["groop",')
    path = folder / "rules.toml"
    path.write_text(path.read_text(encoding="utf-8") + '\n[extra]\nweight = "heavy"\nlist = [1]\n',
                    encoding="utf-8")
    replace(folder, "platforms.toml", "owned = false", 'owned = "no"')


# What `coach check-bank` said in English before its rules problems became messages.
ENGLISH = {
    "meanings": [
        "questions.toml: question 'awareness_action': when.equals: 'fame' is not a choice of "
        "'goal'",
        "questions.toml: question 'awareness_from': when.equals: 'fame' is not a choice of 'goal'",
        "questions.toml: question 'if_gone': choices[5].label.fr: missing French text",
        "rules.toml: review.days: expected a whole number, got 9.5",
        "rules.toml: budget.max_channels: 0 is not between 1 and 20",
        "rules.toml: score.evidnce_max: unknown key",
        "rules.toml: goal_results.clients: an id is listed twice",
    ],
    "shapes": [
        "platforms.toml: platform 'linkedin': owned: expected true or false",
        "rules.toml: budget.reduce_hours: -0.5 is negative (only score points may be)",
        "rules.toml: focus.space_preference: unknown id 'groop' (not in the vocabulary or the "
        "platforms)",
        "rules.toml: extra.weight: expected a number, a list of ids or a table",
        "rules.toml: extra.list: expected a list of ids",
    ],
}
BREAKERS = {"meanings": _break_meanings, "shapes": _break_shapes}


def _sentences(lang: str) -> list[re.Pattern[str]]:
    """Every bank and engine message in `lang` that differs between the two languages, as
    a pattern matching the end of a problem line (placeholders match any text)."""
    from babel.messages.pofile import read_po

    locale = bundled_bank_dir().parent / "coach" / "locale"
    if not locale.is_dir():                       # an installed coach: next to the package
        import coach

        locale = Path(coach.__file__).parent / "locale"
    out = []
    for domain in ("bank", "engine"):
        with (locale / "fr" / "LC_MESSAGES" / f"{domain}.po").open("rb") as fh:
            catalog = read_po(fh)
        for message in catalog:
            if not message.id or isinstance(message.id, tuple) or \
                    message.string == message.id:
                continue
            text = message.string if lang == "fr" else message.id
            if len(re.sub(r"\{[^{}]*\}|\W", "", text)) < 6:
                continue                          # too little text to tell a language by
            body = re.sub(r"\\\{[^{}]*\\\}", ".+", re.escape(text))
            out.append(re.compile(f"(?:^|: ){body}$"))
    return out


@pytest.mark.parametrize("broken", sorted(BREAKERS))
def test_check_bank_speaks_one_language(broken: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """`coach --lang fr check-bank COPY` is French only, rules included (they were English);
    the English run says what it always said."""
    folder = copy_bank(tmp_path)
    BREAKERS[broken](folder)
    assert main(["--lang", "fr", "check-bank", str(folder)]) == 2
    out, err = capsys.readouterr()
    head, *lines = err.splitlines()
    assert out == "" and head.startswith("La banque de questions de ")
    assert len(lines) == len(ENGLISH[broken])
    french, english = _sentences("fr"), _sentences("en")
    for line in lines:
        assert any(p.search(line) for p in french), f"not a French sentence: {line}"
        assert not any(p.search(line) for p in english), f"English in French: {line}"

    assert main(["check-bank", str(folder)]) == 2
    head, *lines = capsys.readouterr().err.splitlines()
    assert head == f"The question bank in {folder} has {len(lines)} problems:"
    assert lines == ENGLISH[broken]


@pytest.mark.parametrize("file", ["platforms.toml", "vocabulary.toml"])
def test_a_file_that_does_not_parse_is_one_problem_not_a_cascade(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], file: str) -> None:
    """A typo in the file that declares the ids is that file's problem only: every question
    referring to those ids is not reported as one more "unknown" problem."""
    bank = copy_bank(tmp_path)
    with (bank / file).open("a", encoding="utf-8") as fh:
        fh.write("oops = \n")
    assert main(["check-bank", str(bank)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[0].endswith("has 1 problem:"), lines
    assert re.fullmatch(rf"{re.escape(file)}: line \d+, column \d+: invalid TOML: .+", lines[1])
    assert len(lines) == 2


def test_a_toml_mistake_in_a_bank_file_is_said_in_the_language_of_the_run(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """tomllib's own words are English ("Invalid value"): a French check-bank says what is
    wrong in French, and neither run repeats tomllib's text."""
    from coach.i18n import translator

    bank = copy_bank(tmp_path)
    with (bank / "platforms.toml").open("a", encoding="utf-8") as fh:
        fh.write("oops = yes\n")
    reason = "the value is not valid (text needs quotes; true and false are written in lower case)"
    assert main(["--lang", "fr", "check-bank", str(bank)]) == 2
    fr = capsys.readouterr().err.strip().splitlines()[1]
    assert fr.startswith("platforms.toml: ligne ") and "TOML invalide" in fr
    assert fr.endswith(translator("fr", "files").gettext(reason)), fr
    assert main(["check-bank", str(bank)]) == 2
    en = capsys.readouterr().err.strip().splitlines()[1]
    assert en.endswith(f"invalid TOML: {reason}"), en
    assert "Invalid value" not in fr + en


def test_every_rules_problem_in_one_run(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """A value of the wrong shape does not hide the other keys' problems until it is fixed:
    one run lists them all, one line per key."""
    bank = copy_bank(tmp_path)
    replace(bank, "rules.toml", "days = 90", "days = 0")
    replace(bank, "rules.toml", "[budget]", "[budget]\nbogus = 1")
    text = (bank / "rules.toml").read_text(encoding="utf-8")
    text = re.sub(r"hours_per_channel = [0-9.]+", 'hours_per_channel = "two"', text, count=1)
    text = re.sub(r"max_channels = [0-9]+", "max_channels = -3", text, count=1)
    (bank / "rules.toml").write_text(text, encoding="utf-8")
    assert main(["check-bank", str(bank)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert lines[0].endswith("has 4 problems:"), lines
    keys = sorted(line.split(": ")[1] for line in lines[1:])
    assert keys == ["budget.bogus", "budget.hours_per_channel", "budget.max_channels",
                    "review.days"]
