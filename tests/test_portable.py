"""The store's real write path on a system without the POSIX calls coach uses.

CI runs on Linux; many users are on macOS or Windows. Here the same process plays
Windows as far as the store can tell: no `os.fchmod` (absent there before Python 3.13),
no `os.link`, folders that refuse to be opened (PermissionError, as on Windows), a
target file briefly held open by another program, `O_BINARY` required, modes that mean
nothing. Saving assessments, reopening them, the backups and an export must all still
work, byte for byte; and what the "Windows" store wrote must read back on the real system.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from coach.store import StoreError, Workspace, fsutil, storage
from coach.store import workspace as workspace_module

FIXTURES = Path(__file__).parent / "fixtures" / "store"
FAKE_O_BINARY = 0x40000000  # a bit no POSIX open() flag uses


def answers() -> dict:
    return json.loads((FIXTURES / "answers.json").read_text(encoding="utf-8"))


def plan() -> dict:
    return json.loads((FIXTURES / "plan.json").read_text(encoding="utf-8"))


@dataclass
class Seen:
    """What the store asked of the simulated system."""

    folder_opens: int = 0          # refused, as Windows refuses them
    binary_opens: int = 0          # files opened with O_BINARY
    text_opens: list[str] = field(default_factory=list)
    busy_once: set[str] = field(default_factory=set)
    replaced_after_busy: int = 0
    chmods: list[tuple[str, int]] = field(default_factory=list)


class SystemLike(types.ModuleType):
    """The `os` module as the store's modules see it on another system: calls in
    `absent` are missing, the rest is the real `os` (plus the fakes set on it).

    Only coach's store modules get it: filelock, tempfile and the rest keep the real
    `os`, as on Windows, where filelock has its own (msvcrt) implementation."""

    def __init__(self, absent: set[str]) -> None:
        super().__init__("os")
        self._absent = absent

    def __getattr__(self, name: str) -> object:
        if name in self._absent:
            raise AttributeError(f"module 'os' has no attribute {name!r}")
        return getattr(os, name)


STORE_MODULES = (fsutil, storage, workspace_module)


def _install(monkeypatch: pytest.MonkeyPatch, system: SystemLike) -> None:
    for module in STORE_MODULES:
        monkeypatch.setattr(module, "os", system)


@pytest.fixture
def windows_like(monkeypatch: pytest.MonkeyPatch) -> Iterator[Seen]:
    seen = Seen()
    system = SystemLike({"fchmod", "link", "O_DIRECTORY"})
    system.O_BINARY = FAKE_O_BINARY  # type: ignore[attr-defined]
    monkeypatch.setattr(fsutil, "POSIX_MODES", False)
    monkeypatch.setattr(fsutil, "FSYNC_DIRS", True)  # try, and meet Windows' refusal
    monkeypatch.setattr(fsutil, "RETRY_REPLACE", True)
    monkeypatch.setattr(fsutil.time, "sleep", lambda _s: None)

    def fake_open(path: str | os.PathLike[str], flags: int, mode: int = 0o777) -> int:
        if os.path.isdir(path):
            seen.folder_opens += 1
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        if flags & FAKE_O_BINARY:
            seen.binary_opens += 1
        else:
            seen.text_opens.append(os.fspath(path))  # Windows would add CR to each LF
        return os.open(path, flags & ~FAKE_O_BINARY, mode)

    def fake_replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        # Another program (a second coach reading, a virus scanner) holds each data file
        # open for a moment the first time it is replaced.
        target = os.fspath(dst)
        if os.path.exists(target) and target not in seen.busy_once:
            seen.busy_once.add(target)
            raise PermissionError(errno.EACCES, "Access is denied", target)
        if target in seen.busy_once:
            seen.replaced_after_busy += 1
        os.replace(src, dst)

    def fake_chmod(path: str | os.PathLike[str], mode: int) -> None:
        seen.chmods.append((os.fspath(path), mode))
        os.chmod(path, mode)

    system.open = fake_open  # type: ignore[attr-defined]
    system.replace = fake_replace  # type: ignore[attr-defined]
    system.chmod = fake_chmod  # type: ignore[attr-defined]
    _install(monkeypatch, system)
    yield seen


def _client_file(workspace: Path) -> Path:
    [path] = (workspace / "clients").glob("c-*.json")
    return path


def test_store_saves_reopens_and_backs_up_without_posix_calls(
        workspace: Path, tmp_path: Path, windows_like: Seen,
        monkeypatch: pytest.MonkeyPatch) -> None:
    workspace.mkdir(mode=0o755)
    os.chmod(workspace, 0o755)

    ws = Workspace.open(workspace)
    cid = ws.create_client("Atelier Lune")
    ws.finish_assessment(cid, answers(), plan(), notes="first\nline two")
    data_file = _client_file(workspace)
    first = data_file.read_bytes()
    ws.finish_assessment(cid, answers(), plan(), notes="second")
    second = data_file.read_bytes()

    # The bytes on disk: whole JSON, both assessments, notes as written (no CR added).
    stored = json.loads(second)
    assert [a["notes"] for a in stored["assessments"].values()] == ["first\nline two", "second"]
    assert b"\r" not in second and stored["assessments"]["1"]["answers"] == answers()
    # The backup is the previous generation, copied (no hard links here), not linked.
    backup = fsutil.backup_path(data_file, 1)
    assert backup.read_bytes() == first
    assert data_file.stat().st_nlink == 1 and backup.stat().st_ino != data_file.stat().st_ino
    # No temp files left, and every data file was opened in binary mode.
    assert not [p for p in workspace.rglob("*") if fsutil.is_temp_name(p.name)]
    assert windows_like.binary_opens >= 4 and windows_like.text_opens == []
    # What was refused or busy was met with its fallback, not an error.
    assert windows_like.folder_opens >= 2
    assert windows_like.replaced_after_busy >= 2
    # Modes mean nothing there: coach did not try to set any on its files or folders.
    assert windows_like.chmods == []
    assert stat.S_IMODE(workspace.stat().st_mode) == 0o755

    # Reopened on the same "system", then on the real one: the same two assessments.
    again = Workspace.open(workspace)
    assert len(again.assessments(cid)) == 2
    export = tmp_path / "lune.json"
    again.write_export(cid, export)
    text = export.read_bytes()
    assert text.endswith(b"}\n") and b"\r\n" not in text
    monkeypatch.undo()
    real = Workspace.open(workspace)
    assert [a.notes for a in real.assessments(cid)] == ["first\nline two", "second"]
    assert json.loads(export.read_text(encoding="utf-8"))["client"]["name"] == "Atelier Lune"


def test_a_file_held_open_for_good_is_a_message_and_keeps_the_old_bytes(
        workspace: Path, windows_like: Seen, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = Workspace.open(workspace)
    cid = ws.create_client("Atelier Lune")
    ws.finish_assessment(cid, answers(), plan())
    data_file = _client_file(workspace)
    before = data_file.read_bytes()
    tries: list[str] = []

    def always_busy(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if os.fspath(dst) == str(data_file):
            tries.append(os.fspath(dst))
            raise PermissionError(errno.EACCES, "Access is denied", os.fspath(dst))
        os.replace(src, dst)

    monkeypatch.setattr(fsutil.os, "replace", always_busy)
    with pytest.raises(StoreError) as info:
        ws.finish_assessment(cid, answers(), plan(), notes="lost?")
    assert len(tries) == fsutil.REPLACE_TRIES
    said = str(info.value)
    assert "cannot write" in said and "Access is denied" in said, said
    assert data_file.read_bytes() == before
    assert not [p for p in workspace.rglob("*") if fsutil.is_temp_name(p.name)]


def test_posix_without_fchmod_still_gives_0600(workspace: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Some Pythons have modes but no fchmod: the mode is then set by path."""
    system = SystemLike({"fchmod"})
    chmods: list[tuple[str, int]] = []

    def spy_chmod(path: str | os.PathLike[str], mode: int) -> None:
        chmods.append((os.fspath(path), mode))
        os.chmod(path, mode)

    system.chmod = spy_chmod  # type: ignore[attr-defined]
    _install(monkeypatch, system)
    monkeypatch.setattr(fsutil, "POSIX_MODES", True)
    old = os.umask(0o022)
    try:
        ws = Workspace.open(workspace)
        cid = ws.create_client("Lune")
        ws.finish_assessment(cid, answers(), plan())
    finally:
        os.umask(old)
    data_file = _client_file(workspace)
    assert stat.S_IMODE(data_file.stat().st_mode) == 0o600
    assert any(fsutil.is_temp_name(Path(p).name) and m == fsutil.FILE_MODE for p, m in chmods)


def test_report_file_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports refuse to overwrite without --force also where there are no hard links,
    with Windows' rename (which refuses an existing name)."""
    from coach.errors import FileExists
    from coach.files import write_file

    def write_output(text: str, path: Path, *, force: bool) -> None:
        write_file(path, text, force=force)

    monkeypatch.delattr(os, "link", raising=False)
    real_rename = os.rename

    def windows_rename(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if os.path.lexists(dst):
            raise FileExistsError(errno.EEXIST, "Cannot create a file when that file "
                                  "already exists", os.fspath(dst))
        real_rename(src, dst)

    monkeypatch.setattr(os, "rename", windows_rename)
    out = tmp_path / "plan.md"
    write_output("# Plan\n", out, force=False)
    assert out.read_bytes() == b"# Plan\n"
    with pytest.raises(FileExists, match="already exists"):
        write_output("# Other\n", out, force=False)
    assert out.read_bytes() == b"# Plan\n"
    write_output("# Other\n", out, force=True)
    assert out.read_bytes() == b"# Other\n"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]  # no staged file left
