"""The portable export of one client (`coach export` / `coach import`).

A plain JSON document, versioned like the workspace files, that another coach
(or a script) can read without TinyDB:

    {"format": "coach-client-export", "schema": 1, "coach_version": "...",
     "exported_on": "YYYY-MM-DD",
     "client": {"name": str, "created": "YYYY-MM-DD", "lang": "fr-FR" | null},
     "assessments": [{"id": int, "date": "YYYY-MM-DD", "answers": {...}, "plan": {...},
                      "engine_version": str | null, "notes": str | null}],
     "draft": null | {"answers": {...}, "position": {...}},
     "results": [{"id": int, "date": "YYYY-MM-DD", "platform": "linkedin",
                  "space": str | null, "counts": {"inquiries": 2, ...},
                  "note": str | null, "logged_at": "2026-11-20T09:00:00+00:00" | null}]}

`client.lang` (one of coach.i18n.LANGS, or null: the language coach runs in) and
`results` (the results log, coach/store/results_log.py) came later in the same
schema: an export without them imports as a client with no language and no log.

Reading validates every field and names the bad one (`assessments[2].answers`,
`results[3].counts.sales`), so a hand-edited or foreign file is refused before
anything is written.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from coach import __version__, clock
from coach.errors import FieldProblem, Line
from coach.i18n import LANGS, Deferred, Msg
from coach.store.errors import BadImport, StoreValueError
from coach.store.planshape import plan_problem
from coach.store.results_log import KINDS, MAX_COUNT, MAX_NOTE
from coach.store.schema import SCHEMA
from coach.store.storage import serialise
from coach.textsafe import clean

FORMAT = "coach-client-export"
_tr = Deferred("store")  # messages said later, by the face
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A platform id as the bank writes them (coach/bank/validate.py): shown as is when
# this coach's bank does not know it, so it must not be free text.
_PLATFORM = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


class Imported(NamedTuple):
    """An export read and checked: what `Workspace.import_client` stores."""

    name: str
    created: str | None
    lang: str | None
    assessments: dict[str, Any]     # the client file's table, by id
    draft: dict[str, Any]           # the draft side file's table ({} if none)
    results: dict[str, Any]         # the results side file's table ({} if none)


def build_export(name: str, created: str | None, assessments: list[dict[str, Any]],
                 draft: Mapping[str, Any] | None, *, lang: str | None = None,
                 results: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    return {
        "format": FORMAT, "schema": SCHEMA, "coach_version": __version__,
        "exported_on": clock.today().isoformat(),
        "client": {"name": name, "created": created, "lang": lang},
        "assessments": [
            {"id": a["id"], "date": a.get("date"), "answers": a.get("answers"),
             "plan": a.get("plan"), "engine_version": a.get("engine_version"),
             "notes": a.get("notes")}
            for a in assessments
        ],
        "draft": {"answers": draft.get("answers", {}), "position": draft.get("position", {})}
        if isinstance(draft, Mapping) else None,
        "results": [
            {"id": r["id"], "date": r.get("date"), "platform": r.get("platform"),
             "space": r.get("space"), "counts": dict(r.get("counts") or {}),
             "note": r.get("note"), "logged_at": r.get("logged_at")}
            for r in results
        ],
    }


def _expected(kind: str) -> Msg:
    """What a plan field should be, in words the face says in its language."""
    words = {
        "missing": _tr.gettext("is missing"),
        "a text": _tr.gettext("must be a text"),
        "a text or null": _tr.gettext("must be a text or null"),
        "a list": _tr.gettext("must be a list"),
        "a list of texts": _tr.gettext("must be a list of texts"),
        "a number": _tr.gettext("must be a number"),
        "an object": _tr.gettext("must be an object"),
        "an object or null": _tr.gettext("must be an object or null"),
        "an object of numbers": _tr.gettext("must be an object of numbers"),
    }
    return words.get(kind, _tr.gettext("must be an object"))


def read_export(payload: object, *, source: str,
                check_answers: Callable[[Mapping[str, Any], str], object] | None = None,
                check_plan: Callable[[Mapping[str, Any], str], object] | None = None,
                ) -> Imported:
    """The client, its tables ready to store; BadImport otherwise.

    Every problem names the file and the field (`lune.json: assessments[2].date: ...`).
    """
    problems: list[Line] = []

    def bad(field: str, message: Msg | str) -> None:
        problems.append(FieldProblem(field, message, source=source))

    def fail() -> BadImport:
        return BadImport(problems)

    if not isinstance(payload, dict):
        bad("(top)", _tr.gettext("not a coach export (expected a JSON object)"))
        raise fail()
    if payload.get("format") != FORMAT:
        bad("format", _tr.gettext("not a coach client export (expected {expected})").format(
            expected=FORMAT))
        raise fail()
    schema = payload.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        bad("schema", _tr.gettext("must be a positive whole number"))
        raise fail()
    if schema > SCHEMA:
        bad("schema", _tr.gettext(
            "{found} comes from a newer coach (this one reads up to {known}); update coach"
        ).format(found=schema, known=SCHEMA))
        raise fail()

    client = payload.get("client")
    name = ""
    created: str | None = None
    lang: str | None = None
    if not isinstance(client, dict):
        bad("client", _tr.gettext("must be an object with a name"))
    else:
        raw_name = client.get("name")
        if not isinstance(raw_name, str) or not clean(raw_name, single_line=True).strip():
            bad("client.name", _tr.gettext("must be a non-empty text"))
        else:
            name = raw_name
        raw_created = client.get("created")
        if raw_created is not None:
            if isinstance(raw_created, str) and _DATE.match(raw_created):
                created = raw_created
            else:
                bad("client.created", _tr.gettext("must be a date like 2026-03-31"))
        raw_lang = client.get("lang")
        if raw_lang is not None:
            if isinstance(raw_lang, str) and raw_lang in LANGS:
                lang = raw_lang
            else:
                bad("client.lang", _tr.gettext("must be one of {choices}, or null").format(
                    choices=", ".join(LANGS)))

    table: dict[str, Any] = {}
    items = payload.get("assessments", [])
    if not isinstance(items, list):
        bad("assessments", _tr.gettext("must be a list"))
        items = []
    for i, item in enumerate(items):
        where = f"assessments[{i}]"
        if not isinstance(item, dict):
            bad(where, _tr.gettext("must be an object"))
            continue
        doc_id = item.get("id", i + 1)
        if not isinstance(doc_id, int) or isinstance(doc_id, bool) or doc_id < 1:
            bad(f"{where}.id", _tr.gettext("must be a positive whole number"))
            continue
        if str(doc_id) in table:
            bad(f"{where}.id", _tr.gettext("{id} is used twice").format(id=doc_id))
            continue
        date = item.get("date")
        if not isinstance(date, str) or not _DATE.match(date):
            bad(f"{where}.date", _tr.gettext("must be a date like 2026-03-31"))
        answers = item.get("answers")
        if not isinstance(answers, dict):
            bad(f"{where}.answers", _tr.gettext("must be an object"))
        elif check_answers is not None:
            answers = _checked(check_answers, answers, f"{source}: {where}.answers", problems)
        plan = item.get("plan")
        problem = plan_problem(plan, f"{where}.plan")
        if problem is not None:  # reports read every field: a wrong one would crash them
            bad(problem[0], _expected(problem[1]))
        elif check_plan is not None:
            _checked(check_plan, plan, f"{source}: {where}.plan", problems)
        for key in ("engine_version", "notes"):
            if item.get(key) is not None and not isinstance(item.get(key), str):
                bad(f"{where}.{key}", _tr.gettext("must be a text or null"))
        notes = item.get("notes")
        table[str(doc_id)] = {
            "date": date, "answers": answers, "plan": plan,
            "engine_version": item.get("engine_version"),
            "notes": clean(notes) if isinstance(notes, str) else None, "saved_at": None,
        }

    draft_table: dict[str, Any] = {}
    draft = payload.get("draft")
    if draft is not None:
        if not isinstance(draft, dict) or not isinstance(draft.get("answers"), dict) \
                or not isinstance(draft.get("position", {}), dict):
            bad("draft", _tr.gettext("must be null or an object with answers and position"))
        else:
            draft_table = {"1": {"answers": draft["answers"],
                                 "position": draft.get("position", {}), "updated": None}}
    results = _results(payload.get("results", []), bad)
    if problems:
        raise fail()
    try:
        serialise(name)
    except StoreValueError:  # a lone surrogate ("\ud800") cannot be written as UTF-8
        bad("client.name", _tr.gettext("must be a text (it holds a lone surrogate)"))
        raise fail() from None
    for part, value in (("assessments", table), ("draft", draft_table),
                        ("results", results)):
        try:
            serialise(value)
        except StoreValueError as exc:  # NaN, a lone surrogate, nesting too deep
            bad(part, _tr.gettext("cannot be stored: {reason}").format(
                reason=str(exc).removeprefix("value cannot be stored: ")))
            raise fail() from exc
    return Imported(name, created, lang, table, draft_table, results)


def _results(items: object, bad: Callable[[str, Msg | str], None]) -> dict[str, Any]:
    """The results log's table (as coach/store/results_log.py stores it), every field
    checked as `coach log` checks what is typed: a log the progress report can read."""
    if not isinstance(items, list):
        bad("results", _tr.gettext("must be a list"))
        return {}
    table: dict[str, Any] = {}
    for i, item in enumerate(items):
        where = f"results[{i}]"
        if not isinstance(item, dict):
            bad(where, _tr.gettext("must be an object"))
            continue
        doc_id = item.get("id", i + 1)
        if not isinstance(doc_id, int) or isinstance(doc_id, bool) or doc_id < 1:
            bad(f"{where}.id", _tr.gettext("must be a positive whole number"))
            continue
        if str(doc_id) in table:
            bad(f"{where}.id", _tr.gettext("{id} is used twice").format(id=doc_id))
            continue
        day = item.get("date")
        if not (isinstance(day, str) and _DATE.match(day) and _is_date(day)):
            bad(f"{where}.date", _tr.gettext("must be a date like 2026-03-31"))
        platform = item.get("platform")
        if not isinstance(platform, str) or not _PLATFORM.match(platform):
            bad(f"{where}.platform", _tr.gettext("must be a platform id like linkedin"))
        space, note, logged_at = item.get("space"), item.get("note"), item.get("logged_at")
        if space is not None and not isinstance(space, str):
            bad(f"{where}.space", _tr.gettext("must be a text or null"))
        if note is not None and (not isinstance(note, str) or len(note) > MAX_NOTE):
            bad(f"{where}.note", _tr.gettext(
                "must be a text of at most {n} characters, or null").format(n=MAX_NOTE))
        if logged_at is not None and not (isinstance(logged_at, str) and _is_moment(logged_at)):
            bad(f"{where}.logged_at", _tr.gettext(
                "must be a date and time like 2026-03-31T09:00:00+00:00, or null"))
        counts = item.get("counts")
        if not isinstance(counts, dict):
            bad(f"{where}.counts", _tr.gettext("must be an object of counts, e.g. "
                                               "{example}").format(example='{"inquiries": 2}'))
            counts = {}
        for kind, n in counts.items():
            if kind not in KINDS:
                bad(f"{where}.counts", _tr.gettext(
                    "{kind} is not a kind of result (one of: {kinds})").format(
                        kind=repr(clean(str(kind), single_line=True)[:40]),
                        kinds=", ".join(KINDS)))
            elif isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= MAX_COUNT:
                bad(f"{where}.counts.{kind}", _tr.gettext(
                    "must be a whole number from 0 to {max}").format(max=MAX_COUNT))
        table[str(doc_id)] = {
            "date": day, "platform": platform,
            "space": (clean(space, single_line=True).strip() or None)
            if isinstance(space, str) else None,
            "counts": dict(counts), "note": (clean(note).strip() or None)
            if isinstance(note, str) else None,
            "logged_at": logged_at,
        }
    return table


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _is_moment(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _checked(check: Callable[[Mapping[str, Any], str], object], answers: dict[str, Any],
             where: str, problems: list[Line]) -> dict[str, Any]:
    """Run the answers validator; its problems already name fields under `where`."""
    try:
        check(answers, where)  # validation only: the export is kept exactly as written
    except Exception as exc:
        found = getattr(exc, "problems", None)
        if not found:
            raise
        for line in found:
            if not isinstance(line, str):  # a Msg or field problem: already names `where`
                problems.append(line)
                continue
            problems.append(line if line.startswith(where) else f"{where}: {line}")
    return answers
