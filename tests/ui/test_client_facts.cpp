#include "ui/clients/client_facts.h"

#include <doctest/doctest.h>

#include <string>

using knotmap::ui::notesExcerpt;

TEST_CASE("the header shows a short note whole and the start of a long one") {
    CHECK(notesExcerpt("", 200).empty());
    CHECK(notesExcerpt(" \n ", 200).empty());
    CHECK(notesExcerpt("  Desk job.\nLeft-handed.\n", 200) == "Desk job.\nLeft-handed.");
    CHECK(notesExcerpt("one\ntwo\nthree\nfour", 200) == "one\ntwo\nthree\u2026");
    CHECK(notesExcerpt("Climbs twice a week and drives a lot", 20) == "Climbs twice a week\u2026");
    // Never half a character: 'ł' is two bytes, and byte 2 is inside it.
    const std::string cut = notesExcerpt("ałłłłłłłłłł", 2);
    CHECK(cut == "a\u2026");
}
