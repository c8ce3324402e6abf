import Foundation

/// Graphviz's `dot`, when it is installed: renders DOT text to SVG or PNG for the report.
enum Graphviz {
    /// The path of `dot` on the PATH, or nil.
    static var dotPath: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// What `dot` made of a diagram: the rendering, with any warnings it wrote, or why
    /// there is none.
    enum Rendering {
        case rendered(Data, warnings: String)
        case failed(String)
    }

    /// `text` rendered by `dot -T<format>`. The DOT goes through a temporary file, not a
    /// pipe, so a `dot` that stops early cannot break the writing side.
    static func render(_ text: String, format: String, dot: String) -> Rendering {
        let file = NSTemporaryDirectory() + "corridor-\(getpid())-\(UInt32.random(in: 0 ... .max)).dot"
        guard FileManager.default.createFile(atPath: file, contents: Data(text.utf8)) else {
            return .failed("cannot write a temporary file in \(NSTemporaryDirectory())")
        }
        defer { try? FileManager.default.removeItem(atPath: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-T\(format)", file]
        let output = Pipe(), errors = Pipe()
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { return .failed("\(dot) does not run: \(error.localizedDescription)") }
        // Read both streams concurrently: a large diagram fills a pipe's buffer.
        let group = DispatchGroup()
        nonisolated(unsafe) var result = Data(), warnings = Data()
        DispatchQueue.global().async(group: group) { result = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { warnings = errors.fileHandleForReading.readDataToEndOfFile() }
        group.wait()
        process.waitUntilExit()
        let said = String(decoding: warnings, as: UTF8.self)
            .replacingOccurrences(of: file, with: "the diagram")
            .split(separator: "\n").prefix(3).joined(separator: "; ")
        guard process.terminationStatus == 0, !result.isEmpty else {
            let status = process.terminationReason == .uncaughtSignal
                ? "was killed by signal \(process.terminationStatus)"
                : process.terminationStatus == 0 ? "gave no output" : "exited with status \(process.terminationStatus)"
            return .failed("\(dot) -T\(format) \(status)" + (said.isEmpty ? "" : ": \(said)"))
        }
        return .rendered(result, warnings: said)
    }
}
