#include "core/demo_generator.h"
#include "core/demo_time_zones.h"
#include "core/timestamp.h"
#include "zone_scope.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace knotmap;
using namespace knotmap::demo_detail;

namespace {

constexpr std::int64_t kHour = 3600;

// Keeps what the generator hands over: enough to check times and kinds.
class SessionSink : public DemoSink {
public:
    void addClient(Client& client) override {
        client.id = ++m_nextId;
        clients.push_back(client);
    }
    void addSession(Session& session) override {
        session.id = ++m_nextId;
        sessions.push_back(session);
    }
    void addKnot(Knot& knot) override { knot.id = ++m_nextId; }
    void updateKnot(const Knot&) override {}
    void addObservation(Observation& observation) override { observation.id = ++m_nextId; }
    void addTreatment(Treatment& treatment) override { treatment.id = ++m_nextId; }

    std::vector<Client> clients;
    std::vector<Session> sessions;

private:
    Id m_nextId = 0;
};

const DemoZone& zoneNamed(std::string_view name) {
    for (const DemoZone& zone : demoHomeZones()) {
        if (zone.name == name) {
            return zone;
        }
    }
    REQUIRE(demoTravelZone().name == name);
    return demoTravelZone();
}

std::int64_t at(int year, int month, int day, int hour, int minute = 0) {
    return secondsFromCivil({year, month, day, hour, minute, 0});
}

// 2026-03-20 13:24 UTC: a Friday afternoon, a week before Europe's clocks go
// forward and twelve days after America's did.
constexpr CivilDateTime kNow{2026, 3, 20, 13, 24, 0};

DemoOptions endingNow(int clients, int days) {
    DemoOptions options;
    options.clients = clients;
    options.days = days;
    options.seed = 12;
    options.endYear = kNow.year;
    options.endMonth = kNow.month;
    options.endDay = kNow.day;
    options.nowUtcSeconds = secondsFromCivil(kNow);
    return options;
}

} // namespace

TEST_SUITE("demo time zones") {
    TEST_CASE("the European and US rules change the clocks on the documented days") {
        const DemoZone& london = zoneNamed("Europe/London");
        const DemoZone& berlin = zoneNamed("Europe/Berlin");
        const DemoZone& newYork = zoneNamed("America/New_York");
        // 2026: last Sunday of March is the 29th, of October the 25th, at 01:00 UTC.
        CHECK(offsetAt(london, at(2026, 3, 29, 1) - 1) == 0);
        CHECK(offsetAt(london, at(2026, 3, 29, 1)) == 60);
        CHECK(offsetAt(berlin, at(2026, 3, 29, 1) - 1) == 60);
        CHECK(offsetAt(berlin, at(2026, 3, 29, 1)) == 120);
        CHECK(offsetAt(london, at(2026, 10, 25, 1) - 1) == 60);
        CHECK(offsetAt(london, at(2026, 10, 25, 1)) == 0);
        // 2026: second Sunday of March is the 8th, first of November the 1st,
        // at 02:00 local: 07:00 UTC in March (EST), 06:00 UTC in November (EDT).
        CHECK(offsetAt(newYork, at(2026, 3, 8, 7) - 1) == -300);
        CHECK(offsetAt(newYork, at(2026, 3, 8, 7)) == -240);
        CHECK(offsetAt(newYork, at(2026, 11, 1, 6) - 1) == -240);
        CHECK(offsetAt(newYork, at(2026, 11, 1, 6)) == -300);
        CHECK(offsetAt(demoTravelZone(), at(2026, 7, 1, 0)) == 540);
    }

    TEST_CASE("the rules agree with the system's time zone database, hour by hour") {
        if (!std::filesystem::exists("/usr/share/zoneinfo/Europe/London")) {
            MESSAGE("no /usr/share/zoneinfo: comparison skipped");
            return;
        }
        for (const DemoZone& zone : demoHomeZones()) {
            const std::string name(zone.name);
            const knotmap::testing::ZoneScope scope(name.c_str());
            int differences = 0;
            for (std::int64_t t = at(2023, 1, 1, 0); t < at(2029, 1, 1, 0); t += kHour) {
                differences += offsetAt(zone, t) != LocalTimestamp::systemOffsetAt(t) ? 1 : 0;
            }
            INFO(name);
            CHECK(differences == 0);
        }
    }

    TEST_CASE("local times in the gap move forward, repeated ones are the first") {
        const DemoZone& newYork = zoneNamed("America/New_York");
        const LocalTimestamp skipped = localTimeIn(newYork, {2026, 3, 8, 2, 30, 0});
        CHECK(skipped.toIso8601() == "2026-03-08T03:30:00-04:00");
        const LocalTimestamp twice = localTimeIn(newYork, {2026, 11, 1, 1, 30, 0});
        CHECK(twice.toIso8601() == "2026-11-01T01:30:00-04:00");
        CHECK(localTimeIn(newYork, {2026, 11, 1, 2, 30, 0}).toIso8601() ==
              "2026-11-01T02:30:00-05:00");
        const DemoZone& london = zoneNamed("Europe/London");
        CHECK(localTimeIn(london, {2026, 3, 29, 1, 15, 0}).toIso8601() ==
              "2026-03-29T02:15:00+01:00");
        CHECK(localTimeIn(london, {2026, 7, 1, 20, 0, 0}).utcSeconds() == at(2026, 7, 1, 19));
    }

    TEST_CASE("no generated session is later than now, and today's earlier ones are there") {
        SessionSink sink;
        generateDemo(endingNow(3, 200), sink);
        REQUIRE(sink.sessions.size() > 400);
        const std::int64_t now = secondsFromCivil(kNow);
        std::int64_t latest = 0;
        for (const Session& session : sink.sessions) {
            CHECK(session.startedAt.utcSeconds() <= now);
            latest = std::max(latest, session.startedAt.utcSeconds());
        }
        // The history reaches up to today, not just to yesterday.
        CHECK(latest > now - 24 * kHour);

        // Without a limit, the same seed does write later that day: the limit
        // is what keeps them out.
        DemoOptions unbounded = endingNow(3, 200);
        unbounded.nowUtcSeconds.reset();
        SessionSink all;
        generateDemo(unbounded, all);
        CHECK(std::any_of(all.sessions.begin(), all.sessions.end(),
                          [now](const Session& s) { return s.startedAt.utcSeconds() > now; }));
    }

    TEST_CASE("each client keeps their zone's offsets across daylight-saving changes") {
        SessionSink sink;
        generateDemo(endingNow(3, 200), sink); // September 2025 to March 2026
        REQUIRE(sink.clients.size() == 3);
        const std::vector<std::string_view> homes{"Europe/London", "Europe/Berlin",
                                                  "America/New_York"};
        const std::vector<std::set<int>> expected{{0, 60}, {60, 120}, {-300, -240}};
        for (std::size_t c = 0; c < sink.clients.size(); ++c) {
            const DemoZone& home = zoneNamed(homes[c]);
            std::set<int> offsets;
            for (const Session& session : sink.sessions) {
                if (session.clientId != sink.clients[c].id) {
                    continue;
                }
                const int offset = session.startedAt.offsetMinutes();
                if (offset == demoTravelZone().standardOffsetMinutes) {
                    continue; // abroad: checked below
                }
                offsets.insert(offset);
                // The offset is the one in force at home at that instant.
                CHECK(offset == offsetAt(home, session.startedAt.utcSeconds()));
            }
            INFO(homes[c]);
            CHECK(offsets == expected[c]);
        }
    }

    TEST_CASE("one client travels once: a stretch of check-ins at +09:00, no visits") {
        SessionSink sink;
        generateDemo(endingNow(3, 200), sink);
        std::map<Id, std::vector<const Session*>> byClient;
        for (const Session& session : sink.sessions) {
            byClient[session.clientId].push_back(&session);
        }
        int travellers = 0;
        for (const auto& [client, sessions] : byClient) {
            std::vector<std::size_t> abroad;
            for (std::size_t i = 0; i < sessions.size(); ++i) {
                if (sessions[i]->startedAt.offsetMinutes() == 540) {
                    abroad.push_back(i);
                }
            }
            if (abroad.empty()) {
                continue;
            }
            ++travellers;
            CHECK(client == sink.clients.front().id);
            // One contiguous stretch of check-ins, a week or so long.
            CHECK(abroad.back() - abroad.front() + 1 == abroad.size());
            CHECK(abroad.size() >= 4);
            CHECK(abroad.size() <= 10);
            for (const std::size_t i : abroad) {
                CHECK(sessions[i]->kind == SessionKind::SelfCheckIn);
                const CivilDateTime local = sessions[i]->startedAt.local();
                CHECK(local.hour >= 7); // the usual waking day, in Tokyo's time
                CHECK(local.hour <= 22);
            }
            // Home before and after, and still in time order across both flights.
            REQUIRE(abroad.front() > 0);
            REQUIRE(abroad.back() + 1 < sessions.size());
            for (std::size_t i = 1; i < sessions.size(); ++i) {
                CHECK(sessions[i - 1]->startedAt.utcSeconds() <
                      sessions[i]->startedAt.utcSeconds());
            }
            const std::int64_t days = (sessions[abroad.back()]->startedAt.utcSeconds() -
                                       sessions[abroad.front()]->startedAt.utcSeconds()) /
                                      86400;
            CHECK(days >= 4);
            CHECK(days <= 10);
            // Within the last 90 days, so the charts' first window shows it.
            CHECK(sessions[abroad.front()]->startedAt.utcSeconds() >
                  secondsFromCivil(kNow) - 90 * 86400);
        }
        CHECK(travellers == 1);
    }
}
