#include "core/treatment_effect.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <stdexcept>
#include <unordered_map>
#include <utility>

namespace knotmap {
namespace {

// t(0.975, df) for df = 1..30, to 7 significant figures. Small samples are
// the common case here (a kind used a handful of times), where the
// asymptotic expansion is least accurate, so these are tabulated.
constexpr std::array<double, 30> kT95Table = {
    12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004,
    2.262157,  2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.131450, 2.119905,
    2.109816,  2.100922, 2.093024, 2.085963, 2.079614, 2.073873, 2.068658, 2.063899,
    2.059539,  2.055529, 2.051831, 2.048407, 2.045230, 2.042272};

struct KindData {
    int uses = 0;
    std::vector<double> withinSession;
    std::vector<double> toNext;
};

// One knot's ratings in session order.
struct Rating {
    std::size_t session = 0;
    int pain = 0;
};

} // namespace

double studentT95(int degreesOfFreedom) {
    if (degreesOfFreedom < 1) {
        throw std::invalid_argument("studentT95: degrees of freedom must be at least 1");
    }
    if (degreesOfFreedom <= static_cast<int>(kT95Table.size())) {
        return kT95Table[static_cast<std::size_t>(degreesOfFreedom - 1)];
    }
    // Cornish-Fisher expansion of the t quantile around the normal one
    // (Abramowitz and Stegun 26.7.5), four terms in 1/df.
    const double z = 1.959963984540054;
    const double v = degreesOfFreedom;
    const double z2 = z * z;
    const double z3 = z2 * z;
    const double z5 = z3 * z2;
    const double z7 = z5 * z2;
    const double z9 = z7 * z2;
    const double g1 = (z3 + z) / 4.0;
    const double g2 = (5.0 * z5 + 16.0 * z3 + 3.0 * z) / 96.0;
    const double g3 = (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / 384.0;
    const double g4 = (79.0 * z9 + 776.0 * z7 + 1482.0 * z5 - 1920.0 * z3 - 945.0 * z) / 92160.0;
    return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
}

MeanEstimate meanWithInterval(const std::vector<double>& values) {
    MeanEstimate estimate;
    estimate.n = static_cast<int>(values.size());
    if (values.empty()) {
        return estimate;
    }
    double sum = 0.0;
    for (const double value : values) {
        sum += value;
    }
    estimate.mean = sum / static_cast<double>(values.size());
    if (values.size() < 2) {
        return estimate;
    }
    double squares = 0.0;
    for (const double value : values) {
        squares += (value - estimate.mean) * (value - estimate.mean);
    }
    const double n = static_cast<double>(values.size());
    const double standardError = std::sqrt(squares / (n - 1.0)) / std::sqrt(n);
    const double halfWidth = studentT95(estimate.n - 1) * standardError;
    estimate.lower = estimate.mean - halfWidth;
    estimate.upper = estimate.mean + halfWidth;
    return estimate;
}

std::vector<TreatmentEffect> treatmentEffects(const ClientHistory& history, double lagDays) {
    std::unordered_map<Id, std::vector<Rating>> ratingsOfKnot;
    for (const HistoryObservation& observation : history.observations) {
        if (observation.session < history.sessions.size()) {
            ratingsOfKnot[observation.knotId].push_back({observation.session, observation.pain});
        }
    }
    const auto sessionTime = [&](std::size_t session) {
        return history.sessions[session].startedAt.utcSeconds();
    };
    const auto lagSeconds =
        static_cast<std::int64_t>(std::llround(std::max(0.0, lagDays) * 86400.0));

    std::map<std::string, KindData> kinds;
    for (const HistoryTreatment& treatment : history.treatments) {
        KindData& kind = kinds[treatment.kindCode];
        ++kind.uses;
        if (treatment.painBefore && treatment.painAfter) {
            kind.withinSession.push_back(*treatment.painAfter - *treatment.painBefore);
        }
        if (!treatment.knotId || treatment.session >= history.sessions.size()) {
            continue;
        }
        const auto found = ratingsOfKnot.find(*treatment.knotId);
        if (found == ratingsOfKnot.end()) {
            continue;
        }
        const std::vector<Rating>& ratings = found->second;
        // Ratings are in session order: the first one past the treatment's session.
        const auto later = std::upper_bound(
            ratings.begin(), ratings.end(), treatment.session,
            [](std::size_t session, const Rating& rating) { return session < rating.session; });
        std::optional<int> treatedPain = treatment.painBefore;
        if (!treatedPain) {
            // The same session's rating; the last one if the knot was rated twice.
            for (auto it = ratings.begin(); it != later; ++it) {
                if (it->session == treatment.session) {
                    treatedPain = it->pain;
                }
            }
        }
        if (!treatedPain) {
            continue;
        }
        const std::int64_t earliest = sessionTime(treatment.session) + lagSeconds;
        const auto next = std::find_if(later, ratings.end(), [&](const Rating& rating) {
            return sessionTime(rating.session) >= earliest;
        });
        if (next != ratings.end()) {
            kind.toNext.push_back(next->pain - *treatedPain);
        }
    }

    std::vector<TreatmentEffect> effects;
    effects.reserve(kinds.size());
    for (const auto& [code, kind] : kinds) {
        TreatmentEffect effect;
        effect.kindCode = code;
        effect.uses = kind.uses;
        if (!kind.withinSession.empty()) {
            effect.withinSession = meanWithInterval(kind.withinSession);
        }
        if (!kind.toNext.empty()) {
            effect.toNextObservation = meanWithInterval(kind.toNext);
        }
        effects.push_back(std::move(effect));
    }
    // The map gave kind-code order; a stable sort keeps it among ties.
    std::stable_sort(effects.begin(), effects.end(),
                     [](const TreatmentEffect& left, const TreatmentEffect& right) {
                         if (!left.withinSession || !right.withinSession) {
                             return left.withinSession.has_value() &&
                                    !right.withinSession.has_value();
                         }
                         return left.withinSession->mean < right.withinSession->mean;
                     });
    return effects;
}

} // namespace knotmap
