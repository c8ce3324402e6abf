import CorridorCore
import CorridorKit
import Testing
import TestSupport

/// Routes on the drawn network of Fixtures/networks/reach (answers in its README) and on
/// the tiny network (Fixtures/networks/tiny, answers in NetworkGraphTests).
@Suite struct RouteTests {
    func fixture(_ name: String) throws -> NetworkGraph {
        let (network, problems) = NetworkFiles.load(folder: FixturePath.of("networks/\(name)"))
        #expect(problems.isEmpty, "\(problems)")
        return NetworkGraph(try #require(network))
    }

    func ids(_ net: NetworkGraph, links: [Int]) -> [String] { links.map { net.network.links[$0].id } }

    @Test func fastestAndTheNextDifferentRoute() throws {
        let net = try fixture("reach")
        let names = PlaceResolver(net.network.places)
        let a = try names.resolve("a"), c = try names.resolve("丙")
        let routes = net.routes(from: a, to: c, scenario: net.scenario(projects: []), alternatives: 2)
        // Only two loopless routes exist from a to c.
        #expect(routes.count == 2)
        #expect(ids(net, links: routes[0].links) == ["ab", "bc"])
        #expect(routes[0].minutes == 60 && routes[0].km == 20 && routes[0].legs.count == 1)
        #expect(routes[0].legs[0].mode == .road && routes[0].transfers == 0)
        #expect(ids(net, links: routes[1].links) == ["ab", "bc-rail"])
        #expect(routes[1].minutes == 65 && routes[1].km == 21)
        #expect(routes[1].legs.map(\.mode) == [.road, .rail] && routes[1].transfers == 1)
        // Costs: 20 km road × 0.33 = 6.60; 10 km road (3.30) + 11 km rail × 0.1551 (1.71).
        #expect(routes[0].cost == 6.6 && routes[1].cost == 5.01)
    }

    /// A via place ends a leg even where the mode goes on: in the bundled network 九台 lies
    /// on a trunk road off G12 at 西营城 (links.csv: ex-g12-…-xiyingcheng,
    /// rd-jiutai-xiyingcheng), so 长春 → 吉林 via 九台 drives out to 九台 and back, and the
    /// legs must show 九台, not one road leg from 西营城 to 西营城.
    @Test func viaPlacesEndLegs() throws {
        let (network, _) = NetworkFiles.load(folder: FixturePath.repositoryRoot + "/Networks/jilin")
        let net = NetworkGraph(try #require(network))
        let names = PlaceResolver(net.network.places)
        let route = try #require(net.routes(
            from: try names.resolve("长春"), to: try names.resolve("吉林"), via: [try names.resolve("九台")],
            scenario: net.scenario(projects: [])).first)
        let ends = route.legs.map { "\(net.network.places[$0.from].id)>\(net.network.places[$0.to].id)" }
        #expect(ends == ["changchun>xiyingcheng", "xiyingcheng>jiutai", "jiutai>xiyingcheng", "xiyingcheng>jilin"])
        #expect(route.legs.map(\.mode) == [.expressway, .road, .road, .expressway])
        // A via place splits a leg but changes no vehicle: 长春站 → 吉林站 → 蛟河西站 by HSR
        // is two HSR legs, 0 transfers, as without the via.
        let st = { (name: String) in try names.resolve(name) }
        let byRail = try #require(net.routes(
            from: st("长春站"), to: st("蛟河西站"), via: [st("吉林站")], scenario: net.scenario(projects: []), modes: [.hsr]).first)
        #expect(byRail.legs.map(\.mode) == [.hsr, .hsr] && byRail.transfers == 0)
    }

    /// The best route is the same whether alternatives are asked for or not (Yen's first
    /// path may be another of equal weight), for every metric, on bundled-network pairs.
    @Test func theBestRouteDoesNotDependOnAlternatives() throws {
        let (network, _) = NetworkFiles.load(folder: FixturePath.repositoryRoot + "/Networks/jilin")
        let net = NetworkGraph(try #require(network))
        let names = PlaceResolver(net.network.places)
        let pairs = [("长春", "吉林"), ("长春", "延吉"), ("白城", "通化"), ("长春", "大连港"), ("四平", "白山")]
        for (a, b) in pairs {
            for metric in NetworkGraph.Metric.allCases {
                let s = net.scenario(projects: [])
                let (from, to) = (try names.resolve(a), try names.resolve(b))
                let alone = net.routes(from: from, to: to, metric: metric, scenario: s).first
                let first = net.routes(from: from, to: to, metric: metric, scenario: s, alternatives: 3).first
                #expect(alone?.links == first?.links, "\(a) → \(b) by \(metric)")
                // And it is the shortest: a plain search of the graph gives its value.
                let search = DijkstraSearch(net.graph)
                search.run(from: [NodeID(from)], weights: s.weights(metric), filter: s.filter(for: metric), target: NodeID(to))
                if let route = first, let value = route.value(metric) {
                    #expect(abs(metric.shown(search.distance(to: NodeID(to))) - value) < 0.05, "\(a) → \(b) by \(metric)")
                }
            }
        }
    }

    /// A freight shipment may be routed by time (`freight`: freight-only lines and sea
    /// routes allowed): 长春 → 宁波舟山港 has no trip at all, only freight gets there (the sea
    /// routes are freight, README). Each flight or voyage is a leg of its own: a second one
    /// in a row is a change of plane or ship, counted as a transfer.
    @Test func freightByTimeAndOneLegPerFlight() throws {
        let (network, _) = NetworkFiles.load(folder: FixturePath.repositoryRoot + "/Networks/jilin")
        let net = NetworkGraph(try #require(network))
        let names = PlaceResolver(net.network.places)
        let (from, to) = (try names.resolve("长春"), try names.resolve("宁波舟山港"))
        let base = net.scenario(projects: [])
        #expect(net.routes(from: from, to: to, scenario: base).isEmpty)
        let route = try #require(net.routes(from: from, to: to, scenario: base, freight: true).first)
        #expect(route.legs.last?.mode == .sea && route.cost != nil)
        for leg in route.legs where leg.mode == .air || leg.mode == .sea { #expect(leg.links.count == 1) }
        let flights = route.legs.filter { $0.mode == .air }.count
        #expect(flights < 2 || route.transfers >= flights)
    }

    @Test func cheapestTakesTheRail() throws {
        let net = try fixture("reach")
        let routes = net.routes(from: 0, to: 2, metric: .cost, scenario: net.scenario(projects: []))
        #expect(ids(net, links: routes[0].links) == ["ab", "bc-rail"])
        #expect(routes[0].value(.cost) == 5.01)
    }

    @Test func viaAndUnreachable() throws {
        let net = try fixture("reach")
        let names = PlaceResolver(net.network.places)
        let a = try names.resolve("a"), x = try names.resolve("X"), d = try names.resolve("d")
        let via = net.routes(from: a, to: d, via: [x], scenario: net.scenario(projects: []))
        #expect(ids(net, links: via[0].links) == ["ab", "xb", "xb", "bc", "cd"])
        #expect(via[0].minutes == 30 + 30 + 30 + 30 + 40)
        // e → a is impossible: de is one-way.
        #expect(net.routes(from: try names.resolve("e"), to: a, scenario: net.scenario(projects: [])).isEmpty)
    }

    @Test func scenarioChangesTheRoute() throws {
        let net = try fixture("tiny")
        let cc = try PlaceResolver(net.network.places).resolve("Changchun")
        let jl = try PlaceResolver(net.network.places).resolve("吉林")
        // Base: the expressway, 66.6 min; with the speed-up the HSR, 20 + 30 + 15 = 65 min.
        let base = net.routes(from: cc, to: jl, scenario: net.scenario(projects: []))
        #expect(ids(net, links: base[0].links) == ["cc-jl-g12"])
        #expect(abs(base[0].minutes - 66.6) < 1e-9)
        let up = net.routes(from: cc, to: jl, scenario: net.scenario(projects: ["hsr-speedup"]))
        #expect(ids(net, links: up[0].links) == ["cc-st", "cc-jl-hsr", "jl-st"])
        #expect(up[0].minutes == 65)
        #expect(up[0].legs.map(\.mode) == [.connector, .hsr, .connector] && up[0].transfers == 0)
        #expect(up[0].cost == nil)  // HSR carries no freight
    }

    /// 长春 → 吉林 with five alternatives: none leaves 长春 and comes back to it (by road
    /// to 范家屯, then rail back into 长春站) — checked with the places' own parents.
    @Test func alternativesDoNotDoubleBack() throws {
        let (network, _) = NetworkFiles.load(folder: FixturePath.repositoryRoot + "/Networks/jilin")
        let net = NetworkGraph(try #require(network))
        let names = PlaceResolver(net.network.places)
        let routes = net.routes(from: try names.resolve("长春"), to: try names.resolve("吉林"),
                                scenario: net.scenario(projects: []), alternatives: 5)
        #expect(routes.count == 6)
        for route in routes {
            var settlements: [String] = []
            for i in route.places {
                let p = net.network.places[i]
                let s = [.station, .airport, .port].contains(p.kind) ? (p.parent ?? p.id) : p.id
                if settlements.last != s { settlements.append(s) }
            }
            #expect(Set(settlements).count == settlements.count, "\(settlements)")
        }
    }

    @Test func aRouteFreightCannotTakeShowsNoHandlingCost() throws {
        let (network, _) = NetworkFiles.load(folder: FixturePath.repositoryRoot + "/Networks/jilin")
        let net = NetworkGraph(try #require(network))
        let names = PlaceResolver(net.network.places)
        // With every project, 长春 → 通化 fastest is the 沈白 HSR, through 长春站 and
        // 通化站; both stations also serve conventional rail, so their connectors have a
        // handling charge — which a route that freight cannot take must not show.
        let all = net.scenario(projects: net.network.projects.map(\.id))
        let route = try #require(net.routes(from: try names.resolve("长春"), to: try names.resolve("通化"),
                                            scenario: all).first)
        #expect(route.legs.map(\.mode) == [.connector, .hsr, .connector])
        #expect(route.cost == nil)
        #expect(route.legs.allSatisfy { $0.cost == nil })
    }
}

@Suite struct PlaceResolverTests {
    static let places: [Place] = {
        let (network, _) = NetworkFiles.load(folder: FixturePath.repositoryRoot + "/Networks/jilin")
        return network!.places
    }()

    @Test func idsNamesAndPinyin() throws {
        let r = PlaceResolver(Self.places)
        let id = { (i: Int) in Self.places[i].id }
        #expect(id(try r.resolve("changchun")) == "changchun")
        #expect(id(try r.resolve("长春")) == "changchun")
        #expect(id(try r.resolve("CHANGCHUN")) == "changchun")
        #expect(id(try r.resolve("长春市")) == "changchun")
        #expect(id(try r.resolve("长春站")) == "changchun-st")
        #expect(id(try r.resolve("延吉西")) == "yanjixi-st")
        #expect(id(try r.resolve("nongan")) == "nongan")
        #expect(id(try r.resolve("Nong'an")) == "nongan")
        #expect(id(try r.resolve(" 吉林 ")) == "jilin")
    }

    /// A facility's word (机场, 站, 港, 口岸) means a facility, never the city: the bundled
    /// network's places.csv names 长春龙嘉国际机场 (cgq), 通化三源浦机场 (tnh), 四平机场（规划）,
    /// 营口港鲅鱼圈港区 and two 白山 stations (白山市站, 白山东站).
    @Test func facilityWordsMeanFacilities() throws {
        let r = PlaceResolver(Self.places)
        let id = { (i: Int) in Self.places[i].id }
        #expect(id(try r.resolve("长春机场")) == "cgq")
        #expect(id(try r.resolve("通化机场")) == "tnh")
        #expect(id(try r.resolve("四平机场")) == "siping-airport")
        #expect(id(try r.resolve("营口港")) == "yingkou-port")
        #expect(Self.places[try r.resolve("珲春口岸")].kind == .border)
        // A name the facility's holds but does not start with; English facility words.
        #expect(id(try r.resolve("龙嘉机场")) == "cgq")
        #expect(id(try r.resolve("三源浦机场")) == "tnh")
        #expect(id(try r.resolve("鲅鱼圈港")) == "yingkou-port")
        #expect(id(try r.resolve("Changchun Airport")) == "cgq")
        #expect(id(try r.resolve("yanji airport")) == "ynj")
        #expect(Self.places[try r.resolve("图们码头")].kind == .port)
        // ASCII brackets and full-width letters, as a Chinese keyboard may type them.
        #expect(id(try r.resolve("抚顺站(沈白高铁)")) == "fushun-hsr-st")
        #expect(id(try r.resolve("Ｃｈａｎｇｃｈｕｎ")) == "changchun")
        // An unknown name that a place's Chinese name holds suggests that place first.
        #expect(throws: Diagnostic(
            file: "place", message: "unknown place \"长岭子\" (did you mean \"changlingzi\" (珲春（长岭子）公路口岸) or \"changling\" (长岭)?)"
        )) { try r.resolve("长岭子") }
        #expect(throws: Diagnostic(
            file: "place",
            message: "\"白山站\" is ambiguous: it names baishan-st (白山市站, station), baishandong-st (白山东站, station); use the id"
        )) { try r.resolve("白山站") }
        // A network with the city 长春 and no airport: 长春机场 is unknown, not the city.
        let city = try #require(Self.places.first { $0.id == "changchun" })
        #expect(throws: (any Error).self) { try PlaceResolver([city]).resolve("长春机场") }
    }

    /// A name without its bracketed qualifier: places.csv names 西营城（九台） (xiyingcheng)
    /// and 珲春（长岭子）公路口岸 (changlingzi); a qualifier shared by nothing else is enough.
    /// Two places whose names differ only in their qualifier stay ambiguous.
    @Test func namesWithoutTheirQualifier() throws {
        let r = PlaceResolver(Self.places)
        let id = { (i: Int) in Self.places[i].id }
        #expect(id(try r.resolve("西营城")) == "xiyingcheng")
        #expect(id(try r.resolve("Xiyingcheng")) == "xiyingcheng")
        #expect(id(try r.resolve("珲春公路口岸")) == "changlingzi")
        let (fixture, _) = NetworkFiles.load(folder: FixturePath.of("networks/ambiguous"))
        let towns = try #require(fixture).places  // Xinhua (Tongyu), Xinhua (Hunchun)
        #expect(throws: Diagnostic(
            file: "place",
            message: "\"xinhua\" is ambiguous: it names xinhua-tongyu (新华, town), xinhua-hunchun (新华, town); use the id"
        )) { try PlaceResolver(towns).resolve("xinhua") }
    }

    @Test func unknownAndEmptyNames() {
        let r = PlaceResolver(Self.places)
        #expect(throws: Diagnostic(file: "--from", message: "unknown place \"changchn\" (did you mean \"changchun\" (长春)?)")) {
            try r.resolve("changchn", what: "--from")
        }
        #expect(throws: Diagnostic(file: "--to", message: "empty place name")) { try r.resolve("  ", what: "--to") }
    }

    @Test func ambiguousNamesListTheCandidates() throws {
        let changchun = try #require(Self.places.first { $0.id == "changchun" })
        let places = [changchun, Self.places.first { $0.id == "jilin" }!] + [changchun].map {
            var p = $0
            p.id = "changchun-2"
            p.kind = .town
            return p
        }
        #expect(throws: Diagnostic(
            file: "place",
            message: "\"长春\" is ambiguous: it names changchun (长春, prefecture), changchun-2 (长春, town); use the id"
        )) { try PlaceResolver(places).resolve("长春") }
    }
}
