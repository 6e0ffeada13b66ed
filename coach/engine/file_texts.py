"""Messages about the files `coach plan` reads (and the OS's reasons), in the engine catalog.

Like answer_texts: coach.answers and the CLI command that shows them
(coach/cli/cmd_plan.py) use the engine translator for these, so they exist in
French and English with the rest of the engine's words. Python's own texts (the
OS's "No such file or directory", tomllib's "Expected ']' ...") are English only:
they are replaced here by our words, keeping what matters (line and column).

With a `Deferred` translator the words come back as a `Msg`, said later by the face
(coach.answers raises them); with a catalog, as text.
"""

from __future__ import annotations

import errno
import re

from coach.i18n import N_, Deferred, Msg, Translator

# Why the system refused, for the errors people actually meet.
_OS_REASONS = {
    errno.ENOENT: N_("it does not exist"),
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.ENOTDIR: N_("part of the path is not a folder"),
    errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("permission denied"),
    errno.ENOSPC: N_("no space left on the disk"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENAMETOOLONG: N_("the name is too long"),
}
OS_OTHER = N_("system error {code}")


def os_reason(exc: OSError, tr: Translator | Deferred) -> str | Msg:
    """The OS's refusal in the user's language (not Python's English strerror)."""
    message = _OS_REASONS.get(exc.errno or 0)
    if message is not None:
        return tr.gettext(message)
    code = errno.errorcode.get(exc.errno or 0, exc.__class__.__name__)
    return tr.gettext(OS_OTHER).format(code=code)


# tomllib's messages end with "(at line 3, column 7)" or "(at end of document)".
_AT = re.compile(r"\(at line (\d+), column (\d+)\)\s*$")
_AT_END = re.compile(r"\(at end of document\)\s*$")
NOT_TOML_AT = N_("not valid TOML at line {line}, column {column}: {problem}")
NOT_TOML_END = N_("not valid TOML at the end of the file: {problem}")
NOT_TOML_SOMEWHERE = N_("not valid TOML: {problem}")

# What went wrong, by the start of tomllib's message; the first match wins.
_TOML_PROBLEMS = (
    ("Expected ']]'", N_("a [[table]] heading is not closed with ]]")),
    ("Expected ']'", N_("a [table] heading is not closed with ]")),
    ("Expected '='", N_("a field name must be followed by = and a value")),
    ("Cannot ", N_("this field or table is already given above")),
    ("Duplicate ", N_("this field or table is already given above")),
    ("Unterminated string", N_("a text is not closed by its quote")),
    ("Illegal character '\\n'", N_("a text is not closed by its quote")),
    ('Expected "\'"', N_("a text is not closed by its quote")),
    ("Expected '\"'", N_("a text is not closed by its quote")),
    ("Unclosed array", N_("a list is not closed with ]")),
    ("Unclosed inline table", N_("a { ... } table is not closed with }")),
    ("Unescaped '\\'", N_("a backslash in a text must be doubled (\\\\) or the text put "
                          "in single quotes")),
    ("Invalid hex value", N_("a backslash in a text must be doubled (\\\\) or the text put "
                             "in single quotes")),
    ("Escaped character", N_("a backslash in a text must be doubled (\\\\) or the text put "
                             "in single quotes")),
    ("Invalid date", N_("a date is not valid (write it as 2026-11-22)")),
    ("Invalid value", N_("the value is not valid (text needs quotes; true and false are "
                         "written in lower case)")),
)
TOML_OTHER = N_("unexpected character (text needs quotes, each field goes on its own line)")


def toml_problem(message: str, tr: Translator | Deferred) -> str | Msg:
    """A tomllib error message said in the user's language, with its line and column."""
    problem = TOML_OTHER
    for start, said in _TOML_PROBLEMS:
        if message.startswith(start):
            problem = said
            break
    problem = tr.gettext(problem)
    at = _AT.search(message)
    if at:
        return tr.gettext(NOT_TOML_AT).format(line=at.group(1), column=at.group(2),
                                              problem=problem)
    if _AT_END.search(message):
        return tr.gettext(NOT_TOML_END).format(problem=problem)
    return tr.gettext(NOT_TOML_SOMEWHERE).format(problem=problem)
