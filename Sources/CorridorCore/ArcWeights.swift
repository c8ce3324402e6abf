/// The weight of every arc under one metric, as a search reads it.
///
/// A graph's metric arrays are the base values; a scenario that changes what some arcs
/// weigh (an upgraded line runs faster) derives new weights with ``overriding(_:)``
/// instead of rebuilding the graph. The copy shares nothing mutable with the graph and is
/// made once per scenario, not once per query, so the search loop reads one flat array.
///
///     let time = graph.weights(0)
///     let upgraded = time.overriding([(arc: 7, weight: 1800)])
///     // upgraded[7] == 1800; every other arc as in `time`
public struct ArcWeights: Sendable, Equatable {
    /// One weight per arc, indexed by arc id.
    public private(set) var values: [Weight]
    /// An upper bound on every weight: the largest weight, or more after an override
    /// lowered it. Searches use it to choose their heap's key width.
    public private(set) var maxWeight: Weight

    /// Wraps one weight per arc.
    ///
    /// - Complexity: O(m), to find the largest weight.
    public init(_ values: [Weight]) {
        self.values = values
        maxWeight = values.max() ?? 0
    }

    /// The weight of `arc`.
    @inlinable public subscript(arc: ArcID) -> Weight { values[Int(arc)] }

    /// The number of arcs.
    public var count: Int { values.count }

    /// Equal weights are equal values; ``maxWeight`` is only a bound and does not count.
    public static func == (a: ArcWeights, b: ArcWeights) -> Bool { a.values == b.values }

    /// These weights with the given arcs set to new values (later entries win).
    ///
    /// - Complexity: O(m + c) for m arcs and c changes (one copy of the array).
    public func overriding(_ changes: some Sequence<(arc: ArcID, weight: Weight)>) -> ArcWeights {
        var copy = self
        copy.override(changes)
        return copy
    }

    /// Sets the given arcs to new values in place (later entries win).
    ///
    /// - Complexity: O(c) for c changes, plus one copy if the storage is shared.
    public mutating func override(_ changes: some Sequence<(arc: ArcID, weight: Weight)>) {
        for (arc, weight) in changes {
            precondition(Int(arc) < values.count, "arc \(arc) out of range 0..<\(values.count)")
            values[Int(arc)] = weight
            maxWeight = Swift.max(maxWeight, weight)
        }
    }
}
