#!/usr/bin/env python3
"""timetable-runtimes.py - HSR/EMU run times between stations, from the 2016 12306 timetable.

Source
    DATA_DIR/timetable_2016_northeast_stops.csv: the full stop lists of 517
    high-speed/EMU schedules in the Northeast, 12306 timetable of 2016-03-10,
    from metromancn/Parse12306 (MIT). One row per stop, with the columns
    train, variant, origin, destination, kind, seq, station, telecode, arr,
    dep, lon_gcj, lat_gcj, run_days. Every output row carries the citation
    "timetable_2016_northeast_stops.csv (12306, 2016-03-10; metromancn/Parse12306, MIT)".

Usage
    python3 Tools/timetable-runtimes.py DATA_DIR [--pairs FILE] [--format csv|md]
    python3 Tools/timetable-runtimes.py --self-test

    DATA_DIR is the reference-data folder that holds the timetable file (it is
    never hard-coded). Without --pairs, every consecutive station pair is
    written. With --pairs FILE (a CSV with the header `from,to`, station
    names spelled exactly as in the timetable), only the requested pairs are
    written: a `through` row for each, plus a `consecutive` row when some
    trains also run that pair without an intermediate stop. Output goes to
    stdout; notes (skipped pairs, data quirks) go to stderr. An unknown station
    name in FILE is an error (exit status 1, nothing on stdout), and the
    message lists the timetable stations whose names contain it or are close
    to it.

Output columns
    from,to,kind,trains,min_minutes,median_minutes,max_minutes,fastest_train,source
    Rows are sorted by from, then to (Python code-point order of the Chinese
    names), then kind (consecutive before through), so the output is
    byte-for-byte reproducible.

Method
    A schedule is one (train, variant) stop list, ordered by seq. Only the
    departure from A and the arrival at B are used: the arrival time at a
    train's first stop and the departure time at its last stop are ignored
    (one origin row, G1275/G1278 at 武汉, has a placeholder arrival "00:00").

    consecutive  A and B are successive stops of a schedule (seq n and n+1).
                 Run time = arrival at B - departure from A, in whole minutes.
                 Directions are kept apart: A -> B and B -> A are two rows.
    through      any schedule that calls at A and later at B, whatever it does
                 in between (non-stop trains included). Through time =
                 arrival at B - departure from A. Used for requested pairs
                 such as 长春 -> 珲春 that no train runs without stopping.

    Midnight rule: times are HH:MM clock times. Walking along a schedule, an
    event time earlier than the previous event is taken as the next day
    (+24 h); for a single A -> B step this is "add 24 h when the difference is
    negative". So 23:50 -> 00:10 is 20 min. (No schedule in the file runs
    24 h or more, so this is unambiguous.)

    Missing times: a pair whose departure from A or arrival at B is blank is
    skipped and counted in a note on stderr (the 2016 file has none).

    Gaps in seq: 19 schedules lack some stop rows (e.g. G896/G897 has seq 1,
    4, 5, 7, so a stop between 长春 and 吉林 is not listed). Two rows on either
    side of such a gap are NOT consecutive stops and never give a
    `consecutive` row; they still count for `through` pairs, because the
    times at A and B are real. Each gap is noted on stderr.

    Date variants: 7 train numbers have two variants with different date
    windows (run_days), e.g. C1002 v1 runs 延吉西 -> 长春 non-stop
    (2016-01-30..2016-03-03) and v2 stops at 敦化 and 蛟河西
    (2016-03-04..2016-03-29). All schedules in the file are used whatever
    their run_days (which also include Spring-Festival-only windows and a few
    reversed ranges such as 2016-03-04..2016-02-28, kept as published). For a
    pair, variants of one train number with the same departure and arrival
    times count as one train; variants with different times count separately
    and are labelled, e.g. "C1002(v1)". A train number with a single variant,
    or whose variants all agree on the pair, is written plainly.

    trains          number of distinct train runs (as above) giving the pair.
    min/max         fastest and slowest run time, minutes.
    median          of the run times, one per train; with an odd count the
                    middle value, with an even count the mean of the two
                    middle values, which with whole minutes is always a
                    multiple of 0.5 min (written e.g. 27.5; no other rounding).
    fastest_train   every train number that achieves the minimum, naturally
                    sorted (G48 before G394), joined with ";".

Limits
    This is the 2016-03-10 timetable. Later timetables are somewhat faster,
    and lines opened later are absent: 敦白 (Dunhua-Baihe, 2021) and 沈白
    (Shenyang-Baihe, 2025); the 2024 speed-up of the 长白 (Changchun-Baicheng)
    railway is not reflected (the file covers EMU/HSR trains only). The file
    holds only the 517 Northeast EMU/HSR schedules extracted by Parse12306,
    so conventional trains are not counted. Times are published clock minutes,
    so each run time is exact to the minute as scheduled, not as operated.
"""

import argparse
import csv
import difflib
import io
import os
import re
import sys
from collections import defaultdict

TIMETABLE = "timetable_2016_northeast_stops.csv"
SOURCE = "timetable_2016_northeast_stops.csv (12306, 2016-03-10; metromancn/Parse12306, MIT)"
COLUMNS = ["from", "to", "kind", "trains", "min_minutes", "median_minutes",
           "max_minutes", "fastest_train", "source"]
REQUIRED = ["train", "variant", "seq", "station", "arr", "dep"]
TIME_RE = re.compile(r"^([0-9]{1,2}):([0-5][0-9])$")
DAY = 24 * 60


class DataError(Exception):
    pass


# ---------------------------------------------------------------- loading

def parse_clock(text, where):
    """'HH:MM' -> minutes after midnight; '' -> None."""
    text = text.strip()
    if not text:
        return None
    m = TIME_RE.match(text)
    if not m or int(m.group(1)) > 23:
        raise DataError(f"{where}: bad time {text!r}")
    return int(m.group(1)) * 60 + int(m.group(2))


def load_schedules(stream, name=TIMETABLE):
    """Read the stop CSV; return {(train, variant): [stop, ...]} ordered by seq.

    Each stop is a dict with station, seq, arr, dep (absolute minutes from
    the day of the first departure, after the midnight rule; None if blank or
    unused: arr at the first stop and dep at the last stop are never used).
    """
    reader = csv.DictReader(stream)
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise DataError(f"{name}: missing column(s) {', '.join(missing)}")
    raw = defaultdict(list)
    for lineno, row in enumerate(reader, start=2):
        where = f"{name}:{lineno}"
        try:
            seq = int(row["seq"])
        except ValueError:
            raise DataError(f"{where}: bad seq {row['seq']!r}") from None
        raw[(row["train"].strip(), row["variant"].strip())].append({
            "seq": seq,
            "station": row["station"].strip(),
            "arr_clock": parse_clock(row["arr"], where),
            "dep_clock": parse_clock(row["dep"], where),
            "line": lineno,
        })
    schedules = {}
    for key, stops in raw.items():
        stops.sort(key=lambda s: s["seq"])
        seqs = [s["seq"] for s in stops]
        if len(set(seqs)) != len(seqs):
            raise DataError(f"{name}: train {key[0]} variant {key[1]} repeats a seq")
        last = len(stops) - 1
        prev = None   # absolute minutes of the previous event
        offset = 0    # whole days added so far
        for i, s in enumerate(stops):
            for field, use in (("arr", i > 0), ("dep", i < last)):
                clock = s[field + "_clock"] if use else None
                if clock is None:
                    s[field] = None
                    continue
                t = clock + offset
                while prev is not None and t < prev:   # midnight rule
                    offset += DAY
                    t += DAY
                s[field] = t
                prev = t
        schedules[key] = stops
    return schedules


# ---------------------------------------------------------------- aggregation

def natural_key(train):
    return [(0, int(p), "") if p.isdigit() else (1, 0, p)
            for p in re.findall(r"\d+|\D+", train)]


def variant_counts(schedules):
    n = defaultdict(set)
    for train, variant in schedules:
        n[train].add(variant)
    return n


def collapse(observations, variants_of):
    """observations: [(train, variant, dep, arr)] for one pair and kind.

    Variants of one train number with identical (dep, arr) clock times are one
    train. Returns [(label, minutes)].
    """
    groups = defaultdict(set)
    for train, variant, dep, arr in observations:
        groups[(train, dep % DAY, arr - dep)].add(variant)
    out = []
    for (train, _dep, minutes), vs in groups.items():
        label = train
        if vs != variants_of[train]:
            label = f"{train}(v{'+v'.join(sorted(vs, key=natural_key))})"
        out.append((label, minutes))
    return out


def fmt_median(values):
    v = sorted(values)
    n = len(v)
    if n % 2:
        return str(v[n // 2])
    twice = v[n // 2 - 1] + v[n // 2]          # mean = twice / 2, a multiple of 0.5
    return str(twice // 2) if twice % 2 == 0 else f"{twice // 2}.5"


def summarise(frm, to, kind, runs):
    if not runs:
        return {"from": frm, "to": to, "kind": kind, "trains": "0",
                "min_minutes": "", "median_minutes": "", "max_minutes": "",
                "fastest_train": "", "source": SOURCE}
    minutes = [m for _, m in runs]
    lo = min(minutes)
    fastest = sorted({label for label, m in runs if m == lo}, key=natural_key)
    return {"from": frm, "to": to, "kind": kind, "trains": str(len(runs)),
            "min_minutes": str(lo), "median_minutes": fmt_median(minutes),
            "max_minutes": str(max(minutes)), "fastest_train": ";".join(fastest),
            "source": SOURCE}


def consecutive_observations(schedules, notes, gaps):
    """{(A, B): [(train, variant, dep, arr)]} for successive stops.

    Rows on either side of a seq gap go to gaps as ((A, B), note) instead.
    """
    obs = defaultdict(list)
    for (train, variant), stops in schedules.items():
        for a, b in zip(stops, stops[1:]):
            if b["seq"] != a["seq"] + 1:
                gaps.append(((a["station"], b["station"]),
                             f"seq gap: {train} v{variant} {a['station']} (seq {a['seq']}) -> "
                             f"{b['station']} (seq {b['seq']}): not consecutive, used for through times only"))
                continue
            if a["dep"] is None or b["arr"] is None:
                notes.append(f"missing time: {train} v{variant} {a['station']} -> {b['station']}: skipped")
                continue
            obs[(a["station"], b["station"])].append((train, variant, a["dep"], b["arr"]))
    return obs


def through_observations(schedules, frm, to, notes):
    """[(train, variant, dep, arr)] for schedules calling at frm and later at to."""
    obs = []
    for (train, variant), stops in schedules.items():
        best = None
        for i, a in enumerate(stops):
            if a["station"] != frm:
                continue
            for b in stops[i + 1:]:
                if b["station"] != to:
                    continue
                if a["dep"] is None or b["arr"] is None:
                    notes.append(f"missing time: {train} v{variant} {frm} -> {to}: skipped")
                    continue
                if best is None or b["arr"] - a["dep"] < best[1] - best[0]:
                    best = (a["dep"], b["arr"])
        if best:
            obs.append((train, variant, best[0], best[1]))
    return obs


def build_rows(schedules, pairs, notes):
    variants_of = variant_counts(schedules)
    gaps = []
    cons = consecutive_observations(schedules, notes, gaps)
    # Seq-gap notes: all of them for the full listing, only the requested pairs' with --pairs.
    wanted = None if pairs is None else set(pairs)
    notes.extend(n for pair, n in gaps if wanted is None or pair in wanted)
    rows = []
    if pairs is None:
        for (a, b), o in cons.items():
            rows.append(summarise(a, b, "consecutive", collapse(o, variants_of)))
    else:
        for a, b in dict.fromkeys(pairs):       # de-duplicate, keep one per pair
            if (a, b) in cons:
                rows.append(summarise(a, b, "consecutive", collapse(cons[(a, b)], variants_of)))
            runs = collapse(through_observations(schedules, a, b, notes), variants_of)
            if not runs:
                notes.append(f"no train calls at {a} and later at {b}")
            rows.append(summarise(a, b, "through", runs))
    rows.sort(key=lambda r: (r["from"], r["to"], r["kind"]))
    return rows


# ---------------------------------------------------------------- I/O

def read_pairs(path, stations):
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        if not reader.fieldnames or "from" not in reader.fieldnames or "to" not in reader.fieldnames:
            raise DataError(f"{path}: needs a header with columns from,to")
        pairs = []
        errors = []
        for lineno, row in enumerate(reader, start=2):
            a, b = (row["from"] or "").strip(), (row["to"] or "").strip()
            if not a and not b:
                continue
            for name in (a, b):
                if name not in stations:
                    near = sorted(s for s in stations if name and (name in s or s in name))
                    if not near:
                        near = difflib.get_close_matches(name, sorted(stations), n=3, cutoff=0.5)
                    hint = f" (timetable has: {', '.join(near)})" if near else ""
                    errors.append(f"{path}:{lineno}: unknown station {name!r}{hint}")
            if a == b:
                errors.append(f"{path}:{lineno}: from and to are the same station {a!r}")
            pairs.append((a, b))
    if errors:
        raise DataError("\n".join(errors))
    return pairs


def write(rows, fmt, out):
    if fmt == "csv":
        w = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    else:
        out.write("| " + " | ".join(COLUMNS) + " |\n")
        out.write("|" + "|".join("---" for _ in COLUMNS) + "|\n")
        for r in rows:
            out.write("| " + " | ".join(r[c].replace("|", "\\|") for c in COLUMNS) + " |\n")


# ---------------------------------------------------------------- self-test

SELF_TEST_CSV = """\
train,variant,origin,destination,kind,seq,station,telecode,arr,dep,lon_gcj,lat_gcj,run_days
T1,1,甲,丙,动车,1,甲,,00:00,23:50,,,ALL
T1,1,甲,丙,动车,2,乙,,00:10,00:12,,,ALL
T1,1,甲,丙,动车,3,丙,,00:40,00:40,,,ALL
T2,1,甲,丙,动车,1,甲,,,08:00,,,ALL
T2,1,甲,丙,动车,2,乙,,08:25,08:27,,,ALL
T2,1,甲,丙,动车,3,丙,,09:00,09:00,,,ALL
T3,1,甲,乙,动车,1,甲,,,10:00,,,ALL
T3,1,甲,乙,动车,2,乙,,10:30,10:30,,,ALL
T4,1,甲,乙,动车,1,甲,,,12:00,,,ALL
T4,1,甲,乙,动车,2,乙,,12:41,12:41,,,ALL
T5,1,甲,乙,动车,1,甲,,,14:00,,,2016-01-30..2016-03-03
T5,1,甲,乙,动车,2,乙,,14:20,14:20,,,2016-01-30..2016-03-03
T5,2,甲,乙,动车,1,甲,,,14:00,,,2016-03-04..2016-03-29
T5,2,甲,乙,动车,2,乙,,14:20,14:20,,,2016-03-04..2016-03-29
T6,1,甲,丙,动车,1,甲,,,16:00,,,2016-01-30..2016-03-03
T6,1,甲,丙,动车,2,丙,,16:35,16:35,,,2016-01-30..2016-03-03
T6,2,甲,丙,动车,1,甲,,,16:00,,,2016-03-04..2016-03-29
T6,2,甲,丙,动车,2,乙,,16:22,16:24,,,2016-03-04..2016-03-29
T6,2,甲,丙,动车,3,丙,,16:50,16:50,,,2016-03-04..2016-03-29
T7,1,丙,甲,动车,1,丙,,,18:00,,,ALL
T7,1,丙,甲,动车,3,甲,,18:50,18:50,,,ALL
T8,1,乙,丙,动车,1,乙,,,20:00,,,ALL
T8,1,乙,丙,动车,2,丙,,,20:30,,,ALL
"""


def self_test():
    notes = []
    sch = load_schedules(io.StringIO(SELF_TEST_CSV), "self-test")

    def row(rows, a, b, kind):
        hits = [r for r in rows if (r["from"], r["to"], r["kind"]) == (a, b, kind)]
        assert len(hits) == 1, (a, b, kind, hits)
        r = hits[0]
        return (r["trains"], r["min_minutes"], r["median_minutes"], r["max_minutes"], r["fastest_train"])

    rows = build_rows(sch, None, notes)
    # 甲->乙: T1 20 (23:50 -> 00:10, midnight), T2 25, T3 30, T4 41, T5 20 (v1 and v2
    # identical -> one train), T6(v2) 22. Six trains, even: median (22 + 25) / 2 = 23.5.
    assert row(rows, "甲", "乙", "consecutive") == ("6", "20", "23.5", "41", "T1;T5"), row(rows, "甲", "乙", "consecutive")
    # 乙->丙: T1 28, T2 33, T6(v2) 26; T8 has no arrival time -> skipped. Odd count.
    assert row(rows, "乙", "丙", "consecutive") == ("3", "26", "28", "33", "T6(v2)")
    # 甲->丙 consecutive only on T6 v1 (35); T7 丙->甲 has a seq gap -> not consecutive.
    assert row(rows, "甲", "丙", "consecutive") == ("1", "35", "35", "35", "T6(v1)")
    assert not [r for r in rows if (r["from"], r["to"]) == ("丙", "甲")]
    assert [(r["from"], r["to"]) for r in rows] == [("乙", "丙"), ("甲", "丙"), ("甲", "乙")]  # code-point order
    assert any("missing time: T8" in n for n in notes) and any("seq gap: T7" in n for n in notes)

    notes = []
    rows = build_rows(sch, [("甲", "丙"), ("丙", "甲"), ("丙", "乙")], notes)
    # 甲->丙 through: T1 50 (23:50 -> 00:40), T2 60, T6 v1 35, T6 v2 50. Even (4): median (50 + 50) / 2 = 50.
    assert row(rows, "甲", "丙", "through") == ("4", "35", "50", "60", "T6(v1)")
    assert row(rows, "甲", "丙", "consecutive") == ("1", "35", "35", "35", "T6(v1)")
    # 丙->甲 through across the seq gap: T7 50.
    assert row(rows, "丙", "甲", "through") == ("1", "50", "50", "50", "T7")
    assert row(rows, "丙", "乙", "through") == ("0", "", "", "", "")
    assert any("seq gap: T7" in n for n in notes) and any("no train calls at 丙 and later at 乙" in n for n in notes)

    assert fmt_median([1, 2]) == "1.5" and fmt_median([3, 1, 2]) == "2" and fmt_median([2, 4]) == "3"
    out = io.StringIO()
    write(rows, "csv", out)
    assert out.getvalue().splitlines()[0] == ",".join(COLUMNS)
    print("self-test: all assertions passed")


# ---------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description="Run times between stations from the 2016 12306 timetable.")
    ap.add_argument("data_dir", nargs="?", metavar="DATA_DIR",
                    help=f"reference-data folder containing {TIMETABLE}")
    ap.add_argument("--pairs", metavar="FILE", help="CSV with columns from,to: report through times for these")
    ap.add_argument("--format", choices=["csv", "md"], default="csv")
    ap.add_argument("--self-test", action="store_true", help="run the built-in tests and exit")
    args = ap.parse_args(argv)

    if args.self_test:
        self_test()
        return 0
    if not args.data_dir:
        ap.error("DATA_DIR is required (or use --self-test)")
    path = os.path.join(args.data_dir, TIMETABLE)
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            schedules = load_schedules(f)
        stations = {s["station"] for stops in schedules.values() for s in stops}
        pairs = read_pairs(args.pairs, stations) if args.pairs else None
    except (OSError, DataError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    notes = []
    rows = build_rows(schedules, pairs, notes)
    write(rows, args.format, sys.stdout)
    for n in notes:
        print(f"note: {n}", file=sys.stderr)
    print(f"note: {len(schedules)} schedules, {len(stations)} stations, {len(rows)} rows", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
