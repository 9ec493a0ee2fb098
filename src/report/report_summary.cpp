#include "report/report_summary.h"

#include "report/text_fit.h"

#include <utility>

namespace knotmap::report {
namespace {

constexpr double kRowHeight = 15.0;
constexpr double kValueIndent = 100.0;

std::string sessionsText(const ReportData& data) {
    const auto plural = [](int n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    return std::to_string(data.sessionCount()) + " (" +
           plural(data.checkIns, "self check-in", "self check-ins") + ", " +
           plural(data.visits, "therapy visit", "therapy visits") + ")";
}

std::string knotsText(const ReportData& data) {
    int active = 0;
    int resolved = 0;
    for (const ReportKnot& knot : data.knots) {
        (knot.status == KnotStatus::Active ? active : resolved) += 1;
    }
    return std::to_string(active) + " active, " + std::to_string(resolved) +
           " resolved (of the knots rated in this period)";
}

ReportBlock titleBlock(const ReportData& data, const std::string& generatedDate) {
    ReportBlock block;
    block.layout = {62.0, BlockRole::Plain};
    block.draw = [name = data.client.name, generatedDate](PdfPainter& painter,
                                                          const BlockArea& area) {
        painter.text(area.x, area.top + 9.0, "KNOTMAP CLIENT REPORT", FontStyle::Bold, kSmallSize,
                     kMuted);
        painter.text(area.x + area.width, area.top + 9.0, "Generated " + generatedDate,
                     FontStyle::Regular, kSmallSize, kMuted, TextAlign::Right);
        const double nameWidth = area.width;
        const std::string shown = truncateToWidth(
            name, nameWidth,
            [&](std::string_view s) { return painter.textWidth(s, FontStyle::Bold, kTitleSize); },
            painter.document().ellipsis());
        painter.text(area.x, area.top + 34.0, shown, FontStyle::Bold, kTitleSize, kInk);
    };
    return block;
}

ReportBlock factsBlock(const PdfDocument& document,
                       std::vector<std::pair<std::string, std::string>> facts) {
    ReportBlock block;
    block.layout = {static_cast<double>(facts.size()) * kRowHeight + 10.0, BlockRole::Plain};
    block.draw = [&document, facts = std::move(facts)](PdfPainter& painter, const BlockArea& area) {
        const auto measure = [&document](std::string_view s) {
            return document.textWidth(s, FontStyle::Regular, kBodySize);
        };
        for (std::size_t i = 0; i < facts.size(); ++i) {
            const double baseline = area.top + 11.0 + static_cast<double>(i) * kRowHeight;
            painter.text(area.x, baseline, facts[i].first, FontStyle::Bold, kBodySize, kMuted);
            const std::string value = truncateToWidth(facts[i].second, area.width - kValueIndent,
                                                      measure, document.ellipsis());
            painter.text(area.x + kValueIndent, baseline, value, FontStyle::Regular, kBodySize,
                         kInk);
        }
    };
    return block;
}

} // namespace

std::string overallPainText(const ReportData& data) {
    const RangeChange& change = data.overallChange;
    if (change.ratings == 0) {
        return "not rated in this period";
    }
    if (change.story == RangeStory::NotEnough) {
        return rangeHeadline(change);
    }
    return rangeHeadline(change) + " (" + rangeDetail(change) + ")";
}

std::string periodText(const ReportData& data) {
    const std::string from = data.requested.from.value_or(data.firstSessionDate);
    const std::string to = data.requested.to.value_or(data.lastSessionDate);
    if (from.empty() && to.empty()) {
        return "all dates (no sessions recorded)";
    }
    if (from.empty()) {
        return "up to " + to;
    }
    return from + " to " + (to.empty() ? "latest" : to);
}

std::vector<ReportBlock> summaryBlocks(const ReportData& data, const PdfDocument& document,
                                       const std::string& generatedDate) {
    std::vector<std::pair<std::string, std::string>> facts;
    if (data.client.birthYear) {
        facts.emplace_back("Born", std::to_string(*data.client.birthYear));
    }
    facts.emplace_back("Period", periodText(data));
    facts.emplace_back("Sessions", sessionsText(data));
    facts.emplace_back("Knots", knotsText(data));
    facts.emplace_back("Overall pain", overallPainText(data));
    std::vector<ReportBlock> blocks;
    blocks.push_back(titleBlock(data, generatedDate));
    blocks.push_back(headingBlock("Summary"));
    blocks.push_back(factsBlock(document, std::move(facts)));
    return blocks;
}

} // namespace knotmap::report
