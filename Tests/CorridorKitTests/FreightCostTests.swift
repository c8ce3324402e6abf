import CorridorCore
import CorridorKit
import Foundation
import Testing
import TestSupport

/// The freight cost metric: the defaults and their arithmetic, `costs.csv`, and cost
/// searches on a hand-drawn network (Fixtures/networks/costs-freight):
///
///            hsr-ab: high-speed rail 240 km, 60 min
///     a-hsr ═══════════════════════════════════════ b-hsr
///       │ conn-a-hsr 20 min                conn-b-hsr 20 min │
///       a ───── road-ab: expressway 250 km @ 100 km/h = 150 min ───── b
///       │ conn-a-freight 30 min        conn-b-freight 30 min │
///     a-freight ─── rail-ab: rail 260 km @ 65 km/h = 240 min ─── b-freight
///
/// Fastest a → b: HSR, 20 + 60 + 20 = 100 min. Cheapest with the defaults (fen per ton):
/// road 250 × 33 = 8250; rail 1920 + 260 × 15.51 (= 4032.6 → 4033) + 1920 = 7873, so
/// rail. The crossover, for a rail line 10 km longer than the road: rail is cheaper when
/// 0.33 L > 0.1551 (L + 10) + 2 × 19.20, that is when L > 39.951 / 0.1749 = 228.4 km.
@Suite struct FreightCostTests {
    // MARK: The defaults

    @Test func everyFreightModeHasSourcedDefaultsAndHSRHasNone() {
        let costs = FreightCost.defaults
        #expect(costs[.hsr] == nil)
        #expect(FreightCost.freightModes == [.rail, .expressway, .road, .air, .sea, .river, .connector, .border])
        for mode in FreightCost.freightModes {
            let cost = costs[mode]!
            #expect(!cost.perTonKm.source.isEmpty && !cost.handling.source.isEmpty, "\(mode)")
            #expect(cost.perTonKm.origin == nil && cost.handling.origin == nil)
        }
        #expect(costs[.rail]!.perTonKm.value == 0.1551)
        #expect(costs[.rail]!.perTonKm.source.hasPrefix("NDRC"))
        // Figures derived from another figure say so.
        for mode in [Mode.expressway, .road, .air, .sea, .river] {
            #expect(costs[mode]!.perTonKm.source.hasPrefix("estimate: "), "\(mode)")
        }
    }

    @Test func assumptionsNameEveryFigureAndItsSource() {
        let lines = FreightCost.defaults.assumptions
        #expect(lines.count == FreightCost.freightModes.count)
        #expect(lines[0].hasPrefix("rail: 0.1551 yuan/t-km (NDRC: national-railway average freight rate"))
        #expect(lines[0].contains("; handling 19.2 yuan/t (estimate: one handling operation"))
        #expect(lines[1].hasPrefix("expressway: 0.33 yuan/t-km (estimate: midpoint of 0.233–0.424"))
        #expect(lines[7].hasPrefix("border: 0 yuan/t-km ("))
    }

    @Test func handDerivedArcCosts() {
        let costs = FreightCost.defaults
        // 111 km of rail at 0.1551 yuan/t-km = 17.2161 yuan = 1721.61 fen → 1722.
        #expect(costs.yuanPerTon(.rail, lengthKm: 111).map(FreightCost.fen) == 1722)
        // 111 km of expressway at 0.33 = 36.63 yuan = 3663 fen.
        #expect(costs.yuanPerTon(.expressway, lengthKm: 111).map(FreightCost.fen) == 3663)
        // 500 km by air at 1.3 = 650 yuan = 65000 fen; 2535 km by sea at 0.018 = 45.63 yuan.
        #expect(costs.yuanPerTon(.air, lengthKm: 500).map(FreightCost.fen) == 65_000)
        #expect(costs.yuanPerTon(.sea, lengthKm: 2535).map(FreightCost.fen) == 4563)
        // A city ↔ freight station connector pays one handling, 19.20 yuan; so does a
        // border crossing. Neither has a length.
        let cityToStation = costs.yuanPerTon(.connector, lengthKm: nil, endModes: [[.expressway], [.rail]])
        #expect(cityToStation.map(FreightCost.fen) == 1920)
        #expect(costs.yuanPerTon(.border, lengthKm: nil).map(FreightCost.fen) == 1920)
        // No freight on high-speed rail, nor through a station only HSR serves.
        #expect(costs.yuanPerTon(.hsr, lengthKm: 111) == nil)
        #expect(costs.yuanPerTon(.connector, lengthKm: nil, endModes: [[.expressway], [.hsr]]) == nil)
        // A station served by both HSR and conventional rail handles freight.
        #expect(costs.yuanPerTon(.connector, lengthKm: nil, endModes: [[.road], [.hsr, .rail]]) == 19.20)
    }

    @Test func aConnectorPaysTheDearestHandlingAtItsEnds() {
        let costs = FreightCost.defaults
            .replacing(.sea, with: .init(
                perTonKm: .init(0.018, source: "t"), handling: .init(35, source: "t: port")))
            .replacing(.rail, with: .init(
                perTonKm: .init(0.1551, source: "t"), handling: .init(12, source: "t: siding")))
        // City ↔ port pays sea handling; city ↔ rail station pays the connector's 19.20,
        // which is more than rail's 12; a place with no link but connectors counts nothing.
        #expect(costs.yuanPerTon(.connector, lengthKm: nil, endModes: [[.expressway], [.sea, .rail]]) == 35)
        #expect(costs.yuanPerTon(.connector, lengthKm: nil, endModes: [[.expressway], [.rail]]) == 19.20)
        #expect(costs.yuanPerTon(.connector, lengthKm: nil, endModes: [[], []]) == 19.20)
        // A connector with a length also pays the connector rate (0 by default).
        #expect(costs.yuanPerTon(.connector, lengthKm: 5, endModes: [[.road], [.sea]]) == 35)
    }

    @Test func fenAreRoundedAndNeverTheNoCostSentinel() {
        #expect(FreightCost.fen(0) == 0)
        #expect(FreightCost.fen(0.004) == 0 && FreightCost.fen(0.006) == 1)
        #expect(FreightCost.fen(1e12) == NetworkGraph.noCost - 1)
    }

    // MARK: Cost searches

    func fixture() throws -> NetworkGraph {
        let (network, problems) = NetworkFiles.load(folder: FixturePath.of("networks/costs-freight"))
        #expect(problems.isEmpty, "\(problems)")
        return NetworkGraph(try #require(network))
    }

    /// The best route from a to b by `metric`: its distance and link ids.
    func best(_ net: NetworkGraph, _ metric: NetworkGraph.Metric) -> (Distance, [String]) {
        let s = net.scenario(projects: [])
        let search = DijkstraSearch(net.graph)
        let a = net.node("a")!, b = net.node("b")!
        search.run(from: [a], weights: s.weights(metric), filter: s.filter(for: metric), target: b)
        let links = search.path(to: b)?.arcs.map { net.network.links[net.linkOfArc[Int($0)]].id } ?? []
        return (search.distance(to: b), links)
    }

    @Test func arcCostsOfTheFixture() throws {
        let net = try fixture()
        #expect(net.network.costs == .defaults)  // no costs.csv
        #expect(net.graph.metricNames == ["time", "length", "cost"])
        let cost = net.scenario(projects: []).weights(.cost)
        func fen(_ link: String) -> [Weight] { net.arcsOfLink[net.linkIndex[link]!].map { cost[$0] } }
        #expect(fen("road-ab") == [8250, 8250])
        #expect(fen("rail-ab") == [4033, 4033])
        #expect(fen("conn-a-freight") == [1920, 1920] && fen("conn-b-freight") == [1920, 1920])
        // HSR and the connectors to HSR-only stations carry no freight.
        for link in ["hsr-ab", "conn-a-hsr", "conn-b-hsr"] {
            #expect(fen(link) == [NetworkGraph.noCost, NetworkGraph.noCost], "\(link)")
        }
        #expect(net.freightArcs.count == 8)  // 14 arcs less the six HSR ones
    }

    @Test func cheapestRouteDiffersFromFastest() throws {
        let net = try fixture()
        #expect(best(net, .time) == (6000, ["conn-a-hsr", "hsr-ab", "conn-b-hsr"]))
        #expect(best(net, .cost) == (7873, ["conn-a-freight", "rail-ab", "conn-b-freight"]))
        // Length does not filter: the HSR's 240 km plus its connectors' great circles
        // (43.80, 125.30)–(43.78, 125.28), 2.742813 km each by haversine (Python): 245,486 m,
        // under the 250 km road.
        #expect(best(net, .length) == (245_486, ["conn-a-hsr", "hsr-ab", "conn-b-hsr"]))
    }

    @Test func costSearchesNeverUseHighSpeedRail() throws {
        let net = try fixture()
        let s = net.scenario(projects: [])
        let search = DijkstraSearch(net.graph)
        let a = net.node("a")!, b = net.node("b")!
        // Only HSR and connectors allowed: the freight filter leaves b unreachable.
        let hsrOnly = ArcFilter(graph: net.graph, modes: [Mode.hsr.code, Mode.connector.code])
        search.run(from: [a], weights: s.weights(.cost), filter: s.freightFilter.intersection(hsrOnly))
        #expect(search.distance(to: b) == .unreachable)
        #expect(!search.isSettled(net.node("a-hsr")!))
        // A search that forgets the freight filter still meets the sentinel: the one
        // route it finds costs more than noCost, which means "no freight route".
        search.run(from: [a], weights: s.weights(.cost), filter: s.filter.intersection(hsrOnly))
        #expect(search.distance(to: b) >= Distance(NetworkGraph.noCost))
        // And when a freight route exists it wins even without the freight filter.
        search.run(from: [a], weights: s.weights(.cost), filter: s.filter, target: b)
        #expect(search.distance(to: b) == 7873)
    }

    @Test func upgradesLeaveCostsAlone() throws {
        let (network, _) = NetworkFiles.load(folder: FixturePath.of("networks/tiny"))
        let net = NetworkGraph(try #require(network))
        let base = net.scenario(projects: []), all = net.scenario(projects: net.projectIDs)
        #expect(all.weights(.time) != base.weights(.time))
        #expect(all.weights(.cost) == base.weights(.cost))
        // The freight filter is the scenario's filter less the HSR arcs and connectors.
        #expect(base.filter.count == 8 && base.freightFilter.count == 2)  // the G12 both ways
        #expect(all.freightFilter.count == 4)  // and the new road
        #expect(base.filter(for: .time) == base.filter && base.filter(for: .cost) == base.freightFilter)
    }

    // MARK: costs.csv

    /// Copies the fixture into a temporary folder with `costs` as its `costs.csv` and
    /// loads it; problems with the folder stripped.
    func loadWithCosts(_ costs: String) throws -> (Network?, [String]) {
        let folder = NSTemporaryDirectory() + "corridor-costs-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["places.csv", "links.csv"] {
            try FileManager.default.copyItem(
                atPath: FixturePath.of("networks/costs-freight/" + name), toPath: folder + "/" + name)
        }
        try Data(costs.utf8).write(to: URL(fileURLWithPath: folder + "/costs.csv"))
        let (network, problems) = NetworkFiles.load(folder: folder)
        return (network, problems.map { "\($0)".replacingOccurrences(of: folder + "/", with: "") })
    }

    @Test func overridesReplaceTheGivenFiguresOnly() throws {
        let (loaded, problems) = try loadWithCosts("""
            mode,yuan_per_tkm,handling_yuan_per_t,source
            rail,,30,planner: 2024 quote for wagon loading at both stations
            expressway,0.4,,planner: 2024 trucking quotes

            """)
        #expect(problems.isEmpty, "\(problems)")
        let network = try #require(loaded)
        let rail = try #require(network.costs[.rail])
        #expect(rail.perTonKm == FreightCost.defaults[.rail]!.perTonKm)  // left empty: default kept
        #expect(rail.handling.value == 30 && rail.handling.source.hasPrefix("planner: 2024 quote"))
        #expect(rail.handling.origin?.line == 2 && rail.handling.origin?.columns["handling_yuan_per_t"] == 7)
        #expect(network.costs[.expressway]!.perTonKm.value == 0.4)
        #expect(network.costs[.road] == FreightCost.defaults[.road])
        // Road 250 × 40 = 10000 fen; rail 3000 + 4033 + 3000 = 10033: now the road wins.
        let net = NetworkGraph(network)
        #expect(best(net, .cost) == (10_000, ["road-ab"]))
    }

    @Test func everyCostsFileProblemIsLocated() throws {
        let (loaded, problems) = try loadWithCosts("""
            mode,yuan_per_tkm,handling_yuan_per_t,source
            railz,0.2,,t
            高铁,0.5,,t
            road,0.3x,,t
            sea,,-2,t
            air,,,t
            river,0.05,,
            rail,0.18,,t
            普铁,0.2,,t

            """)
        #expect(problems == [
            "costs.csv:2:1: error: unknown mode \"railz\" (did you mean \"rail\"?) (one of: rail, expressway, road, air, sea, river, connector, border)",
            "costs.csv:3:1: error: hsr carries no freight: high-speed rail has no cost, and cost searches leave it out",
            "costs.csv:4:6: error: yuan_per_tkm \"0.3x\" is not a number",
            "costs.csv:5:6: error: handling_yuan_per_t -2.0 is negative",
            "costs.csv:6:5: error: give yuan_per_tkm or handling_yuan_per_t",
            "costs.csv:7:13: error: missing source",
            "costs.csv:9:1: error: duplicate mode \"rail\" (first on line 8)",
        ])
        // Rows with a problem are left out whole; the good row applies.
        let costs = try #require(loaded).costs
        #expect(costs[.rail]!.perTonKm.value == 0.18 && costs[.rail]!.perTonKm.origin?.line == 8)
        for mode in [Mode.road, .sea, .air, .river] { #expect(costs[mode] == FreightCost.defaults[mode]) }
    }

    @Test func costsFileHeaderProblems() throws {
        // A misspelt column is reported and ignored; the rest of the row still applies.
        let (loaded, problems) = try loadWithCosts("mode,yuan_per_km,handling_yuan_per_t,source\nrail,0.2,30,t\n")
        #expect(problems == [
            "costs.csv:1:6: error: unknown column \"yuan_per_km\" (did you mean \"yuan_per_tkm\"?)",
        ])
        let rail = try #require(loaded).costs[.rail]!
        #expect(rail.perTonKm == FreightCost.defaults[.rail]!.perTonKm && rail.handling.value == 30)
    }
}
