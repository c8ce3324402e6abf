import CorridorCore
import CorridorKit
import Foundation

/// `corridor-bench`: the benchmark driver. Release builds only; one JSON object per line
/// on stdout, messages on stderr. See README "Performance" for the ops and fields.
enum Bench {
    static let usage = """
        usage: corridor-bench OP --gr FILE.gr [options]

        ops:
          load                       parse the file and build the graph
          sssp   --sources 1,17,42   one-to-all from each source
          bound  --sources … --limit L
                                     bounded search; checksum = (source, node) pairs within L
          p2p    --pairs 1-5,7-9 [--algo dijkstra|bidir|astar|all] [--landmarks K]
                                     point-to-point; checksum = sum of distances
          network --net FOLDER       load a network folder (read, check, build the graph);
                                     checksum = places + links + projects
          impact --net FOLDER [--from HUB …]
                                     the full impact table: every project against base,
                                     hubs = the --from places (default: every prefecture
                                     seat); checksum = projects with an effect
          reach  --net FOLDER --from PLACE [--from …] [--within 30,60,120]
                                     one reach question in-process (the base scenario, by
                                     time, the search reused); checksum = places reached
                                     + the sum of their bands' indices

        options:
          --repeat R                 rounds over all queries (default 3)
          --impl corridor|naive      sssp only: the optimized core or the naive baseline
                                     (adjacency lists + binary heap with lazy deletion)
          --co FILE.co               renumber the nodes along the Z-order curve of these
                                     coordinates before measuring (reported as reorder_ms);
                                     ids on the command line stay DIMACS ids
        Node ids are DIMACS ids (1-based). Output fields: impl, op, n, m, queries, repeat,
        median_ms, min_ms, checksum, load_ms, load_mb_per_s, graph_mb, rss_mb, peak_rss_mb.
        """

    static func main(_ arguments: [String]) -> Int32 {
        if arguments.first == "--help" || arguments.first == "-h" || arguments.first == "help" {
            print(usage)
            return 0
        }
        do {
            let options = try BenchOptions(arguments)
            #if DEBUG
            FileHandle.standardError.write(
                "corridor-bench: WARNING: debug build (internal checks on); figures mean nothing — use `swift run -c release corridor-bench`\n"
                    .data(using: .utf8)!)
            #endif
            try run(options)
            return 0
        } catch let error as BenchUsageError {
            FileHandle.standardError.write("corridor-bench: \(error.message)\n\n\(usage)\n".data(using: .utf8)!)
            return 64
        } catch let error as Diagnostic {
            FileHandle.standardError.write("\(error)\n".data(using: .utf8)!)
            return 65
        } catch {
            FileHandle.standardError.write("corridor-bench: \(error)\n".data(using: .utf8)!)
            return 1
        }
    }

    static func run(_ options: BenchOptions) throws {
        if options.op == "network" { return try measureNetwork(options) }
        if options.op == "reach" { return try measureReach(options) }
        if options.op == "impact" { return try measureImpact(options) }
        let fileBytes = (try? FileManager.default.attributesOfItem(atPath: options.graphPath)[.size] as? Int) ?? 0
        let clock = ContinuousClock()
        let start = clock.now
        var graph = try DIMACS.readGraph(at: options.graphPath)
        let loadMS = milliseconds(clock.now - start)
        try options.checkNodes(graph.nodeCount)
        // Query nodes: DIMACS ids are 1-based; a reordered graph renames every node.
        var nodeOf = { (dimacsID: Int) in NodeID(dimacsID - 1) }
        var reorderMS: Double? = nil
        if let coordinatesPath = options.coordinatesPath {
            let reorderStart = clock.now
            let coordinates = try DIMACS.readCoordinates(at: coordinatesPath, nodeCount: graph.nodeCount)
            let newID = LocalityOrder.zOrder(coordinates)
            graph = graph.renumbered(newID: newID).graph
            nodeOf = { newID[$0 - 1] }
            reorderMS = milliseconds(clock.now - reorderStart)
        }
        let sources = options.sources.map(nodeOf)
        let pairs = options.pairs.map { (nodeOf($0.0), nodeOf($0.1)) }
        var record = BenchRecord(op: options.op, graph: graph, loadMS: loadMS, fileBytes: fileBytes)
        if let reorderMS {
            record.impl = "corridor+z-order"
            record.extra["reorder"] = "\"z-order\""
            record.extra["reorder_ms"] = json(reorderMS)
        }
        let weights = graph.weights(0)
        // The graph must stay alive until the record (with its memory figures) is out.
        defer { withExtendedLifetime(graph) {} }
        switch options.op {
        case "load":
            record.queries = 0
            record.emit()
        case "sssp":
            if options.impl == "naive" {
                let naive = NaiveDijkstra(graph)
                record.impl = "naive-baseline"
                record.measure(queries: sources, repeat: options.repeatCount) { s in
                    naive.run(from: Int(s))
                } checksum: { _ in naive.finiteSum() }
            } else {
                let search = DijkstraSearch(graph)
                record.measure(queries: sources, repeat: options.repeatCount) { s in
                    search.run(from: [s], weights: weights)
                } checksum: { _ in
                    var sum: UInt64 = 0
                    for v in search.settledNodes { sum &+= search.distance(to: v) }
                    return sum
                } settled: { search.settledCount }
            }
            record.emit()
        case "bound":
            let search = DijkstraSearch(graph)
            record.extra["limit"] = "\(options.limit)"
            record.measure(queries: sources, repeat: options.repeatCount) { s in
                search.run(from: [s], weights: weights, limit: Distance(options.limit))
            } checksum: { _ in UInt64(search.settledCount) } settled: { search.settledCount }
            record.emit()
        case "p2p":
            for algo in options.algos {
                var r = record
                r.extra["algo"] = "\"\(algo)\""
                try measureP2P(algo, graph, weights, pairs, options, &r)
                r.emit()
            }
        default:
            throw BenchUsageError(message: "unknown op \"\(options.op)\"")
        }
    }

    /// Loading a network folder the way `corridor` does: read and check the files, run the
    /// validator, build the graph. Each round loads from scratch.
    static func measureNetwork(_ options: BenchOptions) throws {
        let clock = ContinuousClock()
        var times: [Double] = []
        var built: NetworkGraph? = nil
        for _ in 0 ..< options.repeatCount {
            let start = clock.now
            let (network, problems) = NetworkFiles.load(folder: options.networkPath)
            guard let network else {
                throw problems.first ?? Diagnostic(file: options.networkPath, message: "cannot be read")
            }
            _ = NetworkValidator.check(network)
            built = NetworkGraph(network)
            times.append(milliseconds(clock.now - start))
        }
        let net = built!
        var record = BenchRecord(op: "network", graph: net.graph, loadMS: times.min() ?? 0, fileBytes: 0)
        record.queries = 0
        record.repeatCount = options.repeatCount
        record.times = times
        record.checksum = UInt64(net.network.places.count + net.network.links.count + net.network.projects.count)
        record.extra["places"] = "\(net.network.places.count)"
        record.extra["links"] = "\(net.network.links.count)"
        record.emit()
    }

    /// `corridor reach` without the printing: the scenario, the search and the place
    /// names are made once, as a long-running tool would; each query is one
    /// ``NetworkGraph/reach(from:within:metric:scenario:modes:direction:search:)``.
    static func measureReach(_ options: BenchOptions) throws {
        let (network, problems) = NetworkFiles.load(folder: options.networkPath)
        guard let network else {
            throw problems.first ?? Diagnostic(file: options.networkPath, message: "cannot be read")
        }
        let net = NetworkGraph(network)
        let names = PlaceResolver(network.places)
        let origins = try options.origins.map { try names.resolve($0, what: "--from") }
        let base = net.scenario(projects: [])
        let search = DijkstraSearch(net.graph)
        var last: Reach? = nil
        var record = BenchRecord(op: "reach", graph: net.graph, loadMS: 0, fileBytes: 0)
        record.measure(queries: [origins], repeat: options.repeatCount * 100) { from in
            last = net.reach(from: from, within: options.within, scenario: base, search: search)
        } checksum: { _ in
            UInt64(last!.places.count + last!.places.reduce(0) { $0 + $1.band })
        } settled: {
            search.settledCount
        }
        record.extra["places"] = "\(network.places.count)"
        record.emit()
    }

    /// `corridor impact`'s ranking without the printing: every project of the network
    /// measured against the base scenario, for every hub (each round from scratch:
    /// ``ImpactAnalysis`` and its evaluations).
    static func measureImpact(_ options: BenchOptions) throws {
        let (network, problems) = NetworkFiles.load(folder: options.networkPath)
        guard let network else {
            throw problems.first ?? Diagnostic(file: options.networkPath, message: "cannot be read")
        }
        let net = NetworkGraph(network)
        let names = PlaceResolver(network.places)
        let hubs = options.origins.isEmpty
            ? network.places.indices.filter { network.places[$0].kind == .prefecture }
            : try options.origins.map { try names.resolve($0, what: "--from") }
        var ranking: [RankedProject] = []
        var record = BenchRecord(op: "impact", graph: net.graph, loadMS: 0, fileBytes: 0)
        record.measure(queries: [hubs], repeat: options.repeatCount) { hubs in
            ranking = ImpactAnalysis(net, hubs: hubs, thresholds: options.within).ranking(of: net.projectIDs)
        } checksum: { _ in
            UInt64(ranking.filter { $0.score > 0 }.count)
        }
        record.extra["hubs"] = "\(hubs.count)"
        record.extra["projects"] = "\(net.projectIDs.count)"
        record.emit()
    }

    static func measureP2P(
        _ algo: String, _ graph: Graph, _ weights: ArcWeights, _ pairs: [(NodeID, NodeID)],
        _ options: BenchOptions, _ record: inout BenchRecord
    ) throws {
        switch algo {
        case "dijkstra":
            let search = DijkstraSearch(graph)
            record.measure(queries: pairs, repeat: options.repeatCount) { p in
                search.run(from: [p.0], weights: weights, target: p.1)
            } checksum: { p in
                let d = search.distance(to: p.1)
                return d == .unreachable ? 0 : d
            } settled: { search.settledCount }
        case "bidir":
            let search = BidirectionalSearch(graph)
            var found: Path? = nil
            record.measure(queries: pairs, repeat: options.repeatCount) { p in
                found = search.shortestPath(from: p.0, to: p.1, weights: weights)
            } checksum: { _ in found?.distance ?? 0 } settled: { search.settledCount }
        case "astar":
            let clock = ContinuousClock()
            let start = clock.now
            let landmarks = Landmarks(graph, weights: weights, count: options.landmarks, seed: 0)
            record.extra["prep_ms"] = json(milliseconds(clock.now - start))
            record.extra["landmarks"] = "\(landmarks.nodes.count)"
            let search = DijkstraSearch(graph)
            var found: Path? = nil
            record.measure(queries: pairs, repeat: options.repeatCount) { p in
                let t = p.1
                found = search.shortestPath(
                    from: p.0, to: t, weights: weights,
                    potential: landmarks.potential(toward: t))
            } checksum: { _ in found?.distance ?? 0 } settled: { search.settledCount }
        default:
            throw BenchUsageError(message: "unknown --algo \"\(algo)\" (expected dijkstra, bidir, astar or all)")
        }
    }
}

func milliseconds(_ d: Duration) -> Double {
    let (s, atto) = d.components
    return Double(s) * 1000 + Double(atto) / 1e15
}

/// A number in JSON with three decimals (stable formatting).
func json(_ x: Double) -> String {
    String(format: "%.3f", x)
}
