#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knotmap {

// Where a CSV file breaks the rules, worded for the person who has to fix it.
// Lines and columns are 1-based and count what a text editor shows: lines end
// at LF (a CRLF is one line end), columns count UTF-8 characters, not bytes. A
// column of 0 means the problem is with the line as a whole.
struct CsvError {
    std::int64_t line = 0;
    std::int64_t column = 0;
    std::string message; // e.g. "a quote inside an unquoted field (quote the field ...)"

    // "line 12, column 5: <message>", or "line 12: <message>" without a column.
    [[nodiscard]] std::string describe() const;
};

// Bounds that keep a hostile or broken file from taking unbounded memory.
// The field limit is twice the longest text the database holds (1 MiB, see
// core/validation.h), so any stored text reads back, and a cell just over a
// field's limit is reported by the import at its column, not as broken CSV.
struct CsvLimits {
    std::size_t maxFieldBytes = std::size_t{2} << 20;   // after unquoting
    std::size_t maxFields = 1024;                       // per record
    std::size_t maxRecordBytes = std::size_t{16} << 20; // all fields of one record
};

struct CsvRecord {
    std::int64_t line = 0; // the physical line the record starts on
    std::vector<std::string> fields;
    std::vector<std::int64_t> columns; // where each field starts on its line

    [[nodiscard]] std::size_t size() const { return fields.size(); }
};

// A strict RFC 4180 reader: comma separated, CRLF or LF line ends, fields
// quoted with '"' may hold commas, doubled quotes, CR and LF. Text must be
// UTF-8 (a leading byte order mark is skipped). A blank line is a record with
// one empty field, which is what CsvWriter writes for such a record; an empty
// input has no records. The first error stops the reader for good.
class CsvReader {
public:
    // `text` must outlive the reader: it is read in place, never copied.
    explicit CsvReader(std::string_view text, CsvLimits limits = {});
    // Reads `chunkBytes` at a time, so memory stays bounded by the limits
    // however large the stream is. Small chunks are for tests.
    explicit CsvReader(std::istream& in, CsvLimits limits = {},
                       std::size_t chunkBytes = std::size_t{1} << 16);

    // The next record, or false at the end of the input or on an error
    // (tell them apart with error()). `record` is reused to save allocations.
    [[nodiscard]] bool next(CsvRecord& record);

    [[nodiscard]] const std::optional<CsvError>& error() const { return m_error; }
    // True once the first byte has been read and it began a UTF-8 byte order mark.
    [[nodiscard]] bool hadByteOrderMark() const { return m_hadBom; }

private:
    enum class Step { Field, EndOfRecord, EndOfInput, Failed };

    [[nodiscard]] int peekByte();
    [[nodiscard]] bool fillAtLeast(std::size_t count);
    [[nodiscard]] bool take(int byte);
    [[nodiscard]] bool takeLead(unsigned char byte);
    [[nodiscard]] bool takeContinuation(unsigned char byte);
    void skipByteOrderMark();
    [[nodiscard]] Step readUnquoted(std::string& field);
    [[nodiscard]] Step readQuoted(std::string& field);
    [[nodiscard]] Step readAfterQuote();
    [[nodiscard]] std::optional<Step> readFieldEnd(int byte);
    [[nodiscard]] Step readLineEnd();
    [[nodiscard]] Step endOfInput();
    [[nodiscard]] bool append(std::string& field, int byte);
    void appendPlainRun(std::string& field, bool quoted);
    Step fail(std::int64_t line, std::int64_t column, std::string message);

    std::string_view m_window; // the bytes being read: all of `text`, or one chunk
    std::size_t m_pos = 0;
    std::istream* m_in = nullptr;
    std::string m_chunk;
    std::size_t m_chunkBytes = 0;
    CsvLimits m_limits;

    std::int64_t m_line = 1;
    std::int64_t m_column = 1;
    // UTF-8 validation state: continuation bytes still expected in the
    // current character, and the range the next one must fall in.
    int m_utf8Pending = 0;
    unsigned char m_utf8Lead = 0;
    unsigned char m_utf8Low = 0x80;
    unsigned char m_utf8High = 0xBF;
    std::int64_t m_charLine = 1; // where the current character began
    std::int64_t m_charColumn = 1;

    std::int64_t m_fieldLine = 1; // where the field being read began
    std::int64_t m_fieldColumn = 1;
    std::size_t m_recordBytes = 0;
    bool m_started = false;
    bool m_hadBom = false;
    bool m_done = false;
    std::optional<CsvError> m_error;
};

// Every record of a CSV text or stream, or the first error (with the records
// before it).
struct CsvReadResult {
    std::vector<CsvRecord> records;
    bool hadByteOrderMark = false;
    std::optional<CsvError> error;
};

[[nodiscard]] CsvReadResult readCsv(std::string_view text, CsvLimits limits = {});
[[nodiscard]] CsvReadResult readCsv(std::istream& in, CsvLimits limits = {});

// Compares a header record to the columns a table expects, in order, and
// describes the first difference: "column 3 is 'session'; expected
// 'session_id'", "missing column 'pain'" or "extra column 'foo'".
class CsvHeaderCheck {
public:
    explicit CsvHeaderCheck(std::vector<std::string> expected);

    // Nothing when the header matches exactly.
    [[nodiscard]] std::optional<CsvError> check(const CsvRecord& header) const;
    [[nodiscard]] const std::vector<std::string>& expected() const { return m_expected; }

private:
    std::vector<std::string> m_expected;
};

// A table: the header is checked and dropped, and every data record must have
// as many fields as the header. `records` holds the data records only.
[[nodiscard]] CsvReadResult readCsvTable(std::string_view text, const CsvHeaderCheck& header,
                                         CsvLimits limits = {});
[[nodiscard]] CsvReadResult readCsvTable(std::istream& in, const CsvHeaderCheck& header,
                                         CsvLimits limits = {});

} // namespace knotmap
