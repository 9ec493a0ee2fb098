#pragma once

// Internal to the demo generator (demo_*.cpp); not part of the public API.

#include "core/domain.h"
#include "core/random.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace knotmap::demo_detail {

// Treatment kinds, in the order of their vocabulary codes
// (db/sqlite/002_seed_vocabularies.sql).
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
inline constexpr std::size_t kCareCount = 17;

[[nodiscard]] std::string_view careCodeView(Care care);
[[nodiscard]] std::string careCode(Care care);

enum class TherapistKind { MassageTherapist, Physiotherapist, SportsTherapist };

struct Therapist {
    std::string_view name;
    TherapistKind kind;
};

[[nodiscard]] std::span<const Therapist> therapists();

// A care kind with its relative weight in a random choice.
struct CareWeight {
    Care care;
    double weight;
};

// What a kind of therapist usually does, weighted by how often.
[[nodiscard]] std::span<const CareWeight> repertoireOf(TherapistKind kind);
// The self-care habits a client may pick up, weighted by how common they are.
[[nodiscard]] std::span<const CareWeight> selfCareHabits();
// One care kind drawn from at most 16 weighted choices.
[[nodiscard]] Care pickCare(Random& random, std::span<const CareWeight> choices);

// Fill in how long and how hard a self-care treatment of the given kind was
// (and, for some kinds, a note). Returns whether it worked on one knot rather
// than the whole body.
bool describeSelfCare(Random& random, Care care, Treatment& treatment);
// Fill in the minutes and intensity of hands-on work by a therapist. Returns
// whether the work was deep, which brings more relief and more soreness.
bool describeTherapy(Random& random, Care care, Treatment& treatment);

} // namespace knotmap::demo_detail
