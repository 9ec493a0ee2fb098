#pragma once

#include "core/atlas.h"
#include "core/domain.h"
#include "core/geometry.h"

#include <imgui.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

// What the body map panel is given and what it reports back. The panel never
// changes data itself: the caller turns events into commands.
namespace knotmap::ui {

// One knot to draw on the map.
struct BodyMapMarker {
    Id knotId = 0;
    BodyView view = BodyView::Front;
    Vec2 position;           // diagram coordinates
    std::optional<int> pain; // the latest observation's pain; none: never rated
    bool resolved = false;   // drawn small and muted
    std::string title;       // the tooltip's first line, e.g. "SCM" or "Left upper trapezius"
    std::string detail;      // a smaller line, e.g. "Left upper trapezius · 14 Mar 2026"
    std::string regionCode;  // the knot's atlas region
};

struct BodyMapInput {
    const Atlas* atlas = nullptr; // required; the panel shows a message without it
    std::span<const BodyMapMarker> markers;
    std::optional<Id> selectedKnot;                    // gets a ring
    std::span<const std::optional<double>> regionPain; // by region index, for heat; may be empty
    std::span<const int> highlightedRegions;           // region indices, e.g. referred-pain regions
    // By region index: a fill that replaces the heat where set (e.g. better or
    // worse in a comparison); may be empty.
    std::span<const std::optional<ImVec4>> regionColours;
    // By region index, 0-1: stripes without an outline, e.g. a muscle's
    // typical referral zone; may be empty.
    std::span<const float> regionShade;
    bool showToolbar = true; // the view switch, heat toggle and zoom
    bool showLegend = true;  // the pain legend under the map
    std::string caption;     // a quiet line in the map's top-left corner; may be empty
    // By region index: a line for the region's tooltip, e.g. "Average pain 4.2"; may be empty.
    std::span<const std::string> regionNotes;
    // While true a click on the body reports regionPicked instead of clickedBody.
    bool pickingRegions = false;
};

// A click on the body where no marker is.
struct BodyClick {
    BodyView view = BodyView::Front;
    Vec2 point; // diagram coordinates
    int regionIndex = 0;
    std::string regionCode;
};

// A marker dragged to a new place on the body and released there. A drag
// that ends off the body or on the other view is cancelled and not reported.
struct KnotMove {
    Id knotId = 0;
    BodyView view = BodyView::Front;
    Vec2 point; // diagram coordinates
    int regionIndex = 0;
    std::string regionCode;
};

// At most a few of these are set in any frame.
struct BodyMapEvents {
    std::optional<BodyClick> clickedBody;
    std::optional<Id> clickedKnot; // a marker clicked, or chosen in the chooser
    std::optional<KnotMove> knotMoved;
    std::optional<Id> deleteRequested; // Delete pressed with a selected marker
    std::optional<int> regionPicked;   // region index, while pickingRegions
    bool clickedBackground = false;    // a click off the body: e.g. clear the selection
};

} // namespace knotmap::ui
