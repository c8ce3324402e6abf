import CorridorCore
import Testing
import TestSupport

/// Misuse stops the process with a precondition failure instead of answering wrongly.
/// (Exit tests: each body runs in a child process, so a passing test did crash there.)
@Suite struct PreconditionTests {
    static let text = "0 -> 1 : 1\n1 -> 2 : 1"

    @Test func weightsForAnotherGraph() async {
        await #expect(processExitsWith: .failure) {
            let g = tinyGraph(nodes: 3, PreconditionTests.text)
            DijkstraSearch(g.graph).run(from: [0], weights: ArcWeights([1, 2, 3]))
        }
        await #expect(processExitsWith: .failure) {
            let g = tinyGraph(nodes: 3, PreconditionTests.text)
            _ = BidirectionalSearch(g.graph).shortestPath(from: 0, to: 2, weights: ArcWeights([1]))
        }
        await #expect(processExitsWith: .failure) {
            let g = tinyGraph(nodes: 3, PreconditionTests.text)
            _ = KShortestPaths(g.graph).paths(from: 0, to: 2, count: 2, weights: ArcWeights([]))
        }
    }

    /// A filter is a bitset sized for one graph: another graph's would be read past its end.
    @Test func filterForAnotherGraph() async {
        await #expect(processExitsWith: .failure) {
            let g = tinyGraph(nodes: 3, PreconditionTests.text)
            DijkstraSearch(g.graph).run(from: [0], weights: g.graph.weights(0), filter: ArcFilter(arcCount: 64))
        }
        await #expect(processExitsWith: .failure) {
            let g = tinyGraph(nodes: 3, PreconditionTests.text)
            _ = BidirectionalSearch(g.graph).shortestPath(
                from: 0, to: 2, weights: g.graph.weights(0), filter: ArcFilter(arcCount: 1))
        }
        await #expect(processExitsWith: .failure) {
            let g = tinyGraph(nodes: 3, PreconditionTests.text)
            _ = KShortestPaths(g.graph).paths(
                from: 0, to: 2, count: 2, weights: g.graph.weights(0), filter: ArcFilter(arcCount: 5))
        }
        await #expect(processExitsWith: .failure) {
            let g = tinyGraph(nodes: 3, PreconditionTests.text)
            _ = DijkstraSearch(g.graph).shortestPath(
                from: 0, to: 2, weights: g.graph.weights(0), filter: ArcFilter(arcCount: 9)) { _ in 0 }
        }
    }

    /// The heap's public operations check what the search loops guarantee.
    @Test func heapMisuse() async {
        await #expect(processExitsWith: .failure) {
            var heap = IndexedHeap<UInt64>(capacity: 2)
            heap.push(1000, key: 0)          // node out of range
        }
        await #expect(processExitsWith: .failure) {
            var heap = IndexedHeap<UInt64>(capacity: 2)
            heap.push(0, key: 1)
            heap.push(0, key: 2)             // already in the heap
        }
        await #expect(processExitsWith: .failure) {
            var heap = IndexedHeap<UInt64>(capacity: 2)
            heap.push(0, key: 1 << 33)       // does not fit a narrow key
        }
        await #expect(processExitsWith: .failure) {
            var heap = IndexedHeap<UInt64>(capacity: 2)
            heap.decrease(1, to: 0)          // not in the heap
        }
        await #expect(processExitsWith: .failure) {
            var heap = IndexedHeap<UInt64>(capacity: 2)
            heap.push(1, key: 5)
            heap.decrease(1, to: 6)          // not a decrease
        }
    }

    @Test func nodesOutOfRange() async {
        await #expect(processExitsWith: .failure) {
            let g = tinyGraph(nodes: 3, PreconditionTests.text)
            DijkstraSearch(g.graph).run(from: [3], weights: g.graph.weights(0))
        }
        await #expect(processExitsWith: .failure) {
            let g = tinyGraph(nodes: 3, PreconditionTests.text)
            DijkstraSearch(g.graph).run(from: [0], weights: g.graph.weights(0), target: 3)
        }
        await #expect(processExitsWith: .failure) {
            let g = tinyGraph(nodes: 3, PreconditionTests.text)
            _ = DijkstraSearch(g.graph).distance(to: 7)
        }
        await #expect(processExitsWith: .failure) {
            let g = tinyGraph(nodes: 3, PreconditionTests.text)
            _ = g.graph.tail(of: 2)
        }
        await #expect(processExitsWith: .failure) {
            var builder = GraphBuilder(nodeCount: 2, metricNames: ["t"])
            builder.addArc(from: 0, to: 2, weight: 1)
        }
    }

    @Test func builderMetricCounts() async {
        await #expect(processExitsWith: .failure) {
            var builder = GraphBuilder(nodeCount: 2, metricNames: ["t", "l"])
            builder.addArc(from: 0, to: 1, weight: 1)   // two metrics: needs weights:
        }
        await #expect(processExitsWith: .failure) {
            var builder = GraphBuilder(nodeCount: 2, metricNames: ["t", "l"])
            builder.addArc(from: 0, to: 1, weights: [1, 2, 3])
        }
        await #expect(processExitsWith: .failure) {
            _ = GraphBuilder(nodeCount: 2, metricNames: [])
        }
    }

    @Test func filtersAndWeights() async {
        await #expect(processExitsWith: .failure) {
            _ = ArcFilter(arcCount: 64).contains(64)
        }
        await #expect(processExitsWith: .failure) {
            _ = ArcFilter(arcCount: 64).intersection(ArcFilter(arcCount: 65))
        }
        await #expect(processExitsWith: .failure) {
            _ = ArcWeights([1, 2]).overriding([(arc: 2, weight: 1)])
        }
    }

    @Test func thresholdsAndCounts() async {
        await #expect(processExitsWith: .failure) {
            let g = tinyGraph(nodes: 3, PreconditionTests.text)
            _ = DijkstraSearch(g.graph).reach(from: [0], within: [10, 10], weights: g.graph.weights(0))
        }
        await #expect(processExitsWith: .failure) {
            let g = tinyGraph(nodes: 3, PreconditionTests.text)
            _ = DijkstraSearch(g.graph).reach(from: [0], within: [], weights: g.graph.weights(0))
        }
        await #expect(processExitsWith: .failure) {
            let g = tinyGraph(nodes: 3, PreconditionTests.text)
            _ = KShortestPaths(g.graph).paths(from: 0, to: 2, count: -1, weights: g.graph.weights(0))
        }
    }
}
