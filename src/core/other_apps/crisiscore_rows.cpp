// The CrisisCore pain tracker's CSV export: one row per entry, with its
// date, its time (UTC, cut from the stored timestamp), one pain level for
// the entry, and the body locations it applies to, joined with "; ".
#include "core/other_apps/day_text.h"
#include "core/other_apps/sheet_readers.h"
#include "core/text_trim.h"
#include "core/validation.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

namespace knotmap::sheet {
namespace {

// The full export has Locations; the "minimal" one does not, and with no
// body area there is nothing to put on the map.
std::size_t locationsColumn(const std::vector<std::string>& header) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (headerKey(header[i]) == "locations") {
            return i;
        }
    }
    throw std::invalid_argument("this CrisisCore export has no Locations column (the minimal "
                                "export leaves it out): export the full CSV, which says where "
                                "each pain was");
}

// "6", "6.5" -> 7 (halves up); nullopt outside 0-10 or for other text.
std::optional<int> painLevel(std::string_view text) {
    text = trimmed(text);
    double value = 0;
    const char* end = text.data() + text.size();
    // Fixed notation only: no hexadecimal, exponents or "inf".
    const auto [stop, error] = std::from_chars(text.data(), end, value, std::chars_format::fixed);
    if (text.empty() || error != std::errc() || stop != end || !(value >= 0.0 && value <= 10.0)) {
        return std::nullopt;
    }
    return static_cast<int>(std::floor(value + 0.5));
}

class CrisisCoreReader : public SheetRowReader {
public:
    explicit CrisisCoreReader(const std::vector<std::string>& header)
        : m_locations(locationsColumn(header)) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (headerKey(header[i]) == "notes") {
                m_notes = static_cast<int>(i);
            }
        }
    }

    void read(ImportRow& row, std::vector<PainEntry>& out) override {
        const auto day = isoDay(row.raw(0));
        if (!day) {
            row.problem(0, "expected a date like 2024-03-02, got " + quotedValue(row.raw(0)));
        }
        std::optional<std::string> clock;
        if (!trimmed(row.raw(1)).empty()) {
            clock = isoClock(row.raw(1));
            if (!clock) {
                row.problem(1, "expected a time like 08:00, got " + quotedValue(row.raw(1)));
            }
        }
        const auto pain = painLevel(row.raw(2));
        if (!pain) {
            row.problem(2, "expected a pain level from 0 to 10, got " + quotedValue(row.raw(2)));
        }
        const std::string notes =
            m_notes >= 0 ? row.text(static_cast<std::size_t>(m_notes), kMaxNoteBytes) : "";
        if (!row.ok()) {
            return;
        }
        bool any = false;
        const std::string_view locations = row.raw(m_locations);
        std::size_t start = 0;
        while (start <= locations.size()) {
            const std::size_t end = std::min(locations.find(';', start), locations.size());
            const std::string_view place = trimmed(locations.substr(start, end - start));
            start = end + 1;
            if (place.empty()) {
                continue;
            }
            any = true;
            PainEntry entry;
            entry.line = row.line();
            entry.column = static_cast<std::int64_t>(m_locations) + 1;
            // A UTC time has a Z; a day alone is read as noon where the person is.
            entry.when = clock ? *day + "T" + *clock + "Z" : *day;
            entry.utcToLocal = clock.has_value();
            entry.area = std::string(place);
            entry.pain = *pain;
            entry.notes = notes;
            out.push_back(std::move(entry));
        }
        if (!any) {
            countOther("entries without a location");
        }
    }

    [[nodiscard]] std::string scaleRule() const override {
        return "0-10, as written; a level with a fraction rounded, halves up";
    }
    [[nodiscard]] bool sessionPerDay() const override { return false; }

private:
    std::size_t m_locations;
    int m_notes = -1;
};

} // namespace

std::unique_ptr<SheetRowReader> crisisCoreReader(const std::vector<std::string>& header) {
    return std::make_unique<CrisisCoreReader>(header);
}

} // namespace knotmap::sheet
