#include "report/report_visits.h"

#include <iterator>

namespace knotmap::report {
namespace {

constexpr double kIndent = 10.0;
constexpr Srgb kAmendmentInk{0.55, 0.20, 0.12}; // amendments stand out from the signed text

void append(std::vector<ReportBlock>& blocks, std::vector<ReportBlock> more) {
    blocks.insert(blocks.end(), std::make_move_iterator(more.begin()),
                  std::make_move_iterator(more.end()));
}

std::string rating(const char* name, std::optional<int> value) {
    return std::string(name) + " " + (value ? std::to_string(*value) + "/10" : "not rated");
}

std::string join(const std::vector<std::string>& parts, const std::string& separator) {
    std::string text;
    for (const std::string& part : parts) {
        text += (text.empty() ? "" : separator) + part;
    }
    return text;
}

// A labelled part of the record ("Plan") and its text in full; nothing when
// the text is empty, so an unused field takes no room.
void field(std::vector<ReportBlock>& blocks, const PdfDocument& document, const char* label,
           const std::string& text, double width) {
    if (text.empty()) {
        return;
    }
    blocks.push_back(subheadingBlock(label, false));
    append(blocks, paragraphBlocks(document, text, width, kIndent));
}

void list(std::vector<ReportBlock>& blocks, const PdfDocument& document, const char* label,
          const std::vector<std::string>& items, double width) {
    if (items.empty()) {
        return;
    }
    blocks.push_back(subheadingBlock(label, false));
    for (const std::string& item : items) {
        append(blocks, paragraphBlocks(document, "\u2022 " + item, width, kIndent));
    }
}

void amendments(std::vector<ReportBlock>& blocks, const PdfDocument& document,
                const VisitRecord& visit, double width) {
    if (visit.amendments.empty()) {
        return;
    }
    blocks.push_back(subheadingBlock(
        "Amendments (" + std::to_string(visit.amendments.size()) + ", oldest first)", false));
    for (const AmendmentLine& line : visit.amendments) {
        std::string head = line.what + " amended on " + line.when + " by " + line.author;
        head += line.reason.empty() ? "" : ". Reason: " + line.reason;
        std::vector<ReportBlock> headBlocks =
            paragraphBlocks(document, head, width, kIndent, FontStyle::Bold, kAmendmentInk);
        // Never strand what was amended at the foot of a page without its original.
        headBlocks.back().layout.role = BlockRole::Heading;
        append(blocks, std::move(headBlocks));
        append(blocks, paragraphBlocks(document, "Original: " + line.original, width, 2 * kIndent,
                                       FontStyle::Regular, kMuted));
        append(blocks, paragraphBlocks(document, "Amended: " + line.amended, width, 2 * kIndent));
    }
}

} // namespace

std::string signatureText(const VisitRecord& visit) {
    if (visit.signedBy.empty()) {
        return "Unsigned: this visit has not been signed and may still change.";
    }
    return "Signed by " + visit.signedBy + " on " + visit.signedWhen;
}

std::vector<ReportBlock> visitRecordBlocks(const VisitRecord& visit, const PdfDocument& document,
                                           double width) {
    std::vector<ReportBlock> blocks;
    std::string title = visit.date + "  " + visit.time + "  \u00b7  Therapy visit";
    if (!visit.therapist.empty()) {
        title += "  \u00b7  " + visit.therapist;
    }
    blocks.push_back(subheadingBlock(title, true));
    append(blocks, paragraphBlocks(document, signatureText(visit), width, kIndent, FontStyle::Bold,
                                   visit.signedBy.empty() ? kMuted : kInk));
    std::string ratings = rating("Overall pain", visit.overallPain) + "  \u00b7  " +
                          rating("stress", visit.stress) + "  \u00b7  " +
                          rating("sleep", visit.sleep);
    if (!visit.triggers.empty()) {
        ratings += "  \u00b7  triggers: " + join(visit.triggers, ", ");
    }
    append(blocks, paragraphBlocks(document, ratings, width, kIndent));
    field(blocks, document, "Subjective", visit.subjective, width);
    field(blocks, document, "Objective", visit.objective, width);
    list(blocks, document, "Knots rated", visit.ratings, width);
    field(blocks, document, "Assessment", visit.assessment, width);
    list(blocks, document, "Treatments", visit.treatments, width);
    field(blocks, document, "Plan", visit.plan, width);
    field(blocks, document, "Notes", visit.notes, width);
    amendments(blocks, document, visit, width);
    ReportBlock gap;
    gap.layout = {12.0, BlockRole::Plain};
    gap.draw = [](PdfPainter&, const BlockArea&) {
    };
    blocks.push_back(std::move(gap));
    return blocks;
}

std::vector<ReportBlock> visitBlocks(const ReportData& data, const PdfDocument& document,
                                     double width) {
    std::vector<ReportBlock> blocks;
    blocks.push_back(headingBlock("Therapy visits"));
    if (data.visitRecords.empty()) {
        blocks.push_back(noteBlock(document, "No therapy visits in this period.", width));
        return blocks;
    }
    blocks.push_back(noteBlock(
        document,
        "Each visit as recorded, oldest first. Where a signed visit was amended, its fields show "
        "the amended text and every amendment is listed with the value it replaced.",
        width));
    for (const VisitRecord& visit : data.visitRecords) {
        append(blocks, visitRecordBlocks(visit, document, width));
    }
    return blocks;
}

} // namespace knotmap::report
