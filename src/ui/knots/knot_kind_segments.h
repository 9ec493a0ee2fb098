#pragma once

#include "core/domain.h"

#include <array>
#include <string_view>

namespace knotmap::ui {

// The kinds of knot in the order the editors offer them, with labels short
// enough for five segments side by side (the full name is the tooltip).
inline constexpr std::array<ObservationKind, 5> kKnotKinds = {
    ObservationKind::ActiveTriggerPoint, ObservationKind::LatentTriggerPoint,
    ObservationKind::Tension, ObservationKind::Adhesion, ObservationKind::Spasm};
inline constexpr std::array<std::string_view, 5> kKnotKindLabels = {"Active", "Latent", "Tension",
                                                                    "Adhesion", "Spasm"};

} // namespace knotmap::ui
