#pragma once

#include "store/copy/copy_checks.h"
#include "store/database.h"

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

// `knotmap copy`: a whole Knotmap database copied into a new one, between any
// two backends (file to server, server to file, file to file, server to
// server), with every row, column and id as it is.
namespace knotmap {

// Told how many rows are copied so far of how many in all: now and then
// (every thousand rows and after each table), and with copied == total at
// the end. An exception thrown here stops the copy; nothing is written.
using CopyProgress = std::function<void(std::int64_t copied, std::int64_t total)>;

struct CopySummary {
    std::int64_t rows = 0;
    // Rows per table in the order they were copied.
    std::vector<std::pair<std::string, std::int64_t>> tables;

    [[nodiscard]] std::int64_t rowsOf(const std::string& table) const;
};

// Copies source into destination. The source is read in one snapshot (a
// consistent state even while others write to it) and never written; the
// destination is written in one transaction, so it ends as a copy or, when
// anything fails, exactly as it was. Rows are streamed, never a whole table
// in memory.
//
// Throws copy::CopyRefused, writing nothing, when the destination is the
// source itself, holds records (anything but a new database's built-in
// vocabularies), or either has a schema this Knotmap does not copy; throws
// StoreError or sql::Error naming the table when a row is refused.
CopySummary copyDatabase(Database& source, Database& destination,
                         const CopyProgress& progress = {});

} // namespace knotmap
