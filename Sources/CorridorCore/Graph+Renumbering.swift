extension Graph {
    /// This graph with its nodes renumbered: node `v` becomes `newID[v]`.
    ///
    /// Searches cost what they touch, and what they touch is cheaper when nodes that are
    /// near each other in the network are near each other in memory. A file's node order
    /// (row by row, or whatever its producer used) often is not; renumbering along a
    /// space-filling curve of the coordinates is (see `LocalityOrder` in CorridorKit).
    /// Distances do not change; ties between equally short paths may resolve
    /// differently, since they are broken by node id.
    ///
    ///     let (local, arcOf) = graph.renumbered(newID: [2, 0, 1])
    ///     // node 0 is now 2; old arc a is now arc arcOf[a], with the same weights
    ///
    /// - Parameter newID: a permutation of `0 ..< nodeCount`.
    /// - Returns: the renumbered graph, and the new id of every old arc.
    /// - Complexity: O(n + m·k).
    public func renumbered(newID: [NodeID]) -> (graph: Graph, arcOf: [ArcID]) {
        precondition(newID.count == nodeCount, "one new id per node")
        var seen = [Bool](repeating: false, count: nodeCount)
        for id in newID {
            precondition(Int(id) < nodeCount && !seen[Int(id)], "not a permutation")
            seen[Int(id)] = true
        }
        var builder = GraphBuilder(nodeCount: nodeCount, metricNames: metricNames)
        builder.reserveCapacity(arcCount)
        var arcWeights = [Weight](repeating: 0, count: metrics.count)
        for u in 0 ..< nodeCount {
            for a in outArcs(of: NodeID(u)) {
                for k in metrics.indices { arcWeights[k] = metrics[k][a] }
                builder.addArc(
                    from: newID[u], to: newID[Int(head[a])], weights: arcWeights,
                    mode: mode[a], flags: flags[a])
            }
        }
        let (graph, arcOf) = builder.build()
        return (graph, arcOf)  // old arcs were added in id order, so input index = old id
    }
}
