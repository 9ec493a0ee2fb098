// Flaredown's CSV export: one row per day, Date, then a column per
// condition, symptom and treatment the person tracked, then Tags and Foods
// (and in later exports six weather columns, left off on days without
// weather). Conditions and symptoms are rated 0-4; treatments hold a dose,
// "Taken" or "Not Taken". The header does not say which column is which, so
// a cell holding a whole number from 0 to 4 is a rating and any other text a
// treatment.
#include "core/other_apps/day_text.h"
#include "core/other_apps/rating_scale.h"
#include "core/other_apps/sheet_readers.h"
#include "core/text_trim.h"
#include "core/validation.h"

namespace knotmap::sheet {
namespace {

constexpr RatingScale kScale{0, 4};

class FlaredownReader : public SheetRowReader {
public:
    explicit FlaredownReader(const std::vector<std::string>& header)
        : m_header(header), m_tags(columnNamed(header, "Tags", "tags")) {}

    void read(ImportRow& row, std::vector<PainEntry>& out) override {
        const auto day = isoDay(row.raw(0));
        if (!day) {
            row.problem(0, "expected a date like 2019-04-01, got " + quotedValue(row.raw(0)));
            return;
        }
        for (std::size_t column = 1; column < m_tags; ++column) {
            const std::string_view cell = trimmed(row.raw(column));
            if (cell.empty()) {
                continue; // not on that day's check-in
            }
            // Flaredown itself allows only 0-4 in a rating, so anything else
            // (a dose of 400, "Taken", "1 mg") is a treatment's.
            const auto rating = wholeRating(cell);
            const auto pain = rating ? kScale.toPain(*rating) : std::nullopt;
            if (!pain) {
                countOther("treatments");
                continue;
            }
            PainEntry entry;
            entry.line = row.line();
            entry.column = static_cast<std::int64_t>(column) + 1;
            entry.when = *day;
            entry.area = std::string(trimmed(m_header[column]));
            entry.pain = *pain;
            out.push_back(std::move(entry));
        }
    }

    [[nodiscard]] std::string scaleRule() const override { return "0-4 to 0-10: 0, 3, 5, 8, 10"; }
    [[nodiscard]] bool rowWidthFits(std::size_t fields, std::size_t headerFields) const override {
        return fields > m_tags + 1 && fields <= headerFields; // weather may be left off
    }

private:
    std::vector<std::string> m_header; // a copy: the reader's record is reused
    std::size_t m_tags;
};

} // namespace

std::unique_ptr<SheetRowReader> flaredownReader(const std::vector<std::string>& header) {
    return std::make_unique<FlaredownReader>(header);
}

} // namespace knotmap::sheet
