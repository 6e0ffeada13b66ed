"""Time intervals as (start, end) seconds since the epoch, and the few set operations the
counting rule needs. Lists are sorted by start; "disjoint" lists never overlap.

Plain tuples and two-pointer walks: 100,000 events are counted in well under a second,
where interval objects or a generic library would cost several times that.
"""

from __future__ import annotations

from collections.abc import Iterable

Span = tuple[float, float]


def union(spans: Iterable[Span]) -> list[Span]:
    """The same time, each second once: overlapping and touching spans merged."""
    out: list[Span] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def total(spans: Iterable[Span]) -> float:
    return sum(end - start for start, end in spans)


def intersect_labeled(items: list[tuple[float, float, object]], spans: list[Span]
                      ) -> list[tuple[float, float, object]]:
    """The parts of disjoint labelled `items` that fall inside disjoint `spans`."""
    out: list[tuple[float, float, object]] = []
    j, n = 0, len(spans)
    for start, end, label in items:
        while j < n and spans[j][1] <= start:
            j += 1
        k = j
        while k < n and spans[k][0] < end:
            s, e = max(start, spans[k][0]), min(end, spans[k][1])
            if e > s:
                out.append((s, e, label))
            k += 1
    return out


def subtract(spans: list[Span], minus: list[Span]) -> list[Span]:
    """Disjoint `spans` without the time in disjoint `minus`."""
    out: list[Span] = []
    j, n = 0, len(minus)
    for start, end in spans:
        cur = start
        while j < n and minus[j][1] <= cur:
            j += 1
        k = j
        while k < n and minus[k][0] < end:
            if minus[k][0] > cur:
                out.append((cur, minus[k][0]))
            cur = max(cur, minus[k][1])
            k += 1
        if cur < end:
            out.append((cur, end))
    return out


def flood(items: list[tuple[float, float, object]], pulsetime: float
          ) -> list[tuple[float, float, object]]:
    """Sorted labelled events made disjoint, as ActivityWatch's `flood` does: a gap shorter
    than `pulsetime` between two events is given to the first (watchers poll, so their
    heartbeats leave small gaps), and an event overlapping the next one is cut where the
    next begins, so no second is counted twice."""
    items = sorted((i for i in items if i[1] > i[0]), key=lambda i: (i[0], i[1]))
    out: list[tuple[float, float, object]] = []
    for i, (start, end, label) in enumerate(items):
        if out and start < out[-1][1]:
            # Overlaps the one before (which was already cut at this start): what is
            # left of it after the previous one ends.
            start = out[-1][1]
            if end <= start:
                continue
        if i + 1 < len(items):
            nxt = items[i + 1][0]
            if nxt < end:
                end = max(start, nxt) if nxt > start else end
            elif nxt - end < pulsetime:
                end = nxt
        out.append((start, end, label))
    return out
