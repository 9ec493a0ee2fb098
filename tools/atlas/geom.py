"""Geometry helpers shared by the atlas generator, checker and previewer.

Landmarks are authored in *head units* (x: distance from the midline,
y: depth below the crown, both in head heights) because the body's
proportions are canonically given that way and the space is isotropic, so
curve tangents computed here keep their shape on screen. They are converted
to diagram coordinates (docs/diagram-coordinates.md) only when written out.
"""

import math

# 8-head figure: crown at y = 0.03, soles at y = 0.97. The canvas is half as
# wide as tall, so one head is 0.1175 in y but 0.235 in x.
HEAD_Y = 0.1175
HEAD_X = 2 * HEAD_Y
CROWN_Y = 0.03
MIDLINE_X = 0.5
DECIMALS = 5


def to_diagram(h):
    """Head units -> diagram coordinates, rounded once so shared points stay shared."""
    return (round(MIDLINE_X + h[0] * HEAD_X, DECIMALS), round(CROWN_Y + h[1] * HEAD_Y, DECIMALS))


def to_diagram_control(h):
    """Like to_diagram, but a control point never crosses the midline: the
    loader refuses authored geometry at x < 0.5."""
    x, y = to_diagram(h)
    return (max(x, MIDLINE_X), y)


def sub(a, b):
    return (a[0] - b[0], a[1] - b[1])


def add(a, b):
    return (a[0] + b[0], a[1] + b[1])


def scale(a, s):
    return (a[0] * s, a[1] * s)


def length(a):
    return math.hypot(a[0], a[1])


def unit(a):
    n = length(a)
    return (a[0] / n, a[1] / n) if n > 0 else (0.0, 0.0)


def _spec_direction(spec, here, neighbour):
    """A tangent spec ('h', 'v' or a vector) as a unit vector pointing from
    `here` towards the side where `neighbour` lies."""
    if spec == "h":
        d = (1.0 if neighbour[0] >= here[0] else -1.0, 0.0)
    elif spec == "v":
        d = (0.0, 1.0 if neighbour[1] >= here[1] else -1.0)
    else:
        d = unit(spec)
        if d[0] * (neighbour[0] - here[0]) + d[1] * (neighbour[1] - here[1]) < 0:
            d = scale(d, -1)
    return d


def smooth_chain(pts, start=None, end=None, corners=()):
    """Cubic Bézier segments through pts (head units).

    Interior tangents follow the neighbouring points (Catmull-Rom direction)
    with handles a third of each chord long, which passes through every
    landmark without overshoot. `corners` are indices where the curve may
    turn sharply (armpit, web of the thumb). Ends take an explicit tangent
    spec or aim at the neighbour's handle. Returns [(c1, c2)] per segment,
    or None for a segment that should stay straight.
    """
    n = len(pts)
    if n == 2 and start is None and end is None:
        return [None]
    tangents = [None] * n
    for i in range(1, n - 1):
        if i not in corners:
            tangents[i] = unit(sub(pts[i + 1], pts[i - 1]))
    segs = []
    for i in range(n - 1):
        p0, p1 = pts[i], pts[i + 1]
        chord = length(sub(p1, p0))
        h = chord / 3.0
        # outgoing handle at p0
        if i == 0 and start is not None:
            c1 = add(p0, scale(_spec_direction(start, p0, p1), h))
        elif tangents[i] is not None:
            c1 = add(p0, scale(tangents[i], h))
        else:
            c1 = None
        # incoming handle at p1
        if i == n - 2 and end is not None:
            c2 = add(p1, scale(_spec_direction(end, p1, p0), h))
        elif tangents[i + 1] is not None:
            c2 = sub(p1, scale(tangents[i + 1], h))
        else:
            c2 = None
        # a free end aims at the other end's handle, like a natural spline end
        if c1 is None and c2 is None:
            c1 = add(p0, scale(sub(p1, p0), 1 / 3))
            c2 = add(p0, scale(sub(p1, p0), 2 / 3))
        elif c1 is None:
            c1 = add(p0, scale(sub(c2, p0), 0.5))
        elif c2 is None:
            c2 = add(p1, scale(sub(c1, p1), 0.5))
        segs.append((c1, c2))
    return segs


def cubic_point(p0, c1, c2, p1, t):
    u = 1 - t
    a, b, c, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return (a * p0[0] + b * c1[0] + c * c2[0] + d * p1[0], a * p0[1] + b * c1[1] + c * c2[1] + d * p1[1])


def tessellate(p0, p1, controls, steps=24):
    """Points along an edge, both ends included. Straight edges give 2 points."""
    if not controls:
        return [p0, p1]
    c1, c2 = controls
    return [p0] + [cubic_point(p0, c1, c2, p1, k / steps) for k in range(1, steps)] + [p1]
