import CorridorCore

/// How far a network reaches from (or to) some places within thresholds: the 30-minute,
/// 1-hour and 2-hour circles of a plan, or any others, by time, distance or cost.
///
///     let reach = net.reach(from: [changchun], within: [30, 60, 120], scenario: base)
///     reach.places.first { $0.place == jilin }   // value 75 (min), band 2 (the 120 band)
///
/// **Bands.** `thresholds` are sorted ascending; a place's band is the first threshold its
/// value is within, *inclusive*: a place exactly 60 minutes away is in the 60-minute band.
/// Bands are nested by construction (within 30 is within 60).
///
/// **Several origins.** Every place gets its value from the nearest origin, and
/// ``ReachedPlace/origin`` names it; on a tie, the origin whose path the search finds
/// first (``DijkstraSearch``'s determinism rule).
///
/// **Reverse.** With `direction: .backward` the question is who reaches the origins: a
/// place's value is its time *to* the nearest origin (a catchment), which differs from
/// the forward value where links are one-way.
public struct Reach: Sendable {
    /// The measure of ``ReachedPlace/value``.
    public let metric: NetworkGraph.Metric
    /// The band limits, ascending, in the metric's shown unit (minutes, km, yuan/t).
    public let thresholds: [Double]
    /// `.forward`: from the origins; `.backward`: to them.
    public let direction: SearchDirection
    /// The origins, as indices into the network's places.
    public let origins: [Int]
    /// Every place within the largest threshold, nearest first (ties in place order).
    public let places: [ReachedPlace]
    /// The stretches of links within the largest threshold (see ``ReachedLink``), in link
    /// order.
    public let links: [ReachedLink]
}

/// A place within reach.
public struct ReachedPlace: Sendable, Hashable {
    /// Index into the network's places.
    public let place: Int
    /// Time (min), distance (km) or cost (yuan/t) from (or to) the nearest origin.
    public let value: Double
    /// Index into ``Reach/thresholds`` of the first threshold the value is within.
    public let band: Int
    /// Index into the network's places of the nearest origin.
    public let origin: Int
    /// The modes of the route in travel order, connectors left out, repeats merged
    /// (`[.road, .hsr]`); empty for an origin.
    public let modes: [Mode]
    /// Changes of vehicle on the route: the number of runs of one mode between
    /// connectors, less one; expressway and trunk road count as one run (one drive), and
    /// a border crossing is passed in the vehicle that reaches it. A
    /// change between two trains at one station is not seen (the network has one node
    /// per station).
    public let transfers: Int
}

/// The stretches of one link within reach, as fractions from its `from` place (0) to its
/// `to` place (1): `[(0, 1)]` when the whole link is within reach, `[(0, 0.4)]` when the
/// budget runs out 40% of the way, two pieces when it is entered from both ends and runs
/// out in between. Travel is assumed uniform along a link.
public struct ReachedLink: Sendable, Hashable {
    /// Index into the network's links.
    public let link: Int
    /// Covered stretches, disjoint, ascending.
    public let pieces: [ClosedRange<Double>]

    /// Whether the whole link is within reach.
    public var isWhole: Bool { pieces == [0 ... 1] }

    /// The share of the link within reach (0 … 1).
    public var fraction: Double { pieces.reduce(0) { $0 + ($1.upperBound - $1.lowerBound) } }
}

extension NetworkGraph {
    /// The places and links within `thresholds` of `origins` in `scenario`.
    ///
    /// - Parameters:
    ///   - origins: indices into `network.places`; at least one.
    ///   - thresholds: band limits in the metric's shown unit; positive; any order
    ///     (sorted on the way in, duplicates dropped).
    ///   - metric: time, length or cost (cost searches use only freight arcs).
    ///   - modes: the modes allowed (connectors and border crossings always are); nil
    ///     for all.
    ///   - direction: `.forward` (from the origins) or `.backward` (to them).
    ///   - search: a search over this graph to reuse (one is made if nil).
    /// - Complexity: one bounded Dijkstra search: O((s + r) log s) for the s places and
    ///   r arcs within the largest threshold, plus O(m) to combine the scenario and mode
    ///   filters.
    public func reach(
        from origins: [Int], within thresholds: [Double], metric: NetworkGraph.Metric = .time,
        scenario: Scenario, modes: Set<Mode>? = nil, direction: SearchDirection = .forward,
        search: DijkstraSearch? = nil
    ) -> Reach {
        precondition(!origins.isEmpty, "reach needs an origin")
        precondition(thresholds.allSatisfy { $0 > 0 && $0.isFinite }, "thresholds must be positive")
        let bands = Array(Set(thresholds)).sorted()
        let weights = scenario.weights(metric)
        var filter = scenario.filter(for: metric)
        if let byMode = arcs(usingModes: modes) { filter = filter.intersection(byMode) }
        let engine = search ?? DijkstraSearch(graph)
        let limit = metric.limit(bands.last ?? 0)
        let sources = origins.map { NodeID($0) }
        engine.run(from: sources, weights: weights, filter: filter, direction: direction, limit: limit)

        var reached: [ReachedPlace] = []
        for node in engine.settledNodes {
            let d = engine.distance(to: node)
            guard d <= limit, let source = engine.origin(of: node) else { continue }
            let value = metric.shown(d)
            let band = bands.firstIndex { d <= metric.limit($0) } ?? bands.count - 1
            let arcs = engine.path(to: node)?.arcs ?? []
            let (modes, transfers) = Self.modesAndTransfers(arcs.map { Mode(code: graph.mode[Int($0)]) ?? .connector })
            reached.append(ReachedPlace(
                place: placeOfNode[Int(node)], value: value, band: band, origin: origins[source],
                modes: modes, transfers: transfers))
        }
        reached.sort { $0.value != $1.value ? $0.value < $1.value : $0.place < $1.place }

        // Arc stretches, turned into link stretches (from → to) and merged per link.
        var byLink: [Int: [ClosedRange<Double>]] = [:]
        for c in engine.coverage(weights: weights, filter: filter, limit: limit) {
            let link = linkOfArc[Int(c.arc)]
            let forward = graph.tail(of: c.arc) == nodeOfPlace[network.links[link].from]
            let piece = forward ? c.start ... c.end : (1 - c.end) ... (1 - c.start)
            byLink[link, default: []].append(piece)
        }
        let links = byLink.keys.sorted().map { ReachedLink(link: $0, pieces: Self.merged(byLink[$0]!)) }
        return Reach(
            metric: metric, thresholds: bands, direction: direction, origins: origins,
            places: reached, links: links)
    }

    /// Modes in travel order without connectors, repeats merged; and the vehicle changes.
    static func modesAndTransfers(_ arcModes: [Mode]) -> ([Mode], Int) {
        var modes: [Mode] = []
        var runs = 0
        var previous: Mode? = nil  // the mode of the run in progress; nil after a connector
        for mode in arcModes {
            if mode == .connector {
                previous = nil
                continue
            }
            // A border crossing is passed in the vehicle that reaches it: no change.
            if mode == .border {
                if modes.last != mode { modes.append(mode) }
                continue
            }
            // Expressway and trunk road are one drive: no change of vehicle between them; a
            // second flight or voyage is a change of plane or ship (each link is one).
            let sameVehicle = (mode == previous && mode != .air && mode != .sea)
                || (mode.track == "road" && previous?.track == "road")
            if !sameVehicle { runs += 1 }
            if modes.last != mode { modes.append(mode) }
            previous = mode
        }
        return (modes, Swift.max(0, runs - 1))
    }

    /// Sorted, overlapping or touching ranges joined; a union of [0, 1] pieces.
    static func merged(_ pieces: [ClosedRange<Double>]) -> [ClosedRange<Double>] {
        let sorted = pieces.sorted { $0.lowerBound < $1.lowerBound }
        var out: [ClosedRange<Double>] = []
        for p in sorted {
            if let last = out.last, p.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound ... Swift.max(last.upperBound, p.upperBound)
            } else {
                out.append(p)
            }
        }
        return out
    }
}
