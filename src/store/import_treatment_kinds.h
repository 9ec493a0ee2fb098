#pragma once

#include "core/domain.h"
#include "store/import_scratch_database.h"
#include "store/import_spill_file.h"
#include "store/sql/statement.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace knotmap {

// The treatment kinds of each (session, knot) pair, as treatments.csv lists
// them, for the import check to compare with the treatments column of each
// observation, in memory that does not grow with the rows.
//
// Ranks are as for ImportPairSet: a session's place in the input's order of
// sessions, positive, the same on every call naming it, or none. An export
// lists treatments and observations both in the order of their sessions'
// ranks, and every treatment before the first observation. While that holds
// the kinds are appended to a temporary file as they come, and the
// observations walk it forwards: reaching a session's rank, its treatments
// (and only those) are read into memory. When the order breaks (a treatment
// ranked below the one before it, a lookup ranked below the one before it,
// a treatment after the first lookup, a session with too many treatments to
// hold) everything written so far is loaded into a table of a scratch SQLite
// database and each lookup queries it. Kinds of unranked sessions always go
// to that table. The answers are the same either way.
class ImportTreatmentKinds {
public:
    explicit ImportTreatmentKinds(ImportScratchDatabase& scratch) : m_scratch(scratch) {}
    ~ImportTreatmentKinds();
    ImportTreatmentKinds(const ImportTreatmentKinds&) = delete;
    ImportTreatmentKinds& operator=(const ImportTreatmentKinds&) = delete;

    // Adds a treatment kind to a pair's list, after the ones before it.
    void add(std::optional<std::int64_t> rank, Id session, Id knot, const std::string& code);
    // The pair's treatment kinds in file order, joined by ';' ("" for none).
    [[nodiscard]] std::string codes(std::optional<std::int64_t> rank, Id session, Id knot);
    // Whether the order broke and the kinds went to the scratch table (for tests).
    [[nodiscard]] bool fellBack() const { return !m_ordered; }

    // A session may have this many treatments in memory before the kinds
    // fall back to the table.
    static constexpr std::size_t kMaxSessionTreatments = 4096;

private:
    // A record of the file: this header, then the code's bytes.
    struct Record {
        std::int64_t rank;
        Id session;
        Id knot;
        std::int64_t seq;
        std::uint64_t codeSize;
    };
    struct Kind {
        Id session;
        Id knot;
        std::string code;
    };
    bool readRecord(Record& record, std::string& code);
    bool moveTo(std::int64_t rank);
    void fallBack();
    void prepareTable();
    void tableAdd(Id session, Id knot, std::int64_t seq, const std::string& code);
    std::string tableCodes(Id session, Id knot);

    ImportScratchDatabase& m_scratch;
    std::optional<sql::Statement> m_insert;
    std::optional<sql::Statement> m_select;
    bool m_ordered = true;
    bool m_reading = false;
    std::int64_t m_count = 0; // kinds added, the last one's seq
    std::int64_t m_lastRank = 0;
    ImportSpillFile m_file;
    // Where the lookups are: the rank reached, its session's kinds, and the
    // next record of the file (read ahead to see where that rank ends).
    std::int64_t m_cursorRank = 0;
    std::vector<Kind> m_session;
    bool m_hasNext = false;
    Record m_next{};
    std::string m_nextCode;
};

} // namespace knotmap
