#pragma once

#include <ostream>
#include <string>

// `knotmap atlas`: the built-in body atlas for scripts and checks.
namespace knotmap {

struct AtlasListArguments {
    std::string format = "csv"; // csv or json
};

struct AtlasHitArguments {
    std::string view; // front or back
    double x = 0.0;   // diagram coordinates (docs/diagram-coordinates.md)
    double y = 0.0;
};

// Every region: code, names, side, view, CHOIR code, label point and area.
int runAtlasList(const AtlasListArguments& arguments, std::ostream& out);
// Prints the code of the region at the point; outside the body says so on
// err and returns 1.
int runAtlasHit(const AtlasHitArguments& arguments, std::ostream& out, std::ostream& err);

} // namespace knotmap
