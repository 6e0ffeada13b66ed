"""Check a bank folder and say, one line per problem, what is wrong and where.

Every problem reads "file: entry: field: message" (for example
`questions.toml: question 'why': text.fr: missing French text`), so a consultant
who adapted a copy of data/ can fix it without reading code. The checks work on
the plain TOML tables, before any object is built, so that all problems are
reported at once rather than the first one only.

What the rules in rules.toml mean is the engine's to check (`coach.engine.check_rules`):
the bank sits below the engine and never imports it, so a caller that uses the engine
hands its check in (`check_rules=`), and its problems join the bank's, file first.
Problems are `BankProblem`s said by the face, in the reader's language.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from coach.bank.fields import HOURS_FIELDS, HOURS_IN_WEEK, fields_for
from coach.bank.messages import BankProblem, Joined, _
from coach.bank.reasons import REASON_TAGS
from coach.bank.routines import RoutinesChecker
from coach.bank.source import BUNDLED_ROUTINES, read_bank_files
from coach.bank.tracking import check_tracking
from coach.errors import FieldProblem, Line


class RulesCheck(Protocol):
    """The engine's check of rules.toml (`coach.engine.check_rules`), handed in by callers."""

    def __call__(self, raw: Mapping[str, Any], *,
                 known_ids: Collection[str]) -> Sequence[FieldProblem]: ...


VOCAB_TABLES: tuple[str, ...] = ("audiences", "goals", "activities", "measures", "results",
                                 "space_kinds", "kinds", "markets", "reasons")
# Tags that carry meaning for the engine; other tables take free tags.
VOCAB_TAGS: dict[str, frozenset[str]] = {
    "measures": frozenset({"vanity", "action", "none"}),
    "goals": frozenset({"action", "challenged"}),
    "activities": frozenset({"conversation", "broadcast", "monitoring", "browsing", "ads"}),
    "reasons": REASON_TAGS,
}
# Tables whose entries may go untagged (a reason then counts by its id: coach.bank.reasons).
UNTAGGED_OK: frozenset[str] = frozenset({"reasons"})
PLATFORM_MARKETS = frozenset({"b2b", "b2c", "public"})
PLATFORM_MODES = frozenset({"conversation", "broadcast", "monitoring"})
SECTIONS: tuple[str, ...] = ("profile", "inventory", "platform")
QUESTION_TYPES = frozenset({"single", "multi", "ranked", "yesno", "number", "text", "spaces"})
CHOICE_TYPES = frozenset({"single", "multi", "ranked"})
QUESTION_KEYS = frozenset({"id", "section", "type", "text", "help", "field", "options",
                           "choices", "min", "max", "unit", "when", "platforms", "wording",
                           "required", "for_kind"})
TERM_KEYS = frozenset({"id", "name", "help", "tag"})
PLATFORM_KEYS = frozenset({"id", "name", "spaces", "markets", "modes", "owned", "note",
                           "space_hint", "phrase"})
CONDITION_KEYS = frozenset({"question", "equals", "includes", "one_of"})
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def check_bank(path: Path | str, *, check_rules: RulesCheck | None = None
               ) -> list[BankProblem]:
    """All problems of the bank in `path` (an empty list: the bank is good)."""
    raws, problems = read_bank_files(Path(path))
    return problems + check_raw(raws, check_rules=check_rules)


def check_raw(raws: Mapping[str, Mapping[str, Any]], *,
              check_rules: RulesCheck | None = None) -> list[BankProblem]:
    """Problems in already-parsed files (a file missing from `raws` was reported already).

    `check_rules(rules, known_ids=...)` checks rules.toml (the engine's
    `coach.engine.check_rules`); without it, rules.toml is not looked at.
    """
    checker = _Checker()
    if "vocabulary.toml" in raws:
        checker.vocabulary(raws["vocabulary.toml"])
    if "platforms.toml" in raws:
        checker.platforms(raws["platforms.toml"])
    # Questions are read against the vocabulary (fields, choices, conditions): with that
    # file broken or missing (reported already), each reference would be one more false
    # problem, so they wait until it reads.
    if "questions.toml" in raws and "vocabulary.toml" in raws:
        checker.questions(raws["questions.toml"],
                          complete="vocabulary.toml" in raws and "platforms.toml" in raws)
    routines = raws.get("routines.toml", raws.get(BUNDLED_ROUTINES))
    if routines is not None and {"vocabulary.toml", "platforms.toml"} <= raws.keys():
        # Read against the platforms and the vocabulary: with either broken (reported
        # already), each reference would be one more false problem.
        routines_checker = RoutinesChecker(
            checker.platform_ids, checker.vocab_ids.get("space_kinds", []),
            checker.vocab_ids.get("goals", []), strict="routines.toml" in raws)
        routines_checker.check(routines)
        checker.problems += routines_checker.problems
    if "tracking.toml" in raws:
        known_platforms = checker.platform_ids if "platforms.toml" in raws else None
        checker.problems += check_tracking(raws["tracking.toml"], known_platforms)
    if "rules.toml" in raws and check_rules is not None:
        # The ids rules may name are known only once both files read (empty: any id).
        known = (checker.known_ids() if {"vocabulary.toml", "platforms.toml"} <= raws.keys()
                 else ())
        for problem in check_rules(raws["rules.toml"], known_ids=known):
            checker.add("rules.toml", None, problem.path, problem.message)
    return checker.problems


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class _Checker:
    def __init__(self) -> None:
        self.problems: list[BankProblem] = []
        self.vocab_ids: dict[str, list[str]] = {}
        self.platform_ids: list[str] = []
        self.platform_spaces: dict[str, list[str]] = {}

    # ------------------------------------------------------------ helpers
    def add(self, file: str, entry: Line | None, field: str | None, message: Line) -> None:
        self.problems.append(BankProblem(file, entry, field, message))

    def known_ids(self) -> Collection[str]:
        """Every vocabulary and platform id (what rules.toml may name)."""
        return {i for ids in self.vocab_ids.values() for i in ids} | set(self.platform_ids)

    def ltext(self, file: str, entry: Line, field: str, value: Any, *,
              required: bool = True) -> None:
        """A text in both languages: a table with non-empty `en` and `fr`."""
        if value is None:
            if required:
                self.add(file, entry, field, _("missing (a table with en and fr texts)"))
            return
        if not isinstance(value, Mapping):
            self.add(file, entry, field, _("expected a table with en and fr texts"))
            return
        for lang, missing in (("en", _("missing English text")),
                              ("fr", _("missing French text"))):
            text = value.get(lang)
            if text is None or (isinstance(text, str) and not text.strip()):
                self.add(file, entry, f"{field}.{lang}", missing)
            elif not isinstance(text, str):
                self.add(file, entry, f"{field}.{lang}", _("expected text"))
        for key in value:
            if key in ("fr-CA", "fr-FR"):  # a region's own French, where its words differ
                text = value[key]
                if not isinstance(text, str) or not text.strip():
                    self.add(file, entry, f"{field}.{key}", _("expected text"))
            elif key not in ("en", "fr"):
                self.add(file, entry, f"{field}.{key}",
                         _("unknown language (use en and fr, or fr-CA and fr-FR for a "
                           "region's own French)"))

    def unknown_keys(self, file: str, entry: Line, table: Mapping[str, Any],
                     allowed: frozenset[str]) -> None:
        for key in table:
            if key not in allowed:
                self.add(file, entry, str(key), _("unknown key (expected one of: {keys})")
                         .format(keys=", ".join(sorted(allowed))))

    def id_list(self, file: str, entry: Line, field: str, value: Any,
                known: list[str] | frozenset[str], what: Line, *, allow_empty: bool = True
                ) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(file, entry, field, _("expected a list of ids"))
            return []
        if not value and not allow_empty:
            self.add(file, entry, field, _("must not be empty"))
        # With nothing known (the file that declares these ids is broken or missing, and
        # was reported), every id would be "unknown": one problem, not one per reference.
        for item in value if known else ():
            if item not in known:
                self.add(file, entry, field, _("unknown {what} {id!r} (known: {known})")
                         .format(what=what, id=item, known=", ".join(sorted(set(known)))))
        seen: set[str] = set()
        for item in value:
            if item in seen:
                self.add(file, entry, field, _("{id!r} is listed twice").format(id=item))
            seen.add(item)
        return list(value)

    def entries(self, file: str, raw: Mapping[str, Any], table: str, label: Line
                ) -> list[tuple[Line, Mapping[str, Any]]]:
        """The `[[table]]` entries with the label used in messages, duplicates reported."""
        items = raw.get(table)
        if items is None:
            self.add(file, f"[[{table}]]", None, _("table is missing"))
            return []
        if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
            self.add(file, f"[[{table}]]", None, _("expected an array of tables ([[{table}]])")
                     .format(table=table))
            return []
        if not items:
            self.add(file, f"[[{table}]]", None, _("must have at least one entry"))
        out: list[tuple[Line, Mapping[str, Any]]] = []
        first: dict[str, int] = {}
        for n, item in enumerate(items, start=1):
            ident = item.get("id")
            if isinstance(ident, str) and ident:
                entry: Line = Joined((label, repr(ident)))
                if not _ID.match(ident):
                    self.add(file, entry, "id", _("ids use lowercase letters, digits and _, "
                                                  "starting with a letter"))
                if ident in first:
                    # Still checked below, so its other mistakes show up in the same run.
                    self.add(file, entry, "id", _("duplicate id (entry {n} uses it too)")
                             .format(n=first[ident]))
                else:
                    first[ident] = n
            else:
                entry = Joined((label, f"#{n}"))
                self.add(file, entry, "id", _("missing id") if ident is None
                         else _("expected a non-empty text id"))
                continue
            out.append((entry, item))
        return out

    # ------------------------------------------------------------ vocabulary
    def vocabulary(self, raw: Mapping[str, Any]) -> None:
        file = "vocabulary.toml"
        for table in raw:
            if table not in VOCAB_TABLES:
                self.add(file, f"[[{table}]]", None, _("unknown table (expected one of: {keys})")
                         .format(keys=", ".join(VOCAB_TABLES)))
        for table in VOCAB_TABLES:
            ids: list[str] = []
            for entry, item in self.entries(file, raw, table, table):
                ids.append(item["id"])
                self.unknown_keys(file, entry, item, TERM_KEYS)
                self.ltext(file, entry, "name", item.get("name"))
                self.ltext(file, entry, "help", item.get("help"))
                tag = item.get("tag", "")
                if not isinstance(tag, str):
                    self.add(file, entry, "tag", _("expected text"))
                elif (table in VOCAB_TAGS and tag not in VOCAB_TAGS[table]
                      and not (tag == "" and table in UNTAGGED_OK)):
                    self.add(file, entry, "tag", _("unknown tag {tag!r} (expected one of: {keys})")
                             .format(tag=tag, keys=", ".join(sorted(VOCAB_TAGS[table]))))
            self.vocab_ids[table] = ids

    # ------------------------------------------------------------ platforms
    def platforms(self, raw: Mapping[str, Any]) -> None:
        file = "platforms.toml"
        for table in raw:
            if table != "platforms":
                self.add(file, f"[{table}]", None, _("unknown table (expected [[platforms]])"))
        space_kinds = self.vocab_ids.get("space_kinds")
        for entry, item in self.entries(file, raw, "platforms", _("platform")):
            self.platform_ids.append(item["id"])
            self.unknown_keys(file, entry, item, PLATFORM_KEYS)
            for field in ("name", "note", "space_hint"):
                self.ltext(file, entry, field, item.get(field))
            self.ltext(file, entry, "phrase", item.get("phrase"), required=False)
            spaces = item.get("spaces")
            if spaces is None:
                self.add(file, entry, "spaces", _("is required"))
            elif space_kinds is not None:
                self.platform_spaces[item["id"]] = self.id_list(
                    file, entry, "spaces", spaces, space_kinds, _("space kind"),
                    allow_empty=False)
            for field, known, what in (("markets", PLATFORM_MARKETS, _("market")),
                                       ("modes", PLATFORM_MODES, _("mode"))):
                if field not in item:
                    self.add(file, entry, field, _("is required"))
                else:
                    self.id_list(file, entry, field, item[field], known, what)
            if "owned" not in item:
                self.add(file, entry, "owned", _("is required"))
            elif not isinstance(item["owned"], bool):
                self.add(file, entry, "owned", _("expected true or false"))

    # ------------------------------------------------------------ questions
    def questions(self, raw: Mapping[str, Any], *, complete: bool) -> None:
        file = "questions.toml"
        for table in raw:
            if table not in ("question", "texts"):
                self.add(file, f"[{table}]", None,
                         _("unknown table (expected [[question]] and [texts])"))
        texts = raw.get("texts", {})
        if not isinstance(texts, Mapping):
            self.add(file, "[texts]", None, _("expected a table of texts"))
        else:
            for key, value in texts.items():
                self.ltext(file, f"texts {key!r}", "text", value)
        result_ids = self.vocab_ids.get("results", [])
        seen: dict[str, Mapping[str, Any]] = {}   # earlier questions, by id
        covered: dict[str, list[Line]] = {}
        last_section = 0
        for entry, q in self.entries(file, raw, "question", "question"):
            self.unknown_keys(file, entry, q, QUESTION_KEYS)
            section = q.get("section")
            if not isinstance(section, str) or section not in SECTIONS:
                self.add(file, entry, "section", _("expected one of: {keys}")
                         .format(keys=", ".join(SECTIONS)))
                section = None
            else:
                index = SECTIONS.index(section)
                if index < last_section:
                    self.add(file, entry, "section",
                             _("sections must come in order: profile, inventory, platform"))
                last_section = max(last_section, index)
            qtype = q.get("type")
            if not isinstance(qtype, str) or qtype not in QUESTION_TYPES:
                self.add(file, entry, "type", _("expected one of: {keys}")
                         .format(keys=", ".join(sorted(QUESTION_TYPES))))
                qtype = None
            self.ltext(file, entry, "text", q.get("text"))
            self.ltext(file, entry, "help", q.get("help"))
            self._placeholders(file, entry, "text", q.get("text"), section)
            required = q.get("required", True)
            if not isinstance(required, bool):
                self.add(file, entry, "required", _("expected true or false"))
            choice_ids = self._choices(file, entry, q, qtype)
            if qtype == "number":
                self._number(file, entry, q)
            else:
                for key in ("min", "max", "unit"):
                    if key in q:
                        self.add(file, entry, key, _("only number questions take {key}")
                                 .format(key=key))
            if section is not None:
                self._field(file, entry, q, section, qtype, result_ids, covered)
                self._platform_scope(file, entry, q, section)
                self._for_kind(file, entry, q, section)
            if "when" in q:
                self._condition(file, entry, q["when"], seen)
            seen.setdefault(q["id"], {"section": section, "type": qtype,
                                      "_choice_ids": choice_ids})
        if complete:
            self._coverage(file, covered, result_ids)

    def _placeholders(self, file: str, entry: Line, field: str, text: Any,
                      section: str | None) -> None:
        if not isinstance(text, Mapping):
            return
        for lang, value in text.items():
            if not isinstance(value, str):
                continue
            for name in _PLACEHOLDER.findall(value):
                if name != "platform" or section == "profile":
                    self.add(file, entry, f"{field}.{lang}",
                             _("unknown placeholder {{{name}}} (only {{platform}}, "
                                    "in inventory and platform questions)").format(name=name))

    def _choices(self, file: str, entry: Line, q: Mapping[str, Any], qtype: str | None
                 ) -> list[Any]:
        """The ids an answer may take (for conditions); problems reported on the way."""
        has_options, has_choices = "options" in q, "choices" in q
        if qtype in CHOICE_TYPES:
            if has_options == has_choices:
                self.add(file, entry, "options", _("choice questions need either options "
                                                   "(a vocabulary table) or choices, not both"))
                return []
            if has_options:
                table = q["options"]
                if not isinstance(table, str) or table not in (*VOCAB_TABLES, "platforms"):
                    self.add(file, entry, "options", _("unknown vocabulary table {table!r} "
                                                       "(expected one of: {keys})")
                             .format(table=table, keys=", ".join((*VOCAB_TABLES, "platforms"))))
                    return []
                if table == "platforms":
                    return list(self.platform_ids)
                return list(self.vocab_ids.get(table, []))
            items = q["choices"]
            if not isinstance(items, list) or not all(isinstance(c, Mapping) for c in items):
                self.add(file, entry, "choices", _("expected an array of tables with id and label"))
                return []
            if len(items) < 2:
                self.add(file, entry, "choices", _("needs at least two choices"))
            ids: list[Any] = []
            for n, choice in enumerate(items, start=1):
                cid = choice.get("id")
                where = f"choices[{n}]"
                if not isinstance(cid, str) or not _ID.match(cid):
                    self.add(file, entry, f"{where}.id", _("ids use lowercase letters, digits "
                                                           "and _, starting with a letter"))
                    continue
                if cid in ids:
                    self.add(file, entry, f"{where}.id", _("duplicate id {id!r}").format(id=cid))
                ids.append(cid)
                self.unknown_keys(file, Joined((entry, where), ": "), choice,
                                  frozenset({"id", "label"}))
                self.ltext(file, entry, f"{where}.label", choice.get("label"))
            return ids
        for key in ("options", "choices"):
            if key in q:
                self.add(file, entry, key, _("only single, multi and ranked questions take {key}")
                         .format(key=key))
        if qtype == "yesno":
            return [True, False]
        return []

    def _number(self, file: str, entry: Line, q: Mapping[str, Any]) -> None:
        low, high = q.get("min"), q.get("max")
        for key, value in (("min", low), ("max", high)):
            if value is None:
                self.add(file, entry, key, _("number questions need a {key}").format(key=key))
            elif not _is_number(value) or not math.isfinite(value):
                self.add(file, entry, key, _("expected a number"))
        if _is_number(low) and _is_number(high) and not low < high:
            self.add(file, entry, "min", _("min ({low}) must be less than max ({high})")
                     .format(low=low, high=high))
        field = q.get("field")
        if isinstance(field, str) and field in HOURS_FIELDS:
            if _is_number(low) and low < 0:
                self.add(file, entry, "min", _("hours cannot be negative"))
            if _is_number(high) and high > HOURS_IN_WEEK:
                self.add(file, entry, "max", _("a week has {n} hours").format(n=HOURS_IN_WEEK))
        elif isinstance(field, str) and field.startswith("results_90d.") and _is_number(low) \
                and low < 0:
            self.add(file, entry, "min", _("results cannot be negative"))
        self.ltext(file, entry, "unit", q.get("unit"))

    def _field(self, file: str, entry: Line, q: Mapping[str, Any], section: str,
               qtype: str | None, result_ids: list[str], covered: dict[str, list[Line]]) -> None:
        if "field" not in q:
            return
        field = q["field"]
        core, optional = fields_for(section, result_ids)
        known = {**core, **optional}
        if not isinstance(field, str) or field not in known:
            self.add(file, entry, "field", _("{field!r} is not an answers-file field of the "
                                             "{section} section (known: {keys})")
                     .format(field=field, section=section, keys=", ".join(sorted(known))))
            return
        covered.setdefault(("profile." if section == "profile" else "platforms[].") + field,
                           []).append(entry)
        want_type, want_table = known[field]
        if qtype is not None and qtype != want_type:
            self.add(file, entry, "type", _("field {field!r} needs a {type} question")
                     .format(field=field, type=want_type))
        if want_table is not None and "options" in q and q["options"] != want_table:
            self.add(file, entry, "options", _("field {field!r} takes its ids from the "
                                               "{table!r} table").format(field=field,
                                                                         table=want_table))
        if want_table is not None and "choices" in q:
            self.add(file, entry, "choices", _("field {field!r} takes its ids from the "
                                               "{table!r} table").format(field=field,
                                                                         table=want_table))
        if q.get("required", True) is False and field in core:
            self.add(file, entry, "required", _("a core field cannot be optional"))

    def _coverage(self, file: str, covered: dict[str, list[Line]], result_ids: list[str]) -> None:
        for section in ("profile", "platform"):
            core, _optional = fields_for(section, result_ids)
            prefix = "profile." if section == "profile" else "platforms[]."
            for field in core:
                entries = covered.get(prefix + field, [])
                if not entries:
                    self.add(file, None, prefix + field,
                             _("no question fills this answers-file field"))
        for field, entries in covered.items():
            if len(entries) > 1:
                for entry in entries[1:]:
                    self.add(file, entry, "field", _("{field!r} is already filled by {other}")
                             .format(field=field, other=entries[0]))

    def _platform_scope(self, file: str, entry: Line, q: Mapping[str, Any], section: str) -> None:
        scope: list[str] = []
        if "platforms" in q:
            if section == "profile":
                self.add(file, entry, "platforms", _("profile questions are not per platform"))
            scope = self.id_list(file, entry, "platforms", q["platforms"], self.platform_ids,
                                 _("platform"), allow_empty=False)
            field = q.get("field")
            core, _optional = fields_for(section, self.vocab_ids.get("results", []))
            if scope and isinstance(field, str) and field in core:
                self.add(file, entry, "platforms",
                         _("a core field must be asked for every platform"))
        if "wording" in q:
            wording = q["wording"]
            if section == "profile":
                self.add(file, entry, "wording", _("profile questions are not per platform"))
            if not isinstance(wording, Mapping):
                self.add(file, entry, "wording", _("expected a table of platform ids"))
                return
            for pid, text in wording.items():
                if self.platform_ids and pid not in self.platform_ids:
                    self.add(file, entry, f"wording.{pid}", _("unknown platform {id!r}")
                             .format(id=pid))
                elif scope and pid not in scope:
                    self.add(file, entry, f"wording.{pid}",
                             _("the question is never asked for this platform"))
                self.ltext(file, entry, f"wording.{pid}", text)
                self._placeholders(file, entry, f"wording.{pid}", text, section)

    def _for_kind(self, file: str, entry: Line, q: Mapping[str, Any], section: str) -> None:
        """`[question.for_kind.<kind id>]`: the text for who is assessed."""
        if "for_kind" not in q:
            return
        table = q["for_kind"]
        if not isinstance(table, Mapping):
            self.add(file, entry, "for_kind", _("expected a table of kind ids"))
            return
        kinds = self.vocab_ids.get("kinds", [])
        for kid, text in table.items():
            if kinds and kid not in kinds:
                self.add(file, entry, f"for_kind.{kid}", _("unknown kind {id!r}").format(id=kid))
            self.ltext(file, entry, f"for_kind.{kid}", text)
            self._placeholders(file, entry, f"for_kind.{kid}", text, section)

    def _condition(self, file: str, entry: Line, when: Any,
                   seen: Mapping[str, Mapping[str, Any]]) -> None:
        if not isinstance(when, Mapping):
            self.add(file, entry, "when", _("expected a table: {{question = ..., equals = ...}}"))
            return
        self.unknown_keys(file, entry, when, CONDITION_KEYS)
        target = when.get("question")
        tests = [k for k in ("equals", "includes", "one_of") if k in when]
        if len(tests) != 1:
            self.add(file, entry, "when", _("needs exactly one of equals, includes, one_of"))
            return
        if not isinstance(target, str):
            self.add(file, entry, "when.question", _("missing the id of an earlier question"))
            return
        if target not in seen:
            self.add(file, entry, "when.question",
                     _("{id!r} is not an earlier question (conditions look back only)")
                     .format(id=target))
            return
        earlier = seen[target]
        test, value = tests[0], when[tests[0]]
        ttype, choice_ids = earlier.get("type"), earlier.get("_choice_ids", [])
        if test == "includes" and ttype not in ("multi", "ranked"):
            self.add(file, entry, "when.includes",
                     _("includes needs a multi or ranked question; {id!r} is {type}")
                     .format(id=target, type=ttype))
            return
        if test in ("equals", "one_of") and ttype in ("multi", "ranked", "spaces"):
            self.add(file, entry, f"when.{test}",
                     _("{id!r} holds a list: use includes").format(id=target))
            return
        values = value if test == "one_of" else [value]
        if test == "one_of" and (not isinstance(value, list) or not value):
            self.add(file, entry, "when.one_of", _("expected a non-empty list"))
            return
        for v in values:
            if ttype in CHOICE_TYPES or ttype == "yesno":
                if v not in choice_ids or isinstance(v, bool) != (ttype == "yesno"):
                    self.add(file, entry, f"when.{test}",
                             _("{value!r} is not a choice of {id!r}").format(value=v, id=target))
            elif ttype == "number" and not _is_number(v):
                self.add(file, entry, f"when.{test}", _("expected a number"))
            elif ttype == "text" and not isinstance(v, str):
                self.add(file, entry, f"when.{test}", _("expected text"))
