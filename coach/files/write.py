"""Writing a file a person named (a report, an export): 0600, atomic, never over a file
that was not meant to be replaced.

What the name is decides how it is written (`resolve`):

- a regular file, or no file yet: staged and placed (below);
- a symbolic link is followed: the file it leads to is the target, under the same
  rules (refused without `force` if it exists, replaced in ITS folder with `force`, a
  dangling link creates its file) and the link stays a link;
- an existing pipe (FIFO) or character device (`-o /dev/stdout`, a terminal,
  /dev/null) is a stream: the text is written to it directly, as the shell's `>`
  does, and nothing is replaced, so it needs no `force`. Opening a pipe waits for its
  reader, as the shell does;
- a folder, a disk (block device) or a socket is refused: none of them can take a
  report, and replacing one with a file is never what the person meant.

Two steps, so a caller can do something in between (`coach plan --client` saves the
assessment after the report is on disk and before it takes its name):

1. `stage`: the bytes go to a temporary file next to the target (created 0600 by
   mkstemp, whatever the umask), flushed and fsync'd. Nothing has a name yet. For a
   stream the bytes wait in memory: a stream cannot be taken back once written.
2. `place`: the staged file takes the target's name in one step. Replacing (`--force`)
   is `os.replace`. Writing new is `os.link`, which fails if the name exists, so a
   file that appears between any check and the write is not overwritten either.
   Where the file system has no hard links (FAT and exFAT drives, some network
   shares), the name is claimed first with an exclusive create (O_EXCL, which fails if
   the name exists), then the staged file replaces that empty claim. That fallback is
   still never over someone else's file, but a crash between the two steps leaves an
   empty file under the name; on Windows `os.rename` refuses an existing name, which
   is create-only in one step.

Readers never see a half-written file and a failed write leaves nothing behind. The
errors say themselves later, in the face's language, naming the path as typed:
FileExists (each face asks its own question), InputError for a target that cannot be
a file, RunError when the system refuses (with its reason in the user's words, never
taken for something else).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import NamedTuple

from coach.errors import FileExists, InputError, RunError
from coach.files import texts

FILE_MODE = 0o600
# errno values for "this file system has no hard links" (vfat/exFAT on Linux say EPERM,
# macOS ENOTSUP, network shares EOPNOTSUPP or EXDEV).
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV,
             errno.EMLINK, errno.EINVAL}


class Target(NamedTuple):
    """Where a path as typed leads, and how it is written."""

    typed: Path   # as the person typed it: every message names it
    real: Path    # the file itself: a symbolic link followed, else `typed`
    exists: bool  # a regular file is there (replaced only with force)
    stream: bool  # an existing pipe or character device: written to, never replaced


class Staged(NamedTuple):
    """What `stage` made, for `place` (or `discard`)."""

    target: Target
    tmp: Path | None  # the 0600 temporary file next to the file; None for a stream
    data: bytes       # a stream's bytes, written when placed (b"" otherwise)

    def discard(self) -> None:
        """Drop a staged file that will not be placed (nothing for a stream)."""
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _kind_problem(target: Path, mode: int) -> InputError | None:
    """Why something that is there cannot be written as a file or a stream."""
    if stat.S_ISDIR(mode):
        return InputError(texts.is_folder(target))
    if stat.S_ISBLK(mode):
        return InputError(texts.is_disk(target))
    if stat.S_ISSOCK(mode):
        return InputError(texts.is_socket(target))
    return None


def _check_folder(path: Path, folder: Path) -> None:
    """The folder a new file goes in is one; else say which part is wrong, and how."""
    for part in [*reversed(folder.parents), folder]:
        try:
            mode = os.stat(part).st_mode
        except FileNotFoundError:
            raise InputError(texts.no_folder(path, folder)) from None
        except OSError as exc:  # a folder it may not enter, a name too long...
            raise RunError(texts.write_failed(path, exc)) from exc
        if not stat.S_ISDIR(mode):
            raise InputError(texts.not_a_folder(path, part))


def resolve(path: Path) -> Target:
    """Where `path` leads and how it is written; InputError or RunError for a target
    that can never be written (a folder, a disk, a missing folder, a refusal)."""
    path = Path(path)
    try:
        # Followed by the system, as the shell would: /dev/stdout -> /proc/self/fd/1 ->
        # a pipe or a terminal, which no name-by-name resolution can reproduce.
        info: os.stat_result | None = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        info = None
    except OSError as exc:  # permission denied, a link loop, a name too long
        raise RunError(texts.write_failed(path, exc)) from exc
    if info is not None:
        problem = _kind_problem(path, info.st_mode)
        if problem is not None:
            raise problem
        if not stat.S_ISREG(info.st_mode):  # a FIFO, a character device
            return Target(path, path, exists=False, stream=True)
        real = _followed(path)
        try:
            same = os.path.samestat(os.stat(real), info)
        except OSError:
            same = False
        if not same:
            raise InputError(texts.link_unclear(path))
        return Target(path, real, exists=True, stream=False)
    real = _followed(path) if os.path.lexists(path) else path  # a dangling link
    _check_folder(path, _folder(real))
    return Target(path, real, exists=False, stream=False)


def _followed(path: Path) -> Path:
    """The file a path names, its symbolic links followed (the path itself if none)."""
    real = Path(os.path.realpath(path))
    return path if real == Path(os.path.abspath(path)) else real


def check_target(path: Path, *, force: bool) -> Path:
    """Refuse what `place` would refuse, before anything else is done (a caller that also
    saves something checks first, so bad input changes nothing). Returns the folder the
    file goes in (a followed link's own folder)."""
    target = resolve(path)
    if target.exists and not force:
        raise FileExists(target.typed, texts.exists(target.typed))
    return _folder(target.real)


def stage(data: str | bytes, path: Path) -> Staged:
    """The data in a 0600 temporary file next to the file `path` leads to, on disk, not
    yet named (in memory for a stream)."""
    import tempfile  # here, not at import: `coach plan` reads answers without writing

    target = resolve(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if target.stream:
        return Staged(target, None, raw)
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.real.name}.", suffix=".tmp",
                                   dir=_folder(target.real))
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, FILE_MODE)  # mkstemp made it 0600 already; the umask cannot add bits
    except OSError as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise RunError(texts.write_failed(target.typed, exc)) from exc
    return Staged(target, Path(tmp), b"")


def place(staged: Staged, *, force: bool) -> None:
    """Give a staged file its name: over an existing file only with `force` (a stream
    is written to, whatever `force`).

    The staged file is gone afterwards, whether it was placed or refused."""
    target = staged.target
    if staged.tmp is None:
        _write_stream(target, staged.data)
        return
    try:
        if force:
            _still_a_file(target)
            os.replace(staged.tmp, target.real)
        else:
            _create_only(staged.tmp, target.real)
    except FileExistsError:
        raise FileExists(target.typed, texts.exists(target.typed)) from None
    except OSError as exc:
        raise RunError(texts.write_failed(target.typed, exc)) from exc
    finally:
        staged.discard()
    _sync_folder(_folder(target.real))


def _still_a_file(target: Target) -> None:
    """Just before replacing: a pipe, a folder or a device that took the name since it
    was checked is not replaced either."""
    try:
        mode = os.lstat(target.real).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise _kind_problem(target.typed, mode) or FileExists(
            target.typed, texts.exists(target.typed))


def _write_stream(target: Target, data: bytes) -> None:
    """Write to a pipe or a device as the shell's `>` would, without creating anything."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(target.typed, flags)  # no O_CREAT: a name gone since is not made
    except OSError as exc:  # gone since it was checked, refused...
        raise RunError(texts.write_failed(target.typed, exc)) from exc
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISREG(mode) or _kind_problem(target.typed, mode) is not None:
            # it changed since it was checked: never written over without a new check
            raise FileExists(target.typed, texts.exists(target.typed))
        with os.fdopen(fd, "wb", closefd=False) as fh:
            fh.write(data)
    except OSError as exc:
        raise RunError(texts.write_failed(target.typed, exc)) from exc
    finally:
        os.close(fd)


def _create_only(staged: Path, path: Path) -> None:
    """`staged` takes the name `path` only if no file has it (FileExistsError otherwise)."""
    link = getattr(os, "link", None)  # absent where the platform has no hard links
    if link is not None:
        try:
            link(staged, path)
            return
        except FileExistsError:
            raise
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
    if os.name == "nt":
        os.rename(staged, path)  # refuses an existing name on Windows: create-only
        return
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)  # claim the name
    os.close(fd)
    try:
        os.replace(staged, path)  # over our own empty claim, nobody else's file
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


def _sync_folder(folder: Path) -> None:
    """Make the new name durable; some systems cannot open a folder (Windows): skip."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_new(path: Path, data: str | bytes) -> None:
    """Write a new file; FileExists if the name is taken (even if it appears meanwhile)."""
    check_target(path, force=False)
    place(stage(data, path), force=False)


def replace(path: Path, data: str | bytes) -> None:
    """Write the file, replacing one of that name (`--force`, or after the face asked)."""
    check_target(path, force=True)
    place(stage(data, path), force=True)


def write_file(path: Path, data: str | bytes, *, force: bool) -> None:
    """`replace` with force, else `write_new`: what a face calls with the user's choice."""
    (replace if force else write_new)(path, data)
