import CorridorCore
import Testing
import TestSupport

/// The helpers are only as good as these checks: an oracle that agrees with a broken
/// engine by being broken the same way would make every other test worthless.
@Suite struct TestSupportTests {
    @Test func splitMix64KnownAnswers() {
        // The reference outputs of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var rng = SeededRandom(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
        #expect("\(SeededRandom(seed: 42))" == "seed 42")
        // Same seed, same stream.
        var a = SeededRandom(seed: 99), b = SeededRandom(seed: 99)
        #expect((0 ..< 10).map { _ in a.next() } == (0 ..< 10).map { _ in b.next() })
    }

    @Test func fixturesLoadWithTheDocumentedArcIDs() {
        let g = coreFixture("parallel-zero-selfloop.txt")
        #expect(g.nodeCount == 6)
        #expect(g.arcOfInput == [0, 1, 3, 4, 5, 2, 6, 7])
        let m = coreFixture("multi-source-ties.txt")
        #expect(m.nodeCount == 7)
        #expect(m.arcOfInput == [0, 2, 1, 3, 4, 5, 6])
    }

    @Test func tinyGraphReadsModesFlagsAndMetrics() {
        let g = tinyGraph(nodes: 3, """
            # comment line
            0 -> 1 : 60 100 mode 2      # trailing comment
            1 -> 2 : 30 40 flags 1 mode 3
            """)
        #expect(g.metricNames == ["time", "length"])
        #expect(g.arcs == [PlainArc(0, 1, [60, 100], mode: 2), PlainArc(1, 2, [30, 40], mode: 3, flags: 1)])
    }

    @Test func bellmanFordOnAHandGraph() {
        // 0 -> 1 (4), 0 -> 2 (1), 2 -> 1 (2), 1 -> 3 (1); 4 isolated.
        let arcs = [
            OracleArc(id: 0, tail: 0, head: 1, weight: 4), OracleArc(id: 1, tail: 0, head: 2, weight: 1),
            OracleArc(id: 2, tail: 2, head: 1, weight: 2), OracleArc(id: 3, tail: 1, head: 3, weight: 1),
        ]
        let u = Distance.unreachable
        #expect(Oracle.distances(nodeCount: 5, arcs: arcs, sources: [0]) == [0, 3, 1, 4, u])
        #expect(Oracle.distances(nodeCount: 5, arcs: arcs, sources: [0], allowed: { $0 != 2 }) == [0, 4, 1, 5, u])
        #expect(Oracle.distances(nodeCount: 5, arcs: arcs, sources: [3], direction: .backward) == [4, 1, 3, 0, u])
        #expect(Oracle.distances(nodeCount: 5, arcs: arcs, sources: [2, 1]) == [u, 0, 0, 1, u])
    }

    @Test func bruteForceCountsSimplePathsOfACompleteDigraph() {
        // Complete digraph on 4 nodes: the simple 0 -> 3 paths are 0-3, 0-1-3, 0-2-3,
        // 0-1-2-3, 0-2-1-3: five.
        var arcs: [OracleArc] = []
        for u in 0 ..< 4 { for v in 0 ..< 4 where u != v {
            arcs.append(OracleArc(id: ArcID(arcs.count), tail: u, head: v, weight: 1))
        } }
        let paths = Oracle.simplePaths(nodeCount: 4, arcs: arcs, from: 0, to: 3)
        #expect(paths.count == 5)
        #expect(paths.map(\.distance) == [1, 2, 2, 3, 3])
        // Arc ids: u's arcs are 3u ..< 3u + 3 in head order skipping u, so 0->3 is 2,
        // 0->1 is 0, 1->3 is 5, 0->2 is 1, 2->3 is 8, 1->2 is 4, 2->1 is 7.
        #expect(paths.map(\.arcs) == [[2], [0, 5], [1, 8], [0, 4, 8], [1, 7, 5]])
        #expect(Oracle.simplePaths(nodeCount: 4, arcs: arcs, from: 2, to: 2).map(\.arcs) == [[]])
    }

    @Test func referenceDijkstraFollowsTheTieRules() {
        // Two sources 0 and 1, node 2 at 3 from both (0->2 arc 0, 1->2 arc 1): 0 settles
        // first (same distance, smaller id) and relaxes 2 first, so 2 is 0's. Listed as
        // [1, 0], source 0 has origin index 1.
        let arcs = [OracleArc(id: 0, tail: 0, head: 2, weight: 3), OracleArc(id: 1, tail: 1, head: 2, weight: 3)]
        let r = ReferenceDijkstra(nodeCount: 3, arcs: arcs, sources: [1, 0])
        #expect(r.settled == [0, 1, 2])
        #expect(r.origin == [1, 0, 1])
        #expect(r.parent == [nil, nil, 0])
    }

    @Test func certificatesCatchAWrongAnswer() {
        // A certificate that never fails would be worthless: feed it a search on a graph
        // that differs from the oracle's arcs and expect complaints.
        let g = tinyGraph(nodes: 3, "0 -> 1 : 5\n1 -> 2 : 5")
        let search = DijkstraSearch(g.graph)
        search.run(from: [0], weights: g.graph.weights(0))
        #expect(Certificates.check(search, g, arcs: g.oracleArcs(), Query(sources: [0])).isEmpty)
        let lying = g.oracleArcs(overrides: [(arc: 1, weight: 4)])
        #expect(!Certificates.check(search, g, arcs: lying, Query(sources: [0])).isEmpty)
        #expect(!Certificates.check(search, g, arcs: g.oracleArcs(), Query(sources: [0], limit: 5)).isEmpty)
        #expect(!Certificates.check(search, g, arcs: g.oracleArcs(), Query(sources: [1])).isEmpty)
    }
}
