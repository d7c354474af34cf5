"""Server-side SVG line charts for the Datasette plugin (no JavaScript).

Every label is XML-escaped here: area names, grades and theme labels come
from documents, which anyone can write.
"""

from __future__ import annotations

import math
from html import escape

PALETTE = ("#1b6ca8", "#d1495b", "#2e933c", "#edae49", "#66418a", "#00798c", "#8d6a2f", "#30343f", "#e07a5f", "#3d405b")
WIDTH, HEIGHT = 860, 420
LEFT, RIGHT, TOP, BOTTOM = 190, 260, 50, 60


def line_chart(title: str, x_values: list, series: list[tuple[str, dict]], *, y_labels: dict | None = None, y_max: float | None = None) -> str:
    """An SVG line chart: `series` are (name, {x: y}); `y_labels` names y ticks (grades)."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    xs = sorted(set(x_values))
    ys = [y for _, points in series for y in points.values() if y is not None]
    top = y_max or max([*ys, *(y_labels or {}).keys(), 1])
    bottom = min([*(y_labels or {0: None}).keys()]) if y_labels else 0

    def px(x):
        return LEFT + (plot_w * (xs.index(x) / (len(xs) - 1)) if len(xs) > 1 else plot_w / 2)

    def py(y):
        return TOP + plot_h - (plot_h * (y - bottom) / ((top - bottom) or 1))

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        'font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<text x="{WIDTH / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">{escape(title)}</text>',
    ]
    if y_labels:
        ticks = sorted(y_labels.items())
    else:  # counts: whole numbers
        step = max(1, math.ceil((top - bottom) / 4))
        top = bottom + step * math.ceil((top - bottom) / step)
        ticks = [(value, None) for value in range(int(bottom), int(top) + 1, step)]
    for value, name in ticks:
        y = py(value)
        out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#dddddd"/>')
        label = name if name is not None else (f"{value:g}")
        out.append(f'<text x="{LEFT - 8}" y="{y + 4:.1f}" text-anchor="end">{escape(str(label))}</text>')
    for x in xs:
        out.append(f'<text x="{px(x):.1f}" y="{TOP + plot_h + 22}" text-anchor="middle">{escape(str(x))}</text>')
    if not series:
        out.append(f'<text x="{LEFT + plot_w / 2}" y="{TOP + plot_h / 2}" text-anchor="middle" fill="#777777">No data</text>')
    for i, (name, points) in enumerate(series):
        colour = PALETTE[i % len(PALETTE)]
        coords = [(px(x), py(y)) for x, y in sorted(points.items()) if y is not None and x in xs]
        if len(coords) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"/>')
        for x, y in coords:
            out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}"><title>{escape(name)}</title></circle>')
        ly = TOP + 14 + i * 20
        out.append(f'<rect x="{LEFT + plot_w + 16}" y="{ly - 9}" width="12" height="12" fill="{colour}"/>')
        out.append(f'<text x="{LEFT + plot_w + 34}" y="{ly + 1}">{escape(_clip(name, 36))}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def grades_chart(organisation: str, rows: list[dict], scale_grades: dict[int, str] | None = None) -> str:
    """Grade history of one organisation: one line per area, y = the scale's grades.

    `rows` come from the grade_history view (area, grade, rank, inspection_date, scale);
    `scale_grades` (rank -> grade, from grade_ranks) names every step of the scale.
    """
    series: dict[str, dict] = {}
    y_labels: dict[int, str] = dict(scale_grades or {})
    for row in rows:
        if row["rank"] is None:
            continue
        series.setdefault(row["area"], {})[(row["inspection_date"] or "")[:10]] = row["rank"]
        y_labels.setdefault(row["rank"], row["grade"])
    dates = [d for points in series.values() for d in points]
    return line_chart(f"Grade history: {organisation}", dates, sorted(series.items()), y_labels=y_labels or None)


def themes_chart(rows: list[dict], *, limit: int = 8) -> str:
    """Findings per year for the biggest themes (rows from the theme_trend view)."""
    totals: dict[tuple, int] = {}
    for row in rows:
        key = (row["theme_id"], row["label"])
        totals[key] = totals.get(key, 0) + row["n_findings"]
    top = sorted(totals, key=lambda k: (-totals[k], k[0]))[:limit]
    years = sorted({row["year"] for row in rows if row["year"] is not None})
    series = []
    for key in top:
        points = {year: 0 for year in years}
        for row in rows:
            if (row["theme_id"], row["label"]) == key and row["year"] is not None:
                points[row["year"]] = row["n_findings"]
        series.append((key[1], points))
    return line_chart("Themes: findings per year", years, series)
