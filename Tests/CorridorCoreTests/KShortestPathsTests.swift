import CorridorCore
import Testing
import TestSupport

@Suite struct KShortestPathsTests {
    /// Parallel arcs make distinct paths.
    ///
    ///     input  arc id  arc
    ///     0      0       0 -> 1  2
    ///     1      1       0 -> 1  3   (parallel)
    ///     2      3       1 -> 2  1
    ///     3      2       0 -> 2  4
    ///
    /// Simple 0 -> 2 paths: [0, 3] = 3, [1, 3] = 4, [2] = 4. In the documented order
    /// (distance, then arc ids lexicographically): [0, 3], [1, 3], [2].
    @Test func parallelArcsGiveDistinctPathsInTheDocumentedOrder() {
        let g = tinyGraph(nodes: 3, "0 -> 1 : 2\n0 -> 1 : 3\n1 -> 2 : 1\n0 -> 2 : 4")
        let yen = KShortestPaths(g.graph)
        let w = g.graph.weights(0)
        let paths = yen.paths(from: 0, to: 2, count: 5, weights: w)
        #expect(paths.map(\.arcs) == [[0, 3], [1, 3], [2]])
        #expect(paths.map(\.distance) == [3, 4, 4])
        #expect(paths.allSatisfy { $0.source == 0 && $0.target == 2 })
        #expect(yen.paths(from: 0, to: 2, count: 1, weights: w).map(\.arcs) == [[0, 3]])
        #expect(yen.paths(from: 0, to: 2, count: 2, weights: w).map(\.arcs) == [[0, 3], [1, 3]])
    }

    @Test func edgeCases() {
        let g = coreFixture("parallel-zero-selfloop.txt")
        let yen = KShortestPaths(g.graph)
        let w = g.graph.weights(0)
        #expect(yen.paths(from: 0, to: 3, count: 0, weights: w).isEmpty)
        #expect(yen.paths(from: 0, to: 4, count: 3, weights: w).isEmpty)   // unreachable
        #expect(yen.paths(from: 2, to: 2, count: 3, weights: w) == [Path(source: 2, target: 2, arcs: [], distance: 0)])
        // 0 -> 3: [1, 3, 5] (45 + 0 + 10 = 55), [2] (direct, 55), [0, 3, 5] (60 + 10 = 70);
        // the two at 55 in arc-id order ([1, …] before [2]). The self-loop at 2 never
        // appears (no path repeats a node). Exactly three exist.
        let all = yen.paths(from: 0, to: 3, count: 10, weights: w)
        #expect(all.map(\.arcs) == [[1, 3, 5], [2], [0, 3, 5]])
        #expect([g.arcs(1, 2, 4), [g.arc(5)], g.arcs(0, 2, 4)] == [[1, 3, 5], [2], [0, 3, 5]])
        #expect(all.map(\.distance) == [55, 55, 70])
        // Filter: without arc 1 (the cheaper parallel arc) only two remain.
        var f = ArcFilter(arcCount: g.graph.arcCount)
        f.remove(g.arc(1))
        #expect(yen.paths(from: 0, to: 3, count: 10, weights: w, filter: f).map(\.distance) == [55, 70])
    }

    /// Small random graphs against brute-force enumeration of every simple path, sorted by
    /// (distance, arc ids lexicographically): the first k must match exactly, including
    /// when fewer than k exist. Weights are distinct powers of two in half of the graphs
    /// (no two paths tie, so the order is forced) and tie-heavy small integers in the rest.
    @Test func randomSmallGraphsMatchBruteForce() {
        for seed in seeds(800, base: 50) {
            var rng = SeededRandom(seed: seed)
            var g = RandomGraph.make(&rng, .small)
            let distinct = rng.chance(0.5)
            if distinct {  // arc i weighs 2^i: every arc set has its own sum
                g = g.rebuilt(weight: { i, a in a.weights.map { _ in Weight(1) << Weight(i % 31) } })
            }
            let yen = KShortestPaths(g.graph)
            let metric = rng.int(0 ..< g.metricNames.count)
            var (filter, allowed): (ArcFilter?, [Bool]?) = (nil, nil)
            if rng.chance(0.3) { (filter, allowed) = RandomGraph.filter(&rng, g.graph, keep: 0.8) }
            let arcs = g.oracleArcs(metric: metric)
            let admits: (ArcID) -> Bool = { allowed?[Int($0)] ?? true }
            for _ in 0 ..< 3 {
                let s = NodeID(rng.int(0 ..< g.nodeCount)), t = NodeID(rng.int(0 ..< g.nodeCount))
                let k = rng.int(1 ... 8)
                let brute = Oracle.simplePaths(nodeCount: g.nodeCount, arcs: arcs, from: s, to: t, allowed: admits)
                let got = yen.paths(from: s, to: t, count: k, weights: g.graph.weights(metric), filter: filter)
                let want = Array(brute.prefix(k))
                // The distances are forced whatever the tie order.
                #expect(got.map(\.distance) == want.map(\.distance), "\(rng) \(s)->\(t) k \(k) distinct \(distinct)")
                // The paths, in the documented order.
                #expect(got.map(\.arcs) == want.map(\.arcs), "\(rng) \(s)->\(t) k \(k) distinct \(distinct): got \(got.map { "\($0.distance):\($0.arcs)" }) want \(want)")
                // Every path is real, admitted, loopless and distinct.
                for p in got {
                    let problems = Certificates.checkPath(p, arcs: arcs, from: s, to: t, distance: p.distance, admits: admits)
                    #expect(problems.isEmpty, "\(rng): \(problems)")
                    #expect(!Certificates.repeatsNode(p, arcs: arcs), "\(rng): \(p.arcs) repeats a node")
                }
                #expect(Set(got.map(\.arcs)).count == got.count, "\(rng): a path repeats")
            }
        }
    }
}

extension KShortestPathsTests {
    /// A zero-weight detour that only leads back: 0 -> 1 (0, arc 0), 0 -> 2 (5, arc 1),
    /// 1 -> 0 (0, arc 2). The only simple path 0 -> 2 is [1]. Arc 0 is tight (1 is at
    /// distance 0 too) and 1 reaches 2 through 0 — but not without revisiting 0, so the
    /// walk must not take it.
    @Test func zeroWeightDetourThatOnlyLeadsBack() {
        let g = tinyGraph(nodes: 3, "0 -> 1 : 0\n0 -> 2 : 5\n1 -> 0 : 0")
        let paths = KShortestPaths(g.graph).paths(from: 0, to: 2, count: 3, weights: g.graph.weights(0))
        #expect(paths == [Path(source: 0, target: 2, arcs: [1], distance: 5)])
    }

    /// Zero-weight cycles everywhere: brute force again, with half of all weights zero.
    @Test func zeroWeightHeavyGraphsMatchBruteForce() {
        var options = RandomGraph.Options.small
        options.zeroWeightChance = 0.5
        options.maxWeight = 2
        for seed in seeds(600, base: 51) {
            var rng = SeededRandom(seed: seed)
            let g = RandomGraph.make(&rng, options)
            let yen = KShortestPaths(g.graph)
            let arcs = g.oracleArcs(metric: 0)
            for _ in 0 ..< 3 {
                let s = NodeID(rng.int(0 ..< g.nodeCount)), t = NodeID(rng.int(0 ..< g.nodeCount))
                let k = rng.int(1 ... 10)
                let want = Oracle.simplePaths(nodeCount: g.nodeCount, arcs: arcs, from: s, to: t).prefix(k)
                let got = yen.paths(from: s, to: t, count: k, weights: g.graph.weights(0))
                #expect(got.map(\.arcs) == want.map(\.arcs), "\(rng) \(s)->\(t) k \(k): got \(got.map { "\($0.distance):\($0.arcs)" }) want \(Array(want))")
                #expect(got.map(\.distance) == want.map(\.distance), "\(rng)")
            }
        }
    }

    /// Larger graphs (too many paths to enumerate): the paths are valid, loopless,
    /// distinct, sorted in the documented order, and the first is a shortest path.
    @Test func largerGraphsGiveSortedValidPaths() {
        for seed in seeds(200, base: 52) {
            var rng = SeededRandom(seed: seed)
            let g = RandomGraph.make(&rng, rng.pick([RandomGraph.Options.standard, .tieHeavy, .huge]))
            let q = randomQuery(&rng, g)
            let s = NodeID(rng.int(0 ..< g.nodeCount)), t = NodeID(rng.int(0 ..< g.nodeCount))
            let got = KShortestPaths(g.graph).paths(from: s, to: t, count: 6, weights: q.weights, filter: q.filter)
            let d = Oracle.distances(nodeCount: g.nodeCount, arcs: q.arcs, sources: [s], allowed: q.query.admits)[Int(t)]
            #expect(got.first?.distance == (d == .unreachable ? nil : d), "\(rng)")
            for p in got {
                #expect(Certificates.checkPath(p, arcs: q.arcs, from: s, to: t, distance: p.distance, admits: q.query.admits).isEmpty, "\(rng)")
                #expect(!Certificates.repeatsNode(p, arcs: q.arcs), "\(rng)")
            }
            #expect(zip(got, got.dropFirst()).allSatisfy { a, b in
                a.distance != b.distance ? a.distance < b.distance : a.arcs.lexicographicallyPrecedes(b.arcs)
            }, "\(rng): \(got.map { "\($0.distance):\($0.arcs)" })")
        }
    }
}
