// How the PostgreSQL backend renumbers the common dialect's placeholders.
#include "store/sql/postgres/placeholders.h"

#include <doctest/doctest.h>

using knotmap::sql::numberPlaceholders;

TEST_CASE("placeholders: ? counts up, ?N keeps its number, :name is one number per name") {
    const auto plain = numberPlaceholders("INSERT INTO t (a, b) VALUES (?, ?)");
    CHECK(plain.sql == "INSERT INTO t (a, b) VALUES ($1, $2)");
    CHECK(plain.parameterCount == 2);

    const auto numbered =
        numberPlaceholders("SELECT CASE ?2 WHEN 'x' THEN 1 END FROM t WHERE id = ?1");
    CHECK(numbered.sql == "SELECT CASE $2 WHEN 'x' THEN 1 END FROM t WHERE id = $1");
    CHECK(numbered.parameterCount == 2);

    const auto named =
        numberPlaceholders("WHERE c = :client AND s >= :utc_from AND s < :utc_to AND k = :client");
    CHECK(named.sql == "WHERE c = $1 AND s >= $2 AND s < $3 AND k = $1");
    CHECK(named.parameterCount == 3);
    REQUIRE(named.names.size() == 3);
    CHECK(named.names[1] == ":utc_from");
}

TEST_CASE("placeholders: quotes, comments and casts are left alone") {
    const auto text = numberPlaceholders(
        "SELECT 'what?', \"odd?col\", 'it''s :not', x::text -- why? :no\nFROM t WHERE a = ?");
    CHECK(text.sql ==
          "SELECT 'what?', \"odd?col\", 'it''s :not', x::text -- why? :no\nFROM t WHERE a = $1");
    CHECK(text.parameterCount == 1);
}
