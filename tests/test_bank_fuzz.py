"""Whatever a hand-edited bank holds, the checker reports problems; it never crashes.

Hypothesis swaps values anywhere in the parsed bundled bank for values of the wrong
type or shape, then asks for the problems: a bank either has problems (a list of
lines naming the file) or builds into a Bank.
"""

from __future__ import annotations

import copy
import tomllib
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.bank.load import build_bank
from coach.bank.model import Bank
from coach.bank.validate import check_raw
from coach.engine import check_rules, parse_rules
from coach.paths import bundled_bank_dir

FILES = ("vocabulary.toml", "platforms.toml", "questions.toml", "rules.toml")
BASE = {n: tomllib.loads((bundled_bank_dir() / n).read_text(encoding="utf-8"))
        for n in FILES if (bundled_bank_dir() / n).exists()}


def _paths(obj: Any, prefix: tuple = ()) -> list[tuple]:
    out = [prefix] if prefix else []
    if isinstance(obj, dict):
        for k, v in obj.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            out += _paths(v, (*prefix, i))
    return out


PATHS = [(f, p) for f in BASE for p in _paths(BASE[f])]
ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 500), st.floats(allow_nan=True),
    st.sampled_from(["", " ", "x", "awareness", "linkedin", "{platform}", "{nope}"]),
    st.lists(st.sampled_from(["x", "group", "clients", 1]), max_size=3),
    st.fixed_dictionaries({}, optional={"en": st.sampled_from(["", "a", 1]),
                                        "fr": st.sampled_from(["", "b"]),
                                        "question": st.sampled_from(["goal", "zzz"]),
                                        "id": st.sampled_from(["a", "why", 3])}),
)


def _mutate(raws: dict, where: tuple[str, tuple], value: Any) -> None:
    file, path = where
    obj: Any = raws[file]
    for key in path[:-1]:
        obj = obj[key]
    if value is None and isinstance(obj, dict):
        del obj[path[-1]]             # a missing key
    else:
        obj[path[-1]] = value


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(PATHS), ODD_VALUES), min_size=1, max_size=3))
def test_checker_never_crashes(edits: list[tuple[tuple[str, tuple], Any]]) -> None:
    raws = copy.deepcopy(BASE)
    for where, value in edits:
        try:
            _mutate(raws, where, value)
        except (KeyError, IndexError, TypeError):
            pass                      # an earlier edit removed or replaced the parent
    problems = check_raw(raws, check_rules=check_rules)
    if problems:
        assert all(p.file in FILES for p in problems), problems
        assert all(p.said("en") and p.said("fr") for p in problems)   # said in both
    else:
        bank = build_bank(raws)
        assert isinstance(bank, Bank)
        parse_rules(bank.rules)              # rules the check let through, the engine reads
