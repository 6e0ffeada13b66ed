"""Question bank: loading (parse + validate + build) against the bare TOML parse it starts with.

Every command that uses the bank loads it once per process, so this is part of each
command's start; the ratio shows what validation costs on top of reading the files.
Loaded as the commands load it: with the engine's check of rules.toml.
"""

from __future__ import annotations

import statistics
import time
import tomllib

from coach.bank.load import load_bank
from coach.engine import check_rules
from coach.paths import bundled_bank_dir

ROUNDS = 30


def _median_ms(fn) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run() -> dict[str, float | str]:
    folder = bundled_bank_dir()
    files = sorted(folder.glob("*.toml"))

    def parse_only() -> None:
        for f in files:
            tomllib.loads(f.read_text(encoding="utf-8"))

    parse = _median_ms(parse_only)
    load = _median_ms(lambda: load_bank(folder, check_rules=check_rules))
    bank = load_bank(folder, check_rules=check_rules)
    return {
        "bank_load_ms": load,
        "bank_toml_parse_ms": parse,
        "bank_load_vs_parse_ratio": load / parse if parse else 0.0,
        "bank_questions": str(len(bank.questions)),
        "bank_platforms": str(len(bank.platforms)),
    }
