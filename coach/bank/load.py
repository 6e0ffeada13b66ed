"""Load a bank folder into `Bank` objects, refusing a broken one with every problem listed.

`load_bank` validates first (coach.bank.validate works on the plain TOML tables) and
only then builds the records, so building can trust the data.
`default_bank` keeps the bank of a folder for the rest of the process: the files are
read once per run (commands, TUI and benchmarks all ask for it).

A caller that will run the engine passes the engine's rules check
(`load_bank(folder, check_rules=coach.engine.check_rules)`), so a broken rules.toml is
refused with the rest of the bank's problems, before anything starts.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from coach.bank.messages import BankProblem
from coach.bank.model import (
    Bank,
    Choice,
    Condition,
    LText,
    Platform,
    Question,
    Term,
    Tracking,
)
from coach.bank.routines import build_book
from coach.bank.source import BUNDLED_ROUTINES, read_bank_files
from coach.bank.validate import VOCAB_TABLES, RulesCheck, check_raw
from coach.errors import FieldErrors


class BankError(FieldErrors):
    """A bank that fails validation (bad input: exit 2); `problems` holds one BankProblem
    each, said "file: entry: field: message" in the reader's language."""

    problems: list[BankProblem]  # type: ignore[assignment]


def load_bank(path: Path | str, *, check_rules: RulesCheck | None = None) -> Bank:
    """The bank in folder `path`; raises BankError with every problem when it is broken."""
    raws, problems = read_bank_files(Path(path))
    problems += check_raw(raws, check_rules=check_rules)
    if problems:
        raise BankError(problems)
    return build_bank(raws)


_cache: dict[Path, Bank] = {}


def default_bank(env_bank_dir: Path | str, *, check_rules: RulesCheck | None = None) -> Bank:
    """`load_bank`, remembered per folder for the life of the process (errors are not).

    The first load of a folder decides whether its rules were checked: a process asks
    the same way each time (the CLI and the TUI always with the engine's check).
    """
    key = Path(env_bank_dir).resolve()
    bank = _cache.get(key)
    if bank is None:
        bank = _cache[key] = load_bank(key, check_rules=check_rules)
    return bank


def clear_cache() -> None:
    """Forget loaded banks (tests that edit a bank folder in place)."""
    _cache.clear()


# ---------------------------------------------------------------- building


def _lt(value: Mapping[str, str]) -> LText:
    regional = tuple((k, value[k]) for k in REGIONAL_KEYS if k in value)
    return LText(en=value["en"], fr=value["fr"], regional=regional)



# The regional French a bank text may add beside `fr` (see coach.bank.model.LText).
REGIONAL_KEYS: tuple[str, ...] = ("fr-CA", "fr-FR")


def _term(item: Mapping[str, Any]) -> Term:
    return Term(id=item["id"], name=_lt(item["name"]), tag=item.get("tag", ""),
                help=_lt(item["help"]) if "help" in item else None)


def _platform(item: Mapping[str, Any]) -> Platform:
    return Platform(id=item["id"], name=_lt(item["name"]), spaces=tuple(item["spaces"]),
                    markets=tuple(item["markets"]), modes=tuple(item["modes"]),
                    owned=item["owned"], note=_lt(item["note"]),
                    space_hint=_lt(item["space_hint"]),
                    phrase=_lt(item["phrase"]) if "phrase" in item else None)


def _condition(when: Mapping[str, Any]) -> Condition:
    return Condition(question=when["question"], equals=when.get("equals"),
                     includes=when.get("includes"), one_of=tuple(when.get("one_of", ())))


def _question(q: Mapping[str, Any]) -> Question:
    def number(key: str) -> float | None:
        return float(q[key]) if key in q else None

    return Question(
        id=q["id"], section=q["section"], type=q["type"], text=_lt(q["text"]),
        help=_lt(q["help"]), field=q.get("field"), options=q.get("options"),
        choices=tuple(Choice(id=c["id"], label=_lt(c["label"])) for c in q.get("choices", ())),
        minimum=number("min"), maximum=number("max"),
        unit=_lt(q["unit"]) if "unit" in q else None,
        when=_condition(q["when"]) if "when" in q else None,
        platforms=tuple(q.get("platforms", ())),
        wording=MappingProxyType({pid: _lt(t) for pid, t in q.get("wording", {}).items()}),
        for_kind=MappingProxyType({k: _lt(t) for k, t in q.get("for_kind", {}).items()}),
        required=q.get("required", True),
    )


def build_bank(raws: Mapping[str, Mapping[str, Any]]) -> Bank:
    """Objects from validated tables (call check_raw first: this trusts its input)."""
    vocab = raws["vocabulary.toml"]
    questions = raws["questions.toml"]
    platforms = raws["platforms.toml"]["platforms"]
    routines = raws.get("routines.toml", raws.get(BUNDLED_ROUTINES, {}))
    return Bank(
        platforms=tuple(_platform(p) for p in platforms),
        vocab=MappingProxyType({t: tuple(_term(i) for i in vocab[t]) for t in VOCAB_TABLES}),
        questions=tuple(_question(q) for q in questions["question"]),
        # The mapping as parsed (not a copy): the engine, which checked it while the bank
        # loaded, then knows it has read it already.
        rules=raws.get("rules.toml", {}),
        texts=MappingProxyType({k: _lt(v) for k, v in questions.get("texts", {}).items()}),
        routines=build_book(routines, {p["id"] for p in platforms},
                            {t["id"] for t in vocab["space_kinds"]}),
        tracking=tuple(Tracking(platform=t["id"], domains=tuple(t.get("domains", ())),
                                apps=tuple(t.get("apps", ())),
                                packages=tuple(t.get("packages", ())))
                       for t in raws.get("tracking.toml", {}).get("platforms", ())),
    )
