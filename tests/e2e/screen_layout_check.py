"""Checks one view's test report for the screen-size tests (screen_check.sh).

Every probed control ("item NAME X0 Y0 X1 Y1") must lie inside the window,
and the controls a person needs in that view must be drawn and drawn whole
(no "clipped NAME" line: not cut off at the edge of their pane), and the
history views' controls must not overlap one another (a narrow pane wraps
them onto the next line instead).
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
if view == 1:
    needed += ["knot-picker"]
if view == 2:
    needed += ["overview-pain-title", "overview-spread-title"]
if view == 4:
    needed += [f"compare-legend-{name}" for name in ("better", "worse", "unchanged")]
if view == 5:
    needed += ["treatment-lag"]
if view == 6:
    needed += ["symptom-unit"]
if view > 0:
    needed.append("save-png")
for name in needed:
    if name not in items:
        problems.append(f"{name} was not drawn")
    elif name in clipped:
        problems.append(f"{name} is cut off at the edge of its pane")
# Drawn only for some histories (whole-session treatments), whole when drawn.
for name in ("knot-footnote",):
    if name in clipped:
        problems.append(f"{name} is cut off at the edge of its pane")

# The history view's own controls, each in its place: none over another.
toolbar = ["save-png", "treatment-lag", "symptom-unit", "knot-picker", "knot-footnote",
           "compare-a", "compare-b", "compare-view", "heat-mode", "heat-play",
           "overview-pain-title", "overview-spread-title"]
toolbar += [name for name in items if name.startswith("compare-legend-")]
shown = [name for name in toolbar if name in items]
for i, first in enumerate(shown):
    for second in shown[i + 1:]:
        a, b = items[first], items[second]
        # Overlap by more than a pixel of rounding.
        if min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1:
            problems.append(f"{first} overlaps {second}")

if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"view {view}: {len(items)} controls inside the window, the {len(needed)} needed ones whole")
