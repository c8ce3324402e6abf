import CorridorCore
import Testing
import TestSupport

@Suite struct GraphBuilderTests {
    /// The example of the GraphBuilder documentation, in input (= tail) order.
    @Test func documentationExample() {
        var builder = GraphBuilder(nodeCount: 3, metricNames: ["time"])
        #expect(builder.addArc(from: 0, to: 1, weight: 60) == 0)
        #expect(builder.addArc(from: 0, to: 1, weight: 45) == 1)
        #expect(builder.addArc(from: 1, to: 2, weight: 30) == 2)
        #expect(builder.arcCount == 3)
        let (graph, arcOfInput) = builder.build()
        #expect(graph.arcCount == 3)
        #expect(arcOfInput == [0, 1, 2])
        #expect(graph.firstOut == [0, 2, 3, 3])
        #expect(graph.head == [1, 1, 2])
        #expect(graph.metrics == [[60, 45, 30]])
        // Reverse CSR: nothing enters 0; arcs 0, 1 enter 1 (from 0); arc 2 enters 2.
        #expect(graph.firstIn == [0, 0, 2, 3])
        #expect(graph.inArc == [0, 1, 2])
        #expect(graph.inTail == [0, 0, 1])
    }

    /// Input out of tail order: the builder sorts stably by tail.
    @Test func outOfOrderInputIsSortedStablyByTail() {
        // input  arc             tail group   arc id
        // 0      2 -> 0  5  m1   tail 2, 1st  3
        // 1      0 -> 1  7  m2   tail 0, 1st  0
        // 2      2 -> 1  9  m3   tail 2, 2nd  4
        // 3      0 -> 2  1  m4   tail 0, 2nd  1
        // 4      1 -> 1  3  m5   tail 1, 1st  2   (a self-loop)
        let g = tinyGraph(nodes: 3, """
            2 -> 0 : 5 50 mode 1 flags 1
            0 -> 1 : 7 70 mode 2
            2 -> 1 : 9 90 mode 3 flags 2
            0 -> 2 : 1 10 mode 4
            1 -> 1 : 3 30 mode 5 flags 3
            """)
        let graph = g.graph
        #expect(g.arcOfInput == [3, 0, 4, 1, 2])
        #expect(graph.firstOut == [0, 2, 3, 5])
        #expect(graph.head == [1, 2, 1, 0, 1])
        #expect(graph.mode == [2, 4, 5, 1, 3])
        #expect(graph.flags == [0, 0, 3, 1, 2])
        #expect(graph.metrics == [[7, 1, 3, 5, 9], [70, 10, 30, 50, 90]])
        #expect(graph.metricNames == ["time", "length"])
        // Into 0: arc 3 (from 2). Into 1: arcs 0 (from 0), 2 (from 1), 4 (from 2), ascending.
        // Into 2: arc 1 (from 0).
        #expect(graph.firstIn == [0, 1, 4, 5])
        #expect(graph.inArc == [3, 0, 2, 4, 1])
        #expect(graph.inTail == [2, 0, 1, 2, 0])
        #expect((0 ..< 5).map { graph.tail(of: ArcID($0)) } == [0, 0, 1, 2, 2])
        #expect(graph.outArcs(of: 2) == 3 ..< 5)
        #expect(Array(graph.inArcs(of: 1)) == [0, 2, 4])
        #expect(graph.inArcs(of: 0).count == 1)
        #expect(graph.metric(named: "length") == 1)
        #expect(graph.metric(named: "cost") == nil)
        #expect(graph.weights(1) == ArcWeights([70, 10, 30, 50, 90]))
    }

    @Test func tailOfSkipsNodesWithoutArcs() {
        // Arcs leave only nodes 2 and 5 of 0 ... 7: nodes 0, 1, 3, 4, 6, 7 have empty
        // ranges, including runs of them at the start, middle and end.
        let g = tinyGraph(nodes: 8, "5 -> 0 : 1\n2 -> 7 : 1\n2 -> 2 : 1\n5 -> 5 : 1")
        #expect(g.graph.firstOut == [0, 0, 0, 2, 2, 2, 4, 4, 4])
        #expect((0 ..< 4).map { g.graph.tail(of: ArcID($0)) } == [2, 2, 5, 5])
    }

    @Test func emptyGraphs() {
        let none = GraphBuilder(nodeCount: 0, metricNames: ["time"]).build()
        #expect(none.graph.nodeCount == 0 && none.graph.arcCount == 0)
        #expect(none.graph.firstOut == [0] && none.graph.firstIn == [0])
        #expect(none.arcOfInput.isEmpty)
        let isolated = GraphBuilder(nodeCount: 4, metricNames: ["a", "b"]).build().graph
        #expect(isolated.firstOut == [0, 0, 0, 0, 0] && isolated.firstIn == [0, 0, 0, 0, 0])
        #expect(isolated.metrics == [[], []])
        // A search on arc-less graphs: only the sources settle.
        let search = DijkstraSearch(isolated)
        search.run(from: [2], weights: isolated.weights(1))
        #expect(search.settledNodes == [2])
        #expect(search.distance(to: 3) == .unreachable)
        let empty = DijkstraSearch(none.graph)
        empty.run(from: [], weights: none.graph.weights(0))
        #expect(empty.settledCount == 0)
    }

    /// Every CSR invariant, checked against the plain input on random multigraphs.
    @Test func randomGraphsSatisfyTheCSRInvariants() {
        for seed in seeds(300, base: 1) {
            var rng = SeededRandom(seed: seed)
            let g = RandomGraph.make(&rng)
            let graph = g.graph, n = g.nodeCount, m = g.arcs.count
            #expect(graph.nodeCount == n && graph.arcCount == m, "\(rng)")
            // arcOfInput is a permutation that keeps input order within each tail.
            #expect(Set(g.arcOfInput) == Set((0 ..< m).map(ArcID.init)), "\(rng)")
            #expect(graph.firstOut.count == n + 1 && graph.firstOut.first == 0 && Int(graph.firstOut.last!) == m, "\(rng)")
            for v in 0 ..< n {
                let expected = g.arcs.indices.filter { g.arcs[$0].tail == NodeID(v) }.map { Int(g.arcOfInput[$0]) }
                #expect(Array(graph.outArcs(of: NodeID(v))) == expected, "\(rng) node \(v)")
            }
            for (i, a) in g.arcs.enumerated() {
                let id = Int(g.arcOfInput[i])
                #expect(graph.head[id] == a.head && graph.mode[id] == a.mode && graph.flags[id] == a.flags, "\(rng) arc \(id)")
                #expect(graph.tail(of: ArcID(id)) == a.tail, "\(rng) tail of \(id)")
                for k in 0 ..< g.metricNames.count {
                    #expect(graph.metrics[k][id] == a.weights[k], "\(rng) metric \(k) arc \(id)")
                }
            }
            // Reverse CSR: arcs entering v in ascending id, with their tails.
            #expect(graph.firstIn.count == n + 1 && graph.firstIn.first == 0 && Int(graph.firstIn.last!) == m, "\(rng)")
            for v in 0 ..< n {
                let expected = g.arcs.indices.filter { g.arcs[$0].head == NodeID(v) }.map { g.arcOfInput[$0] }.sorted()
                #expect(Array(graph.inArcs(of: NodeID(v))) == expected, "\(rng) into \(v)")
                for p in Int(graph.firstIn[v]) ..< Int(graph.firstIn[v + 1]) {
                    #expect(graph.inTail[p] == g.arcs[g.inputOfArc[Int(graph.inArc[p])]].tail, "\(rng) inTail \(p)")
                }
            }
        }
    }

    /// `8(n + 1) + m(14 + 4k)` bytes: firstOut and firstIn (4 bytes per node each), head,
    /// inArc and inTail (4 bytes per arc each), mode and flags (1 each) and 4 per metric.
    /// The footprint counts capacity, so it may exceed the formula by allocation slack.
    /// (The documentation said `m(18 + 4k)`, counting a forward tail array the graph
    /// deliberately does not have.)
    @Test(arguments: [(1000, 1), (5000, 3), (37, 2)])
    func memoryFootprintFollowsTheFormula(nodes: Int, metrics: Int) {
        var rng = SeededRandom(seed: UInt64(nodes * 10 + metrics))
        let m = nodes * 3
        // Out of tail order, so every per-arc array is built by the permutation (no growth
        // slack from appending).
        var builder = GraphBuilder(nodeCount: nodes, metricNames: (0 ..< metrics).map { "m\($0)" })
        for i in 0 ..< m {
            let tail = NodeID((nodes - 1) - i % nodes)
            builder.addArc(from: tail, to: NodeID(rng.int(0 ..< nodes)), weights: (0 ..< metrics).map { _ in 1 })
        }
        let graph = builder.build().graph
        let formula = 8 * (nodes + 1) + m * (14 + 4 * metrics)
        #expect(graph.memoryFootprint >= formula, "\(graph.memoryFootprint) < \(formula)")
        // At most 64 bytes of malloc rounding on each of the 9 + k arrays.
        #expect(graph.memoryFootprint <= formula + 64 * (9 + metrics), "\(graph.memoryFootprint) vs \(formula)")
        // A graph grown by appending (input already in tail order) may hold up to twice.
        var inOrder = GraphBuilder(nodeCount: nodes, metricNames: ["t"])
        for i in 0 ..< m { inOrder.addArc(from: NodeID(i * nodes / m), to: 0, weight: 1) }
        let grown = inOrder.build().graph
        let f1 = 8 * (nodes + 1) + m * 18
        #expect(grown.memoryFootprint >= f1 && grown.memoryFootprint <= 2 * f1 + 64 * 10, "\(grown.memoryFootprint) vs \(f1)")
    }
}
