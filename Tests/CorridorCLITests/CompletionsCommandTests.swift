import CorridorCLI
import Foundation
import Testing

/// The completion scripts, run in a real bash: what they offer for a few command lines.
@Suite struct CompletionsCommandTests {
    func script(_ shell: String) -> (Int32, String, String) {
        let console = Console()
        let status = Corridor.run(["completions", shell], console: console)
        return (status, console.output, console.errors)
    }

    /// The words bash completion offers for `words` (the last one being completed).
    func complete(_ words: [String]) throws -> [String] {
        let (_, text, _) = script("bash")
        let file = NSTemporaryDirectory() + "corridor-completion-\(UUID().uuidString).bash"
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let quoted = words.map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "cd /nonexistent-dir 2>/dev/null; source '\(file)'; COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); _corridor; printf '%s\\n' \"${COMPREPLY[@]}\""]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    @Test func bashCompletesCommandsOptionsAndValues() throws {
        #expect(try complete(["corridor", "rea"]) == ["reach"])
        #expect(try complete(["corridor", "re"]).sorted() == ["reach", "report"])
        #expect(try complete(["corridor", "reach", "jilin", "--wi"]) == ["--within"])
        #expect(try complete(["corridor", "route", "jilin", "--format", "j"]) == ["json"])
        #expect(try complete(["corridor", "impact", "jilin", "--by", "c"]) == ["cost"])
        #expect(try complete(["corridor", "completions", "z"]) == ["zsh"])
    }

    @Test func zshLoadsTheBashFunctionAndBadShellsAreUsageErrors() {
        let (status, zsh, _) = script("zsh")
        #expect(status == 0 && zsh.hasPrefix("#compdef corridor\nautoload -U +X bashcompinit && bashcompinit\n"))
        let (bad, out, err) = script("fish")
        #expect(bad == 64 && out.isEmpty)
        #expect(err.hasPrefix("corridor completions: error: unknown shell \"fish\" (bash or zsh)"))
    }
}
