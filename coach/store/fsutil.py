"""Low-level file operations that keep user data whole and private.

Every data file is written the same way: a temporary file in the same folder
(created 0600, whatever the umask), fsync, `os.replace` over the target, fsync of
the folder. A kill at any moment leaves either the old file or the new one, never
half of each (STORE-NOTES.md: the in-place default of TinyDB did not).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_MARK = ".tmp-"


def ensure_private_dir(path: Path) -> None:
    """Create the folder (and parents) if needed, and make sure it is 0700."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    fix_dir_mode(path)


def fix_dir_mode(path: Path) -> None:
    """Folders made by an older tool or by hand are often 0755: close them."""
    try:
        if (path.stat().st_mode & 0o777) != DIR_MODE:
            os.chmod(path, DIR_MODE)
    except FileNotFoundError:
        pass


def fsync_dir(path: Path) -> None:
    """Make a rename durable: the folder entry must reach the disk too."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # some platforms cannot open folders; the rename is still atomic
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def temp_path_for(path: Path) -> Path:
    # The pid and a random part keep concurrent writers (and their crashes) apart.
    return path.with_name(f"{path.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")


def write_private(path: Path, data: bytes) -> None:
    """Write a brand-new 0600 file (fails if it exists) and fsync it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # the umask can only remove bits; be explicit anyway
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_path(path: Path, generation: int) -> Path:
    return path.with_name(f"{path.name}.bak{generation}")


def rotate_backups(path: Path, generations: int) -> None:
    """Shift .bak1 -> .bak2 -> ... and keep the current file as .bak1.

    The current file is hard-linked, not copied: cheap, and the data file is then
    replaced by a new inode, so the backup keeps the old bytes untouched.
    """
    if generations <= 0 or not path.exists():
        return
    with contextlib.suppress(FileNotFoundError):
        backup_path(path, generations).unlink()
    for gen in range(generations - 1, 0, -1):
        with contextlib.suppress(FileNotFoundError):
            os.replace(backup_path(path, gen), backup_path(path, gen + 1))
    first = backup_path(path, 1)
    with contextlib.suppress(FileNotFoundError):
        first.unlink()  # left behind by a kill between the two steps above
    try:
        os.link(path, first)
    except OSError:  # no hard links here (some network or FAT folders): copy instead
        tmp = temp_path_for(first)
        write_private(tmp, path.read_bytes())
        os.replace(tmp, first)


def atomic_write(path: Path, data: bytes, *, backups: int = 0) -> None:
    """Replace `path` with `data` atomically, keeping `backups` previous generations."""
    tmp = temp_path_for(path)
    try:
        write_private(tmp, data)
        rotate_backups(path, backups)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def is_temp_name(name: str) -> bool:
    return TEMP_MARK in name


def data_name_of_temp(name: str) -> str:
    return name.split(TEMP_MARK, 1)[0]
