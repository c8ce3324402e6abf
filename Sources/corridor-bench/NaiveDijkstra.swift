import CorridorCore

/// The naive baseline the core is measured against: adjacency lists of structs
/// (`[[Edge]]`), a binary heap of `(distance, node)` with lazy deletion instead of
/// decrease-key, and arrays cleared in O(n) before every query. It is what one writes
/// first; keeping it beside the optimized search keeps the layout decisions honest.
final class NaiveDijkstra {
    struct Edge { var head: Int; var weight: UInt64 }
    let adjacency: [[Edge]]
    var dist: [UInt64]

    init(_ graph: Graph) {
        var adjacency = [[Edge]](repeating: [], count: graph.nodeCount)
        let w = graph.metrics[0]
        for u in 0 ..< graph.nodeCount {
            for a in graph.outArcs(of: NodeID(u)) {
                adjacency[u].append(Edge(head: Int(graph.head[a]), weight: UInt64(w[a])))
            }
        }
        self.adjacency = adjacency
        dist = [UInt64](repeating: .max, count: graph.nodeCount)
    }

    func run(from source: Int) {
        for i in dist.indices { dist[i] = .max }
        var heap: [(UInt64, Int)] = [(0, source)]
        dist[source] = 0
        while let (d, u) = popMin(&heap) {
            if d > dist[u] { continue }  // a stale entry
            for e in adjacency[u] where d + e.weight < dist[e.head] {
                dist[e.head] = d + e.weight
                push(&heap, (d + e.weight, e.head))
            }
        }
    }

    func finiteSum() -> UInt64 {
        dist.reduce(0) { $1 == .max ? $0 : $0 &+ $1 }
    }

    private func push(_ heap: inout [(UInt64, Int)], _ item: (UInt64, Int)) {
        heap.append(item)
        var i = heap.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            if heap[p] <= heap[i] { break }
            heap.swapAt(p, i)
            i = p
        }
    }

    private func popMin(_ heap: inout [(UInt64, Int)]) -> (UInt64, Int)? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if heap.isEmpty { return top }
        heap[0] = last
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < heap.count && heap[l] < heap[m] { m = l }
            if r < heap.count && heap[r] < heap[m] { m = r }
            if m == i { break }
            heap.swapAt(i, m)
            i = m
        }
        return top
    }
}
