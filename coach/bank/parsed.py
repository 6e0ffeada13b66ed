"""A bank file's TOML parsed once, remembered between runs by the file's own bytes.

Parsing the bundled bank's TOML is most of what loading it costs (15 ms of the wait for
the TUI's first screen; `tomllib` is pure Python). The parsed tables are kept as JSON
in the user's cache folder (`COACH_CACHE_DIR`, else platformdirs' user cache folder,
`~/.cache/coach` on Linux), named by the SHA-256 of the file's bytes: a file edited in
any way has another name, so nothing is ever stale and there is nothing to invalidate.

Only the parse is remembered, never a verdict: the bank is validated on every load, so
a change to coach's checks applies at once. The cache is a convenience and never a
reason to fail: a folder that cannot be made or written, a cache file that cannot be
read or does not parse, and the file is parsed again (and the copy rewritten, whole,
by an atomic rename). JSON, not pickle or marshal: a cache file is read as data only.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any

# Bumped if the cached form changes; part of every name, so old copies are just unused.
FORMAT = "1"
# Copies kept: each edit of a consultant's bank makes a new one; the oldest go first.
KEEP = 64


def cache_dir() -> Path:
    """Where parsed bank files are kept (made on first write, 0700)."""
    if os.environ.get("COACH_CACHE_DIR"):
        return Path(os.environ["COACH_CACHE_DIR"]).expanduser() / "bank"
    import platformdirs

    return Path(platformdirs.user_cache_dir("coach", appauthor=False)) / "bank"


def parse_toml(raw: bytes, text: str) -> dict[str, Any]:
    """The tables of `text` (the decoded `raw`); raises tomllib.TOMLDecodeError (a
    ValueError) for a broken file, exactly as parsing it would."""
    path = cache_dir() / f"{hashlib.sha256(raw).hexdigest()}-{FORMAT}.json"
    with contextlib.suppress(OSError, ValueError, RecursionError):
        tables = json.loads(path.read_bytes())
        if isinstance(tables, dict):
            return tables
    import tomllib

    tables = tomllib.loads(text)
    _remember(path, tables)
    return tables


def _remember(path: Path, tables: dict[str, Any]) -> None:
    try:
        # TOML dates and times have no JSON form: such a file is parsed every time.
        data = json.dumps(tables, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except (TypeError, ValueError, RecursionError):
        return
    import tempfile  # only when a copy is written: most runs only read one

    with contextlib.suppress(OSError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except OSError:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            return
        _prune(path.parent)


def _prune(folder: Path) -> None:
    """Only the KEEP newest copies stay (run when one is written, so rarely)."""
    with contextlib.suppress(OSError):
        copies = sorted((e.stat().st_mtime_ns, e.path) for e in os.scandir(folder)
                        if e.name.endswith(".json") and not e.name.startswith("."))
        for _mtime, old in copies[:-KEEP]:
            os.unlink(old)
