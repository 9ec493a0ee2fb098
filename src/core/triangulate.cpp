#include "core/triangulate.h"

#include <vector>

// Ear clipping. The triangles come out counter-clockwise in y-up axes (each
// has a positive signedArea), whatever the polygon's own orientation.
namespace knotmap {
namespace {

double orient(Vec2 a, Vec2 b, Vec2 c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

class EarClipper {
public:
    explicit EarClipper(const Polygon& polygon) : m_points(polygon) {}

    std::vector<std::uint32_t> run() {
        const double area = signedArea(m_points);
        if (m_points.size() < 3 || area == 0.0) {
            return {};
        }
        m_sign = area > 0.0 ? 1.0 : -1.0;
        linkWithoutRepeats();
        std::uint32_t current = removeDegenerateCorners(m_first);
        std::size_t sinceLastClip = 0;
        while (m_remaining > 3) {
            const double turn = turnAt(current);
            if (turn == 0.0) {
                // Collinear or doubling back: a triangle of no area.
                current = remove(current);
                sinceLastClip = 0;
            } else if (turn > 0.0 && isEar(current)) {
                current = clip(current);
                sinceLastClip = 0;
            } else if (++sinceLastClip > m_remaining) {
                // Rounding can leave a polygon that is not quite simple with
                // no clean ear; clipping the most convex corner still ends
                // with a usable fill.
                current = clip(mostConvex(current));
                sinceLastClip = 0;
            } else {
                current = m_next[current];
            }
        }
        if (m_remaining == 3 && turnAt(current) > 0.0) {
            emit(m_prev[current], current, m_next[current]);
        }
        return std::move(m_triangles);
    }

private:
    void linkWithoutRepeats() {
        std::vector<std::uint32_t> order;
        order.reserve(m_points.size());
        for (std::uint32_t i = 0; i < m_points.size(); ++i) {
            if (order.empty() || !(m_points[order.back()] == m_points[i])) {
                order.push_back(i);
            }
        }
        while (order.size() > 1 && m_points[order.back()] == m_points[order.front()]) {
            order.pop_back();
        }
        m_prev.assign(m_points.size(), 0);
        m_next.assign(m_points.size(), 0);
        for (std::size_t k = 0; k < order.size(); ++k) {
            m_next[order[k]] = order[(k + 1) % order.size()];
            m_prev[order[(k + 1) % order.size()]] = order[k];
        }
        m_first = order.front();
        m_remaining = order.size();
    }

    // Straightens the boundary first: a collinear point or a spike that goes
    // out and straight back could otherwise be taken for a corner of an ear.
    std::uint32_t removeDegenerateCorners(std::uint32_t v) {
        std::size_t unchanged = 0;
        while (m_remaining >= 3 && unchanged < m_remaining) {
            if (turnAt(v) == 0.0 || m_points[v] == m_points[m_next[v]]) {
                v = remove(v);
                unchanged = 0;
            } else {
                v = m_next[v];
                ++unchanged;
            }
        }
        return v;
    }

    // > 0 where the boundary turns the polygon's own way (a convex corner).
    [[nodiscard]] double turnAt(std::uint32_t i) const {
        return m_sign * orient(m_points[m_prev[i]], m_points[i], m_points[m_next[i]]);
    }

    [[nodiscard]] bool isEar(std::uint32_t i) const {
        const std::uint32_t prev = m_prev[i];
        const std::uint32_t next = m_next[i];
        const Vec2 a = m_points[prev];
        const Vec2 b = m_points[i];
        const Vec2 c = m_points[next];
        for (std::uint32_t v = m_next[next]; v != prev; v = m_next[v]) {
            const Vec2 p = m_points[v];
            if (turnAt(v) > 0.0 || p == a || p == b || p == c) {
                continue; // only reflex corners can poke into an ear
            }
            if (m_sign * orient(a, b, p) >= 0.0 && m_sign * orient(b, c, p) >= 0.0 &&
                m_sign * orient(c, a, p) >= 0.0) {
                return false;
            }
        }
        return true;
    }

    [[nodiscard]] std::uint32_t mostConvex(std::uint32_t start) const {
        std::uint32_t best = start;
        double bestTurn = turnAt(start);
        for (std::uint32_t v = m_next[start]; v != start; v = m_next[v]) {
            if (turnAt(v) > bestTurn) {
                best = v;
                bestTurn = turnAt(v);
            }
        }
        return best;
    }

    std::uint32_t clip(std::uint32_t i) {
        if (turnAt(i) > 0.0) {
            emit(m_prev[i], i, m_next[i]);
        }
        return remove(i);
    }

    // Unlinks i; returns the corner before it, whose turn has changed.
    std::uint32_t remove(std::uint32_t i) {
        const std::uint32_t prev = m_prev[i];
        const std::uint32_t next = m_next[i];
        m_next[prev] = next;
        m_prev[next] = prev;
        --m_remaining;
        return prev;
    }

    void emit(std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        m_triangles.push_back(a);
        if (m_sign > 0.0) {
            m_triangles.push_back(b);
            m_triangles.push_back(c);
        } else {
            m_triangles.push_back(c);
            m_triangles.push_back(b);
        }
    }

    const Polygon& m_points;
    double m_sign = 1.0;
    std::vector<std::uint32_t> m_prev;
    std::vector<std::uint32_t> m_next;
    std::uint32_t m_first = 0;
    std::size_t m_remaining = 0;
    std::vector<std::uint32_t> m_triangles;
};

} // namespace

std::vector<std::uint32_t> triangulate(const Polygon& polygon) {
    return EarClipper(polygon).run();
}

} // namespace knotmap
