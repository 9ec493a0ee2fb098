#include "core/import_row.h"

#include "core/csv_neutralise.h"
#include "core/text_trim.h"
#include "core/validation.h"
#include "core/whole_number.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace knotmap {
namespace {

constexpr std::size_t kShownBytes = 40;

} // namespace

std::string quotedValue(std::string_view value) {
    std::size_t shown = value.size();
    if (shown > kShownBytes) {
        shown = kShownBytes;
        // Never cut a UTF-8 character in two: back up to the start of one.
        while (shown > 0 && (static_cast<unsigned char>(value[shown]) & 0xC0) == 0x80) {
            --shown;
        }
    }
    std::string text = "'";
    const std::string_view part = value.substr(0, shown);
    for (std::size_t i = 0; i < part.size(); ++i) {
        const auto byte = static_cast<unsigned char>(part[i]);
        const auto next = i + 1 < part.size() ? static_cast<unsigned char>(part[i + 1]) : 0;
        const bool c1 = byte == 0xC2 && next >= 0x80 && next <= 0x9F; // U+0080-U+009F
        char escaped[16];
        if (byte == '\r') {
            text += "\\r";
        } else if (byte == '\n') {
            text += "\\n";
        } else if (byte == '\t') {
            text += "\\t";
        } else if (byte < 0x20 || byte == 0x7F) {
            // A message must never carry the control character itself: a
            // terminal would act on it, and a NUL would end a C string.
            std::snprintf(escaped, sizeof escaped, "\\x%02X", static_cast<unsigned>(byte));
            text += escaped;
        } else if (c1) {
            std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(next));
            text += escaped;
            ++i;
        } else {
            text += part[i];
        }
    }
    text += "'";
    if (shown < value.size()) {
        text.insert(text.size() - 1, "...");
        text += " (" + std::to_string(value.size()) + " bytes)";
    }
    return text;
}

ImportRow::ImportRow(const CsvRecord& record, const std::vector<std::string>& columns,
                     const std::string& file, ImportProblems& problems, bool restoreText)
    : m_record(record), m_columns(columns), m_file(file), m_problems(problems),
      m_restoreText(restoreText) {
    checkCharacters();
}

void ImportRow::checkCharacters() {
    for (std::size_t column = 0; column < m_record.fields.size(); ++column) {
        std::string message = forbiddenCharacterProblem(m_record.fields[column]);
        if (message.empty()) {
            continue;
        }
        problem(column, std::move(message));
        m_badCharacters.resize(m_record.fields.size());
        m_badCharacters[column] = true;
    }
}

void ImportRow::problem(std::size_t column, std::string message) {
    if (column < m_badCharacters.size() && m_badCharacters[column]) {
        return; // already reported for its control character
    }
    m_ok = false;
    ImportProblem problem;
    problem.file = m_file;
    problem.line = m_record.line;
    problem.column = static_cast<std::int64_t>(column) + 1;
    problem.columnName = column < m_columns.size() ? m_columns[column] : std::string();
    problem.message = std::move(message);
    m_problems.add(std::move(problem));
}

void ImportRow::expected(std::size_t column, std::string_view what) {
    problem(column, "expected " + std::string(what) + ", got " + quotedValue(raw(column)));
}

std::string_view ImportRow::raw(std::size_t column) const {
    return column < m_record.fields.size() ? std::string_view(m_record.fields[column])
                                           : std::string_view();
}

Id ImportRow::id(std::size_t column) {
    const auto value = parseWholeNumber<std::int64_t>(raw(column));
    if (!value || *value <= 0) {
        expected(column, "a positive whole number");
        return 0;
    }
    return *value;
}

std::optional<Id> ImportRow::optionalId(std::size_t column) {
    if (raw(column).empty()) {
        return std::nullopt;
    }
    const auto value = parseWholeNumber<std::int64_t>(raw(column));
    if (!value || *value <= 0) {
        expected(column, "empty or a positive whole number");
        return std::nullopt;
    }
    return value;
}

int ImportRow::integer(std::size_t column, int min, int max) {
    const auto value = parseWholeNumber<std::int64_t>(raw(column));
    if (!value || *value < min || *value > max) {
        expected(column,
                 "a whole number from " + std::to_string(min) + " to " + std::to_string(max));
        return min;
    }
    return static_cast<int>(*value);
}

std::optional<int> ImportRow::optionalInteger(std::size_t column, int min, int max) {
    if (raw(column).empty()) {
        return std::nullopt;
    }
    const auto value = parseWholeNumber<std::int64_t>(raw(column));
    if (!value || *value < min || *value > max) {
        expected(column, "empty or a whole number from " + std::to_string(min) + " to " +
                             std::to_string(max));
        return std::nullopt;
    }
    return static_cast<int>(*value);
}

double ImportRow::unitCoordinate(std::size_t column) {
    const std::string_view text = raw(column);
    double value = 0.0;
    const char* end = text.data() + text.size();
    const auto result = std::from_chars(text.data(), end, value);
    if (text.empty() || result.ec != std::errc() || result.ptr != end || !std::isfinite(value) ||
        value < 0.0 || value > 1.0) {
        expected(column, "a number from 0 to 1");
        return 0.0;
    }
    return value;
}

LocalTimestamp ImportRow::time(std::size_t column) {
    if (const auto value = LocalTimestamp::parseIso8601(raw(column))) {
        return *value;
    }
    expected(column, "a date and time with its UTC offset, like 2026-03-14T09:30:00+01:00");
    return {};
}

std::optional<LocalTimestamp> ImportRow::optionalTime(std::size_t column) {
    if (raw(column).empty()) {
        return std::nullopt;
    }
    if (const auto value = LocalTimestamp::parseIso8601(raw(column))) {
        return value;
    }
    expected(column,
             "empty or a date and time with its UTC offset, like 2026-03-14T09:30:00+01:00");
    return std::nullopt;
}

std::string ImportRow::text(std::size_t column, std::size_t maxBytes) {
    std::string value = m_restoreText ? restoreCell(raw(column)) : std::string(raw(column));
    // Measured as stored: the apostrophe the export may have added is gone.
    if (std::string message = lengthProblem(value, maxBytes); !message.empty()) {
        problem(column, std::move(message));
    }
    return value;
}

std::string ImportRow::requiredText(std::size_t column, std::size_t maxBytes) {
    std::string value = text(column, maxBytes);
    if (isBlank(value)) {
        problem(column, "must not be empty");
    }
    return value;
}

std::vector<std::string> ImportRow::textList(std::size_t column) {
    // A list is as long as the codes in it; each code is held to the limit.
    return splitList(column, m_restoreText ? restoreCell(raw(column)) : std::string(raw(column)));
}

std::vector<std::string> ImportRow::codeList(std::size_t column) {
    return splitList(column, raw(column));
}

std::vector<std::string> ImportRow::splitList(std::size_t column, std::string_view cell) {
    std::vector<std::string> items;
    if (cell.empty()) {
        return items;
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t end = cell.find(';', start);
        const std::string_view item = cell.substr(start, end - start);
        if (item.empty()) {
            problem(column, "has an empty item in the ';'-separated list " + quotedValue(cell));
            return {};
        }
        if (item.size() > kMaxCodeBytes) {
            problem(column, "has a code of " + std::to_string(item.size()) +
                                " bytes in the list; the limit is " +
                                describeByteLimit(kMaxCodeBytes));
            return {};
        }
        for (const std::string& earlier : items) {
            if (earlier == item) {
                problem(column, "lists " + quotedValue(item) + " twice");
                return {};
            }
        }
        items.emplace_back(item);
        if (end == std::string_view::npos) {
            return items;
        }
        start = end + 1;
    }
}

} // namespace knotmap
