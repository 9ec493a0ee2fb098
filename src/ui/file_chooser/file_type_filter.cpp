#include "ui/file_chooser/file_type_filter.h"

#include <cctype>

namespace knotmap::ui {
namespace {

bool sameLetter(char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
}

} // namespace

std::string FileTypeFilter::comboLabel() const {
    if (patterns.empty()) {
        return label;
    }
    std::string text = label + " (";
    for (std::size_t i = 0; i < patterns.size(); ++i) {
        text += (i > 0 ? ", " : "") + patterns[i];
    }
    return text + ")";
}

FileTypeFilter csvFilesFilter() {
    return {"CSV files", {"*.csv"}};
}

FileTypeFilter fhirFilesFilter() {
    return {"FHIR files", {"*.json", "*.ndjson"}};
}

FileTypeFilter knotmapDatabasesFilter() {
    return {"Knotmap databases", {"*.db"}};
}

FileTypeFilter sealedBackupsFilter() {
    return {"Encrypted backups", {"*.db.sealed"}};
}

FileTypeFilter encryptedExportsFilter() {
    return {"Encrypted exports", {"*.kme"}};
}

FileTypeFilter pdfFilter() {
    return {"PDF", {"*.pdf"}};
}

FileTypeFilter allFilesFilter() {
    return {"All files", {}};
}

bool matchesPattern(std::string_view name, std::string_view pattern) {
    // Iterative wildcard matching with one backtrack point: linear enough for
    // file names, and no recursion on hostile names.
    std::size_t n = 0;
    std::size_t p = 0;
    std::size_t starAt = std::string_view::npos;
    std::size_t resumeAt = 0;
    while (n < name.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || sameLetter(pattern[p], name[n]))) {
            ++n;
            ++p;
        } else if (p < pattern.size() && pattern[p] == '*') {
            starAt = p++;
            resumeAt = n;
        } else if (starAt != std::string_view::npos) {
            p = starAt + 1;
            n = ++resumeAt;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') {
        ++p;
    }
    return p == pattern.size();
}

bool matchesFilter(std::string_view name, const FileTypeFilter& filter) {
    if (filter.showsEverything()) {
        return true;
    }
    for (const std::string& pattern : filter.patterns) {
        if (matchesPattern(name, pattern)) {
            return true;
        }
    }
    return false;
}

std::string withFilterExtension(std::string name, const FileTypeFilter& filter) {
    if (name.empty() || filter.patterns.size() != 1 || matchesFilter(name, filter)) {
        return name;
    }
    const std::string& pattern = filter.patterns.front();
    // Only "*.ext": a pattern with other wildcards names no one extension.
    if (pattern.size() < 3 || pattern.rfind("*.", 0) != 0 ||
        pattern.find_first_of("*?", 1) != std::string::npos) {
        return name;
    }
    return name + pattern.substr(1);
}

} // namespace knotmap::ui
