#include "core/atlas.h"

#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>

using namespace knotmap;
using Json = nlohmann::json;

namespace {

// A torso in two regions on the front view (the chest's side a Bézier bulge)
// and one region on the back view.
//
//   mt ---top--- rt
//   |             )  chest_side
//   mm ---waist-- rm
//   |             |  belly_side
//   mb --bottom-- rb
constexpr std::string_view kTestAtlas = R"({
  "format": "knotmap-atlas",
  "version": 1,
  "canvas_aspect": 0.5,
  "views": {
    "front": {
      "points": {
        "mt": [0.5, 0.1], "rt": [0.7, 0.1],
        "mm": [0.5, 0.3], "rm": [0.7, 0.3],
        "mb": [0.5, 0.5], "rb": [0.7, 0.5]
      },
      "edges": {
        "top": { "from": "mt", "to": "rt" },
        "chest_side": { "from": "rt", "to": "rm",
                        "controls": [[0.75, 0.16666666666666666], [0.75, 0.23333333333333334]] },
        "waist": { "from": "mm", "to": "rm" },
        "mid_upper": { "from": "mt", "to": "mm" },
        "belly_side": { "from": "rm", "to": "rb" },
        "bottom": { "from": "mb", "to": "rb" },
        "mid_lower": { "from": "mm", "to": "mb" }
      },
      "regions": [
        { "muscle": "pectoralis_major", "name": "Pectoralis major",
          "anatomical": "Pectoralis major muscle", "choir": { "left": "f09", "right": "f08" },
          "boundary": ["top", "chest_side", "-waist", "-mid_upper"] },
        { "muscle": "rectus_abdominis", "name": "Rectus abdominis",
          "anatomical": "Rectus abdominis muscle", "choir": { "left": "f17", "right": "f16" },
          "boundary": ["-mid_lower", "waist", "belly_side", "-bottom"] }
      ]
    },
    "back": {
      "points": { "top": [0.5, 0.6], "corner": [0.6, 0.6], "foot": [0.5, 0.9] },
      "edges": {
        "upper": { "from": "top", "to": "corner" },
        "outer": { "from": "corner", "to": "foot", "controls": [[0.6, 0.8], [0.55, 0.9]] },
        "middle": { "from": "foot", "to": "top" }
      },
      "regions": [
        { "muscle": "it_band", "name": "IT band", "anatomical": "Iliotibial tract",
          "choir": { "left": "b28", "right": "b29" }, "boundary": ["middle", "upper", "outer"] }
      ]
    }
  }
})";

Atlas parseTest() {
    return Atlas::parse(kTestAtlas, "test.json");
}

std::string changed(const std::function<void(Json&)>& change) {
    Json json = Json::parse(kTestAtlas);
    change(json);
    return json.dump();
}

Json& front(Json& json) {
    return json["views"]["front"];
}

Json& chest(Json& json) {
    return front(json)["regions"][0];
}

std::string parseError(std::string_view text) {
    try {
        (void)Atlas::parse(text, "test.json");
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return "(parsed without an error)";
}

} // namespace

TEST_SUITE("atlas parser") {
    TEST_CASE("each authored region becomes a left and a right region with codes and names") {
        const Atlas atlas = parseTest();
        REQUIRE(atlas.regions().size() == 6);
        CHECK(atlas.canvasAspect() == 0.5);
        const char* codes[] = {"front.pectoralis_major.left", "front.pectoralis_major.right",
                               "front.rectus_abdominis.left", "front.rectus_abdominis.right",
                               "back.it_band.left",           "back.it_band.right"};
        for (int i = 0; i < 6; ++i) {
            const AtlasRegion& region = atlas.regions()[static_cast<std::size_t>(i)];
            CHECK(region.code == codes[i]);
            CHECK(region.index == i);
            CHECK(region.mirrorIndex == (i % 2 == 0 ? i + 1 : i - 1));
            CHECK(atlas.findByCode(codes[i]) == &region);
        }
        CHECK(atlas.findByCode("front.pectoralis_major") == nullptr);
        const AtlasRegion& pec = *atlas.findByCode("front.pectoralis_major.left");
        CHECK(pec.displayName == "Left pectoralis major");
        CHECK(pec.anatomicalName == "Pectoralis major muscle");
        CHECK(pec.view == BodyView::Front);
        CHECK(pec.side == Side::Left);
        CHECK(pec.choirCode == "f09");
        CHECK(pec.choirName == "Chest");
        CHECK(atlas.findByCode("front.pectoralis_major.right")->displayName ==
              "Right pectoralis major");
        CHECK(atlas.findByCode("front.pectoralis_major.right")->choirCode == "f08");
        // Acronyms keep their capitals.
        CHECK(atlas.findByCode("back.it_band.left")->displayName == "Left IT band");
        CHECK(atlas.findByCode("back.it_band.right")->displayName == "Right IT band");
        CHECK(atlas.findByCode("back.it_band.right")->choirName == "Upper Leg");
        CHECK(toCode(Side::Left) == "left");
        CHECK(toCode(Side::Right) == "right");
    }

    TEST_CASE("the authored half is the patient's left on the front view and right on the back") {
        const Atlas atlas = parseTest();
        CHECK(atlas.findByCode("front.pectoralis_major.left")->labelPoint.x > 0.5);
        CHECK(atlas.findByCode("front.pectoralis_major.right")->labelPoint.x < 0.5);
        CHECK(atlas.findByCode("back.it_band.right")->labelPoint.x > 0.5);
        CHECK(atlas.findByCode("back.it_band.left")->labelPoint.x < 0.5);
    }

    TEST_CASE("mirror images are exact: same area, mirrored outline and label point") {
        const Atlas atlas = parseTest();
        for (const AtlasRegion& region : atlas.regions()) {
            INFO(region.code);
            const AtlasRegion& mirror =
                atlas.regions()[static_cast<std::size_t>(region.mirrorIndex)];
            CHECK(mirror.mirrorIndex == region.index);
            CHECK(mirror.area == region.area);
            CHECK(mirror.labelPoint.x == 1.0 - region.labelPoint.x);
            CHECK(mirror.labelPoint.y == region.labelPoint.y);
            REQUIRE(mirror.outline.size() == region.outline.size());
            std::set<std::pair<double, double>> points;
            for (const Vec2& p : region.outline) {
                points.insert({1.0 - p.x, p.y});
            }
            for (const Vec2& p : mirror.outline) {
                CHECK(points.count({p.x, p.y}) == 1);
            }
            // Both wound the same way, whatever the author's boundary order.
            CHECK(signedArea(region.outline) > 0.0);
            CHECK(signedArea(mirror.outline) > 0.0);
            CHECK(mirror.bounds.min.x == 1.0 - region.bounds.max.x);
        }
    }

    TEST_CASE("areas are in diagram units and the Bézier edge is tessellated smoothly") {
        const Atlas atlas = parseTest();
        // 0.2 x 0.2 plus the bulge: x - 0.7 = 0.15 t (1 - t) while y = 0.1 + 0.2 t.
        CHECK(atlas.findByCode("front.pectoralis_major.left")->area ==
              doctest::Approx(0.04 + 0.005).epsilon(1e-4));
        CHECK(atlas.findByCode("front.rectus_abdominis.right")->area ==
              doctest::Approx(0.04).epsilon(1e-12));
        const AtlasRegion& pec = *atlas.findByCode("front.pectoralis_major.left");
        CHECK(pec.outline.size() > 12);
        CHECK(pec.bounds.max.x == doctest::Approx(0.7375).epsilon(1e-4));
        // Neighbours share the tessellated boundary: the waist corner appears
        // once in each (no duplicated joints).
        int corners = 0;
        for (const Vec2& p : pec.outline) {
            corners += p == Vec2{0.7, 0.3} ? 1 : 0;
        }
        CHECK(corners == 1);
    }

    TEST_CASE("hit testing finds the region under a point, and nothing outside") {
        const Atlas atlas = parseTest();
        const auto codeAt = [&](BodyView view, Vec2 p) -> std::string {
            const AtlasHit hit = atlas.hitTest(view, p);
            return hit ? hit.region->code : "";
        };
        CHECK(codeAt(BodyView::Front, {0.6, 0.2}) == "front.pectoralis_major.left");
        CHECK(codeAt(BodyView::Front, {0.4, 0.2}) == "front.pectoralis_major.right");
        CHECK(codeAt(BodyView::Front, {0.6, 0.4}) == "front.rectus_abdominis.left");
        CHECK(codeAt(BodyView::Front, {0.35, 0.4}) == "front.rectus_abdominis.right");
        CHECK(codeAt(BodyView::Front, {0.73, 0.2}) == "front.pectoralis_major.left"); // the bulge
        CHECK(codeAt(BodyView::Front, {0.27, 0.2}) == "front.pectoralis_major.right");
        CHECK(codeAt(BodyView::Front, {0.74, 0.2}).empty());
        CHECK(codeAt(BodyView::Front, {0.5, 0.05}).empty());
        CHECK(codeAt(BodyView::Front, {0.6, 0.55}).empty());
        CHECK_FALSE(codeAt(BodyView::Front, {0.5, 0.2}).empty()); // on the midline
        CHECK(codeAt(BodyView::Back, {0.6, 0.2}).empty());
        CHECK(codeAt(BodyView::Back, {0.55, 0.7}) == "back.it_band.right");
        CHECK(codeAt(BodyView::Back, {0.45, 0.7}) == "back.it_band.left");
        for (const AtlasRegion& region : atlas.regions()) {
            CHECK(codeAt(region.view, region.labelPoint) == region.code);
        }
    }

    TEST_CASE("the silhouette is the outline of the whole figure, midline edges left out") {
        const Atlas atlas = parseTest();
        const auto& front = atlas.silhouette(BodyView::Front);
        REQUIRE(front.size() == 1);
        double regions = 0.0;
        for (const AtlasRegion& region : atlas.regions()) {
            if (region.view == BodyView::Front) {
                regions += region.area;
            }
        }
        CHECK(std::abs(signedArea(front[0])) == doctest::Approx(regions).epsilon(1e-12));
        const Box bounds = boundsOf(front[0]);
        CHECK(bounds.min.y == 0.1);
        CHECK(bounds.max.y == 0.5);
        CHECK(bounds.min.x == 1.0 - bounds.max.x);
        for (const Vec2& p : front[0]) {
            CHECK(p != Vec2{0.5, 0.3}); // the waist meets the midline inside the body
        }
        const auto& back = atlas.silhouette(BodyView::Back);
        REQUIRE(back.size() == 1);
        CHECK(std::abs(signedArea(back[0])) ==
              doctest::Approx(2 * atlas.findByCode("back.it_band.left")->area).epsilon(1e-12));
    }

    TEST_CASE("bad input is refused with a message naming the source, view, region or edge") {
        const auto check = [](const std::string& text, const std::string& expected) {
            const std::string message = parseError(text);
            INFO(message);
            CHECK(message.find(expected) != std::string::npos);
            CHECK(message.starts_with("test.json: "));
        };
        check("{ \"format\": ", "test.json: not valid JSON: ");
        check("[1, 2]", "test.json: the atlas must be a JSON object");
        check(changed([](Json& j) { j["format"] = "svg"; }), "'format' must be \"knotmap-atlas\"");
        check(changed([](Json& j) { j["version"] = 2; }), "version 2 is not supported");
        check(changed([](Json& j) { j["canvas_aspect"] = -1; }),
              "'canvas_aspect' must be a positive number");
        check(changed([](Json& j) { j["views"].erase("back"); }), "views: 'back' is missing");
        check(changed([](Json& j) { j["views"]["side"] = Json::object(); }), "unknown view 'side'");
        check(changed([](Json& j) { front(j).erase("edges"); }), "front view: 'edges' is missing");
        check(changed([](Json& j) {
                  front(j)["points"]["rb"] = {0.7, 1.2};
              }),
              "test.json: front point 'rb': the point y 1.2 is outside [0, 1]");
        check(changed([](Json& j) {
                  front(j)["points"]["rt"] = {0.45, 0.1};
              }),
              "test.json: front point 'rt': the point x 0.45 is left of the midline");
        check(changed([](Json& j) { front(j)["points"]["rt"] = "here"; }),
              "front point 'rt': the point must be an [x, y] pair of numbers");
        check(changed([](Json& j) {
                  front(j)["edges"]["chest_side"]["controls"][1] = {0.4, 0.2};
              }),
              "test.json: front edge 'chest_side': control point x 0.4 is left of the midline");
        check(changed([](Json& j) { front(j)["edges"]["chest_side"]["controls"].erase(1); }),
              "front edge 'chest_side': 'controls' must hold exactly two [x, y] control points");
        check(changed([](Json& j) { front(j)["edges"]["top"]["to"] = "nowhere"; }),
              "test.json: front edge 'top': point 'nowhere' does not exist");
        check(changed([](Json& j) { front(j)["edges"]["top"].erase("from"); }),
              "front edge 'top': 'from' is missing");
        check(changed([](Json& j) { front(j)["edges"]["top"]["to"] = "mt"; }),
              "front edge 'top': a straight edge from 'mt' to itself");
        check(changed([](Json& j) { chest(j)["boundary"][1] = "x"; }),
              "test.json: front region 'pectoralis_major': edge 'x' does not exist");
        check(changed([](Json& j) { chest(j)["boundary"][1] = "-chest_side"; }),
              "front region 'pectoralis_major': edge 'top' ends at point 'rt' but the next edge "
              "'chest_side' starts at 'rm'");
        check(changed([](Json& j) { chest(j)["boundary"].erase(3); }),
              "front region 'pectoralis_major': the boundary does not close: it ends at point "
              "'mm' but starts at 'mt'");
        check(changed([](Json& j) {
                  chest(j)["boundary"] = {"top", "-top"};
              }),
              "front region 'pectoralis_major': edge 'top' appears twice in the boundary");
        check(changed([](Json& j) { chest(j)["boundary"] = Json::array(); }),
              "front region 'pectoralis_major': 'boundary' must be a non-empty array");
        check(changed([](Json& j) { chest(j)["boundary"][0] = 7; }),
              "front region 'pectoralis_major': 'boundary' must list edge names, found 7");
        check(changed([](Json& j) { chest(j)["choir"]["left"] = "f99"; }),
              "test.json: front region 'pectoralis_major': CHOIR code 'f99' for the left side "
              "does not exist");
        check(changed([](Json& j) { chest(j)["choir"]["right"] = "b09"; }),
              "front region 'pectoralis_major': CHOIR code 'b09' for the right side (Upper Back) "
              "is on the back view");
        check(changed([](Json& j) { chest(j)["choir"]["left"] = "f08"; }),
              "front region 'pectoralis_major': CHOIR code 'f08' for the left side (Chest) is on "
              "the right side");
        check(changed([](Json& j) { chest(j)["choir"].erase("right"); }),
              "front region 'pectoralis_major': choir: 'right' is missing");
        check(changed([](Json& j) { chest(j).erase("name"); }),
              "front region 'pectoralis_major': 'name' is missing");
        check(changed([](Json& j) { chest(j)["anatomical"] = ""; }),
              "front region 'pectoralis_major': 'anatomical' must be a non-empty string");
        check(changed([](Json& j) { chest(j)["muscle"] = "Pectoralis"; }),
              "front region #1: 'muscle' 'Pectoralis' may hold only a-z, 0-9 and _");
        check(changed([](Json& j) { front(j)["regions"][1]["muscle"] = "pectoralis_major"; }),
              "front region 'pectoralis_major': another region on this view has the muscle "
              "'pectoralis_major'");
        check(changed([](Json& j) {
                  Json copy = chest(j);
                  copy["muscle"] = "overlap";
                  front(j)["regions"].push_back(copy);
              }),
              "test.json: front edge 'chest_side': regions 'pectoralis_major' and 'overlap' both "
              "lie on the same side of it, so they overlap");
        check(changed([](Json& j) {
                  for (const char* muscle : {"overlap", "third"}) {
                      Json copy = chest(j);
                      copy["muscle"] = muscle;
                      front(j)["regions"].push_back(copy);
                  }
              }),
              "front edge 'chest_side': borders more than two regions ('pectoralis_major', "
              "'overlap', 'third')");
        check(changed([](Json& j) {
                  front(j)["edges"]["waist_copy"] = {{"from", "rm"}, {"to", "mm"}};
                  front(j)["regions"].push_back({{"muscle", "flat"},
                                                 {"name", "Flat"},
                                                 {"anatomical", "Nothing"},
                                                 {"choir", {{"left", "f09"}, {"right", "f08"}}},
                                                 {"boundary", {"waist", "waist_copy"}}});
              }),
              "front region 'flat': the boundary encloses no area");
        std::string duplicate(kTestAtlas);
        duplicate.replace(duplicate.find("\"rt\": [0.7, 0.1]"), 4, "\"mt\"");
        check(duplicate, "test.json: the key 'mt' appears twice in one object");
    }

    TEST_CASE("authoring in either direction gives the same regions") {
        const Atlas original = parseTest();
        const Atlas reversed =
            Atlas::parse(changed([](Json& j) {
                             chest(j)["boundary"] = {"mid_upper", "waist", "-chest_side", "-top"};
                         }),
                         "reversed.json");
        const AtlasRegion& a = *original.findByCode("front.pectoralis_major.left");
        const AtlasRegion& b = *reversed.findByCode("front.pectoralis_major.left");
        CHECK(a.area == doctest::Approx(b.area).epsilon(1e-14));
        CHECK(signedArea(b.outline) > 0.0);
        CHECK(std::abs(a.labelPoint.x - b.labelPoint.x) < 1e-4);
        CHECK(reversed.silhouette(BodyView::Front).size() == 1);
    }
}
