#pragma once

#include "core/domain.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// A correction of a rating (observation) or a treatment in a signed visit
// (db/sqlite/005_signed_visit_contents.sql). The database applies it to the row, so
// every reader sees the corrected value; the amendment keeps the value before,
// the value after, who, when and why.
namespace knotmap {

enum class AmendedRecord { Rating, Treatment };

struct RecordAmendment {
    Id id = 0;
    AmendedRecord record = AmendedRecord::Rating;
    Id recordId = 0; // the observation's or the treatment's id
    // The column's code as stored: "pain", "kind", "notes", "symptoms",
    // "referrals" for a rating; "kind", "minutes", "intensity",
    // "pain_before", "pain_after", "medication", "notes" for a treatment.
    std::string field;
    // As stored: numbers in decimal, kinds and intensities as codes, lists as
    // a JSON array of codes; empty when not recorded.
    std::optional<std::string> originalValue;
    std::optional<std::string> newValue;
    std::string author;
    std::int64_t amendedUtc = 0;
    std::string reason;

    // Filled when amendments are listed, for people to read.
    Id sessionId = 0;
    std::string subject;      // a rating: its knot's region code; a treatment: its kind's name
    std::string originalText; // the values with names for codes, "not recorded" for none
    std::string newText;
};

// The fields a rating's amendment may change, as stored codes.
inline constexpr std::string_view kRatingAmendmentFields[] = {"pain", "kind", "notes", "symptoms",
                                                              "referrals"};
inline constexpr std::string_view kTreatmentAmendmentFields[] = {
    "kind", "minutes", "intensity", "pain_before", "pain_after", "medication", "notes"};

[[nodiscard]] bool isAmendableField(AmendedRecord record, std::string_view field);
// "Pain", "Referred regions", "Pain after"...
[[nodiscard]] std::string_view amendmentFieldName(AmendedRecord record, std::string_view field);
// The JSON array of codes a list field of a rating is amended to, e.g.
// ["aching","tingling"] (sorted, each once), for RecordAmendment::newValue.
[[nodiscard]] std::string codeListValue(std::vector<std::string> codes);

// One amendment per field that differs between the record as it is and as
// corrected, each with the same author, time and reason (originals are read
// by the store when saved).
[[nodiscard]] std::vector<RecordAmendment>
ratingAmendments(const Observation& original, const Observation& corrected,
                 const std::string& author, const std::string& reason, std::int64_t utc);
[[nodiscard]] std::vector<RecordAmendment>
treatmentAmendments(const Treatment& original, const Treatment& corrected,
                    const std::string& author, const std::string& reason, std::int64_t utc);

// One line for a list of amendments: "pain 7 → 3" style, without subject.
[[nodiscard]] std::string describeChange(const RecordAmendment& amendment);

} // namespace knotmap
