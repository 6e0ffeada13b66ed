"""coach.files: user files written 0600 and atomically, never over a file that was not
meant to be replaced (not even one that appears meanwhile), read with one message naming
the file and the reason, said in the language of whoever reads it."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from coach import files
from coach.errors import FileExists, InputError, RunError
from coach.files import BadFile, check_target, place, read_json, read_toml, stage, write_file
from coach.i18n import Voice


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# -- writing ---------------------------------------------------------------------------
def test_new_file_is_0600_under_umask_022(tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "plan.html"
    files.write_new(out, "<p>été</p>\n")
    assert out.read_text(encoding="utf-8") == "<p>été</p>\n"
    assert mode(out) == 0o600
    assert names(tmp_path) == ["plan.html"]  # no temp file left


def test_refuses_an_existing_file_without_force(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    out.write_text("keep me")
    with pytest.raises(FileExists) as info:
        write_file(out, "new", force=False)
    assert info.value.path == out and info.value.exit_code == 2
    assert info.value.said("en") == [f"{out}: the file already exists"]
    assert out.read_text() == "keep me" and names(tmp_path) == ["plan.md"]


def test_the_refusal_follows_the_voice_after_a_switch(tmp_path: Path) -> None:
    """Raised while the run spoke English, said after it switched to French (the TUI's
    palette): the error holds a message, not text fixed when it was raised."""
    out = tmp_path / "plan.md"
    out.write_text("x")
    voice = Voice("en")
    with pytest.raises(FileExists) as info:
        files.write_new(out, "new")
    voice.switch("fr")
    [line] = info.value.said(voice)
    assert "existe déjà" in line and str(out) in line


def test_replace_overwrites_and_tightens_the_mode(tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "plan.txt"
    out.write_text("old")
    out.chmod(0o644)
    files.replace(out, "new")
    assert out.read_text() == "new" and mode(out) == 0o600
    write_file(out, b"bytes too", force=True)
    assert out.read_bytes() == b"bytes too" and names(tmp_path) == ["plan.txt"]


def test_refuses_a_dangling_symlink_without_force(tmp_path: Path) -> None:
    link = tmp_path / "plan.txt"
    link.symlink_to(tmp_path / "elsewhere.txt")
    with pytest.raises(FileExists):
        files.write_new(link, "x")
    assert not (tmp_path / "elsewhere.txt").exists()


def test_missing_folder_and_folder_target_are_bad_input(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        files.replace(tmp_path / "nope" / "plan.txt", "x")
    assert "does not exist" in str(info.value) and info.value.exit_code == 2
    with pytest.raises(InputError) as info:
        files.replace(tmp_path, "x")
    assert "is a folder" in str(info.value)
    assert not isinstance(info.value, FileExists)


def test_check_target_refuses_before_anything_is_done(tmp_path: Path) -> None:
    """Callers that also save something (plan --client) check the path first."""
    existing = tmp_path / "plan.md"
    existing.write_text("old")
    for bad in (existing, tmp_path, tmp_path / "missing" / "plan.md"):
        with pytest.raises(InputError):
            check_target(bad, force=False)
    assert check_target(existing, force=True) == tmp_path
    assert check_target(tmp_path / "new.md", force=False) == tmp_path
    assert existing.read_text() == "old" and names(tmp_path) == ["plan.md"]


def test_a_file_that_appears_between_staging_and_placing_is_not_overwritten(
        tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    staged = stage("mine", out)
    assert staged.parent == tmp_path and mode(staged) == 0o600 and not out.exists()
    out.write_text("someone else's")           # another program, in between
    with pytest.raises(FileExists):
        place(staged, out, force=False)
    assert out.read_text() == "someone else's"
    assert names(tmp_path) == ["report.html"]  # the staged file is gone too


def test_write_new_keeps_a_file_created_after_its_check(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole write_new: the name is free when checked, taken when placing."""
    out = tmp_path / "export.json"
    real_stage = files.write.stage

    def stage_then_race(data: str | bytes, path: Path) -> Path:
        staged = real_stage(data, path)
        path.write_text("appeared meanwhile")
        return staged

    monkeypatch.setattr(files.write, "stage", stage_then_race)
    with pytest.raises(FileExists):
        files.write_new(out, "{}")
    assert out.read_text() == "appeared meanwhile" and names(tmp_path) == ["export.json"]


@pytest.mark.parametrize("code", [errno.EPERM, errno.EOPNOTSUPP])
def test_without_hard_links_writing_new_is_still_create_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """FAT drives and some network shares have no hard links: the name is claimed with
    an exclusive create instead, so an existing file is still never replaced."""
    def no_links(src: object, dst: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "link", no_links)
    out = tmp_path / "plan.md"
    files.write_new(out, "first")
    assert out.read_text() == "first" and mode(out) == 0o600
    staged = stage("second", out)
    with pytest.raises(FileExists):
        place(staged, out, force=False)
    assert out.read_text() == "first" and names(tmp_path) == ["plan.md"]


def test_a_system_refusal_is_said_as_such_and_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    out = tmp_path / "plan.md"
    with pytest.raises(RunError) as info:
        files.write_new(out, "x")
    assert info.value.exit_code == 1
    assert info.value.said("en") == [f"{out}: could not write the file (permission denied)"]
    assert "permission refusée" in info.value.said("fr")[0]
    assert names(tmp_path) == []


def test_a_full_disk_leaves_no_temp_file(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "plan.md"
    with pytest.raises(RunError, match="no space left on the disk"):
        files.write_new(out, "x" * 10_000)
    assert names(tmp_path) == []


# -- reading ---------------------------------------------------------------------------
def test_a_bad_json_file_gives_one_message_naming_it_and_the_reason(tmp_path: Path) -> None:
    bad = tmp_path / "lune.json"
    bad.write_text('{"format": "coach-client-export",\n "schema": 1,,}')
    with pytest.raises(BadFile) as info:
        read_json(bad)
    assert (info.value.line, info.value.column) == (2, 14) and info.value.exit_code == 2
    assert info.value.said("en") == [
        f"{bad}: not valid JSON at line 2, column 14: a field name must be in double quotes "
        "(and no comma before a closing })"]
    [french] = info.value.said("fr")
    assert french.startswith(f"{bad}: JSON invalide à la ligne 2, colonne 14\u00a0: ")
    assert "Expecting" not in french


def test_the_cli_and_the_tui_read_an_export_with_the_same_message(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace: Path) -> None:
    """`coach import` prints exactly what coach.files says (the TUI shows the same lines)."""
    from coach.cli.main import main

    bad = tmp_path / "lune.json"
    bad.write_text("[1, 2")
    with pytest.raises(BadFile) as info:
        read_json(bad)
    for lang in ("en", "fr"):
        assert main(["--lang", lang, "import", str(bad)]) == 2
        assert capsys.readouterr().err.splitlines() == info.value.said(lang)


def test_reading_says_why_in_the_users_words(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "missing.json"
    with pytest.raises(BadFile) as info:
        read_json(missing)
    assert info.value.said("en") == [f"{missing}: cannot read the file: it does not exist"]
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe{}")
    with pytest.raises(BadFile) as info:
        read_json(binary)
    assert info.value.said("en") == [f"{binary}: not a UTF-8 text file"]
    with pytest.raises(BadFile) as info:
        read_json(tmp_path)
    assert "cannot read the file" in info.value.said("en")[0]
    locked = tmp_path / "locked.json"
    locked.write_text("{}")

    def refused(self: Path) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refused)
    with pytest.raises(BadFile) as info:
        read_json(locked)
    # A refusal is said as one, never as a damaged file.
    assert info.value.said("en") == [f"{locked}: cannot read the file: permission denied"]


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_bytes(b"\xef\xbb\xbf" + b'{"a": 1}')
    assert read_json(path) == {"a": 1}
    toml = tmp_path / "answers.toml"
    toml.write_bytes(b"\xef\xbb\xbf" + b"version = 1\n")
    assert read_toml(toml) == {"version": 1}


def test_a_bad_toml_file_names_the_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "answers.toml"
    path.write_text('version = 1\n[profile]\nname = "Atelier Lune\n')
    with pytest.raises(BadFile) as info:
        read_toml(path)
    assert (info.value.line, info.value.column) == (3, 21)
    assert info.value.said("en") == [
        f"{path}: not valid TOML at line 3, column 21: a text is not closed by its quote"]
    assert info.value.problems[0].source == str(path)


def test_paths_with_escape_sequences_are_shown_inert(tmp_path: Path) -> None:
    evil = tmp_path / "\x1b]0;pwn\x07.json"
    with pytest.raises(BadFile) as info:
        read_json(evil)
    [line] = info.value.said("en")
    assert "\x1b" not in line and "\x07" not in line and "]0;pwn.json" in line
    evil.write_text("x")
    with pytest.raises(FileExists) as exists:
        files.write_new(evil, "y")
    assert "\x1b" not in exists.value.said("en")[0]
