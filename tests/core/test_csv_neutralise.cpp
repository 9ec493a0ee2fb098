#include "core/csv_neutralise.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using knotmap::neutraliseCell;
using knotmap::restoreCell;

TEST_CASE("text that a spreadsheet would run as a formula gets a leading apostrophe") {
    CHECK(neutraliseCell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")");
    CHECK(neutraliseCell("+1 after massage") == "'+1 after massage");
    CHECK(neutraliseCell("-3") == "'-3");
    CHECK(neutraliseCell("-") == "'-");
    CHECK(neutraliseCell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(neutraliseCell("\tindented") == "'\tindented");
    CHECK(neutraliseCell("\rcr first") == "'\rcr first");
}

TEST_CASE("other text is left alone") {
    CHECK(neutraliseCell("").empty());
    CHECK(neutraliseCell("tight, sore") == "tight, sore");
    CHECK(neutraliseCell("3") == "3");
    CHECK(neutraliseCell(" =not first") == " =not first");
    CHECK(neutraliseCell("a=b") == "a=b");
    CHECK(neutraliseCell("\ncr later") == "\ncr later");
    CHECK(neutraliseCell("'tis sore") == "'tis sore");
    CHECK(neutraliseCell("'") == "'");
    CHECK(neutraliseCell("''") == "''");
    CHECK(neutraliseCell("💪 =") == "💪 =");
}

TEST_CASE("text already starting with apostrophes before a formula gets one more") {
    // Without the extra apostrophe restoreCell could not tell the user's
    // "'=x" from a neutralised "=x".
    CHECK(neutraliseCell("'=x") == "''=x");
    CHECK(neutraliseCell("''-2") == "'''-2");
}

TEST_CASE("restoring removes exactly the one apostrophe that neutralising added") {
    CHECK(restoreCell("'=SUM(A1)") == "=SUM(A1)");
    CHECK(restoreCell("'-3") == "-3");
    CHECK(restoreCell("'+") == "+");
    CHECK(restoreCell("'@x") == "@x");
    CHECK(restoreCell("'\tx") == "\tx");
    CHECK(restoreCell("'\rx") == "\rx");
    CHECK(restoreCell("''=x") == "'=x");
}

TEST_CASE("restoring keeps an apostrophe that the user typed") {
    CHECK(restoreCell("").empty());
    CHECK(restoreCell("'") == "'");
    CHECK(restoreCell("''") == "''");
    CHECK(restoreCell("'tis sore") == "'tis sore");
    CHECK(restoreCell("' =x") == "' =x");
    CHECK(restoreCell("=x") == "=x");
    CHECK(restoreCell("-3") == "-3");
    CHECK(restoreCell("plain") == "plain");
}

TEST_CASE("restoring a neutralised cell always gives the original text") {
    const std::vector<std::string> values{"",    "=",    "+",    "-",      "@",    "\t",  "\r",
                                          "'",   "''",   "'=",   "''+",    "'-3",  "-3",  "'tis",
                                          "' =", "=1+2", "x",    "'x'",    "'\t'", "\n",  "'\r\n",
                                          "💪",   "'💪",   "-0.5", "+44 20", "@me",  "'''@"};
    for (const std::string& value : values) {
        CAPTURE(value);
        CHECK(restoreCell(neutraliseCell(value)) == value);
        // Neutralising twice is still reversible one step at a time.
        CHECK(restoreCell(restoreCell(neutraliseCell(neutraliseCell(value)))) == value);
    }
}
