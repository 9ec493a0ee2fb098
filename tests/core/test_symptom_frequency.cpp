#include "core/history_builder.h"
#include "core/symptom_frequency.h"

#include <doctest/doctest.h>

using namespace knotmap;
using namespace knotmap::test;

namespace {

constexpr std::int64_t kMonday = kDay0 / kDay; // 2026-01-05

// Four weeks from Monday 2026-01-05; the third week has no sessions.
ClientHistory weekly() {
    HistoryBuilder builder;
    builder.knot(1, kPecMajorLeft).knot(2, kItBandLeft);
    builder.session(0).observe(1, 5, {"aching", "stiffness"}).observe(2, 3, {"aching"});
    builder.session(6).observe(1, 4, {"stiffness", "stiffness"}).observe(2, 2); // Sunday
    builder.session(7).observe(1, 3, {"aching"});                               // Monday
    builder.session(27).observe(1, 2, {"tingling"});                            // Sunday
    return builder.history();
}

} // namespace

TEST_SUITE("symptom frequency") {
    TEST_CASE("bucket size follows the span") {
        CHECK(symptomBucketSizeFor(0) == SymptomBucketSize::Week);
        CHECK(symptomBucketSizeFor(183 * kDay - 1) == SymptomBucketSize::Week);
        CHECK(symptomBucketSizeFor(183 * kDay) == SymptomBucketSize::Month);
        CHECK(symptomBucketSizeFor(1096 * kDay - 1) == SymptomBucketSize::Month);
        CHECK(symptomBucketSizeFor(1096 * kDay) == SymptomBucketSize::Quarter);
        CHECK(displayName(SymptomBucketSize::Week) == "Weekly");
        CHECK(displayName(SymptomBucketSize::Month) == "Monthly");
        CHECK(displayName(SymptomBucketSize::Quarter) == "Quarterly");
    }

    TEST_CASE("an empty history has no symptoms and no buckets") {
        const SymptomFrequency frequency = symptomFrequency(ClientHistory{});
        CHECK(frequency.symptoms.empty());
        CHECK(frequency.totals.empty());
        CHECK(frequency.buckets.empty());
    }

    TEST_CASE("weekly buckets from Monday, gaps kept, symptoms by total") {
        const SymptomFrequency frequency = symptomFrequency(weekly());
        CHECK(frequency.bucketSize == SymptomBucketSize::Week);
        CHECK(frequency.symptoms == std::vector<std::string>{"aching", "stiffness", "tingling"});
        CHECK(frequency.totals == std::vector<int>{3, 2, 1});
        REQUIRE(frequency.buckets.size() == 4);

        const SymptomBucket& first = frequency.buckets[0];
        CHECK(first.startDay == kMonday);
        CHECK(first.endDay == kMonday + 7);
        CHECK(first.observations == 4);
        CHECK(first.counts == std::vector<int>{2, 2, 0}); // stiffness twice on one: once
        REQUIRE(first.shares.size() == 3);
        CHECK(first.shares[0] == doctest::Approx(0.5));
        CHECK(first.shares[1] == doctest::Approx(0.5));
        CHECK(first.shares[2] == 0.0);

        const SymptomBucket& second = frequency.buckets[1];
        CHECK(second.startDay == kMonday + 7);
        CHECK(second.observations == 1);
        CHECK(second.counts == std::vector<int>{1, 0, 0});
        CHECK(second.shares[0] == 1.0);

        const SymptomBucket& gap = frequency.buckets[2];
        CHECK(gap.startDay == kMonday + 14);
        CHECK(gap.endDay == kMonday + 21);
        CHECK(gap.observations == 0);
        CHECK(gap.counts == std::vector<int>{0, 0, 0});
        CHECK(gap.shares == std::vector<double>{0.0, 0.0, 0.0});

        const SymptomBucket& last = frequency.buckets[3];
        CHECK(last.startDay == kMonday + 21);
        CHECK(last.observations == 1);
        CHECK(last.counts == std::vector<int>{0, 0, 1});
        CHECK(last.shares[2] == 1.0);
    }

    TEST_CASE("a range restricts the data and ties are ordered by code") {
        const SymptomFrequency frequency = symptomFrequency(
            weekly(), UtcRange{kDay0 + 6 * kDay + 9 * kHour, kDay0 + 7 * kDay + 9 * kHour});
        CHECK(frequency.bucketSize == SymptomBucketSize::Week);
        CHECK(frequency.symptoms == std::vector<std::string>{"aching", "stiffness"});
        CHECK(frequency.totals == std::vector<int>{1, 1});
        REQUIRE(frequency.buckets.size() == 2);
        CHECK(frequency.buckets[0].startDay == kMonday);
        CHECK(frequency.buckets[0].observations == 2);
        CHECK(frequency.buckets[0].counts == std::vector<int>{0, 1});
        CHECK(frequency.buckets[0].shares[1] == doctest::Approx(0.5));
        CHECK(frequency.buckets[1].counts == std::vector<int>{1, 0});

        const SymptomFrequency none =
            symptomFrequency(weekly(), UtcRange{kDay0 + 10 * kDay, kDay0 + 12 * kDay});
        CHECK(none.buckets.empty());
        CHECK(none.symptoms.empty());
    }

    TEST_CASE("a session falls in the week of its own local date") {
        HistoryBuilder builder;
        builder.knot(1, kPecMajorLeft);
        // Sunday 23:00 UTC is Monday 01:00 at +02:00: the second week.
        builder.sessionAt(kDay0 + 6 * kDay + 23 * kHour, std::nullopt, 120).observe(1, 2, {"a"});
        // Monday 02:00 UTC is Sunday 21:00 at -05:00: the first week.
        builder.sessionAt(kDay0 + 7 * kDay + 2 * kHour, std::nullopt, -300).observe(1, 2, {"b"});
        const SymptomFrequency frequency = symptomFrequency(builder.history());
        CHECK(frequency.symptoms == std::vector<std::string>{"a", "b"});
        REQUIRE(frequency.buckets.size() == 2);
        CHECK(frequency.buckets[0].startDay == kMonday);
        CHECK(frequency.buckets[0].counts == std::vector<int>{0, 1});
        CHECK(frequency.buckets[1].startDay == kMonday + 7);
        CHECK(frequency.buckets[1].counts == std::vector<int>{1, 0});
    }

    TEST_CASE("monthly buckets start on the local first of the month") {
        HistoryBuilder builder;
        builder.knot(1, kPecMajorLeft);
        builder.session(0).observe(1, 3, {"aching"});
        // 2026-01-31 23:30 UTC is 1 February 00:30 at +01:00.
        builder.sessionAt(kDay0 + 26 * kDay + 23 * kHour + 1800, std::nullopt, 60)
            .observe(1, 3, {"aching"});
        builder.session(40).observe(1, 3);  // 2026-02-14
        builder.session(200).observe(1, 2); // 2026-07-24
        const SymptomFrequency frequency = symptomFrequency(builder.history());
        CHECK(frequency.bucketSize == SymptomBucketSize::Month);
        REQUIRE(frequency.buckets.size() == 7);        // January to July
        CHECK(frequency.buckets[0].startDay == 20454); // 2026-01-01
        CHECK(frequency.buckets[0].endDay == 20485);   // 2026-02-01
        CHECK(frequency.buckets[0].observations == 1);
        CHECK(frequency.buckets[1].startDay == 20485);
        CHECK(frequency.buckets[1].observations == 2);
        CHECK(frequency.buckets[1].counts == std::vector<int>{1});
        CHECK(frequency.buckets[1].shares[0] == doctest::Approx(0.5));
        CHECK(frequency.buckets[3].observations == 0);
        CHECK(frequency.buckets[6].startDay == 20635); // 2026-07-01
        CHECK(frequency.buckets[6].endDay == 20666);   // 2026-08-01
        CHECK(frequency.buckets[6].observations == 1);
        CHECK(frequency.buckets[6].counts == std::vector<int>{0});
    }

    TEST_CASE("quarterly buckets over more than three years") {
        HistoryBuilder builder;
        builder.knot(1, kPecMajorLeft);
        builder.session(0).observe(1, 3);    // 2026-01-05
        builder.session(1100).observe(1, 3); // 2029-01-09
        const SymptomFrequency frequency = symptomFrequency(builder.history());
        CHECK(frequency.bucketSize == SymptomBucketSize::Quarter);
        REQUIRE(frequency.buckets.size() == 13);        // 2026 Q1 to 2029 Q1
        CHECK(frequency.buckets[0].startDay == 20454);  // 2026-01-01
        CHECK(frequency.buckets[0].endDay == 20544);    // 2026-04-01
        CHECK(frequency.buckets[12].startDay == 21550); // 2029-01-01
        CHECK(frequency.buckets[12].endDay == 21640);   // 2029-04-01
        CHECK(frequency.buckets[12].observations == 1);
        CHECK(frequency.symptoms.empty());
        CHECK(frequency.buckets[12].counts.empty());
    }

    TEST_CASE("one observation makes one weekly bucket") {
        HistoryBuilder builder;
        builder.knot(1, kPecMajorLeft).session(2).observe(1, 0, {"stiffness"});
        const SymptomFrequency frequency = symptomFrequency(builder.history());
        CHECK(frequency.bucketSize == SymptomBucketSize::Week);
        REQUIRE(frequency.buckets.size() == 1);
        CHECK(frequency.buckets[0].startDay == kMonday);
        CHECK(frequency.buckets[0].observations == 1);
        CHECK(frequency.buckets[0].shares == std::vector<double>{1.0});
    }
}
