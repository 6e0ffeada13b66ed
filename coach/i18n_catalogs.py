"""Developer tool: extract UI strings with Babel, update the .po files, compile .mo.

    python -m coach.i18n_catalogs          # update every domain
    python -m coach.i18n_catalogs --check  # exit 1 if any catalog is stale or incomplete
    python -m coach.i18n_catalogs --fill fr engine fr.json   # add translations, then update

English catalogs are filled with the English source text (msgids are English);
French entries start empty and must be translated by hand: until they are,
tests/test_i18n.py fails.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from coach.i18n import DOMAINS, LANGS

PACKAGE = Path(__file__).resolve().parent
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "Np_": (1, 2)}
_PLACEHOLDER = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)[^{}]*\}")


def extract(domain: str) -> dict[str | tuple[str, str], list[tuple[str, int]]]:
    """Every translatable string in the domain's source folder, with where it is used."""
    folder = PACKAGE / DOMAINS[domain]
    found: dict[str | tuple[str, str], list[tuple[str, int]]] = {}
    if not folder.is_dir():
        return found
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(folder), method_map=[("**.py", "python")], keywords=KEYWORDS,
        comment_tags=(), strip_comment_tags=True,
    ):
        key: str | tuple[str, str] = message if isinstance(message, str) else tuple(message[:2])
        if not key:
            continue
        found.setdefault(key, []).append((f"{DOMAINS[domain]}/{filename}", lineno))
    return found


def po_path(lang: str, domain: str) -> Path:
    return PACKAGE / "locale" / lang / "LC_MESSAGES" / f"{domain}.po"


def load_po(lang: str, domain: str) -> Catalog:
    path = po_path(lang, domain)
    if not path.exists():
        return Catalog(locale=lang, domain=domain)
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, domain=domain)


def placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def build(lang: str, domain: str, found: dict) -> Catalog:
    """A catalog with exactly the extracted messages, keeping existing translations."""
    old = load_po(lang, domain)
    # Keep the old dates so re-running the tool on unchanged sources changes no file.
    new = Catalog(locale=lang, domain=domain, project="coach", fuzzy=False,
                  creation_date=old.creation_date, revision_date=old.revision_date)
    for key, locations in sorted(found.items(), key=lambda kv: str(kv[0])):
        prev = old.get(key)
        if prev is not None and prev.string and (
            any(prev.string) if isinstance(prev.string, tuple) else True
        ):
            string = prev.string
        elif lang == "en":
            string = key  # English source text is the English translation
        else:
            string = ("", "") if isinstance(key, tuple) else ""
        new.add(key, string, locations=sorted(locations))
    return new


def compile_mo(catalog: Catalog, lang: str, domain: str) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def problems(lang: str, domain: str, found: dict) -> list[str]:
    """What is wrong with one catalog: missing, empty, mismatched placeholders, stale .mo."""
    out: list[str] = []
    cat = load_po(lang, domain)
    rel = po_path(lang, domain).relative_to(PACKAGE)
    for key in found:
        msg = cat.get(key)
        ids = key if isinstance(key, tuple) else (key,)
        strings = (msg.string if isinstance(msg.string, tuple) else (msg.string,)) if msg else ()
        if msg is None or not all(strings):
            out.append(f"{rel}: missing translation for {ids[0]!r}")
            continue
        want = set().union(*(placeholders(i) for i in ids))
        for s in strings:
            # A plural form may leave out a placeholder ("{n} item" vs "one item");
            # a singular message must keep exactly the source's placeholders.
            got = placeholders(s)
            if (got - want) if isinstance(key, tuple) else (got != want):
                out.append(f"{rel}: placeholders differ for {ids[0]!r}: {s!r}")
    extra = {m.id for m in cat if m.id} - set(found)
    for key in sorted(extra, key=str):
        out.append(f"{rel}: obsolete entry {key!r} (run python -m coach.i18n_catalogs)")
    mo = po_path(lang, domain).with_suffix(".mo")
    if found and (not mo.exists() or mo.read_bytes() != compile_mo(cat, lang, domain)):
        out.append(f"{rel}: compiled .mo is missing or stale (run python -m coach.i18n_catalogs)")
    return out


def update() -> None:
    for domain in DOMAINS:
        found = extract(domain)
        for lang in LANGS:
            cat = build(lang, domain, found)
            path = po_path(lang, domain)
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as fh:
                write_po(fh, cat, width=100, omit_header=False, sort_output=True)
            # Re-read so the .mo is compiled from exactly what the .po says.
            path.with_suffix(".mo").write_bytes(compile_mo(load_po(lang, domain), lang, domain))


def fill(lang: str, domain: str, translations_json: str) -> None:
    """Set translations from a JSON object {msgid: msgstr} (plural: msgid -> [one, many])."""
    import json

    data = json.loads(Path(translations_json).read_text(encoding="utf-8"))
    cat = load_po(lang, domain)
    for msgid, msgstr in data.items():
        msg = next((m for m in cat if m.id == msgid or (isinstance(m.id, tuple)
                                                       and m.id[0] == msgid)), None)
        if msg is None:
            print(f"not in catalog (extract first): {msgid!r}")
            continue
        msg.string = tuple(msgstr) if isinstance(msgstr, list) else msgstr
    with po_path(lang, domain).open("wb") as fh:
        write_po(fh, cat, width=100, sort_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--fill", nargs=3, metavar=("LANG", "DOMAIN", "JSON"),
                        help="set translations from a JSON file {msgid: msgstr}, then update")
    args = parser.parse_args(argv)
    if args.fill:
        fill(*args.fill)
    if not args.check:
        update()
    all_problems = [p for d in DOMAINS for lang in LANGS for p in problems(lang, d, extract(d))]
    for p in all_problems:
        print(p)
    return 1 if all_problems else 0


if __name__ == "__main__":
    sys.exit(main())
