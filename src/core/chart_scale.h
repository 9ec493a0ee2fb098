#pragma once

#include <limits>
#include <vector>

// The maths behind the charts, kept free of ImGui so it can be unit-tested:
// mapping data values to pixels, choosing round tick values, and zooming or
// panning a visible window without losing it off the edge of the data.
namespace knotmap {

// A closed interval of data values; lo <= hi is not enforced.
struct Interval {
    double lo = 0.0;
    double hi = 0.0;

    [[nodiscard]] double span() const { return hi - lo; }
    [[nodiscard]] double centre() const { return (lo + hi) / 2; }

    friend bool operator==(const Interval&, const Interval&) = default;
};

// Maps the domain [d0, d1] linearly onto the pixel range [r0, r1]. Either may
// be reversed: a y axis that grows upward uses r0 = bottom, r1 = top.
class LinearScale {
public:
    LinearScale() = default;
    LinearScale(double d0, double d1, double r0, double r1);
    LinearScale(Interval domain, Interval range);

    // A degenerate domain (d0 == d1) maps to the middle of the range, so a
    // single value still lands somewhere visible.
    [[nodiscard]] double forward(double value) const;
    // A degenerate range maps back to the middle of the domain.
    [[nodiscard]] double inverse(double pixel) const;

    [[nodiscard]] Interval domain() const { return {m_d0, m_d1}; }
    [[nodiscard]] Interval range() const { return {m_r0, m_r1}; }
    [[nodiscard]] bool isDegenerate() const;

private:
    double m_d0 = 0.0;
    double m_d1 = 1.0;
    double m_r0 = 0.0;
    double m_r1 = 1.0;
};

// The smallest step of the form 1, 2 or 5 x 10^k such that an interval of
// length span holds at most maxTicks multiples of it (so span / step <=
// maxTicks - 1). Returns 1 for a span that is not positive and finite.
[[nodiscard]] double niceStep(double span, int maxTicks);

// The multiples of niceStep(hi - lo, maxTicks) inside [lo, hi], increasing.
// A degenerate interval gives its single value.
[[nodiscard]] std::vector<double> niceTicks(double lo, double hi, int maxTicks);

// [lo, hi] widened outward to multiples of its nice step, so an axis starts
// and ends on a labelled tick.
[[nodiscard]] Interval niceDomain(double lo, double hi, int maxTicks);

// How far a visible window may be zoomed and panned.
struct DomainLimits {
    double minSpan = 0.0;
    double lower = -std::numeric_limits<double>::infinity();
    double upper = std::numeric_limits<double>::infinity();
};

// Scales the window's span by factor (< 1 zooms in) keeping anchor at the
// same relative position, hence under the same pixel.
[[nodiscard]] Interval zoomDomain(Interval domain, double anchor, double factor);
// As above, but the factor is first limited so the span stays within
// [minSpan, upper - lower], then the window is shifted inside the bounds.
[[nodiscard]] Interval zoomDomain(Interval domain, double anchor, double factor,
                                  const DomainLimits& limits);

// Moves the window so the content follows a drag of pixelDelta along the
// scale's range (dragging right shows earlier data on a left-to-right axis).
[[nodiscard]] Interval panDomain(const LinearScale& scale, double pixelDelta);

// Widens a window narrower than minSpan about its centre, shrinks one wider
// than the bounds to the bounds, then shifts it inside them, keeping its span.
[[nodiscard]] Interval clampDomain(Interval domain, const DomainLimits& limits);

} // namespace knotmap
