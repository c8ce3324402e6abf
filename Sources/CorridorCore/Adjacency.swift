/// How a search loop walks from a node to its neighbours: along arcs (forward CSR) or
/// against them (reverse CSR). Generic like ``ArcGate``, so each direction gets its own
/// specialized loop.
protocol Adjacency {
    /// The positions of the node's arcs.
    func positions(of node: Int) -> Range<Int>
    /// The arc id at a position.
    func arc(at position: Int) -> Int
    /// The node across the arc at a position (head going forward, tail going backward).
    func neighbor(at position: Int) -> Int
    /// Hints that `node`'s offsets will be read soon.
    func prefetchOffsets(of node: Int)
    /// Hints that `node`'s arcs will be read soon (its offsets should be cached by now).
    func prefetchArcs(of node: Int, weights: UnsafePointer<Weight>)
}

/// The forward CSR: positions are arc ids.
struct ForwardAdjacency: Adjacency {
    let firstOut: UnsafePointer<UInt32>
    let head: UnsafePointer<NodeID>
    @inline(__always) func positions(of node: Int) -> Range<Int> {
        Int(firstOut[node]) ..< Int(firstOut[node &+ 1])
    }
    @inline(__always) func arc(at position: Int) -> Int { position }
    @inline(__always) func neighbor(at position: Int) -> Int { Int(head[position]) }
    @inline(__always) func prefetchOffsets(of node: Int) { prefetch(firstOut + node) }
    @inline(__always) func prefetchArcs(of node: Int, weights: UnsafePointer<Weight>) {
        let first = Int(firstOut[node])
        prefetch(head + first)
        prefetch(weights + first)
    }
}

/// The reverse CSR: positions index `inArc` and `inTail`.
struct BackwardAdjacency: Adjacency {
    let firstIn: UnsafePointer<UInt32>
    let inArc: UnsafePointer<ArcID>
    let inTail: UnsafePointer<NodeID>
    @inline(__always) func positions(of node: Int) -> Range<Int> {
        Int(firstIn[node]) ..< Int(firstIn[node &+ 1])
    }
    @inline(__always) func arc(at position: Int) -> Int { Int(inArc[position]) }
    @inline(__always) func neighbor(at position: Int) -> Int { Int(inTail[position]) }
    @inline(__always) func prefetchOffsets(of node: Int) { prefetch(firstIn + node) }
    @inline(__always) func prefetchArcs(of node: Int, weights: UnsafePointer<Weight>) {
        let first = Int(firstIn[node])
        prefetch(inArc + first)
        prefetch(inTail + first)
    }
}

extension Graph {
    /// Calls `body` with the forward adjacency, valid for the duration of the call.
    @inline(__always)
    func withForwardAdjacency<R>(_ body: (ForwardAdjacency) -> R) -> R {
        firstOut.withUnsafeBufferPointer { f in
            head.withUnsafeBufferPointer { h in
                // `head` may be empty; a dangling-but-unused pointer is never read then.
                body(ForwardAdjacency(firstOut: f.baseAddress!, head: h.baseAddress ?? emptyNodes))
            }
        }
    }

    /// Calls `body` with the backward adjacency, valid for the duration of the call.
    @inline(__always)
    func withBackwardAdjacency<R>(_ body: (BackwardAdjacency) -> R) -> R {
        firstIn.withUnsafeBufferPointer { f in
            inArc.withUnsafeBufferPointer { a in
                inTail.withUnsafeBufferPointer { t in
                    body(
                        BackwardAdjacency(
                            firstIn: f.baseAddress!, inArc: a.baseAddress ?? emptyNodes,
                            inTail: t.baseAddress ?? emptyNodes))
                }
            }
        }
    }
}

/// A valid pointer for arc arrays of a graph without arcs (never dereferenced: every
/// position range is empty then).
nonisolated(unsafe) let emptyNodes: UnsafePointer<UInt32> = {
    let p = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
    p.initialize(to: 0)
    return UnsafePointer(p)
}()
