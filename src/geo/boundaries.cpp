// OGR reading of admin-1 and country polygons into Boost.Geometry.
#include "geo/boundaries.hpp"

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <mutex>

#include "common/atomic_file.hpp"
#include "common/data_dir.hpp"
#include "common/error.hpp"

namespace frontline {

namespace fs = std::filesystem;

fs::path default_boundaries_path() {
    if (const char* p = std::getenv("FRONTLINE_BOUNDARIES"); p && *p) return p;
    if (const char* c = std::getenv("FRONTLINE_CACHE"); c && *c)
        return fs::path(c) / "world_map.gpkg";
    const char* home = std::getenv("HOME");
    return fs::path(home ? home : ".") / ".cache" / "frontline" / "world_map.gpkg";
}

fs::path default_syria_boundaries_dir() {
    return data_dir() / "data" / "boundaries";
}

namespace {

void append_ring(OGRGeometryH ring, GeoPolygon::ring_type& out) {
    const int n = OGR_G_GetPointCount(ring);
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) out.emplace_back(OGR_G_GetX(ring, i), OGR_G_GetY(ring, i));
}

void append_polygon(OGRGeometryH poly, GeoMultiPolygon& out) {
    GeoPolygon p;
    const int rings = OGR_G_GetGeometryCount(poly);
    for (int r = 0; r < rings; ++r) {
        OGRGeometryH ring = OGR_G_GetGeometryRef(poly, r);
        if (r == 0) {
            append_ring(ring, p.outer());
        } else {
            p.inners().emplace_back();
            append_ring(ring, p.inners().back());
        }
    }
    bg::correct(p);
    // A spike (a border that runs out and back along itself, as OCHA's Aleppo does at the
    // Turkish border) makes the polygon invalid for Boost.Geometry's set operations.
    bg::remove_spikes(p);
    out.push_back(std::move(p));
}

GeoMultiPolygon to_multipolygon(OGRGeometryH g) {
    GeoMultiPolygon out;
    if (!g) return out;
    auto type = wkbFlatten(OGR_G_GetGeometryType(g));
    if (type == wkbPolygon) {
        append_polygon(g, out);
    } else if (type == wkbMultiPolygon || type == wkbGeometryCollection) {
        for (int i = 0; i < OGR_G_GetGeometryCount(g); ++i) {
            OGRGeometryH sub = OGR_G_GetGeometryRef(g, i);
            if (wkbFlatten(OGR_G_GetGeometryType(sub)) == wkbPolygon) append_polygon(sub, out);
        }
    }
    return out;
}

std::string field(OGRFeatureH f, const char* name) {
    int i = OGR_F_GetFieldIndex(f, name);
    if (i < 0 || !OGR_F_IsFieldSetAndNotNull(f, i)) return "";
    return OGR_F_GetFieldAsString(f, i);
}

std::vector<AdminArea> read_features(OGRLayerH layer, const BoundaryOptions& opt, bool admin1) {
    OGR_L_SetSpatialFilterRect(layer, opt.minx, opt.miny, opt.maxx, opt.maxy);
    OGR_L_ResetReading(layer);
    std::vector<AdminArea> out;
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        AdminArea a;
        a.name = field(f, "name");
        a.country = field(f, admin1 ? "iso_a2" : "iso_a2");
        if (a.country.empty()) a.country = field(f, "ISO_A2");
        a.geom = to_multipolygon(OGR_F_GetGeometryRef(f));
        if (admin1) {
            a.focus = a.country == "SY" &&
                      std::find(opt.focus.begin(), opt.focus.end(), a.name) != opt.focus.end();
        }
        OGR_F_Destroy(f);
        if (!a.geom.empty()) out.push_back(std::move(a));
    }
    // Stable order whatever the driver returns.
    std::stable_sort(out.begin(), out.end(),
                     [](const AdminArea& a, const AdminArea& b) { return a.name < b.name; });
    return out;
}

std::vector<AdminArea> read_layer(GDALDatasetH ds, const BoundaryOptions& opt,
                                  const std::string& layer_name, bool admin1) {
    OGRLayerH layer = GDALDatasetGetLayerByName(ds, layer_name.c_str());
    if (!layer) {
        throw Error("boundaries", opt.source.string(),
                    "no layer `" + layer_name + "` in the data source");
    }
    return read_features(layer, opt, admin1);
}

// Opens an OGR source; a missing file says `hint` (how to get it).
GDALDatasetH open_source(const fs::path& file, const std::string& hint) {
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        if (ec && ec != std::errc::no_such_file_or_directory)
            throw Error("boundaries", file.string(), "cannot read: " + fs_problem(ec.value()));
        throw Error("boundaries", file.string(), "no such file (" + hint + ")");
    }
    GDALDatasetH ds =
        GDALOpenEx(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!ds) throw Error("boundaries", file.string(), "GDAL/OGR cannot open this data source");
    return ds;
}

// The first layer of one of the Syrian extracts; every feature is Syrian.
std::vector<AdminArea> read_syria(const fs::path& file, const BoundaryOptions& opt, bool admin1) {
    GDALDatasetH ds = open_source(file, "derive it with data/boundaries/derive.sh");
    std::vector<AdminArea> out;
    try {
        OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
        if (!layer) throw Error("boundaries", file.string(), "no layer in the data source");
        out = read_features(layer, opt, admin1);
    } catch (...) {
        GDALClose(ds);
        throw;
    }
    GDALClose(ds);
    for (const auto& a : out) {
        if (a.country != "SY")
            throw Error("boundaries", file.string(), "feature " + a.name + " is not Syrian");
    }
    return out;
}

// Replaces the Syrian areas of `areas` with `syria`, in name order.
void replace_syria(std::vector<AdminArea>& areas, std::vector<AdminArea> syria) {
    std::erase_if(areas, [](const AdminArea& a) { return a.country == "SY"; });
    for (auto& a : syria) areas.push_back(std::move(a));
    std::stable_sort(areas.begin(), areas.end(),
                     [](const AdminArea& a, const AdminArea& b) { return a.name < b.name; });
}

}  // namespace

Boundaries read_boundaries(const BoundaryOptions& opt) {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
    GDALDatasetH ds = open_source(
        opt.source, "run scripts/setup.sh to fetch Natural Earth boundaries, or pass --boundaries");
    Boundaries b;
    try {
        b.admin1 = read_layer(ds, opt, opt.admin1_layer, true);
        if (GDALDatasetGetLayerByName(ds, opt.country_layer.c_str())) {
            b.countries = read_layer(ds, opt, opt.country_layer, false);
        }
    } catch (...) {
        GDALClose(ds);
        throw;
    }
    GDALClose(ds);
    if (!opt.syria_dir.empty()) {
        replace_syria(b.admin1, read_syria(opt.syria_dir / "syria_admin1.geojson", opt, true));
    }
    if (std::none_of(b.admin1.begin(), b.admin1.end(),
                     [](const AdminArea& a) { return a.focus; })) {
        throw Error("boundaries", opt.source.string(),
                    "none of the focus governorates found in layer `" + opt.admin1_layer + "`");
    }
    return b;
}

BBox focus_lonlat(const Boundaries& b) {
    BBox env{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
             std::numeric_limits<double>::lowest(), std::numeric_limits<double>::lowest()};
    for (const auto& a : b.admin1) {
        if (!a.focus) continue;
        for (const auto& poly : a.geom) {
            for (const auto& p : poly.outer()) {
                env.minx = std::min(env.minx, p.x());
                env.miny = std::min(env.miny, p.y());
                env.maxx = std::max(env.maxx, p.x());
                env.maxy = std::max(env.maxy, p.y());
            }
        }
    }
    return env;
}

}  // namespace frontline
