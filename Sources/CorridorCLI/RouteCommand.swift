import CorridorCore
import CorridorKit

/// `corridor route NETWORK --from A --to B …`: the best route between two places by
/// time, distance or freight cost, its legs by mode, and genuinely different
/// alternatives.
enum RouteCommand: Command {
    static let formats = ["table", "csv", "json"]

    static let arguments = Arguments(
        command: "corridor route",
        options: [
            .value("--from", placeholder: "PLACE", required: true, help: "where the route starts: an id, a Chinese or a pinyin name"),
            .value("--to", placeholder: "PLACE", required: true, help: "where it ends"),
            .value("--via", placeholder: "PLACE", repeats: true, help: "a place to pass; several (repeated or comma-separated) are passed in the order given"),
            CommonOptions.by,
            CommonOptions.modes,
            CommonOptions.scenario,
            .flag("--freight", help: "route a freight shipment: freight-only lines and sea routes allowed, high-speed rail not (as --by cost always does)"),
            .value("--alternatives", placeholder: "K", default: "0",
                   help: "also show up to K (at most 20) next-best routes that differ in mode or in where they change (not with --via)"),
            CommonOptions.format(formats),
            OutputTarget.option,
        ],
        positionals: [CommonOptions.network],
        description: """
            The best route from one place to another, its legs grouped by mode (with the \
            connectors to stations, airports and ports), and the totals in time, distance \
            and freight cost. On a DIMACS graph, places are node ids and the measure is \
            the arc cost.
            """,
        examples: [
            "corridor route jilin --from 长春 --to 延吉",
            "corridor route jilin --from changchun --to baishan --scenario all --alternatives 2",
            "corridor route jilin --from 长春 --to 大连港 --by cost --format csv",
        ])

    static func execute(_ p: ParsedArguments, console: Console) throws -> Int32 {
        let command = arguments.command
        guard let fromText = p.value("--from") else { throw UsageError(command: command, message: "missing --from PLACE") }
        guard let toText = p.value("--to") else { throw UsageError(command: command, message: "missing --to PLACE") }
        let format = try CommonOptions.format(p, among: formats, command: command)
        guard let k = Int(p.value("--alternatives") ?? "0"), k >= 0, k <= 20 else {
            throw UsageError(command: command, message: "--alternatives must be a whole number from 0 to 20")
        }
        if k > 0 && !p.list("--via").isEmpty {
            throw UsageError(command: command, message: "--alternatives cannot be combined with --via")
        }
        let output = OutputTarget(path: p.value("--output"))
        let loaded: CommonOptions.Loaded
        switch CommonOptions.load(p.positional("NETWORK")!, output: p.value("--output"), command: command, console: console) {
        case .success(let l): loaded = l
        case .failure(let status): return status.code
        }
        let text: String
        var found = true
        switch loaded {
        case .dimacs(let graph, _):
            for option in ["--by", "--modes", "--scenario", "--freight"] where p.isGiven(option) {
                throw UsageError(command: command, message: "\(option) does not apply to a DIMACS graph (one measure, no modes, no projects, no freight)")
            }
            let from = try CommonOptions.node(fromText, option: "--from", in: graph, command: command)
            let to = try CommonOptions.node(toText, option: "--to", in: graph, command: command)
            let via = try p.list("--via").map { text throws(UsageError) in
                try CommonOptions.node(text, option: "--via", in: graph, command: command)
            }
            try CommonOptions.checkStops(
                [("--from", from)] + via.map { ("--via", $0) } + [("--to", to)], label: { "node \($0 + 1)" }, command: command)
            let paths: Int
            (text, paths) = dimacs(graph, from: from, to: to, via: via, alternatives: k, format: format)
            found = paths > 0
            if found && paths < k + 1 {
                // A graph's loopless paths between two nodes can be fewer than asked.
                console.printError("\(command): note: \(k) alternative\(k == 1 ? "" : "s") asked, \(paths - 1) found: "
                    + "there are no more loopless paths")
            }
        case .network(let net):
            let metric = try CommonOptions.metric(p.value("--by") ?? "time", command: command)
            let modes = try CommonOptions.modes(p.value("--modes"), command: command)
            let scenario = try CommonOptions.scenario(p.value("--scenario") ?? "base", in: net, command: command, console: console)
            let names = PlaceResolver(net.network.places)
            let from = try CommonOptions.place(fromText, option: "--from", in: names, command: command)
            let to = try CommonOptions.place(toText, option: "--to", in: names, command: command)
            let via = try p.list("--via").map { text throws(UsageError) in
                try CommonOptions.place(text, option: "--via", in: names, command: command)
            }
            try CommonOptions.checkStops(
                [("--from", from)] + via.map { ("--via", $0) } + [("--to", to)], label: { label(net, $0) }, command: command)
            let freight = p.flag("--freight")
            let routes = net.routes(
                from: from, to: to, via: via, metric: metric, scenario: scenario, modes: modes, alternatives: k, freight: freight)
            if !routes.isEmpty && routes.count < k + 1 {
                console.printError("\(command): note: \(k) alternative\(k == 1 ? "" : "s") asked, \(routes.count - 1) "
                    + "genuinely different found (of the next-shortest paths, up to \(NetworkGraph.maxAlternativePaths) examined)")
            }
            let query = Query(
                net: net, from: from, to: to, via: via, metric: metric, modes: modes,
                scenario: p.value("--scenario") ?? "base", projects: scenario.projects.sorted(), freight: freight)
            found = !routes.isEmpty
            switch format {
            case "csv": text = csv(routes, query)
            case "json": text = json(routes, query)
            default:
                // No route is a finding, not an error in the input: said where results go.
                // A trip that finds no way, where freight would (a freight-only line or sea
                // route): say so, and how to ask.
                let byFreight = !found && metric != .cost && !freight
                    && !net.routes(from: from, to: to, via: via, metric: .cost, scenario: scenario, modes: modes).isEmpty
                text = found ? table(routes, query)
                    : "no route from \(label(net, from)) to \(label(net, to))" + query.conditions
                        + ([from] + via + [to]).compactMap { unbuiltOnly($0, net, scenario) }.joined()
                        + (byFreight ? "; freight gets there (over freight-only lines or sea routes): ask with --freight, or --by cost" : "")
            }
        }
        try output.write(text, console: console, format: format)
        return found ? ExitCode.success : ExitCode.failure
    }

    struct Query {
        let net: NetworkGraph
        let from: Int, to: Int, via: [Int]
        let metric: NetworkGraph.Metric
        let modes: Set<Mode>?
        let scenario: String
        let projects: [String]
        var freight = false

        /// ", by cost, modes rail+road, scenario all" — what the answer depends on.
        var conditions: String {
            var parts = ["by \(metric.word)"]
            if freight && metric != .cost { parts.append("as freight") }
            if let modes { parts.append("modes " + modes.sorted().map(\.rawValue).joined(separator: "+")) }
            parts.append("scenario \(scenario)")
            return " (" + parts.joined(separator: ", ") + ")"
        }
    }

    /// For a place that only links of projects the scenario does not build reach (a
    /// planned airport in the base scenario), why there is no route and what to ask.
    static func unbuiltOnly(_ place: Int, _ net: NetworkGraph, _ scenario: Scenario) -> String? {
        let id = net.network.places[place].id
        let links = net.network.links.filter { $0.from == id || $0.to == id }
        guard !links.isEmpty, links.allSatisfy({ $0.status == .planned && !scenario.projects.contains($0.project ?? "") })
        else { return nil }
        let projects = Array(Set(links.compactMap(\.project))).sorted()
        return "\n\(label(net, place)) is reached only by planned links: add "
            + (projects.count == 1 ? "its project" : "their projects") + " with --scenario \(projects.joined(separator: ","))"
    }

    static func label(_ net: NetworkGraph, _ place: Int) -> String {
        let p = net.network.places[place]
        return "\(p.nameZh) (\(p.id))"
    }

    static func table(_ routes: [Route], _ q: Query) -> String {
        var lines = ["\(label(q.net, q.from)) → \(label(q.net, q.to))"
            + (q.via.isEmpty ? "" : " via " + q.via.map { label(q.net, $0) }.joined(separator: ", ")) + q.conditions]
        for (rank, route) in routes.enumerated() {
            lines.append("")
            lines.append("route \(rank + 1): \(CommonOptions.shown(route.minutes, .time)) min, "
                + "\(CommonOptions.shown(route.km, .length)) km, "
                + (route.cost.map { "\(CommonOptions.shown($0, .cost)) yuan/t" } ?? "no freight (a leg carries none)")
                + ", \(route.transfers) transfer\(route.transfers == 1 ? "" : "s")")
            var t = TextTable(columns: [.left("mode"), .left("from"), .left("to"), .right("km"), .right("min"), .right("yuan/t")])
            for leg in route.legs {
                t.append([
                    "\(leg.mode.rawValue) \(leg.mode.nameZh)", label(q.net, leg.from), label(q.net, leg.to),
                    CommonOptions.shown(leg.km, .length), CommonOptions.shown(leg.minutes, .time),
                    CommonOptions.shown(leg.cost, .cost),
                ])
            }
            lines.append(t.render())
            // The settlements passed inside legs, which the legs' ends do not show: two
            // routes with the same legs may pass different towns (with alternatives).
            let ends = Set(route.legs.flatMap { [$0.from, $0.to] })
            let passed = route.places.dropFirst().dropLast().filter { p in
                !ends.contains(p) && q.net.network.places[p].kind.isSettlement
            }.uniqued()
            if !passed.isEmpty && routes.count > 1 {
                lines.append("passes " + passed.map { q.net.network.places[$0].nameZh }.joined(separator: "、"))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func csv(_ routes: [Route], _ q: Query) -> String {
        var rows = [["route", "leg", "mode", "from", "from_name", "to", "to_name", "km", "minutes", "yuan_per_t"]]
        let places = q.net.network.places
        for (rank, route) in routes.enumerated() {
            for (i, leg) in route.legs.enumerated() {
                rows.append([
                    String(rank + 1), String(i + 1), leg.mode.rawValue, places[leg.from].id, places[leg.from].nameZh,
                    places[leg.to].id, places[leg.to].nameZh, JSONText.number(leg.km, decimals: 3),
                    JSONText.number(leg.minutes, decimals: 3), leg.cost.map { JSONText.number($0, decimals: 2) } ?? "",
                ])
            }
            rows.append([
                String(rank + 1), "total", "", places[q.from].id, places[q.from].nameZh, places[q.to].id,
                places[q.to].nameZh, JSONText.number(route.km, decimals: 3), JSONText.number(route.minutes, decimals: 3),
                route.cost.map { JSONText.number($0, decimals: 2) } ?? "",
            ])
        }
        return CSVWriter().document(rows)
    }

    static func json(_ routes: [Route], _ q: Query) -> String {
        let places = q.net.network.places
        func place(_ i: Int) -> JSONText {
            .object([("id", .string(places[i].id)), ("name_zh", .string(places[i].nameZh)), ("name_en", .string(places[i].nameEn))])
        }
        let body = JSONText.object([
            ("from", place(q.from)), ("to", place(q.to)), ("via", .array(q.via.map(place))),
            ("by", .string(q.metric.word)), ("freight", .bool(q.freight || q.metric == .cost)),
            ("modes", q.modes.map { .array($0.sorted().map { .string($0.rawValue) }) } ?? .null),
            ("scenario", .string(q.scenario)), ("projects", .array(q.projects.map(JSONText.string))),
            ("routes", .array(routes.enumerated().map { rank, route in
                .object([
                    ("rank", .integer(rank + 1)), ("minutes", .number(route.minutes, decimals: 3)),
                    ("km", .number(route.km, decimals: 3)), ("yuan_per_t", .optional(route.cost, decimals: 2)),
                    ("transfers", .integer(route.transfers)),
                    ("legs", .array(route.legs.map { leg in
                        .object([
                            ("mode", .string(leg.mode.rawValue)), ("from", .string(places[leg.from].id)),
                            ("to", .string(places[leg.to].id)), ("km", .number(leg.km, decimals: 3)),
                            ("minutes", .number(leg.minutes, decimals: 3)), ("yuan_per_t", .optional(leg.cost, decimals: 2)),
                            ("links", .array(leg.links.map { .string(q.net.network.links[$0].id) })),
                        ])
                    })),
                ])
            })),
        ])
        return body.rendered(indent: 2)
    }

    /// A route on a DIMACS graph: node ids (1-based) and raw cost.
    static func dimacs(
        _ graph: Graph, from: NodeID, to: NodeID, via: [NodeID], alternatives k: Int, format: String
    ) -> (text: String, paths: Int) {
        let weights = graph.weights(0)
        var paths: [Path] = []
        if k > 0 {
            paths = KShortestPaths(graph).paths(from: from, to: to, count: k + 1, weights: weights)
        } else {
            let search = DijkstraSearch(graph)
            var arcs: [ArcID] = []
            var total: Distance = 0
            var complete = true
            for (a, b) in zip([from] + via, via + [to]) where a != b {
                search.run(from: [a], weights: weights, target: b)
                guard let path = search.path(to: b) else { complete = false; break }
                arcs += path.arcs
                total += path.distance
            }
            if complete { paths = [Path(source: from, target: to, arcs: arcs, distance: total)] }
        }
        let ids = { (p: Path) in p.nodes(in: graph).map { String($0 + 1) } }
        return (text(paths, ids: ids, graph: graph, from: from, to: to, format: format), paths.count)
    }

    static func text(
        _ paths: [Path], ids: (Path) -> [String], graph: Graph, from: NodeID, to: NodeID, format: String
    ) -> String {
        switch format {
        case "csv":
            return CSVWriter().document([["route", "cost", "arcs", "nodes"]] + paths.enumerated().map { i, p in
                [String(i + 1), String(p.distance), String(p.arcs.count), ids(p).joined(separator: " ")]
            })
        case "json":
            return JSONText.object([
                ("from", .integer(Int(from) + 1)), ("to", .integer(Int(to) + 1)),
                ("routes", .array(paths.enumerated().map { i, p in
                    .object([("rank", .integer(i + 1)), ("cost", .integer(Int(p.distance))),
                             ("nodes", .array(p.nodes(in: graph).map { .integer(Int($0) + 1) }))])
                })),
            ]).rendered(indent: 2)
        default:
            guard !paths.isEmpty else { return "no route from node \(from + 1) to node \(to + 1)" }
            return paths.enumerated().map { i, p in
                "route \(i + 1): cost \(p.distance), \(p.arcs.count) arc\(p.arcs.count == 1 ? "" : "s")\n  " + ids(p).joined(separator: " → ")
            }.joined(separator: "\n")
        }
    }
}
