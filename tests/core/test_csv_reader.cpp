#include "core/csv_reader.h"
#include "core/csv_writer.h"

#include <doctest/doctest.h>

#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using knotmap::CsvError;
using knotmap::CsvHeaderCheck;
using knotmap::CsvLimits;
using knotmap::CsvReader;
using knotmap::CsvReadResult;
using knotmap::CsvRecord;

namespace {

using Rows = std::vector<std::vector<std::string>>;

std::string describe(const std::optional<CsvError>& error) {
    return error ? error->describe() : "no error";
}

CsvReadResult readStream(std::string_view text, CsvLimits limits, std::size_t chunkBytes) {
    std::istringstream in{std::string(text)};
    CsvReader reader(in, limits, chunkBytes);
    CsvReadResult result;
    CsvRecord record;
    while (reader.next(record)) {
        result.records.push_back(record);
    }
    result.hadByteOrderMark = reader.hadByteOrderMark();
    result.error = reader.error();
    return result;
}

void checkSame(const CsvReadResult& expected, const CsvReadResult& actual) {
    REQUIRE(actual.records.size() == expected.records.size());
    for (std::size_t i = 0; i < expected.records.size(); ++i) {
        CHECK(actual.records[i].line == expected.records[i].line);
        CHECK(actual.records[i].fields == expected.records[i].fields);
        CHECK(actual.records[i].columns == expected.records[i].columns);
    }
    CHECK(actual.hadByteOrderMark == expected.hadByteOrderMark);
    CHECK(describe(actual.error) == describe(expected.error));
}

// Reads the text in place, then as a stream in chunks small enough to split
// every character and line end, and checks that all readings agree: every
// test below also covers the stream path.
CsvReadResult read(std::string_view text, CsvLimits limits = {}) {
    CsvReadResult result = knotmap::readCsv(text, limits);
    for (std::size_t chunk : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{65536}}) {
        CAPTURE(chunk);
        checkSame(result, readStream(text, limits, chunk));
    }
    return result;
}

Rows rowsOf(const CsvReadResult& result) {
    Rows rows;
    for (const CsvRecord& record : result.records) {
        rows.push_back(record.fields);
    }
    return rows;
}

// The first error's full text, or "no error".
std::string errorOf(std::string_view text, CsvLimits limits = {}) {
    return describe(read(text, limits).error);
}

std::string writeRows(const Rows& rows) {
    std::ostringstream out;
    {
        knotmap::CsvWriter csv(out);
        for (const auto& row : rows) {
            for (const std::string& field : row) {
                csv.field(field);
            }
            csv.endRow();
        }
    }
    return out.str();
}

const std::string kUtf8Hint = " (save the file as UTF-8)";

} // namespace

TEST_CASE("an empty input has no records") {
    const CsvReadResult result = read("");
    CHECK(result.records.empty());
    CHECK_FALSE(result.error);
    CHECK_FALSE(result.hadByteOrderMark);
}

TEST_CASE("records split at commas and at CRLF or LF line ends") {
    const CsvReadResult result = read("a,b\r\nc,d\ne,f\r\n");
    CHECK(rowsOf(result) == Rows{{"a", "b"}, {"c", "d"}, {"e", "f"}});
    REQUIRE(result.records.size() == 3);
    CHECK(result.records[0].line == 1);
    CHECK(result.records[1].line == 2);
    CHECK(result.records[2].line == 3);
    CHECK(result.records[1].columns == std::vector<std::int64_t>{1, 3});
}

TEST_CASE("the last line end is optional") {
    CHECK(rowsOf(read("a,b\r\nc")) == Rows{{"a", "b"}, {"c"}});
    CHECK(rowsOf(read("a,b\nc")) == Rows{{"a", "b"}, {"c"}});
    CHECK(rowsOf(read("a,\"b\"")) == Rows{{"a", "b"}});
    CHECK(rowsOf(read("a,")) == Rows{{"a", ""}});
}

TEST_CASE("empty fields and blank lines are kept") {
    CHECK(rowsOf(read(",,\r\n")) == Rows{{"", "", ""}});
    CHECK(rowsOf(read("\"\",x,\"\"\r\n")) == Rows{{"", "x", ""}});
    // A blank line is a record with one empty field: what CsvWriter writes
    // for such a record, so the two round-trip.
    CHECK(rowsOf(read("a\r\n\r\nb\r\n")) == Rows{{"a"}, {""}, {"b"}});
    CHECK(rowsOf(read("\r\n")) == Rows{{""}});
    CHECK(rowsOf(read("\n\n")) == Rows{{""}, {""}});
}

TEST_CASE("quoted fields hold commas, doubled quotes and line breaks") {
    const CsvReadResult result =
        read("\"tight, sore\",\"the \"\"pop\"\"\",\"a\r\nb\",\"c\nd\",\"e\rf\",\"\"\"\"\r\n");
    CHECK(rowsOf(result) == Rows{{"tight, sore", "the \"pop\"", "a\r\nb", "c\nd", "e\rf", "\""}});
    CHECK_FALSE(result.error);
}

TEST_CASE("a record spanning lines reports the line it starts on") {
    const CsvReadResult result =
        read("id,notes\r\n1,\"first\r\nsecond\nthird\"\r\n2,\"x\"\r\n3,\"\r\n\"");
    CHECK(rowsOf(result) ==
          Rows{{"id", "notes"}, {"1", "first\r\nsecond\nthird"}, {"2", "x"}, {"3", "\r\n"}});
    REQUIRE(result.records.size() == 4);
    CHECK(result.records[1].line == 2);
    CHECK(result.records[1].columns == std::vector<std::int64_t>{1, 3});
    CHECK(result.records[2].line == 5);
    CHECK(result.records[3].line == 6);
}

TEST_CASE("fields after a line break inside quotes get columns on the line they start on") {
    const CsvReadResult result = read("\"a\nbc\",d,\"e\"\r\n");
    REQUIRE(result.records.size() == 1);
    CHECK(result.records[0].columns == std::vector<std::int64_t>{1, 5, 7});
}

TEST_CASE("columns count UTF-8 characters, not bytes") {
    const CsvReadResult result = read("é,肩こり,💪,x\r\n");
    REQUIRE(result.records.size() == 1);
    CHECK(result.records[0].fields == std::vector<std::string>{"é", "肩こり", "💪", "x"});
    CHECK(result.records[0].columns == std::vector<std::int64_t>{1, 3, 7, 9});
    CHECK(errorOf("💪,a\"b") ==
          "line 1, column 4: a quote inside an unquoted field (quote the field and double the "
          "quote)");
}

TEST_CASE("a leading byte order mark is skipped and reported") {
    const CsvReadResult result = read("\xEF\xBB\xBF"
                                      "client_id,notes\r\n1,x\r\n");
    CHECK(result.hadByteOrderMark);
    CHECK(rowsOf(result) == Rows{{"client_id", "notes"}, {"1", "x"}});
    REQUIRE(result.records.size() == 2);
    CHECK(result.records[0].columns == std::vector<std::int64_t>{1, 11});

    const CsvReadResult quoted = read("\xEF\xBB\xBF\"a,b\"");
    CHECK(quoted.hadByteOrderMark);
    CHECK(rowsOf(quoted) == Rows{{"a,b"}});

    // Only the first mark is skipped: a second one is the first field's text.
    const CsvReadResult twice = read("\xEF\xBB\xBF\xEF\xBB\xBF");
    CHECK(twice.hadByteOrderMark);
    CHECK(rowsOf(twice) == Rows{{"\xEF\xBB\xBF"}});

    const CsvReadResult onlyMark = read("\xEF\xBB\xBF");
    CHECK(onlyMark.hadByteOrderMark);
    CHECK(onlyMark.records.empty());
    CHECK_FALSE(onlyMark.error);
}

TEST_CASE("a byte order mark after the start is data, and half a mark is invalid UTF-8") {
    const CsvReadResult later = read("a,\xEF\xBB\xBF"
                                     "b\r\n");
    CHECK_FALSE(later.hadByteOrderMark);
    CHECK(rowsOf(later) == Rows{{"a", "\xEF\xBB\xBF"
                                      "b"}});
    CHECK(errorOf("\xEF\xBB") == "line 1, column 1: invalid UTF-8: the file ends in the middle "
                                 "of a character (is the file cut short?)");
}

TEST_CASE("tricky values round-trip through CsvWriter") {
    const std::string large(100 * 1000, 'k');
    std::string largeQuoted;
    for (int i = 0; i < 10000; ++i) {
        largeQuoted += "a,\"b\"\r\n\n\r";
    }
    const Rows rows{
        {"client_id", "client_name", "notes"},
        {"1", "Zoë Fernández", "tight, sore"},
        {"2", "the \"pop\"", "line1\nline2"},
        {"3", "cr\rhere", "crlf\r\ninside"},
        {"4", "", ""},
        {"", "", ""},
        {"5", "💪 肩こり ñ", "\"\"\""},
        {"6", ",", "\r\n"},
        {"7", " leading and trailing spaces ", "\t"},
        {"8", large, largeQuoted},
        {""},
        {"=SUM(A1)", "-3", "@x"},
    };
    const std::string text = writeRows(rows);
    const CsvReadResult result = read(text);
    CHECK_FALSE(result.error);
    CHECK(rowsOf(result) == rows);
}

TEST_CASE("numbers written by CsvWriter read back as their text") {
    std::ostringstream out;
    {
        knotmap::CsvWriter csv(out);
        csv.field(std::int64_t{-7});
        csv.field(0.1);
        csv.field(std::optional<int>{});
        csv.endRow();
    }
    CHECK(rowsOf(read(out.str())) == Rows{{"-7", "0.1", ""}});
}

TEST_CASE("a quote inside an unquoted field is an error at the quote") {
    std::string text;
    for (int i = 0; i < 11; ++i) {
        text += "1,2\r\n";
    }
    text += "12,x\"y\r\n";
    const CsvReadResult result = read(text);
    CHECK(result.records.size() == 11);
    CHECK(describe(result.error) == "line 12, column 5: a quote inside an unquoted field (quote "
                                    "the field and double the quote)");
    CHECK(errorOf("ab\"") == "line 1, column 3: a quote inside an unquoted field (quote the "
                             "field and double the quote)");
}

TEST_CASE("text after a closing quote is an error") {
    const std::string message = ": text after the closing quote of a field (quote the whole "
                                "field and double any quote inside it)";
    CHECK(errorOf("\"ab\"c,d\r\n") == "line 1, column 5" + message);
    CHECK(errorOf("x,\"a\nb\" \r\n") == "line 2, column 3" + message);
    CHECK(errorOf("\"a\"\"b\"\"\"x") == "line 1, column 9" + message);
}

TEST_CASE("an unterminated quoted field is reported where it starts") {
    const std::string message = ": a quoted field that is never closed (add the closing quote)";
    CHECK(errorOf("a,b\r\n1,\"never\r\nclosed\r\n3,x\r\n") == "line 2, column 3" + message);
    CHECK(errorOf("\"") == "line 1, column 1" + message);
    CHECK(errorOf("\"a\"\"") == "line 1, column 1" + message);
    const CsvReadResult result = read("ok\r\n\"open");
    CHECK(rowsOf(result) == Rows{{"ok"}});
}

TEST_CASE("a carriage return outside quotes must start a CRLF") {
    const std::string message = ": a carriage return (CR) without a line feed (LF) outside quotes "
                                "(quote the field or end the line with CRLF or LF)";
    CHECK(errorOf("a\rb\r\n") == "line 1, column 2" + message);
    CHECK(errorOf("a,b\r") == "line 1, column 4" + message);
    CHECK(errorOf("a\n\"b\"\rc") == "line 2, column 4" + message);
    CHECK(errorOf("\r\r\n") == "line 1, column 1" + message);
}

TEST_CASE("invalid UTF-8 is an error at the character it breaks") {
    // Latin-1 "café," from a program that did not save as UTF-8.
    CHECK(errorOf("caf\xE9,x\r\n") ==
          "line 1, column 4: invalid UTF-8: a character cut short by byte 0x2C" + kUtf8Hint);
    CHECK(errorOf("a\n\"b\n\xC3(\"") ==
          "line 3, column 1: invalid UTF-8: a character cut short by byte 0x28" + kUtf8Hint);
    CHECK(errorOf("\xE2\x82") == "line 1, column 1: invalid UTF-8: the file ends in the middle "
                                 "of a character (is the file cut short?)");
    CHECK(errorOf("ab,\"\xF0\x9F\x92") == "line 1, column 5: invalid UTF-8: the file ends in the "
                                          "middle of a character (is the file cut short?)");
    CHECK(errorOf("a,\x80") ==
          "line 1, column 3: invalid UTF-8: byte 0x80 continues a character that never started" +
              kUtf8Hint);
    CHECK(errorOf("\xE2\x82\xAC\xAC") ==
          "line 1, column 2: invalid UTF-8: byte 0xAC continues a character that never started" +
              kUtf8Hint);
    CHECK(errorOf("x\xC3\"") ==
          "line 1, column 2: invalid UTF-8: a character cut short by byte 0x22" + kUtf8Hint);
    CHECK(errorOf("\xC3\n") ==
          "line 1, column 1: invalid UTF-8: a character cut short by byte 0x0A" + kUtf8Hint);
}

TEST_CASE("overlong encodings, surrogates and code points beyond U+10FFFF are rejected") {
    const std::string overlong =
        "line 1, column 1: invalid UTF-8: an overlong encoding" + kUtf8Hint;
    CHECK(errorOf("\xC0\xAF") == overlong);         // '/' in two bytes
    CHECK(errorOf("\xC1\xBF") == overlong);         // U+007F in two bytes
    CHECK(errorOf("\xE0\x80\xAF") == overlong);     // '/' in three bytes
    CHECK(errorOf("\xE0\x9F\xBF") == overlong);     // U+07FF in three bytes
    CHECK(errorOf("\xF0\x80\x80\xAF") == overlong); // '/' in four bytes
    CHECK(errorOf("\xF0\x8F\xBF\xBF") == overlong); // U+FFFF in four bytes
    const std::string surrogate =
        "line 1, column 1: invalid UTF-8: an encoded UTF-16 surrogate (U+D800 to U+DFFF)" +
        kUtf8Hint;
    CHECK(errorOf("\xED\xA0\x80") == surrogate);
    CHECK(errorOf("\xED\xBF\xBF") == surrogate);
    const std::string beyond =
        "line 1, column 1: invalid UTF-8: a code point beyond U+10FFFF" + kUtf8Hint;
    CHECK(errorOf("\xF4\x90\x80\x80") == beyond);
    CHECK(errorOf("\xF5\x80\x80\x80") ==
          "line 1, column 1: invalid UTF-8: byte 0xF5 never appears in UTF-8" + kUtf8Hint);
    CHECK(errorOf("\xFF") ==
          "line 1, column 1: invalid UTF-8: byte 0xFF never appears in UTF-8" + kUtf8Hint);
}

TEST_CASE("the edges of every UTF-8 range are accepted") {
    const std::string edges = "\x7F,\xC2\x80,\xDF\xBF,\xE0\xA0\x80,\xED\x9F\xBF,\xEE\x80\x80,"
                              "\xEF\xBF\xBF,\xF0\x90\x80\x80,\xF4\x8F\xBF\xBF";
    const CsvReadResult result = read(edges);
    CHECK_FALSE(result.error);
    REQUIRE(result.records.size() == 1);
    CHECK(result.records[0].size() == 9);
    CHECK(result.records[0].columns.back() == 17);
}

TEST_CASE("a field longer than the limit is an error at the field") {
    CsvLimits small;
    small.maxFieldBytes = 8;
    CHECK(errorOf("a,12345678\r\n", small) == "no error");
    CHECK(errorOf("a,123456789\r\n", small) ==
          "line 1, column 3: a field longer than the limit of 8 bytes (is a closing quote "
          "missing?)");
    CHECK(errorOf("a\r\nb,\"1234\n56789\"\r\n", small) ==
          "line 2, column 3: a field longer than the limit of 8 bytes (is a closing quote "
          "missing?)");

    // The default is twice the longest text the database holds (a 1 MiB note).
    const std::string limit(std::size_t{2} << 20, 'x');
    CHECK_FALSE(knotmap::readCsv(limit).error);
    CHECK(describe(knotmap::readCsv(limit + "x").error) ==
          "line 1, column 1: a field longer than the limit of 2 MiB (is a closing quote "
          "missing?)");
    CHECK(describe(knotmap::readCsv("a,\"" + limit + "x").error) ==
          "line 1, column 3: a field longer than the limit of 2 MiB (is a closing quote "
          "missing?)");
}

TEST_CASE("a record with too many fields is an error at the first one too many") {
    CsvLimits small;
    small.maxFields = 3;
    CHECK(errorOf("a,b,c\r\n", small) == "no error");
    CHECK(errorOf("a,b,c\r\nd,e,f,g\r\n", small) ==
          "line 2, column 7: a record with more than 3 fields (is the file comma separated?)");

    std::string fields(1023, ',');
    CHECK(knotmap::readCsv(fields).records.at(0).size() == 1024);
    CHECK(describe(knotmap::readCsv(fields + ",").error) ==
          "line 1, column 1025: a record with more than 1024 fields (is the file comma "
          "separated?)");
}

TEST_CASE("a record longer than the limit is an error at the field that crosses it") {
    CsvLimits small;
    small.maxRecordBytes = 6;
    CHECK(errorOf("abc,def\r\nx\r\n", small) == "no error");
    CHECK(errorOf("abc,defg\r\n", small) ==
          "line 1, column 5: a record longer than the limit of 6 bytes (is a closing quote "
          "missing?)");
}

TEST_CASE("reading stops at the first error and keeps the records before it") {
    const CsvReadResult result = read("a\r\nb\r\nc\"\r\nd\r\n");
    CHECK(rowsOf(result) == Rows{{"a"}, {"b"}});
    CHECK(describe(result.error) == "line 3, column 2: a quote inside an unquoted field (quote "
                                    "the field and double the quote)");

    CsvReader reader("x\"\r\ny\r\n");
    CsvRecord record;
    CHECK_FALSE(reader.next(record));
    CHECK_FALSE(reader.next(record));
    CHECK(record.fields.empty());
    REQUIRE(reader.error());
    CHECK(reader.error()->line == 1);
    CHECK(reader.error()->column == 2);
}

namespace {

// A stream whose storage fails on the first read, like a disk error.
class FailingBuffer : public std::streambuf {
protected:
    int_type underflow() override { throw std::runtime_error("disk error"); }
};

} // namespace

TEST_CASE("a stream that cannot be read is an error, not a short file") {
    FailingBuffer buffer;
    std::istream in(&buffer);
    const CsvReadResult result = knotmap::readCsv(in);
    CHECK(result.records.empty());
    CHECK(describe(result.error) == "line 1, column 1: the file could not be read to the end");
}

TEST_CASE("an error without a column names the line only") {
    CHECK(CsvError{7, 0, "a blank line"}.describe() == "line 7: a blank line");
    CHECK(CsvError{7, 3, "x"}.describe() == "line 7, column 3: x");
}

TEST_CASE("the header check accepts the expected columns") {
    const CsvHeaderCheck check({"client_id", "session_id", "pain"});
    const CsvReadResult result = read("client_id,session_id,pain\r\n");
    CHECK_FALSE(check.check(result.records.at(0)));
    CHECK(check.expected().size() == 3);
}

TEST_CASE("the header check describes the first difference") {
    const CsvHeaderCheck check({"client_id", "session_id", "knot_id", "pain", "notes"});
    auto firstDifference = [&](std::string_view header) {
        return describe(check.check(read(header).records.at(0)));
    };
    CHECK(firstDifference("client_id,session_id,session,pain,notes") ==
          "line 1, column 22: column 3 is 'session'; expected 'knot_id'");
    CHECK(firstDifference("client_id,session_id,knot_id,notes") ==
          "line 1, column 30: missing column 'pain'");
    CHECK(firstDifference("client_id,session_id,knot_id,pain") == "line 1: missing column 'notes'");
    CHECK(firstDifference("client_id,foo,session_id,knot_id,pain,notes") ==
          "line 1, column 11: extra column 'foo'");
    CHECK(firstDifference("client_id,session_id,knot_id,pain,notes,foo") ==
          "line 1, column 41: extra column 'foo'");
    // Swapped columns are neither missing nor extra.
    CHECK(firstDifference("client_id,knot_id,session_id,pain,notes") ==
          "line 1, column 11: column 2 is 'knot_id'; expected 'session_id'");
    CHECK(firstDifference("\r\n") == "line 1, column 1: column 1 is ''; expected 'client_id'");
}

TEST_CASE("a table read checks the header and drops it") {
    const CsvHeaderCheck check({"id", "notes"});
    const CsvReadResult result =
        knotmap::readCsvTable("\xEF\xBB\xBFid,notes\r\n1,\"a, b\"\r\n2,\r\n", check);
    CHECK_FALSE(result.error);
    CHECK(result.hadByteOrderMark);
    CHECK(rowsOf(result) == Rows{{"1", "a, b"}, {"2", ""}});
    CHECK(result.records.at(0).line == 2);

    std::istringstream in("id,notes\n1,x\n");
    CHECK(rowsOf(knotmap::readCsvTable(in, check)) == Rows{{"1", "x"}});
}

TEST_CASE("a table read reports a bad header, an empty file and rows of the wrong width") {
    const CsvHeaderCheck check({"id", "pain", "notes"});
    auto tableError = [&](std::string_view text) {
        return describe(knotmap::readCsvTable(text, check).error);
    };
    CHECK(tableError("") == "line 1: the file is empty (expected a header row)");
    CHECK(tableError("id,notes\r\n") == "line 1, column 4: missing column 'pain'");
    CHECK(tableError("id,pain,notes\r\n1,2,x\r\n\r\n") ==
          "line 3: a blank line; the header has 3 columns (remove the line)");
    CHECK(tableError("id,pain,notes\r\n1,2\r\n") ==
          "line 2: a row with 2 fields; the header has 3 columns (is a line break in a field "
          "not quoted?)");
    CHECK(tableError("id,pain,notes\r\n1,2,tight,sore\r\n") ==
          "line 2, column 11: a row with 4 fields; the header has 3 columns (is a comma in a "
          "field not quoted?)");
    CHECK(tableError("id,pain,notes\r\n1,2,\"x\r\n") ==
          "line 2, column 5: a quoted field that is never closed (add the closing quote)");
    CHECK(tableError("\"id\r\n") ==
          "line 1, column 1: a quoted field that is never closed (add the closing quote)");
}
