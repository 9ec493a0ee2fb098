#include "core/csv_writer.h"

#include <doctest/doctest.h>

#include <sstream>

namespace {

std::string writeRow(std::initializer_list<std::string_view> fields) {
    std::ostringstream out;
    {
        knotmap::CsvWriter csv(out);
        for (std::string_view field : fields) {
            csv.field(field);
        }
        csv.endRow();
    }
    return out.str();
}

} // namespace

TEST_CASE("plain fields are written bare, rows end with CRLF") {
    CHECK(writeRow({"a", "b c", "42"}) == "a,b c,42\r\n");
}

TEST_CASE("fields with commas, quotes or line breaks are quoted and quotes doubled") {
    CHECK(writeRow({"tight, sore"}) == "\"tight, sore\"\r\n");
    CHECK(writeRow({"the \"pop\""}) == "\"the \"\"pop\"\"\"\r\n");
    CHECK(writeRow({"line1\nline2"}) == "\"line1\nline2\"\r\n");
    CHECK(writeRow({"cr\rhere"}) == "\"cr\rhere\"\r\n");
    CHECK(writeRow({"", "x", ""}) == ",x,\r\n");
}

TEST_CASE("UTF-8 text passes through unchanged") {
    CHECK(writeRow({"Zoë Fernández", "肩こり", "💪"}) == "Zoë Fernández,肩こり,💪\r\n");
}

TEST_CASE("numbers use the shortest text that reads back exactly, and optionals may be empty") {
    std::ostringstream out;
    {
        knotmap::CsvWriter csv(out);
        csv.field(std::int64_t{-7});
        csv.field(0.1);
        csv.field(0.3125);
        csv.field(std::optional<int>{});
        csv.field(std::optional<int>{3});
        csv.endRow();
        CHECK(csv.rowsWritten() == 1);
    }
    CHECK(out.str() == "-7,0.1,0.3125,,3\r\n");
}
