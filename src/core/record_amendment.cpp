#include "core/record_amendment.h"

#include <algorithm>
#include <iterator>

namespace knotmap {
namespace {

struct FieldName {
    std::string_view code;
    std::string_view name;
};

constexpr FieldName kRatingNames[] = {{"pain", "Pain"},
                                      {"kind", "Kind"},
                                      {"notes", "Notes"},
                                      {"symptoms", "Symptoms"},
                                      {"referrals", "Referred regions"}};
constexpr FieldName kTreatmentNames[] = {
    {"kind", "Treatment"},     {"minutes", "Minutes"},       {"intensity", "Intensity"},
    {"pain_before", "Pain before"}, {"pain_after", "Pain after"}, {"medication", "Medication"},
    {"notes", "Notes"}};

template <std::size_t N>
std::string_view nameIn(const FieldName (&names)[N], std::string_view code) {
    const auto found = std::find_if(std::begin(names), std::end(names),
                                    [code](const FieldName& entry) { return entry.code == code; });
    return found == std::end(names) ? std::string_view() : found->name;
}

} // namespace

bool isAmendableField(AmendedRecord record, std::string_view field) {
    return !amendmentFieldName(record, field).empty();
}

std::string_view amendmentFieldName(AmendedRecord record, std::string_view field) {
    return record == AmendedRecord::Rating ? nameIn(kRatingNames, field)
                                           : nameIn(kTreatmentNames, field);
}

std::string describeChange(const RecordAmendment& amendment) {
    std::string text(amendmentFieldName(amendment.record, amendment.field));
    if (text.empty()) {
        text = amendment.field;
    }
    return text + ": " + amendment.originalText + " \u2192 " + amendment.newText;
}

} // namespace knotmap
