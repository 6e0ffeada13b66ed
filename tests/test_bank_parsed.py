"""The parsed bank files remembered between runs (coach.bank.parsed): the same tables
as parsing, never stale, and never a reason for loading to fail."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

from coach.bank.source import read_bank_files
from coach.paths import bundled_bank_dir


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("COACH_CACHE_DIR", str(folder))
    return folder / "bank"


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    copy = tmp_path / "bank"
    shutil.copytree(bundled_bank_dir(), copy)
    return copy


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_text: str) -> None:
        raise AssertionError("parsed again although a copy was kept")

    monkeypatch.setattr(tomllib, "loads", refuse)


def test_a_second_load_reads_the_kept_copy_and_gets_the_same_tables(
        cache: Path, bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, problems = read_bank_files(bank)
    assert problems == []
    kept = sorted(cache.glob("*.json"))
    assert len(kept) == len([p for p in bank.iterdir() if p.suffix == ".toml"])
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in kept)
    _no_parsing(monkeypatch)
    again, problems = read_bank_files(bank)
    assert problems == [] and again == first
    # The same tables as the TOML itself, numbers' types included.
    monkeypatch.undo()
    for name, tables in again.items():
        assert tables == tomllib.loads((bank / name).read_text(encoding="utf-8"))


def test_an_edited_file_is_parsed_again(cache: Path, bank: Path) -> None:
    read_bank_files(bank)
    rules = bank / "rules.toml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    raws, problems = read_bank_files(bank)
    assert problems == []
    assert raws["rules.toml"] == tomllib.loads(rules.read_text(encoding="utf-8"))
    assert len(list(cache.glob("*.json"))) == 7   # the new copy beside the old ones


def test_a_damaged_copy_is_ignored_and_replaced(cache: Path, bank: Path) -> None:
    good, _ = read_bank_files(bank)
    for copy in cache.glob("*.json"):
        copy.write_bytes(b"\x00garbage{" if copy.stat().st_size % 2 else b"[1, 2]")
    again, problems = read_bank_files(bank)
    assert problems == [] and again == good
    assert all(isinstance(json.loads(p.read_bytes()), dict) for p in cache.glob("*.json"))


def test_a_cache_folder_that_cannot_be_made_changes_nothing(
        tmp_path: Path, bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("COACH_CACHE_DIR", str(blocker))
    raws, problems = read_bank_files(bank)
    assert problems == [] and set(raws) >= {"questions.toml", "platforms.toml"}
    assert blocker.read_text(encoding="utf-8").startswith("a file")


def test_a_broken_file_is_reported_as_before_and_not_kept(cache: Path, bank: Path) -> None:
    (bank / "questions.toml").write_text("this is = = not toml", encoding="utf-8")
    raws, problems = read_bank_files(bank)
    assert "questions.toml" not in raws
    assert [p.source for p in problems] == ["questions.toml"]
    assert "line 1" in problems[0].said("en")
    before = len(list(cache.glob("*.json")))
    read_bank_files(bank)
    assert len(list(cache.glob("*.json"))) == before


def test_only_the_newest_copies_are_kept(cache: Path, bank: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from coach.bank import parsed

    monkeypatch.setattr(parsed, "KEEP", 8)
    rules = bank / "rules.toml"
    text = rules.read_text(encoding="utf-8")
    for n in range(6):
        rules.write_text(text + f"\n# edit {n}\n", encoding="utf-8")
        read_bank_files(bank)
    assert len(list(cache.glob("*.json"))) == 8
