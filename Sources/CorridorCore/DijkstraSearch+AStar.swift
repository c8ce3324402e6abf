extension DijkstraSearch {
    /// The shortest path from `source` to `target` by A* search with a caller-supplied
    /// potential, or nil if `target` is unreachable.
    ///
    /// `potential(v)` must be *admissible*: never more than the true distance from `v` to
    /// `target` (for example straight-line distance ÷ the fastest speed). With a
    /// *consistent* potential (`π(u) ≤ w(u,v) + π(v)` for every arc) every node is
    /// settled at most once; an admissible but inconsistent one stays exact because a node
    /// whose distance improves after settling is opened again. A zero potential is
    /// Dijkstra's algorithm with early exit.
    ///
    ///     let path = search.shortestPath(from: a, to: b, weights: length) { v in
    ///         straightLineMetres(v, b)   // admissible for a length metric
    ///     }
    ///
    /// After the call, ``distance(to:)`` and ``path(to:)`` are exact for `target` (other
    /// labels are exact only under a consistent potential), and ``settledNodes`` lists the
    /// nodes taken from the heap (a reopened node may appear twice), up to n of them: with
    /// reopenings, later pops, the target's included, are not listed.
    ///
    /// P. E. Hart, N. J. Nilsson, B. Raphael, "A formal basis for the heuristic
    /// determination of minimum cost paths", IEEE Trans. SSC 4(2), 1968.
    ///
    /// - Complexity: at worst that of Dijkstra's algorithm with reopenings; with a good
    ///   potential, far fewer nodes settled.
    public func shortestPath(
        from source: NodeID, to target: NodeID, weights: ArcWeights, filter: ArcFilter? = nil,
        potential: (NodeID) -> Distance
    ) -> Path? {
        checkQuery(weights, filter)
        precondition(Int(target) < graph.nodeCount, "target out of range")
        // The heap holds g + π, which may exceed any bound on g alone: always wide keys.
        begin(sources: [source], direction: .forward, wideKeys: true)
        wideHeap.removeAll()
        wideHeap.push(source, key: potential(source))
        let found = weights.values.withUnsafeBufferPointer { wb -> Bool in
            let w = wb.baseAddress ?? emptyNodes
            return graph.withForwardAdjacency { adj in
                if let filter {
                    return filter.withGate { state.aStarLoop(&wideHeap, adj, $0, w, Int(target), potential) }
                }
                return state.aStarLoop(&wideHeap, adj, OpenGate(), w, Int(target), potential)
            }
        }
        return found ? path(to: target) : nil
    }
}

extension SearchState {
    /// A* with reopening: settles until `target` leaves the heap; true if it did.
    mutating func aStarLoop<A: Adjacency, G: ArcGate>(
        _ heap: inout IndexedHeap<UInt128>, _ adj: A, _ gate: G, _ w: UnsafePointer<Weight>, _ target: Int,
        _ potential: (NodeID) -> Distance
    ) -> Bool {
        let gen = generation
        while let (node, _) = heap.popMin() {
            let u = Int(node)
            if settledCount < nodeCount {  // reopened nodes may repeat: cap at n
                settleOrder[settledCount] = node
                settledCount &+= 1
            }
            if u == target { return true }
            let du = distance(u)
            for i in adj.positions(of: u) {
                let v = adj.neighbor(at: i)
                let a = adj.arc(at: i)
                guard gate.admits(a, into: v) else { continue }
                let nd = du &+ Distance(w[a])
                if labels[v].stamp == gen && nd >= distance(v) { continue }
                setLabel(v, nd, parent: ArcID(truncatingIfNeeded: a), wide: true)
                let (key, overflow) = nd.addingReportingOverflow(potential(NodeID(v)))
                // An open node is lowered; a settled one is opened again (inconsistent π).
                heap.pushOrDecreaseUnchecked(NodeID(v), key: overflow ? .max : key)
            }
        }
        return false
    }
}
