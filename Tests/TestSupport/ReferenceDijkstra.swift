import CorridorCore

/// A textbook O(n²) Dijkstra that follows the *documented* determinism rules of
/// ``DijkstraSearch`` literally, to pin down parents, origins and settle order (which the
/// Bellman–Ford oracle cannot):
///
/// - the next node settled is the labelled, unsettled node with the smallest
///   `(distance, node id)` (a linear scan, no heap);
/// - a settled node relaxes its arcs in ascending arc id (forward: arcs leaving it;
///   backward: arcs entering it);
/// - a label changes only on a strict improvement, taking the relaxing node's origin;
/// - a source listed twice counts once, with the index of its first listing;
/// - arcs longer than `limit` from the source are never labelled; the run stops right
///   after `target` is settled.
public struct ReferenceDijkstra {
    public private(set) var distance: [Distance]
    public private(set) var parent: [ArcID?]
    public private(set) var origin: [Int?]
    public private(set) var settled: [NodeID] = []

    public init(
        nodeCount: Int, arcs: [OracleArc], sources: [NodeID], direction: SearchDirection = .forward,
        allowed: (ArcID) -> Bool = { _ in true }, limit: Distance = .unreachable, target: NodeID? = nil
    ) {
        distance = Array(repeating: .unreachable, count: nodeCount)
        parent = Array(repeating: nil, count: nodeCount)
        origin = Array(repeating: nil, count: nodeCount)
        var labelled = [Bool](repeating: false, count: nodeCount)
        var done = [Bool](repeating: false, count: nodeCount)
        var adjacency = [[OracleArc]](repeating: [], count: nodeCount)
        for a in arcs.sorted(by: { $0.id < $1.id }) where allowed(a.id) {
            adjacency[direction == .forward ? a.tail : a.head].append(a)
        }
        for (k, s) in sources.enumerated() where !labelled[Int(s)] {
            labelled[Int(s)] = true
            distance[Int(s)] = 0
            origin[Int(s)] = k
        }
        while true {
            var best = -1
            for v in 0 ..< nodeCount where labelled[v] && !done[v] {
                if best < 0 || distance[v] < distance[best] { best = v }
            }
            if best < 0 { break }
            let u = best
            done[u] = true
            settled.append(NodeID(u))
            if let target, u == Int(target) { break }
            for a in adjacency[u] {
                let v = direction == .forward ? a.head : a.tail
                let nd = distance[u] + a.weight
                if nd > limit { continue }
                if !labelled[v] || nd < distance[v] {
                    precondition(!done[v], "a settled node improved: impossible with weights ≥ 0")
                    labelled[v] = true
                    distance[v] = nd
                    parent[v] = a.id
                    origin[v] = origin[u]
                }
            }
        }
        // Only settled nodes have results (a target run leaves some merely labelled).
        for v in 0 ..< nodeCount where !done[v] {
            distance[v] = .unreachable
            parent[v] = nil
            origin[v] = nil
        }
    }
}
