/// A set of arcs that a search may use: a bitset with one bit per arc.
///
/// Scenarios (which planned arcs exist) and mode filters (which modes are allowed) are
/// both arc filters; they combine with ``intersection(_:)`` and ``union(_:)``. A search
/// given a filter treats every arc outside it as absent, exactly as if the graph had been
/// built without it, and never rebuilds anything.
///
///     var rail = ArcFilter(graph: graph, modes: [1, 2])      // modes 1 and 2 only
///     let built = ArcFilter(graph: graph) { graph.flags[$0] & 1 == 0 }
///     let query = rail.intersection(built)
///
/// Layout: `words[a >> 6] >> (a & 63) & 1`. Bits past `arcCount` are always zero, and
/// there is always at least one word.
public struct ArcFilter: Sendable, Hashable {
    /// The number of arcs the filter speaks about.
    public let arcCount: Int
    @usableFromInline var words: [UInt64]

    /// A filter that contains all arcs (`true`) or none (`false`).
    public init(arcCount: Int, containsAll: Bool = true) {
        precondition(arcCount >= 0)
        self.arcCount = arcCount
        let wordCount = Swift.max(1, (arcCount + 63) >> 6)  // never empty: a stable pointer
        words = [UInt64](repeating: containsAll ? ~0 : 0, count: wordCount)
        if containsAll { clearTail() }
    }

    /// A filter with the arcs of `graph` for which `isIncluded` returns true.
    ///
    /// - Complexity: O(m).
    public init(graph: Graph, where isIncluded: (ArcID) -> Bool) {
        self.init(arcCount: graph.arcCount, containsAll: false)
        for a in 0 ..< graph.arcCount where isIncluded(ArcID(a)) { insert(ArcID(a)) }
    }

    /// A filter with the arcs of `graph` whose mode code is one of `modes`.
    ///
    /// - Complexity: O(m).
    public init(graph: Graph, modes: Set<UInt8>) {
        var allowed = [Bool](repeating: false, count: 256)
        for m in modes { allowed[Int(m)] = true }
        self.init(graph: graph) { allowed[Int(graph.mode[Int($0)])] }
    }

    /// Whether `arc` is in the filter.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func contains(_ arc: ArcID) -> Bool {
        precondition(Int(arc) < arcCount, "arc \(arc) out of range 0..<\(arcCount)")
        return words[Int(arc &>> 6)] &>> UInt64(arc & 63) & 1 != 0
    }

    /// Adds `arc`.
    public mutating func insert(_ arc: ArcID) {
        precondition(Int(arc) < arcCount, "arc \(arc) out of range 0..<\(arcCount)")
        words[Int(arc >> 6)] |= 1 << UInt64(arc & 63)
    }

    /// Removes `arc`.
    public mutating func remove(_ arc: ArcID) {
        precondition(Int(arc) < arcCount, "arc \(arc) out of range 0..<\(arcCount)")
        words[Int(arc >> 6)] &= ~(1 << UInt64(arc & 63))
    }

    /// The arcs in both filters.
    ///
    /// - Complexity: O(m / 64).
    public func intersection(_ other: ArcFilter) -> ArcFilter {
        precondition(arcCount == other.arcCount, "filters of different graphs")
        var result = self
        for i in words.indices { result.words[i] &= other.words[i] }
        return result
    }

    /// The arcs in either filter.
    ///
    /// - Complexity: O(m / 64).
    public func union(_ other: ArcFilter) -> ArcFilter {
        precondition(arcCount == other.arcCount, "filters of different graphs")
        var result = self
        for i in words.indices { result.words[i] |= other.words[i] }
        return result
    }

    /// The arcs not in this filter.
    ///
    /// - Complexity: O(m / 64).
    public func complement() -> ArcFilter {
        var result = self
        for i in words.indices { result.words[i] = ~words[i] }
        result.clearTail()
        return result
    }

    /// The number of arcs in the filter.
    ///
    /// - Complexity: O(m / 64).
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    private mutating func clearTail() {
        let used = arcCount & 63
        if arcCount == 0 {
            words[0] = 0
        } else if used != 0 {
            words[words.count - 1] &= (1 << UInt64(used)) - 1
        }
    }

    /// Calls `body` with a gate over these arcs for the duration of one search.
    @inline(__always)
    func withGate<R>(_ body: (FilterGate) -> R) -> R {
        words.withUnsafeBufferPointer { body(FilterGate(words: $0.baseAddress!)) }
    }
}
