#pragma once

#include "core/atlas.h"
#include "core/client_history.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Small hand-built client histories and a tiny atlas for the analysis tests,
// so every expected value can be worked out on paper.
namespace knotmap::test {

inline constexpr std::int64_t kDay = 86400;
inline constexpr std::int64_t kHour = 3600;
// 2026-01-05 00:00 UTC, a Monday: day 0 of every built history.
inline constexpr std::int64_t kDay0 = 20458 * kDay;

// Six regions, indices in this order:
//   0 front.pectoralis_major.left   CHOIR f09
//   1 front.pectoralis_major.right  CHOIR f08
//   2 front.pectoralis_minor.left   CHOIR f09 (shares its CHOIR region with 0)
//   3 front.pectoralis_minor.right  CHOIR f08
//   4 back.it_band.left             CHOIR b28
//   5 back.it_band.right            CHOIR b29
inline constexpr std::string_view kAnalysisAtlas = R"({
  "format": "knotmap-atlas",
  "version": 1,
  "canvas_aspect": 0.5,
  "views": {
    "front": {
      "points": {
        "a": [0.5, 0.1], "b": [0.7, 0.1], "c": [0.5, 0.3], "d": [0.7, 0.3],
        "e": [0.5, 0.5], "f": [0.7, 0.5]
      },
      "edges": {
        "ab": { "from": "a", "to": "b" }, "bd": { "from": "b", "to": "d" },
        "cd": { "from": "c", "to": "d" }, "ac": { "from": "a", "to": "c" },
        "df": { "from": "d", "to": "f" }, "ef": { "from": "e", "to": "f" },
        "ce": { "from": "c", "to": "e" }
      },
      "regions": [
        { "muscle": "pectoralis_major", "name": "Pectoralis major", "anatomical": "Pectoralis major",
          "choir": { "left": "f09", "right": "f08" }, "boundary": ["ab", "bd", "-cd", "-ac"] },
        { "muscle": "pectoralis_minor", "name": "Pectoralis minor", "anatomical": "Pectoralis minor",
          "choir": { "left": "f09", "right": "f08" }, "boundary": ["cd", "df", "-ef", "-ce"] }
      ]
    },
    "back": {
      "points": { "p": [0.5, 0.6], "q": [0.6, 0.6], "r": [0.5, 0.9] },
      "edges": {
        "pq": { "from": "p", "to": "q" }, "qr": { "from": "q", "to": "r" },
        "rp": { "from": "r", "to": "p" }
      },
      "regions": [
        { "muscle": "it_band", "name": "IT band", "anatomical": "Iliotibial tract",
          "choir": { "left": "b28", "right": "b29" }, "boundary": ["pq", "qr", "rp"] }
      ]
    }
  }
})";

inline const Atlas& analysisAtlas() {
    static const Atlas atlas = Atlas::parse(kAnalysisAtlas, "analysis-test.json");
    return atlas;
}

inline constexpr const char* kPecMajorLeft = "front.pectoralis_major.left";
inline constexpr const char* kPecMajorRight = "front.pectoralis_major.right";
inline constexpr const char* kPecMinorLeft = "front.pectoralis_minor.left";
inline constexpr const char* kPecMinorRight = "front.pectoralis_minor.right";
inline constexpr const char* kItBandLeft = "back.it_band.left";
inline constexpr const char* kItBandRight = "back.it_band.right";

// Builds a ClientHistory the way the store hands it over: sessions added in
// time order, observations and treatments attached to the latest session.
class HistoryBuilder {
public:
    HistoryBuilder& knot(Id id, std::string regionCode) {
        HistoryKnot knot;
        knot.id = id;
        knot.regionCode = std::move(regionCode);
        m_history.knots.push_back(std::move(knot));
        return *this;
    }

    // A session `day` days (plus `hour` hours) after kDay0, at UTC offset
    // offsetMinutes (the instant is fixed; the offset only changes local time).
    HistoryBuilder& session(std::int64_t day, std::optional<int> overallPain = std::nullopt,
                            std::int64_t hour = 9, int offsetMinutes = 0) {
        return sessionAt(kDay0 + day * kDay + hour * kHour, overallPain, offsetMinutes);
    }

    HistoryBuilder& sessionAt(std::int64_t utcSeconds,
                              std::optional<int> overallPain = std::nullopt,
                              int offsetMinutes = 0) {
        HistorySession session;
        session.id = static_cast<Id>(m_history.sessions.size() + 1);
        session.startedAt = LocalTimestamp(utcSeconds, offsetMinutes);
        session.overallPain = overallPain;
        m_history.sessions.push_back(session);
        return *this;
    }

    HistoryBuilder& observe(Id knotId, int pain, std::vector<std::string> symptoms = {}) {
        m_history.observations.push_back({current(), knotId, pain, std::move(symptoms)});
        return *this;
    }

    HistoryBuilder& treatKnot(Id knotId, std::string kind, std::optional<int> before = std::nullopt,
                              std::optional<int> after = std::nullopt) {
        m_history.treatments.push_back({current(), knotId, std::move(kind), before, after});
        return *this;
    }

    HistoryBuilder& treatSession(std::string kind, std::optional<int> before = std::nullopt,
                                 std::optional<int> after = std::nullopt) {
        m_history.treatments.push_back({current(), std::nullopt, std::move(kind), before, after});
        return *this;
    }

    [[nodiscard]] const ClientHistory& history() const { return m_history; }

private:
    [[nodiscard]] std::size_t current() const { return m_history.sessions.size() - 1; }

    ClientHistory m_history;
};

} // namespace knotmap::test
