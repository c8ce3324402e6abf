@testable import CorridorCore
import Testing
import TestSupport

/// The generation counters wrap once every 2³² queries; then the stamps must really be
/// cleared, or labels written in generations 1, 2, … before the wrap would pass for
/// current ones after it. Running 4 billion queries is out of the question, so these
/// tests run a few queries in the first generations, set the internal counter just below
/// the wrap (`@testable`), and compare the queries around and after it with fresh
/// engines.
@Suite struct GenerationWrapTests {
    @Test func searchStampsSurviveTheWrap() {
        for seed in seeds(40, base: 80) {
            var rng = SeededRandom(seed: seed)
            let g = RandomGraph.make(&rng)
            let search = DijkstraSearch(g.graph)
            for step in 0 ..< 10 {
                // Steps 0 … 2 write stamps 1 … 3; step 3 jumps to max - 2, so steps 3 … 5
                // run in generations max - 2 … max and steps 6 … 9 in 1 … 4 again.
                if step == 3 { search.state.generation = .max - 3 }
                let q = randomQuery(&rng, g)
                q.run(search)
                let fresh = DijkstraSearch(g.graph)
                q.run(fresh)
                #expect(WorkspaceReuseTests.Snapshot(search) == WorkspaceReuseTests.Snapshot(fresh), "\(rng) step \(step)")
            }
            #expect(search.state.generation == 4, "\(rng)")
        }
    }

    @Test func yenBansSurviveTheWrap() {
        for seed in seeds(40, base: 81) {
            var rng = SeededRandom(seed: seed)
            let g = RandomGraph.make(&rng, .small)
            let yen = KShortestPaths(g.graph)
            for step in 0 ..< 8 {
                if step == 2 {
                    yen.banGeneration = .max - 3
                    yen.walkMark = .max - 2
                    yen.lookMark = .max - 1
                    yen.search.state.generation = .max - 2
                }
                let s = NodeID(rng.int(0 ..< g.nodeCount)), t = NodeID(rng.int(0 ..< g.nodeCount))
                #expect(yen.paths(from: s, to: t, count: 4, weights: g.graph.weights(0))
                    == KShortestPaths(g.graph).paths(from: s, to: t, count: 4, weights: g.graph.weights(0)),
                    "\(rng) step \(step)")
            }
        }
    }
}
