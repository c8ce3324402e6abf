import CorridorKit
import Foundation

/// The text forms of an impact analysis (field names in docs/cli-output.md).
struct ImpactReport {
    let net: NetworkGraph
    let analysis: ImpactAnalysis
    let scenario: String
    let built: [String]
    /// The close calls of the goals in the scenario (``GoalStatus/closeCalls(_:)``): a
    /// project whose gains rest on one is flagged.
    var closeCalls: [GoalStatus.CloseCall] = []

    /// The close calls a project's gains rest on, in words: a goal place it brings to
    /// target that was within a tenth of the target before (双阳 63 against 60 min: the
    /// gap itself may be the estimates'), and a place it brings into a hub's circle that
    /// lands within a tenth of the limit (磐石 113.9 against 120 min).
    func closeCallsUnder(_ impact: ProjectImpact) -> [String] {
        let places = net.network.places
        let zh = { (id: String) in places.first { $0.id == id }?.nameZh ?? id }
        var out: [String] = []
        for progress in impact.goalProgress {
            for call in closeCalls where call.goal.id == progress.goal && progress.places.contains(call.place) {
                out.append("\(zh(call.place)) \(Self.number(call.value, 1)) against \(Self.number(call.target, 1)) min "
                    + "(\(call.goal.nameZh), before)")
            }
        }
        guard !impact.bandGains.isEmpty else { return out }
        let scenario = net.scenario(projects: built + impact.projects)
        for gain in impact.bandGains {
            let reach = net.reach(from: [gain.hub], within: [gain.threshold], scenario: scenario)
            for r in reach.places where gain.places.contains(r.place) && r.value >= gain.threshold * 0.9 {
                out.append("\(places[r.place].nameZh) \(Self.number(r.value, 1)) against \(Self.number(gain.threshold, 1)) min "
                    + "(\(places[gain.hub].nameZh)'s circle, after)")
            }
        }
        return out
    }

    /// Minutes per trip as the table shows them: 2 decimals, or 2 significant digits
    /// below 0.01 (0.0039), so a small effect does not read as none.
    static func perTrip(_ x: Double) -> String {
        guard x != 0 && abs(x) < 0.01 else { return number(x, 2) }
        let digits = Int((-log10(abs(x))).rounded(.down)) + 2
        return number(x, Swift.min(digits, 9))
    }

    func name(_ project: String) -> String {
        net.network.projects.first { $0.id == project }?.nameZh ?? project
    }

    /// The year `project` opened since the plans, if it has.
    func opened(_ project: String) -> Int? { net.network.projects.first { $0.id == project }?.opened }

    /// The name, id and, for a project opened since the plans, its year: a planner
    /// reading a ranking or build order against the base should see it is built.
    func label(_ project: String) -> String {
        let opened = net.network.projects.first { $0.id == project }?.opened
        return "\(name(project)) \(project)" + (opened.map { " (opened \($0))" } ?? "")
    }

    func place(_ i: Int) -> String { net.network.places[i].nameZh }

    static func number(_ x: Double, _ decimals: Int) -> String { JSONText.number(x, decimals: decimals) }

    func gains(_ impact: ProjectImpact) -> String {
        impact.bandGains.map { "\(place($0.hub))≤\(Self.number($0.threshold, 1)): +" + $0.places.map(place).joined(separator: "、") }
            .joined(separator: "; ")
    }

    func table(_ ranking: [RankedProject], sequence: [RankedProject]?, synergies: [Synergy]?) -> String {
        var lines = [
            "impact of \(ranking.count) project\(ranking.count == 1 ? "" : "s") on scenario \(scenario)"
                + (built.isEmpty ? "" : " (built: \(built.joined(separator: ", ")))"),
            "hubs \(analysis.hubs.map(place).joined(separator: ", ")), bands "
                + analysis.thresholds.map { Self.number($0, 3) }.joined(separator: ", ")
                + " min; gravity γ = \(Self.number(analysis.gamma, 3))",
            "score = access + gaps + people, each scaled to the best project's (0…1)",
            "",
        ]
        var t = TextTable(columns: [
            .right("rank"), .left("project"), .right("score"), .right("access"), .right("gaps"), .right("people"),
            .right("min/trip"), .right("gap units"), .right("people in"), .right("new links"),
        ])
        for (i, r) in ranking.enumerated() {
            let impact = r.impact
            t.append([
                String(i + 1), label(impact.projects[0]), Self.number(r.score, 2),
                Self.number(r.accessibilityScore, 2), Self.number(r.gapScore, 2), Self.number(r.populationScore, 2),
                Self.perTrip(impact.accessibility), Self.number(impact.gapUnits, 2),
                ReachReport.thousands(impact.populationGained), String(impact.newLinks.count),
            ])
        }
        lines.append(t.render())
        lines.append("")
        // The report's rule, so both name the same projects as having an effect.
        let measured = ranking.filter(\.impact.isMeasurable)
        lines.append(measured.isEmpty
            ? "no project has a measurable effect (\(ProjectImpact.measurableRule))"
            : "details (projects with a measurable effect: \(ProjectImpact.measurableRule)):")
        for r in measured {
            let impact = r.impact
            lines.append("  \(name(impact.projects[0])) (\(impact.projects[0]))")
            if !impact.gapsClosed.isEmpty { lines.append("    closes: " + impact.gapsClosed.joined(separator: ", ")) }
            for progress in impact.goalProgress where !impact.gapsClosed.contains(progress.goal) {
                lines.append("    brings to target: \(progress.goal): " + progress.places.map { id in
                    net.network.places.first { $0.id == id }?.nameZh ?? id
                }.joined(separator: "、") + " (\(progress.places.count) of \(progress.failingBefore) short)")
            }
            if !impact.bandGains.isEmpty { lines.append("    enters: " + gains(impact)) }
            let resting = closeCallsUnder(impact)
            if !resting.isEmpty {
                lines.append("    rests on a close call (within a tenth of a target, where the network's estimates could tip it): "
                    + resting.joined(separator: "; "))
            }
            if !impact.topPairs.isEmpty {
                lines.append("    gains most: " + impact.topPairs.prefix(3).map {
                    "\(place($0.from))→\(place($0.to)) \(Self.number($0.before, 1))→\(Self.number($0.after, 1)) min"
                }.joined(separator: "; "))
            }
            if !impact.newLinks.isEmpty {
                lines.append("    new fastest-route links: " + impact.newLinks.prefix(8).map { net.network.links[$0].id }.joined(separator: ", ")
                    + (impact.newLinks.count > 8 ? ", … (\(impact.newLinks.count))" : ""))
            }
        }
        // Below the rule, the trips a project still shortens, and those that shorten none.
        let unmeasured = ranking.filter { !$0.impact.isMeasurable }
        let local = unmeasured.filter { !$0.impact.topPairs.isEmpty }
        if !local.isEmpty {
            lines.append("")
            lines.append("below that, trips still shortened (the one gaining most):")
            for r in local {
                let pair = r.impact.topPairs[0]
                lines.append("  \(name(r.impact.projects[0])) (\(r.impact.projects[0])): \(place(pair.from))→\(place(pair.to)) "
                    + "\(Self.number(pair.before, 1))→\(Self.number(pair.after, 1)) min")
            }
        }
        let idle = unmeasured.filter { $0.impact.topPairs.isEmpty }.map { $0.impact.projects[0] }
        if !idle.isEmpty {
            lines.append("")
            lines.append("no trip between populated places is faster with: " + idle.joined(separator: ", ")
                + (idle.contains { id in net.network.projects.first { $0.id == id }?.type == .node }
                    ? " (a node project — a new airport or wharf — adds a place and its access, but no route until a source names its services)" : ""))
        }
        if let sequence {
            lines.append("")
            lines.append("build order (greedy: each step the project worth most given those before it; scores scaled as in "
                + "the ranking, so a step that completes a combination can score above any project alone):")
            var s = TextTable(columns: [
                .right("step"), .left("project"), .right("score"), .right("min/trip"), .right("gap units"), .right("gaps closed"),
                .right("people in"),
            ])
            for (i, r) in sequence.enumerated() {
                s.append([
                    String(i + 1), label(r.impact.projects[0]), Self.number(r.score, 2),
                    Self.perTrip(r.impact.accessibility), Self.number(r.impact.gapUnits, 2),
                    r.impact.gapsClosed.isEmpty ? "0" : "\(r.impact.gapsClosed.count) (\(r.impact.gapsClosed.joined(separator: ", ")))",
                    ReachReport.thousands(r.impact.populationGained),
                ])
            }
            lines.append(s.render())
        }
        if let synergies {
            lines.append("")
            if synergies.isEmpty {
                lines.append("no pair of projects complements or substitutes another beyond 5%")
            } else {
                lines.append("synergies (minutes saved per trip by the first alone, the second alone, and both together):")
                var s = TextTable(columns: [
                    .left("kind"), .left("projects"), .right("first"), .right("second"), .right("together"), .right("excess"),
                    .left("gaps closed only together"),
                ])
                for syn in synergies {
                    s.append([
                        syn.kind.rawValue, "\(syn.projects.0) + \(syn.projects.1)", Self.perTrip(syn.first),
                        Self.perTrip(syn.second), Self.perTrip(syn.joint), Self.perTrip(syn.excess),
                        syn.gapsOnlyTogether.joined(separator: ", "),
                    ])
                }
                lines.append(s.render())
            }
        }
        return lines.joined(separator: "\n")
    }

    func csv(_ ranking: [RankedProject], sequence: [RankedProject]?, synergies: [Synergy]?) -> String {
        var rows = [[
            "table", "rank", "project", "name_zh", "score", "access_score", "gap_score", "people_score", "minutes_per_trip",
            "gaps_closed", "gap_units", "people_entering", "new_links", "detail", "opened", "close_calls",
        ]]
        func row(_ table: String, _ i: Int, _ r: RankedProject) -> [String] {
            [
                table, String(i + 1), r.impact.projects.joined(separator: "+"), r.impact.projects.map(name).joined(separator: "+"),
                Self.number(r.score, 4), Self.number(r.accessibilityScore, 4), Self.number(r.gapScore, 4),
                Self.number(r.populationScore, 4), Self.number(r.impact.accessibility, 4),
                r.impact.gapsClosed.joined(separator: ";"), Self.number(r.impact.gapUnits, 4), String(r.impact.populationGained),
                r.impact.newLinks.map { net.network.links[$0].id }.joined(separator: ";"), gains(r.impact),
                r.impact.projects.compactMap(opened).map(String.init).joined(separator: "+"),
                closeCalls.isEmpty ? "" : closeCallsUnder(r.impact).joined(separator: "; "),
            ]
        }
        rows += ranking.enumerated().map { row("ranking", $0.offset, $0.element) }
        rows += (sequence ?? []).enumerated().map { row("sequence", $0.offset, $0.element) }
        for (i, s) in (synergies ?? []).enumerated() {
            rows.append([
                s.kind.rawValue, String(i + 1), "\(s.projects.0)+\(s.projects.1)",
                "\(name(s.projects.0))+\(name(s.projects.1))", "", "", "", "", Self.number(s.joint, 4),
                s.gapsOnlyTogether.joined(separator: ";"), "", "", "",
                "alone \(Self.number(s.first, 4)) and \(Self.number(s.second, 4)); excess \(Self.number(s.excess, 4))", "", "",
            ])
        }
        return CSVWriter().document(rows)
    }

    func impactJSON(_ r: RankedProject) -> JSONText {
        let i = r.impact
        return .object([
            ("projects", .array(i.projects.map(JSONText.string))),
            // The year a project opened since the plans (null for one still to build).
            ("opened", i.projects.count == 1 ? (opened(i.projects[0]).map { .integer($0) } ?? .null)
                : .array(i.projects.map { opened($0).map { .integer($0) } ?? .null })),
            ("score", .number(r.score, decimals: 4)), ("access_score", .number(r.accessibilityScore, decimals: 4)),
            ("gap_score", .number(r.gapScore, decimals: 4)), ("people_score", .number(r.populationScore, decimals: 4)),
            ("minutes_per_trip", .number(i.accessibility, decimals: 4)),
            ("gaps_closed", .array(i.gapsClosed.map(JSONText.string))),
            ("gap_units", .number(i.gapUnits, decimals: 4)),
            ("goal_progress", .array(i.goalProgress.map { g in
                .object([("goal", .string(g.goal)), ("places", .array(g.places.map(JSONText.string))),
                         ("failing_before", .integer(g.failingBefore))])
            })),
            ("people_entering", .integer(i.populationGained)),
            // The close calls the gains rest on, in words (as the table's details say them).
            ("close_calls", .array((closeCalls.isEmpty ? [] : closeCallsUnder(i)).map(JSONText.string))),
            ("band_gains", .array(i.bandGains.map { g in
                .object([
                    ("hub", .string(net.network.places[g.hub].id)), ("threshold", .number(g.threshold, decimals: 3)),
                    ("places", .array(g.places.map { .string(net.network.places[$0].id) })), ("population", .integer(g.population)),
                ])
            })),
            ("top_pairs", .array(i.topPairs.map { p in
                .object([
                    ("from", .string(net.network.places[p.from].id)), ("to", .string(net.network.places[p.to].id)),
                    ("before", .number(p.before, decimals: 3)), ("after", .number(p.after, decimals: 3)), ("weight", .number(p.weight, decimals: 3)),
                ])
            })),
            ("new_links", .array(i.newLinks.map { .string(net.network.links[$0].id) })),
        ])
    }

    func json(_ ranking: [RankedProject], sequence: [RankedProject]?, synergies: [Synergy]?) -> String {
        var members: [(String, JSONText)] = [
            ("scenario", .string(scenario)), ("built", .array(built.map(JSONText.string))),
            ("hubs", .array(analysis.hubs.map { .string(net.network.places[$0].id) })),
            ("thresholds", .array(analysis.thresholds.map { .number($0, decimals: 3) })), ("gamma", .number(analysis.gamma, decimals: 3)),
            ("ranking", .array(ranking.map(impactJSON))),
        ]
        if let sequence { members.append(("sequence", .array(sequence.map(impactJSON)))) }
        if let synergies {
            members.append(("synergies", .array(synergies.map { s in
                .object([
                    ("kind", .string(s.kind.rawValue)), ("projects", .array([.string(s.projects.0), .string(s.projects.1)])),
                    ("first", .number(s.first, decimals: 4)), ("second", .number(s.second, decimals: 4)), ("together", .number(s.joint, decimals: 4)),
                    ("excess", .number(s.excess, decimals: 4)), ("gaps_only_together", .array(s.gapsOnlyTogether.map(JSONText.string))),
                ])
            })))
        }
        return JSONText.object(members).rendered(indent: 2)
    }
}
