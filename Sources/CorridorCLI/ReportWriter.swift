import CorridorCore
import CorridorKit
import Foundation

/// The report's files: `report.md` and the tables behind it.
struct ReportWriter {
    let net: NetworkGraph
    let networkName: String
    let hub: Int
    let thresholds: [Double]
    let progress: Progress
    /// Whether the report goes to a folder (diagrams as files) or to the terminal.
    let toFolder: Bool
    /// This year: a project whose `opened` year is later has not opened (planners record
    /// expected years too); it is in today's network only from that year on.
    var thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())

    /// The network's folder as the report shows it: relative to the working folder when
    /// it is inside it (`Networks/jilin`), so a report handed on names no one's machine.
    var shownFolder: String {
        let here = FileManager.default.currentDirectoryPath + "/"
        return network.folder.hasPrefix(here) ? String(network.folder.dropFirst(here.count)) : network.folder
    }

    /// The projects open today, in the network's order.
    var openedProjects: [Project] { network.projects.filter { ($0.opened ?? .max) <= thisYear } }

    struct File {
        let name: String
        let text: String
        /// Binary contents (a rendered PNG) instead of text.
        var data: Data? = nil
    }

    var network: Network { net.network }
    func name(_ i: Int) -> String { network.places[i].nameZh }
    func project(_ id: String) -> String { network.projects.first { $0.id == id }?.nameZh ?? id }
    /// The project's name, and its year when it has opened since the plans.
    func projectWithYear(_ id: String, and note: String? = nil) -> String {
        guard let p = network.projects.first(where: { $0.id == id }) else { return id }
        let notes = [p.opened.map { $0 <= thisYear ? "opened \($0)" : "expected \($0)" }, note].compactMap { $0 }
        return notes.isEmpty ? p.nameZh : "\(p.nameZh) (" + notes.joined(separator: "; ") + ")"
    }
    /// Goal names joined unambiguously (the plans' names hold 、 themselves).
    func goals(_ ids: [String]) -> String { ids.map(goal).joined(separator: "; ") }
    /// How someone entering several circles counts, for the circles at hand.
    var countedTwice: String {
        guard thresholds.count >= 2 else { return "" }
        let t = thresholds.sorted()
        return " (someone entering the \(Self.n(t[t.count - 2]))-minute circle from beyond \(Self.n(t[t.count - 1])) counts twice)"
    }
    /// What "measurable" means, said where it is used.
    static let measurableRule = ProjectImpact.measurableRule
    var openedNote: String {
        guard let latest = openedProjects.compactMap(\.opened).max() else { return "" }
        return " A project marked (opened YEAR) has been built since the plans' base; it is measured against that base "
            + "like the others. To rank the rest against today's network: `corridor impact \(networkName) --scenario "
            + "\(latest) --sequence`."
    }
    static func n(_ x: Double, _ d: Int = 1) -> String { JSONText.number(x, decimals: d) }
    /// The command that gives the build order's figures: over today's network.
    var sequenceCommand: String {
        "corridor impact \(networkName)" + (openedProjects.compactMap(\.opened).max().map { " --scenario \($0)" } ?? "") + " --sequence"
    }
    /// A caption as a sentence starts: its first letter capitalized.
    static func capitalized(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
    static func people(_ x: Int) -> String { ReachReport.thousands(x) }
    func goal(_ id: String) -> String { network.goals.first { $0.id == id }?.nameZh ?? id }
    /// Whether a project's (marginal) impact is measurable: a second saved on the average
    /// trip, a goal place brought to target, or someone entering a circle.
    static func measurable(_ r: RankedProject) -> Bool { r.impact.isMeasurable }

    func files() -> [File] {
        progress.step("circles")
        let base = net.scenario(projects: [])
        let all = net.scenario(projects: net.projectIDs)
        let search = DijkstraSearch(net.graph)
        let before = net.reach(from: [hub], within: thresholds, scenario: base, search: search)
        let after = net.reach(from: [hub], within: thresholds, scenario: all, search: search)
        let change = ReachComparison(before: before, after: after)
        progress.step("goals")
        let finder = GapFinder(net)
        let goalsBase = finder.statuses(in: [])
        let goalsAll = finder.statuses(in: net.projectIDs)
        // Today: the base and the projects opened since the plans, when there are any.
        let goalsToday = openedProjects.isEmpty ? nil : finder.statuses(in: openedProjects.map(\.id))
        let gaps = Dictionary(uniqueKeysWithValues: finder.gaps(in: []).map { ($0.status.goal.id, $0) })
        progress.step("project impacts")
        let analysis = ImpactAnalysis(net, hubs: [hub], thresholds: thresholds)
        let ranking = analysis.ranking(of: net.projectIDs)
        progress.step("build order")
        // The build order is of what remains to build, from today's network: the base
        // and the projects opened since the plans.
        let opened = openedProjects.map(\.id)
        let order = analysis.sequence(of: net.projectIDs.filter { !opened.contains($0) }, over: opened)

        let query = ReachCommand.Query(net: net, metric: .time, modes: nil, direction: .forward, allPlaces: false)
        let impact = ImpactReport(net: net, analysis: analysis, scenario: "base", built: [])
        var md: [String] = []
        md.append("# Corridor report: \(networkName)")
        md.append("")
        // A bundled network's name says where it is only with its folder; a path says it itself.
        let folder = shownFolder == networkName || networkName.contains("/") ? "" : " (\(shownFolder))"
        md.append("Network `\(networkName)`\(folder), hub \(MarkdownTable.escaped(name(hub))) (`\(network.places[hub].id)`), "
            + "circles of " + thresholds.map { Self.n($0) }.joined(separator: ", ") + " minutes door to door. "
            + "`base` is the network the plans found; `all` has every planned project built. "
            + "Made by `corridor report` (corridor \(Corridor.version)); every figure of the network carries its source in its files.")
        md += glance()
        md += circles(before, after, change)
        // What closes a goal still unmet is measured from today: what is left to build.
        let closers = goalsToday == nil ? gaps
            : Dictionary(uniqueKeysWithValues: finder.gaps(in: openedProjects.map(\.id)).map { ($0.status.goal.id, $0) })
        md += goals(goalsBase, goalsAll, closers, today: goalsToday)
        // The ranking is against the base: its close calls are the base's, matched to the
        // goal a project advances, and the places it brings into a circle near its limit.
        var calls = impact
        calls.closeCalls = Self.closeCalls(goalsBase)
        md += rankingSection(ranking, closeCallsOfTop: ranking.first.map { calls.closeCallsUnder($0.impact) } ?? [])
        md += orderSection(order, over: opened)
        progress.step("diagrams")
        let (diagramFiles, diagramText) = diagrams(base: base, reach: before, best: ranking.first)
        md += diagramText
        if toFolder { md += filesSection() }
        md += method()
        return [
            File(name: "report.md", text: md.joined(separator: "\n")),
            File(name: "reach-base.csv", text: ReachReport.csv(before, query)),
            File(name: "reach-all.csv", text: ReachReport.csv(after, query)),
            File(name: "reach-compare.csv", text: ReachReport.comparisonCSV(change, query)),
            File(name: "reach-compare.geojson", text: GeoJSON.comparison(change, in: net)),
            File(name: "gaps.csv", text: GapsCommand.csv(goalsBase, gaps, net)),
            File(name: "impact.csv", text: impact.csv(ranking, sequence: order, synergies: nil)),
        ] + diagramFiles
    }

    /// What the report's folder holds beside report.md (with `-o DIR`).
    func filesSection() -> [String] {
        [
            "", "## The files beside this report", "",
            "- `reach-base.csv`, `reach-all.csv`: the minutes from \(MarkdownTable.escaped(name(hub))) and the circle of every "
                + "place within the largest circle, in the base network and with every project.",
            "- `reach-compare.csv`, `reach-compare.geojson`: per place within the largest circle in either, the minutes before "
                + "and after (blank beyond it) and the change; the GeoJSON (WGS-84) opens in QGIS, with the links reached.",
            "- `gaps.csv`: every goal in the base network, met or not, with the projects that close those unmet.",
            "- `impact.csv`: the ranking and the build order, with every component of the score.",
            "- The diagrams above, as DOT (and SVG and PNG when Graphviz rendered them).",
        ]
    }

    func glance() -> [String] {
        var md = ["", "## The network at a glance", ""]
        var kinds = MarkdownTable(["kind", "places"], rightAligned: [1])
        for kind in PlaceKind.allCases {
            let count = network.places.filter { $0.kind == kind }.count
            if count > 0 { kinds.append(["\(kind.nameZh) \(kind.rawValue)", String(count)]) }
        }
        md.append(kinds.render())
        md.append("")
        var modes = MarkdownTable(["mode", "links", "km existing", "km planned"], rightAligned: [1, 2, 3])
        for mode in Mode.allCases {
            let links = network.links.filter { $0.mode == mode }
            guard !links.isEmpty else { continue }
            let km = { (status: LinkStatus) in
                Int(links.filter { $0.status == status && $0.runsOver.isEmpty }.compactMap(\.lengthKm).reduce(0, +).rounded())
            }
            modes.append(["\(mode.nameZh) \(mode.rawValue)", String(links.count), String(km(.existing)), String(km(.planned))])
        }
        md.append(modes.render())
        md.append("")
        var corridors = MarkdownTable(["corridor", "projects"], rightAligned: [1])
        // Most projects first (the trunk corridors lead), ties by name.
        let counts = Dictionary(network.projects.flatMap(\.corridors).map { ($0, 1) }, uniquingKeysWith: +)
        for (tag, count) in counts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
            corridors.append([tag, String(count)])
        }
        if corridors.rows.isEmpty {
            md.append("\(network.projects.count) projects.")
        } else {
            md.append("\(network.projects.count) projects (a project may serve several corridors):")
            md.append("")
            md.append(corridors.render())
        }
        return md
    }

    func circles(_ before: Reach, _ after: Reach, _ change: ReachComparison) -> [String] {
        var md = ["", "## \(name(hub))'s circles, base and with every project", ""]
        let b = ReachSummary(before, in: network), a = ReachSummary(after, in: network)
        var t = MarkdownTable(["within", "settlements base", "people base", "settlements all", "people all", "people gained"],
                              rightAligned: [1, 2, 3, 4, 5])
        for i in before.thresholds.indices {
            t.append([
                "≤ \(Self.n(before.thresholds[i])) min", String(b.bands[i].settlements), Self.people(b.bands[i].population),
                String(a.bands[i].settlements), Self.people(a.bands[i].population),
                Self.people(a.bands[i].population - b.bands[i].population),
            ])
        }
        md.append(t.render())
        md.append("")
        for i in before.thresholds.indices {
            let gained = change.gained(band: i).filter { network.places[$0.place].kind.isSettlement }
            guard !gained.isEmpty else { continue }
            md.append("- entering ≤ \(Self.n(before.thresholds[i])) min with every project: " + gained.map { c in
                let from = c.before.map { Self.n($0.value) } ?? "> \(Self.n(before.thresholds.last ?? 0))"
                return "\(MarkdownTable.escaped(name(c.place))) (\(from) → \(Self.n(c.after?.value ?? 0)) min)"
            }.joined(separator: ", "))
        }
        return md
    }

    func goals(
        _ base: [GoalStatus], _ all: [GoalStatus], _ gaps: [String: GapFinder.Gap], today: [GoalStatus]?
    ) -> [String] {
        guard !base.isEmpty else { return ["", "## The plans' goals", "", "The network has no goals file."] }
        var md = ["", "## The plans' goals", ""]
        let unmetBase = base.filter { !$0.met }.count, unmetAll = all.filter { !$0.met }.count
        let year = openedProjects.compactMap(\.opened).max().map(String.init) ?? ""
        let unmetToday = today.map { "; \($0.filter { !$0.met }.count) today (with the projects opened by \(year))" } ?? ""
        md.append("\(unmetBase) of \(base.count) goals are unmet in the base network\(unmetToday); \(unmetAll) \(unmetAll == 1 ? "remains" : "remain") unmet with every project built. "
            + "Closed by: the smallest sets of projects found that close a goal from \(today == nil ? "the base" : "today's network: what is left to build").")
        md.append("")
        var t = MarkdownTable(["goal", "target", "base"] + (today == nil ? [] : ["today (\(year))"]) + ["with every project", "closed by"])
        for (i, (s, s2)) in zip(base, all).enumerated() {
            // A mode_access goal's minutes are the way to the mode's network, not a ride on it.
            let target = s.goal.kind == .connected ? "connected by \(s.goal.mode?.rawValue ?? "")"
                : "\(s.goal.mode.map { $0.rawValue + " access " } ?? "")≤ \(GapsCommand.duration(s.goal.minutes))"
            let worst = { (x: GoalStatus) in
                x.met ? "met" : x.goal.kind == .connected
                    ? "not connected: " + x.failing.map { id in network.places.first { $0.id == id }?.nameZh ?? id }.joined(separator: ", ")
                    : "short: " + x.failing.map { id in
                    let i = zip(x.goal.places, x.values).first { $0.0 == id }?.1
                    return "\(network.places.first { $0.id == id }?.nameZh ?? id) \(GapsCommand.duration(i ?? nil))"
                }.joined(separator: ", ")
            }
            let metToday = today?[i].met == true
            let closers = s.met ? "" : metToday ? "met today" : (gaps[s.goal.id].map { g in
                g.closedBy.isEmpty ? "no project"
                    : g.closedBy.map { $0.map { projectWithYear($0) }.joined(separator: " + ") }.joined(separator: "; or ")
            } ?? "")
            t.append(["\(s.goal.nameZh)", target, worst(s)] + (today.map { [worst($0[i])] } ?? []) + [worst(s2), closers])
        }
        md.append(t.render())
        md += closeCalls(today ?? base, label: today == nil ? "base" : "today")
        return md
    }

    /// The places within a tenth of a goal's target, either side: their verdicts rest on
    /// the network's estimates (detour factors, assumed speeds, access times), which could
    /// tip them, so a planner should know which verdicts are close.
    func closeCalls(_ statuses: [GoalStatus], label: String) -> [String] {
        // One entry per place and target, naming every goal it is a close call of.
        var keys: [String] = [], goalsOf: [String: [String]] = [:]
        for call in Self.closeCalls(statuses) {
            let place = network.places.first { $0.id == call.place }?.nameZh ?? call.place
            let key = "\(MarkdownTable.escaped(place)) \(GapsCommand.duration(call.value)) against \(GapsCommand.duration(call.target))"
            if goalsOf[key] == nil { keys.append(key) }
            goalsOf[key, default: []].append(MarkdownTable.escaped(call.goal.nameZh))
        }
        let calls = keys.map { "\($0) (\(goalsOf[$0]!.joined(separator: "; ")))" }
        guard !calls.isEmpty else { return [] }
        return ["", "Close calls (\(label), within a tenth of the target either side, where the network's estimates — "
            + "detour factors, assumed speeds, station and airport access times — could tip the verdict): "
            + calls.joined(separator: "; ") + "."]
    }

    /// Every place of a goal in `statuses` whose value is within a tenth of the goal's
    /// target, either side, in goal and place order (``GoalStatus/closeCalls(_:)``).
    static func closeCalls(_ statuses: [GoalStatus]) -> [GoalStatus.CloseCall] { GoalStatus.closeCalls(statuses) }

    func rankingSection(_ ranking: [RankedProject], closeCallsOfTop: [String] = []) -> [String] {
        var md = ["", "## Project ranking", ""]
        md.append("Score = accessibility + gaps + people, each scaled to the best project's (0…1): accessibility is "
            + "the minutes saved on an average trip between populated places weighted by the gravity model "
            + "(pop·pop / km², γ = 2); gaps are the plans' goals closed, in goal units (the share of a goal's failing "
            + "places brought to target); people are those entering \(name(hub))'s circles, summed over the circles"
            + countedTwice + ". Projects without a measurable effect (\(Self.measurableRule)) are listed after the "
            + "table, in plan order; `corridor impact` gives their exact figures." + openedNote)
        md.append("")
        var t = MarkdownTable(["rank", "project", "score", "access", "gaps", "people", "min/trip", "goals advanced", "people entering"],
                              rightAligned: [0, 2, 3, 4, 5, 6, 8])
        var none: [String] = []
        var noneHasNodeProjects = false
        for (i, r) in ranking.enumerated() {
            guard Self.measurable(r) else {
                // Too small for the averages, perhaps, but not nothing to the trips it shortens,
                // nor to the places without population figures (towns) it brings into a circle.
                let entering = r.impact.bandGains.first.map { gain in
                    gain.places.prefix(3).map(name).joined(separator: "、") + (gain.places.count > 3 ? " …" : "")
                        + " into the \(Self.n(gain.threshold))-minute circle"
                }
                let local = entering ?? r.impact.topPairs.first.map { pair in
                    "\(name(pair.from))–\(name(pair.to)) \(Self.n(pair.saved, 1)) min faster"
                }
                none.append(MarkdownTable.escaped(projectWithYear(r.impact.projects[0], and: local)))
                if network.projects.first(where: { $0.id == r.impact.projects[0] })?.type == .node { noneHasNodeProjects = true }
                continue
            }
            t.append([
                String(i + 1), projectWithYear(r.impact.projects[0]), Self.n(r.score, 2), Self.n(r.accessibilityScore, 2),
                Self.n(r.gapScore, 2), Self.n(r.populationScore, 2), Self.n(r.impact.accessibility, 2),
                goals(r.impact.goalProgress.map(\.goal)), Self.people(r.impact.populationGained),
            ])
        }
        md.append(t.render())
        // A top rank that rests on a close call should say so: a few minutes of estimate
        // either way would move its gap and people scores.
        if let top = ranking.first, Self.measurable(top), !closeCallsOfTop.isEmpty {
            md.append("")
            md.append("The top project's gap and people scores rest partly on close calls ("
                + closeCallsOfTop.map(MarkdownTable.escaped).joined(separator: "; ")
                + "): a few minutes of estimate either way would move them.")
        }
        if !none.isEmpty {
            md.append("")
            md.append("Without a measurable effect alone on the average trip, the goals or the people in the circles (\(none.count)); "
                + "in brackets, a place without population figures it brings into a circle, or else the trip it speeds up "
                + "most, where there is one." + (noneHasNodeProjects ? " Node projects (a new airport or wharf) add a place "
                    + "and its access but no route until a source names their services, so they show no effect." : ""))
            md.append("")
            md += none.map { "- " + $0 }
        }
        return md
    }

    func orderSection(_ order: [RankedProject], over opened: [String]) -> [String] {
        var md = ["", "## Recommended build order", ""]
        guard !order.isEmpty else {
            md.append(network.projects.isEmpty ? "The network has no planned projects."
                : "Every project has opened: nothing remains to order.")
            return md
        }
        let start = opened.isEmpty ? "" : "From today's network — the base and the "
            + (opened.count == 1 ? "project opened since the " : "\(opened.count) projects opened since the ")
            + "plans (" + opened.map { MarkdownTable.escaped(projectWithYear($0)) }.joined(separator: "; ")
            + ") — the projects that remain, greedily: "
        md.append((start.isEmpty ? "Greedy: each" : start + "each") + " step builds the project worth most given those "
            + "before it. Its marginal score is scaled as in the ranking (a component no project has alone, such as a goal "
            + "only a whole line closes, to the step's best), so a step that completes what earlier ones began can score "
            + "above 3. A project without an effect of its own is listed before the last step only if that step needs it.")
        md.append("")
        // The steps up to the last that does something measurable, those without an effect
        // of their own included: they are what a later step completes.
        guard let last = order.lastIndex(where: Self.measurable) else {
            md.append("No remaining project adds anything measurable (\(Self.measurableRule)) on its own; "
                + "`\(sequenceCommand)` gives their exact figures and `corridor gaps \(networkName)` the combinations that close a goal.")
            return md
        }
        var t = MarkdownTable(["step", "project", "marginal score", "min/trip", "goals advanced", "people entering"],
                              rightAligned: [0, 2, 3, 5])
        for (i, r) in order[...last].enumerated() {
            t.append([
                String(i + 1), projectWithYear(r.impact.projects[0]), Self.n(r.score, 2), Self.n(r.impact.accessibility, 2),
                goals(r.impact.goalProgress.map(\.goal)), Self.people(r.impact.populationGained),
            ])
        }
        md.append(t.render())
        let rest = order.count - last - 1
        if rest > 0 {
            md.append("")
            md.append(rest == 1 ? "The other project adds nothing measurable (\(Self.measurableRule)) once those are built."
                : "The other \(rest) projects add nothing measurable (\(Self.measurableRule)) once those are built; "
                    + "`\(sequenceCommand)` gives their exact figures. A project that only helps together with others "
                    + "not yet built, such as one section of a line, shows here too; `corridor gaps \(networkName)` finds such combinations.")
        }
        return md
    }

    /// The report's diagrams: the network map, the hub's bands and the best project's
    /// impact, as DOT, and as SVG and PNG when Graphviz's `dot` is on the PATH.
    func diagrams(base: Scenario, reach: Reach, best: RankedProject?) -> ([File], [String]) {
        let kinds = DOTWriter.mapKinds
        var specs: [(name: String, caption: String, writer: DOTWriter, scenario: Scenario)] = []
        var map = DOTWriter(layout: .geo, kinds: kinds)
        map.keepsOrphans = true
        // The map shows today's network: the projects opened since the plans drawn built,
        // so the dashed lines (规划项目（未建）) are only what is still to build.
        let opened = openedProjects.map(\.id)
        if let year = openedProjects.compactMap(\.opened).max() {
            map.title = "\(networkName)（情景 \(year)）"
            specs.append(("network-map", "the network today (scenario \(year): the projects opened since the plans built; those still planned dashed)",
                          map, net.scenario(projects: opened)))
        } else {
            map.title = "\(networkName)（情景 base）"
            specs.append(("network-map", "the network (base; planned projects dashed)", map, base))
        }
        var bands = DOTWriter(layout: .geo, kinds: kinds, overlay: .reach(reach))
        bands.keepsOrphans = true
        bands.title = "\(name(hub)) " + reach.thresholds.map { Self.n($0) }.joined(separator: "/") + " 分钟可达（情景 base）"
        specs.append(("hub-reach", "\(name(hub))'s circles (base)", bands, base))
        if let best, Self.measurable(best) {
            let id = best.impact.projects[0]
            let saved = ImpactAnalysis(net, hubs: []).minutesSavedByPlace(by: [id], over: [])
            var impact = DOTWriter(
                layout: .geo, kinds: kinds,
                overlay: .impact(project: id, minutesSaved: Dictionary(uniqueKeysWithValues: saved.map { ($0.place, $0.minutes) })))
            impact.keepsOrphans = true
            impact.title = "\(project(id))：各地平均每次出行节省的分钟数"
            specs.append(("impact-\(id)", "minutes saved per trip by the top-ranked project, \(project(id))", impact, base))
        }
        var files: [File] = []
        var md = ["", "## Diagrams", ""]
        guard toFolder else {
            md.append("With `-o DIR` the report writes its diagrams: " + specs.map { "\($0.caption), `\($0.name).dot`" }.joined(separator: "; ")
                + "; as SVG and PNG too when Graphviz is installed.")
            return ([], md)
        }
        let graphviz = Graphviz.dotPath
        if graphviz == nil {
            md.append("Graphviz is not installed here (`dot` is not on the PATH), so the diagrams are given as DOT files "
                + "only; render them with `dot -Tsvg FILE.dot -o FILE.svg` (install graphviz and fonts-noto-cjk).")
            md.append("")
        }
        for spec in specs {
            var dot = spec.writer.document(net, scenario: spec.scenario)
            if dot.hasSuffix("\n") { dot.removeLast() }
            files.append(File(name: spec.name + ".dot", text: dot))
            guard let graphviz else {
                md.append("- \(Self.capitalized(spec.caption)): `\(spec.name).dot`")
                md.append("")
                continue
            }
            // Each image is kept if it rendered; a failure is said in the report and on
            // standard error (the run still succeeds: the DOT file is complete).
            var made: [String] = [], failures: [String] = [], warnings: [String] = []
            for format in ["svg", "png"] {
                switch Graphviz.render(dot, format: format, dot: graphviz) {
                case .rendered(let image, let warned):
                    files.append(File(name: spec.name + "." + format, text: "", data: image))
                    made.append(format)
                    if !warned.isEmpty && !warnings.contains(warned) { warnings.append(warned) }
                case .failed(let why):
                    failures.append(why)
                }
            }
            if made.contains("png") {
                md.append("![\(Self.capitalized(spec.caption))](\(spec.name).png)")
            } else if made.contains("svg") {
                md.append("![\(Self.capitalized(spec.caption))](\(spec.name).svg)")
            } else {
                md.append("- \(Self.capitalized(spec.caption)): `\(spec.name).dot`")
            }
            for why in failures {
                md += ["", "Graphviz could not render `\(spec.name).dot` (\(why)); the DOT file is complete"
                    + (made.isEmpty ? "." : ", and \(made.map { "`\(spec.name).\($0)`" }.joined(separator: " and ")) rendered.")]
                progress.console.printError("corridor report: warning: Graphviz could not render \(spec.name): \(why)")
            }
            for warned in warnings {
                md += ["", "Graphviz warned while rendering `\(spec.name).dot`: \(warned)"]
                progress.console.printError("corridor report: warning: Graphviz, rendering \(spec.name): \(warned)")
            }
            md.append("")
        }
        return (files, md)
    }

    func method() -> [String] {
        [
            "", "## Method and sources", "",
            "- Times are door to door: a rail or air trip pays the access to and from the station or airport the "
                + "network states; a place exactly at a limit is within it.",
            "- Population: 2020 census, each place its own unit's (a prefecture seat is its urban districts), so sums "
                + "never double-count.",
            "- The network's sources, estimates and what is not modelled: `\(shownFolder)/README.md`; "
                + "licences: `\(shownFolder)/ATTRIBUTION.md`.",
            "- Definitions of every column of the CSV and GeoJSON files: `docs/cli-output.md` in Corridor's source.",
        ]
    }
}

/// Writes a report's files into a folder, all or nothing, and touches nothing else.
///
/// Every file is made first in a hidden staging folder — beside the target when it does
/// not exist yet, inside it when it does — and only then moved into place: a new folder
/// in one rename; into an existing one, the earlier report's files are first moved aside
/// (into the staging folder) and the new ones then moved in, file by file; if any move
/// fails (a file the user may not replace), every move made is undone, so the folder is
/// the earlier report whole or the new one whole. Only the files the report writes
/// are replaced, and the files an earlier report wrote that this one does not (listed in
/// the hidden `.corridor-report`) are removed; a planner's own files in the folder stay.
/// A folder that exists, holds files and is not a report (no `.corridor-report`) is refused,
/// before any work is done. `-o .` writes into the current folder; a symbolic link to a
/// folder writes into the folder it points to.
enum ReportFolder {
    /// The hidden file listing what the report in a folder wrote.
    static let manifest = ".corridor-report"

    /// Checks that `dir` can take a report: its parent is a folder, and `dir` is absent,
    /// empty or an earlier report.
    static func check(_ dir: String) throws(OutputError) {
        let fm = FileManager.default
        guard !dir.isEmpty else { throw OutputError(path: dir, reason: "no folder name given") }
        let path = OutputTarget.resolved(dir)
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw OutputError(path: dir, reason: "it is a file, not a folder") }
            let contents = (try? fm.contentsOfDirectory(atPath: path)) ?? []
            guard contents.allSatisfy({ $0.hasPrefix(".") }) || contents.contains(manifest) else {
                throw OutputError(
                    path: dir, reason: "it is a folder with other files and no earlier report; give a new or empty folder, or an earlier report's")
            }
            guard fm.isWritableFile(atPath: path) else { throw OutputError(path: dir, reason: "the folder is not writable") }
            return
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard fm.fileExists(atPath: parent, isDirectory: &isDirectory) else {
            throw OutputError(path: dir, reason: "its folder \(parent) does not exist")
        }
        guard isDirectory.boolValue else { throw OutputError(path: dir, reason: "\(parent) is a file, not a folder") }
    }

    static func write(_ files: [ReportWriter.File], to dir: String) throws(OutputError) {
        try check(dir)
        let fm = FileManager.default
        let path = OutputTarget.resolved(dir)
        let exists = fm.fileExists(atPath: path)
        let stamp = "\(getpid())-\(UInt32.random(in: 0 ... .max))"
        let staging = exists
            ? (path as NSString).appendingPathComponent(".corridor-report.tmp-\(stamp)")
            : URL(fileURLWithPath: path).deletingLastPathComponent()
                .appendingPathComponent(".\(URL(fileURLWithPath: path).lastPathComponent).tmp-\(stamp)").path
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: dir, reason: "cannot create a staging folder (\(error.localizedDescription))")
        }
        defer { try? fm.removeItem(atPath: staging) }
        let names = files.map(\.name)
        let listing = File(name: manifest, text: names.joined(separator: "\n"))
        for file in files + [listing] {
            // CSV tables start with a UTF-8 byte-order mark, for Excel (see OutputTarget.write).
            let mark = file.name.hasSuffix(".csv") ? "\u{FEFF}" : ""
            let contents = file.data ?? Data((mark + file.text + "\n").utf8)
            guard fm.createFile(atPath: (staging as NSString).appendingPathComponent(file.name), contents: contents) else {
                throw OutputError(path: (dir as NSString).appendingPathComponent(file.name), reason: "cannot be written")
            }
        }
        guard exists else {
            guard rename(staging, path) == 0 else { throw OutputError(path: dir, reason: String(cString: strerror(errno))) }
            return
        }
        // Every file is whole in the staging folder; a name taken by a folder would stop
        // the moves half-way, so that is checked before the first.
        for name in names {
            var isDirectory: ObjCBool = false
            let target = (path as NSString).appendingPathComponent(name)
            if fm.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
                throw OutputError(path: target, reason: "a folder is in the way of the report's file")
            }
        }
        let earlier = (try? String(contentsOfFile: (path as NSString).appendingPathComponent(manifest), encoding: .utf8))?
            .split(separator: "\n").map(String.init) ?? []
        // The earlier files aside first, then the new ones in; a failure undoes what was done.
        let aside = (staging as NSString).appendingPathComponent(".earlier")
        do {
            try fm.createDirectory(atPath: aside, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: dir, reason: "cannot create a staging folder (\(error.localizedDescription))")
        }
        let all = names + [manifest]
        let target = { (name: String) in (path as NSString).appendingPathComponent(name) }
        let keep = { (name: String) in (aside as NSString).appendingPathComponent(name) }
        var movedAside: [String] = [], movedIn: [String] = []
        func undo() {
            for name in movedIn { unlink(target(name)) }
            for name in movedAside { rename(keep(name), target(name)) }
        }
        for name in all where fm.fileExists(atPath: target(name)) {
            guard rename(target(name), keep(name)) == 0 else {
                let why = String(cString: strerror(errno))
                undo()
                throw OutputError(path: target(name), reason: "\(why); the folder is left as it was")
            }
            movedAside.append(name)
        }
        for name in all {
            guard rename((staging as NSString).appendingPathComponent(name), target(name)) == 0 else {
                let why = String(cString: strerror(errno))
                undo()
                throw OutputError(path: target(name), reason: "\(why); the folder is left as it was")
            }
            movedIn.append(name)
        }
        // Only regular files are removed: a folder (or link) a planner made under a name an
        // earlier report used is theirs now, and removeItem would take it whole.
        for stale in Set(earlier).subtracting(names) where !stale.contains("/") && !stale.hasPrefix(".") {
            let target = (path as NSString).appendingPathComponent(stale)
            guard let type = (try? fm.attributesOfItem(atPath: target))?[.type] as? FileAttributeType,
                  type == .typeRegular else { continue }
            try? fm.removeItem(atPath: target)
        }
    }

    typealias File = ReportWriter.File
}
