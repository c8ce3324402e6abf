/// Dijkstra's algorithm over a ``Graph``, with a reusable workspace.
///
/// One `DijkstraSearch` answers any number of queries on one graph, one at a time. Its
/// per-node arrays are allocated once; a query neither allocates nor clears O(n) memory.
/// Every per-node value carries the generation stamp of the query that wrote it, so
/// starting a query is O(1) and a query costs what it touches: a 30-minute bounded search
/// on a million-node graph never looks at the rest of the million.
///
///     let search = DijkstraSearch(graph)
///     search.run(from: [0], weights: graph.weights(0))           // one-to-all
///     search.distance(to: 5)                                     // e.g. 420
///     search.run(from: [0], weights: w, target: 5)               // stops when 5 settles
///     search.run(from: [0, 9], weights: w, limit: 1800)          // multi-source, bounded
///     search.origin(of: 5)                                       // 0 or 1: nearest source
///     search.run(from: [5], weights: w, direction: .backward)    // who reaches 5, how fast
///
/// Queries may restrict the arcs (an ``ArcFilter``) and change the weights
/// (``ArcWeights``) without touching the graph.
///
/// **Determinism.** Nodes settle in non-decreasing distance; among the nodes in the heap
/// at once, equal distances settle in node id order (the head of a zero-weight arc is
/// labelled only when its tail settles, so it settles after the tail whatever its id).
/// A node's parent is
/// the arc of the first relaxation that gave it its final distance: relaxations happen in
/// settle order and, within a node, in arc order (forward: arc id; backward: the reverse
/// CSR's ascending arc id). So when a node is equally near two sources, it belongs to the
/// source whose path reaches its last predecessor first in that settle order. A node
/// listed twice as a source counts once, with the index of its first listing.
///
/// The algorithm is E. W. Dijkstra, "A note on two problems in connexion with graphs",
/// Numerische Mathematik 1 (1959), with an indexed 4-ary heap (``IndexedHeap``).
///
/// - Complexity: a query is O((s + r) log₄ s) for s settled nodes and r relaxed arcs, plus
///   O(1) to start. Creating the search is O(n).
public final class DijkstraSearch {
    /// The graph this search runs on.
    public let graph: Graph
    var state: SearchState
    /// The heap for queries whose distances all stay below 2³² (nearly all: seconds,
    /// metres): 8-byte entries.
    var narrowHeap: IndexedHeap<UInt64>
    /// The heap for the rest: 16-byte entries, allocated on first use.
    var wideHeap = IndexedHeap<UInt128>(capacity: 0)
    /// Which heap the last query used.
    var usesWideKeys = false

    /// The sources of the last query, in the order given.
    public private(set) var sources: [NodeID] = []
    /// The direction of the last query.
    public private(set) var direction: SearchDirection = .forward

    /// Creates a search for `graph`.
    ///
    /// - Complexity: O(n) time and 32n bytes, once (8 per label, 4 each for the parent
    ///   arc, the nearest source and the settle order, 12 for the narrow heap), and 24n
    ///   more the first time a query needs wide keys.
    public init(_ graph: Graph) {
        self.graph = graph
        state = SearchState(nodeCount: graph.nodeCount)
        narrowHeap = IndexedHeap(capacity: graph.nodeCount)
    }

    // MARK: Queries

    /// Runs a search from `sources`.
    ///
    /// - Parameters:
    ///   - sources: the nodes at distance 0; several sources make a multi-source search in
    ///     which every node learns its nearest source (``origin(of:)``).
    ///   - weights: one weight per arc (a metric of the graph, possibly overridden).
    ///   - filter: the arcs the search may use; `nil` for all.
    ///   - direction: `.forward` follows arcs; `.backward` follows them in reverse, so
    ///     distances are *to* the sources.
    ///   - limit: nodes farther than this are not settled (a bounded search). Nodes at
    ///     exactly `limit` are settled.
    ///   - target: stop as soon as this node is settled (a one-to-one search).
    ///
    /// - Complexity: O((s + r) log₄ s) for s settled nodes and r relaxed arcs.
    public func run(
        from sources: [NodeID], weights: ArcWeights, filter: ArcFilter? = nil,
        direction: SearchDirection = .forward, limit: Distance = .unreachable,
        target: NodeID? = nil
    ) {
        checkQuery(weights, filter)
        if let target { precondition(Int(target) < graph.nodeCount, "target out of range") }
        begin(sources: sources, direction: direction,
              wideKeys: needsWideKeys(weights, limit: limit))
        let stop = target.map(Int.init) ?? -1
        weights.values.withUnsafeBufferPointer { wb in
            let w = wb.baseAddress ?? emptyNodes
            switch (direction, filter) {
            case (.forward, nil):
                graph.withForwardAdjacency { runLoop($0, OpenGate(), w, limit, stop) }
            case (.forward, let filter?):
                graph.withForwardAdjacency { adj in
                    filter.withGate { runLoop(adj, $0, w, limit, stop) }
                }
            case (.backward, nil):
                graph.withBackwardAdjacency { runLoop($0, OpenGate(), w, limit, stop) }
            case (.backward, let filter?):
                graph.withBackwardAdjacency { adj in
                    filter.withGate { runLoop(adj, $0, w, limit, stop) }
                }
            }
        }
    }

    /// A forward run through a custom gate, to `target` (nil: to all) within `limit`.
    func runForward<G: ArcGate>(
        from source: NodeID, weights: ArcWeights, gate: G, limit: Distance = .unreachable,
        target: NodeID?
    ) {
        begin(sources: [source], direction: .forward,
              wideKeys: needsWideKeys(weights, limit: limit))
        let stop = target.map(Int.init) ?? -1
        weights.values.withUnsafeBufferPointer { wb in
            let w = wb.baseAddress ?? emptyNodes
            graph.withForwardAdjacency { runLoop($0, gate, w, limit, stop) }
        }
    }

    /// Weights and filter must be made for this graph.
    func checkQuery(_ weights: ArcWeights, _ filter: ArcFilter?) {
        precondition(weights.count == graph.arcCount, "weights for another graph")
        if let filter {
            precondition(filter.arcCount == graph.arcCount, "filter for another graph")
        }
    }

    /// Starts a query on the heap chosen by `wideKeys`.
    func begin(sources: [NodeID], direction: SearchDirection, wideKeys: Bool) {
        self.sources = sources
        self.direction = direction
        usesWideKeys = wideKeys
        if wideKeys {
            wideHeap.reserveCapacity(graph.nodeCount)
            state.begin(sources: sources, heap: &wideHeap)
        } else {
            state.begin(sources: sources, heap: &narrowHeap)
        }
    }

    /// Whether some distance of a query could exceed what a narrow heap key holds: only
    /// when the search is unbounded (or bounded beyond 2³² − 1) and a path of n − 1 arcs of
    /// the heaviest weight could.
    func needsWideKeys(_ weights: ArcWeights, limit: Distance) -> Bool {
        let fits = IndexedHeap<UInt64>.maxKey
        if limit <= fits { return false }
        let (longest, overflow) = Distance(weights.maxWeight)
            .multipliedReportingOverflow(by: Distance(Swift.max(graph.nodeCount - 1, 0)))
        return overflow || longest > fits
    }

    private func runLoop<A: Adjacency, G: ArcGate>(
        _ adj: A, _ gate: G, _ w: UnsafePointer<Weight>, _ limit: Distance, _ stop: Int
    ) {
        if usesWideKeys {
            state.loop(&wideHeap, adj, gate, w, limit, stop)
        } else {
            state.loop(&narrowHeap, adj, gate, w, limit, stop)
        }
    }

    // MARK: Results of the last query

    /// The number of nodes the last query settled.
    public var settledCount: Int { state.settledCount }

    /// Whether the last query settled `node` (its distance is final).
    public func isSettled(_ node: NodeID) -> Bool {
        precondition(Int(node) < graph.nodeCount, "node \(node) out of range")
        // Generation 0 is before the first query: nothing is settled yet.
        guard state.generation != 0, state.isLabelled(Int(node)) else { return false }
        return !(usesWideKeys ? wideHeap.contains(node) : narrowHeap.contains(node))
    }

    /// The distance of `node` from the nearest source (forward) or to it (backward), or
    /// ``Distance/unreachable`` if the last query did not settle it.
    public func distance(to node: NodeID) -> Distance {
        isSettled(node) ? state.distance(Int(node)) : .unreachable
    }

    /// The index in ``sources`` of the source nearest to `node`, if it was settled.
    public func origin(of node: NodeID) -> Int? {
        isSettled(node) ? state.origin(Int(node)) : nil
    }

    /// The arc by which the search reached `node`, or nil for a source or an unsettled
    /// node. Going backward, it is the arc that *leaves* `node` toward the sources.
    public func parentArc(of node: NodeID) -> ArcID? {
        guard isSettled(node) else { return nil }
        let a = state.parents[Int(node)]
        return a == .invalid ? nil : a
    }

    /// The nodes settled by the last query, in settle order (non-decreasing distance).
    public var settledNodes: [NodeID] {
        Array(UnsafeBufferPointer(start: state.settleOrder, count: state.settledCount))
    }

    /// The shortest path between the sources and `node`, in travel order: forward, from
    /// the nearest source to `node`; backward, from `node` to its nearest source.
    ///
    /// - Complexity: O(ℓ log n) for a path of ℓ arcs (forward tails come from
    ///   ``Graph/tail(of:)``).
    public func path(to node: NodeID) -> Path? {
        guard isSettled(node) else { return nil }
        return tracePath(to: node)
    }

    /// The path by which `node` is labelled now, settled or not (its parents are settled).
    func tracePath(to node: NodeID) -> Path {
        var arcs: [ArcID] = []
        var v = node
        while case let a = state.parents[Int(v)], a != .invalid {
            arcs.append(a)
            v = direction == .forward ? graph.tail(of: a) : graph.head[Int(a)]
        }
        let distance = state.distance(Int(node))
        if direction == .forward {
            arcs.reverse()
            return Path(source: v, target: node, arcs: arcs, distance: distance)
        }
        return Path(source: node, target: v, arcs: arcs, distance: distance)
    }
}
