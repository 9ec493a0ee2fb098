// The report as the clinical record, read from its layout data (the text each
// block prints, ReportBlock::text), with a real PDF document for the font's
// metrics: visits in full, signatures, amendments and the check-in modes.
#include "report/checkin_weeks.h"
#include "report/report_checkins.h"
#include "report/report_visits.h"
#include "report/report_writer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace knotmap;
using namespace knotmap::report;

namespace {

// Every line the blocks print, in order.
std::vector<std::string> lines(const std::vector<ReportBlock>& blocks) {
    std::vector<std::string> all;
    for (const ReportBlock& block : blocks) {
        all.insert(all.end(), block.text.begin(), block.text.end());
    }
    return all;
}

std::string joined(const std::vector<std::string>& parts, std::size_t from, std::size_t to) {
    std::string text;
    for (std::size_t i = from; i < to; ++i) {
        text += (text.empty() ? "" : " ") + parts[i];
    }
    return text;
}

std::size_t indexOf(const std::vector<std::string>& all, const std::string& line) {
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i] == line) {
            return i;
        }
    }
    return all.size();
}

bool contains(const std::vector<std::string>& all, const std::string& part) {
    for (const std::string& line : all) {
        if (line.find(part) != std::string::npos) {
            return true;
        }
    }
    return false;
}

// A plan of numbered sentences, so a lost or repeated piece shows.
std::string longPlan(std::size_t atLeast) {
    std::string plan;
    for (int i = 1; plan.size() < atLeast; ++i) {
        plan += (plan.empty() ? "" : " ") + std::string("Step ") + std::to_string(i) +
                ": ischaemic compression of the right upper trapezius, then stretching.";
    }
    return plan;
}

VisitRecord signedVisit() {
    VisitRecord visit;
    visit.date = "2026-03-14";
    visit.time = "09:30";
    visit.therapist = "Dr Ana Ruiz";
    visit.overallPain = 6;
    visit.subjective = "Neck worse after a long drive.";
    visit.objective = "Taut band, local twitch response.";
    visit.assessment = "Active trigger point, upper trapezius.";
    visit.plan = "Weekly for four weeks.";
    visit.ratings = {"Upper trapezius (right): 7/10, Active trigger point"};
    visit.treatments = {"Heat, 10 min, whole session, pain 6 \u2192 4"};
    visit.signedBy = "Dr Ana Ruiz";
    visit.signedWhen = "2026-03-14 10:05";
    visit.amendments.push_back({"Assessment", "Latent trigger point, levator scapulae.",
                                "Active trigger point, upper trapezius.", "Dr Ana Ruiz", 0,
                                "2026-03-15 08:00", "wrong muscle named"});
    return visit;
}

CheckInRecord checkIn(std::string date, std::optional<int> pain, std::vector<std::string> regions,
                      std::string notes = "") {
    CheckInRecord record;
    record.date = std::move(date);
    record.time = "08:00";
    record.overallPain = pain;
    record.knotsRated = static_cast<int>(regions.size());
    record.regions = std::move(regions);
    record.notes = std::move(notes);
    return record;
}

} // namespace

TEST_SUITE("clinical record") {
    TEST_CASE("a 3000-character plan is printed whole, over lines and pages, never shortened") {
        PdfDocument document;
        VisitRecord visit = signedVisit();
        visit.plan = longPlan(3000);
        visit.subjective = longPlan(3000); // together more than an A4 page
        const std::vector<ReportBlock> blocks = visitRecordBlocks(visit, document, 495.0);
        const std::vector<std::string> all = lines(blocks);
        const std::size_t plan = indexOf(all, "Plan");
        REQUIRE(plan < all.size());
        const std::size_t next = indexOf(all, "Amendments (1, oldest first)");
        REQUIRE(next > plan + 20);
        // Wrapping only breaks at spaces: joined with spaces, the lines are the text.
        CHECK(joined(all, plan + 1, next) == visit.plan);
        for (const std::string& line : all) {
            CHECK(line.find("\u2026") == std::string::npos);
            CHECK(document.textWidth(line, FontStyle::Regular, kBodySize) <= 495.0);
        }
        std::vector<LayoutBlock> layout;
        for (const ReportBlock& block : blocks) {
            layout.push_back(block.layout);
        }
        CHECK(paginate(layout, pageGeometry(Paper::A4).contentHeight()).pageCount >= 2);
    }

    TEST_CASE("a visit shows every SOAP field, who signed it and when, and its amendments") {
        PdfDocument document;
        const std::vector<std::string> all = lines(visitRecordBlocks(signedVisit(), document, 495));
        CHECK(all.front() == "2026-03-14  09:30  \u00b7  Therapy visit  \u00b7  Dr Ana Ruiz");
        CHECK(contains(all, "Signed by Dr Ana Ruiz on 2026-03-14 10:05"));
        for (const char* label : {"Subjective", "Objective", "Assessment", "Plan"}) {
            CHECK(indexOf(all, label) < all.size());
        }
        CHECK(contains(all, "Neck worse after a long drive."));
        CHECK(contains(all, "Upper trapezius (right): 7/10"));
        CHECK(contains(all, "Heat, 10 min, whole session"));
        CHECK(contains(all, "Assessment amended on 2026-03-15 08:00 by Dr Ana Ruiz. Reason: "
                            "wrong muscle named"));
        CHECK(contains(all, "Original: Latent trigger point, levator scapulae."));
        CHECK(contains(all, "Amended: Active trigger point, upper trapezius."));
    }

    TEST_CASE("an unsigned visit says it is unsigned") {
        PdfDocument document;
        VisitRecord visit = signedVisit();
        visit.signedBy.clear();
        visit.signedWhen.clear();
        visit.amendments.clear();
        const std::vector<std::string> all = lines(visitRecordBlocks(visit, document, 495));
        CHECK(contains(all, "Unsigned: this visit has not been signed"));
        CHECK_FALSE(contains(all, "Signed by"));
        CHECK_FALSE(contains(all, "Amendments"));
    }

    TEST_CASE("weeks run Monday to Sunday with count, pain range, mean and main regions") {
        // 2026-03-08 is a Sunday, 03-09 a Monday.
        const std::vector<CheckInRecord> checkIns{
            checkIn("2026-03-02", 4, {"Neck", "Back"}),
            checkIn("2026-03-05", 6, {"Neck"}),
            checkIn("2026-03-08", std::nullopt, {"Neck", "Hip"}),
            checkIn("2026-03-09", 3, {}),
        };
        const std::vector<CheckInWeek> weeks = summariseWeeks(checkIns);
        REQUIRE(weeks.size() == 2);
        CHECK(weeks[0].monday == "2026-03-02");
        CHECK(weeks[0].sunday == "2026-03-08");
        CHECK(weeks[0].checkIns == 3);
        CHECK(weeks[0].rated == 2);
        CHECK(painRangeText(weeks[0]) == "4\u20136 (mean 5.0)");
        CHECK(mainRegionsText(weeks[0]) == "Neck \u00d73, Back \u00d71, Hip \u00d71");
        CHECK(weeks[1].monday == "2026-03-09");
        CHECK(painRangeText(weeks[1]) == "3 (mean 3.0)");
        CHECK(mainRegionsText(weeks[1]) == "no knots rated");
    }

    TEST_CASE("check-ins: weekly by default, in full with whole notes, or left out") {
        PdfDocument document;
        ReportData data;
        data.client.name = "Alex Morgan";
        data.checkIns = 3;
        data.visits = 1;
        data.visitRecords.push_back(signedVisit());
        const std::string longNote = longPlan(2500);
        data.checkInRecords = {checkIn("2026-03-02", 4, {"Neck"}, "slept badly"),
                               checkIn("2026-03-03", 5, {"Neck"}, longNote),
                               checkIn("2026-03-10", 2, {"Back"})};
        ReportOptions options;
        CHECK(options.checkIns == CheckInDetail::Weekly);

        const std::vector<std::string> weekly = lines(layoutReport(data, document, options));
        CHECK(indexOf(weekly, "Self check-ins: weekly summary") < weekly.size());
        CHECK(indexOf(weekly, "2026-03-02 \u2013 03-08") < weekly.size());
        CHECK(indexOf(weekly, "4\u20135 (mean 4.5)") < weekly.size());
        CHECK_FALSE(contains(weekly, "slept badly"));
        // The visit is in full whatever the check-in choice.
        CHECK(contains(weekly, "Signed by Dr Ana Ruiz"));
        CHECK(indexOf(weekly, "Therapy visits") <
              indexOf(weekly, "Self check-ins: weekly summary"));

        options.checkIns = CheckInDetail::Full;
        const std::vector<std::string> full = lines(layoutReport(data, document, options));
        CHECK(contains(full, "slept badly"));
        CHECK(contains(full, "2026-03-10"));
        CHECK_FALSE(contains(full, "weekly summary"));
        // The long note is whole: its words in order, split only at spaces.
        const std::size_t first = indexOf(full, "2026-03-03");
        REQUIRE(first < full.size());
        const std::size_t start = indexOf(full, full[first]) + 1;
        std::size_t from = start;
        while (from < full.size() && full[from].rfind("Step 1:", 0) != 0) {
            ++from;
        }
        std::size_t to = from;
        while (to < full.size() && longNote.find(full[to]) != std::string::npos) {
            ++to;
        }
        CHECK(joined(full, from, to) == longNote);

        options.checkIns = CheckInDetail::None;
        const std::vector<std::string> none = lines(layoutReport(data, document, options));
        CHECK(contains(none, "Left out of this report: 3 self check-ins"));
        CHECK_FALSE(contains(none, "slept badly"));
        CHECK_FALSE(contains(none, "weekly summary"));
        CHECK(contains(none, "Signed by Dr Ana Ruiz"));
    }

    TEST_CASE("check-in choices read from and print as the CLI's words") {
        CHECK(checkInDetailFromCode("weekly") == CheckInDetail::Weekly);
        CHECK(checkInDetailFromCode("full") == CheckInDetail::Full);
        CHECK(checkInDetailFromCode("none") == CheckInDetail::None);
        CHECK_FALSE(checkInDetailFromCode("all").has_value());
        CHECK(toCode(CheckInDetail::Full) == "full");
    }
}
