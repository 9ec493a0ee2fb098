#include "core/demo_client_simulation.h"
#include "core/demo_text.h"

#include <algorithm>

// Treatments as records and as effects on the knots: the client's self-care
// and medication at check-ins, and the therapist's work at visits.
namespace knotmap::demo_detail {

using namespace demo_text;

void ClientSimulation::applyTreatment(KnotState& knot, Care care, double strength) {
    const double effect = m_effect[static_cast<std::size_t>(care)] * strength;
    knot.relief += effect;
    knot.severity = std::max(0.0, knot.severity - 0.35 * effect);
    knot.baseline = std::max(0.3, knot.baseline - 0.01 * effect);
}

void ClientSimulation::selfCare(const Session& session, const ObservedKnots& observed,
                                int maxPain) {
    Random& r = m_random;
    int count = 0;
    if (r.chance(0.2 + 0.07 * maxPain)) {
        count = r.chance(0.3) ? 2 : 1;
    }
    std::array<double, 8> weights{};
    for (std::size_t i = 0; i < m_selfCare.size() && i < weights.size(); ++i) {
        weights[i] = m_selfCare[i].weight;
    }
    const auto habitWeights = std::span<const double>(weights.data(), m_selfCare.size());
    std::vector<Care> done;
    for (int i = 0; i < count; ++i) {
        Care care = m_selfCare[r.weightedIndex(habitWeights)].care;
        if (std::find(done.begin(), done.end(), care) != done.end()) {
            continue;
        }
        done.push_back(care);
        Treatment treatment;
        treatment.sessionId = session.id;
        treatment.kindCode = careCode(care);
        const bool targeted = describeSelfCare(r, care, treatment);
        double strength = 0.8;
        if (targeted && !observed.empty()) {
            // The worst knot observed, or sometimes the runner-up.
            std::size_t target = 0;
            for (std::size_t k = 1; k < observed.size(); ++k) {
                if (observed[k].second > observed[target].second) {
                    target = k;
                }
            }
            if (observed.size() > 1 && r.chance(0.3)) {
                target = (target + 1 +
                          static_cast<std::size_t>(
                              r.uniformInt(0, static_cast<int>(observed.size()) - 2))) %
                         observed.size();
            }
            KnotState& knot = *observed[target].first;
            const int before = observed[target].second;
            treatment.knotId = knot.knot.id;
            treatment.painBefore = before;
            const double effect = m_effect[static_cast<std::size_t>(care)] * strength;
            if (r.chance(0.6)) {
                treatment.painAfter =
                    std::clamp(toRating(before - 1.6 * effect + r.normal(0.0, 0.5)), 0, before);
            }
            applyTreatment(knot, care, strength);
        } else {
            // Whole-body care: a smaller, general effect.
            for (const auto& [knot, pain] : observed) {
                (void)pain;
                applyTreatment(*knot, care, 0.35);
            }
        }
        m_sink.addTreatment(treatment);
    }
    // Pain relievers on bad days.
    if (maxPain >= 6 && r.chance(m_medicationPropensity)) {
        Treatment treatment;
        treatment.sessionId = session.id;
        treatment.kindCode = careCode(Care::Medication);
        treatment.medication = std::string(m_medication);
        m_sink.addTreatment(treatment);
        for (const auto& [knot, pain] : observed) {
            (void)pain;
            knot->relief += 0.8;
        }
    }
}

void ClientSimulation::therapy(const Session& session, ObservedKnots& observed) {
    Random& r = m_random;
    // Work on the sorest knots first.
    ObservedKnots order = observed;
    std::stable_sort(order.begin(), order.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    const int wanted = r.chance(0.15) ? 1 : r.uniformInt(2, 4);
    const std::size_t count = std::min(order.size(), static_cast<std::size_t>(wanted));
    const auto repertoire = repertoireOf(m_therapist->kind);
    for (std::size_t i = 0; i < count; ++i) {
        KnotState& knot = *order[i].first;
        const int before = order[i].second;
        const Care care = pickCare(r, repertoire);
        Treatment treatment;
        treatment.sessionId = session.id;
        treatment.knotId = knot.knot.id;
        treatment.kindCode = careCode(care);
        const bool deep = describeTherapy(r, care, treatment);
        const double strength =
            m_therapyResponse * (1.3 + 0.04 * *treatment.minutes) * (deep ? 1.2 : 1.0);
        const double drop = std::clamp(strength + r.normal(0.0, 0.7), -0.5, 4.0);
        treatment.painBefore = before;
        treatment.painAfter = std::clamp(toRating(before - drop), 0, std::min(10, before + 1));
        if (r.chance(0.12)) {
            treatment.notes = std::string(pick(r, therapyTreatmentNotes()));
        }
        // Therapy works better than self-care and leaves lasting improvement.
        knot.relief += 0.7 * strength;
        knot.severity = std::max(0.0, knot.severity - 0.45 * strength);
        knot.baseline = std::max(0.3, knot.baseline - 0.03 * strength);
        if (deep || r.chance(0.25)) {
            knot.pendingSoreness += r.uniform(0.6, 1.4);
        }
        m_sink.addTreatment(treatment);
    }
    if (r.chance(0.35)) {
        Treatment general;
        general.sessionId = session.id;
        if (m_therapist->kind == TherapistKind::Physiotherapist) {
            general.kindCode = careCode(r.chance(0.5) ? Care::GentleExercise : Care::Stretching);
            general.minutes = r.uniformInt(8, 15);
            general.notes = "Reviewed home exercise programme.";
        } else if (r.chance(0.5)) {
            general.kindCode = careCode(Care::RelaxationMassage);
            general.minutes = 5 * r.uniformInt(2, 4);
            general.intensity = Intensity::Light;
        } else {
            general.kindCode = careCode(Care::Heat);
            general.minutes = 10;
            general.notes = "Heat pack before the session.";
        }
        m_sink.addTreatment(general);
    }
}

} // namespace knotmap::demo_detail
