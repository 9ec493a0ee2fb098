#pragma once

#include <optional>
#include <string_view>

// The small closed sets of the domain model and the text codes they are stored
// and exported as. The codes are part of the database schema (CHECK
// constraints in db/sqlite/001_initial.sql) and of the CSV format: never rename one.
namespace knotmap {

enum class SessionKind { SelfCheckIn, TherapyVisit };
enum class BodyView { Front, Back };
enum class ObservationKind { ActiveTriggerPoint, LatentTriggerPoint, Tension, Adhesion, Spasm };
enum class KnotStatus { Active, Resolved };
enum class Intensity { Light, Medium, Firm, Deep };

[[nodiscard]] std::string_view toCode(SessionKind kind);
[[nodiscard]] std::string_view toCode(BodyView view);
[[nodiscard]] std::string_view toCode(ObservationKind kind);
[[nodiscard]] std::string_view toCode(KnotStatus status);
[[nodiscard]] std::string_view toCode(Intensity intensity);

[[nodiscard]] std::string_view displayName(SessionKind kind);
[[nodiscard]] std::string_view displayName(ObservationKind kind);

[[nodiscard]] std::optional<SessionKind> sessionKindFromCode(std::string_view code);
[[nodiscard]] std::optional<BodyView> bodyViewFromCode(std::string_view code);
[[nodiscard]] std::optional<ObservationKind> observationKindFromCode(std::string_view code);
[[nodiscard]] std::optional<KnotStatus> knotStatusFromCode(std::string_view code);
[[nodiscard]] std::optional<Intensity> intensityFromCode(std::string_view code);

} // namespace knotmap
