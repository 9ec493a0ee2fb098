// The simple format and columns mapped by hand: a date (perhaps with its
// time), a body area and pain on 0-10 in named columns.
#include "core/domain.h"
#include "core/other_apps/day_text.h"
#include "core/other_apps/sheet_readers.h"
#include "core/text_trim.h"
#include "core/timestamp.h"
#include "core/validation.h"

#include <algorithm>
#include <stdexcept>

namespace knotmap::sheet {
namespace {

constexpr int kNoColumn = -1;

class ColumnsReader : public SheetRowReader {
public:
    ColumnsReader(const ColumnMap& map, const std::vector<std::string>& header)
        : m_date(columnNamed(header, map.date, "date")),
          m_region(columnNamed(header, map.region, "region")),
          m_pain(columnNamed(header, map.pain, "pain")),
          m_time(map.time.empty() ? kNoColumn
                                  : static_cast<int>(columnNamed(header, map.time, "time"))),
          m_notes(map.notes.empty() ? kNoColumn
                                    : static_cast<int>(columnNamed(header, map.notes, "notes"))) {
        // One column read as two things is a slip in the mapping, not data.
        std::vector<int> used = {static_cast<int>(m_date), static_cast<int>(m_region),
                                 static_cast<int>(m_pain), m_time, m_notes};
        std::sort(used.begin(), used.end());
        for (std::size_t i = 1; i < used.size(); ++i) {
            if (used[i] != kNoColumn && used[i] == used[i - 1]) {
                throw std::invalid_argument("column " + std::to_string(used[i] + 1) + " (" +
                                            header[static_cast<std::size_t>(used[i])] +
                                            ") is mapped to two roles");
            }
        }
    }

    void read(ImportRow& row, std::vector<PainEntry>& out) override {
        PainEntry entry;
        entry.line = row.line();
        entry.column = static_cast<std::int64_t>(m_region) + 1;
        entry.when = when(row);
        entry.area = std::string(trimmed(row.raw(m_region)));
        if (entry.area.empty()) {
            row.problem(m_region, "names no body area");
        }
        entry.pain = row.integer(m_pain, kMinRating, kMaxRating);
        if (m_notes != kNoColumn) {
            entry.notes = row.text(static_cast<std::size_t>(m_notes), kMaxNoteBytes);
        }
        if (row.ok()) {
            out.push_back(std::move(entry));
        }
    }

    [[nodiscard]] std::string scaleRule() const override { return "0-10, as written"; }
    [[nodiscard]] bool sessionPerDay() const override { return m_time == kNoColumn; }

private:
    // "2026-03-14", "2026-03-14 09:30", ISO 8601 with an offset, "22 Sep
    // 2020"; with a time column, its clock time joins the date.
    std::string when(ImportRow& row) {
        const std::string_view text = trimmed(row.raw(m_date));
        if (m_time == kNoColumn) {
            if (LocalTimestamp::parseIso8601(text)) {
                return std::string(text);
            }
            if (text.size() > 10 && (text[10] == ' ' || text[10] == 'T')) {
                const auto day = isoDay(text.substr(0, 10));
                const auto clock = isoClock(text.substr(11));
                if (day && clock) {
                    return *day + "T" + *clock;
                }
            } else if (const auto day = isoDay(text)) {
                return *day;
            }
            row.problem(m_date, "expected a date like 2026-03-14 (or 2026-03-14 09:30), got " +
                                    quotedValue(row.raw(m_date)));
            return {};
        }
        const auto day = isoDay(text);
        if (!day) {
            row.problem(m_date,
                        "expected a date like 2026-03-14, got " + quotedValue(row.raw(m_date)));
            return {};
        }
        const auto column = static_cast<std::size_t>(m_time);
        if (trimmed(row.raw(column)).empty()) {
            return *day;
        }
        const auto clock = isoClock(row.raw(column));
        if (!clock) {
            row.problem(column, "expected a time like 09:30 or 9:30 pm, got " +
                                    quotedValue(row.raw(column)));
            return {};
        }
        return *day + "T" + *clock;
    }

    std::size_t m_date;
    std::size_t m_region;
    std::size_t m_pain;
    int m_time;
    int m_notes;
};

} // namespace

std::unique_ptr<SheetRowReader> columnsReader(const ColumnMap& map,
                                              const std::vector<std::string>& header) {
    return std::make_unique<ColumnsReader>(map, header);
}

} // namespace knotmap::sheet
