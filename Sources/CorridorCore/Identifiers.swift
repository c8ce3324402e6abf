// The fixed-width vocabulary of the core: node and arc ids, weights, distances.

/// A node of a ``Graph``: a dense index in `0 ..< graph.nodeCount`.
///
/// Node ids are 32-bit so that per-node arrays stay small; a graph holds at most
/// `UInt32.max - 1` nodes. ``NodeID/invalid`` is the named sentinel.
public typealias NodeID = UInt32

/// An arc of a ``Graph``: a dense index in `0 ..< graph.arcCount`, in CSR order
/// (all arcs leaving node 0 first, then node 1, and so on).
public typealias ArcID = UInt32

/// The weight of one arc under one metric: seconds, metres or cost units. Weights are
/// non-negative by construction (unsigned), which is what Dijkstra's algorithm needs.
public typealias Weight = UInt32

/// A path length: the sum of arc weights along a path. 64 bits wide so that no path in a
/// graph of at most 2³² arcs of at most 2³² − 1 each can overflow it.
public typealias Distance = UInt64

extension UInt32 {
    /// The sentinel for "no node" / "no arc".
    public static let invalid: UInt32 = .max
}

extension Distance {
    /// The distance of a node no search reached. Unreachable is a value, never an error.
    public static let unreachable: Distance = .max
}

/// Which way a search follows arcs.
public enum SearchDirection: Sendable, Hashable {
    /// Along arcs, from the sources: "how far from here to everywhere".
    case forward
    /// Against arcs, over the reverse CSR: "how far from everywhere to here"
    /// (a catchment: who can reach the sources within a budget).
    case backward
}
