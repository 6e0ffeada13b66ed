"""The index's text, one client per line, so that changing one client rewrites the file
without serialising the other 9,999 again.

At 10,000 clients the index is 3.4 MB; `json.dumps` of it takes longer than writing it
durably to disk, and a save used to do that twice. The index is still one JSON
document (any JSON reader, and every older coach, reads it), laid out as

    {"meta":{...},"settings":{...},"clients":{
    "1":{...},
    "2":{...}
    }}

The text of each entry (its "fragment") is kept beside the parsed entry; a change
serialises only the entries it touches and joins the rest. The fragments of a file
read from disk are its lines, checked against the parsed document (an index written
by hand or by an older coach, in any layout, is serialised once, at its first change).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from coach.store.storage import serialise

Lines = dict[str, str]  # doc id -> its line of the file: `"12":{...}`


def head(meta: Mapping[str, Any], settings: Mapping[str, Any]) -> str:
    return f'{{"meta":{serialise(meta)},"settings":{serialise(settings)},"clients":{{'


def render(head_text: str, lines: Iterable[str]) -> str:
    return render_body(head_text, ",\n".join(lines))


def render_body(head_text: str, body: str) -> str:
    """The file, from its entry lines already joined by ",\n" (see `render`)."""
    if not body:
        return head_text + "}}\n"
    return f"{head_text}\n{body}\n}}}}\n"


def lines_of(text: str, clients: Mapping[str, Any]) -> Lines:
    """Each entry's line: the file's own when it has this layout, else serialised."""
    found = _from_lines(text, clients)
    if found is not None:
        return found
    return {doc_id: entry_line(doc_id, entry) for doc_id, entry in clients.items()}


def _from_lines(text: str, clients: Mapping[str, Any]) -> Lines | None:
    lines = text.split("\n")
    if len(lines) != len(clients) + 3 or lines[-2:] != ["}}", ""] or not clients:
        return None
    out: Lines = {}
    for line, doc_id in zip(lines[1:-2], clients, strict=True):
        if line.endswith(","):
            line = line[:-1]
        if not line.startswith(f'"{doc_id}":'):  # another order or layout: serialise
            return None
        out[doc_id] = line
    return out


# Summary fields whose absence reads as the same value (records.client_summary_of):
# left out, they halve a new client's line and so the index every change rewrites.
_EMPTY_MEANS_ZERO = ("assessments", "warnings")


def compact(entry: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items()
            if v is not None and v != [] and not (v == 0 and k in _EMPTY_MEANS_ZERO)}


def entry_line(doc_id: str, entry: Mapping[str, Any]) -> str:
    """One entry's line, compacted (refusing what JSON cannot hold, like every write)."""
    text = serialise(compact(entry))
    if "\n" in text:  # json.dumps escapes newlines in strings; a bug if this happens
        raise ValueError("an index entry serialised on more than one line")
    return f'"{doc_id}":{text}'
