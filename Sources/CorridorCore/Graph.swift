/// A static directed multigraph in compressed sparse row (CSR) form, forward and reverse,
/// with per-arc attributes stored as parallel arrays (struct of arrays).
///
/// Layout:
///
///     firstOut[v] ..< firstOut[v + 1]   the arcs leaving v (arc ids, CSR order)
///     head[a], mode[a], flags[a]        one entry per arc
///     metrics[k][a]                     one weight array per metric (time, length, cost …)
///     firstIn[v] ..< firstIn[v + 1]     positions in inArc / inTail of the arcs entering v
///     inArc[i], inTail[i]               the arc id and its tail, for backward searches
///
/// Invariants: `firstOut` and `firstIn` have `nodeCount + 1` non-decreasing entries that
/// start at 0 and end at `arcCount`; every head and tail is `< nodeCount`; within one
/// tail, arcs keep the order in which they were added; within one head, `inArc` is
/// ascending. Parallel arcs (a railway and an expressway between the same two places),
/// self-loops and zero weights are all allowed.
///
/// The graph is immutable once built (see ``GraphBuilder``). What changes per query is
/// passed to the search instead: which arcs exist (an ``ArcFilter``: a scenario, a mode
/// filter) and what they weigh (``ArcWeights``, possibly with scenario overrides). A
/// scenario therefore never rebuilds the topology.
///
/// There is deliberately no forward `tail` array: it would cost 4 bytes an arc for what
/// ``tail(of:)`` answers in O(log n) from `firstOut`, and searches never need it.
///
/// Memory: `8(n + 1) + m(14 + 4k)` bytes for n nodes, m arcs and k metrics (plus any
/// spare array capacity): 4 + 4 per node for `firstOut` and `firstIn`; per arc 4 each for
/// `head`, `inArc` and `inTail`, 1 each for `mode` and `flags`, and 4 per metric.
public struct Graph: Sendable {
    /// The number of nodes; node ids are `0 ..< nodeCount`.
    public let nodeCount: Int
    /// Forward CSR offsets, `nodeCount + 1` entries.
    public let firstOut: [UInt32]
    /// The head (target node) of every arc.
    public let head: [NodeID]
    /// A caller-defined mode code per arc (CorridorKit maps it to rail, expressway …).
    public let mode: [UInt8]
    /// Caller-defined flag bits per arc (CorridorKit uses one for "planned").
    public let flags: [UInt8]
    /// The metric names, in the order of ``metrics``.
    public let metricNames: [String]
    /// One weight array per metric, each with `arcCount` entries.
    public let metrics: [[Weight]]
    /// Reverse CSR offsets, `nodeCount + 1` entries, into ``inArc`` and ``inTail``.
    public let firstIn: [UInt32]
    /// The arc id at each reverse position.
    public let inArc: [ArcID]
    /// The tail of the arc at each reverse position (cached next to it for locality).
    public let inTail: [NodeID]

    /// The number of arcs.
    @inlinable public var arcCount: Int { head.count }

    /// The arcs leaving `node`, as a range of arc ids.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func outArcs(of node: NodeID) -> Range<Int> {
        precondition(Int(node) < nodeCount, "node \(node) out of range 0..<\(nodeCount)")
        return Int(firstOut[Int(node)]) ..< Int(firstOut[Int(node) + 1])
    }

    /// The arcs entering `node`, as arc ids in ascending order.
    ///
    /// - Complexity: O(in-degree).
    public func inArcs(of node: NodeID) -> ArraySlice<ArcID> {
        precondition(Int(node) < nodeCount, "node \(node) out of range 0..<\(nodeCount)")
        return inArc[Int(firstIn[Int(node)]) ..< Int(firstIn[Int(node) + 1])]
    }

    /// The tail (source node) of `arc`.
    ///
    /// - Complexity: O(log n), a binary search in `firstOut`.
    public func tail(of arc: ArcID) -> NodeID {
        precondition(Int(arc) < arcCount, "arc \(arc) out of range 0..<\(arcCount)")
        // The last v with firstOut[v] <= arc.
        var low = 0, high = nodeCount  // answer in low ..< high
        let a = arc
        while high - low > 1 {
            let mid = (low + high) / 2
            if firstOut[mid] <= a { low = mid } else { high = mid }
        }
        return NodeID(low)
    }

    /// The index of the metric called `name`, if the graph has one.
    public func metric(named name: String) -> Int? {
        metricNames.firstIndex(of: name)
    }

    /// The weights of metric number `index`, ready to pass to a search.
    public func weights(_ index: Int) -> ArcWeights {
        precondition(metrics.indices.contains(index), "metric \(index) out of range")
        return ArcWeights(metrics[index])
    }

    /// The bytes the graph's arrays hold (capacity, not just count).
    public var memoryFootprint: Int {
        var total = firstOut.capacity * 4 + head.capacity * 4 + mode.capacity + flags.capacity
        total += firstIn.capacity * 4 + inArc.capacity * 4 + inTail.capacity * 4
        for m in metrics { total += m.capacity * 4 }
        return total
    }

    init(
        nodeCount: Int, firstOut: [UInt32], head: [NodeID], mode: [UInt8], flags: [UInt8],
        metricNames: [String], metrics: [[Weight]],
        firstIn: [UInt32], inArc: [ArcID], inTail: [NodeID]
    ) {
        self.nodeCount = nodeCount
        self.firstOut = firstOut
        self.head = head
        self.mode = mode
        self.flags = flags
        self.metricNames = metricNames
        self.metrics = metrics
        self.firstIn = firstIn
        self.inArc = inArc
        self.inTail = inTail
    }
}
