"""Developer tool: extract UI strings with Babel, update the .po files, compile the .mo.

    python -m coach.i18n_catalogs            # re-extract, update the .po, compile the .mo
    python -m coach.i18n_catalogs --check    # change nothing; exit 1 if a catalog is incomplete
    python -m coach.i18n_catalogs --compile  # only compile missing or stale .mo files
    python -m coach.i18n_catalogs --fill fr engine fr.json   # add translations, then update

The .po files are the source and are committed; the .mo files are built from them
(by the wheel's build hook, `hatch_build.py`, and by the tests' conftest for a
checkout) and are not committed: a compiled file records the Babel version that
wrote it, so committed ones differ from a fresh machine's for no reason.

English catalogs are filled with the English source text (msgids are English);
French entries start empty and must be translated by hand: until they are,
tests/test_i18n.py fails.

The regional catalogs (`fr_CA`, `fr_FR`) hold only what differs there: an entry left
empty says what the common French says. A phrase whose common French uses a word of
another region (coach.i18n_regions: "infolettre" read in France) must have its regional
translation, or the check fails, naming it.

Catalogs are compared as messages (msgid to msgstr, placeholders, plural forms),
never as bytes, so another Babel release cannot make a correct catalog "stale".
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from coach.i18n import CATALOGS, DOMAINS
from coach.i18n_regions import REGIONS, foreign_words

PACKAGE = Path(__file__).resolve().parent
LOCALE = PACKAGE / "locale"
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "Np_": (1, 2)}
_PLACEHOLDER = re.compile(r"\{([a-zA-Z_][a-zA-Z0-9_]*)[^{}]*\}")
# Plural rules are part of our catalogs, not of Babel's CLDR data: Babel 2.19 gives
# French a third form (for millions), which would leave every French plural incomplete.
# These are GNU gettext's usual rules for the two languages.
PLURAL_FORMS: dict[str, str] = {
    "en": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "fr_CA": "nplurals=2; plural=(n > 1);",
    "fr_FR": "nplurals=2; plural=(n > 1);",
}
# The one header line that differs between Babel releases for the same messages.
_GENERATED_BY = re.compile(rb'^"Generated-By: [^"]*"\n', re.MULTILINE)

Key = str | tuple[str, str]


class CatalogMissing(FileNotFoundError):
    """A language has no .po for a domain: a packaging bug, never skipped quietly."""


def extract(domain: str) -> dict[Key, list[tuple[str, int]]]:
    """Every translatable string in the domain's source folder, with where it is used."""
    folder = PACKAGE / DOMAINS[domain]
    found: dict[Key, list[tuple[str, int]]] = {}
    if not folder.is_dir():
        return found
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(folder), method_map=[("**.py", "python")], keywords=KEYWORDS,
        comment_tags=(), strip_comment_tags=True,
    ):
        key: Key = message if isinstance(message, str) else tuple(message[:2])
        if not key:
            continue
        found.setdefault(key, []).append((f"{DOMAINS[domain]}/{filename}", lineno))
    return found


def po_path(lang: str, domain: str, locale: Path = LOCALE) -> Path:
    return locale / lang / "LC_MESSAGES" / f"{domain}.po"


def load_po(lang: str, domain: str, locale: Path = LOCALE) -> Catalog:
    path = po_path(lang, domain, locale)
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
    new.mime_headers = [("Plural-Forms", PLURAL_FORMS[lang])]  # sets only this header
    for key, locations in sorted(found.items(), key=lambda kv: str(kv[0])):
        prev = old.get(key)
        if prev is not None and prev.string and (
            any(prev.string) if isinstance(prev.string, tuple) else True
        ):
            string = prev.string
        elif lang == "en":
            string = key  # English source text is the English translation
        elif lang in REGIONS:
            continue  # a regional catalog holds only what it says otherwise
        else:
            string = ("", "") if isinstance(key, tuple) else ""
        new.add(key, string, locations=sorted(locations))
    return new


def compile_mo(catalog: Catalog, lang: str = "", domain: str = "") -> bytes:
    """The .mo bytes for a catalog (lang and domain are kept for older callers)."""
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    return buf.getvalue()


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, list | tuple):
        return tuple(value)
    return (value,) if isinstance(value, str) else ()


def _key(msgid: object) -> Key:
    return tuple(msgid) if isinstance(msgid, list | tuple) else msgid  # type: ignore[return-value]


def messages(catalog: Catalog) -> dict[Key, tuple[str, ...]]:
    """msgid -> msgstr(s) as gettext will see them (what write_mo keeps: translated,
    not fuzzy; the header entry aside)."""
    return {_key(m.id): _strings(m.string) for m in catalog
            if m.id and m.string and not m.fuzzy}


def mo_problems(po: Catalog, mo: Path, rel: str) -> list[str]:
    """How a compiled catalog differs from its .po, message by message."""
    hint = "(run python -m coach.i18n_catalogs --compile)"
    if not mo.exists():
        return [f"{rel}: compiled .mo is missing {hint}"]
    try:
        with mo.open("rb") as fh:
            compiled = read_mo(fh)
    except Exception as exc:  # a truncated or foreign file: say so, do not crash the check
        return [f"{rel}: compiled .mo cannot be read ({exc}) {hint}"]
    out: list[str] = []
    want, got = messages(po), messages(compiled)
    for key in sorted(want.keys() | got.keys(), key=str):
        if want.get(key) != got.get(key):
            ident = key[0] if isinstance(key, tuple) else key
            out.append(f"{rel}: compiled .mo says {got.get(key)!r} for {ident!r}, the .po says "
                       f"{want.get(key)!r} {hint}")
    if compiled.plural_forms != po.plural_forms:
        out.append(f"{rel}: compiled .mo has plural forms {compiled.plural_forms!r}, the .po "
                   f"{po.plural_forms!r} {hint}")
    if compiled.charset.lower() != "utf-8":
        out.append(f"{rel}: compiled .mo is {compiled.charset}, not UTF-8 {hint}")
    return out


def problems(lang: str, domain: str, found: dict, locale: Path = LOCALE) -> list[str]:
    """What is wrong with one catalog: missing, empty or obsolete entries, placeholders
    that differ from the source, plural forms other than ours, a .mo saying otherwise."""
    out: list[str] = []
    path = po_path(lang, domain, locale)
    rel = str(path.relative_to(locale.parent)) if path.is_relative_to(locale.parent) \
        else str(path)
    if not path.exists():
        return [f"{rel}: missing (run python -m coach.i18n_catalogs)"]
    cat = load_po(lang, domain, locale)
    if lang in REGIONS:
        return out + _regional_problems(cat, lang, domain, found, locale, rel, path)
    if cat.plural_forms != PLURAL_FORMS[lang]:
        out.append(f"{rel}: plural forms are {cat.plural_forms!r}, coach uses "
                   f"{PLURAL_FORMS[lang]!r} (run python -m coach.i18n_catalogs)")
    for key in found:
        msg = cat.get(key)
        ids = key if isinstance(key, tuple) else (key,)
        strings = _strings(msg.string) if msg else ()
        if msg is None or not all(strings) or (isinstance(key, tuple)
                                               and len(strings) != cat.num_plurals):
            out.append(f"{rel}: missing translation for {ids[0]!r}")
            continue
        want = set().union(*(placeholders(i) for i in ids))
        for s in strings:
            # A plural form may leave out a placeholder ("{n} item" vs "one item");
            # a singular message must keep exactly the source's placeholders.
            got = placeholders(s)
            if (got - want) if isinstance(key, tuple) else (got != want):
                out.append(f"{rel}: placeholders differ for {ids[0]!r}: {s!r}")
    extra = {_key(m.id) for m in cat if m.id} - set(found)
    for key in sorted(extra, key=str):
        out.append(f"{rel}: obsolete entry {key!r} (run python -m coach.i18n_catalogs)")
    if found:
        out.extend(mo_problems(cat, path.with_suffix(".mo"), rel))
    return out


def _regional_problems(cat: Catalog, lang: str, domain: str, found: dict, locale: Path,
                       rel: str, path: Path) -> list[str]:
    """A regional catalog: its entries keep the source's placeholders, none is obsolete,
    and every phrase a reader of the region gets (its entry, else the common French)
    uses none of another region's words."""
    out: list[str] = []
    common = load_po(lang.split("_")[0], domain, locale)
    for key in found:
        ids = key if isinstance(key, tuple) else (key,)
        own = cat.get(key)
        strings = tuple(s for s in _strings(own.string) if s) if own else ()
        if not strings:
            base = common.get(key)
            strings = _strings(base.string) if base else ()
        else:
            want = set().union(*(placeholders(i) for i in ids))
            for s in strings:
                got = placeholders(s)
                if (got - want) if isinstance(key, tuple) else (got != want):
                    out.append(f"{rel}: placeholders differ for {ids[0]!r}: {s!r}")
        foreign = [w for s in strings for w in foreign_words(s, REGIONS[lang])]
        if foreign:
            out.append(f"{rel}: missing translation for {ids[0]!r}: the common French says "
                       f"{', '.join(foreign)}")
    extra = {_key(m.id) for m in cat if m.id} - set(found)
    for key in sorted(extra, key=str):
        out.append(f"{rel}: obsolete entry {key!r} (run python -m coach.i18n_catalogs)")
    if found:
        out.extend(mo_problems(cat, path.with_suffix(".mo"), rel))
    return out


def _write_atomic(path: Path, data: bytes) -> None:
    # Two test runs (or a build and a test run) may compile at once: each writes its
    # own temporary file and renames it, so nobody reads half a catalog.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def compile_catalogs(locale: Path = LOCALE, out: Path | None = None,
                     langs: Iterable[str] = CATALOGS, domains: Iterable[str] = DOMAINS,
                     ) -> list[Path]:
    """Compile every `<lang>/LC_MESSAGES/<domain>.po` under `locale` into a .mo under `out`
    (default: beside it), writing only those missing or saying something else.

    Returns the .mo files written. A language without a .po for a domain raises
    CatalogMissing: coach refuses to start without its catalogs, so a build must too.
    """
    out = locale if out is None else out
    written: list[Path] = []
    for lang in langs:
        for domain in domains:
            po = po_path(lang, domain, locale)
            if not po.is_file():
                raise CatalogMissing(f"{po}: missing; every language needs every domain "
                                     f"(run python -m coach.i18n_catalogs)")
            mo = po_path(lang, domain, out).with_suffix(".mo")
            catalog = load_po(lang, domain, locale)
            if mo.exists() and not mo_problems(catalog, mo, str(mo)):
                continue  # says the same (whichever Babel wrote it): leave it alone
            mo.parent.mkdir(parents=True, exist_ok=True)
            _write_atomic(mo, compile_mo(catalog))
            written.append(mo)
    return written


def _po_bytes(catalog: Catalog) -> bytes:
    # File names without line numbers: where a string is used stays visible, and an edit
    # elsewhere in the file (or two branches editing one module) leaves the catalog alone.
    buf = io.BytesIO()
    write_po(buf, catalog, width=100, omit_header=False, sort_output=True,
             include_lineno=False)
    return buf.getvalue()


def update() -> list[Path]:
    """Re-extract every domain into its .po files and compile them; the files changed.

    A .po whose only change would be Babel's version in its header is left as it is,
    so running the tool with another Babel on unchanged sources changes nothing.
    """
    changed: list[Path] = []
    for domain in DOMAINS:
        found = extract(domain)
        for lang in CATALOGS:
            data = _po_bytes(build(lang, domain, found))
            path = po_path(lang, domain)
            old = path.read_bytes() if path.exists() else None
            if old is None or _GENERATED_BY.sub(b"", old) != _GENERATED_BY.sub(b"", data):
                path.parent.mkdir(parents=True, exist_ok=True)
                _write_atomic(path, data)
                changed.append(path)
    return changed + compile_catalogs()


def fill(lang: str, domain: str, translations_json: str) -> None:
    """Set translations from a JSON object {msgid: msgstr} (plural: msgid -> [one, many])."""
    import json

    data = json.loads(Path(translations_json).read_text(encoding="utf-8"))
    cat = load_po(lang, domain)
    for msgid, msgstr in data.items():
        msg = next((m for m in cat if m.id == msgid or (isinstance(m.id, tuple)
                                                       and m.id[0] == msgid)), None)
        if msg is None and lang in REGIONS:  # a regional catalog gains the entry
            key = next((k for k in extract(domain)
                        if k == msgid or (isinstance(k, tuple) and k[0] == msgid)), None)
            if key is not None:
                msg = cat.get(key) or cat.add(key, ("", "") if isinstance(key, tuple) else "")
        if msg is None:
            print(f"not in catalog (extract first): {msgid!r}")
            continue
        msg.string = tuple(msgstr) if isinstance(msgstr, list) else msgstr
    with po_path(lang, domain).open("wb") as fh:
        write_po(fh, cat, width=100, sort_output=True, include_lineno=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m coach.i18n_catalogs", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="write nothing; list what is incomplete, exit 1 if anything is")
    mode.add_argument("--compile", action="store_true",
                      help="only compile the .mo files that are missing or stale")
    parser.add_argument("--fill", nargs=3, metavar=("LANG", "DOMAIN", "JSON"),
                        help="set translations from a JSON file {msgid: msgstr}, then update")
    args = parser.parse_args(argv)
    if args.fill and (args.check or args.compile):
        parser.error("--fill updates the catalogs; it cannot be combined with --check or "
                     "--compile")
    root = PACKAGE.parent
    try:
        if args.compile:
            written = compile_catalogs()
        elif not args.check:
            if args.fill:
                fill(*args.fill)
            written = update()
        else:
            written = []
    except (CatalogMissing, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path.relative_to(root) if path.is_relative_to(root) else path}")
    all_problems = [p for d in DOMAINS for lang in CATALOGS
                    for p in problems(lang, d, extract(d))]
    for p in all_problems:
        print(p)
    count = len(CATALOGS) * len(DOMAINS)
    if all_problems:
        print(f"{len(all_problems)} problem(s) in the catalogs", file=sys.stderr)
        return 1
    print(f"{count} catalogs ({', '.join(CATALOGS)} x {len(DOMAINS)} domains) complete"
          + ("" if written or args.check else ", nothing to change"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
