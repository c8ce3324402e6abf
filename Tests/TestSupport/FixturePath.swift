/// Paths of files under the repository's `Fixtures/` folder, found from this source
/// file's location so tests run from any working directory.
public enum FixturePath {
    /// The repository root (the folder holding `Package.swift`).
    public static var repositoryRoot: String {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/TestSupport/FixturePath.swift
        return parts.joined(separator: "/")
    }

    /// The absolute path of `Fixtures/<relative>`.
    public static func of(_ relative: String) -> String {
        repositoryRoot + "/Fixtures/" + relative
    }
}
