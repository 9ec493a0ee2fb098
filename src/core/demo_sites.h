#pragma once

#include "core/atlas.h"
#include "core/domain.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace knotmap {

// How far the generator moves a knot from its site along x and along y, at
// most (diagram units).
inline constexpr double kDemoKnotJitter = 0.006;

// Broad body areas, used to bias where a demo client's knots appear and which
// triggers flare them up.
enum class BodyArea { Head, Neck, Shoulder, UpperBack, LowBack, Hip, Leg, Arm, Chest };

// One muscle where knots are commonly charted, authored once for both sides.
struct DemoMuscle {
    std::string_view muscle; // region code middle part, e.g. "upper_trapezius"
    BodyView view;
    std::string_view shortLabel; // as a person would write it, e.g. "upper trap"
    double weight;               // how commonly people chart it (relative)
    BodyArea area;
    // "<view>.<muscle>" codes of the regions its trigger points commonly refer
    // pain to, on the same side (../shared/reference/trigger-points.md).
    std::span<const std::string_view> referrals;
    // Symptom codes typical for the muscle beyond tenderness and aching.
    std::span<const std::string_view> typicalSymptoms;
};

// A concrete knot site: one muscle on one side.
struct DemoSite {
    const DemoMuscle* muscle = nullptr;
    Side side = Side::Left;
    std::string regionCode; // "<view>.<muscle>.<side>"
    std::string label;      // e.g. "Left upper trap"
    DiagramPoint position;  // where its knots appear, well inside the atlas region
};

[[nodiscard]] std::span<const DemoMuscle> demoMuscles();
// Every muscle on both sides; left and right positions mirror exactly.
[[nodiscard]] const std::vector<DemoSite>& demoSites();
// The region code of a muscle ("back.upper_trapezius") on a side.
[[nodiscard]] std::string regionCodeFor(std::string_view viewAndMuscle, Side side);
[[nodiscard]] std::string_view sideCode(Side side);

} // namespace knotmap
