import CorridorCore
import Testing
import TestSupport

@Suite struct LandmarksTests {
    /// Farthest selection on the path 0 -> 1 -> 2 -> 3 -> 4 (weights 1) from seed 0:
    /// the farthest from {0} is 4; from {0, 4} (both at distance 0) the settle order is
    /// 0, 4, 1, 2, 3, so the last is 3; from {0, 4, 3} it is 0, 3, 4, 1, 2 → 2 …
    @Test func farthestSelection() {
        let g = tinyGraph(nodes: 5, "0 -> 1 : 1\n1 -> 2 : 1\n2 -> 3 : 1\n3 -> 4 : 1")
        let w = g.graph.weights(0)
        #expect(Landmarks(g.graph, weights: w, count: 1, seed: 0).nodes == [0])
        #expect(Landmarks(g.graph, weights: w, count: 2, seed: 0).nodes == [0, 4])
        #expect(Landmarks(g.graph, weights: w, count: 3, seed: 0).nodes == [0, 4, 3])
        // More landmarks than distinct answers: selection stops when the farthest node is
        // already chosen. From 2, only 2, 3, 4 are reachable: {2} → 4; {2, 4} → 3; then
        // {2, 4, 3} settles 2, 3, 4 (all at 0, id order): the last, 4, is chosen already.
        #expect(Landmarks(g.graph, weights: w, count: 9, seed: 2).nodes == [2, 4, 3])
        // Bounds on the path: d(1, 3) = 2; from landmark 0: d(0,3) - d(0,1) = 3 - 1 = 2.
        let l = Landmarks(g.graph, weights: w, count: 1, seed: 0)
        #expect(l.lowerBound(from: 1, to: 3) == 2)
        #expect(l.lowerBound(from: 3, to: 1) == 0)      // no path back: no bound applies
        #expect(l.potential(toward: 4)(2) == 2)
    }

    /// Random graphs: the bound is admissible for every pair, consistent on every arc
    /// into a node that can reach the target, and A* with it is exact.
    @Test func randomLandmarksAreAdmissibleConsistentAndExact() {
        for seed in seeds(160, base: 90) {
            var rng = SeededRandom(seed: seed)
            let g = RandomGraph.make(&rng, RandomGraph.Options(nodes: 5 ... 35))
            let metric = rng.int(0 ..< g.metricNames.count)
            var filter: ArcFilter?, allowed: [Bool]?
            if rng.chance(0.3) { (filter, allowed) = RandomGraph.filter(&rng, g.graph, keep: 0.8) }
            let admits: (ArcID) -> Bool = { allowed?[Int($0)] ?? true }
            let w = g.graph.weights(metric)
            let arcs = g.oracleArcs(metric: metric)
            let landmarks = Landmarks(
                g.graph, weights: w, filter: filter, count: rng.int(1 ... 4), seed: NodeID(rng.int(0 ..< g.nodeCount)))
            #expect(Set(landmarks.nodes).count == landmarks.nodes.count, "\(rng)")
            let search = DijkstraSearch(g.graph)
            for t in (0 ..< g.nodeCount).map(NodeID.init) {
                let toT = Oracle.distances(nodeCount: g.nodeCount, arcs: arcs, sources: [t], direction: .backward, allowed: admits)
                let pi = landmarks.potential(toward: t)
                for v in 0 ..< g.nodeCount where toT[v] != .unreachable {
                    #expect(pi(NodeID(v)) <= toT[v], "\(rng) bound \(v)->\(t): \(pi(NodeID(v))) > \(toT[v])")
                }
                for a in arcs where admits(a.id) && toT[a.head] != .unreachable {
                    #expect(pi(NodeID(a.tail)) <= a.weight + pi(NodeID(a.head)), "\(rng) arc \(a.id) toward \(t)")
                }
                let s = NodeID(rng.int(0 ..< g.nodeCount))
                let path = search.shortestPath(from: s, to: t, weights: w, filter: filter, potential: pi)
                #expect(path?.distance == (toT[Int(s)] == .unreachable ? nil : toT[Int(s)]), "\(rng) A* \(s)->\(t)")
            }
        }
    }

    /// Distances past 32 bits are not stored and give no bound, which keeps it admissible.
    @Test func hugeDistancesGiveNoBound() {
        let big = UInt32.max - 1
        let g = tinyGraph(nodes: 4, "0 -> 1 : \(big)\n1 -> 2 : \(big)\n2 -> 3 : 1")
        let l = Landmarks(g.graph, weights: g.graph.weights(0), count: 1, seed: 0)
        // d(0, 1) = big fits; d(0, 2) and d(0, 3) do not.
        #expect(l.lowerBound(from: 0, to: 1) == Distance(big))
        #expect(l.lowerBound(from: 1, to: 2) == 0)
        #expect(l.lowerBound(from: 2, to: 3) == 0)
        #expect(l.lowerBound(from: 0, to: 3) <= 2 * Distance(big) + 1)
    }
}
