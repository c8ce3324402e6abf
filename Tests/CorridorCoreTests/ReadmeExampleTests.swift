import CorridorCore
import Testing

/// The example in README.md, "The graph core", exactly as printed there.
@Suite struct ReadmeExampleTests {
    @Test func readmeExample() {
        var builder = GraphBuilder(nodeCount: 3, metricNames: ["time"])
        builder.addArc(from: 0, to: 1, weight: 600)
        builder.addArc(from: 0, to: 1, weight: 900, mode: 2)
        builder.addArc(from: 1, to: 2, weight: 1200)
        let graph = builder.build().graph

        let search = DijkstraSearch(graph)
        search.run(from: [0], weights: graph.weights(0))
        #expect(search.distance(to: 2) == 1800)  // 600 by the cheaper parallel arc + 1200
        let circles = search.reach(from: [0], within: [1800, 3600, 7200], weights: graph.weights(0))
        #expect(circles.bands == [0, 0, 0])  // distances 0, 600, 1800: all ≤ 1800
        #expect(circles.distances == [0, 600, 1800])
    }
}
