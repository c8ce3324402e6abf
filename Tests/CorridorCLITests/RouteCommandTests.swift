import CorridorCLI
import Foundation
import Testing
import TestSupport

/// `corridor route`, in-process. Expected values are worked out by hand from the fixture
/// CSVs (Fixtures/networks/tiny, Fixtures/networks/reach and their READMEs) or come from
/// scipy (Fixtures/dimacs/rome99-reference.csv).
@Suite struct RouteCommandTests {
    func run(_ args: [String]) -> (Int32, String, String) {
        let console = Console()
        let status = Corridor.run(args, console: console)
        return (status, console.output, console.errors)
    }

    static let tiny = FixturePath.of("networks/tiny")
    static let drawn = FixturePath.of("networks/reach")

    /// The expressway, 111 km at 100 km/h = 66.6 min; freight 111 km × 0.33 = 36.63 yuan/t.
    /// What validate would warn about is said once, on stderr; the answer still comes.
    /// (Fixtures/networks/invalid/minutes-speed-disagree: one warning, by hand in its README.)
    @Test func networkWarningsAreNoted() {
        let (status, out, err) = run(["route", FixturePath.of("networks/invalid/minutes-speed-disagree"), "--from", "长春", "--to", "吉林"])
        #expect(status == 0 && !out.isEmpty)
        #expect(err.hasPrefix("corridor route: note: the network has 1 warning that does not stop this command but may bend its answers; "
            + "'corridor validate "), "\(err)")
    }

    @Test func fastestRouteAsCSV() {
        let (status, out, err) = run(["route", Self.tiny, "--from", "长春", "--to", "Jilin", "--format", "csv"])
        #expect(status == 0 && err.isEmpty)
        #expect(out == """
            route,leg,mode,from,from_name,to,to_name,km,minutes,yuan_per_t
            1,1,expressway,changchun,长春,jilin,吉林,111,66.6,36.63
            1,total,,changchun,长春,jilin,吉林,111,66.6,36.63

            """)
        // `--modes all`, alone or in a list, is every mode: the same answer.
        for modes in ["all", "hsr,all", "ALL"] {
            #expect(run(["route", Self.tiny, "--from", "长春", "--to", "Jilin", "--format", "csv", "--modes", modes]).1 == out)
        }
        // Only rail modes: the HSR, 20 + 38 + 15 = 73 min in the base scenario; its
        // connectors have no length, so each counts the great circle between its ends
        // (haversine by Python: 9.993 km and 1.980 km): 111 + 9.993 + 1.98 = 122.973 km.
        #expect(run(["route", Self.tiny, "--from", "长春", "--to", "Jilin", "--format", "csv", "--modes", "hsr"]).1
            .contains("1,total,,changchun,长春,jilin,吉林,122.973,73,\n"))
    }

    /// With the speed-up, the HSR: 20 + 30 + 15 = 65 min door to door; no freight on HSR.
    @Test func scenarioAndJSON() throws {
        let (status, out, _) = run(["route", Self.tiny, "--from", "changchun", "--to", "jilin",
                                    "--scenario", "hsr-speedup", "--format", "json"])
        #expect(status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let route = try #require((json["routes"] as? [[String: Any]])?.first)
        #expect(route["minutes"] as? Double == 65)
        #expect(route["yuan_per_t"] is NSNull)
        #expect((route["legs"] as? [[String: Any]])?.map { $0["mode"] as? String } == ["connector", "hsr", "connector"])
        #expect(json["projects"] as? [String] == ["hsr-speedup"])
    }

    /// The drawn network's two routes a→c (README): road 60 min; road + rail 65 min.
    @Test func alternativesAndTable() {
        let (status, out, _) = run(["route", Self.drawn, "--from", "a", "--to", "丙", "--alternatives", "3"])
        #expect(status == 0)
        #expect(out.contains("route 1: 60 min, 20 km, 6.6 yuan/t, 0 transfers"))
        #expect(out.contains("route 2: 65 min, 21 km, 5.01 yuan/t, 1 transfer"))
        #expect(!out.contains("route 3"))
        // By cost the rail route comes first.
        let (_, cheap, _) = run(["route", Self.drawn, "--from", "a", "--to", "c", "--by", "cost", "--format", "csv"])
        #expect(cheap.contains("1,2,rail,b,乙,c,丙,11,35,1.71"))
    }

    @Test func noRouteIsAFinding() {
        let (status, out, err) = run(["route", Self.drawn, "--from", "e", "--to", "a"])
        #expect(status == 1 && err.isEmpty)
        #expect(out == "no route from 戊 (e) to 甲 (a) (by time, scenario base)\n")
    }

    @Test func dimacsRoutesAgreeWithScipy() throws {
        let gr = FixturePath.of("dimacs/rome99.gr")
        let reference = try String(contentsOfFile: FixturePath.of("dimacs/rome99-reference.csv"), encoding: .utf8)
        let routes = reference.split(separator: "\n").map { $0.split(separator: ",") }.filter { $0.first == "route" }
        #expect(routes.count == 24)
        for row in routes {
            let (status, out, err) = run(["route", gr, "--from", String(row[1]), "--to", String(row[2]), "--format", "json"])
            #expect(status == 0, "\(err)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
            let cost = (json["routes"] as? [[String: Any]])?.first?["cost"] as? Int
            #expect(cost.map(String.init) == String(row[3]), "route \(row[1]) → \(row[2])")
        }
    }

    /// Only two loopless routes run from a to 丙 on the drawn network (RouteTests): asked
    /// for three alternatives, the one there is comes with a note on standard error.
    @Test func fewerAlternativesThanAskedSaySo() {
        let (status, out, err) = run(["route", Self.drawn, "--from", "a", "--to", "丙", "--alternatives", "3"])
        #expect(status == 0 && out.contains("route 2:") && !out.contains("route 3:"))
        #expect(err == "corridor route: note: 3 alternatives asked, 1 genuinely different found (of the next-shortest paths, up to 300 examined)\n")
        let (_, _, quiet) = run(["route", Self.drawn, "--from", "a", "--to", "丙", "--alternatives", "1"])
        #expect(quiet.isEmpty)
    }

    /// A planned place in a scenario that does not build it: no route, and what to ask.
    @Test func aPlannedPlaceSaysWhichProjectReachesIt() {
        let (status, out, _) = run(["route", "jilin", "--from", "四平机场", "--to", "四平"])
        #expect(status == 1)
        #expect(out.hasSuffix("四平机场（规划） (siping-airport) is reached only by planned links: add its project with --scenario air-siping\n"))
        #expect(run(["route", "jilin", "--from", "四平机场", "--to", "四平", "--scenario", "air-siping"]).0 == 0)
    }

    @Test func badInput() {
        let cases: [([String], Int32, String)] = [
            (["route", Self.tiny, "--from", "changchn", "--to", "jilin"], 64,
             "corridor route: error: --from: unknown place \"changchn\" (did you mean \"changchun\" (长春)?)"),
            (["route", Self.tiny, "--from", "长春"], 64, "corridor route: error: missing --to PLACE"),
            (["route", Self.tiny, "--frm", "长春", "--to", "吉林"], 64,
             "corridor route: error: unknown option --frm (did you mean \"--from\"?)"),
            (["route", Self.tiny, "--from", "长春", "--to", "吉林", "--by", "speed"], 64,
             "corridor route: error: --by: unknown measure \"speed\""),
            (["route", Self.tiny, "--from", "长春", "--to", "吉林", "--modes", "hsr,plane"], 64,
             "corridor route: error: --modes: unknown mode \"plane\""),
            (["route", Self.tiny, "--from", "长春", "--to", "吉林", "--scenario", "new-raod"], 64,
             "corridor route: error: --scenario: unknown project \"new-raod\" (did you mean \"new-road\" (长吉新路)?)"),
            (["route", Self.tiny, "--from", "长春", "--to", "吉林", "-o", "/tmp/never-written.geojson"], 64,
             "corridor route: error: --output: a .geojson file, but this command writes csv, json or a table"),
            (["route", Self.tiny, "--from", "长春", "--to", "Changchun"], 64,
             "corridor route: error: --from and --to name the same place, 长春 (changchun)"),
            (["route", Self.tiny, "--from", "长春", "--to", "吉林", "--via", "changchun"], 64,
             "corridor route: error: --from and --via name the same place, 长春 (changchun)"),
            (["route", Self.tiny, "--from", "长春", "--to", "吉林", "--via", "jilin"], 64,
             "corridor route: error: --via and --to name the same place, 吉林 (jilin)"),
            (["route", Self.tiny, "--from", "长春", "--to", "吉林", "--via", "jilin,jilin"], 64,
             "corridor route: error: --via names 吉林 (jilin) twice in a row"),
            (["route", FixturePath.of("dimacs/rome99.gr"), "--from", "1", "--to", "1"], 64,
             "corridor route: error: --from and --to name the same place, node 1"),
            (["route", FixturePath.of("dimacs/rome99.gr"), "--from", "1", "--to", "5", "--freight"], 64,
             "corridor route: error: --freight does not apply to a DIMACS graph"),
            (["route", Self.tiny, "--from", "长春", "--to", "吉林", "--alternatives", "-1"], 64,
             "corridor route: error: --alternatives must be a whole number from 0 to 20"),
            (["route", Self.tiny, "--from", "长春", "--to", "吉林", "--format", "xml"], 64,
             "corridor route: error: --format: unknown format \"xml\" (one of table, csv, json)"),
            (["route", "/nonexistent/net", "--from", "a", "--to", "b"], 65,
             "corridor route: error: no network \"/nonexistent/net\": not a folder"),
            (["route", FixturePath.of("core"), "--from", "a", "--to", "b"], 65, "places.csv"),
            (["route", FixturePath.of("dimacs/rome99.gr"), "--from", "0", "--to", "5"], 64,
             "corridor route: error: --from: \"0\" is not a node of this DIMACS graph (ids 1…3353)"),
            (["route", FixturePath.of("dimacs/rome99.gr"), "--from", "1", "--to", "5", "--by", "cost"], 64,
             "corridor route: error: --by does not apply to a DIMACS graph"),
        ]
        for (args, want, message) in cases {
            let (status, out, err) = run(args)
            #expect(status == want, "\(args): \(err)")
            #expect(err.contains(message), "\(args): \(err)")
            #expect(out.isEmpty, "\(args)")
        }
    }

    /// Two towns called 新华 (Fixtures/networks/ambiguous): the name lists both, the id works.
    @Test func ambiguousNamesListTheCandidates() {
        let net = FixturePath.of("networks/ambiguous")
        let (status, out, err) = run(["route", net, "--from", "新华", "--to", "xinhua-hunchun"])
        #expect(status == 64 && out.isEmpty)
        #expect(err.hasPrefix("corridor route: error: --from: \"新华\" is ambiguous: it names xinhua-tongyu (新华, town), xinhua-hunchun (新华, town); use the id\n"))
        #expect(run(["route", net, "--from", "xinhua-tongyu", "--to", "xinhua-hunchun", "--format", "csv"]).0 == 0)
    }

    @Test func outputFileIsWrittenWholeOrNotAtAll() throws {
        let dir = NSTemporaryDirectory() + "corridor-route-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (status, out, _) = run(["route", Self.tiny, "--from", "长春", "--to", "吉林", "--format", "csv", "-o", dir + "/r.csv"])
        #expect(status == 0 && out.isEmpty)
        // A CSV file starts with a UTF-8 byte-order mark (for Excel); the terminal gets none.
        let bytes = try #require(FileManager.default.contents(atPath: dir + "/r.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("route,leg,mode"))
        let terminal = run(["route", Self.tiny, "--from", "长春", "--to", "吉林", "--format", "csv"]).1
        #expect(terminal.hasPrefix("route,leg,mode") && String(decoding: bytes.dropFirst(3), as: UTF8.self) == terminal)
        // A JSON file gets no mark.
        #expect(run(["route", Self.tiny, "--from", "长春", "--to", "吉林", "-o", dir + "/r.json"]).0 == 0)
        #expect(FileManager.default.contents(atPath: dir + "/r.json")?.first == UInt8(ascii: "{"))
        let (bad, _, err) = run(["route", Self.tiny, "--from", "长春", "--to", "吉林", "-o", dir + "/missing/r.csv"])
        #expect(bad == 1 && err.hasPrefix("corridor route: error: cannot write"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/missing"))
    }
}
