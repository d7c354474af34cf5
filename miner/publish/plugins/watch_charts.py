"""Datasette plugin: SVG charts of grade history and theme trends, and links
from the watch queries' id columns to the finding and document they name.

Routes (all server-side SVG, no JavaScript):
  /-/miner/charts?organisation=ID          a page with both charts
  /-/miner/charts/grades?organisation=ID   grade history per area (grade_history view)
  /-/miner/charts/themes?limit=8           findings per year of the biggest themes (theme_trend view)
Each takes ?database=NAME when more than one database is served.
"""

from html import escape
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup

from miner.watch.charts import grades_chart, themes_chart

# Columns of canned queries and views that hold an id: linked to its row page.
LINKED_COLUMNS = {
    "finding_id": "findings",
    "earlier_finding_id": "findings",
    "later_finding_id": "findings",
    "grading_id": "gradings",
    "previous_grading_id": "gradings",
    "document_id": "documents",
    "earlier_document_id": "documents",
    "later_document_id": "documents",
    "previous_document_id": "documents",
    "theme_id": "themes",
}

WATCH_VIEWS = {"theme_trend", "grade_history", "grade_changes"}


def _database(datasette, request):
    name = request.args.get("database")
    names = [n for n in datasette.databases if n not in ("_internal", "_memory")]
    if name:
        return datasette.get_database(name) if name in names else None
    return datasette.get_database(names[0]) if names else None


def _svg(body: str) -> Response:
    return Response(body, content_type="image/svg+xml; charset=utf-8")


async def _grade_rows(db, organisation):
    named = await db.execute("select name from organisations where id = ?", [organisation])
    name = named.rows[0][0] if named.rows else organisation
    result = await db.execute(
        "select area, grade, rank, inspection_date, scale from grade_history where organisation_id = ? order by inspection_date, area",
        [organisation],
    )
    rows = [dict(r) for r in result.rows]
    scales = {r["scale"] for r in rows}
    scale_grades = {}
    if len(scales) == 1:  # one scale: name all its grades; mixed scales: only those seen
        ranks = await db.execute("select rank, grade from grade_ranks where scale = ?", [scales.pop()])
        scale_grades = {rank: grade for rank, grade in ranks.rows}
    return name, rows, scale_grades


async def grades(datasette, request):
    db = _database(datasette, request)
    organisation = request.args.get("organisation")
    if db is None or not organisation:
        return Response.text("organisation: required (an organisations.id), and database if several are served", status=400)
    name, rows, scale_grades = await _grade_rows(db, organisation)
    return _svg(grades_chart(name, rows, scale_grades))


async def themes(datasette, request):
    db = _database(datasette, request)
    if db is None:
        return Response.text("database: not served", status=400)
    try:
        limit = max(1, min(int(request.args.get("limit", "8")), 10))
    except ValueError:
        return Response.text("limit: not a number", status=400)
    result = await db.execute("select theme_id, label, year, n_findings from theme_trend order by year")
    return _svg(themes_chart([dict(r) for r in result.rows], limit=limit))


async def page(datasette, request):
    db = _database(datasette, request)
    if db is None:
        return Response.text("database: not served", status=400)
    organisation = request.args.get("organisation")
    base = {"database": db.name}
    options = await db.execute(
        "select distinct h.organisation_id, coalesce(o.name, h.organisation_id) from grade_history h "
        "left join organisations o on o.id = h.organisation_id order by 2"
    )
    links = "".join(
        f'<li><a href="?{escape(urlencode({**base, "organisation": oid}))}">{escape(name)}</a></li>' for oid, name in options.rows
    )
    grade_img = (
        f'<h2>Grade history</h2><img alt="Grade history" src="/-/miner/charts/grades?{escape(urlencode({**base, "organisation": organisation}))}">'
        if organisation else "<p>Choose an organisation for its grade history.</p>"
    )
    html = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>miner charts</title></head>"
        "<body style='font-family:sans-serif;margin:1em'>"
        f"<h1>miner charts</h1>{grade_img}"
        f'<h2>Theme trend</h2><img alt="Theme trend" src="/-/miner/charts/themes?{escape(urlencode(base))}">'
        f"<h2>Organisations</h2><ul>{links}</ul></body></html>"
    )
    return Response.html(html)


@hookimpl
def register_routes():
    return [
        (r"^/-/miner/charts$", page),
        (r"^/-/miner/charts/grades$", grades),
        (r"^/-/miner/charts/themes$", themes),
    ]


@hookimpl
def render_cell(value, column, table, database, datasette):
    # Only queries (table is None) and the watch views: tables already link their foreign keys.
    target = LINKED_COLUMNS.get(column)
    if target is None or not isinstance(value, int) or (table is not None and table not in WATCH_VIEWS):
        return None
    return Markup('<a href="{}/{}">{}</a>'.format(escape(datasette.urls.table(database, target)), value, value))
