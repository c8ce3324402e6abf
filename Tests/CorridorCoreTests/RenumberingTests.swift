import CorridorCore
import Testing
import TestSupport

/// Renumbering nodes changes ids, never distances or arcs.
@Suite struct RenumberingTests {
    /// 0 → 1 (5), 1 → 2 (7), 0 → 2 (20), renumbered by [2, 0, 1]: the old arc 0 → 1 is
    /// now 2 → 0, and so on; distances from old node 0 = new node 2 are 0, 5, 12.
    @Test func smallByHand() {
        var b = GraphBuilder(nodeCount: 3, metricNames: ["w", "len"])
        b.addArc(from: 0, to: 1, weights: [5, 50], mode: 3, flags: 1)
        b.addArc(from: 1, to: 2, weights: [7, 70])
        b.addArc(from: 0, to: 2, weights: [20, 200], mode: 4)
        let old = b.build().graph
        let (g, arcOf) = old.renumbered(newID: [2, 0, 1])
        #expect(g.nodeCount == 3 && g.arcCount == 3 && g.metricNames == ["w", "len"])
        // Old arc 0 (0 → 1) became 2 → 0 with its weights, mode and flags.
        let a = arcOf[0]
        #expect(g.tail(of: a) == 2 && g.head[Int(a)] == 0)
        #expect(g.metrics[0][Int(a)] == 5 && g.metrics[1][Int(a)] == 50)
        #expect(g.mode[Int(a)] == 3 && g.flags[Int(a)] == 1)
        // Old arc ids are in CSR order: 0 is 0 → 1, 1 is 0 → 2, 2 is 1 → 2.
        #expect(g.tail(of: arcOf[1]) == 2 && g.head[Int(arcOf[1])] == 1 && g.mode[Int(arcOf[1])] == 4)
        #expect(g.tail(of: arcOf[2]) == 0 && g.head[Int(arcOf[2])] == 1 && g.metrics[0][Int(arcOf[2])] == 7)
        let s = DijkstraSearch(g)
        s.run(from: [2], weights: g.weights(0))
        #expect([s.distance(to: 2), s.distance(to: 0), s.distance(to: 1)] == [0, 5, 12])
    }

    /// Random graphs and random permutations: every distance, forward and backward, is the
    /// Bellman–Ford distance of the original graph under the renaming.
    @Test func randomGraphsKeepTheirDistances() {
        for seed in seeds(120, base: 41) {
            var rng = SeededRandom(seed: seed)
            let tg = RandomGraph.make(&rng)
            let n = tg.nodeCount
            var newID = (0 ..< n).map { NodeID($0) }
            newID.shuffle(using: &rng)
            let (g, arcOf) = tg.graph.renumbered(newID: newID)
            #expect(g.arcCount == tg.graph.arcCount, "\(rng)")
            for a in 0 ..< tg.graph.arcCount {
                let b = Int(arcOf[a])
                #expect(g.tail(of: ArcID(b)) == newID[Int(tg.graph.tail(of: ArcID(a)))], "\(rng)")
                #expect(g.head[b] == newID[Int(tg.graph.head[a])], "\(rng)")
                for k in g.metrics.indices { #expect(g.metrics[k][b] == tg.graph.metrics[k][a], "\(rng)") }
            }
            let oracleArcs = tg.oracleArcs()
            let source = NodeID(rng.int(0 ..< n))
            let s = DijkstraSearch(g)
            for direction in [SearchDirection.forward, .backward] {
                let want = Oracle.distances(nodeCount: n, arcs: oracleArcs, sources: [source], direction: direction)
                s.run(from: [newID[Int(source)]], weights: g.weights(0), direction: direction)
                for v in 0 ..< n where s.distance(to: newID[v]) != want[v] {
                    Issue.record("\(rng) \(direction): node \(v) \(s.distance(to: newID[v])) vs \(want[v])")
                }
            }
        }
    }
}
