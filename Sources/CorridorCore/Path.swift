/// A path in a ``Graph``: its arcs in travel order and its length under the metric the
/// search used.
///
/// Arcs, not nodes, identify a path: two paths through the same places by a railway and
/// by a parallel expressway are different paths.
public struct Path: Sendable, Hashable {
    /// Where the path starts.
    public var source: NodeID
    /// Where the path ends.
    public var target: NodeID
    /// The arcs in travel order; empty when `source == target`.
    public var arcs: [ArcID]
    /// The sum of the arcs' weights.
    public var distance: Distance

    public init(source: NodeID, target: NodeID, arcs: [ArcID], distance: Distance) {
        self.source = source
        self.target = target
        self.arcs = arcs
        self.distance = distance
    }

    /// The nodes along the path, `arcs.count + 1` of them, source first.
    public func nodes(in graph: Graph) -> [NodeID] {
        var result = [source]
        result.reserveCapacity(arcs.count + 1)
        for a in arcs { result.append(graph.head[Int(a)]) }
        return result
    }

    /// The path's length under `weights` (for example another metric than the one the
    /// path was found by).
    public func length(under weights: ArcWeights) -> Distance {
        arcs.reduce(0) { $0 + Distance(weights[$1]) }
    }
}
