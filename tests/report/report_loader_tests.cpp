// The report's records read from a real SQLite file: a signed visit with an
// amendment, its ratings and treatments, and a check-in.
#include "report/report_loader.h"
#include "store/amendment_repository.h"
#include "store/client_repository.h"
#include "store/database.h"
#include "store/knot_repository.h"
#include "store/observation_repository.h"
#include "store/session_repository.h"
#include "store/treatment_repository.h"
#include "support/temp_folder.h"

#include <doctest/doctest.h>

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
