#include "core/domain_codes.h"

#include <array>
#include <utility>

namespace knotmap {
namespace {

template <typename Enum, std::size_t N>
using CodeTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr CodeTable<SessionKind, 2> kSessionKinds{{
    {SessionKind::SelfCheckIn, "self_checkin"},
    {SessionKind::TherapyVisit, "therapy_visit"},
}};
constexpr CodeTable<BodyView, 2> kBodyViews{{
    {BodyView::Front, "front"},
    {BodyView::Back, "back"},
}};
constexpr CodeTable<ObservationKind, 5> kObservationKinds{{
    {ObservationKind::ActiveTriggerPoint, "active_trigger_point"},
    {ObservationKind::LatentTriggerPoint, "latent_trigger_point"},
    {ObservationKind::Tension, "tension"},
    {ObservationKind::Adhesion, "adhesion"},
    {ObservationKind::Spasm, "spasm"},
}};
constexpr CodeTable<KnotStatus, 2> kKnotStatuses{{
    {KnotStatus::Active, "active"},
    {KnotStatus::Resolved, "resolved"},
}};
constexpr CodeTable<Intensity, 4> kIntensities{{
    {Intensity::Light, "light"},
    {Intensity::Medium, "medium"},
    {Intensity::Firm, "firm"},
    {Intensity::Deep, "deep"},
}};

template <typename Enum, std::size_t N>
std::string_view codeOf(const CodeTable<Enum, N>& table, Enum value) {
    for (const auto& [entry, code] : table) {
        if (entry == value) {
            return code;
        }
    }
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> valueOf(const CodeTable<Enum, N>& table, std::string_view code) {
    for (const auto& [entry, entryCode] : table) {
        if (entryCode == code) {
            return entry;
        }
    }
    return std::nullopt;
}

} // namespace

std::string_view toCode(SessionKind kind) {
    return codeOf(kSessionKinds, kind);
}
std::string_view toCode(BodyView view) {
    return codeOf(kBodyViews, view);
}
std::string_view toCode(ObservationKind kind) {
    return codeOf(kObservationKinds, kind);
}
std::string_view toCode(KnotStatus status) {
    return codeOf(kKnotStatuses, status);
}
std::string_view toCode(Intensity intensity) {
    return codeOf(kIntensities, intensity);
}

std::string_view displayName(SessionKind kind) {
    return kind == SessionKind::SelfCheckIn ? "Self check-in" : "Therapy visit";
}

std::string_view displayName(ObservationKind kind) {
    switch (kind) {
    case ObservationKind::ActiveTriggerPoint:
        return "Active trigger point";
    case ObservationKind::LatentTriggerPoint:
        return "Latent trigger point";
    case ObservationKind::Tension:
        return "Tension";
    case ObservationKind::Adhesion:
        return "Adhesion";
    case ObservationKind::Spasm:
        return "Spasm";
    }
    return {};
}

std::optional<SessionKind> sessionKindFromCode(std::string_view code) {
    return valueOf(kSessionKinds, code);
}
std::optional<BodyView> bodyViewFromCode(std::string_view code) {
    return valueOf(kBodyViews, code);
}
std::optional<ObservationKind> observationKindFromCode(std::string_view code) {
    return valueOf(kObservationKinds, code);
}
std::optional<KnotStatus> knotStatusFromCode(std::string_view code) {
    return valueOf(kKnotStatuses, code);
}
std::optional<Intensity> intensityFromCode(std::string_view code) {
    return valueOf(kIntensities, code);
}

} // namespace knotmap
