#include "core/csv_writer.h"

#include "core/csv_neutralise.h"

#include <cctype>
#include <charconv>

namespace knotmap {
namespace {
// Flush in large chunks: formatting a million rows field by field through an
// ostream is what makes naive exporters slow.
constexpr std::size_t kFlushThreshold = 1 << 16;

// A cheap superset of the characters neutraliseCell acts on (= + - @ ' are
// punctuation, TAB and CR control characters), so the common cell is copied
// without building a new string; neutraliseCell stays the one that decides.
bool mayNeedNeutralising(std::string_view text) {
    if (text.empty()) {
        return false;
    }
    const auto first = static_cast<unsigned char>(text.front());
    return std::ispunct(first) != 0 || std::iscntrl(first) != 0;
}

bool needsQuoting(std::string_view text) {
    for (char c : text) {
        if (c == ',' || c == '"' || c == '\r' || c == '\n') {
            return true;
        }
    }
    return false;
}
} // namespace

CsvWriter::CsvWriter(std::ostream& out) : m_out(out) {
    m_buffer.reserve(kFlushThreshold * 2);
}

CsvWriter::~CsvWriter() {
    flush();
}

void CsvWriter::separator() {
    if (m_rowStarted) {
        m_buffer.push_back(',');
    }
    m_rowStarted = true;
}

void CsvWriter::field(std::string_view text) {
    separator();
    if (!needsQuoting(text)) {
        m_buffer.append(text);
        return;
    }
    m_buffer.push_back('"');
    for (char c : text) {
        if (c == '"') {
            m_buffer.push_back('"');
        }
        m_buffer.push_back(c);
    }
    m_buffer.push_back('"');
}

void CsvWriter::textField(std::string_view text) {
    if (m_neutraliseText && mayNeedNeutralising(text)) {
        field(neutraliseCell(text));
        return;
    }
    field(text);
}

void CsvWriter::field(std::int64_t value) {
    separator();
    char digits[24];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    m_buffer.append(digits, result.ptr);
}

void CsvWriter::field(double value) {
    separator();
    char digits[32];
    const auto result = std::to_chars(digits, digits + sizeof digits, value);
    m_buffer.append(digits, result.ptr);
}

void CsvWriter::emptyField() {
    separator();
}

void CsvWriter::endRow() {
    m_buffer.append("\r\n");
    m_rowStarted = false;
    ++m_rows;
    if (m_buffer.size() >= kFlushThreshold) {
        flush();
    }
}

void CsvWriter::flush() {
    if (!m_buffer.empty()) {
        m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        m_buffer.clear();
    }
    m_out.flush();
}

} // namespace knotmap
