import CorridorCLI
import Testing
import TestSupport

@Suite struct InfoCommandTests {
    /// Counted by hand from Fixtures/networks/tiny: 2 cities, 2 stations; 4 existing links
    /// (expressway 111 km, HSR 111 km, two connectors), 1 planned road of 120 km; one
    /// links project and one upgrade, both tagged 长吉珲.
    @Test func tinyNetwork() {
        let console = Console()
        let folder = FixturePath.of("networks/tiny")
        #expect(Corridor.run(["info", folder], console: console) == 0)
        #expect(console.output == """
            network \(folder)

            places: 4
              prefecture 地级市: 2
              station 车站: 2

            links: 5 (existing 4, planned 1)
              hsr 高铁: 1 links; existing 1, 111 km; planned 0, 0 km
              expressway 高速公路: 1 links; existing 1, 111 km; planned 0, 0 km
              road 国省道: 1 links; existing 0, 0 km; planned 1, 120 km
              connector 换乘: 2 links; existing 2, 0 km; planned 0, 0 km

            projects: 2
              by type: links 1, upgrade 1
              by corridor (a project may serve several):
                长吉珲: 2

            """)
        #expect(console.errors.isEmpty)
    }

    /// The bundled network's km by mode, summed from links.csv independently (python:
    /// expressway existing 6184.4, planned 1261.4 — each total rounded once, not the
    /// planned km as the rounded whole less the rounded existing, which gave 1262).
    @Test func kmAreEachRoundedOnce() {
        let console = Console()
        #expect(Corridor.run(["info", "jilin"], console: console) == 0)
        #expect(console.output.contains("expressway 高速公路: 91 links; existing 76, 6184 km; planned 15, 1261 km\n"))
    }

    /// A network with an error: the counts of what was read, and status 65.
    @Test func networkWithErrors() {
        let console = Console()
        #expect(Corridor.run(["info", FixturePath.of("networks/invalid/unknown-place")], console: console) == 65)
        #expect(console.output.contains("places: "))
        #expect(console.errors.hasPrefix("corridor info: error: 1 error in the files"))
    }

    @Test func badArguments() {
        let c1 = Console()
        #expect(Corridor.run(["info"], console: c1) == 64)
        #expect(c1.errors.hasPrefix("corridor info: error: missing NETWORK"))
        let c2 = Console()
        #expect(Corridor.run(["info", "/nonexistent"], console: c2) == 65)
        #expect(c2.errors == "corridor info: error: no network \"/nonexistent\": not a folder, a DIMACS .gr file or a "
            + "bundled network (bundled: jilin)\n")
        // A file that is not a network says so; a misspelt bundled name gets a suggestion.
        let file = Console()
        #expect(Corridor.run(["info", FixturePath.repositoryRoot + "/README.md"], console: file) == 65)
        #expect(file.errors.contains("README.md\" is a file, not a network: a network is a folder of CSV files"))
        let typo = Console()
        #expect(Corridor.run(["info", "jilni"], console: typo) == 65)
        #expect(typo.errors.hasPrefix("corridor info: error: no network \"jilni\" (did you mean \"jilin\"?): not a folder"))
        let c3 = Console()
        #expect(Corridor.run(["info", "--verbose", "x"], console: c3) == 64)
    }
}
