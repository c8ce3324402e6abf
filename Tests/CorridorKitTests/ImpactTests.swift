import CorridorCore
import CorridorKit
import Foundation
import Testing
import TestSupport

/// Goals, gaps and project impact on Fixtures/networks/impact, whose README works every
/// number out by hand (times, gravity weights and savings).
@Suite struct ImpactTests {
    static func fixture() throws -> NetworkGraph {
        let (network, problems) = NetworkFiles.load(folder: FixturePath.of("networks/impact"))
        #expect(problems.isEmpty, "\(problems)")
        return NetworkGraph(try #require(network))
    }

    @Test func goalsInTheBaseScenario() throws {
        let net = try Self.fixture()
        let statuses = GapFinder(net).statuses(in: [])
        #expect(statuses.map(\.goal.id) == ["a-c-hour", "a-b-hour", "b-on-rail", "a-b-rail", "b-c-hour"])
        #expect(statuses.allSatisfy { !$0.met })
        #expect(statuses[0].values == [90] && statuses[0].worst == 90 && statuses[0].target == 60)
        #expect(statuses[1].values == [120] && statuses[1].failing == ["b"])
        #expect(statuses[2].values == [nil] && statuses[2].worst == nil)  // no rail at all
        #expect(statuses[3].values == [nil])
        #expect(statuses[4].values == [150])  // the bc road
    }

    @Test func gapsAndWhatClosesThem() throws {
        let net = try Self.fixture()
        let gaps = GapFinder(net).gaps(in: [])
        let closers = Dictionary(uniqueKeysWithValues: gaps.map { ($0.status.goal.id, $0.closedBy) })
        let how = Dictionary(uniqueKeysWithValues: gaps.map { ($0.status.goal.id, $0.how) })
        #expect(closers["a-c-hour"] == [["fast"], ["other"]] && how["a-c-hour"] == "alone")
        #expect(closers["a-b-hour"] == [["east", "west"]] && how["a-b-hour"] == "pair")
        #expect(closers["b-on-rail"] == [["east"]])   // useless for travel, yet it puts b on a rail line
        #expect(closers["a-b-rail"] == [["east", "west"]])
        // b–c: 80 min at best (README), so nothing closes it.
        #expect(closers["b-c-hour"] == [] && how["b-c-hour"] == "none")
        // With fast built, the a–c gap is gone.
        #expect(GapFinder(net).gaps(in: ["fast"]).map(\.status.goal.id) == ["a-b-hour", "b-on-rail", "a-b-rail", "b-c-hour"])
    }

    /// b-on-rail with a hub (a): the rail line must reach a. East alone (m–b) puts b on
    /// a rail line that reaches nothing else — not on a's network; with west (a–m) too
    /// it is, at 0 min (b is a station of it). West alone serves a and m; b drives to a,
    /// 120 min (no road to m), over the 30-minute limit.
    @Test func modeAccessWithAHubNeedsTheModesNetworkToReachIt() throws {
        let net = try Self.fixture()
        var goal = try #require(net.network.goals.first { $0.id == "b-on-rail" })
        goal.hub = "a"
        let search = DijkstraSearch(net.graph)
        func value(_ projects: [String]) -> Double?? {
            net.check(goal, in: net.scenario(projects: projects), search: search).values.first
        }
        #expect(value(["east"]) == .some(nil))
        #expect(value(["west"]) == .some(120))
        #expect(value(["east", "west"]) == .some(0))
        // Without the hub (the file's goal), east alone is enough.
        goal.hub = nil
        #expect(value(["east"]) == .some(0))
    }

    @Test func impactsOfEachProjectAlone() throws {
        let net = try Self.fixture()
        let a = net.network.places.firstIndex { $0.id == "a" }!
        let analysis = ImpactAnalysis(net, hubs: [a], thresholds: [60, 120])
        let impacts = Dictionary(uniqueKeysWithValues: analysis.impacts(of: net.projectIDs).map { ($0.projects[0], $0) })
        // README: fast 14.19, other 12.77, the halves nothing alone.
        #expect(abs(impacts["fast"]!.accessibility - 14.194) < 0.001)
        #expect(abs(impacts["other"]!.accessibility - 12.775) < 0.001)
        #expect(impacts["west"]!.accessibility == 0 && impacts["east"]!.accessibility == 0)
        #expect(impacts["fast"]!.gapsClosed == ["a-c-hour"] && impacts["east"]!.gapsClosed == ["b-on-rail"])
        #expect(impacts["west"]!.gapsClosed.isEmpty)
        // c enters a's 60-minute band with fast: 1000 people.
        #expect(impacts["fast"]!.bandGains == [BandGain(hub: a, threshold: 60, places: [2], population: 1000)])
        #expect(impacts["fast"]!.newLinks.map { net.network.links[$0].id } == ["ac-fast"])
        #expect(impacts["east"]!.newLinks.isEmpty)
        let top = impacts["fast"]!.topPairs
        #expect(top.count == 2 && top[0].from == a && top[0].to == 2 && top[0].before == 90 && top[0].after == 40)
    }

    @Test func rankingAndItsComponents() throws {
        let net = try Self.fixture()
        let analysis = ImpactAnalysis(net, hubs: [0], thresholds: [60, 120])
        let ranking = analysis.ranking(of: net.projectIDs)
        #expect(ranking.map(\.impact.projects[0]) == ["fast", "other", "east", "west"])
        // fast: 1 + 1 + 1; other: 12.775/14.194 + 1 + 1; east: 0 + 1 + 0; west: 0.
        #expect(abs(ranking[0].score - 3) < 1e-9)
        #expect(abs(ranking[1].accessibilityScore - 12.775 / 14.194) < 0.001 && ranking[1].gapScore == 1)
        #expect(ranking[2].score == 1 && ranking[3].score == 0)
    }

    /// Greedy order from base: fast (3), then east (its gap: 1; other adds nothing once fast
    /// is built), then west (with east built it completes the line: ab 40, bc 80 —
    /// (945.05 × 80 + 330.08 × 70) / 1780.62 = 55.43 min, two gaps, b into the 60 band),
    /// then other (0).
    @Test func buildOrderAndHowItChangesWhenOneIsBuilt() throws {
        let net = try Self.fixture()
        let analysis = ImpactAnalysis(net, hubs: [0], thresholds: [60, 120])
        let order = analysis.sequence(of: net.projectIDs)
        #expect(order.map(\.impact.projects[0]) == ["fast", "east", "west", "other"])
        #expect(abs(order[2].impact.accessibility - 55.43) < 0.01)
        #expect(order[2].impact.gapsClosed == ["a-b-hour", "a-b-rail"])
        #expect(order[3].score == 0)
        // Without fast among the candidates, other comes first from base …
        #expect(analysis.sequence(of: ["west", "east", "other"]).first?.impact.projects == ["other"])
        // … but last when fast is already built.
        #expect(analysis.sequence(of: ["west", "east", "other"], over: ["fast"]).map(\.impact.projects[0]) == ["east", "west", "other"])
    }

    @Test func complementsAndSubstitutes() throws {
        let net = try Self.fixture()
        let synergies = ImpactAnalysis(net, hubs: [0], thresholds: [60, 120]).synergies(of: net.projectIDs)
        #expect(synergies.count == 2)
        #expect(synergies[0].projects == ("west", "east") && synergies[0].kind == .complements)
        #expect(abs(synergies[0].joint - 46.167) < 0.001 && synergies[0].gapsOnlyTogether == ["a-b-hour", "a-b-rail"])
        #expect(synergies[1].projects == ("fast", "other") && synergies[1].kind == .substitutes)
        #expect(abs(synergies[1].joint - 14.194) < 0.001)
    }

    /// The problems `validate` would print for the impact fixture with `goals` as its
    /// goals.csv, in file order, the temporary folder left out.
    static func problems(goals: String) throws -> [String] {
        let folder = NSTemporaryDirectory() + "corridor-goals-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["places.csv", "links.csv", "projects.csv"] {
            try FileManager.default.copyItem(atPath: FixturePath.of("networks/impact/" + name), toPath: folder + "/" + name)
        }
        try Data(goals.utf8).write(to: URL(fileURLWithPath: folder + "/goals.csv"))
        let (_, problems) = NetworkFiles.load(folder: folder)
        return Diagnostic.inFileOrder(problems).map { "\($0)".replacingOccurrences(of: folder + "/", with: "") }
    }

    @Test func goalFileProblems() throws {
        let problems = try Self.problems(goals: """
            id,kind,name_zh,hub,places,minutes,mode,reference,source
            g1,within,无枢纽,,c,60,,x,t
            g2,reach,错类,a,c,60,,x,t
            g3,mode_access,缺方式,,b,30,,x,t
            g4,within,负时间,a,c,-5,,x,t
            g5,within,未知地点,a,cc,60,,x,t
            g6,within,两错,aa,cc,-5,,x,t
            g7,within,中文枢纽,甲,c,60,,x,t
            g8,connected,连通,a,c,60,road,x,t
            g9,within,重复,a,c;b;c;zz,60,,x,t

            """)
        // Columns count characters: "g1,within,无枢纽," is 14, so the empty hub is column 15.
        // In file order, as validate prints them.
        #expect(problems == [
            "goals.csv:2:15: error: a within goal needs a hub",
            "goals.csv:3:4: error: unknown kind \"reach\" (one of: within, mode_access, connected)",
            "goals.csv:4:26: error: a mode_access goal needs a mode",
            "goals.csv:5:19: error: minutes -5 must be positive",
            "goals.csv:6:18: error: unknown place \"cc\" (did you mean \"c\"?)",
            // A row with several problems has them all reported ("g6,within,两错," is 13).
            "goals.csv:7:14: error: unknown place \"aa\" (did you mean \"a\"?)",
            "goals.csv:7:17: error: unknown place \"cc\" (did you mean \"c\"?)",
            "goals.csv:7:20: error: minutes -5 must be positive",
            // A Chinese name where an id belongs is suggested by its id ("g7,within,中文枢纽," is 15).
            "goals.csv:8:16: error: unknown place \"甲\" (did you mean \"a\"?)",
            // Minutes a connected goal does not use ("g8,connected,连通,a,c," is 20).
            "goals.csv:9:21: warning: a connected goal has no time target, so minutes is not used (kind within checks a time)",
            // A place named twice; an unknown item at its own column ("g9,within,重复,a," is
            // 15; "c;b;c;" 6 more).
            "goals.csv:10:16: warning: places names \"c\" twice",
            "goals.csv:10:22: error: unknown place \"zz\"",
        ])
    }

    /// Columns a goal's kind does not use, an empty item, a mode no goal can ask access
    /// to, and "highway" (公路 or 高速公路?) are said, not silently taken. Columns count
    /// characters: "g1,within,空项,a," is 15, so places is 16; "b;;c,60," 8 more: mode at 24.
    @Test func goalColumnsTheKindDoesNotUse() throws {
        let problems = try Self.problems(goals: """
            id,kind,name_zh,hub,places,minutes,mode,modes,direction,reference,source
            g1,within,空项,a,b;;c,60,rail,,,x,t
            g2,mode_access,换乘,,b,30,connector,,to,x,t
            g3,connected,多余,a,b,,road,road,to,x,t
            g4,within,公路,a,b,60,,highway,,x,t

            """)
        #expect(problems == [
            "goals.csv:2:16: warning: places has an empty item (\"b;;c\"): a stray ';'",
            "goals.csv:2:24: warning: a within goal does not use mode (its journeys' modes are `modes`)",
            "goals.csv:3:25: error: a mode_access goal needs a line-haul mode (hsr, rail, expressway, road, air, sea, river), not connector",
            "goals.csv:3:36: warning: a mode_access goal does not use direction (access is from each place)",
            "goals.csv:4:27: warning: a connected goal does not use modes (it checks the one `mode`)",
            "goals.csv:4:32: warning: a connected goal does not use direction (a connection is either way)",
            "goals.csv:5:22: error: unknown mode \"highway\"",
        ])
    }
}
