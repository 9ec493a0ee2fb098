#include "core/other_apps/pain_sheet.h"

#include "core/other_apps/sheet_readers.h"
#include "core/text_search.h"
#include "core/text_trim.h"

#include <algorithm>
#include <stdexcept>

namespace knotmap {

namespace sheet {

std::string headerKey(std::string_view name) {
    // A spreadsheet's byte order mark sticks to the first header name.
    if (name.starts_with("\xEF\xBB\xBF")) {
        name.remove_prefix(3);
    }
    return lowercaseAscii(trimmed(name));
}

std::size_t columnNamed(const std::vector<std::string>& header, const std::string& name,
                        const std::string& role) {
    const std::string key = headerKey(name);
    std::vector<std::size_t> named;
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (headerKey(header[i]) == key) {
            named.push_back(i + 1);
        }
    }
    if (named.size() == 1) {
        return named.front() - 1;
    }
    if (named.size() > 1) {
        throw std::invalid_argument(role + "=" + name + ": the header has " +
                                    std::to_string(named.size()) + " columns named '" + name +
                                    "' (columns " + std::to_string(named[0]) + " and " +
                                    std::to_string(named[1]) + "): give the column's number");
    }
    if (!key.empty() &&
        std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        const std::size_t number = std::stoul(key);
        if (number >= 1 && number <= header.size()) {
            return number - 1;
        }
    }
    std::string names;
    for (const std::string& column : header) {
        names += (names.empty() ? "" : ", ") + column;
    }
    throw std::invalid_argument(role + "=" + name + ": the header has no column '" + name +
                                "' (it has " + names + ")");
}

} // namespace sheet

namespace {

using sheet::headerKey;

std::vector<std::string> keys(const std::vector<std::string>& header) {
    std::vector<std::string> out;
    out.reserve(header.size());
    for (const std::string& name : header) {
        out.push_back(headerKey(name));
    }
    return out;
}

bool has(const std::vector<std::string>& keyed, std::string_view key) {
    return std::find(keyed.begin(), keyed.end(), key) != keyed.end();
}

} // namespace

ColumnMap parseColumnMap(std::string_view spec) {
    ColumnMap map;
    std::size_t start = 0;
    while (start <= spec.size()) {
        const std::size_t comma = std::min(spec.find(',', start), spec.size());
        const std::string_view part = trimmed(spec.substr(start, comma - start));
        start = comma + 1;
        if (part.empty()) {
            if (comma >= spec.size()) {
                break;
            }
            continue;
        }
        const std::size_t equals = part.find('=');
        if (equals == std::string_view::npos) {
            throw std::invalid_argument("'" + std::string(part) +
                                        "' should be ROLE=COLUMN, e.g. date=Day");
        }
        const std::string role = lowercaseAscii(trimmed(part.substr(0, equals)));
        const std::string column(trimmed(part.substr(equals + 1)));
        std::string* slot = role == "date"     ? &map.date
                            : role == "region" ? &map.region
                            : role == "pain"   ? &map.pain
                            : role == "time"   ? &map.time
                            : role == "notes"  ? &map.notes
                                               : nullptr;
        if (slot == nullptr) {
            throw std::invalid_argument("unknown role '" + role +
                                        "': the roles are date, region, pain, time and notes");
        }
        if (column.empty()) {
            throw std::invalid_argument(role + "= names no column");
        }
        if (!slot->empty()) {
            throw std::invalid_argument(role + " is given twice");
        }
        *slot = column;
    }
    for (const auto& [role, value] :
         {std::pair{"date", &map.date}, std::pair{"region", &map.region},
          std::pair{"pain", &map.pain}}) {
        if (value->empty()) {
            throw std::invalid_argument(std::string("no ") + role +
                                        "=COLUMN: date, region and "
                                        "pain are needed, time and notes are optional");
        }
    }
    return map;
}

std::string describeColumnMap(const ColumnMap& map) {
    std::string text = "date=" + map.date + ",region=" + map.region + ",pain=" + map.pain;
    if (!map.time.empty()) {
        text += ",time=" + map.time;
    }
    if (!map.notes.empty()) {
        text += ",notes=" + map.notes;
    }
    return text;
}

std::optional<SheetLayout> recogniseSheet(const std::vector<std::string>& header) {
    const std::vector<std::string> keyed = keys(header);
    const std::vector<std::string> bearable = {
        "date", "weekday", "time of day", "category", "rating/amount", "detail", "notes"};
    std::vector<std::string> bearableDated = bearable;
    bearableDated.insert(bearableDated.begin() + 1, "date formatted");
    if (keyed == bearable || keyed == bearableDated) {
        return SheetLayout{SheetFormat::Bearable, keyed == bearableDated, {}};
    }
    if (keyed.size() >= 3 && keyed[0] == "date" && keyed[1] == "time" && keyed[2] == "pain level") {
        return SheetLayout{SheetFormat::CrisisCore, false, {}};
    }
    // Flaredown: Date, one column per condition, symptom and treatment, then
    // Tags and Foods (and, in later exports, six weather columns).
    const auto tags = std::find(keyed.begin(), keyed.end(), "tags");
    if (!keyed.empty() && keyed[0] == "date" && tags != keyed.end() && tags + 1 != keyed.end() &&
        tags[1] == "foods") {
        return SheetLayout{SheetFormat::Flaredown, false, {}};
    }
    if (has(keyed, "date") && has(keyed, "region") && has(keyed, "pain")) {
        return SheetLayout{SheetFormat::Simple, false, {}};
    }
    return std::nullopt;
}

std::string describeSheet(const SheetLayout& layout) {
    switch (layout.format) {
    case SheetFormat::Simple:
        return "Simple format (date, region, pain, notes)";
    case SheetFormat::Mapped:
        return "Columns mapped by hand (" + describeColumnMap(layout.columns) + ")";
    case SheetFormat::Bearable:
        return layout.dateFormatted ? "Bearable export (with date formatted)" : "Bearable export";
    case SheetFormat::Flaredown:
        return "Flaredown export";
    case SheetFormat::CrisisCore:
        return "CrisisCore pain-tracker export";
    }
    return {};
}

std::unique_ptr<SheetRowReader> sheetRowReader(const SheetLayout& layout,
                                               const std::vector<std::string>& header) {
    switch (layout.format) {
    case SheetFormat::Simple:
        return sheet::columnsReader(
            {"date", "region", "pain", "", has(keys(header), "notes") ? "notes" : ""}, header);
    case SheetFormat::Mapped:
        return sheet::columnsReader(layout.columns, header);
    case SheetFormat::Bearable:
        return sheet::bearableReader(header, layout.dateFormatted);
    case SheetFormat::Flaredown:
        return sheet::flaredownReader(header);
    case SheetFormat::CrisisCore:
        return sheet::crisisCoreReader(header);
    }
    throw std::invalid_argument("unknown sheet format");
}

bool startsLikeCrisisCore(std::string_view head) {
    if (head.starts_with("\xEF\xBB\xBF")) {
        head.remove_prefix(3);
    }
    return head.starts_with("Date,Time,Pain Level");
}

std::string withCrisisCoreLineBreaks(std::string text) {
    const std::size_t firstBreak = text.find('\n');
    const std::string_view firstLine = std::string_view(text).substr(0, firstBreak);
    if (!startsLikeCrisisCore(firstLine) || firstLine.find("\\n") == std::string_view::npos) {
        return text;
    }
    std::string out;
    out.reserve(text.size());
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '"') {
            quoted = !quoted;
        }
        if (!quoted && c == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
            out += '\n';
            ++i;
            continue;
        }
        out += c;
    }
    return out;
}

} // namespace knotmap
