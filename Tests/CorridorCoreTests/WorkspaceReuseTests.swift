import CorridorCore
import Testing
import TestSupport

/// One workspace answers many queries: every per-node value is validated by a generation
/// stamp, so nothing from an earlier query (a bounded run, an early exit, an A* run with
/// reopenings, a backward run, another source set) may leak into a later one.
@Suite struct WorkspaceReuseTests {
    /// Everything a query's result consists of, for comparison.
    struct Snapshot: Equatable {
        var settled: [NodeID]
        var distance: [Distance]
        var parent: [ArcID?]
        var origin: [Int?]
        var paths: [Path?]

        init(_ search: DijkstraSearch) {
            let nodes = (0 ..< search.graph.nodeCount).map(NodeID.init)
            settled = search.settledNodes
            distance = nodes.map { search.distance(to: $0) }
            parent = nodes.map { search.parentArc(of: $0) }
            origin = nodes.map { search.origin(of: $0) }
            paths = nodes.map { search.path(to: $0) }
        }
    }

    @Test func consecutiveQueriesEqualFreshSearches() {
        for seed in seeds(240, base: 70) {
            var rng = SeededRandom(seed: seed)
            let g = RandomGraph.make(&rng, rng.pick([RandomGraph.Options.standard, .tieHeavy, .huge]))
            let reused = DijkstraSearch(g.graph)
            for step in 0 ..< 12 {
                let q = randomQuery(&rng, g)
                // Something else in between, half of the time: A* (reopens nodes, leaves
                // the heap non-empty) or a banded reach.
                if rng.chance(0.5) {
                    let s = NodeID(rng.int(0 ..< g.nodeCount)), t = NodeID(rng.int(0 ..< g.nodeCount))
                    _ = reused.shortestPath(from: s, to: t, weights: q.weights) { v in Distance(v % 3) }
                    if rng.chance(0.5) {
                        _ = reused.reach(from: [t], within: [5, 10], weights: q.weights, direction: .backward)
                    }
                }
                q.run(reused)
                let fresh = DijkstraSearch(g.graph)
                q.run(fresh)
                #expect(Snapshot(reused) == Snapshot(fresh), "\(rng) step \(step) \(q.query)")
                let problems = Certificates.check(reused, g, arcs: q.arcs, q.query)
                #expect(problems.isEmpty, "\(rng) step \(step) \(q.query): \(problems)")
            }
        }
    }

    @Test func pointToPointEnginesReuseTheirWorkspaces() {
        for seed in seeds(200, base: 71) {
            var rng = SeededRandom(seed: seed)
            let g = RandomGraph.make(&rng)
            let bidir = BidirectionalSearch(g.graph)
            let yen = KShortestPaths(g.graph)
            for step in 0 ..< 10 {
                let q = randomQuery(&rng, g)
                let s = NodeID(rng.int(0 ..< g.nodeCount)), t = NodeID(rng.int(0 ..< g.nodeCount))
                #expect(bidir.shortestPath(from: s, to: t, weights: q.weights, filter: q.filter)
                    == BidirectionalSearch(g.graph).shortestPath(from: s, to: t, weights: q.weights, filter: q.filter),
                    "\(rng) step \(step)")
                #expect(yen.paths(from: s, to: t, count: 3, weights: q.weights, filter: q.filter)
                    == KShortestPaths(g.graph).paths(from: s, to: t, count: 3, weights: q.weights, filter: q.filter),
                    "\(rng) step \(step)")
            }
        }
    }

    /// A hand-made leak trap: a bounded run labels 2 (at 10, beyond the limit it is never
    /// labelled at all) and an early exit leaves 2 labelled but unsettled in the heap.
    /// The next queries must not see either.
    @Test func staleLabelsNeverLeak() {
        let g = tinyGraph(nodes: 3, "0 -> 1 : 5\n1 -> 2 : 5\n0 -> 2 : 10")
        let search = DijkstraSearch(g.graph)
        let w = g.graph.weights(0)
        search.run(from: [0], weights: w, target: 1)          // 2 labelled at 10, in the heap
        #expect(search.settledNodes == [0, 1] && search.distance(to: 2) == .unreachable)
        search.run(from: [1], weights: w, limit: 4)           // only 1
        #expect(search.settledNodes == [1])
        #expect(search.distance(to: 2) == .unreachable && search.distance(to: 0) == .unreachable)
        #expect(search.path(to: 2) == nil && search.origin(of: 0) == nil)
        search.run(from: [2], weights: w)                     // 2 has no out-arcs
        #expect(search.settledNodes == [2] && search.distance(to: 0) == .unreachable && search.parentArc(of: 2) == nil)
        search.run(from: [2], weights: w, direction: .backward)
        #expect((0 ..< 3).map { search.distance(to: $0) } == [10, 5, 0])
    }
}
