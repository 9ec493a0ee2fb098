#include "core/demo_client_simulation.h"
#include "core/demo_text.h"

#include <algorithm>

// Sessions as records: a self check-in or a therapy visit, with the knots
// charted at it, in the order the sink expects (session, new knots,
// observations, treatments, then any knot that resolved).
namespace knotmap::demo_detail {

using namespace demo_text;

namespace {

DayFlags dayFlags(const DayInfo& day) {
    DayFlags flags;
    flags.poorSleep = has(day.events, Cause::PoorSleep);
    flags.stress = has(day.events, Cause::Stress);
    flags.overuse = has(day.events, Cause::Overuse);
    flags.staticPosition = has(day.events, Cause::StaticPosition);
    flags.injury = has(day.events, Cause::Injury);
    return flags;
}

} // namespace

LocalTimestamp ClientSimulation::at(const DayInfo& day, int minuteOfDay) const {
    CivilDateTime local = day.date;
    local.hour = minuteOfDay / 60;
    local.minute = minuteOfDay % 60;
    local.second = 0;
    return localTimeIn(day.abroad ? demoTravelZone() : *m_home, local);
}

bool ClientSimulation::isPast(const LocalTimestamp& when) const {
    return !m_options.nowUtcSeconds || when.utcSeconds() <= *m_options.nowUtcSeconds;
}

void ClientSimulation::saveNewKnots() {
    for (KnotState& knot : m_knots) {
        if (!knot.saved) {
            knot.knot.clientId = m_client.id;
            m_sink.addKnot(knot.knot);
            knot.saved = true;
        }
    }
}

void ClientSimulation::runCheckIn(const DayInfo& day, int minuteOfDay) {
    Random& r = m_random;
    // Knots that appeared since the last session are charted now.
    for (KnotState& knot : m_pending) {
        m_knots.push_back(std::move(knot));
    }
    m_pending.clear();

    std::vector<int> pains;
    pains.reserve(m_knots.size());
    for (KnotState& knot : m_knots) {
        pains.push_back(currentPain(knot));
    }

    Session session;
    session.clientId = m_client.id;
    session.startedAt = at(day, minuteOfDay);
    session.kind = SessionKind::SelfCheckIn;
    session.overallPain = overallPain(pains);
    if (r.chance(0.9)) {
        session.stress = toRating(m_stress + r.normal(0.0, 0.4));
        session.sleep = toRating(m_sleep + r.normal(0.0, 0.4));
    }
    session.triggerCodes = triggerCodes(day);
    if (r.chance(0.12)) {
        session.notes =
            checkInNote(r, dayFlags(day), static_cast<int>(m_lifestyle), *session.overallPain);
    }
    m_sink.addSession(session);
    saveNewKnots();

    // Which knots get charted: the sore ones nearly always, quiet ones less.
    ObservedKnots observed;
    std::size_t worst = 0;
    for (std::size_t i = 0; i < m_knots.size(); ++i) {
        if (pains[i] > pains[worst]) {
            worst = i;
        }
    }
    for (std::size_t i = 0; i < m_knots.size(); ++i) {
        KnotState& knot = m_knots[i];
        const bool isNew = knot.lastPain < 0;
        if (isNew || i == worst || r.chance(std::min(0.97, 0.6 + 0.08 * pains[i]))) {
            observed.emplace_back(&knot, pains[i]);
        }
    }
    int maxPain = 0;
    for (auto& [knot, pain] : observed) {
        knot->resolving = knot->ageDays > knot->lifespanDays && pain <= 1 &&
                          knot->quietObservations >= 2 &&
                          static_cast<int>(m_knots.size()) > kMinActiveKnots;
        Observation observation = observe(session, *knot, pain, false);
        m_sink.addObservation(observation);
        maxPain = std::max(maxPain, pain);
    }
    selfCare(session, observed, maxPain);
    finishSession(observed);
}

void ClientSimulation::runVisit(const DayInfo& day, int minuteOfDay, bool rescheduled) {
    Random& r = m_random;
    for (KnotState& knot : m_pending) {
        m_knots.push_back(std::move(knot));
    }
    m_pending.clear();
    // Palpation finds the odd latent knot the client had not noticed.
    bool discovered = false;
    if (static_cast<int>(m_knots.size()) < kMaxActiveKnots && r.chance(0.05)) {
        KnotState knot = makeKnot(1.5, 3.5, randomLifespan(r, false), 0);
        m_knots.push_back(std::move(knot));
        discovered = true;
    }

    std::vector<int> pains;
    pains.reserve(m_knots.size());
    for (KnotState& knot : m_knots) {
        pains.push_back(currentPain(knot));
    }
    std::vector<VisitFinding> findings;
    for (std::size_t i = 0; i < m_knots.size(); ++i) {
        const KnotState& knot = m_knots[i];
        VisitFinding finding;
        finding.label = knot.knot.label;
        finding.area = knot.site->muscle->area;
        finding.side = knot.site->side;
        finding.pain = pains[i];
        finding.previousPain = knot.lastVisitPain;
        finding.isNew = knot.lastPain < 0;
        finding.healing = knot.ageDays > knot.lifespanDays && pains[i] <= 1;
        findings.push_back(std::move(finding));
    }

    Session session;
    session.clientId = m_client.id;
    session.startedAt = at(day, minuteOfDay);
    session.kind = SessionKind::TherapyVisit;
    session.overallPain = overallPain(pains);
    if (r.chance(0.75)) {
        session.stress = toRating(m_stress + r.normal(0.0, 0.5));
        session.sleep = toRating(m_sleep + r.normal(0.0, 0.5));
    }
    session.triggerCodes = triggerCodes(day);
    session.therapist = std::string(m_therapist->name);
    VisitContext context;
    context.findings = &findings;
    context.day = dayFlags(day);
    context.lifestyle = static_cast<int>(m_lifestyle);
    context.selfCareCode =
        m_selfCare.empty() ? std::string_view("stretching") : careCodeView(m_selfCare.front().care);
    context.physio = m_therapist->kind == TherapistKind::Physiotherapist;
    context.discovered = discovered;
    SoapNote soap = composeSoap(r, context);
    session.subjective = std::move(soap.subjective);
    session.objective = std::move(soap.objective);
    session.assessment = std::move(soap.assessment);
    session.plan = std::move(soap.plan);
    if (rescheduled) {
        session.notes = "Rescheduled from " + std::string(weekdayName(m_visitWeekday)) + ".";
    } else if (r.chance(0.1)) {
        session.notes = std::string(pick(r, visitNotes()));
    }
    m_sink.addSession(session);
    saveNewKnots();

    ObservedKnots observed;
    for (std::size_t i = 0; i < m_knots.size(); ++i) {
        observed.emplace_back(&m_knots[i], pains[i]);
    }
    for (auto& [knot, pain] : observed) {
        knot->resolving = knot->ageDays > knot->lifespanDays && pain <= 1 &&
                          knot->quietObservations >= 2 &&
                          static_cast<int>(m_knots.size()) > kMinActiveKnots;
        Observation observation = observe(session, *knot, pain, true);
        m_sink.addObservation(observation);
        knot->lastVisitPain = pain;
    }
    therapy(session, observed);
    m_lastVisitWeekday = day.weekday;
    finishSession(observed);
}

void ClientSimulation::finishSession(const ObservedKnots& observed) {
    for (const auto& [knot, pain] : observed) {
        knot->lastPain = pain;
        knot->quietObservations = pain <= 1 ? knot->quietObservations + 1 : 0;
    }
    // Resolved knots leave the chart: one record update each.
    int active = static_cast<int>(m_knots.size());
    for (auto it = m_knots.begin(); it != m_knots.end();) {
        if (it->resolving && active > kMinActiveKnots) {
            it->knot.status = KnotStatus::Resolved;
            m_sink.updateKnot(it->knot);
            it = m_knots.erase(it);
            --active;
        } else {
            it->resolving = false;
            ++it;
        }
    }
}

} // namespace knotmap::demo_detail
