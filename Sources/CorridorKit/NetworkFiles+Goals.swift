extension NetworkFiles {
    static let goalColumns = (
        required: ["id", "kind", "name_zh", "places", "reference", "source"],
        optional: ["hub", "minutes", "mode", "modes", "direction"])

    /// The goals of `goals.csv` (docs/network-format.md, "goals.csv"). Problems reported,
    /// each at its field: unknown kinds, modes and directions; a `within` goal without a
    /// hub or minutes; a `mode_access` goal without a mode or minutes; a `connected` goal
    /// without a hub or mode; no places; non-positive minutes; duplicate ids. References
    /// to places are checked with the other files' (``checkGoalPlaces``). A row with a
    /// problem is left out.
    static func readGoals(_ table: CSVTable, _ problems: inout [Diagnostic]) -> [Goal] {
        var r = TableReader(table, required: goalColumns.required, optional: goalColumns.optional)
        var goals: [Goal] = []
        var firstLine: [String: Int] = [:]
        for row in table.records {
            let errors = r.errorCount
            let id = readID(&r, row, firstLine: &firstLine)
            let kind = r.word(row, "kind", allowed: Goal.Kind.allCases.map(\.rawValue)) { Goal.Kind(rawValue: $0.lowercased()) }
            let nameZh = r.name(row, "name_zh")
            let places = r.list(row, "places")
            if r.text(row, "places") == nil { _ = r.required(row, "places") }
            let minutes = r.number(row, "minutes")
            if let minutes, minutes <= 0 { r.report(row, "minutes", "minutes \(r.text(row, "minutes") ?? "\(minutes)") must be positive") }
            let mode = r.word(row, "mode", required: false, allowed: Mode.allCases.map(\.rawValue), Mode.init(parsing:))
            var modes: Set<Mode>? = nil
            let modeWords = r.list(row, "modes")
            if !modeWords.isEmpty {
                var set: Set<Mode> = []
                for word in modeWords {
                    if let m = Mode(parsing: word) { set.insert(m) } else {
                        r.report(row, "modes", "unknown mode \"\(word)\"" + Suggestions.didYouMean(word, among: Mode.allCases.map(\.rawValue)))
                    }
                }
                modes = set
            }
            let direction = r.word(row, "direction", required: false, allowed: ["from", "to"]) { ["from", "to"].contains($0.lowercased()) ? $0.lowercased() : nil }
            if let raw = r.text(row, "places"), raw.split(separator: ";", omittingEmptySubsequences: false)
                .contains(where: { $0.trimmingBlanks().isEmpty }) {
                r.report(row, "places", "places has an empty item (\"\(raw)\"): a stray ';'", severity: .warning)
            }
            let hub = r.text(row, "hub")
            let reference = r.required(row, "reference"), source = r.required(row, "source")
            if let kind {
                // A column the kind does not use would be silently ignored: say so.
                let unused: [(column: String, why: String)] = switch kind {
                case .within: [("mode", "its journeys' modes are `modes`")]
                case .modeAccess: [("direction", "access is from each place")]
                case .connected: [("modes", "it checks the one `mode`"), ("direction", "a connection is either way")]
                }
                for (column, why) in unused where r.text(row, column) != nil {
                    r.report(row, column, "a \(kind.rawValue) goal does not use \(column) (\(why))", severity: .warning)
                }
                switch kind {
                case .within:
                    if hub == nil { r.report(row, "hub", "a within goal needs a hub") }
                    if r.text(row, "minutes") == nil { r.report(row, "minutes", "a within goal needs minutes") }
                case .modeAccess:
                    if r.text(row, "mode") == nil { r.report(row, "mode", "a mode_access goal needs a mode") }
                    if r.text(row, "minutes") == nil { r.report(row, "minutes", "a mode_access goal needs minutes") }
                    if let mode, mode == .connector || mode == .border {
                        r.report(row, "mode", "a mode_access goal needs a line-haul mode (hsr, rail, expressway, road, air, sea, river), not \(mode.rawValue)")
                    }
                case .connected:
                    if hub == nil { r.report(row, "hub", "a connected goal needs a hub") }
                    if r.text(row, "mode") == nil { r.report(row, "mode", "a connected goal needs a mode") }
                    if r.text(row, "minutes") != nil {
                        r.report(row, "minutes", "a connected goal has no time target, so minutes is not used (kind within checks a time)",
                                 severity: .warning)
                    }
                }
            }
            var seen: Set<String> = []
            for place in places where !seen.insert(place).inserted {
                r.report(row, "places", "places names \"\(place)\" twice", severity: .warning)
            }
            guard let id, let kind, let nameZh, !places.isEmpty, let reference, let source, r.errorCount == errors
            else { continue }
            goals.append(Goal(
                id: id, kind: kind, nameZh: nameZh, hub: hub, places: places, minutes: minutes, mode: mode,
                modes: modes, towardHub: direction == "to", reference: reference, source: source,
                origin: SourceRow(table, row)))
        }
        problems += r.diagnostics
        return goals
    }

    /// Every hub and place a goal row names is a place of the network (with a
    /// did-you-mean) — every row's, those left out for another problem too, so that one
    /// pass of `validate` reports every problem of a row.
    static func checkGoalPlaces(_ table: CSVTable, _ places: [Place], _ named: Names, _ problems: inout [Diagnostic]) {
        guard let placeIDs = named.places else { return }
        let hint = placeHinter(places)
        for row in table.records {
            let origin = SourceRow(table, row)
            func field(_ column: String) -> String {
                table.column(column).map { row.fields[$0].trimmingBlanks() } ?? ""
            }
            let hub = field("hub")
            if !hub.isEmpty && !placeIDs.contains(hub) {
                problems.append(origin.diagnostic("hub", "unknown place \"\(hub)\"" + hint(hub)))
            }
            // Each unknown item is reported at its own column when the field is written
            // unquoted (its length is the distance to the next field), else at the field's.
            guard let index = table.column("places") else { continue }
            let raw = row.fields[index]
            let unquoted = index + 1 < row.positions.count && row.positions[index + 1].line == row.positions[index].line
                && row.positions[index + 1].column == row.positions[index].column + raw.count + 1
            var offset = 0
            for item in raw.split(separator: ";", omittingEmptySubsequences: false) {
                defer { offset += item.count + 1 }
                let place = item.trimmingBlanks()
                guard !place.isEmpty && !placeIDs.contains(place) else { continue }
                var d = origin.diagnostic("places", "unknown place \"\(place)\"" + hint(place))
                if unquoted, let column = d.column {
                    d.column = column + offset + item.prefix { $0.unicodeScalars.allSatisfy(\.isBlank) }.count
                }
                problems.append(d)
            }
        }
    }
}
