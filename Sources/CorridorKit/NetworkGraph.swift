import CorridorCore

/// A ``Network`` built into the core's ``Graph`` once, with the scenario machinery on top:
/// every scenario is an arc filter and weight overrides over that one graph.
///
///     let net = NetworkGraph(network)
///     let base = net.scenario(projects: [])                  // existing links only
///     let all = net.scenario(projects: net.projectIDs)       // every project built
///     let search = DijkstraSearch(net.graph)
///     search.run(from: [net.node("changchun")!], weights: all.weights(.time), filter: all.filter)
///
/// Layout: one node per place (in `places.csv` order); one arc per direction of each link
/// (two unless one-way), arc modes the ``Mode`` codes, flag bit 0 set on planned arcs.
/// Metrics: `time` in whole seconds (the link's minutes × 60, rounded) and `length` in
/// whole metres (connectors and border crossings without a length count 0). Links whose
/// ends are not known places are left out (the loader has reported them).
public struct NetworkGraph: Sendable {
    /// The metrics of the graph, in order.
    public enum Metric: Int, CaseIterable, Sendable {
        case time, length
        var name: String { self == .time ? "time" : "length" }
    }

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
        for (i, link) in network.links.enumerated() {
            guard let from = nodeOfPlace[link.from], let to = nodeOfPlace[link.to],
                  let minutes = link.travelMinutes
            else { continue }
            let weights = [Self.seconds(minutes), Self.metres(link.lengthKm ?? 0)]
            let flags = link.status == .planned ? Self.plannedFlag : 0
            builder.addArc(from: from, to: to, weights: weights, mode: link.mode.code, flags: flags)
            inputLink.append(i)
            if !link.oneWay {
                builder.addArc(from: to, to: from, weights: weights, mode: link.mode.code, flags: flags)
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
    }

    /// The node of the place with id `id`.
    public func node(_ id: String) -> NodeID? { nodeOfPlace[id] }

    /// Every project id, in file order.
    public var projectIDs: [String] { network.projects.map(\.id) }

    /// The scenario with `projects` built on top of the existing network: their planned
    /// links switched on, their changes applied. Unknown project ids are ignored (the
    /// caller resolves names first).
    ///
    /// - Complexity: O(m) for the filter and one copy of each overridden metric.
    public func scenario(projects: some Sequence<String>) -> Scenario {
        let built = Set(projects)
        let filter = ArcFilter(graph: graph) { arc in
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
            projects: built, filter: filter,
            weights: [time, graph.weights(Metric.length.rawValue)])
    }

    static func seconds(_ minutes: Double) -> Weight {
        Weight(clamping: Int64((minutes * 60).rounded()))
    }

    static func metres(_ km: Double) -> Weight {
        Weight(clamping: Int64((km * 1000).rounded()))
    }
}
