"""write_output: 0600 whatever the umask, atomic, refuses to overwrite without force."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from coach.cli.base import InputError, set_lang
from coach.report.output import write_output


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_file_is_0600_under_umask_022(tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "plan.html"
    write_output("<p>été</p>\n", out, force=False)
    assert out.read_text(encoding="utf-8") == "<p>été</p>\n"
    assert mode(out) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["plan.html"]  # no temp file left


def test_refuses_existing_file_without_force(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    out.write_text("keep me")
    with pytest.raises(InputError) as info:
        write_output("new", out, force=False)
    assert str(out) in str(info.value) and "--force" in str(info.value)
    assert out.read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]


def test_refusal_is_translated(tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    out.write_text("x")
    set_lang("fr")
    with pytest.raises(InputError) as info:
        write_output("new", out, force=False)
    assert "existe déjà" in str(info.value) and str(out) in str(info.value)


def test_overwrites_with_force_and_tightens_mode(tmp_path: Path, umask_022: None) -> None:
    out = tmp_path / "plan.txt"
    out.write_text("old")
    out.chmod(0o644)
    write_output("new", out, force=True)
    assert out.read_text() == "new"
    assert mode(out) == 0o600


def test_refuses_dangling_symlink_without_force(tmp_path: Path) -> None:
    link = tmp_path / "plan.txt"
    link.symlink_to(tmp_path / "elsewhere.txt")
    with pytest.raises(InputError):
        write_output("x", link, force=False)
    assert not (tmp_path / "elsewhere.txt").exists()


def test_missing_folder_and_folder_target(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        write_output("x", tmp_path / "nope" / "plan.txt", force=True)
    with pytest.raises(InputError, match="folder"):
        write_output("x", tmp_path, force=True)


def test_check_target_refuses_before_anything_is_done(tmp_path: Path) -> None:
    """Callers that also save something (plan --client) check the path first."""
    from coach.report.output import check_target

    existing = tmp_path / "plan.md"
    existing.write_text("old")
    for bad in (existing, tmp_path, tmp_path / "missing" / "plan.md"):
        with pytest.raises(InputError):
            check_target(bad, force=False)
    assert check_target(existing, force=True) == tmp_path
    assert check_target(tmp_path / "new.md", force=False) == tmp_path
    assert existing.read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == [
        "plan.md"]
