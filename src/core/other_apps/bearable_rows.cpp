// Bearable's CSV export: one row per reading, of which only the Symptom rows
// carry pain by body area, in their detail: "Back (lower) pain (Moderate)".
#include "core/domain.h"
#include "core/other_apps/day_text.h"
#include "core/other_apps/rating_scale.h"
#include "core/other_apps/sheet_readers.h"
#include "core/text_search.h"
#include "core/text_trim.h"
#include "core/validation.h"

#include <algorithm>
#include <array>

namespace knotmap::sheet {
namespace {

// Bearable's severities, 1-4, on a 0-4 scale whose 0 is no symptom.
constexpr std::array<std::string_view, 4> kSeverities = {"mild", "moderate", "severe",
                                                         "unbearable"};
constexpr RatingScale kScale{0, 4};

// Bearable's times of day name parts of the day, not hours: each is read as
// a time inside it, so the day's readings keep their order.
std::optional<std::string> bucketClock(std::string_view bucket) {
    if (bucket == "pre") {
        return "05:00";
    }
    if (bucket == "am") {
        return "09:00";
    }
    if (bucket == "mid") {
        return "13:00";
    }
    if (bucket == "pm") {
        return "19:00";
    }
    return std::nullopt;
}

class BearableReader : public SheetRowReader {
public:
    BearableReader(const std::vector<std::string>& header, bool dateFormatted)
        : m_date(columnNamed(header, dateFormatted ? "date formatted" : "date", "date")),
          m_time(columnNamed(header, "time of day", "time")),
          m_category(columnNamed(header, "category", "category")),
          m_rating(columnNamed(header, "rating/amount", "rating")),
          m_detail(columnNamed(header, "detail", "detail")),
          m_notes(columnNamed(header, "notes", "notes")) {}

    void read(ImportRow& row, std::vector<PainEntry>& out) override {
        const std::string category(trimmed(row.raw(m_category)));
        if (lowercaseAscii(category) != "symptom") {
            countOther(category.empty() ? "rows without a category" : category);
            return;
        }
        PainEntry entry;
        entry.line = row.line();
        entry.column = static_cast<std::int64_t>(m_detail) + 1;
        entry.when = when(row);
        const auto [area, severity] = splitDetail(row.raw(m_detail));
        entry.area = area;
        if (entry.area.empty()) {
            row.problem(m_detail, "names no symptom");
        }
        std::optional<int> rating = wholeRating(row.raw(m_rating));
        if (!rating && !severity.empty()) {
            for (std::size_t i = 0; i < kSeverities.size(); ++i) {
                if (lowercaseAscii(severity) == kSeverities[i]) {
                    rating = static_cast<int>(i) + 1;
                }
            }
        }
        const auto pain = rating ? kScale.toPain(*rating) : std::nullopt;
        if (!pain) {
            row.problem(m_rating, "expected a symptom severity from 0 to 4 (or Mild, Moderate, "
                                  "Severe, Unbearable in the detail), got " +
                                      quotedValue(row.raw(m_rating)));
        }
        entry.pain = pain.value_or(0);
        entry.notes = row.text(m_notes, kMaxNoteBytes);
        if (row.ok()) {
            out.push_back(std::move(entry));
        }
    }

    [[nodiscard]] std::string scaleRule() const override {
        return "severity 0-4 (Mild 1, Moderate 2, Severe 3, Unbearable 4) to 0-10: 0, 3, 5, 8, 10";
    }
    [[nodiscard]] bool sessionPerDay() const override { return false; }

private:
    // "Back (lower) pain (Moderate)" -> {"Back (lower) pain", "Moderate"}: the
    // last bracket is the severity when it holds one (a severity word or a
    // number), as names have brackets of their own ("Back (lower)").
    static std::pair<std::string, std::string> splitDetail(std::string_view detail) {
        detail = trimmed(detail);
        const std::size_t open = detail.rfind('(');
        if (detail.ends_with(')') && open != std::string_view::npos && open > 0) {
            const std::string inside(trimmed(detail.substr(open + 1, detail.size() - open - 2)));
            const std::string word = lowercaseAscii(inside);
            const bool severity =
                wholeRating(inside).has_value() ||
                std::find(kSeverities.begin(), kSeverities.end(), word) != kSeverities.end();
            if (severity) {
                return {std::string(trimmed(detail.substr(0, open))), inside};
            }
        }
        return {std::string(detail), {}};
    }

    std::string when(ImportRow& row) {
        const auto day = isoDay(row.raw(m_date));
        if (!day) {
            row.problem(m_date, "expected a date like 22nd Sep 2020 or 2020-09-22, got " +
                                    quotedValue(row.raw(m_date)));
            return {};
        }
        const std::string time = lowercaseAscii(trimmed(row.raw(m_time)));
        if (time.empty() || time == "all day") {
            return *day;
        }
        if (const auto clock = bucketClock(time)) {
            return *day + "T" + *clock;
        }
        if (const auto clock = isoClock(time)) {
            return *day + "T" + *clock;
        }
        row.problem(m_time, "expected pre, am, mid, pm, all day or a time like 9:30, got " +
                                quotedValue(row.raw(m_time)));
        return {};
    }

    std::size_t m_date;
    std::size_t m_time;
    std::size_t m_category;
    std::size_t m_rating;
    std::size_t m_detail;
    std::size_t m_notes;
};

} // namespace

std::unique_ptr<SheetRowReader> bearableReader(const std::vector<std::string>& header,
                                               bool dateFormatted) {
    return std::make_unique<BearableReader>(header, dateFormatted);
}

} // namespace knotmap::sheet
