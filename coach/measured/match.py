"""Which platform a site, an app or an Android package belongs to (the bank's tracking.toml).

Answers are cached: an export repeats the same few hundred apps and hosts across
100,000 events.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from coach.bank.model import Bank
from coach.bank.tracking import app_key


def host_of(url: str) -> str:
    """The host of a URL ("https://m.facebook.com/x" -> "m.facebook.com"), or of a bare
    domain as RescueTime writes them ("linkedin.com"); "" when there is none."""
    text = url.strip()
    if "//" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname or ""
    except ValueError:  # a malformed IPv6 literal in a watcher's URL: no platform
        return ""
    return host.rstrip(".").lower()


class Matcher:
    def __init__(self, bank: Bank) -> None:
        self.domains: dict[str, str] = {}
        self.apps: dict[str, str] = {}
        self.packages: dict[str, str] = {}
        for t in bank.tracking:
            for d in t.domains:
                self.domains[d.lower()] = t.platform
            for a in t.apps:
                self.apps[app_key(a)] = t.platform
            for p in t.packages:
                self.packages[p] = t.platform
        self._hosts: dict[str, str | None] = {}

    def host(self, host: str) -> str | None:
        """The platform of a host: itself or its nearest listed parent domain."""
        found = self._hosts.get(host, "")
        if found != "":
            return found
        result = None
        labels = host.split(".")
        for i in range(len(labels) - 1):
            result = self.domains.get(".".join(labels[i:]))
            if result is not None:
                break
        self._hosts[host] = result
        return result

    def url(self, url: str) -> str | None:
        return self.host(host_of(url)) if url else None

    def app(self, name: str, package: str = "") -> str | None:
        if package and package in self.packages:
            return self.packages[package]
        return self.apps.get(app_key(name)) if name else None

    def activity(self, name: str) -> str | None:
        """A RescueTime activity: a site ("linkedin.com") or an application ("Slack")."""
        return self.app(name) or (self.host(host_of(name)) if "." in name else None)
