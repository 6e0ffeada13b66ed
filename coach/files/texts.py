"""What coach says about the files a person names, as Msg of the `files` catalog.

Below the faces nobody knows the language the person reads now, so these are messages
said later (`coach.i18n.Msg`). Python's own texts (the OS's "No such file or
directory", json's "Expecting value", tomllib's "Expected ']' ...") are English only:
they are replaced here by our words, keeping what matters (the line and the column).
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

from coach.i18n import Deferred, Msg
from coach.textsafe import clean

_tr = Deferred("files")


def shown(path: Path | str) -> str:
    """A path as typed may hold escape sequences: printed, never obeyed."""
    return clean(str(path), single_line=True)


# -- writing ---------------------------------------------------------------------------
def exists(path: Path) -> Msg:
    """FileExists's own words; each face asks its own question instead (see coach.errors)."""
    return _tr.gettext("{path}: the file already exists").format(path=shown(path))


def is_folder(path: Path) -> Msg:
    return _tr.gettext("{path}: is a folder, not a file").format(path=shown(path))


def no_folder(path: Path, folder: Path) -> Msg:
    return _tr.gettext("{path}: the folder {folder} does not exist").format(
        path=shown(path), folder=shown(folder))


def not_a_folder(path: Path, part: Path) -> Msg:
    """`-o notes.txt/plan.md`: notes.txt exists, it is just not a folder."""
    return _tr.gettext("{path}: {part} is a file, not a folder").format(
        path=shown(path), part=shown(part))


def is_disk(path: Path) -> Msg:
    return _tr.gettext("{path}: is a disk device, not a file; coach does not write onto "
                       "disks").format(path=shown(path))


def is_socket(path: Path) -> Msg:
    return _tr.gettext("{path}: is a socket, not a file").format(path=shown(path))


def link_unclear(path: Path) -> Msg:
    """A link the system follows to a file that has no name coach can reach (a deleted
    file held open, /proc's links): replacing "it" could only make another file."""
    return _tr.gettext("{path}: the file this link leads to cannot be reached by its "
                       "name").format(path=shown(path))


def write_failed(path: Path, exc: OSError) -> Msg:
    return _tr.gettext("{path}: could not write the file ({reason})").format(
        path=shown(path), reason=os_reason(exc))


# -- reading (each said after the file's name: "plan.toml: not a UTF-8 text file") ------
def cannot_read(exc: OSError) -> Msg:
    return _tr.gettext("cannot read the file: {reason}").format(reason=os_reason(exc))


def not_utf8() -> Msg:
    return _tr.gettext("not a UTF-8 text file")


# Why the system refused, for the errors people actually meet.
_OS_REASONS = {
    errno.ENOENT: _tr.gettext("it does not exist"),
    errno.EISDIR: _tr.gettext("it is a folder, not a file"),
    errno.ENOTDIR: _tr.gettext("part of the path is not a folder"),
    errno.EACCES: _tr.gettext("permission denied"),
    errno.EPERM: _tr.gettext("permission denied"),
    errno.ENOSPC: _tr.gettext("no space left on the disk"),
    errno.EROFS: _tr.gettext("the disk is read-only"),
    errno.ENAMETOOLONG: _tr.gettext("the name is too long"),
    errno.ELOOP: _tr.gettext("too many symbolic links (a link that leads back to itself?)"),
    errno.EPIPE: _tr.gettext("the program reading it stopped reading"),
}


def os_reason(exc: OSError) -> Msg:
    """The OS's refusal in the user's language (not Python's English strerror)."""
    found = _OS_REASONS.get(exc.errno or 0)
    if found is not None:
        return found
    code = errno.errorcode.get(exc.errno or 0, exc.__class__.__name__)
    return _tr.gettext("system error {code}").format(code=code)


# -- JSON ------------------------------------------------------------------------------
# What went wrong, by the start of json's message (CPython's decoder); the first wins.
_JSON_PROBLEMS = (
    ("Expecting property name", _tr.gettext(
        "a field name must be in double quotes (and no comma before a closing })")),
    ("Expecting ':'", _tr.gettext("a field name must be followed by : and a value")),
    ("Expecting ','", _tr.gettext("a comma is missing between two values")),
    ("Illegal trailing comma", _tr.gettext("a comma is followed by no value")),
    ("Unterminated string", _tr.gettext("a text is not closed by its double quote")),
    ("Invalid control character", _tr.gettext(
        "a text holds a line break or a control character (write \\n for a line break)")),
    ("Invalid \\", _tr.gettext("a backslash in a text must be doubled (\\\\)")),
    ("Extra data", _tr.gettext("something follows the end of the document")),
    ("Expecting value", _tr.gettext(
        "a value is missing or not valid (text needs double quotes; true, false and null "
        "are written in lower case)")),
)


def json_problem(line: int, column: int, message: str) -> Msg:
    """A json error said in the user's language, with its line and column."""
    problem = next((said for start, said in _JSON_PROBLEMS if message.startswith(start)),
                   None) or _tr.gettext("unexpected character")
    return _tr.gettext("not valid JSON at line {line}, column {column}: {problem}").format(
        line=line, column=column, problem=problem)


# -- TOML ------------------------------------------------------------------------------
# tomllib's messages end with "(at line 3, column 7)" or "(at end of document)".
_AT = re.compile(r"\(at line (\d+), column (\d+)\)\s*$")
_AT_END = re.compile(r"\(at end of document\)\s*$")
_BACKSLASH = _tr.gettext("a backslash in a text must be doubled (\\\\) or the text put in "
                         "single quotes")
_NOT_CLOSED = _tr.gettext("a text is not closed by its quote")
_GIVEN_TWICE = _tr.gettext("this field or table is already given above")
# What went wrong, by the start of tomllib's message; the first match wins.
_TOML_PROBLEMS = (
    ("Expected ']]'", _tr.gettext("a [[table]] heading is not closed with ]]")),
    ("Expected ']'", _tr.gettext("a [table] heading is not closed with ]")),
    ("Expected '='", _tr.gettext("a field name must be followed by = and a value")),
    ("Cannot ", _GIVEN_TWICE),
    ("Duplicate ", _GIVEN_TWICE),
    ("Unterminated string", _NOT_CLOSED),
    ("Illegal character '\\n'", _NOT_CLOSED),
    ('Expected "\'"', _NOT_CLOSED),
    ("Expected '\"'", _NOT_CLOSED),
    ("Unclosed array", _tr.gettext("a list is not closed with ]")),
    ("Unclosed inline table", _tr.gettext("a { ... } table is not closed with }")),
    ("Unescaped '\\'", _BACKSLASH),
    ("Invalid hex value", _BACKSLASH),
    ("Escaped character", _BACKSLASH),
    ("Invalid date", _tr.gettext("a date is not valid (write it as 2026-11-22)")),
    ("Invalid value", _tr.gettext("the value is not valid (text needs quotes; true and false "
                                  "are written in lower case)")),
)


def toml_position(message: str) -> tuple[int | None, int | None]:
    """(line, column) of a tomllib error, when it gives them."""
    at = _AT.search(message)
    return (int(at.group(1)), int(at.group(2))) if at else (None, None)


def toml_reason(message: str) -> Msg:
    """What tomllib found wrong, in the user's words, without where (the caller says it)."""
    return next((said for start, said in _TOML_PROBLEMS if message.startswith(start)),
                None) or _tr.gettext(
        "unexpected character (text needs quotes, each field goes on its own line)")


def toml_problem(message: str) -> Msg:
    """A tomllib error message said in the user's language, with its line and column."""
    problem = toml_reason(message)
    line, column = toml_position(message)
    if line is not None:
        return _tr.gettext("not valid TOML at line {line}, column {column}: {problem}").format(
            line=line, column=column, problem=problem)
    if _AT_END.search(message):
        return _tr.gettext("not valid TOML at the end of the file: {problem}").format(
            problem=problem)
    return _tr.gettext("not valid TOML: {problem}").format(problem=problem)


def too_complex() -> Msg:
    """Nesting deeper than a reader can follow, or an integer with thousands of digits."""
    return _tr.gettext("nested too deeply, or holds a number too long to read")
