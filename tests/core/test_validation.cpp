#include "core/domain_codes.h"
#include "core/validation.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace knotmap;

TEST_CASE("pain outside 0-10 is reported with the field and the value") {
    Observation observation;
    observation.pain = 11;
    const auto errors = validate(observation);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].field == "pain");
    CHECK(describe(errors) == "pain: must be between 0 and 10, got 11");
    observation.pain = 10;
    CHECK(validate(observation).empty());
}

TEST_CASE("treatments reject negative minutes and out-of-range before/after pain") {
    Treatment treatment;
    treatment.kindCode = "heat";
    treatment.minutes = -1;
    treatment.painBefore = -1;
    treatment.painAfter = 12;
    const auto errors = validate(treatment);
    CHECK(errors.size() == 3);
    treatment.minutes = 0;
    treatment.painBefore = 0;
    treatment.painAfter = 10;
    CHECK(validate(treatment).empty());
}

TEST_CASE("knots must sit on the diagram and name a region") {
    Knot knot;
    knot.regionCode = "back.upper_trapezius.left";
    knot.position = {0.5, 0.5};
    CHECK(validate(knot).empty());
    knot.position = {-0.01, 1.5};
    CHECK(validate(knot).size() == 2);
    knot.position = {std::nan(""), 0.5};
    CHECK(validate(knot).size() == 1);
}

TEST_CASE("clients need a name and sessions need ratings within 0-10") {
    Client client;
    client.name = "   ";
    CHECK(validate(client).size() == 1);
    Session session;
    session.stress = 11;
    session.sleep = -2;
    CHECK(validate(session).size() == 2);
}

TEST_CASE("every code converts back to the value it came from") {
    for (auto kind :
         {ObservationKind::ActiveTriggerPoint, ObservationKind::LatentTriggerPoint,
          ObservationKind::Tension, ObservationKind::Adhesion, ObservationKind::Spasm}) {
        CHECK(observationKindFromCode(toCode(kind)) == kind);
    }
    for (auto kind : {SessionKind::SelfCheckIn, SessionKind::TherapyVisit}) {
        CHECK(sessionKindFromCode(toCode(kind)) == kind);
    }
    for (auto intensity : {Intensity::Light, Intensity::Medium, Intensity::Firm, Intensity::Deep}) {
        CHECK(intensityFromCode(toCode(intensity)) == intensity);
    }
    CHECK(bodyViewFromCode("back") == BodyView::Back);
    CHECK_FALSE(bodyViewFromCode("side").has_value());
}

TEST_CASE("text limits: control characters other than tab, LF and CR are forbidden") {
    for (char32_t c = 0; c < 0x20; ++c) {
        CAPTURE(static_cast<unsigned>(c));
        CHECK(isForbiddenCharacter(c) == (c != U'\t' && c != U'\n' && c != U'\r'));
    }
    CHECK_FALSE(isForbiddenCharacter(U' '));
    CHECK_FALSE(isForbiddenCharacter(U'~'));
    CHECK(isForbiddenCharacter(0x7F));
    CHECK(isForbiddenCharacter(0x80));
    CHECK(isForbiddenCharacter(0x85)); // NEL
    CHECK(isForbiddenCharacter(0x9F));
    CHECK_FALSE(isForbiddenCharacter(0xA0)); // no-break space is text
    CHECK_FALSE(isForbiddenCharacter(0x2028));
    CHECK_FALSE(isForbiddenCharacter(0x1F33F));
}

TEST_CASE("text limits: the first forbidden character is found by character, not byte") {
    CHECK_FALSE(findForbiddenCharacter("tight\tband\r\nnext day").has_value());
    CHECK_FALSE(findForbiddenCharacter("Zo\xC3\xAB \xF0\x9F\x8C\xBF \xC2\xA0").has_value());
    using namespace std::string_literals;
    const auto nul = findForbiddenCharacter("ab\0c"s);
    REQUIRE(nul);
    CHECK(nul->codePoint == 0);
    CHECK(nul->character == 3);
    // "Zoë 🌿" is five characters in nine bytes; the bell is the sixth.
    const auto bell = findForbiddenCharacter("Zo\xC3\xAB \xF0\x9F\x8C\xBF\x07");
    REQUIRE(bell);
    CHECK(bell->codePoint == 7);
    CHECK(bell->character == 6);
    const auto nel = findForbiddenCharacter("a\xC2\x85");
    REQUIRE(nel);
    CHECK(nel->codePoint == 0x85);
    CHECK(nel->character == 2);
}

TEST_CASE("text limits: a text at the limit is fine, one byte over is refused") {
    CHECK(textProblem(std::string(kMaxNoteBytes, 'x'), kMaxNoteBytes).empty());
    CHECK(textProblem(std::string(kMaxNoteBytes + 1, 'x'), kMaxNoteBytes) ==
          "is 1048577 bytes long; the limit is 1 MiB (1048576 bytes)");
    CHECK(textProblem(std::string(kMaxNameBytes + 1, 'x'), kMaxNameBytes) ==
          "is 257 bytes long; the limit is 256 bytes");
    // Bytes, not characters: 128 two-byte letters fill a name.
    std::string accents;
    for (int i = 0; i < 128; ++i) {
        accents += "\xC3\xA9";
    }
    CHECK(textProblem(accents, kMaxNameBytes).empty());
    CHECK_FALSE(textProblem(accents + "e", kMaxNameBytes).empty());
    using namespace std::string_literals;
    CHECK(textProblem("hello\0world"s, kMaxNoteBytes) ==
          "control character U+0000 at character 6 is not allowed");
    CHECK(textProblem("\x1B[31m", kMaxNoteBytes) ==
          "control character U+001B at character 1 is not allowed");
}

TEST_CASE("text limits: every record names the text field that is too long or holds a control") {
    Client client;
    client.name = std::string(kMaxNameBytes + 1, 'n');
    client.notes = "a\x01";
    CHECK(describe(validate(client)) ==
          "name: is 257 bytes long; the limit is 256 bytes; notes: control character U+0001 at "
          "character 2 is not allowed");

    Session session;
    session.therapist = std::string(kMaxNameBytes, 't');
    session.plan = std::string(kMaxNoteBytes, 'p');
    CHECK(validate(session).empty());
    session.plan += "p";
    session.subjective = "\x7F";
    CHECK(describe(validate(session)) ==
          "subjective: control character U+007F at character 1 is not allowed; plan: is 1048577 "
          "bytes long; the limit is 1 MiB (1048576 bytes)");

    Knot knot;
    knot.regionCode = "back.upper_trapezius.left";
    knot.label = std::string(kMaxNameBytes + 1, 'l');
    CHECK(describe(validate(knot)) == "label: is 257 bytes long; the limit is 256 bytes");

    Observation observation;
    observation.notes = std::string(kMaxNoteBytes + 1, 'o');
    CHECK(validate(observation).size() == 1);

    Treatment treatment;
    treatment.kindCode = "medication";
    treatment.medication = "Ibuprofen\x0C";
    CHECK(describe(validate(treatment)) ==
          "medication: control character U+000C at character 10 is not allowed");
}

TEST_CASE("text limits: a session field's limit is a name's for the therapist, else a note's") {
    CHECK(maxTextBytes(SessionField::Therapist) == kMaxNameBytes);
    CHECK(maxTextBytes(SessionField::Plan) == kMaxNoteBytes);
    CHECK(maxTextBytes(SessionField::Notes) == kMaxNoteBytes);
    CHECK(describeByteLimit(kMaxCodeBytes) == "320 bytes");
    CHECK(describeByteLimit(2048) == "2 KiB (2048 bytes)");
}
