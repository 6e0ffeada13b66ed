"""The one way coach reads and writes the files a person names (not the workspace).

Reports (`-o`, the TUI's "write report", quick mode's report file), exports, import
files and answers files all go through here, below the faces (no Click, no Textual):

    write_new(path, text)       refuse an existing name, atomically (coach/files/write.py)
    replace(path, text)         --force, or after the face asked
    write_file(path, text, force=...)
    check_target / stage / place   the same in steps, for callers that save in between
    resolve(path)               where a path leads: a link followed, a pipe or device
                                written to as a stream, a folder or disk refused
    read_json(path), read_toml(path), read_text(path)   BadFile naming the file and why

Problems are CoachErrors holding messages (Msg of the `files` catalog) that the face
says in its language; `coach.errors.FileExists` is the one each face turns into its own
question (the CLI says "add --force", the TUI and quick mode ask whether to replace).
The workspace's own files are the store's business (coach/store/fsutil.py).
"""

from __future__ import annotations

from coach.errors import FileExists
from coach.files.read import BadFile, read_bytes, read_json, read_text, read_toml
from coach.files.texts import os_reason, shown
from coach.files.write import (
    Staged,
    Target,
    check_target,
    place,
    replace,
    resolve,
    stage,
    write_file,
    write_new,
)

__all__ = [
    "BadFile",
    "FileExists",
    "Staged",
    "Target",
    "check_target",
    "os_reason",
    "place",
    "read_bytes",
    "read_json",
    "read_text",
    "read_toml",
    "replace",
    "resolve",
    "shown",
    "stage",
    "write_file",
    "write_new",
]
