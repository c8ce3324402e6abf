import CorridorCore

/// The plans' gaps: every goal a scenario does not meet, and the planned projects that
/// would close it — one alone where one does, else the smallest combination found.
///
///     let gaps = GapFinder(net).gaps(in: [])           // base
///     gaps[0].status.failing                            // ["baishan", …]
///     gaps[0].closedBy                                  // [["hsr-shenbai"]]
///
/// **Search.** Every project not yet built is tried alone; if none closes the gap, every
/// pair; if no pair does, projects are added greedily, each time the one that fixes most
/// places (or, tied, brings the goal's worst value down most), until the goal is met; if
/// that stalls (only several projects together help, as with a line built in sections),
/// every project is taken and those the goal can do without are dropped, in file order.
/// The result is a combination that closes the gap, not necessarily the smallest. A goal
/// that every project together does not meet has no closer.
public struct GapFinder: Sendable {
    public let net: NetworkGraph

    public init(_ net: NetworkGraph) { self.net = net }

    /// One unmet goal.
    public struct Gap: Sendable {
        public let status: GoalStatus
        /// The ways to close it found: each a set of project ids (sorted). Several single
        /// projects when several close it alone; one pair or one greedy set otherwise;
        /// empty when nothing does.
        public let closedBy: [[String]]
        /// How `closedBy` was found: `alone`, `pair`, `greedy` or `none`.
        public let how: String
    }

    /// The status of every goal in the scenario of `built` projects.
    public func statuses(in built: [String]) -> [GoalStatus] {
        let scenario = net.scenario(projects: built)
        let search = DijkstraSearch(net.graph)
        return net.network.goals.map { net.check($0, in: scenario, search: search) }
    }

    /// The goals unmet with `built` projects, and what would close each.
    ///
    /// - Complexity: one scenario per candidate project and one per pair until every goal
    ///   without a single closer has a pair (p²/2 for p candidates at most), each checking
    ///   the goals still open; at most p² checks per goal for the greedy search.
    public func gaps(in built: [String]) -> [Gap] {
        let search = DijkstraSearch(net.graph)
        let candidates = net.projectIDs.filter { !built.contains($0) }
        let unmet = statuses(in: built).filter { !$0.met }
        // Each scenario is built once and every goal still open is checked in it.
        var alone: [String: [String]] = [:]
        for p in candidates {
            let scenario = net.scenario(projects: built + [p])
            for status in unmet where net.check(status.goal, in: scenario, search: search).met {
                alone[status.goal.id, default: []].append(p)
            }
        }
        var pair: [String: [String]] = [:]
        var open = unmet.filter { alone[$0.goal.id] == nil }.map(\.goal)
        pairs: for (i, a) in candidates.enumerated() {
            for b in candidates[(i + 1)...] {
                guard !open.isEmpty else { break pairs }
                let scenario = net.scenario(projects: built + [a, b])
                for goal in open where net.check(goal, in: scenario, search: search).met {
                    pair[goal.id] = [a, b].sorted()
                }
                open.removeAll { pair[$0.id] != nil }
            }
        }
        return unmet.map { current in
            let goal = current.goal
            if let ps = alone[goal.id] { return Gap(status: current, closedBy: ps.map { [$0] }, how: "alone") }
            if let ps = pair[goal.id] { return Gap(status: current, closedBy: [ps], how: "pair") }
            var chosen: [String] = []
            var best = current
            while !best.met {
                var pick: (String, GoalStatus)? = nil
                for p in candidates where !chosen.contains(p) {
                    let s = net.check(goal, in: net.scenario(projects: built + chosen + [p]), search: search)
                    if Self.better(s, than: pick?.1 ?? best) { pick = (p, s) }
                }
                guard let (p, s) = pick else { break }
                chosen.append(p)
                best = s
            }
            if !best.met {
                // Adding one project at a time can stall where only several together help (a
                // line built in sections). Then start from every project and drop, in file
                // order, each one the goal can do without.
                guard net.check(goal, in: net.scenario(projects: built + candidates), search: search).met else {
                    return Gap(status: current, closedBy: [], how: "none")
                }
                chosen = candidates
                for p in candidates {
                    let without = chosen.filter { $0 != p }
                    if net.check(goal, in: net.scenario(projects: built + without), search: search).met { chosen = without }
                }
            }
            return Gap(status: current, closedBy: [chosen.sorted()], how: "greedy")
        }
    }

    /// Fewer failing places, then a lower worst value (unreachable counts as worst).
    static func better(_ a: GoalStatus, than b: GoalStatus) -> Bool {
        if a.failing.count != b.failing.count { return a.failing.count < b.failing.count }
        let wa = a.worst ?? .infinity, wb = b.worst ?? .infinity
        return wa < wb
    }
}
