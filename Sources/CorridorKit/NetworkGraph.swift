import CorridorCore

/// A ``Network`` built into the core's ``Graph`` once, with the scenario machinery on top:
/// every scenario is an arc filter and weight overrides over that one graph.
///
///     let net = NetworkGraph(network)
///     let base = net.scenario(projects: [])                  // existing links only
///     let all = net.scenario(projects: net.projectIDs)       // every project built
///     let search = DijkstraSearch(net.graph)
///     search.run(from: [net.node("changchun")!], weights: all.weights(.time), filter: all.filter)
///     search.run(from: [net.node("changchun")!], weights: all.weights(.cost),
///                filter: all.filter(for: .cost))              // cheapest freight route
///
/// Layout: one node per place (in `places.csv` order); one arc per direction of each link
/// (two unless one-way), arc modes the ``Mode`` codes, flag bit 0 set on planned arcs.
/// Metrics: `time` in whole seconds (the link's minutes × 60, rounded; the arc back, its
/// `minutes_back` where given); `length` in
/// whole metres (a connector or border crossing without a length counts the great circle
/// between its ends); `cost` in
/// whole fen (0.01 yuan) per ton of freight, the network's ``FreightCost`` of the link
/// rounded per arc. Arcs that carry no freight (high-speed rail, connectors to stations
/// only high-speed rail serves) weigh ``noCost`` and are outside ``freightArcs``, so a cost
/// search must use ``Scenario/freightFilter``. Links whose ends are not known places are
/// left out (the loader has reported them).
public struct NetworkGraph: Sendable {
    /// The metrics of the graph, in order.
    public enum Metric: Int, CaseIterable, Sendable {
        case time, length, cost
        var name: String {
            switch self {
            case .time: "time"
            case .length: "length"
            case .cost: "cost"
            }
        }
    }

    /// The `cost` of an arc that carries no freight: 42,949,672.95 yuan per ton, far more
    /// than any plausible route, so even a search that forgets ``Scenario/freightFilter``
    /// takes a freight route whenever one exists, and a distance at or above it means there
    /// is none. (It is also why unbounded cost searches use the core's wide heap keys.)
    public static let noCost: Weight = .max

    /// Flag bit set on the arcs of planned links.
    public static let plannedFlag: UInt8 = 1

    public let network: Network
    public let graph: Graph
    /// Place id → node.
    public let nodeOfPlace: [String: NodeID]
    /// Node → index in `network.places`.
    public let placeOfNode: [Int]
    /// Arc → index in `network.links`.
    public let linkOfArc: [Int]
    /// Link index → its arcs (one or two).
    public let arcsOfLink: [[ArcID]]
    /// Link id → index in `network.links`.
    public let linkIndex: [String: Int]
    /// The arcs that carry freight: every arc whose `cost` is not ``noCost``.
    public let freightArcs: ArcFilter
    /// The arcs that carry travellers: every arc but a freight-only link's.
    public let passengerArcs: ArcFilter

    /// Builds the graph.
    ///
    /// - Complexity: O(places + links).
    public init(_ network: Network) {
        self.network = network
        var nodeOfPlace: [String: NodeID] = [:]
        for (i, place) in network.places.enumerated() where nodeOfPlace[place.id] == nil {
            nodeOfPlace[place.id] = NodeID(i)
        }
        var builder = GraphBuilder(
            nodeCount: network.places.count, metricNames: Metric.allCases.map(\.name))
        var inputLink: [Int] = []
        let endModes = Self.modesAtPlaces(network)
        for (i, link) in network.links.enumerated() {
            guard let from = nodeOfPlace[link.from], let to = nodeOfPlace[link.to],
                  let minutes = link.travelMinutes
            else { continue }
            let yuan = network.costs.yuanPerTon(
                link.mode, lengthKm: link.lengthKm, endModes: [endModes[link.from] ?? [], endModes[link.to] ?? []])
            let cost = link.service == .passenger ? Self.noCost : yuan.map(FreightCost.fen) ?? Self.noCost
            // A connector or border crossing without a length counts the straight line
            // between its ends, so a search by distance never takes a shortcut through one.
            let km = link.lengthKm ?? NetworkValidator.greatCircleKm(network.places[Int(from)], network.places[Int(to)])
            let weights = [Self.seconds(minutes), Self.metres(km), cost]
            let flags = link.status == .planned ? Self.plannedFlag : 0
            builder.addArc(from: from, to: to, weights: weights, mode: link.mode.code, flags: flags)
            inputLink.append(i)
            if !link.oneWay {
                // The way back may take another time (a connector's arrival side).
                let back = [Self.seconds(link.travelMinutesBack ?? minutes), Self.metres(km), cost]
                builder.addArc(from: to, to: from, weights: back, mode: link.mode.code, flags: flags)
                inputLink.append(i)
            }
        }
        let (graph, arcOfInput) = builder.build()
        var linkOfArc = [Int](repeating: 0, count: graph.arcCount)
        var arcsOfLink = [[ArcID]](repeating: [], count: network.links.count)
        for (input, arc) in arcOfInput.enumerated() {
            linkOfArc[Int(arc)] = inputLink[input]
            arcsOfLink[inputLink[input]].append(arc)
        }
        self.graph = graph
        self.nodeOfPlace = nodeOfPlace
        self.placeOfNode = Array(network.places.indices)
        self.linkOfArc = linkOfArc
        self.arcsOfLink = arcsOfLink
        linkIndex = Dictionary(network.links.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        freightArcs = ArcFilter(graph: graph) { graph.metrics[Metric.cost.rawValue][Int($0)] != Self.noCost }
        passengerArcs = ArcFilter(graph: graph) { network.links[linkOfArc[Int($0)]].service != .freight }
    }

    /// Place id → the modes of the links (other than connectors) that touch it, existing
    /// or planned: what a connector's ends serve.
    static func modesAtPlaces(_ network: Network) -> [String: Set<Mode>] {
        var modes: [String: Set<Mode>] = [:]
        for link in network.links where link.mode != .connector {
            modes[link.from, default: []].insert(link.mode)
            modes[link.to, default: []].insert(link.mode)
        }
        return modes
    }

    /// The node of the place with id `id`.
    public func node(_ id: String) -> NodeID? { nodeOfPlace[id] }

    /// Every project id, in file order.
    public var projectIDs: [String] { network.projects.map(\.id) }

    /// The scenario with `projects` built on top of the existing network: their planned
    /// links switched on, their changes applied. Unknown project ids are ignored (the
    /// caller resolves names first).
    ///
    /// Upgrades change times only: `length` and `cost` are the graph's.
    ///
    /// - Complexity: O(m) for the filters and one copy of each overridden metric.
    public func scenario(projects: some Sequence<String>) -> Scenario {
        let built = Set(projects)
        let exists = ArcFilter(graph: graph) { arc in
            let link = network.links[linkOfArc[Int(arc)]]
            return link.status == .existing || link.project.map(built.contains) == true
        }
        var time = graph.weights(Metric.time.rawValue)
        var changes: [(arc: ArcID, weight: Weight)] = []
        for change in network.changes where built.contains(change.project) {
            guard let index = linkIndex[change.link] else { continue }
            let link = network.links[index]
            let minutes = change.minutes ?? link.lengthKm.flatMap { km in change.speedKmh.map { km / $0 * 60 } }
            guard let minutes else { continue }
            for arc in arcsOfLink[index] { changes.append((arc, Self.seconds(minutes))) }
        }
        time.override(changes)
        return Scenario(
            projects: built, filter: exists.intersection(passengerArcs),
            weights: [time, graph.weights(Metric.length.rawValue), graph.weights(Metric.cost.rawValue)],
            freightFilter: exists.intersection(freightArcs))
    }

    static func seconds(_ minutes: Double) -> Weight { weight(minutes * 60) }

    static func metres(_ km: Double) -> Weight { weight(km * 1000) }

    /// A figure as a weight, rounded, clamped to 0…Weight.max in floating point (a
    /// conversion through Int64 traps beyond its range, and on NaN).
    static func weight(_ x: Double) -> Weight {
        let r = x.rounded()
        guard r > 0 else { return 0 }  // NaN too
        return r >= Double(Weight.max) ? .max : Weight(r)
    }
}
