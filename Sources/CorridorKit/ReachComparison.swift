/// Two answers to the same reach question in two scenarios (before and after some
/// projects): which places enter or leave which band, and by how much each changes.
///
///     let change = ReachComparison(before: base, after: withProjects)
///     change.gained(band: 2)   // places now within the third threshold that were not
public struct ReachComparison: Sendable {
    public let before: Reach
    public let after: Reach
    /// Every place reached in either scenario, by place index.
    public let places: [PlaceChange]

    /// Compares two reaches of the same question (same thresholds, metric, direction).
    public init(before: Reach, after: Reach) {
        precondition(before.thresholds == after.thresholds && before.metric == after.metric
                     && before.direction == after.direction, "compare answers to one question")
        self.before = before
        self.after = after
        let a = Dictionary(uniqueKeysWithValues: before.places.map { ($0.place, $0) })
        let b = Dictionary(uniqueKeysWithValues: after.places.map { ($0.place, $0) })
        places = Set(a.keys).union(b.keys).sorted().map { PlaceChange(place: $0, before: a[$0], after: b[$0]) }
    }

    /// Places within band `band` after but not before, in place order.
    public func gained(band: Int) -> [PlaceChange] {
        places.filter { $0.isWithin(band, after: true) && !$0.isWithin(band, after: false) }
    }

    /// Places within band `band` before but not after, in place order.
    public func lost(band: Int) -> [PlaceChange] {
        places.filter { !$0.isWithin(band, after: true) && $0.isWithin(band, after: false) }
    }
}

/// One place in a ``ReachComparison``.
public struct PlaceChange: Sendable, Hashable {
    /// Index into the network's places.
    public let place: Int
    public let before: ReachedPlace?
    public let after: ReachedPlace?

    /// After minus before (negative: faster, shorter or cheaper); nil unless reached in
    /// both.
    public var delta: Double? {
        guard let before, let after else { return nil }
        return after.value - before.value
    }

    /// Whether the place is within band `band` (bands nest: band 0 is within band 2).
    public func isWithin(_ band: Int, after useAfter: Bool) -> Bool {
        guard let p = useAfter ? after : before else { return false }
        return p.band <= band
    }
}
