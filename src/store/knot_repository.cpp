#include "store/knot_repository.h"

#include "store/row_binding.h"
#include "store/row_version.h"
#include "store/sql/statement.h"
#include "store/statement_helpers.h"

namespace knotmap {
namespace {

using namespace statement_helpers;

constexpr const char* kColumns = "id, client_id, view, x, y, region_code, label, status, version";

Knot readKnot(sql::Statement& row) {
    Knot knot;
    knot.id = row.getColumn(0).getInt64();
    knot.clientId = row.getColumn(1).getInt64();
    knot.view = bodyViewFromCode(row.getColumn(2).getString()).value_or(BodyView::Front);
    knot.position = {row.getColumn(3).getDouble(), row.getColumn(4).getDouble()};
    knot.regionCode = row.getColumn(5).getString();
    knot.label = row.getColumn(6).getString();
    knot.status = knotStatusFromCode(row.getColumn(7).getString()).value_or(KnotStatus::Active);
    knot.version = row.getColumn(8).getInt();
    return knot;
}

} // namespace

Id KnotRepository::add(Knot& knot) {
    throwIfInvalid("knot", knot);
    sql::Statement insert(m_db, "INSERT INTO knot (client_id, view, x, y, region_code, label, "
                                "status) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
    bindKnotFields(insert, knot);
    knot.id = insertReturningId(insert);
    return knot.id;
}

int KnotRepository::update(const Knot& knot) {
    throwIfInvalid("knot", knot);
    sql::Statement update(m_db, "UPDATE knot SET client_id = ?, view = ?, x = ?, y = ?, "
                                "region_code = ?, label = ?, status = ?" +
                                    versionedUpdateTail(knot.version));
    bindKnotFields(update, knot);
    update.bind(8, static_cast<std::int64_t>(knot.id));
    if (knot.version > 0) {
        update.bind(9, knot.version);
    }
    return runVersionedUpdate(update, m_db, "knot", "knot", knot.id);
}

void KnotRepository::restore(const Knot& knot) {
    throwIfInvalid("knot", knot);
    sql::Statement insert(m_db, "INSERT INTO knot (client_id, view, x, y, region_code, label, "
                                "status, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    bindKnotFields(insert, knot);
    insert.bind(8, static_cast<std::int64_t>(knot.id));
    insert.exec();
    noteRestoredRow(m_db, "knot", knot.id);
}

void KnotRepository::remove(Id id) {
    sql::Statement remove(m_db, "DELETE FROM knot WHERE id = ?");
    remove.bind(1, static_cast<std::int64_t>(id));
    remove.exec();
}

std::optional<Knot> KnotRepository::get(Id id) {
    sql::Statement query(m_db, std::string("SELECT ") + kColumns + " FROM knot WHERE id = ?");
    query.bind(1, static_cast<std::int64_t>(id));
    if (!query.executeStep()) {
        return std::nullopt;
    }
    return readKnot(query);
}

std::vector<Knot> KnotRepository::listForClient(Id clientId) {
    sql::Statement query(m_db, std::string("SELECT ") + kColumns +
                                   " FROM knot WHERE client_id = ? ORDER BY id");
    query.bind(1, static_cast<std::int64_t>(clientId));
    std::vector<Knot> knots;
    while (query.executeStep()) {
        knots.push_back(readKnot(query));
    }
    return knots;
}

} // namespace knotmap
