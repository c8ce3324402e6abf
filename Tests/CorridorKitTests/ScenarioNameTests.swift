import CorridorKit
import Testing
import TestSupport

@Suite struct ScenarioNameTests {
    @Test func parsing() {
        #expect(ScenarioName(parsing: "base") == .base)
        #expect(ScenarioName(parsing: " ALL ") == .all)
        #expect(ScenarioName(parsing: "2026") == .year(2026))
        #expect(ScenarioName(parsing: "new-road, hsr-speedup") == .projects(["new-road", "hsr-speedup"]))
        #expect(ScenarioName(parsing: "") == nil)
        // A Chinese keyboard's full-width comma separates too; 、 does not (project names hold it).
        #expect(ScenarioName(parsing: "new-road，hsr-speedup") == .projects(["new-road", "hsr-speedup"]))
        #expect(ScenarioName(parsing: "甲、乙") == .projects(["甲、乙"]))
        #expect(ScenarioName(parsing: "99") == .projects(["99"]))  // not a plausible year
    }

    /// The tiny fixture: new-road (no year), hsr-speedup (opened 2024).
    @Test func resolvingAgainstTheTinyNetwork() throws {
        let (loaded, _) = NetworkFiles.load(folder: FixturePath.of("networks/tiny"))
        let network = try #require(loaded)
        #expect(try ScenarioName.base.projectIDs(in: network) == [])
        #expect(try ScenarioName.all.projectIDs(in: network) == ["new-road", "hsr-speedup"])
        #expect(try ScenarioName.year(2023).projectIDs(in: network) == [])
        #expect(try ScenarioName.year(2024).projectIDs(in: network) == ["hsr-speedup"])
        #expect(try ScenarioName.projects(["长吉新路"]).projectIDs(in: network) == ["new-road"])
        // Ids in any letter case, as places' are.
        #expect(try ScenarioName.projects(["NEW-Road"]).projectIDs(in: network) == ["new-road"])
        #expect(throws: Diagnostic(file: "--scenario", message: "unknown project \"new-raod\" (did you mean \"new-road\" (长吉新路)?)")) {
            try ScenarioName.projects(["new-raod"]).projectIDs(in: network)
        }
        // A list may mix a year (or base, all) with projects: their union, each once.
        #expect(ScenarioName(parsing: "2024,new-road") == .projects(["2024", "new-road"]))
        #expect(try ScenarioName(parsing: "2024,new-road")?.projectIDs(in: network) == ["hsr-speedup", "new-road"])
        #expect(try ScenarioName(parsing: "2023,new-road")?.projectIDs(in: network) == ["new-road"])
        #expect(try ScenarioName(parsing: "base,hsr-speedup")?.projectIDs(in: network) == ["hsr-speedup"])
        #expect(try ScenarioName(parsing: "hsr-speedup,all")?.projectIDs(in: network) == ["hsr-speedup", "new-road"])
        #expect(try ScenarioName(parsing: "hsr-speedup,hsr-speedup")?.projectIDs(in: network) == ["hsr-speedup"])
        #expect(throws: Diagnostic(file: "--scenario", message: "unknown project \"99\"")) {
            try ScenarioName(parsing: "2024,99")?.projectIDs(in: network)
        }
    }
}
