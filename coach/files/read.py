"""Reading a file a person named (an export to import, an answers file): one message
naming the file and the reason, said in the face's language.

Every problem is a `BadFile`: bad input (exit 2) holding one FieldProblem whose source
is the file as typed, so it reads `lune.json: not valid JSON at line 2, column 14: ...`
in every face. The system's refusals (permission denied, a folder...) are said as
such, never taken for a damaged file; a byte-order mark some editors add is accepted.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from coach.errors import FieldErrors, FieldProblem
from coach.files import texts
from coach.i18n import Msg


class BadFile(FieldErrors):
    """A file that cannot be read or parsed: which one, why, and where when known."""

    def __init__(self, path: Path | str, message: Msg, *, line: int | None = None,
                 column: int | None = None) -> None:
        self.path = Path(path)
        self.line = line
        self.column = column
        super().__init__([FieldProblem("", message, source=texts.shown(path))])


def read_bytes(path: Path | str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise BadFile(path, texts.cannot_read(exc)) from None


def read_text(path: Path | str) -> str:
    """The file's text (UTF-8, a leading byte-order mark dropped)."""
    raw = read_bytes(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BadFile(path, texts.not_utf8()) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_json(path: Path | str) -> Any:
    """The JSON document in the file (any JSON value: the caller checks its shape)."""
    text = read_text(path)
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise BadFile(path, texts.json_problem(exc.lineno, exc.colno, exc.msg),
                      line=exc.lineno, column=exc.colno) from None
    except (RecursionError, ValueError):  # 100,000 brackets deep, a 5,000-digit integer
        raise BadFile(path, texts.too_complex()) from None


def _no_constant(name: str) -> None:
    # NaN and Infinity are not JSON; Python accepts them, and they poison plans and files.
    raise json.JSONDecodeError(f"{name} is not a JSON number", name, 0)


def read_toml(path: Path | str) -> dict[str, Any]:
    """The TOML table in the file."""
    text = read_text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column = texts.toml_position(str(exc))
        raise BadFile(path, texts.toml_problem(str(exc)), line=line, column=column) from None
    except (RecursionError, ValueError):  # 5,000 tables deep, a 5,000-digit integer
        raise BadFile(path, texts.too_complex()) from None
