import CorridorKit

/// `corridor gaps NETWORK [--scenario S]`: every goal of the network's `goals.csv` that
/// the scenario does not meet, how far it falls short, and the planned projects that
/// would close it.
enum GapsCommand: Command {
    static let formats = ["table", "csv", "json"]

    static let arguments = Arguments(
        command: "corridor gaps",
        options: [
            CommonOptions.scenario,
            .flag("--all", help: "list the goals that are met too"),
            .flag("--check", help: "exit 1 when a goal is unmet (for scripts)"),
            CommonOptions.format(formats),
            OutputTarget.option,
        ],
        positionals: [CommonOptions.plannerNetwork],
        description: """
            The plans' goals (the network's goals.csv: travel-time circles, fast rail and \
            expressway access, connections) checked in a scenario: each unmet goal with its \
            value against its target and the projects that close it, alone where one \
            does, else the smallest combination found.
            """,
        examples: [
            "corridor gaps jilin",
            "corridor gaps jilin --scenario 2026",
            "corridor gaps jilin --scenario all --check",
        ])

    static func execute(_ p: ParsedArguments, console: Console) throws -> Int32 {
        let command = arguments.command
        let format = try CommonOptions.format(p, among: formats, command: command)
        let output = OutputTarget(path: p.value("--output"))
        let net: NetworkGraph
        switch CommonOptions.load(p.positional("NETWORK")!, output: p.value("--output"), command: command, console: console) {
        case .success(.network(let n)): net = n
        case .success(.dimacs): throw UsageError(command: command, message: "a DIMACS graph has no goals")
        case .failure(let status): return status.code
        }
        let scenarioText = p.value("--scenario") ?? "base"
        let scenario = try CommonOptions.scenario(scenarioText, in: net, command: command, console: console)
        let built = scenario.projects.sorted()
        let finder = GapFinder(net)
        let statuses = finder.statuses(in: built)
        let gaps = Dictionary(uniqueKeysWithValues: finder.gaps(in: built).map { ($0.status.goal.id, $0) })
        let shown = statuses.filter { p.flag("--all") || !$0.met }
        // What every project would leave of a goal no project closes: how near they get.
        var withEvery: [String: GoalStatus] = [:]
        if gaps.values.contains(where: { $0.how == "none" }) {
            for s in finder.statuses(in: net.projectIDs) { withEvery[s.goal.id] = s }
        }
        let text: String
        switch format {
        case "csv": text = csv(shown, gaps, net, withEvery: withEvery)
        case "json": text = json(statuses, gaps, net, scenario: scenarioText, built: built, withEvery: withEvery)
        default: text = table(statuses, shown, gaps, net, scenario: scenarioText, built: built, withEvery: withEvery)
        }
        try output.write(text, console: console, format: format)
        let unmet = statuses.contains { !$0.met }
        return p.flag("--check") && unmet ? ExitCode.failure : ExitCode.success
    }

    /// `192` → "3 h 12 min"; `45` → "45 min".
    static func duration(_ minutes: Double?) -> String {
        guard let minutes else { return "unreachable" }
        let m = Int(minutes.rounded())
        return m < 60 ? "\(m) min" : m % 60 == 0 ? "\(m / 60) h" : "\(m / 60) h \(m % 60) min"
    }

    static func what(_ goal: Goal, _ net: NetworkGraph) -> String {
        let places = net.network.places
        let name = { (id: String) in places.first { $0.id == id }?.nameZh ?? id }
        switch goal.kind {
        case .within:
            return "within \(duration(goal.minutes)) \(goal.towardHub ? "to" : "of") \(name(goal.hub ?? ""))"
                + (goal.modes.map { " by " + $0.map(\.rawValue).sorted().joined(separator: "+") } ?? "")
        case .modeAccess:
            // Not a train time: the way to the nearest place the mode serves, door to door.
            let mode = goal.mode?.rawValue ?? "?"
            return "\(mode) access within \(duration(goal.minutes)) (to the nearest place on the \(mode) network"
                + (goal.hub.map { " that reaches \(name($0))" } ?? "") + ")"
        case .connected:
            return "connected to \(name(goal.hub ?? "")) by \(goal.mode?.rawValue ?? "?")"
        }
    }

    static func closers(_ gap: GapFinder.Gap?) -> String {
        guard let gap else { return "" }
        switch gap.how {
        case "none": return "no planned project closes it"
        case "alone": return "closed by any one of: " + gap.closedBy.map { $0[0] }.joined(separator: ", ")
        case "pair": return "closed by the pair " + gap.closedBy[0].joined(separator: " + ")
        default: return "closed by the combination " + gap.closedBy[0].joined(separator: " + ") + " (found greedily)"
        }
    }

    static func table(
        _ all: [GoalStatus], _ shown: [GoalStatus], _ gaps: [String: GapFinder.Gap], _ net: NetworkGraph,
        scenario: String, built: [String], withEvery: [String: GoalStatus] = [:]
    ) -> String {
        guard !all.isEmpty else { return "the network has no goals (goals.csv)" }
        let unmet = all.filter { !$0.met }.count
        var lines = ["goals in scenario \(scenario): \(all.count - unmet) met, \(unmet) unmet"]
        let places = net.network.places
        let name = { (id: String) in places.first { $0.id == id }?.nameZh ?? id }
        for status in shown {
            let goal = status.goal
            lines.append("")
            lines.append("\(status.met ? "met" : "UNMET")  \(goal.nameZh) (\(goal.id)): \(what(goal, net))")
            lines.append("      \(goal.reference)")
            var t = TextTable(columns: [.left("place"), .right("now"), .right("target"), .left("status")])
            for (place, value) in zip(goal.places, status.values) {
                let ok = GoalStatus.passes(value, goal)
                let connected = goal.kind == .connected
                // Within a tenth of the target either side: the estimates could tip it.
                let close = !connected && value.map { v in goal.minutes.map { abs(v - $0) <= $0 / 10 } ?? false } ?? false
                t.append([
                    "\(name(place)) \(place)",
                    connected ? (value == nil ? "not connected" : "connected") : duration(value),
                    connected ? "connected" : duration(goal.minutes),
                    (ok ? "ok" : "short") + (close ? " (close call)" : ""),
                ])
            }
            lines.append(t.render().split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
            if !status.met {
                var line = "      " + closers(gaps[goal.id])
                if let every = withEvery[goal.id], gaps[goal.id]?.how == "none" {
                    line += every.met ? "" : "; with every project: " + zip(goal.places, every.values)
                        .filter { !GoalStatus.passes($0.1, goal) }
                        .map { "\(name($0.0)) \(goal.kind == .connected ? "not connected" : duration($0.1))" }
                        .joined(separator: ", ")
                }
                lines.append(line)
            }
        }
        if all.contains(where: { $0.goal.kind != .connected }) {
            lines.append("")
            lines.append("Times are door to door: a trip by train or plane includes the connectors to and from the "
                + "station or airport (access, security, boarding), so they run longer than a timetable's station-to-station "
                + "times (the network's README gives each access rule).")
        }
        return lines.joined(separator: "\n")
    }

    static func csv(
        _ shown: [GoalStatus], _ gaps: [String: GapFinder.Gap], _ net: NetworkGraph, withEvery: [String: GoalStatus] = [:]
    ) -> String {
        var rows = [["goal", "name_zh", "kind", "met", "worst_minutes", "target_minutes", "failing", "closed_by", "how", "reference",
                     "failing_with_every_project"]]
        for s in shown {
            let gap = gaps[s.goal.id]
            let worst: String = s.worst.map { JSONText.number($0, decimals: 3) } ?? ""
            let target: String = s.target.map { JSONText.number($0, decimals: 3) } ?? ""
            let closers: String = (gap?.closedBy ?? []).map { $0.joined(separator: "+") }.joined(separator: "|")
            let how: String = s.met ? "" : (gap?.how ?? "")
            var row: [String] = [s.goal.id, s.goal.nameZh, s.goal.kind.rawValue, s.met ? "yes" : "no"]
            row += [worst, target, s.failing.joined(separator: ";"), closers, how, s.goal.reference,
                    gaps[s.goal.id]?.how == "none" ? (withEvery[s.goal.id].map { $0.failing.joined(separator: ";") } ?? "") : ""]
            rows.append(row)
        }
        return CSVWriter().document(rows)
    }

    static func json(
        _ all: [GoalStatus], _ gaps: [String: GapFinder.Gap], _ net: NetworkGraph, scenario: String, built: [String],
        withEvery: [String: GoalStatus] = [:]
    ) -> String {
        JSONText.object([
            ("scenario", .string(scenario)), ("projects", .array(built.map(JSONText.string))),
            ("goals", .array(all.map { s in
                let gap = gaps[s.goal.id]
                return .object([
                    ("id", .string(s.goal.id)), ("name_zh", .string(s.goal.nameZh)), ("kind", .string(s.goal.kind.rawValue)),
                    ("met", .bool(s.met)), ("target_minutes", .optional(s.target, decimals: 3)),
                    ("worst_minutes", .optional(s.worst, decimals: 3)),
                    ("places", .array(zip(s.goal.places, s.values).map { place, value in
                        .object([("id", .string(place)), ("minutes", .optional(value, decimals: 3))])
                    })),
                    ("failing", .array(s.failing.map(JSONText.string))),
                    ("closed_by", .array((gap?.closedBy ?? []).map { .array($0.map(JSONText.string)) })),
                    ("how", s.met ? .null : .string(gap?.how ?? "none")),
                    // With no closer: the places every project together still leaves short.
                    ("failing_with_every_project", withEvery[s.goal.id].flatMap { every in gaps[s.goal.id]?.how == "none" ? every : nil }.map { every in
                        .array(zip(s.goal.places, every.values).filter { !GoalStatus.passes($0.1, s.goal) }.map { place, value in
                            .object([("id", .string(place)), ("minutes", .optional(value, decimals: 3))])
                        })
                    } ?? .null),
                    ("reference", .string(s.goal.reference)),
                ])
            })),
        ]).rendered(indent: 2)
    }
}
