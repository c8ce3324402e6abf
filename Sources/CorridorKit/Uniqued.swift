extension Sequence where Element: Hashable {
    /// The elements in order, each only the first time it appears: a place named twice in
    /// a list of origins or hubs (长春,Changchun) is one origin.
    ///
    /// - Complexity: O(n).
    public func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
