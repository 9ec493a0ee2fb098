#include "report/report_tables.h"

#include "report/report_table.h"

#include <cmath>
#include <cstdio>

namespace knotmap::report {
namespace {

constexpr int kEffectTable = 2;

// A signed change with one decimal and a real minus sign, which reads better
// in print than a hyphen; never "-0.0".
std::string signedValue(double value) {
    const double rounded = std::round(value * 10.0) / 10.0;
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", std::fabs(rounded));
    if (rounded < 0.0) {
        return "\u2212" + std::string(text);
    }
    return (rounded > 0.0 ? "+" : "") + std::string(text);
}

} // namespace

std::string formatEstimate(const std::optional<MeanEstimate>& estimate) {
    if (!estimate || estimate->n == 0) {
        return "\u2013";
    }
    std::string text = signedValue(estimate->mean);
    if (estimate->lower && estimate->upper) {
        text += " (" + signedValue(*estimate->lower) + " to " + signedValue(*estimate->upper) + ")";
    }
    return text + ", n = " + std::to_string(estimate->n);
}

std::vector<ReportBlock> effectTableBlocks(const ReportData& data, const PdfDocument& document,
                                           double width) {
    std::vector<ReportBlock> blocks;
    blocks.push_back(headingBlock("Treatment effect"));
    blocks.push_back(noteBlock(
        document,
        "These are observations from this client's own log, not a controlled trial: the 95% "
        "confidence interval says how precisely the mean is known, not that the treatment "
        "caused the change. Negative is less pain.",
        width));
    if (data.effects.empty()) {
        blocks.push_back(noteBlock(document, "No treatments in this period.", width));
        return blocks;
    }
    const std::vector<double> widths = columnWidths({150, 36, 152, 152}, width);
    const std::vector<TableColumn> columns{
        {"Treatment", widths[0], TextAlign::Left, 2},
        {"Uses", widths[1], TextAlign::Right},
        {"Within session (95% CI)", widths[2]},
        {"To next rating (95% CI)", widths[3]},
    };
    blocks.push_back(tableHeaderBlock(columns, kEffectTable));
    bool shaded = false;
    for (const TreatmentEffect& effect : data.effects) {
        const std::vector<std::string> cells{
            data.treatmentName(effect.kindCode),
            std::to_string(effect.uses),
            formatEstimate(effect.withinSession),
            formatEstimate(effect.toNextObservation),
        };
        blocks.push_back(tableRowBlock(document, columns, cells, kEffectTable, shaded));
        shaded = !shaded;
    }
    blocks.push_back(noteBlock(document,
                               "Within session: pain after minus pain before, where both were "
                               "recorded. To next rating: the treated knot's next rating, at "
                               "least a day later, minus its pain when treated.",
                               width));
    return blocks;
}

} // namespace knotmap::report
