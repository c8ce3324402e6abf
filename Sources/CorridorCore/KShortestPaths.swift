/// The k shortest loopless paths between two nodes, by Yen's algorithm over arcs.
///
/// Paths are sequences of arcs, so parallel arcs (a railway and an expressway between the
/// same two places) give distinct paths. No path repeats a node.
///
///     let yen = KShortestPaths(graph)
///     let routes = yen.paths(from: a, to: b, count: 3, weights: time)
///     // routes[0] is the shortest; each later one is no shorter than the one before
///
/// Order: by distance, then by the arc-id sequence compared lexicographically, so the
/// result is deterministic when several paths tie.
///
/// J. Y. Yen, "Finding the k shortest loopless paths in a network", Management Science
/// 17(11), 1971.
///
/// - Complexity: O(k·ℓ) Dijkstra searches for paths of up to ℓ arcs; each search costs
///   what it touches. Creating the engine is O(n + m).
public final class KShortestPaths {
    /// The graph this engine runs on.
    public let graph: Graph
    let search: DijkstraSearch
    var arcBan: [UInt32]
    var nodeBan: [UInt32]
    var banGeneration: UInt32 = 0

    /// Creates an engine for `graph`.
    public init(_ graph: Graph) {
        self.graph = graph
        search = DijkstraSearch(graph)
        arcBan = [UInt32](repeating: 0, count: Swift.max(graph.arcCount, 1))
        nodeBan = [UInt32](repeating: 0, count: Swift.max(graph.nodeCount, 1))
    }

    /// Up to `count` shortest loopless paths from `source` to `target`, shortest first;
    /// empty if `target` is unreachable. `source == target` gives the one empty path.
    public func paths(
        from source: NodeID, to target: NodeID, count: Int, weights: ArcWeights,
        filter: ArcFilter? = nil
    ) -> [Path] {
        precondition(count >= 0, "count must not be negative")
        precondition(weights.count == graph.arcCount, "weights for another graph")
        precondition(Int(source) < graph.nodeCount && Int(target) < graph.nodeCount,
                     "node out of range")
        guard count > 0 else { return [] }
        if source == target { return [Path(source: source, target: target, arcs: [], distance: 0)] }
        nextBans()  // a fresh generation: nothing banned for the first path
        guard let first = spur(from: source, to: target, weights: weights, filter: filter) else {
            return []
        }
        var accepted = [first]
        var candidates: [Path] = []
        var seen: Set<[ArcID]> = [first.arcs]
        while accepted.count < count {
            let previous = accepted[accepted.count - 1]
            let nodes = previous.nodes(in: graph)
            var rootDistance: Distance = 0
            for i in 0 ..< previous.arcs.count {
                let root = previous.arcs[0 ..< i]
                nextBans()
                for p in accepted where p.arcs.count > i && p.arcs[0 ..< i] == root {
                    arcBan[Int(p.arcs[i])] = banGeneration
                }
                for v in nodes[0 ..< i] { nodeBan[Int(v)] = banGeneration }
                if let tail = spur(from: nodes[i], to: target, weights: weights, filter: filter) {
                    let arcs = Array(root) + tail.arcs
                    if seen.insert(arcs).inserted {
                        candidates.append(
                            Path(source: source, target: target, arcs: arcs,
                                 distance: rootDistance + tail.distance))
                    }
                }
                rootDistance += Distance(weights[previous.arcs[i]])
            }
            guard let best = candidates.indices.min(by: { precedes(candidates[$0], candidates[$1]) })
            else { break }
            accepted.append(candidates.remove(at: best))
        }
        return accepted
    }

    private func precedes(_ a: Path, _ b: Path) -> Bool {
        a.distance != b.distance ? a.distance < b.distance : a.arcs.lexicographicallyPrecedes(b.arcs)
    }

    private func nextBans() {
        if banGeneration == .max {
            for i in arcBan.indices { arcBan[i] = 0 }
            for i in nodeBan.indices { nodeBan[i] = 0 }
            banGeneration = 0
        }
        banGeneration += 1
    }

    /// The shortest path avoiding the current bans (the first call has none).
    private func spur(
        from source: NodeID, to target: NodeID, weights: ArcWeights, filter: ArcFilter?
    ) -> Path? {
        arcBan.withUnsafeBufferPointer { arcs in
            nodeBan.withUnsafeBufferPointer { nodes in
                if let filter {
                    filter.withGate {
                        let gate = BanGate(inner: $0, arcBan: arcs.baseAddress!,
                                           nodeBan: nodes.baseAddress!, generation: banGeneration)
                        search.runForward(from: source, weights: weights, gate: gate, target: target)
                    }
                } else {
                    let gate = BanGate(inner: OpenGate(), arcBan: arcs.baseAddress!,
                                       nodeBan: nodes.baseAddress!, generation: banGeneration)
                    search.runForward(from: source, weights: weights, gate: gate, target: target)
                }
            }
        }
        return search.path(to: target)
    }
}

/// An inner gate minus the arcs and nodes banned in the current generation.
struct BanGate<Inner: ArcGate>: ArcGate {
    let inner: Inner
    let arcBan: UnsafePointer<UInt32>
    let nodeBan: UnsafePointer<UInt32>
    let generation: UInt32

    @inline(__always) func admits(_ arc: Int, into node: Int) -> Bool {
        inner.admits(arc, into: node) && arcBan[arc] != generation && nodeBan[node] != generation
    }
}
