import Foundation

/// A network as its files state it: places, links, projects, upgrade changes and freight
/// costs.
public struct Network: Sendable {
    /// The folder it was read from.
    public var folder: String
    public var places: [Place]
    public var links: [Link]
    public var projects: [Project]
    public var changes: [LinkChange]
    /// The freight costs: the defaults, with `costs.csv`'s rows in their place.
    public var costs: FreightCost = .defaults
    /// The plans' goals of `goals.csv` (none when the file is absent).
    public var goals: [Goal] = []
    /// The places named as `from` or `to` by the rows of `links.csv` left out for an error;
    /// nil when the file lacks one of those columns. The validator counts them as reached,
    /// so that a bad row is reported once, not again as places nothing reaches.
    var placesOfLinksLeftOut: Set<String>? = []
}

/// Reading a network folder (`docs/network-format.md`) into a ``Network``.
///
///     let (network, problems) = NetworkFiles.load(folder: "Networks/jilin")
///     for p in problems { print(p) }   // places.csv:12:5: error: lat "4x.1" is not a number
///
/// Reading never stops at the first problem: every file is read, every row parsed, and
/// every problem reported, located to file, line, column and field. Rows with an error are
/// left out of the network; the network is nil when a file cannot be read (a required one
/// is missing, or one is not UTF-8 or not CSV).
///
/// A problem is reported once: a row left out for an error still counts for the checks
/// between files (a link to a place whose row has a bad coordinate is not also a link to
/// an unknown place), and references into a file that cannot be read, or that lacks the
/// column referred to, are not checked at all.
///
/// This covers what one row, one file and the references between files can tell;
/// the geometric and graph checks (lengths against the straight line, speeds, places
/// nothing reaches) belong to the validator.
public enum NetworkFiles {
    /// Reads the network in `folder`.
    public static func load(folder: String) -> (network: Network?, diagnostics: [Diagnostic]) {
        var problems: [Diagnostic] = []
        var unreadable: Set<String> = []
        func table(_ name: String, required: Bool) -> CSVTable? {
            let path = (folder as NSString).appendingPathComponent(name)
            if !required && !FileManager.default.fileExists(atPath: path) { return nil }
            do {
                let table = try CSV.readTable(at: path)
                problems += table.problems
                return table
            } catch let d as Diagnostic {
                problems.append(d)
            } catch {
                problems.append(Diagnostic(file: path, message: "\(error)"))
            }
            unreadable.insert(name)
            return nil
        }
        let placeTable = table("places.csv", required: true)
        let linkTable = table("links.csv", required: true)
        let projectTable = table("projects.csv", required: false)
        let changeTable = table("changes.csv", required: false)
        let costTable = table("costs.csv", required: false)
        let goalTable = table("goals.csv", required: false)

        let places = placeTable.map { readPlaces($0, &problems) } ?? []
        let projects = projectTable.map { readProjects($0, &problems) } ?? []
        let links = linkTable.map { readLinks($0, &problems) } ?? []
        let changes = changeTable.map { readChanges($0, &problems) } ?? []
        let costs = costTable.map { readCosts($0, &problems) } ?? .defaults
        let goals = goalTable.map { readGoals($0, &problems) } ?? []
        // An empty places.csv is an error of its own, unless the file already has one
        // (a missing column) that says what is wrong with it.
        let placesPath = (folder as NSString).appendingPathComponent("places.csv")
        if let placeTable, placeTable.records.isEmpty,
           !problems.contains(where: { $0.file == placesPath && $0.severity == .error }) {
            problems.append(Diagnostic(file: placesPath, message: "no places: the network is empty"))
        }
        let named = Names(
            places: placeTable, links: linkTable, projects: projectTable, changes: changeTable,
            unreadable: unreadable)
        checkReferences(places, links, projects, changes, named, &problems)
        if let linkTable { checkPlacesOfRowsLeftOut(linkTable, kept: links, places, named, &problems) }
        if let goalTable { checkGoalPlaces(goalTable, places, named, &problems) }

        var network = !unreadable.isEmpty ? nil
            : Network(folder: folder, places: places, links: links, projects: projects, changes: changes, costs: costs)
        network?.goals = goals
        network?.placesOfLinksLeftOut = linkTable.flatMap { placesOfRowsLeftOut($0, kept: links) }
        return (network, problems)
    }

    // MARK: Rows

    static let placeColumns = (
        required: ["id", "name_zh", "name_en", "kind", "lat", "lon", "coord_source"],
        optional: ["parent", "population", "population_source"])

    static func readPlaces(_ table: CSVTable, _ problems: inout [Diagnostic]) -> [Place] {
        var r = TableReader(table, required: placeColumns.required, optional: placeColumns.optional)
        var places: [Place] = []
        var firstLine: [String: Int] = [:]
        for row in table.records {
            let errors = r.errorCount
            let id = readID(&r, row, firstLine: &firstLine)
            let nameZh = r.name(row, "name_zh", longest: 30), nameEn = r.name(row, "name_en")
            let kind = r.word(row, "kind", allowed: PlaceKind.allCases.map(\.rawValue), PlaceKind.init(parsing:))
            let lat = r.number(row, "lat", required: true), lon = r.number(row, "lon", required: true)
            let coordinateSource = r.required(row, "coord_source")
            // Figures are echoed as typed (200, not 200.0).
            if let lat, !(-90 ... 90).contains(lat) { r.report(row, "lat", "lat \(r.text(row, "lat") ?? "") is outside -90…90") }
            if let lon, !(-180 ... 180).contains(lon) { r.report(row, "lon", "lon \(r.text(row, "lon") ?? "") is outside -180…180") }
            // A place whose id, names, kind and coordinates are sound is kept even if its
            // population is wrong (reported, and left out), so the links at it are still
            // checked and nothing else is reported as unknown.
            let placeErrors = r.errorCount
            var population = r.integer(row, "population")
            let populationSource = r.text(row, "population_source")
            if let population, population < 0 { r.report(row, "population", "population \(population) is negative") }
            // No place holds more people than China; a larger figure is a typing slip (and
            // sums of such figures would overflow).
            if let population, population > Self.maximumPopulation {
                r.report(row, "population", "population \(population) is more than China's (at most 1,500,000,000)")
            }
            if population != nil && populationSource == nil {
                r.report(row, "population_source", "population given without population_source")
            }
            guard let id, let nameZh, let nameEn, let kind, let lat, let lon, let coordinateSource,
                  placeErrors == errors
            else { continue }
            if r.errorCount != placeErrors { population = nil }
            places.append(Place(
                id: id, nameZh: nameZh, nameEn: nameEn, kind: kind, latitude: lat, longitude: lon,
                coordinateSource: coordinateSource, parent: r.text(row, "parent"),
                population: population, populationSource: populationSource, origin: SourceRow(table, row)))
        }
        problems += r.diagnostics
        return places
    }

    /// Minutes as a message shows them: one decimal, without a trailing `.0`.
    static func minutesText(_ minutes: Double) -> String {
        let tenths = (minutes * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }

    /// The largest population a place may have: China's, rounded up (1.41 billion in the
    /// 2020 census).
    public static let maximumPopulation = 1_500_000_000

    /// Figures no link can have: beyond them a value is a typing slip, and it would not
    /// fit the graph's 32-bit weights (which cap at 4,294,967 km and 71,582,788 minutes).
    static let upperLimits: [String: (value: Double, what: String)] = [
        "length_km": (40_075, "the Earth's circumference (40,075 km)"),
        "minutes": (525_600, "a year (525,600 minutes)"),
        "minutes_back": (525_600, "a year (525,600 minutes)"),
        "speed_kmh": (1_200, "the speed of sound (1,200 km/h)"),
    ]

    /// The lowest speed a link may have: below it, a time worked out from a length is a
    /// typing slip (and a length over a speed of 1e-20 would overflow any time).
    static let lowestSpeedKmh = 1.0

    /// Checks a length, time or speed: positive, at least ``lowestSpeedKmh`` for a speed,
    /// and within ``upperLimits``; the value is echoed as typed.
    static func checkRange(_ r: inout TableReader, _ row: CSVRecord, _ column: String, _ value: Double?) {
        guard let value else { return }
        let typed = r.text(row, column) ?? "\(value)"
        if value <= 0 {
            r.report(row, column, "\(column) \(typed) must be positive")
        } else if column == "speed_kmh" && value < lowestSpeedKmh {
            r.report(row, column, "\(column) \(typed) is less than 1 km/h (walking is 5)")
        } else if let limit = upperLimits[column], value > limit.value {
            r.report(row, column, "\(column) \(typed) is more than \(limit.what)")
        }
    }

    static let linkColumns = (
        required: ["id", "from", "to", "mode", "status", "source"],
        optional: ["length_km", "minutes", "minutes_back", "speed_kmh", "oneway", "project", "corridors", "runs_over", "service"])

    static func readLinks(_ table: CSVTable, _ problems: inout [Diagnostic]) -> [Link] {
        var r = TableReader(table, required: linkColumns.required, optional: linkColumns.optional)
        var links: [Link] = []
        var firstLine: [String: Int] = [:]
        for row in table.records {
            let errors = r.errorCount
            let id = readID(&r, row, firstLine: &firstLine)
            let from = r.required(row, "from"), to = r.required(row, "to")
            let mode = r.word(row, "mode", allowed: Mode.allCases.map(\.rawValue), Mode.init(parsing:))
            let status = r.word(row, "status", allowed: LinkStatus.allCases.map(\.rawValue)) {
                LinkStatus(rawValue: $0.lowercased())
            }
            let source = r.required(row, "source")
            let length = r.number(row, "length_km"), minutes = r.number(row, "minutes")
            let minutesBack = r.number(row, "minutes_back")
            let speed = r.number(row, "speed_kmh")
            let oneWayValue = r.word(row, "oneway", required: false, allowed: ["yes", "no"]) { text -> Bool? in
                switch text.lowercased() {
                case "yes", "y", "true", "1", "是": true
                case "no", "n", "false", "0", "否": false
                default: nil
                }
            }
            let oneWay = oneWayValue ?? false
            let service = r.word(row, "service", required: false, allowed: LinkService.allCases.map(\.rawValue)) {
                LinkService(rawValue: $0.lowercased())
            } ?? .both
            for (column, value) in [("length_km", length), ("minutes", minutes), ("minutes_back", minutesBack), ("speed_kmh", speed)] {
                checkRange(&r, row, column, value)
            }
            if r.text(row, "minutes_back") != nil {
                if oneWay {
                    r.report(row, "minutes_back", "a one-way link has no way back: clear minutes_back, or oneway")
                } else if r.text(row, "minutes") == nil {
                    r.report(row, "minutes_back", "minutes_back goes with minutes (the time the other way)")
                }
            }
            // A length that is missing where required, or not a number, is reported once.
            let lengthGiven = r.text(row, "length_km") != nil
            let lengthRequired = mode.map { $0 != .connector && $0 != .border } ?? false
            if let mode, lengthRequired && !lengthGiven {
                r.report(row, "length_km", "missing length_km (required for \(mode.rawValue) links)")
            }
            if minutes == nil && speed == nil && r.text(row, "minutes") == nil && r.text(row, "speed_kmh") == nil {
                r.report(row, "minutes", "give minutes or speed_kmh")
            } else if minutes == nil && speed != nil && !lengthGiven && !lengthRequired {
                r.report(row, "speed_kmh", "speed_kmh needs length_km to give a time")
            } else if let minutes, let speed, let length, minutes > 0, speed > 0, length > 0 {
                // Both given: minutes is used. Say so when the speed tells another story
                // (beyond rounding: a minute, or 5% of the time).
                let implied = length / speed * 60
                if abs(implied - minutes) > Swift.max(1, 0.05 * minutes) {
                    r.report(row, "speed_kmh", "minutes \(r.text(row, "minutes") ?? "") and speed_kmh \(r.text(row, "speed_kmh") ?? "") disagree "
                        + "(length_km \(r.text(row, "length_km") ?? "") at that speed takes \(Self.minutesText(implied)) min); minutes is used: give one of them",
                        severity: .warning)
                }
            }
            let project = r.text(row, "project")
            if status == .planned && project == nil {
                r.report(row, "project", "a planned link needs the project that builds it")
            }
            if status == .existing && project != nil {
                r.report(row, "project", "an existing link has no project (make the link planned, or clear the project)")
            }
            guard let id, let from, let to, let mode, let status, let source, r.errorCount == errors
            else { continue }
            let corridors = r.list(row, "corridors")
            links.append(Link(
                id: id, from: from, to: to, mode: mode, lengthKm: length, minutes: minutes, minutesBack: minutesBack,
                speedKmh: speed, oneWay: oneWay, status: status, project: project,
                corridors: corridors, runsOver: r.list(row, "runs_over"), service: service, source: source,
                origin: SourceRow(table, row)))
        }
        problems += r.diagnostics
        return links
    }

    static let projectColumns = (
        required: ["id", "name_zh", "name_en", "reference", "type", "source"],
        optional: ["corridors", "opened"])

    static func readProjects(_ table: CSVTable, _ problems: inout [Diagnostic]) -> [Project] {
        var r = TableReader(table, required: projectColumns.required, optional: projectColumns.optional)
        var projects: [Project] = []
        var firstLine: [String: Int] = [:]
        let thisYear = Calendar(identifier: .gregorian).component(.year, from: Date())
        for row in table.records {
            let errors = r.errorCount
            let id = readID(&r, row, firstLine: &firstLine)
            let nameZh = r.name(row, "name_zh"), nameEn = r.name(row, "name_en", longest: 120)
            let reference = r.required(row, "reference"), source = r.required(row, "source")
            let type = r.word(row, "type", allowed: ProjectType.allCases.map(\.rawValue)) {
                ProjectType(rawValue: $0.lowercased())
            }
            let opened = r.integer(row, "opened")
            if let opened, (1900 ... 2100).contains(opened), opened > thisYear {
                // An expected year, which planners record too: said, as scenarios and the
                // report count the project as built only from that year on.
                r.report(row, "opened", "opened \(opened) is a year still to come: the project counts as open only in scenarios of \(opened) and later", severity: .warning)
            }
            if let opened, !(1900 ... 2100).contains(opened) {
                r.report(row, "opened", "opened \(opened) is not a plausible year")
            }
            guard let id, let nameZh, let nameEn, let reference, let source, let type, r.errorCount == errors
            else { continue }
            let corridors = r.list(row, "corridors")
            projects.append(Project(
                id: id, nameZh: nameZh, nameEn: nameEn, corridors: corridors, reference: reference,
                type: type, opened: opened, source: source, origin: SourceRow(table, row)))
        }
        problems += r.diagnostics
        return projects
    }

    static func readChanges(_ table: CSVTable, _ problems: inout [Diagnostic]) -> [LinkChange] {
        var r = TableReader(table, required: ["project", "link", "source"], optional: ["minutes", "speed_kmh"])
        var changes: [LinkChange] = []
        for row in table.records {
            let errors = r.errorCount
            let project = r.required(row, "project"), link = r.required(row, "link")
            let source = r.required(row, "source")
            let minutes = r.number(row, "minutes"), speed = r.number(row, "speed_kmh")
            for (column, value) in [("minutes", minutes), ("speed_kmh", speed)] {
                checkRange(&r, row, column, value)
            }
            if minutes == nil && speed == nil && r.text(row, "minutes") == nil && r.text(row, "speed_kmh") == nil {
                r.report(row, "minutes", "give the new minutes or speed_kmh")
            }
            guard let project, let link, let source, r.errorCount == errors else { continue }
            changes.append(LinkChange(
                project: project, link: link, minutes: minutes, speedKmh: speed, source: source,
                origin: SourceRow(table, row)))
        }
        problems += r.diagnostics
        return changes
    }

    /// The id of a row: required, a slug, not seen before in the file.
    static func readID(_ r: inout TableReader, _ row: CSVRecord, firstLine: inout [String: Int]) -> String? {
        guard let id = r.required(row, "id") else { return nil }
        let slug = id.unicodeScalars.allSatisfy {
            ("a" ... "z").contains($0) || ("0" ... "9").contains($0) || $0 == "-" || $0 == "_"
        }
        if !slug {
            let hint = r.has("name_zh") && !id.allSatisfy(\.isASCII) ? " (the Chinese name has its own column)" : ""
            r.report(row, "id", "id \"\(id)\" must be lower-case ASCII letters, digits, - or _" + hint)
            return nil
        }
        if let first = firstLine[id] {
            r.report(row, "id", "duplicate id \"\(id)\" (first on line \(first))")
            return nil
        }
        firstLine[id] = row.line
        return id
    }

    // MARK: References between files

    /// What the files name, every row counted, those left out for an error included: a
    /// reference to a row with a problem of its own is not a second problem. Nil where it
    /// cannot be told (the file cannot be read, or lacks the column), and references into
    /// it are not checked. A file that is optional and absent names nothing.
    struct Names {
        /// The ids of `places.csv`, `links.csv`, `projects.csv`.
        var places: Set<String>?, links: Set<String>?, projects: Set<String>?
        /// The projects that `links.csv` and `changes.csv` name: those with an effect.
        var building: Set<String>?

        init(places: CSVTable?, links: CSVTable?, projects: CSVTable?, changes: CSVTable?, unreadable: Set<String>) {
            func column(_ table: CSVTable?, _ file: String, _ name: String, optional: Bool = false) -> Set<String>? {
                guard !unreadable.contains(file) else { return nil }
                guard let table else { return [] }
                guard let i = table.column(name) else { return optional ? [] : nil }
                // Rows left out for their field count name their ids too.
                return Set((table.records + table.leftOut).map { $0.fields[i].trimmingBlanks() }.filter { !$0.isEmpty })
            }
            self.places = column(places, "places.csv", "id")
            self.links = column(links, "links.csv", "id")
            self.projects = column(projects, "projects.csv", "id")
            if let byLinks = column(links, "links.csv", "project", optional: true),
               let byChanges = column(changes, "changes.csv", "project") {
                building = byLinks.union(byChanges)
            }
        }
    }

    /// ` (did you mean …?)` for a place reference: a Chinese or English name typed where an
    /// id belongs is suggested by its id, anything else by the closest ids.
    static func placeHinter(_ places: [Place]) -> (String) -> String {
        let allPlaceIDs = places.map(\.id)
        var idByName: [String: String] = [:]
        for p in places {
            idByName[p.nameZh] = p.id
            idByName[p.nameEn.lowercased()] = p.id
        }
        return { text in
            if let id = idByName[text] ?? idByName[text.lowercased()] { return " (did you mean \"\(id)\"?)" }
            return Suggestions.didYouMean(text, among: allPlaceIDs)
        }
    }

    /// The `from` and `to` of the link rows left out for another error are checked too, so
    /// that one pass of `validate` reports every problem of a row.
    static func checkPlacesOfRowsLeftOut(
        _ table: CSVTable, kept: [Link], _ places: [Place], _ named: Names, _ problems: inout [Diagnostic]
    ) {
        guard let placeIDs = named.places else { return }
        let placeHint = placeHinter(places)
        for row in rowsLeftOut(table, kept: kept) {
            for column in ["from", "to"] {
                guard let i = table.column(column) else { continue }
                let place = row.fields[i].trimmingBlanks()
                if !place.isEmpty && !placeIDs.contains(place) {
                    problems.append(SourceRow(table, row).diagnostic(column, "unknown place \"\(place)\"" + placeHint(place)))
                }
            }
        }
    }

    /// The places named as `from` or `to` by the rows of `table` that are not among `kept`;
    /// nil when the table lacks one of the columns.
    static func placesOfRowsLeftOut(_ table: CSVTable, kept: [Link]) -> Set<String>? {
        guard let from = table.column("from"), let to = table.column("to") else { return nil }
        var places = Set<String>()
        for row in rowsLeftOut(table, kept: kept) + table.leftOut {
            places.insert(row.fields[from].trimmingBlanks())
            places.insert(row.fields[to].trimmingBlanks())
        }
        return places
    }

    /// The rows of `table` no link of `kept` was read from (left out for an error).
    static func rowsLeftOut(_ table: CSVTable, kept: [Link]) -> [CSVRecord] {
        let keptLines = Set(kept.map(\.origin.line))
        return table.records.filter { !keptLines.contains($0.line) }
    }

    static func checkReferences(
        _ places: [Place], _ links: [Link], _ projects: [Project], _ changes: [LinkChange],
        _ named: Names, _ problems: inout [Diagnostic]
    ) {
        let placeHint = placeHinter(places)
        for link in links {
            if let placeIDs = named.places {
                for (column, place) in [("from", link.from), ("to", link.to)] where !placeIDs.contains(place) {
                    problems.append(link.origin.diagnostic(column, "unknown place \"\(place)\"" + placeHint(place)))
                }
            }
            if let project = link.project, let projectIDs = named.projects, !projectIDs.contains(project) {
                problems.append(link.origin.diagnostic(
                    "project", "unknown project \"\(project)\"" + Suggestions.didYouMean(project, among: projects.map(\.id))))
            }
        }
        // An express run names links of its own mode.
        let modeOfLink = Dictionary(links.map { ($0.id, $0.mode) }, uniquingKeysWith: { a, _ in a })
        for link in links {
            for other in link.runsOver {
                if let mode = modeOfLink[other] {
                    if mode.track != link.mode.track || other == link.id {
                        problems.append(link.origin.diagnostic(
                            "runs_over", other == link.id
                                ? "link \"\(other)\" cannot run over itself"
                                : "runs_over names \"\(other)\", a \(mode.rawValue) link; a link runs over links of its own kind of track (\(link.mode.rawValue))"))
                    }
                } else if let linkIDs = named.links, !linkIDs.contains(other) {
                    problems.append(link.origin.diagnostic(
                        "runs_over", "unknown link \"\(other)\"" + Suggestions.didYouMean(other, among: links.map(\.id))))
                }
            }
        }
        for place in places {
            if let parent = place.parent, let placeIDs = named.places, !placeIDs.contains(parent) {
                problems.append(place.origin.diagnostic("parent", "unknown parent place \"\(parent)\"" + placeHint(parent)))
            }
        }
        let linksByID = Dictionary(links.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let projectsByID = Dictionary(projects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for change in changes {
            if let project = projectsByID[change.project] {
                if project.type != .upgrade {
                    problems.append(change.origin.diagnostic(
                        "project", "project \"\(change.project)\" is of type \(project.type.rawValue); only upgrade projects change links"))
                }
            } else if let projectIDs = named.projects, !projectIDs.contains(change.project) {
                problems.append(change.origin.diagnostic(
                    "project", "unknown project \"\(change.project)\"" + Suggestions.didYouMean(change.project, among: projects.map(\.id))))
            }
            if let link = linksByID[change.link] {
                if link.status != .existing {
                    problems.append(change.origin.diagnostic(
                        "link", "link \"\(change.link)\" is planned; an upgrade changes existing links"))
                }
            } else if let linkIDs = named.links, !linkIDs.contains(change.link) {
                problems.append(change.origin.diagnostic(
                    "link", "unknown link \"\(change.link)\"" + Suggestions.didYouMean(change.link, among: links.map(\.id))))
            }
        }
        guard let building = named.building else { return }
        for project in projects where !building.contains(project.id) {
            problems.append(project.origin.diagnostic(
                "id", "project \"\(project.id)\" has no effect: no planned link or change names it"))
        }
    }
}
