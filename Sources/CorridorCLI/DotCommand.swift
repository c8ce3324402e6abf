import CorridorKit
import Foundation

/// `corridor dot NETWORK [--corridor 长吉珲] [--route A,B | --reach A | --impact P] …`: a
/// Graphviz DOT diagram of the network (a map, or a schematic along a corridor) with a
/// route, reach bands or a project's impact on top, for planning reports. The drawing
/// rules are ``DOTWriter``'s; this command resolves names, runs the analysis the
/// overlay needs and writes the text.
enum DotCommand: Command {
    static let arguments = Arguments(
        command: "corridor dot",
        options: [
            CommonOptions.scenario,
            .value("--corridor", placeholder: "NAME",
                   help: "only the links tagged NAME (长吉珲, 白松长通, 长春都市圈, …), the places they touch and the connectors between those"),
            .value("--kinds", placeholder: "KINDS", completes: .list(PlaceKind.allCases.map(\.rawValue) + ["all"]),
                   help: "only places of these kinds, comma-separated (prefecture, county, town, station, airport, port, border, junction, foreign, or all); a place of another kind is drawn as its nearest kept parent (a station as its city). Default: the geo map draws prefecture, county, port, border and foreign places (stations and airports as their cities, towns as their counties, so the names around a city do not pile up); the schematic draws all"),
            .value("--route", placeholder: "FROM,TO",
                   help: "highlight the fastest route and fade the rest; places separated by commas, those between FROM and TO passed in order (--route FROM TO works too)"),
            .value("--reach", placeholder: "PLACES", repeats: true,
                   help: "colour places by their band from these origins (repeated or comma-separated)"),
            .value("--within", placeholder: "MINUTES", default: "30,60,120", help: "the bands of --reach (at most 6)"),
            .value("--impact", placeholder: "PROJECT",
                   help: "colour places by the minutes the project saves them per trip (built on top of --scenario) and draw its links thick"),
            .value("--layout", placeholder: "LAYOUT", default: "geo", completes: .choices(["geo", "schematic"]),
                   help: "geo (a map: positions from the coordinates) or schematic (ranks along the corridor, laid out by dot)"),
            .value("--labels", placeholder: "LANG", default: "zh", completes: .choices(["zh", "en", "both"]), help: "names in zh, en or both"),
            .flag("--clusters", help: "box the places of each prefecture (schematic layout only)"),
            .flag("--hide-planned", help: "leave out planned links of projects the scenario does not build (default: drawn dashed)"),
            .flag("--no-legend", help: "leave out the legend"),
            .value("--title", placeholder: "TEXT", help: "the title above the diagram (default: what it shows; --title= for none)"),
            OutputTarget.option.renamed(
                placeholder: "FILE", help: "write the DOT to FILE (- for the terminal); a .svg, .png or .pdf name renders it with Graphviz"),
        ],
        positionals: [CommonOptions.plannerNetwork, .alternative("TO", help: "the route's destination in --route FROM TO")],
        description: """
            A Graphviz DOT diagram of the network for reports: colour and width by mode, \
            shape by kind of place, planned links dashed and labelled with their project, \
            a legend, and a route, reach bands or a project's impact on top. The file \
            renders with dot or neato (either command draws it the same way) and names a \
            CJK font with fallbacks, so Chinese shows as Chinese:
              dot -Tsvg FILE.dot -o FILE.svg    (or -Tpng, -Tpdf)
            Tools/render-diagrams.sh makes the README's diagrams.
            """,
        examples: [
            "corridor dot jilin -o jilin.dot",
            "corridor dot jilin --kinds all -o jilin-all.dot",
            "corridor dot jilin --corridor 长吉珲 --layout schematic --labels both -o cjh.dot",
            "corridor dot jilin --route 长春,延吉 --kinds prefecture,county,station",
            "corridor dot jilin --reach 长春 --within 30,60,120",
            "corridor dot jilin --impact hsr-shenbai --kinds prefecture,county",
        ])

    static func execute(_ p: ParsedArguments, console: Console) throws -> Int32 {
        let command = arguments.command
        func usage(_ message: String) -> UsageError { UsageError(command: command, message: message) }

        var routeText = p.value("--route")
        if let to = p.positional("TO") {
            guard let from = routeText, list(from).count == 1 else {
                throw usage("unexpected argument \"\(to)\" (one NETWORK; or --route FROM TO)")
            }
            routeText = from + "," + to
        }
        let overlays = ["--route", "--reach", "--impact"].filter(p.isGiven)
        if overlays.count > 1 {
            throw usage("\(overlays.joined(separator: " and ")) are separate overlays; give one")
        }
        if p.isGiven("--within") && !p.isGiven("--reach") { throw usage("--within goes with --reach") }
        let layout = try choice(p.value("--layout") ?? "geo", option: "--layout", among: DOTWriter.Layout.self)
        let labels = try choice(p.value("--labels") ?? "zh", option: "--labels", among: DOTWriter.Labels.self)
        if p.flag("--clusters") && layout == .geo {
            throw usage("--clusters needs --layout schematic (neato, which draws the geo layout, draws no clusters)")
        }
        var kinds = try p.value("--kinds").map { text throws(UsageError) in try Self.kinds(text, command: command) }
        let thresholds = try CommonOptions.thresholds(p.value("--within") ?? "30,60,120", option: "--within", command: command)
        if Set(thresholds).count > DOTStyle.maximumBands {
            throw usage("--within: at most \(DOTStyle.maximumBands) bands can be told apart by colour")
        }
        let output = OutputTarget(path: p.value("--output"))
        // `-o map.svg` (or .png, .pdf): rendered by Graphviz, not DOT text under an image's
        // name; a data file's name is a usage error, found before any work.
        if case .file(let path) = output, Self.imageFormat(of: path) == nil {
            let ext = (path as NSString).pathExtension.lowercased()
            if CommonOptions.dataExtensions.contains(ext) && !["dot", "gv"].contains(ext) {
                throw usage("--output: dot writes .dot (or .gv) text, or renders .svg, .png or .pdf — not .\(ext)")
            }
        }

        let net: NetworkGraph
        switch CommonOptions.load(p.positional("NETWORK")!, output: p.value("--output"), command: command, console: console) {
        case .success(.network(let n)): net = n
        case .success(.dimacs): throw usage("a DIMACS graph has no places, modes or coordinates to draw")
        case .failure(let status): return status.code
        }
        let network = net.network
        let defaultKinds = !p.isGiven("--kinds") && layout == .geo
            && network.places.contains(where: { DOTWriter.mapKinds.contains($0.kind) })
        if defaultKinds { kinds = DOTWriter.mapKinds }
        if kinds == Set(PlaceKind.allCases) { kinds = nil }
        let scenarioText = p.value("--scenario") ?? "base"
        let scenario = try CommonOptions.scenario(scenarioText, in: net, command: command, console: console)
        let corridor = try p.value("--corridor").map { text throws(UsageError) in
            try Self.corridor(text, in: network, command: command)
        }
        let names = PlaceResolver(network.places)
        let places = { (option: String, text: String?) throws(UsageError) -> [Int] in
            // Places, unlike projects, may be listed with 、 too (长春、延吉).
            try Self.list(text ?? "").map { name throws(UsageError) in
                try CommonOptions.place(name, option: option, in: names, command: command)
            }
        }

        var writer = DOTWriter(
            layout: layout, labels: labels, corridor: corridor, kinds: kinds,
            unbuiltProjects: !p.flag("--hide-planned"), clusters: p.flag("--clusters"), legend: !p.flag("--no-legend"))
        writer.keepsOrphans = defaultKinds
        let say = { (zh: String, en: String) -> String in
            switch labels {
            case .zh: zh
            case .en: en
            case .both: zh + "\n" + en
            }
        }
        let scenarioZh = "情景 \(scenarioText)", scenarioEn = "scenario \(scenarioText)"
        var title: String
        if let routeText {
            let stops = try places("--route", routeText)
            guard stops.count >= 2 else { throw usage("--route needs two places or more: --route FROM,TO") }
            try CommonOptions.checkStops(
                stops.map { ("--route", $0) }, label: { "\(network.places[$0].nameZh) (\(network.places[$0].id))" }, command: command)
            guard let route = net.routes(
                from: stops[0], to: stops[stops.count - 1], via: Array(stops.dropFirst().dropLast()), scenario: scenario
            ).first else {
                let (a, b) = (network.places[stops[0]], network.places[stops[stops.count - 1]])
                console.printError("\(command): no route from \(a.nameZh) (\(a.id)) to \(b.nameZh) (\(b.id)) in scenario \(scenarioText)")
                return ExitCode.failure
            }
            writer.overlay = .route(route)
            let ends = (network.places[stops[0]], network.places[stops[stops.count - 1]])
            let minutes: String = JSONText.number(route.minutes, decimals: 1)
            title = say("\(ends.0.nameZh) → \(ends.1.nameZh)：\(minutes) 分钟，换乘 \(route.transfers) 次（\(scenarioZh)）",
                        "\(ends.0.nameEn) → \(ends.1.nameEn): \(minutes) min, \(route.transfers) transfer\(route.transfers == 1 ? "" : "s") (\(scenarioEn))")
        } else if p.isGiven("--reach") {
            let origins = try places("--reach", p.list("--reach").joined(separator: ",")).uniqued()
            guard !origins.isEmpty else { throw usage("--reach is empty: name one or more places") }
            let reach = net.reach(from: origins, within: thresholds, scenario: scenario)
            writer.overlay = .reach(reach)
            let limits = reach.thresholds.map { (t: Double) -> String in JSONText.number(t, decimals: 1) }
            title = say("\(origins.map { network.places[$0].nameZh }.joined(separator: "、")) \(limits.joined(separator: "/")) 分钟可达（\(scenarioZh)）",
                        "Within \(limits.joined(separator: ", ")) min of \(origins.map { network.places[$0].nameEn }.joined(separator: ", ")) (\(scenarioEn))")
        } else if let text = p.value("--impact") {
            let ids = try CommonOptions.projects(text, option: "--impact", in: net, command: command, console: console)
            guard ids.count == 1 else { throw usage("--impact takes one project") }
            let project = ids[0]
            if scenario.projects.contains(project) {
                throw usage("--impact: \(project) is built in --scenario \(scenarioText) already; measure it on a scenario without it")
            }
            let analysis = ImpactAnalysis(net, hubs: [])
            let saved = analysis.minutesSavedByPlace(by: [project], over: scenario.projects.sorted())
            if !saved.contains(where: { $0.minutes > 0 }) {
                console.printError("\(command): note: \(project) saves no trip between populated places in scenario "
                    + "\(scenarioText), so no place is filled (`corridor impact` gives its figures)")
            }
            writer.overlay = .impact(project: project, minutesSaved: Dictionary(uniqueKeysWithValues: saved.map { ($0.place, $0.minutes) }))
            let named = network.projects.first { $0.id == project }!
            title = say("\(named.nameZh)：各地平均每次出行节省的分钟数（\(scenarioZh) + 本项目）",
                        "\(named.nameEn): minutes saved per trip, by place (\(scenarioEn) + this project)")
        } else {
            let what = (network.folder as NSString).lastPathComponent
            title = say("\(what)（\(scenarioZh)）", "\(what) (\(scenarioEn))")
        }
        if let corridor { title = "\(corridor) · " + title }
        writer.title = p.value("--title").map { $0.isEmpty ? nil : $0 } ?? title

        // The document ends with a line break; the output target adds one.
        var (text, folded) = writer.diagram(net, scenario: scenario)
        text.removeLast()
        if !folded.isEmpty && writer.kinds != nil {
            console.printError("\(command): note: with these kinds the lines of \(folded.count) project\(folded.count == 1 ? "" : "s") "
                + "fall inside one drawn place or end at one not drawn, so \(folded.count == 1 ? "it is" : "they are") not shown: "
                + folded.joined(separator: ", ") + " (--kinds all shows every place)")
        }
        if case .file(let path) = output, let format = Self.imageFormat(of: path) {
            guard let dot = Graphviz.dotPath else {
                throw OutputError(path: path, reason: "rendering .\(format) needs Graphviz's dot, which is not on the PATH "
                    + "(install graphviz and fonts-noto-cjk, or write .dot and render it elsewhere)")
            }
            switch Graphviz.render(text + "\n", format: format, dot: dot) {
            case .rendered(let image, let warnings):
                try OutputTarget.writeAtomically(Array(image), to: path)
                if !warnings.isEmpty { console.printError("\(command): warning: Graphviz: \(warnings)") }
            case .failed(let why):
                throw OutputError(path: path, reason: "Graphviz could not render it: \(why)")
            }
            return ExitCode.success
        }
        try output.write(text, console: console)
        return ExitCode.success
    }

    /// The Graphviz output format an `-o` file name asks for (`svg`, `png`, `pdf`), or nil
    /// for DOT text (`.dot`, `.gv`, anything else).
    static func imageFormat(of path: String) -> String? {
        let ext = (path as NSString).pathExtension.lowercased()
        return ["svg", "png", "pdf"].contains(ext) ? ext : nil
    }

    /// Items of a list: commas (ASCII or full-width) or 、, blanks trimmed, empty ones dropped.
    static func list(_ text: String) -> [String] { text.listItems() }

    /// The case of `T` whose raw value `text` is, for `option`.
    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, option: String, among _: T.Type)
        throws(UsageError) -> T where T.RawValue == String
    {
        if let value = T(rawValue: text.trimmingBlanks().lowercased()) { return value }
        let all = T.allCases.map(\.rawValue)
        throw UsageError(
            command: arguments.command,
            message: "\(option): unknown value \"\(text)\" (one of \(all.joined(separator: ", ")))"
                + Suggestions.didYouMean(text, among: all))
    }

    /// The kinds a `--kinds` list names (ids or Chinese names; `all` for every kind).
    static func kinds(_ text: String, command: String) throws(UsageError) -> Set<PlaceKind> {
        var kinds: Set<PlaceKind> = []
        for word in list(text) {
            if word.lowercased() == "all" || word == "全部" {
                kinds.formUnion(PlaceKind.allCases)
                continue
            }
            guard let kind = PlaceKind(parsing: word) else {
                let all = PlaceKind.allCases.map(\.rawValue)
                throw UsageError(
                    command: command,
                    message: "--kinds: unknown kind \"\(word)\" (kinds: \(all.joined(separator: ", ")), or all)"
                        + Suggestions.didYouMean(word, among: all))
            }
            kinds.insert(kind)
        }
        guard !kinds.isEmpty else { throw UsageError(command: command, message: "--kinds is empty") }
        return kinds
    }

    /// `text` if it is a corridor tag of a link of `network`.
    static func corridor(_ text: String, in network: Network, command: String) throws(UsageError) -> String {
        let name = text.trimmingBlanks()
        var tags: [String] = []
        for link in network.links { for tag in link.corridors where !tags.contains(tag) { tags.append(tag) } }
        guard tags.contains(name) else {
            throw UsageError(
                command: command,
                message: "--corridor: no link is tagged \"\(name)\""
                    + (tags.isEmpty ? " (the network tags no corridors)" : " (the network's corridors: \(tags.joined(separator: ", ")))")
                    + Suggestions.didYouMean(name, among: tags))
        }
        return name
    }
}
