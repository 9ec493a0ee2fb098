#include "core/csv_reader.h"
#include "core/import_problems.h"
#include "core/other_apps/day_text.h"
#include "core/other_apps/pain_sheet.h"
#include "core/other_apps/rating_scale.h"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

using namespace knotmap;

namespace {

struct ReadSheet {
    std::vector<PainEntry> entries;
    std::string problems;
    std::int64_t otherRows = 0;
    std::string format;
};

// Reads a whole sheet the way the import does, row by row.
ReadSheet readSheet(const std::string& text, const std::optional<ColumnMap>& map = {}) {
    CsvReader reader(text);
    CsvRecord record;
    REQUIRE(reader.next(record));
    const std::vector<std::string> header = record.fields;
    const auto layout =
        map ? std::optional<SheetLayout>(SheetLayout{SheetFormat::Mapped, false, *map})
            : recogniseSheet(header);
    REQUIRE(layout);
    const auto rows = sheetRowReader(*layout, header);
    ImportProblems problems;
    const std::string file = "sheet.csv"; // ImportRow keeps a reference to it
    ReadSheet out;
    out.format = describeSheet(*layout);
    while (reader.next(record)) {
        ImportRow row(record, header, file, problems, false);
        rows->read(row, out.entries);
    }
    REQUIRE_FALSE(reader.error());
    out.problems = problems.describe();
    out.otherRows = rows->otherRows();
    return out;
}

} // namespace

TEST_CASE("other scales: one rule, halves up, the ends stay the ends") {
    const RatingScale flaredown{0, 4};
    std::vector<int> converted;
    for (int r = 0; r <= 4; ++r) {
        converted.push_back(*flaredown.toPain(r));
    }
    CHECK(converted == std::vector<int>{0, 3, 5, 8, 10});
    const RatingScale fiveStars{1, 5};
    CHECK(*fiveStars.toPain(1) == 0);
    CHECK(*fiveStars.toPain(2) == 3); // 2.5 rounds up
    CHECK(*fiveStars.toPain(5) == 10);
    CHECK_FALSE(flaredown.toPain(5));
    CHECK_FALSE(flaredown.toPain(-1));
    CHECK(wholeRating(" 3 ") == 3);
    CHECK(wholeRating("3.0") == 3);
    CHECK_FALSE(wholeRating("3.5"));
    CHECK_FALSE(wholeRating("Taken"));
    CHECK_FALSE(wholeRating(""));
}

TEST_CASE("other apps' dates and times: only forms that cannot be misread") {
    CHECK(isoDay("2026-03-14") == "2026-03-14");
    CHECK(isoDay("2026/03/14") == "2026-03-14");
    CHECK(isoDay("22nd Sep 2020") == "2020-09-22");
    CHECK(isoDay("1st December 2020") == "2020-12-01");
    CHECK(isoDay("Sep 22, 2020") == "2020-09-22");
    CHECK_FALSE(isoDay("03/04/2026"));
    CHECK_FALSE(isoDay("30th Feb 2024"));
    CHECK(isoDay("29th Feb 2024") == "2024-02-29");
    CHECK_FALSE(isoDay("2026-13-01"));
    CHECK(isoClock("9:02") == "09:02");
    CHECK(isoClock("23:21") == "23:21");
    CHECK(isoClock("09:30:15") == "09:30");
    CHECK(isoClock("9:30 pm") == "21:30");
    CHECK(isoClock("12:05 AM") == "00:05");
    CHECK_FALSE(isoClock("25:00"));
    CHECK_FALSE(isoClock("9"));
    CHECK_FALSE(isoClock("13:00 pm"));
}

TEST_CASE("other apps' headers are recognised, anything else is not") {
    const auto format = [](std::vector<std::string> header) {
        const auto layout = recogniseSheet(header);
        return layout ? describeSheet(*layout) : std::string("none");
    };
    CHECK(format({"date", "weekday", "time of day", "category", "rating/amount", "detail",
                  "notes"}) == "Bearable export");
    CHECK(format({"date", "date formatted", "weekday", "time of day", "category", "rating/amount",
                  "detail", "notes"}) == "Bearable export (with date formatted)");
    CHECK(format({"Date", "Neck pain", "Ibuprofen", "Tags", "Foods"}) == "Flaredown export");
    CHECK(format({"Date", "Time", "Pain Level", "Locations", "Symptoms", "Notes"}) ==
          "CrisisCore pain-tracker export");
    CHECK(format({"\xEF\xBB\xBF"
                  "Date",
                  "Region", "Pain"}) == "Simple format (date, region, pain, notes)");
    CHECK(format({"when", "where", "level"}) == "none");
    CHECK(format({"date", "weekday", "category"}) == "none");
}

TEST_CASE("Bearable: Symptom rows are pain by body area, other categories are counted") {
    const ReadSheet sheet = readSheet(
        "\"date\",\"weekday\",\"time of day\",\"category\",\"rating/amount\",\"detail\","
        "\"notes\"\n"
        "\"5th Jan 2022\",\"Wednesday\",\"am\",\"Symptom\",\"3\",\"Neck pain (Severe)\",\"\"\n"
        "\"5th Jan 2022\",\"Wednesday\",\"pm\",\"Symptom\",\"\",\"Back (lower) pain (Mild)\","
        "\"desk\"\n"
        "\"5th Jan 2022\",\"Wednesday\",\"14:10\",\"Mood\",\"6\",\"Okay | Tired\",\"\"\n"
        "\"5th Jan 2022\",\"Wednesday\",\"\",\"Sleep quality\",\"3\",\"OK\",\"\"\n"
        "\"6th Jan 2022\",\"Thursday\",\"9:02\",\"Symptom\",\"4\",\"Headache "
        "(Unbearable)\",\"\"\n"
        "\"6th Jan 2022\",\"Thursday\",\"pm\",\"Symptom\",\"2\",\"Back (lower)\",\"\"\n");
    CHECK(sheet.problems.empty());
    REQUIRE(sheet.entries.size() == 4);
    CHECK(sheet.entries[0].area == "Neck pain");
    CHECK(sheet.entries[0].pain == 8);
    CHECK(sheet.entries[0].when == "2022-01-05T09:00");
    CHECK(sheet.entries[1].area == "Back (lower) pain");
    CHECK(sheet.entries[1].pain == 3); // Mild, from the word when the number is missing
    CHECK(sheet.entries[1].when == "2022-01-05T19:00");
    CHECK(sheet.entries[1].notes == "desk");
    CHECK(sheet.entries[2].when == "2022-01-06T09:02");
    CHECK(sheet.entries[2].pain == 10);
    CHECK(sheet.entries[3].area == "Back (lower)"); // a bracket that is no severity stays
    CHECK(sheet.entries[3].pain == 5);
    CHECK(sheet.otherRows == 2);
}

TEST_CASE("Bearable's malformed rows name line and column") {
    const ReadSheet sheet =
        readSheet("date,date formatted,weekday,time of day,category,rating/amount,detail,notes\n"
                  "x,2022-01-32,Wed,am,Symptom,3,Neck pain (Severe),\n"
                  "x,2022-01-05,Wed,noonish,Symptom,3,Neck pain (Severe),\n"
                  "x,2022-01-05,Wed,am,Symptom,7,Neck pain,\n");
    CHECK(sheet.entries.empty());
    CHECK(sheet.problems.find("sheet.csv, line 2, column 2 (date formatted): expected a date") !=
          std::string::npos);
    CHECK(sheet.problems.find("line 3, column 4 (time of day): expected pre, am, mid, pm, all "
                              "day or a time like 9:30, got 'noonish'") != std::string::npos);
    CHECK(sheet.problems.find("line 4, column 6 (rating/amount): expected a symptom severity "
                              "from 0 to 4") != std::string::npos);
}

TEST_CASE("Flaredown: ratings 0-4 per column, treatments and empty cells left out") {
    const ReadSheet sheet = readSheet(
        "Date,Fibromyalgia,Neck pain,Fatigue,Ibuprofen,Massage,Tags,Foods,Weather summary\n"
        "2019-04-01,3,2,,400 mg,Taken,stress; poor sleep,,Rain\n"
        "2019-04-02,2,4,1,Not Taken,,,\"Coffee, brewed\"\n"
        "2019-04-03,,5,,,,,,\n");
    REQUIRE(sheet.entries.size() == 5);
    CHECK(sheet.entries[0].area == "Fibromyalgia");
    CHECK(sheet.entries[0].pain == 8);
    CHECK(sheet.entries[1].area == "Neck pain");
    CHECK(sheet.entries[1].pain == 5);
    CHECK(sheet.entries[1].when == "2019-04-01");
    CHECK(sheet.entries[4].area == "Fatigue");
    CHECK(sheet.entries[4].pain == 3);
    // 400 mg, Taken, Not Taken, and 5: Flaredown rates 0-4, so 5 is a dose.
    CHECK(sheet.otherRows == 4);
    CHECK(sheet.problems.empty());
}

TEST_CASE("CrisisCore: one pain level for each location, its time in UTC") {
    const ReadSheet sheet = readSheet(withCrisisCoreLineBreaks(
        "Date,Time,Pain Level,Locations,Symptoms,Limited Activities,Sleep Quality,Mood Impact,"
        "Missed Work Days,Notes\\n2024-01-01,08:00,5,\"Lower Back; Neck\",\"Stiffness; "
        "Burning\",\"Walking; Sitting\",6,5,,\"Test note\"\\n2024-01-02,,6.5,\"Left knee\",\"\","
        "\"\",,,,\"\"\\n2024-01-03,09:00,4,\"\",\"\",\"\",,,,\"no place\""));
    CHECK(sheet.problems.empty());
    REQUIRE(sheet.entries.size() == 3);
    CHECK(sheet.entries[0].area == "Lower Back");
    CHECK(sheet.entries[1].area == "Neck");
    CHECK(sheet.entries[0].when == "2024-01-01T08:00Z");
    CHECK(sheet.entries[0].utcToLocal);
    CHECK(sheet.entries[1].notes == "Test note");
    CHECK(sheet.entries[2].pain == 7); // 6.5, halves up
    CHECK(startsLikeCrisisCore("\xEF\xBB\xBF"
                               "Date,Time,Pain Level,Locations"));
    CHECK_FALSE(startsLikeCrisisCore("date,time,pain level"));
    CHECK(sheet.entries[2].when == "2024-01-02");
    CHECK(sheet.otherRows == 1);
}

TEST_CASE("CrisisCore's minimal export, without Locations, is refused saying why") {
    CHECK_THROWS_WITH_AS(
        (void)sheetRowReader(SheetLayout{SheetFormat::CrisisCore, false, {}},
                             {"Date", "Time", "Pain Level", "Symptoms", "Medication Log"}),
        doctest::Contains("the minimal export leaves it out"), std::invalid_argument);
}

TEST_CASE("columns mapped by hand: parsed, checked against the header, read") {
    const ColumnMap map = parseColumnMap("date=Day, region=Where ,pain=3,time=At,notes=Comment");
    CHECK(map.date == "Day");
    CHECK(map.region == "Where");
    CHECK(map.pain == "3");
    CHECK(describeColumnMap(map) == "date=Day,region=Where,pain=3,time=At,notes=Comment");
    CHECK_THROWS_WITH_AS((void)parseColumnMap("date=Day,region=Where"),
                         doctest::Contains("no pain=COLUMN"), std::invalid_argument);
    CHECK_THROWS_WITH_AS((void)parseColumnMap("date=Day,where=X,pain=1,region=2"),
                         doctest::Contains("unknown role 'where'"), std::invalid_argument);
    CHECK_THROWS_WITH_AS((void)parseColumnMap("date=Day,date=Other,region=1,pain=2"),
                         doctest::Contains("date is given twice"), std::invalid_argument);
    CHECK_THROWS_WITH_AS((void)parseColumnMap("date,region=1,pain=2"),
                         doctest::Contains("should be ROLE=COLUMN"), std::invalid_argument);

    const ReadSheet sheet = readSheet("Day,Where,Level,At,Comment,Other\n"
                                      "14 Mar 2026,lower back,6,9:30 pm,long drive,x\n"
                                      "2026-03-15,Neck,2,,,y\n",
                                      map);
    CHECK(sheet.problems.empty());
    REQUIRE(sheet.entries.size() == 2);
    CHECK(sheet.entries[0].when == "2026-03-14T21:30");
    CHECK(sheet.entries[0].pain == 6);
    CHECK(sheet.entries[0].notes == "long drive");
    CHECK(sheet.entries[1].when == "2026-03-15");
    CHECK(sheet.format.starts_with("Columns mapped by hand (date=Day"));

    CHECK_THROWS_WITH_AS(
        (void)sheetRowReader(
            SheetLayout{SheetFormat::Mapped, false, parseColumnMap("date=When,region=2,pain=9")},
            {"Day", "Where", "Level"}),
        doctest::Contains("date=When: the header has no column 'When' (it has Day, Where, Level)"),
        std::invalid_argument);
    CHECK_THROWS_WITH_AS(
        (void)sheetRowReader(
            SheetLayout{SheetFormat::Mapped, false, parseColumnMap("date=Day,region=2,pain=Level")},
            {"Day", "Where", "Level", "level"}),
        doctest::Contains("pain=Level: the header has 2 columns named 'Level' (columns 3 and 4): "
                          "give the column's number"),
        std::invalid_argument);
    CHECK_THROWS_WITH_AS(
        (void)sheetRowReader(
            SheetLayout{SheetFormat::Mapped, false, parseColumnMap("date=Day,region=Day,pain=3")},
            {"Day", "Where", "Level"}),
        doctest::Contains("column 1 (Day) is mapped to two roles"), std::invalid_argument);
}
