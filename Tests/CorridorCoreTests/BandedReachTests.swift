import CorridorCore
import Testing
import TestSupport

@Suite struct BandedReachTests {
    /// A chain with distances 0, 30, 60, 61, 120, 121 from 0, and a branch node 6 at
    /// 31 (0 -> 6, 31). Thresholds 30 / 60 / 120:
    ///
    ///     node  distance  band
    ///     0      0        0      (≤ 30)
    ///     1     30        0      exactly 30 is inside the 30 band
    ///     6     31        1      (30, 60]
    ///     2     60        1      exactly 60 is in the ≤ 60 band
    ///     3     61        2      (60, 120]
    ///     4    120        2      exactly the last threshold: reached
    ///     5    121        —      beyond the last threshold: not reached
    @Test func bandsOnThresholdBoundaries() {
        let g = tinyGraph(nodes: 7, """
            0 -> 1 : 30
            1 -> 2 : 30
            2 -> 3 : 1
            3 -> 4 : 59
            4 -> 5 : 1
            0 -> 6 : 31
            """)
        let search = DijkstraSearch(g.graph)
        let reach = search.reach(from: [0], within: [30, 60, 120], weights: g.graph.weights(0))
        #expect(reach.thresholds == [30, 60, 120] && reach.sources == [0])
        #expect(reach.nodes == [0, 1, 6, 2, 3, 4])
        #expect(reach.distances == [0, 30, 31, 60, 61, 120])
        #expect(reach.bands == [0, 0, 1, 1, 2, 2])
        #expect((0 ..< 6).map { reach.band(at: $0) } == [0, 0, 1, 1, 2, 2])
        #expect(reach.countsPerBand == [2, 2, 2])
        #expect(reach.origins == [0, 0, 0, 0, 0, 0])
        // "Within 60" is bands 0 and 1: four nodes.
        #expect(reach.bands.filter { $0 <= 1 }.count == 4)
        // A threshold of 0 holds exactly the sources; empty bands count 0.
        let tight = search.reach(from: [0], within: [0, 29, 30], weights: g.graph.weights(0))
        #expect(tight.nodes == [0, 1] && tight.bands == [0, 2] && tight.countsPerBand == [1, 0, 1])
    }

    /// Backward: the catchment of 5 — who reaches 5 within each threshold.
    /// To 5: 4 at 1, 3 at 60, 2 at 61, 1 at 91, 0 at 121; 6 never reaches 5.
    @Test func backwardCatchment() {
        let g = tinyGraph(nodes: 7, "0 -> 1 : 30\n1 -> 2 : 30\n2 -> 3 : 1\n3 -> 4 : 59\n4 -> 5 : 1\n0 -> 6 : 31")
        let search = DijkstraSearch(g.graph)
        let reach = search.reach(from: [5], within: [1, 60, 91], weights: g.graph.weights(0), direction: .backward)
        #expect(reach.nodes == [5, 4, 3, 2, 1])
        #expect(reach.distances == [0, 1, 60, 61, 91])
        #expect(reach.bands == [0, 0, 1, 2, 2])
        #expect(search.direction == .backward)
    }

    /// Two sources: each node's origin is its nearest source.
    @Test func multiSourceOrigins() {
        let g = coreFixture("multi-source-ties.txt")
        let search = DijkstraSearch(g.graph)
        let reach = search.reach(from: [1, 0], within: [1, 5], weights: g.graph.weights(0))
        // Settle order and origins as worked out in DijkstraSearchTests; 6 (at 6) is out.
        #expect(reach.nodes == [0, 1, 4, 3, 2, 5])
        #expect(reach.origins == [1, 0, 0, 1, 1, 0])
        #expect(reach.bands == [0, 0, 0, 1, 1, 1])
    }

    /// Random graphs: reach equals the oracle (reached = distance ≤ last threshold; band =
    /// first threshold ≥ distance), in settle order, with origins from the bounded run.
    @Test func randomReachMatchesTheOracle() {
        for seed in seeds(600, base: 20) {
            var rng = SeededRandom(seed: seed)
            let g = RandomGraph.make(&rng, rng.pick([RandomGraph.Options.standard, .tieHeavy, .huge]))
            let search = DijkstraSearch(g.graph)
            var q = randomQuery(&rng, g)
            q.query.target = nil
            let oracle = Oracle.distances(
                nodeCount: g.nodeCount, arcs: q.arcs, sources: q.query.sources, direction: q.query.direction,
                allowed: q.query.admits)
            // Thresholds: some at real distances (boundaries), some between, strictly increasing.
            let finite = oracle.filter { $0 != .unreachable }
            var thresholds = Set((0 ..< rng.int(1 ... 4)).map { _ in
                rng.chance(0.6) ? rng.pick(finite) : Distance(rng.int(0 ... 80))
            })
            if rng.chance(0.2) { thresholds.insert(.unreachable) }
            let sorted = thresholds.sorted()
            let reach = search.reach(
                from: q.query.sources, within: sorted, weights: q.weights, filter: q.filter, direction: q.query.direction)
            let expectedNodes = Set((0 ..< g.nodeCount).filter { oracle[$0] != .unreachable && oracle[$0] <= sorted.last! })
            #expect(Set(reach.nodes.map(Int.init)) == expectedNodes && reach.nodes.count == expectedNodes.count, "\(rng)")
            for (i, v) in reach.nodes.enumerated() {
                let d = oracle[Int(v)]
                #expect(reach.distances[i] == d, "\(rng) node \(v)")
                #expect(reach.bands[i] == sorted.firstIndex { d <= $0 }, "\(rng) node \(v) at \(d) in \(sorted)")
            }
            #expect(reach.countsPerBand.reduce(0, +) == reach.nodes.count, "\(rng)")
            #expect(reach.countsPerBand == sorted.indices.map { b in reach.bands.filter { $0 == b }.count }, "\(rng)")
            // The same as a bounded run by the last threshold: order, origins, certificate.
            let bounded = Query(sources: q.query.sources, direction: q.query.direction, limit: sorted.last!, allowed: q.query.allowed)
            #expect(Certificates.check(search, g, arcs: q.arcs, bounded).isEmpty, "\(rng)")
            #expect(search.settledNodes == reach.nodes, "\(rng)")
            #expect(reach.origins == reach.nodes.map { search.origin(of: $0)! }, "\(rng)")
            let reference = ReferenceDijkstra(
                nodeCount: g.nodeCount, arcs: q.arcs, sources: q.query.sources, direction: q.query.direction,
                allowed: q.query.admits, limit: sorted.last!)
            #expect(reach.nodes == reference.settled, "\(rng)")
            #expect(reach.origins == reach.nodes.map { reference.origin[Int($0)]! }, "\(rng)")
        }
    }
}
