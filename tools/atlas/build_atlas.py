#!/usr/bin/env python3
"""Generate assets/atlas/body.json from the landmark tables in this folder.

    python3 tools/atlas/build_atlas.py            # writes assets/atlas/body.json
    python3 tools/atlas/build_atlas.py --out FILE

The output is deterministic (sorted keys, 5 decimals, one point or edge a
line) so diffs of the asset stay readable. Run check_atlas.py afterwards.
"""

import sys

sys.dont_write_bytecode = True  # keep tools/atlas free of __pycache__

import argparse
import csv
import json
import os

import back
import front
import metadata
from outline import add_outline
from planar_map import PlanarMap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CHOIR_CSV = os.path.join(ROOT, "assets", "atlas", "choir_regions.csv")
DEFAULT_OUT = os.path.join(ROOT, "assets", "atlas", "body.json")


def choir_pairs():
    """code -> the same region's code on the patient's other side."""
    with open(CHOIR_CSV, newline="") as f:
        rows = list(csv.DictReader(f))
    by_key = {(r["view"], r["name"], r["side"]): r["code"] for r in rows}
    other = {"left": "right", "right": "left"}
    return {r["code"]: by_key[(r["view"], r["name"], other[r["side"]])] for r in rows}


def build_view(view, module, names, authored_side):
    pm = PlanarMap(view)
    add_outline(pm, view)
    pm.points_from(module.POINTS)
    for pts, start, end in module.CHAINS:
        pm.chain(pts, start=start, end=end)
    pm.midline(module.MIDLINE)
    pairs = choir_pairs()
    for code, loop in module.REGIONS:
        display, anatomical, authored = names[code]
        mirrored = pairs[authored]
        choir = {authored_side: authored, ("right" if authored_side == "left" else "left"): mirrored}
        pm.region(code, display, anatomical, choir, loop)
    missing = set(names) - {c for c, _ in module.REGIONS}
    if missing:
        raise ValueError(f"{view}: metadata for regions never drawn: {sorted(missing)}")
    unused = [p for p in pm.unused_points() if p in module.POINTS]
    if unused:
        raise ValueError(f"{view}: points on no line: {unused}")
    return pm.to_json()


def build():
    return {
        "format": "knotmap-atlas",
        "version": 1,
        "canvas_aspect": 0.5,
        "views": {
            # front: the authored half (x >= 0.5) is the patient's left
            "front": build_view("front", front, metadata.FRONT, "left"),
            # back: seen from behind, the authored half is the patient's right
            "back": build_view("back", back, metadata.BACK, "right"),
        },
    }


def dump(atlas):
    """JSON with one point, edge or region a line: compact, stable, diffable."""

    def j(v):
        return json.dumps(v, sort_keys=True, ensure_ascii=False)

    out = ["{", f' "canvas_aspect": {j(atlas["canvas_aspect"])},', f' "format": {j(atlas["format"])},']
    out.append(f' "version": {j(atlas["version"])},')
    out.append(' "views": {')
    views = sorted(atlas["views"])
    for vi, vname in enumerate(views):
        v = atlas["views"][vname]
        out.append(f"  {j(vname)}: {{")
        out.append('   "edges": {')
        keys = sorted(v["edges"])
        out += [f"    {j(k)}: {j(v['edges'][k])}" + ("," if i < len(keys) - 1 else "") for i, k in enumerate(keys)]
        out.append("   },")
        out.append('   "points": {')
        keys = sorted(v["points"])
        out += [f"    {j(k)}: {j(v['points'][k])}" + ("," if i < len(keys) - 1 else "") for i, k in enumerate(keys)]
        out.append("   },")
        out.append('   "regions": [')
        regs = v["regions"]
        out += [f"    {j(r)}" + ("," if i < len(regs) - 1 else "") for i, r in enumerate(regs)]
        out.append("   ]")
        out.append("  }" + ("," if vi < len(views) - 1 else ""))
    out.append(" }")
    out.append("}")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    text = dump(build())
    json.loads(text)  # the hand-rolled layout must still be valid JSON
    with open(args.out, "w") as f:
        f.write(text)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
