/// A travel goal of a plan, checkable on a network: "长春 reaches every prefecture seat
/// within 2 hours", "辽源, 通化 and 白山 on fast rail", "临江 and 长白 on an expressway".
/// Goals live in a network's `goals.csv` (docs/network-format.md).
public struct Goal: Sendable, Hashable {
    /// What is checked.
    public enum Kind: String, CaseIterable, Sendable, Hashable {
        /// Every place of ``Goal/places`` within ``Goal/minutes`` of the hub (from it, or
        /// to it with ``Goal/towardHub``), by ``Goal/modes`` if given.
        case within
        /// Every place within ``Goal/minutes`` of a place the mode ``Goal/mode`` serves
        /// (a station of a fast-rail line, a town on an expressway), travelling by
        /// ``Goal/modes`` (default: by road and connectors).
        case modeAccess = "mode_access"
        /// The hub and every place connected by the mode ``Goal/mode`` (and connectors):
        /// a route exists using nothing else.
        case connected
    }

    public var id: String
    public var kind: Kind
    public var nameZh: String
    /// The hub of `within` and `connected` goals (a place id); for `mode_access`, if
    /// given, only the mode's network that reaches the hub counts as serving a place.
    public var hub: String?
    /// The places the goal is about (place ids).
    public var places: [String]
    /// The time limit of `within` and `mode_access` goals.
    public var minutes: Double?
    /// The mode served (`mode_access`) or used (`connected`).
    public var mode: Mode?
    /// The modes a `within` or `mode_access` journey may use; nil for the kind's default.
    public var modes: Set<Mode>?
    /// `within`: measure the time from the places to the hub, not from the hub.
    public var towardHub: Bool
    /// The plan's words or section: `A 空间格局 1小时通勤圈`.
    public var reference: String
    public var source: String
    public var origin: SourceRow
}
