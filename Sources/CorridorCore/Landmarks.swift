/// Landmark lower bounds for A* (ALT): exact distances from and to a few landmark nodes,
/// turned by the triangle inequality into an admissible, consistent potential for any
/// target.
///
/// For a landmark L, `d(v, t) ≥ d(L, t) − d(L, v)` and `d(v, t) ≥ d(v, L) − d(t, L)`;
/// the potential of v toward t is the largest such bound over all landmarks (0 if none
/// applies). Landmarks are chosen by farthest selection: each new one is the node
/// farthest from those already chosen.
///
///     let landmarks = Landmarks(graph, weights: time, count: 4, seed: 0)
///     let path = search.shortestPath(from: a, to: b, weights: time,
///                                    potential: landmarks.potential(toward: b))
///
/// Distances are stored as 32-bit values; one too large to store (or unreachable)
/// contributes no bound, which keeps the potential admissible.
///
/// A. V. Goldberg, C. Harrelson, "Computing the shortest path: A* search meets graph
/// theory", SODA 2005.
///
/// - Complexity: building costs 3k − 1 one-to-all searches and 8kn bytes for k landmarks; a
///   potential is O(k) per node.
public struct Landmarks: Sendable {
    /// The landmark nodes, in the order chosen.
    public let nodes: [NodeID]
    /// `fromLandmark[l][v]` = d(landmark l, v), `UInt32.max` if unknown.
    let fromLandmark: [[UInt32]]
    /// `toLandmark[l][v]` = d(v, landmark l), `UInt32.max` if unknown.
    let toLandmark: [[UInt32]]

    /// Chooses `count` landmarks by farthest selection from `seed` and computes their
    /// distances under `weights` (and `filter`, which queries must then also respect).
    public init(_ graph: Graph, weights: ArcWeights, filter: ArcFilter? = nil, count: Int, seed: NodeID) {
        precondition(count >= 1 && Int(seed) < graph.nodeCount)
        let search = DijkstraSearch(graph)
        var chosen: [NodeID] = []
        var from: [[UInt32]] = [], to: [[UInt32]] = []
        var next = seed
        while chosen.count < count {
            chosen.append(next)
            for (direction, store) in [(SearchDirection.forward, 0), (.backward, 1)] {
                search.run(from: [next], weights: weights, filter: filter, direction: direction)
                var column = [UInt32](repeating: .max, count: graph.nodeCount)
                for v in search.settledNodes {
                    let d = search.distance(to: v)
                    column[Int(v)] = d < Distance(UInt32.max) ? UInt32(d) : .max
                }
                if store == 0 { from.append(column) } else { to.append(column) }
            }
            // The next landmark: farthest (forward) from all chosen so far.
            if chosen.count == count { break }
            search.run(from: chosen, weights: weights, filter: filter)
            guard let far = search.settledNodes.last, !chosen.contains(far) else { break }
            next = far
        }
        nodes = chosen
        fromLandmark = from
        toLandmark = to
    }

    /// The lower bound on the distance from `node` to `target`.
    public func lowerBound(from node: NodeID, to target: NodeID) -> Distance {
        var best: UInt32 = 0
        let v = Int(node), t = Int(target)
        for l in nodes.indices {
            let lt = fromLandmark[l][t], lv = fromLandmark[l][v]
            if lt != .max && lv != .max && lt > lv { best = max(best, lt - lv) }
            let vl = toLandmark[l][v], tl = toLandmark[l][t]
            if vl != .max && tl != .max && vl > tl { best = max(best, vl - tl) }
        }
        return Distance(best)
    }

    /// The potential for an A* search toward `target`.
    public func potential(toward target: NodeID) -> (NodeID) -> Distance {
        { lowerBound(from: $0, to: target) }
    }
}
