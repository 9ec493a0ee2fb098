#!/usr/bin/env python3
"""Render the atlas to SVG (and PNG through rsvg-convert) to look at it.

    python3 tools/atlas/preview.py OUT.svg [--view front|back|both] [--labels]
        [--crop X0 Y0 X1 Y1] [--width PX] [--png]

Regions are filled in soft colours by body part, with thin shared edges and
a heavier silhouette; --labels writes each code at a point well inside its
region. --crop zooms into a box of diagram coordinates (to check curves).
"""

import sys

sys.dont_write_bytecode = True  # keep tools/atlas free of __pycache__

import argparse
import json
import os
import subprocess

from geom import tessellate

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def region_polygons(view):
    pts, edges = view["points"], view["edges"]
    tess = {e: tessellate(tuple(pts[d["from"]]), tuple(pts[d["to"]]), d.get("controls"), 32)
            for e, d in edges.items()}
    out = []
    for r in view["regions"]:
        poly = []
        for ref in r["boundary"]:
            seg = tess[ref[1:]][::-1] if ref.startswith("-") else tess[ref]
            poly += seg[:-1]
        out.append((r, poly))
    return out, tess


def silhouette_edges(view, tess):
    use = {}
    for r in view["regions"]:
        for ref in r["boundary"]:
            use[ref.lstrip("-")] = use.get(ref.lstrip("-"), 0) + 1
    pts = view["points"]
    out = []
    for e, n in use.items():
        d = view["edges"][e]
        on_mid = pts[d["from"]][0] == 0.5 and pts[d["to"]][0] == 0.5
        if n == 1 and not on_mid:
            out.append(tess[e])
    return out


PALETTE = ["#f3d9c6", "#d6e6f2", "#dcefd6", "#efe0f2", "#f6efc8", "#d3efec", "#f2d4da", "#e2e2f5"]


def colours(view):
    """Soft fills where regions sharing an edge never share a colour
    (greedy graph colouring, most-connected first)."""
    owners = {}
    for r in view["regions"]:
        for ref in r["boundary"]:
            owners.setdefault(ref.lstrip("-"), []).append(r["muscle"])
    nbrs = {r["muscle"]: set() for r in view["regions"]}
    for ms in owners.values():
        for a in ms:
            nbrs[a].update(m for m in ms if m != a)
    out = {}
    for m in sorted(nbrs, key=lambda m: (-len(nbrs[m]), m)):
        taken = {out[n] for n in nbrs[m] if n in out}
        out[m] = next(c for c in PALETTE if c not in taken)
    return out


def label_point(poly):
    """A sample inside the polygon far from its edges (in canvas heights)."""
    xs, ys = [p[0] for p in poly], [p[1] for p in poly]
    best, best_d = None, -1.0
    n = 24
    segs = list(zip(poly, poly[1:] + poly[:1]))
    for i in range(n):
        for j in range(n):
            x = min(xs) + (max(xs) - min(xs)) * (i + 0.5) / n
            y = min(ys) + (max(ys) - min(ys)) * (j + 0.5) / n
            inside = False
            for (x0, y0), (x1, y1) in segs:
                if (y0 <= y) != (y1 <= y) and x < x0 + (x1 - x0) * (y - y0) / (y1 - y0):
                    inside = not inside
            if not inside:
                continue
            d = min(seg_dist((x * 0.5, y), (a[0] * 0.5, a[1]), (b[0] * 0.5, b[1])) for a, b in segs)
            if d > best_d:
                best, best_d = (x, y), d
    return best


def seg_dist(p, a, b):
    dx, dy = b[0] - a[0], b[1] - a[1]
    L = dx * dx + dy * dy
    t = 0 if L == 0 else max(0, min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / L))
    qx, qy = a[0] + t * dx - p[0], a[1] + t * dy - p[1]
    return (qx * qx + qy * qy) ** 0.5


def render_view(view, ox, W, H, labels, crop):
    x0, y0, x1, y1 = crop
    sx, sy = W / (x1 - x0), H / (y1 - y0)

    def P(p):
        return f"{ox + (p[0] - x0) * sx:.2f},{(p[1] - y0) * sy:.2f}"

    polys, tess = region_polygons(view)
    fill = colours(view)
    parts = []
    for mirror in (False, True):
        for r, poly in polys:
            pl = [(1 - x, y) for x, y in poly] if mirror else poly
            parts.append(f'<polygon points="{" ".join(P(p) for p in pl)}" fill="{fill[r["muscle"]]}" '
                         f'stroke="#6b6b78" stroke-width="0.6" stroke-linejoin="round"/>')
    for seg in silhouette_edges(view, tess):
        for pl in (seg, [(1 - x, y) for x, y in seg]):
            parts.append(f'<polyline points="{" ".join(P(p) for p in pl)}" fill="none" stroke="#2b2b33" '
                         f'stroke-width="1.6" stroke-linejoin="round" stroke-linecap="round"/>')
    if labels:
        fs = max(6, W / 95)
        for r, poly in polys:
            lp = label_point(poly)
            if lp is None:
                continue
            x, y = P(lp).split(",")
            parts.append(f'<text x="{x}" y="{y}" font-size="{fs:.1f}" font-family="sans-serif" '
                         f'text-anchor="middle" fill="#222">{r["muscle"]}</text>')
    return parts


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--atlas", default=os.path.join(ROOT, "assets", "atlas", "body.json"))
    ap.add_argument("--view", default="both")
    ap.add_argument("--labels", action="store_true")
    ap.add_argument("--crop", nargs=4, type=float, default=[0, 0, 1, 1])
    ap.add_argument("--width", type=int, default=600, help="pixels per view")
    ap.add_argument("--png", action="store_true", help="also write OUT.png with rsvg-convert")
    args = ap.parse_args()
    with open(args.atlas) as f:
        atlas = json.load(f)
    views = ["front", "back"] if args.view == "both" else [args.view]
    x0, y0, x1, y1 = args.crop
    W = args.width
    # keep the canvas' 1:2 aspect: one unit of x is half a unit of y on screen
    H = int(W * (y1 - y0) / (x1 - x0) * 2)
    parts = []
    for k, v in enumerate(views):
        parts += render_view(atlas["views"][v], k * W, W, H, args.labels, args.crop)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W * len(views)}" height="{H}">'
           f'<rect width="100%" height="100%" fill="white"/>' + "\n".join(parts) + "</svg>\n")
    with open(args.out, "w") as f:
        f.write(svg)
    if args.png:
        subprocess.run(["rsvg-convert", "-o", os.path.splitext(args.out)[0] + ".png", args.out], check=True)


if __name__ == "__main__":
    main()
