// The report's records read from a real SQLite file: a signed visit with an
// amendment, its ratings and treatments, and a check-in; amendments of a
// signed visit's ratings and treatments in its trail, in the PDF's text.
#include "report/pdf_document.h"
#include "report/report_loader.h"
#include "report/report_records.h"
#include "report/report_visits.h"
#include "store/amendment_repository.h"
#include "store/client_repository.h"
#include "store/database.h"
#include "store/knot_repository.h"
#include "store/observation_repository.h"
#include "store/record_amendment_repository.h" // codeListValue, wherever it is declared
#include "store/session_repository.h"
#include "store/sql/statement.h"
#include "store/treatment_repository.h"
#include "store/visit_amendments.h"
#include "support/temp_folder.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace knotmap;
using namespace knotmap::report;

TEST_CASE("the loader reads each visit's full record, signature and amendments") {
    testing::TempFolder folder;
    Database database = Database::open(folder.file("clinic.db"));
    Client client;
    client.name = "Alex Morgan";
    ClientRepository(database.sql()).add(client);
    Knot knot;
    knot.clientId = client.id;
    knot.view = BodyView::Back;
    knot.position = {0.41, 0.17};
    knot.regionCode = "back.upper_trapezius.left";
    KnotRepository(database.sql()).add(knot);

    Session checkIn;
    checkIn.clientId = client.id;
    checkIn.startedAt = LocalTimestamp::fromLocal({2026, 3, 10, 8, 0, 0}, 60);
    checkIn.overallPain = 5;
    checkIn.notes = "Stiff after sleeping on the sofa.";
    SessionRepository(database.sql()).add(checkIn);

    Session visit;
    visit.clientId = client.id;
    visit.kind = SessionKind::TherapyVisit;
    visit.startedAt = LocalTimestamp::fromLocal({2026, 3, 14, 9, 30, 0}, 60);
    visit.overallPain = 6;
    visit.therapist = "Dr Ana Ruiz";
    visit.subjective = std::string(1500, 'S') + " end of S";
    visit.objective = "Taut band.";
    visit.assessment = "Latent trigger point.";
    visit.plan = "Weekly.";
    SessionRepository(database.sql()).add(visit);
    Observation observation;
    observation.sessionId = visit.id;
    observation.knotId = knot.id;
    observation.pain = 7;
    ObservationRepository(database.sql()).add(observation);
    Treatment treatment;
    treatment.sessionId = visit.id;
    treatment.knotId = knot.id;
    treatment.kindCode = "heat";
    treatment.minutes = 10;
    treatment.painBefore = 7;
    treatment.painAfter = 4;
    TreatmentRepository(database.sql()).add(treatment);

    AmendmentRepository amendments(database.sql());
    const std::int64_t signedUtc = visit.startedAt.utcSeconds() + 3600;
    amendments.sign(visit.id, {"Dr Ana Ruiz", signedUtc});
    SessionAmendment amendment;
    amendment.sessionId = visit.id;
    amendment.field = SessionField::Assessment;
    amendment.originalValue = "Latent trigger point.";
    amendment.newValue = "Active trigger point.";
    amendment.author = "Dr Ana Ruiz";
    amendment.amendedUtc = signedUtc + 86400;
    amendment.reason = "examined again";
    amendments.add(amendment);

    const ReportData data = loadReportData(database, client, {});
    REQUIRE(data.visitRecords.size() == 1);
    REQUIRE(data.checkInRecords.size() == 1);
    const VisitRecord& record = data.visitRecords.front();
    CHECK(record.date == "2026-03-14");
    CHECK(record.time == "09:30");
    CHECK(record.subjective == visit.subjective);        // whole, not shortened
    CHECK(record.assessment == "Active trigger point."); // as amended
    CHECK(record.signedBy == "Dr Ana Ruiz");
    CHECK(record.signedWhen == "2026-03-14 10:30"); // at the visit's own UTC offset
    REQUIRE(record.amendments.size() == 1);
    CHECK(record.amendments[0].what == "Assessment");
    CHECK(record.amendments[0].original == "Latent trigger point.");
    CHECK(record.amendments[0].amended == "Active trigger point.");
    CHECK(record.amendments[0].when == "2026-03-15 10:30");
    CHECK(record.amendments[0].reason == "examined again");
    REQUIRE(record.ratings.size() == 1);
    CHECK(record.ratings[0].rfind("Left upper trapezius: 7/10", 0) == 0);
    REQUIRE(record.treatments.size() == 1);
    CHECK(record.treatments[0] == "Heat, 10 min, Left upper trapezius, pain 7 \u2192 4");

    const CheckInRecord& day = data.checkInRecords.front();
    CHECK(day.notes == "Stiff after sleeping on the sofa.");
    CHECK(day.overallPain == 5);
}

namespace {

// The text the blocks print, lines joined by spaces, so a wrapped heading
// reads whole.
std::string printedText(const std::vector<ReportBlock>& blocks) {
    std::string text;
    for (const ReportBlock& block : blocks) {
        for (const std::string& line : block.text) {
            text += (text.empty() ? "" : " ") + line;
        }
    }
    return text;
}

} // namespace

TEST_CASE("a signed visit's rating and treatment amendments join its trail, in time order") {
    testing::TempFolder folder;
    Database database = Database::open(folder.file("clinic.db"));
    Client client;
    client.name = "Alex Morgan";
    ClientRepository(database.sql()).add(client);
    Knot knot;
    knot.clientId = client.id;
    knot.view = BodyView::Back;
    knot.position = {0.41, 0.17};
    knot.regionCode = "back.upper_trapezius.left";
    KnotRepository(database.sql()).add(knot);

    Session visit;
    visit.clientId = client.id;
    visit.kind = SessionKind::TherapyVisit;
    visit.startedAt = LocalTimestamp::fromLocal({2026, 3, 14, 9, 30, 0}, 60);
    visit.therapist = "Dr Ana Ruiz";
    visit.plan = "Weekly.";
    SessionRepository(database.sql()).add(visit);
    Observation observation;
    observation.sessionId = visit.id;
    observation.knotId = knot.id;
    observation.pain = 7;
    ObservationRepository(database.sql()).add(observation);
    Treatment treatment;
    treatment.sessionId = visit.id;
    treatment.kindCode = "heat";
    treatment.minutes = 10;
    TreatmentRepository(database.sql()).add(treatment);

    // Signed after its ratings and treatments: the schema refuses additions
    // to a signed visit.
    const std::int64_t signedUtc = visit.startedAt.utcSeconds() + 3600;
    sql::Statement sign(database.sql(),
                        "UPDATE session SET signed_by = 'Dr Ana Ruiz', signed_utc = ? "
                        "WHERE id = ?");
    sign.bind(1, static_cast<std::int64_t>(signedUtc));
    sign.bind(2, static_cast<std::int64_t>(visit.id));
    REQUIRE(sign.exec() == 1);

    // Written out of order on purpose: the trail is sorted by time, across
    // session-field, rating and treatment amendments.
    RecordAmendment minutes;
    minutes.record = AmendedRecord::Treatment;
    minutes.recordId = treatment.id;
    minutes.field = "minutes";
    minutes.newValue = "15";
    minutes.author = "Sam Lee";
    minutes.amendedUtc = signedUtc + 3 * 86400;
    minutes.reason = "timer ran on";
    amendRecord(database.sql(), minutes);
    RecordAmendment pain;
    pain.record = AmendedRecord::Rating;
    pain.recordId = observation.id;
    pain.field = "pain";
    pain.newValue = "3";
    pain.author = "Dr Ana Ruiz";
    pain.amendedUtc = signedUtc + 86400;
    pain.reason = "misread the chart";
    amendRecord(database.sql(), pain);
    RecordAmendment referrals;
    referrals.record = AmendedRecord::Rating;
    referrals.recordId = observation.id;
    referrals.field = "referrals";
    referrals.newValue = codeListValue({"back.levator_scapulae.left"});
    referrals.author = "Dr Ana Ruiz";
    referrals.amendedUtc = signedUtc + 4 * 86400;
    referrals.reason = "left out";
    amendRecord(database.sql(), referrals);
    SessionAmendment plan;
    plan.sessionId = visit.id;
    plan.field = SessionField::Plan;
    plan.originalValue = "Weekly.";
    plan.newValue = "Fortnightly.";
    plan.author = "Dr Ana Ruiz";
    plan.amendedUtc = signedUtc + 2 * 86400;
    plan.reason = "client asked";
    amendSession(database.sql(), plan);

    const ReportData data = loadReportData(database, client, {});
    REQUIRE(data.visitRecords.size() == 1);
    const VisitRecord& record = data.visitRecords.front();
    // The ratings and treatments read as amended (the database applied it).
    REQUIRE(record.ratings.size() == 1);
    CHECK(record.ratings[0].rfind("Left upper trapezius: 3/10", 0) == 0);
    REQUIRE(record.treatments.size() == 1);
    CHECK(record.treatments[0].rfind("Heat, 15 min", 0) == 0);

    REQUIRE(record.amendments.size() == 4);
    const AmendmentLine& rating = record.amendments[0];
    CHECK(rating.what == "Rating: Left upper trapezius \u2014 Pain");
    CHECK(rating.original == "7/10");
    CHECK(rating.amended == "3/10");
    CHECK(rating.author == "Dr Ana Ruiz");
    CHECK(rating.when == "2026-03-15 10:30"); // at the visit's own UTC offset
    CHECK(rating.reason == "misread the chart");
    CHECK(record.amendments[1].what == "Plan");
    const AmendmentLine& treated = record.amendments[2];
    CHECK(treated.what == "Treatment: Heat, whole session \u2014 Minutes");
    CHECK(treated.original == "10 min");
    CHECK(treated.amended == "15 min");
    CHECK(treated.author == "Sam Lee");
    CHECK(treated.when == "2026-03-17 10:30");
    CHECK(treated.reason == "timer ran on");
    const AmendmentLine& referred = record.amendments[3];
    CHECK(referred.what == "Rating: Left upper trapezius \u2014 Referred regions");
    CHECK(referred.original == "none");
    CHECK(referred.amended == "Left levator scapulae"); // the atlas' name, not the code

    // visitAmendments gives the same trail for a visit on its own.
    const auto stored = SessionRepository(database.sql()).get(visit.id);
    REQUIRE(stored.has_value());
    CHECK(visitAmendments(database, *stored, data).size() == 4);

    // And the layout prints them as the session amendments are printed.
    PdfDocument document;
    const std::string printed = printedText(visitRecordBlocks(record, document, 495));
    const auto printedHas = [&printed](const std::string& part) {
        return printed.find(part) != std::string::npos;
    };
    CHECK(printedHas("Amendments (4, oldest first)"));
    CHECK(printedHas("Rating: Left upper trapezius \u2014 Pain amended on 2026-03-15 "
                     "10:30 by Dr Ana Ruiz. Reason: misread the chart"));
    CHECK(printedHas("Original: 7/10"));
    CHECK(printedHas("Amended: 3/10"));
    CHECK(printedHas("Treatment: Heat, whole session \u2014 Minutes amended on "
                     "2026-03-17 10:30 by Sam Lee. Reason: timer ran on"));
    CHECK(printedHas("Original: 10 min"));
    CHECK(printedHas("Amended: 15 min"));
    CHECK(printedHas("Amended: Left levator scapulae"));
}
