import CorridorCLI
import Foundation
import Testing
import TestSupport

@Suite struct ValidateCommandTests {
    func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console()
        let status = Corridor.run(arguments, console: console)
        return (status, console.output, console.errors)
    }

    /// A temporary network: the tiny fixture's places and the given links.
    func network(links: String) -> String {
        let folder = NSTemporaryDirectory() + "corridor-cli-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try! FileManager.default.copyItem(
            atPath: FixturePath.of("networks/tiny/places.csv"), toPath: folder + "/places.csv")
        try! Data(("id,from,to,mode,length_km,minutes,status,source\n" + links).utf8)
            .write(to: URL(fileURLWithPath: folder + "/links.csv"))
        return folder
    }

    @Test func cleanNetwork() {
        let folder = FixturePath.of("networks/tiny")
        let r = run(["validate", folder])
        #expect(r.status == 0)
        #expect(r.output == "\(folder): no problems\n")
        #expect(r.errors.isEmpty)
    }

    @Test func problemsAreListedAndCounted() {
        let folder = network(links: """
            a,changchun,jilinn,hsr,111,38,existing,t
            b,changchun-st,jilin-st,hsr,111,38,existing,t
            c,changchun,changchun-st,connector,,20,existing,t

            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = run(["validate", folder])
        #expect(r.status == 1)
        // jilin has no link left (a's end is misspelt): a warning besides the error;
        // jilin-st is still reached by b.
        #expect(r.output == """
            \(folder)/links.csv:2:13: error: unknown place "jilinn" (did you mean "jilin"?)
            \(folder)/places.csv:3:1: warning: no link reaches 吉林 (jilin)
            \(folder): 1 error, 1 warning

            """)
    }

    @Test func warningsFailOnlyWhenStrict() {
        let folder = network(links: """
            a,changchun,jilin,hsr,111,10,existing,t
            b,changchun-st,jilin-st,hsr,111,38,existing,t

            """)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(run(["validate", folder]).status == 0)
        let strict = run(["validate", "--strict", folder])
        #expect(strict.status == 1)
        #expect(strict.output.hasSuffix("\(folder): 0 errors, 1 warning\n"))
    }

    @Test func usageAndUnreadableInput() {
        let missing = run(["validate"])
        #expect(missing.status == 64 && missing.errors.hasPrefix("corridor validate: error: missing NETWORK"))
        let flag = run(["validate", "--strcit", "x"])
        #expect(flag.status == 64)
        #expect(flag.errors.hasPrefix("corridor validate: error: unknown option --strcit (did you mean \"--strict\"?)\n"))
        let two = run(["validate", "a", "b"])
        #expect(two.status == 64)
        let nowhere = run(["validate", "/nonexistent/network"])
        #expect(nowhere.status == 65)
        #expect(nowhere.errors.hasPrefix("corridor validate: error: no network \"/nonexistent/network\": not a folder"))
        let help = run(["validate", "--help"])
        #expect(help.status == 0 && help.output.hasPrefix("usage: corridor validate NETWORK [--strict]"))
        #expect(run(["help", "validate"]).output == help.output)
    }

    /// A folder without places.csv cannot be read: exit 65, with the file named.
    @Test func folderThatIsNotANetwork() {
        let folder = NSTemporaryDirectory() + "corridor-empty-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = run(["validate", folder])
        #expect(r.status == 65)
        #expect(r.output.contains("\(folder)/places.csv: error: no such file"))
        #expect(r.output.contains("\(folder)/links.csv: error: no such file"))
    }
}

@Suite struct ValidateOrderTests {
    /// Problems found in different passes (rows, references, geometry) come out in file,
    /// line and column order.
    @Test func problemsAreSortedByFileAndLine() {
        let folder = NSTemporaryDirectory() + "corridor-order-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try! FileManager.default.copyItem(
            atPath: FixturePath.of("networks/tiny/places.csv"), toPath: folder + "/places.csv")
        // Line 2: a reference problem (found after all rows); line 3: a row problem;
        // line 4: a geometry problem (found last).
        try! Data("""
            id,from,to,mode,length_km,minutes,status,source
            a,changchun,nowhere,hsr,111,38,existing,t
            b,changchun,jilin,hsr,x,38,existing,t
            c,changchun,jilin,expressway,50,30,existing,t
            d,changchun-st,jilin-st,hsr,111,38,existing,t

            """.utf8).write(to: URL(fileURLWithPath: folder + "/links.csv"))
        let console = Console()
        #expect(Corridor.run(["validate", folder], console: console) == 1)
        let lines = console.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("\(folder)/links.csv:2:13: error: unknown place \"nowhere\""))
        #expect(lines[1].hasPrefix("\(folder)/links.csv:3:23: error: length_km \"x\" is not a number"))
        #expect(lines[2].hasPrefix("\(folder)/links.csv:4:30: error: length 50 km is shorter"))
        #expect(lines[3] == "\(folder): 3 errors, 0 warnings")
    }
}
