"""Typed answers in quick mode: numbers in either language's style, clear refusals."""

from __future__ import annotations

import pytest

from coach.i18n import Voice
from coach.quick.inputs import number_problem, parse_number, show_number, text_problem
from coach.quick.lang import speaking
from coach.quick.session import slug


@pytest.mark.parametrize(("typed", "value"), [("2", 2.0), (" 1.5 ", 1.5), ("1,5", 1.5),
                                              (",5", 0.5), ("1 000", 1000.0), ("-3", -3.0)])
def test_parse_number_accepts_both_decimal_marks(typed: str, value: float) -> None:
    assert parse_number(typed) == value


@pytest.mark.parametrize("typed", ["", "abc", "1.2.3", "1,5h", "1e3", "nan", "<"])
def test_parse_number_refuses_the_rest(typed: str) -> None:
    assert parse_number(typed) is None


def test_number_problem_messages_in_both_languages() -> None:
    with speaking(Voice("en")):
        assert number_problem("3", 0, 168, required=True, lang="en") is None
        assert number_problem("169", 0, 168, required=True, lang="en") == \
            "Please type a number between 0 and 168."
        assert number_problem("x", 0, 168, required=True, lang="en") == \
            "Please type a number, like 2 or 1.5."
        assert number_problem("", 0, 168, required=False, lang="en") is None
        assert number_problem("", 0, 168, required=True, lang="en")
    with speaking(Voice("fr")):
        assert number_problem("-1", 0, 10.5, required=True, lang="fr") == \
            "Tapez un nombre entre 0 et 10,5."
        assert text_problem("  ", required=True) == "Une réponse est nécessaire ici."


def test_show_number_local_style() -> None:
    assert show_number(2.0, "en") == "2" and show_number(2.5, "fr") == "2,5"


@pytest.mark.parametrize(("name", "stem"), [("Atelier Lune", "atelier-lune"),
                                            ("Café Boréal", "cafe-boreal"),
                                            ("../../etc/passwd", "etc-passwd"),
                                            ("<script>", "script"), ("☕", "plan")])
def test_report_file_stem_is_a_safe_name(name: str, stem: str) -> None:
    assert slug(name) == stem
