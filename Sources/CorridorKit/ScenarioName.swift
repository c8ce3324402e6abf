import Foundation

/// What a planner writes for a scenario, resolved against a network's projects.
///
///     base            existing links only
///     all             every project built
///     2026            the projects opened by the end of 2026 (those with an `opened` year)
///     p1,p2           these projects built (ids or Chinese names)
public enum ScenarioName: Sendable, Hashable {
    case base
    case all
    case year(Int)
    case projects([String])

    /// Parses the text; nil for empty text.
    public init?(parsing text: String) {
        let trimmed = text.trimmingBlanks()
        guard !trimmed.isEmpty else { return nil }
        switch trimmed.lowercased() {
        case "base": self = .base
        case "all": self = .all
        default:
            if let year = Int(trimmed), (1900 ... 2100).contains(year) {
                self = .year(year)
            } else {
                self = .projects(trimmed.split(separator: ",").map {
                    $0.trimmingBlanks()
                }.filter { !$0.isEmpty })
            }
        }
    }

    /// The ids of the projects this scenario builds in `network`.
    ///
    /// - Throws: a ``Diagnostic`` (file `--scenario`) naming the first unknown project,
    ///   with the closest ids and names.
    public func projectIDs(in network: Network) throws -> [String] {
        switch self {
        case .base:
            return []
        case .all:
            return network.projects.map(\.id)
        case .year(let year):
            return network.projects.filter { ($0.opened ?? .max) <= year }.map(\.id)
        case .projects(let names):
            var ids: [String] = []
            for name in names {
                if let p = network.projects.first(where: { $0.id == name || $0.nameZh == name }) {
                    ids.append(p.id)
                } else {
                    let candidates = network.projects.map(\.id) + network.projects.map(\.nameZh)
                    throw Diagnostic(
                        file: "--scenario",
                        message: "unknown project \"\(name)\"" + Suggestions.didYouMean(name, among: candidates))
                }
            }
            return ids
        }
    }
}
