#include "core/import_row.h"
#include "core/validation.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace knotmap;
using namespace std::string_literals;

namespace {

const std::vector<std::string> kColumns = {"pain", "notes", "label"};
const std::string kFile = "observations.csv";

CsvRecord record(std::vector<std::string> fields) {
    CsvRecord made;
    made.line = 4;
    made.fields = std::move(fields);
    for (std::size_t i = 0; i < made.fields.size(); ++i) {
        made.columns.push_back(static_cast<std::int64_t>(i) * 3 + 1);
    }
    return made;
}

} // namespace

TEST_CASE("a control character in any cell is refused with its column and character") {
    const CsvRecord bad = record({"5\x01", "sore\0 after"s, "ok"});
    ImportProblems problems;
    ImportRow row(bad, kColumns, kFile, problems, true);
    // The cell is reported once, for its character: not also as a bad number.
    CHECK(row.integer(0, 0, 10) == 0);
    (void)row.text(1, kMaxNoteBytes);
    CHECK(row.text(2, kMaxNameBytes) == "ok");
    CHECK_FALSE(row.ok());
    CHECK(problems.describe() ==
          "observations.csv, line 4, column 1 (pain): control character U+0001 at character 2 is "
          "not allowed\n"
          "observations.csv, line 4, column 2 (notes): control character U+0000 at character 5 is "
          "not allowed\n");
}

TEST_CASE("tab, LF and CR are text; DEL and the C1 controls are not") {
    ImportProblems problems;
    const CsvRecord good = record({"3", "tight\tband\r\nnext day", "\xC2\xA0spaced"});
    ImportRow fine(good, kColumns, kFile, problems, true);
    CHECK(fine.ok());
    CHECK(problems.empty());
    const CsvRecord bad = record({"3", "a\x7F", "Zo\xC3\xAB\xC2\x85"});
    ImportRow refused(bad, kColumns, kFile, problems, true);
    CHECK(problems.describe() ==
          "observations.csv, line 4, column 2 (notes): control character U+007F at character 2 "
          "is not allowed\n"
          "observations.csv, line 4, column 3 (label): control character U+0085 at character 4 "
          "is not allowed\n");
}

TEST_CASE("a text cell over its limit is refused at its column; the limit is what is stored") {
    ImportProblems problems;
    // A note at the limit that the export neutralised: one byte longer in the
    // file, the limit once the apostrophe is gone.
    const std::string atLimit = "'=" + std::string(kMaxNoteBytes - 1, 'x');
    const CsvRecord good = record({"3", atLimit, std::string(kMaxNameBytes, 'l')});
    ImportRow fine(good, kColumns, kFile, problems, true);
    CHECK(fine.text(1, kMaxNoteBytes).size() == kMaxNoteBytes);
    CHECK(fine.text(2, kMaxNameBytes).size() == kMaxNameBytes);
    CHECK(problems.empty());

    const CsvRecord bad = record({"3", std::string(kMaxNoteBytes + 1, 'x'), ""});
    ImportRow refused(bad, kColumns, kFile, problems, true);
    (void)refused.text(1, kMaxNoteBytes);
    CHECK(problems.describe() == "observations.csv, line 4, column 2 (notes): is 1048577 bytes "
                                 "long; the limit is 1 MiB (1048576 bytes)\n");
}

TEST_CASE("a message never carries a control character, it spells it out") {
    CHECK(quotedValue("a\tb\r\nc") == "'a\\tb\\r\\nc'");
    CHECK(quotedValue("x\0y\x1B"s) == "'x\\x00y\\x1B'");
    CHECK(quotedValue("\x7F\xC2\x85\xC2\xA0") == "'\\x7F\\u0085\xC2\xA0'");
}

TEST_CASE("problems past the kept ones are counted in bounded memory") {
    ImportProblems problems(3);
    for (int i = 0; i < 300000; ++i) {
        const CsvRecord bad = record({"11", "", ""});
        ImportRow row(bad, kColumns, kFile, problems, true);
        (void)row.integer(0, 0, 10);
    }
    problems.countMore(5);
    CHECK(problems.full());
    CHECK(problems.count() == 300005);
    CHECK(problems.kept().size() == 3);
    CHECK(problems.kept().capacity() < 16);
}
