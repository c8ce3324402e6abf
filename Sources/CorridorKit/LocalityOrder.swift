import CorridorCore

/// Node orders that keep nodes near each other in space near each other in memory.
///
///     let newID = LocalityOrder.zOrder(coordinates)      // from a DIMACS .co file
///     let (local, _) = graph.renumbered(newID: newID)
///
/// The Z-order (Morton) curve interleaves the bits of x and y, so each square block of
/// the plane is a contiguous run of ids. On the generated 1M-node road graph it takes
/// about a tenth off both the one-to-all and the bounded search (README, Performance).
public enum LocalityOrder {
    /// The new id of every node: its rank along the Z-order curve of `coordinates`
    /// (ties in the old order).
    ///
    /// - Complexity: O(n log n).
    public static func zOrder(_ coordinates: [(x: Int64, y: Int64)]) -> [NodeID] {
        guard let minX = coordinates.map(\.x).min(), let minY = coordinates.map(\.y).min() else {
            return []
        }
        let keys = coordinates.map { mortonKey(UInt64($0.x - minX), UInt64($0.y - minY)) }
        let ranked = coordinates.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
        var newID = [NodeID](repeating: 0, count: coordinates.count)
        for (rank, old) in ranked.enumerated() { newID[old] = NodeID(rank) }
        return newID
    }

    /// The Morton key of a point: the bits of x and y interleaved (x in the even bits),
    /// using the low 32 bits of each.
    public static func mortonKey(_ x: UInt64, _ y: UInt64) -> UInt64 {
        spread(x & 0xFFFF_FFFF) | spread(y & 0xFFFF_FFFF) << 1
    }

    /// The low 32 bits of `v` moved to the even bit positions.
    static func spread(_ v: UInt64) -> UInt64 {
        var x = v
        x = (x | x << 16) & 0x0000_FFFF_0000_FFFF
        x = (x | x << 8) & 0x00FF_00FF_00FF_00FF
        x = (x | x << 4) & 0x0F0F_0F0F_0F0F_0F0F
        x = (x | x << 2) & 0x3333_3333_3333_3333
        x = (x | x << 1) & 0x5555_5555_5555_5555
        return x
    }
}
