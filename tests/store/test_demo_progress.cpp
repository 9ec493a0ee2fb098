#include "core/demo_generator.h"
#include "store/database.h"
#include "store/demo_writer.h"
#include "support/test_database.h"

#include <doctest/doctest.h>

#include <vector>

using namespace knotmap;

namespace {

DemoOptions smallDemo() {
    DemoOptions options;
    options.clients = 2;
    options.days = 20;
    options.endYear = 2025;
    options.endMonth = 6;
    options.endDay = 30;
    return options;
}

struct CancelledForTest {};

} // namespace

TEST_CASE("the demo writer reports rising progress from 0 to 1") {
    Database database = testing::openTestDatabase();
    std::vector<double> reported;
    writeDemo(database, smallDemo(), [&](double fraction) { reported.push_back(fraction); });
    REQUIRE(reported.size() > 2);
    for (std::size_t i = 1; i < reported.size(); ++i) {
        CHECK(reported[i] >= reported[i - 1]);
    }
    CHECK(reported.front() >= 0.0);
    CHECK(reported.back() <= 1.0);
    CHECK(reported.back() > 0.5);
}

TEST_CASE("a progress callback that throws cancels the demo and saves nothing") {
    Database database = testing::openTestDatabase();
    int calls = 0;
    CHECK_THROWS_AS(writeDemo(database, smallDemo(),
                              [&](double) {
                                  if (++calls == 5) {
                                      throw CancelledForTest{};
                                  }
                              }),
                    CancelledForTest);
    CHECK(database.holdsNoUserData());
}
