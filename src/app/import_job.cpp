#include "app/import_job.h"

#include "core/atlas.h"
#include "core/import_table.h"
#include "core/joined_with_and.h"
#include "store/backup/backup_catalog.h"
#include "store/csv_import.h"
#include "store/database.h"
#include "store/import_input.h"
#include "store/import_progress.h"
#include "ui/dialogs/export_dialog.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <exception>
#include <iostream>
#include <variant>

namespace knotmap {
namespace {

namespace fs = std::filesystem;

// Thrown from the progress callback to unwind the import when cancelled;
// the write's transaction rolls back on the way out.
struct ImportCancelled {};

std::string plural(std::int64_t count, const char* one, const char* many) {
    return ui::groupedDigits(count) + " " + (count == 1 ? one : many);
}

// "; 8 already in the database with the same pain, left out": ratings
// imported before, which a newer export of the same app repeats.
std::string alreadyKept(const SimpleImportResult& simple) {
    if (simple.alreadyKept == 0) {
        return "";
    }
    return "; " + ui::groupedDigits(simple.alreadyKept) +
           " already in the database with the same pain, left out";
}

// "Nothing new for Ann: all 9 ratings are already in the database with the
// same pain": a sheet imported before, read again.
std::string nothingNew(const SimpleImportResult& simple) {
    return "Nothing new for " + simple.clientName + ": " +
           (simple.alreadyKept == 1
                ? std::string("its rating is")
                : "all " + ui::groupedDigits(simple.alreadyKept) + " ratings are") +
           " already in the database with the same pain";
}

// How a sheet's body areas were read, in the words and names the person
// knows: the regions by their display names ("Left X and Right X").
void sheetPreview(const SimpleImportResult& simple, ui::ImportPreview& preview) {
    preview.summary = simple.observations == 0
                          ? nothingNew(simple)
                          : plural(simple.observations, "rating", "ratings") + " for " +
                                simple.clientName + (simple.newClient ? " (a new client)" : "") +
                                ": " + plural(simple.newSessions, "new session", "new sessions") +
                                ", " + plural(simple.newKnots, "new knot", "new knots") +
                                alreadyKept(simple);
    preview.scaleRule = simple.scaleRule;
    const Atlas& atlas = Atlas::builtIn();
    for (const AreaMapping& mapping : simple.areas) {
        ui::PreviewArea area;
        area.text = mapping.text;
        area.how = mapping.how;
        area.rows = mapping.rows;
        std::vector<std::string> names;
        for (const std::string& code : mapping.regions) {
            const AtlasRegion* region = atlas.findByCode(code);
            names.push_back(region != nullptr ? region->displayName : code);
            area.codes += (area.codes.empty() ? "" : "+") + code;
        }
        area.regions = joinedWithAnd(names);
        preview.areas.push_back(std::move(area));
    }
    for (const UnmappedArea& unmapped : simple.unmapped) {
        preview.unmapped.push_back(
            {unmapped.text, unmapped.why, unmapped.rows, unmapped.firstLine});
    }
    preview.unmappedEntries = simple.skippedRows;
    if (const std::string other = otherEntriesSentence(simple); !other.empty()) {
        preview.otherEntries = other + ".";
    }
}

// A CSV's column names as the mapping form shows them: without a
// spreadsheet's byte order mark or the spaces around them (the import
// ignores both when it looks a name up).
std::vector<std::string> headerColumns(const fs::path& path) {
    std::vector<std::string> columns = readCsvHeader(path).value_or(std::vector<std::string>{});
    for (std::string& column : columns) {
        if (column.starts_with("\xEF\xBB\xBF")) {
            column.erase(0, 3);
        }
        const auto first = column.find_first_not_of(" \t");
        column = first == std::string::npos
                     ? std::string()
                     : column.substr(first, column.find_last_not_of(" \t") - first + 1);
    }
    return columns;
}

ui::ImportPreview previewOf(const ImportJobResult& result, bool backupFirst) {
    ui::ImportPreview preview;
    preview.format = result.format;
    if (const auto& plan = result.plan) {
        preview.counts = {{"Clients", plan->clients},
                          {"Sessions", plan->sessions},
                          {"Knots", plan->knots},
                          {"Observations", plan->observations},
                          {"Treatments", plan->treatments}};
        const auto added = [&](const char* what, const std::vector<std::string>& codes) {
            if (!codes.empty()) {
                preview.notes.push_back(std::string("Adds ") + what + ": " + joinedWithAnd(codes) +
                                        ".");
            }
        };
        added("symptoms", plan->newSymptoms);
        added("treatment kinds", plan->newTreatmentKinds);
        added("triggers", plan->newTriggers);
        if (plan->clientIds.offset != 0 || plan->sessionIds.offset != 0 ||
            plan->knotIds.offset != 0 || plan->treatmentIds.offset != 0) {
            preview.notes.emplace_back("The database already uses some of the file's ids, so "
                                       "the new rows get new ones.");
        }
    } else if (const auto& fhir = result.fhir) {
        preview.counts = {{"Clients", fhir->clients},
                          {"Sessions", fhir->sessions},
                          {"Knots", fhir->knots},
                          {"Observations", fhir->observations},
                          {"Treatments", fhir->treatments}};
        if (!fhir->newVocabulary.empty()) {
            preview.notes.push_back("Adds " + joinedWithAnd(fhir->newVocabulary) + ".");
        }
        if (fhir->idOffset != 0) {
            preview.notes.emplace_back("The database already uses some of the file's ids, so "
                                       "the new rows get new ones.");
        }
    } else if (const auto& simple = result.simple) {
        sheetPreview(*simple, preview);
        preview.counts = {{"Clients", simple->newClient ? 1 : 0},
                          {"Sessions", simple->newSessions},
                          {"Knots", simple->newKnots},
                          {"Observations", simple->observations}};
        if (simple->mergedRatings > 0) {
            preview.notes.push_back(
                plural(simple->mergedRatings, "rating repeats", "ratings repeat") +
                " a region at the same time: merged into it, keeping the highest pain and every "
                "note.");
        }
        if (simple->movedForward > 0) {
            preview.notes.push_back(
                plural(simple->movedForward, "time falls", "times fall") +
                " where the clocks skipped ahead for daylight saving: moved forward by the skip.");
        }
        if (simple->readAsFirst > 0) {
            preview.notes.push_back(
                plural(simple->readAsFirst, "time happens", "times happen") +
                " twice as the clocks went back: read as the first of the two.");
        }
    }
    if (backupFirst) {
        preview.notes.emplace_back("A checked backup of the database is taken first.");
    }
    return preview;
}

std::string importedSentence(const ImportJobResult& result) {
    if (const auto& fhir = result.fhir) {
        return "Imported " + plural(fhir->clients, "client", "clients") + ", " +
               plural(fhir->sessions, "session", "sessions") + ", " +
               plural(fhir->knots, "knot", "knots") + ", " +
               plural(fhir->observations, "observation", "observations") + " and " +
               plural(fhir->treatments, "treatment", "treatments") + " from FHIR.";
    }
    if (const auto& plan = result.plan) {
        return "Imported " + plural(plan->clients, "client", "clients") + ", " +
               plural(plan->sessions, "session", "sessions") + ", " +
               plural(plan->knots, "knot", "knots") + ", " +
               plural(plan->observations, "observation", "observations") + " and " +
               plural(plan->treatments, "treatment", "treatments") + ".";
    }
    const SimpleImportResult& simple = *result.simple;
    if (simple.observations == 0) {
        return nothingNew(simple) + "; nothing was written.";
    }
    std::string sentence = "Imported " + plural(simple.observations, "rating", "ratings") +
                           " for " + simple.clientName + ": " +
                           plural(simple.newSessions, "new session", "new sessions") + ", " +
                           plural(simple.newKnots, "new knot", "new knots");
    if (simple.skippedRows > 0) {
        sentence += "; " + plural(simple.skippedRows, "entry", "entries") +
                    " of unmapped body areas left out";
    }
    return sentence + alreadyKept(simple) + ".";
}

} // namespace

bool ImportJob::start(const ui::ImportRequest& request) {
    if (running()) {
        return false;
    }
    m_cancel = false;
    m_fraction = -1.0f;
    m_result.start([this, request] { return run(request); });
    return true;
}

ImportJobResult ImportJob::run(const ui::ImportRequest& request) {
    ImportJobResult result;
    result.write = request.write;
    result.clientName = request.clientName;
    try {
        // Columns the person mapped: any CSV is read through them.
        const ImportInput input =
            request.columns ? ImportInput{mappedSheetInput(request.path, request.path.string())}
                            : importInputFor(request.path, request.path.string(), true);
        result.format = describeImportInput(input);
        result.simpleFormat = std::holds_alternative<SimpleImportInput>(input);
        // The same opening as `knotmap import`: a server's database through
        // openForImport, whose schema (if new) commits with the rows.
        Database database = m_database.isServer() ? Database::openForImport(m_database)
                                                  : Database::open(m_database);
        if (m_cancel) {
            throw ImportCancelled{};
        }
        result.backupFirst = !m_database.isServer() && !database.holdsNoUserData();
        if (request.write && result.backupFirst) {
            result.backup = takeBackupIntoFolder(m_database.file()).path;
        }
        if (const auto* knotmap = std::get_if<ImportSource>(&input)) {
            ImportSource source = *knotmap;
            ImportByteProgress share(source, request.write);
            m_fraction = 0.0f;
            source.progress = [&](const fs::path& file, std::int64_t bytes) {
                if (m_cancel) {
                    throw ImportCancelled{};
                }
                m_fraction = static_cast<float>(share.add(file, bytes));
            };
            result.plan = importKnotmapCsv(database, source, !request.write);
        } else if (const auto* fhir = std::get_if<FhirImportInput>(&input)) {
            // No byte progress; a cancel is honoured between the steps of
            // reading and writing, and rolls back what was written.
            FhirImportInput cancellable = *fhir;
            cancellable.checkpoint = [this] {
                if (m_cancel) {
                    throw ImportCancelled{};
                }
            };
            result.fhir = importFhir(database, cancellable, !request.write);
        } else {
            // A spreadsheet's few hundred rows: no progress to show, and a
            // cancel is honoured up to the moment writing starts.
            SimpleImportOptions options;
            options.clientName = request.clientName;
            options.columns = request.columns;
            options.skipUnmapped = request.skipUnmapped;
            result.simple = importSimpleCsv(database, std::get<SimpleImportInput>(input).file,
                                            options, !request.write);
            result.format = result.simple->format; // with the mapping, when mapped by hand
        }
        if (request.write) {
            database.commitCreation();
            database.sql().refreshStatistics(); // so the first reads are not slow
        }
    } catch (const ImportCancelled&) {
        result.cancelled = true;
    } catch (const ImportRejected& rejected) {
        result.problems = rejected.problems();
    } catch (const std::exception& error) {
        result.error = error.what();
        // A CSV no format recognises: the window asks which columns hold
        // what, as `--map` says on the command line.
        if (!request.columns &&
            result.error.find("not a format Knotmap knows") != std::string::npos) {
            result.header = headerColumns(request.path);
        }
    }
    return result;
}

bool runImportJob(ImportJob& job, ui::MainScreenState& state) {
    ui::ImportDialogState& dialog = state.importCsv;
    if (const auto request = std::exchange(dialog.request, std::nullopt)) {
        (void)job.start(*request);
    }
    if (std::exchange(dialog.cancelRequested, false)) {
        job.cancel();
    }
    dialog.fraction = job.fraction();
    const auto done = job.takeFinished();
    if (!done) {
        return false;
    }
    dialog.simpleFormat = done->simpleFormat;
    dialog.checkedClient = done->clientName;
    if (done->cancelled) {
        // A cancelled check goes back to choosing; a cancelled write says so.
        dialog.stage = done->write ? ui::ImportStage::Done : ui::ImportStage::Choose;
        dialog.outcome =
            done->write ? "Import cancelled: nothing was written." : "Check cancelled.";
        return false;
    }
    if (!done->header.empty()) {
        dialog.stage = ui::ImportStage::MapColumns;
        dialog.header = done->header;
        dialog.picks = ui::guessColumnPicks(dialog.header);
        dialog.error.clear();
        return false;
    }
    if (done->problems || !done->error.empty()) {
        dialog.stage = ui::ImportStage::Problems;
        dialog.problems = done->problems ? done->problems->kept() : std::vector<ImportProblem>{};
        dialog.problemCount = done->problems ? done->problems->count() : 0;
        dialog.error = done->error;
        if (!done->error.empty()) {
            std::cerr << "knotmap: " << done->error << "\n";
        }
        return false;
    }
    if (!done->write) {
        dialog.stage = ui::ImportStage::Preview;
        dialog.preview = previewOf(*done, done->backupFirst);
        return false;
    }
    dialog.stage = ui::ImportStage::Done;
    dialog.outcome = importedSentence(*done);
    state.notice.title = "Import complete";
    state.notice.message = dialog.outcome;
    state.notice.detail = done->backup
                              ? "The database was backed up first, to " + done->backup->string()
                              : std::string();
    state.notice.visible = true;
    return true;
}

std::string importReportLines(const ui::ImportDialogState& dialog) {
    static constexpr std::array<const char*, 7> kStages = {
        "choose", "checking", "preview", "problems", "map-columns", "importing", "done"};
    std::string lines =
        std::string("import-stage ") + kStages.at(static_cast<std::size_t>(dialog.stage)) + "\n";
    if (dialog.stage == ui::ImportStage::Checking || dialog.stage == ui::ImportStage::Importing) {
        lines += "import-progress " +
                 std::to_string(static_cast<int>(std::max(0.0f, dialog.fraction) * 100.0f)) + "\n";
    }
    if (dialog.simpleFormat) {
        lines += "import-whose " + dialog.clientName + "\n";
    }
    if (dialog.stage == ui::ImportStage::Preview) {
        const ui::ImportPreview& preview = dialog.preview;
        lines += "import-format " + preview.format + "\n";
        if (!preview.scaleRule.empty()) {
            lines += "import-rule " + preview.scaleRule + "\n";
        }
        for (const ui::PreviewArea& area : preview.areas) {
            lines += "import-area " + area.text + "|" + area.codes + "|" +
                     std::to_string(area.rows) + "\n";
        }
        for (const ui::PreviewUnmappedArea& area : preview.unmapped) {
            lines += "import-unmapped " + area.text + "|" + std::to_string(area.rows) + "\n";
        }
        if (!preview.otherEntries.empty()) {
            lines += "import-other " + preview.otherEntries + "\n";
        }
        for (const auto& [what, count] : dialog.preview.counts) {
            lines += "import-count " + what + " " + std::to_string(count) + "\n";
        }
    }
    if (dialog.stage == ui::ImportStage::MapColumns) {
        lines += "import-map-columns " + std::to_string(dialog.header.size()) + "\n";
        const ui::ColumnPicks& picks = dialog.picks;
        for (const auto& [role, pick] :
             {std::pair{"date", picks.date}, std::pair{"region", picks.region},
              std::pair{"pain", picks.pain}, std::pair{"time", picks.time},
              std::pair{"notes", picks.notes}}) {
            if (pick != ui::ColumnPicks::kNone) {
                lines += std::string("import-map-pick ") + role + " " +
                         dialog.header.at(static_cast<std::size_t>(pick)) + "\n";
            }
        }
    }
    if (dialog.stage == ui::ImportStage::Problems) {
        for (const ImportProblem& problem : dialog.problems) {
            lines += "import-problem " + problem.file + " " + std::to_string(problem.line) + " " +
                     std::to_string(problem.column) + "\n";
        }
        lines += "import-problems " + std::to_string(dialog.problemCount) + "\n";
        if (!dialog.error.empty()) {
            lines += "import-error " + dialog.error + "\n";
        }
    }
    if (!dialog.outcome.empty()) {
        lines += "import-outcome " + dialog.outcome + "\n";
    }
    return lines;
}

} // namespace knotmap
