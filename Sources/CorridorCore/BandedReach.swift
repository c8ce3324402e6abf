/// The nodes within a set of nested thresholds of some sources: the 30/60/120-minute
/// circles of a city, or any other bands.
///
///     let reach = search.reach(from: [changchun], within: [1800, 3600, 7200], weights: time)
///     reach.nodes        // every node within 7200, in settle order
///     reach.band(at: 0)  // 0 for ≤ 1800, 1 for ≤ 3600, 2 for ≤ 7200
///
/// Bands are nested by construction: band i holds the nodes whose distance is at most
/// `thresholds[i]` and more than `thresholds[i - 1]`; "within 60 minutes" therefore means
/// the union of bands 0 and 1. A node at exactly a threshold is inside it.
///
/// The result holds only what the search reached: its size is proportional to the
/// reached nodes, not to the graph.
public struct BandedReach: Sendable {
    /// The thresholds, strictly increasing.
    public let thresholds: [Distance]
    /// The sources, in the order given.
    public let sources: [NodeID]
    /// The reached nodes, in settle order (non-decreasing distance).
    public let nodes: [NodeID]
    /// The distance of each reached node, parallel to ``nodes``.
    public let distances: [Distance]
    /// The index in ``sources`` of each node's nearest source, parallel to ``nodes``.
    public let origins: [Int]
    /// The band of each reached node, parallel to ``nodes``.
    public let bands: [Int]

    /// The band of the node at index `i` of ``nodes``.
    public func band(at i: Int) -> Int { bands[i] }

    /// How many nodes fall in each band (not cumulative).
    public var countsPerBand: [Int] {
        var counts = [Int](repeating: 0, count: thresholds.count)
        for b in bands { counts[b] += 1 }
        return counts
    }
}

extension DijkstraSearch {
    /// Runs a search bounded by the largest threshold and bands every node it reaches.
    ///
    /// - Parameters:
    ///   - sources: one or more sources; each node learns its nearest.
    ///   - thresholds: strictly increasing, non-empty.
    ///   - weights, filter, direction: as for ``run(from:weights:filter:direction:limit:target:)``;
    ///     `.backward` gives the catchment: who reaches the sources within each threshold.
    ///
    /// - Complexity: O((s + r) log₄ s) for s reached nodes and r arcs relaxed from them,
    ///   independent of the size of the graph.
    public func reach(
        from sources: [NodeID], within thresholds: [Distance], weights: ArcWeights,
        filter: ArcFilter? = nil, direction: SearchDirection = .forward
    ) -> BandedReach {
        precondition(!thresholds.isEmpty, "no thresholds")
        precondition(
            zip(thresholds, thresholds.dropFirst()).allSatisfy { $0 < $1 },
            "thresholds must be strictly increasing")
        run(from: sources, weights: weights, filter: filter, direction: direction,
            limit: thresholds[thresholds.count - 1])
        let n = state.settledCount
        var nodes: [NodeID] = [], distances: [Distance] = [], origins: [Int] = [], bands: [Int] = []
        nodes.reserveCapacity(n)
        distances.reserveCapacity(n)
        origins.reserveCapacity(n)
        bands.reserveCapacity(n)
        var band = 0
        for i in 0 ..< n {  // settle order: distances never decrease
            let v = Int(state.settleOrder[i])
            let d = state.distance(v)
            while d > thresholds[band] { band += 1 }
            nodes.append(NodeID(v))
            distances.append(d)
            origins.append(state.origin(v))
            bands.append(band)
        }
        return BandedReach(
            thresholds: thresholds, sources: sources, nodes: nodes, distances: distances,
            origins: origins, bands: bands)
    }
}
