import CorridorCore

/// Slow, obviously correct answers to compare the engines against.
public enum Oracle {
    /// All distances from the nearest of `sources` (forward) or to it (backward), by
    /// Bellman–Ford over the plain arc list: O(n·m), no heap, no CSR.
    /// Arcs for which `allowed` is false do not exist; `.unreachable` marks no path.
    public static func distances(
        nodeCount: Int, arcs: [OracleArc], sources: [NodeID], direction: SearchDirection = .forward,
        allowed: (ArcID) -> Bool = { _ in true }
    ) -> [Distance] {
        var d = [Distance](repeating: .unreachable, count: nodeCount)
        for s in sources { d[Int(s)] = 0 }
        let live = arcs.filter { allowed($0.id) }
        for _ in 0 ... nodeCount {
            var changed = false
            for a in live {
                let (from, to) = direction == .forward ? (a.tail, a.head) : (a.head, a.tail)
                guard d[from] != .unreachable else { continue }
                if d[from] + a.weight < d[to] {
                    d[to] = d[from] + a.weight
                    changed = true
                }
            }
            if !changed { return d }
        }
        fatalError("Bellman–Ford did not converge: negative weights are impossible")
    }

    /// A simple path as the brute force sees it.
    public struct SimplePath: Sendable, Hashable, CustomStringConvertible {
        public let arcs: [ArcID]
        public let distance: Distance
        public var description: String { "\(distance):\(arcs)" }
    }

    /// Every simple (node-repeating-free) path from `source` to `target` over allowed arcs,
    /// sorted by distance and then by the arc sequence lexicographically. For
    /// `source == target` that is the one empty path. Meant for graphs of a handful of
    /// nodes; stops with a precondition failure past `cap` paths.
    public static func simplePaths(
        nodeCount: Int, arcs: [OracleArc], from source: NodeID, to target: NodeID,
        allowed: (ArcID) -> Bool = { _ in true }, cap: Int = 200_000
    ) -> [SimplePath] {
        var out: [[OracleArc]] = []
        var onPath = [Bool](repeating: false, count: nodeCount)
        var stack: [OracleArc] = []
        let byTail = Dictionary(grouping: arcs.filter { allowed($0.id) }, by: \.tail)
        func walk(_ u: Int) {
            if u == Int(target) {
                out.append(stack)
                precondition(out.count <= cap, "too many simple paths for brute force")
                return
            }
            for a in byTail[u] ?? [] where !onPath[a.head] {
                onPath[a.head] = true
                stack.append(a)
                walk(a.head)
                stack.removeLast()
                onPath[a.head] = false
            }
        }
        onPath[Int(source)] = true
        walk(Int(source))
        return out.map { p in SimplePath(arcs: p.map(\.id), distance: p.reduce(0) { $0 + $1.weight }) }
            .sorted { a, b in
                a.distance != b.distance ? a.distance < b.distance : a.arcs.lexicographicallyPrecedes(b.arcs)
            }
    }
}
