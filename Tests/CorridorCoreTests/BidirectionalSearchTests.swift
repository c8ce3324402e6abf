import CorridorCore
import Testing
import TestSupport

@Suite struct BidirectionalSearchTests {
    /// Fixture parallel-zero-selfloop: 0 -> 3 is 55 two ways (direct, and 45 + 0 + 10);
    /// which one is returned is not specified, only that it is a real shortest path and
    /// the same every time. 4 -> 3 is 56; 3 reaches nothing; 5 is isolated.
    @Test func handFixture() {
        let g = coreFixture("parallel-zero-selfloop.txt")
        let bidir = BidirectionalSearch(g.graph)
        let w = g.graph.weights(0)
        let arcs = g.oracleArcs()
        let p03 = bidir.shortestPath(from: 0, to: 3, weights: w)
        #expect(p03?.distance == 55)
        #expect(p03.map { Certificates.checkPath($0, arcs: arcs, from: 0, to: 3, distance: 55) } == [])
        #expect(p03?.arcs == [g.arc(5)] || p03?.arcs == g.arcs(1, 2, 4))
        #expect(bidir.shortestPath(from: 0, to: 3, weights: w) == p03)
        #expect(BidirectionalSearch(g.graph).shortestPath(from: 0, to: 3, weights: w) == p03)

        let p43 = bidir.shortestPath(from: 4, to: 3, weights: w)
        #expect(p43?.distance == 56 && p43?.source == 4 && p43?.target == 3)
        #expect(bidir.shortestPath(from: 0, to: 2, weights: w) == Path(source: 0, target: 2, arcs: g.arcs(1, 2), distance: 45))
        #expect(bidir.shortestPath(from: 3, to: 0, weights: w) == nil)   // one-way
        #expect(bidir.shortestPath(from: 0, to: 4, weights: w) == nil)
        #expect(bidir.shortestPath(from: 0, to: 5, weights: w) == nil)
        #expect(bidir.shortestPath(from: 5, to: 5, weights: w) == Path(source: 5, target: 5, arcs: [], distance: 0))
        // Filtering out the direct arc leaves only the long way.
        var f = ArcFilter(arcCount: g.graph.arcCount)
        f.remove(g.arc(5))
        #expect(bidir.shortestPath(from: 0, to: 3, weights: w, filter: f)?.arcs == g.arcs(1, 2, 4))
        // …and overriding the zero arc makes the long way longer than the direct one.
        let slow = w.overriding([(arc: g.arc(2), weight: Weight(1))])
        #expect(bidir.shortestPath(from: 0, to: 3, weights: slow)?.arcs == [g.arc(5)])
        #expect(bidir.settledCount > 0)
    }

    /// Random graphs: distance equals the oracle, the path is a valid chain of admitted
    /// arcs, nil exactly when unreachable; with filters and overrides; one engine reused.
    @Test(arguments: [RandomGraph.Options.standard, .tieHeavy, .huge])
    func randomPairsMatchTheOracle(options: RandomGraph.Options) {
        for seed in seeds(500, base: 40 + seedOffset(options)) {
            var rng = SeededRandom(seed: seed)
            let g = RandomGraph.make(&rng, options)
            let bidir = BidirectionalSearch(g.graph)
            for _ in 0 ..< 5 {
                let q = randomQuery(&rng, g)
                let s = NodeID(rng.int(0 ..< g.nodeCount)), t = NodeID(rng.int(0 ..< g.nodeCount))
                let expected = Oracle.distances(
                    nodeCount: g.nodeCount, arcs: q.arcs, sources: [s], allowed: q.query.admits)[Int(t)]
                let path = bidir.shortestPath(from: s, to: t, weights: q.weights, filter: q.filter)
                if expected == .unreachable {
                    #expect(path == nil, "\(rng) \(s)->\(t)")
                } else if let path {
                    let problems = Certificates.checkPath(path, arcs: q.arcs, from: s, to: t, distance: expected, admits: q.query.admits)
                    #expect(problems.isEmpty, "\(rng) \(s)->\(t): \(problems)")
                    // Deterministic: the same query again gives the same path.
                    #expect(bidir.shortestPath(from: s, to: t, weights: q.weights, filter: q.filter) == path, "\(rng)")
                } else {
                    Issue.record("\(rng) \(s)->\(t): nil, expected \(expected)")
                }
            }
        }
    }
}
