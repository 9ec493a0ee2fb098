#include "store/record_amendment_repository.h"

#include "core/domain_codes.h"
#include "core/text_trim.h"
#include "store/signed_in_person.h"
#include "store/sql/statement.h"
#include "store/statement_helpers.h"
#include "store/store_error.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace knotmap {
namespace {

const char* tableOf(AmendedRecord record) {
    return record == AmendedRecord::Rating ? "observation_amendment" : "treatment_amendment";
}

// The same expressions as the schema's check of original_value: the app
// records exactly what the database will compare.
constexpr const char* kRatingValue =
    "SELECT CASE ?2 WHEN 'pain' THEN CAST(o.pain AS TEXT) WHEN 'kind' THEN o.kind "
    "WHEN 'notes' THEN o.notes "
    "WHEN 'symptoms' THEN (SELECT json_group_array(code) FROM (SELECT y.code AS code "
    "  FROM observation_symptom os JOIN symptom y ON y.id = os.symptom_id "
    "  WHERE os.observation_id = o.id ORDER BY y.code) AS listed) "
    "WHEN 'referrals' THEN (SELECT json_group_array(region_code) FROM (SELECT region_code "
    "  FROM observation_referral WHERE observation_id = o.id ORDER BY region_code) AS listed) END "
    "FROM observation o WHERE o.id = ?1";
constexpr const char* kTreatmentValue =
    "SELECT CASE ?2 WHEN 'kind' THEN (SELECT code FROM treatment_kind WHERE id = t.kind_id) "
    "WHEN 'minutes' THEN CAST(t.minutes AS TEXT) WHEN 'intensity' THEN t.intensity "
    "WHEN 'pain_before' THEN CAST(t.pain_before AS TEXT) "
    "WHEN 'pain_after' THEN CAST(t.pain_after AS TEXT) WHEN 'medication' THEN t.medication "
    "WHEN 'notes' THEN t.notes END FROM treatment t WHERE t.id = ?1";

void bindOptionalText(sql::Statement& statement, int index,
                      const std::optional<std::string>& value) {
    if (value) {
        statement.bind(index, *value);
    } else {
        statement.bind(index);
    }
}

std::optional<std::string> optionalText(const sql::Column& column) {
    if (column.isNull()) {
        return std::nullopt;
    }
    return column.getString();
}

std::string capitalised(std::string text) {
    if (!text.empty()) {
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    }
    return text;
}

// "observation_amendment.new_value: pain is a whole number from 0 to 10"
// becomes "Pain: pain is a whole number from 0 to 10" for the person.
std::string refusal(const RecordAmendment& amendment, const std::string& message) {
    const auto colon = message.find(": ");
    const std::string why = colon == std::string::npos ? message : message.substr(colon + 2);
    return std::string(amendmentFieldName(amendment.record, amendment.field)) + ": " + why;
}

} // namespace

std::optional<std::string> RecordAmendmentRepository::currentValue(AmendedRecord record,
                                                                   Id recordId,
                                                                   const std::string& field) {
    sql::Statement query(m_db, record == AmendedRecord::Rating ? kRatingValue : kTreatmentValue);
    query.bind(1, static_cast<std::int64_t>(recordId));
    query.bind(2, field);
    if (!query.executeStep()) {
        throw StoreError(std::string(record == AmendedRecord::Rating ? "rating " : "treatment ") +
                         std::to_string(recordId) + " does not exist");
    }
    return optionalText(query.getColumn(0));
}

Id RecordAmendmentRepository::add(RecordAmendment& amendment) {
    if (!isAmendableField(amendment.record, amendment.field)) {
        throw ValidationError("amendment: " + amendment.field + " cannot be amended");
    }
    if (isBlank(amendment.author)) {
        throw ValidationError("amendment: the author's name is required");
    }
    if (isBlank(amendment.reason)) {
        throw ValidationError("amendment: the reason is required");
    }
    amendment.originalValue = currentValue(amendment.record, amendment.recordId, amendment.field);
    const std::string table = tableOf(amendment.record);
    const char* idColumn =
        amendment.record == AmendedRecord::Rating ? "observation_id" : "treatment_id";
    sql::Statement insert(m_db, "INSERT INTO " + table + " (" + idColumn +
                                    ", field, original_value, new_value, author, "
                                    "amended_utc, reason, author_login) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
    insert.bind(1, static_cast<std::int64_t>(amendment.recordId));
    insert.bind(2, amendment.field);
    bindOptionalText(insert, 3, amendment.originalValue);
    bindOptionalText(insert, 4, amendment.newValue);
    insert.bind(5, amendment.author);
    insert.bind(6, static_cast<std::int64_t>(amendment.amendedUtc));
    insert.bind(7, amendment.reason);
    insert.bind(8, signedInPerson(m_db).login);
    try {
        amendment.id = statement_helpers::insertReturningId(insert);
    } catch (const sql::Error& error) {
        // The schema's own checks (RAISE) say what is wrong; other failures
        // (a lock, a full disk) are not the person's input and go up as they are.
        if (error.kind() == sql::ErrorKind::Constraint) {
            throw ValidationError(refusal(amendment, error.what()));
        }
        throw;
    }
    return amendment.id;
}

std::vector<RecordAmendment> RecordAmendmentRepository::listForSession(Id sessionId) {
    sql::Statement query(
        m_db,
        "SELECT 0, a.id, a.observation_id, a.field, a.original_value, a.new_value, a.author, "
        "a.amended_utc, a.reason, k.region_code FROM observation_amendment a "
        "JOIN observation o ON o.id = a.observation_id JOIN knot k ON k.id = o.knot_id "
        "WHERE o.session_id = ?1 "
        "UNION ALL "
        "SELECT 1, a.id, a.treatment_id, a.field, a.original_value, a.new_value, a.author, "
        "a.amended_utc, a.reason, coalesce((SELECT name FROM treatment_kind WHERE id = t.kind_id), "
        "'') FROM treatment_amendment a JOIN treatment t ON t.id = a.treatment_id "
        "WHERE t.session_id = ?1 "
        "ORDER BY 8, 1, 2");
    query.bind(1, static_cast<std::int64_t>(sessionId));
    std::vector<RecordAmendment> amendments;
    while (query.executeStep()) {
        RecordAmendment amendment;
        amendment.record =
            query.getColumn(0).getInt() == 0 ? AmendedRecord::Rating : AmendedRecord::Treatment;
        amendment.id = query.getColumn(1).getInt64();
        amendment.recordId = query.getColumn(2).getInt64();
        amendment.field = query.getColumn(3).getString();
        amendment.originalValue = optionalText(query.getColumn(4));
        amendment.newValue = optionalText(query.getColumn(5));
        amendment.author = query.getColumn(6).getString();
        amendment.amendedUtc = query.getColumn(7).getInt64();
        amendment.reason = query.getColumn(8).getString();
        amendment.subject = query.getColumn(9).getString();
        amendment.sessionId = sessionId;
        amendments.push_back(std::move(amendment));
    }
    for (RecordAmendment& amendment : amendments) {
        describe(amendment);
    }
    return amendments;
}

void RecordAmendmentRepository::describe(RecordAmendment& amendment) {
    amendment.originalText = displayValue(amendment, amendment.originalValue);
    amendment.newText = displayValue(amendment, amendment.newValue);
}

std::string RecordAmendmentRepository::displayValue(const RecordAmendment& amendment,
                                                    const std::optional<std::string>& value) {
    if (!value) {
        return "not recorded";
    }
    const bool rating = amendment.record == AmendedRecord::Rating;
    const std::string& field = amendment.field;
    if (rating && (field == "symptoms" || field == "referrals")) {
        // The value is the JSON array of codes the schema's json_group_array
        // made; symptoms are shown by name, referred regions by code.
        const nlohmann::json codes = nlohmann::json::parse(*value, nullptr, false);
        if (!codes.is_array()) {
            return *value;
        }
        sql::Statement name(m_db, "SELECT name FROM symptom WHERE code = ?");
        std::string joined;
        for (const nlohmann::json& code : codes) {
            std::string shown = code.is_string() ? code.get<std::string>() : code.dump();
            if (field == "symptoms") {
                name.reset();
                name.bind(1, shown);
                if (name.executeStep()) {
                    shown = name.getColumn(0).getString();
                }
            }
            joined += (joined.empty() ? "" : ", ") + shown;
        }
        return joined.empty() ? "none" : joined;
    }
    if (rating && field == "kind") {
        const auto kind = observationKindFromCode(*value);
        return kind ? std::string(displayName(*kind)) : *value;
    }
    if (!rating && field == "kind") {
        sql::Statement name(m_db, "SELECT name FROM treatment_kind WHERE code = ?");
        name.bind(1, *value);
        return name.executeStep() ? name.getColumn(0).getString() : *value;
    }
    if (!rating && field == "intensity") {
        return capitalised(*value);
    }
    if (value->empty()) {
        return "empty";
    }
    return *value;
}

} // namespace knotmap
