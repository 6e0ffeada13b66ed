"""Low-level file operations that keep user data whole and private.

Every data file is written the same way: a temporary file in the same folder
(created 0600, whatever the umask), fsync, `os.replace` over the target, fsync of
the folder. A kill at any moment leaves either the old file or the new one, never
half of each (STORE-NOTES.md: the in-place default of TinyDB did not).

Portable where Python runs; what differs by system is decided here, once:
- File modes (0600 files, 0700 folders) are set on POSIX only. On Windows a mode
  only toggles the read-only flag; a user's data folder is private to them through
  the ACL it inherits from their profile, which coach leaves as it is.
- `os.fchmod` is missing on Windows before Python 3.13: the mode is set by path.
- A folder cannot be opened (nor fsynced) on Windows, and `os.replace` is durable
  there once it returns: the folder fsync is skipped, or given up when refused.
- Files are opened in binary mode (`O_BINARY`), or Windows would turn each
  newline written with `os.write` into CR LF.
- Windows refuses to replace a file another program holds open for a moment (a
  second coach reading it, a virus scanner): the rename is retried briefly.
- Without hard links (FAT, some network folders, or no `os.link`) the backup is a copy.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_MARK = ".tmp-"

# What this system offers; module constants so tests can play another system.
POSIX_MODES = os.name == "posix"       # do file modes keep other users out?
FSYNC_DIRS = os.name != "nt"           # can a folder be opened and fsynced?
RETRY_REPLACE = os.name == "nt"        # can a briefly open file block a rename?
REPLACE_TRIES = 10                     # about 1 s in all, then the OS's reason is shown


def ensure_private_dir(path: Path) -> None:
    """Create the folder (and parents) if needed, and make sure it is 0700."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    fix_dir_mode(path)


def fix_dir_mode(path: Path) -> None:
    """Folders made by an older tool or by hand are often 0755: close them to others.

    Only group and other bits are removed: a folder its owner made read-only (0500)
    stays read-only (widening it would undo a deliberate choice)."""
    if not POSIX_MODES:
        return  # Windows reports every folder as 0777; its ACL is what keeps it private
    try:
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            os.chmod(path, mode & 0o700)
    except FileNotFoundError:
        pass


def fsync_dir(path: Path) -> None:
    """Make a rename durable: the folder entry must reach the disk too."""
    if not FSYNC_DIRS:
        return
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:  # this system or file system cannot open folders; the rename is atomic
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
    # O_BINARY (Windows only): os.write must not turn "\n" into "\r\n".
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                 FILE_MODE)
    try:
        _restrict(fd, path)
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    finally:
        os.close(fd)


def _restrict(fd: int, path: Path) -> None:
    """0600, whatever the umask (which can only remove bits; be explicit anyway)."""
    if not POSIX_MODES:
        return
    fchmod = getattr(os, "fchmod", None)
    if fchmod is not None:
        fchmod(fd, FILE_MODE)
    else:  # no fchmod here: by path (the file is new, ours, and still empty)
        os.chmod(path, FILE_MODE)


def replace(src: Path, dst: Path) -> None:
    """`os.replace`, atomic everywhere; on Windows it is retried for about a second while
    another program has the target open (POSIX renames over open files)."""
    for attempt in range(REPLACE_TRIES if RETRY_REPLACE else 1):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if not RETRY_REPLACE or attempt == REPLACE_TRIES - 1:
                raise
            time.sleep(0.02 * (attempt + 1))


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
            replace(backup_path(path, gen), backup_path(path, gen + 1))
    first = backup_path(path, 1)
    with contextlib.suppress(FileNotFoundError):
        first.unlink()  # left behind by a kill between the two steps above
    link = getattr(os, "link", None)
    try:
        if link is None:
            raise OSError("no hard links on this system")
        link(path, first)
    except OSError:  # no hard links here (some network or FAT folders): copy instead
        tmp = temp_path_for(first)
        try:
            write_private(tmp, path.read_bytes())
            replace(tmp, first)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise


def atomic_write(path: Path, data: bytes, *, backups: int = 0) -> None:
    """Replace `path` with `data` atomically, keeping `backups` previous generations."""
    tmp = temp_path_for(path)
    try:
        write_private(tmp, data)
        rotate_backups(path, backups)
        replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_dir(path.parent)


def is_temp_name(name: str) -> bool:
    return TEMP_MARK in name


def data_name_of_temp(name: str) -> str:
    return name.split(TEMP_MARK, 1)[0]
