/// Collects arcs in any order and builds a ``Graph`` in one pass.
///
///     var builder = GraphBuilder(nodeCount: 3, metricNames: ["time"])
///     builder.addArc(from: 0, to: 1, weight: 60)
///     builder.addArc(from: 0, to: 1, weight: 45)   // a parallel arc is fine
///     builder.addArc(from: 1, to: 2, weight: 30)
///     let (graph, arcOfInput) = builder.build()
///     // graph.arcCount == 3; arcOfInput == [0, 1, 2]
///
/// Building is a stable counting sort by tail: arcs with the same tail keep the order in
/// which they were added, so arc ids are deterministic for a given input order.
///
/// - Complexity: `addArc` is amortized O(k) for k metrics; `build()` is O(n + m·k).
public struct GraphBuilder {
    public let nodeCount: Int
    public let metricNames: [String]
    private var tails: [NodeID] = []
    private var heads: [NodeID] = []
    private var modes: [UInt8] = []
    private var flagBits: [UInt8] = []
    private var weights: [[Weight]]

    /// Creates a builder for `nodeCount` nodes and the named metrics (at least one).
    public init(nodeCount: Int, metricNames: [String]) {
        precondition(nodeCount >= 0 && nodeCount < Int(UInt32.max), "node count out of range")
        precondition(!metricNames.isEmpty, "a graph needs at least one metric")
        self.nodeCount = nodeCount
        self.metricNames = metricNames
        self.weights = Array(repeating: [], count: metricNames.count)
    }

    /// The number of arcs added so far.
    public var arcCount: Int { heads.count }

    /// Reserves room for `arcCount` arcs.
    public mutating func reserveCapacity(_ arcCount: Int) {
        tails.reserveCapacity(arcCount)
        heads.reserveCapacity(arcCount)
        modes.reserveCapacity(arcCount)
        flagBits.reserveCapacity(arcCount)
        for k in weights.indices { weights[k].reserveCapacity(arcCount) }
    }

    /// Adds an arc to a single-metric graph and returns its input index.
    @discardableResult
    public mutating func addArc(
        from tail: NodeID, to head: NodeID, weight: Weight, mode: UInt8 = 0, flags: UInt8 = 0
    ) -> Int {
        precondition(weights.count == 1, "this graph has \(weights.count) metrics; pass weights:")
        checkEnds(tail, head)
        weights[0].append(weight)
        return appendTopology(tail, head, mode, flags)
    }

    /// Adds an arc with one weight per metric (in ``metricNames`` order) and returns its
    /// input index.
    @discardableResult
    public mutating func addArc(
        from tail: NodeID, to head: NodeID, weights arcWeights: [Weight], mode: UInt8 = 0,
        flags: UInt8 = 0
    ) -> Int {
        precondition(
            arcWeights.count == weights.count,
            "expected \(weights.count) weights, got \(arcWeights.count)")
        checkEnds(tail, head)
        for k in weights.indices { weights[k].append(arcWeights[k]) }
        return appendTopology(tail, head, mode, flags)
    }

    private func checkEnds(_ tail: NodeID, _ head: NodeID) {
        precondition(Int(tail) < nodeCount, "tail \(tail) out of range 0..<\(nodeCount)")
        precondition(Int(head) < nodeCount, "head \(head) out of range 0..<\(nodeCount)")
    }

    private mutating func appendTopology(_ t: NodeID, _ h: NodeID, _ m: UInt8, _ f: UInt8) -> Int {
        precondition(heads.count < Int(UInt32.max), "too many arcs")
        tails.append(t)
        heads.append(h)
        modes.append(m)
        flagBits.append(f)
        return heads.count - 1
    }

    /// Builds the graph. `arcOfInput[i]` is the arc id of the i-th arc added.
    ///
    /// The builder is consumed: its buffers are released as the graph's are filled, which
    /// keeps the peak memory of loading a large graph near twice the graph's size.
    ///
    /// - Complexity: O(n + m·k).
    public consuming func build() -> (graph: Graph, arcOfInput: [ArcID]) {
        let n = nodeCount, m = heads.count
        // Forward offsets: a counting sort by tail.
        var firstOut = [UInt32](repeating: 0, count: n + 1)
        for t in tails { firstOut[Int(t) + 1] &+= 1 }
        for v in 0 ..< n { firstOut[v + 1] &+= firstOut[v] }
        var cursor = firstOut
        var arcOfInput = [ArcID](repeating: 0, count: m)
        var inTailOrder = true  // input already sorted by tail: no permutation needed
        for i in 0 ..< m {
            let t = Int(tails[i])
            let a = cursor[t]
            cursor[t] = a + 1
            arcOfInput[i] = a
            if Int(a) != i { inTailOrder = false }
        }
        tails = []
        cursor = []
        let head: [NodeID], mode: [UInt8], flags: [UInt8]
        var metrics: [[Weight]] = []
        if inTailOrder {
            head = heads; mode = modes; flags = flagBits; metrics = weights
        } else {
            head = Self.permute(heads, by: arcOfInput)
            heads = []
            mode = Self.permute(modes, by: arcOfInput)
            modes = []
            flags = Self.permute(flagBits, by: arcOfInput)
            flagBits = []
            for k in weights.indices {
                metrics.append(Self.permute(weights[k], by: arcOfInput))
                weights[k] = []
            }
        }
        // Reverse offsets: a counting sort by head, visiting arcs in id order so that each
        // node's incoming arcs are ascending.
        var firstIn = [UInt32](repeating: 0, count: n + 1)
        for h in head { firstIn[Int(h) + 1] &+= 1 }
        for v in 0 ..< n { firstIn[v + 1] &+= firstIn[v] }
        var inCursor = firstIn
        var inArc = [ArcID](repeating: 0, count: m)
        var inTail = [NodeID](repeating: 0, count: m)
        for v in 0 ..< n {
            for a in Int(firstOut[v]) ..< Int(firstOut[v + 1]) {
                let h = Int(head[a])
                let p = Int(inCursor[h])
                inCursor[h] = UInt32(p + 1)
                inArc[p] = ArcID(a)
                inTail[p] = NodeID(v)
            }
        }
        let graph = Graph(
            nodeCount: n, firstOut: firstOut, head: head, mode: mode, flags: flags,
            metricNames: metricNames, metrics: metrics,
            firstIn: firstIn, inArc: inArc, inTail: inTail)
        return (graph, arcOfInput)
    }

    private static func permute<T>(_ values: [T], by position: [ArcID]) -> [T] {
        guard let first = values.first else { return [] }
        var out = [T](repeating: first, count: values.count)
        for i in values.indices { out[Int(position[i])] = values[i] }
        return out
    }
}
