import Foundation

/// Graphviz's `dot`, when it is installed: renders DOT text to SVG or PNG for the report.
enum Graphviz {
    /// The path of `dot` on the PATH, or nil.
    static var dotPath: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `text` rendered by `dot -T<format>`; nil if dot fails or writes a warning.
    static func render(_ text: String, format: String, dot: String) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-T\(format)"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { return nil }
        // Read and write concurrently: a large diagram fills a pipe's buffer.
        let group = DispatchGroup()
        nonisolated(unsafe) var result = Data(), warnings = Data()
        DispatchQueue.global().async(group: group) { result = output.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { warnings = errors.fileHandleForReading.readDataToEndOfFile() }
        input.fileHandleForWriting.write(Data(text.utf8))
        try? input.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0, warnings.isEmpty, !result.isEmpty else { return nil }
        return result
    }
}
