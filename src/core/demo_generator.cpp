#include "core/demo_generator.h"

#include "core/demo_sites.h"
#include "core/demo_text.h"
#include "core/random.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
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
namespace knotmap {
namespace {

using namespace demo_text;

constexpr std::int64_t kSecondsPerDay = 86400;
constexpr int kMinActiveKnots = 3;
constexpr int kMaxActiveKnots = 7;
constexpr std::uint64_t kNameStream = 0x4E414D45; // "NAME"
constexpr std::uint64_t kClientStreamBase = 0x10000;

int clampRating(long value) {
    return static_cast<int>(std::clamp<long>(value, kMinRating, kMaxRating));
}

int toRating(double value) {
    return clampRating(std::lround(value));
}

double clampUnit(double value) {
    return std::clamp(value, 0.0, 1.0);
}

std::int64_t floorMod(std::int64_t a, std::int64_t b) {
    const std::int64_t r = a % b;
    return r < 0 ? r + b : r;
}

std::string asciiLower(std::string_view text) {
    std::string lowered(text);
    for (char& c : lowered) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return lowered;
}

// ---------------------------------------------------------------------------
// Vocabulary codes (db/002_seed_vocabularies.sql).

enum class Care {
    DeepTissue,
    MyofascialRelease,
    TriggerPointTherapy,
    SportsMassage,
    RelaxationMassage,
    Stretching,
    Heat,
    Ice,
    FoamRoller,
    MassageBall,
    MassageGun,
    Rest,
    Hydration,
    GentleExercise,
    Medication,
    DryNeedling,
    Physiotherapy,
};
constexpr std::size_t kCareCount = 17;
constexpr std::array<std::string_view, kCareCount> kCareCodes{"massage_deep_tissue",
                                                              "massage_myofascial_release",
                                                              "massage_trigger_point",
                                                              "massage_sports",
                                                              "massage_relaxation",
                                                              "stretching",
                                                              "heat",
                                                              "ice",
                                                              "foam_roller",
                                                              "massage_ball",
                                                              "massage_gun",
                                                              "rest",
                                                              "hydration",
                                                              "gentle_exercise",
                                                              "medication",
                                                              "dry_needling",
                                                              "physiotherapy"};

std::string careCode(Care care) {
    return std::string(kCareCodes[static_cast<std::size_t>(care)]);
}

enum class Cause { Posture, Stress, Overuse, Injury, PoorSleep, Dehydration, StaticPosition };
constexpr std::size_t kCauseCount = 7;
constexpr std::array<std::string_view, kCauseCount> kCauseCodes{
    "posture", "stress", "overuse", "injury", "poor_sleep", "dehydration", "static_position"};

using Events = std::array<bool, kCauseCount>;

bool has(const Events& events, Cause cause) {
    return events[static_cast<std::size_t>(cause)];
}

// ---------------------------------------------------------------------------
// Lifestyles bias where knots appear and what flares them.

enum class Lifestyle { Desk, Runner, Manual, Musician, Clencher, General };
constexpr std::size_t kLifestyleCount = 6;
constexpr std::size_t kAreaCount = 9;

struct LifestyleTraits {
    // Multiplies the muscles' charting weights, indexed by BodyArea.
    std::array<double, kAreaCount> areaWeight;
    double staticPosition; // daily chance on a weekday
    double posture;
    double overuse;
    double overuseWeekend;
    std::array<bool, kAreaCount> overuseAreas;
};

// Area order: Head, Neck, Shoulder, UpperBack, LowBack, Hip, Leg, Arm, Chest.
constexpr std::array<LifestyleTraits, kLifestyleCount> kLifestyles{{
    // Desk worker: neck, shoulders and upper back.
    {{1.0, 2.2, 2.0, 1.8, 1.3, 0.8, 0.4, 1.3, 1.2},
     0.16,
     0.10,
     0.03,
     0.02,
     {false, true, true, true, false, false, false, true, false}},
    // Runner: hips and legs.
    {{0.5, 0.8, 0.8, 0.7, 1.2, 2.4, 3.5, 0.5, 0.6},
     0.04,
     0.03,
     0.08,
     0.22,
     {false, false, false, false, true, true, true, false, false}},
    // Manual work: low back, hips, forearms.
    {{0.5, 1.0, 1.4, 1.0, 2.6, 1.6, 1.0, 2.2, 0.9},
     0.03,
     0.05,
     0.15,
     0.04,
     {false, false, true, false, true, true, false, true, false}},
    // Musician or other arms-up work: forearms, neck and shoulders.
    {{0.8, 1.8, 2.0, 1.3, 0.8, 0.7, 0.4, 3.0, 1.3},
     0.08,
     0.09,
     0.11,
     0.06,
     {false, true, true, false, false, false, false, true, false}},
    // Stress and jaw clenching: head, neck and upper shoulders.
    {{4.0, 2.5, 1.8, 1.2, 0.8, 0.7, 0.4, 0.6, 1.0},
     0.08,
     0.05,
     0.03,
     0.03,
     {true, true, false, false, false, false, false, false, false}},
    // No particular pattern.
    {{1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0},
     0.06,
     0.05,
     0.05,
     0.06,
     {false, true, true, false, true, true, true, false, false}},
}};

std::size_t areaIndex(BodyArea area) {
    return static_cast<std::size_t>(area);
}

// ---------------------------------------------------------------------------
// Therapists.

enum class TherapistKind { MassageTherapist, Physiotherapist, SportsTherapist };

struct Therapist {
    std::string_view name;
    TherapistKind kind;
};

constexpr std::array<Therapist, 7> kTherapists{{
    {"Dana Whitfield, LMT", TherapistKind::MassageTherapist},
    {"Marco Bellini, PT", TherapistKind::Physiotherapist},
    {"Aiko Tanaka, LMT", TherapistKind::MassageTherapist},
    {"Rebecca Okafor, DPT", TherapistKind::Physiotherapist},
    {"Tomás Herrera", TherapistKind::SportsTherapist},
    {"Ingrid Halvorsen, PT", TherapistKind::Physiotherapist},
    {"Josh Nakamura, LMT", TherapistKind::MassageTherapist},
}};

struct CareWeight {
    Care care;
    double weight;
};

constexpr std::array<CareWeight, 5> kMassageRepertoire{{{Care::TriggerPointTherapy, 4.0},
                                                        {Care::DeepTissue, 3.0},
                                                        {Care::MyofascialRelease, 3.0},
                                                        {Care::SportsMassage, 0.7},
                                                        {Care::Stretching, 0.8}}};
constexpr std::array<CareWeight, 5> kPhysioRepertoire{{{Care::Physiotherapy, 3.0},
                                                       {Care::MyofascialRelease, 2.0},
                                                       {Care::DryNeedling, 2.0},
                                                       {Care::Stretching, 1.5},
                                                       {Care::TriggerPointTherapy, 1.2}}};
constexpr std::array<CareWeight, 5> kSportsRepertoire{{{Care::SportsMassage, 3.0},
                                                       {Care::DeepTissue, 2.0},
                                                       {Care::TriggerPointTherapy, 2.0},
                                                       {Care::DryNeedling, 1.5},
                                                       {Care::MyofascialRelease, 1.0}}};

std::span<const CareWeight> repertoireOf(TherapistKind kind) {
    switch (kind) {
    case TherapistKind::MassageTherapist:
        return kMassageRepertoire;
    case TherapistKind::Physiotherapist:
        return kPhysioRepertoire;
    case TherapistKind::SportsTherapist:
        return kSportsRepertoire;
    }
    return kMassageRepertoire;
}

Care pickCare(Random& random, std::span<const CareWeight> choices) {
    std::array<double, 16> weights{};
    const std::size_t count = std::min(choices.size(), weights.size());
    for (std::size_t i = 0; i < count; ++i) {
        weights[i] = choices[i].weight;
    }
    return choices[random.weightedIndex(std::span<const double>(weights.data(), count))].care;
}

// ---------------------------------------------------------------------------
// Simulation state.

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

struct SelfCarePreference {
    Care care;
    double weight;
};

struct DayInfo {
    std::int64_t dayNumber = 0; // days since 1970-01-01
    int weekday = 0;            // 0 = Monday
    CivilDateTime date;
    Events events{};
};

DayFlags dayFlags(const DayInfo& day) {
    DayFlags flags;
    flags.poorSleep = has(day.events, Cause::PoorSleep);
    flags.stress = has(day.events, Cause::Stress);
    flags.overuse = has(day.events, Cause::Overuse);
    flags.staticPosition = has(day.events, Cause::StaticPosition);
    flags.injury = has(day.events, Cause::Injury);
    return flags;
}

class ClientSimulation {
public:
    ClientSimulation(const DemoOptions& options, int index, std::string name, DemoSink& sink)
        : m_options(options),
          m_random(Random::forStream(options.seed,
                                     kClientStreamBase + static_cast<std::uint64_t>(index))),
          m_sink(sink) {
        m_client.name = std::move(name);
    }

    void run(std::int64_t firstDay);

private:
    void createProfile();
    KnotState makeKnot(double severityLow, double severityHigh, int lifespanDays, int ageDays);
    const DemoSite* chooseSite();
    void addPendingKnot(double severityLow, double severityHigh, bool acute);

    void evolveMood(const DayInfo& day);
    void rollEvents(DayInfo& day);
    void evolveKnots(const DayInfo& day);
    void considerNewKnots(const DayInfo& day);
    [[nodiscard]] int activeCount() const;

    int currentPain(KnotState& knot);
    ObservationKind observationKind(KnotState& knot, int pain);
    std::vector<std::string> triggerCodes(const DayInfo& day);
    int overallPain(const std::vector<int>& pains);
    LocalTimestamp at(const DayInfo& day, int minuteOfDay) const;

    void runCheckIn(const DayInfo& day, int minuteOfDay);
    void runVisit(const DayInfo& day, int minuteOfDay, bool rescheduled);
    void saveNewKnots();
    Observation observe(const Session& session, KnotState& knot, int pain, bool atVisit);
    void selfCare(const Session& session, const std::vector<std::pair<KnotState*, int>>& observed,
                  int maxPain);
    void therapy(const Session& session, std::vector<std::pair<KnotState*, int>>& observed);
    void finishSession(const std::vector<std::pair<KnotState*, int>>& observed);
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
    const Therapist* m_therapist = &kTherapists[0];
    double m_therapyResponse = 1.0;
    std::vector<SelfCarePreference> m_selfCare;
    std::array<double, kCareCount> m_effect{};
    double m_medicationPropensity = 0.0;
    std::string_view m_medication;
    int m_targetKnots = 5;
    int m_breakDays = 0;
    int m_lastVisitWeekday = -1;
    bool m_visitPending = false;

    std::vector<KnotState> m_knots;   // active knots (and new ones not saved yet)
    std::vector<KnotState> m_pending; // appeared, charted at the next session
};

// ---------------------------------------------------------------------------

void ClientSimulation::createProfile() {
    Random& r = m_random;
    m_lifestyle = static_cast<Lifestyle>(
        r.weightedIndex(std::array<double, kLifestyleCount>{3.5, 1.5, 1.3, 0.9, 1.2, 1.6}));
    const LifestyleTraits& traits = kLifestyles[static_cast<std::size_t>(m_lifestyle)];
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
    m_therapist = &pick(r, kTherapists);
    m_therapyResponse = r.uniform(0.7, 1.3);

    for (double& effect : m_effect) {
        effect = r.uniform(0.35, 1.3); // what helps differs from person to person
    }
    // Two to four self-care habits, favouring the common ones.
    constexpr std::array<SelfCarePreference, 9> kHabits{{{Care::Stretching, 5.0},
                                                         {Care::Heat, 4.0},
                                                         {Care::FoamRoller, 3.5},
                                                         {Care::MassageBall, 3.0},
                                                         {Care::MassageGun, 2.0},
                                                         {Care::Ice, 1.2},
                                                         {Care::Rest, 2.0},
                                                         {Care::GentleExercise, 2.0},
                                                         {Care::Hydration, 1.0}}};
    std::array<double, kHabits.size()> habitWeights{};
    for (std::size_t i = 0; i < kHabits.size(); ++i) {
        habitWeights[i] = kHabits[i].weight;
    }
    const int habitCount = r.uniformInt(2, 4);
    for (int i = 0; i < habitCount; ++i) {
        const std::size_t chosen = r.weightedIndex(habitWeights);
        m_selfCare.push_back({kHabits[chosen].care, r.uniform(1.0, 3.0)});
        habitWeights[chosen] = 0.0;
    }
    m_medicationPropensity = r.chance(0.6) ? r.uniform(0.05, 0.3) : 0.0;
    m_medication = pick(r, medications());
    m_targetKnots = r.uniformInt(3, 6);
}

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
    const LifestyleTraits& traits = kLifestyles[static_cast<std::size_t>(m_lifestyle)];
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

void ClientSimulation::evolveKnots(const DayInfo& day) {
    Random& r = m_random;
    const LifestyleTraits& traits = kLifestyles[static_cast<std::size_t>(m_lifestyle)];
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

std::vector<std::string> ClientSimulation::triggerCodes(const DayInfo& day) {
    std::vector<std::string> codes;
    for (std::size_t i = 0; i < kCauseCount && codes.size() < 2; ++i) {
        if (day.events[i] && m_random.chance(0.8)) {
            codes.emplace_back(kCauseCodes[i]);
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

LocalTimestamp ClientSimulation::at(const DayInfo& day, int minuteOfDay) const {
    CivilDateTime local = day.date;
    local.hour = minuteOfDay / 60;
    local.minute = minuteOfDay % 60;
    local.second = 0;
    return LocalTimestamp::fromLocal(local, m_options.utcOffsetMinutes);
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

void ClientSimulation::applyTreatment(KnotState& knot, Care care, double strength) {
    const double effect = m_effect[static_cast<std::size_t>(care)] * strength;
    knot.relief += effect;
    knot.severity = std::max(0.0, knot.severity - 0.35 * effect);
    knot.baseline = std::max(0.3, knot.baseline - 0.01 * effect);
}

void ClientSimulation::selfCare(const Session& session,
                                const std::vector<std::pair<KnotState*, int>>& observed,
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
        bool targeted = false;
        switch (care) {
        case Care::FoamRoller:
            treatment.minutes = r.uniformInt(5, 15);
            treatment.intensity = r.chance(0.5) ? Intensity::Medium : Intensity::Firm;
            targeted = true;
            break;
        case Care::MassageBall:
            treatment.minutes = r.uniformInt(3, 10);
            treatment.intensity = r.chance(0.4) ? Intensity::Medium : Intensity::Firm;
            targeted = true;
            break;
        case Care::MassageGun:
            treatment.minutes = r.uniformInt(2, 8);
            treatment.intensity = r.chance(0.5) ? Intensity::Light : Intensity::Medium;
            targeted = true;
            break;
        case Care::Stretching:
            treatment.minutes = r.uniformInt(5, 15);
            targeted = r.chance(0.6);
            break;
        case Care::Heat:
            treatment.minutes = 5 * r.uniformInt(3, 6);
            targeted = r.chance(0.6);
            if (!targeted) {
                treatment.notes = std::string(pick(r, heatNotes()));
            }
            break;
        case Care::Ice:
            treatment.minutes = 5 * r.uniformInt(2, 4);
            targeted = true;
            break;
        case Care::GentleExercise:
            treatment.minutes = 5 * r.uniformInt(3, 9);
            treatment.notes = std::string(pick(r, exerciseNotes()));
            break;
        case Care::Rest:
            if (r.chance(0.4)) {
                treatment.notes = "Took it easy.";
            }
            break;
        default:
            break;
        }
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
    std::vector<std::pair<KnotState*, int>> observed;
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

void ClientSimulation::finishSession(const std::vector<std::pair<KnotState*, int>>& observed) {
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

void ClientSimulation::therapy(const Session& session,
                               std::vector<std::pair<KnotState*, int>>& observed) {
    Random& r = m_random;
    // Work on the sorest knots first.
    std::vector<std::pair<KnotState*, int>> order = observed;
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
        treatment.minutes = r.uniformInt(5, 20);
        bool deep = false;
        switch (care) {
        case Care::TriggerPointTherapy:
        case Care::DeepTissue:
            deep = r.chance(0.5);
            treatment.intensity = deep ? Intensity::Deep : Intensity::Firm;
            break;
        case Care::MyofascialRelease:
        case Care::SportsMassage:
            treatment.intensity = r.chance(0.5) ? Intensity::Medium : Intensity::Firm;
            break;
        case Care::DryNeedling:
            deep = true;
            treatment.minutes = r.uniformInt(5, 10);
            break;
        case Care::Physiotherapy:
        case Care::Stretching:
            treatment.intensity = r.chance(0.6) ? Intensity::Light : Intensity::Medium;
            break;
        default:
            break;
        }
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
    context.selfCareCode = m_selfCare.empty()
                               ? std::string_view("stretching")
                               : kCareCodes[static_cast<std::size_t>(m_selfCare.front().care)];
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

    std::vector<std::pair<KnotState*, int>> observed;
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

void ClientSimulation::run(std::int64_t firstDay) {
    Random& r = m_random;
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

        if (visit && checkIn && checkInMinute < visitMinute) {
            runCheckIn(day, checkInMinute);
            runVisit(day, visitMinute, rescheduled);
        } else {
            if (visit) {
                runVisit(day, visitMinute, rescheduled);
            }
            if (checkIn) {
                runCheckIn(day, checkInMinute);
            }
        }
    }
}

// Believable, distinct names; the database keeps client names unique (ignoring
// ASCII case), so collisions are redrawn, then given a middle initial.
class NameGenerator {
public:
    explicit NameGenerator(std::uint64_t seed) : m_random(Random::forStream(seed, kNameStream)) {}

    std::string next(int index) {
        for (int attempt = 0; attempt < 40; ++attempt) {
            std::string name = draw(index);
            if (m_used.insert(asciiLower(name)).second) {
                return name;
            }
        }
        for (int attempt = 0; attempt < 200; ++attempt) {
            const std::string first(pick(m_random, firstNames()));
            const std::string last(pick(m_random, lastNames()));
            const char initial = static_cast<char>('A' + m_random.uniformInt(0, 25));
            std::string name = first + ' ' + initial + ". " + last;
            if (m_used.insert(asciiLower(name)).second) {
                return name;
            }
        }
        std::string name;
        int suffix = 2;
        do {
            name = std::string(pick(m_random, firstNames())) + ' ' +
                   std::string(pick(m_random, lastNames())) + ' ' + std::to_string(suffix++);
        } while (!m_used.insert(asciiLower(name)).second);
        return name;
    }

private:
    std::string draw(int index) {
        // The second client always shows off non-ASCII text in the UI.
        if (index == 1) {
            return std::string(pick(m_random, accentedFirstNames())) + ' ' +
                   std::string(pick(m_random, accentedLastNames()));
        }
        const std::string_view first = m_random.chance(0.1) ? pick(m_random, accentedFirstNames())
                                                            : pick(m_random, firstNames());
        const std::string_view last = m_random.chance(0.1) ? pick(m_random, accentedLastNames())
                                                           : pick(m_random, lastNames());
        return std::string(first) + ' ' + std::string(last);
    }

    Random m_random;
    std::set<std::string> m_used;
};

} // namespace

void generateDemo(const DemoOptions& options, DemoSink& sink) {
    const CivilDateTime end{options.endYear, options.endMonth, options.endDay, 0, 0, 0};
    if (!isValidCivil(end)) {
        throw std::invalid_argument("demo: invalid end date");
    }
    if (options.utcOffsetMinutes < kMinUtcOffsetMinutes ||
        options.utcOffsetMinutes > kMaxUtcOffsetMinutes) {
        throw std::invalid_argument("demo: UTC offset out of range");
    }
    const std::int64_t lastDay = daysFromCivil(end.year, end.month, end.day);
    const std::int64_t firstDay = lastDay - std::max(0, options.days) + 1;
    NameGenerator names(options.seed);
    for (int i = 0; i < options.clients; ++i) {
        ClientSimulation simulation(options, i, names.next(i), sink);
        simulation.run(firstDay);
    }
}

} // namespace knotmap
