#pragma once

#include "core/demo_sites.h"
#include "core/random.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

// Words for the demo history: names, client notes, session and knot notes and
// SOAP notes composed from short fragments, so that the text reads as varied
// as real notes while staying deterministic.
namespace knotmap::demo_text {

[[nodiscard]] std::span<const std::string_view> firstNames();
[[nodiscard]] std::span<const std::string_view> lastNames();
[[nodiscard]] std::span<const std::string_view> accentedFirstNames();
[[nodiscard]] std::span<const std::string_view> accentedLastNames();

// lifestyle: the generator's lifestyle index (desk, runner, manual, musician,
// clencher, general).
[[nodiscard]] std::span<const std::string_view> occupations(int lifestyle);
[[nodiscard]] std::span<const std::string_view> retiredOccupations();
[[nodiscard]] std::span<const std::string_view> clientRemarks();
[[nodiscard]] std::span<const std::string_view> medications();
[[nodiscard]] std::span<const std::string_view> resolvedNotes();
[[nodiscard]] std::span<const std::string_view> heatNotes();
[[nodiscard]] std::span<const std::string_view> exerciseNotes();
[[nodiscard]] std::span<const std::string_view> therapyTreatmentNotes();
[[nodiscard]] std::span<const std::string_view> visitNotes();
[[nodiscard]] std::string_view weekdayName(int weekday); // 0 = Monday

// What happened on a day, as far as notes are concerned.
struct DayFlags {
    bool poorSleep = false;
    bool stress = false;
    bool overuse = false;
    bool staticPosition = false;
    bool injury = false;
};

[[nodiscard]] std::string knotNote(Random& random, BodyArea area, Side side, int pain);
[[nodiscard]] std::string checkInNote(Random& random, const DayFlags& day, int lifestyle,
                                      int overallPain);

// One knot as the therapist finds it at a visit.
struct VisitFinding {
    std::string label;
    BodyArea area = BodyArea::Neck;
    Side side = Side::Left;
    int pain = 0;
    int previousPain = -1; // at the last visit, -1 if not seen then
    bool isNew = false;    // first charted today
    bool healing = false;  // nearly gone
};

struct VisitContext {
    const std::vector<VisitFinding>* findings = nullptr;
    DayFlags day;
    int lifestyle = 0;
    std::string_view selfCareCode; // the client's main self-care habit
    bool physio = false;           // the therapist is a physiotherapist
    bool discovered = false;       // the last finding was found by palpation today
};

struct SoapNote {
    std::string subjective;
    std::string objective;
    std::string assessment;
    std::string plan;
};

[[nodiscard]] SoapNote composeSoap(Random& random, const VisitContext& context);

// "Left upper trap" -> "left upper trap"; acronyms such as "QL" stay.
[[nodiscard]] std::string inSentence(const std::string& label);

} // namespace knotmap::demo_text
