#include "report/report_checkins.h"

#include "report/checkin_weeks.h"
#include "report/report_table.h"

#include <iterator>

namespace knotmap::report {
namespace {

constexpr int kWeekTable = 3;
constexpr int kCheckInTable = 4;

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

void append(std::vector<ReportBlock>& blocks, std::vector<ReportBlock> more) {
    blocks.insert(blocks.end(), std::make_move_iterator(more.begin()),
                  std::make_move_iterator(more.end()));
}

std::vector<ReportBlock> weekly(const ReportData& data, const PdfDocument& document, double width) {
    std::vector<ReportBlock> blocks;
    blocks.push_back(headingBlock("Self check-ins: weekly summary"));
    const std::vector<CheckInWeek> weeks = summariseWeeks(data.checkInRecords);
    blocks.push_back(noteBlock(
        document,
        plural(data.checkInRecords.size(), "self check-in", "self check-ins") + " in " +
            plural(weeks.size(), "week", "weeks") +
            ", one row per week (Monday to Sunday). Pain: the check-ins' overall pain, lowest to "
            "highest and mean. Main regions: the regions whose knots were rated most often, with "
            "how often.",
        width));
    const std::vector<double> widths = columnWidths({92, 52, 96, 260}, width);
    const std::vector<TableColumn> columns{
        {"Week", widths[0]},
        {"Check-ins", widths[1], TextAlign::Right},
        {"Pain", widths[2]},
        {"Main regions", widths[3], TextAlign::Left, kUnlimitedLines},
    };
    blocks.push_back(tableHeaderBlock(columns, kWeekTable));
    bool shaded = false;
    for (const CheckInWeek& week : weeks) {
        const std::vector<std::string> cells{
            week.monday + " \u2013 " + week.sunday.substr(5),
            std::to_string(week.checkIns),
            painRangeText(week),
            mainRegionsText(week),
        };
        append(blocks, tableRowBlocks(document, columns, cells, kWeekTable, shaded));
        shaded = !shaded;
    }
    return blocks;
}

std::vector<ReportBlock> full(const ReportData& data, const PdfDocument& document, double width) {
    std::vector<ReportBlock> blocks;
    blocks.push_back(headingBlock("Self check-ins"));
    blocks.push_back(
        noteBlock(document,
                  plural(data.checkInRecords.size(), "self check-in", "self check-ins") +
                      ", oldest first, notes in full. Pain: the overall pain "
                      "(0-10). Knots: knots rated.",
                  width));
    const std::vector<double> widths = columnWidths({64, 34, 28, 32, 120, 222}, width);
    const std::vector<TableColumn> columns{
        {"Date", widths[0]},
        {"Time", widths[1]},
        {"Pain", widths[2], TextAlign::Right},
        {"Knots", widths[3], TextAlign::Right},
        {"Treatments", widths[4], TextAlign::Left, kUnlimitedLines},
        {"Notes", widths[5], TextAlign::Left, kUnlimitedLines},
    };
    blocks.push_back(tableHeaderBlock(columns, kCheckInTable));
    bool shaded = false;
    for (const CheckInRecord& checkIn : data.checkInRecords) {
        const std::vector<std::string> cells{
            checkIn.date,
            checkIn.time,
            checkIn.overallPain ? std::to_string(*checkIn.overallPain) : "\u2013",
            std::to_string(checkIn.knotsRated),
            checkIn.treatments,
            checkIn.notes,
        };
        append(blocks, tableRowBlocks(document, columns, cells, kCheckInTable, shaded));
        shaded = !shaded;
    }
    return blocks;
}

} // namespace

std::string_view toCode(CheckInDetail detail) {
    switch (detail) {
    case CheckInDetail::Full:
        return "full";
    case CheckInDetail::None:
        return "none";
    case CheckInDetail::Weekly:
        break;
    }
    return "weekly";
}

std::optional<CheckInDetail> checkInDetailFromCode(std::string_view code) {
    for (const CheckInDetail detail :
         {CheckInDetail::Weekly, CheckInDetail::Full, CheckInDetail::None}) {
        if (toCode(detail) == code) {
            return detail;
        }
    }
    return std::nullopt;
}

std::vector<ReportBlock> checkInBlocks(const ReportData& data, const PdfDocument& document,
                                       double width, CheckInDetail detail) {
    if (data.checkInRecords.empty()) {
        std::vector<ReportBlock> blocks;
        blocks.push_back(headingBlock("Self check-ins"));
        blocks.push_back(noteBlock(document, "No self check-ins in this period.", width));
        return blocks;
    }
    switch (detail) {
    case CheckInDetail::Full:
        return full(data, document, width);
    case CheckInDetail::None: {
        std::vector<ReportBlock> blocks;
        blocks.push_back(headingBlock("Self check-ins"));
        blocks.push_back(
            noteBlock(document,
                      "Left out of this report: " +
                          plural(data.checkInRecords.size(), "self check-in", "self check-ins") +
                          " in this period (their ratings are in the charts above).",
                      width));
        return blocks;
    }
    case CheckInDetail::Weekly:
        break;
    }
    return weekly(data, document, width);
}

} // namespace knotmap::report
