/// An indexed 4-ary min-heap of nodes keyed by distance, with decrease-key.
///
/// The priority queue of Dijkstra's algorithm. Entries are ordered by `(key, node)`, so
/// equal keys leave the heap in ascending node order: searches are deterministic.
///
/// Layout: `entries[0 ..< count]` is a 4-ary heap (the children of slot i are slots
/// 4i + 1 … 4i + 4). An entry packs `key << 32 | node` into one unsigned integer of type
/// `Bits`, so the `(key, node)` order, tie-break included, is a single branch-free integer
/// comparison. `Bits` is `UInt128` for any 64-bit key, or `UInt64` when every key is known
/// to be below 2³² (the searches choose it per query from the weights and the limit: it
/// saves about a quarter of the instructions of a one-to-all search).
///
/// `position[node]` is the slot of `node`; it is only trusted after checking
/// `entries[position[node]]` names `node`, which is what makes ``removeAll()`` O(1): stale
/// positions from an earlier search can never pass that check.
///
/// A 4-ary heap halves the depth of a binary heap, and the four children of a slot share
/// a cache line; RoutingKit and OSRM make the same choice.
///
/// The heap is a noncopyable value that owns its two buffers: a search keeps it in its
/// workspace and mutates it in place, with no reference counting or dynamic exclusivity
/// checks in the loop.
///
/// - Complexity: ``push(_:key:)``, ``decrease(_:to:)`` O(log₄ s); ``popMin()``
///   O(4 log₄ s) for s entries; everything else O(1).
public struct IndexedHeap<Bits: FixedWidthInteger & UnsignedInteger>: ~Copyable {
    /// The largest key an entry can hold.
    public static var maxKey: Distance {
        Bits.bitWidth >= 96 ? .max : Distance((Bits(1) << (Bits.bitWidth - 32)) - 1)
    }

    @inline(__always) static func pack(_ key: Distance, _ node: NodeID) -> Bits {
        Bits(truncatingIfNeeded: key) &<< 32 | Bits(node)
    }
    @inline(__always) static func key(_ bits: Bits) -> Distance {
        Distance(truncatingIfNeeded: bits &>> 32)
    }
    @inline(__always) static func node(_ bits: Bits) -> NodeID {
        NodeID(truncatingIfNeeded: bits)
    }

    /// The heap's branching factor.
    public static var arity: Int { 4 }

    /// The largest node id plus one that the heap can hold.
    public private(set) var capacity: Int
    /// The number of entries.
    public private(set) var count: Int = 0
    private(set) var entries: UnsafeMutablePointer<Bits>
    private(set) var position: UnsafeMutablePointer<UInt32>

    /// A heap for nodes `0 ..< capacity`.
    ///
    /// - Complexity: O(capacity), once.
    public init(capacity: Int) {
        precondition(capacity >= 0 && capacity < Int(UInt32.max))
        self.capacity = capacity
        entries = .allocate(capacity: Swift.max(capacity, 1))
        position = .allocate(capacity: Swift.max(capacity, 1))
        position.initialize(repeating: 0, count: Swift.max(capacity, 1))
    }

    /// Makes room for nodes `0 ..< capacity`, emptying the heap if it grows.
    ///
    /// - Complexity: O(capacity) when it grows, O(1) otherwise.
    public mutating func reserveCapacity(_ capacity: Int) {
        guard capacity > self.capacity else { return }
        precondition(capacity < Int(UInt32.max))
        entries.deallocate()
        position.deallocate()
        entries = .allocate(capacity: capacity)
        position = .allocate(capacity: capacity)
        position.initialize(repeating: 0, count: capacity)
        self.capacity = capacity
        count = 0
    }

    deinit {
        entries.deallocate()
        position.deallocate()
    }

    /// Whether the heap is empty.
    public var isEmpty: Bool { count == 0 }

    /// Whether `node` is in the heap.
    @inline(__always)
    public func contains(_ node: NodeID) -> Bool {
        precondition(Int(node) < capacity, "node \(node) out of range 0..<\(capacity)")
        let p = Int(position[Int(node)])
        return p < count && Self.node(entries[p]) == node
    }

    /// The smallest entry, without removing it.
    public var min: (node: NodeID, key: Distance)? {
        count == 0 ? nil : (Self.node(entries[0]), Self.key(entries[0]))
    }

    /// The smallest key, or nil when empty.
    @inline(__always)
    var minKey: Distance? { count == 0 ? nil : Self.key(entries[0]) }

    /// The key of `node`, which must be in the heap.
    public func key(of node: NodeID) -> Distance {
        precondition(contains(node), "node \(node) is not in the heap")
        return Self.key(entries[Int(position[Int(node)])])
    }

    /// Inserts `node`, which must not be in the heap, with a key of at most ``maxKey``.
    public mutating func push(_ node: NodeID, key: Distance) {
        precondition(Int(node) < capacity, "node \(node) out of range 0..<\(capacity)")
        precondition(!contains(node), "node \(node) is in the heap already")
        precondition(key <= Self.maxKey, "key \(key) exceeds \(Self.maxKey)")
        pushUnchecked(node, key: key)
    }

    /// Lowers the key of `node`, which must be in the heap with a key ≥ `key`.
    public mutating func decrease(_ node: NodeID, to key: Distance) {
        precondition(contains(node), "node \(node) is not in the heap")
        precondition(Self.key(entries[Int(position[Int(node)])]) >= key, "\(key) is not a decrease")
        decreaseUnchecked(node, to: key)
    }

    /// ``push(_:key:)`` for the search loops, which guarantee its preconditions (checked
    /// in debug builds only).
    @inline(__always)
    mutating func pushUnchecked(_ node: NodeID, key: Distance) {
        assert(Int(node) < capacity && !contains(node) && key <= Self.maxKey)
        let slot = count
        count += 1
        siftUp(Self.pack(key, node), from: slot)
    }

    /// ``decrease(_:to:)`` for the search loops, which guarantee its preconditions.
    @inline(__always)
    mutating func decreaseUnchecked(_ node: NodeID, to key: Distance) {
        assert(contains(node) && Self.key(entries[Int(position[Int(node)])]) >= key)
        siftUp(Self.pack(key, node), from: Int(position[Int(node)]))
    }

    /// Inserts `node` or lowers its key, whichever applies.
    public mutating func pushOrDecrease(_ node: NodeID, key: Distance) {
        if contains(node) { decrease(node, to: key) } else { push(node, key: key) }
    }

    /// ``pushOrDecrease(_:key:)`` for the search loops.
    @inline(__always)
    mutating func pushOrDecreaseUnchecked(_ node: NodeID, key: Distance) {
        if contains(node) { decreaseUnchecked(node, to: key) } else { pushUnchecked(node, key: key) }
    }

    /// Removes and returns the smallest entry.
    @inline(__always)
    public mutating func popMin() -> (node: NodeID, key: Distance)? {
        guard count > 0 else { return nil }
        let top = entries[0]
        count -= 1
        if count > 0 { siftDown(entries[count], from: 0) }
        return (Self.node(top), Self.key(top))
    }

    /// Removes every entry.
    ///
    /// - Complexity: O(1).
    public mutating func removeAll() { count = 0 }

    @inline(__always)
    private func siftUp(_ entry: Bits, from start: Int) {
        var slot = start
        while slot > 0 {
            let parent = (slot &- 1) &>> 2
            let p = entries[parent]
            guard entry < p else { break }
            entries[slot] = p
            position[Int(Self.node(p))] = UInt32(truncatingIfNeeded: slot)
            slot = parent
        }
        entries[slot] = entry
        position[Int(Self.node(entry))] = UInt32(truncatingIfNeeded: slot)
    }

    @inline(__always)
    private func siftDown(_ entry: Bits, from start: Int) {
        let count = self.count
        var slot = start
        while true {
            let first = (slot &<< 2) &+ 1
            if first >= count { break }
            var best: Int
            var bestEntry: Bits
            if first &+ 3 < count {
                // Four children (the usual case): a tournament, two independent
                // comparisons and then one, which the processor overlaps.
                let e0 = entries[first], e1 = entries[first &+ 1]
                let e2 = entries[first &+ 2], e3 = entries[first &+ 3]
                let low = e1 < e0 ? (e1, first &+ 1) : (e0, first)
                let high = e3 < e2 ? (e3, first &+ 3) : (e2, first &+ 2)
                (bestEntry, best) = high.0 < low.0 ? high : low
            } else {
                best = first
                bestEntry = entries[first]
                var c = first &+ 1
                while c < count {
                    let e = entries[c]
                    if e < bestEntry { best = c; bestEntry = e }
                    c &+= 1
                }
            }
            guard bestEntry < entry else { break }
            entries[slot] = bestEntry
            position[Int(Self.node(bestEntry))] = UInt32(truncatingIfNeeded: slot)
            slot = best
        }
        entries[slot] = entry
        position[Int(Self.node(entry))] = UInt32(truncatingIfNeeded: slot)
    }
}
