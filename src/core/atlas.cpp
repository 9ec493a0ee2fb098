#include "core/atlas.h"

#include "core/asset_registry.h"
#include "core/atlas_parser.h"
#include "core/bezier.h"
#include "core/label_point.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <stdexcept>

namespace knotmap {
namespace {

using namespace atlas_detail;

// Deviation of a tessellated curve from the true one, in canvas heights: 0.6
// pixels on a 1000-pixel-tall canvas at 4x zoom.
constexpr double kFlatness = 0.00015;
constexpr double kLabelPrecision = 1e-4; // a tenth of a pixel at 1000 pixels tall
constexpr std::string_view kChoirAsset = "assets/atlas/choir_regions.csv";

struct ChoirRegion {
    std::string code;
    BodyView view = BodyView::Front;
    std::string name;
    Side side = Side::Left;
};

std::vector<std::string> splitCsvLine(std::string_view line) {
    std::vector<std::string> fields;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = line.find(',', start);
        fields.emplace_back(line.substr(start, comma - start));
        if (comma == std::string_view::npos) {
            return fields;
        }
        start = comma + 1;
    }
}

// The embedded CHOIR table is plain (no quoted fields), so a split suffices.
std::vector<ChoirRegion> choirRegions() {
    const std::string_view text = asset(kChoirAsset);
    std::vector<ChoirRegion> regions;
    std::size_t lineStart = 0;
    bool header = true;
    while (lineStart < text.size()) {
        std::size_t lineEnd = text.find('\n', lineStart);
        if (lineEnd == std::string_view::npos) {
            lineEnd = text.size();
        }
        std::string_view line = text.substr(lineStart, lineEnd - lineStart);
        lineStart = lineEnd + 1;
        if (line.ends_with('\r')) {
            line.remove_suffix(1);
        }
        if (line.empty()) {
            continue;
        }
        const std::vector<std::string> fields = splitCsvLine(line);
        if (header) {
            header = false;
            if (fields != std::vector<std::string>{"code", "view", "name", "side"}) {
                throw std::runtime_error(std::string(kChoirAsset) +
                                         ": expected the columns code,view,name,side");
            }
            continue;
        }
        const auto view = fields.size() == 4 ? bodyViewFromCode(fields[1]) : std::nullopt;
        if (!view || (fields[3] != "left" && fields[3] != "right")) {
            throw std::runtime_error(std::string(kChoirAsset) + ": bad row '" + std::string(line) +
                                     "'");
        }
        regions.push_back(
            {fields[0], *view, fields[2], fields[3] == "left" ? Side::Left : Side::Right});
    }
    return regions;
}

Polygon mirrored(const Polygon& polygon) {
    // 1 - x is exact for x in [0.5, 1]: both halves share the midline exactly.
    Polygon result(polygon.rbegin(), polygon.rend());
    for (Vec2& p : result) {
        p.x = 1.0 - p.x;
    }
    return result;
}

void appendWithoutJoint(Polygon& target, const Polygon& piece) {
    for (const Vec2& p : piece) {
        if (target.empty() || !(target.back() == p)) {
            target.push_back(p);
        }
    }
}

// "Upper trapezius" -> "upper trapezius", but "IT band" stays as it is.
std::string sideName(Side side, const std::string& name) {
    std::string stem = name;
    if (stem.size() == 1 ||
        (stem.size() > 1 && std::islower(static_cast<unsigned char>(stem[1])))) {
        stem[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(stem[0])));
    }
    return std::string(side == Side::Left ? "Left " : "Right ") + stem;
}

// A boundary walked so that the region lies on its left in y-up axes (every
// outline is counter-clockwise there, i.e. has a positive signedArea).
struct DirectedEdge {
    std::string start; // point keys: the mirror of point p is "p'" unless p is on the midline
    std::string end;
    Polygon points;
};

class ViewBuilder {
public:
    ViewBuilder(const AuthoredView& view, double aspect, std::string_view source,
                const std::vector<ChoirRegion>& choir)
        : m_view(view), m_aspect(aspect), m_source(source), m_choir(choir) {}

    void build(std::vector<AtlasRegion>& regions, std::vector<Polygon>& silhouette) {
        tessellateEdges();
        std::vector<std::vector<bool>> forward(m_view.regions.size());
        std::vector<Polygon> outlines;
        for (const AuthoredRegion& region : m_view.regions) {
            outlines.push_back(outlineOf(region, forward[outlines.size()]));
        }
        const std::vector<DirectedEdge> outer = checkEdgeUse(forward);
        for (std::size_t i = 0; i < m_view.regions.size(); ++i) {
            addPair(m_view.regions[i], outlines[i], regions);
        }
        silhouette = chainLoops(outer);
    }

private:
    [[noreturn]] void fail(const std::string& where, const std::string& problem) const {
        throw std::runtime_error(m_source + ": " + where + ": " + problem);
    }

    // Each edge once, so the regions on both sides of it share its points.
    void tessellateEdges() {
        for (const AuthoredEdge& edge : m_view.edges) {
            Polygon line{edge.fromPoint};
            if (edge.controls) {
                flattenCubic(
                    {edge.fromPoint, (*edge.controls)[0], (*edge.controls)[1], edge.toPoint},
                    m_aspect, kFlatness, line);
            } else {
                line.push_back(edge.toPoint);
            }
            m_lines.push_back(std::move(line));
        }
    }

    Polygon outlineOf(const AuthoredRegion& region, std::vector<bool>& forward) const {
        Polygon outline;
        for (const BoundaryStep& step : region.boundary) {
            const Polygon& line = m_lines[step.edge];
            appendWithoutJoint(outline, step.reversed ? Polygon(line.rbegin(), line.rend()) : line);
        }
        while (outline.size() > 1 && outline.back() == outline.front()) {
            outline.pop_back();
        }
        const double area = signedArea(outline);
        if (outline.size() < 3 || area == 0.0) {
            fail(describeRegion(m_view, region), "the boundary encloses no area");
        }
        const bool flip = area < 0.0;
        if (flip) {
            std::reverse(outline.begin(), outline.end());
        }
        for (const BoundaryStep& step : region.boundary) {
            forward.push_back(step.reversed == flip);
        }
        return outline;
    }

    // Every edge borders one region, two regions from opposite sides, or (on
    // the midline) a region and its own mirror image. Returns the edges of
    // the silhouette on the authored half.
    std::vector<DirectedEdge> checkEdgeUse(const std::vector<std::vector<bool>>& forward) const {
        struct Use {
            std::size_t region;
            bool forward;
        };
        std::vector<std::vector<Use>> uses(m_view.edges.size());
        for (std::size_t r = 0; r < m_view.regions.size(); ++r) {
            for (std::size_t s = 0; s < m_view.regions[r].boundary.size(); ++s) {
                uses[m_view.regions[r].boundary[s].edge].push_back({r, forward[r][s]});
            }
        }
        std::vector<DirectedEdge> outer;
        for (std::size_t e = 0; e < m_view.edges.size(); ++e) {
            const AuthoredEdge& edge = m_view.edges[e];
            const auto name = [&](std::size_t k) {
                return "'" + m_view.regions[uses[e][k].region].muscle + "'";
            };
            if (uses[e].size() > 2) {
                fail(describeEdge(m_view, edge), "borders more than two regions (" + name(0) +
                                                     ", " + name(1) + ", " + name(2) + ")");
            }
            if (uses[e].size() == 2 && edge.onMidline) {
                fail(describeEdge(m_view, edge), "lies on the midline but borders two regions (" +
                                                     name(0) + ", " + name(1) + ")");
            }
            if (uses[e].size() == 2 && uses[e][0].forward == uses[e][1].forward) {
                fail(describeEdge(m_view, edge), "regions " + name(0) + " and " + name(1) +
                                                     " both lie on the same side of it, so they "
                                                     "overlap");
            }
            if (uses[e].size() == 1 && !edge.onMidline) {
                const Polygon& line = m_lines[e];
                outer.push_back(
                    uses[e][0].forward
                        ? DirectedEdge{edge.from, edge.to, line}
                        : DirectedEdge{edge.to, edge.from, Polygon(line.rbegin(), line.rend())});
            }
        }
        return outer;
    }

    const ChoirRegion& choirFor(const AuthoredRegion& region, Side side) const {
        const std::string& code = side == Side::Left ? region.choirLeft : region.choirRight;
        const std::string where = describeRegion(m_view, region);
        const std::string what =
            "CHOIR code '" + code + "' for the " + std::string(toCode(side)) + " side";
        const auto found = std::find_if(m_choir.begin(), m_choir.end(),
                                        [&](const ChoirRegion& c) { return c.code == code; });
        if (found == m_choir.end()) {
            fail(where, what + " does not exist");
        }
        if (found->view != m_view.view) {
            fail(where, what + " (" + found->name + ") is on the " +
                            std::string(toCode(found->view)) + " view");
        }
        if (found->side != side) {
            fail(where, what + " (" + found->name + ") is on the " +
                            std::string(toCode(found->side)) + " side");
        }
        return *found;
    }

    void addPair(const AuthoredRegion& authored, const Polygon& outline,
                 std::vector<AtlasRegion>& regions) const {
        // Front view: the patient faces the viewer, so the authored right
        // half of the screen is the patient's left. Back view: their right.
        const Side authoredSide = m_view.view == BodyView::Front ? Side::Left : Side::Right;
        const Vec2 label = labelPoint(outline, m_aspect, kLabelPrecision);
        const double area = std::abs(signedArea(outline));
        for (const Side side : {Side::Left, Side::Right}) {
            const ChoirRegion& choir = choirFor(authored, side);
            AtlasRegion region;
            region.code = std::string(toCode(m_view.view)) + "." + authored.muscle + "." +
                          std::string(toCode(side));
            region.displayName = sideName(side, authored.name);
            region.anatomicalName = authored.anatomical;
            region.view = m_view.view;
            region.side = side;
            region.choirCode = choir.code;
            region.choirName = choir.name;
            const bool isAuthored = side == authoredSide;
            region.outline = isAuthored ? outline : mirrored(outline);
            region.bounds = boundsOf(region.outline);
            region.labelPoint = isAuthored ? label : Vec2{1.0 - label.x, label.y};
            region.area = area;
            regions.push_back(std::move(region));
        }
    }

    // Joins the authored outer edges and their mirror images into closed
    // loops.
    std::vector<Polygon> chainLoops(const std::vector<DirectedEdge>& outer) const {
        std::vector<DirectedEdge> edges = outer;
        const auto mirrorKey = [&](const std::string& key, Vec2 p) {
            return p.x == 0.5 ? key : key + "'";
        };
        for (const DirectedEdge& edge : outer) {
            const Polygon points = mirrored(edge.points);
            edges.push_back({mirrorKey(edge.end, points.front()),
                             mirrorKey(edge.start, points.back()), points});
        }
        std::multimap<std::string, std::size_t> leaving;
        for (std::size_t i = 0; i < edges.size(); ++i) {
            leaving.emplace(edges[i].start, i);
        }
        std::vector<bool> used(edges.size(), false);
        std::vector<Polygon> loops;
        for (std::size_t first = 0; first < edges.size(); ++first) {
            if (used[first]) {
                continue;
            }
            Polygon loop;
            std::size_t current = first;
            while (true) {
                used[current] = true;
                appendWithoutJoint(loop, edges[current].points);
                if (edges[current].end == edges[first].start) {
                    break;
                }
                const auto [begin, end] = leaving.equal_range(edges[current].end);
                const auto next = std::find_if(
                    begin, end, [&](const auto& entry) { return !used[entry.second]; });
                if (next == end) {
                    std::string point = edges[current].end;
                    if (point.ends_with('\'')) {
                        point = "the mirror of '" + point.substr(0, point.size() - 1) + "'";
                    } else {
                        point = "'" + point + "'";
                    }
                    fail(std::string(toCode(m_view.view)) + " view",
                         "the silhouette does not close at point " + point +
                             " (an edge on the body's outline borders no region, or an inner "
                             "edge borders only one)");
                }
                current = next->second;
            }
            while (loop.size() > 1 && loop.back() == loop.front()) {
                loop.pop_back();
            }
            loops.push_back(std::move(loop));
        }
        return loops;
    }

    const AuthoredView& m_view;
    double m_aspect;
    std::string m_source;
    const std::vector<ChoirRegion>& m_choir;
    std::vector<Polygon> m_lines; // per edge, from its `from` point to its `to` point
};

} // namespace

std::string_view toCode(Side side) {
    return side == Side::Left ? "left" : "right";
}

Atlas Atlas::parse(std::string_view json, std::string_view sourceName) {
    const AuthoredAtlas authored = parseAuthoredAtlas(json, sourceName);
    const std::vector<ChoirRegion> choir = choirRegions();
    Atlas atlas;
    atlas.m_canvasAspect = authored.canvasAspect;
    ViewBuilder(authored.front, authored.canvasAspect, sourceName, choir)
        .build(atlas.m_regions, atlas.m_frontSilhouette);
    ViewBuilder(authored.back, authored.canvasAspect, sourceName, choir)
        .build(atlas.m_regions, atlas.m_backSilhouette);
    // Regions come in left/right pairs.
    for (std::size_t i = 0; i < atlas.m_regions.size(); ++i) {
        atlas.m_regions[i].index = static_cast<int>(i);
        atlas.m_regions[i].mirrorIndex = static_cast<int>(i % 2 == 0 ? i + 1 : i - 1);
    }
    return atlas;
}

const Atlas& Atlas::builtIn() {
    static const Atlas atlas = parse(asset("assets/atlas/body.json"), "assets/atlas/body.json");
    return atlas;
}

const AtlasRegion* Atlas::findByCode(std::string_view code) const {
    const auto found = std::find_if(m_regions.begin(), m_regions.end(),
                                    [&](const AtlasRegion& region) { return region.code == code; });
    return found == m_regions.end() ? nullptr : &*found;
}

AtlasHit Atlas::hitTest(BodyView view, Vec2 point) const {
    for (const AtlasRegion& region : m_regions) {
        if (region.view == view && region.bounds.contains(point) &&
            containsPoint(region.outline, point)) {
            return {&region};
        }
    }
    return {};
}

const std::vector<Polygon>& Atlas::silhouette(BodyView view) const {
    return view == BodyView::Front ? m_frontSilhouette : m_backSilhouette;
}

} // namespace knotmap
