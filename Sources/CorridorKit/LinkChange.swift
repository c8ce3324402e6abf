/// A change an upgrade project makes to an existing link.
public struct LinkChange: Sendable, Hashable {
    public var project: String
    public var link: String
    public var minutes: Double?
    public var speedKmh: Double?
    public var source: String
    /// The row it was read from.
    public var origin: SourceRow
}
