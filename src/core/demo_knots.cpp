#include "core/demo_client_simulation.h"

#include <algorithm>

// A client's knots: where new ones appear, how their pain drifts and flares
// from day to day, and what the client feels at a session.
namespace knotmap::demo_detail {
namespace {

double clampUnit(double value) {
    return std::clamp(value, 0.0, 1.0);
}

} // namespace

const DemoSite* ClientSimulation::chooseSite() {
    const auto& sites = demoSites();
    std::vector<double> weights(sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i) {
        const DemoSite& site = sites[i];
        double weight = site.muscle->weight * m_areaWeight[areaIndex(site.muscle->area)];
        const bool dominant = (site.side == Side::Right) == (m_dominantSide == 1);
        if (dominant &&
            (site.muscle->area == BodyArea::Arm || site.muscle->area == BodyArea::Shoulder)) {
            weight *= 1.5;
        }
        for (const KnotState& knot : m_knots) {
            if (knot.site == &site) {
                weight = 0.0; // one knot per site at a time
            }
        }
        for (const KnotState& knot : m_pending) {
            if (knot.site == &site) {
                weight = 0.0;
            }
        }
        weights[i] = weight;
    }
    return &sites[m_random.weightedIndex(weights)];
}

KnotState ClientSimulation::makeKnot(double severityLow, double severityHigh, int lifespanDays,
                                     int ageDays) {
    Random& r = m_random;
    KnotState state;
    state.site = chooseSite();
    state.knot.clientId = m_client.id;
    state.knot.view = state.site->muscle->view;
    state.knot.position = {clampUnit(state.site->position.x + r.uniform(-0.006, 0.006)),
                           clampUnit(state.site->position.y + r.uniform(-0.006, 0.006))};
    state.knot.regionCode = state.site->regionCode;
    state.knot.label = state.site->label;
    state.knot.status = KnotStatus::Active;
    state.chronic = r.uniform(severityLow, severityHigh);
    state.baseline = state.chronic;
    state.severity = std::clamp(state.chronic + r.normal(0.0, 0.6), 0.0, 10.0);
    state.lifespanDays = lifespanDays;
    state.ageDays = ageDays;
    const double character = r.uniform();
    state.character = character < 0.7    ? KnotCharacter::TriggerPoint
                      : character < 0.85 ? KnotCharacter::Tension
                      : character < 0.93 ? KnotCharacter::Adhesion
                                         : KnotCharacter::SpasmProne;
    return state;
}

int randomLifespan(Random& r, bool acute) {
    const double kind = r.uniform();
    if (acute || kind < 0.3) {
        return r.uniformInt(20, 90);
    }
    if (kind < 0.75) {
        return r.uniformInt(90, 400);
    }
    return r.uniformInt(400, 2000);
}

void ClientSimulation::addPendingKnot(double severityLow, double severityHigh, bool acute) {
    m_pending.push_back(makeKnot(severityLow, severityHigh, randomLifespan(m_random, acute), 0));
}

int ClientSimulation::activeCount() const {
    return static_cast<int>(m_knots.size() + m_pending.size());
}

void ClientSimulation::evolveKnots(const DayInfo& day) {
    Random& r = m_random;
    const LifestyleTraits& traits = traitsOf(m_lifestyle);
    for (KnotState& knot : m_knots) {
        ++knot.ageDays;
        if (knot.ageDays > knot.lifespanDays) {
            knot.chronic = std::max(0.2, knot.chronic * 0.985); // healing
        }
        knot.baseline = std::clamp(
            knot.baseline + 0.006 * (knot.chronic - knot.baseline) + r.normal(0.0, 0.02), 0.0, 9.0);
        double flare = 0.0;
        const BodyArea area = knot.site->muscle->area;
        const bool upper = area == BodyArea::Head || area == BodyArea::Neck ||
                           area == BodyArea::Shoulder || area == BodyArea::UpperBack;
        if (has(day.events, Cause::Stress) && upper) {
            flare += r.uniform(0.3, 1.0);
        }
        if (has(day.events, Cause::PoorSleep)) {
            flare += r.uniform(0.1, 0.5);
        }
        if (has(day.events, Cause::StaticPosition) &&
            (upper || area == BodyArea::LowBack || area == BodyArea::Hip)) {
            flare += r.uniform(0.2, 0.8);
        }
        if (has(day.events, Cause::Posture) &&
            (upper || area == BodyArea::LowBack || area == BodyArea::Chest)) {
            flare += r.uniform(0.2, 0.6);
        }
        if (has(day.events, Cause::Dehydration)) {
            flare += area == BodyArea::Leg ? r.uniform(0.3, 0.9) : 0.1;
        }
        if (has(day.events, Cause::Overuse) && traits.overuseAreas[areaIndex(area)] &&
            r.chance(0.6)) {
            flare += r.uniform(0.8, 2.0);
        }
        knot.severity = std::clamp(knot.severity + 0.12 * (knot.baseline + m_load - knot.severity) +
                                       r.normal(0.0, 0.35) + flare,
                                   0.0, 10.0);
        knot.relief *= 0.5;
        knot.soreness = knot.soreness * 0.4 + knot.pendingSoreness;
        knot.pendingSoreness = 0.0;
    }
}

void ClientSimulation::considerNewKnots(const DayInfo& day) {
    Random& r = m_random;
    if (has(day.events, Cause::Injury)) {
        if (activeCount() < kMaxActiveKnots && r.chance(0.6)) {
            addPendingKnot(5.5, 7.5, true);
        } else if (!m_knots.empty()) {
            KnotState& hurt = m_knots[static_cast<std::size_t>(
                r.uniformInt(0, static_cast<int>(m_knots.size()) - 1))];
            hurt.severity = std::min(10.0, hurt.severity + r.uniform(2.0, 3.5));
        }
    }
    if (r.chance(0.004)) { // the target itself wanders a little over the years
        m_targetKnots = std::clamp(m_targetKnots + (r.chance(0.5) ? 1 : -1), kMinActiveKnots,
                                   kMaxActiveKnots - 1);
    }
    const int count = activeCount();
    double chance = 0.0015;
    if (count < m_targetKnots) {
        chance = 0.02;
    }
    if (count < kMinActiveKnots) {
        chance = 1.0;
    }
    if (count < kMaxActiveKnots && r.chance(chance)) {
        addPendingKnot(2.5, 6.0, false);
    }
}

int ClientSimulation::currentPain(KnotState& knot) {
    const double felt = knot.severity + knot.soreness - knot.relief;
    return toRating(m_painScale * felt + m_random.normal(0.0, 0.5));
}

} // namespace knotmap::demo_detail
