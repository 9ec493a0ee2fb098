#include "store/import_input.h"
#include "store/import_progress.h"
#include "store/table_export.h"
#include "support/temp_folder.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <stdexcept>
#include <string>
#include <variant>

using namespace knotmap;
using knotmap::testing::TempFolder;
using knotmap::testing::writeBytes;

namespace {

// A table's header row, as the export writes it.
std::string header(ExportTable table) {
    std::string line;
    for (const auto& column : exportTableColumns(table)) {
        line += (line.empty() ? "" : ",") + std::string(column);
    }
    return line + "\n";
}

std::string refusal(const std::filesystem::path& path) {
    try {
        (void)importInputFor(path, path.filename().string(), true);
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return "";
}

} // namespace

TEST_CASE("what an import path holds: an export's folder, its observations, the simple format") {
    const TempFolder folder;
    std::filesystem::create_directories(folder.file("all"));
    std::filesystem::create_directories(folder.file("obs"));
    for (std::string_view name : exportTableNames()) {
        writeBytes(folder.file("all/" + std::string(name) + ".csv"),
                   header(*exportTableFromName(name)));
    }
    writeBytes(folder.file("obs/observations.csv"), header(ExportTable::Observations));
    writeBytes(folder.file("simple.csv"), "Date,Region,Pain,Notes\n");

    const ImportInput all = importInputFor(folder.file("all"), "all", true);
    REQUIRE(std::holds_alternative<ImportSource>(all));
    CHECK(std::get<ImportSource>(all).shape == ImportShape::AllTables);
    CHECK(describeImportInput(all) == "Knotmap export folder (all five tables)");

    const ImportInput observations = importInputFor(folder.file("obs"), "obs", false);
    REQUIRE(std::holds_alternative<ImportSource>(observations));
    CHECK(std::get<ImportSource>(observations).shape == ImportShape::ObservationsOnly);
    CHECK_FALSE(std::get<ImportSource>(observations).restoreText);
    CHECK(describeImportInput(observations) == "Knotmap observations table");

    const ImportInput simple = importInputFor(folder.file("simple.csv"), "simple.csv", true);
    CHECK(std::holds_alternative<SimpleImportInput>(simple));
    CHECK(describeImportInput(simple) == "Simple format (date, region, pain, notes)");
}

TEST_CASE("a path an import cannot read says what it holds instead") {
    const TempFolder folder;
    std::filesystem::create_directories(folder.file("part"));
    writeBytes(folder.file("part/clients.csv"), header(ExportTable::Clients));
    writeBytes(folder.file("clients.csv"), header(ExportTable::Clients));
    writeBytes(folder.file("other.csv"), "name,amount\n");
    std::filesystem::create_directories(folder.file("empty"));

    CHECK(refusal(folder.file("missing.csv")) == "missing.csv: no such file or folder");
    CHECK(refusal(folder.file("part")).find("has clients.csv but not observations.csv") !=
          std::string::npos);
    CHECK(refusal(folder.file("empty")).find("holds none of the files") != std::string::npos);
    CHECK(refusal(folder.file("clients.csv")) ==
          "clients.csv: is the clients table alone; import the folder an export of all tables "
          "wrote, or observations.csv");
    CHECK(refusal(folder.file("other.csv")).find("other.csv: line 1: not a format Knotmap knows") ==
          0);
    writeBytes(folder.file("empty.csv"), "");
    CHECK(refusal(folder.file("empty.csv"))
              .find("empty.csv: the file is empty; an import needs "
                    "a header row") == 0);
    writeBytes(folder.file("picture.png"), std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    CHECK(refusal(folder.file("picture.png")) ==
          "picture.png: not a CSV file: it holds binary data (an image, a document or a "
          "database?)");
}

TEST_CASE(
    "an import's progress: the share of its files' bytes, read once to check, twice to write") {
    const TempFolder folder;
    writeBytes(folder.file("observations.csv"), std::string(1000, 'x'));
    ImportSource source;
    source.shape = ImportShape::ObservationsOnly;
    source.observations = folder.file("observations.csv");

    ImportByteProgress check(source, false);
    CHECK(check.add(source.observations, 250) == doctest::Approx(0.25));
    CHECK(check.add(source.observations, 1000) == doctest::Approx(1.0));

    ImportByteProgress write(source, true);
    CHECK(write.add(source.observations, 500) == doctest::Approx(0.25));
    CHECK(write.add(source.observations, 1000) == doctest::Approx(0.5));
    // Read again to be written: starts over from the first reading's end.
    CHECK(write.add(source.observations, 500) == doctest::Approx(0.75));
}
