#include "app/atlas_command.h"

#include "core/atlas.h"
#include "core/csv_writer.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace knotmap {
namespace {

void writeCsv(const Atlas& atlas, std::ostream& out) {
    CsvWriter csv(out);
    for (const char* column : {"code", "display_name", "anatomical_name", "side", "view",
                               "choir_code", "choir_name", "label_x", "label_y", "area"}) {
        csv.field(column);
    }
    csv.endRow();
    for (const AtlasRegion& region : atlas.regions()) {
        csv.field(region.code);
        csv.field(region.displayName);
        csv.field(region.anatomicalName);
        csv.field(toCode(region.side));
        csv.field(toCode(region.view));
        csv.field(region.choirCode);
        csv.field(region.choirName);
        csv.field(region.labelPoint.x);
        csv.field(region.labelPoint.y);
        csv.field(region.area);
        csv.endRow();
    }
    csv.flush();
}

void writeJson(const Atlas& atlas, std::ostream& out) {
    nlohmann::json regions = nlohmann::json::array();
    for (const AtlasRegion& region : atlas.regions()) {
        regions.push_back({{"code", region.code},
                           {"display_name", region.displayName},
                           {"anatomical_name", region.anatomicalName},
                           {"side", toCode(region.side)},
                           {"view", toCode(region.view)},
                           {"choir_code", region.choirCode},
                           {"choir_name", region.choirName},
                           {"label_x", region.labelPoint.x},
                           {"label_y", region.labelPoint.y},
                           {"area", region.area}});
    }
    const nlohmann::json document{{"canvas_aspect", atlas.canvasAspect()},
                                  {"regions", std::move(regions)}};
    out << document.dump(2) << "\n";
}

} // namespace

int runAtlasList(const AtlasListArguments& arguments, std::ostream& out) {
    const Atlas& atlas = Atlas::builtIn();
    if (arguments.format == "json") {
        writeJson(atlas, out);
    } else {
        writeCsv(atlas, out);
    }
    out.flush();
    return out.good() ? 0 : 1;
}

int runAtlasHit(const AtlasHitArguments& arguments, std::ostream& out, std::ostream& err) {
    const auto view = bodyViewFromCode(arguments.view);
    if (!view) {
        throw std::invalid_argument("--view: expected front or back, got '" + arguments.view + "'");
    }
    const AtlasHit hit = Atlas::builtIn().hitTest(*view, {arguments.x, arguments.y});
    if (!hit) {
        err << "knotmap: no region: (" << arguments.x << ", " << arguments.y << ") on the "
            << arguments.view << " view is outside the body\n";
        return 1;
    }
    out << hit.region->code << "\n";
    return 0;
}

} // namespace knotmap
