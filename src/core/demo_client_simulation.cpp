#include "core/demo_client_simulation.h"

#include "core/demo_text.h"

#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

// The client: their profile, their mood and everyday triggers, and the day
// loop that decides when they check in and when they see their therapist.
namespace knotmap::demo_detail {

using namespace demo_text;

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::uint64_t kClientStreamBase = 0x10000;
// The travel plans draw from a stream of their own, so adding them left every
// client's history otherwise as it was.
constexpr std::uint64_t kTravelStream = 0x54524156; // "TRAV"
constexpr int kMinDaysForTravel = 31;

std::int64_t floorMod(std::int64_t a, std::int64_t b) {
    const std::int64_t r = a % b;
    return r < 0 ? r + b : r;
}

} // namespace

int toRating(double value) {
    return static_cast<int>(std::clamp<long>(std::lround(value), kMinRating, kMaxRating));
}

ClientSimulation::ClientSimulation(const DemoOptions& options, int index, std::string name,
                                   DemoSink& sink)
    : m_options(options), m_random(Random::forStream(
                              options.seed, kClientStreamBase + static_cast<std::uint64_t>(index))),
      m_sink(sink),
      m_home(&demoHomeZones()[static_cast<std::size_t>(index) % demoHomeZones().size()]) {
    m_client.name = std::move(name);
    m_travelsOnce = index == 0;
}

void ClientSimulation::planTravel(std::int64_t firstDay, std::int64_t lastDay) {
    const std::int64_t days = lastDay - firstDay + 1;
    if (!m_travelsOnce || days < kMinDaysForTravel) {
        return;
    }
    // A week or so away, ending two to eight weeks before the history does,
    // so the charts' first 90-day window shows it.
    Random r = Random::forStream(m_options.seed, kTravelStream);
    const int length = r.uniformInt(7, 10);
    const int maxBack = static_cast<int>(std::min<std::int64_t>(60, days - length - 7));
    const int back = r.uniformInt(14, std::max(14, maxBack));
    m_travelLastDay = lastDay - back;
    m_travelFirstDay = m_travelLastDay - length + 1;
}

void ClientSimulation::createProfile() {
    Random& r = m_random;
    m_lifestyle = static_cast<Lifestyle>(
        r.weightedIndex(std::array<double, kLifestyleCount>{3.5, 1.5, 1.3, 0.9, 1.2, 1.6}));
    const LifestyleTraits& traits = traitsOf(m_lifestyle);
    m_areaWeight = traits.areaWeight;
    // One or two personal problem areas make a client's knots cluster.
    const int focusCount = r.chance(0.6) ? 1 : 2;
    for (int i = 0; i < focusCount; ++i) {
        m_areaWeight[r.weightedIndex(traits.areaWeight)] *= 2.5;
    }
    m_dominantSide = r.chance(0.88) ? 1 : 0;

    const int age = std::clamp(static_cast<int>(std::lround(r.normal(44.0, 13.0))), 19, 82);
    m_client.birthYear = m_options.endYear - age;
    m_client.notes = std::string(age >= 67 ? pick(r, retiredOccupations())
                                           : pick(r, occupations(static_cast<int>(m_lifestyle))));
    if (r.chance(0.55)) {
        m_client.notes += ' ';
        m_client.notes += pick(r, clientRemarks());
    }

    m_painScale = r.uniform(0.85, 1.15);
    m_baseStress = std::clamp(r.normal(4.3, 1.4), 1.5, 8.0);
    if (m_lifestyle == Lifestyle::Clencher) {
        m_baseStress = std::min(8.5, m_baseStress + 1.5);
    }
    m_baseSleep = std::clamp(r.normal(6.6, 1.1), 3.5, 9.0);
    m_stress = m_baseStress;
    m_sleep = m_baseSleep;

    m_checkInRate = r.uniform(0.86, 0.97);
    const double kind = r.uniform();
    if (kind < 0.68) { // evenings
        m_checkInMinute = r.uniformInt(19 * 60, 21 * 60 + 40);
    } else if (kind < 0.88) { // mornings
        m_checkInMinute = r.uniformInt(7 * 60 + 10, 8 * 60 + 45);
    } else { // lunchtime
        m_checkInMinute = r.uniformInt(12 * 60, 13 * 60 + 30);
    }
    m_checkInSpread = r.uniform(25.0, 70.0);

    m_visitWeekday =
        static_cast<int>(r.weightedIndex(std::array<double, 7>{1.0, 1.2, 1.2, 1.2, 1.0, 0.5, 0.0}));
    m_visitMinute = 8 * 60 + 30 * r.uniformInt(0, 20); // 08:00 to 18:00
    m_attendance = r.uniform(0.86, 0.97);
    m_therapist = &pick(r, therapists());
    m_therapyResponse = r.uniform(0.7, 1.3);

    for (double& effect : m_effect) {
        effect = r.uniform(0.35, 1.3); // what helps differs from person to person
    }
    // Two to four self-care habits, favouring the common ones.
    const std::span<const CareWeight> habits = selfCareHabits();
    std::vector<double> habitWeights(habits.size());
    for (std::size_t i = 0; i < habits.size(); ++i) {
        habitWeights[i] = habits[i].weight;
    }
    const int habitCount = r.uniformInt(2, 4);
    for (int i = 0; i < habitCount; ++i) {
        const std::size_t chosen = r.weightedIndex(habitWeights);
        m_selfCare.push_back({habits[chosen].care, r.uniform(1.0, 3.0)});
        habitWeights[chosen] = 0.0;
    }
    m_medicationPropensity = r.chance(0.6) ? r.uniform(0.05, 0.3) : 0.0;
    m_medication = pick(r, medications());
    m_targetKnots = r.uniformInt(3, 6);
}

void ClientSimulation::evolveMood(const DayInfo& day) {
    Random& r = m_random;
    double target = m_baseStress;
    if (day.weekday < 5 && m_lifestyle != Lifestyle::Runner) {
        target += 0.5;
    }
    if (m_stressSpellDays > 0) { // a deadline, a move, a family matter
        target += 2.5;
        --m_stressSpellDays;
    } else if (r.chance(0.012)) {
        m_stressSpellDays = r.uniformInt(4, 16);
    }
    m_stress = std::clamp(m_stress + 0.3 * (target - m_stress) + r.normal(0.0, 0.8), 0.0, 10.0);
    // Good and bad spells lasting weeks, beyond any single trigger.
    m_load = std::clamp(0.98 * m_load + r.normal(0.0, 0.12), -2.0, 2.0);
    double sleep = m_baseSleep - 0.35 * (m_stress - m_baseStress) + r.normal(0.0, 1.0);
    if (r.chance(0.06)) {
        sleep -= r.uniform(2.0, 4.0); // a bad night
    }
    m_sleep = std::clamp(sleep, 0.0, 10.0);
}

void ClientSimulation::rollEvents(DayInfo& day) {
    Random& r = m_random;
    const LifestyleTraits& traits = traitsOf(m_lifestyle);
    const bool weekend = day.weekday >= 5;
    Events& e = day.events;
    e[static_cast<std::size_t>(Cause::PoorSleep)] = m_sleep < 3.5;
    e[static_cast<std::size_t>(Cause::Stress)] = m_stress > 7.0;
    e[static_cast<std::size_t>(Cause::StaticPosition)] =
        r.chance(weekend ? 0.03 : traits.staticPosition);
    e[static_cast<std::size_t>(Cause::Posture)] = r.chance(traits.posture);
    e[static_cast<std::size_t>(Cause::Overuse)] =
        r.chance(weekend ? traits.overuseWeekend : traits.overuse);
    e[static_cast<std::size_t>(Cause::Dehydration)] =
        r.chance(m_lifestyle == Lifestyle::Runner ? 0.04 : 0.015);
    e[static_cast<std::size_t>(Cause::Injury)] = r.chance(0.0025);
}

void ClientSimulation::run(std::int64_t lastDay) {
    Random& r = m_random;
    if (m_options.nowUtcSeconds) {
        // The client's local date at now: nothing of their history lies beyond it.
        const std::int64_t now = *m_options.nowUtcSeconds;
        const std::int64_t localNow = now + std::int64_t{offsetAt(*m_home, now)} * 60;
        lastDay =
            std::min(lastDay, (localNow - floorMod(localNow, kSecondsPerDay)) / kSecondsPerDay);
    }
    const std::int64_t firstDay = lastDay - std::max(0, m_options.days) + 1;
    planTravel(firstDay, lastDay);
    createProfile();
    m_sink.addClient(m_client);

    // The history starts part-way through the client's story: the first knots
    // have existed for a while already.
    const int initial = std::max(kMinActiveKnots, m_targetKnots - r.uniformInt(0, 1));
    for (int i = 0; i < initial; ++i) {
        const int lifespan = randomLifespan(r, false);
        m_pending.push_back(makeKnot(2.5, 6.5, lifespan, r.uniformInt(0, lifespan)));
    }

    for (int d = 0; d < m_options.days; ++d) {
        DayInfo day;
        day.dayNumber = firstDay + d;
        day.weekday = static_cast<int>(floorMod(day.dayNumber + 3, 7)); // 1970-01-01: Thursday
        day.date = civilFromSeconds(day.dayNumber * kSecondsPerDay);
        day.abroad = day.dayNumber >= m_travelFirstDay && day.dayNumber <= m_travelLastDay;

        evolveMood(day);
        rollEvents(day);
        evolveKnots(day);
        considerNewKnots(day);

        bool onBreak = false;
        if (m_breakDays > 0) {
            --m_breakDays;
            onBreak = true;
        } else if (r.chance(0.0035)) { // holidays, illness, a busy patch
            m_breakDays = r.uniformInt(2, 9);
        }

        bool visit = false;
        bool rescheduled = false;
        if (m_visitPending) {
            visit = true;
            rescheduled = true;
            m_visitPending = false;
        } else if (day.weekday == m_visitWeekday && !onBreak) {
            const double roll = r.uniform();
            if (roll < m_attendance - 0.05) {
                visit = true;
            } else if (roll < m_attendance) {
                m_visitPending = true; // moved to tomorrow
            }
        }
        if (visit && onBreak) {
            visit = false;
        }
        if (day.abroad) { // the visits wait until the client is back
            visit = false;
            m_visitPending = false;
        }
        // The day out is spent flying: no check-in, and none abroad that lands
        // before the last one at home.
        const bool flying = day.dayNumber == m_travelFirstDay;
        const bool checkIn = !onBreak && r.chance(m_checkInRate * (visit ? 0.8 : 1.0));

        int checkInMinute =
            m_checkInMinute + static_cast<int>(std::lround(r.normal(0.0, m_checkInSpread)));
        if (day.weekday >= 5 && m_checkInMinute < 10 * 60) {
            checkInMinute += 45; // a lie-in
        }
        // Reflect off the ends of the waking day rather than piling up on them.
        constexpr int kEarliest = 7 * 60;
        constexpr int kLatest = 22 * 60 + 45;
        if (checkInMinute > kLatest) {
            checkInMinute = kLatest - (checkInMinute - kLatest);
        } else if (checkInMinute < kEarliest) {
            checkInMinute = kEarliest + (kEarliest - checkInMinute);
        }
        checkInMinute = std::clamp(checkInMinute, kEarliest, kLatest);
        const int visitMinute = std::clamp(m_visitMinute + r.uniformInt(-5, 10), 7 * 60, 20 * 60);
        // Today's sessions still to come are not history yet.
        visit = visit && isPast(at(day, visitMinute));
        const bool checkInDone = checkIn && !flying && isPast(at(day, checkInMinute));

        if (visit && checkInDone && checkInMinute < visitMinute) {
            runCheckIn(day, checkInMinute);
            runVisit(day, visitMinute, rescheduled);
        } else {
            if (visit) {
                runVisit(day, visitMinute, rescheduled);
            }
            if (checkInDone) {
                runCheckIn(day, checkInMinute);
            }
        }
    }
}

} // namespace knotmap::demo_detail
