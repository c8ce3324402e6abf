import CorridorCore
import CorridorKit

/// The text forms of a reach answer: an aligned table for reading, CSV for a
/// spreadsheet, JSON for programs (field names documented in docs/cli-output.md).
enum ReachReport {
    typealias Query = ReachCommand.Query

    static func describe(_ r: Reach, _ q: Query, scenario: String) -> String {
        let places = q.net.network.places
        let origins = r.origins.map { "\(places[$0].nameZh) (\(places[$0].id))" }.joined(separator: ", ")
        let limits = r.thresholds.map { JSONText.number($0, decimals: 3) }.joined(separator: ", ")
        var parts = ["by \(q.metric.word)"]
        if let modes = q.modes { parts.append("modes " + modes.sorted().map(\.rawValue).joined(separator: "+")) }
        parts.append("scenario \(scenario)")
        return "reach \(r.direction == .forward ? "from" : "to") \(origins) within \(limits) \(q.metric.unit)"
            + " (" + parts.joined(separator: ", ") + ")"
    }

    /// Whether the table lists `place`: settlements, ports, crossings and foreign places;
    /// stations, airports and junctions only with `--all-places`.
    static func listed(_ place: Place, _ q: Query) -> Bool {
        q.allPlaces || ![.station, .airport, .junction].contains(place.kind)
    }

    static func band(_ r: Reach, _ index: Int) -> String { "≤" + JSONText.number(r.thresholds[index], decimals: 3) }

    /// What a table shows for a place not reached: more than the largest limit, which is
    /// all a bounded search knows ("> 120").
    static func beyond(_ r: Reach) -> String { "> " + JSONText.number(r.thresholds.last ?? 0, decimals: 3) }

    static func modes(_ m: [Mode]) -> String { m.isEmpty ? "—" : m.map(\.rawValue).joined(separator: "+") }

    static func thousands(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    static func table(_ r: Reach, _ q: Query, scenario: (name: String, projects: [String]), radiusCheck: RadiusCheck?) -> String {
        let network = q.net.network
        let summary = ReachSummary(r, in: network)
        var lines = [describe(r, q, scenario: scenario.name)]
        if !scenario.projects.isEmpty { lines.append("projects built: " + scenario.projects.joined(separator: ", ")) }
        lines.append("")
        var bands = TextTable(columns: [.left("band"), .right("places"), .right("settlements"), .right("population")])
        for b in summary.bands.indices {
            let s = summary.bands[b]
            bands.append([band(r, b), String(s.places), String(s.settlements), thousands(s.population)])
        }
        lines.append(bands.render())

        let prefectures = Set(summary.bands.flatMap { $0.byPrefecture.map(\.prefecture) }).sorted()
        if !prefectures.isEmpty {
            lines.append("")
            lines.append("population (settlements) within each band, per prefecture:")
            var t = TextTable(columns: [.left("prefecture")] + r.thresholds.indices.map { .right(band(r, $0)) })
            for pre in prefectures {
                t.append(["\(network.places[pre].nameZh) \(network.places[pre].id)"] + summary.bands.map { s in
                    let cell = s.byPrefecture.first { $0.prefecture == pre }
                    return "\(thousands(cell?.population ?? 0)) (\(cell?.settlements ?? 0))"
                })
            }
            lines.append(t.render())
        }

        lines.append("")
        var t = TextTable(columns: [
            // With --reverse each place travels to its nearest origin: the column says so.
            .left("place"), .left("kind"), .right(q.metric.unit), .right("band"),
            .left(r.direction == .forward ? "origin" : "to"), .left("modes"), .right("transfers"),
        ])
        for p in r.places {
            let place = network.places[p.place]
            guard listed(place, q) else { continue }
            t.append([
                "\(place.nameZh) \(place.id)", place.kind.rawValue, CommonOptions.shown(p.value, q.metric), band(r, p.band),
                network.places[p.origin].nameZh, modes(p.modes), String(p.transfers),
            ])
        }
        lines.append(t.render())
        if let check = radiusCheck {
            lines.append("")
            lines.append("radius check (great-circle km to the nearest origin):")
            lines.append(radiusTable(check, r, q))
        }
        return lines.joined(separator: "\n")
    }

    static func radiusTable(_ check: RadiusCheck, _ r: Reach, _ q: Query) -> String {
        guard !check.mismatches.isEmpty else { return "every settlement's band agrees with its radius" }
        var t = TextTable(columns: [.left("band"), .right("radius km"), .left("place"), .right("km"), .right(q.metric.unit), .left("finding")])
        for m in check.mismatches {
            let place = q.net.network.places[m.place]
            t.append([
                band(r, m.band), JSONText.number(check.radii[m.band], decimals: 3), "\(place.nameZh) \(place.id)",
                JSONText.number(m.km, decimals: 1), m.value.map { CommonOptions.shown($0, q.metric) } ?? beyond(r),
                m.kind.rawValue,
            ])
        }
        return t.render()
    }

    static let csvHeader = [
        "id", "name_zh", "name_en", "kind", "value", "unit", "band", "origin", "modes", "transfers", "population", "prefecture",
    ]

    static func csv(_ r: Reach, _ q: Query) -> String {
        let network = q.net.network
        let prefecture = network.prefectureOfPlace()
        var rows = [csvHeader]
        for p in r.places {
            let place = network.places[p.place]
            rows.append([
                place.id, place.nameZh, place.nameEn, place.kind.rawValue, JSONText.number(p.value, decimals: 3),
                q.metric.unit, JSONText.number(r.thresholds[p.band], decimals: 3), network.places[p.origin].id,
                p.modes.map(\.rawValue).joined(separator: "+"), String(p.transfers),
                place.population.map(String.init) ?? "", prefecture[p.place].map { network.places[$0].id } ?? "",
            ])
        }
        return CSVWriter().document(rows)
    }

    static func radiusCSV(_ check: RadiusCheck, _ r: Reach, _ q: Query) -> String {
        var rows = [["band", "radius_km", "id", "name_zh", "km", "value", "unit", "finding"]]
        for m in check.mismatches {
            let place = q.net.network.places[m.place]
            rows.append([
                JSONText.number(r.thresholds[m.band], decimals: 3), JSONText.number(check.radii[m.band], decimals: 3),
                place.id, place.nameZh, JSONText.number(m.km, decimals: 1),
                m.value.map { JSONText.number($0, decimals: 3) } ?? "", q.metric.unit, m.kind.rawValue,
            ])
        }
        return CSVWriter().document(rows)
    }

    static func placeJSON(_ i: Int, _ network: Network) -> JSONText {
        let p = network.places[i]
        return .object([("id", .string(p.id)), ("name_zh", .string(p.nameZh)), ("name_en", .string(p.nameEn))])
    }

    static func json(_ r: Reach, _ q: Query, scenario: (name: String, projects: [String]), radiusCheck: RadiusCheck?) -> String {
        let network = q.net.network
        let summary = ReachSummary(r, in: network)
        let prefecture = network.prefectureOfPlace()
        var members: [(String, JSONText)] = [
            ("origins", .array(r.origins.map { placeJSON($0, network) })),
            ("direction", .string(r.direction == .forward ? "from" : "to")),
            ("by", .string(q.metric.word)), ("unit", .string(q.metric.unit)),
            ("thresholds", .array(r.thresholds.map { .number($0, decimals: 3) })),
            ("modes", q.modes.map { .array($0.sorted().map { .string($0.rawValue) }) } ?? .null),
            ("scenario", .string(scenario.name)), ("projects", .array(scenario.projects.map(JSONText.string))),
            ("bands", .array(summary.bands.map { b in
                .object([
                    ("threshold", .number(b.threshold, decimals: 3)), ("places", .integer(b.places)),
                    ("settlements", .integer(b.settlements)), ("population", .integer(b.population)),
                    ("prefectures", .array(b.byPrefecture.map {
                        .object([("id", .string(network.places[$0.prefecture].id)),
                                 ("name_zh", .string(network.places[$0.prefecture].nameZh)),
                                 ("settlements", .integer($0.settlements)),
                                 ("population", .integer($0.population))])
                    })),
                ])
            })),
            ("places", .array(r.places.map { p in
                let place = network.places[p.place]
                return .object([
                    ("id", .string(place.id)), ("name_zh", .string(place.nameZh)), ("kind", .string(place.kind.rawValue)),
                    ("value", .number(p.value, decimals: 3)), ("band", .number(r.thresholds[p.band], decimals: 3)),
                    ("origin", .string(network.places[p.origin].id)),
                    ("modes", .array(p.modes.map { .string($0.rawValue) })), ("transfers", .integer(p.transfers)),
                    ("population", place.population.map { .integer($0) } ?? .null),
                    ("prefecture", prefecture[p.place].map { .string(network.places[$0].id) } ?? .null),
                ])
            })),
        ]
        if let check = radiusCheck {
            members.append(("radius_check", .array(check.mismatches.map { m in
                .object([
                    ("band", .number(r.thresholds[m.band], decimals: 3)), ("radius_km", .number(check.radii[m.band], decimals: 3)),
                    ("id", .string(network.places[m.place].id)), ("km", .number(m.km, decimals: 1)),
                    ("value", .optional(m.value, decimals: 3)), ("finding", .string(m.kind.rawValue)),
                ])
            })))
        }
        return JSONText.object(members).rendered(indent: 2)
    }

    // MARK: Comparison

    static func comparisonTable(_ c: ReachComparison, _ q: Query, scenarios: (String, String)) -> String {
        let network = q.net.network
        let r = c.after
        var lines = [describe(r, q, scenario: "\(scenarios.0) → \(scenarios.1)"), ""]
        let before = ReachSummary(c.before, in: network), after = ReachSummary(c.after, in: network)
        let shown = { (changes: [PlaceChange]) in changes.filter { listed(network.places[$0.place], q) } }
        let value = { (p: ReachedPlace?) in p.map { CommonOptions.shown($0.value, q.metric) } ?? beyond(r) }
        var t = TextTable(columns: [
            // Headed by the scenarios' own names: "places base", "places all".
            .left("band"), .right("places \(scenarios.0)"), .right("places \(scenarios.1)"),
            .right("population \(scenarios.0)"), .right("population \(scenarios.1)"), .right("gained"), .right("lost"),
        ])
        for b in r.thresholds.indices {
            t.append([
                band(r, b), String(before.bands[b].places), String(after.bands[b].places),
                thousands(before.bands[b].population), thousands(after.bands[b].population),
                String(shown(c.gained(band: b)).count), String(shown(c.lost(band: b)).count),
            ])
        }
        lines.append(t.render())
        if !q.allPlaces {
            lines.append("(gained and lost: places other than stations, airports and junctions; --all-places for those too)")
        }
        for b in r.thresholds.indices {
            let gained = shown(c.gained(band: b)), lost = shown(c.lost(band: b))
            guard !gained.isEmpty || !lost.isEmpty else { continue }
            lines.append("")
            lines.append("\(band(r, b)) \(q.metric.unit): \(gained.count) gained, \(lost.count) lost")
            var t = TextTable(columns: [.left("place"), .left("kind"), .right(scenarios.0), .right(scenarios.1), .right("change")])
            for change in gained + lost {
                let place = network.places[change.place]
                t.append([
                    "\(place.nameZh) \(place.id)", place.kind.rawValue, value(change.before), value(change.after),
                    change.delta.map { ($0 > 0 ? "+" : "") + CommonOptions.shown($0, q.metric) } ?? "—",
                ])
            }
            lines.append(t.render())
        }
        return lines.joined(separator: "\n")
    }

    static func comparisonCSV(_ c: ReachComparison, _ q: Query) -> String {
        let network = q.net.network
        var rows = [["id", "name_zh", "kind", "value_before", "value_after", "delta", "band_before", "band_after", "unit"]]
        let limits = c.after.thresholds
        for change in c.places {
            let place = network.places[change.place]
            rows.append([
                place.id, place.nameZh, place.kind.rawValue,
                change.before.map { JSONText.number($0.value, decimals: 3) } ?? "",
                change.after.map { JSONText.number($0.value, decimals: 3) } ?? "",
                change.delta.map { JSONText.number($0, decimals: 3) } ?? "",
                change.before.map { JSONText.number(limits[$0.band], decimals: 3) } ?? "",
                change.after.map { JSONText.number(limits[$0.band], decimals: 3) } ?? "", q.metric.unit,
            ])
        }
        return CSVWriter().document(rows)
    }

    static func comparisonJSON(_ c: ReachComparison, _ q: Query, scenarios: (String, String)) -> String {
        let network = q.net.network
        let limits = c.after.thresholds
        return JSONText.object([
            ("origins", .array(c.after.origins.map { placeJSON($0, network) })),
            ("direction", .string(c.after.direction == .forward ? "from" : "to")),
            ("by", .string(q.metric.word)), ("unit", .string(q.metric.unit)),
            ("thresholds", .array(limits.map { .number($0, decimals: 3) })),
            ("before", .string(scenarios.0)), ("after", .string(scenarios.1)),
            ("bands", .array(limits.indices.map { b in
                .object([
                    ("threshold", .number(limits[b], decimals: 3)),
                    ("gained", .array(c.gained(band: b).map { .string(network.places[$0.place].id) })),
                    ("lost", .array(c.lost(band: b).map { .string(network.places[$0.place].id) })),
                ])
            })),
            ("places", .array(c.places.map { change in
                .object([
                    ("id", .string(network.places[change.place].id)),
                    ("value_before", .optional(change.before?.value, decimals: 3)),
                    ("value_after", .optional(change.after?.value, decimals: 3)),
                    ("delta", .optional(change.delta, decimals: 3)),
                    ("band_before", .optional(change.before.map { limits[$0.band] }, decimals: 3)),
                    ("band_after", .optional(change.after.map { limits[$0.band] }, decimals: 3)),
                ])
            })),
        ]).rendered(indent: 2)
    }
}
