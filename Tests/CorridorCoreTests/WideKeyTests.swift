import CorridorCore
import Testing

/// Distances beyond 2³²: the searches switch to wide heap keys when a path could exceed
/// what a narrow key holds. Answers worked out by hand.
@Suite struct WideKeyTests {
    /// 0 → 1 → 2 → 3, each arc 4,000,000,000, plus a parallel 0 → 1 of 4,000,000,001 and
    /// a shortcut 0 → 3 of 4,294,967,295 (the largest weight).
    ///
    ///     d(1) = 4e9, d(2) = 8e9 (> 2³² − 1 = 4,294,967,295), d(3) = min(12e9, 4,294,967,295)
    func graph() -> Graph {
        var b = GraphBuilder(nodeCount: 5, metricNames: ["w"])
        b.addArc(from: 0, to: 1, weight: 4_000_000_000)
        b.addArc(from: 0, to: 1, weight: 4_000_000_001)
        b.addArc(from: 1, to: 2, weight: 4_000_000_000)
        b.addArc(from: 2, to: 3, weight: 4_000_000_000)
        b.addArc(from: 0, to: 3, weight: 4_294_967_295)
        b.addArc(from: 2, to: 4, weight: 4_000_000_000)
        return b.build().graph
    }

    @Test func oneToAllBeyond32Bits() {
        let g = graph()
        let s = DijkstraSearch(g)
        s.run(from: [0], weights: g.weights(0))
        #expect(s.distance(to: 1) == 4_000_000_000)
        #expect(s.distance(to: 2) == 8_000_000_000)
        #expect(s.distance(to: 3) == 4_294_967_295)
        #expect(s.distance(to: 4) == 12_000_000_000)
        #expect(s.path(to: 4)?.arcs.count == 3)
        #expect(s.path(to: 1)?.arcs == [0])  // the cheaper of the parallel arcs (added first)
    }

    @Test func bandsBeyond32Bits() {
        let g = graph()
        let s = DijkstraSearch(g)
        let r = s.reach(from: [0], within: [4_000_000_000, 8_000_000_000, 10_000_000_000], weights: g.weights(0))
        // 0 (0) and 1 (4e9) in band 0; 3 (4,294,967,295) and 2 (8e9) in band 1; 4 (12e9) out.
        #expect(r.nodes == [0, 1, 3, 2])
        #expect(r.bands == [0, 0, 1, 1])
    }

    @Test func backwardAndBidirectionalBeyond32Bits() {
        let g = graph()
        let s = DijkstraSearch(g)
        s.run(from: [4], weights: g.weights(0), direction: .backward)
        #expect(s.distance(to: 0) == 12_000_000_000)
        let bidir = BidirectionalSearch(g)
        #expect(bidir.shortestPath(from: 0, to: 4, weights: g.weights(0))?.distance == 12_000_000_000)
        let yen = KShortestPaths(g)
        // Two loopless paths 0 → 4: by the cheaper and by the dearer parallel arc.
        #expect(yen.paths(from: 0, to: 4, count: 5, weights: g.weights(0)).map(\.distance)
                == [12_000_000_000, 12_000_000_001])
    }

    /// A narrow query after a wide one (and back) on one workspace: nothing leaks between
    /// the two heaps.
    @Test func switchingKeyWidthsOnOneWorkspace() {
        let g = graph()
        let s = DijkstraSearch(g)
        s.run(from: [0], weights: g.weights(0))  // wide: unbounded, long arcs
        #expect(s.distance(to: 4) == 12_000_000_000)
        s.run(from: [0], weights: g.weights(0), limit: 4_000_000_000)  // narrow: bounded
        #expect(s.distance(to: 1) == 4_000_000_000)
        #expect(s.distance(to: 2) == .unreachable)
        #expect(s.distance(to: 3) == .unreachable)
        #expect(!s.isSettled(4))
        s.run(from: [2], weights: g.weights(0))
        #expect(s.distance(to: 4) == 4_000_000_000)
        #expect(s.distance(to: 0) == .unreachable)
        // Small weights: narrow keys again.
        let small = g.weights(0).overriding((0 ..< ArcID(g.arcCount)).map { (arc: $0, weight: 1) })
        s.run(from: [0], weights: small)
        #expect(s.distance(to: 4) == 3)
        #expect(s.distance(to: 3) == 1)
    }
}

/// A search that has not run yet knows nothing: generation 0 must not validate the
/// zero stamps its labels start with.
@Suite struct FreshSearchTests {
    @Test func nothingIsSettledBeforeTheFirstQuery() {
        var b = GraphBuilder(nodeCount: 3, metricNames: ["w"])
        b.addArc(from: 0, to: 1, weight: 5)
        let g = b.build().graph
        let s = DijkstraSearch(g)
        for v: NodeID in 0 ..< 3 {
            #expect(!s.isSettled(v))
            #expect(s.distance(to: v) == .unreachable)
            #expect(s.path(to: v) == nil)
            #expect(s.origin(of: v) == nil)
            #expect(s.parentArc(of: v) == nil)
        }
        #expect(s.settledNodes.isEmpty)
    }
}
