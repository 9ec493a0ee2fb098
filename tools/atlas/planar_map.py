"""A small planar-map builder for one authored half of an atlas view.

Lines are *chains*: smooth runs of cubic edges through named points. A
region is written as a cyclic list of point names; between two consecutive
names the builder uses the edge joining them or, when both lie on one chain,
the run of that chain between them. Neighbouring regions therefore always
share the very same edges, which is what makes the regions tile.
"""

import geom


class PlanarMap:
    def __init__(self, view):
        self.view = view
        self.head = {}  # point name -> head units (authoring space)
        self.points = {}  # point name -> diagram coordinates
        self.edges = {}  # edge name -> {"from", "to", ["controls"]}
        self.by_ends = {}  # (a, b) -> edge name, both orders
        self.chains = []  # lists of point names
        self.regions = []

    def point(self, name, h):
        if name in self.head and self.head[name] != h:
            raise ValueError(f"{self.view}: point {name} redefined")
        self.head[name] = h
        self.points[name] = geom.to_diagram(h)

    def points_from(self, table):
        for name, h in table.items():
            self.point(name, h)

    def chain(self, names, start=None, end=None, corners=()):
        """A smooth line through existing points; corners are point names."""
        for n in names:
            if n not in self.head:
                raise KeyError(f"{self.view}: chain uses undefined point {n}")
        corner_idx = {i for i, n in enumerate(names) if n in corners}
        segs = geom.smooth_chain([self.head[n] for n in names], start, end, corner_idx)
        for (a, b), ctrl in zip(zip(names, names[1:]), segs):
            if (a, b) in self.by_ends:
                raise ValueError(f"{self.view}: two edges join {a} and {b}")
            name = f"{a}~{b}"
            edge = {"from": a, "to": b}
            if ctrl is not None:
                edge["controls"] = [list(geom.to_diagram_control(c)) for c in ctrl]
            self.edges[name] = edge
            self.by_ends[(a, b)] = name
            self.by_ends[(b, a)] = "-" + name
        self.chains.append(list(names))

    def midline(self, names):
        """The straight run along x = 0.5 where regions meet their mirror."""
        for n in names:
            if self.head[n][0] != 0:
                raise ValueError(f"{self.view}: midline point {n} is off the midline")
        names = sorted(names, key=lambda n: self.head[n][1])
        for a, b in zip(names, names[1:]):
            self.chain([a, b])
        # one chain for lookups, so a region may run past a midline point
        self.chains = [c for c in self.chains if not (len(c) == 2 and c[0] in names and c[1] in names)]
        self.chains.append(names)

    def _run(self, a, b):
        """Edge names (with direction) from point a to point b."""
        if (a, b) in self.by_ends:
            return [self.by_ends[(a, b)]]
        found = [c for c in self.chains if a in c and b in c]
        if len(found) != 1:
            what = "no line" if not found else "several lines"
            raise ValueError(f"{self.view}: {what} between {a} and {b}; add a point between them")
        c = found[0]
        i, j = c.index(a), c.index(b)
        step = 1 if j > i else -1
        return [self.by_ends[(c[k], c[k + step])] for k in range(i, j, step)]

    def region(self, muscle, name, anatomical, choir, loop):
        boundary = []
        for a, b in zip(loop, loop[1:] + loop[:1]):
            boundary += self._run(a, b)
        used = [e.lstrip("-") for e in boundary]
        if len(set(used)) != len(used):
            raise ValueError(f"{self.view}.{muscle}: boundary uses an edge twice")
        self.regions.append(
            {"muscle": muscle, "name": name, "anatomical": anatomical, "choir": choir, "boundary": boundary}
        )

    def unused_points(self):
        used = set()
        for e in self.edges.values():
            used.update((e["from"], e["to"]))
        return sorted(set(self.points) - used)

    def to_json(self):
        # drop edges no region uses (a line drawn for one view only) and
        # the points they alone held up, so the file carries no dead data
        used_edges = {e.lstrip("-") for r in self.regions for e in r["boundary"]}
        edges = {k: v for k, v in self.edges.items() if k in used_edges}
        used_points = {p for e in edges.values() for p in (e["from"], e["to"])}
        points = {k: list(v) for k, v in self.points.items() if k in used_points}
        return {"points": points, "edges": edges, "regions": self.regions}
