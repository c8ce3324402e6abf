import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Graphviz's command-line tools, when installed, for the tests that render DOT files.
///
///     let r = try Graphviz.render(text, with: ["dot", "-Tsvg"])
///     // r.status == 0, r.stderr == "" (no warning), r.stdout is the SVG
///
/// Without Graphviz on `PATH` such tests are skipped, unless `CI` is set: `.ci/run`
/// installs `graphviz` and `fonts-noto-cjk`, so there a missing `dot` is a failure.
public enum Graphviz {
    /// The path of `tool` (`dot`, `neato`, `fc-match`) on `PATH`, if any.
    public static func path(of tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/\(tool)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Whether `dot` is on `PATH`.
    public static var isInstalled: Bool { path(of: "dot") != nil }

    /// Whether `CI` is set (to anything but the empty string).
    public static var isCI: Bool { !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty }

    /// What a run printed, and its exit status.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `command` (a tool on `PATH` and its arguments) with `input` on standard input.
    /// Output goes through temporary files, so a full pipe never blocks the tool.
    ///
    /// - Throws: when the tool is not on `PATH` or cannot be started.
    public static func run(_ command: [String], input: String = "") throws -> Run {
        guard let tool = path(of: command[0]) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: command[0]])
        }
        let folder = NSTemporaryDirectory() + "corridor-graphviz-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = ["in", "out", "err"].map { URL(fileURLWithPath: "\(folder)/\($0)") }
        try Data(input.utf8).write(to: files[0])
        for url in files.dropFirst() {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = Array(command.dropFirst())
        process.standardInput = try FileHandle(forReadingFrom: files[0])
        process.standardOutput = try FileHandle(forWritingTo: files[1])
        process.standardError = try FileHandle(forWritingTo: files[2])
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: try Data(contentsOf: files[1]), as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: files[2]), as: UTF8.self))
    }

    /// Renders DOT `text` with `command` (e.g. `["neato", "-n2", "-Tsvg"]`).
    public static func render(_ text: String, with command: [String]) throws -> Run {
        try run(command, input: text)
    }

    /// The texts of an SVG's `<text>` elements, in document order, XML entities
    /// resolved: what Graphviz drew as labels, one line each.
    public static func texts(ofSVG svg: String) -> [String] {
        let collector = TextCollector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        _ = parser.parse()
        return collector.texts
    }

    private final class TextCollector: NSObject, XMLParserDelegate {
        var texts: [String] = []
        var current: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == "text" { current = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            current? += string
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "text", let text = current { texts.append(text) }
            current = nil
        }
    }
}
