#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace knotmap {

// Writes RFC 4180 CSV: comma separated, CRLF line ends, a field quoted when it
// holds a comma, a quote, CR or LF (quotes doubled). Bytes are passed through
// unchanged, so UTF-8 text stays UTF-8.
class CsvWriter {
public:
    explicit CsvWriter(std::ostream& out);
    ~CsvWriter();
    CsvWriter(const CsvWriter&) = delete;
    CsvWriter& operator=(const CsvWriter&) = delete;

    void field(std::string_view text);
    // A cell a person typed (name, label, notes...): neutralised against
    // spreadsheet formulas (core/csv_neutralise.h) while neutraliseText is on.
    void textField(std::string_view text);
    void field(std::int64_t value);
    void field(double value); // shortest text that reads back to the same double
    void emptyField();        // "unknown"
    template <typename T>
    void field(const std::optional<T>& value) {
        if (value) {
            field(*value);
        } else {
            emptyField();
        }
    }
    void field(int value) { field(static_cast<std::int64_t>(value)); }
    void field(const char* text) { field(std::string_view(text)); }
    void field(const std::string& text) { field(std::string_view(text)); }
    void endRow();
    void flush();
    // Raw bytes before the first row, e.g. a UTF-8 byte order mark.
    void preamble(std::string_view bytes) { m_buffer.append(bytes); }
    // On by default: an export opened in a spreadsheet must not run formulas.
    void setNeutraliseText(bool on) { m_neutraliseText = on; }

    [[nodiscard]] std::int64_t rowsWritten() const { return m_rows; }

private:
    void separator();

    std::ostream& m_out;
    std::string m_buffer;
    bool m_rowStarted = false;
    bool m_neutraliseText = true;
    std::int64_t m_rows = 0;
};

} // namespace knotmap
