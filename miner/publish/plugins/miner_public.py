"""Datasette plugin for a public miner instance: safe CSV, security headers, a response cache.

Loaded with `--plugins-dir miner/publish/plugins` (see miner.publish.serving).

CSV export policy (OWASP "CSV injection"): a text cell that starts with
`=`, `+`, `-`, `@`, a tab or a carriage return is written with a `'` in
front, so a spreadsheet shows it as text instead of running it as a formula.
Numbers are written as they are (a negative number is stored as a number,
not text). The JSON and HTML views are not changed.

Headers: every response gets `X-Content-Type-Options: nosniff` and a
Content-Security-Policy that allows scripts, styles, images and requests
from this server only. Datasette's own pages use small inline scripts, so
`'unsafe-inline'` stays for scripts; the policy still stops a page from
loading or sending anything to another host, being framed, or posting forms
elsewhere.

Cache: pages of an immutable database never change while the server runs,
so successful GET responses for immutable databases are kept in a bounded
in-memory LRU (MINER_RESPONSE_CACHE entries, 0 to turn it off).

Precomputed counts: on an immutable database made by `miner publish` (it has
a _miner_facet_counts table), some of Datasette's queries are answered from
what publish computed instead of scanning up to a million rows each time:
the facet counts of an unfiltered table, the count(*) of a page filtered on
one faceted text column (?kind=finding), and the count(*) of a plain
full-text search (from the FTS index alone; publish checked the index
matches its table). The first page of such a search reads only as many
matches as it shows. Any other query, or a Datasette whose SQL looks
different, runs as written.

Facets of big filtered pages: a facet over a filtered page or a full-text
search is row-by-row work; on a million findings `?kind=finding` or a common
word selects hundreds of thousands of rows and each facet would run to
facet_time_limit_ms and time out, burning that much CPU per facet per
request. On an immutable database, when Datasette's own count of the page
says it has more than MINER_FACET_ROWS rows (default 10,000), its facets
are reported as timed out straight away, without running. Narrower pages
(an organisation's findings, a specific search) get their facets.

Schema answers: an immutable file's schema never changes, yet Datasette
reads it (sqlite_master, table columns, keys, the FTS table) about twenty
times a table page through its SQL thread pool, a quarter of a millisecond
each; on a published copy the plugin keeps those answers (bounded caches,
deep copies handed out), and the view-table permission check's merge of the
metadata is kept per table. Rows, counts and facets still run every time.

Table rows: the templates directory (miner/publish/templates) replaces the
Jinja loop over every cell of a table page with the `miner_table_rows`
filter below, which writes the same <td> elements, escaped the same way
(autoescape: text escaped, Datasette's Markup links kept), from one Python
loop; Jinja's async rendering costs about 20 microseconds per cell, a third
of a 50-row page's CPU.
"""

from __future__ import annotations

import collections
import csv as _csv
import os
import re

from datasette import hookimpl
from datasette.utils import to_css_class
from markupsafe import Markup, escape

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "frame-ancestors 'none'; form-action 'self'"
)


def defuse_cell(value):
    """A CSV cell a spreadsheet will not evaluate: formula-like text gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class _DefusingWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        # Datasette awaits what writerow returns (its file object's write is async).
        return self._writer.writerow([defuse_cell(cell) for cell in row])

    def writerows(self, rows):
        return self._writer.writerows([[defuse_cell(cell) for cell in row] for row in rows])


class _DefusingCsv:
    """Stands in for the `csv` module inside datasette.views.base, which writes every CSV export."""

    def __getattr__(self, name):
        return getattr(_csv, name)

    @staticmethod
    def writer(f, *args, **kwargs):
        return _DefusingWriter(_csv.writer(f, *args, **kwargs))


FACET_COUNTS_TABLE = "_miner_facet_counts"
_NAME = r"\[?(\w+)\]?"
# Datasette's facet query over an unfiltered table (datasette/facets.py ColumnFacet).
UNFILTERED_FACET = re.compile(
    rf"select {_NAME} as value, count\(\*\) as count from \( select [^()]* from {_NAME} \) "
    rf"where \[?\1\]? is not null group by \[?\1\]? order by count desc, value limit (\d+)"
)
# Datasette's count of a table page whose only filter is ?_search= (datasette/filters.py).
FTS_ONLY_COUNT = re.compile(
    rf"select count\(\*\) from {_NAME} where rowid in \(select rowid from {_NAME} where \[?\2\]? match "
    r"(escape_fts\(:search\)|:search)\)"
)


# Datasette's count of a table page filtered on one column's value (?kind=finding).
EQUALS_COUNT = re.compile(rf'select count\(\*\) from {_NAME} where "(\w+)" = :p0')
# Datasette's count of a filtered table page, and a facet over the same rows.
FILTERED_COUNT = re.compile(rf"select count\(\*\) from {_NAME} where (.+?)")
FILTERED_FACET = re.compile(
    rf"select {_NAME} as value, count\(\*\) as count from \( select [^()]* from {_NAME} where (.+) \) "
    rf"where \[?\1\]? is not null group by \[?\1\]? order by count desc, value limit (\d+)"
)


# Datasette's first page of a search: every match is looked up, then sorted.
SEARCH_PAGE = re.compile(
    rf"select ([^()]+) from {_NAME} where rowid in \(select rowid from {_NAME} where \[?\3\]? match "
    rf"(escape_fts\(:search\)|:search)\) order by \[?(\w+)\]? limit (\d+)"
)


def facet_rows() -> int:
    return int(os.environ.get("MINER_FACET_ROWS", "10000"))


def _params_key(params):
    return tuple(sorted(params.items())) if isinstance(params, dict) else tuple(params or ())


def rewrite(sql: str, params, *, fts_of: dict[str, str], rowid_alias: dict[str, str] | None = None,
            counted: set[tuple[str, str]] = frozenset()):
    """(sql, params) answered from publish's precomputed counts, or None to run the query as written.

    `counted` holds the (table, TEXT column) pairs publish counted: text compares
    with text the same way in both tables, so an equality count can be looked up.
    """
    rowid_alias = rowid_alias or {}
    flat = " ".join(sql.split())
    facet = UNFILTERED_FACET.fullmatch(flat)
    if facet and not params:
        column, table, limit = facet.groups()
        return (
            f"select value, count from [{FACET_COUNTS_TABLE}] where table_name = :table and column_name = :column"
            " and value is not null order by count desc, value limit :limit",
            {"table": table, "column": column, "limit": int(limit)},
        )
    count = FTS_ONLY_COUNT.fullmatch(flat)
    if count and fts_of.get(count.group(1)) == count.group(2):
        fts, match = count.group(2), count.group(3)
        return f"select count(*) from [{fts}] where [{fts}] match {match}", params
    equals = EQUALS_COUNT.fullmatch(flat)
    if equals and equals.groups() in counted and isinstance(params, dict) and isinstance(params.get("p0"), str):
        table, column = equals.groups()
        return (
            f"select coalesce((select count from [{FACET_COUNTS_TABLE}] where table_name = :table"
            " and column_name = :column and value = :p0), 0)",
            {"table": table, "column": column, "p0": params["p0"]},
        )
    page = SEARCH_PAGE.fullmatch(flat)
    if page and fts_of.get(page.group(2)) == page.group(3) and rowid_alias.get(page.group(2)) == page.group(5):
        # Sorted by the rowid, the first N matches are the FTS index's first N rowids: FTS5 reads them in
        # rowid order and stops, instead of materialising every match.
        columns, table, fts, match, pk, limit = page.groups()
        return (f"select {columns} from [{table}] where rowid in (select rowid from [{fts}] where [{fts}] match {match}"
                f" order by rowid limit {limit}) order by [{pk}] limit {limit}", params)
    return None


SCHEMA_QUERY = re.compile(r"pragma schema_version|select [\w ,()'*]+ from sqlite_master where [^;]*", re.I)


def _is_schema_query(flat: str) -> bool:
    return SCHEMA_QUERY.fullmatch(flat) is not None


def _install_rewriter(db, fts_of: dict[str, str], rowid_alias: dict[str, str], counted: set) -> None:
    from datasette.database import QueryInterrupted

    execute = db.execute
    # Datasette counts a filtered page's rows just before it facets them:
    # remember the count to know whether a facet is worth running.
    counts = _ResponseCache(2000)
    # The schema of an immutable file never changes: Datasette looks it up
    # (sqlite_master, PRAGMA schema_version) about ten times a table page, a
    # quarter of a millisecond each through its thread pool; answered once.
    # Only schema queries: table rows, counts and facets still run each time.
    # Bounded: a visitor's URL names the table looked up.
    schema = _ResponseCache(1000)

    async def execute_rewritten(sql, params=None, *args, **kwargs):
        flat = " ".join(sql.split())
        schema_key = (flat, _params_key(params), args, tuple(sorted(kwargs.items()))) if _is_schema_query(flat) else None
        if schema_key is not None:
            cached = schema.get(schema_key)
            if cached is None:
                cached = await execute(sql, params, *args, **kwargs)
                schema.put(schema_key, cached)
            return cached
        facet = FILTERED_FACET.fullmatch(flat)
        if facet:
            rows = counts.get((facet.group(2), facet.group(3), _params_key(params)))
            if rows is not None and rows > facet_rows():
                raise QueryInterrupted(None, sql, params)  # what the facet time limit would end in
        rewritten = rewrite(sql, params, fts_of=fts_of, rowid_alias=rowid_alias, counted=counted)
        results = await execute(*(rewritten or (sql, params)), *args, **kwargs)
        count = FILTERED_COUNT.fullmatch(flat)
        if count and results.rows:
            counts.put((count.group(1), count.group(2), _params_key(params)), results.rows[0][0])
        return results

    db.execute = execute_rewritten
    _remember_schema_methods(db)


# Database methods that read the schema through Datasette's thread pool, about
# fifteen times a table page; an immutable file's answers never change.
SCHEMA_METHODS = ("table_columns", "table_column_details", "primary_keys", "fts_table",
                  "foreign_keys_for_table", "hidden_table_names", "view_names", "get_all_foreign_keys")


def _remember_schema_methods(db) -> None:
    import copy

    for name in SCHEMA_METHODS:
        method = getattr(db, name, None)
        if method is None:
            continue
        answers = _ResponseCache(1000)  # bounded: a visitor's URL names the table

        async def remembered(*args, _method=method, _answers=answers):
            entry = _answers.get(args)
            if entry is None:
                entry = (await _method(*args),)
                _answers.put(args, entry)
            return copy.deepcopy(entry[0])  # the caller may change its copy

        setattr(db, name, remembered)


def _remember_table_permissions(datasette) -> None:
    """Datasette's table `allow` blocks, worked out once per table instead of twice a request.

    Datasette merges them from a deep copy of the whole metadata (32 KB for
    miner) on every view-table check: 2 to 3 ms of a table page's CPU. The
    answer depends on the metadata alone, so it is kept while the metadata
    object is the same one and no plugin supplies metadata of its own
    (a get_metadata hook could answer differently each time).
    """
    from datasette.plugins import pm

    work_out = getattr(datasette, "_table_permission_allows", None)
    if work_out is None or getattr(work_out, "miner_remembered", False) or pm.hook.get_metadata.get_hookimpls():
        return
    remembered = _ResponseCache(1000)  # bounded: a visitor's URL names the table

    def table_permission_allows(database, table):
        metadata = getattr(datasette, "_metadata_local", None)
        entry = remembered.get((database, table))
        if entry is None or entry[0] is not metadata:  # `is`: the entry holds the object it was worked out from
            entry = (metadata, work_out(database, table))
            remembered.put((database, table), entry)
        return entry[1]

    table_permission_allows.miner_remembered = True
    datasette._table_permission_allows = table_permission_allows


@hookimpl
def startup(datasette):
    # Datasette has no hook for its built-in CSV export, so its module's
    # reference to `csv` is swapped; idempotent, and only cell values change.
    import datasette.views.base as base

    if not isinstance(base.csv, _DefusingCsv):
        base.csv = _DefusingCsv()
    _remember_table_permissions(datasette)

    async def precomputed_counts():
        for db in datasette.databases.values():
            if db.is_mutable or db.is_memory or not await db.table_exists(FACET_COUNTS_TABLE):
                continue
            fts_of, rowid_alias, text_columns = {}, {}, set()
            for table in await db.table_names():
                fts = await db.fts_table(table)
                if fts:
                    fts_of[table] = fts
                columns = (await db.execute(f"pragma table_info([{table}])")).rows
                pks = [c["name"] for c in columns if c["pk"]]
                if len(pks) == 1 and any(c["name"] == pks[0] and c["type"].upper() == "INTEGER" for c in columns):
                    rowid_alias[table] = pks[0]  # an INTEGER PRIMARY KEY is the rowid
                text_columns |= {(table, c["name"]) for c in columns if c["type"].upper() == "TEXT"}
            counted = {tuple(row) for row in (await db.execute(
                f"select distinct table_name, column_name from [{FACET_COUNTS_TABLE}]")).rows} & text_columns
            _install_rewriter(db, fts_of, rowid_alias, counted)

    return precomputed_counts


class _ResponseCache:
    def __init__(self, size: int):
        self.size = size
        self.entries: collections.OrderedDict = collections.OrderedDict()

    def get(self, key):
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key, entry):
        self.entries[key] = entry
        self.entries.move_to_end(key)
        while len(self.entries) > self.size:
            self.entries.popitem(last=False)


MAX_CACHED_BODY = 2 * 1024 * 1024


@hookimpl
def asgi_wrapper(datasette):
    cache = _ResponseCache(int(os.environ.get("MINER_RESPONSE_CACHE", "2000")))

    def cacheable(scope) -> bool:
        if not cache.size or scope["type"] != "http" or scope["method"] != "GET":
            return False
        database = scope["path"].lstrip("/").split("/", 1)[0].split(".", 1)[0]
        db = datasette.databases.get(database)
        # An actor's view may differ from the public one; cookies carry actors.
        personal = any(name in (b"cookie", b"authorization") for name, _ in scope.get("headers", []))
        return db is not None and not db.is_mutable and not db.is_memory and not personal

    def cache_key(scope):
        # Pages hold absolute links built from the request's scheme and Host:
        # they are part of the key, or one request with a forged Host header
        # would put its links into every visitor's copy of the page.
        host = next((value for name, value in scope.get("headers", []) if name == b"host"), b"")
        return scope.get("scheme", "http"), host, scope["path"], scope.get("query_string", b"")

    def wrap(app):
        async def secured(scope, receive, send):
            if scope["type"] != "http":
                return await app(scope, receive, send)
            key = cache_key(scope) if cacheable(scope) else None
            if key is not None:
                hit = cache.get(key)
                if hit is not None:
                    start, body = hit
                    await send(start)
                    await send({"type": "http.response.body", "body": body})
                    return
            captured = {"start": None, "chunks": [], "size": 0, "ok": key is not None}

            async def send_secured(message):
                if message["type"] == "http.response.start":
                    headers = [
                        (name, value) for name, value in message.get("headers", [])
                        if name.lower() not in (b"x-content-type-options", b"content-security-policy")
                    ]
                    headers += [(b"x-content-type-options", b"nosniff"),
                                (b"content-security-policy", CONTENT_SECURITY_POLICY.encode())]
                    message = {**message, "headers": headers}
                    if message["status"] != 200 or any(name.lower() == b"set-cookie" for name, _ in headers):
                        captured["ok"] = False
                    captured["start"] = message
                elif message["type"] == "http.response.body" and captured["ok"]:
                    captured["chunks"].append(message.get("body", b""))
                    captured["size"] += len(message.get("body", b""))
                    if captured["size"] > MAX_CACHED_BODY:
                        captured["ok"] = False
                    elif not message.get("more_body"):
                        cache.put(key, (captured["start"], b"".join(captured["chunks"])))
                await send(message)

            await app(scope, receive, send_secured)

        return secured

    return wrap


def table_rows(display_rows) -> Markup:
    """The <tr> elements of a table page, as Datasette's _table.html writes them (autoescaped)."""
    css: dict[str, str] = {}
    out = []
    for row in display_rows:
        out.append("<tr>")
        for cell in row:
            column = cell["column"]
            if column not in css:
                css[column] = str(escape(to_css_class(column)))
            out.append(f'<td class="col-{css[column]} type-{escape(cell["value_type"])}">{escape(cell["value"])}</td>')
        out.append("</tr>\n")
    return Markup("".join(out))


@hookimpl
def prepare_jinja2_environment(env):
    env.filters["miner_table_rows"] = table_rows
