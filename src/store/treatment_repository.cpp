#include "store/treatment_repository.h"

#include "store/row_version.h"
#include "store/statement_helpers.h"

namespace knotmap {
namespace {

using namespace statement_helpers;

constexpr const char* kColumns = "t.id, t.session_id, t.knot_id, k.code, t.minutes, t.intensity, "
                                 "t.pain_before, t.pain_after, t.medication, t.notes, t.version";

// The kind is stored as a vocabulary id; callers speak codes.
constexpr const char* kKindIdForCode = "(SELECT id FROM treatment_kind WHERE code = ?)";

} // namespace

TreatmentRepository::TreatmentRepository(sql::Connection& db)
    : m_db(db),
      m_insert(db, std::string("INSERT INTO treatment (session_id, knot_id, kind_id, minutes, "
                               "intensity, pain_before, pain_after, medication, notes) VALUES "
                               "(?, ?, ") +
                       kKindIdForCode + ", ?, ?, ?, ?, ?, ?) RETURNING id"),
      m_kindExists(db, "SELECT 1 FROM treatment_kind WHERE code = ?") {}

void TreatmentRepository::bindFields(sql::Statement& statement, const Treatment& treatment) {
    m_kindExists.tryReset();
    m_kindExists.bind(1, treatment.kindCode);
    const bool known = m_kindExists.executeStep();
    if (!known) {
        throw ValidationError("treatment: unknown treatment kind '" + treatment.kindCode + "'");
    }
    statement.bind(1, static_cast<std::int64_t>(treatment.sessionId));
    bindOptional(statement, 2, treatment.knotId);
    statement.bind(3, treatment.kindCode);
    bindOptional(statement, 4, treatment.minutes);
    if (treatment.intensity) {
        statement.bind(5, std::string(toCode(*treatment.intensity)));
    } else {
        statement.bind(5);
    }
    bindOptional(statement, 6, treatment.painBefore);
    bindOptional(statement, 7, treatment.painAfter);
    statement.bind(8, treatment.medication);
    statement.bind(9, treatment.notes);
}

Id TreatmentRepository::add(Treatment& treatment) {
    throwIfInvalid("treatment", treatment);
    m_insert.tryReset(); // clears a failure left by an earlier call
    bindFields(m_insert, treatment);
    treatment.id = insertReturningId(m_insert);
    return treatment.id;
}

int TreatmentRepository::update(const Treatment& treatment) {
    throwIfInvalid("treatment", treatment);
    sql::Statement update(m_db, std::string("UPDATE treatment SET session_id = ?, knot_id = ?, "
                                            "kind_id = ") +
                                    kKindIdForCode +
                                    ", minutes = ?, intensity = ?, pain_before = ?, "
                                    "pain_after = ?, medication = ?, notes = ?" +
                                    versionedUpdateTail(treatment.version));
    bindFields(update, treatment);
    update.bind(10, static_cast<std::int64_t>(treatment.id));
    if (treatment.version > 0) {
        update.bind(11, treatment.version);
    }
    return runVersionedUpdate(update, m_db, "treatment", "treatment", treatment.id);
}

void TreatmentRepository::restore(const Treatment& treatment) {
    throwIfInvalid("treatment", treatment);
    sql::Statement insert(m_db, std::string("INSERT INTO treatment (session_id, knot_id, "
                                            "kind_id, minutes, intensity, pain_before, "
                                            "pain_after, medication, notes, id) VALUES (?, ?, ") +
                                    kKindIdForCode + ", ?, ?, ?, ?, ?, ?, ?)");
    bindFields(insert, treatment);
    insert.bind(10, static_cast<std::int64_t>(treatment.id));
    insert.exec();
    noteRestoredRow(m_db, "treatment", treatment.id);
}

void TreatmentRepository::remove(Id id) {
    sql::Statement remove(m_db, "DELETE FROM treatment WHERE id = ?");
    remove.bind(1, static_cast<std::int64_t>(id));
    remove.exec();
}

std::vector<Treatment> TreatmentRepository::readAll(sql::Statement& query) {
    std::vector<Treatment> treatments;
    while (query.executeStep()) {
        Treatment treatment;
        treatment.id = query.getColumn(0).getInt64();
        treatment.sessionId = query.getColumn(1).getInt64();
        treatment.knotId = optionalId(query.getColumn(2));
        treatment.kindCode = query.getColumn(3).getString();
        treatment.minutes = optionalInt(query.getColumn(4));
        if (!query.getColumn(5).isNull()) {
            treatment.intensity = intensityFromCode(query.getColumn(5).getString());
        }
        treatment.painBefore = optionalInt(query.getColumn(6));
        treatment.painAfter = optionalInt(query.getColumn(7));
        treatment.medication = query.getColumn(8).getString();
        treatment.notes = query.getColumn(9).getString();
        treatment.version = query.getColumn(10).getInt();
        treatments.push_back(std::move(treatment));
    }
    return treatments;
}

std::optional<Treatment> TreatmentRepository::get(Id id) {
    sql::Statement query(m_db, std::string("SELECT ") + kColumns +
                                   " FROM treatment t JOIN treatment_kind k ON k.id = "
                                   "t.kind_id WHERE t.id = ?");
    query.bind(1, static_cast<std::int64_t>(id));
    auto found = readAll(query);
    if (found.empty()) {
        return std::nullopt;
    }
    return found.front();
}

std::vector<Treatment> TreatmentRepository::listForSession(Id sessionId) {
    sql::Statement query(m_db, std::string("SELECT ") + kColumns +
                                   " FROM treatment t JOIN treatment_kind k ON k.id = "
                                   "t.kind_id WHERE t.session_id = ? ORDER BY t.id");
    query.bind(1, static_cast<std::int64_t>(sessionId));
    return readAll(query);
}

std::vector<Treatment> TreatmentRepository::listForKnot(Id knotId) {
    sql::Statement query(m_db, std::string("SELECT ") + kColumns +
                                   " FROM treatment t JOIN treatment_kind k ON k.id = "
                                   "t.kind_id WHERE t.knot_id = ? ORDER BY t.id");
    query.bind(1, static_cast<std::int64_t>(knotId));
    return readAll(query);
}

} // namespace knotmap
