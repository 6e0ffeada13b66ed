"""Writing a file a person named (a report, an export): 0600, atomic, never over a file
that was not meant to be replaced.

Two steps, so a caller can do something in between (`coach plan --client` saves the
assessment after the report is on disk and before it takes its name):

1. `stage`: the bytes go to a temporary file next to the target (created 0600 by
   mkstemp, whatever the umask), flushed and fsync'd. Nothing has a name yet.
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
errors say themselves later, in the face's language: FileExists (each face asks its own
question), InputError for a target that cannot be a file, RunError when the system
refuses (with its reason in the user's words, never taken for something else).
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path

from coach.errors import FileExists, InputError, RunError
from coach.files import texts

FILE_MODE = 0o600
# errno values for "this file system has no hard links" (vfat/exFAT on Linux say EPERM,
# macOS ENOTSUP, network shares EOPNOTSUPP or EXDEV).
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV,
             errno.EMLINK, errno.EINVAL}


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def check_target(path: Path, *, force: bool) -> Path:
    """Refuse what `place` would refuse, before anything else is done (a caller that also
    saves something checks first, so bad input changes nothing). Returns the folder."""
    path = Path(path)
    if path.is_dir():
        raise InputError(texts.is_folder(path))
    if not force and os.path.lexists(path):  # a dangling symlink is a name taken too
        raise FileExists(path, texts.exists(path))
    folder = _folder(path)
    if not folder.is_dir():
        raise InputError(texts.no_folder(path, folder))
    return folder


def stage(data: str | bytes, path: Path) -> Path:
    """The data in a 0600 temporary file next to `path`, on disk, not yet named."""
    import tempfile  # here, not at import: `coach plan` reads answers without writing

    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=_folder(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, FILE_MODE)  # mkstemp made it 0600 already; the umask cannot add bits
    except OSError as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise RunError(texts.write_failed(path, exc)) from exc
    return Path(tmp)


def place(staged: Path, path: Path, *, force: bool) -> None:
    """Give a staged file its name: over an existing file only with `force`.

    The staged file is gone afterwards, whether it was placed or refused."""
    path = Path(path)
    try:
        if force:
            os.replace(staged, path)
        else:
            _create_only(staged, path)
    except FileExistsError:
        raise FileExists(path, texts.exists(path)) from None
    except OSError as exc:
        raise RunError(texts.write_failed(path, exc)) from exc
    finally:
        if os.path.lexists(staged):
            with contextlib.suppress(OSError):
                os.unlink(staged)
    _sync_folder(_folder(path))


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
    path = Path(path)
    check_target(path, force=False)
    place(stage(data, path), path, force=False)


def replace(path: Path, data: str | bytes) -> None:
    """Write the file, replacing one of that name (`--force`, or after the face asked)."""
    path = Path(path)
    check_target(path, force=True)
    place(stage(data, path), path, force=True)


def write_file(path: Path, data: str | bytes, *, force: bool) -> None:
    """`replace` with force, else `write_new`: what a face calls with the user's choice."""
    (replace if force else write_new)(path, data)
