import CorridorCore

/// One arc as a test wrote it, before the builder sorted it into CSR order.
public struct PlainArc: Sendable, Hashable, CustomStringConvertible {
    public var tail: NodeID
    public var head: NodeID
    /// One weight per metric, in the graph's metric order.
    public var weights: [Weight]
    public var mode: UInt8
    public var flags: UInt8

    public init(_ tail: NodeID, _ head: NodeID, _ weights: [Weight], mode: UInt8 = 0, flags: UInt8 = 0) {
        self.tail = tail
        self.head = head
        self.weights = weights
        self.mode = mode
        self.flags = flags
    }

    public var description: String {
        "\(tail)->\(head) w\(weights) m\(mode) f\(flags)"
    }
}

/// A built ``Graph`` together with the plain arc list it was built from, so that every
/// oracle can work from the input (independently of the CSR under test).
public struct TestGraph: Sendable, CustomStringConvertible {
    public let graph: Graph
    /// The arcs in input order.
    public let arcs: [PlainArc]
    /// `arcOfInput[i]` is the arc id the builder gave `arcs[i]`.
    public let arcOfInput: [ArcID]
    public let nodeCount: Int
    public let metricNames: [String]

    /// Builds the graph with ``GraphBuilder``. With one metric, arcs go through the
    /// single-weight `addArc`, otherwise through the `weights:` one, so both are exercised.
    public init(nodeCount: Int, metricNames: [String], arcs: [PlainArc]) {
        var builder = GraphBuilder(nodeCount: nodeCount, metricNames: metricNames)
        for (i, a) in arcs.enumerated() {
            precondition(a.weights.count == metricNames.count, "arc \(i): wrong weight count")
            let index: Int
            if metricNames.count == 1 {
                index = builder.addArc(from: a.tail, to: a.head, weight: a.weights[0], mode: a.mode, flags: a.flags)
            } else {
                index = builder.addArc(from: a.tail, to: a.head, weights: a.weights, mode: a.mode, flags: a.flags)
            }
            precondition(index == i, "addArc returned \(index) for input \(i)")
        }
        let (graph, arcOfInput) = builder.build()
        self.graph = graph
        self.arcs = arcs
        self.arcOfInput = arcOfInput
        self.nodeCount = nodeCount
        self.metricNames = metricNames
    }

    /// `inputOfArc[a]` is the input index of arc id `a` (the inverse of ``arcOfInput``).
    public var inputOfArc: [Int] {
        var inverse = [Int](repeating: -1, count: arcs.count)
        for (i, a) in arcOfInput.enumerated() { inverse[Int(a)] = i }
        return inverse
    }

    /// The arcs, by arc id, weighted by metric `metric` read from the *input* (not from the
    /// graph's permuted arrays), with `overrides` (arc id, weight) applied in order.
    public func oracleArcs(metric: Int = 0, overrides: [(arc: ArcID, weight: Weight)] = []) -> [OracleArc] {
        var result = [OracleArc?](repeating: nil, count: arcs.count)
        for (i, p) in arcs.enumerated() {
            let id = arcOfInput[i]
            result[Int(id)] = OracleArc(id: id, tail: Int(p.tail), head: Int(p.head), weight: Distance(p.weights[metric]))
        }
        var out = result.map { $0! }
        for (arc, weight) in overrides {
            let o = out[Int(arc)]
            out[Int(arc)] = OracleArc(id: o.id, tail: o.tail, head: o.head, weight: Distance(weight))
        }
        return out
    }

    /// The arcs by arc id with the given weights (indexed by arc id).
    public func oracleArcs(weights: ArcWeights) -> [OracleArc] {
        oracleArcs(metric: 0).map { OracleArc(id: $0.id, tail: $0.tail, head: $0.head, weight: Distance(weights[$0.id])) }
    }

    /// The same input with some arcs dropped and/or reweighted, built afresh: what a
    /// filter or an override must be equivalent to. `keep` and `weight` see input indices.
    /// Returns the new graph and, for each kept input arc, its new arc id.
    public func rebuilt(
        keeping keep: (Int) -> Bool = { _ in true },
        weight: (Int, PlainArc) -> [Weight] = { $1.weights }
    ) -> TestGraph {
        var kept: [PlainArc] = []
        for (i, a) in arcs.enumerated() where keep(i) {
            var b = a
            b.weights = weight(i, a)
            kept.append(b)
        }
        return TestGraph(nodeCount: nodeCount, metricNames: metricNames, arcs: kept)
    }

    public var description: String {
        "TestGraph(n: \(nodeCount), arcs: \(arcs.map(\.description)))"
    }
}

/// One arc as the oracles see it: id, ends and a single weight.
public struct OracleArc: Sendable, Hashable {
    public let id: ArcID
    public let tail: Int
    public let head: Int
    public let weight: Distance

    public init(id: ArcID, tail: Int, head: Int, weight: Distance) {
        self.id = id
        self.tail = tail
        self.head = head
        self.weight = weight
    }
}
