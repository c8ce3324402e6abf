import CorridorKit
import Foundation
import Testing
import TestSupport

/// Reading a network folder: the fixture reads clean; every kind of bad row is reported,
/// located, and left out, and reading goes on.
@Suite struct NetworkFilesTests {
    @Test func tinyFixtureReadsClean() throws {
        let (network, problems) = NetworkFiles.load(folder: FixturePath.of("networks/tiny"))
        #expect(problems.isEmpty, "\(problems)")
        let n = try #require(network)
        #expect(n.places.map(\.id) == ["changchun", "jilin", "changchun-st", "jilin-st"])
        #expect(n.places[2].parent == "changchun" && n.places[2].kind == .station)
        #expect(n.places[0].population == 9_066_906 && n.places[2].population == nil)
        #expect(n.links.count == 5 && n.projects.count == 2 && n.changes.count == 1)
        let g12 = n.links[0]
        #expect(g12.mode == .expressway && g12.status == .existing && !g12.oneWay)
        #expect(g12.travelMinutes == 111.0 / 100 * 60)  // 66.6: from length and speed
        #expect(n.links[3].corridors == ["长吉珲", "长春都市圈"])
        #expect(n.links[1].source == "test fixture: access, security")  // a quoted comma
        #expect(n.links[4].project == "new-road" && n.links[4].status == .planned)
        #expect(n.projects[1].type == .upgrade && n.projects[1].opened == 2024)
        #expect(n.changes[0].minutes == 30 && n.changes[0].link == "cc-jl-hsr")
        // Rows remember where they came from.
        #expect(n.links[3].origin.line == 5 && n.links[3].origin.columns["mode"] == 33)  // cc-jl-hsr,changchun-st,jilin-st, = 32 characters
    }

    /// Writes `files` into a new temporary folder and loads it.
    func load(_ files: [String: String]) -> (Network?, [String]) {
        let folder = NSTemporaryDirectory() + "corridor-net-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files {
            try! Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        let (network, problems) = NetworkFiles.load(folder: folder)
        // Strip the temporary folder so messages can be compared.
        return (network, problems.map { "\($0)".replacingOccurrences(of: folder + "/", with: "") })
    }

    static let places = """
        id,name_zh,name_en,kind,lat,lon,coord_source
        changchun,长春,Changchun,prefecture,43.8,125.3,t
        jilin,吉林,Jilin,prefecture,43.8,126.5,t

        """
    static let linkHeader = "id,from,to,mode,length_km,minutes,status,project,source\n"

    /// Invisible characters in a name, each an error naming its code point; visible
    /// punctuation (the middle dot of 图们·南阳) and a long but readable name are not.
    @Test func namesWithInvisibleCharacters() {
        let cases: [(String, String?)] = [
            ("吉\t林", "U+0009"), ("吉\u{2028}林", "U+2028"), ("吉\u{200F}林", "U+200F"), ("吉\u{200B}林", "U+200B"),
            ("吉\u{FEFF}林", "U+FEFF"), ("吉\u{202E}林", "U+202E"), ("吉\u{2066}林", "U+2066"), ("图们·南阳", nil),
        ]
        for (name, code) in cases {
            let (_, problems) = load([
                "places.csv": Self.places + "yanji,\(name),Yanji,prefecture,42.9,129.5,t\n",
                "links.csv": Self.linkHeader,
            ])
            let expected = code.map { "places.csv:4:7: error: name_zh holds an invisible control character, \($0): names are shown in tables and diagrams" }
            #expect(problems.first { $0.contains("name_zh") } == expected, "\(name.unicodeScalars.map(\.value))")
        }
    }

    @Test func headerProblems() {
        let (_, problems) = load([
            "places.csv": "id,name_zh,name_en,knd,lat,lon,coord_source\n",
            "links.csv": "id,from,to,mode,status\n",
        ])
        #expect(problems == [
            "places.csv:1:20: error: unknown column \"knd\" (did you mean \"kind\"?)",
            "places.csv:1: error: missing column \"kind\"",
            "links.csv:1: error: missing column \"source\"",
        ])
    }

    @Test func badFields() {
        let (network, problems) = load([
            "places.csv": Self.places + "x,X,X,city,4x.1,200,t\n",
            "links.csv": Self.linkHeader
                + "a,changchun,jilin,expresway,111,60,existing,,t\n"
                + "b,changchun,jilin,hsr,-5,,existing,,t\n"
                + "c,changchun,jilin,hsr,111,38,planned,,t\n"
                + "d,changchun,jilin,hsr,111,38,existing,,t\n",
        ])
        #expect(problems == [
            "places.csv:4:7: error: unknown kind \"city\" (one of: prefecture, county, town, station, airport, port, border, junction, foreign)",
            "places.csv:4:12: error: lat \"4x.1\" is not a number",
            "places.csv:4:17: error: lon 200 is outside -180…180",
            "links.csv:2:19: error: unknown mode \"expresway\" (did you mean \"expressway\"?) (one of: hsr, rail, expressway, road, air, sea, river, connector, border)",
            "links.csv:3:23: error: length_km -5 must be positive",
            "links.csv:3:26: error: give minutes or speed_kmh",
            "links.csv:4:38: error: a planned link needs the project that builds it",
        ])
        // Rows with any error are left out (c too: a planned link without its project);
        // good ones stay.
        #expect(network?.places.map(\.id) == ["changchun", "jilin"])
        #expect(network?.links.map(\.id) == ["d"])
    }

    @Test func idsAndReferences() {
        let (_, problems) = load([
            "places.csv": Self.places + "jilin,吉林2,Jilin 2,county,43.8,126.5,t\n长春,长春,C,county,43.8,125.3,t\n",
            "links.csv": Self.linkHeader
                + "a,changchun,吉林,hsr,111,38,existing,,t\n"
                + "b,changchn,jilin,hsr,111,38,planned,newline,t\n",
            "projects.csv": "id,name_zh,name_en,reference,type,source\nnew-line,新线,New line,x,links,t\nidle,闲,Idle,y,links,t\n",
        ])
        #expect(problems == [
            "places.csv:4:1: error: duplicate id \"jilin\" (first on line 3)",
            "places.csv:5:1: error: id \"长春\" must be lower-case ASCII letters, digits, - or _ (the Chinese name has its own column)",
            "links.csv:2:13: error: unknown place \"吉林\" (did you mean \"jilin\"?)",
            "links.csv:3:3: error: unknown place \"changchn\" (did you mean \"changchun\"?)",
            "links.csv:3:37: error: unknown project \"newline\" (did you mean \"new-line\"?)",
            "projects.csv:2:1: error: project \"new-line\" has no effect: no planned link or change names it",
            "projects.csv:3:1: error: project \"idle\" has no effect: no planned link or change names it",
        ])
    }

    @Test func expressRunsNameLinksOfTheirMode() {
        // x runs over a (fine), b (a road), zz (unknown) and itself; runs_over is column 39
        // of line 4: "x,changchun,jilin,hsr,111,36,existing," is 38 characters.
        let (network, problems) = load([
            "places.csv": Self.places,
            "links.csv": "id,from,to,mode,length_km,minutes,status,runs_over,source\n"
                + "a,changchun,jilin,hsr,111,38,existing,,t\n"
                + "b,changchun,jilin,road,120,90,existing,,t\n"
                + "x,changchun,jilin,hsr,111,36,existing,a;b;zz;x,t\n",
        ])
        #expect(problems == [
            "links.csv:4:39: error: runs_over names \"b\", a road link; a link runs over links of its own kind of track (hsr)",
            "links.csv:4:39: error: unknown link \"zz\"",
            "links.csv:4:39: error: link \"x\" cannot run over itself",
        ])
        #expect(network?.links.map(\.runsOver) == [[], [], ["a", "b", "zz", "x"]])
    }

    @Test func changesMustUpgradeExistingLinks() {
        let (_, problems) = load([
            "places.csv": Self.places,
            "links.csv": Self.linkHeader
                + "a,changchun,jilin,hsr,111,38,existing,,t\n"
                + "b,changchun,jilin,road,120,90,planned,p-links,t\n",
            "projects.csv": "id,name_zh,name_en,reference,type,source\np-links,甲,A,x,links,t\np-up,乙,B,y,upgrade,t\n",
            "changes.csv": "project,link,minutes,source\np-links,a,30,t\np-up,b,30,t\np-up,zz,30,t\np-up,a,,t\n",
        ])
        #expect(problems == [
            "changes.csv:5:8: error: give the new minutes or speed_kmh",
            "changes.csv:2:1: error: project \"p-links\" is of type links; only upgrade projects change links",
            "changes.csv:3:6: error: link \"b\" is planned; an upgrade changes existing links",
            "changes.csv:4:6: error: unknown link \"zz\"",
        ])
    }

    /// changes.csv has the links' limits: a speed under 1 km/h, a time over a year.
    @Test func changesHaveTheLinksLimits() {
        let (_, problems) = load([
            "places.csv": Self.places,
            "links.csv": Self.linkHeader + "a,changchun,jilin,hsr,111,38,existing,,t\n",
            "projects.csv": "id,name_zh,name_en,reference,type,source\np-up,乙,\(String(repeating: "B", count: 121)),y,upgrade,t\n",
            "changes.csv": "project,link,minutes,speed_kmh,source\np-up,a,,0.5,t\np-up,a,600000,,t\n",
        ])
        #expect(problems == [
            // The English name of a project may be long (120), not longer: "p-up,乙," is 7;
            // "p-up,a,," is 8.
            "projects.csv:2:8: warning: name_en is 121 characters long: tables and diagrams widen with it (at most 120 reads well)",
            "changes.csv:2:9: error: speed_kmh 0.5 is less than 1 km/h (walking is 5)",
            "changes.csv:3:8: error: minutes 600000 is more than a year (525,600 minutes)",
        ])
    }

    @Test func unreadableFiles() {
        let (network, problems) = load([
            "places.csv": Self.places,
        ])
        #expect(network == nil)
        #expect(problems.count == 1 && problems[0].hasSuffix("links.csv: error: no such file"))
    }

    @Test func gbkPlacesFileIsExplainedAndReadingGoesOn() {
        let folder = NSTemporaryDirectory() + "corridor-net-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // 长春 in GBK: B3 A4 B4 BA.
        let gbk = Array("id,name_zh\nchangchun,".utf8) + [0xB3, 0xA4, 0xB4, 0xBA, 0x0A]
        try! Data(gbk).write(to: URL(fileURLWithPath: folder + "/places.csv"))
        try! Data((Self.linkHeader + "a,x,y,hsr,1,1,existing,,t\nb,x,y,hrs,1,1,existing,,t\n").utf8)
            .write(to: URL(fileURLWithPath: folder + "/links.csv"))
        let (network, problems) = NetworkFiles.load(folder: folder)
        #expect(network == nil)
        #expect(problems.first?.description.hasPrefix(folder + "/places.csv:2:11: error: the file is not UTF-8") == true)
        // links.csv was still read and checked; its places are not called unknown, since
        // places.csv could not be read.
        #expect(problems.count == 2)
        #expect(problems.last?.description.hasPrefix(folder + "/links.csv:3:7: error: unknown mode \"hrs\"") == true)
    }

    /// A file other than places.csv and links.csv that cannot be read makes the network
    /// unreadable too (validate exits 65), and references into it are not checked.
    @Test func unreadableOptionalFile() {
        let folder = NSTemporaryDirectory() + "corridor-net-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try! Data(Self.places.utf8).write(to: URL(fileURLWithPath: folder + "/places.csv"))
        try! Data((Self.linkHeader + "a,changchun,jilin,hsr,111,38,planned,p,t\n").utf8)
            .write(to: URL(fileURLWithPath: folder + "/links.csv"))
        // 新线 in GBK: D0 C2 CF DF.
        let gbk = Array("id,name_zh,name_en,reference,type,source\np,".utf8) + [0xD0, 0xC2, 0xCF, 0xDF]
            + Array(",P,x,links,t\n".utf8)
        try! Data(gbk).write(to: URL(fileURLWithPath: folder + "/projects.csv"))
        let (network, problems) = NetworkFiles.load(folder: folder)
        #expect(network == nil)
        #expect(problems.map(\.description) == [
            folder + "/projects.csv:2:3: error: the file is not UTF-8 (byte 0xD0 cannot start a character); it looks like GBK/GB18030, which a Chinese Excel writes: save it with 'CSV UTF-8 (Comma delimited)', or convert it with `iconv -f GB18030 -t UTF-8`",
        ])
    }

    /// A row left out for an error still counts for the checks between files: what refers
    /// to it is not reported again (no unknown place, project or link, no project without
    /// an effect).
    @Test func aRowLeftOutIsReportedOnce() {
        let (network, problems) = load([
            "places.csv": Self.places + "yanji,延吉,Yanji,prefecture,42.9,529.5,t\n",
            "links.csv": Self.linkHeader
                + "a,changchun,jilin,hsr,111,38,existing,,t\n"
                + "b,jilin,yanji,road,x,200,planned,p-links,t\n",
            "projects.csv": "id,name_zh,name_en,reference,type,source\np-links,甲,A,x,links,t\np-up,乙,B,y,upgrade,t\n",
            "changes.csv": "project,link,minutes,source\np-up,b,150,t\n",
        ])
        #expect(problems == [
            "places.csv:4:32: error: lon 529.5 is outside -180…180",
            "links.csv:3:20: error: length_km \"x\" is not a number",
        ])
        #expect(network?.places.map(\.id) == ["changchun", "jilin"])
        #expect(network?.links.map(\.id) == ["a"])
        // Its places count as reached (the validator's warning would repeat the error).
        #expect(network.map(NetworkValidator.check) == [])
    }

    /// A file that lacks a required column is reported at its header, once: its rows are
    /// left out, but what they name still counts.
    @Test func missingColumnIsReportedOnce() {
        let (network, problems) = load([
            "places.csv": Self.places,
            "links.csv": "id,from,to,mode,length_km,minutes,status,project\n"
                + "a,changchun,jilin,hsr,111,38,existing,\n"
                + "b,changchun,jilin,road,120,90,planned,p-links\n",
            "projects.csv": "id,name_zh,name_en,reference,type,source\np-links,甲,A,x,links,t\np-up,乙,B,y,upgrade,t\n",
            "changes.csv": "project,link,minutes,source\np-up,a,30,t\n",
        ])
        #expect(problems == ["links.csv:1: error: missing column \"source\""])
        #expect(network?.links.isEmpty == true)
        #expect(network.map(NetworkValidator.check) == [])
    }

    /// A length that is missing or not a number is one problem, not also a speed without
    /// a length; a connector (length optional) with only a speed is one.
    @Test func lengthIsReportedOnce() {
        let (_, problems) = load([
            "places.csv": Self.places,
            "links.csv": "id,from,to,mode,length_km,speed_kmh,status,source\n"
                + "a,changchun,jilin,expressway,,100,existing,t\n"
                + "b,changchun,jilin,expressway,1l1,100,existing,t\n"
                + "c,changchun,jilin,connector,,5,existing,t\n",
        ])
        #expect(problems == [
            "links.csv:2:30: error: missing length_km (required for expressway links)",
            "links.csv:3:30: error: length_km \"1l1\" is not a number",
            "links.csv:4:30: error: speed_kmh needs length_km to give a time",
        ])
    }

    /// An upgrade's new time must be positive, like a link's; the row is left out.
    @Test func changesNeedPositiveTimes() {
        let (network, problems) = load([
            "places.csv": Self.places,
            "links.csv": Self.linkHeader + "a,changchun,jilin,hsr,111,38,existing,,t\n",
            "projects.csv": "id,name_zh,name_en,reference,type,source\np-up,乙,B,y,upgrade,t\n",
            "changes.csv": "project,link,minutes,speed_kmh,source\np-up,a,0,,t\np-up,a,,-5,t\np-up,a,30,,t\n",
        ])
        #expect(problems == [
            "changes.csv:2:8: error: minutes 0 must be positive",
            "changes.csv:3:9: error: speed_kmh -5 must be positive",
        ])
        #expect(network?.changes.map(\.origin.line) == [4])
    }

    /// A population must not be negative; the row is left out.
    @Test func negativePopulation() {
        let (network, problems) = load([
            "places.csv": "id,name_zh,name_en,kind,lat,lon,coord_source,population,population_source\n"
                + "changchun,长春,Changchun,prefecture,43.8,125.3,t,-5,t\n",
            "links.csv": Self.linkHeader,
        ])
        #expect(problems == ["places.csv:2:48: error: population -5 is negative"])
        // The place itself is sound: it is kept, without the population.
        #expect(network?.places.map(\.id) == ["changchun"] && network?.places.first?.population == nil)
    }

    /// A row left out for its field count is reported once: the place it names is known to
    /// the links (no "unknown place"), and the place only its link reaches is not called
    /// unreached. "yanji,延吉,Yanji,prefecture,42.9,129.5,t,x" has 8 fields for 7 columns,
    /// "yanji,延吉,Yanji,prefecture,42.9,129.5,t," being 39 characters; "b,jilin,hunchun,road,
    /// 260,200,existing,,t,x" 10 for 9, the extra one after 41 characters.
    @Test func rowsOfTheWrongWidthAreReportedOnce() throws {
        let (network, problems) = load([
            "places.csv": Self.places + "yanji,延吉,Yanji,prefecture,42.9,129.5,t,x\nhunchun,珲春,Hunchun,county,42.86,130.36,t\n",
            "links.csv": Self.linkHeader + "a,jilin,yanji,road,200,150,existing,,t\n"
                + "b,jilin,hunchun,road,260,200,existing,,t,x\n",
        ])
        #expect(problems == [
            "places.csv:4:40: error: 8 fields but the header has 7 columns (a comma inside a field needs double quotes)",
            "links.csv:3:42: error: 10 fields but the header has 9 columns (a comma inside a field needs double quotes)",
        ], "\(problems)")
        let loaded: Network = try #require(network)
        let checks = NetworkValidator.check(loaded).map { "\($0)" }
        #expect(!checks.contains { $0.contains("yanji") || $0.contains("hunchun") }, "\(checks)")
    }

    /// An express run's sections must lead from its start to its end in the order given:
    /// 长春–吉林 over j2 (中–吉林) then j1 (长春–中) does not. "x,changchun,jilin,hsr,111,40,
    /// existing,," is 39 characters, so runs_over starts at 40.
    @Test func expressRunsInOrder() throws {
        let header = "id,from,to,mode,length_km,minutes,status,project,runs_over,source\n"
        let (network, problems) = load([
            "places.csv": Self.places + "mid,中,Mid,town,43.8,125.9,t\n",
            "links.csv": header + "j1,changchun,mid,hsr,55,20,existing,,,t\nj2,mid,jilin,hsr,56,20,existing,,,t\n"
                + "x,changchun,jilin,hsr,111,40,existing,,j2;j1,t\ny,changchun,jilin,hsr,111,40,existing,,j1;j2,t\n",
        ])
        #expect(problems.isEmpty, "\(problems)")
        let loaded: Network = try #require(network)
        let warnings = NetworkValidator.check(loaded).map { "\($0)" }.filter { $0.contains("runs_over") }
        #expect(warnings.count == 1 && warnings[0].hasSuffix(
            "links.csv:4:40: warning: runs_over does not lead from changchun to jilin in the order given (each link must start where the one before it ends)"), "\(warnings)")
    }

    /// A place whose only fault is its population is kept, so the links at it are still
    /// checked in the same run: 长春 (43.8, 125.3) to 吉林 (43.8, 126.5) is 1.2° of
    /// longitude at 43.8° N, about 96 km, so a 50 km road is shorter than the straight line.
    @Test func aBadPopulationDoesNotHideTheLinksChecks() throws {
        let (network, problems) = load([
            "places.csv": "id,name_zh,name_en,kind,lat,lon,coord_source,population,population_source\n"
                + "changchun,长春,Changchun,prefecture,43.8,125.3,t,abc,t\n"
                + "jilin,吉林,Jilin,prefecture,43.8,126.5,t,,\n",
            "links.csv": Self.linkHeader + "r,changchun,jilin,road,50,40,existing,,t\n",
        ])
        #expect(problems == ["places.csv:2:48: error: population \"abc\" is not a whole number"])
        let loaded: Network = try #require(network)
        let checks = NetworkValidator.check(loaded).map { "\($0)" }
        #expect(checks.contains { $0.contains("links.csv:2") && $0.contains("shorter than the straight line") }, "\(checks)")
    }

    /// A connector's way back may take another time (`minutes_back`: arriving, no
    /// security): the arc from `to` weighs it, the arc out `minutes`. It needs `minutes`
    /// and a link both ways.
    @Test func minutesBackIsTheWayBack() throws {
        let header = "id,from,to,mode,length_km,minutes,minutes_back,oneway,status,project,source\n"
        let (network, problems) = load([
            "places.csv": Self.places,
            "links.csv": header + "a,changchun,jilin,connector,,20,5,,existing,,t\n"
                + "b,changchun,jilin,road,111,90,80,yes,existing,,t\n"
                + "c,changchun,jilin,road,111,,80,,existing,,t\n",
        ])
        // Columns: "b,changchun,jilin,road,111,90," is 30 characters; "c,changchun,jilin,road,111,"
        // 27, so c's empty minutes is column 28 and its minutes_back 29.
        #expect(problems == [
            "links.csv:3:31: error: a one-way link has no way back: clear minutes_back, or oneway",
            "links.csv:4:29: error: minutes_back goes with minutes (the time the other way)",
            "links.csv:4:28: error: give minutes or speed_kmh",
        ], "\(problems)")  // in reading order; validate prints them in file order
        let net = NetworkGraph(try #require(network))
        let arcs = net.arcsOfLink[net.linkIndex["a"]!]
        let out = arcs.first { net.graph.head[Int($0)] == net.node("jilin")! }!
        let back = arcs.first { net.graph.head[Int($0)] == net.node("changchun")! }!
        #expect(net.graph.metrics[0][Int(out)] == 1200 && net.graph.metrics[0][Int(back)] == 300)
    }

    /// A link giving both minutes and a speed that disagree (111 km at 100 km/h is
    /// 66.6 min, not 30) is warned about; minutes is used. Within rounding (66 against
    /// 66.6) nothing is said.
    @Test func minutesAndSpeedThatDisagree() {
        let header = "id,from,to,mode,length_km,minutes,speed_kmh,status,project,source\n"
        let (network, problems) = load([
            "places.csv": Self.places,
            "links.csv": header + "a,changchun,jilin,expressway,111,30,100,existing,,t\n"
                + "b,changchun,jilin,road,111,66,100,existing,,t\n",
        ])
        #expect(problems == [
            "links.csv:2:37: warning: minutes 30 and speed_kmh 100 disagree (length_km 111 at that speed takes 66.6 min); minutes is used: give one of them",
        ])
        #expect(network?.links.first?.travelMinutes == 30)
    }

    /// The hint that the Chinese name has its own column, only where a file has one.
    @Test func idHint() {
        let (_, problems) = load([
            "places.csv": Self.places,
            "links.csv": Self.linkHeader + "长吉,changchun,jilin,hsr,111,38,existing,,t\nA,changchun,jilin,hsr,111,38,existing,,t\n",
        ])
        #expect(problems == [
            "links.csv:2:1: error: id \"长吉\" must be lower-case ASCII letters, digits, - or _",
            "links.csv:3:1: error: id \"A\" must be lower-case ASCII letters, digits, - or _",
        ])
    }
}
