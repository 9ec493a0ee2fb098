#include "core/demo_generator.h"
#include "core/demo_sites.h"
#include "core/random.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace knotmap;

namespace {

std::string joined(const std::vector<std::string>& items) {
    std::string text;
    for (const std::string& item : items) {
        text += item;
        text += ';';
    }
    return text;
}

std::string optionalText(const std::optional<int>& value) {
    return value ? std::to_string(*value) : std::string("-");
}

// Keeps every record (and a one-line text form of each, in order) so tests
// can compare whole streams and check the history's shape.
class RecordingSink : public DemoSink {
public:
    void addClient(Client& client) override {
        client.id = ++m_nextId;
        clients.push_back(client);
        std::ostringstream line;
        line << "client " << client.id << ' ' << client.name << ' '
             << optionalText(client.birthYear) << ' ' << client.notes;
        lines.push_back(line.str());
    }
    void addSession(Session& session) override {
        session.id = ++m_nextId;
        sessions.push_back(session);
        std::ostringstream line;
        line << "session " << session.id << ' ' << session.clientId << ' '
             << session.startedAt.toIso8601() << ' ' << toCode(session.kind) << ' '
             << optionalText(session.overallPain) << ' ' << optionalText(session.stress) << ' '
             << optionalText(session.sleep) << ' ' << joined(session.triggerCodes) << ' '
             << session.therapist << '|' << session.subjective << '|' << session.objective << '|'
             << session.assessment << '|' << session.plan << '|' << session.notes;
        lines.push_back(line.str());
    }
    void addKnot(Knot& knot) override {
        knot.id = ++m_nextId;
        knots[knot.id] = knot;
        knotOrder.push_back(knot.id);
        std::ostringstream line;
        line.precision(17);
        line << "knot " << knot.id << ' ' << knot.clientId << ' ' << toCode(knot.view) << ' '
             << knot.position.x << ' ' << knot.position.y << ' ' << knot.regionCode << ' '
             << knot.label << ' ' << toCode(knot.status);
        lines.push_back(line.str());
    }
    void updateKnot(const Knot& knot) override {
        knots[knot.id] = knot;
        updates.push_back(knot);
        lines.push_back("update " + std::to_string(knot.id) + ' ' +
                        std::string(toCode(knot.status)));
    }
    void addObservation(Observation& observation) override {
        observation.id = ++m_nextId;
        observations.push_back(observation);
        std::ostringstream line;
        line << "observation " << observation.id << ' ' << observation.sessionId << ' '
             << observation.knotId << ' ' << observation.pain << ' ' << toCode(observation.kind)
             << ' ' << joined(observation.symptomCodes) << ' '
             << joined(observation.referredRegionCodes) << ' ' << observation.notes;
        lines.push_back(line.str());
    }
    void addTreatment(Treatment& treatment) override {
        treatment.id = ++m_nextId;
        treatments.push_back(treatment);
        std::ostringstream line;
        line << "treatment " << treatment.id << ' ' << treatment.sessionId << ' '
             << (treatment.knotId ? std::to_string(*treatment.knotId) : std::string("-")) << ' '
             << treatment.kindCode << ' ' << optionalText(treatment.minutes) << ' '
             << (treatment.intensity ? toCode(*treatment.intensity) : std::string_view("-")) << ' '
             << optionalText(treatment.painBefore) << ' ' << optionalText(treatment.painAfter)
             << ' ' << treatment.medication << ' ' << treatment.notes;
        lines.push_back(line.str());
    }

    std::vector<std::string> lines;
    std::vector<Client> clients;
    std::vector<Session> sessions;
    std::map<Id, Knot> knots;
    std::vector<Id> knotOrder;
    std::vector<Knot> updates;
    std::vector<Observation> observations;
    std::vector<Treatment> treatments;

private:
    Id m_nextId = 0;
};

// Counts only: measures the generator on its own.
class CountingSink : public DemoSink {
public:
    void addClient(Client& client) override { client.id = ++clients; }
    void addSession(Session& session) override { session.id = ++sessions; }
    void addKnot(Knot& knot) override { knot.id = ++knots; }
    void updateKnot(const Knot&) override { ++updates; }
    void addObservation(Observation& observation) override {
        observation.id = ++observations;
        painSum += observation.pain;
    }
    void addTreatment(Treatment& treatment) override { treatment.id = ++treatments; }

    std::int64_t clients = 0;
    std::int64_t sessions = 0;
    std::int64_t knots = 0;
    std::int64_t updates = 0;
    std::int64_t observations = 0;
    std::int64_t treatments = 0;
    std::int64_t painSum = 0;
};

DemoOptions options(int clients, int days, std::uint64_t seed) {
    DemoOptions demo;
    demo.clients = clients;
    demo.days = days;
    demo.seed = seed;
    demo.endYear = 2026;
    demo.endMonth = 3;
    demo.endDay = 14;
    return demo;
}

bool startsWith(const std::string& text, std::string_view prefix) {
    return text.compare(0, prefix.size(), prefix) == 0;
}

double correlation(const std::vector<double>& a, const std::vector<double>& b) {
    const double n = static_cast<double>(a.size());
    double meanA = 0.0;
    double meanB = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        meanA += a[i] / n;
        meanB += b[i] / n;
    }
    double cov = 0.0;
    double varA = 0.0;
    double varB = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        cov += (a[i] - meanA) * (b[i] - meanB);
        varA += (a[i] - meanA) * (a[i] - meanA);
        varB += (b[i] - meanB) * (b[i] - meanB);
    }
    return cov / std::sqrt(varA * varB);
}

} // namespace

TEST_SUITE("demo random numbers") {
    TEST_CASE("the same seed gives the same sequence, a known first value and independent "
              "streams") {
        Random a(42);
        Random b(42);
        for (int i = 0; i < 100; ++i) {
            CHECK(a.next() == b.next());
        }
        // Pinned so that a change to the generator (which would change every
        // demo history) is a deliberate one.
        Random pinned(1);
        CHECK(pinned.next() == 0xB3F2AF6D0FC710C5ULL);
        Random s1 = Random::forStream(7, 1);
        Random s2 = Random::forStream(7, 2);
        CHECK(s1.next() != s2.next());
    }

    TEST_CASE("uniform, integer, normal and weighted draws have the expected ranges and "
              "moments") {
        Random random(2024);
        double sum = 0.0;
        double sumSquares = 0.0;
        std::array<int, 5> counts{};
        std::array<int, 3> weighted{};
        const std::array<double, 3> weights{1.0, 0.0, 3.0};
        const int n = 200000;
        for (int i = 0; i < n; ++i) {
            const double u = random.uniform();
            REQUIRE(u >= 0.0);
            REQUIRE(u < 1.0);
            const int k = random.uniformInt(-2, 2);
            REQUIRE(k >= -2);
            REQUIRE(k <= 2);
            ++counts[static_cast<std::size_t>(k + 2)];
            const double z = random.normal();
            sum += z;
            sumSquares += z * z;
            ++weighted[random.weightedIndex(weights)];
        }
        for (int count : counts) {
            CHECK(count == doctest::Approx(n / 5).epsilon(0.03));
        }
        CHECK(sum / n == doctest::Approx(0.0).epsilon(0.01));
        CHECK(sumSquares / n == doctest::Approx(1.0).epsilon(0.02));
        CHECK(weighted[1] == 0);
        CHECK(static_cast<double>(weighted[2]) / weighted[0] == doctest::Approx(3.0).epsilon(0.05));
    }
}

TEST_SUITE("demo knot sites") {
    TEST_CASE("knot sites mirror left and right exactly and follow the view conventions") {
        const auto& sites = demoSites();
        REQUIRE(sites.size() >= 30);
        std::set<std::string> codes;
        for (const DemoSite& site : sites) {
            INFO(site.regionCode);
            CHECK(codes.insert(site.regionCode).second);
            CHECK(site.position.x > 0.0);
            CHECK(site.position.x < 1.0);
            CHECK(site.position.y > 0.03); // below the crown
            CHECK(site.position.y < 0.97); // above the soles
            const std::string view(toCode(site.muscle->view));
            CHECK(startsWith(site.regionCode, view + "."));
            const std::string side(sideCode(site.side));
            CHECK(site.regionCode.size() > side.size());
            CHECK(site.regionCode.substr(site.regionCode.size() - side.size() - 1) == "." + side);
            CHECK(startsWith(site.label, site.side == Side::Left ? "Left " : "Right "));
            // Front: the patient's right is on the viewer's left. Back: the
            // patient's left is on the viewer's left.
            const bool viewersLeft = site.position.x < 0.5;
            if (site.muscle->view == BodyView::Front) {
                CHECK(viewersLeft == (site.side == Side::Right));
            } else {
                CHECK(viewersLeft == (site.side == Side::Left));
            }
        }
        for (std::size_t i = 0; i + 1 < sites.size(); i += 2) {
            const DemoSite& left = sites[i];
            const DemoSite& right = sites[i + 1];
            REQUIRE(left.muscle == right.muscle);
            CHECK(left.position.x == 1.0 - right.position.x);
            CHECK(left.position.y == right.position.y);
        }
    }

    TEST_CASE("knot sites sit at plausible landmarks and refer to known regions") {
        std::map<std::string, DiagramPoint> byCode;
        for (const DemoSite& site : demoSites()) {
            byCode[site.regionCode] = site.position;
        }
        // Upper trapezius: between the neck and the shoulder tip, near the
        // shoulder line; gluteus medius just below the hip crest.
        const DiagramPoint upperTrap = byCode.at("back.upper_trapezius.left");
        CHECK(upperTrap.y > 0.15);
        CHECK(upperTrap.y < 0.19);
        CHECK(upperTrap.x > 0.5 - 0.26);
        CHECK(upperTrap.x < 0.5 - 0.06);
        const DiagramPoint gluteMed = byCode.at("back.gluteus_medius.right");
        CHECK(gluteMed.y > 0.44);
        CHECK(gluteMed.y < 0.52);
        CHECK(byCode.at("front.masseter.left").y < byCode.at("front.sternocleidomastoid.left").y);
        CHECK(byCode.at("back.gastrocnemius.left").y < byCode.at("back.soleus.left").y);
        CHECK(byCode.at("front.quadriceps.left").y < byCode.at("front.tibialis_anterior.left").y);
        for (const DemoMuscle& muscle : demoMuscles()) {
            for (std::string_view target : muscle.referrals) {
                INFO(target);
                CHECK(byCode.count(regionCodeFor(target, Side::Left)) == 1);
            }
        }
    }
}

TEST_SUITE("demo generator") {
    TEST_CASE("the same options give identical records; another seed, end date or now "
              "changes them") {
        RecordingSink first;
        RecordingSink second;
        generateDemo(options(3, 90, 11), first);
        generateDemo(options(3, 90, 11), second);
        REQUIRE(first.lines.size() > 500);
        CHECK(first.lines == second.lines);

        RecordingSink otherSeed;
        generateDemo(options(3, 90, 12), otherSeed);
        CHECK(otherSeed.lines != first.lines);

        DemoOptions laterEnd = options(3, 90, 11);
        laterEnd.endDay = 15;
        RecordingSink otherEnd;
        generateDemo(laterEnd, otherEnd);
        CHECK(otherEnd.lines != first.lines);

        DemoOptions bounded = options(3, 90, 11);
        bounded.nowUtcSeconds = secondsFromCivil({2026, 3, 13, 12, 0, 0});
        RecordingSink otherNow;
        generateDemo(bounded, otherNow);
        CHECK(otherNow.lines != first.lines);
        RecordingSink sameNow;
        generateDemo(bounded, sameNow);
        CHECK(sameNow.lines == otherNow.lines);
    }

    TEST_CASE("a client's history does not depend on how many clients follow") {
        RecordingSink one;
        RecordingSink three;
        generateDemo(options(1, 60, 5), one);
        generateDemo(options(3, 60, 5), three);
        REQUIRE(three.lines.size() > one.lines.size());
        CHECK(std::equal(one.lines.begin(), one.lines.end(), three.lines.begin()));
    }

    TEST_CASE("records come in dependency order and stay consistent") {
        RecordingSink sink;
        generateDemo(options(4, 200, 3), sink);
        std::map<Id, Id> sessionClient;
        std::map<Id, Id> knotClient;
        std::set<Id> resolved;
        std::set<std::pair<Id, Id>> observedPairs;
        std::set<Id> clientIds;
        Id currentSession = 0;
        for (const Client& client : sink.clients) {
            clientIds.insert(client.id);
        }
        for (const Session& session : sink.sessions) {
            CHECK(clientIds.count(session.clientId) == 1);
            sessionClient[session.id] = session.clientId;
        }
        for (const auto& [id, knot] : sink.knots) {
            knotClient[id] = knot.clientId;
        }
        // Walk the stream in order: a knot is added before its observations,
        // nothing refers to a resolved knot, each knot is observed once per session.
        std::set<Id> knotsSeen;
        for (const std::string& line : sink.lines) {
            std::istringstream in(line);
            std::string type;
            in >> type;
            if (type == "session") {
                in >> currentSession;
            } else if (type == "knot") {
                Id id = 0;
                in >> id;
                knotsSeen.insert(id);
            } else if (type == "update") {
                Id id = 0;
                in >> id;
                CHECK(knotsSeen.count(id) == 1);
                resolved.insert(id);
            } else if (type == "observation") {
                Id id = 0;
                Id session = 0;
                Id knot = 0;
                in >> id >> session >> knot;
                CHECK(session == currentSession);
                CHECK(knotsSeen.count(knot) == 1);
                CHECK(resolved.count(knot) == 0);
                CHECK(knotClient.at(knot) == sessionClient.at(session));
                CHECK(observedPairs.insert({session, knot}).second);
            } else if (type == "treatment") {
                Id id = 0;
                Id session = 0;
                std::string knot;
                in >> id >> session >> knot;
                CHECK(session == currentSession);
                if (knot != "-") {
                    const Id knotId = std::stoll(knot);
                    CHECK(resolved.count(knotId) == 0);
                    CHECK(knotClient.at(knotId) == sessionClient.at(session));
                    // Treated knots are the ones observed in the session.
                    CHECK(observedPairs.count({session, knotId}) == 1);
                }
            }
        }
        // Each client's sessions are in time order and within the history, in
        // local dates: the 200 days up to 14 March 2026 wherever the client is.
        const std::int64_t lastDay = daysFromCivil(2026, 3, 14);
        std::map<Id, std::int64_t> lastTime;
        for (const Session& session : sink.sessions) {
            const std::int64_t t = session.startedAt.utcSeconds();
            const CivilDateTime date = session.startedAt.local();
            const std::int64_t day = daysFromCivil(date.year, date.month, date.day);
            CHECK(day >= lastDay - 199);
            CHECK(day <= lastDay);
            CHECK(t >= lastTime[session.clientId]);
            lastTime[session.clientId] = t;
            const CivilDateTime local = session.startedAt.local();
            CHECK(local.hour >= 7);
            CHECK(local.hour <= 22);
        }
    }

    TEST_CASE("the history looks like a real one: ranges, rhythm, knots coming and going") {
        const int days = 365;
        const int clientCount = 6;
        RecordingSink sink;
        generateDemo(options(clientCount, days, 2026), sink);
        REQUIRE(sink.clients.size() == clientCount);

        // Names: distinct, non-empty, and one of the first clients shows
        // non-ASCII text.
        std::set<std::string> names;
        bool nonAscii = false;
        for (const Client& client : sink.clients) {
            CHECK(!client.name.empty());
            CHECK(names.insert(client.name).second);
            CHECK(client.birthYear.value_or(0) >= 1940);
            CHECK(client.birthYear.value_or(3000) <= 2008);
            CHECK(!client.notes.empty());
            for (unsigned char c : client.name) {
                nonAscii = nonAscii || c >= 0x80;
            }
        }
        CHECK(nonAscii);

        // Ratings within 0-10 everywhere.
        for (const Session& session : sink.sessions) {
            REQUIRE(session.overallPain.has_value());
            CHECK(*session.overallPain >= 0);
            CHECK(*session.overallPain <= 10);
            for (const auto& rating : {session.stress, session.sleep}) {
                if (rating) {
                    CHECK(*rating >= 0);
                    CHECK(*rating <= 10);
                }
            }
            CHECK(session.triggerCodes.size() <= 2);
            if (session.kind == SessionKind::TherapyVisit) {
                CHECK(!session.therapist.empty());
                CHECK(!session.subjective.empty());
                CHECK(!session.objective.empty());
                CHECK(!session.assessment.empty());
                CHECK(!session.plan.empty());
            }
        }
        std::map<std::string, int> kinds;
        int withSymptoms = 0;
        int withReferrals = 0;
        int withNotes = 0;
        for (const Observation& observation : sink.observations) {
            CHECK(observation.pain >= 0);
            CHECK(observation.pain <= 10);
            CHECK(observation.symptomCodes.size() <= 3);
            ++kinds[std::string(toCode(observation.kind))];
            withSymptoms += observation.symptomCodes.empty() ? 0 : 1;
            withReferrals += observation.referredRegionCodes.empty() ? 0 : 1;
            withNotes += observation.notes.empty() ? 0 : 1;
        }
        const auto observationCount = static_cast<double>(sink.observations.size());
        CHECK((kinds["active_trigger_point"] + kinds["latent_trigger_point"]) / observationCount >
              0.5);
        CHECK(kinds["tension"] > 0);
        CHECK(kinds["adhesion"] > 0);
        CHECK(kinds["spasm"] > 0);
        CHECK(withSymptoms / observationCount > 0.2);
        CHECK(withReferrals / observationCount > 0.02);
        CHECK(withNotes / observationCount > 0.01);
        CHECK(withNotes / observationCount < 0.15);

        // Positions on the canvas and near the site they name.
        std::map<std::string, DiagramPoint> siteAt;
        for (const DemoSite& site : demoSites()) {
            siteAt[site.regionCode] = site.position;
        }
        std::set<std::string> regions;
        for (const auto& [id, knot] : sink.knots) {
            CHECK(knot.position.x >= 0.0);
            CHECK(knot.position.x <= 1.0);
            CHECK(knot.position.y >= 0.0);
            CHECK(knot.position.y <= 1.0);
            REQUIRE(siteAt.count(knot.regionCode) == 1);
            CHECK(std::abs(knot.position.x - siteAt[knot.regionCode].x) <= 0.0061);
            CHECK(std::abs(knot.position.y - siteAt[knot.regionCode].y) <= 0.0061);
            CHECK(!knot.label.empty());
            regions.insert(knot.regionCode);
        }
        CHECK(regions.size() >= 12);

        // Rhythm: daily check-ins (some skipped) and weekly visits (most attended).
        std::map<Id, int> checkIns;
        std::map<Id, int> visits;
        for (const Session& session : sink.sessions) {
            (session.kind == SessionKind::SelfCheckIn ? checkIns : visits)[session.clientId]++;
        }
        for (const Client& client : sink.clients) {
            INFO(client.name);
            CHECK(checkIns[client.id] >= days * 70 / 100);
            CHECK(checkIns[client.id] <= days * 97 / 100);
            CHECK(visits[client.id] >= 52 * 70 / 100);
            CHECK(visits[client.id] <= 53);
        }
        const double perSession = observationCount / static_cast<double>(sink.sessions.size());
        CHECK(perSession >= 3.0);
        CHECK(perSession <= 6.0);

        // Knots: 3-8 active per client at the end, some resolved, some new.
        std::map<Id, int> activeAtEnd;
        int resolved = 0;
        for (const auto& [id, knot] : sink.knots) {
            if (knot.status == KnotStatus::Active) {
                ++activeAtEnd[knot.clientId];
            } else {
                ++resolved;
            }
        }
        for (const Client& client : sink.clients) {
            INFO(client.name);
            CHECK(activeAtEnd[client.id] >= 3);
            CHECK(activeAtEnd[client.id] <= 8);
        }
        CHECK(resolved >= clientCount / 2);
        CHECK(sink.knots.size() >= static_cast<std::size_t>(clientCount * 3 + resolved));

        // Treatments: therapy lowers pain on the table, self-care a little.
        int therapyCount = 0;
        int therapyDrop = 0;
        int notWorse = 0;
        int withBoth = 0;
        int sessionWide = 0;
        std::set<std::string> treatmentKinds;
        std::map<Id, SessionKind> sessionKind;
        for (const Session& session : sink.sessions) {
            sessionKind[session.id] = session.kind;
        }
        for (const Treatment& treatment : sink.treatments) {
            treatmentKinds.insert(treatment.kindCode);
            sessionWide += treatment.knotId ? 0 : 1;
            if (treatment.minutes) {
                CHECK(*treatment.minutes >= 1);
                CHECK(*treatment.minutes <= 60);
            }
            if (treatment.kindCode == "medication") {
                CHECK(!treatment.medication.empty());
            }
            if (treatment.painBefore && treatment.painAfter) {
                CHECK(*treatment.painBefore >= 0);
                CHECK(*treatment.painBefore <= 10);
                CHECK(*treatment.painAfter >= 0);
                CHECK(*treatment.painAfter <= 10);
                ++withBoth;
                notWorse += *treatment.painAfter <= *treatment.painBefore ? 1 : 0;
                if (sessionKind[treatment.sessionId] == SessionKind::TherapyVisit) {
                    ++therapyCount;
                    therapyDrop += *treatment.painBefore - *treatment.painAfter;
                }
            }
        }
        REQUIRE(therapyCount > 100);
        const double meanDrop = static_cast<double>(therapyDrop) / therapyCount;
        CHECK(meanDrop >= 1.0);
        CHECK(meanDrop <= 3.0);
        CHECK(static_cast<double>(notWorse) / withBoth >= 0.95);
        CHECK(sessionWide > 0);
        CHECK(treatmentKinds.size() >= 10);
    }

    TEST_CASE("each knot's pain drifts persistently rather than jumping at random") {
        RecordingSink sink;
        generateDemo(options(4, 365, 77), sink);
        std::map<Id, std::vector<double>> series;
        for (const Observation& observation : sink.observations) {
            series[observation.knotId].push_back(observation.pain);
        }
        std::vector<double> previous;
        std::vector<double> next;
        int varying = 0;
        int longSeries = 0;
        for (const auto& [knot, pains] : series) {
            if (pains.size() < 60) {
                continue;
            }
            ++longSeries;
            const auto [low, high] = std::minmax_element(pains.begin(), pains.end());
            varying += *high - *low >= 3 ? 1 : 0;
            for (std::size_t i = 1; i < pains.size(); ++i) {
                previous.push_back(pains[i - 1]);
                next.push_back(pains[i]);
            }
        }
        REQUIRE(longSeries >= 8);
        CHECK(varying >= longSeries * 3 / 4);
        // Consecutive observations of a knot are clearly related.
        CHECK(correlation(previous, next) > 0.5);
    }

    TEST_CASE("knots treated at a visit hurt less at their next observation than before") {
        RecordingSink sink;
        generateDemo(options(6, 365, 31), sink);
        std::map<Id, SessionKind> sessionKind;
        for (const Session& session : sink.sessions) {
            sessionKind[session.id] = session.kind;
        }
        // For each knot, its observations in order; for each therapy treatment,
        // the knot's next observation after the visit.
        std::map<Id, std::vector<std::pair<Id, int>>> history;
        for (const Observation& observation : sink.observations) {
            history[observation.knotId].push_back({observation.sessionId, observation.pain});
        }
        double change = 0.0;
        int count = 0;
        for (const Treatment& treatment : sink.treatments) {
            if (!treatment.knotId || !treatment.painBefore ||
                sessionKind[treatment.sessionId] != SessionKind::TherapyVisit) {
                continue;
            }
            const auto& knotHistory = history[*treatment.knotId];
            for (std::size_t i = 0; i + 1 < knotHistory.size(); ++i) {
                if (knotHistory[i].first == treatment.sessionId) {
                    change += knotHistory[i + 1].second - *treatment.painBefore;
                    ++count;
                    break;
                }
            }
        }
        REQUIRE(count > 200);
        CHECK(change / count < -0.3);
    }

    TEST_CASE("sessions with poor sleep or stress report more pain than ordinary days") {
        RecordingSink sink;
        generateDemo(options(6, 365, 9), sink);
        double flaredSum = 0.0;
        int flared = 0;
        double calmSum = 0.0;
        int calm = 0;
        for (const Session& session : sink.sessions) {
            const bool trigger = std::find(session.triggerCodes.begin(), session.triggerCodes.end(),
                                           "poor_sleep") != session.triggerCodes.end() ||
                                 std::find(session.triggerCodes.begin(), session.triggerCodes.end(),
                                           "stress") != session.triggerCodes.end();
            if (trigger) {
                flaredSum += *session.overallPain;
                ++flared;
            } else if (session.triggerCodes.empty()) {
                calmSum += *session.overallPain;
                ++calm;
            }
        }
        REQUIRE(flared > 50);
        REQUIRE(calm > 50);
        CHECK(flaredSum / flared > calmSum / calm + 0.2);
    }

    TEST_CASE("invalid options are refused and empty ones write nothing") {
        RecordingSink sink;
        DemoOptions bad = options(1, 10, 1);
        bad.endMonth = 2;
        bad.endDay = 30;
        CHECK_THROWS_AS(generateDemo(bad, sink), std::invalid_argument);
        CHECK(sink.lines.empty());
        generateDemo(options(0, 10, 1), sink);
        CHECK(sink.lines.empty());
        generateDemo(options(2, 0, 1), sink);
        CHECK(sink.clients.size() == 2);
        CHECK(sink.sessions.empty());
    }

    TEST_CASE("many clients keep distinct names" * doctest::timeout(60)) {
        RecordingSink sink;
        generateDemo(options(6000, 1, 4), sink);
        std::set<std::string> lowered;
        for (const Client& client : sink.clients) {
            std::string name = client.name;
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            CHECK(lowered.insert(name).second);
        }
    }

    // Run with --no-skip to measure; the figure goes to stdout.
    TEST_CASE("benchmark: 200 clients over five years into a counting sink" * doctest::skip()) {
        CountingSink sink;
        const auto start = std::chrono::steady_clock::now();
        generateDemo(options(200, 1825, 1), sink);
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
        std::printf("demo 200 clients x 1825 days: %.2f s; %lld sessions, %lld knots (%lld "
                    "resolved), %lld observations (mean pain %.2f), %lld treatments\n",
                    elapsed.count(), static_cast<long long>(sink.sessions),
                    static_cast<long long>(sink.knots), static_cast<long long>(sink.updates),
                    static_cast<long long>(sink.observations),
                    static_cast<double>(sink.painSum) / static_cast<double>(sink.observations),
                    static_cast<long long>(sink.treatments));
        CHECK(sink.observations > 500000);
    }
}
