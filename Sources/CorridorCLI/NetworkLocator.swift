import Foundation

/// Finds the folder a network argument names: a folder path, or the name of a bundled
/// network (`jilin` → `Networks/jilin`), looked up in the working directory's `Networks/`
/// and then in the `Networks/` of the package the executable was built in.
enum NetworkLocator {
    /// Whether `argument` names a DIMACS shortest-path file (`.gr`), which is a network
    /// too: its places are its node ids.
    static func isDIMACS(_ argument: String) -> Bool {
        argument.lowercased().hasSuffix(".gr") && FileManager.default.fileExists(atPath: argument)
    }

    /// The folder for `argument`, or nil if there is none.
    static func folder(for argument: String) -> String? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
            return argument
        }
        for root in roots {
            let candidate = (root as NSString).appendingPathComponent("Networks/" + argument)
            if FileManager.default.fileExists(atPath: candidate + "/places.csv") { return candidate }
        }
        return nil
    }

    /// The names of the bundled networks found.
    static var bundled: [String] {
        for root in roots {
            let dir = (root as NSString).appendingPathComponent("Networks")
            if let names = try? FileManager.default.contentsOfDirectory(atPath: dir) {
                let networks = names.filter {
                    FileManager.default.fileExists(atPath: dir + "/" + $0 + "/places.csv")
                }.sorted()
                if !networks.isEmpty { return networks }
            }
        }
        return []
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
