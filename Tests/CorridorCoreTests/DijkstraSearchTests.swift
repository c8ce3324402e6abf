import CorridorCore
import Testing
import TestSupport

/// Hand-worked fixtures first, then seeded random graphs against the Bellman–Ford oracle,
/// the reference model of the tie rules and the certificates.
@Suite struct DijkstraSearchTests {
    // MARK: Hand-worked fixtures

    /// Fixtures/core/parallel-zero-selfloop.txt from 0 (arc ids in the fixture's table):
    ///
    ///     settle 0 (0):  arc 0 labels 1 = 60; arc 1 lowers 1 to 45 (the cheaper parallel
    ///                    arc wins); arc 2 labels 3 = 55
    ///     settle 1 (45): arc 3 (zero weight) labels 2 = 45
    ///     settle 2 (45): self-loop arc 4 gives 50, no improvement; arc 5 gives 3 = 55,
    ///                    not < 55, so 3 keeps the direct arc 2 (first relaxation wins)
    ///     settle 3 (55); 4 (only 4 -> 0) and 5 (isolated) are never reached.
    @Test func parallelArcsZeroWeightsSelfLoopsAndUnreachableNodes() {
        let g = coreFixture("parallel-zero-selfloop.txt")
        let search = DijkstraSearch(g.graph)
        search.run(from: [0], weights: g.graph.weights(0))
        #expect(search.settledNodes == [0, 1, 2, 3])
        #expect(search.settledCount == 4)
        #expect((0 ..< 6).map { search.distance(to: $0) } == [0, 45, 45, 55, .unreachable, .unreachable])
        #expect(search.parentArc(of: 0) == nil)
        #expect(search.parentArc(of: 1) == g.arc(1))
        #expect(search.parentArc(of: 2) == g.arc(2))
        #expect(search.parentArc(of: 3) == g.arc(5))
        #expect(search.path(to: 0) == Path(source: 0, target: 0, arcs: [], distance: 0))
        #expect(search.path(to: 2) == Path(source: 0, target: 2, arcs: g.arcs(1, 2), distance: 45))
        #expect(search.path(to: 3) == Path(source: 0, target: 3, arcs: [g.arc(5)], distance: 55))
        for v: NodeID in [4, 5] {
            #expect(!search.isSettled(v))
            #expect(search.distance(to: v) == .unreachable)
            #expect(search.path(to: v) == nil)
            #expect(search.origin(of: v) == nil)
            #expect(search.parentArc(of: v) == nil)
        }
        #expect((0 ..< 4).allSatisfy { search.origin(of: NodeID($0)) == 0 })
        #expect(search.sources == [0] && search.direction == .forward)
    }

    /// The same fixture backward from 3: distances *to* 3 over the reverse arcs.
    ///
    ///     settle 3 (0):  arcs into 3 in ascending id: arc 2 (from 0, 55) labels 0 = 55;
    ///                    arc 5 (from 2, 10) labels 2 = 10
    ///     settle 2 (10): arc 3 (from 1, 0) labels 1 = 10; self-loop 4 gives 15, no
    ///     settle 1 (10): arcs 0 (60 + 10) and 1 (45 + 10 = 55) do not beat 55, so 0
    ///                    keeps arc 2
    ///     settle 0 (55): arc 6 (from 4, 1) labels 4 = 56
    ///     settle 4 (56). 5 reaches nothing.
    ///
    /// Forward from 3 reaches nothing: arcs are one-way.
    @Test func backwardSearchFollowsArcsInReverse() {
        let g = coreFixture("parallel-zero-selfloop.txt")
        let search = DijkstraSearch(g.graph)
        search.run(from: [3], weights: g.graph.weights(0), direction: .backward)
        #expect(search.settledNodes == [3, 2, 1, 0, 4])
        #expect((0 ..< 6).map { search.distance(to: $0) } == [55, 10, 10, 0, 56, .unreachable])
        #expect(search.parentArc(of: 0) == g.arc(5))      // the arc leaving 0 toward 3
        #expect(search.parentArc(of: 1) == g.arc(2))
        #expect(search.path(to: 4) == Path(source: 4, target: 3, arcs: g.arcs(6, 5), distance: 56))
        #expect(search.path(to: 1) == Path(source: 1, target: 3, arcs: g.arcs(2, 4), distance: 10))
        #expect(search.direction == .backward)

        search.run(from: [3], weights: g.graph.weights(0), direction: .forward)
        #expect(search.settledNodes == [3])
        #expect(search.distance(to: 0) == .unreachable && search.distance(to: 4) == .unreachable)
    }

    /// Bounded: nodes at exactly the limit are settled, one unit beyond is not.
    /// Distances from 0 are 0, 45, 45, 55.
    @Test(arguments: [
        (0, [0]), (44, [0]), (45, [0, 1, 2]), (54, [0, 1, 2]), (55, [0, 1, 2, 3]),
        (Distance.unreachable, [0, 1, 2, 3]),
    ] as [(Distance, [NodeID])])
    func boundedSearchSettlesExactlyTheNodesWithinTheLimit(limit: Distance, settled: [NodeID]) {
        let g = coreFixture("parallel-zero-selfloop.txt")
        let search = DijkstraSearch(g.graph)
        search.run(from: [0], weights: g.graph.weights(0), limit: limit)
        #expect(search.settledNodes == settled)
        for v in 0 ..< 6 where !settled.contains(NodeID(v)) {
            #expect(search.distance(to: NodeID(v)) == .unreachable && search.path(to: NodeID(v)) == nil)
        }
        #expect(Certificates.check(search, g, arcs: g.oracleArcs(), Query(sources: [0], limit: limit)).isEmpty)
    }

    /// Early exit: the search stops as soon as the target settles. 1 and 2 are both at
    /// 45; 1 settles first (smaller id), so a run to 1 never settles 2.
    @Test func targetEarlyExit() {
        let g = coreFixture("parallel-zero-selfloop.txt")
        let search = DijkstraSearch(g.graph)
        let w = g.graph.weights(0)
        search.run(from: [0], weights: w, target: 1)
        #expect(search.settledNodes == [0, 1])
        #expect(search.distance(to: 1) == 45)
        #expect(search.distance(to: 2) == .unreachable && !search.isSettled(2) && search.path(to: 2) == nil)
        search.run(from: [0], weights: w, target: 2)
        #expect(search.settledNodes == [0, 1, 2])
        #expect(search.path(to: 2)?.arcs == g.arcs(1, 2))
        #expect(!search.isSettled(3))
        search.run(from: [0], weights: w, target: 0)
        #expect(search.settledNodes == [0])
        // An unreachable target: the search runs to exhaustion and reports unreachable.
        search.run(from: [0], weights: w, target: 4)
        #expect(search.settledNodes == [0, 1, 2, 3] && search.distance(to: 4) == .unreachable)
        // Target beyond the limit: bounded, and the target stays unsettled.
        search.run(from: [0], weights: w, limit: 50, target: 3)
        #expect(search.settledNodes == [0, 1, 2] && search.path(to: 3) == nil)
    }

    /// Fixtures/core/multi-source-ties.txt with sources [1, 0] (so node 1 is origin 0
    /// and node 0 is origin 1):
    ///
    ///     heap (0,0) (0,1): 0 settles first although listed second (smaller id)
    ///     settle 0: arc 0 labels 2 = 5 (origin 1); arc 1 labels 3 = 2 (origin 1)
    ///     settle 1: arc 2 gives 2 = 5, not < 5: 2 stays with node 0; arc 3 labels 4 = 1
    ///     settle 4 (1): arc 5 labels 5 = 5 with origin 0 (node 1)
    ///     settle 3 (2): arc 4 gives 5 = 5, not < 5: 5 stays with node 1
    ///     settle 2 (5), 5 (5) (id order), then 6 (6) inherits 5's origin.
    ///
    /// So 2 goes to node 0 (it settled first) and 5 to node 1 (its predecessor 4 settled
    /// before 3): "the source whose path reaches its last predecessor first".
    @Test func multiSourceNearestOriginAndTies() {
        let g = coreFixture("multi-source-ties.txt")
        let search = DijkstraSearch(g.graph)
        let w = g.graph.weights(0)
        search.run(from: [1, 0], weights: w)
        #expect(search.settledNodes == [0, 1, 4, 3, 2, 5, 6])
        #expect((0 ..< 7).map { search.distance(to: $0) } == [0, 0, 5, 2, 1, 5, 6])
        #expect((0 ..< 7).map { search.origin(of: $0) } == [1, 0, 1, 1, 0, 0, 0])
        #expect(search.path(to: 2) == Path(source: 0, target: 2, arcs: [g.arc(0)], distance: 5))
        #expect(search.path(to: 6) == Path(source: 1, target: 6, arcs: g.arcs(3, 5, 6), distance: 6))
        #expect(search.sources == [1, 0])

        // Listed the other way round, the same nodes win, under the other indices.
        search.run(from: [0, 1], weights: w)
        #expect((0 ..< 7).map { search.origin(of: $0) } == [0, 1, 0, 0, 1, 1, 1])

        // A source listed twice counts once, with the index of its first listing.
        search.run(from: [1, 0, 1, 0], weights: w)
        #expect((0 ..< 7).map { search.origin(of: $0) } == [1, 0, 1, 1, 0, 0, 0])
        #expect(search.settledNodes == [0, 1, 4, 3, 2, 5, 6])

        // Multi-source distances are the minimum over the single-source ones.
        let single = (0 ..< 2).map { s -> [Distance] in
            search.run(from: [NodeID(s)], weights: w)
            return (0 ..< 7).map { search.distance(to: $0) }
        }
        search.run(from: [0, 1], weights: w)
        let nearest: [Distance] = (0 ..< 7).map { (v: Int) in min(single[0][v], single[1][v]) }
        #expect((0 ..< 7).map { search.distance(to: $0) } == nearest)
    }

    /// Settle order is non-decreasing in distance, but not by (distance, id) across
    /// zero-weight arcs: a head is labelled only when its tail settles.
    ///
    ///     input  arc id  arc
    ///     0      1       1 -> 0  0
    ///     1      0       0 -> 2  0
    ///     2      2       1 -> 2  0
    ///
    /// From 1: settle 1 (0); arc 1 labels 0 at 0, arc 2 labels 2 at 0 (parent arc 2).
    /// Heap (0, 0), (0, 2): settle 0; its arc 0 gives 2 at 0, no improvement. Settle 2.
    /// So the order is 1, 0, 2: node 0 settles after node 1 at the same distance.
    @Test func zeroWeightArcsSettleAfterTheirTail() {
        let g = tinyGraph(nodes: 3, "1 -> 0 : 0\n0 -> 2 : 0\n1 -> 2 : 0")
        #expect(g.arcOfInput == [1, 0, 2])
        let search = DijkstraSearch(g.graph)
        search.run(from: [1], weights: g.graph.weights(0))
        #expect(search.settledNodes == [1, 0, 2])
        #expect(search.parentArc(of: 0) == 1)
        #expect(search.parentArc(of: 2) == 2)
        #expect((0 ..< 3).map { search.distance(to: $0) } == [0, 0, 0])
    }

    @Test func filterAndOverrideOnAHandGraph() {
        let g = coreFixture("parallel-zero-selfloop.txt")
        let search = DijkstraSearch(g.graph)
        // Without the cheaper parallel arc (id 1), 1 is at 60 by arc 0.
        var filter = ArcFilter(arcCount: g.graph.arcCount)
        filter.remove(g.arc(1))
        search.run(from: [0], weights: g.graph.weights(0), filter: filter)
        #expect(search.distance(to: 1) == 60 && search.parentArc(of: 1) == g.arc(0))
        #expect(search.distance(to: 3) == 55)
        // Making the direct arc 0 -> 3 slower sends 3 through 1 and 2: 45 + 0 + 10.
        let slower = g.graph.weights(0).overriding([(arc: g.arc(5), weight: Weight(56))])
        search.run(from: [0], weights: slower)
        #expect(search.distance(to: 3) == 55 && search.path(to: 3)?.arcs == g.arcs(1, 2, 4))
        // An empty filter: only the source.
        search.run(from: [0, 4], weights: g.graph.weights(0), filter: ArcFilter(arcCount: g.graph.arcCount, containsAll: false))
        #expect(search.settledNodes == [0, 4])
    }

    // MARK: Random graphs against the oracle

    /// Every kind of `run` on random graphs: one-to-all, targets, several sources,
    /// bounds, backward, with and without filters and overrides. Each result is certified
    /// (oracle distances, settled sets, arc conditions, paths) and compared with the
    /// reference model of the documented tie rules (exact parents, origins, order).
    @Test(arguments: [RandomGraph.Options.standard, .tieHeavy, .huge])
    func randomQueriesMatchTheOracle(options: RandomGraph.Options) {
        for seed in seeds(500, base: 10 + seedOffset(options)) {
            var rng = SeededRandom(seed: seed)
            let g = RandomGraph.make(&rng, options)
            let search = DijkstraSearch(g.graph)
            for _ in 0 ..< 4 {
                let query = randomQuery(&rng, g)
                query.run(search)
                let problems = Certificates.check(search, g, arcs: query.arcs, query.query)
                #expect(problems.isEmpty, "\(rng) \(query.query): \(problems)")
                let reference = ReferenceDijkstra(
                    nodeCount: g.nodeCount, arcs: query.arcs, sources: query.query.sources,
                    direction: query.query.direction, allowed: query.query.admits,
                    limit: query.query.limit, target: query.query.target)
                #expect(search.settledNodes == reference.settled, "\(rng) \(query.query): settle order")
                let nodes = (0 ..< g.nodeCount).map(NodeID.init)
                #expect(nodes.map { search.parentArc(of: $0) } == reference.parent, "\(rng) \(query.query): parents")
                #expect(nodes.map { search.origin(of: $0) } == reference.origin, "\(rng) \(query.query): origins")
            }
        }
    }

    /// Without zero-weight arcs, the settle order is strictly increasing in
    /// (distance, node id), as documented.
    @Test func settleOrderIsByDistanceThenIdWithoutZeroWeights() {
        for seed in seeds(300, base: 12) {
            var rng = SeededRandom(seed: seed)
            var options = RandomGraph.Options.tieHeavy
            options.zeroWeightChance = 0
            let g = RandomGraph.make(&rng, options)
            let search = DijkstraSearch(g.graph)
            search.run(from: RandomGraph.sources(&rng, g.nodeCount), weights: g.graph.weights(0))
            let order = search.settledNodes.map { (search.distance(to: $0), $0) }
            #expect(zip(order, order.dropFirst()).allSatisfy { $0 < $1 }, "\(rng): \(order)")
        }
    }

    /// Multi-source distances are the minimum over the sources' own searches, and each
    /// node's origin is a source at that minimum.
    @Test func multiSourceIsTheMinimumOverSources() {
        for seed in seeds(300, base: 13) {
            var rng = SeededRandom(seed: seed)
            let g = RandomGraph.make(&rng)
            let search = DijkstraSearch(g.graph)
            let sources = RandomGraph.sources(&rng, g.nodeCount, max: 4)
            let direction: SearchDirection = rng.chance(0.5) ? .forward : .backward
            let w = g.graph.weights(0)
            let single = sources.map { s -> [Distance] in
                search.run(from: [s], weights: w, direction: direction)
                return (0 ..< g.nodeCount).map { search.distance(to: NodeID($0)) }
            }
            search.run(from: sources, weights: w, direction: direction)
            for v in 0 ..< g.nodeCount {
                let best = single.map { $0[v] }.min()!
                #expect(search.distance(to: NodeID(v)) == best, "\(rng) node \(v)")
                if let o = search.origin(of: NodeID(v)) {
                    #expect(single[o][v] == best, "\(rng) node \(v): origin \(o) is not nearest")
                }
            }
        }
    }
}

/// A random query: the parameters for `run` and the oracle's view of the same query.
struct RandomQuery {
    var query: Query
    var weights: ArcWeights
    var filter: ArcFilter?
    /// The arcs by id with the weights the query uses, derived from the input.
    var arcs: [OracleArc]

    func run(_ search: DijkstraSearch) {
        search.run(
            from: query.sources, weights: weights, filter: filter, direction: query.direction,
            limit: query.limit, target: query.target)
    }
}

func randomQuery(_ rng: inout SeededRandom, _ g: TestGraph) -> RandomQuery {
    let metric = rng.int(0 ..< g.metricNames.count)
    var weights = g.graph.weights(metric)
    var overrides: [(arc: ArcID, weight: Weight)] = []
    if rng.chance(0.3) {
        overrides = RandomGraph.overrides(&rng, g.graph)
        weights = weights.overriding(overrides)
    }
    let arcs = g.oracleArcs(metric: metric, overrides: overrides)
    var filter: ArcFilter?
    var allowed: [Bool]?
    if rng.chance(0.4) { (filter, allowed) = RandomGraph.filter(&rng, g.graph, keep: rng.pick([0.3, 0.7, 0.95])) }
    let sources = rng.chance(0.3) ? RandomGraph.sources(&rng, g.nodeCount) : [NodeID(rng.int(0 ..< g.nodeCount))]
    let direction: SearchDirection = rng.chance(0.35) ? .backward : .forward
    var limit = Distance.unreachable
    if rng.chance(0.35) {
        // A limit equal to some node's oracle distance half of the time: the boundary.
        let d = Oracle.distances(nodeCount: g.nodeCount, arcs: arcs, sources: sources, direction: direction,
                                 allowed: { allowed?[Int($0)] ?? true }).filter { $0 != .unreachable }
        limit = rng.chance(0.5) ? rng.pick(d) : Distance(rng.int(0 ... 60))
        if rng.chance(0.1) { limit = rng.pick([1 << 32 - 1, 1 << 32, 1 << 33]) }  // key-width boundary
        if rng.chance(0.2) { limit &+= 1 }
    }
    let target: NodeID? = rng.chance(0.3) ? NodeID(rng.int(0 ..< g.nodeCount)) : nil
    return RandomQuery(
        query: Query(sources: sources, direction: direction, limit: limit, target: target, allowed: allowed),
        weights: weights, filter: filter, arcs: arcs)
}

/// Distinct seed streams for the parameterized option sets.
func seedOffset(_ options: RandomGraph.Options) -> UInt64 {
    switch options.name {
    case "standard": 0
    case "tieHeavy": 100
    case "huge": 200
    default: 300
    }
}
