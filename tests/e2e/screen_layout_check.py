"""Checks one view's test report for the screen-size tests (screen_check.sh).

Every probed control ("item NAME X0 Y0 X1 Y1") must lie inside the window,
and the controls a person needs in that view must be drawn and drawn whole
(no "clipped NAME" line: not cut off at the edge of their pane).
Usage: screen_layout_check.py REPORT WIDTH HEIGHT VIEW (0 = body map .. 6)
"""
import sys

path, width, height, view = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
items, clipped = {}, set()
for line in open(path):
    fields = line.split()
    if fields[:1] == ["item"]:
        items[fields[1]] = tuple(map(float, fields[2:6]))
    elif fields[:1] == ["clipped"]:
        clipped.add(fields[1])

problems = []
for name, (x0, y0, x1, y1) in items.items():
    if x0 < -0.5 or y0 < -0.5 or x1 > width + 0.5 or y1 > height + 0.5:
        problems.append(f"{name} at ({x0:.0f},{y0:.0f})-({x1:.0f},{y1:.0f}) is outside the window")

tabs = [f"tab-{name}" for name in ("body-map", "knot-history", "overview", "heat", "compare",
                                   "treatments", "symptoms")]
needed = ["treatments-tab", "sessions-treatments-column"]
# All seven tabs where they fit, else the one View combo in their place.
needed += tabs if "tab-body-map" in items else ["history-view"]
if view in (0, 3):
    needed += ["map-modes", "map-heat", "map-reset-view"]
if view == 3:
    needed += ["heat-mode", "heat-play"]
if view == 4:
    needed += ["compare-a", "compare-b", "compare-view"]
if view > 0:
    needed.append("save-png")
for name in needed:
    if name not in items:
        problems.append(f"{name} was not drawn")
    elif name in clipped:
        problems.append(f"{name} is cut off at the edge of its pane")

if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"view {view}: {len(items)} controls inside the window, the {len(needed)} needed ones whole")
