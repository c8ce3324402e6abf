import CorridorKit
import Foundation

/// `corridor impact NETWORK [--projects …] [--hubs …] [--sequence] [--synergy]`: what each
/// planned project changes against the scenario it is built on, a ranking with its score
/// components, a greedy build order and the pairs that complement or substitute.
enum ImpactCommand: Command {
    static let formats = ["table", "csv", "json"]

    static let arguments = Arguments(
        command: "corridor impact",
        options: [
            .value("--projects", placeholder: "PROJECTS", default: "all",
                   help: "all, or project ids or Chinese names separated by commas (those not yet built)"),
            .value("--hubs", placeholder: "PLACES", repeats: true,
                   help: "the hubs whose bands are counted, repeated or comma-separated (default: the hubs of the network's within goals, 长春 in jilin; else the most populous place)"),
            .value("--within", placeholder: "LIMITS", default: "30,60,120", help: "the hubs' band limits, minutes"),
            .value("--gamma", placeholder: "G", default: "2",
                   help: "the gravity model's distance exponent: pair weight = pop_i · pop_j / km^G (km at least 10)"),
            .value("--scenario", placeholder: "SCENARIO", default: "base", completes: CommonOptions.scenario.completion,
                   help: "what is built already; the projects are measured on top of it (base, a year, …)"),
            .flag("--sequence", help: "also a greedy build order: at each step the project worth most given what is built"),
            .flag("--synergy", help: "also the pairs of projects that complement or substitute each other"),
            CommonOptions.format(formats),
            OutputTarget.option,
        ],
        positionals: [CommonOptions.plannerNetwork],
        description: """
            Every project measured against the scenario: the plans' gaps it closes (goals.csv), \
            the people it brings within each hub's bands, the minutes it saves on an average \
            trip between populated places weighted by the gravity model, the pairs that gain \
            most and the links that start to carry fastest routes; ranked by a score whose \
            three components (accessibility, gaps, people; each scaled to the best \
            project's) are all shown.
            """,
        examples: [
            "corridor impact jilin",
            "corridor impact jilin --hubs 长春,吉林 --projects hsr-shenbai,hsr-changliaotong,exp-changchun-yantongshan --sequence",
            "corridor impact jilin --projects hsr-shenbai,hsr-changliaotong --synergy",
            "corridor impact jilin --scenario 2026 --format csv",
        ])

    static func execute(_ p: ParsedArguments, console: Console) throws -> Int32 {
        let command = arguments.command
        let format = try CommonOptions.format(p, among: formats, command: command)
        let thresholds = try CommonOptions.thresholds(p.value("--within") ?? "30,60,120", option: "--within", command: command)
        guard let gamma = Double(p.value("--gamma") ?? "2"), gamma >= 0, gamma <= 4 else {
            throw UsageError(command: command, message: "--gamma must be a number from 0 to 4")
        }
        let output = OutputTarget(path: p.value("--output"))
        let net: NetworkGraph
        switch CommonOptions.load(p.positional("NETWORK")!, output: p.value("--output"), command: command, console: console) {
        case .success(.network(let n)): net = n
        case .success(.dimacs): throw UsageError(command: command, message: "a DIMACS graph has no projects")
        case .failure(let status): return status.code
        }
        let scenarioText = p.value("--scenario") ?? "base"
        let built = try CommonOptions.scenario(scenarioText, in: net, command: command, console: console).projects.sorted()
        let names = PlaceResolver(net.network.places)
        let hubs: [Int]
        if p.isGiven("--hubs") {
            hubs = try p.list("--hubs")
                .map { name throws(UsageError) in try CommonOptions.place(name, option: "--hubs", in: names, command: command) }
                .uniqued()
        } else {
            hubs = CommonOptions.defaultHubs(of: net)
        }
        guard !hubs.isEmpty else { throw UsageError(command: command, message: "--hubs is empty") }
        let projectsText = p.value("--projects") ?? "all"
        var projects: [String]
        if projectsText.lowercased() == "all" {
            projects = net.projectIDs
        } else {
            let named = try CommonOptions.projects(projectsText, option: "--projects", in: net, command: command, console: console)
            // Keep the file's order, so ties rank as the network lists them.
            projects = net.projectIDs.filter(named.contains)
        }
        guard !net.projectIDs.isEmpty else {
            console.printError("\(command): the network has no projects (projects.csv) to measure")
            return ExitCode.failure
        }
        projects = projects.filter { !built.contains($0) }
        guard !projects.isEmpty else {
            throw UsageError(command: command, message: "no project left to measure: every "
                + (p.isGiven("--projects") ? "one named in --projects" : "project of the network") + " is built in --scenario \(scenarioText)")
        }
        if p.flag("--synergy") && projects.count < 2 {
            throw UsageError(command: command, message: "--synergy compares pairs of projects: name two or more in --projects")
        }
        // A build order that starts from the plans' base orders projects that have opened
        // since among the rest: said, with the scenario that orders what is left.
        let openedNotBuilt = net.network.projects.filter { $0.opened != nil && projects.contains($0.id) && !built.contains($0.id) }
        if p.flag("--sequence"), !openedNotBuilt.isEmpty, let year = openedNotBuilt.compactMap(\.opened).max() {
            console.printError("\(command): note: \(openedNotBuilt.count) of these projects have opened since the plans "
                + "(marked in the tables); they are ordered like the rest. '--scenario \(year)' orders what is left to build")
        }
        let analysis = ImpactAnalysis(net, hubs: hubs, thresholds: thresholds, gamma: gamma)
        let progress = Progress(console: console)
        progress.step("measuring \(projects.count) projects")
        let ranking = analysis.ranking(of: projects, over: built)
        if p.flag("--sequence") { progress.step("the build order") }
        let sequence = p.flag("--sequence") ? analysis.sequence(of: projects, over: built) : nil
        if p.flag("--synergy") { progress.step("\(projects.count * (projects.count - 1) / 2) pairs of projects") }
        let synergies = p.flag("--synergy") ? analysis.synergies(of: projects, over: built) : nil
        progress.done()
        var report = ImpactReport(net: net, analysis: analysis, scenario: scenarioText, built: built)
        report.closeCalls = GoalStatus.closeCalls(GapFinder(net).statuses(in: built))
        let text: String
        switch format {
        case "csv": text = report.csv(ranking, sequence: sequence, synergies: synergies)
        case "json": text = report.json(ranking, sequence: sequence, synergies: synergies)
        default: text = report.table(ranking, sequence: sequence, synergies: synergies)
        }
        try output.write(text, console: console, format: format)
        return ExitCode.success
    }
}
