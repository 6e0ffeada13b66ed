"""The bank's quick TOML reader gives tomllib's result, or leaves the text to tomllib.

Its promise: whenever it returns, the result equals `tomllib.loads`; whenever tomllib
would refuse a text, it refuses it too (and `loads` then raises tomllib's own error).
Checked on the bundled bank (which must take the quick path), on tricky snippets,
and on hypothesis' edits of the bundled files.
"""

from __future__ import annotations

import tomllib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.bank import fasttoml
from coach.paths import bundled_bank_dir

BUNDLED = {p.name: p.read_text(encoding="utf-8") for p in sorted(bundled_bank_dir().glob("*.toml"))}


def _agrees(text: str) -> None:
    """The reader's promise, for one text."""
    try:
        expected: Any = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        expected = None
    try:
        got = fasttoml._Reader(text).document()
    except fasttoml._Unsupported:
        got = None
    else:
        assert expected is not None, f"accepted what tomllib refuses: {text!r}"
        assert got == expected
        assert type(got) is dict
    if expected is None:
        with pytest.raises(tomllib.TOMLDecodeError):
            fasttoml.loads(text)
    else:
        assert repr(fasttoml.loads(text)) == repr(expected)   # repr: nan is not nan


@pytest.mark.parametrize("name", sorted(BUNDLED))
def test_bundled_bank_takes_the_quick_path(name: str) -> None:
    text = BUNDLED[name]
    assert fasttoml._Reader(text).document() == tomllib.loads(text)


SNIPPETS = [
    'a = "x"\n', 'a = "x"\na = "y"\n', 'a.b = 1\na.c = 2\n', 'a.b = 1\na = 2\n',
    'a = 1\na.b = 2\n', '[a]\n[a]\n', '[a.b]\n[a]\nx = 1\n', '[a]\nb.c = 1\n[a.b]\n',
    '[a]\nb.c = 1\n[a.b.d]\n', '[[q]]\nid = 1\n[q.w.f]\nx = "y"\n[[q]]\nid = 2\n',
    '[[q]]\n[q]\n', '[q]\n[[q]]\n', 'q = []\n[[q]]\n', 'q = [{a = 1}]\n[[q]]\n',
    'w = {a = 1}\n[w]\n', 'w = {a = 1}\nw.b = 2\n', 'w = { a = 1, }\n', 'w = { a = 1,\nb = 2 }\n',
    'w = { a = [1,\n2] }\n', 'w = { a = 1, a = 2 }\n', 'w = {}\n', 'w = { a.b = 1 }\n',
    'a = [\n  "x", # note\n  "y",\n]\n', 'a = [ , 1]\n', 'a = [1 2]\n', 'a = [[1, 2], ["x"]]\n',
    'a = 1_000\n', 'a = 1e3\n', 'a = 1.\n', 'a = .5\n', 'a = 01\n', 'a = +1\n', 'a = -0.0\n',
    'a = 0x1f\n', 'a = 1979-05-27\n', 'a = 07:32:00\n', 'a = inf\n', 'a = nan\n', 'a = -1.25\n',
    'a = true\n', 'a = trueish\n', 'a = TRUE\n', 'a = "esc\\n"\n', "a = 'lit'\n",
    'a = """multi"""\n', 'a = "tab\there"\n', 'a = "ctrl\x01"\n', 'a = "open\n',
    '"quoted" = 1\n', 'a b = 1\n', '= 1\n', 'a =\n', 'a = 1 # c\n', 'a = 1 # c\x01\n',
    '# c\x7f\n', 'a = "x" b = "y"\n', '[a] x = 1\n', '[ a . b ]\nx = 1\n', '[[ a ]]\n',
    '[a]]\n', '[[a]\n', '[a\n', 'a . b = "x"\n', 'a.b = "x"\na . c = "y"\n', '\ufeffa = 1\n',
    'é = 1\n', 'a = "é ’ ?"\n', '', '\n\n', 'a = 1', 'a = "x"', 'a = [\n', 'x = {a = 1}}\n',
]


@pytest.mark.parametrize("text", SNIPPETS)
def test_snippets_agree_with_tomllib(text: str) -> None:
    _agrees(text)


CHUNKS = ["\n", " ", "=", '"', "[", "]", "[[", "]]", ".", ",", "{", "}", "#", "1", "0.5", "x",
          "true", "\\", "'", "-", "_", "é"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(sorted(BUNDLED)), at=st.floats(0, 1), cut=st.integers(0, 40),
       insert=st.lists(st.sampled_from(CHUNKS), max_size=3))
def test_edited_bank_files_agree_with_tomllib(name: str, at: float, cut: int,
                                               insert: list[str]) -> None:
    text = BUNDLED[name]
    pos = int(at * len(text))
    _agrees(text[:pos] + "".join(insert) + text[pos + cut:])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*CHUNKS, "a", "b", " = ", "\n[a]\n", "\n[[a]]\n", "\n[a.b]\n"]),
                max_size=30).map("".join))
def test_random_texts_agree_with_tomllib(text: str) -> None:
    _agrees(text)
