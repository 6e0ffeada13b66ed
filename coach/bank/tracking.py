"""tracking.toml: which domains, desktop apps and Android packages belong to a platform.

Measured time (ActivityWatch, RescueTime) names sites and programs, not platforms; this
file is the bank's word on which is which, so a consultant can add a regional site or a
client's chat app without touching code. Each name belongs to one platform only: a
domain listed twice would count the same minutes on two platforms.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from coach.bank.messages import BankProblem, Joined, _

FILE = "tracking.toml"
KEYS = frozenset({"id", "domains", "apps", "packages"})
# A host name: labels of letters, digits and hyphens, at least two of them, lowercase.
_DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")
# An Android application id: two or more Java identifiers joined by dots.
_PACKAGE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$")


def app_key(name: str) -> str:
    """How app names are compared: case and a Windows ".exe" ignored ("Slack.exe" = "slack")."""
    key = name.strip().casefold()
    return key[:-4] if key.endswith(".exe") else key


def check_tracking(raw: Mapping[str, Any], platform_ids: Sequence[str] | None
                   ) -> list[BankProblem]:
    """Problems in tracking.toml; `platform_ids` None when platforms.toml did not read."""
    problems: list[BankProblem] = []

    def add(entry: Any, field: str | None, message: Any) -> None:
        problems.append(BankProblem(FILE, entry, field, message))

    for table in raw:
        if table != "platforms":
            add(f"[{table}]", None, _("unknown table (expected [[platforms]])"))
    items = raw.get("platforms", [])
    if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
        add("[[platforms]]", None, _("expected an array of tables ([[{table}]])")
            .format(table="platforms"))
        return problems
    owner: dict[tuple[str, str], str] = {}   # (field, name as compared) -> platform id
    seen_ids: set[str] = set()
    for n, item in enumerate(items, start=1):
        ident = item.get("id")
        if not isinstance(ident, str) or not ident:
            add(Joined((_("platform"), f"#{n}")), "id", _("missing id"))
            continue
        entry = Joined((_("platform"), repr(ident)))
        if ident in seen_ids:
            add(entry, "id", _("listed twice (keep one entry per platform)"))
        seen_ids.add(ident)
        if platform_ids is not None and ident not in platform_ids:
            add(entry, "id", _("unknown platform (not in platforms.toml)"))
        for key in item:
            if key not in KEYS:
                add(entry, str(key), _("unknown key (expected one of: {keys})")
                    .format(keys=", ".join(sorted(KEYS))))
        for field, pattern, key_of in (("domains", _DOMAIN, str.lower),
                                       ("apps", None, app_key),
                                       ("packages", _PACKAGE, str)):
            value = item.get(field, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                add(entry, field, _("expected a list of texts"))
                continue
            for i, name in enumerate(value):
                where = f"{field}[{i}]"
                if not name.strip():
                    add(entry, where, _("must not be empty"))
                    continue
                if field == "domains" and pattern.match(name) is None:
                    add(entry, where, _("{name!r} is not a domain name (lowercase, like "
                                        "linkedin.com: no https://, no path)").format(name=name))
                    continue
                if field == "packages" and pattern.match(name) is None:
                    add(entry, where, _("{name!r} is not an Android package name (like "
                                        "com.linkedin.android)").format(name=name))
                    continue
                key = (field, key_of(name))
                if key in owner:
                    other = owner[key]
                    add(entry, where, _("{name!r} is listed twice (first for {platform!r}): "
                                        "the same time would count twice").format(
                                            name=name, platform=other))
                else:
                    owner[key] = ident
    return problems
