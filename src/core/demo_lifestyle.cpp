#include "core/demo_lifestyle.h"

namespace knotmap::demo_detail {
namespace {

constexpr std::array<std::string_view, kCauseCount> kCauseCodes{
    "posture", "stress", "overuse", "injury", "poor_sleep", "dehydration", "static_position"};

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

} // namespace

std::string_view causeCode(Cause cause) {
    return kCauseCodes[static_cast<std::size_t>(cause)];
}

const LifestyleTraits& traitsOf(Lifestyle lifestyle) {
    return kLifestyles[static_cast<std::size_t>(lifestyle)];
}

} // namespace knotmap::demo_detail
