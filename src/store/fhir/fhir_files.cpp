#include "store/fhir/fhir_files.h"

#include "core/output_file.h"
#include "core/output_folder.h"
#include "store/fhir/fhir_export.h"

#include <map>
#include <memory>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

// Compact JSON, one resource per line: small, and a diff of two exports
// shows the resources that differ.
std::string dumped(const fhir::Json& json) {
    return json.dump(-1, ' ', false, fhir::Json::error_handler_t::strict);
}

// A failed write stops the export at its next progress step.
ExportOptions checkingWrites(const ExportOptions& options,
                             const std::vector<OutputFile*>& outputs) {
    ExportOptions checked = options;
    checked.progress = [outputs, &options](std::int64_t count) {
        for (const OutputFile* output : outputs) {
            output->throwIfFailed();
        }
        if (options.progress) {
            options.progress(count);
        }
    };
    return checked;
}

} // namespace

FhirFile writeFhirBundle(Database& database, const ExportOptions& options, const fs::path& target) {
    const bool toStandardOutput = target == "-";
    std::unique_ptr<OutputFile> output =
        toStandardOutput ? std::make_unique<OutputFile>(OutputFile::StandardOutput{})
                         : std::make_unique<OutputFile>(target, "the FHIR file");
    std::ostream& out = output->stream();
    out << R"({"resourceType":"Bundle","type":"collection")";
    bool first = true;
    const std::int64_t count =
        exportFhirResources(database, checkingWrites(options, {output.get()}),
                            fhir::ReferenceStyle::Bundle, [&](const fhir::Json& resource) {
                                // FHIR forbids an empty array, so "entry" opens with the first one.
                                out << (first ? ",\"entry\":[\n" : ",\n");
                                first = false;
                                fhir::Json entry;
                                entry["fullUrl"] = "urn:uuid:" + resource["id"].get<std::string>();
                                entry["resource"] = resource;
                                out << dumped(entry);
                            });
    out << (first ? "}\n" : "\n]}\n");
    output->commit();
    return {toStandardOutput ? fs::path("standard output") : target, "Bundle", count};
}

std::vector<FhirFile> writeFhirNdjson(Database& database, const ExportOptions& options,
                                      const fs::path& folder) {
    static const char* const kTypes[] = {"Patient",     "BodyStructure", "Encounter",
                                         "Observation", "Procedure",     "Composition"};
    const std::vector<fs::path> created = createOutputFolders(folder);
    try {
        std::map<std::string, std::unique_ptr<OutputFile>, std::less<>> outputs;
        std::map<std::string, std::int64_t, std::less<>> counts;
        std::vector<OutputFile*> all;
        for (const char* type : kTypes) {
            auto& output = outputs[type];
            output = std::make_unique<OutputFile>(folder / (std::string(type) + ".ndjson"),
                                                  "the FHIR file");
            all.push_back(output.get());
        }
        exportFhirResources(database, checkingWrites(options, all), fhir::ReferenceStyle::Ndjson,
                            [&](const fhir::Json& resource) {
                                const auto& type =
                                    resource["resourceType"].get_ref<const std::string&>();
                                outputs.at(type)->stream() << dumped(resource) << '\n';
                                ++counts[type];
                            });
        std::vector<FhirFile> written;
        for (const char* type : kTypes) {
            const fs::path file = folder / (std::string(type) + ".ndjson");
            if (counts[type] > 0) { // an unused file is dropped as its OutputFile goes
                outputs.at(type)->commit();
                written.push_back({file, type, counts[type]});
            } else {
                // An earlier export's file of this type would be read back
                // with this one as if it belonged to it.
                std::error_code ignored;
                fs::remove(file, ignored);
            }
        }
        return written;
    } catch (...) {
        removeEmptyFolders(created);
        throw;
    }
}

} // namespace knotmap
