import CorridorCore
import CorridorKit

/// `corridor reach NETWORK --from 长春 [--within 30,60,120] …`: the places within each
/// threshold of one or more origins (or, `--reverse`, that reach them), band by band,
/// with population covered; a before/after comparison of two scenarios; the plans'
/// radius check; GeoJSON for QGIS.
enum ReachCommand: Command {
    static let formats = ["table", "csv", "json", "geojson"]

    static let arguments = Arguments(
        command: "corridor reach",
        options: [
            .value("--from", placeholder: "PLACE", repeats: true, required: true,
                   help: "an origin; several repeated or comma-separated, each place gets its nearest"),
            .value("--within", placeholder: "LIMITS", default: "30,60,120",
                   help: "band limits, comma-separated, in the measure's unit; a place exactly at a limit is within it"),
            .flag("--reverse", help: "who reaches the origins within the limits (a catchment), instead of whom they reach"),
            CommonOptions.by,
            CommonOptions.modes,
            CommonOptions.scenario,
            .value("--compare", placeholder: "SCENARIO", repeats: true, completes: .choices(["base", "all", "2026"]),
                   help: "compare two scenarios, --compare A B (or --compare A --compare B): places gained and lost per band"),
            .flag("--radius-check", help: "list settlements inside a radius but outside its band, and the reverse"),
            .value("--radii", placeholder: "KM", default: "40,100,500",
                   help: "the radii for --radius-check, one per band (the plans' 40, 100 and 500 km)"),
            .flag("--all-places", help: "in the table, list stations, airports and junctions too (csv, json and geojson always do)"),
            CommonOptions.format(formats),
            OutputTarget.option,
        ],
        positionals: [CommonOptions.network, .alternative("SCENARIO_B", help: "the second scenario of --compare A B")],
        description: """
            The 30-minute, 1-hour and 2-hour circles (半小时生活圈, 1小时通勤圈, 2小时通达圈) \
            of one or more places, or any limits, by time, distance or freight cost: for \
            every place its value, band, nearest origin and route (modes, transfers), and \
            per band the places and population covered, in all and per prefecture. On a \
            DIMACS graph, places are node ids and limits are in arc-cost units.
            """,
        examples: [
            "corridor reach jilin --from 长春",
            "corridor reach jilin --from 长春 --from 吉林 --within 60,120 --modes hsr",
            "corridor reach jilin --from 长春 --compare base all",
            "corridor reach jilin --from 长春 --radius-check",
            "corridor reach jilin --from 长春 --format geojson -o changchun.geojson",
        ])

    static func execute(_ p: ParsedArguments, console: Console) throws -> Int32 {
        let command = arguments.command
        let origins = p.list("--from")
        guard !origins.isEmpty else { throw UsageError(command: command, message: "--from is empty: name a place") }
        let format = try CommonOptions.format(p, among: formats, command: command)
        let thresholds = try CommonOptions.thresholds(p.value("--within") ?? "30,60,120", option: "--within", command: command)
        var compare = p.values("--compare")
        if let second = p.positional("SCENARIO_B") {
            guard compare.count == 1 else {
                throw UsageError(command: command, message: "unexpected argument \"\(second)\" (one NETWORK; or --compare A B)")
            }
            compare.append(second)
        }
        guard compare.isEmpty || compare.count == 2 else {
            throw UsageError(command: command, message: "--compare takes two scenarios: --compare A B")
        }
        if compare.count == 2 && compare[0].trimmingBlanks().lowercased() == compare[1].trimmingBlanks().lowercased() {
            throw UsageError(command: command, message: "--compare names \(compare[0]) twice: compare two different scenarios")
        }
        if !compare.isEmpty && p.isGiven("--scenario") {
            throw UsageError(command: command, message: "--compare names both scenarios; leave out --scenario")
        }
        var radii = try CommonOptions.thresholds(p.value("--radii") ?? "40,100,500", option: "--radii", command: command)
        let radiusCheck = p.flag("--radius-check")
        if radiusCheck {
            if let by = p.value("--by"), by != "time" {
                throw UsageError(command: command, message: "--radius-check compares the time circles with the plans' radii: it needs --by time, not --by \(by)")
            }
            guard Set(thresholds).count == thresholds.count else {
                throw UsageError(command: command, message: "--radius-check needs distinct limits in --within (one radius each)")
            }
            guard thresholds.count == radii.count else {
                throw UsageError(
                    command: command,
                    message: "--radius-check needs one radius per band: \(thresholds.count) limits in --within, \(radii.count) radii in --radii")
            }
            // Each radius goes with the limit written in its place; the bands are sorted.
            radii = zip(thresholds, radii).sorted { $0.0 < $1.0 }.map(\.1)
        } else if p.isGiven("--radii") {
            throw UsageError(command: command, message: "--radii needs --radius-check")
        }
        if radiusCheck && !compare.isEmpty {
            throw UsageError(command: command, message: "--radius-check and --compare are separate questions; ask one at a time")
        }
        let direction: SearchDirection = p.flag("--reverse") ? .backward : .forward
        let output = OutputTarget(path: p.value("--output"))

        let loaded: CommonOptions.Loaded
        switch CommonOptions.load(p.positional("NETWORK")!, output: p.value("--output"), command: command, console: console) {
        case .success(let l): loaded = l
        case .failure(let status): return status.code
        }
        switch loaded {
        case .dimacs(let graph, _):
            for option in ["--by", "--modes", "--scenario", "--compare", "--radius-check"] where p.isGiven(option) {
                throw UsageError(command: command, message: "\(option) does not apply to a DIMACS graph")
            }
            if format == "geojson" {
                throw UsageError(command: command, message: "--format geojson needs coordinates; a DIMACS graph has none")
            }
            let sources = try origins.map { text throws(UsageError) in
                try CommonOptions.node(text, option: "--from", in: graph, command: command)
            }.uniqued()
            try output.write(dimacs(graph, sources: sources, thresholds: thresholds, direction: direction, format: format),
                             console: console, format: format)
            return ExitCode.success
        case .network(let net):
            let metric = try CommonOptions.metric(p.value("--by") ?? "time", command: command)
            let modes = try CommonOptions.modes(p.value("--modes"), command: command)
            let names = PlaceResolver(net.network.places)
            let from = try origins.map { text throws(UsageError) in
                try CommonOptions.place(text, option: "--from", in: names, command: command)
            }.uniqued()
            if radiusCheck && format == "geojson" {
                // GeoJSON draws the radius circles; one that would cross the antimeridian or
                // enclose a pole is refused before any work (tables need no drawing).
                for origin in from {
                    let place = net.network.places[origin], centre = (lon: place.longitude, lat: place.latitude)
                    for radius in radii where !GeoJSON.circleFits(around: centre, radiusKm: radius) {
                        throw UsageError(
                            command: command,
                            message: "--radii: a \(JSONText.number(radius, decimals: 1)) km circle around \(place.nameZh) (\(place.id)) "
                                + "would cross the antimeridian or enclose a pole, which --format geojson does not draw; "
                                + (GeoJSON.largestFittingRadiusKm(around: centre) > 0
                                    ? "radii up to \(GeoJSON.largestFittingRadiusKm(around: centre)) km fit there"
                                    : "no radius fits there (at the antimeridian or a pole)"))
                    }
                }
            }
            let search = DijkstraSearch(net.graph)
            func reach(_ scenarioText: String, option: String = "--scenario") throws(UsageError) -> (Reach, Scenario) {
                let scenario = try CommonOptions.scenario(scenarioText, in: net, option: option, command: command, console: console)
                return (net.reach(from: from, within: thresholds, metric: metric, scenario: scenario, modes: modes,
                                  direction: direction, search: search), scenario)
            }
            let query = Query(
                net: net, metric: metric, modes: modes, direction: direction, allPlaces: p.flag("--all-places"))
            let text: String
            if compare.count == 2 {
                let (before, _) = try reach(compare[0], option: "--compare")
                let (after, _) = try reach(compare[1], option: "--compare")
                let change = ReachComparison(before: before, after: after)
                let names = (compare[0], compare[1])
                switch format {
                case "geojson": text = GeoJSON.comparison(change, in: net)
                case "csv": text = ReachReport.comparisonCSV(change, query)
                case "json": text = ReachReport.comparisonJSON(change, query, scenarios: names)
                default: text = ReachReport.comparisonTable(change, query, scenarios: names)
                }
            } else {
                let scenarioText = p.value("--scenario") ?? "base"
                let (result, scenario) = try reach(scenarioText)
                let check = radiusCheck ? RadiusCheck(result, radii: radii, in: net.network) : nil
                let scenarioLabel = (scenarioText, scenario.projects.sorted())
                switch format {
                case "geojson": text = GeoJSON.reach(result, in: net, radii: radiusCheck ? radii : nil)
                case "csv": text = check.map { ReachReport.radiusCSV($0, result, query) } ?? ReachReport.csv(result, query)
                case "json": text = ReachReport.json(result, query, scenario: scenarioLabel, radiusCheck: check)
                default: text = ReachReport.table(result, query, scenario: scenarioLabel, radiusCheck: check)
                }
            }
            try output.write(text, console: console, format: format)
            return ExitCode.success
        }
    }

    /// What every report of one reach question needs to say.
    struct Query {
        let net: NetworkGraph
        let metric: NetworkGraph.Metric
        let modes: Set<Mode>?
        let direction: SearchDirection
        let allPlaces: Bool
    }

    /// Reach on a DIMACS graph: per band, the nodes within and the sum of their values
    /// (table); every node with its value, band and origin (csv, json).
    static func dimacs(
        _ graph: Graph, sources: [NodeID], thresholds: [Double], direction: SearchDirection, format: String
    ) -> String {
        let bands = Array(Set(thresholds)).sorted()
        let limits = bands.map { Distance($0.rounded(.down)) }
        let search = DijkstraSearch(graph)
        search.run(from: sources, weights: graph.weights(0), direction: direction, limit: limits.last!)
        let nodes = search.settledNodes.filter { search.distance(to: $0) <= limits.last! }
            .sorted { (search.distance(to: $0), $0) < (search.distance(to: $1), $1) }
        let band = { (n: NodeID) in limits.firstIndex { search.distance(to: n) <= $0 }! }
        let origin = { (n: NodeID) in Int(sources[search.origin(of: n)!]) + 1 }
        switch format {
        case "csv":
            return CSVWriter().document([["node", "value", "band", "origin"]] + nodes.map {
                [String($0 + 1), String(search.distance(to: $0)), JSONText.number(bands[band($0)], decimals: 3), String(origin($0))]
            })
        case "json":
            return JSONText.object([
                ("sources", .array(sources.map { .integer(Int($0) + 1) })),
                // As a network's reach says it: "from" the sources, or (--reverse) "to" them.
                ("direction", .string(direction == .forward ? "from" : "to")),
                ("thresholds", .array(bands.map { .number($0, decimals: 3) })),
                ("nodes", .array(nodes.map {
                    .object([("node", .integer(Int($0) + 1)), ("value", .integer(Int(search.distance(to: $0)))),
                             ("band", .number(bands[band($0)], decimals: 3)), ("origin", .integer(origin($0)))])
                })),
            ]).rendered(indent: 2)
        default:
            var t = TextTable(columns: [.right("within"), .right("nodes"), .right("sum of values")])
            for (i, limit) in limits.enumerated() {
                let within = nodes.filter { search.distance(to: $0) <= limit }
                t.append([JSONText.number(bands[i], decimals: 3), String(within.count),
                          String(within.reduce(Distance(0)) { $0 + search.distance(to: $1) })])
            }
            let what = direction == .forward ? "from" : "to"
            return "reach \(what) node\(sources.count == 1 ? "" : "s") \(sources.map { String($0 + 1) }.joined(separator: ", ")) (arc-cost units)\n\n"
                + t.render()
        }
    }
}
