#include "report/report_body_map.h"

#include "core/atlas.h"

#include <algorithm>
#include <string>

namespace knotmap::report {
namespace {

constexpr double kCaptionHeight = 16.0;
constexpr double kFigureGap = 26.0;
constexpr double kMarkerRadius = 4.2;

constexpr Srgb kBodyFill{0.955, 0.948, 0.935};
constexpr Srgb kRegionLine{0.78, 0.77, 0.75};
constexpr Srgb kOutline{0.42, 0.42, 0.42};

struct Figure {
    double left = 0.0;
    double top = 0.0;
    double height = 0.0;

    [[nodiscard]] double width(const Atlas& atlas) const { return height * atlas.canvasAspect(); }
    [[nodiscard]] Vec2 toPage(const Atlas& atlas, Vec2 diagram) const {
        return {left + diagram.x * width(atlas), top + diagram.y * height};
    }
};

std::vector<Vec2> toPage(const Atlas& atlas, const Figure& figure, const Polygon& polygon) {
    std::vector<Vec2> points;
    points.reserve(polygon.size());
    for (const Vec2& point : polygon) {
        points.push_back(figure.toPage(atlas, point));
    }
    return points;
}

void drawFigure(PdfPainter& painter, const Atlas& atlas, const Figure& figure, BodyView view) {
    for (const AtlasRegion& region : atlas.regions()) {
        if (region.view == view) {
            painter.polygon(toPage(atlas, figure, region.outline), kBodyFill,
                            StrokeStyle{kRegionLine, 0.35});
        }
    }
    for (const Polygon& outline : atlas.silhouette(view)) {
        painter.polygon(toPage(atlas, figure, outline), std::nullopt, StrokeStyle{kOutline, 0.8});
    }
}

void drawKnots(PdfPainter& painter, const Atlas& atlas, const Figure& figure, BodyView view,
               const ReportData& data, std::size_t numberedKnots) {
    // The most painful last, so it is on top where markers overlap.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < data.knots.size(); ++i) {
        if (data.knots[i].view == view) {
            order.push_back(i);
        }
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return data.knots[a].latestPain < data.knots[b].latestPain;
    });
    for (const std::size_t i : order) {
        const ReportKnot& knot = data.knots[i];
        const Vec2 centre = figure.toPage(atlas, {knot.position.x, knot.position.y});
        painter.circle(centre, kMarkerRadius, painRampColour(knot.latestPain),
                       StrokeStyle{kInk, 0.6});
    }
    for (std::size_t i = 0; i < std::min(numberedKnots, data.knots.size()); ++i) {
        const ReportKnot& knot = data.knots[i];
        if (knot.view == view) {
            const Vec2 centre = figure.toPage(atlas, {knot.position.x, knot.position.y});
            painter.text(centre.x + kMarkerRadius + 1.5, centre.y - kMarkerRadius + 1.0,
                         std::to_string(i + 1), FontStyle::Bold, kSmallSize, kInk);
        }
    }
}

std::string_view bandLabel(int pain) {
    switch (pain) {
    case 0:
        return "none";
    case 1:
        return "mild";
    case 4:
        return "moderate";
    case 7:
        return "severe";
    default:
        return "";
    }
}

void drawLegend(PdfPainter& painter, double left, double top) {
    constexpr double kSwatch = 10.0;
    constexpr double kStep = 12.5;
    painter.text(left, top + 8.0, "Latest pain", FontStyle::Bold, kSmallSize, kInk);
    for (int pain = 10; pain >= 0; --pain) {
        const double y = top + 16.0 + (10 - pain) * kStep;
        painter.rectangle(left, y, kSwatch, kSwatch, painRampColour(pain), StrokeStyle{kRule, 0.4});
        painter.text(left + kSwatch + 5.0, y + 8.0, std::to_string(pain), FontStyle::Regular,
                     kSmallSize, kInk);
        painter.text(left + kSwatch + 20.0, y + 8.0, bandLabel(pain), FontStyle::Regular, kTinySize,
                     kMuted);
    }
}

} // namespace

ReportBlock bodyMapBlock(const ReportData& data, std::size_t numberedKnots, double figureHeight) {
    ReportBlock block;
    block.layout = {kCaptionHeight + figureHeight + 14.0, BlockRole::Plain};
    block.draw = [&data, numberedKnots, figureHeight](PdfPainter& painter, const BlockArea& area) {
        const Atlas& atlas = Atlas::builtIn();
        const Figure front{area.x + 10.0, area.top + kCaptionHeight, figureHeight};
        const Figure back{front.left + front.width(atlas) + kFigureGap, front.top, figureHeight};
        const BodyView views[] = {BodyView::Front, BodyView::Back};
        const Figure figures[] = {front, back};
        const char* captions[] = {"Front", "Back"};
        for (int i = 0; i < 2; ++i) {
            const Figure& figure = figures[i];
            painter.text(figure.left + figure.width(atlas) / 2, area.top + 9.0, captions[i],
                         FontStyle::Bold, kBodySize, kInk, TextAlign::Centre);
            drawFigure(painter, atlas, figure, views[i]);
            drawKnots(painter, atlas, figure, views[i], data, numberedKnots);
        }
        const double legendLeft = back.left + back.width(atlas) + kFigureGap + 10.0;
        drawLegend(painter, legendLeft, area.top + kCaptionHeight + 10.0);
        const double notesTop = area.top + kCaptionHeight + 10.0 + 16.0 + 11 * 12.5 + 14.0;
        const std::string lines[] = {
            std::to_string(data.knots.size()) + " knots rated in this period,",
            "each at its latest rating.",
            numberedKnots > 0 ? "Numbers mark the trend charts." : "",
            "Left and right are the client's own:",
            "the front view is mirrored.",
        };
        double y = notesTop;
        for (const std::string& line : lines) {
            if (!line.empty()) {
                painter.text(legendLeft, y, line, FontStyle::Regular, kTinySize, kMuted);
                y += 10.0;
            }
        }
    };
    return block;
}

} // namespace knotmap::report
