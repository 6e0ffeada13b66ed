"""coach.files: user files written 0600 and atomically, never over a file that was not
meant to be replaced (not even one that appears meanwhile), read with one message naming
the file and the reason, said in the language of whoever reads it."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from fifo_support import FifoReader

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


def test_a_dangling_symlink_creates_the_file_it_points_to(tmp_path: Path) -> None:
    """Followed like any link: the link is kept, its file is made (0600, in ITS folder)."""
    elsewhere = tmp_path / "sub"
    elsewhere.mkdir()
    link = tmp_path / "plan.txt"
    link.symlink_to(elsewhere / "plan.txt")
    files.write_new(link, "x")
    assert link.is_symlink() and (elsewhere / "plan.txt").read_text() == "x"
    assert mode(elsewhere / "plan.txt") == 0o600
    assert names(tmp_path) == ["plan.txt", "sub"] and names(elsewhere) == ["plan.txt"]
    with pytest.raises(FileExists):  # now it leads to a file: refused without force
        files.write_new(link, "y")
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "missing" / "gone.txt")
    with pytest.raises(InputError) as info:
        files.write_new(dangling, "x")
    assert info.value.said("en") == [
        f"{dangling}: the folder {tmp_path / 'missing'} does not exist"]


# -- symbolic links, pipes and devices ---------------------------------------------------
@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def test_force_through_a_symlink_replaces_the_file_it_points_to(
        tmp_path: Path, umask_022: None) -> None:
    """The link stays a link; the file it leads to is replaced atomically in its own
    folder (the staged file is made there, never next to the link)."""
    there = tmp_path / "there"
    there.mkdir()
    real = there / "plan.md"
    real.write_text("old")
    real.chmod(0o644)
    link = tmp_path / "plan.md"
    link.symlink_to(real)
    assert check_target(link, force=True) == there
    files.replace(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new" and mode(real) == 0o600
    assert names(tmp_path) == ["plan.md", "there"] and names(there) == ["plan.md"]
    relative = tmp_path / "again.md"  # a relative link, through a linked folder
    relative.symlink_to(Path("there") / "plan.md")
    write_file(relative, "newer", force=True)
    assert relative.is_symlink() and real.read_text() == "newer"


def test_a_symlink_to_an_existing_file_is_refused_without_force(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("keep me")
    link = tmp_path / "plan.md"
    link.symlink_to(real)
    for attempt in (lambda: check_target(link, force=False),
                    lambda: write_file(link, "new", force=False)):
        with pytest.raises(FileExists) as info:
            attempt()
        assert info.value.said("en") == [f"{link}: the file already exists"]
    assert real.read_text() == "keep me" and link.is_symlink()
    assert names(tmp_path) == ["plan.md", "real.md"]


def test_a_symlink_loop_is_said_as_such(tmp_path: Path) -> None:
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    with pytest.raises(RunError) as info:
        write_file(loop, "x", force=True)
    assert "too many symbolic links" in info.value.said("en")[0]
    assert loop.is_symlink() and names(tmp_path) == ["loop.md"]


@pytest.mark.parametrize("force", [False, True])
def test_a_fifo_receives_the_text_and_stays_a_fifo(tmp_path: Path, fifo: Path,
                                                   force: bool) -> None:
    """A pipe is written to, never replaced: no --force needed, nothing staged."""
    reader = FifoReader(fifo)
    write_file(fifo, "le plan\n", force=force)
    assert reader.text() == "le plan\n"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and names(tmp_path) == ["pipe"]


def test_a_symlink_to_a_fifo_is_written_through(tmp_path: Path, fifo: Path) -> None:
    """`-o /dev/stdout` is such a link (to /proc/self/fd/1, a pipe or a terminal)."""
    link = tmp_path / "stdout"
    link.symlink_to(fifo)
    assert check_target(link, force=False) == tmp_path
    reader = FifoReader(fifo)
    staged = stage("deux temps", link)
    assert staged.tmp is None and names(tmp_path) == ["pipe", "stdout"]
    place(staged, force=True)
    assert reader.text() == "deux temps"
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_character_device_is_a_stream_not_a_file_to_replace(tmp_path: Path) -> None:
    """/dev/null (a character device, like a terminal) needs no force and is written
    to where it is: no temporary file beside it, nothing replaced."""
    null = Path(os.devnull)
    assert files.resolve(null).stream
    check_target(null, force=False)  # no FileExists: nothing would be replaced
    link = tmp_path / "null"
    link.symlink_to(null)
    files.write_new(link, "nothing to see")
    assert link.is_symlink() and stat.S_ISCHR(os.stat(link).st_mode)
    assert names(tmp_path) == ["null"]


def test_a_socket_is_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(path))
        for force in (False, True):
            with pytest.raises(InputError) as info:
                write_file(path, "x", force=force)
            assert info.value.said("en") == [f"{path}: is a socket, not a file"]
        assert stat.S_ISSOCK(os.lstat(path).st_mode)


def test_a_fifo_that_appears_before_replacing_is_not_replaced(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    staged = stage("mine", out)
    os.mkfifo(out)  # another program, in between
    with pytest.raises(FileExists):
        place(staged, force=True)
    assert stat.S_ISFIFO(os.lstat(out).st_mode) and names(tmp_path) == ["plan.md"]


def test_a_reader_that_stops_is_said_as_such(tmp_path: Path, fifo: Path) -> None:
    import threading

    def open_and_leave() -> None:
        os.close(os.open(fifo, os.O_RDONLY))

    leaver = threading.Thread(target=open_and_leave, daemon=True)
    leaver.start()
    with pytest.raises(RunError) as info:
        write_file(fifo, "x" * 1_000_000, force=False)  # more than a pipe holds
    leaver.join(10)
    assert info.value.said("en") == [
        f"{fifo}: could not write the file (the program reading it stopped reading)"]


def test_missing_folder_and_folder_target_are_bad_input(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        files.replace(tmp_path / "nope" / "plan.txt", "x")
    assert "does not exist" in str(info.value) and info.value.exit_code == 2
    with pytest.raises(InputError) as info:
        files.replace(tmp_path, "x")
    assert "is a folder" in str(info.value)
    assert not isinstance(info.value, FileExists)


def test_a_file_taken_for_a_folder_is_said_to_be_a_file(tmp_path: Path) -> None:
    """`-o notes.txt/plan.md`: notes.txt exists; it is a file, not a folder."""
    notes = tmp_path / "notes.txt"
    notes.write_text("keep")
    for target in (notes / "plan.md", notes / "deeper" / "plan.md"):
        for force in (False, True):
            with pytest.raises(InputError) as info:
                write_file(target, "x", force=force)
            assert info.value.said("en") == [f"{target}: {notes} is a file, not a folder"]
            assert info.value.said("fr") == [
                f"{target}\u00a0: {notes} est un fichier, pas un dossier"]
    assert notes.read_text() == "keep" and names(tmp_path) == ["notes.txt"]
    link = tmp_path / "folder-link"  # a link to that file, used as a folder
    link.symlink_to(notes)
    with pytest.raises(InputError) as info:
        check_target(link / "plan.md", force=False)
    assert info.value.said("en") == [f"{link / 'plan.md'}: {link} is a file, not a folder"]


def test_a_folder_that_cannot_be_entered_is_not_said_missing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Permission denied on the way is a refusal, not "does not exist"."""
    locked = tmp_path / "locked"
    locked.mkdir()
    real_stat = os.stat

    def refusing(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path).startswith(str(locked)):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", refusing)  # root enters any folder: simulated
    target = locked / "plan.md"
    with pytest.raises(RunError) as info:
        check_target(target, force=False)
    assert info.value.said("en") == [f"{target}: could not write the file (permission denied)"]


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
    assert staged.tmp is not None and staged.tmp.parent == tmp_path
    assert mode(staged.tmp) == 0o600 and not out.exists()
    out.write_text("someone else's")           # another program, in between
    with pytest.raises(FileExists):
        place(staged, force=False)
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
        place(staged, force=False)
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
