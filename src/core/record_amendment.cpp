#include "core/record_amendment.h"

#include "core/domain_codes.h"

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
constexpr FieldName kTreatmentNames[] = {{"kind", "Treatment"},
                                         {"minutes", "Minutes"},
                                         {"intensity", "Intensity"},
                                         {"pain_before", "Pain before"},
                                         {"pain_after", "Pain after"},
                                         {"medication", "Medication"},
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

std::string codeListValue(std::vector<std::string> codes) {
    // Sorted, like the value the schema reads from the record.
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    std::string json = "[";
    for (const std::string& code : codes) {
        if (json.size() > 1) {
            json += ',';
        }
        json += '"';
        for (const char c : code) {
            if (c == '"' || c == '\\') {
                json += '\\';
            }
            json += c;
        }
        json += '"';
    }
    return json + "]";
}

namespace {

std::optional<std::string> numberValue(const std::optional<int>& value) {
    return value ? std::optional<std::string>(std::to_string(*value)) : std::nullopt;
}

struct AmendmentList {
    AmendedRecord record;
    Id recordId;
    const std::string& author;
    const std::string& reason;
    std::int64_t utc;
    std::vector<RecordAmendment> amendments;

    void add(const char* field, const std::optional<std::string>& before,
             const std::optional<std::string>& after) {
        if (before == after) {
            return;
        }
        RecordAmendment amendment;
        amendment.record = record;
        amendment.recordId = recordId;
        amendment.field = field;
        amendment.newValue = after;
        amendment.author = author;
        amendment.amendedUtc = utc;
        amendment.reason = reason;
        amendments.push_back(std::move(amendment));
    }
};

} // namespace

std::vector<RecordAmendment> ratingAmendments(const Observation& original,
                                              const Observation& corrected,
                                              const std::string& author, const std::string& reason,
                                              std::int64_t utc) {
    AmendmentList list{AmendedRecord::Rating, original.id, author, reason, utc, {}};
    list.add("pain", std::to_string(original.pain), std::to_string(corrected.pain));
    list.add("kind", std::string(toCode(original.kind)), std::string(toCode(corrected.kind)));
    list.add("symptoms", codeListValue(original.symptomCodes),
             codeListValue(corrected.symptomCodes));
    list.add("referrals", codeListValue(original.referredRegionCodes),
             codeListValue(corrected.referredRegionCodes));
    list.add("notes", original.notes, corrected.notes);
    return std::move(list.amendments);
}

std::vector<RecordAmendment> treatmentAmendments(const Treatment& original,
                                                 const Treatment& corrected,
                                                 const std::string& author,
                                                 const std::string& reason, std::int64_t utc) {
    AmendmentList list{AmendedRecord::Treatment, original.id, author, reason, utc, {}};
    auto intensity = [](const std::optional<Intensity>& value) {
        return value ? std::optional<std::string>(std::string(toCode(*value))) : std::nullopt;
    };
    list.add("kind", original.kindCode, corrected.kindCode);
    list.add("minutes", numberValue(original.minutes), numberValue(corrected.minutes));
    list.add("intensity", intensity(original.intensity), intensity(corrected.intensity));
    list.add("pain_before", numberValue(original.painBefore), numberValue(corrected.painBefore));
    list.add("pain_after", numberValue(original.painAfter), numberValue(corrected.painAfter));
    list.add("medication", original.medication, corrected.medication);
    list.add("notes", original.notes, corrected.notes);
    return std::move(list.amendments);
}

std::string describeChange(const RecordAmendment& amendment) {
    std::string text(amendmentFieldName(amendment.record, amendment.field));
    if (text.empty()) {
        text = amendment.field;
    }
    return text + ": " + amendment.originalText + " \u2192 " + amendment.newText;
}

} // namespace knotmap
