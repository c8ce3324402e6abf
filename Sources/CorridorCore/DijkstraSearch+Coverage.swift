/// The part of one arc that lies within a search's limit: the stretch from `start` to
/// `end`, as fractions of the arc's weight measured from its tail (0) to its head (1).
public struct ArcCoverage: Sendable, Hashable {
    public var arc: ArcID
    public var start: Double
    public var end: Double

    public init(arc: ArcID, start: Double, end: Double) {
        self.arc = arc
        self.start = start
        self.end = end
    }
}

extension DijkstraSearch {
    /// The stretches of arcs within `limit` of the last query's sources, for drawing how
    /// far a budget goes along each line, including the lines it does not finish.
    ///
    /// Forward, a point at fraction f of arc u→v is reached in d(u) + f·w, so the arc is
    /// covered on [0, min(1, (limit − d(u)) / w)]. Backward (who reaches the sources),
    /// a point at fraction f leaves (1 − f)·w + d(v) to go, so the arc is covered on
    /// [max(0, 1 − (limit − d(v)) / w), 1]. Arcs of weight 0 from a settled node are
    /// covered whole. Travel is assumed uniform along an arc.
    ///
    ///     search.run(from: [a], weights: w, limit: 1800)
    ///     search.coverage(weights: w, limit: 1800)   // e.g. [arc 0: 0…1, arc 1: 0…0.25]
    ///
    /// - Parameters: the same `weights`, `filter` and `limit` the last query ran with.
    /// - Returns: one entry per arc that leaves (forward) or enters (backward) a settled
    ///   node with some stretch covered, in settle order, then arc order.
    /// - Complexity: O(s + r) for the s settled nodes and their r arcs.
    public func coverage(weights: ArcWeights, filter: ArcFilter? = nil, limit: Distance) -> [ArcCoverage] {
        checkQuery(weights, filter)
        var covered: [ArcCoverage] = []
        for node in settledNodes {
            let d = distance(to: node)
            guard d <= limit else { continue }
            let budget = Double(limit - d)
            if direction == .forward {
                for a in graph.outArcs(of: node) {
                    let arc = ArcID(a)
                    guard filter?.contains(arc) ?? true else { continue }
                    let w = Double(weights[arc])
                    let reach = w == 0 ? 1 : Swift.min(1, budget / w)
                    if reach > 0 { covered.append(ArcCoverage(arc: arc, start: 0, end: reach)) }
                }
            } else {
                for arc in graph.inArcs(of: node) {
                    guard filter?.contains(arc) ?? true else { continue }
                    let w = Double(weights[arc])
                    let reach = w == 0 ? 1 : Swift.min(1, budget / w)
                    if reach > 0 { covered.append(ArcCoverage(arc: arc, start: 1 - reach, end: 1)) }
                }
            }
        }
        return covered
    }
}
