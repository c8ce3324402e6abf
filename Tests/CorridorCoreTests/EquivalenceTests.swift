import CorridorCore
import Testing
import TestSupport

/// "A search given a filter treats every arc outside it as absent, exactly as if the
/// graph had been built without it" and overriding weights is the same as building with
/// the new weights: checked node by node against graphs actually rebuilt that way.
/// (Arc ids differ between the two graphs, so paths are compared by length and by their
/// arcs mapped back to input indices.)
@Suite struct EquivalenceTests {
    @Test func filteredSearchEqualsTheGraphBuiltWithoutThoseArcs() {
        for seed in seeds(400, base: 60) {
            var rng = SeededRandom(seed: seed)
            let g = RandomGraph.make(&rng)
            let (filter, allowed) = RandomGraph.filter(&rng, g.graph, keep: rng.pick([0.2, 0.6, 0.9]))
            let keptInputs = g.arcs.indices.filter { allowed[Int(g.arcOfInput[$0])] }
            let without = g.rebuilt(keeping: { allowed[Int(g.arcOfInput[$0])] })
            // input index in `without` -> input index in `g`
            let originalInput = keptInputs
            let metric = rng.int(0 ..< g.metricNames.count)
            let sources = RandomGraph.sources(&rng, g.nodeCount)
            let direction: SearchDirection = rng.chance(0.5) ? .forward : .backward
            let limit: Distance = rng.chance(0.3) ? Distance(rng.int(0 ... 40)) : .unreachable
            let a = DijkstraSearch(g.graph), b = DijkstraSearch(without.graph)
            a.run(from: sources, weights: g.graph.weights(metric), filter: filter, direction: direction, limit: limit)
            b.run(from: sources, weights: without.graph.weights(metric), direction: direction, limit: limit)
            let withoutInput = without.inputOfArc
            for v in (0 ..< g.nodeCount).map(NodeID.init) {
                #expect(a.distance(to: v) == b.distance(to: v), "\(rng) node \(v)")
                #expect(a.origin(of: v) == b.origin(of: v), "\(rng) node \(v) origin")
                // Stable building keeps the relative order of the kept arcs, so even the
                // tie-broken parents agree (as input indices).
                let pa = a.parentArc(of: v).map { g.inputOfArc[Int($0)] }
                let pb = b.parentArc(of: v).map { originalInput[withoutInput[Int($0)]] }
                #expect(pa == pb, "\(rng) node \(v) parent")
            }
            #expect(a.settledNodes == b.settledNodes, "\(rng)")
            // The same for the point-to-point engines.
            let s = sources[0], t = NodeID(rng.int(0 ..< g.nodeCount))
            let bidirA = BidirectionalSearch(g.graph).shortestPath(from: s, to: t, weights: g.graph.weights(metric), filter: filter)
            let bidirB = BidirectionalSearch(without.graph).shortestPath(from: s, to: t, weights: without.graph.weights(metric))
            #expect(bidirA?.distance == bidirB?.distance, "\(rng) bidirectional \(s)->\(t)")
            let astarA = a.shortestPath(from: s, to: t, weights: g.graph.weights(metric), filter: filter) { _ in 0 }
            let astarB = b.shortestPath(from: s, to: t, weights: without.graph.weights(metric)) { _ in 0 }
            #expect(astarA?.distance == astarB?.distance, "\(rng) A* \(s)->\(t)")
            #expect(astarA?.arcs.map { g.inputOfArc[Int($0)] } == astarB?.arcs.map { originalInput[withoutInput[Int($0)]] }, "\(rng)")
        }
    }

    @Test func overriddenWeightsEqualTheGraphBuiltWithThem() {
        for seed in seeds(400, base: 61) {
            var rng = SeededRandom(seed: seed)
            let g = RandomGraph.make(&rng)
            let metric = rng.int(0 ..< g.metricNames.count)
            let changes = RandomGraph.overrides(&rng, g.graph)
            // The rebuilt graph: each input arc gets its last override, if any.
            var newWeight: [Int: Weight] = [:]
            for (arc, w) in changes { newWeight[g.inputOfArc[Int(arc)]] = w }
            let reweighted = g.rebuilt(weight: { i, a in
                var w = a.weights
                if let x = newWeight[i] { w[metric] = x }
                return w
            })
            #expect(reweighted.arcOfInput == g.arcOfInput, "\(rng)")   // same input order, same ids
            let overridden = g.graph.weights(metric).overriding(changes)
            #expect(overridden == reweighted.graph.weights(metric), "\(rng)")
            let sources = RandomGraph.sources(&rng, g.nodeCount)
            let direction: SearchDirection = rng.chance(0.5) ? .forward : .backward
            let a = DijkstraSearch(g.graph), b = DijkstraSearch(reweighted.graph)
            a.run(from: sources, weights: overridden, direction: direction)
            b.run(from: sources, weights: reweighted.graph.weights(metric), direction: direction)
            for v in (0 ..< g.nodeCount).map(NodeID.init) {
                #expect(a.distance(to: v) == b.distance(to: v) && a.parentArc(of: v) == b.parentArc(of: v), "\(rng) node \(v)")
            }
            // And k-shortest on the small graphs' scale.
            let s = sources[0], t = NodeID(rng.int(0 ..< g.nodeCount))
            #expect(KShortestPaths(g.graph).paths(from: s, to: t, count: 3, weights: overridden)
                == KShortestPaths(reweighted.graph).paths(from: s, to: t, count: 3, weights: reweighted.graph.weights(metric)), "\(rng)")
        }
    }
}
