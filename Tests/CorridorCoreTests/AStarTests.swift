import CorridorCore
import Testing
import TestSupport

@Suite struct AStarTests {
    /// An admissible but inconsistent potential that forces a reopening.
    ///
    ///     arcs: s=0 -> a=1 (1), 0 -> b=2 (3), 1 -> 2 (1), 2 -> t=3 (5)
    ///     true distances to t: b 5, a 6, s 7
    ///     π: s 0, a 6, b 0, t 0 (admissible: each ≤ the true distance; inconsistent:
    ///        π(a) = 6 > w(a, b) + π(b) = 1)
    ///
    ///     pop s (key 0): a = 1 (key 7), b = 3 (key 3)
    ///     pop b (key 3): t = 8 (key 8)
    ///     pop a (key 7): b improves to 2 (key 2) — b was closed: reopened
    ///     pop b (key 2): t improves to 7 (key 7)
    ///     pop t (key 7): 7, by s -> a -> b -> t.
    ///
    /// Without reopening the answer would be 8.
    @Test func inconsistentPotentialReopensAndStaysExact() {
        let g = tinyGraph(nodes: 4, "0 -> 1 : 1\n0 -> 2 : 3\n1 -> 2 : 1\n2 -> 3 : 5")
        let search = DijkstraSearch(g.graph)
        let pi: [Distance] = [0, 6, 0, 0]
        let path = search.shortestPath(from: 0, to: 3, weights: g.graph.weights(0)) { pi[Int($0)] }
        #expect(path == Path(source: 0, target: 3, arcs: g.arcs(0, 2, 3), distance: 7))
        // Five pops on four nodes: the settle list is a buffer of n entries, so it keeps
        // the first four (the reopened b twice) and drops the target.
        #expect(search.settledNodes == [0, 2, 1, 2])
        #expect(search.distance(to: 3) == 7 && search.path(to: 3) == path)

        // With a fifth (isolated) node, all five pops fit.
        let g5 = tinyGraph(nodes: 5, "0 -> 1 : 1\n0 -> 2 : 3\n1 -> 2 : 1\n2 -> 3 : 5")
        let search5 = DijkstraSearch(g5.graph)
        let path5 = search5.shortestPath(from: 0, to: 3, weights: g5.graph.weights(0)) { [0, 6, 0, 0, 0][Int($0)] }
        #expect(path5?.distance == 7)
        #expect(search5.settledNodes == [0, 2, 1, 2, 3])
    }

    /// The exact distance as potential (consistent), on the parallel-arc fixture from 4
    /// to 3. π = distance to 3 = [55, 10, 10, 0, 56, ∞]; keys are g + π:
    ///
    ///     pop 4 (56): arc 6 labels 0 with g 1, key 56
    ///     pop 0 (56): arc 0 labels 1 (g 61, key 71), arc 1 lowers it (g 46, key 56),
    ///                 arc 2 labels 3 (g 56, key 56)
    ///     pop 1 (56, id 1 < 3): arc 3 labels 2 (g 46, key 56)
    ///     pop 2 (56, id 2 < 3): self-loop and arc 5 (g 56) improve nothing
    ///     pop 3: the target, by 4 -> 0 -> 3 (the direct arc labelled it first)
    @Test func exactPotentialOnTheFixture() {
        let g = coreFixture("parallel-zero-selfloop.txt")
        let search = DijkstraSearch(g.graph)
        let w = g.graph.weights(0)
        let pi: [Distance] = [55, 10, 10, 0, 56, .max]
        let path = search.shortestPath(from: 4, to: 3, weights: w) { pi[Int($0)] }
        #expect(path == Path(source: 4, target: 3, arcs: g.arcs(6, 5), distance: 56))
        #expect(search.settledNodes == [4, 0, 1, 2, 3])
    }

    @Test func unreachableTargetAndTrivialQueries() {
        let g = coreFixture("parallel-zero-selfloop.txt")
        let search = DijkstraSearch(g.graph)
        let w = g.graph.weights(0)
        #expect(search.shortestPath(from: 0, to: 4, weights: w) { _ in 0 } == nil)
        #expect(search.distance(to: 4) == .unreachable)
        #expect(search.shortestPath(from: 3, to: 0, weights: w) { _ in 0 } == nil)
        #expect(search.shortestPath(from: 2, to: 2, weights: w) { _ in 0 } == Path(source: 2, target: 2, arcs: [], distance: 0))
        // A filter that removes the only way out of 4.
        var f = ArcFilter(arcCount: g.graph.arcCount)
        f.remove(g.arc(6))
        #expect(search.shortestPath(from: 4, to: 3, weights: w, filter: f) { _ in 0 } == nil)
    }

    /// Random graphs, three kinds of potential: zero (must be exactly Dijkstra with early
    /// exit: same path, same settled nodes), a random fraction of the true distance
    /// (admissible, usually inconsistent) and the exact distance. Nodes that cannot reach
    /// the target may get any potential, up to `Distance.max` (still admissible).
    @Test func randomPotentialsGiveExactDistances() {
        for seed in seeds(600, base: 30) {
            var rng = SeededRandom(seed: seed)
            let g = RandomGraph.make(&rng, rng.pick([RandomGraph.Options.standard, .tieHeavy, .huge]))
            var q = randomQuery(&rng, g)
            let source = q.query.sources[0]
            let target = NodeID(rng.int(0 ..< g.nodeCount))
            q.query = Query(sources: [source], target: target, allowed: q.query.allowed)
            let search = DijkstraSearch(g.graph)
            let toTarget = Oracle.distances(
                nodeCount: g.nodeCount, arcs: q.arcs, sources: [target], direction: .backward, allowed: q.query.admits)
            let expected = toTarget[Int(source)]

            // Zero potential: identical to run(target:).
            search.run(from: [source], weights: q.weights, filter: q.filter, target: target)
            let dijkstraPath = search.path(to: target)
            let dijkstraSettled = search.settledNodes
            let zero = search.shortestPath(from: source, to: target, weights: q.weights, filter: q.filter) { _ in 0 }
            #expect(zero == dijkstraPath, "\(rng)")
            #expect(search.settledNodes == dijkstraSettled, "\(rng)")

            for kind in 0 ..< 2 {
                let fractions = (0 ..< g.nodeCount).map { _ in rng.fraction() }
                let huge = (0 ..< g.nodeCount).map { _ in rng.pick([Distance.max, Distance.max - 1, 1 << 40, 7]) }
                let potential: (NodeID) -> Distance = { v in
                    let d = toTarget[Int(v)]
                    if d == .unreachable { return huge[Int(v)] }
                    return kind == 0 ? Distance((Double(d) * fractions[Int(v)]).rounded(.down)) : d
                }
                let path = search.shortestPath(from: source, to: target, weights: q.weights, filter: q.filter, potential: potential)
                if expected == .unreachable {
                    #expect(path == nil, "\(rng) kind \(kind)")
                    #expect(search.distance(to: target) == .unreachable, "\(rng)")
                } else if let path {
                    #expect(path.distance == expected, "\(rng) kind \(kind)")
                    #expect(search.distance(to: target) == expected, "\(rng)")
                    #expect(search.path(to: target) == path, "\(rng)")
                    let problems = Certificates.checkPath(path, arcs: q.arcs, from: source, to: target, distance: expected, admits: q.query.admits)
                    #expect(problems.isEmpty, "\(rng) kind \(kind): \(problems)")
                    #expect(!Certificates.repeatsNode(path, arcs: q.arcs) || q.arcs.contains { $0.weight == 0 }, "\(rng)")
                } else {
                    Issue.record("\(rng) kind \(kind): no path, expected \(expected)")
                }
                #expect(search.settledCount <= g.nodeCount, "\(rng)")
            }
        }
    }
}
