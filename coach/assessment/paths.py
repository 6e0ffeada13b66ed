"""Where a question's answer lives in its entry, read and written one way for every face.

A question with a `field` fills that field ("results_90d.won" is nested); one without
fills `extra.<id>`: that is `Question.key`. The entry is the profile or one platform of
the answers file; the draft picks it, this module only walks the path.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from coach.bank.model import Question
from coach.textsafe import clean


def path_of(question: Question) -> tuple[str, ...]:
    return tuple(question.key.split("."))


def read(entry: Mapping[str, Any] | None, question: Question) -> Any:
    """The answer held for `question`, or None when there is none yet.

    A copy, so a face cannot change the draft behind its back. An empty string reads as
    no answer: drafts made from `blank_answers()` hold "" for a choice not made yet.
    """
    node: Any = entry
    for part in path_of(question):
        if not isinstance(node, Mapping) or part not in node:
            return None
        node = node[part]
    return None if node == "" else copy.deepcopy(node)


def write(entry: dict[str, Any], question: Question, value: Any) -> None:
    """Store `value` as the answer (None removes it); user text is cleaned on the way in."""
    parts = path_of(question)
    node = entry
    for part in parts[:-1]:
        child = node.get(part)
        if not isinstance(child, dict):
            child = node[part] = {}
        node = child
    value = _cleaned(value)
    if value is None:
        node.pop(parts[-1], None)
    else:
        node[parts[-1]] = value


def _cleaned(value: Any) -> Any:
    """Control characters never get stored, whichever face the text came from."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    if isinstance(value, dict):
        return {k: _cleaned(v) for k, v in value.items()}
    return value
