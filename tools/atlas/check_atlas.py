#!/usr/bin/env python3
"""Validate assets/atlas/body.json against docs/atlas-format.md and the
project's needs, independently of how the file was produced.

    python3 tools/atlas/check_atlas.py [body.json] [--grid 400x800]

Checks what the loader refuses (names, closed loops, codes, coordinates,
geometry left of the midline), plus what the app relies on: every CHOIR
region covered on the right view and side, the muscle codes the demo and
referral data use, no self-crossing outlines, and that the mirrored regions
tile the silhouette (sampled on a grid: inside the body exactly one region,
outside none). Exits non-zero on any error.
"""

import sys

sys.dont_write_bytecode = True  # keep tools/atlas free of __pycache__

import argparse
import csv
import json
import os

from geom import tessellate

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
MIN_AREA = 0.0004  # diagram units squared: smaller is hard to click

REQUIRED = {
    "front": ["temporalis", "masseter", "sternocleidomastoid", "scalenes", "deltoid", "pectoralis_major",
              "forearm_flexors", "quadriceps", "it_band", "tibialis_anterior"],
    "back": ["suboccipitals", "splenius_capitis", "upper_trapezius", "levator_scapulae", "supraspinatus",
             "deltoid", "middle_trapezius", "rhomboid", "infraspinatus", "lower_trapezius", "forearm_extensors",
             "erector_spinae_lumbar", "quadratus_lumborum", "gluteus_medius", "piriformis", "hamstrings",
             "gastrocnemius", "soleus"],
}


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def error(self, msg):
        self.errors.append(msg)

    def warn(self, msg):
        self.warnings.append(msg)


def signed_area(poly):
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(poly, poly[1:] + poly[:1]))


def segments_cross(p, q, r, s):
    """Proper crossing of segments pq and rs (touching at an end is not one)."""

    def orient(a, b, c):
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2, d3, d4 = orient(r, s, p), orient(r, s, q), orient(p, q, r), orient(p, q, s)
    return d1 * d2 < 0 and d3 * d4 < 0


def self_crossings(poly):
    n = len(poly)
    found = []
    for i in range(n):
        p, q = poly[i], poly[(i + 1) % n]
        for k in range(i + 2, n):
            if i == 0 and k == n - 1:
                continue  # neighbours through the closing point
            if segments_cross(p, q, poly[k], poly[(k + 1) % n]):
                found.append((round(p[0], 4), round(p[1], 4)))
    return found


def load_choir():
    with open(os.path.join(ROOT, "assets", "atlas", "choir_regions.csv"), newline="") as f:
        return {r["code"]: r for r in csv.DictReader(f)}


def check_view(name, view, rep, choir, grid):
    pts, edges, regions = view.get("points", {}), view.get("edges", {}), view.get("regions", [])
    for p, (x, y) in pts.items():
        if not (0 <= x <= 1 and 0 <= y <= 1):
            rep.error(f"{name}: point {p} outside [0, 1]")
        if x < 0.5:
            rep.error(f"{name}: point {p} left of the midline")
    tess = {}
    midline_edges = set()
    for e, d in edges.items():
        if d.get("from") not in pts or d.get("to") not in pts:
            rep.error(f"{name}: edge {e} names an unknown point")
            continue
        ctrl = d.get("controls")
        if ctrl is not None and (len(ctrl) != 2 or any(len(c) != 2 for c in ctrl)):
            rep.error(f"{name}: edge {e} needs exactly two control points")
            continue
        for c in ctrl or []:
            if c[0] < 0.5 or not (0 <= c[0] <= 1 and 0 <= c[1] <= 1):
                rep.error(f"{name}: edge {e} control point {c} out of bounds or left of the midline")
        a, b = tuple(pts[d["from"]]), tuple(pts[d["to"]])
        tess[e] = tessellate(a, b, ctrl)
        xs = [a[0], b[0]] + [c[0] for c in ctrl or []]
        if all(x == 0.5 for x in xs):
            midline_edges.add(e)
        elif a[0] == 0.5 and b[0] == 0.5:
            rep.error(f"{name}: edge {e} joins two midline points but bulges off the midline")

    use = {}
    muscles = set()
    polys = []
    for r in regions:
        m = r.get("muscle", "?")
        where = f"{name}.{m}"
        if m in muscles:
            rep.error(f"{where}: duplicate muscle code")
        muscles.add(m)
        for k in ("name", "anatomical"):
            if not r.get(k):
                rep.error(f"{where}: missing {k}")
        ch = r.get("choir", {})
        for side in ("left", "right"):
            code = ch.get(side)
            row = choir.get(code)
            if row is None or row["view"] != name or row["side"] != side:
                rep.error(f"{where}: CHOIR {side} code {code} is not a {name}/{side} region")
        poly = []
        start = prev_end = None
        ok = True
        for ref in r.get("boundary", []):
            rev = ref.startswith("-")
            e = ref[1:] if rev else ref
            if e not in tess:
                rep.error(f"{where}: unknown edge {e}")
                ok = False
                break
            use[e] = use.get(e, 0) + 1
            f, t = (edges[e]["to"], edges[e]["from"]) if rev else (edges[e]["from"], edges[e]["to"])
            if prev_end is not None and f != prev_end:
                rep.error(f"{where}: edge {ref} does not start where the previous one ends")
                ok = False
            start = start or f
            prev_end = t
            seg = tess[e][::-1] if rev else tess[e]
            poly += seg[:-1]
        if ok and prev_end != start:
            rep.error(f"{where}: boundary does not close")
            ok = False
        if not ok or len(poly) < 3:
            continue
        crossings = self_crossings(poly)
        if crossings:
            rep.error(f"{where}: outline crosses itself near {crossings[:3]}")
        polys.append((m, r, poly))

    for e, n in use.items():
        if n > 2:
            rep.error(f"{name}: edge {e} used by {n} regions")
        if e in midline_edges and n != 1:
            rep.error(f"{name}: midline edge {e} used by {n} regions")
    unused = set(edges) - set(use)
    if unused:
        rep.warn(f"{name}: {len(unused)} edges used by no region")

    # silhouette: edges used once that are not on the midline, plus mirror
    sil = [e for e, n in use.items() if n == 1 and e not in midline_edges]
    degree = {}
    for e in sil:
        for p in (edges[e]["from"], edges[e]["to"]):
            degree[p] = degree.get(p, 0) + 1
    for p, n in degree.items():
        if n != 2 and not (n == 1 and pts[p][0] == 0.5):
            rep.error(f"{name}: silhouette is not a closed curve at point {p}")

    for m in REQUIRED[name]:
        if m not in muscles:
            rep.error(f"{name}: required muscle code {m} missing")

    areas = sorted((abs(signed_area(p)), m) for m, _, p in polys)
    for a, m in areas:
        if a < MIN_AREA:
            rep.warn(f"{name}.{m}: area {a:.5f} is below {MIN_AREA}")
    half_area = sum(a for a, _ in areas)
    sil_segs = [tess[e] for e in sil]
    tiling = tile_check(name, polys, sil_segs, grid, rep)
    return {"regions": len(regions) * 2, "areas": areas, "half_area": half_area, "tiling": tiling}


def tile_check(name, polys, sil_segs, grid, rep):
    """Scanline sampling of the mirrored view: every sample inside the
    silhouette must be in exactly one region, every sample outside in none."""
    nx, ny = grid

    def mirror(poly):
        return [(1 - x, y) for x, y in poly]

    def add_segments(rows, key, a, b):
        # canonical order so a shared edge gives bit-identical crossings
        if (a[1], a[0]) > (b[1], b[0]):
            a, b = b, a
        if a[1] == b[1]:
            return
        j0 = max(0, int(a[1] * ny - 0.5) - 1)
        j1 = min(ny - 1, int(b[1] * ny - 0.5) + 1)
        for j in range(j0, j1 + 1):
            y = (j + 0.5) / ny
            if a[1] <= y < b[1]:
                x = a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1])
                rows[j].setdefault(key, []).append(x)

    rows = [dict() for _ in range(ny)]
    for idx, (_, _, poly) in enumerate(polys):
        for key, pl in ((2 * idx, poly), (2 * idx + 1, mirror(poly))):
            for a, b in zip(pl, pl[1:] + pl[:1]):
                add_segments(rows, key, a, b)
    for pl in sil_segs:
        for side in (pl, mirror(pl)):
            for a, b in zip(side, side[1:]):
                add_segments(rows, "sil", a, b)

    gaps = overlaps = outside = inside = 0
    worst = []
    for j, row in enumerate(rows):
        cover = [0] * nx
        sil = [False] * nx
        for key, xs in row.items():
            xs.sort()
            if len(xs) % 2:
                rep.error(f"{name}: open outline on scanline {j}")
                continue
            for x0, x1 in zip(xs[0::2], xs[1::2]):
                i0 = max(0, int(x0 * nx - 0.5) + (0 if x0 * nx - 0.5 < 0 else 1))
                i1 = min(nx - 1, int(x1 * nx - 0.5))
                for i in range(i0, i1 + 1):
                    if x0 <= (i + 0.5) / nx < x1:
                        if key == "sil":
                            sil[i] = not sil[i]
                        else:
                            cover[i] += 1
        for i in range(nx):
            if sil[i]:
                inside += 1
                if cover[i] == 0:
                    gaps += 1
                elif cover[i] > 1:
                    overlaps += 1
            elif cover[i]:
                outside += 1
            if (sil[i] and cover[i] != 1) or (not sil[i] and cover[i]):
                if len(worst) < 5:
                    worst.append(((i + 0.5) / nx, (j + 0.5) / ny, cover[i], sil[i]))
    if gaps or overlaps or outside:
        rep.error(f"{name}: tiling fails: {gaps} gaps, {overlaps} overlaps, {outside} region samples outside "
                  f"the silhouette; first at {worst}")
    return {"samples_inside": inside, "gaps": gaps, "overlaps": overlaps, "outside": outside}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("atlas", nargs="?", default=os.path.join(ROOT, "assets", "atlas", "body.json"))
    ap.add_argument("--grid", default="400x800", help="samples per view, WxH")
    args = ap.parse_args()
    grid = tuple(int(v) for v in args.grid.split("x"))
    with open(args.atlas) as f:
        atlas = json.load(f)
    rep = Report()
    if atlas.get("format") != "knotmap-atlas" or atlas.get("version") != 1:
        rep.error("format must be knotmap-atlas version 1")
    if atlas.get("canvas_aspect") != 0.5:
        rep.error("canvas_aspect must be 0.5")
    choir = load_choir()
    results = {}
    covered = set()
    for name in ("front", "back"):
        view = atlas.get("views", {}).get(name)
        if view is None:
            rep.error(f"view {name} missing")
            continue
        results[name] = check_view(name, view, rep, choir, grid)
        for r in view.get("regions", []):
            covered.update(r.get("choir", {}).values())
    missing = sorted(set(choir) - covered)
    if missing:
        rep.error(f"CHOIR codes with no region: {missing}")

    total = 0
    for name, res in results.items():
        total += res["regions"]
        t = res["tiling"]
        print(f"{name}: {res['regions']} regions ({res['regions'] // 2} a side); "
              f"tiling on {grid[0]}x{grid[1]}: {t['samples_inside']} samples inside, "
              f"{t['gaps']} gaps, {t['overlaps']} overlaps, {t['outside']} outside")
        small = ", ".join(f"{m} {a:.5f}" for a, m in res["areas"][:4])
        print(f"  smallest areas: {small}; half-body area {res['half_area']:.4f}")
    print(f"total regions: {total}; CHOIR codes covered: {len(covered & set(choir))}/{len(choir)}")
    for w in rep.warnings:
        print("warning:", w)
    for e in rep.errors:
        print("ERROR:", e)
    print("OK" if not rep.errors else f"FAILED ({len(rep.errors)} errors)")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
