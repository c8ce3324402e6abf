import CorridorCLI
import Foundation
import Testing
import TestSupport

/// The command line, in-process, and once through the real binary.
@Suite struct CorridorCommandTests {
    func run(_ arguments: [String]) -> (status: Int32, output: String, errors: String) {
        let console = Console()
        let status = Corridor.run(arguments, console: console)
        return (status, console.output, console.errors)
    }

    @Test func version() {
        let r = run(["--version"])
        #expect(r.status == 0)
        #expect(r.output == "corridor \(Corridor.version)\n")
        #expect(r.errors.isEmpty)
    }

    @Test func helpListsCommandsAndExitCodes() {
        let r = run(["--help"])
        #expect(r.status == 0)
        #expect(r.output.contains("usage: corridor COMMAND [options]"))
        #expect(r.output.contains("64 usage error"))
        // `--help COMMAND` is help on the command, as `help COMMAND` is.
        let route = run(["--help", "route"])
        #expect(route.status == 0 && route.output == run(["help", "route"]).output)
        #expect(route.output.hasPrefix("usage: corridor route NETWORK"))
    }

    @Test func noArgumentsIsAUsageError() {
        let r = run([])
        #expect(r.status == 64)
        #expect(r.output.isEmpty)
        #expect(r.errors.contains("usage: corridor"))
    }

    @Test func unknownCommandSuggests() {
        let r = run(["versoin"])
        #expect(r.status == 64)
        #expect(r.output.isEmpty)
        #expect(r.errors.hasPrefix("corridor: error: unknown command \"versoin\" (did you mean \"version\"?)\n"))
    }

    @Test func versionAndHelpHaveHelpAndRefuseExtraArguments() {
        for arguments in [["version", "--help"], ["help", "version"]] {
            let r = run(arguments)
            #expect(r.status == 0 && r.errors.isEmpty)
            #expect(r.output == "usage: corridor version\n\nPrint the version.\n\nexample: corridor version\n")
        }
        for arguments in [["help", "--help"], ["help", "help"]] {
            let r = run(arguments)
            #expect(r.status == 0 && r.output.hasPrefix("usage: corridor help [COMMAND]\n"))
        }
        let v = run(["version", "x"])
        #expect(v.status == 64 && v.output.isEmpty)
        #expect(v.errors == "corridor version: error: unexpected argument \"x\"\nusage: corridor version\n")
        let h = run(["help", "reach", "x"])
        #expect(h.status == 64 && h.output.isEmpty)
        #expect(h.errors.hasPrefix("corridor help: error: unexpected argument \"x\"\n"))
    }

    @Test func aSwappedPairOfLettersStillSuggests() {
        let r = run(["raech"])
        #expect(r.status == 64)
        #expect(r.errors.hasPrefix("corridor: error: unknown command \"raech\" (did you mean \"reach\"?)\n"))
    }

    @Test func unknownOptionSuggests() {
        let r = run(["--hlep"])
        #expect(r.status == 64)
        #expect(r.errors.hasPrefix("corridor: error: unknown option --hlep (did you mean \"--help\"?)\n"))
    }

    /// The built executable: stdout, stderr and status as a user sees them.
    @Test func realBinaryEndToEnd() throws {
        let binary = FixturePath.repositoryRoot + "/.build/debug/corridor"
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            // `swift test` builds every product of the package, so it is there in CI.
            Issue.record("corridor binary not built at \(binary)")
            return
        }
        func spawn(_ args: [String]) throws -> (Int32, String, String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: binary)
            p.arguments = args
            let out = Pipe(), err = Pipe()
            p.standardOutput = out
            p.standardError = err
            try p.run()
            let o = out.fileHandleForReading.readDataToEndOfFile()
            let e = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
        }
        // Results that cannot be written (a full disk) fail the run.
        let full = Process()
        full.executableURL = URL(fileURLWithPath: binary)
        full.arguments = ["--help"]
        full.standardOutput = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let fullErrors = Pipe()
        full.standardError = fullErrors
        try full.run()
        let fullMessage = String(decoding: fullErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        full.waitUntilExit()
        #expect(full.terminationStatus == 1)
        #expect(fullMessage == "corridor: error: cannot write the results to standard output (No space left on device)\n")
        let (s1, o1, e1) = try spawn(["--version"])
        #expect(s1 == 0 && o1 == "corridor \(Corridor.version)\n" && e1.isEmpty)
        let (s2, o2, e2) = try spawn(["frobnicate"])
        #expect(s2 == 64 && o2.isEmpty)
        #expect(e2.hasPrefix("corridor: error: unknown command \"frobnicate\""))
    }
}
