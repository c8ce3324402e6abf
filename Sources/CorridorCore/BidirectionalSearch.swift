/// Point-to-point shortest paths by bidirectional Dijkstra: one search forward from the
/// source, one backward from the target, alternating, until they provably meet.
///
///     let bidir = BidirectionalSearch(graph)
///     let path = bidir.shortestPath(from: a, to: b, weights: graph.weights(0))
///
/// The side with the smaller heap minimum advances (the forward side on ties). Every
/// label set on one side is checked against the other side's label of the same node,
/// keeping the best sum μ; the search stops when the two heap minima sum to at least μ,
/// which proves μ optimal (Goldberg & Harrelson's stopping rule, "Computing the shortest
/// path: A* search meets graph theory", SODA 2005; the method is Dantzig's, 1963).
///
/// Two workspaces are allocated once, as in ``DijkstraSearch``; a query costs what it
/// touches.
public final class BidirectionalSearch {
    /// The graph this search runs on.
    public let graph: Graph
    let forward: DijkstraSearch
    let backward: DijkstraSearch

    /// Creates a search for `graph`.
    ///
    /// - Complexity: O(n), once.
    public init(_ graph: Graph) {
        self.graph = graph
        forward = DijkstraSearch(graph)
        backward = DijkstraSearch(graph)
    }

    /// The nodes both sides settled in the last query (a measure of its work).
    public var settledCount: Int { forward.settledCount + backward.settledCount }

    /// The shortest path from `source` to `target`, or nil if there is none.
    ///
    /// Among several shortest paths, the one returned is deterministic but may differ
    /// from the one ``DijkstraSearch`` returns.
    ///
    /// - Complexity: O((s + r) log₄ s) for the s nodes settled and r arcs relaxed by both
    ///   sides together.
    public func shortestPath(
        from source: NodeID, to target: NodeID, weights: ArcWeights, filter: ArcFilter? = nil
    ) -> Path? {
        forward.checkQuery(weights, filter)
        precondition(Int(target) < graph.nodeCount, "target out of range")
        let wide = forward.needsWideKeys(weights, limit: .unreachable)
        forward.begin(sources: [source], direction: .forward, wideKeys: wide)
        backward.begin(sources: [target], direction: .backward, wideKeys: wide)
        if source == target { return Path(source: source, target: target, arcs: [], distance: 0) }
        var meeting = Meeting()
        withUnsafeMutablePointer(to: &meeting) { meeting in
            weights.values.withUnsafeBufferPointer { wb in
                let w = wb.baseAddress ?? emptyNodes
                graph.withForwardAdjacency { fadj in
                    graph.withBackwardAdjacency { badj in
                        if let filter {
                            filter.withGate { run(wide, fadj, badj, $0, w, meeting) }
                        } else {
                            run(wide, fadj, badj, OpenGate(), w, meeting)
                        }
                    }
                }
            }
        }
        guard meeting.node >= 0 else { return nil }
        let m = NodeID(meeting.node)
        let head = forward.tracePath(to: m)
        let tail = backward.tracePath(to: m)
        return Path(
            source: source, target: target, arcs: head.arcs + tail.arcs,
            distance: meeting.distance)
    }

    private func run<G: ArcGate>(
        _ wide: Bool, _ fadj: ForwardAdjacency, _ badj: BackwardAdjacency, _ gate: G,
        _ w: UnsafePointer<Weight>, _ meeting: UnsafeMutablePointer<Meeting>
    ) {
        if wide {
            Self.alternate(&forward.state, &forward.wideHeap, &backward.state, &backward.wideHeap,
                           fadj, badj, gate, w, meeting)
        } else {
            Self.alternate(&forward.state, &forward.narrowHeap, &backward.state, &backward.narrowHeap,
                           fadj, badj, gate, w, meeting)
        }
    }

    private static func alternate<Bits, G: ArcGate>(
        _ f: inout SearchState, _ fh: inout IndexedHeap<Bits>,
        _ b: inout SearchState, _ bh: inout IndexedHeap<Bits>,
        _ fadj: ForwardAdjacency, _ badj: BackwardAdjacency, _ gate: G,
        _ w: UnsafePointer<Weight>, _ meeting: UnsafeMutablePointer<Meeting>
    ) {
        let toForward = MeetObserver(
            otherLabels: b.labels, otherHighs: b.wideDistances ? b.highs : nil,
            otherGeneration: b.generation, meeting: meeting)
        let toBackward = MeetObserver(
            otherLabels: f.labels, otherHighs: f.wideDistances ? f.highs : nil,
            otherGeneration: f.generation, meeting: meeting)
        while let fk = fh.minKey, let bk = bh.minKey {
            let (sum, overflow) = fk.addingReportingOverflow(bk)
            if !overflow && sum >= meeting.pointee.distance { return }
            if fk <= bk {
                _ = f.settleNext(&fh, fadj, gate, w, .unreachable, toForward)
            } else {
                _ = b.settleNext(&bh, badj, gate, w, .unreachable, toBackward)
            }
        }
    }
}

/// The best meeting so far: μ and the node where the two searches' labels sum to it.
struct Meeting {
    var distance: Distance = .unreachable
    var node = -1
}

/// Checks each new label against the other side's label of the same node.
struct MeetObserver: LabelObserver {
    let otherLabels: UnsafeMutablePointer<SearchState.Label>
    /// The other side's high distance halves, when it keeps them.
    let otherHighs: UnsafeMutablePointer<UInt32>?
    let otherGeneration: UInt32
    let meeting: UnsafeMutablePointer<Meeting>

    @inline(__always) func labelled(_ node: Int, _ distance: Distance) {
        let label = otherLabels[node]
        guard label.stamp == otherGeneration else { return }
        var other = Distance(label.low)
        if let otherHighs { other |= Distance(otherHighs[node]) &<< 32 }
        let total = distance &+ other
        let best = meeting.pointee
        if total < best.distance || (total == best.distance && node < best.node) {
            meeting.pointee = Meeting(distance: total, node: node)
        }
    }
}
