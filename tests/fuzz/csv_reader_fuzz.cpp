// libFuzzer target for the CSV reader (scripts/run-tests, docs/development.md).
// Besides crashes and sanitizer reports it checks three properties, any of
// which aborts when broken:
// - reading in place and reading from a stream in tiny chunks agree, so a
//   chunk boundary can never change what a file means;
// - whatever the reader accepts, CsvWriter writes back (with or without a
//   byte order mark) as text the reader reads to the very same records;
// - restoreCell undoes neutraliseCell, and CsvWriter::textField, for every
//   field.
#include "core/csv_neutralise.h"
#include "core/csv_reader.h"
#include "core/csv_writer.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

void require(bool condition, const char* property) {
    if (!condition) {
        std::fprintf(stderr, "csv_reader_fuzz: property broken: %s\n", property);
        std::abort();
    }
}

bool sameError(const knotmap::CsvReadResult& a, const knotmap::CsvReadResult& b) {
    if (a.error.has_value() != b.error.has_value()) {
        return false;
    }
    return !a.error || (a.error->line == b.error->line && a.error->column == b.error->column &&
                        a.error->message == b.error->message);
}

bool sameRecords(const knotmap::CsvReadResult& a, const knotmap::CsvReadResult& b,
                 bool comparePositions) {
    if (a.records.size() != b.records.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.records.size(); ++i) {
        const knotmap::CsvRecord& x = a.records[i];
        const knotmap::CsvRecord& y = b.records[i];
        if (x.fields != y.fields) {
            return false;
        }
        if (comparePositions && (x.line != y.line || x.columns != y.columns)) {
            return false;
        }
    }
    return true;
}

// Small limits let the fuzzer reach the limit errors with short inputs.
knotmap::CsvLimits fuzzLimits() {
    knotmap::CsvLimits limits;
    limits.maxFieldBytes = 4096;
    limits.maxFields = 64;
    limits.maxRecordBytes = 16384;
    return limits;
}

knotmap::CsvReadResult readStream(std::string_view text, std::size_t chunkBytes) {
    std::istringstream in{std::string(text)};
    knotmap::CsvReader reader(in, fuzzLimits(), chunkBytes);
    knotmap::CsvReadResult result;
    knotmap::CsvRecord record;
    while (reader.next(record)) {
        result.records.push_back(record);
    }
    result.hadByteOrderMark = reader.hadByteOrderMark();
    result.error = reader.error();
    return result;
}

void checkPositions(const knotmap::CsvReadResult& result) {
    std::int64_t previousLine = 0;
    for (const knotmap::CsvRecord& record : result.records) {
        require(record.line > previousLine, "records start on increasing lines");
        require(!record.fields.empty(), "a record has at least one field");
        require(record.fields.size() == record.columns.size(), "every field has a column");
        for (std::int64_t column : record.columns) {
            require(column >= 1, "columns are 1-based");
        }
        previousLine = record.line;
    }
    if (result.error) {
        require(result.error->line >= 1 && result.error->column >= 1, "errors name a position");
        require(!result.error->message.empty(), "errors have a message");
    }
}

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// `asText` writes every field as a cell a person typed, neutralised against
// spreadsheet formulas, the way the export writes text columns.
std::string writeBack(const knotmap::CsvReadResult& result, bool byteOrderMark, bool asText) {
    std::ostringstream out;
    out << (byteOrderMark ? kByteOrderMark : "");
    {
        knotmap::CsvWriter csv(out);
        for (const knotmap::CsvRecord& record : result.records) {
            for (const std::string& field : record.fields) {
                if (asText) {
                    csv.textField(field);
                } else {
                    csv.field(field);
                }
            }
            csv.endRow();
        }
    }
    return out.str();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const knotmap::CsvReadResult inPlace = knotmap::readCsv(text, fuzzLimits());
    checkPositions(inPlace);

    const knotmap::CsvReadResult chunked = readStream(text, 3);
    require(sameRecords(inPlace, chunked, true) && sameError(inPlace, chunked) &&
                inPlace.hadByteOrderMark == chunked.hadByteOrderMark,
            "reading in place and from a stream agree");

    if (inPlace.error) {
        return 0;
    }
    // Without a byte order mark of its own, a file whose first field starts
    // with U+FEFF reads back without it: any reader takes it for the mark.
    const bool startsWithMark =
        !inPlace.records.empty() && inPlace.records[0].fields[0].starts_with(kByteOrderMark);
    for (bool byteOrderMark : {true, false}) {
        if (!byteOrderMark && startsWithMark) {
            continue;
        }
        const knotmap::CsvReadResult reread =
            knotmap::readCsv(writeBack(inPlace, byteOrderMark, false), fuzzLimits());
        require(!reread.error, "what CsvWriter writes reads without error");
        require(reread.hadByteOrderMark == byteOrderMark, "a written mark is read as one");
        require(sameRecords(inPlace, reread, false), "written records read back the same");
    }

    for (const knotmap::CsvRecord& record : inPlace.records) {
        for (const std::string& field : record.fields) {
            require(knotmap::restoreCell(knotmap::neutraliseCell(field)) == field,
                    "restoreCell undoes neutraliseCell");
        }
    }

    // Neutralising adds at most one apostrophe per field: allow for it.
    knotmap::CsvLimits textLimits = fuzzLimits();
    textLimits.maxFieldBytes += 1;
    textLimits.maxRecordBytes += textLimits.maxFields;
    const knotmap::CsvReadResult asText =
        knotmap::readCsv(writeBack(inPlace, true, true), textLimits);
    require(!asText.error && asText.records.size() == inPlace.records.size(),
            "neutralised text reads without error");
    for (std::size_t i = 0; i < asText.records.size(); ++i) {
        const std::vector<std::string>& original = inPlace.records[i].fields;
        const std::vector<std::string>& written = asText.records[i].fields;
        require(written.size() == original.size(), "neutralised records keep their fields");
        for (std::size_t j = 0; j < written.size(); ++j) {
            require(knotmap::restoreCell(written[j]) == original[j],
                    "restoreCell undoes CsvWriter::textField");
        }
    }
    return 0;
}
