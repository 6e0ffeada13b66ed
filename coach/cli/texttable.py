"""A plain text table drawn like Rich's default box, in linear time.

`coach clients` lists every client; Rich's Table measured each cell several times
and took 7 s for 10,000 rows. This draws the same heavy-headed box from strings the
caller has already made safe (names cleaned of controls): widths measured once per
cell, the widest wrappable columns narrowed to fit the terminal, words wrapped.
"""

from __future__ import annotations

from collections.abc import Sequence


def _width(text: str) -> int:
    if text.isascii():
        return len(text)
    from rich.cells import cell_len  # wide characters (CJK, emoji) take two cells

    return cell_len(text)


def _wrap(text: str, width: int) -> list[str]:
    if _width(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        while _width(word) > width:  # a word longer than the column is cut
            if line:
                lines.append(line)
                line = ""
            cut = width
            while _width(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        candidate = f"{line} {word}" if line else word
        if _width(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line or not lines:
        lines.append(line)
    return lines


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - _width(text))
    return gap + text if right else text + gap


def render(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], *,
           right: Sequence[bool], no_wrap: Sequence[bool], width: int) -> str:
    """The table as text, at most `width` cells wide when the columns allow it."""
    n = len(headers)
    widths = [_width(h) for h in headers]
    for i in range(n):
        column = [row[i] for row in rows]
        if all(c.isascii() for c in column):
            widths[i] = max([widths[i], *map(len, column)])
        else:
            widths[i] = max([widths[i], *map(_width, column)])
    floor = [max(_width(h), 1) if no_wrap[i] else max(min(_width(h), 8), 4)
             for i, h in enumerate(headers)]
    for i in range(n):
        if no_wrap[i]:
            floor[i] = widths[i]
    excess = sum(widths) + 3 * n + 1 - width
    while excess > 0:
        shrinkable = [i for i in range(n) if widths[i] > floor[i]]
        if not shrinkable:
            break
        i = max(shrinkable, key=lambda k: widths[k])
        widths[i] -= 1
        excess -= 1
    total = sum(widths) + 3 * n + 1

    def line(left: str, fill: str, mid: str, end: str) -> str:
        return left + mid.join(fill * (w + 2) for w in widths) + end

    def cells(values: Sequence[str], bar: str) -> list[str]:
        wrapped = [_wrap(v, widths[i]) for i, v in enumerate(values)]
        height = max(len(w) for w in wrapped)
        return [bar + bar.join(
            f" {_pad(w[k] if k < len(w) else '', widths[i], right[i])} "
            for i, w in enumerate(wrapped)) + bar for k in range(height)]

    pad = max(total - _width(title), 0)
    out = [" " * (pad // 2) + title + " " * (pad - pad // 2),
           line("┏", "━", "┳", "┓"), *cells(headers, "┃"), line("┡", "━", "╇", "┩")]
    for row in rows:
        if all(c.isascii() and len(c) <= widths[i] for i, c in enumerate(row)):
            # One line of plain ASCII, the usual row: padded by str methods, in C.
            out.append("│ " + " │ ".join(c.rjust(widths[i]) if right[i] else
                                         c.ljust(widths[i]) for i, c in enumerate(row)) + " │")
        else:
            out.extend(cells(row, "│"))
    out.append(line("└", "─", "┴", "┘"))
    return "\n".join(out) + "\n"
