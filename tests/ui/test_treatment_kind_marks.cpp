// Issue 12: one glyph and one colour per treatment kind everywhere. The
// Treatments history view's bar rows and the session's Treatments panel
// groups carry the kind's code, and the style drawn for it is the kind's own
// (core/treatment_style.h), read from a real demo database.
#include "core/atlas.h"
#include "core/treatment_effect.h"
#include "core/treatment_style.h"
#include "store/client_history_query.h"
#include "store/database.h"
#include "store/demo_writer.h"
#include "store/sql/statement.h"
#include "support/temp_folder.h"
#include "ui/charts/chart_glyphs.h"
#include "ui/clients/client_pane_data.h"
#include "ui/history/history_views.h"
#include "ui/history/treatment_effect_rows.h"
#include "ui/style/theme.h"
#include "ui/treatments/treatment_view_model.h"

#include <doctest/doctest.h>

#include <set>

using namespace knotmap;

namespace {

std::vector<Id> clientIds(Database& database) {
    std::vector<Id> ids;
    sql::Statement query(database.sql(), "SELECT id FROM client ORDER BY id");
    while (query.executeStep()) {
        ids.push_back(query.getColumn(0).getInt64());
    }
    return ids;
}

// The colour the window draws a kind in, as the core style says.
ImVec4 expectedColour(std::string_view code, ui::ThemeKind theme) {
    const Srgb colour = treatmentColour(
        treatmentStyle(code).hue, theme == ui::ThemeKind::Dark ? Surface::Dark : Surface::Light);
    return ImVec4(static_cast<float>(colour.r), static_cast<float>(colour.g),
                  static_cast<float>(colour.b), 1.0f);
}

void checkStyle(const std::string& code) {
    for (const ui::ThemeKind theme : {ui::ThemeKind::Light, ui::ThemeKind::Dark}) {
        const ui::TreatmentMarkerStyle drawn = ui::treatmentMarkerStyle(ui::palette(theme), code);
        CHECK(drawn.glyph == treatmentStyle(code).glyph);
        const ImVec4 expected = expectedColour(code, theme);
        CHECK(drawn.colour.x == doctest::Approx(expected.x));
        CHECK(drawn.colour.y == doctest::Approx(expected.y));
        CHECK(drawn.colour.z == doctest::Approx(expected.z));
    }
}

} // namespace

TEST_CASE("treatment effect bar rows carry each kind's code, named and styled by that kind") {
    testing::TempFolder folder;
    Database database = Database::open(folder.file("marks.db"));
    DemoOptions options;
    options.clients = 2;
    options.days = 60;
    options.seed = 4;
    (void)writeDemo(database, options);
    const ui::VocabularyLists vocabularies = ui::readVocabularyLists(database.sql());

    std::set<std::string> codesSeen;
    for (const Id client : clientIds(database)) {
        const std::vector<TreatmentEffect> effects =
            treatmentEffects(loadClientHistory(database.sql(), client));
        const ui::TreatmentEffectRows rows =
            ui::treatmentEffectRows(effects, vocabularies.treatments);
        std::size_t within = 0;
        std::size_t later = 0;
        for (const TreatmentEffect& effect : effects) {
            within += effect.withinSession ? 1 : 0;
            later += effect.toNextObservation ? 1 : 0;
        }
        REQUIRE(rows.withinSession.size() == within);
        REQUIRE(rows.toNextRating.size() == later);
        for (const auto* chart : {&rows.withinSession, &rows.toNextRating}) {
            for (const ui::BarRow& row : *chart) {
                CAPTURE(row.label);
                REQUIRE_FALSE(row.kindCode.empty());
                // The label is the vocabulary's name for this very code, so
                // glyph and name cannot drift apart.
                CHECK(row.label == ui::vocabularyName(vocabularies.treatments, row.kindCode));
                const auto effect =
                    std::find_if(effects.begin(), effects.end(), [&](const TreatmentEffect& e) {
                        return e.kindCode == row.kindCode;
                    });
                REQUIRE(effect != effects.end());
                const MeanEstimate& estimate = chart == &rows.withinSession
                                                   ? *effect->withinSession
                                                   : *effect->toNextObservation;
                CHECK(row.value == doctest::Approx(estimate.mean));
                CHECK(row.count == estimate.n);
                CHECK(row.muted == (estimate.n < ui::kFewEffectUses));
                checkStyle(row.kindCode);
                codesSeen.insert(row.kindCode);
            }
        }
        for (std::size_t i = 1; i < rows.toNextRating.size(); ++i) {
            CHECK(rows.toNextRating[i - 1].value <= rows.toNextRating[i].value);
        }
    }
    // The demo uses several kinds, so the rows tell kinds apart.
    CHECK(codesSeen.size() >= 3);
}

TEST_CASE("a kind the vocabulary lost keeps its code as its row's name and still has a style") {
    TreatmentEffect effect;
    effect.kindCode = "cupping_custom";
    effect.withinSession = MeanEstimate{7, -1.5, -2.0, -1.0};
    const ui::TreatmentEffectRows rows = ui::treatmentEffectRows({effect}, {});
    REQUIRE(rows.withinSession.size() == 1);
    CHECK(rows.toNextRating.empty());
    CHECK(rows.withinSession[0].label == "cupping_custom");
    CHECK(rows.withinSession[0].kindCode == "cupping_custom");
    CHECK_FALSE(rows.withinSession[0].muted);
    checkStyle("cupping_custom");
}

TEST_CASE("the session treatments panel's groups carry their kind's code") {
    testing::TempFolder folder;
    Database database = Database::open(folder.file("panel.db"));
    DemoOptions options;
    options.clients = 1;
    options.days = 30;
    options.seed = 4;
    (void)writeDemo(database, options);
    const ui::VocabularyLists vocabularies = ui::readVocabularyLists(database.sql());

    sql::Statement sessions(database.sql(),
                            "SELECT DISTINCT session_id FROM treatment ORDER BY session_id");
    int groups = 0;
    std::set<std::string> codes;
    while (sessions.executeStep()) {
        const Id session = sessions.getColumn(0).getInt64();
        const auto model = ui::buildTreatmentPanelModel(database.sql(), session, Atlas::builtIn());
        REQUIRE(model.has_value());
        for (const ui::TreatmentGroup& group : model->groups) {
            REQUIRE_FALSE(group.lines.empty());
            for (const ui::TreatmentLine& line : group.lines) {
                CHECK(group.kindCode == line.treatment.kindCode);
            }
            CHECK(group.kindName == ui::vocabularyName(vocabularies.treatments, group.kindCode));
            checkStyle(group.kindCode);
            codes.insert(group.kindCode);
            ++groups;
        }
    }
    CHECK(groups > 10);
    CHECK(codes.size() >= 3);
}
