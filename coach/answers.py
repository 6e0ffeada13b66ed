"""The answers file (TOML, version 1): load, validate, normalise.

Required fields: `version = 1`; `profile.name`, `profile.kind`, `profile.market`,
`profile.goal`, `profile.audiences` (at least one, priority order) and
`profile.weekly_budget_hours`; for each `[[platforms]]`: `id`, `reason` and
`hours_per_week`. Everything else is optional and defaults to empty: `why = ""`,
`audiences_present = []`, `know_who = false`, `activities = []`, `measures = []`,
`editorial_line = false`, `results_90d` (every result kind not given is 0),
`spaces = []`, `label` (absent), `[profile.extra]` and `[platforms.extra]` (answers
to further bank questions, by question id).

Every problem is reported at once, one line each, naming the field path
(`platforms[2].hours_per_week: -4 is not between 0 and 168`), prefixed by the
file name when there is one. User text is stripped of control characters.

Problems are `FieldProblem`s whose messages are `Msg` in the engine catalog: the face
that shows them says them in its language at that moment (the TUI's live preview
follows a language switch; `coach plan` says them in the run's language).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from coach.bank.model import Bank, Question
from coach.engine import answer_texts as M
from coach.errors import FieldErrors, FieldProblem
from coach.i18n import Msg, say
from coach.model import Answers, PlatformAnswers
from coach.textsafe import clean

MAX_HOURS = 168
MEASURED_KEYS = ("source", "from", "to", "days", "hours_per_week", "unmatched_hours_per_week",
                 "keep")
# The longest text answer kept (a few pages). Longer is refused, naming the field: a
# 3 MB answer made the text plan take half a minute and the files grow for nothing.
MAX_TEXT = 5000
PROFILE_KEYS = ("name", "kind", "market", "goal", "audiences", "weekly_budget_hours", "extra")
PLATFORM_KEYS = ("id", "label", "reason", "why", "hours_per_week", "audiences_present",
                 "know_who", "activities", "measures", "editorial_line", "results_90d",
                 "spaces", "extra")
SPACE_KEYS = ("kind", "name")


class AnswersError(FieldErrors):
    """Answers that cannot be used (bad input: exit 2); one FieldProblem per problem."""

    def worded(self, lang: str) -> AnswersError:
        """The same problems with their messages said now, in `lang`: for a caller that
        keeps them as text (the store folds an import file's problems into its lines)."""
        return AnswersError([FieldProblem(p.path, say(p.message, lang), source=p.source)
                             for p in self.problems])


def _show(value: Any) -> str:
    """A wrong value as it appears in a message: repr, cut short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _shown(text: str) -> str:
    """A file name or field path as printed: its escape sequences are shown, never obeyed."""
    return clean(str(text), single_line=True)


def _num(x: float) -> str:
    return f"{x:g}"


class _Checker:
    def __init__(self, bank: Bank, source: str) -> None:
        self.bank = bank
        self.source = _shown(source) if source else None
        self.problems: list[FieldProblem] = []
        self._ids: dict[str, frozenset[str]] = {}

    # ------------------------------------------------------------ reporting
    def fail(self, path: str, message: str, **values: Any) -> None:
        # A field path can hold a key typed by the user ("\u001b]0;..." = 1): cleaned too.
        self.problems.append(FieldProblem(_shown(path), Msg("engine", message, values),
                                          source=self.source))

    def ids(self, table: str) -> frozenset[str]:
        if table not in self._ids:
            try:
                self._ids[table] = self.bank.ids(table)
            except KeyError:
                self._ids[table] = frozenset()
        return self._ids[table]

    # ------------------------------------------------------------ scalar types
    def text(self, value: Any, path: str, *, single_line: bool = True,
             required: bool = False) -> str | None:
        if not isinstance(value, str):
            self.fail(path, M.EXPECTED_TEXT, value=_show(value))
            return None
        if len(value) > MAX_TEXT:
            self.fail(path, M.TOO_LONG, value=len(value), high=MAX_TEXT)
            return None
        out = clean(value, single_line=single_line).strip()
        if required and not out:
            self.fail(path, M.EMPTY)
            return None
        return out

    def number(self, value: Any, path: str, low: float | None = None,
               high: float | None = None, *, whole: bool = False) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(path, M.EXPECTED_NUMBER, value=_show(value))
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(path, M.NOT_FINITE, value=_show(value))
            return None
        if whole and not isinstance(value, int):
            if float(value).is_integer():
                value = int(value)
            else:
                self.fail(path, M.EXPECTED_WHOLE, value=_show(value))
                return None
        if low is not None and high is not None:
            if not low <= value <= high:
                self.fail(path, M.NOT_BETWEEN, value=_num(value), low=_num(low),
                          high=_num(high))
                return None
        elif low is not None and value < low:
            if low == 0:
                self.fail(path, M.NEGATIVE, value=_num(value))
            else:
                self.fail(path, M.AT_LEAST, value=_num(value), low=_num(low))
            return None
        elif high is not None and value > high:
            self.fail(path, M.AT_MOST, value=_num(value), high=_num(high))
            return None
        return value

    def boolean(self, value: Any, path: str) -> bool | None:
        if not isinstance(value, bool):
            self.fail(path, M.EXPECTED_BOOL, value=_show(value))
            return None
        return value

    def table(self, value: Any, path: str) -> Mapping[str, Any] | None:
        if not isinstance(value, Mapping):
            self.fail(path, M.EXPECTED_TABLE, value=_show(value))
            return None
        return value

    def vocab_id(self, value: Any, path: str, table: str) -> str | None:
        if value == "":  # a draft's unanswered choice
            self.fail(path, M.MISSING)
            return None
        if not isinstance(value, str):
            self.fail(path, M.EXPECTED_TEXT, value=_show(value))
            return None
        if value not in self.ids(table):
            self.fail(path, M.UNKNOWN.get(table, M.UNKNOWN_ID), value=_show(value))
            return None
        return value

    def id_list(self, value: Any, path: str, table: str) -> list[str]:
        if not isinstance(value, list):
            self.fail(path, M.EXPECTED_LIST, value=_show(value))
            return []
        out: list[str] = []
        for i, item in enumerate(value):
            got = self.vocab_id(item, f"{path}[{i}]", table)
            if got is None:
                continue
            if got in out:
                self.fail(f"{path}[{i}]", M.TWICE, value=_show(got))
                continue
            out.append(got)
        return out

    def unknown_keys(self, data: Mapping[str, Any], path: str, known: tuple[str, ...]) -> None:
        for key in data:
            if key not in known:
                self.fail(f"{path}.{key}" if path else str(key), M.UNKNOWN_KEY)

    # ------------------------------------------------------------ the file
    def answers(self, data: Any) -> Answers | None:
        if not isinstance(data, Mapping):
            self.problems.append(FieldProblem("", Msg("engine", M.NOT_TABLE_TOP),
                                              source=self.source))
            return None
        self.unknown_keys(data, "", ("version", "profile", "platforms", "measured"))
        if "version" not in data:
            self.fail("version", M.NO_VERSION)
        elif data["version"] != 1 or isinstance(data["version"], bool):
            self.fail("version", M.BAD_VERSION, value=_show(data["version"]))
        profile = self.profile(data.get("profile"))
        raw_platforms = data.get("platforms", [])
        platforms: list[PlatformAnswers] = []
        if not isinstance(raw_platforms, list):
            self.fail("platforms", M.EXPECTED_LIST, value=_show(raw_platforms))
        else:
            first_seen: dict[str, int] = {}
            for i, raw in enumerate(raw_platforms):
                p = self.platform(raw, i)
                if p is None:
                    continue
                if p["id"] in first_seen:
                    self.fail(f"platforms[{i}].id", M.PLATFORM_TWICE, value=_show(p["id"]),
                              first=f"platforms[{first_seen[p['id']]}]")
                    continue
                first_seen[p["id"]] = i
                platforms.append(p)
            total = sum(p["hours_per_week"] for p in platforms)
            if total > MAX_HOURS:
                self.fail("platforms", M.TOO_MANY_HOURS, hours=_num(round(total, 1)))
        measured = self.measured(data["measured"]) if "measured" in data else None
        if self.problems or profile is None:
            return None
        out = {"version": 1, "profile": profile, "platforms": platforms}
        if measured is not None:
            out["measured"] = measured
        return out  # type: ignore[return-value]

    def measured(self, raw: Any) -> dict[str, Any] | None:
        """Hours a time tracker measured (coach.measured): where, when, per platform."""
        table = self.table(raw, "measured")
        if table is None:
            return None
        self.unknown_keys(table, "measured", MEASURED_KEYS)
        out: dict[str, Any] = {}
        out["source"] = self.text(table.get("source", ""), "measured.source") or ""
        for key in ("from", "to"):
            value = table.get(key)
            if value is None:
                self.fail(f"measured.{key}", M.MISSING)
                continue
            try:  # TOML gives a date, JSON (a saved draft) its ISO text
                out[key] = date.fromisoformat(str(value)).isoformat()
            except ValueError:
                self.fail(f"measured.{key}", M.EXPECTED_DATE, value=_show(value))
        days = self.number(table.get("days"), "measured.days", 1, 100_000, whole=True)
        if days is not None:
            out["days"] = int(days)
        hours = self.table(table.get("hours_per_week", {}), "measured.hours_per_week") or {}
        out["hours_per_week"] = {}
        for pid, value in hours.items():
            path = f"measured.hours_per_week.{pid}"
            if pid not in self.ids("platforms"):
                self.fail(path, M.UNKNOWN.get("platforms", M.UNKNOWN_ID), value=_show(pid))
                continue
            number = self.number(value, path, 0, MAX_HOURS)
            if number is not None:
                out["hours_per_week"][pid] = float(number)
        if "unmatched_hours_per_week" in table:
            number = self.number(table["unmatched_hours_per_week"],
                                 "measured.unmatched_hours_per_week", 0, MAX_HOURS)
            if number is not None:
                out["unmatched_hours_per_week"] = float(number)
        keep = self.table(table.get("keep", {}), "measured.keep") or {}
        out["keep"] = {}
        for pid, value in keep.items():
            if value not in ("measured", "declared"):
                self.fail(f"measured.keep.{pid}", M.KEEP_CHOICE, value=_show(value))
            else:
                out["keep"][str(pid)] = value
        return out

    def profile(self, raw: Any) -> dict | None:
        if raw is None:
            self.fail("profile", M.MISSING)
            return None
        data = self.table(raw, "profile")
        if data is None:
            return None
        data = _present(data)
        self.unknown_keys(data, "profile", PROFILE_KEYS)
        out: dict[str, Any] = {}
        for key in ("name", "kind", "market", "goal", "audiences", "weekly_budget_hours"):
            if key not in data:
                self.fail(f"profile.{key}", M.MISSING)
        if "name" in data:
            out["name"] = self.text(data["name"], "profile.name", required=True)
        for key, table in (("kind", "kinds"), ("market", "markets"), ("goal", "goals")):
            if key in data:
                out[key] = self.vocab_id(data[key], f"profile.{key}", table)
        if "audiences" in data:
            out["audiences"] = self.id_list(data["audiences"], "profile.audiences", "audiences")
            if isinstance(data["audiences"], list) and not data["audiences"]:
                self.fail("profile.audiences", M.NO_AUDIENCE)
        if "weekly_budget_hours" in data:
            hours = self.number(data["weekly_budget_hours"], "profile.weekly_budget_hours",
                                0, MAX_HOURS)
            out["weekly_budget_hours"] = float(hours) if hours is not None else None
        out["extra"] = self.extra(data.get("extra", {}), "profile.extra", ("profile",), None)
        return out

    def platform(self, raw: Any, i: int) -> PlatformAnswers | None:
        path = f"platforms[{i}]"
        data = self.table(raw, path)
        if data is None:
            return None
        data = _present(data)
        self.unknown_keys(data, path, PLATFORM_KEYS)
        for key in ("id", "reason", "hours_per_week"):
            if key not in data:
                self.fail(f"{path}.{key}", M.MISSING)
        pid = self.vocab_id(data["id"], f"{path}.id", "platforms") if "id" in data else None
        out: dict[str, Any] = {"id": pid}
        if "label" in data:
            label = self.text(data["label"], f"{path}.label")
            if label:
                out["label"] = label
        out["reason"] = (self.vocab_id(data["reason"], f"{path}.reason", "reasons")
                         if "reason" in data else None)
        why = self.text(data.get("why", ""), f"{path}.why", single_line=False)
        out["why"] = why or ""
        hours = (self.number(data["hours_per_week"], f"{path}.hours_per_week", 0, MAX_HOURS)
                 if "hours_per_week" in data else None)
        out["hours_per_week"] = float(hours) if hours is not None else 0.0
        out["audiences_present"] = self.id_list(data.get("audiences_present", []),
                                                f"{path}.audiences_present", "audiences")
        for key in ("know_who", "editorial_line"):
            out[key] = bool(self.boolean(data.get(key, False), f"{path}.{key}"))
        out["activities"] = self.id_list(data.get("activities", []), f"{path}.activities",
                                         "activities")
        out["measures"] = self.id_list(data.get("measures", []), f"{path}.measures", "measures")
        out["results_90d"] = self.results(data.get("results_90d", {}), f"{path}.results_90d")
        out["spaces"] = self.spaces(data.get("spaces", []), f"{path}.spaces")
        out["extra"] = self.extra(data.get("extra", {}), f"{path}.extra",
                                  ("inventory", "platform"), pid)
        if pid is None:
            return None
        return out  # type: ignore[return-value]

    def results(self, raw: Any, path: str) -> dict[str, int]:
        out = {k: 0 for k in sorted(self.ids("results"), key=_result_rank)}
        data = self.table(raw, path)
        if data is None:
            return out
        for key, value in data.items():
            if key not in self.ids("results"):
                self.fail(f"{path}.{key}", M.UNKNOWN["results"], value=_show(key))
                continue
            n = self.number(value, f"{path}.{key}", 0, None, whole=True)
            if n is not None:
                out[key] = int(n)
        return out

    def spaces(self, raw: Any, path: str) -> list[dict[str, str]]:
        if not isinstance(raw, list):
            self.fail(path, M.EXPECTED_LIST, value=_show(raw))
            return []
        out = []
        for i, item in enumerate(raw):
            here = f"{path}[{i}]"
            data = self.table(item, here)
            if data is None:
                continue
            self.unknown_keys(data, here, SPACE_KEYS)
            for key in SPACE_KEYS:
                if key not in data:
                    self.fail(f"{here}.{key}", M.MISSING)
            kind = self.vocab_id(data["kind"], f"{here}.kind", "space_kinds") \
                if "kind" in data else None
            name = self.text(data["name"], f"{here}.name", required=True) \
                if "name" in data else None
            if kind and name:
                out.append({"kind": kind, "name": name})
        return out

    # ------------------------------------------------------------ extra answers
    def extra(self, raw: Any, path: str, sections: tuple[str, ...],
              platform: str | None) -> dict[str, Any]:
        data = self.table(raw, path)
        if data is None:
            return {}
        out: dict[str, Any] = {}
        for qid, value in data.items():
            here = f"{path}.{qid}"
            try:
                q = self.bank.question(qid)
            except KeyError:
                self.fail(here, M.UNKNOWN_QUESTION, value=_show(qid))
                continue
            if q.field is not None:
                self.fail(here, M.QUESTION_HAS_FIELD, value=_show(qid), field=q.field)
                continue
            if q.section not in sections:
                place = "profile.extra" if q.section == "profile" else "platforms[].extra"
                self.fail(here, M.QUESTION_ELSEWHERE, value=_show(qid), place=place)
                continue
            if platform and not q.asked_for(platform):
                self.fail(here, M.QUESTION_NOT_FOR, value=_show(qid), platform=_show(platform))
                continue
            got = self.answer(q, value, here)
            if got is not None:
                out[qid] = got
        return out

    def _choices(self, q: Question) -> list[str]:
        if q.options:
            return sorted(self.ids(q.options))
        return [c.id for c in q.choices]

    def answer(self, q: Question, value: Any, path: str) -> Any:
        if q.type == "yesno":
            return self.boolean(value, path)
        if q.type == "number":
            return self.number(value, path, q.minimum, q.maximum)
        if q.type == "text":
            return self.text(value, path, single_line=False)
        if q.type == "spaces":
            return self.spaces(value, path)
        choices = self._choices(q)
        if q.type == "single":
            if not isinstance(value, str):
                self.fail(path, M.EXPECTED_TEXT, value=_show(value))
                return None
            if value not in choices:
                self.fail(path, M.NOT_A_CHOICE, value=_show(value), choices=", ".join(choices))
                return None
            return value
        # multi, ranked
        if not isinstance(value, list):
            self.fail(path, M.EXPECTED_LIST, value=_show(value))
            return None
        out: list[str] = []
        for i, item in enumerate(value):
            if not isinstance(item, str):
                self.fail(f"{path}[{i}]", M.EXPECTED_TEXT, value=_show(item))
            elif item not in choices:
                self.fail(f"{path}[{i}]", M.NOT_A_CHOICE, value=_show(item),
                          choices=", ".join(choices))
            elif item in out:
                self.fail(f"{path}[{i}]", M.TWICE, value=_show(item))
            else:
                out.append(item)
        return out


def _present(data: Mapping[str, Any]) -> dict[str, Any]:
    """Keys whose value is None (a JSON draft's unanswered field) count as absent."""
    return {k: v for k, v in data.items() if v is not None}


_RESULT_ORDER = ("inquiries", "won", "referrals", "site_visits", "sales", "donations", "signups")


def _result_rank(kind: str) -> tuple[int, str]:
    return (_RESULT_ORDER.index(kind) if kind in _RESULT_ORDER else len(_RESULT_ORDER), kind)


def validate_answers(data: Mapping[str, Any], bank: Bank, *, source: str = "answers",
                     lang: str | None = None) -> Answers:
    """Check and normalise answers (from a file, the TUI or quick mode).

    Raises AnswersError with every problem, each said "source: field.path: message"
    (no "source: " when source is empty) by whoever shows it. `lang` says them at once,
    for a caller that keeps them as text (see AnswersError.worded).
    """
    checker = _Checker(bank, source)
    answers = checker.answers(data)
    if checker.problems or answers is None:
        error = AnswersError(checker.problems)
        raise (error.worded(lang) if lang else error)
    return answers


def load_answers_file(path: Path | str, bank: Bank) -> Answers:
    """Read and validate an answers file; problems are prefixed with the file name.

    Read as every user file is (coach.files: the reason in the user's words, the line
    and column of a TOML mistake, a byte-order mark accepted)."""
    from coach.files import BadFile, read_toml

    path = Path(path)
    try:
        data = read_toml(path)
    except BadFile as exc:
        raise AnswersError(exc.problems) from None
    return validate_answers(data, bank, source=str(path))


def blank_answers() -> dict[str, Any]:
    """An empty draft with every core field present (not valid until filled in)."""
    return {
        "version": 1,
        "profile": {"name": "", "kind": "", "market": "", "goal": "", "audiences": [],
                    "weekly_budget_hours": 0.0, "extra": {}},
        "platforms": [],
    }


def blank_platform(platform_id: str) -> dict[str, Any]:
    """An empty platform entry for a draft."""
    return {"id": platform_id, "reason": "", "why": "", "hours_per_week": 0.0,
            "audiences_present": [], "know_who": False, "activities": [], "measures": [],
            "editorial_line": False, "results_90d": {}, "spaces": [], "extra": {}}
