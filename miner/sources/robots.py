"""robots.txt (RFC 9309): parse the rules and decide whether a URL may be fetched.

The standard library's `urllib.robotparser` applies the first matching rule
and knows no `*` or `$` wildcards; RFC 9309 (what Google, Bing and the
inspectorates' CMSs follow) applies the *longest* match, lets Allow win a
tie, and supports both wildcards. So the matcher is written out here, small.

`RobotsPolicy` fetches each origin's robots.txt once, keeps it in memory for
the run and, given a store, in SQLite for a day (RFC 9309 section 2.4), so a
weekly re-crawl costs at most one conditional request per host for it.
"""

from __future__ import annotations

import datetime
import re
import urllib.parse
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Protocol

from miner.errors import FetchError

if TYPE_CHECKING:
    from miner.store.fetch_log import FetchLog

# RFC 9309 section 2.5: crawlers must read at least 500 KiB; the rest is ignored.
MAX_ROBOTS_BYTES = 500 * 1024
# How long a stored robots.txt is trusted without asking again (RFC 9309 section 2.4).
FRESH_FOR = datetime.timedelta(hours=24)
# A Crawl-delay is honoured up to this many seconds: a larger one would stall
# the whole run on one host, and a hostile file could ask for a day.
MAX_CRAWL_DELAY = 60.0


class RobotsDisallowed(FetchError):
    """robots.txt forbids this URL: we chose not to ask for it."""


class RobotsUnreachable(RobotsDisallowed):
    """robots.txt could not be read (server error, no connection), which forbids the whole host."""


@dataclass(frozen=True)
class Rule:
    allow: bool
    pattern: str  # percent-decoded path pattern, may hold `*` and a final `$`

    def matches(self, path: str) -> bool:
        return _pattern_regex(self.pattern).match(path) is not None


@dataclass
class RobotsRules:
    """The rules of the group that applies to one user-agent token."""

    rules: list[Rule] = field(default_factory=list)
    crawl_delay: float | None = None
    sitemaps: list[str] = field(default_factory=list)
    # Set when robots.txt could not be read (5xx, no connection): RFC 9309
    # says assume complete disallow. Says why, e.g. "robots.txt unreachable: HTTP 503 ...".
    problem: str | None = None

    @classmethod
    def parse(cls, text: str, token: str) -> "RobotsRules":
        """Rules for product `token` (case-insensitive), else the `*` group, else allow all."""
        token = token.lower()
        groups: list[tuple[list[str], list[Rule], list[float]]] = []
        sitemaps: list[str] = []
        agents: list[str] = []
        rules: list[Rule] = []
        delays: list[float] = []
        in_rules = False
        for raw_line in text[:MAX_ROBOTS_BYTES].splitlines():
            line = raw_line.split("#", 1)[0].strip()
            if ":" not in line:
                continue
            key, value = (part.strip() for part in line.split(":", 1))
            key = key.lower()
            if key == "sitemap":
                sitemaps.append(value)  # sitemaps belong to the file, not to a group
            elif key == "user-agent":
                if in_rules:  # a user-agent line after rules starts a new group
                    groups.append((agents, rules, delays))
                    agents, rules, delays, in_rules = [], [], [], False
                agents.append(value.split("/")[0].strip().lower())
            elif key in ("allow", "disallow"):
                in_rules = True
                if agents and value:  # an empty Disallow allows everything: no rule
                    rules.append(Rule(key == "allow", urllib.parse.unquote(value)))
            elif key == "crawl-delay":
                in_rules = True
                try:
                    delays.append(float(value))
                except ValueError:
                    pass
        if agents:
            groups.append((agents, rules, delays))
        # Every group naming our token applies (merged); only failing that, `*`.
        for wanted in (token, "*"):
            chosen = [g for g in groups if wanted in g[0]]
            if chosen:
                merged_delays = [d for g in chosen for d in g[2]]
                return cls(
                    rules=[r for g in chosen for r in g[1]],
                    crawl_delay=min(max(merged_delays), MAX_CRAWL_DELAY) if merged_delays else None,
                    sitemaps=sitemaps,
                )
        return cls(sitemaps=sitemaps)

    def allowed(self, url: str) -> bool:
        if self.problem is not None:
            return False
        parts = urllib.parse.urlsplit(url)
        path = urllib.parse.unquote(parts.path or "/") + (f"?{urllib.parse.unquote(parts.query)}" if parts.query else "")
        if path == "/robots.txt":
            return True
        best: Rule | None = None
        for rule in self.rules:
            if rule.matches(path):
                longer = best is None or len(rule.pattern) > len(best.pattern)
                tie_allow = best is not None and len(rule.pattern) == len(best.pattern) and rule.allow
                if longer or tie_allow:
                    best = rule
        return best is None or best.allow


_REGEX_CACHE: dict[str, re.Pattern[str]] = {}


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    regex = _REGEX_CACHE.get(pattern)
    if regex is None:
        anchored = pattern.endswith("$")
        body = pattern[:-1] if anchored else pattern
        regex = re.compile(".*".join(re.escape(piece) for piece in body.split("*")) + ("$" if anchored else ""), re.S)
        _REGEX_CACHE[pattern] = regex
    return regex


@dataclass
class RobotsFile:
    """What fetching an origin's robots.txt gave: its text, or why there is none."""

    origin: str
    status: int | None  # HTTP status; None when the server could not be reached
    text: str = ""
    fetched_at: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    problem: str | None = None  # why the whole origin is off limits, e.g. "robots.txt unreachable: HTTP 503 ..."


class RobotsStore(Protocol):
    """Somewhere robots.txt files outlive a run (the SQLite `robots_txt` table)."""

    def robots_file(self, origin: str) -> RobotsFile | None: ...

    def save_robots_file(self, robots: RobotsFile) -> None: ...


# Fetches <origin>/robots.txt, conditionally when given the stored copy.
RobotsFetcher = Callable[[str, "RobotsFile | None"], RobotsFile]


class RobotsPolicy:
    """Decides, per URL, whether robots.txt lets `token` fetch it."""

    def __init__(self, token: str, fetcher: RobotsFetcher, store: RobotsStore | None = None):
        self.token = token
        self._fetcher = fetcher
        self._store = store
        self._rules: dict[str, RobotsRules] = {}

    def rules_for(self, url: str) -> RobotsRules:
        origin = origin_of(url)
        rules = self._rules.get(origin)
        if rules is None:
            rules = self._rules[origin] = self._load(origin)
        return rules

    def check(self, url: str) -> None:
        """Raise RobotsDisallowed, naming the URL and the reason, unless `url` may be fetched."""
        rules = self.rules_for(url)
        if rules.allowed(url):
            return
        if rules.problem is not None:
            raise RobotsUnreachable(f"{url}: not fetched, {rules.problem}")
        raise RobotsDisallowed(f"{url}: disallowed by robots.txt")

    def crawl_delay(self, url: str) -> float | None:
        return self.rules_for(url).crawl_delay

    def _load(self, origin: str) -> RobotsRules:
        stored = self._store.robots_file(origin) if self._store is not None else None
        if stored is not None and stored.fetched_at and _age(stored.fetched_at) < FRESH_FOR:
            robots = stored
        else:
            robots = self._fetcher(origin, stored)
            # An unreachable robots.txt is retried next run rather than remembered.
            if self._store is not None and robots.problem is None:
                self._store.save_robots_file(robots)
        if robots.problem is not None:
            return RobotsRules(problem=robots.problem)
        if robots.status is not None and 200 <= robots.status < 300:
            return RobotsRules.parse(robots.text, self.token)
        return RobotsRules()  # 4xx: "unavailable", RFC 9309 says crawl as if there were none


def origin_of(url: str) -> str:
    """scheme://host[:port], lower-cased: the unit robots.txt and politeness apply to."""
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme.lower()}://{(parts.netloc.rsplit('@', 1)[-1]).lower()}"


def product_token(user_agent: str) -> str:
    """The robots.txt token of a User-Agent: its first product name ("miner/0.1 (...)" -> "miner")."""
    first = user_agent.strip().split()[0] if user_agent.strip() else "*"
    return re.sub(r"[^A-Za-z_-]", "", first.split("/")[0]).lower() or "*"


def _age(timestamp: str) -> datetime.timedelta:
    try:
        then = datetime.datetime.fromisoformat(timestamp)
    except ValueError:
        return FRESH_FOR
    if then.tzinfo is None:
        then = then.replace(tzinfo=datetime.timezone.utc)
    return datetime.datetime.now(datetime.timezone.utc) - then


class TableRobotsStore:
    """A `RobotsStore` over the SQLite `robots_txt` table (through `miner.store.fetch_log.FetchLog`)."""

    def __init__(self, log: "FetchLog"):
        self.log = log

    def robots_file(self, origin: str) -> RobotsFile | None:
        row = self.log.robots_row(origin)
        if row is None:
            return None
        return RobotsFile(origin, row["status"], row["body"] or "", row["fetched_at"], row["etag"], row["last_modified"])

    def save_robots_file(self, robots: RobotsFile) -> None:
        self.log.save_robots_row(
            {
                "origin": robots.origin, "status": robots.status, "body": robots.text,
                "etag": robots.etag, "last_modified": robots.last_modified, "fetched_at": robots.fetched_at,
            }
        )
