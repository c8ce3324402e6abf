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

    /// Wraps one weight per arc.
    public init(_ values: [Weight]) { self.values = values }

    /// The weight of `arc`.
    @inlinable public subscript(arc: ArcID) -> Weight { values[Int(arc)] }

    /// The number of arcs.
    public var count: Int { values.count }

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
        }
    }
}
