#include "core/fhir/snomed_sites.h"

#include "core/asset_registry.h"
#include "core/csv_reader.h"

#include <stdexcept>

namespace knotmap::fhir {
namespace {

constexpr std::string_view kTable = "assets/atlas/snomed_sites.csv";

[[noreturn]] void fail(std::int64_t line, const std::string& message) {
    throw std::runtime_error(std::string(kTable) + ", line " + std::to_string(line) + ": " +
                             message);
}

bool isConceptId(std::string_view code) {
    // SNOMED CT ids are 6 to 18 digits, the first not 0.
    if (code.size() < 6 || code.size() > 18 || code.front() == '0') {
        return false;
    }
    for (char c : code) {
        if (c < '0' || c > '9') {
            return false;
        }
    }
    return true;
}

std::vector<SnomedSite> readTable() {
    CsvReader reader(asset(kTable));
    CsvRecord record;
    std::vector<SnomedSite> sites;
    bool header = true;
    while (reader.next(record)) {
        if (header) {
            header = false;
            if (record.fields != std::vector<std::string>{"region", "sctid", "term", "match"}) {
                fail(record.line, "expected the columns region,sctid,term,match");
            }
            continue;
        }
        if (record.size() != 4) {
            fail(record.line, "expected 4 fields, found " + std::to_string(record.size()));
        }
        SnomedSite site{record.fields[0], record.fields[1], record.fields[2], false};
        if (!site.region.starts_with("front.") && !site.region.starts_with("back.")) {
            fail(record.line, "region '" + site.region + "' must start with front. or back.");
        }
        if (!isConceptId(site.code)) {
            fail(record.line, "'" + site.code + "' is not a SNOMED CT concept id");
        }
        if (record.fields[3] != "exact" && record.fields[3] != "parent") {
            fail(record.line, "match must be exact or parent, not '" + record.fields[3] + "'");
        }
        site.exact = record.fields[3] == "exact";
        sites.push_back(std::move(site));
    }
    if (reader.error()) {
        throw std::runtime_error(std::string(kTable) + ": " + reader.error()->describe());
    }
    return sites;
}

} // namespace

const std::vector<SnomedSite>& snomedSites() {
    static const std::vector<SnomedSite> sites = readTable();
    return sites;
}

const SnomedSite* snomedSiteOf(std::string_view regionCode) {
    if (regionCode.ends_with(".left")) {
        regionCode.remove_suffix(5);
    } else if (regionCode.ends_with(".right")) {
        regionCode.remove_suffix(6);
    }
    for (const SnomedSite& site : snomedSites()) {
        if (site.region == regionCode) {
            return &site;
        }
    }
    return nullptr;
}

} // namespace knotmap::fhir
