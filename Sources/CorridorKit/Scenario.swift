import CorridorCore

/// One scenario of a ``NetworkGraph``: which arcs exist and what they weigh.
public struct Scenario: Sendable {
    /// The projects built.
    public let projects: Set<String>
    /// The arcs a trip may use: every existing link's and the built projects' planned
    /// ones, but freight-only links' (``LinkService/freight``). Time and distance
    /// searches use it.
    public let filter: ArcFilter
    /// One weight array per ``NetworkGraph/Metric``, with the built upgrades applied.
    public let weights: [ArcWeights]
    /// The arcs a freight route may use: the links that exist in the scenario and carry
    /// freight (``NetworkGraph/freightArcs``: no high-speed rail, no passenger-only
    /// link), freight-only ones included. Cost searches use it.
    public let freightFilter: ArcFilter

    /// The weights of `metric`.
    public func weights(_ metric: NetworkGraph.Metric) -> ArcWeights { weights[metric.rawValue] }

    /// The arcs a search by `metric` may use: ``freightFilter`` for `cost`, ``filter``
    /// for the others.
    public func filter(for metric: NetworkGraph.Metric, freight: Bool = false) -> ArcFilter {
        metric == .cost || freight ? freightFilter : filter
    }
}
