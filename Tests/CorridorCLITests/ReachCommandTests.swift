import CorridorCLI
import CorridorKit
import Foundation
import Testing
import TestSupport

/// `corridor reach`, in-process. Expected values: the drawn network's README (worked by
/// hand), the plans and the 2016 timetable for the bundled network, scipy for rome99.
@Suite struct ReachCommandTests {
    func run(_ args: [String]) -> (Int32, String, String) {
        let console = Console()
        let status = Corridor.run(args, console: console)
        return (status, console.output, console.errors)
    }

    static let drawn = FixturePath.of("networks/reach")

    /// From a within 30, 60, 120 (README): a 0, b 30, c 60, x 60, d 100, e 120.
    @Test func bandsAsCSV() {
        let (status, out, err) = run(["reach", Self.drawn, "--from", "甲", "--format", "csv"])
        #expect(status == 0 && err.isEmpty)
        #expect(out == """
            id,name_zh,name_en,kind,value,unit,band,origin,modes,transfers,population,prefecture
            a,甲,A,county,0,min,30,a,,0,1000,
            b,乙,B,county,30,min,30,a,road,0,200,
            c,丙,C,county,60,min,60,a,road,0,30,
            x,庚,X,county,60,min,60,a,road,0,50000,
            d,丁,D,town,100,min,120,a,road,0,,
            e,戊,E,county,120,min,120,a,road,0,4,

            """)
    }

    /// Population per band: ≤30 a + b = 1,200; ≤60 + c + x = 51,230; ≤120 + e = 51,234.
    @Test func tableSummarisesPopulation() {
        let (status, out, _) = run(["reach", Self.drawn, "--from", "a"])
        #expect(status == 0)
        #expect(out.hasPrefix("reach from 甲 (a) within 30, 60, 120 min (by time, scenario base)\n"))
        #expect(out.contains("≤30        2            2       1,200"))
        #expect(out.contains("≤60        4            4      51,230"))
        #expect(out.contains("≤120       6            6      51,234"))
    }

    /// Full-width commas (a Chinese keyboard's) separate limits and modes as ASCII ones do.
    @Test func fullWidthCommas() {
        let ascii = run(["reach", Self.drawn, "--from", "a", "--within", "30,60", "--modes", "road,rail", "--format", "csv"])
        let wide = run(["reach", Self.drawn, "--from", "a", "--within", "30，60", "--modes", "road，rail", "--format", "csv"])
        #expect(ascii.0 == 0 && wide.0 == 0 && ascii.1 == wide.1)
        // … and so does 、, the enumeration comma, in every list but a list of projects.
        let enumeration = run(["reach", Self.drawn, "--from", "a", "--within", "30、60", "--modes", "road、rail", "--format", "csv"])
        #expect(enumeration.0 == 0 && enumeration.1 == ascii.1)
    }

    /// Several origins: repeated or comma-separated, the same answer.
    @Test func originsRepeatedOrCommaSeparated() {
        let repeated = run(["reach", Self.drawn, "--from", "a", "--from", "d", "--format", "csv"])
        let listed = run(["reach", Self.drawn, "--from", "a,d", "--format", "csv"])
        #expect(repeated.0 == 0 && listed.0 == 0 && repeated.1 == listed.1)
        #expect(repeated.1.contains("\nd,丁,D,town,0,min,30,d,"))
        let empty = run(["reach", Self.drawn, "--from", ","])
        #expect(empty.0 == 64 && empty.2.hasPrefix("corridor reach: error: --from is empty: name a place\n"))
    }

    /// Who reaches a: e cannot (de is one-way d→e).
    @Test func reverseIsTheCatchment() {
        let (status, out, _) = run(["reach", Self.drawn, "--from", "a", "--reverse", "--format", "csv"])
        #expect(status == 0)
        let ids = out.split(separator: "\n").dropFirst().map { $0.split(separator: ",").first.map(String.init) }
        #expect(ids == ["a", "b", "c", "x", "d"])
        // The table names the column for the direction: each place travels *to* a.
        let (_, table, _) = run(["reach", Self.drawn, "--from", "a", "--reverse", "--all-places"])
        #expect(table.hasPrefix("reach to 甲 (a) within 30, 60, 120 min"))
        #expect(table.contains("band  to  modes"))
        let (_, forward, _) = run(["reach", Self.drawn, "--from", "a", "--all-places"])
        #expect(forward.contains("band  origin  modes"))
        // A place named twice (id and name) is one origin.
        let (_, twice, _) = run(["reach", Self.drawn, "--from", "a,甲", "--all-places"])
        #expect(twice == forward)
    }

    /// Radii 10, 20, 30 km against 30, 60, 120 min (great circles from a, by hand: e 32.5 km,
    /// g 19.7 km; g is never reached within 120 min, e is at 120 min).
    @Test func radiusCheck() {
        let (status, out, _) = run(["reach", Self.drawn, "--from", "a", "--radius-check", "--radii", "10,20,30", "--format", "csv"])
        #expect(status == 0)
        #expect(out == """
            band,radius_km,id,name_zh,km,value,unit,finding
            60,20,g,辛,19.7,,min,"inside radius, outside band"
            120,30,e,戊,32.5,120,min,"inside band, outside radius"
            120,30,g,辛,19.7,,min,"inside radius, outside band"

            """)
        // The table says what a bounded search knows of g: more than the largest limit.
        let (_, table, _) = run(["reach", Self.drawn, "--from", "a", "--radius-check", "--radii", "10,20,30"])
        #expect(table.contains("≤120         30  辛 g   19.7  > 120  inside radius, outside band"))
    }

    /// Base against every project on the tiny network, and on the sections fixture.
    @Test func compareScenarios() {
        let (status, out, _) = run(["reach", FixturePath.of("networks/tiny"), "--from", "长春", "--within", "60,70",
                                    "--compare", "base", "all", "--format", "csv"])
        #expect(status == 0)
        // Base: 吉林 by expressway 66.6; with every project the HSR with its speed-up,
        // 20 + 30 + 15 = 65 min: 1.6 min faster, still in the 70 band.
        #expect(out.contains("jilin,吉林,prefecture,66.6,65,-1.6,70,70,min"))
        // Fixtures/networks/sections with every project: the rail line a–m1–m2–b, 12 min a
        // section, takes b from 120 (road) to 36; the per-band tables are headed by the
        // scenarios' names, and a place beyond the limits shows as "> 120".
        let (_, table, _) = run(["reach", FixturePath.of("networks/sections"), "--from", "a", "--compare", "base", "all"])
        #expect(table.contains("""
            ≤60 min: 3 gained, 0 lost
            place  kind     base  all  change
            -----  ------  -----  ---  ------
            乙 b   county    120   36     -84
            一 m1  town    > 120   12       —
            """))
    }

    /// The plans: 吉林 is in 长春's 2-hour circle (A 空间格局); 白山 is not in the base
    /// scenario (C 第一章: 白山 has no fast rail). The 2016 timetable: 长春站→吉林站 is 40
    /// min by HSR, inside the hour.
    @Test func bundledNetworkCircles() throws {
        let (status, out, _) = run(["reach", "jilin", "--from", "长春", "--format", "json"])
        #expect(status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let places = try #require(json["places"] as? [[String: Any]])
        let band = { (id: String) in places.first { $0["id"] as? String == id }?["band"] as? Double }
        #expect(band("jilin") == 120)
        #expect(band("baishan") == nil)
        let (_, hsr, _) = run(["reach", "jilin", "--from", "长春站", "--modes", "hsr", "--within", "60", "--format", "csv"])
        #expect(hsr.contains("\njilin-st,吉林站,Jilin station,station,40,min,60,changchun-st,hsr,0,,jilin\n"))
        // Per prefecture, settlements beside population: within 30 minutes of 长春 the
        // seat and the towns 范家屯 (18.7 min) and 米沙子 (22.7 min), all under 长春; the
        // seat's urban districts, 5,019,477 (census, as the report's circles).
        let bands = try #require(json["bands"] as? [[String: Any]])
        let first = try #require((bands.first?["prefectures"] as? [[String: Any]])?.first)
        #expect(first["id"] as? String == "changchun" && first["settlements"] as? Int == 3 && first["population"] as? Int == 5_019_477)
        #expect(run(["reach", "jilin", "--from", "长春", "--radius-check", "--radii", "40,100,4500"]).0 == 0)
    }

    @Test func dimacsReachAgreesWithScipy() throws {
        let gr = FixturePath.of("dimacs/rome99.gr")
        let reference = try String(contentsOfFile: FixturePath.of("dimacs/rome99-reference.csv"), encoding: .utf8)
        let rows = reference.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let sources = Array(Set(rows.filter { $0[0] == "reach" }.map { $0[1] })).sorted()
        #expect(sources.count == 6)
        for source in sources {
            let (status, out, err) = run(["reach", gr, "--from", source, "--within", "2000,8000,30000"])
            #expect(status == 0, "\(err)")
            for limit in ["2000", "8000", "30000"] {
                let count = rows.first { $0 == ["reach", source, limit, $0[3]] }![3]
                let sum = rows.first { $0[0] == "reachsum" && $0[1] == source && $0[2] == limit }![3]
                let line = out.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
                    .first { $0.first == limit }
                #expect(line == [limit, count, sum], "source \(source), limit \(limit)")
            }
        }
    }

    /// The GeoJSON the command writes is the Kit writer's, and GDAL reads it without a
    /// word (in CI, ogrinfo must be there).
    @Test func geojsonOpensInGDAL() throws {
        let dir = NSTemporaryDirectory() + "corridor-reach-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/changchun.geojson"
        let (status, out, _) = run(["reach", "jilin", "--from", "长春", "--format", "geojson", "-o", file, "--radius-check"])
        #expect(status == 0 && out.isEmpty)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("{\"type\":\"FeatureCollection\""))
        guard let ogrinfo = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first(where: FileManager.default.fileExists) else {
            #expect(ProcessInfo.processInfo.environment["CI"]?.isEmpty ?? true, "CI must have gdal-bin's ogrinfo")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ogrinfo)
        process.arguments = ["-ro", "-al", "-so", file]
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let info = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let warnings = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(info.contains("Feature Count: "))
        #expect(info.contains("value: Real") && info.contains("origin: String"))
    }

    /// Without --format, -o FILE's extension chooses it.
    @Test func outputExtensionChoosesTheFormat() throws {
        let dir = NSTemporaryDirectory() + "corridor-ext-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for (ext, prefix) in [("geojson", "{\"type\":\"FeatureCollection\""), ("csv", "id,name_zh"), ("json", "{\n  \"origins\""),
                              ("txt", "reach from 甲 (a)")] {
            #expect(run(["reach", Self.drawn, "--from", "a", "-o", "\(dir)/r.\(ext)"]).0 == 0)
            #expect(try String(contentsOfFile: "\(dir)/r.\(ext)", encoding: .utf8).hasPrefix(prefix), "\(ext)")
        }
        // A --format the extension contradicts is refused, nothing written; one it agrees
        // with, or a name without a data extension, is fine.
        let (status, _, why) = run(["reach", Self.drawn, "--from", "a", "--format", "csv", "-o", "\(dir)/x.json"])
        #expect(status == 64 && why.hasPrefix("corridor reach: error: --format csv but --output names a .json file: name the file .csv, or leave out --format"))
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/x.json"))
        #expect(run(["reach", Self.drawn, "--from", "a", "--format", "table", "-o", "\(dir)/x.csv"]).0 == 64)
        #expect(run(["reach", Self.drawn, "--from", "a", "--format", "csv", "-o", "\(dir)/x.txt"]).0 == 0)
        #expect(String(decoding: FileManager.default.contents(atPath: "\(dir)/x.txt") ?? Data(), as: UTF8.self).contains("id,name_zh"))
    }

    @Test func badInput() throws {
        let drawn = Self.drawn
        let cases: [([String], Int32, String)] = [
            (["reach", drawn], 64, "corridor reach: error: missing --from PLACE"),
            (["reach", drawn, "--from", "a", "--within", ""], 64, "corridor reach: error: --within is empty"),
            (["reach", drawn, "--from", "a", "--within", "-30"], 64, "corridor reach: error: --within: -30 must be positive"),
            (["reach", drawn, "--from", "a", "--within", "30,0.0001"], 64, "corridor reach: error: --within: 0.0001 is below the smallest limit, 0.001"),
            (["reach", drawn, "--from", "a", "--within", "30,abc"], 64, "corridor reach: error: --within: \"abc\" is not a number"),
            (["reach", drawn, "--from", "a", "--within", "30,,60"], 64,
             "corridor reach: error: --within: an empty item between commas in \"30,,60\""),
            (["reach", drawn, "--from", "a", "--withn", "30"], 64, "corridor reach: error: unknown option --withn (did you mean \"--within\"?)"),
            (["reach", drawn, "--from", "zz"], 64, "corridor reach: error: --from: unknown place \"zz\""),
            (["reach", drawn, "--from", "a", "--compare", "base"], 64, "corridor reach: error: --compare takes two scenarios"),
            (["reach", drawn, "--from", "a", "--compare", "base", "nope"], 64, "corridor reach: error: --compare: unknown project \"nope\""),
            (["reach", drawn, "--from", "a", "--compare", "base", "BASE"], 64, "corridor reach: error: --compare names base twice: compare two different scenarios"),
            (["reach", drawn, "--from", "a", "-o", drawn + "/places.csv"], 64, "corridor reach: error: --output \(drawn)/places.csv would write into the network's own folder"),
            (["reach", drawn, "--from", "a", "--by", "cost", "--radius-check"], 64,
             "corridor reach: error: --radius-check compares the time circles with the plans' radii: it needs --by time, not --by cost"),
            (["reach", drawn, "--from", "a", "--radius-check", "--radii", "10,20"], 64,
             "corridor reach: error: --radius-check needs one radius per band: 3 limits in --within, 2 radii in --radii"),
            (["reach", drawn, "--from", "a", "--format", "kml"], 64, "corridor reach: error: --format: unknown format \"kml\""),
            (["reach", drawn, "--from", "a", "--scenario", ",,"], 64, "corridor reach: error: --scenario is empty"),
            (["reach", drawn, "--from", "a", "--within", "1e19"], 64, "corridor reach: error: --within: 1e19 is too large"),
            (["reach", drawn, "--from", "a", "--radii", "10,20,30"], 64, "corridor reach: error: --radii needs --radius-check"),
            // A radius circle GeoJSON cannot draw uncut (长春 at 125.3° E: 4500 km reaches past
            // 180°); the table format draws no circle and takes it.
            (["reach", "jilin", "--from", "长春", "--radius-check", "--radii", "40,100,4500", "--format", "geojson"], 64,
             "corridor reach: error: --radii: a 4500 km circle around 长春 (changchun) would cross the antimeridian or enclose a pole"),
            (["reach", "nowhere", "--from", "a"], 65, "corridor reach: error: no network \"nowhere\""),
            (["reach", FixturePath.of("dimacs/rome99.gr"), "--from", "1", "--format", "geojson"], 64,
             "corridor reach: error: --format geojson needs coordinates; a DIMACS graph has none"),
        ]
        for (args, want, message) in cases {
            let (status, out, err) = run(args)
            #expect(status == want, "\(args): \(err)")
            #expect(err.contains(message), "\(args): \(err)")
            #expect(out.isEmpty, "\(args)")
        }
        // … also through a symbolic link to the folder, for a file that does not exist yet.
        let links = NSTemporaryDirectory() + "corridor-link-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: links, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: links) }
        try FileManager.default.createSymbolicLink(atPath: links + "/net", withDestinationPath: Self.drawn)
        #expect(run(["reach", drawn, "--from", "a", "-o", links + "/net/new.csv"]).0 == 64)
        #expect(!FileManager.default.fileExists(atPath: Self.drawn + "/new.csv"))
        // The refused output left the network's file as it was.
        #expect(try String(contentsOfFile: Self.drawn + "/places.csv", encoding: .utf8).hasPrefix("id,name_zh,"))
    }
}
