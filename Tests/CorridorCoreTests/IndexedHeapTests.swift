import CorridorCore
import Testing
import TestSupport

@Suite struct IndexedHeapTests {
    @Test func equalKeysLeaveInNodeOrder() {
        var heap = IndexedHeap<UInt128>(capacity: 10)
        for v: NodeID in [5, 3, 9, 1, 7] { heap.push(v, key: 42) }
        heap.push(8, key: 41)
        #expect(heap.count == 6 && heap.min?.node == 8)
        var order: [NodeID] = []
        while let (v, _) = heap.popMin() { order.append(v) }
        #expect(order == [8, 1, 3, 5, 7, 9])
        #expect(heap.isEmpty && heap.min == nil && heap.popMin() == nil)
    }

    @Test func decreaseKeyReorders() {
        var heap = IndexedHeap<UInt64>(capacity: 6)
        for v in 0 ..< 6 { heap.push(NodeID(v), key: Distance(100 - v)) }  // 5 is smallest
        heap.decrease(0, to: 3)
        heap.pushOrDecrease(2, key: 3)   // tie with 0: node order decides
        #expect(heap.key(of: 2) == 3 && heap.contains(2))
        #expect(heap.popMin()! == (0, 3))
        #expect(heap.popMin()! == (2, 3))
        #expect(!heap.contains(0) && !heap.contains(2) && heap.contains(1))
        heap.pushOrDecrease(0, key: 1)   // not in the heap: pushed again
        #expect(heap.popMin()! == (0, 1))
        #expect(heap.popMin()! == (5, 95))
    }

    @Test func zeroCapacity() {
        var heap = IndexedHeap<UInt64>(capacity: 0)
        #expect(heap.capacity == 0 && heap.isEmpty && heap.min == nil && heap.popMin() == nil)
        heap.removeAll()
        #expect(heap.count == 0)
        #expect(IndexedHeap<UInt64>.arity == 4)
        // Growing makes room for more nodes.
        heap.reserveCapacity(3)
        heap.push(2, key: 7)
        #expect(heap.capacity == 3 && heap.popMin()! == (2, 7))
    }

    /// The key widths: a narrow heap holds keys below 2³², a wide one any 64-bit key, and
    /// both order (key, node) the same way, including at the extremes.
    @Test func keyWidths() {
        #expect(IndexedHeap<UInt64>.maxKey == 4_294_967_295)
        #expect(IndexedHeap<UInt128>.maxKey == Distance.max)
        var narrow = IndexedHeap<UInt64>(capacity: 4)
        narrow.push(3, key: 4_294_967_295)
        narrow.push(1, key: 4_294_967_295)
        narrow.push(2, key: 0)
        #expect(narrow.popMin()! == (2, 0))
        #expect(narrow.popMin()! == (1, 4_294_967_295))
        #expect(narrow.popMin()! == (3, 4_294_967_295))
        var wide = IndexedHeap<UInt128>(capacity: 4)
        wide.push(3, key: .max - 1)
        wide.push(0, key: 1 << 40)
        wide.push(1, key: .max - 1)
        #expect(wide.popMin()! == (0, 1 << 40))
        #expect(wide.popMin()! == (1, .max - 1))
        #expect(wide.popMin()! == (3, .max - 1))
    }

    /// Random push / decrease / pop / removeAll against a sorted-array model, with
    /// `contains` and `key(of:)` checked for every node after every operation.
    /// removeAll leaves stale positions behind; they must never make a node look present.
    @Test func randomOperationsMatchASortedModelNarrow() { randomOperations(UInt64.self) }
    @Test func randomOperationsMatchASortedModelWide() { randomOperations(UInt128.self) }

    func randomOperations<Bits: FixedWidthInteger & UnsignedInteger>(_: Bits.Type) {
        for seed in seeds(200, base: 3) {
            var rng = SeededRandom(seed: seed)
            let capacity = rng.int(1 ... 70)
            var heap = IndexedHeap<Bits>(capacity: capacity)
            var model: [(key: Distance, node: NodeID)] = []   // kept sorted by (key, node)
            func sortModel() { model.sort { ($0.key, $0.node) < ($1.key, $1.node) } }
            let maxKey = rng.pick([3, 50, 1_000_000]) as Distance   // few keys: many ties
            var ok = true
            for step in 0 ..< 400 {
                let r = rng.int(0 ..< 100)
                let v = NodeID(rng.int(0 ..< capacity))
                if r < 40 {
                    let key = Distance(rng.int(0 ... Int(maxKey)))
                    if let i = model.firstIndex(where: { $0.node == v }) {
                        if key <= model[i].key {
                            if rng.chance(0.5) { heap.decrease(v, to: key) } else { heap.pushOrDecrease(v, key: key) }
                            model[i].key = key
                        }
                    } else {
                        if rng.chance(0.5) { heap.push(v, key: key) } else { heap.pushOrDecrease(v, key: key) }
                        model.append((key, v))
                    }
                    sortModel()
                } else if r < 85 {
                    let got = heap.popMin()
                    let want = model.isEmpty ? nil : model.removeFirst()
                    if got?.node != want?.node || got?.key != want?.key {
                        Issue.record("\(rng) step \(step): popMin \(String(describing: got)), model \(String(describing: want))")
                        ok = false
                    }
                } else if r < 88 {
                    heap.removeAll()
                    model.removeAll()
                } else {
                    let top = heap.min
                    if top?.node != model.first?.node || top?.key != model.first?.key {
                        Issue.record("\(rng) step \(step): min \(String(describing: top)) vs \(String(describing: model.first))")
                        ok = false
                    }
                }
                if heap.count != model.count { Issue.record("\(rng) step \(step): count"); ok = false }
                for u in 0 ..< capacity {
                    let entry = model.first { $0.node == NodeID(u) }
                    if heap.contains(NodeID(u)) != (entry != nil) {
                        Issue.record("\(rng) step \(step): contains(\(u)) = \(heap.contains(NodeID(u)))")
                        ok = false
                    } else if let entry, heap.key(of: NodeID(u)) != entry.key {
                        Issue.record("\(rng) step \(step): key(of: \(u))")
                        ok = false
                    }
                }
                if !ok { break }
            }
        }
    }
}
