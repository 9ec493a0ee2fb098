#include "core/text_search.h"

#include <doctest/doctest.h>

using namespace knotmap;

TEST_CASE("search folding ignores case and Latin accents") {
    CHECK(foldForSearch("José Müller") == "jose muller");
    CHECK(foldForSearch("ÇÉÑØ") == "ceno");
    CHECK(foldForSearch("Straße") == "strasse");
    CHECK(foldForSearch("Æsa") == "aesa");
    CHECK(foldForSearch("Zoë") == "zoe");
    CHECK(foldForSearch("Łukasz Dvořák") == "lukasz dvorak");
    CHECK(foldForSearch("ŒŠŽſ") == "oeszs");
    // Other scripts and symbols pass through untouched.
    CHECK(foldForSearch("× Δ ж") == "× Δ ж");
}

TEST_CASE("search as you type matches any part of the name") {
    CHECK(matchesSearch("José Álvarez", "jose"));
    CHECK(matchesSearch("José Álvarez", "ALVA"));
    CHECK(matchesSearch("José Álvarez", " varez "));
    CHECK_FALSE(matchesSearch("José Álvarez", "ana"));
    CHECK(matchesSearch("Anyone", ""));
    CHECK(matchesSearch("Anyone", "   "));
}
