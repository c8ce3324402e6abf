import CorridorCore

/// Whether a ``Goal`` is met in a scenario, and by how much it falls short.
///
///     let status = net.check(goal, in: base)
///     status.met                 // false
///     status.worst               // 192 (min): 白山, against a target of 120
public struct GoalStatus: Sendable {
    public let goal: Goal
    public let met: Bool
    /// Per place of the goal, in its order: the time in minutes (within: from or to the
    /// hub; mode_access: to the nearest place the mode serves; connected: from the hub
    /// by that mode), or nil when it cannot be reached at all.
    public let values: [Double?]

    /// The goal's target: its minutes (`within`, `mode_access`); nil for `connected`.
    public var target: Double? { goal.kind == .connected ? nil : goal.minutes }

    /// The worst place's value; nil when some place is unreachable.
    public var worst: Double? {
        values.contains { $0 == nil } ? nil : values.compactMap { $0 }.max()
    }

    /// The places (ids) that fail the goal.
    public var failing: [String] {
        zip(goal.places, values).filter { !Self.passes($0.1, goal) }.map(\.0)
    }

    /// Whether one place's value meets `goal`: reachable, and within its minutes (any
    /// reachable value meets a `connected` goal).
    public static func passes(_ value: Double?, _ goal: Goal) -> Bool {
        guard let value else { return false }
        return goal.kind == .connected || value <= (goal.minutes ?? .infinity)
    }

    init(goal: Goal, values: [Double?]) {
        self.goal = goal
        self.values = values
        met = values.allSatisfy { Self.passes($0, goal) }
    }

    /// A place whose value is within a tenth of its goal's target, either side: the
    /// network's estimates (detour factors, assumed speeds, access times) could tip it.
    public struct CloseCall: Sendable {
        public let goal: Goal
        public let place: String
        public let value: Double
        public let target: Double
    }

    /// Every close call of `statuses`, in goal and place order.
    public static func closeCalls(_ statuses: [GoalStatus]) -> [CloseCall] {
        statuses.flatMap { s -> [CloseCall] in
            guard let target = s.target, target > 0 else { return [] }
            return zip(s.goal.places, s.values).compactMap { id, value in
                guard let value, abs(value - target) <= target / 10 else { return nil }
                return CloseCall(goal: s.goal, place: id, value: value, target: target)
            }
        }
    }
}

extension NetworkGraph {
    /// `goal` checked in `scenario`.
    ///
    /// - within: one search from the hub (backward with `towardHub`), by the goal's modes.
    /// - mode_access: one backward search from every place the mode serves in the
    ///   scenario (an end of one of its links), by the goal's modes (default: expressway,
    ///   road and connectors: people drive to the station or the interchange). With a
    ///   hub, only the places the hub reaches by the mode alone (and connectors, border
    ///   crossings) count as served: one more search, from the hub.
    /// - connected: one search from the hub using only the mode (and connectors, border
    ///   crossings).
    ///
    /// Places and hubs the network lacks count as unreachable.
    /// - Complexity: one Dijkstra search (two for mode_access with a hub), O((n + m) log n).
    public func check(_ goal: Goal, in scenario: Scenario, search: DijkstraSearch? = nil) -> GoalStatus {
        let engine = search ?? DijkstraSearch(graph)
        let time = scenario.weights(.time)
        let targets = goal.places.map { node($0) }
        switch goal.kind {
        case .within, .connected:
            let modes: Set<Mode>? = goal.kind == .connected ? goal.mode.map { [$0] } : goal.modes
            var filter = scenario.filter
            if let byMode = arcs(usingModes: modes) { filter = filter.intersection(byMode) }
            guard let hub = goal.hub.flatMap(node) else { return GoalStatus(goal: goal, values: targets.map { _ in nil }) }
            engine.run(from: [hub], weights: time, filter: filter, direction: goal.towardHub ? .backward : .forward)
        case .modeAccess:
            guard let mode = goal.mode else { return GoalStatus(goal: goal, values: targets.map { _ in nil }) }
            var served: Set<NodeID> = []
            for arc in 0 ..< ArcID(graph.arcCount) where graph.mode[Int(arc)] == mode.code && scenario.filter.contains(arc) {
                served.insert(graph.tail(of: arc))
                served.insert(graph.head[Int(arc)])
            }
            if let hubID = goal.hub {
                // With a hub, only the mode's network that reaches it counts: a stub line
                // joined to nothing else does not put a place "on fast rail".
                guard let hub = node(hubID) else { return GoalStatus(goal: goal, values: targets.map { _ in nil }) }
                var byMode = scenario.filter
                if let only = arcs(usingModes: [mode]) { byMode = byMode.intersection(only) }
                engine.run(from: [hub], weights: time, filter: byMode, direction: .forward)
                served = served.filter { engine.isSettled($0) }
            }
            guard !served.isEmpty else { return GoalStatus(goal: goal, values: targets.map { _ in nil }) }
            var filter = scenario.filter
            if let byMode = arcs(usingModes: goal.modes ?? [.expressway, .road]) { filter = filter.intersection(byMode) }
            engine.run(from: served.sorted(), weights: time, filter: filter, direction: .backward)
        }
        let values: [Double?] = targets.map { node in
            guard let node, engine.isSettled(node) else { return nil }
            return NetworkGraph.Metric.time.shown(engine.distance(to: node))
        }
        return GoalStatus(goal: goal, values: values)
    }
}
