#include "core/chart_scale.h"

#include <algorithm>
#include <cmath>

namespace knotmap {
namespace {

// Ratios are compared with a little slack so a span of exactly 10 with a step
// of 2 counts as 5 steps despite rounding in the division.
constexpr double kRelativeSlack = 1e-9;

bool isUsable(double value) {
    return std::isfinite(value);
}

std::vector<double> multiplesWithin(double lo, double hi, double step) {
    const double first = std::ceil(lo / step - kRelativeSlack);
    const double last = std::floor(hi / step + kRelativeSlack);
    std::vector<double> values;
    for (double k = first; k <= last; k += 1.0) {
        double value = k * step;
        // k * step can miss a round number by an ulp; zero must print as 0.
        if (std::abs(value) < step * kRelativeSlack) {
            value = 0.0;
        }
        values.push_back(std::clamp(value, lo, hi));
    }
    return values;
}

// 1 -> 0.5, 2 -> 1, 5 -> 2 at the same scale.
double nextSmallerStep(double step) {
    const double power = std::pow(10.0, std::floor(std::log10(step) + kRelativeSlack));
    const double mantissa = std::round(step / power);
    if (mantissa >= 5.0) {
        return 2.0 * power;
    }
    return mantissa >= 2.0 ? power : power / 2;
}

} // namespace

LinearScale::LinearScale(double d0, double d1, double r0, double r1)
    : m_d0(d0), m_d1(d1), m_r0(r0), m_r1(r1) {}

LinearScale::LinearScale(Interval domain, Interval range)
    : LinearScale(domain.lo, domain.hi, range.lo, range.hi) {}

bool LinearScale::isDegenerate() const {
    return m_d0 == m_d1 || m_r0 == m_r1;
}

double LinearScale::forward(double value) const {
    if (m_d0 == m_d1) {
        return (m_r0 + m_r1) / 2;
    }
    return m_r0 + (value - m_d0) * (m_r1 - m_r0) / (m_d1 - m_d0);
}

double LinearScale::inverse(double pixel) const {
    if (m_r0 == m_r1) {
        return (m_d0 + m_d1) / 2;
    }
    return m_d0 + (pixel - m_r0) * (m_d1 - m_d0) / (m_r1 - m_r0);
}

double niceStep(double span, int maxTicks) {
    if (!isUsable(span) || span <= 0.0) {
        return 1.0;
    }
    const double intervals = std::max(1, maxTicks - 1);
    const double rough = span / intervals;
    double power = std::pow(10.0, std::floor(std::log10(rough)));
    // log10 can land a hair either side of an exact power; start one decade
    // lower and take the first candidate that is wide enough.
    power /= 10.0;
    for (int decade = 0; decade < 4; ++decade) {
        for (const double mantissa : {1.0, 2.0, 5.0}) {
            const double step = mantissa * power;
            if (span / step <= intervals * (1.0 + kRelativeSlack)) {
                return step;
            }
        }
        power *= 10.0;
    }
    return power;
}

std::vector<double> niceTicks(double lo, double hi, int maxTicks) {
    if (!isUsable(lo) || !isUsable(hi)) {
        return {};
    }
    if (lo > hi) {
        std::swap(lo, hi);
    }
    if (lo == hi) {
        return {lo};
    }
    double step = niceStep(hi - lo, maxTicks);
    std::vector<double> ticks = multiplesWithin(lo, hi, step);
    if (ticks.empty()) {
        // A step longer than the interval can miss it entirely ([0.1, 7.7]
        // with step 10). The next smaller nice step then fits at most two
        // ticks, because any three of its multiples span one of the larger.
        ticks = multiplesWithin(lo, hi, nextSmallerStep(step));
    }
    return ticks;
}

Interval niceDomain(double lo, double hi, int maxTicks) {
    if (!isUsable(lo) || !isUsable(hi)) {
        return {lo, hi};
    }
    if (lo > hi) {
        std::swap(lo, hi);
    }
    if (lo == hi) {
        return {lo - 1.0, hi + 1.0};
    }
    // Widening can push the span past what the first step allows; one more
    // round with the widened span settles it.
    Interval result{lo, hi};
    for (int round = 0; round < 2; ++round) {
        const double step = niceStep(result.span(), maxTicks);
        result = {std::floor(lo / step + kRelativeSlack) * step,
                  std::ceil(hi / step - kRelativeSlack) * step};
    }
    return result;
}

Interval zoomDomain(Interval domain, double anchor, double factor) {
    if (!isUsable(factor) || factor <= 0.0) {
        return domain;
    }
    return {anchor - (anchor - domain.lo) * factor, anchor + (domain.hi - anchor) * factor};
}

Interval zoomDomain(Interval domain, double anchor, double factor, const DomainLimits& limits) {
    const double span = domain.span();
    if (span > 0.0 && isUsable(factor) && factor > 0.0) {
        const double maxSpan = limits.upper - limits.lower;
        double target = span * factor;
        target = std::max(target, limits.minSpan);
        if (isUsable(maxSpan) && maxSpan > 0.0) {
            target = std::min(target, std::max(maxSpan, limits.minSpan));
        }
        factor = target / span;
    }
    return clampDomain(zoomDomain(domain, anchor, factor), limits);
}

Interval panDomain(const LinearScale& scale, double pixelDelta) {
    const Interval range = scale.range();
    const double shift = scale.inverse(range.lo + pixelDelta) - scale.inverse(range.lo);
    const Interval domain = scale.domain();
    return {domain.lo - shift, domain.hi - shift};
}

Interval clampDomain(Interval domain, const DomainLimits& limits) {
    if (domain.lo > domain.hi) {
        std::swap(domain.lo, domain.hi);
    }
    if (domain.span() < limits.minSpan) {
        const double centre = domain.centre();
        domain = {centre - limits.minSpan / 2, centre + limits.minSpan / 2};
    }
    const double boundsSpan = limits.upper - limits.lower;
    if (isUsable(boundsSpan) && domain.span() > boundsSpan) {
        return {limits.lower, limits.upper};
    }
    if (domain.lo < limits.lower) {
        domain = {limits.lower, limits.lower + domain.span()};
    } else if (domain.hi > limits.upper) {
        domain = {limits.upper - domain.span(), limits.upper};
    }
    return domain;
}

} // namespace knotmap
