#pragma once

#include "core/import_row.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// Sheets of pain by body area: the simple date,region,pain format, the CSV
// exports of other pain apps (Bearable, Flaredown, CrisisCore), and any other
// sheet whose columns the person names (`--map`). Each is recognised by its
// header and read, row by row, into the same entries: when, which body area
// in the sheet's own words, and pain on 0-10 (docs/import-other-apps.md).
namespace knotmap {

enum class SheetFormat { Simple, Mapped, Bearable, Flaredown, CrisisCore };

// The columns a person maps by hand: header names (or 1-based numbers).
struct ColumnMap {
    std::string date;
    std::string region;
    std::string pain;
    std::string time;  // optional
    std::string notes; // optional
};

// "date=Day,region=Where,pain=Level[,time=At,notes=Comment]". Throws
// std::invalid_argument saying what is wrong.
[[nodiscard]] ColumnMap parseColumnMap(std::string_view spec);
// The same text back, for messages and the window's settings.
[[nodiscard]] std::string describeColumnMap(const ColumnMap& map);

struct SheetLayout {
    SheetFormat format = SheetFormat::Simple;
    bool dateFormatted = false; // Bearable's newer export, with "date formatted"
    ColumnMap columns;          // Mapped only
};

// The format a header is, or nullopt for a header no format has.
[[nodiscard]] std::optional<SheetLayout> recogniseSheet(const std::vector<std::string>& header);
// "Bearable export", "Flaredown export", "CrisisCore pain-tracker export",
// "Simple format (date, region, pain, notes)", "Columns mapped by hand (...)".
[[nodiscard]] std::string describeSheet(const SheetLayout& layout);

// One rating of one body area, as the sheet wrote it.
struct PainEntry {
    std::int64_t line = 0;
    std::int64_t column = 0; // 1-based column of the body-area text
    // ISO 8601: "2026-03-14" (a day: noon), "2026-03-14T09:30" (this
    // computer's time zone), or with its own offset ("...+01:00", "...Z").
    std::string when;
    bool utcToLocal = false; // a UTC time (CrisisCore) shown in this computer's zone
    std::string area;        // the body area in the sheet's words
    int pain = 0;            // 0-10, converted from the sheet's scale
    std::string notes;
};

// Reads a recognised sheet's rows. Problems go to the ImportRow; rows about
// something other than pain by body area (Bearable's mood, Flaredown's
// treatments) are counted, by kind, and left out.
class SheetRowReader {
public:
    virtual ~SheetRowReader() = default;
    virtual void read(ImportRow& row, std::vector<PainEntry>& out) = 0;

    // How ratings become 0-10: "0-10 as written", "Bearable's severity 1-4
    // (Mild to Unbearable) on 0-4: 3, 5, 8, 10".
    [[nodiscard]] virtual std::string scaleRule() const = 0;

    // True: one session per day, whatever the times (the simple format,
    // Flaredown's daily check-ins). False: one per distinct time.
    [[nodiscard]] virtual bool sessionPerDay() const { return true; }
    // Whether a row of this many fields is whole: the header's count, unless
    // the format leaves trailing columns out.
    [[nodiscard]] virtual bool rowWidthFits(std::size_t fields, std::size_t headerFields) const {
        return fields == headerFields;
    }

    [[nodiscard]] std::int64_t otherRows() const { return m_otherRows; }
    [[nodiscard]] const std::set<std::string>& otherKinds() const { return m_otherKinds; }

protected:
    void countOther(const std::string& kind) {
        ++m_otherRows;
        if (m_otherKinds.size() < 12) {
            m_otherKinds.insert(kind);
        }
    }

private:
    std::int64_t m_otherRows = 0;
    std::set<std::string> m_otherKinds;
};

// A reader for the layout and this header. Throws std::invalid_argument
// when a mapped column is not in the header, or the sheet has no body areas
// (CrisisCore's minimal export).
[[nodiscard]] std::unique_ptr<SheetRowReader>
sheetRowReader(const SheetLayout& layout, const std::vector<std::string>& header);

// True when text starts with the CrisisCore export's header (after a byte
// order mark): its rows may all be on one line, joined as below.
[[nodiscard]] bool startsLikeCrisisCore(std::string_view head);

// The CrisisCore pain tracker joins its rows with the two characters '\'
// 'n' rather than a line break: text that starts like its header and does
// so gets real line breaks there (outside quotes); anything else is
// returned unchanged.
[[nodiscard]] std::string withCrisisCoreLineBreaks(std::string text);

} // namespace knotmap
