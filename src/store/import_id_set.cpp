#include "store/import_id_set.h"

namespace knotmap {

ImportIdSet::~ImportIdSet() {
    // Statements before the scratch connection they were prepared on.
    m_insert.reset();
    m_select.reset();
}

void ImportIdSet::add(Id id) {
    if (id >= 0 && id < kBitLimit) {
        auto& block = m_blocks[static_cast<std::size_t>(id / kBitsPerBlock)];
        if (!block) {
            block = std::make_unique<Block>(); // zeroed: no id yet
        }
        const std::int64_t bit = id % kBitsPerBlock;
        (*block)[static_cast<std::size_t>(bit / 64)] |= std::uint64_t{1} << (bit % 64);
        return;
    }
    prepareTable();
    m_insert->tryReset();
    m_insert->bind(1, static_cast<long long>(id));
    m_insert->exec();
}

bool ImportIdSet::contains(Id id) {
    if (id >= 0 && id < kBitLimit) {
        const auto& block = m_blocks[static_cast<std::size_t>(id / kBitsPerBlock)];
        if (!block) {
            return false;
        }
        const std::int64_t bit = id % kBitsPerBlock;
        return ((*block)[static_cast<std::size_t>(bit / 64)] >> (bit % 64) & 1U) != 0;
    }
    if (!m_select) {
        return false; // no id outside the bits yet
    }
    m_select->tryReset();
    m_select->bind(1, static_cast<long long>(id));
    return m_select->executeStep();
}

void ImportIdSet::prepareTable() {
    if (m_insert) {
        return;
    }
    sql::Connection& db = m_scratch.connection();
    db.exec("CREATE TABLE " + m_table + " (id INTEGER PRIMARY KEY)");
    m_insert.emplace(db, "INSERT INTO " + m_table + " (id) VALUES (?) ON CONFLICT DO NOTHING");
    m_select.emplace(db, "SELECT 1 FROM " + m_table + " WHERE id = ?");
}

} // namespace knotmap
