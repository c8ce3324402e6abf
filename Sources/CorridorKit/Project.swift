/// What a project does.
public enum ProjectType: String, CaseIterable, Sendable, Hashable {
    /// Builds new links.
    case links
    /// Changes the travel time of existing links (`changes.csv`).
    case upgrade
    /// A new or expanded airport, port or station, with the links that reach it.
    case node
}

/// A planned project from the plans' 专栏.
public struct Project: Sendable, Hashable {
    public var id: String
    public var nameZh: String
    public var nameEn: String
    public var corridors: [String]
    /// The plan's 专栏 and item.
    public var reference: String
    public var type: ProjectType
    /// The year it opened, for projects that have opened since the plan's base year.
    public var opened: Int?
    public var source: String
    /// The row it was read from.
    public var origin: SourceRow
}
