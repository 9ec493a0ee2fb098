#pragma once

#include "core/record_amendment.h"
#include "store/sql/connection.h"

#include <vector>

namespace knotmap {

// Amendments of a signed visit's ratings and treatments
// (db/sqlite/005_signed_visit_contents.sql). The schema checks each one (the record
// is in a signed visit, the original is the value held now, the new value is
// valid) and applies it to the row; this is how the app adds and lists them.
class RecordAmendmentRepository {
public:
    explicit RecordAmendmentRepository(sql::Connection& db) : m_db(db) {}

    // Reads the field's value now into amendment.originalValue, inserts the
    // amendment and sets amendment.id; the database applies the new value.
    // Throws ValidationError naming the field when the schema refuses it (the
    // visit is not signed, the value is not valid, the value is unchanged).
    Id add(RecordAmendment& amendment);
    // The value the field holds now, as an amendment stores it.
    [[nodiscard]] std::optional<std::string> currentValue(AmendedRecord record, Id recordId,
                                                          const std::string& field);
    // Every rating and treatment amendment of the session, oldest first, with
    // sessionId, subject and the display texts filled.
    [[nodiscard]] std::vector<RecordAmendment> listForSession(Id sessionId);

private:
    void describe(RecordAmendment& amendment);
    std::string displayValue(const RecordAmendment& amendment,
                             const std::optional<std::string>& value);

    sql::Connection& m_db;
};

} // namespace knotmap
