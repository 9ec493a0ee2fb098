#include "core/record_history_text.h"
#include "zone_scope.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using knotmap::RecordEvent;
using knotmap::recordHistoryLines;
using knotmap::RecordNames;
using knotmap::testing::ZoneScope;

namespace {

constexpr std::int64_t kAt = 1796306531;  // 2026-12-03 14:02:11 UTC
constexpr std::int64_t kNow = 1796472000; // two days later

RecordEvent event(std::string table, std::string action, std::optional<std::string> before,
                  std::optional<std::string> after, std::int64_t at = kAt) {
    return {
        at, "Dana Ruiz", std::move(table), std::move(action), std::move(before), std::move(after)};
}

std::vector<std::string> lines(const std::vector<RecordEvent>& events, const std::string& table,
                               const RecordNames& names = {}) {
    return recordHistoryLines(events, table, names, kNow);
}

// A session row as the trail's JSON holds it, with the fields given.
std::string visit(const std::string& fields) {
    return R"({"id":7,"client_id":2,"started_utc":1773477000,"utc_offset_min":60,)" + fields +
           R"(,"version":3})";
}

} // namespace

TEST_CASE("record history: a visit's creation, signing and changes read as sentences") {
    const ZoneScope zone("UTC");
    const std::string checkIn = visit(R"("kind":"self_checkin","notes":"","signed_utc":null,)"
                                      R"("signed_by":null,"overall_pain":6,"stress":null)");
    const std::string therapy = visit(R"("kind":"therapy_visit","notes":"tight after driving",)"
                                      R"("signed_utc":null,"signed_by":null,"overall_pain":4,)"
                                      R"("stress":5)");
    const std::string signedVisit =
        visit(R"("kind":"therapy_visit","notes":"tight after driving",)"
              R"("signed_utc":1796306531,"signed_by":"Dana Ruiz","overall_pain":4,"stress":5)");
    const std::vector<std::string> shown = lines({event("session", "insert", std::nullopt, checkIn),
                                                  event("session", "update", checkIn, therapy),
                                                  event("session", "update", therapy, signedVisit)},
                                                 "session");
    REQUIRE(shown.size() == 3);
    CHECK(shown[0] == "Created by Dana Ruiz on 3 Dec 14:02");
    CHECK(shown[1] == "Changed by Dana Ruiz on 3 Dec 14:02: kind self check-in → therapy visit; "
                      "notes set to “tight after driving”; overall pain 6 → 4; stress set to 5");
    CHECK(shown[2] == "Signed by Dana Ruiz on 3 Dec 14:02");
}

TEST_CASE("record history: signing under another name says the name signed") {
    const ZoneScope zone("UTC");
    const std::string open = visit(R"("signed_utc":null,"signed_by":null)");
    const std::string done = visit(R"("signed_utc":1796306531,"signed_by":"J. Rivera, RMT")");
    CHECK(lines({event("session", "update", open, done)}, "session") ==
          std::vector<std::string>{"Signed by Dana Ruiz on 3 Dec 14:02: as “J. Rivera, RMT”"});
}

TEST_CASE("record history: a visit moved in time shows its local times, in its own offset") {
    const ZoneScope zone("UTC");
    const std::string before = visit(R"("notes":"")");
    std::string after = before;
    after.replace(after.find("1773477000"), 10, "1773479700"); // 45 minutes later
    CHECK(lines({event("session", "update", before, after)}, "session") ==
          std::vector<std::string>{
              "Changed by Dana Ruiz on 3 Dec 14:02: time 2026-03-14 09:30 → 2026-03-14 10:15"});
}

TEST_CASE("record history: a visit's triggers and amendments name what they are") {
    const ZoneScope zone("UTC");
    RecordNames names;
    names.trigger = [](std::int64_t id) {
        return id == 3 ? std::string("Long drive") : "";
    };
    const std::vector<std::string> shown = lines(
        {event("session_trigger", "insert", std::nullopt, R"({"session_id":7,"trigger_id":3})"),
         event("session_trigger", "delete", R"({"session_id":7,"trigger_id":9})", std::nullopt),
         event("session_amendment", "insert", std::nullopt,
               R"({"id":1,"session_id":7,"field":"overall_pain","original_value":"4",)"
               R"("new_value":"5","author":"Dana Ruiz","amended_utc":1796306531,)"
               R"("reason":"misheard the client"})")},
        "session", names);
    REQUIRE(shown.size() == 3);
    CHECK(shown[0] == "Added by Dana Ruiz on 3 Dec 14:02: trigger “Long drive”");
    CHECK(shown[1] == "Removed by Dana Ruiz on 3 Dec 14:02: trigger 9"); // a name no longer known
    CHECK(shown[2] == "Amended by Dana Ruiz on 3 Dec 14:02: overall pain 4 → 5 "
                      "(reason: “misheard the client”)");
}

TEST_CASE("record history: a treatment's kind is named, and its amendment is told once") {
    const ZoneScope zone("UTC");
    RecordNames names;
    names.treatmentKind = [](std::int64_t id) {
        return id == 1 ? std::string("Heat") : std::string("Stretching");
    };
    const std::string row1 = R"({"id":4,"session_id":7,"knot_id":null,"kind_id":1,"minutes":10,)"
                             R"("intensity":null,"notes":"","version":1})";
    const std::string row2 = R"({"id":4,"session_id":7,"knot_id":null,"kind_id":2,"minutes":15,)"
                             R"("intensity":"firm","notes":"","version":2})";
    const std::string row3 = R"({"id":4,"session_id":7,"knot_id":null,"kind_id":2,"minutes":20,)"
                             R"("intensity":"firm","notes":"","version":3})";
    const std::vector<std::string> shown =
        lines({event("treatment", "insert", std::nullopt, row1, kAt - 600),
               event("treatment", "update", row1, row2, kAt - 300),
               event("treatment_amendment", "insert", std::nullopt,
                     R"({"id":2,"treatment_id":4,"field":"minutes","original_value":"15",)"
                     R"("new_value":"20","reason":"the timer ran on"})"),
               event("treatment", "update", row2, row3)},
              "treatment", names);
    REQUIRE(shown.size() == 3);
    CHECK(shown[0] == "Created by Dana Ruiz on 3 Dec 13:52");
    CHECK(shown[1] == "Changed by Dana Ruiz on 3 Dec 13:57: kind “Heat” → “Stretching”; "
                      "minutes 10 → 15; intensity set to firm");
    CHECK(shown[2] ==
          "Amended by Dana Ruiz on 3 Dec 14:02: minutes 15 → 20 (reason: “the timer ran on”)");
}

TEST_CASE("record history: a client's notes, archiving and long text") {
    const ZoneScope zone("UTC");
    const std::string row1 = R"({"id":2,"name":"Vera Nelson","birth_year":null,"notes":"",)"
                             R"("archived":0,"created_utc":1,"version":1})";
    const std::string row2 = R"({"id":2,"name":"Vera Nelson","birth_year":1984,)"
                             R"("notes":"Desk job, left-handed, right shoulder flares after long )"
                             R"(drives","archived":0,"created_utc":1,"version":2})";
    std::string row3 = row2;
    row3.replace(row3.find(R"("archived":0)"), 12, R"("archived":1)");
    const std::vector<std::string> shown = lines(
        {event("client", "update", row1, row2), event("client", "update", row2, row3),
         event("client", "update", row3, row2), event("client", "delete", row2, std::nullopt)},
        "client");
    REQUIRE(shown.size() == 4);
    CHECK(shown[0] == "Changed by Dana Ruiz on 3 Dec 14:02: birth year set to 1984; notes set to "
                      "“Desk job, left-handed, right shoulder fl…”"); // 40 characters
    CHECK(shown[1] == "Archived by Dana Ruiz on 3 Dec 14:02");
    CHECK(shown[2] == "Unarchived by Dana Ruiz on 3 Dec 14:02");
    CHECK(shown[3] == "Deleted by Dana Ruiz on 3 Dec 14:02");
}

TEST_CASE("record history: a rating's kind reads as words and a cleared value says what it was") {
    const ZoneScope zone("UTC");
    const std::string row1 =
        R"({"id":12,"session_id":7,"knot_id":3,"pain":6,"kind":"active_trigger_point",)"
        R"("notes":"ropey","version":1})";
    const std::string row2 =
        R"({"id":12,"session_id":7,"knot_id":3,"pain":4,"kind":"latent_trigger_point",)"
        R"("notes":"","version":2})";
    CHECK(lines({event("observation", "update", row1, row2)}, "observation") ==
          std::vector<std::string>{"Changed by Dana Ruiz on 3 Dec 14:02: pain 6 → 4; kind active "
                                   "trigger point → latent trigger point; notes cleared (was "
                                   "“ropey”)"});
}

TEST_CASE("record history: malformed rows give a bare line rather than a throw") {
    const ZoneScope zone("UTC");
    CHECK(lines({event("session", "update", std::string("{not json"), std::string("[]"))},
                "session") == std::vector<std::string>{"Changed by Dana Ruiz on 3 Dec 14:02"});
}

TEST_CASE("record history: notes going from empty to not recorded is no change") {
    const ZoneScope zone("UTC");
    const std::string row1 =
        R"({"id":12,"session_id":7,"knot_id":3,"pain":6,"notes":"","version":1})";
    const std::string row2 =
        R"({"id":12,"session_id":7,"knot_id":3,"pain":4,"notes":null,"version":2})";
    CHECK(lines({event("observation", "update", row1, row2),  // "" → null
                 event("observation", "update", row2, row1)}, // null → ""
                "observation") ==
          std::vector<std::string>{"Changed by Dana Ruiz on 3 Dec 14:02: pain 6 → 4",
                                   "Changed by Dana Ruiz on 3 Dec 14:02: pain 4 → 6"});
    // Only the empty notes changed form: nothing to tell but the change itself.
    const std::string row3 =
        R"({"id":12,"session_id":7,"knot_id":3,"pain":6,"notes":null,"version":2})";
    CHECK(lines({event("observation", "update", row1, row3)}, "observation") ==
          std::vector<std::string>{"Changed by Dana Ruiz on 3 Dec 14:02"});
}
