#include "core/atlas_parser.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace knotmap::atlas_detail {
namespace {

using Json = nlohmann::json;

std::string inQuotes(std::string_view text) {
    return "'" + std::string(text) + "'";
}

std::string numberText(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

class AtlasReader {
public:
    explicit AtlasReader(std::string_view sourceName) : m_source(sourceName) {}

    AuthoredAtlas read(std::string_view text) {
        const Json root = parseText(text);
        if (!root.is_object()) {
            fail("", "the atlas must be a JSON object");
        }
        if (!root.contains("format") || root["format"] != "knotmap-atlas") {
            fail("", "'format' must be \"knotmap-atlas\"");
        }
        const Json& version = member(root, "version", "");
        if (!version.is_number_integer() || version.get<long long>() != 1) {
            fail("", "version " + version.dump() + " is not supported (this Knotmap reads 1)");
        }
        AuthoredAtlas atlas;
        const Json& aspect = member(root, "canvas_aspect", "");
        if (!aspect.is_number() || !(aspect.get<double>() > 0.0) ||
            !std::isfinite(aspect.get<double>())) {
            fail("", "'canvas_aspect' must be a positive number");
        }
        atlas.canvasAspect = aspect.get<double>();
        const Json& views = member(root, "views", "");
        if (!views.is_object()) {
            fail("", "'views' must be an object");
        }
        for (const auto& [name, value] : views.items()) {
            if (!bodyViewFromCode(name)) {
                fail("", "unknown view " + inQuotes(name) + " (expected front and back)");
            }
        }
        atlas.front = readView(member(views, "front", "views"), BodyView::Front);
        atlas.back = readView(member(views, "back", "views"), BodyView::Back);
        return atlas;
    }

private:
    [[noreturn]] void fail(const std::string& where, const std::string& problem) const {
        throw std::runtime_error(m_source + ": " + (where.empty() ? "" : where + ": ") + problem);
    }

    // nlohmann keeps the last of repeated keys; an atlas author would rather
    // hear that two points share a name.
    Json parseText(std::string_view text) const {
        std::vector<std::set<std::string>> openObjects;
        std::string duplicate;
        const auto watchKeys = [&](int, Json::parse_event_t event, Json& parsed) {
            if (event == Json::parse_event_t::object_start) {
                openObjects.emplace_back();
            } else if (event == Json::parse_event_t::object_end && !openObjects.empty()) {
                openObjects.pop_back();
            } else if (event == Json::parse_event_t::key && !openObjects.empty() &&
                       !openObjects.back().insert(parsed.get<std::string>()).second &&
                       duplicate.empty()) {
                duplicate = parsed.get<std::string>();
            }
            return true;
        };
        Json root;
        try {
            root = Json::parse(text.begin(), text.end(), watchKeys);
        } catch (const Json::parse_error& error) {
            std::string what = error.what();
            if (const auto end = what.find("] "); what.starts_with("[json") && end != what.npos) {
                what.erase(0, end + 2);
            }
            fail("", "not valid JSON: " + what);
        }
        if (!duplicate.empty()) {
            fail("", "the key " + inQuotes(duplicate) + " appears twice in one object");
        }
        return root;
    }

    const Json& member(const Json& object, const char* key, const std::string& where) const {
        const auto found = object.find(key);
        if (found == object.end()) {
            fail(where, std::string("'") + key + "' is missing");
        }
        return *found;
    }

    std::string text(const Json& object, const char* key, const std::string& where) const {
        const Json& value = member(object, key, where);
        if (!value.is_string() || value.get_ref<const std::string&>().empty()) {
            fail(where, std::string("'") + key + "' must be a non-empty string");
        }
        return value.get<std::string>();
    }

    Vec2 coordinates(const Json& value, const std::string& where, const std::string& what) const {
        if (!value.is_array() || value.size() != 2 || !value[0].is_number() ||
            !value[1].is_number()) {
            fail(where, what + " must be an [x, y] pair of numbers");
        }
        const Vec2 p{value[0].get<double>(), value[1].get<double>()};
        for (const auto& [axis, coordinate] : {std::pair{"x", p.x}, std::pair{"y", p.y}}) {
            if (!(coordinate >= 0.0 && coordinate <= 1.0)) {
                fail(where,
                     what + " " + axis + " " + numberText(coordinate) + " is outside [0, 1]");
            }
        }
        if (p.x < 0.5) {
            fail(where, what + " x " + numberText(p.x) +
                            " is left of the midline (only the half x >= 0.5 is authored)");
        }
        return p;
    }

    AuthoredView readView(const Json& json, BodyView view) {
        m_view = std::string(toCode(view));
        if (!json.is_object()) {
            fail(m_view + " view", "must be an object");
        }
        AuthoredView result;
        result.view = view;
        m_points.clear();
        const Json& points = member(json, "points", m_view + " view");
        if (!points.is_object()) {
            fail(m_view + " view", "'points' must be an object");
        }
        for (const auto& [name, value] : points.items()) {
            m_points[name] = coordinates(value, m_view + " point " + inQuotes(name), "the point");
        }
        const Json& edges = member(json, "edges", m_view + " view");
        if (!edges.is_object()) {
            fail(m_view + " view", "'edges' must be an object");
        }
        for (const auto& [name, value] : edges.items()) {
            result.edges.push_back(readEdge(name, value));
        }
        const Json& regions = member(json, "regions", m_view + " view");
        if (!regions.is_array()) {
            fail(m_view + " view", "'regions' must be an array");
        }
        std::set<std::string> muscles;
        for (std::size_t i = 0; i < regions.size(); ++i) {
            AuthoredRegion region = readRegion(regions[i], i, result);
            if (!muscles.insert(region.muscle).second) {
                fail(describeRegion(result, region),
                     "another region on this view has the muscle " + inQuotes(region.muscle));
            }
            result.regions.push_back(std::move(region));
        }
        return result;
    }

    AuthoredEdge readEdge(const std::string& name, const Json& json) const {
        AuthoredEdge edge;
        edge.name = name;
        const std::string where = m_view + " edge " + inQuotes(name);
        if (!json.is_object()) {
            fail(where, "must be an object with 'from' and 'to'");
        }
        edge.from = text(json, "from", where);
        edge.to = text(json, "to", where);
        edge.fromPoint = pointNamed(edge.from, where);
        edge.toPoint = pointNamed(edge.to, where);
        if (const auto controls = json.find("controls"); controls != json.end()) {
            if (!controls->is_array() || controls->size() != 2) {
                fail(where, "'controls' must hold exactly two [x, y] control points");
            }
            edge.controls =
                std::array<Vec2, 2>{coordinates((*controls)[0], where, "control point"),
                                    coordinates((*controls)[1], where, "control point")};
        } else if (edge.from == edge.to) {
            fail(where, "a straight edge from " + inQuotes(edge.from) + " to itself");
        }
        edge.onMidline =
            edge.fromPoint.x == 0.5 && edge.toPoint.x == 0.5 &&
            (!edge.controls || ((*edge.controls)[0].x == 0.5 && (*edge.controls)[1].x == 0.5));
        return edge;
    }

    Vec2 pointNamed(const std::string& name, const std::string& where) const {
        const auto found = m_points.find(name);
        if (found == m_points.end()) {
            fail(where, "point " + inQuotes(name) + " does not exist");
        }
        return found->second;
    }

    AuthoredRegion readRegion(const Json& json, std::size_t index, const AuthoredView& view) const {
        AuthoredRegion region;
        std::string where = m_view + " region #" + std::to_string(index + 1);
        if (!json.is_object()) {
            fail(where, "must be an object");
        }
        region.muscle = text(json, "muscle", where);
        const bool wellFormed = std::all_of(region.muscle.begin(), region.muscle.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        });
        if (!wellFormed) {
            fail(where, "'muscle' " + inQuotes(region.muscle) +
                            " may hold only a-z, 0-9 and _ (it becomes part of the code)");
        }
        where = describeRegion(view, region);
        region.name = text(json, "name", where);
        region.anatomical = text(json, "anatomical", where);
        const Json& choir = member(json, "choir", where);
        if (!choir.is_object()) {
            fail(where, "'choir' must be an object with 'left' and 'right'");
        }
        region.choirLeft = text(choir, "left", where + ": choir");
        region.choirRight = text(choir, "right", where + ": choir");
        const Json& boundary = member(json, "boundary", where);
        if (!boundary.is_array() || boundary.empty()) {
            fail(where, "'boundary' must be a non-empty array of edge names");
        }
        std::set<std::size_t> used;
        for (const Json& entry : boundary) {
            if (!entry.is_string()) {
                fail(where, "'boundary' must list edge names, found " + entry.dump());
            }
            std::string_view name = entry.get_ref<const std::string&>();
            BoundaryStep step;
            if (name.starts_with('-')) {
                step.reversed = true;
                name.remove_prefix(1);
            }
            const auto found = std::lower_bound(
                view.edges.begin(), view.edges.end(), name,
                [](const AuthoredEdge& edge, std::string_view key) { return edge.name < key; });
            if (found == view.edges.end() || found->name != name) {
                fail(where, "edge " + inQuotes(name) + " does not exist");
            }
            step.edge = static_cast<std::size_t>(found - view.edges.begin());
            if (!used.insert(step.edge).second) {
                fail(where, "edge " + inQuotes(name) + " appears twice in the boundary");
            }
            region.boundary.push_back(step);
        }
        for (std::size_t i = 0; i < region.boundary.size(); ++i) {
            const BoundaryStep& step = region.boundary[i];
            const BoundaryStep& next = region.boundary[(i + 1) % region.boundary.size()];
            const std::string& end = endOf(view, step);
            const std::string& start = startOf(view, next);
            if (end == start) {
                continue;
            }
            if (i + 1 == region.boundary.size()) {
                fail(where, "the boundary does not close: it ends at point " + inQuotes(end) +
                                " but starts at " + inQuotes(start));
            }
            fail(where, "edge " + inQuotes(view.edges[step.edge].name) + " ends at point " +
                            inQuotes(end) + " but the next edge " +
                            inQuotes(view.edges[next.edge].name) + " starts at " + inQuotes(start));
        }
        return region;
    }

    static const std::string& startOf(const AuthoredView& view, const BoundaryStep& step) {
        const AuthoredEdge& edge = view.edges[step.edge];
        return step.reversed ? edge.to : edge.from;
    }
    static const std::string& endOf(const AuthoredView& view, const BoundaryStep& step) {
        const AuthoredEdge& edge = view.edges[step.edge];
        return step.reversed ? edge.from : edge.to;
    }

    std::string m_source;
    std::string m_view;
    std::map<std::string, Vec2> m_points;
};

} // namespace

AuthoredAtlas parseAuthoredAtlas(std::string_view json, std::string_view sourceName) {
    return AtlasReader(sourceName).read(json);
}

std::string describeRegion(const AuthoredView& view, const AuthoredRegion& region) {
    return std::string(toCode(view.view)) + " region " + inQuotes(region.muscle);
}

std::string describeEdge(const AuthoredView& view, const AuthoredEdge& edge) {
    return std::string(toCode(view.view)) + " edge " + inQuotes(edge.name);
}

} // namespace knotmap::atlas_detail
