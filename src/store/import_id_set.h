#pragma once

#include "core/domain.h"
#include "store/import_scratch_database.h"
#include "store/sql/statement.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace knotmap {

// The ids of one table that the import check has seen (treatments, to find
// one used twice; sessions), in memory that does not grow with the rows. Ids are numbered from 1 up
// by the database, so they are kept as one bit each in blocks of 64 KB made when first needed (half
// a million ids each), up to a fixed limit of 8 MB for the first 64 million ids, whatever order
// they come in. An id outside that range (a file made by hand or another program) goes to a table
// of a scratch SQLite database instead.
class ImportIdSet {
public:
    // table: the scratch table for ids outside the bits, a name of its own.
    ImportIdSet(ImportScratchDatabase& scratch, std::string table)
        : m_scratch(scratch), m_table(std::move(table)) {}
    ~ImportIdSet();
    ImportIdSet(const ImportIdSet&) = delete;
    ImportIdSet& operator=(const ImportIdSet&) = delete;

    void add(Id id);
    [[nodiscard]] bool contains(Id id);

    static constexpr std::int64_t kBitsPerBlock = std::int64_t{1} << 19;
    static constexpr std::size_t kBlocks = 128;
    // Ids from 0 to kBitLimit - 1 are kept as bits.
    static constexpr std::int64_t kBitLimit = kBitsPerBlock * static_cast<std::int64_t>(kBlocks);

private:
    using Block = std::array<std::uint64_t, kBitsPerBlock / 64>;
    void prepareTable();

    ImportScratchDatabase& m_scratch;
    std::string m_table;
    std::array<std::unique_ptr<Block>, kBlocks> m_blocks;
    std::optional<sql::Statement> m_insert;
    std::optional<sql::Statement> m_select;
};

} // namespace knotmap
