@testable import CorridorCLI
import CorridorKit
import Foundation
import Testing

/// Results to the console or, atomically, to a file: a failed write leaves an existing
/// file as it was and never leaves a temporary file behind.
@Suite struct OutputTargetTests {
    /// A fresh folder under the system's temporary folder, removed after `body`.
    func inFolder(_ body: (String) throws -> Void) throws {
        let folder = NSTemporaryDirectory() + "corridor-output-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    func contents(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// The error `write` throws, rendered, or nil.
    func failure(_ text: String, to path: String) -> String? {
        do {
            try OutputTarget.file(path).write(text, console: Console())
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func targets() {
        #expect(OutputTarget(path: nil) == .console)
        #expect(OutputTarget(path: "-") == .console)
        #expect(OutputTarget(path: "reach.csv") == .file("reach.csv"))
        #expect(OutputTarget.option.short == "-o")
        #expect(OutputTarget.option.name == "--output")
    }

    @Test func consoleGetsTheTextAndALineBreak() throws {
        let console = Console()
        try OutputTarget.console.write("place,minutes\n长春,0", console: console)
        #expect(console.output == "place,minutes\n长春,0\n")
        #expect(console.errors.isEmpty)
    }

    @Test func writesANewFile() throws {
        try inFolder { folder in
            let console = Console()
            try OutputTarget.file(folder + "/reach.csv").write("place\n长春", console: console)
            #expect(contents(folder + "/reach.csv") == "place\n长春\n")
            #expect(entries(folder) == ["reach.csv"])  // no temporary file left
            #expect(console.output.isEmpty)
        }
    }

    @Test func replacesAnExistingFileKeepingItsPermissions() throws {
        try inFolder { folder in
            let path = folder + "/reach.csv"
            try "old".write(toFile: path, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
            try OutputTarget.file(path).write("new", console: Console())
            #expect(contents(path) == "new\n")
            let permissions = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(permissions == 0o640)
            #expect(entries(folder) == ["reach.csv"])
        }
    }

    @Test func writesTheByteOrderMark() throws {
        try inFolder { folder in
            let path = folder + "/excel.csv"
            try OutputTarget.file(path).write(CSVWriter(byteOrderMark: true).document([["名"], ["长春"]]),
                                              console: Console())
            let bytes = try #require(FileManager.default.contents(atPath: path))
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            #expect(try CSV.parseRecords(Array(bytes), file: path).map(\.fields) == [["名"], ["长春"]])
        }
    }

    /// `--format csv -o FILE` starts the file with one mark; a pipe (`-o /dev/stdout`
    /// into `| cut`) gets none.
    @Test func theByteOrderMarkGoesToFilesOnly() throws {
        try inFolder { folder in
            let file = folder + "/r.csv"
            try OutputTarget.file(file).write("id\n长春", console: Console(), format: "csv")
            #expect(FileManager.default.contents(atPath: file).map(Array.init) == [0xEF, 0xBB, 0xBF] + Array("id\n长春\n".utf8))
            let fifo = folder + "/pipe"
            #expect(mkfifo(fifo, 0o600) == 0)
            final class Received: @unchecked Sendable { var data = Data() }
            let received = Received(), done = DispatchSemaphore(value: 0)
            DispatchQueue.global().async {
                received.data = FileHandle(forReadingAtPath: fifo)?.readDataToEndOfFile() ?? Data()
                done.signal()
            }
            try OutputTarget.file(fifo).write("id\n长春", console: Console(), format: "csv")
            done.wait()
            #expect(Array(received.data) == Array("id\n长春\n".utf8))
        }
    }

    @Test func missingFolder() throws {
        try inFolder { folder in
            #expect(failure("x", to: folder + "/nope/reach.csv")
                == "cannot write \"\(folder)/nope/reach.csv\": the folder \"\(folder)/nope\" does not exist")
            #expect(entries(folder).isEmpty)
        }
    }

    @Test func folderThatIsAFile() throws {
        try inFolder { folder in
            try "keep".write(toFile: folder + "/notes.txt", atomically: false, encoding: .utf8)
            #expect(failure("x", to: folder + "/notes.txt/reach.csv")
                == "cannot write \"\(folder)/notes.txt/reach.csv\": \"\(folder)/notes.txt\" is not a folder")
            #expect(contents(folder + "/notes.txt") == "keep")
            #expect(entries(folder) == ["notes.txt"])
        }
    }

    @Test func targetThatIsAFolder() throws {
        try inFolder { folder in
            try FileManager.default.createDirectory(atPath: folder + "/out", withIntermediateDirectories: false)
            #expect(failure("x", to: folder + "/out") == "cannot write \"\(folder)/out\": it is a folder; name a file")
            #expect(failure("x", to: folder + "/out/") == "cannot write \"\(folder)/out/\": it is a folder; name a file")
            #expect(entries(folder) == ["out"])
            #expect(entries(folder + "/out").isEmpty)
        }
        #expect(failure("x", to: "") == "cannot write \"\": no file name given")
    }

    /// The write fails at its last step, after the temporary file is complete: the old
    /// file is untouched and the temporary file is gone.
    @Test func failedWriteLeavesTheOldFileAndNoTemporaryFile() throws {
        struct DiskOnFire: Error, CustomStringConvertible {
            var description: String { "the disk is on fire" }
        }
        try inFolder { folder in
            let path = folder + "/reach.csv"
            try "old results\n".write(toFile: path, atomically: false, encoding: .utf8)
            var temporary = ""
            do {
                try OutputTarget.writeAtomically(Array("new results\n".utf8), to: path) { t in
                    temporary = t
                    #expect(self.contents(t) == "new results\n")  // complete before the rename
                    throw DiskOnFire()
                }
                Issue.record("the write did not fail")
            } catch {
                #expect("\(error)" == "cannot write \"\(path)\": the disk is on fire")
            }
            #expect(temporary.hasPrefix(folder + "/.reach.csv.tmp-"))
            #expect(contents(path) == "old results\n")
            #expect(entries(folder) == ["reach.csv"])
        }
    }

    /// A symbolic link stays a link; the file it points to gets the new contents.
    @Test func followsSymbolicLinks() throws {
        try inFolder { folder in
            let real = folder + "/real.csv", link = folder + "/link.csv"
            try "old".write(toFile: real, atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
            try OutputTarget.file(link).write("new", console: Console())
            #expect(contents(real) == "new\n")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
            #expect(entries(folder) == ["link.csv", "real.csv"])
        }
    }

    /// A pipe (like `/dev/null` or `/dev/stdout`) is written directly, never renamed over.
    @Test func writesPipesDirectly() throws {
        try inFolder { folder in
            let fifo = folder + "/pipe"
            #expect(mkfifo(fifo, 0o600) == 0)
            // A reader that does not wait for a writer, so the test needs no second thread.
            let reader = open(fifo, O_RDONLY | O_NONBLOCK)
            #expect(reader >= 0)
            defer { close(reader) }
            try OutputTarget.file(fifo).write("长春", console: Console())
            var buffer = [UInt8](repeating: 0, count: 64)
            let n = read(reader, &buffer, buffer.count)
            #expect(String(decoding: buffer[..<max(n, 0)], as: UTF8.self) == "长春\n")
            var info = stat()
            #expect(stat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
            #expect(entries(folder) == ["pipe"])
        }
    }

    /// A bare file name is written in the working folder (not tried for real here: tests
    /// run in parallel, so none may change the working folder).
    @Test func folderOfAPath() {
        #expect(OutputTarget.folder(of: "reach.csv") == ".")
        #expect(OutputTarget.folder(of: "out/reach.csv") == "out")
        #expect(OutputTarget.folder(of: "/tmp/reach.csv") == "/tmp")
        #expect(OutputTarget.folder(of: "/reach.csv") == "/")
        // One character (NSString's version traps on it on Linux), CJK, doubled slashes.
        #expect(OutputTarget.folder(of: "t") == ".")
        #expect(OutputTarget.folder(of: "长") == ".")
        #expect(OutputTarget.folder(of: "a/t") == "a")
        #expect(OutputTarget.folder(of: "a//t") == "a")
        #expect(OutputTarget.folder(of: "./t") == ".")
    }

    /// `-o t` writes a file named t (it crashed once): in a folder of its own, by path.
    @Test func aOneCharacterName() throws {
        try inFolder { folder in
            try OutputTarget.file(folder + "/t").write("x", console: Console())
            #expect(contents(folder + "/t") == "x\n")
        }
    }
}
