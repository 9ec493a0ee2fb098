#include "core/csv_reader.h"

#include <algorithm>
#include <cstdio>
#include <utility>

namespace knotmap {
namespace {

constexpr int kEndOfInput = -1;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
// Most invalid UTF-8 comes from a file re-saved by a program in a legacy code
// page (Windows-1252, Latin-1), so the fix is the same for every kind.
constexpr std::string_view kUtf8Hint = " (save the file as UTF-8)";

// "1 MiB", "64 KiB" or "1000 bytes": limits are read by people, not programs.
std::string describeSize(std::size_t bytes) {
    constexpr std::size_t kKiB = 1024;
    if (bytes >= kKiB * kKiB && bytes % (kKiB * kKiB) == 0) {
        return std::to_string(bytes / (kKiB * kKiB)) + " MiB";
    }
    if (bytes >= kKiB && bytes % kKiB == 0) {
        return std::to_string(bytes / kKiB) + " KiB";
    }
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

std::string hexByte(unsigned char byte) {
    char text[8];
    std::snprintf(text, sizeof text, "0x%02X", static_cast<unsigned>(byte));
    return text;
}

std::string invalidUtf8(std::string_view what) {
    std::string message = "invalid UTF-8: ";
    message.append(what);
    message.append(kUtf8Hint);
    return message;
}

} // namespace

std::string CsvError::describe() const {
    std::string text = "line " + std::to_string(line);
    if (column > 0) {
        text += ", column " + std::to_string(column);
    }
    return text + ": " + message;
}

CsvReader::CsvReader(std::string_view text, CsvLimits limits) : m_window(text), m_limits(limits) {}

CsvReader::CsvReader(std::istream& in, CsvLimits limits, std::size_t chunkBytes)
    : m_in(&in), m_chunkBytes(std::max<std::size_t>(chunkBytes, 1)), m_limits(limits) {}

// Keeps the unread bytes and appends the next chunk, so a short lookahead
// (the byte order mark) works whatever the chunk size.
bool CsvReader::fillAtLeast(std::size_t count) {
    while (m_window.size() - m_pos < count) {
        if (m_in == nullptr) {
            return false;
        }
        std::string unread(m_window.substr(m_pos));
        m_chunk = std::move(unread);
        const std::size_t kept = m_chunk.size();
        m_chunk.resize(kept + m_chunkBytes);
        m_in->read(m_chunk.data() + kept, static_cast<std::streamsize>(m_chunkBytes));
        const auto got = static_cast<std::size_t>(m_in->gcount());
        m_chunk.resize(kept + got);
        m_window = m_chunk;
        m_pos = 0;
        if (got == 0) {
            if (m_in->bad()) {
                fail(m_line, m_column, "the file could not be read to the end");
            }
            return false;
        }
    }
    return true;
}

int CsvReader::peekByte() {
    if (m_pos < m_window.size() || fillAtLeast(1)) {
        return static_cast<unsigned char>(m_window[m_pos]);
    }
    return kEndOfInput;
}

void CsvReader::skipByteOrderMark() {
    if (fillAtLeast(kByteOrderMark.size()) &&
        m_window.substr(m_pos, kByteOrderMark.size()) == kByteOrderMark) {
        m_pos += kByteOrderMark.size();
        m_hadBom = true;
    }
}

// Consumes the byte just peeked: checks that it continues valid UTF-8 and
// moves the line and column on. Every byte goes through here, so no
// structural character is ever taken from the middle of a character.
bool CsvReader::take(int byte) {
    ++m_pos;
    const auto value = static_cast<unsigned char>(byte);
    return m_utf8Pending > 0 ? takeContinuation(value) : takeLead(value);
}

bool CsvReader::takeLead(unsigned char byte) {
    m_charLine = m_line;
    m_charColumn = m_column;
    if (byte == '\n') {
        ++m_line;
        m_column = 1;
        return true;
    }
    ++m_column;
    if (byte < 0x80) {
        return true;
    }
    // The ranges of the second byte follow the table of well-formed byte
    // sequences in the Unicode standard (section 3.9): they rule out
    // overlong forms, UTF-16 surrogates and code points beyond U+10FFFF.
    m_utf8Lead = byte;
    m_utf8Low = 0x80;
    m_utf8High = 0xBF;
    if (byte < 0xC0) {
        fail(m_charLine, m_charColumn,
             invalidUtf8("byte " + hexByte(byte) + " continues a character that never started"));
        return false;
    }
    if (byte < 0xC2) {
        fail(m_charLine, m_charColumn, invalidUtf8("an overlong encoding"));
        return false;
    }
    if (byte < 0xE0) {
        m_utf8Pending = 1;
    } else if (byte < 0xF0) {
        m_utf8Pending = 2;
        m_utf8Low = byte == 0xE0 ? 0xA0 : 0x80;
        m_utf8High = byte == 0xED ? 0x9F : 0xBF;
    } else if (byte < 0xF5) {
        m_utf8Pending = 3;
        m_utf8Low = byte == 0xF0 ? 0x90 : 0x80;
        m_utf8High = byte == 0xF4 ? 0x8F : 0xBF;
    } else {
        fail(m_charLine, m_charColumn,
             invalidUtf8("byte " + hexByte(byte) + " never appears in UTF-8"));
        return false;
    }
    return true;
}

bool CsvReader::takeContinuation(unsigned char byte) {
    if (byte >= m_utf8Low && byte <= m_utf8High) {
        --m_utf8Pending;
        m_utf8Low = 0x80;
        m_utf8High = 0xBF;
        return true;
    }
    std::string what;
    if (byte < 0x80 || byte > 0xBF) {
        what = "a character cut short by byte " + hexByte(byte);
    } else if (m_utf8Lead == 0xED) {
        what = "an encoded UTF-16 surrogate (U+D800 to U+DFFF)";
    } else if (m_utf8Lead == 0xF4) {
        what = "a code point beyond U+10FFFF";
    } else {
        what = "an overlong encoding";
    }
    fail(m_charLine, m_charColumn, invalidUtf8(what));
    return false;
}

CsvReader::Step CsvReader::fail(std::int64_t line, std::int64_t column, std::string message) {
    // The first error is the one to fix: later ones may only be its echoes.
    if (!m_error) {
        m_error = CsvError{line, column, std::move(message)};
    }
    return Step::Failed;
}

bool CsvReader::append(std::string& field, int byte) {
    if (field.size() >= m_limits.maxFieldBytes) {
        fail(m_fieldLine, m_fieldColumn,
             "a field longer than the limit of " + describeSize(m_limits.maxFieldBytes) +
                 " (is a closing quote missing?)");
        return false;
    }
    if (++m_recordBytes > m_limits.maxRecordBytes) {
        fail(m_fieldLine, m_fieldColumn,
             "a record longer than the limit of " + describeSize(m_limits.maxRecordBytes) +
                 " (is a closing quote missing?)");
        return false;
    }
    field.push_back(static_cast<char>(byte));
    return true;
}

// Copies the run of ASCII bytes that need no decision in one go: that is most
// of a CSV file, and taking it byte by byte would make large imports slow.
// The run stops at the limits so that the byte path reports them.
void CsvReader::appendPlainRun(std::string& field, bool quoted) {
    if (m_utf8Pending > 0) {
        return;
    }
    const std::size_t room =
        std::min(m_limits.maxFieldBytes - field.size(), m_limits.maxRecordBytes - m_recordBytes);
    const std::size_t stop = m_pos + std::min(room, m_window.size() - m_pos);
    std::size_t end = m_pos;
    while (end < stop) {
        const auto byte = static_cast<unsigned char>(m_window[end]);
        const bool decides = byte >= 0x80 || byte == '"' || byte == '\n' ||
                             (!quoted && (byte == ',' || byte == '\r'));
        if (decides) {
            break;
        }
        ++end;
    }
    const std::size_t count = end - m_pos;
    field.append(m_window.substr(m_pos, count));
    m_pos = end;
    m_column += static_cast<std::int64_t>(count);
    m_recordBytes += count;
}

CsvReader::Step CsvReader::endOfInput() {
    if (m_utf8Pending > 0) {
        return fail(m_charLine, m_charColumn,
                    "invalid UTF-8: the file ends in the middle of a character (is the file "
                    "cut short?)");
    }
    return Step::EndOfInput;
}

// A CR outside quotes is only allowed as the first half of a CRLF: a lone CR
// is how a stray line break from an old Mac file or a paste shows up.
CsvReader::Step CsvReader::readLineEnd() {
    const std::int64_t line = m_line;
    const std::int64_t column = m_column;
    if (!take('\r')) {
        return Step::Failed;
    }
    if (peekByte() != '\n') {
        return fail(line, column,
                    "a carriage return (CR) without a line feed (LF) outside quotes (quote the "
                    "field or end the line with CRLF or LF)");
    }
    return take('\n') ? Step::EndOfRecord : Step::Failed;
}

// The step for byte when it ends a field (end of input, comma, line end);
// none for any other byte.
std::optional<CsvReader::Step> CsvReader::readFieldEnd(int byte) {
    switch (byte) {
    case kEndOfInput:
        return endOfInput();
    case ',':
        return take(byte) ? Step::Field : Step::Failed;
    case '\n':
        return take(byte) ? Step::EndOfRecord : Step::Failed;
    case '\r':
        return readLineEnd();
    default:
        return std::nullopt;
    }
}

CsvReader::Step CsvReader::readUnquoted(std::string& field) {
    for (;;) {
        appendPlainRun(field, false);
        const int byte = peekByte();
        if (const auto end = readFieldEnd(byte)) {
            return *end;
        }
        if (byte == '"') {
            // A character cut short before the quote is the earlier problem.
            if (m_utf8Pending > 0 && !take(byte)) {
                return Step::Failed;
            }
            return fail(m_line, m_column,
                        "a quote inside an unquoted field (quote the field and double the quote)");
        }
        if (!take(byte) || !append(field, byte)) {
            return Step::Failed;
        }
    }
}

// Called after the opening quote. A field may span lines, so an unclosed
// quote is reported where the field began: that is where the fix goes.
CsvReader::Step CsvReader::readQuoted(std::string& field) {
    for (;;) {
        appendPlainRun(field, true);
        const int byte = peekByte();
        if (byte == kEndOfInput) {
            if (endOfInput() == Step::Failed) {
                return Step::Failed;
            }
            return fail(m_fieldLine, m_fieldColumn,
                        "a quoted field that is never closed (add the closing quote)");
        }
        if (!take(byte)) {
            return Step::Failed;
        }
        if (byte == '"') {
            if (peekByte() != '"') {
                return readAfterQuote();
            }
            if (!take('"')) {
                return Step::Failed;
            }
        }
        if (!append(field, byte)) {
            return Step::Failed;
        }
    }
}

CsvReader::Step CsvReader::readAfterQuote() {
    if (const auto end = readFieldEnd(peekByte())) {
        return *end;
    }
    return fail(m_line, m_column,
                "text after the closing quote of a field (quote the whole field and double "
                "any quote inside it)");
}

bool CsvReader::next(CsvRecord& record) {
    record.fields.clear();
    record.columns.clear();
    if (m_done) {
        return false;
    }
    if (!m_started) {
        m_started = true;
        skipByteOrderMark();
    }
    // The last line end is optional, so input that ends where a record would
    // start has no more records (and an empty input has none at all).
    if (peekByte() == kEndOfInput) {
        m_done = true;
        return false;
    }
    record.line = m_line;
    m_recordBytes = 0;
    for (;;) {
        if (record.fields.size() >= m_limits.maxFields) {
            fail(m_line, m_column,
                 "a record with more than " + std::to_string(m_limits.maxFields) +
                     " fields (is the file comma separated?)");
            m_done = true;
            return false;
        }
        m_fieldLine = m_line;
        m_fieldColumn = m_column;
        record.columns.push_back(m_column);
        std::string& field = record.fields.emplace_back();
        Step step = Step::Failed;
        if (peekByte() == '"') {
            step = take('"') ? readQuoted(field) : Step::Failed;
        } else {
            step = readUnquoted(field);
        }
        // A read error on the stream ends the input early: never hand out
        // the truncated record as if it were complete.
        if (step == Step::Failed || m_error) {
            m_done = true;
            return false;
        }
        if (step == Step::EndOfInput) {
            m_done = true;
            return true;
        }
        if (step == Step::EndOfRecord) {
            return true;
        }
    }
}

namespace {

CsvReadResult readAll(CsvReader& reader) {
    CsvReadResult result;
    CsvRecord record;
    while (reader.next(record)) {
        result.records.push_back(std::move(record));
    }
    result.hadByteOrderMark = reader.hadByteOrderMark();
    result.error = reader.error();
    return result;
}

bool contains(const std::vector<std::string>& names, std::size_t from, const std::string& name) {
    return from < names.size() && std::find(names.begin() + static_cast<std::ptrdiff_t>(from),
                                            names.end(), name) != names.end();
}

// Rows must line up with the header; the usual cause of a mismatch is a
// comma or a line break in a field that was not quoted.
std::optional<CsvError> checkFieldCount(const CsvRecord& record, std::size_t expected) {
    if (record.size() == expected) {
        return std::nullopt;
    }
    const std::string header = "the header has " + std::to_string(expected) + " columns";
    if (record.size() == 1 && record.fields[0].empty()) {
        return CsvError{record.line, 0, "a blank line; " + header + " (remove the line)"};
    }
    const std::string fields = "a row with " + std::to_string(record.size()) + " fields; ";
    if (record.size() < expected) {
        return CsvError{record.line, 0,
                        fields + header + " (is a line break in a field not quoted?)"};
    }
    return CsvError{record.line, record.columns[expected],
                    fields + header + " (is a comma in a field not quoted?)"};
}

CsvReadResult readTable(CsvReader& reader, const CsvHeaderCheck& header) {
    CsvReadResult result;
    CsvRecord headerRecord;
    const bool hasHeader = reader.next(headerRecord);
    result.hadByteOrderMark = reader.hadByteOrderMark();
    if (!hasHeader) {
        result.error = reader.error() ? reader.error()
                                      : CsvError{1, 0, "the file is empty (expected a header row)"};
        return result;
    }
    result.error = header.check(headerRecord);
    if (result.error) {
        return result;
    }
    CsvRecord record;
    while (reader.next(record)) {
        result.error = checkFieldCount(record, headerRecord.size());
        if (result.error) {
            return result;
        }
        result.records.push_back(std::move(record));
    }
    result.error = reader.error();
    return result;
}

} // namespace

CsvReadResult readCsv(std::string_view text, CsvLimits limits) {
    CsvReader reader(text, limits);
    return readAll(reader);
}

CsvReadResult readCsv(std::istream& in, CsvLimits limits) {
    CsvReader reader(in, limits);
    return readAll(reader);
}

CsvHeaderCheck::CsvHeaderCheck(std::vector<std::string> expected)
    : m_expected(std::move(expected)) {}

std::optional<CsvError> CsvHeaderCheck::check(const CsvRecord& header) const {
    const std::vector<std::string>& actual = header.fields;
    const std::size_t common = std::min(actual.size(), m_expected.size());
    for (std::size_t i = 0; i < common; ++i) {
        if (actual[i] == m_expected[i]) {
            continue;
        }
        // Name the change a person most likely made: a column left out or
        // one added shifts the rest, so "column 5 is ..." would mislead.
        const std::int64_t column = header.columns[i];
        if (!contains(actual, i, m_expected[i]) && contains(m_expected, i + 1, actual[i])) {
            return CsvError{header.line, column, "missing column '" + m_expected[i] + "'"};
        }
        if (!contains(m_expected, 0, actual[i]) && contains(actual, i + 1, m_expected[i])) {
            return CsvError{header.line, column, "extra column '" + actual[i] + "'"};
        }
        return CsvError{header.line, column,
                        "column " + std::to_string(i + 1) + " is '" + actual[i] + "'; expected '" +
                            m_expected[i] + "'"};
    }
    if (actual.size() < m_expected.size()) {
        return CsvError{header.line, 0, "missing column '" + m_expected[common] + "'"};
    }
    if (actual.size() > m_expected.size()) {
        return CsvError{header.line, header.columns[common],
                        "extra column '" + actual[common] + "'"};
    }
    return std::nullopt;
}

CsvReadResult readCsvTable(std::string_view text, const CsvHeaderCheck& header, CsvLimits limits) {
    CsvReader reader(text, limits);
    return readTable(reader, header);
}

CsvReadResult readCsvTable(std::istream& in, const CsvHeaderCheck& header, CsvLimits limits) {
    CsvReader reader(in, limits);
    return readTable(reader, header);
}

} // namespace knotmap
