import CorridorCore

extension NetworkGraph.Metric {
    /// The metric a planner names: `time`, `distance` (or `length`) or `cost`, in English
    /// or Chinese (时间, 距离, 费用).
    public init?(parsing text: String) {
        switch text.trimmingBlanks().lowercased() {
        case "time", "时间": self = .time
        case "distance", "length", "距离", "里程": self = .length
        case "cost", "费用", "运费": self = .cost
        default: return nil
        }
    }

    /// The word a planner uses for it (`time`, `distance`, `cost`).
    public var word: String {
        switch self {
        case .time: "time"
        case .length: "distance"
        case .cost: "cost"
        }
    }

    /// The unit values are shown in: minutes, kilometres, yuan per ton.
    public var unit: String {
        switch self {
        case .time: "min"
        case .length: "km"
        case .cost: "yuan/t"
        }
    }

    /// Graph units per shown unit: seconds per minute, metres per kilometre, fen per yuan.
    public var scale: Double {
        switch self {
        case .time: 60
        case .length: 1000
        case .cost: 100
        }
    }

    /// A graph value (seconds, metres, fen) in the shown unit.
    public func shown(_ value: Distance) -> Double { Double(value) / scale }

    /// The largest graph value within `shown` (a threshold of 60 min is 3600 s; a value
    /// equal to the threshold is within it).
    public func limit(_ shown: Double) -> Distance {
        // Clamped: a limit beyond 2⁶² graph units is as good as none.
        Distance(Swift.min((shown * scale).rounded(.down), 4.6e18))
    }
}

extension NetworkGraph {
    /// The arcs of `modes`, plus every connector and border crossing (they are how one
    /// reaches a station, an airport or another country, whatever the main mode); all
    /// arcs when `modes` is nil.
    public func arcs(usingModes modes: Set<Mode>?) -> ArcFilter? {
        guard let modes else { return nil }
        let codes = Set((modes.union([.connector, .border])).map(\.code))
        return ArcFilter(graph: graph, modes: codes)
    }
}
