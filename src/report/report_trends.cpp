#include "report/report_trends.h"

#include "core/knot_trend.h"
#include "report/pdf_trend_chart.h"

#include <algorithm>
#include <map>
#include <memory>

namespace knotmap::report {
namespace {

constexpr double kChartHeight = 140.0;
constexpr double kRowGap = 16.0;
constexpr double kColumnGap = 24.0;
constexpr double kDay = 86400.0;

struct SharedAxis {
    double t0 = 0.0;
    double t1 = 0.0;
};

// Every chart spans the whole period, padded a little so the first and last
// dots do not sit on the frame.
SharedAxis periodAxis(const ReportData& data) {
    const auto& sessions = data.history.sessions;
    double t0 = static_cast<double>(sessions.front().startedAt.utcSeconds());
    double t1 = static_cast<double>(sessions.back().startedAt.utcSeconds());
    if (t1 - t0 < kDay) {
        t0 -= kDay;
        t1 += kDay;
    }
    const double pad = (t1 - t0) * 0.02;
    return {t0 - pad, t1 + pad};
}

std::string subtitle(const ReportKnot& knot, const KnotTrend& trend) {
    std::string text = "Latest " + std::to_string(knot.latestPain) + "/10";
    // Compared as the window's Knot tab does: the first stretch of the period
    // against the last, not one rating against another.
    const std::vector<TimedRating> ratings = trendRatings(trend);
    const RangeChange change = rangeChange(ratings, latestSpan(ratings, 0.0));
    if (change.story != RangeStory::NotEnough) {
        text += "  \u00b7  " + rangeHeadline(change);
    }
    if (knot.status == KnotStatus::Resolved) {
        text += "  \u00b7  resolved";
    }
    return text;
}

} // namespace

std::size_t chartedKnotCount(const ReportData& data) {
    return std::min(kChartedKnots, data.knots.size());
}

std::vector<ReportBlock> trendBlocks(const ReportData& data, const PdfDocument& document,
                                     double width) {
    std::vector<ReportBlock> blocks;
    blocks.push_back(headingBlock("Pain trends of the most painful knots"));
    const std::size_t count = chartedKnotCount(data);
    if (count == 0) {
        blocks.push_back(noteBlock(document, "No knots were rated in this period.", width));
        return blocks;
    }
    const SharedAxis axis = periodAxis(data);
    auto charts = std::make_shared<std::vector<TrendChartInput>>();
    auto trends = std::make_shared<std::vector<KnotTrend>>();
    trends->reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const ReportKnot& knot = data.knots[i];
        trends->push_back(knotTrend(data.history, knot.id));
        charts->push_back({std::to_string(i + 1) + "  " + knot.name, subtitle(knot, trends->back()),
                           &trends->back(), axis.t0, axis.t1, data.utcOffsetMinutes});
    }
    for (std::size_t row = 0; row * 2 < count; ++row) {
        ReportBlock block;
        block.layout = {kChartHeight + kRowGap, BlockRole::Plain};
        block.draw = [charts, trends, row](PdfPainter& painter, const BlockArea& area) {
            const double chartWidth = (area.width - kColumnGap) / 2;
            for (std::size_t column = 0; column < 2; ++column) {
                const std::size_t index = row * 2 + column;
                if (index < charts->size()) {
                    drawTrendChart(painter, (*charts)[index],
                                   area.x + static_cast<double>(column) * (chartWidth + kColumnGap),
                                   area.top, chartWidth, kChartHeight);
                }
            }
        };
        blocks.push_back(std::move(block));
    }
    // The key names every treatment kind on these charts, in name order, so
    // each glyph can be looked up; its style is the kind's own, as in the window.
    std::map<std::string, std::string> kindsByName;
    for (const KnotTrend& trend : *trends) {
        for (const KnotTrendTreatment& treatment : trend.treatments) {
            kindsByName.emplace(data.treatmentName(treatment.kindCode), treatment.kindCode);
        }
    }
    std::vector<std::pair<std::string, std::string>> kinds;
    for (const auto& [name, code] : kindsByName) {
        kinds.emplace_back(code, name);
    }
    blocks.push_back(trendLegendBlock(document, kinds, width));
    return blocks;
}

} // namespace knotmap::report
