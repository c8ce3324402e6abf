#!/usr/bin/env python3
"""link-rows.py - links.csv rows from a hand-written spec, every derived figure sourced.

Purpose
    Networks/*/links.csv (docs/network-format.md) needs, for every link, a length
    and a travel time, each with its source. Many of them are derived: a
    great-circle estimate with a detour factor, a line's cited total length
    shared out between its stations, the fastest run in the 2016 timetable.
    Doing that by hand invites arithmetic slips and lost provenance. This
    script takes a short spec that says *how* each figure is obtained and writes
    the finished links.csv rows, with the derivation appended to `source`,
    reproducibly (same inputs, same bytes). It is the sibling of place-rows.py
    (which makes the places.csv read here) and reuses timetable-runtimes.py.

Usage
    python3 Tools/link-rows.py DATA_DIR PLACES.csv LINES.csv SPEC.csv [SPEC2.csv ...] [-o links.csv]
    python3 Tools/link-rows.py --self-test

    DATA_DIR is the shared reference-data folder (shared/data; never hard-coded);
    only its timetable_2016_northeast_stops.csv is read, and only when a spec
    uses a tt: or ttthrough: time. PLACES.csv is a finished places.csv (only
    its id, lat and lon columns are used). The spec files are read in the order
    given, as if concatenated. Output is UTF-8 CSV, RFC 4180 quoting (a field
    with a comma, quote or line break is double-quoted, quotes doubled), "\\n"
    line ends, rows in spec order, to stdout or to the -o file. Problems are
    printed to stderr as `FILE:LINE: message`; any error means exit status 1
    and nothing written (an existing -o file is left untouched: the output is
    written to a temporary file in the same folder and renamed only on
    success). Warnings (implausible speeds) go to stderr and do not stop the
    run.

LINES.csv (CSV, UTF-8, a BOM is fine; columns in any order, no others)
    line,name_zh,total_km,source,stations

    line        unique ASCII slug, used as line:LINE in the spec
    name_zh     the line's Chinese name, e.g. 长吉城际
    total_km    the whole line's length, a plain number from a cited source
    source      that source (required)
    stations    the place ids along the line, in order, separated by ';'
                (at least two, each once, each an id of PLACES.csv)

Spec format (CSV, UTF-8, a BOM is fine; columns in any order, no others)
    id,from,to,mode,length,time,oneway,status,project,corridors,source

    id          unique ASCII slug across all spec files: lower-case letters,
                digits, '-', '_'
    from, to    place ids of PLACES.csv, not the same
    mode        hsr, rail, expressway, road, air, sea, river, connector or border
    oneway      empty or yes
    status      existing or planned
    project     required with planned, empty with existing
    corridors   tags separated by ';' (copied)
    source      required: the provenance of the figures given by hand; the
                computed provenance is appended to it after "; "
    length      one of:
      (empty)         no length: only for connector and border links
      111, 223.667    km as given (surrounding spaces stripped)
      gc*1.3          great-circle distance from `from` to `to` x 1.3, rounded
                      half-up to a whole km. Appends "length estimate:
                      great-circle D km × F, rounded to 1 km" (D to 1 decimal)
      line:LINE       both ends are stations of LINE (LINES.csv). The line's
                      total_km is shared out in proportion to great-circle
                      lengths: total_km x (sum of the great-circle lengths of
                      the consecutive station pairs between the two ends) /
                      (the same sum over the whole line), rounded half-up to a
                      whole km; a link from one end of the line to the other
                      gets total_km exactly as written. Appends "length:
                      NAME_ZH total T km (SOURCE), shared out by great-circle
                      proportion" ("length: NAME_ZH total T km (SOURCE)" for
                      the whole line)
      over            an express run's length: the sum of the lengths of the
                      links in its runs_over column (which must come earlier in
                      the specs). Appends "length: the sum of the links it runs
                      over (A + B km)"
    runs_over   optional column: for an express run, the ids of the links it
                runs over, ";"-separated; copied to the output
    service     optional column: empty (passengers and freight), freight (a
                freight-only line, such as 珲马铁路) or passenger; copied
    time        one of (required: every link needs a time):
      40, 12.5        minutes as given
      65/25           minutes 65 out (from -> to), minutes_back 25 the way back
      v100            speed_kmh 100, minutes left empty (needs a length)
      access:15+gc*1.3@25
                      a connector's time: 15 min fixed (ticket check,
                      security, walking) plus the great-circle distance
                      between the ends x 1.3 driven at 25 km/h, rounded
                      half-up to whole minutes. Appends "time estimate: 15
                      min fixed + great-circle D km x 1.3 at 25 km/h,
                      rounded to 1 min"
      access:15/5+gc*1.3@25
                      the same, with another fixed part the way back (from
                      `to` to `from`: arriving, no security): minutes 15 +
                      the drive, minutes_back 5 + the same drive; "(5 min on
                      the way back)" in the appended text
      tt:A>B          the fastest `consecutive` run A -> B in the timetable: A
                      and B are successive stops (A, B timetable station names,
                      e.g. tt:长春>吉林)
      tt:A-B          the same, the faster of both directions
      ttthrough:A>B   the fastest `through` run: any train calling at A and
      ttthrough:A-B   later at B, whatever it does in between
                      A tt form writes minutes and appends "time: fastest
                      consecutive|through run A→B N min (TRAINS), 12306
                      timetable 2016-03-10 (timetable_2016_northeast_stops.csv;
                      metromancn/Parse12306, MIT)", with the arrow of the
                      direction that gives the minimum (A↔B when both do) and
                      the fastest trains as timetable-runtimes.py labels them
                      (naturally sorted, at most 4, then "…").

Output columns
    id,from,to,mode,length_km,minutes,speed_kmh,oneway,status,project,corridors,runs_over,service,source
    Computed numbers are whole (no decimals); numbers given by hand are kept
    exactly as written (223.667 stays 223.667, 111.0 stays 111.0).

Checks
    Errors: a spec, PLACES or LINES problem of any kind (header, encoding,
    field count, empty required field, unknown id, place, line or station -
    with the closest names suggested), from == to, an unknown mode, status or
    oneway value, planned without a project or existing with one, a length
    missing on a link that is not a connector or border, and a length (given
    or computed) shorter than the great-circle distance between the ends less
    0.5 km. Problems in PLACES.csv or LINES.csv are reported alone: the specs
    are not read until those files are clean.
    Warnings: an average speed (length / minutes, or the given speed) outside
    the plausible range of its mode, km/h: hsr 100-360, rail 30-160,
    expressway 50-120, road 20-100, air 150-900, sea 10-60, river 5-40
    (connector and border links are not checked; on links shorter than 25 km,
    mostly starting and stopping, and on links to or from a border or foreign
    place, whose time may include border formalities, only the upper bound is).

Method
    Great-circle distances use the haversine formula on a sphere of the mean
    Earth radius 6371.0088 km (IUGG), from the PLACES.csv coordinates (WGS-84),
    in full float precision; D in the source text is that distance rounded
    half-up to 0.1 km for the reader, the length is computed from the unrounded
    value. Rounding is half-up in decimal (Python's round() would round 0.5 to
    even). Run times come from timetable-runtimes.py, imported unchanged as a
    module: its build_rows() gives per pair and kind the minimum run time and
    the trains achieving it, with its rules (midnight rollover, seq gaps are not
    consecutive, date variants of one train counted once).

Sources and licences
    timetable_2016_northeast_stops.csv  12306 timetable of 2016-03-10, from
                          metromancn/Parse12306 (MIT); see timetable-runtimes.py
                          for its limits (2016, EMU/HSR trains only).
    PLACES.csv, LINES.csv carry their own sources (coord_source, source); the
                          spec's source column carries the hand-given figures'.
"""

import argparse
import csv
import difflib
import importlib.util
import io
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal, ROUND_HALF_UP


def _import_runtimes():
    """Tools/timetable-runtimes.py as a module (its file name is not importable by name)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "timetable-runtimes.py")
    spec = importlib.util.spec_from_file_location("timetable_runtimes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


runtimes = _import_runtimes()

SPEC_COLUMNS = ["id", "from", "to", "mode", "length", "time", "oneway", "status",
                "project", "corridors", "source"]
LINE_COLUMNS = ["line", "name_zh", "total_km", "source", "stations"]
PLACE_COLUMNS = ["id", "lat", "lon"]          # a finished places.csv has more; these are used
SPEC_OPTIONAL = ["runs_over", "service"]     # express runs' links; freight-only lines
OUT_COLUMNS = ["id", "from", "to", "mode", "length_km", "minutes", "minutes_back", "speed_kmh", "oneway",
               "status", "project", "corridors", "runs_over", "service", "source"]
MODES = ["hsr", "rail", "expressway", "road", "air", "sea", "river", "connector", "border"]
NO_LENGTH_MODES = {"connector", "border"}
SPEED_RANGES = {                               # plausible average speeds, km/h
    "hsr": (100, 360), "rail": (30, 160), "expressway": (50, 120), "road": (20, 100),
    "air": (150, 900), "sea": (10, 60), "river": (5, 40),
}
EARTH_RADIUS_KM = 6371.0088                    # IUGG mean radius
SHORTER_TOLERANCE_KM = 0.5
MAX_TRAINS_LISTED = 4
ID_RE = re.compile(r"^[a-z0-9_-]+$")
NUMBER_RE = re.compile(r"^[0-9]+(\.[0-9]+)?$")
TT_RE = re.compile(r"^(tt|ttthrough):(.*)$")
TT_KIND = {"tt": "consecutive", "ttthrough": "through"}
TT_CITATION = (f"12306 timetable 2016-03-10 ({runtimes.TIMETABLE}; "
               f"metromancn/Parse12306, MIT)")
SHORT_LINK_KM = 25  # below it only the upper speed bound is checked
TIME_FORMS = "minutes, vSPEED, access:BASE+gc*F@SPEED, tt:A>B, tt:A-B, ttthrough:A>B or ttthrough:A-B"


class DataError(Exception):
    pass


# ---------------------------------------------------------------- helpers

def great_circle_km(p, q):
    """Haversine distance between two (lat, lon) points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*p, *q))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def half_up(x, step="1"):
    """A number rounded half-up in decimal to a multiple of step ('1' or '0.1'), as text."""
    return str(Decimal(str(x)).quantize(Decimal(step), rounding=ROUND_HALF_UP))


def positive_number(text):
    """'111' or '223.667' -> Decimal; anything else (signs, exponents, separators, 0) -> None."""
    if not NUMBER_RE.match(text):
        return None
    value = Decimal(text)
    return value if value > 0 else None


def did_you_mean(name, candidates, substrings=False, n=3):
    """' (did you mean a, b?)' from difflib's closest matches, '' if none.

    With substrings (for Chinese station names, too short for difflib alone),
    names containing name or contained in it come first, as in timetable-runtimes.py.
    """
    pool = sorted(candidates)
    near = [c for c in pool if name and (name in c or c in name)][:n] if substrings else []
    if not near:
        near = difflib.get_close_matches(name, pool, n=n, cutoff=0.5)
    return f" (did you mean {', '.join(near)}?)" if near else ""


# ---------------------------------------------------------------- inputs

def read_table(path, columns, errors, others_allowed=False, optional=()):
    """Return [(line, {column: stripped value})]; problems are appended to errors.

    The header must hold every one of columns, once; other columns are an
    error unless others_allowed; those of optional may be absent (read as '').
    Blank rows are skipped.
    """
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
        errors.append(f"{path}: empty file (needs the header {','.join(columns)})")
        return []
    except csv.Error as e:
        errors.append(f"{path}:1: {e}")
        return []
    bad = False
    for h in header:
        if h not in columns and h not in optional and not others_allowed:
            near = difflib.get_close_matches(h, list(columns) + list(optional), n=1)
            errors.append(f"{path}:1: unknown column {h!r}" + (f" (did you mean {near[0]}?)" if near else ""))
            bad = True
    for c in list(columns) + list(optional):
        if header.count(c) > 1:
            errors.append(f"{path}:1: column {c} appears twice")
            bad = True
        if c not in header and c not in optional:
            errors.append(f"{path}:1: missing column {c}")
            bad = True
    if bad:
        return []
    rows = []
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
            errors.append(f"{path}:{line}: {len(fields)} fields, the header has {len(header)}")
            continue
        row = {c: "" for c in optional}
        row.update({h: f.strip() for h, f in zip(header, fields)})
        rows.append((line, row))
    return rows


def load_places(path, errors):
    """PLACES.csv -> {id: (lat, lon)}."""
    places, file_errors = {}, []
    for line, r in read_table(path, PLACE_COLUMNS, file_errors, others_allowed=True):
        where = f"{path}:{line}"
        if not r["id"]:
            file_errors.append(f"{where}: id is empty")
            continue
        if r["id"] in places:
            file_errors.append(f"{where}: duplicate id {r['id']!r}")
            continue
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
        except ValueError:
            lat = lon = math.nan
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            file_errors.append(f"{where}: bad coordinates {r['lat']!r}, {r['lon']!r}")
            continue
        places[r["id"]] = (lat, lon)
    errors.extend(in_line_order(file_errors, path))
    return places


class Line:
    """One row of LINES.csv, with the great-circle length of each station-to-station segment."""

    def __init__(self, row, places):
        self.id = row["line"]
        self.name_zh = row["name_zh"]
        self.total_text = row["total_km"]
        self.total = positive_number(row["total_km"])
        self.source = row["source"]
        self.stations = [s.strip() for s in row["stations"].split(";")]
        self.segments = [great_circle_km(places[a], places[b])
                         for a, b in zip(self.stations, self.stations[1:])]

    def share_km(self, a, b):
        """(length text, provenance) of the stretch between stations a and b."""
        i, j = sorted((self.stations.index(a), self.stations.index(b)))
        if (i, j) == (0, len(self.stations) - 1):
            return self.total_text, f"length: {self.name_zh} total {self.total_text} km ({self.source})"
        km = float(self.total) * sum(self.segments[i:j]) / sum(self.segments)
        return (half_up(km), f"length: {self.name_zh} total {self.total_text} km ({self.source}), "
                             f"shared out by great-circle proportion")


def load_lines(path, places, errors):
    """LINES.csv -> {line id: Line}."""
    lines, first_line, file_errors = {}, {}, []
    for line, r in read_table(path, LINE_COLUMNS, file_errors):
        where = f"{path}:{line}"
        problems = []
        if not ID_RE.match(r["line"]):
            problems.append(f"line {r['line']!r} is not a slug (lower-case letters, digits, '-', '_')")
        elif r["line"] in first_line:
            problems.append(f"duplicate line {r['line']!r} (first on line {first_line[r['line']]})")
        else:
            first_line[r["line"]] = line
        for col in ("name_zh", "source"):
            if not r[col]:
                problems.append(f"{col} is empty")
        if positive_number(r["total_km"]) is None:
            problems.append(f"total_km {r['total_km']!r} is not a positive number")
        stations = [s.strip() for s in r["stations"].split(";")]
        if len(stations) < 2:
            problems.append("stations: needs at least two place ids separated by ';'")
        for s in stations:
            if s not in places:
                problems.append(f"station {s!r} is not a place id{did_you_mean(s, places)}")
        repeated = sorted({s for s in stations if stations.count(s) > 1})
        if repeated:
            problems.append(f"station {', '.join(repeated)} listed twice")
        if not problems:
            candidate = Line(r, places)
            if sum(candidate.segments) == 0:
                problems.append("all stations are at the same point")
            else:
                lines[candidate.id] = candidate
        file_errors.extend(f"{where}: {p}" for p in problems)
    errors.extend(in_line_order(file_errors, path))
    return lines


class Timetable:
    """The 2016 timetable, read on first use, queried through timetable-runtimes.py."""

    def __init__(self, data_dir):
        self.path = os.path.join(data_dir, runtimes.TIMETABLE)
        self._schedules = None
        self.stations = set()

    def load(self):
        if self._schedules is None:
            try:
                with open(self.path, newline="", encoding="utf-8-sig") as f:
                    self._schedules = runtimes.load_schedules(f, self.path)
            except OSError as e:
                raise DataError(f"{self.path}: cannot read ({e.strerror})")
            except runtimes.DataError as e:
                raise DataError(str(e))
            self.stations = {s["station"] for stops in self._schedules.values() for s in stops}

    def fastest(self, a, b, kind, both_ways):
        """(minutes, 'A→B' or 'A↔B', [train labels]) of the fastest run of this kind."""
        self.load()
        for name in (a, b):
            if name not in self.stations:
                hint = did_you_mean(name, self.stations, substrings=True)
                raise DataError(f"unknown timetable station {name!r}{hint}")
        if a == b:
            raise DataError(f"{a} to itself is no run")
        pairs = [(a, b), (b, a)] if both_ways else [(a, b)]
        rows = runtimes.build_rows(self._schedules, pairs, [])
        best = {(r["from"], r["to"]): (int(r["min_minutes"]), r["fastest_train"].split(";"))
                for r in rows if r["kind"] == kind and r["min_minutes"]}
        if not best:
            raise DataError(self._no_run(a, b, kind, both_ways, rows))
        minutes = min(m for m, _ in best.values())
        winners = [pair for pair in pairs if pair in best and best[pair][0] == minutes]
        arrow = f"{a}↔{b}" if len(winners) == 2 else "→".join(winners[0])
        trains = sorted({t for pair in winners for t in best[pair][1]}, key=runtimes.natural_key)
        return minutes, arrow, trains

    def _no_run(self, a, b, kind, both_ways, rows):
        sep = "-" if both_ways else ">"
        way = f"{a}→{b}" + (f" or {b}→{a}" if both_ways else "")
        if kind == "consecutive":
            through = any(r["kind"] == "through" and r["min_minutes"] for r in rows)
            hint = f" (ttthrough:{a}{sep}{b} has one)" if through else ""
            return f"no train runs {way} without a stop in between in {runtimes.TIMETABLE}{hint}"
        return f"no train calls at {a} and later at {b}" + (" or the other way" if both_ways else "") \
            + f" in {runtimes.TIMETABLE}"


# ---------------------------------------------------------------- figures

def resolve_length(s, places, lines, done=None):
    """(length_km text, provenance or '') from the spec's length field; done maps the ids
    of the rows resolved so far to their length_km text (for `over`)."""
    text = s["length"]
    if not text:
        if s["mode"] not in NO_LENGTH_MODES:
            raise DataError(f"length is empty: required for mode {s['mode'] or '(empty)'} "
                            f"(only connector and border links go without)")
        m = ACCESS_RE.match(s.get("time", ""))
        if m:
            # The access rule's drive (great circle x factor) is the connector's length too,
            # so a search by distance counts the km the time counts: never under the
            # great circle, never 0.
            factor = m.group(3)
            gc = great_circle_km(places[s["from"]], places[s["to"]])
            km = max(math.ceil(gc), int(half_up(gc * float(factor))), 1)
            return (str(km), f"length estimate: the access drive, great-circle {half_up(gc, '0.1')} km "
                             f"× {factor}, rounded to 1 km (at least 1, never under the great circle)")
        return "", ""
    if NUMBER_RE.match(text):
        if positive_number(text) is None:
            raise DataError(f"length {text} is not positive")
        return text, ""
    if text.startswith("gc*"):
        factor = text[3:].strip()
        if positive_number(factor) is None:
            raise DataError(f"length {text!r}: the detour factor must be a positive decimal, e.g. gc*1.3")
        d = great_circle_km(places[s["from"]], places[s["to"]])
        return (half_up(d * float(factor)),
                f"length estimate: great-circle {half_up(d, '0.1')} km × {factor}, rounded to 1 km")
    if text.startswith("line:"):
        name = text[5:].strip()
        if name not in lines:
            raise DataError(f"unknown line {name!r}{did_you_mean(name, lines)}")
        line = lines[name]
        off = [p for p in (s["from"], s["to"]) if p not in line.stations]
        if off:
            what = "is not a station" if len(off) == 1 else "are not stations"
            raise DataError(f"{' and '.join(repr(p) for p in off)} {what} of line {name} "
                            f"({line.name_zh}: {', '.join(line.stations)})")
        return line.share_km(s["from"], s["to"])
    if text == "over":
        over = [x.strip() for x in s.get("runs_over", "").split(";") if x.strip()]
        if not over:
            raise DataError("length over: the link must list the links it runs over in runs_over")
        missing = [x for x in over if x not in (done or {})]
        if missing:
            raise DataError(f"length over: {', '.join(missing)} not resolved before this row "
                            f"(list the links it runs over first)")
        if any(not done[x] for x in over):
            raise DataError("length over: a link it runs over has no length")
        total = sum(Decimal(done[x]) for x in over)
        text_total = format(total.normalize(), "f")
        return text_total, f"length: the sum of the links it runs over ({' + '.join(done[x] for x in over)} km)"
    raise DataError(f"length {text!r}: expected a number of km, gc*FACTOR, line:LINE, over or empty")


ACCESS_RE = re.compile(r"^access:(\d+(?:\.\d+)?)(?:/(\d+(?:\.\d+)?))?\+gc\*(\d+(?:\.\d+)?)@(\d+(?:\.\d+)?)$")


def resolve_time(s, timetable, places):
    """(minutes text, speed_kmh text, provenance or '') from the spec's time field."""
    text = s["time"]
    if not text:
        raise DataError(f"time is empty: every link needs one ({TIME_FORMS})")
    if NUMBER_RE.match(text):
        if positive_number(text) is None:
            raise DataError(f"time {text} is not positive")
        return text, "", ""
    if TWO_WAY_RE.match(text):
        out, back = text.split("/")
        if positive_number(out) is None or positive_number(back) is None:
            raise DataError(f"time {text} is not positive both ways")
        return out, "", ""
    if text.startswith("v") and NUMBER_RE.match(text[1:]):
        if positive_number(text[1:]) is None:
            raise DataError(f"speed {text} is not positive")
        if not s["length"]:
            raise DataError(f"time {text} needs a length (a speed alone gives no travel time)")
        return "", text[1:], ""
    m = ACCESS_RE.match(text)
    if m:
        base, back, factor, speed = m.groups()
        if s["from"] not in places or s["to"] not in places:
            raise DataError(f"time {text!r} needs both ends to be places")
        if positive_number(speed) is None or positive_number(factor) is None:
            raise DataError(f"time {text!r}: factor and speed must be positive")
        gc = great_circle_km(places[s["from"]], places[s["to"]])
        minutes = half_up(float(base) + gc * float(factor) / float(speed) * 60)
        fixed = f"{base} min fixed" + (f" ({back} min on the way back)" if back else "")
        return (str(minutes), "",
                f"time estimate: {fixed} + great-circle {half_up(gc, '0.1')} km "
                f"× {factor} at {speed} km/h, rounded to 1 min")
    m = TT_RE.match(text)
    if m:
        form, pair = m.groups()
        both_ways = ">" not in pair
        ends = pair.split(">" if not both_ways else "-")
        if len(ends) != 2 or not all(e.strip() for e in ends):
            raise DataError(f"time {text!r}: expected {form}:A>B or {form}:A-B with timetable station names")
        kind = TT_KIND[form]
        minutes, arrow, trains = timetable.fastest(ends[0].strip(), ends[1].strip(), kind, both_ways)
        listed = ", ".join(trains[:MAX_TRAINS_LISTED]) + (", …" if len(trains) > MAX_TRAINS_LISTED else "")
        return (str(minutes), "",
                f"time: fastest {kind} run {arrow} {minutes} min ({listed}), {TT_CITATION}")
    raise DataError(f"time {text!r}: expected {TIME_FORMS}")


TWO_WAY_RE = re.compile(r"^\d+(?:\.\d+)?/\d+(?:\.\d+)?$")


def resolve_time_back(s, places):
    """minutes_back text for a two-way time (M/B: B) or an access form with a way-back
    fixed part (access:F/G+gc*K@S: G + the same drive), else ''."""
    if TWO_WAY_RE.match(s["time"]):
        if s.get("oneway", "") == "yes":
            raise DataError(f"time {s['time']!r}: a one-way link has no way back")
        return s["time"].split("/")[1]
    m = ACCESS_RE.match(s["time"])
    if not m or not m.group(2):
        return ""
    if s.get("oneway", "") == "yes":
        raise DataError(f"time {s['time']!r}: a one-way link has no way back (drop /{m.group(2)} or oneway)")
    _, back, factor, speed = m.groups()
    gc = great_circle_km(places[s["from"]], places[s["to"]])
    return str(half_up(float(back) + gc * float(factor) / float(speed) * 60))


def speed_warning(mode, length, minutes, speed, crosses_border=False):
    """A warning text when the average speed is implausible for the mode, else None."""
    if mode not in SPEED_RANGES or not length or not (minutes or speed):
        return None
    if speed:
        kmh, shown = Decimal(speed), f"{speed} km/h (given)"
    else:
        kmh = Decimal(length) * 60 / Decimal(minutes)
        shown = f"{half_up(kmh, '0.1')} km/h ({length} km in {minutes} min)"
    lo, hi = SPEED_RANGES[mode]
    if Decimal(length) < SHORT_LINK_KM or crosses_border:
        lo = 0  # short hops are mostly starting and stopping; a border link's time may
        #         include exit and entry formalities (as Mode.plausibleSpeed in Swift)
    if lo <= kmh <= hi:
        return None
    return f"average speed {shown} is outside the plausible range for {mode}, {lo}–{hi} km/h"


# ---------------------------------------------------------------- build

def build(data_dir, places_path, lines_path, spec_paths):
    """Resolve the specs. Returns (rows, errors, warnings); rows are dicts of OUT_COLUMNS."""
    errors, warnings = [], []
    places = load_places(places_path, errors)
    lines = load_lines(lines_path, places, errors) if not errors else {}
    if errors:
        return [], errors, warnings        # everything below would only echo these
    timetable = Timetable(data_dir)
    across = border_places(places_path)
    rows, first_seen, done = [], {}, {}
    for path in spec_paths:
        file_errors = []
        for line, s in read_table(path, SPEC_COLUMNS, file_errors, optional=SPEC_OPTIONAL):
            problems, row = check_and_resolve(s, f"{path}:{line}", first_seen, places, lines, timetable, done)
            file_errors.extend(f"{path}:{line}: {p}" for p in problems)
            if row:
                rows.append(row)
                done[row["id"]] = row["length_km"]
                w = speed_warning(s["mode"], row["length_km"], row["minutes"], row["speed_kmh"],
                                  s["from"] in across or s["to"] in across)
                if w:
                    warnings.append(f"{path}:{line}: warning: {w}")
        errors.extend(in_line_order(file_errors, path))
    return rows, errors, warnings


def border_places(places_path):
    """The ids of PLACES.csv rows of kind border or foreign (empty if it has no kind)."""
    with open(places_path, encoding="utf-8-sig", newline="") as f:
        return {r["id"].strip() for r in csv.DictReader(f)
                if (r.get("kind") or "").strip() in ("border", "foreign")}


def in_line_order(messages, path):
    """Messages 'PATH:LINE: ...' sorted by LINE, stably (a line's own order kept)."""
    def line_of(msg):
        m = re.match(re.escape(path) + r":(\d+):", msg)
        return int(m.group(1)) if m else 0
    return sorted(messages, key=line_of)


def check_and_resolve(s, where, first_seen, places, lines, timetable, done=None):
    """One spec row -> ([problem, ...], output row or None)."""
    problems = []
    lid = s["id"]
    if not lid:
        problems.append("id is empty")
    elif not ID_RE.match(lid):
        problems.append(f"id {lid!r} is not a slug (lower-case letters, digits, '-', '_')")
    elif lid in first_seen:
        problems.append(f"duplicate id {lid!r} (first at {first_seen[lid]})")
    else:
        first_seen[lid] = where
    for end in ("from", "to"):
        if s[end] not in places:
            problems.append(f"{end} {s[end]!r} is not a place id{did_you_mean(s[end], places)}")
    if s["from"] and s["from"] == s["to"]:
        problems.append(f"from and to are the same place {s['from']!r}")
    if s["mode"] not in MODES:
        problems.append(f"unknown mode {s['mode']!r} (one of {', '.join(MODES)})")
    if s["oneway"] not in ("", "yes"):
        problems.append(f"oneway {s['oneway']!r}: empty (both directions) or yes")
    if s.get("service", "") not in ("", "freight", "passenger"):
        problems.append(f"service {s['service']!r}: empty (both), freight or passenger")
    if s["status"] not in ("existing", "planned"):
        problems.append(f"unknown status {s['status']!r} (existing or planned)")
    elif s["status"] == "planned" and not s["project"]:
        problems.append("status planned needs a project")
    elif s["status"] == "existing" and s["project"]:
        problems.append(f"status existing with project {s['project']!r}: only planned links have one")
    if not s["source"]:
        problems.append("source is empty: name the source of the figures given here")
    ends_known = s["from"] in places and s["to"] in places and s["from"] != s["to"]

    length = provenance_length = ""
    if ends_known and s["mode"] in MODES:
        try:
            length, provenance_length = resolve_length(s, places, lines, done)
        except DataError as e:
            problems.append(str(e))
    if length:
        gc = great_circle_km(places[s["from"]], places[s["to"]])
        if float(length) < gc - SHORTER_TOLERANCE_KM:
            problems.append(f"length {length} km is shorter than the great-circle distance "
                            f"{half_up(gc, '0.1')} km from {s['from']} to {s['to']}, "
                            f"by {half_up(gc - float(length), '0.1')} km")
    try:
        minutes, speed, provenance_time = resolve_time(s, timetable, places)
        minutes_back = resolve_time_back(s, places)
    except DataError as e:
        problems.append(str(e))
    if problems:
        return problems, None
    source = "; ".join(p for p in (s["source"], provenance_length, provenance_time) if p)
    return [], {"id": lid, "from": s["from"], "to": s["to"], "mode": s["mode"],
                "length_km": length, "minutes": minutes, "minutes_back": minutes_back, "speed_kmh": speed,
                "oneway": s["oneway"], "status": s["status"], "project": s["project"],
                "corridors": s["corridors"], "runs_over": s["runs_over"], "service": s.get("service", ""),
                "source": source}


def render(rows):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=OUT_COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def write_atomic(path, text):
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".link-rows-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# ---------------------------------------------------------------- self-test

# Places on the meridian 125° E, so great-circle distances are R x Δlat in radians:
# 1° = 6371.0088 x π/180 = 111.19508 km (111.2), 2° = 222.39016 km (222.4),
# 0.5° = 55.59754 km. s-a sits 0.001° north of a (0.11 km).
ST_PLACES = """\
id,name_zh,name_en,kind,lat,lon,coord_source,parent,population,population_source
a,甲,A,county,40.000000,125.000000,test,,,
b,乙,B,county,41.000000,125.000000,test,,,
c,丙,C,county,42.000000,125.000000,test,,,
d,丁,D,county,42.500000,125.000000,test,,,
s-a,甲站,A station,station,40.001000,125.000000,test,a,,
"""
# l1 runs a-b-c-d, 1° + 1° + 0.5° = 2.5° of great circle in all.
ST_LINES = """\
\ufeffline,name_zh,total_km,source,stations
l1,甲丁线,300.5,"facts.md 甲丁线, example",a;b;c;d
"""
# Stations 甲 乙 丙. 甲->乙 consecutive: T1 T2 T3 T4 T10 40 min, T6 45 min.
# 乙->丙: T1 T3 T4 30, T2 28; so 甲->丙 through (no consecutive run): T1 T3 T4 72,
# T2 70. 乙->甲: D7 38. 丙->乙: D8 28. No train runs 丙 ... 甲.
ST_TIMETABLE = """\
train,variant,origin,destination,kind,seq,station,telecode,arr,dep,lon_gcj,lat_gcj,run_days
T1,1,甲,丙,动车,1,甲,,,08:00,,,ALL
T1,1,甲,丙,动车,2,乙,,08:40,08:42,,,ALL
T1,1,甲,丙,动车,3,丙,,09:12,09:12,,,ALL
T2,1,甲,丙,动车,1,甲,,,09:00,,,ALL
T2,1,甲,丙,动车,2,乙,,09:40,09:42,,,ALL
T2,1,甲,丙,动车,3,丙,,10:10,10:10,,,ALL
T3,1,甲,丙,动车,1,甲,,,10:00,,,ALL
T3,1,甲,丙,动车,2,乙,,10:40,10:42,,,ALL
T3,1,甲,丙,动车,3,丙,,11:12,11:12,,,ALL
T4,1,甲,丙,动车,1,甲,,,11:00,,,ALL
T4,1,甲,丙,动车,2,乙,,11:40,11:42,,,ALL
T4,1,甲,丙,动车,3,丙,,12:12,12:12,,,ALL
T10,1,甲,乙,动车,1,甲,,,12:00,,,ALL
T10,1,甲,乙,动车,2,乙,,12:40,12:40,,,ALL
T6,1,甲,乙,动车,1,甲,,,13:00,,,ALL
T6,1,甲,乙,动车,2,乙,,13:45,13:45,,,ALL
D7,1,乙,甲,动车,1,乙,,,14:00,,,ALL
D7,1,乙,甲,动车,2,甲,,14:38,14:38,,,ALL
D8,1,丙,乙,动车,1,丙,,,15:00,,,ALL
D8,1,丙,乙,动车,2,乙,,15:28,15:28,,,ALL
"""
ST_SPEC_1 = """\
\ufeffid,from,to,mode,length,time,oneway,status,project,corridors,source
ab-given,a,b,rail,111.20,90,,existing,,甲乙;x,given by hand
ab-gc,a,b,expressway,gc*1.3,v100,yes,planned,p1,,estimate: plain
ac-gc,a,c,road,gc*1.25,200,,existing,,,estimate: hills
bc-line,b,c,hsr,line:l1,tt:乙>丙,,existing,,,l1 stretch
"""
ST_SPEC_2 = """\
source,id,from,to,mode,length,time,oneway,status,project,corridors
l1 end to end,ad-line,d,a,hsr,line:l1,90,,existing,,
many trains,ab-tt,a,b,hsr,111,tt:甲>乙,,existing,,
l1 stretch,ac-line,a,c,hsr,line:l1,ttthrough:甲-丙,,existing,,
both ways,ab-both,a,b,hsr,111,tt:甲-乙,,existing,,
tie,bc-tie,b,c,hsr,line:l1,tt:乙-丙,,existing,,
access,a-sa,a,s-a,connector,,15,,existing,,
slow,ab-slow,a,b,hsr,111,200,,existing,,
fast,cd-fast,c,d,road,56,v130,,existing,,
"""
# ab-given  111.20 as written (≥ 111.2 - 0.5); 90 min: 111.2 x 60 / 90 = 74.1 km/h, rail: fine.
# ab-gc     111.19508 x 1.3 = 144.554 -> 145.
# ac-gc     222.39016 x 1.25 = 277.988 -> 278; 278 km in 200 min = 83.4 km/h, road: fine.
# bc-line   b-c is 1° of the line's 2.5°: 300.5 x 0.4 = 120.2 -> 120. 乙->丙 fastest T2 28.
# ad-line   d to a is the whole line (either way round): 300.5 as written; 200.3 km/h.
# ab-tt     甲->乙 40 min by T1 T2 T3 T4 T10 (natural order), listed 4 then "…".
# ac-line   2° of 2.5°: 300.5 x 0.8 = 240.4 -> 240. Through 甲->丙 70 (T2); 丙->甲 none.
# ab-both   甲->乙 40, 乙->甲 38: the minimum is 乙->甲 (D7).
# bc-tie    乙->丙 28 (T2) and 丙->乙 28 (D8): both directions, A↔B, trains merged.
# a-sa      connector, no length: fine; no speed check for connectors.
# ab-slow   111 km in 200 min = 33.3 km/h < 100 for hsr: warning.
# cd-fast   56 km ≥ 55.6 - 0.5; given speed 130 > 100 for road: warning.
ST_OUT = """\
id,from,to,mode,length_km,minutes,minutes_back,speed_kmh,oneway,status,project,corridors,runs_over,service,source
ab-given,a,b,rail,111.20,90,,,,existing,,甲乙;x,,,given by hand
ab-gc,a,b,expressway,145,,,100,yes,planned,p1,,,,"estimate: plain; length estimate: great-circle 111.2 km × 1.3, rounded to 1 km"
ac-gc,a,c,road,278,200,,,,existing,,,,,"estimate: hills; length estimate: great-circle 222.4 km × 1.25, rounded to 1 km"
bc-line,b,c,hsr,120,28,,,,existing,,,,,"l1 stretch; length: 甲丁线 total 300.5 km (facts.md 甲丁线, example), shared out by great-circle proportion; time: fastest consecutive run 乙→丙 28 min (T2), 12306 timetable 2016-03-10 (timetable_2016_northeast_stops.csv; metromancn/Parse12306, MIT)"
ad-line,d,a,hsr,300.5,90,,,,existing,,,,,"l1 end to end; length: 甲丁线 total 300.5 km (facts.md 甲丁线, example)"
ab-tt,a,b,hsr,111,40,,,,existing,,,,,"many trains; time: fastest consecutive run 甲→乙 40 min (T1, T2, T3, T4, …), 12306 timetable 2016-03-10 (timetable_2016_northeast_stops.csv; metromancn/Parse12306, MIT)"
ac-line,a,c,hsr,240,70,,,,existing,,,,,"l1 stretch; length: 甲丁线 total 300.5 km (facts.md 甲丁线, example), shared out by great-circle proportion; time: fastest through run 甲→丙 70 min (T2), 12306 timetable 2016-03-10 (timetable_2016_northeast_stops.csv; metromancn/Parse12306, MIT)"
ab-both,a,b,hsr,111,38,,,,existing,,,,,"both ways; time: fastest consecutive run 乙→甲 38 min (D7), 12306 timetable 2016-03-10 (timetable_2016_northeast_stops.csv; metromancn/Parse12306, MIT)"
bc-tie,b,c,hsr,120,28,,,,existing,,,,,"tie; length: 甲丁线 total 300.5 km (facts.md 甲丁线, example), shared out by great-circle proportion; time: fastest consecutive run 乙↔丙 28 min (D8, T2), 12306 timetable 2016-03-10 (timetable_2016_northeast_stops.csv; metromancn/Parse12306, MIT)"
a-sa,a,s-a,connector,,15,,,,existing,,,,,access
ab-slow,a,b,hsr,111,200,,,,existing,,,,,slow
cd-fast,c,d,road,56,,,130,,existing,,,,,fast
"""
ST_SPEC_BAD = """\
id,from,to,mode,length,time,oneway,status,project,corridors,source
ab-gc,a,b,rail,111,60,,existing,,,dup of the first spec
Bad,a,b,rail,111,60,,existing,,,x
,a,b,rail,111,60,,existing,,,x
e1,aa,b,rail,111,60,,existing,,,x
e2,a,a,rail,,60,,existing,,,x
e3,a,b,train,111,60,,existing,,,x
e4,a,b,rail,111,60,no,existing,,,x
e5,a,b,rail,111,60,,built,,,x
e6,a,b,rail,111,60,,planned,,,x
e7,a,b,rail,111,60,,existing,p1,,x
e8,a,b,rail,111,60,,existing,,,
e9,a,b,rail,100,60,,existing,,,x
e10,a,b,rail,gc*0.8,60,,existing,,,x
e11,a,b,rail,,60,,existing,,,x
e12,a,b,rail,abc,60,,existing,,,x
e13,a,b,rail,gc*x,60,,existing,,,x
e14,a,b,rail,line:l2,60,,existing,,,x
e15,a,s-a,rail,line:l1,60,,existing,,,x
e16,a,b,rail,0,60,,existing,,,x
e17,a,b,rail,111,,,existing,,,x
e18,a,s-a,connector,,v5,,existing,,,x
e19,a,b,rail,111,1 h,,existing,,,x
e20,a,b,rail,111,tt:甲>乙站,,existing,,,x
e21,a,b,rail,111,tt:甲>丙,,existing,,,x
e22,a,b,rail,111,ttthrough:丙>甲,,existing,,,x
e23,a,b,rail,111,tt:甲乙,,existing,,,x
e24,a,b,rail,111,tt:甲>甲,,existing,,,x
e25,a,b,rail,111,60,,existing,,,x,extra
"""


def self_test():
    tmp = tempfile.mkdtemp(prefix="link-rows-selftest-")
    try:
        def put(name, text, encoding="utf-8"):
            path = os.path.join(tmp, name)
            with open(path, "w", encoding=encoding, newline="") as f:
                f.write(text)
            return path

        data = os.path.join(tmp, "data")
        os.mkdir(data)
        put(os.path.join("data", runtimes.TIMETABLE), ST_TIMETABLE)
        places, lines = put("places.csv", ST_PLACES), put("lines.csv", ST_LINES)
        spec1, spec2, bad = put("spec1.csv", ST_SPEC_1), put("spec2.csv", ST_SPEC_2), put("bad.csv", ST_SPEC_BAD)

        # 1. Helpers, against the hand figures in the comments above.
        assert half_up(great_circle_km((40, 125), (41, 125)), "0.1") == "111.2"
        assert abs(great_circle_km((40, 125), (42, 125)) - 6371.0088 * math.pi / 90) < 1e-9
        assert half_up(0.5) == "1" and half_up(2.5) == "3" and half_up(120.45, "0.1") == "120.5"
        assert half_up(Decimal("33.25"), "0.1") == "33.3"
        # over: 12 + 59.5 = 71.5 km; the linked rows must be resolved first.
        got_over = resolve_length({"length": "over", "runs_over": "p;q", "mode": "hsr"}, {}, {},
                                  {"p": "12", "q": "59.5"})
        assert got_over == ("71.5", "length: the sum of the links it runs over (12 + 59.5 km)"), got_over
        for spec, msg in [({"length": "over", "runs_over": "", "mode": "hsr"}, "must list the links"),
                          ({"length": "over", "runs_over": "p;zz", "mode": "hsr"}, "zz not resolved")]:
            try:
                resolve_length(spec, {}, {}, {"p": "12"})
                raise AssertionError("over should fail")
            except DataError as e:
                assert msg in str(e), str(e)
        # access: 0.1 deg of latitude = 11.1195 km; x 1.3 = 14.455 km at 25 km/h = 34.69 min;
        # + 15 fixed = 49.69 -> 50.
        got_access = resolve_time({"time": "access:15+gc*1.3@25", "from": "p", "to": "q", "length": ""},
                                  None, {"p": (40, 125), "q": (40.1, 125)})
        assert got_access == ("50", "", "time estimate: 15 min fixed + great-circle 11.1 km "
                                        "× 1.3 at 25 km/h, rounded to 1 min"), got_access
        # With a way-back part (access:15/5+…): minutes 50 as above, back 5 + 34.69 = 39.69 -> 40.
        pq = {"p": (40, 125), "q": (40.1, 125)}
        back_spec = {"time": "access:15/5+gc*1.3@25", "from": "p", "to": "q", "length": "", "oneway": ""}
        assert resolve_time(back_spec, None, pq) == (
            "50", "", "time estimate: 15 min fixed (5 min on the way back) + great-circle 11.1 km × 1.3 "
                      "at 25 km/h, rounded to 1 min"), resolve_time(back_spec, None, pq)
        assert resolve_time_back(back_spec, pq) == "40", resolve_time_back(back_spec, pq)
        assert resolve_time_back({"time": "access:15+gc*1.3@25", "from": "p", "to": "q"}, pq) == ""
        assert resolve_time({"time": "65/25", "from": "p", "to": "q", "length": ""}, None, pq) == ("65", "", "")
        assert resolve_time_back({"time": "65/25", "from": "p", "to": "q", "oneway": ""}, pq) == "25"
        try:
            resolve_time_back(dict(back_spec, oneway="yes"), pq)
            raise AssertionError("a one-way link with a way back should fail")
        except DataError as e:
            assert "one-way link has no way back" in str(e), str(e)
        # Its length is the same drive: 14.455 -> 14 km. A connector 0.11 km long (s-a
        # beside a: 0.001 deg) still counts 1 km; one of 1.1 km (x 1.3 = 1.43, rounded 1)
        # counts 2, never under the great circle.
        got_access_km = resolve_length({"time": "access:15+gc*1.3@25", "from": "p", "to": "q", "length": "",
                                        "mode": "connector"}, {"p": (40, 125), "q": (40.1, 125)}, {})
        assert got_access_km == ("14", "length estimate: the access drive, great-circle 11.1 km × 1.3, "
                                       "rounded to 1 km (at least 1, never under the great circle)"), got_access_km
        for lat, km in [(40.001, "1"), (40.0099, "2")]:  # 0.11 km; 1.1008 km
            got = resolve_length({"time": "access:15+gc*1.3@25", "from": "p", "to": "q", "length": "",
                                  "mode": "connector"}, {"p": (40, 125), "q": (lat, 125)}, {})
            assert got[0] == km, (lat, got)
        assert resolve_length({"time": "15", "from": "p", "to": "q", "length": "", "mode": "connector"},
                              {"p": (40, 125), "q": (40.1, 125)}, {}) == ("", "")

        # 2. Every length and time form, two spec files in order (different column
        #    orders), exact bytes, and the two warnings.
        want_warnings = [
            f"{spec2}:8: warning: average speed 33.3 km/h (111 km in 200 min) is outside the plausible "
            f"range for hsr, 100–360 km/h",
            f"{spec2}:9: warning: average speed 130 km/h (given) is outside the plausible range for road, "
            f"20–100 km/h",
        ]
        rows, errors, warnings = build(data, places, lines, [spec1, spec2])
        assert errors == [], errors
        got = render(rows)
        for g, w in zip(got.splitlines(), ST_OUT.splitlines()):
            assert g == w, f"\n got: {g}\nwant: {w}"
        assert got == ST_OUT
        assert warnings == want_warnings, warnings

        # 3. Every row error, each naming its file and line, in order. e9: 111.2 - 100 = 11.2;
        #    e10: 111.19508 x 0.8 = 88.956 -> 89, short by 22.2.
        rows, errors, warnings = build(data, places, lines, [spec1, bad])
        want = [
            f"{bad}:2: duplicate id 'ab-gc' (first at {spec1}:3)",
            f"{bad}:3: id 'Bad' is not a slug (lower-case letters, digits, '-', '_')",
            f"{bad}:4: id is empty",
            f"{bad}:5: from 'aa' is not a place id (did you mean a?)",
            f"{bad}:6: from and to are the same place 'a'",
            f"{bad}:7: unknown mode 'train' (one of hsr, rail, expressway, road, air, sea, river, "
            f"connector, border)",
            f"{bad}:8: oneway 'no': empty (both directions) or yes",
            f"{bad}:9: unknown status 'built' (existing or planned)",
            f"{bad}:10: status planned needs a project",
            f"{bad}:11: status existing with project 'p1': only planned links have one",
            f"{bad}:12: source is empty: name the source of the figures given here",
            f"{bad}:13: length 100 km is shorter than the great-circle distance 111.2 km from a to b, "
            f"by 11.2 km",
            f"{bad}:14: length 89 km is shorter than the great-circle distance 111.2 km from a to b, "
            f"by 22.2 km",
            f"{bad}:15: length is empty: required for mode rail (only connector and border links go without)",
            f"{bad}:16: length 'abc': expected a number of km, gc*FACTOR, line:LINE, over or empty",
            f"{bad}:17: length 'gc*x': the detour factor must be a positive decimal, e.g. gc*1.3",
            f"{bad}:18: unknown line 'l2' (did you mean l1?)",
            f"{bad}:19: 's-a' is not a station of line l1 (甲丁线: a, b, c, d)",
            f"{bad}:20: length 0 is not positive",
            f"{bad}:21: time is empty: every link needs one ({TIME_FORMS})",
            f"{bad}:22: time v5 needs a length (a speed alone gives no travel time)",
            f"{bad}:23: time '1 h': expected {TIME_FORMS}",
            f"{bad}:24: unknown timetable station '乙站' (did you mean 乙?)",
            f"{bad}:25: no train runs 甲→丙 without a stop in between in {runtimes.TIMETABLE} "
            f"(ttthrough:甲>丙 has one)",
            f"{bad}:26: no train calls at 丙 and later at 甲 in {runtimes.TIMETABLE}",
            f"{bad}:27: time 'tt:甲乙': expected tt:A>B or tt:A-B with timetable station names",
            f"{bad}:28: 甲 to itself is no run",
            f"{bad}:29: 12 fields, the header has 11",
        ]
        for g, w in zip(errors, want):
            assert g == w, f"\n got: {g}\nwant: {w}"
        assert errors == want, (errors[len(want):], want[len(errors):])
        assert warnings == []

        # 4. Header, encoding, PLACES and LINES problems.
        hdr = put("hdr.csv", "id,from,to,mode,lenght,time,oneway,status,project,corridors,source\n")
        _, errors, _ = build(data, places, lines, [hdr])
        assert errors == [f"{hdr}:1: unknown column 'lenght' (did you mean length?)",
                          f"{hdr}:1: missing column length"], errors
        gbk = put("gbk.csv", ST_SPEC_1.lstrip("\ufeff"), encoding="gbk")
        _, errors, _ = build(data, places, lines, [gbk])
        assert errors == [f"{gbk}: not UTF-8 (a Chinese Excel's plain \"CSV\" is GBK: save as \"CSV UTF-8\")"]
        bad_places = put("bad-places.csv", "id,lat,lon\na,40,125\na,41,125\nb,95,125\n")
        _, errors, _ = build(data, bad_places, lines, [spec1])
        assert errors == [f"{bad_places}:3: duplicate id 'a'",
                          f"{bad_places}:4: bad coordinates '95', '125'"], errors
        bad_lines = put("bad-lines.csv", "line,name_zh,total_km,source,stations\n"
                                         "l1,甲丁线,-3,,a;bb;a\nl1,x,1,y,a\nL3,x,1,y,a;s-a\n")
        _, errors, _ = build(data, places, bad_lines, [spec1])
        assert errors == [
            f"{bad_lines}:2: source is empty",
            f"{bad_lines}:2: total_km '-3' is not a positive number",
            f"{bad_lines}:2: station 'bb' is not a place id (did you mean b?)",
            f"{bad_lines}:2: station a listed twice",
            f"{bad_lines}:3: duplicate line 'l1' (first on line 2)",
            f"{bad_lines}:3: stations: needs at least two place ids separated by ';'",
            f"{bad_lines}:4: line 'L3' is not a slug (lower-case letters, digits, '-', '_')",
        ], errors
        os.rename(os.path.join(data, runtimes.TIMETABLE), os.path.join(tmp, "moved.csv"))
        _, errors, _ = build(data, places, lines, [spec1])
        assert errors == [f"{spec1}:5: {os.path.join(data, runtimes.TIMETABLE)}: cannot read "
                          f"(No such file or directory)"], errors
        os.rename(os.path.join(tmp, "moved.csv"), os.path.join(data, runtimes.TIMETABLE))

        # 5. The CLI: -o written on success, deterministic; on error exit 1, nothing
        #    written, an old file kept, no temporary file left behind.
        me = os.path.abspath(__file__)
        out = os.path.join(tmp, "links.csv")
        args = [sys.executable, me, data, places, lines, spec1, spec2]
        p = subprocess.run(args + ["-o", out], capture_output=True)
        assert p.returncode == 0 and p.stdout == b"", (p.returncode, p.stderr)
        with open(out, "rb") as f:
            assert f.read() == ST_OUT.encode("utf-8")
        p1 = subprocess.run(args, capture_output=True)
        p2 = subprocess.run(args, capture_output=True)
        assert p1.returncode == 0 and p1.stdout == p2.stdout == ST_OUT.encode("utf-8")
        assert p1.stderr.decode("utf-8").splitlines() == want_warnings
        with open(out, "w", encoding="utf-8") as f:
            f.write("old\n")
        p = subprocess.run([sys.executable, me, data, places, lines, spec1, bad, "-o", out],
                           capture_output=True)
        assert p.returncode == 1 and p.stdout == b"", p.returncode
        assert p.stderr.decode("utf-8").splitlines() == want + [f"{len(want)} errors; nothing written"]
        with open(out, encoding="utf-8") as f:
            assert f.read() == "old\n"
        never = os.path.join(tmp, "never.csv")
        p = subprocess.run([sys.executable, me, data, places, lines, bad, "-o", never], capture_output=True)
        assert p.returncode == 1 and not os.path.exists(never)
        assert not [n for n in os.listdir(tmp) if n.startswith(".link-rows-")], os.listdir(tmp)
    finally:
        shutil.rmtree(tmp)
    print("self-test: all assertions passed")


# ---------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description="links.csv rows from specs, every derived figure sourced.")
    ap.add_argument("data_dir", nargs="?", metavar="DATA_DIR", help="the shared reference-data folder")
    ap.add_argument("places", nargs="?", metavar="PLACES.csv", help="a finished places.csv")
    ap.add_argument("lines", nargs="?", metavar="LINES.csv", help="line chainages (see the docstring)")
    ap.add_argument("specs", nargs="*", metavar="SPEC.csv", help="link specs, read in this order")
    ap.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout (only on success)")
    ap.add_argument("--self-test", action="store_true", help="run the built-in tests and exit")
    args = ap.parse_args(argv)
    if args.self_test:
        self_test()
        return 0
    if not args.specs:
        ap.error("DATA_DIR, PLACES.csv, LINES.csv and at least one SPEC.csv are required (or use --self-test)")
    if not os.path.isdir(args.data_dir):
        print(f"error: {args.data_dir}: not a folder", file=sys.stderr)
        return 1
    rows, errors, warnings = build(args.data_dir, args.places, args.lines, args.specs)
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
