#include "report/report_writer.h"

#include "core/output_file.h"
#include "report/report_body_map.h"
#include "report/report_checkins.h"
#include "report/report_summary.h"
#include "report/report_tables.h"
#include "report/report_trends.h"
#include "report/report_visits.h"

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace knotmap::report {
namespace {

void append(std::vector<ReportBlock>& blocks, std::vector<ReportBlock> more) {
    blocks.insert(blocks.end(), std::make_move_iterator(more.begin()),
                  std::make_move_iterator(more.end()));
}

void drawFooter(PdfPainter& painter, const PageGeometry& page, const ReportData& data,
                int pageNumber, int pageCount) {
    const double y = page.height - page.marginBottom + 30.0;
    const double left = page.marginX;
    const double right = page.width - page.marginX;
    painter.line({left, y - 11.0}, {right, y - 11.0}, {kRule, 0.5});
    painter.text(left, y, data.client.name + "  \u00b7  " + periodText(data), FontStyle::Regular,
                 kTinySize, kMuted);
    painter.text(right, y,
                 "Page " + std::to_string(pageNumber) + " of " + std::to_string(pageCount),
                 FontStyle::Regular, kTinySize, kMuted, TextAlign::Right);
}

} // namespace

std::vector<ReportBlock> layoutReport(const ReportData& data, const PdfDocument& document,
                                      const ReportOptions& options) {
    const PageGeometry page = pageGeometry(options.paper);
    const double width = page.contentWidth();
    std::vector<ReportBlock> blocks = summaryBlocks(data, document, options.generatedDate);
    blocks.push_back(headingBlock("Body map"));
    // As tall as leaves room on the first page for the first row of trend
    // charts (A4: 300 pt); Letter is shorter, so its figures are too.
    const double figureHeight = std::clamp(page.contentHeight() - 430.0, 240.0, 300.0);
    blocks.push_back(bodyMapBlock(data, chartedKnotCount(data), figureHeight));
    append(blocks, trendBlocks(data, document, width));
    append(blocks, effectTableBlocks(data, document, width));
    if (data.sessionCount() == 0) {
        blocks.push_back(headingBlock("Sessions"));
        blocks.push_back(noteBlock(document, "No sessions in this period.", width));
        return blocks;
    }
    // The visits are the clinical record: they come before the check-ins,
    // which can outnumber them many times over.
    append(blocks, visitBlocks(data, document, width));
    append(blocks, checkInBlocks(data, document, width, options.checkIns));
    return blocks;
}

ReportResult writeReport(const ReportData& data, const ReportOptions& options) {
    PdfDocument document;
    const PageGeometry page = pageGeometry(options.paper);
    const std::vector<ReportBlock> blocks = layoutReport(data, document, options);

    std::vector<LayoutBlock> layout;
    layout.reserve(blocks.size());
    for (const ReportBlock& block : blocks) {
        layout.push_back(block.layout);
    }
    const Pagination pagination = paginate(layout, page.contentHeight());

    std::vector<HPDF_Page> pages;
    for (int i = 0; i < pagination.pageCount; ++i) {
        pages.push_back(document.addPage(page.width, page.height));
    }
    for (const Placement& placement : pagination.placements) {
        if (options.progress) { // placements come page by page
            options.progress(placement.page, pagination.pageCount);
        }
        PdfPainter painter(document, pages[static_cast<std::size_t>(placement.page)], page.height);
        const BlockArea area{page.marginX, page.marginTop + placement.top, page.contentWidth()};
        blocks[placement.block].draw(painter, area);
    }
    for (int i = 0; i < pagination.pageCount; ++i) {
        PdfPainter painter(document, pages[static_cast<std::size_t>(i)], page.height);
        drawFooter(painter, page, data, i + 1, pagination.pageCount);
    }
    document.setInfo("Client report: " + data.client.name, "Knotmap",
                     "Muscle knots, pain trends, sessions and treatments, " + periodText(data));
    if (options.progress) {
        options.progress(pagination.pageCount, pagination.pageCount);
    }
    std::string pdf;
    try {
        pdf = document.bytes();
    } catch (const std::exception& error) {
        throw std::runtime_error(options.output.string() +
                                 ": cannot write the report: " + error.what());
    }
    if (options.output == "-") { // `knotmap report -o -`: the PDF on standard output
        OutputFile output(OutputFile::StandardOutput{});
        output.write(pdf);
        output.commit();
    } else {
        writeOutputFile(options.output, pdf, "the report");
    }
    return {pagination.pageCount, document.fontFamily()};
}

} // namespace knotmap::report
