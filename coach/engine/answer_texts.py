"""Messages about a wrong answers file (coach.answers), kept in the engine catalog.

coach.answers sits outside any catalog folder; its messages live here so they are
extracted with the engine's and exist in French and English. Each is the part of a
line after the field path: `platforms[2].hours_per_week: -4 is not between 0 and 168`.
"""

from __future__ import annotations

from coach.i18n import N_

NOT_TABLE_TOP = N_("the answers must be a table (version, profile, platforms)")
MISSING = N_("required field is missing")
UNKNOWN_KEY = N_("unknown field")
NO_VERSION = N_("missing: add version = 1 at the top of the file")
BAD_VERSION = N_("unsupported version {value} (this coach reads version 1)")
EXPECTED_TEXT = N_("expected text, got {value}")
EXPECTED_NUMBER = N_("expected a number, got {value}")
EXPECTED_WHOLE = N_("expected a whole number, got {value}")
EXPECTED_BOOL = N_("expected true or false, got {value}")
EXPECTED_LIST = N_("expected a list, got {value}")
EXPECTED_TABLE = N_("expected a table, got {value}")
NOT_FINITE = N_("{value} is not a finite number")
NOT_BETWEEN = N_("{value} is not between {low} and {high}")
NEGATIVE = N_("{value} is negative")
AT_LEAST = N_("{value} is less than {low}")
AT_MOST = N_("{value} is more than {high}")
EMPTY = N_("cannot be empty")
TOO_LONG = N_("is {value} characters long; an answer can have at most {high}")
NO_AUDIENCE = N_("name at least one audience")
TWICE = N_("{value} is listed twice")
PLATFORM_TWICE = N_("platform {value} is already listed at {first}")
TOO_MANY_HOURS = N_("the platforms add up to {hours} hours a week, more than the 168 hours "
                    "in a week")
UNKNOWN_QUESTION = N_("unknown question {value}")
QUESTION_HAS_FIELD = N_("question {value} is answered by the field {field}, not in extra")
QUESTION_ELSEWHERE = N_("question {value} is not asked here (it belongs in {place})")
QUESTION_NOT_FOR = N_("question {value} is not asked for platform {platform}")
NOT_A_CHOICE = N_("{value} is not one of: {choices}")

# "unknown <what> 'x'", one message per vocabulary table (the nouns differ in gender
# in French, so the whole sentence is translated).
UNKNOWN = {
    "platforms": N_("unknown platform {value}"),
    "audiences": N_("unknown audience {value}"),
    "goals": N_("unknown goal {value}"),
    "activities": N_("unknown activity {value}"),
    "measures": N_("unknown measure {value}"),
    "results": N_("unknown result {value}"),
    "space_kinds": N_("unknown space kind {value}"),
    "kinds": N_("unknown kind {value}"),
    "markets": N_("unknown market {value}"),
    "reasons": N_("unknown reason {value}"),
}
UNKNOWN_ID = N_("unknown id {value}")
EXPECTED_DATE = N_("expected a date (YYYY-MM-DD), got {value}")
KEEP_CHOICE = N_("{value} is not measured or declared")
