#include "core/demo_generator.h"
#include "store/database.h"
#include "store/demo_writer.h"
#include "store/observation_export.h"
#include "store/sql/statement.h"
#include "store/vocabulary_repository.h"
#include "support/temp_folder.h"
#include "support/test_database.h"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <set>
#include <sstream>
#include <string>

using namespace knotmap;
using knotmap::testing::TempFolder;

namespace {

DemoOptions demoOptions(int clients, int days, std::uint64_t seed) {
    DemoOptions options;
    options.clients = clients;
    options.days = days;
    options.seed = seed;
    options.endYear = 2025;
    options.endMonth = 11;
    options.endDay = 30;
    return options;
}

std::int64_t countRows(Database& database, const std::string& table) {
    sql::Statement query(database.sql(), "SELECT count(*) FROM " + table);
    query.executeStep();
    return query.getColumn(0).getInt64();
}

std::string exportCsv(Database& database) {
    std::ostringstream out;
    exportObservationsCsv(database, out);
    return out.str();
}

// Collects every vocabulary code the generator uses.
class CodeCollector : public DemoSink {
public:
    void addClient(Client& client) override { client.id = ++m_nextId; }
    void addSession(Session& session) override {
        session.id = ++m_nextId;
        triggers.insert(session.triggerCodes.begin(), session.triggerCodes.end());
    }
    void addKnot(Knot& knot) override { knot.id = ++m_nextId; }
    void updateKnot(const Knot&) override {}
    void addObservation(Observation& observation) override {
        observation.id = ++m_nextId;
        symptoms.insert(observation.symptomCodes.begin(), observation.symptomCodes.end());
    }
    void addTreatment(Treatment& treatment) override {
        treatment.id = ++m_nextId;
        treatmentKinds.insert(treatment.kindCode);
    }

    std::set<std::string> symptoms;
    std::set<std::string> treatmentKinds;
    std::set<std::string> triggers;

private:
    Id m_nextId = 0;
};

std::set<std::string> vocabularyCodes(Database& database, Vocabulary vocabulary) {
    VocabularyRepository repository(database.sql());
    std::set<std::string> codes;
    for (const VocabularyItem& item : repository.list(vocabulary, true)) {
        codes.insert(item.code);
    }
    return codes;
}

} // namespace

TEST_SUITE("demo writer") {
    TEST_CASE("writing the demo saves exactly the counted records with foreign keys intact") {
        TempFolder folder;
        Database database = testing::openTestDatabase(folder.file("demo.knotmap"));
        const DemoSummary summary = writeDemo(database, demoOptions(3, 120, 8));

        CHECK(summary.clients == 3);
        CHECK(summary.sessions > 300);
        CHECK(summary.observations > summary.sessions * 2);
        CHECK(summary.treatments > 0);
        CHECK(countRows(database, "client") == summary.clients);
        CHECK(countRows(database, "session") == summary.sessions);
        CHECK(countRows(database, "knot") == summary.knots);
        CHECK(countRows(database, "observation") == summary.observations);
        CHECK(countRows(database, "treatment") == summary.treatments);
        CHECK(countRows(database, "observation_symptom") > 0);
        CHECK(countRows(database, "observation_referral") > 0);
        CHECK(countRows(database, "session_trigger") > 0);

        // A server enforces foreign keys on every write; a file is checked.
        if (!testing::testingOnServer()) {
            sql::Statement foreignKeys(database.sql(), "PRAGMA foreign_key_check");
            CHECK_FALSE(foreignKeys.executeStep());
            sql::Statement integrity(database.sql(), "PRAGMA integrity_check");
            REQUIRE(integrity.executeStep());
            CHECK(integrity.getColumn(0).getString() == "ok");
        }

        // Every client ends with 3-8 active knots; resolved ones are saved as such.
        sql::Statement active(database.sql(),
                              "SELECT c.id, (SELECT count(*) FROM knot k WHERE k.client_id = "
                              "c.id AND k.status = 'active') FROM client c");
        while (active.executeStep()) {
            CHECK(active.getColumn(1).getInt() >= 3);
            CHECK(active.getColumn(1).getInt() <= 8);
        }
        // About weekly visits over 17 weeks, each with a therapist and SOAP notes.
        sql::Statement therapy(database.sql(),
                               "SELECT count(*) FROM session WHERE kind = 'therapy_visit' "
                               "AND therapist <> '' AND subjective <> ''");
        therapy.executeStep();
        CHECK(therapy.getColumn(0).getInt() >= 3 * 17 * 7 / 10);
    }

    TEST_CASE("a demo ending today writes nothing later than the moment of writing, with "
              "mixed offsets") {
        TempFolder folder;
        Database database = testing::openTestDatabase(folder.file("today.knotmap"));
        // The end date is a week ahead of the clock: the writer's "now" (the
        // clock's, as the options leave it unset) still ends the history.
        const LocalTimestamp before = LocalTimestamp::now();
        const CivilDateTime ahead = civilFromSeconds(before.utcSeconds() + 7 * 86400);
        DemoOptions options = demoOptions(3, 240, 21);
        options.endYear = ahead.year;
        options.endMonth = ahead.month;
        options.endDay = ahead.day;
        const DemoSummary summary = writeDemo(database, options);
        const LocalTimestamp after = LocalTimestamp::now();
        REQUIRE(summary.sessions > 500);

        sql::Statement latest(database.sql(), "SELECT max(started_utc) FROM session");
        REQUIRE(latest.executeStep());
        CHECK(latest.getColumn(0).getInt64() <= after.utcSeconds());
        CHECK(latest.getColumn(0).getInt64() > before.utcSeconds() - 3 * 86400);

        // 240 days always span a daylight-saving change: each client's sessions
        // carry at least two offsets, and the three clients live in three zones.
        sql::Statement offsets(database.sql(),
                               "SELECT client_id, count(DISTINCT utc_offset_min) FROM session "
                               "GROUP BY client_id ORDER BY client_id");
        int clients = 0;
        while (offsets.executeStep()) {
            ++clients;
            CHECK(offsets.getColumn(1).getInt() >= 2);
        }
        CHECK(clients == 3);
        sql::Statement all(database.sql(), "SELECT count(DISTINCT utc_offset_min) FROM session");
        REQUIRE(all.executeStep());
        CHECK(all.getColumn(0).getInt() >= 5);
    }

    TEST_CASE("the demo uses only codes from the seeded vocabularies") {
        TempFolder folder;
        Database database = testing::openTestDatabase(folder.file("vocabularies.knotmap"));
        CodeCollector collector;
        generateDemo(demoOptions(12, 365, 21), collector);
        const auto symptoms = vocabularyCodes(database, Vocabulary::Symptom);
        const auto kinds = vocabularyCodes(database, Vocabulary::TreatmentKind);
        const auto triggers = vocabularyCodes(database, Vocabulary::Trigger);
        REQUIRE(!collector.symptoms.empty());
        REQUIRE(!collector.treatmentKinds.empty());
        REQUIRE(!collector.triggers.empty());
        for (const std::string& code : collector.symptoms) {
            INFO(code);
            CHECK(symptoms.count(code) == 1);
        }
        for (const std::string& code : collector.treatmentKinds) {
            INFO(code);
            CHECK(kinds.count(code) == 1);
        }
        for (const std::string& code : collector.triggers) {
            INFO(code);
            CHECK(triggers.count(code) == 1);
        }
        // A year of twelve clients touches most of each vocabulary.
        CHECK(collector.symptoms.size() >= symptoms.size() - 2);
        CHECK(collector.treatmentKinds.size() == kinds.size());
        CHECK(collector.triggers.size() == triggers.size());
    }

    TEST_CASE("two runs with the same options export identical CSV and another seed does not") {
        TempFolder folder;
        Database first = testing::openTestDatabase(folder.file("first.knotmap"));
        Database second = testing::openTestDatabase(folder.file("second.knotmap"));
        Database third = testing::openTestDatabase(folder.file("third.knotmap"));
        writeDemo(first, demoOptions(2, 60, 99));
        writeDemo(second, demoOptions(2, 60, 99));
        writeDemo(third, demoOptions(2, 60, 100));
        const std::string firstCsv = exportCsv(first);
        CHECK(firstCsv.size() > 10000);
        CHECK(firstCsv == exportCsv(second));
        CHECK(firstCsv != exportCsv(third));
    }

    TEST_CASE("demo data can be added to a database that already holds the same demo") {
        TempFolder folder;
        Database database = testing::openTestDatabase(folder.file("twice.knotmap"));
        const DemoSummary once = writeDemo(database, demoOptions(3, 10, 1));
        const DemoSummary twice = writeDemo(database, demoOptions(3, 10, 1));
        CHECK(twice.clients == once.clients);
        CHECK(countRows(database, "client") == 6);
        sql::Statement renamed(database.sql(),
                               "SELECT count(*) FROM client WHERE name LIKE '% (2)'");
        renamed.executeStep();
        CHECK(renamed.getColumn(0).getInt() == 3);
        CHECK(countRows(database, "observation") == once.observations + twice.observations);
    }

    // Run with --no-skip to measure; the figure goes to stdout.
    TEST_CASE("benchmark: 20 clients over a year into a database file" * doctest::skip()) {
        TempFolder folder;
        Database database = testing::openTestDatabase(folder.file("bench.knotmap"));
        const auto start = std::chrono::steady_clock::now();
        const DemoSummary summary = writeDemo(database, demoOptions(20, 365, 1));
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        std::printf("writeDemo 20 clients x 365 days: %.2f s; %lld sessions, %lld knots, %lld "
                    "observations, %lld treatments\n",
                    elapsed.count(), static_cast<long long>(summary.sessions),
                    static_cast<long long>(summary.knots),
                    static_cast<long long>(summary.observations),
                    static_cast<long long>(summary.treatments));
        CHECK(countRows(database, "observation") == summary.observations);
    }
}
