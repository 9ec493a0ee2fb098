#include "core/asset_registry.h"
#include "core/atlas.h"
#include "core/demo_sites.h"
#include "core/label_point.h"
#include "core/triangulate.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

using namespace knotmap;

namespace {

constexpr BodyView kViews[] = {BodyView::Front, BodyView::Back};

const Atlas& atlas() {
    return Atlas::builtIn();
}

bool inSilhouette(BodyView view, Vec2 p) {
    // Even-odd over all loops, so a hole (if the figure had one) counts as outside.
    bool inside = false;
    for (const Polygon& loop : atlas().silhouette(view)) {
        inside = inside != containsPoint(loop, p);
    }
    return inside;
}

std::string codeAt(BodyView view, Vec2 p) {
    const AtlasHit hit = atlas().hitTest(view, p);
    return hit ? hit.region->code : "";
}

double silhouetteArea(BodyView view) {
    double area = 0.0;
    for (const Polygon& loop : atlas().silhouette(view)) {
        area += signedArea(loop); // holes wind the other way and subtract
    }
    return std::abs(area);
}

double regionArea(BodyView view) {
    double area = 0.0;
    for (const AtlasRegion& region : atlas().regions()) {
        area += region.view == view ? region.area : 0.0;
    }
    return area;
}

// Distance on screen, in canvas heights.
Polygon onScreen(const Polygon& polygon) {
    Polygon scaled;
    for (const Vec2& p : polygon) {
        scaled.push_back({p.x * atlas().canvasAspect(), p.y});
    }
    return scaled;
}

bool segmentsCross(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
    const auto orient = [](Vec2 p, Vec2 q, Vec2 r) {
        return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    };
    const double d1 = orient(c, d, a);
    const double d2 = orient(c, d, b);
    const double d3 = orient(a, b, c);
    const double d4 = orient(a, b, d);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

} // namespace

TEST_SUITE("atlas built in") {
    TEST_CASE("the embedded atlas loads with enough regions, unique codes and every CHOIR code") {
        const auto& regions = atlas().regions();
        CHECK(regions.size() >= 90);
        CHECK(regions.size() % 2 == 0);
        std::set<std::string> codes;
        std::set<std::string> choirCodes;
        for (const AtlasRegion& region : regions) {
            INFO(region.code);
            CHECK(codes.insert(region.code).second);
            choirCodes.insert(region.choirCode);
            CHECK(region.code.starts_with(std::string(toCode(region.view)) + "."));
            CHECK(region.code.ends_with("." + std::string(toCode(region.side))));
            CHECK(region.displayName.starts_with(region.side == Side::Left ? "Left " : "Right "));
            CHECK_FALSE(region.anatomicalName.empty());
            CHECK_FALSE(region.choirName.empty());
            CHECK(region.area > 0.0);
            CHECK(atlas().findByCode(region.code) == &region);
            CHECK(region.index == static_cast<int>(&region - regions.data()));
        }
        // Every CHOIR body-map region is covered by at least one atlas region.
        const std::string_view csv = asset("assets/atlas/choir_regions.csv");
        int choirRows = 0;
        for (std::size_t start = csv.find('\n') + 1; start < csv.size();) {
            const std::size_t end = std::min(csv.find('\n', start), csv.size());
            const std::string_view line = csv.substr(start, end - start);
            start = end + 1;
            if (line.find(',') == std::string_view::npos) {
                continue;
            }
            ++choirRows;
            const std::string code(line.substr(0, line.find(',')));
            INFO("CHOIR " << code);
            CHECK(choirCodes.count(code) == 1);
        }
        CHECK(choirRows == 74);
    }

    TEST_CASE("label points hit their region and sit well inside it") {
        double tightest = 1.0;
        std::string tightestCode;
        for (const AtlasRegion& region : atlas().regions()) {
            INFO(region.code);
            CHECK(codeAt(region.view, region.labelPoint) == region.code);
            CHECK(region.bounds.contains(region.labelPoint));
            const double clearance = distanceToBoundary(
                onScreen(region.outline),
                {region.labelPoint.x * atlas().canvasAspect(), region.labelPoint.y});
            if (clearance < tightest) {
                tightest = clearance;
                tightestCode = region.code;
            }
        }
        INFO("tightest label point: " << tightestCode << ", " << tightest << " canvas heights");
        CHECK(tightest > 0.002); // 2 pixels on a 1000-pixel-tall canvas
    }

    TEST_CASE("left and right regions mirror each other across x = 0.5") {
        const auto& regions = atlas().regions();
        for (const AtlasRegion& region : regions) {
            INFO(region.code);
            REQUIRE(region.mirrorIndex >= 0);
            REQUIRE(region.mirrorIndex < static_cast<int>(regions.size()));
            const AtlasRegion& mirror = regions[static_cast<std::size_t>(region.mirrorIndex)];
            CHECK(mirror.mirrorIndex == region.index);
            CHECK(mirror.view == region.view);
            CHECK(mirror.side != region.side);
            const std::string stem = region.code.substr(0, region.code.rfind('.'));
            CHECK(mirror.code == stem + "." + std::string(toCode(mirror.side)));
            CHECK(std::abs(mirror.area - region.area) < 1e-9);
            CHECK(mirror.anatomicalName == region.anatomicalName);
            CHECK(codeAt(region.view, {1.0 - region.labelPoint.x, region.labelPoint.y}) ==
                  mirror.code);
            // Front view: the patient's left is on the viewer's right.
            const bool onViewersRight = region.labelPoint.x > 0.5;
            CHECK(onViewersRight ==
                  ((region.view == BodyView::Front) == (region.side == Side::Left)));
            if (onViewersRight) {
                CHECK(region.bounds.min.x >= 0.5);
            } else {
                CHECK(region.bounds.max.x <= 0.5);
            }
        }
    }

    TEST_CASE("points outside the body hit nothing") {
        for (const BodyView view : kViews) {
            INFO(toCode(view));
            for (const Vec2 p :
                 {Vec2{0, 0}, Vec2{1, 0}, Vec2{0, 1}, Vec2{1, 1}, Vec2{0.02, 0.5}, Vec2{0.98, 0.5},
                  Vec2{0.5, 0.005}, Vec2{0.5, 0.02}, Vec2{0.5, 0.995}}) {
                INFO(p.x << ", " << p.y);
                CHECK(codeAt(view, p).empty());
            }
            // Between the legs, from just below the crotch to the feet.
            for (double y = 0.56; y < 0.95; y += 0.02) {
                INFO("between the legs at y " << y);
                CHECK(codeAt(view, {0.5, y}).empty());
            }
            // At waist height the arm hangs clear of the torso: going out from
            // the midline, the body is left once and entered again.
            for (const double y : {0.37, 0.383, 0.40}) {
                INFO("waist height y " << y);
                double gapStart = -1.0;
                double gapEnd = -1.0;
                for (double x = 0.5; x < 1.0; x += 0.0005) {
                    const bool inside = !codeAt(view, {x, y}).empty();
                    if (!inside && gapStart < 0.0) {
                        gapStart = x;
                    } else if (inside && gapStart >= 0.0) {
                        gapEnd = x;
                        break;
                    }
                }
                REQUIRE(gapStart > 0.5);
                REQUIRE(gapEnd > gapStart);
                const double middle = (gapStart + gapEnd) / 2.0;
                CHECK(codeAt(view, {middle, y}).empty());
                CHECK(codeAt(view, {1.0 - middle, y}).empty());
                CHECK_FALSE(inSilhouette(view, {middle, y}));
            }
        }
    }

    TEST_CASE("regions tile the silhouette: no gaps, no overlaps") {
        for (const BodyView view : kViews) {
            INFO(toCode(view));
            REQUIRE_FALSE(atlas().silhouette(view).empty());
            int inside = 0;
            int gaps = 0;
            int overlaps = 0;
            int strays = 0;
            for (int i = 0; i < 300; ++i) {
                for (int j = 0; j < 600; ++j) {
                    const Vec2 p{(i + 0.5) / 300.0, (j + 0.5) / 600.0};
                    int containing = 0;
                    for (const AtlasRegion& region : atlas().regions()) {
                        containing += region.view == view && region.bounds.contains(p) &&
                                              containsPoint(region.outline, p)
                                          ? 1
                                          : 0;
                    }
                    if (inSilhouette(view, p)) {
                        ++inside;
                        gaps += containing == 0 ? 1 : 0;
                    } else {
                        strays += containing > 0 ? 1 : 0;
                    }
                    overlaps += containing > 1 ? 1 : 0;
                }
            }
            CHECK(inside > 20000);
            CHECK(gaps == 0);
            CHECK(overlaps == 0);
            CHECK(strays == 0);
            CHECK(std::abs(silhouetteArea(view) - regionArea(view)) < 1e-9);
        }
    }

    TEST_CASE("outlines are simple polygons and triangulate to their area") {
        for (const AtlasRegion& region : atlas().regions()) {
            INFO(region.code);
            const Polygon& outline = region.outline;
            const std::size_t n = outline.size();
            REQUIRE(n >= 3);
            int crossings = 0;
            for (std::size_t i = 0; i < n; ++i) {
                CHECK(outline[i] != outline[(i + 1) % n]);
                for (std::size_t j = i + 2; j < n; ++j) {
                    if (i == 0 && j == n - 1) {
                        continue; // neighbours through the closing edge
                    }
                    crossings +=
                        segmentsCross(outline[i], outline[i + 1], outline[j], outline[(j + 1) % n])
                            ? 1
                            : 0;
                }
            }
            CHECK(crossings == 0);
            const auto triangles = triangulate(outline);
            double area = 0.0;
            for (std::size_t t = 0; t < triangles.size(); t += 3) {
                area += signedArea(
                    {outline[triangles[t]], outline[triangles[t + 1]], outline[triangles[t + 2]]});
            }
            CHECK(area == doctest::Approx(region.area).epsilon(1e-9));
        }
    }
}

TEST_SUITE("atlas and demo sites") {
    TEST_CASE("every demo knot site lies in its atlas region, with the generator's jitter") {
        constexpr double kJitter = 0.006; // demo_knots.cpp: position +- 0.006 on each axis
        CHECK(kDemoKnotJitter == kJitter);
        for (const DemoSite& site : demoSites()) {
            INFO(site.regionCode);
            const AtlasRegion* region = atlas().findByCode(site.regionCode);
            REQUIRE(region != nullptr);
            CHECK(region->view == site.muscle->view);
            CHECK(region->side == site.side);
            CHECK(squareClearance(region->outline, {site.position.x, site.position.y}) >= kJitter);
            for (int i = -2; i <= 2; ++i) {
                for (int j = -2; j <= 2; ++j) {
                    const Vec2 p{site.position.x + kJitter * i / 2.0,
                                 site.position.y + kJitter * j / 2.0};
                    INFO(p.x << ", " << p.y);
                    CHECK(codeAt(region->view, p) == site.regionCode);
                }
            }
        }
    }

    TEST_CASE("the regions demo knots refer pain to exist on both sides") {
        for (const DemoMuscle& muscle : demoMuscles()) {
            for (const std::string_view target : muscle.referrals) {
                INFO(target);
                CHECK(atlas().findByCode(regionCodeFor(target, Side::Left)) != nullptr);
                CHECK(atlas().findByCode(regionCodeFor(target, Side::Right)) != nullptr);
            }
        }
    }
}
