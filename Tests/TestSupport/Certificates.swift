import CorridorCore

/// What a query asked, so its result can be certified against the oracles.
public struct Query: Sendable, CustomStringConvertible {
    public var sources: [NodeID]
    public var direction: SearchDirection
    public var limit: Distance
    public var target: NodeID?
    /// Per arc id, whether the query's filter admits it; nil for no filter.
    public var allowed: [Bool]?

    public init(
        sources: [NodeID], direction: SearchDirection = .forward, limit: Distance = .unreachable,
        target: NodeID? = nil, allowed: [Bool]? = nil
    ) {
        self.sources = sources
        self.direction = direction
        self.limit = limit
        self.target = target
        self.allowed = allowed
    }

    public func admits(_ arc: ArcID) -> Bool { allowed?[Int(arc)] ?? true }

    public var description: String {
        let t = target.map { " target \($0)" } ?? ""
        let l = limit == .unreachable ? "" : " limit \(limit)"
        let f = allowed.map { " filter \($0.filter { $0 }.count)/\($0.count)" } ?? ""
        return "sources \(sources) \(direction)\(l)\(t)\(f)"
    }
}

/// Checks that certify a search result from first principles. Each returns a list of
/// problems (empty when the result is right), for `#expect(problems.isEmpty, ...)`.
public enum Certificates {
    /// Certifies the last query of `search` (a ``DijkstraSearch/run`` or
    /// ``DijkstraSearch/reach`` with the same parameters):
    ///
    /// 1. settled exactly the right nodes: all nodes with oracle distance ≤ limit, or, for
    ///    a target run, the target (if in reach), nothing beyond its distance and
    ///    everything strictly nearer;
    /// 2. every settled node's distance equals the Bellman–Ford oracle;
    /// 3. for every admitted arc (u, v) with u settled (forward; reversed going backward):
    ///    d(u) + w ≥ d(v) if v is settled, and d(u) + w > limit if v is not (in a run
    ///    that was not cut short by a target): no settled node can be improved and no
    ///    node in reach was left out;
    /// 4. the path of every settled node is a chain of admitted arcs from (forward) or to
    ///    (backward) the source named by its origin, summing to its distance, ending with
    ///    (forward) or starting with (backward) its parent arc;
    /// 5. unsettled nodes have no distance, origin, parent or path;
    /// 6. the settle order lists each settled node once, in non-decreasing distance.
    public static func check(_ search: DijkstraSearch, _ g: TestGraph, arcs: [OracleArc], _ q: Query) -> [String] {
        var problems: [String] = []
        func problem(_ s: String) { if problems.count < 12 { problems.append(s) } }
        let n = g.nodeCount
        let oracle = Oracle.distances(
            nodeCount: n, arcs: arcs, sources: q.sources, direction: q.direction, allowed: q.admits)
        let settledList = search.settledNodes
        let settled = Set(settledList)
        if settledList.count != settled.count { problem("settle order repeats a node: \(settledList)") }
        if search.settledCount != settledList.count { problem("settledCount \(search.settledCount) != \(settledList.count)") }
        for (a, b) in zip(settledList, settledList.dropFirst())
        where search.distance(to: a) > search.distance(to: b) {
            problem("settle order not by distance: \(a)@\(search.distance(to: a)) before \(b)@\(search.distance(to: b))")
        }
        // 1. The settled set.
        var cutShort = false
        func inReach(_ d: Distance) -> Bool { d != .unreachable && d <= q.limit }
        if let t = q.target, inReach(oracle[Int(t)]) {
            cutShort = true
            let dt = oracle[Int(t)]
            if !search.isSettled(t) { problem("target \(t) at \(dt) not settled") }
            if settledList.last != t { problem("did not stop at target \(t): last settled \(String(describing: settledList.last))") }
            for v in 0 ..< n {
                if oracle[v] < dt && !settled.contains(NodeID(v)) { problem("node \(v) at \(oracle[v]) < target's \(dt) not settled") }
                if oracle[v] > dt && settled.contains(NodeID(v)) { problem("node \(v) at \(oracle[v]) > target's \(dt) settled") }
            }
        } else {
            for v in 0 ..< n where inReach(oracle[v]) != settled.contains(NodeID(v)) {
                problem("node \(v): oracle \(oracle[v]), limit \(q.limit), settled \(settled.contains(NodeID(v)))")
            }
        }
        // 2, 5. Distances and the unsettled.
        for v in 0 ..< n {
            let node = NodeID(v)
            if search.isSettled(node) != settled.contains(node) { problem("isSettled(\(v)) disagrees with settledNodes") }
            if settled.contains(node) {
                if search.distance(to: node) != oracle[v] { problem("d(\(v)) = \(search.distance(to: node)), oracle \(oracle[v])") }
            } else {
                if search.distance(to: node) != .unreachable { problem("unsettled \(v) has distance \(search.distance(to: node))") }
                if search.origin(of: node) != nil { problem("unsettled \(v) has an origin") }
                if search.parentArc(of: node) != nil { problem("unsettled \(v) has a parent") }
                if search.path(to: node) != nil { problem("unsettled \(v) has a path") }
            }
        }
        // 3. Arc conditions.
        for a in arcs where q.admits(a.id) {
            let (u, v) = q.direction == .forward ? (a.tail, a.head) : (a.head, a.tail)
            guard settled.contains(NodeID(u)) else { continue }
            let du = search.distance(to: NodeID(u))
            if settled.contains(NodeID(v)) {
                if du + a.weight < search.distance(to: NodeID(v)) {
                    problem("arc \(a.id) \(u)->\(v) w \(a.weight) improves d(\(v)) = \(search.distance(to: NodeID(v))) from d(\(u)) = \(du)")
                }
            } else if !cutShort && du + a.weight <= q.limit {
                problem("arc \(a.id) \(u)->\(v) reaches unsettled \(v) at \(du + a.weight) ≤ limit \(q.limit)")
            }
        }
        // 4. Paths, parents, origins.
        var firstListing: [NodeID: Int] = [:]
        for (k, s) in q.sources.enumerated() where firstListing[s] == nil { firstListing[s] = k }
        for v in settledList {
            guard let origin = search.origin(of: v), q.sources.indices.contains(origin) else {
                problem("settled \(v) has origin \(String(describing: search.origin(of: v)))")
                continue
            }
            let s = q.sources[origin]
            if let k = firstListing[v] {  // a source: distance 0, no parent, its first listing
                if search.distance(to: v) != 0 || search.parentArc(of: v) != nil || origin != k {
                    problem("source \(v): d \(search.distance(to: v)), parent \(String(describing: search.parentArc(of: v))), origin \(origin), first listed at \(k)")
                }
            }
            guard let path = search.path(to: v) else { problem("settled \(v) has no path"); continue }
            let (from, to) = q.direction == .forward ? (s, v) : (v, s)
            problems += checkPath(path, arcs: arcs, from: from, to: to, distance: search.distance(to: v), admits: q.admits)
                .map { "path to \(v): \($0)" }
            let parent = q.direction == .forward ? path.arcs.last : path.arcs.first
            if parent != search.parentArc(of: v) {
                problem("parentArc(\(v)) = \(String(describing: search.parentArc(of: v))), path ends \(String(describing: parent))")
            }
        }
        return problems
    }

    /// Checks that `path` runs from `from` to `to` along a chain of admitted arcs whose
    /// weights sum to `distance` (and to `path.distance`).
    public static func checkPath(
        _ path: Path, arcs: [OracleArc], from: NodeID, to: NodeID, distance: Distance,
        admits: (ArcID) -> Bool = { _ in true }
    ) -> [String] {
        var problems: [String] = []
        if path.source != from || path.target != to {
            problems.append("runs \(path.source)->\(path.target), expected \(from)->\(to)")
        }
        var at = Int(from)
        var sum: Distance = 0
        for a in path.arcs {
            guard Int(a) < arcs.count else { problems.append("arc \(a) out of range"); return problems }
            let arc = arcs[Int(a)]
            if arc.tail != at { problems.append("arc \(a) leaves \(arc.tail), not \(at): \(path.arcs)") }
            if !admits(a) { problems.append("arc \(a) is filtered out") }
            at = arc.head
            sum += arc.weight
        }
        if at != Int(to) { problems.append("ends at \(at), not \(to)") }
        if sum != distance { problems.append("weights sum to \(sum), expected \(distance)") }
        if path.distance != distance { problems.append("path.distance \(path.distance), expected \(distance)") }
        return problems
    }

    /// Whether a path repeats a node (its arcs' tails plus the final head).
    public static func repeatsNode(_ path: Path, arcs: [OracleArc]) -> Bool {
        var nodes = [Int(path.source)]
        for a in path.arcs { nodes.append(arcs[Int(a)].head) }
        return Set(nodes).count != nodes.count
    }
}
