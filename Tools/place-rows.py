#!/usr/bin/env python3
"""place-rows.py - places.csv rows from a hand-written spec, every coordinate and population sourced.

Purpose
    Networks/*/places.csv (docs/network-format.md) needs, for every place, WGS-84
    coordinates and, for settlements, a 2020 census population, each with its
    source. Typing those by hand invites copy errors and homonyms. This script
    takes a short spec that says *which* source row each place comes from and
    writes the finished places.csv rows, reproducibly (same inputs, same bytes).

Usage
    python3 Tools/place-rows.py DATA_DIR SPEC.csv [-o places.csv]
    python3 Tools/place-rows.py --self-test

    DATA_DIR is the shared reference-data folder (shared/data; never hard-coded).
    Output is UTF-8 CSV, RFC 4180 quoting (a field with a comma, quote or line
    break is double-quoted, quotes doubled), "\\n" line ends, rows in spec order,
    to stdout or to the -o file. Problems are printed to stderr as
    `SPEC:LINE: message`; any error means exit status 1 and nothing written (an
    existing -o file is left untouched: the output is written to a temporary
    file in the same folder and renamed only on success). Warnings (name or
    city mismatches worth a look) go to stderr and do not stop the run.

Spec format (CSV, UTF-8, a BOM is fine; columns in any order, no others)
    id,name_zh,name_en,kind,lookup,parent,population

    id          unique ASCII slug: lower-case letters, digits, '-', '_'
    name_zh     Chinese name as the plans write it (required)
    name_en     English or pinyin name (required)
    kind        prefecture, county, town, station, airport, port, border,
                junction or foreign
    parent      empty, or the id of another row of the same spec
    lookup      where the coordinates come from, one of:
      adcode:220100         admin_places.csv row with that adcode (6, 9 or 12
                            digits; shorter codes are padded with zeros to the
                            file's 12 digits and must then match exactly).
                            coord_source = "admin_places.csv adcode 220100
                            (Vonng/adcode, CC BY 4.0; Amap centre, WGS-84 by
                            inverse GCJ-02)" (6 digits for county level and up,
                            all 12 for towns).
      centroid:220102+220103+...
                            the 2020-census-weighted mean of the seats of those
                            county-level units (admin_places.csv coordinates,
                            population_2020*.csv weights; two or more 6-digit
                            adcodes). For a seat standing for several urban
                            districts whose government seat lies away from where
                            people live (长春's is 10 km south of 长春站). Needs an
                            explicit census:A+B population, if any.
      station:长春          stations.csv row by exact name_zh; "station:长春@长春"
                            adds the file's city column to pick one of several
                            rows of that name. An ambiguous name without @city
                            is an error listing the candidates. A row whose note
                            flags it (SUSPECT, CHECK, verify, wrong ...; in the
                            shared data 龙井 and 通化) is an error that prints
                            the note, unless written "station!:龙井" to accept it
                            explicitly (the note is then quoted in coord_source).
      airport:CGQ           airports.csv row by IATA code (OpenFlights, ODbL 1.0).
      coord:LAT,LON|SOURCE  WGS-84 decimal degrees typed in, with a mandatory
                            source text, e.g. "coord:43.88,125.94|estimate:
                            midpoint of ...". The field contains a comma, so it
                            must be in double quotes in the CSV.
    population  one of:
      (empty)               no population (always so for station, airport,
                            port, border and junction: settlements only)
      census                the population_2020*.csv row whose adcode is the
                            adcode: lookup's (county level; towns have none)
      census:A+B+...        the sum of those census rows (6-digit adcodes),
                            e.g. a prefecture seat's urban districts; still
                            needs an adcode: lookup
      NUMBER|SOURCE         an integer with its source text
    population_source then names the file(s), the adcode(s) and the rows'
    source column, abbreviated: "owner/repo:path@commit" becomes
    "owner/repo file@commit7"; URLs are kept whole.

    A census adcode may be counted by one place only (a second use is an error:
    sums over places must never count anyone twice), and a prefecture total row
    is refused (see Traps): network-format.md says a place's population is its
    own unit's only, and a prefecture's total is its seat plus its counties.

Output columns
    id,name_zh,name_en,kind,lat,lon,coord_source,parent,population,population_source
    lat/lon with exactly 6 decimals (the admin and station files' precision;
    airports.csv's longer OpenFlights values and typed-in values are rounded
    half-up in decimal, not through binary floats).

Sources and licences (files in DATA_DIR; see its README.md)
    admin_places.csv      Vonng/adcode data/adcode/*.csv, Amap district centres
                          (government seats), CC BY 4.0 - credit "Vonng/adcode".
    stations.csv          listenzcc/China-rail-way-stations-data (no licence
                          stated: verify a row before relying on it) and
                          metromancn/Parse12306 (MIT); per row in source_repo.
    airports.csv          OpenFlights airports.dat, ODbL 1.0: a network using it
                          is a derived database (attribution + share-alike; keep
                          ATTRIBUTION.md in the network folder).
    population_2020.csv, population_2020_neighbour_counties.csv
                          7th census (2020) resident population: leiii/census
                          (MIT, from the census yearbook), cross-checked with
                          thebamboogrove/tudigong; Jilin bulletin figures.

GCJ-02 and WGS-84
    Amap (and most Chinese map sources) publish GCJ-02, an obfuscated datum
    offset from WGS-84 by a few hundred metres in Jilin; Baidu uses BD-09, a
    further offset. places.csv is WGS-84. The data files carry both: this script
    reads only the *_wgs84 columns of admin_places.csv and stations.csv (GCJ-02
    converted with the standard inverse formula, error about 2 m) and the WGS-84
    OpenFlights coordinates, never the GCJ-02 columns. Values typed in with
    coord: must be WGS-84 too (GPS, OpenStreetMap), not read off an Amap or Baidu
    map.

Traps
    - Same-name places in other counties: 小城子镇 (梨树县 220322104000 vs 康平县,
      Liaoning), 白旗镇 (舒兰 220283101000 vs 凤城), 兴隆山镇 and 新华镇 (both in
      通榆县, not the 长春/珲春 places the plans mean), 铁西区, 铁东区, 西安区 (in
      several prefectures); stations 营城子 and 长岭子 are in 大连. Admin places
      are therefore looked up by adcode only, never by name. For stations the
      name is the key: a warning is printed when a station's city differs from
      its parent's prefecture, and the resolved name is checked against name_zh.
    - 公主岭: admin_places.csv files it (and 范家屯镇, 秦家屯镇, 桑树台镇) under
      四平市 with the old adcode 220381; it moved to 长春 in 2020-06 and the census
      files it as 220184 under 长春市. Write "adcode:220381" with "census:220184"
      and make changchun its parent. stations.csv also files its stations under
      四平.
    - 梅河口: run directly by the province, so the census has a prefecture row
      and a county row with the same adcode 220581 and figure (509,336);
      admin_places.csv has only the county row (under 通化市). "census" takes the
      county row, whatever the kind; only one place may count it. 通化's
      prefecture total (1,302,778) excludes it.
    - Prefecture totals are for checking, not for places: plain "census" on a
      prefecture adcode is an error whose message lists that prefecture's
      districts (区) and development zones (7x codes: statistical units with no
      admin_places row, whose residents are not in the host districts) as a
      ready-made census:A+B+... list. Drop the districts that are places of
      their own (九台区, 双阳区, 丰满区 ... in the plans).
    - 长白山保护开发区 (61,146) has no adcode. Its residents are inside the 白山 and
      延边 county rows (tabulation) but outside those prefectures' bulletin
      totals: a zone place carrying 61,146 next to census county rows would
      count them twice.
"""

import argparse
import csv
import difflib
import io
import math
import os
import re
import shutil
import subprocess
import sys
from decimal import Decimal, ROUND_HALF_UP
import tempfile
from decimal import Decimal, InvalidOperation, ROUND_HALF_UP

SPEC_COLUMNS = ["id", "name_zh", "name_en", "kind", "lookup", "parent", "population"]
OUT_COLUMNS = ["id", "name_zh", "name_en", "kind", "lat", "lon", "coord_source",
               "parent", "population", "population_source"]
KINDS = ["prefecture", "county", "town", "station", "airport", "port", "border",
         "junction", "foreign"]
SETTLEMENT_KINDS = {"prefecture", "county", "town", "foreign"}
ID_RE = re.compile(r"^[a-z0-9_-]+$")
FLAG_RE = re.compile(r"\b(suspect|check|verify|wrong|doubt\w*|incorrect|error)\b", re.I)

ADMIN = "admin_places.csv"
STATIONS = "stations.csv"
AIRPORTS = "airports.csv"
CENSUS_FILES = ["population_2020.csv", "population_2020_neighbour_counties.csv"]
ADMIN_SOURCE = "Vonng/adcode, CC BY 4.0; Amap centre, WGS-84 by inverse GCJ-02"
REPO_LICENCE = {
    "listenzcc/China-rail-way-stations-data": "no licence stated, verify",
    "metromancn/Parse12306": "MIT",
}
NEEDED = {
    ADMIN: ["adcode", "name_zh", "level", "city", "lat_wgs84", "lon_wgs84"],
    STATIONS: ["name_zh", "source_repo", "lat_wgs84", "lon_wgs84", "city", "note"],
    AIRPORTS: ["name_zh", "iata", "lat", "lon", "openflights_id"],
    CENSUS_FILES[0]: ["adcode", "name_zh", "level", "population_2020", "source"],
    CENSUS_FILES[1]: ["adcode", "name_zh", "level", "population_2020", "source"],
}


class DataError(Exception):
    pass


# ---------------------------------------------------------------- helpers

def six(value, where):
    """A coordinate string -> exactly 6 decimals, rounded half-up in decimal."""
    try:
        d = Decimal(value.strip())
    except (InvalidOperation, AttributeError):
        raise DataError(f"{where}: bad coordinate {value!r}")
    if not d.is_finite():
        raise DataError(f"{where}: bad coordinate {value!r}")
    return str(d.quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP))


def short_adcode(code12):
    """220100000000 -> 220100 (county level and up); towns keep all 12 digits."""
    return code12[:6] if code12.endswith("000000") else code12


def abbreviate_source(text):
    """'leiii/census:data/x/y.xlsx@0ba0f1ef...' -> 'leiii/census y.xlsx@0ba0f1e'; URLs unchanged."""
    parts = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        m = re.match(r"^([\w.-]+/[\w.-]+):([^@\s]+)(?:@([0-9a-fA-F]{7,40}))?$", part)
        if m and not part.startswith(("http://", "https://")):
            repo, path, commit = m.groups()
            s = f"{repo} {path.rsplit('/', 1)[-1]}"
            parts.append(s + (f"@{commit[:7]}" if commit else ""))
        else:
            parts.append(part)
    return "; ".join(parts)


def prefix_clash(a, b):
    """True when neither name starts with the other's first two characters."""
    a, b = a.strip(), b.strip()
    return bool(a and b) and not (a.startswith(b[:2]) or b.startswith(a[:2]))


# ---------------------------------------------------------------- data

class Data:
    """The shared data files, read lazily (only those a spec needs)."""

    def __init__(self, data_dir):
        self.dir = data_dir
        self._cache = {}

    def rows(self, name):
        if name not in self._cache:
            path = os.path.join(self.dir, name)
            try:
                with open(path, newline="", encoding="utf-8-sig") as f:
                    reader = csv.DictReader(f)
                    missing = [c for c in NEEDED[name] if c not in (reader.fieldnames or [])]
                    if missing:
                        raise DataError(f"{path}: missing column(s) {', '.join(missing)}")
                    rows = []
                    for r in reader:
                        r["_line"] = reader.line_num
                        rows.append({k: (v or "").strip() if isinstance(v, str) else v
                                     for k, v in r.items() if k is not None})
            except OSError as e:
                raise DataError(f"{path}: cannot read ({e.strerror})")
            except UnicodeDecodeError:
                raise DataError(f"{path}: not UTF-8")
            self._cache[name] = rows
        return self._cache[name]

    def admin(self):
        if "admin" not in self._cache:
            self._cache["admin"] = {r["adcode"]: r for r in self.rows(ADMIN)}
        return self._cache["admin"]

    def census(self):
        """adcode -> [(file, row), ...] over both census files (rows without adcode skipped)."""
        if "census" not in self._cache:
            idx = {}
            for name in CENSUS_FILES:
                for r in self.rows(name):
                    if r["adcode"]:
                        idx.setdefault(r["adcode"], []).append((name, r))
            self._cache["census"] = idx
        return self._cache["census"]


# ---------------------------------------------------------------- lookups

def lookup_adcode(data, arg):
    if not re.fullmatch(r"\d{6}|\d{9}|\d{12}", arg):
        raise DataError(f"bad adcode {arg!r} (6, 9 or 12 digits)")
    code = arg.ljust(12, "0")
    row = data.admin().get(code)
    if row is None:
        raise DataError(f"unknown adcode {arg} (not in {ADMIN})")
    where = f"{ADMIN}:{row['_line']}"
    lat, lon = six(row["lat_wgs84"], where), six(row["lon_wgs84"], where)
    src = f"{ADMIN} adcode {short_adcode(code)} ({ADMIN_SOURCE})"
    return lat, lon, src, {"adcode": code, "name": row["name_zh"], "city": row["city"]}


def lookup_centroid(data, arg):
    """centroid:A+B+... -> the 2020-population-weighted mean of those districts' seats.

    A city's government seat can lie far from where its people live (长春's is 10 km
    south of 长春站); a seat standing for several urban districts is better placed at
    their weighted centre. Each code is a 6-digit adcode with an admin_places.csv row
    (coordinates) and a county-level census row (weight).
    """
    codes = [c.strip() for c in arg.split("+")]
    if len(codes) < 2 or not all(re.fullmatch(r"\d{6}", c) for c in codes):
        raise DataError(f"centroid:{arg}: expected two or more 6-digit adcodes joined with +")
    if len(set(codes)) != len(codes):
        raise DataError(f"centroid:{arg}: an adcode is listed twice")
    census = data.census()
    lat_sum = lon_sum = weight = Decimal(0)
    for c in codes:
        row = data.admin().get(c.ljust(12, "0"))
        if row is None:
            raise DataError(f"centroid: unknown adcode {c} (not in {ADMIN})")
        rows = [r for _, r in census.get(c, []) if r["level"] != "prefecture"]
        if not rows:
            raise DataError(f"centroid: no county-level census row for adcode {c} to weigh it by")
        w = Decimal(rows[0]["population_2020"])
        where = f"{ADMIN}:{row['_line']}"
        lat_sum += Decimal(six(row["lat_wgs84"], where)) * w
        lon_sum += Decimal(six(row["lon_wgs84"], where)) * w
        weight += w
    q = Decimal("0.000001")
    lat = str((lat_sum / weight).quantize(q, rounding=ROUND_HALF_UP))
    lon = str((lon_sum / weight).quantize(q, rounding=ROUND_HALF_UP))
    src = (f"2020-census-weighted centroid of the seats of adcodes {'+'.join(codes)} "
           f"({ADMIN}, {ADMIN_SOURCE}; weights {' / '.join(CENSUS_FILES)})")
    first = data.admin()[codes[0].ljust(12, "0")]
    return lat, lon, src, {"adcode": codes[0][:4] + "00" + "0" * 6, "name": None, "city": first["city"]}


def lookup_station(data, arg, accept_flagged):
    name, _, city = arg.partition("@")
    name, city = name.strip(), city.strip()
    rows = data.rows(STATIONS)
    same = [r for r in rows if r["name_zh"] == name]

    def cands(rs):
        return ", ".join(f"{r['name_zh']}@{r['city'] or '(no city)'}" for r in rs)

    if not same:
        names = sorted({r["name_zh"] for r in rows})
        near = [n for n in names if name and (name in n or n in name)]
        if not near:
            near = difflib.get_close_matches(name, names, n=5, cutoff=0.5)
        near_rows = [r for r in rows if r["name_zh"] in near[:8]]
        hint = f" (did you mean {cands(near_rows)}?)" if near_rows else ""
        raise DataError(f"unknown station {name!r} in {STATIONS}{hint}")
    if "@" in arg:
        hits = [r for r in same if r["city"] == city]
        if not hits:
            raise DataError(f"unknown station {name}@{city}: {STATIONS} has {cands(same)}")
    else:
        hits = same
    if len(hits) > 1:
        raise DataError(f"ambiguous station {name!r}: {len(hits)} rows in {STATIONS}, "
                        f"write one of {cands(hits)}")
    row = hits[0]
    flagged = bool(row["note"] and FLAG_RE.search(row["note"]))
    label = f"{row['name_zh']}@{row['city'] or '(no city)'}"
    if flagged and not accept_flagged:
        raise DataError(f"station {label} is flagged in {STATIONS}: {row['note']} "
                        f"(write station!:{arg} to accept it, or coord: with a better source)")
    where = f"{STATIONS}:{row['_line']}"
    lat, lon = six(row["lat_wgs84"], where), six(row["lon_wgs84"], where)
    repo = row["source_repo"]
    lic = REPO_LICENCE.get(repo)
    city_text = f"city {row['city']}" if row["city"] else "city not given"
    src = (f"{STATIONS} {row['name_zh']}, {city_text} ({repo}{', ' + lic if lic else ''}; "
           f"WGS-84 by inverse GCJ-02)")
    if flagged:
        src += f"; accepted despite the file's note: {row['note']}"
    return lat, lon, src, {"name": row["name_zh"], "city": row["city"], "flagged": flagged,
                           "label": label}


def lookup_airport(data, arg):
    code = arg.strip().upper()
    hits = [r for r in data.rows(AIRPORTS) if r["iata"].upper() == code]
    if not hits:
        known = ", ".join(sorted(r["iata"] for r in data.rows(AIRPORTS)))
        raise DataError(f"unknown IATA code {arg!r} (in {AIRPORTS}: {known})")
    if len(hits) > 1:
        raise DataError(f"IATA code {code} is on {len(hits)} rows of {AIRPORTS}")
    row = hits[0]
    where = f"{AIRPORTS}:{row['_line']}"
    lat, lon = six(row["lat"], where), six(row["lon"], where)
    src = f"{AIRPORTS} {code} (OpenFlights airports.dat id {row['openflights_id']}, ODbL 1.0)"
    return lat, lon, src, {"name": row["name_zh"]}


def lookup_coord(arg):
    coords, bar, source = arg.partition("|")
    source = source.strip()
    if not bar or not source:
        raise DataError("coord: needs a source after '|', e.g. coord:43.88,125.94|estimate: <rule>")
    parts = coords.split(",")
    if len(parts) != 2:
        raise DataError(f"bad coordinates {coords.strip()!r}: expected LAT,LON")
    try:
        lat_f, lon_f = float(parts[0]), float(parts[1])
    except ValueError:
        raise DataError(f"bad coordinates {coords.strip()!r}: expected LAT,LON in decimal degrees")
    if not (math.isfinite(lat_f) and math.isfinite(lon_f)) or not -90 <= lat_f <= 90 \
            or not -180 <= lon_f <= 180:
        raise DataError(f"bad coordinates {coords.strip()!r}: lat must be in -90..90, lon in -180..180 "
                        f"(LAT first)")
    return six(parts[0], "coord"), six(parts[1], "coord"), source, {}


# ---------------------------------------------------------------- census

def district_hint(census, code6):
    """For a prefecture total: its districts and development zones as a census: list."""
    pre = code6[:4]
    rows = []
    for code in sorted(census):
        if code.startswith(pre) and code != code6:
            for _, r in census[code]:
                if r["level"] == "county" and (r["name_zh"].endswith("区") or code[4] == "7"):
                    rows.append((code, r))
    if not rows:
        return "it has no district or development-zone rows: give its seat its own adcode"
    listed = ", ".join(f"{c} {r['name_zh']}" for c, r in rows)
    return (f"its districts and development zones are {listed}: write census:"
            + "+".join(c for c, _ in rows) + " without those that are places of their own")


def resolve_census(data, spec, admin_code, names_zh):
    """spec is 'census' or 'census:A+B'; returns (codes, population, source)."""
    census = data.census()
    if spec == "census":
        if not admin_code.endswith("000000"):
            raise DataError(f"no census row for adcode {admin_code}: towns have none in "
                            f"{' / '.join(CENSUS_FILES)}")
        codes = [admin_code[:6]]
        implicit = True
    else:
        arg = spec[len("census:"):].strip()
        codes = [c.strip() for c in arg.split("+")]
        implicit = False
        for c in codes:
            if not re.fullmatch(r"\d{6}", c):
                raise DataError(f"bad census adcode {c!r} in {spec!r} (6 digits, joined with +)")
        dup = sorted({c for c in codes if codes.count(c) > 1})
        if dup:
            raise DataError(f"census adcode {', '.join(dup)} listed twice in {spec!r}")
    picked = []
    for c in codes:
        hits = census.get(c)
        if not hits:
            hint = ""
            if implicit:
                same = [(f, r) for f, r in ((f, r) for rs in census.values() for f, r in rs)
                        if r["name_zh"] in names_zh]
                if same:
                    hint = "; " + ", ".join(f"{f} has {r['name_zh']} as {r['adcode']}" for f, r in same) \
                           + f": write census:{same[0][1]['adcode']} if it is the same unit"
            raise DataError(f"no census row for adcode {c} in {' / '.join(CENSUS_FILES)}{hint}")
        county = [(f, r) for f, r in hits if r["level"] != "prefecture"]
        if county:
            f, r = county[0]
            picked.append((c, f, r, len(hits) > 1))
        else:
            f, r = hits[0]
            raise DataError(f"census row {c} {r['name_zh']} in {f} is the prefecture total "
                            f"({r['population_2020']}); a place's population is its own unit's only "
                            f"(docs/network-format.md): {district_hint(census, c)}")
    total = 0
    for c, f, r, _ in picked:
        try:
            total += int(r["population_2020"])
        except ValueError:
            raise DataError(f"{f}:{r['_line']}: bad population_2020 {r['population_2020']!r}")
    # population_source: grouped by file, in the order given.
    groups = []
    for c, f, r, both in picked:
        if not groups or groups[-1][0] != f:
            groups.append((f, []))
        groups[-1][1].append(c + (" county row" if both else ""))
    srcs = []
    for _, f, r, _ in picked:
        s = abbreviate_source(r["source"])
        if s and s not in srcs:
            srcs.append(s)
    where = "; ".join(f"{f} adcode{'s' if len(cs) > 1 else ''} {'+'.join(cs)}" for f, cs in groups)
    if len(picked) > 1:
        where += f", sum of {len(picked)} rows"
    return codes, str(total), f"{where} ({'; '.join(srcs)})" if srcs else where


# ---------------------------------------------------------------- spec

def read_spec(path, errors):
    """Return [(line, {column: value})]; problems are appended to errors."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as e:
        errors.append(f"{path}: cannot read ({e.strerror})")
        return []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        errors.append(f"{path}: not UTF-8 (a Chinese Excel's plain \"CSV\" is GBK: save as \"CSV UTF-8\")")
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        errors.append(f"{path}: empty file (needs the header {','.join(SPEC_COLUMNS)})")
        return []
    except csv.Error as e:
        errors.append(f"{path}:1: {e}")
        return []
    bad = False
    for h in header:
        if h not in SPEC_COLUMNS:
            near = difflib.get_close_matches(h, SPEC_COLUMNS, n=1)
            errors.append(f"{path}:1: unknown column {h!r}" + (f" (did you mean {near[0]}?)" if near else ""))
            bad = True
    for c in SPEC_COLUMNS:
        if header.count(c) > 1:
            errors.append(f"{path}:1: column {c} appears twice")
            bad = True
        if c not in header:
            errors.append(f"{path}:1: missing column {c}")
            bad = True
    if bad:
        return []
    out = []
    prev = reader.line_num
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            errors.append(f"{path}:{prev + 1}: {e}")
            break
        line, prev = prev + 1, reader.line_num
        if not any(f.strip() for f in fields):
            continue
        if len(fields) != len(header):
            hint = (" (a coord:LAT,LON field has a comma: put it in double quotes)"
                    if any(f.strip().startswith("coord:") for f in fields) else "")
            errors.append(f"{path}:{line}: {len(fields)} fields, the header has {len(header)}{hint}")
            continue
        out.append((line, {h: f.strip() for h, f in zip(header, fields)}))
    return out


def build(data_dir, spec_path):
    """Resolve a spec. Returns (rows, errors, warnings); rows are dicts of OUT_COLUMNS."""
    errors, warnings = [], []
    data = Data(data_dir)
    spec = read_spec(spec_path, errors)
    rows, info = [], {}
    first_line = {}
    census_used = {}

    def err(line, msg):
        errors.append(f"{spec_path}:{line}: {msg}")

    for line, s in spec:
        ok = True
        pid = s["id"]
        if not pid:
            err(line, "id is empty"); ok = False
        elif not ID_RE.match(pid):
            err(line, f"id {pid!r} is not a slug (lower-case letters, digits, '-', '_')"); ok = False
        elif pid in first_line:
            err(line, f"duplicate id {pid!r} (first on line {first_line[pid]})"); ok = False
        else:
            first_line[pid] = line
        for col in ("name_zh", "name_en"):
            if not s[col]:
                err(line, f"{col} is empty"); ok = False
        kind = s["kind"]
        if kind not in KINDS:
            err(line, f"unknown kind {kind!r} (one of {', '.join(KINDS)})"); ok = False

        lookup = s["lookup"]
        method, colon, arg = lookup.partition(":")
        method, arg = method.strip(), arg.strip()
        resolved, meta = None, {}
        try:
            if not lookup:
                raise DataError("lookup is empty (adcode:, station:, station!:, airport: or coord:)")
            if not colon or method not in ("adcode", "centroid", "station", "station!", "airport", "coord"):
                raise DataError(f"unknown lookup {lookup!r} (adcode:, centroid:, station:, station!:, "
                                f"airport: or coord:)")
            if method == "adcode":
                *resolved, meta = lookup_adcode(data, arg)
            elif method in ("station", "station!"):
                *resolved, meta = lookup_station(data, arg, method == "station!")
                if method == "station!" and not meta["flagged"]:
                    warnings.append(f"{spec_path}:{line}: warning: station!:{arg} is not flagged "
                                    f"in {STATIONS}; station: is enough")
            elif method == "centroid":
                *resolved, meta = lookup_centroid(data, arg)
            elif method == "airport":
                *resolved, meta = lookup_airport(data, arg)
            else:
                *resolved, meta = lookup_coord(arg)
        except DataError as e:
            err(line, str(e)); ok = False
        if resolved and meta.get("name") and prefix_clash(s["name_zh"], meta["name"]):
            warnings.append(f"{spec_path}:{line}: warning: name_zh {s['name_zh']} but {lookup} "
                            f"is {meta['name']}: check the lookup")

        pop_spec = s["population"]
        population = pop_source = ""
        if pop_spec:
            try:
                if kind in KINDS and kind not in SETTLEMENT_KINDS:
                    raise DataError(f"population is for settlements only, not kind {kind}")
                if pop_spec == "census" or pop_spec.startswith("census:"):
                    if method not in ("adcode", "centroid") or (method == "centroid" and pop_spec == "census"):
                        raise DataError(f"population {pop_spec} needs an adcode: lookup "
                                        f"(or centroid: with an explicit census:A+B list)")
                    if resolved:
                        names = {s["name_zh"], meta["name"]}
                        codes, population, pop_source = resolve_census(data, pop_spec, meta["adcode"], names)
                        for c in codes:
                            if c in census_used:
                                raise DataError(f"census adcode {c} is already counted on line "
                                                f"{census_used[c]} (sums would count it twice)")
                        for c in codes:
                            census_used[c] = line
                else:
                    num, bar, src = pop_spec.partition("|")
                    if not re.fullmatch(r"\d+", num.strip()) or not bar:
                        raise DataError(f"population {pop_spec!r}: expected census, census:ADCODE+ADCODE, "
                                        f"NUMBER|SOURCE or empty (a whole number, no separators)")
                    if not src.strip():
                        raise DataError(f"population {num.strip()} needs a source after '|'")
                    population, pop_source = str(int(num.strip())), src.strip()
            except DataError as e:
                err(line, str(e)); ok = False

        info[pid] = (line, s, meta)
        if ok and resolved:
            lat, lon, csrc = resolved
            rows.append({"id": pid, "name_zh": s["name_zh"], "name_en": s["name_en"], "kind": kind,
                         "lat": lat, "lon": lon, "coord_source": csrc, "parent": s["parent"],
                         "population": population, "population_source": pop_source})

    # Parents: defined in the spec, not the row itself, no cycles.
    parents = {s["id"]: s["parent"] for _, s in spec if s["id"]}
    for line, s in spec:
        p = s["parent"]
        if not p:
            continue
        if p == s["id"]:
            err(line, f"parent {p!r} is the row itself")
        elif p not in first_line:
            near = difflib.get_close_matches(p, sorted(first_line), n=1)
            err(line, f"parent {p!r} is not an id of this spec" + (f" (did you mean {near[0]}?)" if near else ""))
        else:
            seen, q = {s["id"]}, p
            while q and q in parents and q not in seen:
                seen.add(q)
                q = parents[q]
            if q == s["id"]:
                err(line, f"parent {p!r} leads back to {s['id']!r} (a cycle)")
            # Homonym guard: a station's city should be its parent's prefecture.
            meta = info.get(s["id"], (0, {}, {}))[2]
            pmeta = info.get(p, (0, {}, {}))[2]
            if s["lookup"].startswith("station") and meta.get("city") and pmeta.get("adcode"):
                pcity = pmeta["city"] or pmeta["name"]
                if not (pcity.startswith(meta["city"]) or meta["city"].startswith(pcity)):
                    warnings.append(f"{spec_path}:{line}: warning: station {meta['label']} is filed under "
                                    f"{meta['city']}, its parent {p} under {pcity}: a homonym? "
                                    f"(公主岭's stations are filed under 四平)")
    errors.sort(key=lambda e: _line_key(e, spec_path))      # stable: a line's own order kept
    warnings.sort(key=lambda e: _line_key(e, spec_path))
    return rows, errors, warnings


def _line_key(msg, spec_path):
    m = re.match(re.escape(spec_path) + r":(\d+):", msg)
    return (int(m.group(1)) if m else 0)


def render(rows):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=OUT_COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def write_atomic(path, text):
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".place-rows-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# ---------------------------------------------------------------- self-test

ST_ADMIN = """\
adcode,name_zh,level,province,city,county,lat_gcj02,lon_gcj02,lat_wgs84,lon_wgs84
220100000000,长春市,city,吉林省,长春市,,43.817251,125.323513,43.814811,125.317025
220102000000,南关区,county,吉林省,长春市,南关区,43.863989,125.350173,43.861542,125.343677
220381000000,公主岭市,county,吉林省,四平市,公主岭市,43.504676,124.822929,43.502280,124.816877
220581000000,梅河口市,county,吉林省,通化市,梅河口市,42.539253,125.710859,42.536995,125.704786
222404000000,珲春市,county,吉林省,延边朝鲜族自治州,珲春市,42.862821,130.366036,42.860175,130.358879
220322104000,小城子镇,town,吉林省,四平市,梨树县,43.0,124.0,43.100000,124.200000
210123101000,小城子镇,town,辽宁省,沈阳市,康平县,42.9,123.3,42.900001,123.300001
"""
ST_STATIONS = """\
name_zh,name_en,lat,lon,source_repo,source_path,crs,lat_wgs84,lon_wgs84,province,city,address,kind,railway_bureau,note,telecode_12306,pinyin_12306
长春,Changchun,43.911812,125.324188,listenzcc/China-rail-way-stations-data,src/station.csv,GCJ-02,43.909413,125.317664,吉林,长春,,客运站,,,CCT,changchun
白河,,1,1,listenzcc/China-rail-way-stations-data,src/station.csv,GCJ-02,42.400000,128.100000,吉林,延边朝鲜族自治州,,客运站,,,,
白河,,1,1,listenzcc/China-rail-way-stations-data,src/station.csv,GCJ-02,41.000000,125.000000,吉林,白山,,客运站,,,,
龙井,,1,1,listenzcc/China-rail-way-stations-data,src/station.csv,GCJ-02,42.900715,129.407236,吉林,延边朝鲜族自治州,,客运站,,"SUSPECT: ~15 km off, geocoding error",,
珲春,Hunchun,1,1,metromancn/Parse12306,output/x.html,GCJ-02 (inferred),42.899318,130.395203,,,,HSR station (2016-era list),,province not in source; selected by bbox lon 120.5-131.5 lat 38.5-46.0,HUL,hunchun
营城子,,1,1,listenzcc/China-rail-way-stations-data,src/station.csv,GCJ-02,38.979480,121.370311,辽宁,大连,,客运站,,,,
"""
ST_AIRPORTS = """\
name_zh,name_en,lat,lon,source_repo,source_path,iata,icao,openflights_id,city_en,elevation_ft,crs,license
长春龙嘉国际机场,Longjia Airport,43.9962005615,125.684997559,jpatokal/openflights,data/airports.dat,CGQ,ZYCC,4380,Changchun,706,WGS-84,ODbL 1.0
"""
ST_POP = """\
adcode,name_zh,level,population_2020,source,note
220100,长春市,prefecture,9066906,https://example.org/b.html ; leiii/census:data/census/c.xlsx@0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087,
220581,梅河口市,prefecture,509336,https://example.org/b.html,
,长白山保护开发区管理委员会,prefecture,61146,https://example.org/b.html,
220102,南关区,county,657682,leiii/census:data/census/c.xlsx@0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087 ; thebamboogrove/tudigong:input/population.csv@f436b425846f2173ca7cc7fc7c154c500ba23255,
220171,长春经济技术开发区,county,429387,leiii/census:data/census/c.xlsx@0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087 ; thebamboogrove/tudigong:input/population.csv@f436b425846f2173ca7cc7fc7c154c500ba23255,
220184,公主岭市,county,862313,leiii/census:data/census/c.xlsx@0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087 ; thebamboogrove/tudigong:input/population.csv@f436b425846f2173ca7cc7fc7c154c500ba23255,
220581,梅河口市,county,509336,leiii/census:data/census/c.xlsx@0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087 ; thebamboogrove/tudigong:input/population.csv@f436b425846f2173ca7cc7fc7c154c500ba23255,
222404,珲春市,county,239359,leiii/census:data/census/c.xlsx@0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087 ; thebamboogrove/tudigong:input/population.csv@f436b425846f2173ca7cc7fc7c154c500ba23255,
"""
ST_POP_NB = """\
adcode,name_zh,level,population_2020,source,note
210102,和平区,county,1000000,leiii/census:data/census/c.xlsx@0ba0f1efae092f4aa6569ef38e53b3bb4d2f0087,
"""
ST_SPEC_OK = """\
\ufeffid,name_zh,name_en,kind,lookup,parent,population
changchun,长春,Changchun,prefecture,adcode:220100,,census:220102+220171
changchun-stn,长春站,Changchun station,station,station:长春@长春,changchun,
baihe,白河,Baihe,station,station:白河@白山,,
longjing-stn,龙井站,Longjing station,station,station!:龙井,,
hunchun-stn,珲春站,Hunchun station,station,station:珲春,hunchun,
cgq,长春龙嘉国际机场,"Changchun Longjia, airport",airport,airport:cgq,changchun,
gongzhuling,公主岭,Gongzhuling,county,adcode:220381000000,changchun,census:220184
meihekou,梅河口,Meihekou,prefecture,adcode:220581,,census
hunchun,珲春,Hunchun,county,adcode:222404,,census
xcz,小城子,Xiaochengzi,town,adcode:220322104,,
jct,示例枢纽,Example junction,junction,"coord:43.88,125.9445765|estimate: EXAMPLE, midpoint",,
zone,长白山保护开发区,Changbaishan zone,county,"coord:42.1,128.1|estimate: example",,61146|population_2020.csv 长白山保护开发区管理委员会
"""
ST_OUT_OK = """\
id,name_zh,name_en,kind,lat,lon,coord_source,parent,population,population_source
changchun,长春,Changchun,prefecture,43.814811,125.317025,"admin_places.csv adcode 220100 (Vonng/adcode, CC BY 4.0; Amap centre, WGS-84 by inverse GCJ-02)",,1087069,"population_2020.csv adcodes 220102+220171, sum of 2 rows (leiii/census c.xlsx@0ba0f1e; thebamboogrove/tudigong population.csv@f436b42)"
changchun-stn,长春站,Changchun station,station,43.909413,125.317664,"stations.csv 长春, city 长春 (listenzcc/China-rail-way-stations-data, no licence stated, verify; WGS-84 by inverse GCJ-02)",changchun,,
baihe,白河,Baihe,station,41.000000,125.000000,"stations.csv 白河, city 白山 (listenzcc/China-rail-way-stations-data, no licence stated, verify; WGS-84 by inverse GCJ-02)",,,
longjing-stn,龙井站,Longjing station,station,42.900715,129.407236,"stations.csv 龙井, city 延边朝鲜族自治州 (listenzcc/China-rail-way-stations-data, no licence stated, verify; WGS-84 by inverse GCJ-02); accepted despite the file's note: SUSPECT: ~15 km off, geocoding error",,,
hunchun-stn,珲春站,Hunchun station,station,42.899318,130.395203,"stations.csv 珲春, city not given (metromancn/Parse12306, MIT; WGS-84 by inverse GCJ-02)",hunchun,,
cgq,长春龙嘉国际机场,"Changchun Longjia, airport",airport,43.996201,125.684998,"airports.csv CGQ (OpenFlights airports.dat id 4380, ODbL 1.0)",changchun,,
gongzhuling,公主岭,Gongzhuling,county,43.502280,124.816877,"admin_places.csv adcode 220381 (Vonng/adcode, CC BY 4.0; Amap centre, WGS-84 by inverse GCJ-02)",changchun,862313,population_2020.csv adcode 220184 (leiii/census c.xlsx@0ba0f1e; thebamboogrove/tudigong population.csv@f436b42)
meihekou,梅河口,Meihekou,prefecture,42.536995,125.704786,"admin_places.csv adcode 220581 (Vonng/adcode, CC BY 4.0; Amap centre, WGS-84 by inverse GCJ-02)",,509336,population_2020.csv adcode 220581 county row (leiii/census c.xlsx@0ba0f1e; thebamboogrove/tudigong population.csv@f436b42)
hunchun,珲春,Hunchun,county,42.860175,130.358879,"admin_places.csv adcode 222404 (Vonng/adcode, CC BY 4.0; Amap centre, WGS-84 by inverse GCJ-02)",,239359,population_2020.csv adcode 222404 (leiii/census c.xlsx@0ba0f1e; thebamboogrove/tudigong population.csv@f436b42)
xcz,小城子,Xiaochengzi,town,43.100000,124.200000,"admin_places.csv adcode 220322104000 (Vonng/adcode, CC BY 4.0; Amap centre, WGS-84 by inverse GCJ-02)",,,
jct,示例枢纽,Example junction,junction,43.880000,125.944577,"estimate: EXAMPLE, midpoint",,,
zone,长白山保护开发区,Changbaishan zone,county,42.100000,128.100000,estimate: example,,61146,population_2020.csv 长白山保护开发区管理委员会
"""
ST_SPEC_BAD = """\
id,name_zh,name_en,kind,lookup,parent,population
a,甲,A,prefecture,adcode:220199,,
b,乙,B,city,adcode:220102,,
a,甲,A2,county,adcode:220102,,
c,丙,C,station,station:白河,,
d,丁,D,station,station:长春站,,
e,戊,E,station,station:龙井,,
f,己,F,airport,airport:XXX,,
g,庚,G,junction,"coord:95,125|estimate: x",,
h,辛,H,junction,coord:43.1,125.2,,
i,壬,I,junction,"coord:43.1,125.2",,
j,癸,J,county,adcode:220102,nowhere,
k,子,K,station,station:长春,,census
l,丑,L,prefecture,"coord:43,125|x",,census
m,寅,M,prefecture,adcode:220100,,census
n,卯,N,county,adcode:220381,,census
o,辰,O,town,adcode:220322104,,census
p,巳,P,county,adcode:220102,,census
q,午,Q,county,adcode:220102,,census:220102
r,未,R,county,adcode:220102,,12 345|x
s,申,S,station,station:白河@沈阳,,
Bad,酉,T,county,adcode:220102,,
u,戌,U,county,adcode:220102,u,
v,亥,V,county,adcode:220102,w,
w,亥,W,county,adcode:220102,v,
"""


def self_test():
    tmp = tempfile.mkdtemp(prefix="place-rows-selftest-")
    try:
        data = os.path.join(tmp, "data")
        os.mkdir(data)
        for name, text in [(ADMIN, ST_ADMIN), (STATIONS, ST_STATIONS), (AIRPORTS, ST_AIRPORTS),
                           (CENSUS_FILES[0], ST_POP), (CENSUS_FILES[1], ST_POP_NB)]:
            with open(os.path.join(data, name), "w", encoding="utf-8", newline="") as f:
                f.write(text)
        ok_spec = os.path.join(tmp, "ok.csv")
        bad_spec = os.path.join(tmp, "spec.csv")
        with open(ok_spec, "w", encoding="utf-8", newline="") as f:
            f.write(ST_SPEC_OK)
        with open(bad_spec, "w", encoding="utf-8", newline="") as f:
            f.write(ST_SPEC_BAD)

        # 1. Every lookup and population form, exact bytes.
        rows, errors, warnings = build(data, ok_spec)
        assert errors == [], errors
        got = render(rows)
        for g, w in zip(got.splitlines(), ST_OUT_OK.splitlines()):
            assert g == w, f"\n got: {g}\nwant: {w}"
        assert got == ST_OUT_OK
        assert warnings == [], warnings

        # 1b. centroid: 南关区 (43.861542, 125.343677; 657,682 people) and 珲春市 (42.860175,
        #     130.358879; 239,359): lat = (43.861542 x 657682 + 42.860175 x 239359) / 897041
        #     = 43.594346, lon = 126.681892 (half-up to 6 decimals).
        st_data = Data(data)
        lat, lon, src, _ = lookup_centroid(st_data, "220102+222404")
        assert (lat, lon) == ("43.594346", "126.681892"), (lat, lon)
        assert src.startswith("2020-census-weighted centroid of the seats of adcodes 220102+222404"), src
        for bad, msg in [("220102", "two or more"), ("220102+220102", "listed twice"),
                         ("220102+220199", "unknown adcode 220199"),
                         ("220102+220381", "no county-level census row for adcode 220381")]:
            try:
                lookup_centroid(st_data, bad)
                raise AssertionError(f"centroid:{bad} should fail")
            except DataError as e:
                assert msg in str(e), str(e)

        # 2. Every error, each naming its spec line, in line order.
        rows, errors, warnings = build(data, bad_spec)
        sp = bad_spec
        want = [
            f"{sp}:2: unknown adcode 220199 (not in admin_places.csv)",
            f"{sp}:3: unknown kind 'city' (one of prefecture, county, town, station, airport, port, "
            f"border, junction, foreign)",
            f"{sp}:4: duplicate id 'a' (first on line 2)",
            f"{sp}:5: ambiguous station '白河': 2 rows in stations.csv, write one of "
            f"白河@延边朝鲜族自治州, 白河@白山",
            f"{sp}:6: unknown station '长春站' in stations.csv (did you mean 长春@长春?)",
            f"{sp}:7: station 龙井@延边朝鲜族自治州 is flagged in stations.csv: SUSPECT: ~15 km off, "
            f"geocoding error (write station!:龙井 to accept it, or coord: with a better source)",
            f"{sp}:8: unknown IATA code 'XXX' (in airports.csv: CGQ)",
            f"{sp}:9: bad coordinates '95,125': lat must be in -90..90, lon in -180..180 (LAT first)",
            f"{sp}:10: 8 fields, the header has 7 (a coord:LAT,LON field has a comma: put it in "
            f"double quotes)",
            f"{sp}:11: coord: needs a source after '|', e.g. coord:43.88,125.94|estimate: <rule>",
            f"{sp}:12: parent 'nowhere' is not an id of this spec",
            f"{sp}:13: population is for settlements only, not kind station",
            f"{sp}:14: population census needs an adcode: lookup "
            f"(or centroid: with an explicit census:A+B list)",
            f"{sp}:15: census row 220100 长春市 in population_2020.csv is the prefecture total (9066906); "
            f"a place's population is its own unit's only (docs/network-format.md): its districts and "
            f"development zones are 220102 南关区, 220171 长春经济技术开发区: write census:220102+220171 "
            f"without those that are places of their own",
            f"{sp}:16: no census row for adcode 220381 in population_2020.csv / "
            f"population_2020_neighbour_counties.csv; population_2020.csv has 公主岭市 as 220184: "
            f"write census:220184 if it is the same unit",
            f"{sp}:17: no census row for adcode 220322104000: towns have none in population_2020.csv / "
            f"population_2020_neighbour_counties.csv",
            f"{sp}:19: census adcode 220102 is already counted on line 18 (sums would count it twice)",
            f"{sp}:20: population '12 345|x': expected census, census:ADCODE+ADCODE, NUMBER|SOURCE or "
            f"empty (a whole number, no separators)",
            f"{sp}:21: unknown station 白河@沈阳: stations.csv has 白河@延边朝鲜族自治州, 白河@白山",
            f"{sp}:22: id 'Bad' is not a slug (lower-case letters, digits, '-', '_')",
            f"{sp}:23: parent 'u' is the row itself",
            f"{sp}:24: parent 'w' leads back to 'v' (a cycle)",
            f"{sp}:25: parent 'v' leads back to 'w' (a cycle)",
        ]
        for g, w in zip(errors, want):
            assert g == w, f"\n got: {g}\nwant: {w}"
        assert errors == want, (len(errors), len(want), errors[len(want):], want[len(errors):])

        # 3. Warnings: homonym station under a parent elsewhere; name mismatch; needless station!.
        warn_spec = os.path.join(tmp, "warn.csv")
        with open(warn_spec, "w", encoding="utf-8", newline="") as f:
            f.write("id,name_zh,name_en,kind,lookup,parent,population\n"
                    "gzl,公主岭,Gongzhuling,county,adcode:220381,,\n"
                    "ycz,营城子,Yingchengzi,station,station:营城子,gzl,\n"
                    "x,双阳,Shuangyang,county,adcode:220102,,\n"
                    "y,长春站,Changchun station,station,station!:长春,,\n")
        rows, errors, warnings = build(data, warn_spec)
        assert errors == [] and len(rows) == 4, errors
        assert warnings == [
            f"{warn_spec}:3: warning: station 营城子@大连 is filed under 大连, its parent gzl under 四平市: "
            f"a homonym? (公主岭's stations are filed under 四平)",
            f"{warn_spec}:4: warning: name_zh 双阳 but adcode:220102 is 南关区: check the lookup",
            f"{warn_spec}:5: warning: station!:长春 is not flagged in stations.csv; station: is enough",
        ], warnings

        # 4. The CLI: -o written on success; on error exit 1, nothing written, old file kept.
        me = os.path.abspath(__file__)
        out = os.path.join(tmp, "places.csv")
        p = subprocess.run([sys.executable, me, data, ok_spec, "-o", out], capture_output=True)
        assert p.returncode == 0 and p.stdout == b"", (p.returncode, p.stderr)
        with open(out, encoding="utf-8", newline="") as f:
            assert f.read() == ST_OUT_OK
        p = subprocess.run([sys.executable, me, data, ok_spec], capture_output=True)
        assert p.returncode == 0 and p.stdout.decode("utf-8") == ST_OUT_OK
        with open(out, "w", encoding="utf-8") as f:
            f.write("old\n")
        p = subprocess.run([sys.executable, me, data, bad_spec, "-o", out], capture_output=True)
        assert p.returncode == 1 and p.stdout == b"", p.returncode
        err_lines = p.stderr.decode("utf-8").splitlines()
        assert [ln for ln in err_lines if ": warning: " not in ln] == want + [f"{len(want)} errors; nothing written"]
        with open(out, encoding="utf-8") as f:
            assert f.read() == "old\n"
        assert sorted(os.listdir(tmp)) == ["data", "ok.csv", "places.csv", "spec.csv", "warn.csv"], \
            os.listdir(tmp)  # no temporary file left behind
        out2 = os.path.join(tmp, "never.csv")
        p = subprocess.run([sys.executable, me, data, bad_spec, "-o", out2], capture_output=True)
        assert p.returncode == 1 and not os.path.exists(out2)

        # 5. Spec-level problems: header, encoding, missing data file.
        hdr = os.path.join(tmp, "hdr.csv")
        with open(hdr, "w", encoding="utf-8") as f:
            f.write("id,name_zh,name_en,knd,lookup,parent,population\n")
        _, errors, _ = build(data, hdr)
        assert errors == [f"{hdr}:1: unknown column 'knd' (did you mean kind?)",
                          f"{hdr}:1: missing column kind"], errors
        gbk = os.path.join(tmp, "gbk.csv")
        with open(gbk, "wb") as f:
            f.write("id,name_zh,name_en,kind,lookup,parent,population\nx,长春,C,county,adcode:220100,,\n"
                    .encode("gbk"))
        _, errors, _ = build(data, gbk)
        assert errors == [f"{gbk}: not UTF-8 (a Chinese Excel's plain \"CSV\" is GBK: save as \"CSV UTF-8\")"]
        os.unlink(os.path.join(data, AIRPORTS))
        _, errors, _ = build(data, ok_spec)
        assert errors == [f"{ok_spec}:7: {os.path.join(data, AIRPORTS)}: cannot read (No such file or directory)"], errors

        # 6. Helpers.
        assert six("125.684997559", "t") == "125.684998" and six("43.9962005615", "t") == "43.996201"
        assert six("0.0000005", "t") == "0.000001" and six("-1.0000005", "t") == "-1.000001"
        assert short_adcode("220100000000") == "220100" and short_adcode("220322104000") == "220322104000"
        assert abbreviate_source("https://a.b/c.html ; o/r:x/y.csv@0123456789abcdef") == \
            "https://a.b/c.html; o/r y.csv@0123456"
    finally:
        shutil.rmtree(tmp)
    print("self-test: all assertions passed")


# ---------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description="places.csv rows from a spec, every coordinate and population sourced.")
    ap.add_argument("data_dir", nargs="?", metavar="DATA_DIR", help="the shared reference-data folder")
    ap.add_argument("spec", nargs="?", metavar="SPEC.csv", help="the spec (see the docstring)")
    ap.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout (only on success)")
    ap.add_argument("--self-test", action="store_true", help="run the built-in tests and exit")
    args = ap.parse_args(argv)
    if args.self_test:
        self_test()
        return 0
    if not args.data_dir or not args.spec:
        ap.error("DATA_DIR and SPEC.csv are required (or use --self-test)")
    if not os.path.isdir(args.data_dir):
        print(f"error: {args.data_dir}: not a folder", file=sys.stderr)
        return 1
    rows, errors, warnings = build(args.data_dir, args.spec)
    for w in warnings:
        print(w, file=sys.stderr)
    if errors:
        for e in errors:
            print(e, file=sys.stderr)
        print(f"{len(errors)} error{'s' if len(errors) > 1 else ''}; nothing written", file=sys.stderr)
        return 1
    text = render(rows)
    if args.output:
        try:
            write_atomic(args.output, text)
        except OSError as e:
            print(f"error: {args.output}: cannot write ({e.strerror})", file=sys.stderr)
            return 1
    else:
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
