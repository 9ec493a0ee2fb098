#include "ui/dialogs/report_dialog.h"
#include "ui/shell/documents_folder.h"

#include <doctest/doctest.h>

using namespace knotmap::ui;

TEST_CASE("client file label: id and initials, never the name") {
    CHECK(clientFileLabel(12, "Jane Smith") == "client-12-JS");
    CHECK(clientFileLabel(3, "anne-marie o'neil") == "client-3-AMON");
    CHECK(clientFileLabel(7, "Me") == "client-7-M");
    // Non-ASCII initials stay whole UTF-8 characters.
    CHECK(clientFileLabel(4, "\u00c9lodie \u0141ukasz") == "client-4-\u00c9\u0141");
    CHECK(clientFileLabel(5, "A B C D E F") == "client-5-ABCD");
    // Nothing usable as an initial: the id alone.
    CHECK(clientFileLabel(9, "  --  ") == "client-9");
    CHECK(clientFileLabel(9, "") == "client-9");
    // Slashes and dots never reach the file name.
    CHECK(clientFileLabel(1, "../etc/passwd") == "client-1-EP");
}

TEST_CASE("report dialog: the default file names the client by id and initials") {
    const std::string path = defaultReportPath("/home/a/Documents", 12, "Jane Smith", "2026-12-04");
    CHECK(path == "/home/a/Documents/knotmap-report-client-12-JS-2026-12-04.pdf");
    CHECK(path.find("Jane") == std::string::npos);
    CHECK(path.find("Smith") == std::string::npos);
}

TEST_CASE("report dialog: check-ins are summarised per week unless another choice is made") {
    ReportDialogState state;
    state.pathText = "/tmp/r.pdf";
    CHECK(reportRequest(state, 4).checkIns == ReportCheckIns::Weekly);
    CHECK(ReportRequest{}.checkIns == ReportCheckIns::Weekly);
    state.checkIns = 1;
    state.paper = 1;
    const ReportRequest full = reportRequest(state, 4);
    CHECK(full.checkIns == ReportCheckIns::Full);
    CHECK(full.letter);
    CHECK(full.clientId == 4);
    CHECK(full.path == "/tmp/r.pdf");
    state.checkIns = 2;
    CHECK(reportRequest(state, 4).checkIns == ReportCheckIns::None);
}
