import CorridorCLI
import Foundation
import Testing
import TestSupport

/// `corridor validate` on one network per problem it reports: each folder under
/// `Fixtures/networks/invalid` is `Fixtures/networks/tiny` with one fault, beside the exact
/// output (`expected.txt`) and exit status (`expected-exit`), both derived by hand
/// (`Fixtures/networks/invalid/README.md`).
@Suite struct ValidateFixtureTests {
    /// Where the fixtures are, relative to the repository root.
    static let folder = "Fixtures/networks/invalid"

    /// The name of every fixture folder, sorted.
    static var fixtures: [String] {
        let root = FixturePath.repositoryRoot + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// The problems the issue requires a fixture for (`docs/network-format.md`, "Problems
    /// reported by `corridor validate`"), by fixture name.
    static let requiredRules = [
        "unknown-column", "missing-column", "missing-field", "bad-number", "unknown-mode",
        "unknown-status", "unknown-kind", "duplicate-id", "unknown-place", "planned-without-project",
        "project-without-effect", "coordinate-out-of-range", "shorter-than-straight-line",
        "more-than-3x-longer", "implausible-speed", "unreached-place", "not-utf8",
    ]

    /// The output is compared as if run from the repository root with the relative path
    /// (`corridor validate Fixtures/networks/invalid/<name>`): the test passes the absolute
    /// path, so the root is taken out of what is printed.
    @Test(arguments: fixtures)
    func fixture(_ name: String) throws {
        let root = FixturePath.repositoryRoot + "/"
        let path = root + Self.folder + "/" + name
        let expected = try String(contentsOfFile: path + "/expected.txt", encoding: .utf8)
        let exit = try String(contentsOfFile: path + "/expected-exit", encoding: .utf8)
        let expectedStatus = try #require(Int32(exit.trimmingCharacters(in: .whitespacesAndNewlines)))
        let expectedErrors = FileManager.default.fileExists(atPath: path + "/expected-stderr.txt")
            ? try String(contentsOfFile: path + "/expected-stderr.txt", encoding: .utf8) : ""

        let console = Console()
        let status = Corridor.run(["validate", path], console: console)
        #expect(console.output.replacingOccurrences(of: root, with: "") == expected)
        #expect(console.errors.replacingOccurrences(of: root, with: "") == expectedErrors)
        #expect(status == expectedStatus)
    }

    /// A deleted or renamed fixture fails the suite instead of silently testing less.
    @Test func everyRequiredRuleHasAFixture() {
        let fixtures = Self.fixtures
        #expect(!fixtures.isEmpty, "no fixtures found in \(Self.folder)")
        for rule in Self.requiredRules {
            #expect(fixtures.contains(rule), "no fixture for \(rule) in \(Self.folder)")
        }
    }

    /// Every fixture is a network with its expectations, and is described in the README.
    @Test func everyFixtureIsCompleteAndDocumented() throws {
        let root = FixturePath.repositoryRoot + "/" + Self.folder
        let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        for name in Self.fixtures {
            for file in ["places.csv", "links.csv", "expected.txt", "expected-exit"] {
                #expect(FileManager.default.fileExists(atPath: "\(root)/\(name)/\(file)"), "\(name) has no \(file)")
            }
            #expect(readme.contains("`\(name)`"), "README.md does not describe \(name)")
        }
    }
}
