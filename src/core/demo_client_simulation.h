#pragma once

// Internal to the demo generator (demo_*.cpp); not part of the public API.

#include "core/demo_care.h"
#include "core/demo_generator.h"
#include "core/demo_lifestyle.h"
#include "core/demo_sites.h"
#include "core/demo_time_zones.h"
#include "core/random.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The demo history is a small simulation rather than independent random
// records, so that charts show what real histories show: each knot's pain is a
// persistent, mean-reverting process; triggers flare the muscles they usually
// affect; treatments bring quick relief, a little lasting improvement and, for
// deep work, next-day soreness; knots heal and new ones appear.
//
// Only integer and plain IEEE double arithmetic is used (no exp/log/pow), and
// every random draw comes from core/random.h, so a seed gives the same history
// on every platform and standard library. Each client has its own random
// stream, so client N's history does not depend on how many clients follow.
// Keep the order of random draws when editing: reordering them changes the
// generated histories.
namespace knotmap::demo_detail {

inline constexpr int kMinActiveKnots = 3;
inline constexpr int kMaxActiveKnots = 7;

// A value rounded and clamped to the 0-10 rating scale.
[[nodiscard]] int toRating(double value);

// Days until a new knot starts to heal: acute knots are short-lived, others
// range from weeks to years.
[[nodiscard]] int randomLifespan(Random& r, bool acute);

enum class KnotCharacter { TriggerPoint, Tension, Adhesion, SpasmProne };

struct KnotState {
    Knot knot;
    const DemoSite* site = nullptr;
    bool saved = false;           // handed to the sink yet
    double severity = 0.0;        // latent pain level on the 0-10 scale
    double baseline = 0.0;        // the level severity reverts to
    double chronic = 0.0;         // the level baseline drifts back to without treatment
    double relief = 0.0;          // short-lived relief from treatment
    double soreness = 0.0;        // post-treatment soreness felt now
    double pendingSoreness = 0.0; // felt from tomorrow
    int ageDays = 0;
    int lifespanDays = 0; // after this the knot starts to heal
    int quietObservations = 0;
    int lastVisitPain = -1;
    int lastPain = -1;
    int lastSorenessVisitWeekday = -1;
    KnotCharacter character = KnotCharacter::TriggerPoint;
    ObservationKind lastKind = ObservationKind::LatentTriggerPoint;
    bool resolving = false; // resolved at the current session
};

// The knots charted at a session, each with the pain recorded for it.
using ObservedKnots = std::vector<std::pair<KnotState*, int>>;

// One client's whole history, day by day. The member functions are spread
// over several files by topic; each file says which part it holds.
class ClientSimulation {
public:
    ClientSimulation(const DemoOptions& options, int index, std::string name, DemoSink& sink);

    // Simulates the days up to lastDay (a day number: the end date, or the
    // client's local today at "now" if that is earlier).
    void run(std::int64_t lastDay);

private:
    // demo_client_simulation.cpp: who the client is and how their days go.
    void createProfile();
    void planTravel(std::int64_t firstDay, std::int64_t lastDay);
    void evolveMood(const DayInfo& day);
    void rollEvents(DayInfo& day);

    // demo_knots.cpp: knots appearing, evolving and healing.
    KnotState makeKnot(double severityLow, double severityHigh, int lifespanDays, int ageDays);
    const DemoSite* chooseSite();
    void addPendingKnot(double severityLow, double severityHigh, bool acute);
    void evolveKnots(const DayInfo& day);
    void considerNewKnots(const DayInfo& day);
    [[nodiscard]] int activeCount() const;
    int currentPain(KnotState& knot);

    // demo_sessions.cpp: check-ins and therapy visits as records.
    void runCheckIn(const DayInfo& day, int minuteOfDay);
    void runVisit(const DayInfo& day, int minuteOfDay, bool rescheduled);
    // The instant of a local time that day, where the client is that day.
    LocalTimestamp at(const DayInfo& day, int minuteOfDay) const;
    [[nodiscard]] bool isPast(const LocalTimestamp& when) const;
    void saveNewKnots();
    void finishSession(const ObservedKnots& observed);

    // demo_observations.cpp: what the client or therapist writes down.
    Observation observe(const Session& session, KnotState& knot, int pain, bool atVisit);
    ObservationKind observationKind(KnotState& knot, int pain);
    std::vector<std::string> triggerCodes(const DayInfo& day);
    int overallPain(const std::vector<int>& pains);

    // demo_treatments.cpp: self-care and therapy, and their effect on knots.
    void selfCare(const Session& session, const ObservedKnots& observed, int maxPain);
    void therapy(const Session& session, ObservedKnots& observed);
    void applyTreatment(KnotState& knot, Care care, double strength);

    const DemoOptions& m_options;
    Random m_random;
    DemoSink& m_sink;
    Client m_client;

    Lifestyle m_lifestyle = Lifestyle::General;
    std::array<double, kAreaCount> m_areaWeight{};
    int m_dominantSide = 1; // 1: right-handed
    double m_painScale = 1.0;
    double m_baseStress = 4.0;
    double m_baseSleep = 6.5;
    double m_stress = 4.0;
    double m_sleep = 6.5;
    int m_stressSpellDays = 0;
    double m_load = 0.0; // slow drift shared by all of the client's knots
    double m_checkInRate = 0.9;
    int m_checkInMinute = 20 * 60;
    double m_checkInSpread = 50.0;
    int m_visitWeekday = 1;
    int m_visitMinute = 17 * 60;
    double m_attendance = 0.9;
    const Therapist* m_therapist = &therapists()[0];
    double m_therapyResponse = 1.0;
    std::vector<CareWeight> m_selfCare; // the client's habits, weighted by preference
    std::array<double, kCareCount> m_effect{};
    double m_medicationPropensity = 0.0;
    std::string_view m_medication;
    int m_targetKnots = 5;
    int m_breakDays = 0;
    int m_lastVisitWeekday = -1;
    bool m_visitPending = false;
    const DemoZone* m_home = nullptr; // where the client lives
    // The days (day numbers, inclusive) spent abroad, in demoTravelZone();
    // none when the first is after the last.
    std::int64_t m_travelFirstDay = 1;
    std::int64_t m_travelLastDay = 0;
    bool m_travelsOnce = false;

    std::vector<KnotState> m_knots;   // active knots (and new ones not saved yet)
    std::vector<KnotState> m_pending; // appeared, charted at the next session
};

} // namespace knotmap::demo_detail
