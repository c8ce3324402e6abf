import CorridorCore
@testable import CorridorKit
import Testing
import TestSupport

/// Reach on the drawn network of Fixtures/networks/reach, whose README works every
/// answer out by hand.
@Suite struct ReachTests {
    static func fixture() throws -> NetworkGraph {
        let (network, problems) = NetworkFiles.load(folder: FixturePath.of("networks/reach"))
        #expect(problems.isEmpty, "\(problems)")
        return NetworkGraph(try #require(network))
    }

    func index(_ net: NetworkGraph, _ id: String) -> Int {
        net.network.places.firstIndex { $0.id == id }!
    }

    func values(_ net: NetworkGraph, _ reach: Reach) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: reach.places.map { (net.network.places[$0.place].id, $0.value) })
    }

    func bands(_ net: NetworkGraph, _ reach: Reach) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: reach.places.map {
            (net.network.places[$0.place].id, reach.thresholds[$0.band])
        })
    }

    @Test func forwardBandsIncludeTheirBoundary() throws {
        let net = try Self.fixture()
        let r = net.reach(from: [index(net, "a")], within: [120, 30, 60], scenario: net.scenario(projects: []))
        #expect(r.thresholds == [30, 60, 120])
        #expect(values(net, r) == ["a": 0, "b": 30, "x": 60, "c": 60, "d": 100, "e": 120])
        #expect(bands(net, r) == ["a": 30, "b": 30, "x": 60, "c": 60, "d": 120, "e": 120])
        // Nearest first; ties (x and c at 60) in place order: c (3rd) before x (7th).
        #expect(r.places.map { net.network.places[$0.place].id } == ["a", "b", "c", "x", "d", "e"])
        #expect(r.places.allSatisfy { $0.origin == index(net, "a") })
    }

    @Test func linksAreCutWhereTheBudgetRunsOut() throws {
        let net = try Self.fixture()
        let r = net.reach(from: [index(net, "a")], within: [30, 60, 120], scenario: net.scenario(projects: []))
        let pieces = Dictionary(uniqueKeysWithValues: r.links.map { (net.network.links[$0.link].id, $0.pieces) })
        // cg: entered at c (60) with 60 of its 80 minutes left: 0.75 of the way to g.
        #expect(pieces["cg"] == [0 ... 0.75])
        #expect(pieces["de"] == [0 ... 1] && pieces["ab"] == [0 ... 1] && pieces["xb"] == [0 ... 1])
        // bc-rail: from b (30) it needs 35 of the 90 left: whole.
        #expect(pieces["bc-rail"] == [0 ... 1])
        // ef is entered at e with nothing left, f never: not covered at all.
        #expect(pieces["ef"] == nil)
    }

    @Test func reverseIsTheCatchmentAndRespectsOneWayLinks() throws {
        let net = try Self.fixture()
        let r = net.reach(
            from: [index(net, "a")], within: [30, 60, 120], scenario: net.scenario(projects: []),
            direction: .backward)
        // e cannot get back: de runs d→e only.
        #expect(values(net, r) == ["a": 0, "b": 30, "x": 60, "c": 60, "d": 100])
        let pieces = Dictionary(uniqueKeysWithValues: r.links.map { (net.network.links[$0.link].id, $0.pieces) })
        #expect(pieces["cg"] == [0 ... 0.75])   // from g towards c, the last 60 of 80 minutes
        #expect(pieces["de"] == nil)            // d→e leads away from a
    }

    @Test func severalOriginsTieInPlaceOrder() throws {
        let net = try Self.fixture()
        let a = index(net, "a"), x = index(net, "x")
        let r = net.reach(from: [a, x], within: [60], scenario: net.scenario(projects: []))
        let origin = Dictionary(uniqueKeysWithValues: r.places.map { (net.network.places[$0.place].id, $0.origin) })
        #expect(values(net, r) == ["a": 0, "x": 0, "b": 30, "c": 60])
        #expect(origin == ["a": a, "x": x, "b": a, "c": a])
        // The order of listing does not matter: both sources are at 0 and settle in place
        // order, so a relaxes b first whatever the order given.
        let r2 = net.reach(from: [x, a], within: [60], scenario: net.scenario(projects: []))
        #expect(r2.places.first { net.network.places[$0.place].id == "b" }?.origin == a)
    }

    @Test func modesAndTransfers() throws {
        let net = try Self.fixture()
        let r = net.reach(
            from: [index(net, "a")], within: [120], scenario: net.scenario(projects: []), modes: [.rail])
        // Only rail (and connectors) allowed: a has no rail link, so a reaches nothing else.
        #expect(values(net, r) == ["a": 0])
        let byRoad = net.reach(from: [index(net, "a")], within: [120], scenario: net.scenario(projects: []))
        #expect(byRoad.places.first { net.network.places[$0.place].id == "e" }?.modes == [.road])
        #expect(byRoad.places.allSatisfy { $0.transfers == 0 })
        // Counting by hand: one drive across a border is no change; a drive, a connector
        // and a train is one; expressway into trunk road is one drive.
        #expect(NetworkGraph.modesAndTransfers([.road, .border, .road]) == ([.road, .border, .road], 0))
        #expect(NetworkGraph.modesAndTransfers([.expressway, .road, .connector, .rail]) == ([.expressway, .road, .rail], 1))
        #expect(NetworkGraph.modesAndTransfers([.road, .border, .connector, .rail, .rail]) == ([.road, .border, .rail], 1))
    }

    @Test func comparisonFindsGainsAndLosses() throws {
        let net = try Self.fixture()
        let a = index(net, "a")
        let all = net.reach(from: [a], within: [30, 60, 120], scenario: net.scenario(projects: []))
        let rail = net.reach(from: [a], within: [30, 60, 120], scenario: net.scenario(projects: []), modes: [.road])
        let change = ReachComparison(before: rail, after: all)
        // Dropping rail changes nothing here (road is faster everywhere): no gains, no deltas.
        #expect(change.gained(band: 2).isEmpty && change.lost(band: 2).isEmpty)
        #expect(change.places.allSatisfy { $0.delta == 0 })
    }
}
