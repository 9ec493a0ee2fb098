#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace knotmap::ui {

// One entry of a chooser's type combo: "CSV files (*.csv)" shows files whose
// names match one of the patterns; no patterns shows every file.
struct FileTypeFilter {
    std::string label;                 // "CSV files"
    std::vector<std::string> patterns; // "*.csv", "*.db.sealed": a star and a suffix, or a name

    [[nodiscard]] bool showsEverything() const { return patterns.empty(); }
    // The label with its patterns, as the combo shows it: "CSV files (*.csv)".
    [[nodiscard]] std::string comboLabel() const;
};

[[nodiscard]] FileTypeFilter csvFilesFilter();
[[nodiscard]] FileTypeFilter fhirFilesFilter(); // a Bundle (.json) or NDJSON
[[nodiscard]] FileTypeFilter knotmapDatabasesFilter();
[[nodiscard]] FileTypeFilter sealedBackupsFilter();
[[nodiscard]] FileTypeFilter encryptedExportsFilter();
[[nodiscard]] FileTypeFilter pdfFilter();
[[nodiscard]] FileTypeFilter allFilesFilter();

// True when name matches pattern, ignoring ASCII case ("Notes.CSV" is a CSV
// file): '*' stands for any run of characters, '?' for one byte.
[[nodiscard]] bool matchesPattern(std::string_view name, std::string_view pattern);
[[nodiscard]] bool matchesFilter(std::string_view name, const FileTypeFilter& filter);

// The name a save gets under filter: "notes" becomes "notes.csv" when the
// filter is one plain "*.csv"; a name that already matches, or a filter of
// many types, leaves it as typed.
[[nodiscard]] std::string withFilterExtension(std::string name, const FileTypeFilter& filter);

} // namespace knotmap::ui
