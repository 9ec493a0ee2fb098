#include "core/demo_client_simulation.h"
#include "core/demo_text.h"

#include <algorithm>

// What gets written down at a session: each knot's observation (kind,
// symptoms, referred pain, notes), the day's triggers and the overall pain.
namespace knotmap::demo_detail {

using namespace demo_text;

ObservationKind ClientSimulation::observationKind(KnotState& knot, int pain) {
    ObservationKind kind = ObservationKind::LatentTriggerPoint;
    switch (knot.character) {
    case KnotCharacter::TriggerPoint: {
        // A little hysteresis: an active point stays active until it settles.
        const int threshold = knot.lastKind == ObservationKind::ActiveTriggerPoint ? 3 : 4;
        kind = pain >= threshold ? ObservationKind::ActiveTriggerPoint
                                 : ObservationKind::LatentTriggerPoint;
        break;
    }
    case KnotCharacter::Tension:
        kind =
            pain >= 7 && m_random.chance(0.35) ? ObservationKind::Spasm : ObservationKind::Tension;
        break;
    case KnotCharacter::Adhesion:
        kind = pain >= 6 && m_random.chance(0.3) ? ObservationKind::ActiveTriggerPoint
                                                 : ObservationKind::Adhesion;
        break;
    case KnotCharacter::SpasmProne:
        kind = pain >= 6 ? ObservationKind::Spasm : ObservationKind::Tension;
        break;
    }
    knot.lastKind = kind;
    return kind;
}

Observation ClientSimulation::observe(const Session& session, KnotState& knot, int pain,
                                      bool atVisit) {
    Random& r = m_random;
    Observation observation;
    observation.sessionId = session.id;
    observation.knotId = knot.knot.id;
    observation.pain = pain;
    observation.kind = observationKind(knot, pain);
    const DemoMuscle& muscle = *knot.site->muscle;

    std::vector<std::string_view> symptoms;
    auto add = [&symptoms](std::string_view code) {
        if (symptoms.size() < 3 &&
            std::find(symptoms.begin(), symptoms.end(), code) == symptoms.end()) {
            symptoms.push_back(code);
        }
    };
    if (knot.soreness > 0.4 && r.chance(0.7)) {
        add("post_treatment_soreness");
    }
    if (pain >= 5 && !muscle.referrals.empty() && r.chance(0.15 + 0.07 * (pain - 5))) {
        const int count = muscle.referrals.size() > 1 && r.chance(0.3) ? 2 : 1;
        const int first = r.uniformInt(0, static_cast<int>(muscle.referrals.size()) - 1);
        for (int i = 0; i < count; ++i) {
            const auto& target =
                muscle.referrals[static_cast<std::size_t>(first + i) % muscle.referrals.size()];
            observation.referredRegionCodes.push_back(regionCodeFor(target, knot.site->side));
        }
        if (r.chance(0.85)) {
            add("referred_pain");
        }
    }
    if (pain >= 2) {
        for (std::string_view code : muscle.typicalSymptoms) {
            double chance = 0.04 * pain;
            if (code == "headache") {
                chance = 0.03 * pain + 0.03 * std::max(0.0, m_stress - 5.0);
            }
            if (r.chance(chance)) {
                add(code);
            }
        }
        if (r.chance(atVisit ? 0.55 : 0.3)) {
            add("tenderness");
        }
        if (knot.character == KnotCharacter::TriggerPoint && r.chance(atVisit ? 0.35 : 0.12)) {
            add("taut_band");
        }
        if (pain >= 3 && pain <= 6 && r.chance(0.2)) {
            add("aching");
        }
        if (pain >= 7 && r.chance(0.25)) {
            add("sharp_pain");
        }
    }
    for (std::string_view code : symptoms) {
        observation.symptomCodes.emplace_back(code);
    }

    if (knot.resolving) {
        observation.notes = std::string(pick(r, resolvedNotes()));
    } else if (knot.soreness > 0.6 && m_lastVisitWeekday >= 0 && r.chance(0.15)) {
        observation.notes =
            "Still sore from " + std::string(weekdayName(m_lastVisitWeekday)) + "'s session.";
    } else if (r.chance(atVisit ? 0.03 : 0.06)) {
        observation.notes = knotNote(r, muscle.area, knot.site->side, pain);
    }
    return observation;
}

std::vector<std::string> ClientSimulation::triggerCodes(const DayInfo& day) {
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < kCauseCount && codes.size() < 2; ++i) {
        if (day.events[i] && m_random.chance(0.8)) {
            codes.emplace_back(causeCode(static_cast<Cause>(i)));
        }
    }
    // Some people tag their usual suspect even on an ordinary day.
    if (codes.empty() && m_random.chance(0.05)) {
        codes.emplace_back(m_lifestyle == Lifestyle::Desk ? "posture" : "stress");
    }
    return codes;
}

int ClientSimulation::overallPain(const std::vector<int>& pains) {
    if (pains.empty()) {
        return toRating(m_random.normal(1.0, 0.5));
    }
    int highest = 0;
    int sum = 0;
    for (int pain : pains) {
        highest = std::max(highest, pain);
        sum += pain;
    }
    const double mean = static_cast<double>(sum) / static_cast<double>(pains.size());
    return toRating(0.6 * highest + 0.4 * mean + m_random.normal(0.0, 0.6));
}

} // namespace knotmap::demo_detail
