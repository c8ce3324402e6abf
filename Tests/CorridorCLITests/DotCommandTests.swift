import CorridorCLI
import Foundation
import Testing
import TestSupport

/// `corridor dot`, in-process: the file it writes is the writer's golden text, overlays
/// reach the diagram, and every bad option is a usage error (exit 64) that names it.
@Suite struct DotCommandTests {
    func run(_ args: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console()
        let status = Corridor.run(args, console: console)
        return (status, console.output, console.errors)
    }

    static let tiny = FixturePath.of("networks/tiny")

    static func temporaryFile(_ name: String) throws -> String {
        let folder = NSTemporaryDirectory() + "corridor-dot-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/" + name
    }

    /// `-o FILE` holds exactly the document: the golden map of the tiny network (with the
    /// default title left out), and the same text on the terminal.
    @Test func writesTheGoldenMap() throws {
        let file = try Self.temporaryFile("tiny.dot")
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        let r = run(["dot", Self.tiny, "--title=", "--kinds", "all", "-o", file])
        #expect(r.status == 0 && r.output.isEmpty && r.errors.isEmpty)
        let golden = try String(contentsOfFile: FixturePath.of("dot/tiny-geo.dot"), encoding: .utf8)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == golden)
        #expect(run(["dot", Self.tiny, "--title=", "--kinds", "all"]).output == golden)
        // Without --kinds the map draws settlements: the stations are drawn as their
        // cities, so the connectors (a station to its own city) go and the HSR runs
        // between 长春 and 吉林.
        let map = run(["dot", Self.tiny, "--title="]).output
        #expect(!map.contains("\"changchun-st\"") && map.contains("\"changchun\" -- \"jilin\" [color=\"#d62728\""))
        #expect(run(["dot", Self.tiny, "--title=", "--layout", "schematic"]).output.contains("\"changchun-st\""))
    }

    /// `-o map.svg` / `map.png` render with Graphviz: an image, not DOT text under an
    /// image's name. (The same text rendered by `dot -Tsvg` gives the same SVG.)
    @Test func anImageNameRendersTheDiagram() throws {
        guard Graphviz.isInstalled else {
            #expect(!Graphviz.isCI, "CI must have Graphviz")
            return
        }
        let svg = try Self.temporaryFile("tiny.svg")
        let folder = (svg as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = run(["dot", Self.tiny, "--title=", "--kinds", "all", "-o", svg])
        #expect(r.status == 0 && r.output.isEmpty && r.errors.isEmpty)
        let text = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(text.hasPrefix("<?xml") && text.contains("<svg") && text.contains(">长春</text>"))
        let golden = try String(contentsOfFile: FixturePath.of("dot/tiny-geo.dot"), encoding: .utf8)
        let direct = try Graphviz.render(golden, with: ["dot", "-Tsvg"])
        #expect(direct.status == 0 && direct.stdout == text)
        #expect(run(["dot", Self.tiny, "-o", folder + "/tiny.png"]).status == 0)
        let png = try #require(FileManager.default.contents(atPath: folder + "/tiny.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))  // the PNG signature
    }

    /// The golden schematic and impact through the command line: the options map onto the
    /// writer's settings one to one.
    @Test func optionsReachTheWriter() throws {
        let schematic = run(["dot", Self.tiny, "--layout", "schematic", "--labels", "both", "--clusters",
                             "--scenario", "all", "--title", "tiny"])
        #expect(schematic.status == 0)
        #expect(schematic.output == (try String(contentsOfFile: FixturePath.of("dot/tiny-schematic.dot"), encoding: .utf8)))
        let impact = run(["dot", Self.tiny, "--layout=schematic", "--labels=en", "--hide-planned", "--impact", "长吉城际提速",
                          "--title="])
        #expect(impact.status == 0)
        #expect(impact.output == (try String(contentsOfFile: FixturePath.of("dot/tiny-impact.dot"), encoding: .utf8)))
        let reach = run(["dot", Self.tiny, "--corridor", "长吉珲", "--reach", "长春", "--within", "30,60", "--kinds", "all",
                         "--title", "长吉珲 · 长春 30/60 分钟可达"])
        #expect(reach.output == (try String(contentsOfFile: FixturePath.of("dot/tiny-reach.dot"), encoding: .utf8)))
        let route = run(["dot", Self.tiny, "--route", "changchun，Jilin", "--kinds", "地级市", "--scenario", "all",
                         "--labels", "en", "--title="])
        #expect(route.output == (try String(contentsOfFile: FixturePath.of("dot/tiny-route.dot"), encoding: .utf8)))
    }

    /// Default titles say what the diagram shows, in the labels' language(s).
    @Test func titles() {
        let title = { (args: [String]) -> String? in
            self.run(["dot", Self.tiny] + args).output.split(separator: "\n")
                .first { $0.hasPrefix("  graph [") }
                .flatMap { $0.components(separatedBy: "label=\"").dropFirst().first?.components(separatedBy: "\", labelloc").first }
        }
        #expect(title([]) == "tiny（情景 base）")
        #expect(title(["--labels", "en", "--corridor", "长吉珲"]) == "长吉珲 · tiny (scenario base)")
        #expect(title(["--route", "changchun,jilin", "--labels", "both"])
                == "长春 → 吉林：66.6 分钟，换乘 0 次（情景 base）\\nChangchun → Jilin: 66.6 min, 0 transfers (scenario base)")
        #expect(title(["--reach", "长春,吉林", "--within", "60"]) == "长春、吉林 60 分钟可达（情景 base）")
        #expect(title(["--impact", "new-road", "--labels", "en"])
                == "Changchun–Jilin new road: minutes saved per trip, by place (scenario base + this project)")
    }

    /// The bundled network: the fastest 长春 → 延吉西站 is the non-stop HSR run (C1011/C1017,
    /// 125 min in the 2016 timetable) after the 长春站 connector on the way out (15 min +
    /// 3.3 km × 1.3 at 25 km/h = 25 min): 150 min, drawn as the track it runs over,
    /// thick; 沈白's links are thick in its impact.
    @Test func overlaysOnTheBundledNetwork() {
        let route = run(["dot", "jilin", "--route", "长春", "延吉西站", "--no-legend", "--kinds", "all"])
        #expect(route.status == 0)
        #expect(route.output.contains("\"changchun-st\" -- \"longjia-st\" [color=\"#d62728\", penwidth=6];"))
        #expect(route.output.contains("\"antuxi-st\" -- \"yanjixi-st\" [color=\"#d62728\", penwidth=6];"))
        let minutes = run(["route", "jilin", "--from", "长春", "--to", "延吉西站", "--format", "json"]).output
        #expect(minutes.contains("\"minutes\": 150") && route.output.contains("长春 → 延吉西站：150 分钟"))
        let impact = run(["dot", "jilin", "--impact", "hsr-shenbai", "--no-legend"])
        #expect(impact.status == 0)
        let thick = impact.output.split(separator: "\n").filter { $0.contains("penwidth=6") }
        #expect(!thick.isEmpty && thick.allSatisfy { !$0.contains("dashed") })
        // Its name labels one of its lines, once; the other projects' dashed lines keep
        // theirs, one each, so a planner can tell them apart.
        #expect(thick.filter { $0.contains("label=\"沈阳至白河高速铁路\"") }.count == 1)
        let lines = impact.output.split(separator: "\n")
        #expect(lines.filter { $0.contains("label=\"长春经辽源至通化高速铁路\"") }.count == 1)
        let reach = run(["dot", "jilin", "--reach", "长春", "--no-legend"]).output.split(separator: "\n")
        #expect(reach.filter { $0.contains("label=\"沈阳至白河高速铁路\"") && $0.contains("dashed") }.count == 1)
    }

    /// Ports reached by sea alone (釜山 at 35.1° N, 宁波 at 30.0° N, south of every place on
    /// land) stand below the map's bottom edge (y = 0) by the 24-pt margin, named as off
    /// the map; the frame is the land's. A north–south schematic's legend draws its line samples centre to
    /// centre, so a dash shows; the border-crossing line is told from the 口岸 places.
    /// An impact map of a project that saves no trip says so.
    @Test func farPortsLegendAndEmptyImpacts() {
        let map = run(["dot", "jilin", "--kinds", "all", "--corridor", "长吉珲", "--no-legend"]).output
        let busan = map.split(separator: "\n").first { $0.hasPrefix("  \"busan-port\" [") }
        #expect(busan?.contains("xlabel=\"釜山港（图外）\"") == true && busan?.hasSuffix(",-24!\"];") == true)
        let ningbo = map.split(separator: "\n").first { $0.hasPrefix("  \"ningbo-port\" [") }
        #expect(ningbo?.hasSuffix(",-24!\"];") == true)
        // 上海 stands 24 pt from 宁波 along the edge: moved out again, 36 pt below it.
        let shanghai = map.split(separator: "\n").first { $0.hasPrefix("  \"shanghai-port\" [") }
        #expect(shanghai?.hasSuffix(",-60!\"];") == true)
        let schematic = run(["dot", "jilin", "--corridor", "白松长通", "--layout", "schematic"]).output
        #expect(schematic.contains("style=dashed, tailclip=false, headclip=false];"))
        #expect(schematic.contains("label=\"口岸通道\\l\""))
        let empty = run(["dot", "jilin", "--impact", "air-siping", "-o", "-"])
        #expect(empty.status == 0 && empty.errors.contains("note: air-siping saves no trip between populated places in scenario base"))
    }

    /// The tiny network with extra places and links, in a new folder.
    static func tinyWith(places: String = "", links: String = "", clearParents: Bool = false) throws -> String {
        let folder = NSTemporaryDirectory() + "corridor-dot-net-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for name in ["places.csv", "links.csv", "projects.csv", "changes.csv"] {
            var text = try String(contentsOfFile: Self.tiny + "/" + name, encoding: .utf8)
            if name == "places.csv" {
                if clearParents { text = text.replacingOccurrences(of: "test fixture,changchun,", with: "test fixture,,")
                    .replacingOccurrences(of: "test fixture,jilin,", with: "test fixture,,") }
                text += places
            }
            if name == "links.csv" { text += links }
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        return folder
    }

    /// A sea port inside the land's box stays on the map; one far outside goes to its
    /// edge (湖港 between 长春 and 吉林; 远港 at 35.1° N, south of both). With the map's
    /// default kinds, a station without a city is drawn as itself, its HSR line with it.
    @Test func offMapOnlyOutsideAndOrphansKept() throws {
        let sea = try Self.tinyWith(
            places: "lake,湖港,Lake Port,port,43.83,126.0,t,,,\nfar,远港,Far Port,port,35.1,129.0,t,,,\n",
            links: "lk,lake,far,sea,1000,3000,,,existing,,,t\n")
        defer { try? FileManager.default.removeItem(atPath: sea) }
        let map = run(["dot", sea, "--no-legend"]).output
        #expect(map.contains("xlabel=\"湖港\"") && map.contains("xlabel=\"远港（图外）\""))
        let orphans = try Self.tinyWith(clearParents: true)
        defer { try? FileManager.default.removeItem(atPath: orphans) }
        #expect(run(["dot", orphans, "--no-legend"]).output.contains("\"changchun-st\" -- \"jilin-st\" [color=\"#d62728\""))
    }

    /// No route is a finding: exit 1, nothing written (e cannot reach a: de is one-way).
    @Test func noRouteIsAFinding() {
        let r = run(["dot", FixturePath.of("networks/reach"), "--route", "e,a"])
        #expect(r.status == 1 && r.output.isEmpty)
        #expect(r.errors == "corridor dot: no route from 戊 (e) to 甲 (a) in scenario base\n")
    }

    @Test func helpShowsTheRouteForm() {
        let r = run(["dot", "--help"])
        #expect(r.status == 0)
        // TO (--route FROM TO) is another spelling of --route: listed under arguments, not
        // in the usage line.
        #expect(r.output.hasPrefix("usage: corridor dot NETWORK [--scenario SCENARIO]"))
        #expect(r.output.contains("\n  TO "))
        #expect(r.output.contains("--route FROM,TO      highlight the fastest route"))
        #expect(r.output.contains("  corridor dot jilin --route 长春,延吉"))
        #expect(run(["help", "dot"]).output == r.output)
        #expect(run(["--help"]).output.contains("  dot "))
    }

    /// Every bad option is a usage error naming it, with the usage line.
    @Test(arguments: [
        (["--layout", "map"], "--layout: unknown value \"map\" (one of geo, schematic)"),
        (["--labels", "fr"], "--labels: unknown value \"fr\" (one of zh, en, both)"),
        (["--kinds", "city"], "--kinds: unknown kind \"city\" (kinds: prefecture, county, town, station, airport, port, border, junction, foreign, or all)"),
        (["--kinds", ","], "--kinds is empty"),
        (["--corridor", "长吉"], "--corridor: no link is tagged \"长吉\" (the network's corridors: 长吉珲, 长春都市圈) (did you mean \"长吉珲\"?)"),
        (["--route", "changchun"], "--route needs two places or more: --route FROM,TO"),
        (["--route", "长春,Changchun"], "--route names 长春 (changchun) twice in a row"),
        (["--route", "changchn,jilin"], "--route: unknown place \"changchn\" (did you mean \"changchun\" (长春)"),
        (["--reach", ""], "--reach is empty: name one or more places"),
        (["--reach", "长春", "--impact", "new-road"], "--reach and --impact are separate overlays; give one"),
        (["--within", "60"], "--within goes with --reach"),
        (["--reach", "长春", "--within", "10,20,30,40,50,60,70"], "--within: at most 6 bands can be told apart by colour"),
        (["--clusters"], "--clusters needs --layout schematic (neato, which draws the geo layout, draws no clusters)"),
        (["--impact", "new-rd"], "--impact: unknown project \"new-rd\" (did you mean \"new-road\" (长吉新路)?)"),
        (["--impact", "new-road,hsr-speedup"], "--impact takes one project"),
        (["--impact", "hsr-speedup", "--scenario", "2026"],
         "--impact: hsr-speedup is built in --scenario 2026 already; measure it on a scenario without it"),
        (["jilin"], "unexpected argument \"jilin\" (one NETWORK; or --route FROM TO)"),
        (["--scenario", "no-such"], "--scenario: unknown project \"no-such\""),
        (["-o", "/tmp/never-written.jpg"], "--output: dot writes .dot (or .gv) text, or renders .svg, .png or .pdf — not .jpg"),
    ])
    func usageErrors(_ arguments: [String], _ message: String) {
        let r = run(["dot", Self.tiny] + arguments)
        #expect(r.status == 64, "\(arguments)")
        #expect(r.output.isEmpty)
        #expect(r.errors.hasPrefix("corridor dot: error: " + message), "\(r.errors)")
        #expect(r.errors.contains("usage: corridor dot NETWORK"))
    }

    @Test func aDIMACSGraphHasNothingToDraw() {
        let r = run(["dot", FixturePath.of("dimacs/rome99.gr")])
        #expect(r.status == 64)
        #expect(r.errors.hasPrefix("corridor dot: error: a DIMACS graph has no places, modes or coordinates to draw"))
    }

    /// A file that cannot be written: exit 1, nothing left behind.
    @Test func unwritableOutputFails() {
        let r = run(["dot", Self.tiny, "-o", "/no/such/folder/x.dot"])
        #expect(r.status == 1)
        #expect(r.errors == "corridor dot: error: cannot write \"/no/such/folder/x.dot\": the folder \"/no/such/folder\" does not exist\n")
    }
}
