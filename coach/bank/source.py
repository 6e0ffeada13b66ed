"""Read the bank's TOML files as plain data, reporting syntax errors by file, line and column.

Both the loader and the validator start here, so a consultant's broken copy gives the
same messages whichever command met it first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coach.bank.messages import BankProblem, _
from coach.bank.parsed import parse_toml
from coach.files import texts

# Files of a bank folder; rules.toml may be absent (the engine then uses its defaults),
# and so may routines.toml (the bundled one then stands in: see `read_bank_files`).
REQUIRED_FILES: tuple[str, ...] = ("vocabulary.toml", "platforms.toml", "questions.toml")
# tracking.toml may be absent too: measured time then matches no platform. So may
# routines.toml (the bundled one then stands in: see `read_bank_files`).
OPTIONAL_FILES: tuple[str, ...] = ("rules.toml", "tracking.toml", "routines.toml")
# The key under which `read_bank_files` says that routines.toml came from the bundled bank
# (a consultant's copy made before the file existed): not a file name, never reported.
BUNDLED_ROUTINES = "routines.toml (bundled)"



def read_bank_files(folder: Path) -> tuple[dict[str, dict[str, Any]], list[BankProblem]]:
    """Each file's parsed tables (missing or broken files left out) and the problems found."""
    raws: dict[str, dict[str, Any]] = {}
    problems: list[BankProblem] = []
    if not folder.is_dir():
        return raws, [BankProblem(str(folder), None, None,
                                  _("not a folder (a bank is a folder of TOML files)"))]
    for name in REQUIRED_FILES + OPTIONAL_FILES:
        path = folder / name
        if not path.is_file():
            if name in REQUIRED_FILES:
                problems.append(BankProblem(name, None, None, _("file is missing")))
            continue
        try:
            raw = path.read_bytes()
            # utf-8-sig: some Windows editors start files with a byte-order mark.
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            problems.append(BankProblem(name, None, None, _("not UTF-8 text")))
            continue
        except OSError as exc:
            problems.append(BankProblem(name, None, None, _("cannot read: {error}").format(
                error=texts.os_reason(exc))))
            continue
        try:
            raws[name] = parse_toml(raw, text)   # remembered between runs (coach.bank.parsed)
        except ValueError as exc:   # tomllib.TOMLDecodeError, or an integer too long to read
            problems.append(_syntax_problem(name, str(exc), text))
    if "routines.toml" not in raws and not (folder / "routines.toml").exists():
        # A bank copied before routines existed still gets routines per platform: the
        # bundled ones (checked leniently: what the bank lacks is left out, not refused).
        bundled = _bundled_routines()
        if bundled is not None:
            raws[BUNDLED_ROUTINES] = bundled
    return raws, problems


def _bundled_routines() -> dict[str, Any] | None:
    import tomllib

    from coach.paths import bundled_bank_dir

    try:
        return tomllib.loads((bundled_bank_dir() / "routines.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None


def _syntax_problem(name: str, error: str, text: str) -> BankProblem:
    # tomllib's own words are English only: what went wrong is said in ours (coach.files),
    # where it went wrong is kept from its message.
    detail = texts.toml_reason(error)
    line, column = texts.toml_position(error)
    if line is None:  # at the end of the document
        line, column = text.count("\n") + 1, 1
    return BankProblem(name, _("line {line}, column {column}").format(line=line, column=column),
                       None, _("invalid TOML: {detail}").format(detail=detail))
