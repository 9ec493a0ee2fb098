#include "store/copy/signed_visit_copy.h"

#include "core/record_amendment.h"
#include "store/record_amendment_repository.h"
#include "store/sql/statement.h"
#include "store/store_error.h"

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace knotmap::copy {
namespace {

// The codes of an amendment's list value; NULL is no codes.
std::vector<std::string> codesOf(const sql::Column& value, const std::string& where) {
    std::vector<std::string> codes;
    if (value.isNull()) {
        return codes;
    }
    const nlohmann::json list = nlohmann::json::parse(value.view(), nullptr, false);
    if (!list.is_array()) {
        throw StoreError(where + ": original_value is not a JSON array of codes");
    }
    for (const nlohmann::json& code : list) {
        if (!code.is_string()) {
            throw StoreError(where + ": original_value is not a JSON array of codes");
        }
        codes.push_back(code.get<std::string>());
    }
    return codes;
}

void bindCell(sql::Statement& statement, int index, const sql::Column& cell) {
    switch (cell.type()) {
    case sql::ValueType::Null:
        statement.bind(index);
        break;
    case sql::ValueType::Integer:
        statement.bind(index, static_cast<long long>(cell.getInt64()));
        break;
    default: // amendments have no doubles
        statement.bind(index, cell.view());
        break;
    }
}

std::string shown(const std::optional<std::string>& value) {
    return value ? "'" + *value + "'" : std::string("NULL");
}

void compareRecords(sql::Connection& source, sql::Connection& destination, AmendedRecord record) {
    const bool rating = record == AmendedRecord::Rating;
    const std::string table = rating ? "observation_amendment" : "treatment_amendment";
    const std::string key = rating ? "observation_id" : "treatment_id";
    sql::Statement amended(source, "SELECT DISTINCT " + key + " FROM " + table + " ORDER BY " + key,
                           sql::Rows::Many);
    RecordAmendmentRepository before(source);
    RecordAmendmentRepository after(destination);
    while (amended.executeStep()) {
        const Id id = amended.getColumn(0).getInt64();
        const auto check = [&](std::string_view field) {
            const std::string name(field);
            const auto wanted = before.currentValue(record, id, name);
            const auto got = after.currentValue(record, id, name);
            if (wanted != got) {
                throw StoreError(std::string(rating ? "observation " : "treatment ") +
                                 std::to_string(id) + " " + name + " is " + shown(got) +
                                 " after its amendments were replayed, not " + shown(wanted));
            }
        };
        if (rating) {
            for (std::string_view field : kRatingAmendmentFields) {
                check(field);
            }
        } else {
            for (std::string_view field : kTreatmentAmendmentFields) {
                check(field);
            }
        }
    }
}

} // namespace

std::int64_t loadListsBeforeAmendments(sql::Connection& source, const CopyTable& table,
                                       RowWriter& writer) {
    const bool symptoms = table.name == "observation_symptom";
    const std::string field = symptoms ? "symptoms" : "referrals";
    sql::Statement firsts(
        source,
        "SELECT a.id, a.observation_id, a.original_value FROM observation_amendment a "
        "WHERE a.field = '" +
            field +
            "' AND a.id = (SELECT min(b.id) FROM "
            "observation_amendment b WHERE b.observation_id = a.observation_id AND b.field = '" +
            field + "') ORDER BY a.observation_id",
        sql::Rows::Many);
    sql::Statement symptomId(source, "SELECT id FROM symptom WHERE code = ?");
    std::int64_t written = 0;
    sql::BulkRow row(2);
    while (firsts.executeStep()) {
        const std::string where = "observation_amendment " + firsts.getColumn(0).getString();
        row[0] = firsts.getColumn(1).getString();
        for (const std::string& code : codesOf(firsts.getColumn(2), where)) {
            if (symptoms) {
                symptomId.reset();
                symptomId.bind(1, code);
                if (!symptomId.executeStep()) {
                    throw StoreError(where + ": symptom '" + code +
                                     "' is not in the symptom vocabulary");
                }
                row[1] = symptomId.getColumn(0).getString();
            } else {
                row[1] = code;
            }
            writer.add(row);
            ++written;
        }
    }
    return written;
}

void signSessions(sql::Connection& source, sql::Connection& destination) {
    sql::Statement signedVisits(source,
                                "SELECT id, signed_by, signed_utc, signer FROM session "
                                "WHERE signed_utc IS NOT NULL ORDER BY id",
                                sql::Rows::Many);
    sql::Statement sign(
        destination, "UPDATE session SET signed_by = ?, signed_utc = ?, signer = ? WHERE id = ?");
    while (signedVisits.executeStep()) {
        sign.reset();
        bindCell(sign, 1, signedVisits.getColumn(1));
        bindCell(sign, 2, signedVisits.getColumn(2));
        bindCell(sign, 3, signedVisits.getColumn(3));
        bindCell(sign, 4, signedVisits.getColumn(0));
        sign.exec();
    }
}

void replayAmendments(sql::Connection& source, sql::Connection& destination, const CopyTable& table,
                      const std::function<void()>& onRow) {
    sql::Statement amendments(source, sourceQuery(table), sql::Rows::Many);
    std::string names;
    std::string marks;
    for (const CopyColumn& column : table.columns) {
        names += (names.empty() ? "" : ", ") + column.name;
        marks += marks.empty() ? "?" : ", ?";
    }
    // One statement per amendment: PostgreSQL runs AFTER ROW triggers at the
    // end of the statement (a COPY of them all would check the second
    // amendment of a field against the value before the first).
    sql::Statement insert(destination,
                          "INSERT INTO " + table.name + " (" + names + ") VALUES (" + marks + ")");
    while (amendments.executeStep()) {
        insert.reset();
        for (int i = 0; i < amendments.getColumnCount(); ++i) {
            bindCell(insert, i + 1, amendments.getColumn(i));
        }
        try {
            insert.exec();
        } catch (const sql::Error& error) {
            throw sql::Error(error.kind(),
                             table.name + " " + amendments.getColumn(0).getString() + ": " +
                                 error.what(),
                             error.code());
        }
        onRow();
    }
}

void restoreVersions(sql::Connection& source, sql::Connection& destination) {
    const std::pair<const char*, const char*> changedByCopy[] = {
        {"session", "signed_utc IS NOT NULL"},
        {"observation", "id IN (SELECT observation_id FROM observation_amendment)"},
        {"treatment", "id IN (SELECT treatment_id FROM treatment_amendment)"},
    };
    for (const auto& [table, where] : changedByCopy) {
        sql::Statement versions(source,
                                std::string("SELECT id, version FROM ") + table + " WHERE " +
                                    where + " ORDER BY id",
                                sql::Rows::Many);
        // Only the version changes: neither raised again nor recorded.
        sql::Statement restore(destination, std::string("UPDATE ") + table +
                                                " SET version = ? WHERE id = ? AND version <> ?");
        while (versions.executeStep()) {
            restore.reset();
            bindCell(restore, 1, versions.getColumn(1));
            bindCell(restore, 2, versions.getColumn(0));
            bindCell(restore, 3, versions.getColumn(1));
            restore.exec();
        }
    }
}

void checkAmendedRecords(sql::Connection& source, sql::Connection& destination) {
    compareRecords(source, destination, AmendedRecord::Rating);
    compareRecords(source, destination, AmendedRecord::Treatment);
}

} // namespace knotmap::copy
