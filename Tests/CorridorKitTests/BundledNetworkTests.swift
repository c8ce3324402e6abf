import Foundation
import CorridorCore
import CorridorKit
import Testing
import TestSupport

/// The bundled network `Networks/jilin`, checked against expectations taken from the
/// sources, not from the network's own output:
///
/// - the 2016 12306 timetable: 57 trains run 长春 → 吉林, in 40 (C1001 and others,
///   non-stop) to 50 minutes (`Tools/timetable-runtimes.py --pairs`, through rows);
/// - facts.md §1: the 长珲 HSR is 472 km = 111 (长吉城际) + 361 (吉图珲);
/// - the data README: the 69 Jilin county-level census rows sum to the provincial
///   total, 24,073,453;
/// - the plans' 专栏, counted item by item in docs/research/plan-inventory.md;
/// - facts.md: opened since the plans 敦白 (2021), 长白 speed-up (2024), 桓仁–集安 (2023),
///   沈白 (2025); the ring sections' opening dates in their sources.
@Suite struct BundledNetworkTests {
    static let folder = FixturePath.repositoryRoot + "/Networks/jilin"

    static func load() throws -> (Network, [Diagnostic]) {
        let (network, problems) = NetworkFiles.load(folder: folder)
        let loaded = try #require(network, "\(problems)")
        return (loaded, problems + NetworkValidator.check(loaded))
    }

    @Test func validatesWithoutErrors() throws {
        let (network, problems) = try Self.load()
        let errors = problems.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.prefix(20).map(\.description).joined(separator: "\n"))")
        // The issue's size: well over 120 places, 300 links and 45 projects.
        #expect(network.places.count > 120)
        #expect(network.links.count > 300)
        #expect(network.projects.count > 45)
    }

    /// Shortest `metric` value from `a` to `b` in `scenario`, using only `modes`.
    func shortest(
        _ net: NetworkGraph, _ a: String, _ b: String, by metric: NetworkGraph.Metric,
        modes: Set<Mode>, projects: [String] = []
    ) throws -> Distance {
        let scenario = net.scenario(projects: projects)
        let filter = scenario.filter.intersection(ArcFilter(graph: net.graph, modes: Set(modes.map(\.code))))
        let search = DijkstraSearch(net.graph)
        let from = try #require(net.node(a)), to = try #require(net.node(b))
        search.run(from: [from], weights: scenario.weights(metric), filter: filter, target: to)
        return search.distance(to: to)
    }

    @Test func changchunToJilinByHSRIsWithinThe2016Timetable() throws {
        let net = NetworkGraph(try Self.load().0)
        let seconds = try shortest(net, "changchun-st", "jilin-st", by: .time, modes: [.hsr])
        #expect((40 * 60 ... 50 * 60).contains(Int(seconds)), "\(seconds) s")
    }

    @Test func changchunToHunchunHSRIs472Kilometres() throws {
        let net = NetworkGraph(try Self.load().0)
        let metres = try shortest(net, "changchun-st", "hunchun-st", by: .length, modes: [.hsr])
        #expect((467_000 ... 477_000).contains(Int(metres)), "\(metres) m")
    }

    @Test func jilinPopulationAddsUpToTheProvincialCensusTotal() throws {
        let (network, _) = try Self.load()
        let seats: Set = [
            "changchun", "jilin", "siping", "liaoyuan", "tonghua", "baishan", "songyuan",
            "baicheng", "yanji", "meihekou",
        ]
        let parent = Dictionary(uniqueKeysWithValues: network.places.map { ($0.id, $0.parent) })
        func inJilin(_ id: String) -> Bool {
            var current: String? = id
            for _ in 0 ..< 8 {
                guard let c = current else { return false }
                if seats.contains(c) { return true }
                current = parent[c] ?? nil
            }
            return false
        }
        let total = network.places.filter { inJilin($0.id) }.compactMap(\.population).reduce(0, +)
        #expect(total == 24_073_453)
        // And every prefecture and county place has a population, except 肇源 (Daqing),
        // which the census files at hand do not cover.
        let missing = network.places
            .filter { ($0.kind == .prefecture || $0.kind == .county) && $0.population == nil }
            .map(\.id)
        #expect(missing == ["zhaoyuan"])
    }

    @Test func yearScenariosHoldWhatHasOpenedSince() throws {
        let (network, _) = try Self.load()
        // The ring's 九台–双阳 section opened 2023-01 (zh.wikipedia), 农安–九台 and
        // 双阳–伊通 2024-11-27 (吉林日报).
        // 长春–太平川 opened 2024-09-28; 大蒲柴河–烟筒山 was open by 2024-09-30 (吉林省交通运输厅).
        #expect(Set(try ScenarioName.year(2026).projectIDs(in: network)) == [
            "hsr-dunbai", "rail-changbai-speedup", "exp-huanren-jian", "hsr-shenbai",
            "ring-jiutai-shuangyang", "ring-nongan-jiutai", "ring-shuangyang-yitong",
            "exp-changchun-taipingchuan", "exp-yantongshan-dapuchaihe",
        ])
        #expect(Set(try ScenarioName.year(2023).projectIDs(in: network)) == [
            "hsr-dunbai", "exp-huanren-jian", "ring-jiutai-shuangyang",
        ])
        #expect(try ScenarioName.year(2020).projectIDs(in: network).isEmpty)
    }

    /// Every place is reachable from 长春 with every project: on a trip, or — the southern
    /// ports the freight sea routes from 扎鲁比诺, 斯拉夫扬卡, 罗津, 大连 and 营口 serve, and
    /// nothing else — by freight.
    @Test func everyPlaceIsReachableFromChangchunWithEveryProject() throws {
        let net = NetworkGraph(try Self.load().0)
        let all = net.scenario(projects: net.projectIDs)
        let search = DijkstraSearch(net.graph)
        let changchun = try #require(net.node("changchun"))
        search.run(from: [changchun], weights: all.weights(.time), filter: all.filter)
        let unreached = net.network.places.filter { !search.isSettled(net.node($0.id)!) }.map(\.id)
        #expect(unreached == ["ningbo-port", "qingdao-port", "shanghai-port"], "\(unreached)")
        search.run(from: [changchun], weights: all.weights(.cost), filter: all.filter(for: .cost))
        #expect(unreached.allSatisfy { search.isSettled(net.node($0)!) })
    }

    /// Every item of plan A's 专栏2 and of plans B's and C's 专栏1–7 is a project's
    /// reference or a row of the README's "Not modelled" table. The item counts are those
    /// of the seed (docs/research/plan-inventory.md §0–1).
    @Test func everyPlanItemIsModelledOrListedAsNotModelled() throws {
        let (network, _) = try Self.load()
        let counts: [String: Int] = [
            "A 专栏2": 37,
            "B 专栏1": 2, "B 专栏2": 13, "B 专栏3": 2, "B 专栏4": 4, "B 专栏5": 8, "B 专栏6": 7, "B 专栏7": 13,
            "C 专栏1": 3, "C 专栏2": 13, "C 专栏3": 1, "C 专栏4": 5, "C 专栏5": 10, "C 专栏6": 7, "C 专栏7": 6,
        ]
        var expected: Set<String> = []
        for (column, n) in counts { for k in 1 ... n { expected.insert("\(column) #\(k)") } }

        let readme = try String(contentsOfFile: Self.folder + "/README.md", encoding: .utf8)
        let notModelled = try #require(readme.components(separatedBy: "## Not modelled").last)
        let projectItems = Self.items(in: network.projects.map(\.reference).joined(separator: "; "))
        let listedItems = Self.items(in: notModelled)

        let missing = expected.subtracting(projectItems).subtracting(listedItems)
        #expect(missing.isEmpty, "\(missing.sorted())")
        // Nothing is both modelled and listed as not modelled, and nothing is invented.
        #expect(projectItems.intersection(listedItems).isEmpty, "\(projectItems.intersection(listedItems).sorted())")
        let abc = projectItems.union(listedItems).filter { $0.hasPrefix("A ") || $0.hasPrefix("B ") || $0.hasPrefix("C ") }
        #expect(abc.subtracting(expected).isEmpty, "\(abc.subtracting(expected).sorted())")
    }

    /// "B 专栏7 #7, #8; C 专栏5 #6–#10" → B 专栏7 #7, B 专栏7 #8, C 专栏5 #6 … #10.
    static func items(in text: String) -> Set<String> {
        var found: Set<String> = []
        let scalars = Array(text)
        var column: String?
        var i = 0
        while i < scalars.count {
            // A column: a plan letter, a space, 专栏 and its number.
            if i + 3 < scalars.count, "ABCDFGH".contains(scalars[i]), scalars[i + 1] == " ",
               scalars[i + 2] == "专", scalars[i + 3] == "栏" {
                var j = i + 4, number = ""
                while j < scalars.count, scalars[j].isNumber { number.append(scalars[j]); j += 1 }
                column = "\(scalars[i]) 专栏\(number)"
                i = j
                continue
            }
            // "F #n": plan F's list has no 专栏 number; its items are not counted here.
            if i + 2 < scalars.count, scalars[i].isUppercase, scalars[i + 1] == " ", scalars[i + 2] == "#" {
                column = nil
                i += 2
                continue
            }
            // An item: #k, or a range #k–#m, belonging to the last column named.
            if scalars[i] == "#", let c = column {
                var j = i + 1, first = ""
                while j < scalars.count, scalars[j].isNumber { first.append(scalars[j]); j += 1 }
                var last = first
                if j + 1 < scalars.count, scalars[j] == "–", scalars[j + 1] == "#" {
                    var k = j + 2
                    last = ""
                    while k < scalars.count, scalars[k].isNumber { last.append(scalars[k]); k += 1 }
                    j = k
                }
                if let a = Int(first), let b = Int(last), a <= b { for k in a ... b { found.insert("\(c) #\(k)") } }
                i = j
                continue
            }
            // A line break or a table cell ends the column's scope.
            if scalars[i] == "\n" || scalars[i] == "|" { column = nil }
            i += 1
        }
        return found
    }

    @Test func itemParserReadsListsAndRanges() {
        #expect(Self.items(in: "B 专栏7 #7, #8; C 专栏5 #6–#8 | #9") == [
            "B 专栏7 #7", "B 专栏7 #8", "C 专栏5 #6", "C 专栏5 #7", "C 专栏5 #8",
        ])
        #expect(Self.items(in: "A 专栏2 #1; D 专栏10 #16") == ["A 专栏2 #1", "D 专栏10 #16"])
        #expect(Self.items(in: "C 专栏4 #5; F #23") == ["C 专栏4 #5"])
    }
}
