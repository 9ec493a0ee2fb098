#pragma once

#include "store/database.h"
#include "store/sql/statement.h"
#include "store/table_export.h"
#include "support/temp_folder.h"
#include "support/test_database.h"

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <fstream>
#include <string>

// A small history whose text exercises every rule of the CSV format, and a
// way to export it, for the import tests.
namespace knotmap::testing {

// Two clients, three sessions (one a signed therapy visit with triggers), three
// knots (one never observed), observations with symptoms, referrals and
// treatments, a whole-session treatment, and custom vocabulary entries. The
// text has commas, quotes, CR, LF, CRLF, emoji, accents, empty fields and
// cells a spreadsheet would run as formulas.
inline void addTrickyHistory(sql::Connection& sql) {
    sql.exec("INSERT INTO symptom (code, name, sort_order) VALUES ('custom_jaw_click', 'Jaw "
             "click', 500)");
    sql.exec("INSERT INTO treatment_kind (code, name, sort_order) VALUES ('custom_cupping', "
             "'Cupping', 500)");
    sql.exec("INSERT INTO trigger_cause (code, name, sort_order) VALUES ('custom_long_drive', "
             "'Long drive', 500)");
    sql.exec(R"SQL(INSERT INTO client (id, name, birth_year, notes, archived, created_utc) VALUES
        (3, 'Zoë O''Brien 🌿', 1984, 'likes "firm" pressure, not deep', 0, 0),
        (7, '=Łukasz, Jr.', NULL, '', 1, 0))SQL");
    sql.exec(R"SQL(INSERT INTO session (id, client_id, started_utc, utc_offset_min, kind,
            overall_pain, stress, sleep, therapist, subjective, objective, assessment, plan, notes)
        VALUES
        (10, 3, 1773477000, 60, 'self_checkin', 6, NULL, 4, '', '', '', '', '',
         )SQL"
             "'line one\nline two\r\nthree\rend'"
             R"SQL(),
        (11, 3, 1773563400, -300, 'therapy_visit', NULL, 2, NULL, 'Dr. Ana-María', '+ worse at night',
         '-tight L trap', '@desk posture', )SQL"
             "'\tstretch daily'"
             R"SQL(, '''=already quoted'),
        (12, 7, 1773650000, 330, 'self_checkin', 0, 0, 10, '', '', '', '', '', ''))SQL");
    sql.exec(
        "INSERT INTO session_trigger (session_id, trigger_id) SELECT 11, id FROM trigger_cause "
        "WHERE code IN ('posture', 'custom_long_drive')");
    sql.exec(R"SQL(INSERT INTO knot (id, client_id, view, x, y, region_code, label, status) VALUES
        (20, 3, 'back', 0.46531929687499995, 0.1920333984375, 'back.upper_trapezius.left', '@neck "big" one', 'active'),
        (21, 3, 'front', 0.1, 0.9, 'front.pectoralis_major.right', '', 'resolved'),
        (22, 7, 'back', 0.5, 0.5, 'back.upper_trapezius.right', 'never observed', 'active'))SQL");
    sql.exec(R"SQL(INSERT INTO observation (id, session_id, knot_id, pain, kind, notes) VALUES
        (30, 10, 20, 7, 'active_trigger_point', )SQL"
             "'sore, \"burning\"; worse \r\nafter 🖥️'"
             R"SQL(),
        (31, 11, 20, 10, 'spasm', '-2 after massage'),
        (32, 11, 21, 0, 'latent_trigger_point', ''))SQL");
    sql.exec(
        "INSERT INTO observation_symptom (observation_id, symptom_id) SELECT 30, id FROM symptom "
        "WHERE code IN ('tenderness', 'custom_jaw_click')");
    sql.exec("INSERT INTO observation_referral (observation_id, region_code) VALUES "
             "(30, 'back.upper_trapezius.right'), (30, 'front.frontalis.left')");
    sql.exec(R"SQL(INSERT INTO treatment (id, session_id, knot_id, kind_id, minutes, intensity,
            pain_before, pain_after, medication, notes) VALUES
        (40, 11, 20, (SELECT id FROM treatment_kind WHERE code = 'custom_cupping'), 15, 'firm', 8, 5, '', '=SUM(A1:A9)'),
        (41, 11, NULL, (SELECT id FROM treatment_kind WHERE code = 'medication'), NULL, NULL, NULL, NULL, 'Ibuprofen 400 mg, twice', ''),
        (42, 10, 20, (SELECT id FROM treatment_kind WHERE code = 'foam_roller'), 0, 'light', 0, 0, '', ''))SQL");
    // Signed last: a signed visit takes no more ratings or treatments.
    sql.exec(
        "UPDATE session SET signed_by = 'Dr. Ana-María', signed_utc = 1773570000 WHERE id = 11");
}

// Writes the five tables into folder, as `knotmap export --all` does.
inline void exportAll(Database& database, const std::filesystem::path& folder,
                      const ExportOptions& options = {}) {
    std::filesystem::create_directories(folder);
    for (std::string_view name : exportTableNames()) {
        std::ofstream out(folder / (std::string(name) + ".csv"), std::ios::binary);
        exportTableCsv(database, *exportTableFromName(name), out, options);
    }
}

// Writes the tricky history into a new database at databasePath, then exports
// it into folder.
inline void exportTrickyHistory(const std::filesystem::path& databasePath,
                                const std::filesystem::path& folder,
                                const ExportOptions& options = {}) {
    Database source = testing::openTestDatabase(databasePath);
    addTrickyHistory(source.sql());
    exportAll(source, folder, options);
}

} // namespace knotmap::testing
