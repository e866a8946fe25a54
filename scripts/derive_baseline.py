#!/usr/bin/env python3
"""Derives data/baseline/2024-11-26-communities.tsv: a holder for every OCHA community.

Inputs: data/baseline/zones-2024-11-26.tsv (rules: community > admin3 > admin2 > polygon > admin1 >
default, each with its source), data/baseline/idlib-pocket-2020.geojson (the polygon) and
the OCHA communities (../shared/data/ocha_syr_pplp_communities/syr_pplp_adm4_communities.csv).
Output rows: place_id (oc:<community p-code>, the gazetteer's id for OCHA communities),
controller, source, name, admin3, lat, lon. With --check it also compares the derived holder of the
community nearest to each point of data/baseline/2024-11-26.tsv (within 3 km) with that
point's controller and lists disagreements.

Usage: scripts/derive_baseline.py [--shared ../shared/data] [--check]
"""
import argparse, csv, json, math, os, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def inside(lon, lat, ring):
    c = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            c = not c
        j = i
    return c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(root, "..", "shared", "data"))
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    base = os.path.join(root, "data", "baseline")
    rules = list(csv.DictReader(open(os.path.join(base, "zones-2024-11-26.tsv"), encoding="utf-8"), delimiter="\t"))
    polys = {}
    for f in json.load(open(os.path.join(base, "idlib-pocket-2020.geojson"), encoding="utf-8"))["features"]:
        polys[f["properties"]["id"]] = f["geometry"]["coordinates"][0]
    by = {s: {r["code"]: r for r in rules if r["scope"] == s} for s in ("community", "admin3", "admin2", "admin1", "polygon", "default")}

    def holder(c):
        lon, lat = float(c["lng"]), float(c["lat"])
        for scope, key in (("community", c["pcode"]), ("admin3", c["admin3_pcode"]), ("admin2", c["admin2_pcode"])):
            if key in by[scope]:
                return by[scope][key]
        for pid, r in by["polygon"].items():
            if inside(lon, lat, polys[pid]):
                return r
        if c["admin1_pcode"] in by["admin1"]:
            return by["admin1"][c["admin1_pcode"]]
        return by["default"]["*"]

    comm = list(csv.DictReader(open(os.path.join(a.shared, "ocha_syr_pplp_communities", "syr_pplp_adm4_communities.csv"), encoding="utf-8")))
    out = os.path.join(base, "2024-11-26-communities.tsv")
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("place_id\tcontroller\tsource\tname\tadmin3\tlat\tlon\n")
        for c in sorted(comm, key=lambda c: c["pcode"]):
            r = holder(c)
            f.write("\t".join(["oc:" + c["pcode"], r["controller"], r["source"], c["name_en"], c["admin3_pcode"], c["lat"], c["lng"]]) + "\n")
    print(f"{out}: {len(comm)} communities", file=sys.stderr)
    if a.check:
        gaz = {}
        for r in csv.DictReader(open(os.path.join(root, "gazetteer", "curated.tsv"), encoding="utf-8"), delimiter="\t"):
            if r.get("id") and r.get("lat"):
                gaz[r["id"]] = (float(r["lat"]), float(r["lon"]), r["name"])
        for line in open(os.path.join(root, "gazetteer", "geonames_region.txt"), encoding="utf-8"):
            f = line.rstrip("\n").split("\t")
            gaz["gn:" + f[0]] = (float(f[4]), float(f[5]), f[1])
        km = lambda a, b: math.hypot((a[0] - b[0]) * 111, (a[1] - b[1]) * 90)
        bad = seen = 0
        for r in csv.DictReader(open(os.path.join(base, "2024-11-26.tsv"), encoding="utf-8"), delimiter="\t"):
            if r["place_id"] not in gaz:
                continue
            lat, lon, name = gaz[r["place_id"]]
            d, c = min((km((lat, lon), (float(c["lat"]), float(c["lng"]))), c) for c in comm)
            seen += d <= 3
            if d <= 3 and holder(c)["controller"] != r["controller"]:
                bad += 1
                print(f"{name} ({r['place_id']}): point {r['controller']}, community {c['name_en']} ({d:.1f} km) {holder(c)['controller']}")
        print(f"{bad} disagreements among {seen} baseline points with a community within 3 km", file=sys.stderr)


main()
