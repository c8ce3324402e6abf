import Foundation

/// What a planner writes for a scenario, resolved against a network's projects.
///
///     base            existing links only
///     all             every project built
///     2026            the projects opened by the end of 2026 (those with an `opened` year)
///     p1,p2           these projects built (ids or Chinese names)
///     2026,p3         the projects opened by 2026, and p3 (a list may mix years and
///                     projects: what a planner asks as "today's network plus p3")
public enum ScenarioName: Sendable, Hashable {
    case base
    case all
    case year(Int)
    case projects([String])

    /// Parses the text; nil for text that names nothing (empty, or only commas).
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
                // Commas, ASCII or full-width (a Chinese keyboard's); not 、, which project names hold.
                let names = trimmed.listItems(enumerationComma: false)
                guard !names.isEmpty else { return nil }
                self = .projects(names)
            }
        }
    }

    /// ` (did you mean …?)` for a project name: the closest ids and Chinese names.
    /// (An abbreviation, 沈白 for 沈阳至白河高速铁路, never gets here: one project is taken,
    /// several are ambiguous, ``abbreviated(_:_:)``.)
    static func suggestions(_ name: String, _ network: Network) -> String {
        let projects = network.projects
        let names = projects.map(\.id) + projects.map(\.nameZh)
        var picked: [Int] = Suggestions.closest(to: name, among: names, limit: 6).map { names.firstIndex(of: $0)! % projects.count }
        var seen = Set<Int>()
        let unique = picked.filter { seen.insert($0).inserted }.prefix(3)
        guard !unique.isEmpty else { return "" }
        let quoted = unique.map { "\"\(projects[$0].id)\" (\(projects[$0].nameZh))" }
        let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
        return " (did you mean \(list)?)"
    }

    /// The projects whose Chinese name holds the characters of `name` in order (an
    /// abbreviation: 沈白高铁 for 沈阳至白河高速铁路), by index; none for a name of fewer than
    /// two characters or with letters or digits (ids are matched otherwise).
    static func abbreviated(_ name: String, _ network: Network) -> [Int] {
        let typed = Array(name)
        guard typed.count >= 2, !typed.contains(where: { $0.isASCII }) else { return [] }
        return network.projects.indices.filter { i in
            var rest = network.projects[i].nameZh[...]
            return typed.allSatisfy { c in
                guard let at = rest.firstIndex(of: c) else { return false }
                rest = rest[rest.index(after: at)...]
                return true
            }
        }
    }

    /// The names of this scenario that stand for a project by abbreviation alone (no id
    /// or Chinese name is theirs), each with the project it was taken as: a command says
    /// so, since 长春机场 taken as 长春（龙嘉机场）至北大湖高速公路 may not be what was meant.
    public func abbreviations(in network: Network) -> [(typed: String, project: Project)] {
        guard case .projects(let names) = self else { return [] }
        return names.compactMap { name in
            guard !network.projects.contains(where: { $0.id == name || $0.nameZh == name || $0.id.lowercased() == name.lowercased() }),
                  ScenarioName(parsing: name) == .projects([name])
            else { return nil }
            let short = Self.abbreviated(name, network)
            return short.count == 1 ? (name, network.projects[short[0]]) : nil
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
                // Ids in any letter case, as place ids are (HSR-SHENBAI is hsr-shenbai).
                if let p = network.projects.first(where: { $0.id == name || $0.nameZh == name })
                    ?? network.projects.first(where: { $0.id.lowercased() == name.lowercased() }) {
                    ids.append(p.id)
                } else if let term = ScenarioName(parsing: name), term != .projects([name]) {
                    // A year, `base` or `all` inside a list: its projects join the others.
                    ids += try term.projectIDs(in: network)
                } else if case let short = Self.abbreviated(name, network), !short.isEmpty {
                    // An abbreviation planners use (沈白高铁): one project, or ambiguous (长辽通
                    // abbreviates 长春经辽源至通化高速铁路 and 长辽通集高铁通化至集安段).
                    guard short.count == 1 else {
                        let list = short.prefix(5).map { "\(network.projects[$0].id) (\(network.projects[$0].nameZh))" }
                        throw Diagnostic(
                            file: "--scenario",
                            message: "\"\(name)\" is ambiguous: it abbreviates \(list.joined(separator: ", "))"
                                + (short.count > 5 ? " and \(short.count - 5) more" : "") + "; use the id")
                    }
                    ids.append(network.projects[short[0]].id)
                } else {
                    throw Diagnostic(file: "--scenario", message: "unknown project \"\(name)\"" + Self.suggestions(name, network))
                }
            }
            return ids.uniqued()
        }
    }
}
