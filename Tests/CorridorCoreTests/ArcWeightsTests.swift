import CorridorCore
import Testing
import TestSupport

@Suite struct ArcWeightsTests {
    @Test func overridingLaterEntriesWinAndTheOriginalIsUntouched() {
        let time = ArcWeights([10, 20, 30, 40])
        let upgraded = time.overriding([(arc: 1, weight: 5), (arc: 3, weight: 0), (arc: 1, weight: 7)])
        #expect(upgraded.values == [10, 7, 30, 0])
        #expect(upgraded[1] == 7 && upgraded[3] == 0)
        #expect(time.values == [10, 20, 30, 40])
        #expect(time.count == 4 && upgraded.count == 4)
        #expect(time.overriding([]) == time)
        #expect(upgraded != time)
    }

    @Test func overrideInPlaceDoesNotReachCopies() {
        let g = tinyGraph(nodes: 2, "0 -> 1 : 3 30\n1 -> 0 : 4 40")
        var w = g.graph.weights(1)
        let before = w
        w.override([(arc: 0, weight: 99)])
        #expect(w.values == [99, 40])
        #expect(before.values == [30, 40])
        #expect(g.graph.weights(1).values == [30, 40])  // the graph's metric is not shared
        #expect(g.graph.metrics[1] == [30, 40])
    }

    @Test func pathLengthUnderAnotherMetric() {
        let g = tinyGraph(nodes: 3, "0 -> 1 : 3 300\n1 -> 2 : 4 400\n0 -> 2 : 10 1")
        let search = DijkstraSearch(g.graph)
        search.run(from: [0], weights: g.graph.weights(0))
        let path = search.path(to: 2)!  // by time: 0 -> 1 -> 2 = 7 (not the direct 10)
        #expect(path.arcs == [0, 2] && path.distance == 7)
        #expect(path.length(under: g.graph.weights(1)) == 700)
        #expect(path.length(under: g.graph.weights(0)) == 7)
        #expect(path.nodes(in: g.graph) == [0, 1, 2])
        #expect(Path(source: 1, target: 1, arcs: [], distance: 0).nodes(in: g.graph) == [1])
    }

    /// Large weights: distances are 64-bit, so paths of many near-maximal arcs add up.
    @Test func distancesDoNotOverflowWithMaximalWeights() {
        let n = 40
        var text = ""
        for v in 0 ..< n - 1 { text += "\(v) -> \(v + 1) : \(UInt32.max)\n" }
        let g = tinyGraph(nodes: n, text)
        let search = DijkstraSearch(g.graph)
        search.run(from: [0], weights: g.graph.weights(0))
        #expect(search.distance(to: NodeID(n - 1)) == Distance(n - 1) * Distance(UInt32.max))
        let bidir = BidirectionalSearch(g.graph)
        #expect(bidir.shortestPath(from: 0, to: NodeID(n - 1), weights: g.graph.weights(0))?.distance
            == Distance(n - 1) * Distance(UInt32.max))
    }
}
