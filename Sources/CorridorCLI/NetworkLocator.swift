import CorridorKit
import Foundation

/// Finds the folder a network argument names: a folder path, or the name of a bundled
/// network (`jilin` → `Networks/jilin`), looked up in the folder `CORRIDOR_NETWORKS`
/// names if set, then the working directory's `Networks/`, then the `Networks/` of the
/// package the executable was built in (so a copied binary finds its networks through
/// `CORRIDOR_NETWORKS`).
enum NetworkLocator {
    /// Why `argument` names no network, for `command`'s error message (exit 65).
    static func notFound(_ argument: String, command: String) -> String {
        var isDirectory: ObjCBool = false
        let bundled = self.bundled
        let names = bundled.isEmpty
            ? "none found here; set CORRIDOR_NETWORKS to the folder that holds them"
            : "bundled: \(bundled.joined(separator: ", "))"
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), !isDirectory.boolValue {
            return "\(command): error: \"\(argument)\" is a file, not a network: a network is a folder of CSV files "
                + "(places.csv, links.csv, …), a bundled network's name (\(names)), or a DIMACS .gr file"
        }
        var setting = ""
        if let env = ProcessInfo.processInfo.environment["CORRIDOR_NETWORKS"],
           !(FileManager.default.fileExists(atPath: env, isDirectory: &isDirectory) && isDirectory.boolValue) {
            setting = "; CORRIDOR_NETWORKS is set to \"\(env)\", which is not a folder"
        }
        return "\(command): error: no network \"\(argument)\"" + Suggestions.didYouMean(argument, among: bundled)
            + ": not a folder, a DIMACS .gr file or a bundled network (\(names))" + setting
    }

    /// Whether `argument` names a DIMACS shortest-path file (`.gr`), which is a network
    /// too: its places are its node ids.
    static func isDIMACS(_ argument: String) -> Bool {
        argument.lowercased().hasSuffix(".gr") && FileManager.default.fileExists(atPath: argument)
    }

    /// The folder for `argument`, or nil if there is none.
    static func folder(for argument: String) -> String? {
        var isDirectory: ObjCBool = false
        let isFolder = FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) && isDirectory.boolValue
        if isFolder && FileManager.default.fileExists(atPath: argument + "/places.csv") { return argument }
        // A folder that is no network (a report written to `-o jilin`: no network file in
        // it) does not hide the bundled network of that name; a folder with some of a
        // network's files is that network, and what it lacks is reported.
        let networkFiles = ["links.csv", "projects.csv", "changes.csv", "goals.csv", "costs.csv"]
        let looksLikeANetwork = isFolder && networkFiles.contains {
            FileManager.default.fileExists(atPath: (argument as NSString).appendingPathComponent($0))
        }
        if !argument.contains("/") && !looksLikeANetwork {
            for dir in networkFolders {
                let candidate = (dir as NSString).appendingPathComponent(argument)
                if FileManager.default.fileExists(atPath: candidate + "/places.csv") { return candidate }
            }
        }
        return isFolder ? argument : nil
    }

    /// The names of the bundled networks found.
    static var bundled: [String] {
        for dir in networkFolders {
            if let names = try? FileManager.default.contentsOfDirectory(atPath: dir) {
                let networks = names.filter {
                    FileManager.default.fileExists(atPath: dir + "/" + $0 + "/places.csv")
                }.sorted()
                if !networks.isEmpty { return networks }
            }
        }
        return []
    }

    /// The folders that may hold bundled networks, in lookup order.
    static var networkFolders: [String] {
        let env = ProcessInfo.processInfo.environment["CORRIDOR_NETWORKS"].map { [$0] } ?? []
        return env + roots.map { ($0 as NSString).appendingPathComponent("Networks") }
    }

    /// The working directory, then the package root above the executable
    /// (`.build/<triple>/<configuration>/corridor`).
    static var roots: [String] {
        var roots = [FileManager.default.currentDirectoryPath]
        var url = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        for _ in 0 ..< 5 {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.path + "/Package.swift") {
                roots.append(url.path)
                break
            }
        }
        return roots
    }
}
