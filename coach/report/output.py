"""Writing a report file: 0600, atomic, and never over an existing file without --force.

The text goes to a temporary file in the same folder (created 0600 by mkstemp,
whatever the umask), is flushed to disk, then takes the final name in one step:
`os.replace` with force, `os.link` without (which fails if the name exists, so a
file that appears meanwhile is not overwritten either). Readers never see a
half-written report and a failed write leaves nothing behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _(message: str) -> str:
    from coach.cli.base import current_lang
    from coach.i18n import translator

    return translator(current_lang(), "report").gettext(message)


def _shown(path: Path) -> str:
    """A path as typed may hold escape sequences: print it, never obey it."""
    from coach.textsafe import clean

    return clean(str(path), single_line=True)


def _refuse(path: Path) -> None:
    from coach.cli.base import InputError

    raise InputError(_("{path}: the file already exists; add --force to replace it")
                     .format(path=_shown(path)))


def check_target(path: Path, *, force: bool) -> Path:
    """Refuse (InputError) an output path that write_output would refuse: call it before
    doing anything else (saving an assessment...), so that bad input changes nothing.
    Returns the folder the file will be written in."""
    from coach.cli.base import InputError

    path = Path(path)
    if path.is_dir():
        raise InputError(_("{path}: is a folder, not a file").format(path=_shown(path)))
    if os.path.lexists(path) and not force:
        _refuse(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(_("{path}: the folder {folder} does not exist")
                         .format(path=_shown(path), folder=_shown(folder)))
    return folder


def _write_failed(path: Path, exc: OSError) -> Exception:
    from coach.cli.base import RunError, current_lang
    from coach.engine.file_texts import os_reason
    from coach.i18n import translator

    # The OS's reason in the user's language, not Python's English strerror.
    reason = os_reason(exc, translator(current_lang(), "engine"))
    return RunError(_("{path}: could not write the file ({reason})")
                    .format(path=_shown(path), reason=reason))


def stage_output(text: str, path: Path) -> str:
    """The text in a 0600 temporary file next to `path`, flushed to disk, not yet named.

    Callers that must do something else between writing and naming (coach plan saves
    the assessment first) stage, then `place_output`; everyone else calls write_output.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
    except OSError as exc:
        if tmp is not None and os.path.lexists(tmp):
            os.unlink(tmp)
        raise _write_failed(path, exc) from exc
    return tmp


def place_output(staged: str, path: Path, *, force: bool) -> None:
    """Give a staged file its name: over an existing file only with force.

    The staged file is gone afterwards, whether it was placed or refused."""
    path = Path(path)
    try:
        if force:
            os.replace(staged, path)
        else:
            try:
                if not hasattr(os, "link"):
                    raise OSError("no hard links on this system")
                os.link(staged, path)      # atomic "create only if absent"
            except FileExistsError:
                _refuse(path)
            except OSError:
                # No hard links here (some network or FAT file systems): check, then
                # rename. Windows' rename also refuses an existing name, atomically.
                if os.path.lexists(path):
                    _refuse(path)
                try:
                    os.rename(staged, path)
                except FileExistsError:
                    _refuse(path)
    except OSError as exc:
        raise _write_failed(path, exc) from exc
    finally:
        if os.path.lexists(staged):
            os.unlink(staged)


def write_output(text: str, path: Path, *, force: bool) -> None:
    path = Path(path)
    check_target(path, force=force)
    place_output(stage_output(text, path), path, force=force)
