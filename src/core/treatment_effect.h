#pragma once

#include "core/client_history.h"

#include <optional>
#include <string>
#include <vector>

// "Which treatment helps?": per treatment kind, how pain moved within the
// session it was applied in, and how the treated knot was doing next time.
// These are observational summaries of one person's log, not a trial: the
// confidence interval says how precisely the mean is known, not that the
// treatment caused the change.
namespace knotmap {

// A mean with its two-sided 95% confidence interval (Student's t).
struct MeanEstimate {
    int n = 0;
    double mean = 0.0;
    // None when n < 2: one value gives no spread to build an interval from.
    std::optional<double> lower;
    std::optional<double> upper;
};

struct TreatmentEffect {
    std::string kindCode;
    int uses = 0; // every treatment of this kind, whole-session or to a knot
    // painAfter - painBefore over treatments with both set; negative is relief.
    std::optional<MeanEstimate> withinSession;
    // The treated knot's next rating (at least lagDays after the treatment's
    // session) minus its pain when treated; negative is lasting relief.
    std::optional<MeanEstimate> toNextObservation;
};

// Next-day by default: the question is whether the relief lasted past the
// session, and a session later the same day would mostly echo painAfter.
inline constexpr double kDefaultEffectLagDays = 1.0;

// One entry per treatment kind used. Sorted by mean within-session change, the
// most reduction first; kinds without within-session data last; ties and the
// kinds without data by kind code.
//
// The "next observation" of a treatment applied to a knot is the first later
// session (by index, i.e. time) at least lagDays after the treatment's session
// in which that knot was observed. lagDays = 0 means simply the next later
// session with a rating. The treated pain is painBefore if set, else the
// knot's rating in the treatment's own session; with neither, or no next
// observation, the treatment is skipped. Whole-session treatments have no
// knot to follow and only enter the within-session mean.
[[nodiscard]] std::vector<TreatmentEffect> treatmentEffects(const ClientHistory& history,
                                                            double lagDays = kDefaultEffectLagDays);

// The mean of values with its 95% interval; n = 0 and mean 0 for no values.
[[nodiscard]] MeanEstimate meanWithInterval(const std::vector<double>& values);

// The two-sided 95% critical value of Student's t with the given degrees of
// freedom (>= 1; throws std::invalid_argument otherwise): the 0.975 quantile.
// Exact table values for 1..30, the Cornish-Fisher expansion above (error
// below 1e-7 from 31 on), tending to 1.959964 as df grows.
[[nodiscard]] double studentT95(int degreesOfFreedom);

} // namespace knotmap
