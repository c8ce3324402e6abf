import CorridorCLI
import Foundation
import Testing
import TestSupport

/// The built `corridor` executable, as a user runs it: standard output, standard error and
/// exit status, compared with what the same command gives in-process; and every example
/// of every command's help, run.
@Suite struct EndToEndTests {
    static let binary = FixturePath.repositoryRoot + "/.build/debug/corridor"

    /// Runs `args` with the binary (or `executable`) in `folder` (the repository root by
    /// default), with `environment` if given (else the test's own).
    func spawn(
        _ args: [String], executable: String = EndToEndTests.binary, in folder: String = FixturePath.repositoryRoot,
        environment: [String: String]? = nil
    ) throws -> (Int32, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: folder)
        if let environment { p.environment = environment }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let group = DispatchGroup()
        nonisolated(unsafe) var o = Data(), e = Data()
        DispatchQueue.global().async(group: group) { o = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { e = err.fileHandleForReading.readDataToEndOfFile() }
        group.wait()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func inProcess(_ args: [String]) -> (Int32, String, String) {
        let console = Console()
        let status = Corridor.run(args, console: console)
        return (status, console.output, console.errors)
    }

    @Test func theBinaryAnswersAsTheLibraryDoes() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "swift test builds \(Self.binary)")
        let cases: [[String]] = [
            ["--help"], ["route", "--help"], ["help", "reach"], ["dot", "--help"],
            ["reach", "jilin", "--from", "长春", "--format", "csv"],
            ["route", "jilin", "--from", "长春", "--to", "吉林", "--format", "json"],
            ["gaps", "jilin", "--check"],                                // unmet goals: 1
            ["reach", "jilin", "--from", "长春x"],                       // unknown place: 64
            ["route", "jilin", "--from", "长春", "--to", "吉林", "--frmat", "csv"],
            ["validate", "Fixtures/networks/invalid/not-utf8"],           // unreadable: 65
            ["validate", "Fixtures/networks/invalid/unknown-place"],      // findings: 1
            ["info", "nowhere"],
        ]
        for args in cases {
            let (status, out, err) = try spawn(args)
            let (want, wantOut, wantErr) = inProcess(args)
            #expect(status == want, "\(args)")
            #expect(out == wantOut, "\(args)")
            #expect(err == wantErr, "\(args)")
        }
        #expect(try spawn(["gaps", "jilin", "--check"]).0 == 1)
        #expect(try spawn(["reach", "jilin", "--from", "长春x"]).0 == 64)
        #expect(try spawn(["validate", "Fixtures/networks/invalid/not-utf8"]).0 == 65)
    }

    /// Results on standard output, messages on standard error, no progress when standard
    /// error is not a terminal.
    @Test func resultsAndMessagesGoToTheirStreams() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let (status, out, err) = try spawn(["impact", "jilin"])
        #expect(status == 0 && out.hasPrefix("impact of 49 projects") && err.isEmpty)
        let dir = NSTemporaryDirectory() + "corridor-e2e-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (s2, o2, e2) = try spawn(["report", "-o", dir])
        #expect(s2 == 0 && o2.isEmpty && e2.hasPrefix("corridor report: wrote report.md"))
    }

    /// Every example in every command's help works on the bundled network (with -o sent to
    /// a temporary folder), and `help X` is `X --help`.
    /// A `dot` that fails: the report is still written, and says which diagrams Graphviz
    /// could not render and why.
    @Test func aFailingGraphvizIsReportedPlainly() throws {
        let root = NSTemporaryDirectory() + "corridor-fake-dot-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/bin", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        FileManager.default.createFile(
            atPath: root + "/bin/dot", contents: Data("#!/bin/sh\necho 'Error: out of crayons' >&2\nexit 3\n".utf8),
            attributes: [.posixPermissions: 0o755])
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = ["report", FixturePath.of("networks/impact"), "-o", root + "/out"]
        p.environment = ["PATH": root + "/bin:/usr/bin:/bin"]
        p.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        p.standardError = errors
        try p.run()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let report = try String(contentsOfFile: root + "/out/report.md", encoding: .utf8)
        #expect(report.contains("- The network (base; planned projects dashed): `network-map.dot`\n\nGraphviz could not "
            + "render `network-map.dot` (\(root)/bin/dot -Tsvg exited with status 3: Error: out of crayons); the DOT file is complete."))
        // … and on standard error, where the planner running it looks.
        #expect(said.contains("corridor report: warning: Graphviz could not render network-map: \(root)/bin/dot -Tsvg "
            + "exited with status 3: Error: out of crayons\n"))
        let files = try FileManager.default.contentsOfDirectory(atPath: root + "/out")
        #expect(files.contains("network-map.dot") && !files.contains { $0.hasSuffix(".svg") || $0.hasSuffix(".png") })
    }

    /// A binary copied out of the package finds no bundled network by itself, says how to
    /// point it at them, and finds them through CORRIDOR_NETWORKS.
    @Test func aCopiedBinaryFindsNetworksThroughTheEnvironment() throws {
        let root = NSTemporaryDirectory() + "corridor-copy-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.copyItem(atPath: Self.binary, toPath: root + "/corridor")
        func run(_ environment: [String: String]) throws -> (Int32, String, String) {
            try spawn(["info", "jilin"], executable: root + "/corridor", in: root, environment: environment)
        }
        let (lost, _, why) = try run([:])
        #expect(lost == 65)
        #expect(why == "corridor info: error: no network \"jilin\": not a folder, a DIMACS .gr file or a bundled network "
            + "(none found here; set CORRIDOR_NETWORKS to the folder that holds them)\n")
        // A setting that names no folder is said.
        let (mistyped, _, whyNot) = try run(["CORRIDOR_NETWORKS": root + "/Netwroks"])
        #expect(mistyped == 65)
        #expect(whyNot.hasSuffix("; CORRIDOR_NETWORKS is set to \"\(root)/Netwroks\", which is not a folder\n"))
        let (found, out, _) = try run(["CORRIDOR_NETWORKS": FixturePath.repositoryRoot + "/Networks"])
        #expect(found == 0 && out.hasPrefix("network \(FixturePath.repositoryRoot)/Networks/jilin\n"))
    }

    /// `corridor report jilin -o jilin` makes a folder named jilin; it must not hide the
    /// bundled network from the next command run there.
    @Test func aReportFolderDoesNotHideTheBundledNetwork() throws {
        let root = NSTemporaryDirectory() + "corridor-shadow-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/jilin", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        FileManager.default.createFile(atPath: root + "/jilin/report.md", contents: Data("# a report".utf8))
        let (status, text, _) = try spawn(["info", "jilin"], in: root)
        #expect(status == 0)
        #expect(text.hasPrefix("network \(FixturePath.repositoryRoot)/Networks/jilin\n"))
        // A folder with some of a network's files is a network, missing its places.csv:
        // that is said, rather than the bundled network checked in its place.
        FileManager.default.createFile(atPath: root + "/jilin/links.csv", contents: Data("id,from,to\n".utf8))
        // validate's findings are its results: on stdout.
        let (invalid, why, _) = try spawn(["validate", "jilin"], in: root)
        #expect(invalid == 65)
        #expect(why.contains("jilin/places.csv"), "\(why)")
    }

    @Test func everyHelpExampleRuns() throws {
        let dir = NSTemporaryDirectory() + "corridor-examples-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["report", "validate", "info", "route", "reach", "gaps", "impact", "dot", "completions"] {
            let help = inProcess(["help", name])
            #expect(help.0 == 0 && help.1 == inProcess([name, "--help"]).1, "\(name)")
            #expect(help.1.contains("examples:"), "\(name)")
            let examples = help.1.components(separatedBy: "examples:\n").last!.split(separator: "\n")
            #expect(!examples.isEmpty, "\(name)")
            for line in examples {
                var words = line.trimmingCharacters(in: .whitespaces).components(separatedBy: " ")
                // Every example is a corridor command this test can run.
                guard words.first == "corridor" else {
                    Issue.record("\(name): the example \"\(line)\" is not a corridor command")
                    continue
                }
                words.removeFirst()
                if let redirect = words.firstIndex(of: ">") { words.removeSubrange(redirect...) }
                if let o = words.firstIndex(where: { $0 == "-o" || $0 == "--output" }), o + 1 < words.count {
                    words[o + 1] = dir + "/" + (words[o + 1] as NSString).lastPathComponent
                }
                let (status, _, err) = inProcess(words.map { $0.replacingOccurrences(of: "\"", with: "") })
                #expect(status == 0 || (status == 1 && words.contains("--check")), "\(line): \(err)")
            }
        }
    }
}
