#include "store/import_id_set.h"
#include "store/import_pair_set.h"
#include "store/import_scratch_database.h"
#include "store/import_session_table.h"
#include "store/import_treatment_kinds.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

// The import check's memory of sessions, pairs, treatment ids and kinds
// (store/import_key_index.h) answers exactly as a plain set or map would,
// whether the input comes in an export's order (kept in order, no scratch
// table) or not (fallen back to the scratch table). The file-level tests
// with their messages are in test_import_out_of_order.cpp.
using namespace knotmap;

namespace {

using Rank = std::optional<std::int64_t>;

struct PairCall {
    Rank rank;
    Id session;
    Id knot;
    bool add; // add, or only ask
};

// The rank of a session: sessions 1 to 99 are ranked by their id times ten
// (an export's order); from 100 on they are unranked (not in sessions.csv).
Rank rankOf(Id session) {
    return session < 100 ? Rank(session * 10) : std::nullopt;
}

// Runs calls through an ImportPairSet and a std::set side by side.
bool pairSetFallsBack(const std::vector<PairCall>& calls) {
    ImportScratchDatabase scratch;
    ImportPairSet pairs(scratch);
    std::set<std::pair<Id, Id>> model;
    for (std::size_t i = 0; i < calls.size(); ++i) {
        const PairCall& call = calls[i];
        INFO("call " << i << ": session " << call.session << ", knot " << call.knot);
        if (call.add) {
            CHECK(pairs.add(call.rank, call.session, call.knot) ==
                  model.emplace(call.session, call.knot).second);
        } else {
            CHECK(pairs.contains(call.rank, call.session, call.knot) ==
                  (model.count({call.session, call.knot}) == 1));
        }
    }
    CHECK(pairs.count() == static_cast<std::int64_t>(model.size()));
    return pairs.fellBack();
}

// An export's order: sessions by rank, knots increasing within each.
std::vector<PairCall> exportOrder(int sessions, int knots) {
    std::vector<PairCall> calls;
    for (Id session = 1; session <= sessions; ++session) {
        for (Id knot = 1; knot <= knots; ++knot) {
            calls.push_back({rankOf(session), session, knot * 3, true});
        }
    }
    return calls;
}

} // namespace

TEST_CASE("pairs in an export's order are kept in order, and a repeat within a session is found") {
    std::vector<PairCall> calls = exportOrder(50, 4);
    // A pair asked about (a bad row past the list's room), a repeat and a
    // knot below the last one, all within the current session.
    calls.insert(calls.begin() + 6, {rankOf(2), 2, 3, true});
    calls.insert(calls.begin() + 7, {rankOf(2), 2, 6, false});
    calls.insert(calls.begin() + 8, {rankOf(2), 2, 2, true});
    calls.insert(calls.begin() + 9, {rankOf(2), 2, 2, true});
    // Knots out of order within a session: 12 after 3, 6 and 2, then 3 and 12 again.
    calls.insert(calls.begin() + 10, {rankOf(2), 2, 3, true});
    calls.insert(calls.begin() + 11, {rankOf(2), 2, 12, true});
    calls.insert(calls.begin() + 12, {rankOf(2), 2, 1, true});
    calls.insert(calls.begin() + 13, {rankOf(2), 2, 12, true});
    calls.insert(calls.begin() + 14, {rankOf(2), 2, 1, false});
    // A later session only asked about, then rated; an unranked session.
    calls.insert(calls.begin() + 20, {rankOf(60), 60, 1, false});
    calls.insert(calls.begin() + 21, {std::nullopt, 150, 1, true});
    calls.insert(calls.begin() + 22, {std::nullopt, 150, 1, true});
    calls.push_back({rankOf(60), 60, 1, true});
    calls.push_back({std::nullopt, 150, 1, false});
    CHECK_FALSE(pairSetFallsBack(calls));
}

TEST_CASE("pairs out of order fall back to the scratch table and still find every repeat") {
    SUBCASE("a session comes back after others, repeating a pair from before the break") {
        std::vector<PairCall> calls = exportOrder(30, 3);
        calls.push_back({rankOf(4), 4, 6, true});   // the break, and a repeat across it
        calls.push_back({rankOf(4), 4, 7, true});   // new
        calls.push_back({rankOf(31), 31, 3, true}); // a new session after the break
        calls.push_back({rankOf(2), 2, 9, true});   // a repeat far apart, after the break
        calls.push_back({rankOf(31), 31, 3, true}); // a repeat of a pair made after the break
        calls.push_back({rankOf(4), 4, 7, false});
        CHECK(pairSetFallsBack(calls));
    }
    SUBCASE("a break that is only a question") {
        std::vector<PairCall> calls = exportOrder(10, 2);
        calls.push_back({rankOf(3), 3, 3, false});
        calls.push_back({rankOf(3), 3, 4, false});
        calls.push_back({rankOf(3), 3, 3, true});
        CHECK(pairSetFallsBack(calls));
    }
    SUBCASE("a session with more knots than a run holds") {
        std::vector<PairCall> calls;
        for (Id knot = 1; knot <= static_cast<Id>(ImportPairSet::kMaxRunKnots) + 10; ++knot) {
            calls.push_back({rankOf(1), 1, knot, true});
        }
        calls.push_back({rankOf(1), 1, 1, true});
        calls.push_back({rankOf(1), 1, 4100, true});
        calls.push_back({rankOf(2), 2, 1, true});
        CHECK(pairSetFallsBack(calls));
    }
    SUBCASE("shuffled, with repeats and questions, several seeds") {
        for (unsigned seed = 1; seed <= 5; ++seed) {
            std::mt19937 random(seed);
            std::vector<PairCall> calls = exportOrder(40, 5);
            for (int i = 0; i < 300; ++i) {
                const Id session = 1 + static_cast<Id>(random() % 45) + (i % 7 == 0 ? 100 : 0);
                calls.push_back({rankOf(session), session, 3 * (1 + static_cast<Id>(random() % 6)),
                                 random() % 4 != 0});
            }
            std::shuffle(calls.begin(), calls.end(), random);
            INFO("seed " << seed);
            CHECK(pairSetFallsBack(calls));
        }
    }
}

namespace {

struct KindCall {
    Rank rank;
    Id session;
    Id knot;
    std::string code; // added, or "?" to ask for the pair's kinds
};

// Runs calls through an ImportTreatmentKinds and a std::map side by side.
bool treatmentKindsFallBack(const std::vector<KindCall>& calls) {
    ImportScratchDatabase scratch;
    ImportTreatmentKinds kinds(scratch);
    std::map<std::pair<Id, Id>, std::string> model;
    for (std::size_t i = 0; i < calls.size(); ++i) {
        const KindCall& call = calls[i];
        INFO("call " << i << ": session " << call.session << ", knot " << call.knot);
        std::string& listed = model[{call.session, call.knot}];
        if (call.code == "?") {
            CHECK(kinds.codes(call.rank, call.session, call.knot) == listed);
        } else {
            kinds.add(call.rank, call.session, call.knot, call.code);
            listed += (listed.empty() ? "" : ";") + call.code;
        }
    }
    return kinds.fellBack();
}

// treatments.csv of an export (sessions in rank order, several kinds on
// some pairs, sessions with no treatment), then each pair asked for in
// observations.csv's order, including pairs with no treatment.
std::vector<KindCall> exportKindOrder(int sessions) {
    std::vector<KindCall> calls;
    for (Id session = 1; session <= sessions; ++session) {
        if (session % 4 == 0) {
            continue;
        }
        calls.push_back({rankOf(session), session, 3, "massage_" + std::to_string(session)});
        calls.push_back({rankOf(session), session, 6, "stretching"});
        if (session % 3 == 0) {
            calls.push_back({rankOf(session), session, 3, "heat"});
        }
    }
    calls.push_back({std::nullopt, 120, 3, "unranked"});
    for (Id session = 1; session <= sessions; ++session) {
        if (session % 5 == 0) {
            continue; // no observations at all
        }
        for (Id knot = 3; knot <= 9; knot += 3) {
            calls.push_back({rankOf(session), session, knot, "?"});
        }
    }
    calls.push_back({std::nullopt, 120, 3, "?"});
    return calls;
}

} // namespace

TEST_CASE("treatment kinds in an export's order are read with a forward walk") {
    CHECK_FALSE(treatmentKindsFallBack(exportKindOrder(40)));
    // Asked for again, in the same session: still in order.
    std::vector<KindCall> calls = exportKindOrder(10);
    calls.push_back({rankOf(10), 10, 3, "?"});
    calls.push_back({rankOf(10), 10, 3, "?"});
    CHECK_FALSE(treatmentKindsFallBack(calls));
    // No treatments at all, and nothing to ask.
    CHECK_FALSE(treatmentKindsFallBack({{rankOf(1), 1, 3, "?"}, {std::nullopt, 101, 3, "?"}}));
}

TEST_CASE("treatment kinds out of order fall back and give the same lists") {
    SUBCASE("observations out of order: a session asked for after a later one") {
        std::vector<KindCall> calls = exportKindOrder(20);
        calls.push_back({rankOf(3), 3, 3, "?"});
        calls.push_back({rankOf(9), 9, 3, "?"});
        calls.push_back({rankOf(9), 9, 6, "?"});
        CHECK(treatmentKindsFallBack(calls));
    }
    SUBCASE("treatments out of order") {
        std::vector<KindCall> calls = exportKindOrder(20);
        calls.insert(calls.begin() + 10, {rankOf(1), 1, 3, "late_kind"});
        CHECK(treatmentKindsFallBack(calls));
    }
    SUBCASE("a treatment after the first question") {
        std::vector<KindCall> calls = exportKindOrder(20);
        calls.push_back({rankOf(19), 19, 9, "after"});
        calls.push_back({rankOf(19), 19, 9, "?"});
        calls.push_back({rankOf(19), 19, 3, "?"});
        CHECK(treatmentKindsFallBack(calls));
    }
    SUBCASE("a session with more treatments than memory holds") {
        std::vector<KindCall> calls;
        const auto many = static_cast<Id>(ImportTreatmentKinds::kMaxSessionTreatments) + 5;
        for (Id knot = 1; knot <= many; ++knot) {
            calls.push_back({rankOf(1), 1, knot, "k" + std::to_string(knot)});
        }
        calls.push_back({rankOf(2), 2, 1, "two"});
        calls.push_back({rankOf(1), 1, many, "?"});
        calls.push_back({rankOf(1), 1, 1, "?"});
        calls.push_back({rankOf(2), 2, 1, "?"});
        CHECK(treatmentKindsFallBack(calls));
    }
    SUBCASE("shuffled, several seeds") {
        for (unsigned seed = 1; seed <= 5; ++seed) {
            std::mt19937 random(seed);
            std::vector<KindCall> calls = exportKindOrder(30);
            const auto firstQuestion = std::find_if(
                calls.begin(), calls.end(), [](const KindCall& c) { return c.code == "?"; });
            // The treatments shuffled among themselves, then the questions.
            std::shuffle(calls.begin(), firstQuestion, random);
            std::shuffle(firstQuestion, calls.end(), random);
            INFO("seed " << seed);
            CHECK(treatmentKindsFallBack(calls));
        }
    }
}

TEST_CASE("treatment ids: each one found again, in or out of the range kept as bits") {
    ImportScratchDatabase scratch;
    ImportIdSet ids(scratch, "some_id");
    const std::vector<Id> taken{1,
                                2,
                                63,
                                64,
                                ImportIdSet::kBitsPerBlock - 1,
                                ImportIdSet::kBitsPerBlock,
                                ImportIdSet::kBitLimit - 1,
                                ImportIdSet::kBitLimit,
                                std::int64_t{1} << 40,
                                -5};
    for (const Id id : taken) {
        INFO("id " << id);
        CHECK_FALSE(ids.contains(id));
        ids.add(id);
        CHECK(ids.contains(id));
        ids.add(id); // twice is harmless
        CHECK(ids.contains(id));
    }
    for (const Id id : {Id{0}, Id{3}, Id{62}, Id{65}, ImportIdSet::kBitsPerBlock + 1,
                        ImportIdSet::kBitLimit + 1, (std::int64_t{1} << 40) + 1, Id{-4}}) {
        INFO("id " << id);
        CHECK_FALSE(ids.contains(id));
    }
}

namespace {

// A step of a session table's use: add a session, look one up, or rewind.
struct SessionCall {
    enum Kind { Add, Find, Rewind } kind;
    Id id = 0;
};

ImportSession sessionFor(Id id) {
    return {id % 7, LocalTimestamp(1700000000 + id * 3600, static_cast<int>(id % 5) * 60),
            id % 2 == 0 ? SessionKind::TherapyVisit : SessionKind::SelfCheckIn, id * 10 + 1,
            id % 11 != 0};
}

// Runs calls through an ImportSessionTable and a std::map side by side.
bool sessionTableFallsBack(const std::vector<SessionCall>& calls) {
    ImportScratchDatabase scratch;
    ImportSessionTable sessions(scratch);
    std::map<Id, ImportSession> model;
    for (std::size_t i = 0; i < calls.size(); ++i) {
        const SessionCall& call = calls[i];
        INFO("call " << i << ": session " << call.id);
        if (call.kind == SessionCall::Rewind) {
            sessions.rewind();
        } else if (call.kind == SessionCall::Add) {
            REQUIRE(model.count(call.id) == 0);
            model[call.id] = sessionFor(call.id);
            sessions.add(call.id, sessionFor(call.id));
        } else {
            const ImportSession* found = sessions.find(call.id);
            const auto expected = model.find(call.id);
            REQUIRE((found != nullptr) == (expected != model.end()));
            if (found != nullptr) {
                CHECK(found->client == expected->second.client);
                CHECK(found->time == expected->second.time);
                CHECK(found->kind == expected->second.kind);
                CHECK(found->line == expected->second.line);
                CHECK(found->ok == expected->second.ok);
            }
        }
    }
    CHECK(sessions.size() == static_cast<std::int64_t>(model.size()));
    return sessions.fellBack();
}

// sessions.csv of an export (ids not in order, as an export sorts by client
// and time), then a file naming them in that order, some not at all, some
// several times, and ids that are not there.
std::vector<SessionCall> exportSessionOrder(const std::vector<Id>& ids) {
    std::vector<SessionCall> calls;
    for (const Id id : ids) {
        calls.push_back({SessionCall::Find, id}); // the check for a repeated id
        calls.push_back({SessionCall::Add, id});
    }
    for (int file = 0; file < 2; ++file) {
        calls.push_back({SessionCall::Rewind});
        for (std::size_t i = 0; i < ids.size(); ++i) {
            if ((i + static_cast<std::size_t>(file)) % 3 == 0) {
                continue; // a session this file does not name
            }
            calls.push_back({SessionCall::Find, ids[i]});
            calls.push_back({SessionCall::Find, ids[i]});
            if (i % 4 == 0) {
                calls.push_back({SessionCall::Find, 100000 + ids[i]}); // not there
            }
        }
        calls.push_back({SessionCall::Find, ids.back()});
    }
    return calls;
}

std::vector<Id> exportedSessionIds() {
    return {5,   9, 2,  40, 41, 7,  3, 100, 101,
            102, 8, 44, 60, 61, 62, 1, 30,  ImportIdSet::kBitLimit + 3,
            31,  33};
}

} // namespace

TEST_CASE("sessions in an export's order are found with a forward walk over each file") {
    CHECK_FALSE(sessionTableFallsBack(exportSessionOrder(exportedSessionIds())));
    // An observations file alone: each session added at its first row and
    // named again by the rows right after it.
    std::vector<SessionCall> calls;
    for (const Id id : exportedSessionIds()) {
        calls.push_back({SessionCall::Find, id});
        calls.push_back({SessionCall::Add, id});
        calls.push_back({SessionCall::Find, id});
        calls.push_back({SessionCall::Find, id});
    }
    CHECK_FALSE(sessionTableFallsBack(calls));
}

TEST_CASE("sessions looked up out of order fall back to the scratch table with the same answers") {
    SUBCASE("a file names a session before one it passed") {
        std::vector<SessionCall> calls = exportSessionOrder(exportedSessionIds());
        calls.insert(calls.end() - 3, {SessionCall::Find, 5});
        calls.push_back({SessionCall::Find, 62});
        CHECK(sessionTableFallsBack(calls));
    }
    SUBCASE("sessions.csv repeats an id far apart") {
        std::vector<SessionCall> calls;
        for (const Id id : exportedSessionIds()) {
            calls.push_back({SessionCall::Find, id});
            calls.push_back({SessionCall::Add, id});
        }
        calls.push_back({SessionCall::Find, 9});
        calls.push_back({SessionCall::Find, 1000});
        calls.push_back({SessionCall::Add, 1000});
        calls.push_back({SessionCall::Rewind});
        calls.push_back({SessionCall::Find, 1000});
        calls.push_back({SessionCall::Find, 5});
        CHECK(sessionTableFallsBack(calls));
    }
    SUBCASE("an observations file alone comes back to a session") {
        std::vector<SessionCall> calls;
        for (const Id id : {Id{3}, Id{4}, Id{5}}) {
            calls.push_back({SessionCall::Add, id});
            calls.push_back({SessionCall::Find, id});
        }
        calls.push_back({SessionCall::Find, 4});
        calls.push_back({SessionCall::Add, 6});
        calls.push_back({SessionCall::Find, 3});
        calls.push_back({SessionCall::Find, 6});
        CHECK(sessionTableFallsBack(calls));
    }
    SUBCASE("a session added after a walk began") {
        std::vector<SessionCall> calls = exportSessionOrder({1, 2, 3, 4});
        calls.push_back({SessionCall::Add, 10});
        calls.push_back({SessionCall::Find, 10});
        calls.push_back({SessionCall::Find, 2});
        CHECK(sessionTableFallsBack(calls));
    }
    SUBCASE("shuffled lookups, several seeds") {
        for (unsigned seed = 1; seed <= 5; ++seed) {
            std::mt19937 random(seed);
            std::vector<SessionCall> calls = exportSessionOrder(exportedSessionIds());
            const auto firstRewind =
                std::find_if(calls.begin(), calls.end(),
                             [](const SessionCall& c) { return c.kind == SessionCall::Rewind; });
            std::shuffle(firstRewind + 1, calls.end(), random);
            INFO("seed " << seed);
            CHECK(sessionTableFallsBack(calls));
        }
    }
}
