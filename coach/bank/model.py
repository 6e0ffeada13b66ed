"""The question bank as plain, immutable data (no I/O here: see coach.bank.load).

Everything the product asks and every id the answers file may use comes from the
bank in `data/`, so a consultant can adapt it without touching code. Each
user-facing text carries both languages (`LText`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import FrozenInstanceError, dataclass
from dataclasses import field as dc_field  # `field` is also a Question attribute
from types import MappingProxyType
from typing import Any, Literal

Lang = Literal["en", "fr"]
QuestionType = Literal["single", "multi", "ranked", "yesno", "number", "text", "spaces"]
Section = Literal["profile", "inventory", "platform"]

_NO_WORDING: Mapping[str, LText] = MappingProxyType({})


class _Record:
    """An immutable value: equality, hash, repr and copying from its `__slots__`, like a
    frozen dataclass. Every command that loads the bank imports this module, and a frozen
    dataclass costs about half a millisecond to define (its methods are generated from
    source at import); these records cost nothing."""

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values() == other._values()  # type: ignore[attr-defined]
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__qualname__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.__class__, self._values())


_set = object.__setattr__   # how a record's __init__ fills its (otherwise frozen) slots


class LText(_Record):
    """A text in both languages."""

    __slots__ = ("en", "fr")
    en: str
    fr: str

    def __init__(self, en: str, fr: str) -> None:
        _set(self, "en", en)
        _set(self, "fr", fr)

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


class Term(_Record):
    """A vocabulary entry: an id used in answers files, and its names.

    `tag` carries the entry's class where it has one: for measures "vanity",
    "action" or "none"; for activities the practice ("conversation",
    "broadcast", "monitoring", "browsing", "ads"); for goals "action" or
    "challenged" (awareness). `help` says what the entry means.
    """

    __slots__ = ("id", "name", "tag", "help")   # noqa: RUF023 (the constructor's order)
    id: str
    name: LText
    tag: str
    help: LText | None

    def __init__(self, id: str, name: LText, tag: str = "",
                 help: LText | None = None) -> None:
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "tag", tag)
        _set(self, "help", help)


# Still a dataclass: quick mode renames a platform with dataclasses.replace().
@dataclass(frozen=True)
class Platform:
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


class Choice(_Record):
    __slots__ = ("id", "label")
    id: str
    label: LText

    def __init__(self, id: str, label: LText) -> None:
        _set(self, "id", id)
        _set(self, "label", label)


class Condition(_Record):
    """Show a question only when an earlier answer calls for it.

    Exactly one of `equals` (single, yesno, number, text), `includes` (multi,
    ranked: the answer list contains the value) or `one_of` (single: the answer is
    one of these values) is set. Use `holds()` rather than reading them directly.
    """

    __slots__ = ("question", "equals", "includes", "one_of")   # noqa: RUF023 (constructor order)
    question: str
    equals: Any
    includes: str | None
    one_of: tuple[Any, ...]

    def __init__(self, question: str, equals: Any = None, includes: str | None = None,
                 one_of: tuple[Any, ...] = ()) -> None:
        _set(self, "question", question)
        _set(self, "equals", equals)
        _set(self, "includes", includes)
        _set(self, "one_of", one_of)

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


class Question(_Record):
    __slots__ = ("id", "section", "type", "text", "help", "field", "options",  # noqa: RUF023
                 "choices", "minimum", "maximum", "unit", "when", "platforms", "wording",
                 "required")      # (in the constructor's order)
    id: str                            # unique across the bank
    section: Section
    type: QuestionType
    text: LText                        # may hold {platform}, filled with the platform name
    help: LText                        # why it is asked
    field: str | None                  # answers-file field it fills; None: stored in `extra`
    options: str | None                # a vocabulary table name ("audiences", ...), or
    choices: tuple[Choice, ...]        # inline choices
    minimum: float | None              # number questions
    maximum: float | None
    unit: LText | None
    when: Condition | None
    platforms: tuple[str, ...]         # asked only for these platforms (empty: all)
    wording: Mapping[str, LText]       # platform id -> the question's text for it
    required: bool

    def __init__(self, id: str, section: Section, type: QuestionType,
                 text: LText, help: LText, field: str | None = None,
                 options: str | None = None, choices: tuple[Choice, ...] = (),
                 minimum: float | None = None, maximum: float | None = None,
                 unit: LText | None = None, when: Condition | None = None,
                 platforms: tuple[str, ...] = (), wording: Mapping[str, LText] = _NO_WORDING,
                 required: bool = True) -> None:
        for name, value in (("id", id), ("section", section), ("type", type), ("text", text),
                            ("help", help), ("field", field), ("options", options),
                            ("choices", choices), ("minimum", minimum), ("maximum", maximum),
                            ("unit", unit), ("when", when), ("platforms", platforms),
                            ("wording", wording), ("required", required)):
            _set(self, name, value)

    @property
    def key(self) -> str:
        """Where the answer goes in its answers-file entry: the field, else `extra.<id>`."""
        return self.field if self.field else f"extra.{self.id}"

    def asked_for(self, platform_id: str) -> bool:
        """Whether this (inventory or platform) question applies to the platform."""
        return not self.platforms or platform_id in self.platforms

    def text_for(self, lang: str, platform: Platform | None = None) -> str:
        """The question in `lang`, with the platform-specific wording when there is one."""
        base = self.wording.get(platform.id, self.text) if platform else self.text
        name = platform.in_sentence(lang) if platform else ""
        return base.get(lang).replace("{platform}", name)


# Still a dataclass, like Platform: callers derive banks with dataclasses.replace().
@dataclass(frozen=True)
class Bank:
    platforms: tuple[Platform, ...]
    vocab: Mapping[str, tuple[Term, ...]]   # audiences, goals, activities, measures,
                                            # results, space_kinds, kinds, markets, reasons
    questions: tuple[Question, ...]
    rules: Mapping[str, Any]                # data/rules.toml, as loaded
    texts: Mapping[str, LText] = dc_field(default_factory=lambda: MappingProxyType({}))

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
