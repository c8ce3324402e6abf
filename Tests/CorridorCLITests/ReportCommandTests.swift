import CorridorCLI
import Foundation
import Testing
import TestSupport

/// `corridor report`, in-process, on the hand-worked impact fixture (its README has every
/// figure) and, for the main job itself, on the bundled network.
@Suite struct ReportCommandTests {
    func run(_ args: [String]) -> (Int32, String, String) {
        let console = Console()
        let status = Corridor.run(args, console: console)
        return (status, console.output, console.errors)
    }

    static let fixture = FixturePath.of("networks/impact")

    @Test func markdownOnTheFixture() {
        let (status, out, err) = run(["report", Self.fixture, "--within", "60,120"])
        #expect(status == 0 && err.isEmpty)
        // The hub is a, the hub of the fixture's within goals.
        #expect(out.contains("hub 甲 (`a`), circles of 60, 120 minutes"))
        // Limits in any order are the same circles.
        #expect(run(["report", Self.fixture, "--within", "120,60"]).1 == out)
        // With every project: b (via the west and east halves, 40 min), c (fast, 40) and the town
        // m (20, a settlement without people) enter ≤ 60.
        #expect(out.contains("| ≤ 60 min | 1 | 1,000 | 4 | 3,000 | 2,000 |"))
        // b–c within 60 stays unmet: 80 min at best (the fixture's README).
        #expect(out.contains("5 of 5 goals are unmet in the base network; 1 remains unmet with every project built."))
        #expect(out.contains("| 甲至丙一小时 | ≤ 1 h | short: 丙 1 h 30 min | met | 快线; or 另线 |"))
        #expect(out.contains("| 1 | 快线 | 3 |"))
        // Build order: fast, east, west; other adds nothing after fast.
        #expect(out.contains("| 1 | 快线 |") && out.contains("| 2 | 东段 |") && out.contains("| 3 | 西段 |"))
        #expect(out.contains("The other project adds nothing measurable (at least a second saved on the average trip, "
            + "a goal place brought to target, or someone entering a circle) once those are built."))
        // The circles are 60 and 120 here: the counting rule names them.
        #expect(out.contains("(someone entering the 60-minute circle from beyond 120 counts twice)"))
    }

    @Test func folderIsWrittenWholeOrNotAtAll() throws {
        let root = NSTemporaryDirectory() + "corridor-report-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (status, out, err) = run(["report", Self.fixture, "-o", root + "/out"])
        #expect(status == 0 && out.isEmpty && err.hasPrefix("corridor report: wrote report.md"))
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: root + "/out"))
        let tables: Set = ["gaps.csv", "impact.csv", "reach-all.csv", "reach-base.csv", "reach-compare.csv",
                           "reach-compare.geojson", "report.md"]
        // The diagrams: the map, the hub's bands and the top project's impact (fast), as DOT,
        // and rendered when Graphviz is here (CI installs it).
        let diagrams = ["network-map", "hub-reach", "impact-fast"]
        let rendered = FileManager.default.isExecutableFile(atPath: "/usr/bin/dot")
        let expected = tables.union(diagrams.flatMap { d in rendered ? [d + ".dot", d + ".svg", d + ".png"] : [d + ".dot"] })
        #expect(files == expected.union([".corridor-report"]))
        // The hidden manifest lists what the report wrote.
        let manifest = try String(contentsOfFile: root + "/out/.corridor-report", encoding: .utf8)
        #expect(Set(manifest.split(separator: "\n").map(String.init)) == expected)
        let report = try String(contentsOfFile: root + "/out/report.md", encoding: .utf8)
        #expect(report.contains(rendered ? "![The network (base; planned projects dashed)](network-map.png)" : "network-map.dot"))
        // The report names the tables written beside it.
        #expect(report.contains("## The files beside this report\n\n- `reach-base.csv`, `reach-all.csv`: "))
        // Written again into the existing folder: its files replaced, no staging folder left.
        #expect(run(["report", Self.fixture, "-o", root + "/out"]).0 == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["out"])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root + "/out")) == expected.union([".corridor-report"]))
        // A file an earlier report wrote and this one does not goes; a planner's own file
        // in the folder stays.
        FileManager.default.createFile(atPath: root + "/out/impact-old.dot", contents: Data("x".utf8))
        FileManager.default.createFile(atPath: root + "/out/.corridor-report", contents: Data((manifest + "impact-old.dot\n").utf8))
        FileManager.default.createFile(atPath: root + "/out/notes.txt", contents: Data("mine".utf8))
        #expect(run(["report", Self.fixture, "-o", root + "/out"]).0 == 0)
        #expect(!FileManager.default.fileExists(atPath: root + "/out/impact-old.dot"))
        #expect(try String(contentsOfFile: root + "/out/notes.txt", encoding: .utf8) == "mine")
        // A folder a planner made under a name an earlier report listed is theirs: kept.
        try FileManager.default.createDirectory(atPath: root + "/out/impact-old.dot", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: root + "/out/impact-old.dot/keep.txt", contents: Data("mine".utf8))
        FileManager.default.createFile(atPath: root + "/out/.corridor-report", contents: Data((manifest + "impact-old.dot\n").utf8))
        #expect(run(["report", Self.fixture, "-o", root + "/out"]).0 == 0)
        #expect(FileManager.default.fileExists(atPath: root + "/out/impact-old.dot/keep.txt"))
        try FileManager.default.removeItem(atPath: root + "/out/impact-old.dot")
        // `-o DIR/.` (as `-o .` in the folder) writes into the folder itself.
        try FileManager.default.createDirectory(atPath: root + "/here", withIntermediateDirectories: true)
        #expect(run(["report", Self.fixture, "-o", root + "/here/."]).0 == 0)
        #expect(FileManager.default.fileExists(atPath: root + "/here/report.md"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["here", "out"])
        // A symbolic link to a report folder writes into the folder it points to.
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: root + "/here")
        FileManager.default.createFile(atPath: root + "/here/report.md", contents: Data("old".utf8))
        #expect(run(["report", Self.fixture, "-o", root + "/link"]).0 == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root + "/link") == root + "/here")
        #expect(try String(contentsOfFile: root + "/here/report.md", encoding: .utf8).hasPrefix("# Corridor report"))
        try FileManager.default.removeItem(atPath: root + "/link")
        try FileManager.default.removeItem(atPath: root + "/here")
        // A folder with other files and no report.md is never replaced.
        try FileManager.default.createDirectory(atPath: root + "/mine", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: root + "/mine/notes.txt", contents: Data("mine".utf8))
        let (kept, _, why) = run(["report", Self.fixture, "-o", root + "/mine"])
        #expect(kept == 1 && why.contains("no earlier report"))
        // … even when it has a report.md of its own: only a folder a report wrote (its
        // .corridor-report) is taken for an earlier report.
        FileManager.default.createFile(atPath: root + "/mine/report.md", contents: Data("mine".utf8))
        #expect(run(["report", Self.fixture, "-o", root + "/mine"]).0 == 1)
        #expect(try String(contentsOfFile: root + "/mine/report.md", encoding: .utf8) == "mine")
        // A folder in the way of one of the report's files: refused before any file moves.
        try FileManager.default.removeItem(atPath: root + "/out/gaps.csv")
        try FileManager.default.createDirectory(atPath: root + "/out/gaps.csv", withIntermediateDirectories: false)
        let before = try String(contentsOfFile: root + "/out/report.md", encoding: .utf8)
        FileManager.default.createFile(atPath: root + "/out/report.md", contents: Data("earlier".utf8))
        let (blocked, _, blockedWhy) = run(["report", Self.fixture, "-o", root + "/out"])
        #expect(blocked == 1 && blockedWhy.contains("gaps.csv\": a folder is in the way"))
        #expect(try String(contentsOfFile: root + "/out/report.md", encoding: .utf8) == "earlier")
        #expect(!before.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/out").allSatisfy { !$0.contains(".tmp-") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/mine").sorted() == ["notes.txt", "report.md"])
        // A folder whose parent does not exist: exit 1, nothing written.
        let (bad, _, message) = run(["report", Self.fixture, "-o", root + "/missing/out"])
        #expect(bad == 1 && message.contains("does not exist"))
        #expect(!FileManager.default.fileExists(atPath: root + "/missing"))
    }

    /// The build order shows the steps a later one completes (Fixtures/networks/sections:
    /// no section helps before the third; then a–b by rail, 3 × 12 min, saves 84 of 120).
    @Test func buildOrderKeepsTheStepsALaterOneCompletes() throws {
        let (_, out, _) = run(["report", FixturePath.of("networks/sections")])
        #expect(out.contains("""
            | 1 | 一段 | 0 | 0 |  | 0 |
            | 2 | 二段 | 0 | 0 |  | 0 |
            | 3 | 三段 | 3 | 84 | 甲乙一小时 | 1,000 |
            """))
        // A network without projects says so rather than drawing an empty table.
        let (_, none, _) = run(["report", FixturePath.of("networks/reach")])
        #expect(none.contains("## Recommended build order\n\nThe network has no planned projects.\n"))
        // A goal of 110 minutes, b at 120 by road: within a tenth, a close call.
        let close = NSTemporaryDirectory() + "corridor-close-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: FixturePath.of("networks/sections"), toPath: close)
        defer { try? FileManager.default.removeItem(atPath: close) }
        let goals = try String(contentsOfFile: close + "/goals.csv", encoding: .utf8)
        try goals.replacingOccurrences(of: ",b,60,", with: ",b,110,").write(toFile: close + "/goals.csv", atomically: true, encoding: .utf8)
        let (_, closeCall, _) = run(["report", close])
        #expect(closeCall.contains("Close calls (base, within a tenth of the target either side, where the network's "
            + "estimates — detour factors, assumed speeds, station and airport access times — could tip the verdict): "
            + "乙 2 h against 1 h 50 min (甲乙一小时)."))
        // A path names its network itself: no folder repeated after it.
        #expect(none.contains("Network `\(FixturePath.of("networks/reach"))`, hub"))
        // Tiny: over the opened speed-up (长春–吉林 by HSR 20 + 30 + 15 = 65 min) the new road,
        // 120 km at 80 km/h = 90 min, is on no fastest route: nothing measurable remains.
        let (_, tiny, _) = run(["report", FixturePath.of("networks/tiny")])
        #expect(tiny.contains("the base and the project opened since the plans (长吉城际提速 (opened 2024))"))
        #expect(tiny.contains("\nNo remaining project adds anything measurable (at least a second saved"))
        // With the new road opened too, nothing remains to order.
        let folder = NSTemporaryDirectory() + "corridor-opened-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: FixturePath.of("networks/tiny"), toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let projects = try String(contentsOfFile: folder + "/projects.csv", encoding: .utf8)
        try projects.replacingOccurrences(of: "links,,test fixture", with: "links,2025,test fixture")
            .write(toFile: folder + "/projects.csv", atomically: true, encoding: .utf8)
        let (_, opened, _) = run(["report", folder])
        #expect(opened.contains("## Recommended build order\n\nEvery project has opened: nothing remains to order.\n"))
        // A year still to come is an expected one: the speed-up, expected in 2099, is not in
        // today's network but the first step of the order (65 against 66.6 min: 1.6 saved).
        let (_, expected, _) = run(["report", FixturePath.of("networks/invalid/opened-in-future")])
        #expect(!expected.contains("From today's network"))
        #expect(expected.contains("| 1 | 长吉城际提速 (expected 2099) | 1 | 1.6 |  | 0 |"))
    }

    @Test func theMainJobOnTheBundledNetwork() {
        let (status, out, _) = run(["report"])
        #expect(status == 0)
        #expect(out.hasPrefix("# Corridor report: jilin"))
        // The plans' named gaps and what closes them (C 第一章, C 专栏2).
        #expect(out.contains("| 临江、长白未通高速公路 | expressway access ≤ 30 min |"))
        // Today (沈白 opened 2025, facts.md §2) 通化 and 白山 have fast rail; 辽源 has not
        // (C 第一章: 辽源、通化、白山未通快速铁路; the 长辽通 line is still planned).
        let row = out.split(separator: "\n").first { $0.hasPrefix("| 辽源、通化、白山未通快速铁路 |") }
            .map { $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
        #expect(out.contains("| goal | target | base | today (2025) | with every project | closed by |"))
        #expect(row.count == 6 && row[2].contains("通化") && row[3].hasPrefix("short: 辽源") && !row[3].contains("通化")
            && !row[3].contains("白山") && row[4] == "met", "\(row)")
        // The top project (延长高速 into 长春) brings 双阳 within the hour, a close call (63 min).
        #expect(out.contains("The top project's gap and people scores rest partly on close calls (双阳 63 against 60 min "
            + "(长春1小时通勤圈, before); 双阳 63 against 60 min (长春都市圈1小时公路通勤圈, before); 磐石 113.9 against 120 min (长春's circle, after))"))
        // What closes it is what is left to build: the 长辽通 line (through 辽源) alone.
        #expect(row.count == 6 && row[5] == "长春经辽源至通化高速铁路", "\(row)")
        // 北大湖, a town without population figures, enters the 2-hour circle by the
        // planned expressway to it (B 专栏2): said in brackets, not "no effect" bare.
        #expect(out.contains("- 长春（龙嘉机场）至北大湖高速公路（谋划） (北大湖 into the 120-minute circle)"))
        // The map is of today's network; the command for exact figures names the network.
        #expect(out.contains("the network today (scenario 2025: the projects opened since the plans built; those still planned dashed)"))
        #expect(out.contains("`corridor impact jilin --scenario 2025 --sequence`"))
        #expect(out.contains("白山至临江高速公路 + 抚长高速松江河至长白段"))
        #expect(out.contains("## Recommended build order"))
        // Projects opened since the plans say so (沈白 opened 2025-09-28: facts.md §2).
        #expect(out.contains("| 沈阳至白河高速铁路 (opened 2025) |"))
        // The build order is of what remains: nothing opened is in it.
        let order = out.components(separatedBy: "## Recommended build order").last ?? ""
        #expect(order.contains("From today's network — the base and the 9 projects opened since the plans ("))
        // Project names hold 、 themselves (长春、吉林…): a list of projects is joined by "; ",
        // in the order of projects.csv (沈白 row 6, 敦白 row 7).
        #expect(order.contains("(沈阳至白河高速铁路 (opened 2025); 敦化至白河（长白山）高速铁路 (opened 2021); "))
        #expect(!(order.components(separatedBy: "| step |").last ?? "").contains("(opened "))
        // Goal names hold 、 themselves: a list of goals is joined by "; ".
        #expect(out.contains("辽源、通化、白山未通快速铁路; 市（州）通动车"))
        // A project too small for the averages still shows the trip it shortens: G331 upgrades
        // the border road 集安–临江–长白 and 南坪–图们 (F 国省干道; changes-road.csv), so its best
        // pair is two of the county seats on it.
        let g331 = out.components(separatedBy: "沿边开放旅游大通道（G331） (").dropFirst().first ?? ""
        let pair = g331.prefix { $0 != " " }.split(separator: "–").map(String.init)
        #expect(pair.count == 2 && pair.allSatisfy { ["集安", "临江", "长白", "图们"].contains($0) }, "\(pair)")
    }

    @Test func badInput() {
        let cases: [([String], Int32, String)] = [
            (["report", "nowhere"], 65, "corridor report: error: no network \"nowhere\""),
            (["report", Self.fixture, "--hub", "zz"], 64, "corridor report: error: --hub: unknown place \"zz\""),
            (["report", Self.fixture, "--within", "0"], 64, "corridor report: error: --within: 0 must be positive"),
            (["report", Self.fixture, "-o", "/tmp/never-written.md"], 64, "corridor report: error: --output names a .md file, but a report is a folder"),
            (["report", FixturePath.of("dimacs/rome99.gr")], 64, "corridor report: error: a report needs a planner's network"),
        ]
        for (args, want, message) in cases {
            let (status, out, err) = run(args)
            #expect(status == want, "\(args): \(err)")
            #expect(err.contains(message), "\(args): \(err)")
            #expect(out.isEmpty)
        }
    }
}
