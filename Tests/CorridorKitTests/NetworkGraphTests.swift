import Foundation
import CorridorCore
import CorridorKit
import Testing
import TestSupport

/// The tiny fixture network built into a graph, with answers worked out by hand from its
/// CSV files (Fixtures/networks/tiny):
///
///     changchun ──G12 expressway 111 km @ 100 km/h = 66.6 min── jilin
///        │ 20 min connector                      15 min connector │
///     changchun-st ────── intercity HSR 38 min (30 after hsr-speedup) ── jilin-st
///     changchun ── planned road (new-road) 120 km @ 80 km/h = 90 min ── jilin
@Suite struct NetworkGraphTests {
    func tiny() throws -> NetworkGraph {
        let (network, problems) = NetworkFiles.load(folder: FixturePath.of("networks/tiny"))
        #expect(problems.isEmpty)
        return NetworkGraph(try #require(network))
    }

    @Test func layout() throws {
        let net = try tiny()
        #expect(net.graph.nodeCount == 4)
        #expect(net.graph.arcCount == 10)  // five two-way links
        #expect(net.graph.metricNames == ["time", "length", "cost"])
        #expect(net.node("jilin-st") == 3 && net.node("nowhere") == nil)
        // The expressway: 66.6 min = 3996 s, 111 km = 111000 m, both directions.
        let g12 = net.arcsOfLink[0]
        #expect(g12.count == 2)
        #expect(g12.map { net.graph.metrics[0][Int($0)] } == [3996, 3996])
        #expect(g12.map { net.graph.metrics[1][Int($0)] } == [111_000, 111_000])
        // Freight: 111 km × 0.33 yuan/t-km = 36.63 yuan = 3663 fen per ton.
        #expect(g12.map { net.graph.metrics[2][Int($0)] } == [3663, 3663])
        #expect(g12.map { net.graph.mode[Int($0)] } == [Mode.expressway.code, Mode.expressway.code])
        // The planned road is flagged, and a connector without a length counts the
        // great circle between its ends: 长春 (43.8171, 125.3235) to 长春站 (43.9069,
        // 125.3186) is 9.993043 km on the 6371.0088 km sphere (haversine, by Python).
        #expect(net.arcsOfLink[4].allSatisfy { net.graph.flags[Int($0)] == NetworkGraph.plannedFlag })
        #expect(net.graph.metrics[1][Int(net.arcsOfLink[1][0])] == 9993)
        // That connector leads to a station only HSR serves: no freight, like the HSR.
        #expect(net.graph.metrics[2][Int(net.arcsOfLink[1][0])] == NetworkGraph.noCost)
        #expect(net.graph.metrics[2][Int(net.arcsOfLink[3][0])] == NetworkGraph.noCost)
    }

    @Test func scenariosChangeTheFastestRoute() throws {
        let net = try tiny()
        let search = DijkstraSearch(net.graph)
        let cc = net.node("changchun")!, jl = net.node("jilin")!
        func fastest(_ projects: [String]) -> (Distance, [String]) {
            let s = net.scenario(projects: projects)
            search.run(from: [cc], weights: s.weights(.time), filter: s.filter, target: jl)
            let links = search.path(to: jl)!.arcs.map { net.network.links[net.linkOfArc[Int($0)]].id }
            return (search.distance(to: jl), links)
        }
        // Base: expressway 3996 s beats HSR 1200 + 2280 + 900 = 4380 s.
        #expect(fastest([]) == (3996, ["cc-jl-g12"]))
        // With the speed-up the HSR takes 1200 + 1800 + 900 = 3900 s and wins.
        #expect(fastest(["hsr-speedup"]) == (3900, ["cc-st", "cc-jl-hsr", "jl-st"]))
        // The new road (5400 s) changes nothing; all projects = the speed-up's answer.
        #expect(fastest(["new-road"]) == (3996, ["cc-jl-g12"]))
        #expect(fastest(net.projectIDs) == (3900, ["cc-st", "cc-jl-hsr", "jl-st"]))
    }

    @Test func baseFilterLeavesPlannedArcsOut() throws {
        let net = try tiny()
        #expect(net.scenario(projects: []).filter.count == 8)
        #expect(net.scenario(projects: ["new-road"]).filter.count == 10)
        // The speed-up changes only the two HSR arcs' times, not lengths.
        let up = net.scenario(projects: ["hsr-speedup"])
        let base = net.scenario(projects: [])
        let changed = (0 ..< ArcID(net.graph.arcCount)).filter { up.weights(.time)[$0] != base.weights(.time)[$0] }
        #expect(Set(changed) == Set(net.arcsOfLink[3]))
        #expect(changed.allSatisfy { up.weights(.time)[$0] == 1800 })
        #expect(up.weights(.length) == base.weights(.length))
        #expect(up.weights(.cost) == base.weights(.cost))
    }
}

/// One-way links become one arc; the `oneway` column takes yes/no (and 是/否).
@Suite struct OneWayLinkTests {
    @Test func oneWayLinks() throws {
        let folder = NSTemporaryDirectory() + "corridor-oneway-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("""
            id,name_zh,name_en,kind,lat,lon,coord_source
            a,甲,A,town,43.0,125.0,t
            b,乙,B,town,43.0,125.1,t

            """.utf8).write(to: URL(fileURLWithPath: folder + "/places.csv"))
        try Data("""
            id,from,to,mode,length_km,minutes,oneway,status,source
            ab,a,b,road,10,10,yes,existing,t
            ba,b,a,road,12,15,是,existing,t
            bad,a,b,road,10,10,maybe,existing,t

            """.utf8).write(to: URL(fileURLWithPath: folder + "/links.csv"))
        let (loaded, problems) = NetworkFiles.load(folder: folder)
        #expect(problems.map { "\($0)".replacingOccurrences(of: folder + "/", with: "") } == [
            "links.csv:4:20: error: unknown oneway \"maybe\" (one of: yes, no)",
        ])
        let net = NetworkGraph(try #require(loaded))
        // The bad row is reported and left out; the two one-way links are one arc each.
        #expect(net.network.links.map(\.id) == ["ab", "ba"])
        #expect(net.graph.arcCount == 2)
        let s = DijkstraSearch(net.graph)
        let base = net.scenario(projects: [])
        s.run(from: [net.node("a")!], weights: base.weights(.time), filter: base.filter)
        #expect(s.distance(to: net.node("b")!) == 600)  // 10 min by ab
        s.run(from: [net.node("b")!], weights: base.weights(.time), filter: base.filter)
        #expect(s.distance(to: net.node("a")!) == 900)  // only ba goes back: 15 min
    }
}

/// The `service` column: a freight-only link carries no trips, a passenger-only one no
/// freight (Fixtures/networks/tiny with G12 made freight-only).
@Suite struct LinkServiceTests {
    @Test func freightOnlyLinksCarryNoTrips() throws {
        let folder = NSTemporaryDirectory() + "corridor-service-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: FixturePath.of("networks/tiny"), toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var links = try String(contentsOfFile: folder + "/links.csv", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        links[0] += ",service"
        for i in links.indices.dropFirst() { links[i] += links[i].hasPrefix("cc-jl-g12,") ? ",freight" : "," }
        try (links.joined(separator: "\n") + "\n").write(toFile: folder + "/links.csv", atomically: true, encoding: .utf8)
        let (network, problems) = NetworkFiles.load(folder: folder)
        #expect(problems.isEmpty)
        let net = NetworkGraph(try #require(network))
        #expect(net.network.links.map(\.service) == [.freight, .both, .both, .both, .both])
        let base = net.scenario(projects: [])
        // A trip 长春 → 吉林 cannot take G12 (66.6 min): the HSR door to door, 20 + 38 + 15 = 73.
        let trip = try #require(net.routes(from: 0, to: 1, metric: .time, scenario: base).first)
        #expect(trip.minutes == 73)
        // Freight can, and must: the HSR carries none. 111 km × 0.33 yuan = 36.63 yuan/t.
        let freight = try #require(net.routes(from: 0, to: 1, metric: .cost, scenario: base).first)
        #expect(freight.links.map { net.network.links[$0].id } == ["cc-jl-g12"])
        #expect(abs(freight.cost! - 36.63) < 0.005)
        // A word other than freight, passenger or both is an error naming the column.
        try (links.joined(separator: "\n").replacingOccurrences(of: ",freight", with: ",goods") + "\n")
            .write(toFile: folder + "/links.csv", atomically: true, encoding: .utf8)
        let (_, bad) = NetworkFiles.load(folder: folder)
        #expect(bad.map(\.message) == ["unknown service \"goods\" (one of: both, freight, passenger)"])
    }
}
