"""The question bank as plain, immutable data (no I/O here: see coach.bank.load).

Everything the product asks and every id the answers file may use comes from the
bank in `data/`, so a consultant can adapt it without touching code. Each
user-facing text carries both languages (`LText`).
"""

# No `from __future__ import annotations`: NamedTuple would compile every string annotation
# into a ForwardRef at import, on every run that loads the bank.
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Literal, NamedTuple

from coach.bank.routine_book import EMPTY_BOOK, RoutineBook

Lang = Literal["en", "fr", "fr-CA", "fr-FR"]
QuestionType = Literal["single", "multi", "ranked", "yesno", "number", "text", "spaces"]
Section = Literal["profile", "inventory", "platform"]

# Immutable records are NamedTuples, in the bank as in the engine: one style, with
# equality, hash, repr, pickling and `_replace` for free. Measured before choosing
# (class creation at import, median of 200, Python 3.11): NamedTuple 0.09 ms a class,
# a frozen dataclass 0.93 ms (its methods are generated from source), a hand-written
# slotted class 0.007 ms but with its own __init__, __eq__, __hash__ and __repr__ to
# keep right. Eleven record types make NamedTuple about 1 ms, where dataclasses cost 10.


class LText(NamedTuple):
    """A text in both languages, with a region's own French where its words differ.

    `regional` holds (lang, text) pairs, e.g. ("fr-FR", "… par e-mail"): the bank writes
    `text.fr-FR = "…"` beside `text.fr` only for a phrase France says otherwise; every
    other French reader gets `fr` (which speaks as in Québec, coach's plain French).
    """

    en: str
    fr: str
    regional: tuple[tuple[str, str], ...] = ()

    def get(self, lang: str) -> str:
        if lang.startswith("fr"):
            for key, text in self.regional:
                if key == lang:
                    return text
            return self.fr
        return self.en


_NO_WORDING: Mapping[str, LText] = MappingProxyType({})


class Term(NamedTuple):
    """A vocabulary entry: an id used in answers files, and its names.

    `tag` carries the entry's class where it has one: for measures "vanity",
    "action" or "none"; for activities the practice ("conversation",
    "broadcast", "monitoring", "browsing", "ads"); for goals "action" or
    "challenged" (awareness). `help` says what the entry means.
    """

    id: str
    name: LText
    tag: str = ""
    help: LText | None = None


class Platform(NamedTuple):
    id: str
    name: LText
    spaces: tuple[str, ...]            # space kinds it offers (page, group, forum, ...)
    markets: tuple[str, ...]           # default fit: b2b | b2c | public
    modes: tuple[str, ...]             # default fit: conversation | broadcast | monitoring
    owned: bool                        # owned (site, newsletter) or rented (a network)
    note: LText                        # default fit note, a default the user may correct
    space_hint: LText                  # what kind of space to look for when none is named
    # How questions name it inside a sentence when the bare name reads badly there
    # ("on your newsletter", not "on Email newsletter"); None: the name itself.
    phrase: LText | None = None

    def in_sentence(self, lang: str) -> str:
        return (self.phrase or self.name).get(lang)


class Choice(NamedTuple):
    id: str
    label: LText


class Condition(NamedTuple):
    """Show a question only when an earlier answer calls for it.

    Exactly one of `equals` (single, yesno, number, text), `includes` (multi,
    ranked: the answer list contains the value) or `one_of` (single: the answer is
    one of these values) is set. Use `holds()` rather than reading them directly.
    """

    question: str
    equals: Any = None
    includes: str | None = None
    one_of: tuple[Any, ...] = ()

    def holds(self, answer: Any) -> bool:
        """Whether the earlier question's answer calls for the conditional question.

        An unanswered earlier question (None) never calls for it.
        """
        if answer is None:
            return False
        if self.includes is not None:
            return isinstance(answer, list | tuple) and self.includes in answer
        if self.one_of:
            return answer in self.one_of
        if isinstance(answer, bool) or isinstance(self.equals, bool):
            return answer is self.equals   # yes/no: True must not match 1
        return bool(answer == self.equals)


class Question(NamedTuple):
    id: str                            # unique across the bank
    section: Section
    type: QuestionType
    text: LText                        # may hold {platform}, filled with the platform name
    help: LText                        # why it is asked
    field: str | None = None           # answers-file field it fills; None: stored in `extra`
    options: str | None = None         # a vocabulary table name ("audiences", ...), or
    choices: tuple[Choice, ...] = ()   # inline choices
    minimum: float | None = None       # number questions
    maximum: float | None = None
    unit: LText | None = None
    when: Condition | None = None
    platforms: tuple[str, ...] = ()    # asked only for these platforms (empty: all)
    wording: Mapping[str, LText] = _NO_WORDING   # platform id -> its text for it
    required: bool = True
    for_kind: Mapping[str, LText] = _NO_WORDING  # profile kind -> its text ("nonprofit")

    @property
    def key(self) -> str:
        """Where the answer goes in its answers-file entry: the field, else `extra.<id>`."""
        return self.field if self.field else f"extra.{self.id}"

    def asked_for(self, platform_id: str) -> bool:
        """Whether this (inventory or platform) question applies to the platform."""
        return not self.platforms or platform_id in self.platforms

    def text_for(self, lang: str, platform: Platform | None = None,
                 kind: str | None = None) -> str:
        """The question in `lang`, with the platform-specific wording when there is one,
        else the wording for who is assessed (`kind`: a food bank is not asked about
        clients), else its text."""
        base = self.for_kind.get(kind or "", self.text)
        if platform:
            base = self.wording.get(platform.id, base)
        name = platform.in_sentence(lang) if platform else ""
        return base.get(lang).replace("{platform}", name)


_NO_TEXTS: Mapping[str, LText] = MappingProxyType({})


class Tracking(NamedTuple):
    """What measured time belongs to a platform (data/tracking.toml): sites (with their
    subdomains), desktop app names and Android packages."""

    platform: str
    domains: tuple[str, ...] = ()
    apps: tuple[str, ...] = ()
    packages: tuple[str, ...] = ()


class Bank(NamedTuple):
    """The whole bank; derive a variant with `bank._replace(questions=...)`."""

    platforms: tuple[Platform, ...]
    vocab: Mapping[str, tuple[Term, ...]]   # audiences, goals, activities, measures,
                                            # results, space_kinds, kinds, markets, reasons
    questions: tuple[Question, ...]
    rules: Mapping[str, Any]                # data/rules.toml, as loaded
    texts: Mapping[str, LText] = _NO_TEXTS
    routines: RoutineBook = EMPTY_BOOK       # data/routines.toml (the engine says them)
    tracking: tuple[Tracking, ...] = ()     # data/tracking.toml (optional)

    def platform(self, platform_id: str) -> Platform:
        for p in self.platforms:
            if p.id == platform_id:
                return p
        raise KeyError(platform_id)

    def terms(self, table: str) -> tuple[Term, ...]:
        return self.vocab[table]

    def term(self, table: str, term_id: str) -> Term:
        for t in self.vocab[table]:
            if t.id == term_id:
                return t
        raise KeyError(f"{table}:{term_id}")

    def ids(self, table: str) -> frozenset[str]:
        if table == "platforms":
            return frozenset(p.id for p in self.platforms)
        return frozenset(t.id for t in self.vocab[table])

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def section(self, section: Section) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.section == section)
