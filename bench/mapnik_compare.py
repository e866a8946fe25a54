#!/usr/bin/python3
"""Frontline versus Mapnik, side by side on the same tiles (issue: tile production).

Runs bench/render_bench (Frontline, one thread) and then Mapnik (Debian's python3-mapnik, one
thread) on the same tile list: the two governorates' envelope, zoom MIN..MAX, drawing the same
data (the baseline day's places, Natural Earth) with the same style: land, admin-1 and focus
outlines, places as dots coloured by controller, no labels. Mapnik's style is built below;
Frontline's is the same thing in its own style language, bench/mapnik_equivalent.json
(--frontline-style styles/control.json compares against the full map instead, labels and
roads included). Prints tiles/s of each, the ratio, output bytes, and how far the two
renderings' pixels differ, so that a like-for-like claim can be checked. Figures are ratios on
purpose: the machine is shared and noisy, so only a side-by-side run means anything.

  bench/mapnik_compare.py BUILD_DIR [--minzoom 5] [--maxzoom 12] [--repeat 3] [--frontline-style F]
"""
import argparse, json, math, os, shutil, subprocess, sys, tempfile, time

import mapnik

STYLE = {  # the default style's colours (styles/control.json)
    "background": "#dfe8ee", "land": "#efece6", "line": "#cfc8bc", "focus_fill": "#faf8f3",
    "focus_line": "#4d4639",
    "controllers": {"government": "#d55e00", "opposition": "#009e73", "sdf": "#e6b800",
                    "sna": "#56b4e9", "contested": "#cc79a7", "unknown": "#8c8c8c"},
}
R = 6378137.0
O = math.pi * R


def tiles_covering(bbox, z):
    def tile(lon, lat):
        n = 2 ** z
        lat = max(min(lat, 85.0511287798066), -85.0511287798066)
        x = int((lon + 180) / 360 * n)
        y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
        return min(max(x, 0), n - 1), min(max(y, 0), n - 1)
    x0, y0 = tile(bbox[0], bbox[3])
    x1, y1 = tile(bbox[2], bbox[1])
    return [(z, x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


def tile_box(z, x, y):
    size = 2 * O / 2 ** z
    return mapnik.Box2d(-O + x * size, O - (y + 1) * size, -O + (x + 1) * size, O - y * size)


def build_map(gpkg, places_geojson):
    m = mapnik.Map(256, 256, "epsg:3857")
    m.background = mapnik.Color(STYLE["background"])
    def poly_style(name, fill, line, width, flt=None):
        s = mapnik.Style()
        r = mapnik.Rule()
        if flt:
            r.filter = mapnik.Expression(flt)
        if fill:
            ps = mapnik.PolygonSymbolizer()
            ps.fill = mapnik.Color(fill)
            r.symbols.append(ps)
        ls = mapnik.LineSymbolizer()
        ls.stroke = mapnik.Color(line)
        ls.stroke_width = width
        r.symbols.append(ls)
        s.rules.append(r)
        m.append_style(name, s)
    poly_style("countries", STYLE["land"], "#b9b2a6", 1.05)
    poly_style("admin1", STYLE["land"], STYLE["line"], 0.7)
    poly_style("focus", STYLE["focus_fill"], STYLE["focus_line"], 1.6,
               "[admin] = 'Syria' and ([name] = 'Aleppo' or [name] = 'Idlib')")
    ps = mapnik.Style()
    for ctl, colour in STYLE["controllers"].items():
        r = mapnik.Rule()
        r.filter = mapnik.Expression("[controller] = '%s'" % ctl)
        ms = mapnik.MarkersSymbolizer()
        ms.fill = mapnik.Color(colour)
        ms.stroke = mapnik.Color("#ffffff")
        ms.stroke_width = 1.0
        ms.width = mapnik.Expression("7")
        ms.height = mapnik.Expression("7")
        ms.allow_overlap = True
        r.symbols.append(ms)
        ps.rules.append(r)
    m.append_style("places", ps)
    for name, layer, style in (("countries", "countries", "countries"), ("admin1", "states_provinces", "admin1"),
                               ("focus", "states_provinces", "focus")):
        lyr = mapnik.Layer(name, "epsg:4326")
        lyr.datasource = mapnik.Ogr(file=gpkg, layer=layer)
        lyr.styles.append(style)
        m.layers.append(lyr)
    lyr = mapnik.Layer("places", "epsg:4326")
    lyr.datasource = mapnik.GeoJSON(file=places_geojson)
    lyr.styles.append("places")
    m.layers.append(lyr)
    return m


def run_mapnik(gpkg, places, bbox, minzoom, maxzoom, outdir):
    m = build_map(gpkg, places)
    tiles = [t for z in range(minzoom, maxzoom + 1) for t in tiles_covering(bbox, z)]
    im = mapnik.Image(256, 256)
    nbytes = 0
    t0 = time.perf_counter()
    for z, x, y in tiles:
        m.zoom_to_box(tile_box(z, x, y))
        mapnik.render(m, im)
        data = im.tostring("png8:z=6")  # palette PNG, as Frontline writes for flat tiles
        path = os.path.join(outdir, str(z), str(x))
        os.makedirs(path, exist_ok=True)
        with open(os.path.join(path, "%d.png" % y), "wb") as f:
            f.write(data)
        nbytes += len(data)
    s = time.perf_counter() - t0
    return {"renderer": "mapnik", "tiles": len(tiles), "seconds": s, "tiles_per_s": len(tiles) / s, "bytes": nbytes}


def pixel_difference(fl_dir, mk_dir, z):
    """Share of pixels of zoom z's tiles whose colours differ by more than 48 in a channel
    (anti-aliasing differs between Cairo and AGG; a different style or data differs far more)."""
    differ = total = 0
    zdir = os.path.join(mk_dir, str(z))
    for x in sorted(os.listdir(zdir)):
        for name in sorted(os.listdir(os.path.join(zdir, x))):
            a = mapnik.Image.open(os.path.join(fl_dir, str(z), x, name)).tostring()
            b = mapnik.Image.open(os.path.join(zdir, x, name)).tostring()
            for i in range(0, len(a), 4):
                if max(abs(a[i] - b[i]), abs(a[i + 1] - b[i + 1]), abs(a[i + 2] - b[i + 2])) > 48:
                    differ += 1
            total += len(a) // 4
    return differ / total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("build_dir")
    ap.add_argument("--minzoom", type=int, default=5)
    ap.add_argument("--maxzoom", type=int, default=12)
    ap.add_argument("--repeat", type=int, default=3)
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--frontline-style", default=os.path.join(repo, "bench", "mapnik_equivalent.json"))
    a = ap.parse_args()
    gpkg = os.environ.get("FRONTLINE_BOUNDARIES",
                          os.path.join(os.environ.get("FRONTLINE_CACHE", os.path.expanduser("~/.cache/frontline")),
                                       "world_map.gpkg"))
    tmp = tempfile.mkdtemp(prefix="fl-mapnik-")
    try:
        compare(a, repo, gpkg, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def compare(a, repo, gpkg, tmp):
    # The places Frontline draws on the baseline day, as GeoJSON for Mapnik.
    subprocess.run([os.path.join(a.build_dir, "frontline"), "run", "--no-render", "--out", tmp],
                   check=True, cwd=repo, stderr=subprocess.DEVNULL)
    places = os.path.join(tmp, "control", "2024-11-26.geojson")
    best = {}
    for i in range(a.repeat):  # interleaved, best of N for each: the machine is noisy
        fl = json.loads(subprocess.run([os.path.join(a.build_dir, "bench", "render_bench"), "--minzoom",
                                        str(a.minzoom), "--maxzoom", str(a.maxzoom), "-j", "1", "--style", a.frontline_style, "--out",
                                        os.path.join(tmp, "fl")], check=True, capture_output=True,
                                       text=True).stdout)
        mk = run_mapnik(gpkg, places, fl["bbox"], a.minzoom, a.maxzoom, os.path.join(tmp, "mapnik"))
        assert fl["tiles"] == mk["tiles"], (fl["tiles"], mk["tiles"])
        for r in (fl, mk):
            if r["renderer"] not in best or r["tiles_per_s"] > best[r["renderer"]]["tiles_per_s"]:
                best[r["renderer"]] = r
    f, m = best["frontline"], best["mapnik"]
    print("zoom %d-%d, %d tiles, one thread, best of %d" % (a.minzoom, a.maxzoom, f["tiles"], a.repeat))
    print("frontline: %8.0f tiles/s  %9d bytes" % (f["tiles_per_s"], f["bytes"]))
    print("mapnik:    %8.0f tiles/s  %9d bytes" % (m["tiles_per_s"], m["bytes"]))
    print("ratio frontline/mapnik: speed %.2fx, bytes %.2fx" % (f["tiles_per_s"] / m["tiles_per_s"],
                                                                 f["bytes"] / m["bytes"]))
    z = min(max(8, a.minzoom), a.maxzoom)
    print("style %s; pixels differing by more than 48 at z%d: %.1f%%" % (
        os.path.relpath(a.frontline_style, repo), z,
        100 * pixel_difference(os.path.join(tmp, "fl", "bench"), os.path.join(tmp, "mapnik"), z)))


if __name__ == "__main__":
    sys.exit(main())
