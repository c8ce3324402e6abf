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
        #expect(try complete(["corridor", "reach", "jilin", "--by", "c"]) == ["cost"])
        #expect(try complete(["corridor", "impact", "jilin", "--by", "c"]) == [])  // impact has no --by: a NETWORK
        #expect(try complete(["corridor", "completions", "z"]) == ["zsh"])
        // Each command's own formats: route has no geojson, reach has.
        #expect(try complete(["corridor", "route", "jilin", "--format", "g"]) == [])
        #expect(try complete(["corridor", "reach", "jilin", "--format", "g"]) == ["geojson"])
        // A comma list completes its last item.
        #expect(try complete(["corridor", "reach", "jilin", "--modes", "hsr,ex"]) == ["hsr,expressway"])
        // … and never offers an item the list already holds.
        #expect(try complete(["corridor", "reach", "jilin", "--modes", "hsr,road,r"]) == ["hsr,road,rail", "hsr,road,river"])
        #expect(try complete(["corridor", "reach", "jilin", "--modes", "hsr,h"]) == [])
        #expect(try complete(["corridor", "dot", "jilin", "--kinds", "city,air"]) == ["city,airport"])
        // A free-text value (a place) offers nothing rather than network names.
        #expect(try complete(["corridor", "reach", "jilin", "--from", "j"]) == [])
        #expect(try complete(["corridor", "dot", "jilin", "--layout", "s"]) == ["schematic"])
        #expect(try complete(["corridor", "info", "j"]) == ["jilin"])
        // help and completions take one word: after it, nothing.
        #expect(try complete(["corridor", "help", "rea"]) == ["reach"])
        #expect(try complete(["corridor", "help", "reach", ""]) == [])
        #expect(try complete(["corridor", "completions", "zsh", ""]) == [])
        // Every --scenario offers the scenarios (impact's has help of its own); --modes offers all.
        #expect(try complete(["corridor", "impact", "jilin", "--scenario", "b"]) == ["base"])
        #expect(try complete(["corridor", "route", "jilin", "--modes", "a"]).sorted() == ["air", "all"])
    }

    /// The zsh script in a real interactive zsh (zpty), autoloaded from fpath as the
    /// README installs it: the first Tab completes.
    @Test func zshCompletesOnTheFirstTab() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zsh") || FileManager.default.isExecutableFile(atPath: "/bin/zsh") else {
            #expect((ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty, "CI must have zsh")
            return
        }
        let dir = NSTemporaryDirectory() + "corridor-zsh-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (status, zsh, _) = script("zsh")
        #expect(status == 0 && zsh.hasPrefix("#compdef corridor\n"))
        // An option's description is its help without the asides in brackets: the main point stays.
        #expect(zsh.contains("'--scenario[base, all, a year, or project ids or Chinese names separated by commas]:SCENARIO:(base all 2026)'"))
        try zsh.write(toFile: dir + "/_corridor", atomically: true, encoding: .utf8)
        let lines = ["corridor rep", "corridor route jilin --by c", "corridor reach jilin --modes hsr,ex", "corridor gaps jilin --for"]
        let driver = """
            zmodload zsh/zpty
            zpty z 'zsh -f -i'
            zpty -w z 'PS1="> "; fpath=(\(dir) $fpath); autoload -U compinit; compinit -u -D; cd \(dir)'
            \(lines.map { "zpty -w -n z $'\($0)\\t'; sleep 1; zpty -w -n z $'\\C-u'" }.joined(separator: "\n"))
            zpty -w z 'exit'
            sleep 0.5
            out=''
            while zpty -r -t z line; do out+=$line; done
            print -r -- "$out"
            """
        try driver.write(toFile: dir + "/driver.zsh", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["zsh", "-f", dir + "/driver.zsh"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.contains("corridor report"))
        #expect(text.contains("corridor route jilin --by cost"))
        #expect(text.contains("corridor reach jilin --modes hsr,expressway"))
        #expect(text.contains("corridor gaps jilin --format"))
    }

    @Test func badShellsAreUsageErrors() {
        let (bad, out, err) = script("fish")
        #expect(bad == 64 && out.isEmpty)
        #expect(err.hasPrefix("corridor completions: error: unknown shell \"fish\" (bash or zsh)"))
    }
}
