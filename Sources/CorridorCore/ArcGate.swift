/// What a search loop asks before it relaxes an arc: may it use this arc into this node?
///
/// The loops are generic over their gate so that each kind of query (no filter, an
/// ``ArcFilter``, a filter plus the bans of Yen's algorithm) compiles to its own
/// specialized loop with no dynamic dispatch and no per-arc optional check.
protocol ArcGate {
    func admits(_ arc: Int, into node: Int) -> Bool
}

/// Every arc is allowed.
struct OpenGate: ArcGate {
    @inline(__always) func admits(_ arc: Int, into node: Int) -> Bool { true }
}

/// The arcs of an ``ArcFilter``, read through a pointer to its words for the duration of
/// one search.
struct FilterGate: ArcGate {
    let words: UnsafePointer<UInt64>
    @inline(__always) func admits(_ arc: Int, into node: Int) -> Bool {
        words[arc &>> 6] &>> UInt64(arc & 63) & 1 != 0
    }
}
