import CorridorCore

/// Seeded random multigraphs for differential tests: parallel arcs, self-loops, zero
/// weights, parts unreachable from the rest, several metrics, random modes and flags.
///
///     var rng = SeededRandom(seed: 7)
///     let g = RandomGraph.make(&rng)              // 5 … 60 nodes
///     let tiny = RandomGraph.make(&rng, .small)   // for brute-force path enumeration
public enum RandomGraph {
    /// The shape of the graphs drawn.
    public struct Options: Sendable, CustomStringConvertible {
        /// A short name for test output.
        public var name = "custom"
        public var description: String { name }
        public var nodes: ClosedRange<Int>
        /// Arcs are drawn as `nodes × density`, density uniform in this range.
        public var density: ClosedRange<Double>
        public var metrics: ClosedRange<Int>
        /// Weights are uniform in `1 ... maxWeight` unless they are zero.
        public var maxWeight: Weight
        public var zeroWeightChance: Double
        public var selfLoopChance: Double
        /// The chance that an arc is followed by a parallel copy (same ends, new weights).
        public var parallelChance: Double
        /// The chance that the graph has a "far side": the highest-numbered nodes receive
        /// no arcs from the lower ones (so they are unreachable from them going forward).
        public var farSideChance: Double
        public var modes: ClosedRange<UInt8>
        public var flagChance: Double
        /// The chance that a non-zero weight is huge instead: uniform in 2³¹ … 2³² − 1,
        /// so that distances pass 2³² and the searches need wide heap keys.
        public var hugeWeightChance: Double = 0

        public init(
            nodes: ClosedRange<Int> = 5 ... 60, density: ClosedRange<Double> = 0.8 ... 4,
            metrics: ClosedRange<Int> = 1 ... 3, maxWeight: Weight = 20,
            zeroWeightChance: Double = 0.1, selfLoopChance: Double = 0.04,
            parallelChance: Double = 0.1, farSideChance: Double = 0.3,
            modes: ClosedRange<UInt8> = 0 ... 3, flagChance: Double = 0.3
        ) {
            self.nodes = nodes
            self.density = density
            self.metrics = metrics
            self.maxWeight = maxWeight
            self.zeroWeightChance = zeroWeightChance
            self.selfLoopChance = selfLoopChance
            self.parallelChance = parallelChance
            self.farSideChance = farSideChance
            self.modes = modes
            self.flagChance = flagChance
        }

        /// 5 … 60 nodes, a little of everything.
        public static let standard: Options = {
            var o = Options()
            o.name = "standard"
            return o
        }()
        /// 2 … 7 nodes and few arcs: small enough to enumerate every simple path.
        public static let small = Options(
            nodes: 2 ... 7, density: 1.5 ... 3.2, metrics: 1 ... 2, maxWeight: 4,
            zeroWeightChance: 0.1, selfLoopChance: 0.05, parallelChance: 0.25, farSideChance: 0.1
        ).named("small")
        /// Many ties: weights in 0 … 3 with many zeros, dense parallel arcs.
        public static let tieHeavy = Options(
            nodes: 4 ... 30, density: 1.5 ... 4, metrics: 1 ... 1, maxWeight: 3,
            zeroWeightChance: 0.25, selfLoopChance: 0.05, parallelChance: 0.25, farSideChance: 0.2
        ).named("tieHeavy")

        /// Distances around and beyond 2³²: a third of the weights are huge.
        public static let huge: Options = {
            var o = Options(nodes: 5 ... 40)
            o.hugeWeightChance = 0.35
            return o.named("huge")
        }()

        /// These options under another name.
        public func named(_ name: String) -> Options {
            var o = self
            o.name = name
            return o
        }
    }

    /// A random graph drawn from `rng`.
    public static func make(_ rng: inout SeededRandom, _ options: Options = .standard) -> TestGraph {
        let n = rng.int(options.nodes)
        let k = rng.int(options.metrics)
        let names = (0 ..< k).map { ["time", "length", "cost", "toll"][$0 % 4] + ($0 < 4 ? "" : "\($0)") }
        let density = Double.random(in: options.density, using: &rng)
        let target = max(1, Int((Double(n) * density).rounded()))
        // Nodes farSide ..< n get no arcs from nodes below farSide.
        let farSide = n >= 3 && rng.chance(options.farSideChance) ? rng.int(max(1, n / 2) ..< n) : n
        var arcs: [PlainArc] = []
        func weight() -> Weight {
            if rng.chance(options.zeroWeightChance) { return 0 }
            if rng.chance(options.hugeWeightChance) { return Weight(rng.int(1 << 31 ... Int(UInt32.max))) }
            return Weight(rng.int(1 ... Int(options.maxWeight)))
        }
        while arcs.count < target {
            let t = rng.int(0 ..< n)
            var h: Int
            if rng.chance(options.selfLoopChance) {
                h = t
            } else {
                h = rng.int(0 ..< n)
                if t < farSide && h >= farSide { h = rng.int(0 ..< farSide) }
            }
            let mode = UInt8(rng.int(Int(options.modes.lowerBound) ... Int(options.modes.upperBound)))
            let flags: UInt8 = rng.chance(options.flagChance) ? UInt8(rng.int(1 ... 3)) : 0
            arcs.append(PlainArc(NodeID(t), NodeID(h), (0 ..< k).map { _ in weight() }, mode: mode, flags: flags))
            if rng.chance(options.parallelChance) {
                let pmode = UInt8(rng.int(Int(options.modes.lowerBound) ... Int(options.modes.upperBound)))
                arcs.append(PlainArc(NodeID(t), NodeID(h), (0 ..< k).map { _ in weight() }, mode: pmode, flags: 0))
            }
        }
        return TestGraph(nodeCount: n, metricNames: names, arcs: arcs)
    }

    /// A random filter over `graph`'s arcs keeping each with probability `keep`, and the
    /// same as a per-arc-id predicate list.
    public static func filter(_ rng: inout SeededRandom, _ graph: Graph, keep: Double) -> (ArcFilter, [Bool]) {
        let allowed = (0 ..< graph.arcCount).map { _ in rng.chance(keep) }
        return (ArcFilter(graph: graph) { allowed[Int($0)] }, allowed)
    }

    /// Random weight overrides (arc id, new weight), possibly naming an arc twice.
    public static func overrides(_ rng: inout SeededRandom, _ graph: Graph, maxWeight: Weight = 20)
        -> [(arc: ArcID, weight: Weight)]
    {
        guard graph.arcCount > 0 else { return [] }
        return (0 ..< rng.int(0 ... max(1, graph.arcCount / 3))).map { _ in
            // Sometimes huge: a scenario can push distances past 2³² on a graph whose own
            // weights are small (the searches must then switch to wide heap keys).
            (ArcID(rng.int(0 ..< graph.arcCount)),
             rng.chance(0.2) ? 0 : rng.chance(0.08) ? UInt32.max - Weight(rng.int(0 ... 3))
                 : Weight(rng.int(1 ... Int(maxWeight))))
        }
    }

    /// One to three random sources (possibly repeated).
    public static func sources(_ rng: inout SeededRandom, _ nodeCount: Int, max count: Int = 3) -> [NodeID] {
        (0 ..< rng.int(1 ... count)).map { _ in NodeID(rng.int(0 ..< nodeCount)) }
    }
}
