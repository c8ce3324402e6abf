import CorridorCore

/// A route through a network: its links in travel order, grouped into legs by mode, with
/// the time, distance and freight cost of each leg and of the whole.
///
///     let routes = net.routes(from: changchun, to: jilin, scenario: base)
///     routes[0].legs.map(\.mode)     // [.connector, .hsr, .connector]
///     routes[0].minutes              // 83 (door to door)
public struct Route: Sendable, Hashable {
    /// The metric the route is shortest by.
    public let metric: NetworkGraph.Metric
    /// The places passed, from the origin to the destination (indices into the network's
    /// places).
    public let places: [Int]
    /// The links used, in travel order (indices into the network's links).
    public let links: [Int]
    /// Consecutive links of one mode, merged.
    public let legs: [RouteLeg]
    /// Total time, minutes (upgrades of the scenario applied).
    public let minutes: Double
    /// Total length, km (a connector or border crossing without a length counts the
    /// straight line between its ends).
    public let km: Double
    /// Total freight cost, yuan per ton; nil when a link carries no freight (HSR, or a
    /// connector to a station only HSR serves).
    public let cost: Double?

    /// The route's value in `metric`.
    public func value(_ metric: NetworkGraph.Metric) -> Double? {
        switch metric {
        case .time: minutes
        case .length: km
        case .cost: cost
        }
    }

    /// Changes of vehicle, counted as ``ReachedPlace/transfers`` is: runs of one mode
    /// between connectors, less one, with expressway and trunk road one drive and a border
    /// crossing no change.
    public var transfers: Int {
        var runs = 0
        var previous: Mode? = nil
        for leg in legs {
            guard leg.mode != .connector else { previous = nil; continue }
            guard leg.mode != .border else { continue }  // passed in the vehicle that reaches it
            // The same mode going on (legs split at a via place) or road into road is one run;
            // a second flight or voyage is a change of plane or ship.
            let sameVehicle = (leg.mode == previous && leg.mode != .air && leg.mode != .sea)
                || (leg.mode.track == "road" && previous?.track == "road")
            if !sameVehicle { runs += 1 }
            previous = leg.mode
        }
        return Swift.max(0, runs - 1)
    }
}

/// Consecutive links of one mode within a ``Route``.
public struct RouteLeg: Sendable, Hashable {
    public let mode: Mode
    /// Where the leg starts and ends (indices into the network's places).
    public let from: Int
    public let to: Int
    /// The leg's links, in travel order.
    public let links: [Int]
    public let minutes: Double
    public let km: Double
    /// Yuan per ton; nil if a link of the leg carries no freight, or if any leg of the
    /// route does not (freight cannot take the route at all).
    public let cost: Double?
}

extension NetworkGraph {
    /// The best route from `origin` to `destination` by `metric`, and up to
    /// `alternatives` next-best routes that are genuinely different; empty when the
    /// destination cannot be reached.
    ///
    /// - Parameters:
    ///   - via: places to pass, in order (the route is the best one through them; no
    ///     alternatives are offered with `via`).
    ///   - modes: the modes allowed (connectors and border crossings always are).
    ///   - alternatives: how many routes after the best (0: the best only).
    ///   - freight: route a freight shipment (freight-only lines and sea routes allowed,
    ///     high-speed rail not) by any metric; `.cost` always does.
    /// - Alternatives come from Yen's k shortest loopless paths over arcs, so a railway
    ///   and a parallel road are different routes. Paths a planner would call the same
    ///   route are one, its best: those that differ only in which train pattern serves
    ///   the same journey (an express run or the stopping runs beneath it) or in which of
    ///   a city's stations it uses. Two paths are the same route when their legs have the
    ///   same modes and, leg by leg, the same settlements at their ends (a station counts
    ///   as its city) and, on roads, the same settlements passed (``signature(of:)``).
    ///   An alternative that comes back to a settlement it has left is dropped
    ///   (``revisitsASettlement(_:)``).
    /// - Complexity: one Dijkstra search per stretch; with alternatives, Yen's algorithm
    ///   until enough different routes are found or 300 paths have been looked at.
    public func routes(
        from origin: Int, to destination: Int, via: [Int] = [], metric: NetworkGraph.Metric = .time,
        scenario: Scenario, modes: Set<Mode>? = nil, alternatives: Int = 0, freight: Bool = false
    ) -> [Route] {
        precondition(alternatives >= 0, "alternatives must not be negative")
        let weights = scenario.weights(metric)
        var filter = scenario.filter(for: metric, freight: freight)
        if let byMode = arcs(usingModes: modes) { filter = filter.intersection(byMode) }
        let stops = [origin] + via + [destination]
        let search = DijkstraSearch(graph)
        var arcs: [ArcID] = []
        var stopsAt: Set<Int> = []  // where a via place is reached: legs end there
        for (a, b) in zip(stops, stops.dropFirst()) where a != b {
            if !arcs.isEmpty { stopsAt.insert(arcs.count) }
            search.run(from: [NodeID(a)], weights: weights, filter: filter, target: NodeID(b))
            guard let path = search.path(to: NodeID(b)) else { return [] }
            arcs += path.arcs
        }
        let best = route(arcs, from: origin, metric: metric, scenario: scenario, legsEndAt: stopsAt)
        if stops.count > 2 || alternatives == 0 { return [best] }
        // The best route is the one without alternatives too (Yen's first path may be
        // another of equal weight); Yen's paths add the next-best ones.
        let yen = KShortestPaths(graph)
        var seen: Set<[LegKey]> = [signature(of: best)]
        var routes: [Route] = [best]
        var asked = 0
        var count = 4 * (alternatives + 1) + 8
        // Yen's paths are a prefix of the same sequence whatever the count asked, so asking
        // again for more only adds paths at the end.
        while routes.count <= alternatives {
            let paths = yen.paths(
                from: NodeID(origin), to: NodeID(destination), count: count, weights: weights, filter: filter)
            for path in paths.dropFirst(asked) where routes.count <= alternatives {
                let r = route(path.arcs, from: origin, metric: metric, scenario: scenario)
                // An alternative that doubles back through a settlement it has left (out
                // of 长春 by road, back to 长春站 by rail) is no route a planner would offer.
                if !routes.isEmpty && revisitsASettlement(r) { continue }
                if seen.insert(signature(of: r)).inserted { routes.append(r) }
            }
            guard paths.count == count, count < Self.maxAlternativePaths else { break }
            asked = paths.count
            count = Swift.min(count * 3, Self.maxAlternativePaths)
        }
        return routes
    }

    /// How many paths Yen's algorithm may enumerate when looking for different routes.
    public static let maxAlternativePaths = 300

    struct LegKey: Hashable {
        let mode: Mode
        let places: [Int]
    }

    /// The settlement a place belongs to: a station, airport or port counts as its city.
    func settlement(_ place: Int) -> Int {
        let p = network.places[place]
        guard [.station, .airport, .port].contains(p.kind), let parent = p.parent,
              let node = nodeOfPlace[parent] else { return place }
        return placeOfNode[Int(node)]
    }

    /// Whether `route` comes back to a settlement it has left: its places, each counted as
    /// its settlement, with repeats in a row merged, name one settlement twice.
    func revisitsASettlement(_ route: Route) -> Bool {
        var seen: Set<Int> = []
        var last: Int? = nil
        for place in route.places {
            let s = settlement(place)
            if s == last { continue }
            if !seen.insert(s).inserted { return true }
            last = s
        }
        return false
    }

    /// What makes two routes the same route: per leg other than connectors, its mode and
    /// the settlements at its ends (a station, airport or port counted as its city), plus
    /// on roads every settlement passed.
    func signature(of route: Route) -> [LegKey] {
        var keys: [LegKey] = []
        var at = 0  // index in route.places of the current leg's start
        for leg in route.legs {
            let passed = Array(route.places[at ... at + leg.links.count])
            at += leg.links.count
            guard leg.mode != .connector else { continue }
            let ends = leg.mode.track == "road" ? passed : [passed.first!, passed.last!]
            keys.append(LegKey(mode: leg.mode, places: ends.map(settlement)))
        }
        return keys
    }

    /// The route along `arcs`, measured in `scenario`; a leg ends before each position of
    /// `legsEndAt` in `arcs` (where a via place is reached), even if the mode goes on.
    func route(
        _ arcs: [ArcID], from origin: Int, metric: NetworkGraph.Metric, scenario: Scenario, legsEndAt: Set<Int> = []
    ) -> Route {
        let time = scenario.weights(.time), length = scenario.weights(.length), cost = scenario.weights(.cost)
        var places = [origin]
        var legs: [RouteLeg] = []
        var current: (mode: Mode, from: Int, links: [Int], s: Distance, m: Distance, fen: Distance?)?
        func close() {
            guard let c = current else { return }
            legs.append(RouteLeg(
                mode: c.mode, from: c.from, to: places[places.count - 1], links: c.links,
                minutes: NetworkGraph.Metric.time.shown(c.s), km: NetworkGraph.Metric.length.shown(c.m),
                cost: c.fen.map { NetworkGraph.Metric.cost.shown($0) }))
            current = nil
        }
        for (position, arc) in arcs.enumerated() {
            let mode = Mode(code: graph.mode[Int(arc)]) ?? .connector
            let link = linkOfArc[Int(arc)]
            let fen: Distance? = cost[arc] == Self.noCost ? nil : Distance(cost[arc])
            // A flight or a voyage is one link: two in a row are a change of plane or ship,
            // not one leg (the network has no through flights).
            if let c = current, c.mode == mode, mode != .connector, mode != .air, mode != .sea, !legsEndAt.contains(position) {
                current = (mode, c.from, c.links + [link], c.s + Distance(time[arc]), c.m + Distance(length[arc]),
                           c.fen.flatMap { a in fen.map { a + $0 } })
            } else {
                close()
                current = (mode, places[places.count - 1], [link], Distance(time[arc]), Distance(length[arc]), fen)
            }
            places.append(placeOfNode[Int(graph.head[Int(arc)])])
        }
        close()
        let costs = legs.map(\.cost)
        if costs.contains(nil) {
            // Freight cannot take this route (an HSR leg), so a transfer's handling cost
            // on it means nothing: no leg shows a cost.
            legs = legs.map {
                RouteLeg(mode: $0.mode, from: $0.from, to: $0.to, links: $0.links, minutes: $0.minutes, km: $0.km, cost: nil)
            }
        }
        return Route(
            metric: metric, places: places, links: arcs.map { linkOfArc[Int($0)] }, legs: legs,
            minutes: legs.reduce(0) { $0 + $1.minutes }, km: legs.reduce(0) { $0 + $1.km },
            cost: costs.contains(nil) ? nil : costs.reduce(0) { $0 + $1! })
    }
}
