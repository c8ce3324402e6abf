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
/// - Complexity: O(k·ℓ) spur searches for paths of up to ℓ arcs, each two Dijkstra runs
///   (the second bounded by the spur's length) and a walk over the arcs they settled;
///   each costs what it touches. Creating the engine is O(n + m).
public final class KShortestPaths {
    /// The graph this engine runs on.
    public let graph: Graph
    let search: DijkstraSearch
    var arcBan: [UInt32]
    var nodeBan: [UInt32]
    var banGeneration: UInt32 = 0
    /// Per node, for the walk that picks the first of several equally short spurs (see
    /// ``spur(from:to:weights:filter:)``): `reaches[v] == walkMark` if v reaches the
    /// target by tight arcs, `onWalk[v] == walkMark` if v is on the walk; `seen[v] ==
    /// lookMark` if the current look-ahead visited v. Stamped, so never cleared per spur.
    var reaches: [UInt32]
    var onWalk: [UInt32]
    var seen: [UInt32]
    var walkMark: UInt32 = 0
    var lookMark: UInt32 = 0

    /// Creates an engine for `graph`.
    public init(_ graph: Graph) {
        self.graph = graph
        search = DijkstraSearch(graph)
        arcBan = [UInt32](repeating: 0, count: Swift.max(graph.arcCount, 1))
        nodeBan = [UInt32](repeating: 0, count: Swift.max(graph.nodeCount, 1))
        reaches = [UInt32](repeating: 0, count: Swift.max(graph.nodeCount, 1))
        onWalk = reaches
        seen = reaches
    }

    /// Up to `count` shortest loopless paths from `source` to `target`, shortest first;
    /// empty if `target` is unreachable. `source == target` gives the one empty path.
    public func paths(
        from source: NodeID, to target: NodeID, count: Int, weights: ArcWeights,
        filter: ArcFilter? = nil
    ) -> [Path] {
        precondition(count >= 0, "count must not be negative")
        search.checkQuery(weights, filter)
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

    /// The shortest path avoiding the current bans (the first call has none) that comes
    /// first, by arc ids compared lexicographically, among all equally short ones.
    ///
    /// Whichever shortest spur Dijkstra's tie rule happens to give is not enough: with
    /// parallel arcs 0 → 1 (ids 0 and 1, weights 3 and 4) both continuing by arc 3 to 2,
    /// and a direct 0 → 2 (id 2, weight 4), it would yield [0, 3], [2], [1, 3] instead of
    /// [0, 3], [1, 3], [2]. Yen's algorithm yields paths in a total order that respects a common prefix, here
    /// (distance, arc ids), exactly when every spur is the first in that order; so:
    ///
    /// 1. a run to `target` gives the spur length D;
    /// 2. a run bounded by D settles every node of every shortest spur, whose arcs are
    ///    exactly the *tight* ones (d(u) + w = d(v));
    /// 3. the nodes that reach `target` by tight arcs are marked, backward;
    /// 4. a walk from `source` takes at each node the smallest arc id that is tight and
    ///    still leads to `target` without revisiting a node. Only a zero-weight arc can
    ///    lead back toward the walk (it stays at the same distance), so only those need
    ///    a look-ahead; any other tight arc leaves every walked node behind.
    private func spur(
        from source: NodeID, to target: NodeID, weights: ArcWeights, filter: ArcFilter?
    ) -> Path? {
        arcBan.withUnsafeBufferPointer { arcs in
            nodeBan.withUnsafeBufferPointer { nodes in
                if let filter {
                    return filter.withGate {
                        let gate = BanGate(inner: $0, arcBan: arcs.baseAddress!,
                                           nodeBan: nodes.baseAddress!, generation: banGeneration)
                        return firstShortest(from: source, to: target, weights: weights, gate: gate)
                    }
                }
                let gate = BanGate(inner: OpenGate(), arcBan: arcs.baseAddress!,
                                   nodeBan: nodes.baseAddress!, generation: banGeneration)
                return firstShortest(from: source, to: target, weights: weights, gate: gate)
            }
        }
    }

    private func firstShortest<G: ArcGate>(
        from source: NodeID, to target: NodeID, weights: ArcWeights, gate: G
    ) -> Path? {
        // 1, 2.
        search.runForward(from: source, weights: weights, gate: gate, target: target)
        let length = search.distance(to: target)
        guard length != .unreachable else { return nil }
        search.runForward(from: source, weights: weights, gate: gate, limit: length, target: nil)
        let search = self.search, graph = self.graph
        func d(_ v: Int) -> Distance { search.distance(to: NodeID(truncatingIfNeeded: v)) }
        func isTight(_ a: Int, _ u: Int, _ v: Int) -> Bool {
            let du = d(u), dv = d(v)
            return du != .unreachable && dv != .unreachable && gate.admits(a, into: v)
                && du + Distance(weights[ArcID(truncatingIfNeeded: a)]) == dv
        }
        // 3.
        let mark = nextWalkMark()
        let t = Int(target)
        reaches[t] = mark
        var stack = [t]
        while let v = stack.popLast() {
            for p in Int(graph.firstIn[v]) ..< Int(graph.firstIn[v + 1]) {
                let u = Int(graph.inTail[p])
                if reaches[u] != mark && isTight(Int(graph.inArc[p]), u, v) {
                    reaches[u] = mark
                    stack.append(u)
                }
            }
        }
        // 4.
        var arcs: [ArcID] = []
        var u = Int(source)
        onWalk[u] = mark
        while u != t {
            var next = -1
            for a in graph.outArcs(of: NodeID(truncatingIfNeeded: u)) {
                let v = Int(graph.head[a])
                guard reaches[v] == mark, onWalk[v] != mark, isTight(a, u, v) else { continue }
                if d(v) > d(u) || leadsOn(from: v, level: d(u), to: t, mark: mark, d, isTight) {
                    next = a
                    break
                }
            }
            precondition(next >= 0, "a node on a shortest spur has a tight arc onward")
            arcs.append(ArcID(truncatingIfNeeded: next))
            u = Int(graph.head[next])
            onWalk[u] = mark
        }
        return Path(source: source, target: target, arcs: arcs, distance: length)
    }

    /// Whether `start`, at distance `level` from the spur's source and off the walk,
    /// reaches `target` by tight arcs without touching the walk: either directly or by
    /// leaving the level (every node beyond it marked `reaches` gets on without help).
    private func leadsOn(
        from start: Int, level: Distance, to target: Int, mark: UInt32,
        _ d: (Int) -> Distance, _ isTight: (Int, Int, Int) -> Bool
    ) -> Bool {
        if lookMark == .max {
            for i in seen.indices { seen[i] = 0 }
            lookMark = 0
        }
        lookMark += 1
        let look = lookMark
        seen[start] = look
        var stack = [start]
        while let x = stack.popLast() {
            if x == target || d(x) > level { return true }
            for a in graph.outArcs(of: NodeID(truncatingIfNeeded: x)) {
                let y = Int(graph.head[a])
                if reaches[y] == mark && onWalk[y] != mark && seen[y] != look && isTight(a, x, y) {
                    seen[y] = look
                    stack.append(y)
                }
            }
        }
        return false
    }

    private func nextWalkMark() -> UInt32 {
        if walkMark == .max {
            for i in reaches.indices { reaches[i] = 0; onWalk[i] = 0 }
            walkMark = 0
        }
        walkMark += 1
        return walkMark
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
