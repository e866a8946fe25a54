#!/usr/bin/env python3
"""Rebuilds the OCHA/CSR extracts of the gazetteer from the public data sets.

  gazetteer/build_ocha.py [DATA_DIR] [--out DIR]

DATA_DIR defaults to ../shared/data relative to the repository root; --out to gazetteer/.
Writes (UTF-8, tab-separated, header line, sorted by id):
  ocha_communities.tsv     every UN OCHA community (admin level 4) of Syria
  ocha_neighbourhoods.tsv  UN OCHA city neighbourhoods of Aleppo, Hama and Idlib, with the
                           name variants of the Columbia Center for Spatial Research's Aleppo
                           table; CSR Aleppo features OCHA lacks get `csr:` rows
Columns: id, name, name_ar, alternatenames, lat, lon, admin1 (GeoNames code), kind, source.
Python 3 standard library only.
"""
import csv
import json
import os
import re
import sys

# OCHA governorate p-code -> GeoNames admin1 code (Syria).
OCHA_TO_GEONAMES = {
    "SY01": "13",  # Damascus
    "SY02": "09",  # Aleppo
    "SY03": "08",  # Rural Damascus
    "SY04": "11",  # Homs
    "SY05": "10",  # Hama
    "SY06": "02",  # Lattakia
    "SY07": "12",  # Idleb
    "SY08": "01",  # Al-Hasakeh
    "SY09": "07",  # Deir-ez-Zor
    "SY10": "14",  # Tartous
    "SY11": "04",  # Ar-Raqqa
    "SY12": "06",  # Dar'a
    "SY13": "05",  # As-Sweida
    "SY14": "03",  # Quneitra
}
# Neighbourhood layer: governorate English name -> GeoNames admin1 (cities kept).
NEIGHBOURHOOD_CITIES = {"Aleppo": "09", "Hama": "10", "Idleb": "12"}

HEADER = ["id", "name", "name_ar", "alternatenames", "lat", "lon", "admin1", "kind", "source"]


def clean(s):
    """One line, no tabs or commas (list separator), single spaces."""
    s = (s or "").split("\n")[0]
    s = s.replace("\t", " ").replace(",", " ")
    return " ".join(s.split())


def arabic_key(s):
    """Arabic name folded for comparing spellings: hamza seats, ta marbuta, alif maqsura,
    the article and spaces."""
    s = clean(s)
    s = re.sub("[\u064b-\u0652\u0640]", "", s)  # harakat, tatweel
    s = re.sub("[\u0622\u0623\u0625]", "\u0627", s)
    s = s.replace("\u0629", "\u0647").replace("\u0649", "\u064a")
    s = " ".join(w[2:] if w.startswith("\u0627\u0644") and len(w) > 3 else w for w in s.split())
    return s.replace(" ", "")


def write(path, rows):
    rows.sort(key=lambda r: r[0])
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(HEADER) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{path}: {len(rows)} rows", file=sys.stderr)


def communities(data):
    path = os.path.join(data, "ocha_syr_pplp_communities", "syr_pplp_adm4_communities.csv")
    rows = []
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            adm = OCHA_TO_GEONAMES.get(r["admin1_pcode"])
            if adm is None:
                sys.exit(f"{path}: community {r['pcode']}: unknown admin1 p-code {r['admin1_pcode']}")
            kind = "town" if r.get("is_capital") == "True" else "village"
            # Joint communities ("Tal Hawasid - Hanuteh", Arabic joined by "_"): each part is
            # a name of the community too.
            name = clean(r["name_en"])
            parts = [p for p in (clean(x) for x in re.split(r"\s+-\s+|\s*[/\\]\s*", name))
                     if p and p != name]
            rows.append(["oc:" + r["pcode"], name, clean(r["name_ar"]), ",".join(parts),
                         f"{float(r['lat']):.6f}", f"{float(r['lng']):.6f}", adm, kind, "UN OCHA"])
    return rows


def polygon_centroid(geom):
    """Mean of the outer-ring vertices of the largest polygon (good enough for a label)."""
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    ring = max((p[0] for p in polys), key=len)
    xs = [c[0] for c in ring]
    ys = [c[1] for c in ring]
    return sum(ys) / len(ys), sum(xs) / len(xs)


def strip_csr_name(name):
    """"al-Hamdaniyeh IV" -> "al-Hamdaniyeh"; "as-Siryan (Syriac Quarter)" -> both parts."""
    out = []
    name = re.sub(r"\s*\((Aleppo|Hama|Idleb|Idlib)\)", "", name)
    if name.startswith("The "):  # "The Public Park": a description, not a name
        return []
    for part in re.split(r"\s*/\s*|\s*\(|\)", name):
        part = re.sub(r"\s+(I|II|III|IV|V)$", "", part.strip())
        part = clean(part)
        if part:
            out.append(part)
    return out


def neighbourhoods(data):
    path = os.path.join(data, "ocha_syr_city_neighbourhoods", "city_neighbourhoods_points.csv")
    rows = []
    by_ar = {}
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            adm = NEIGHBOURHOOD_CITIES.get(r["ADM1_EN"])
            if adm is None or r["ADM4_EN"] not in NEIGHBOURHOOD_CITIES:
                continue
            name = clean(r["NAME_EN"])
            alts = []
            ref = clean(r["NAM_EN_REF"])
            if ref and ref != name:
                alts.append(ref)
            row = ["oc:" + r["PCODE"], name, clean(r["NAME_AR"]), alts,
                   f"{float(r['LATITUDE']):.6f}", f"{float(r['LONGITUDE']):.6f}", adm,
                   "neighbourhood", "UN OCHA"]
            rows.append(row)
            if adm == "09":
                by_ar.setdefault(arabic_key(r["NAME_AR"]), row)
    # Columbia CSR Aleppo: name variants for OCHA neighbourhoods with the same Arabic name;
    # features OCHA lacks (landmarks, split quarters) as their own rows.
    csr = os.path.join(data, "csr_aleppo_neighbourhoods")
    feats = json.load(open(os.path.join(csr, "Neighborhoods.geojson"), encoding="utf-8"))["features"]
    variants = json.load(open(os.path.join(csr, "neighborhoods-names.json"), encoding="utf-8"))
    extra_en = {}
    for v in variants.values():
        k = arabic_key(v.get("original_name_a") or "")
        extra_en.setdefault(k, []).extend(
            e for e in v.get("alternative_english", []) if re.search("[A-Za-z]", e))
        # Other Arabic names of the quarter ("الميسر" for كرم الميسر, al-Maysar): read by
        # consonant skeleton at load.
        extra_en[k].extend(
            clean(a) for a in v.get("alternative_arabic", [])
            if clean(a) and arabic_key(a) != k)
    own = {}
    for feat in feats:
        p = feat["properties"]
        ar = p.get("NAME_A") or ""
        names = strip_csr_name(p.get("NAME") or "")
        if not names:
            continue
        k = arabic_key(ar)
        names += [n for e in extra_en.get(k, []) for n in strip_csr_name(e)]
        target = by_ar.get(k) if k else None
        if target is not None:
            for n in names:
                if n != target[1] and n not in target[3]:
                    target[3].append(n)
            continue
        lat, lon = polygon_centroid(feat["geometry"])
        key = names[0]
        o = own.setdefault(key, {"names": [], "ar": clean(ar), "pts": []})
        o["pts"].append((lat, lon))
        for n in names:
            if n not in o["names"]:
                o["names"].append(n)
    for name, o in own.items():
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
        lat = sum(p[0] for p in o["pts"]) / len(o["pts"])
        lon = sum(p[1] for p in o["pts"]) / len(o["pts"])
        rows.append(["csr:" + slug, o["names"][0], o["ar"], o["names"][1:], f"{lat:.6f}",
                     f"{lon:.6f}", "09", "neighbourhood", "Columbia CSR (polygon centroid)"])
    for r in rows:
        r[3] = ",".join(r[3])
    return rows


def main():
    args = sys.argv[1:]
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = os.path.join(root, "gazetteer")
    if "--out" in args:
        i = args.index("--out")
        out = args[i + 1]
        del args[i:i + 2]
    data = args[0] if args else os.path.join(root, "..", "shared", "data")
    write(os.path.join(out, "ocha_communities.tsv"), communities(data))
    write(os.path.join(out, "ocha_neighbourhoods.tsv"), neighbourhoods(data))


if __name__ == "__main__":
    main()
