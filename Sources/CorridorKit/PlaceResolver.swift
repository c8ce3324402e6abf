/// Resolves what a planner types for a place — its id, its Chinese name or its English
/// (pinyin) name, in any letter case — to one place of a network. Every command that
/// takes a place uses it, so the same name means the same place everywhere.
///
///     let names = PlaceResolver(network.places)
///     try names.resolve("长春")         // the place with name_zh 长春 (id changchun)
///     try names.resolve("CHANGCHUN")    // the same
///     try names.resolve("长春站")       // changchun-st
///     try names.resolve("changchn")     // throws: unknown place "changchn" (did you mean "changchun"?)
///
/// Matching, in order: an exact id; an exact Chinese name; an English name or id
/// ignoring case, blanks and the marks `'` `-` `·` (so `Nong'an`, `nongan` and `Nong An`
/// agree). Then a typed name ending in a facility's word (站, 机场, 港, 口岸) means a
/// facility of that kind, never the city: the stations, airports, ports or crossings whose
/// name starts with the rest (`长春机场` finds 长春龙嘉国际机场, `营口港` the 营口 ports,
/// ambiguous if several; unknown if none, rather than the city 营口). Otherwise the typed
/// Chinese name without its administrative suffix (市, 县, 区, 镇 …), so `长春市` finds
/// 长春; then a place whose name has a suffix the typed name lacks, so `延吉西` finds
/// 延吉西站. Last, a name without its bracketed qualifier: `西营城` finds 西营城（九台）,
/// `Xinhua` both Xinhua (Tongyu) and Xinhua (Hunchun) — ambiguous. When more than one
/// place matches at the first level that matches any, the name is ambiguous and the error
/// lists them.
public struct PlaceResolver: Sendable {
    let places: [Place]
    var byID: [String: Int] = [:]
    var byZh: [String: [Int]] = [:]
    var byFolded: [String: [Int]] = [:]
    var byZhStem: [String: [Int]] = [:]
    var byUnqualified: [String: [Int]] = [:]

    /// Chinese suffixes an administrative or facility name may carry or drop.
    static let suffixes = ["自治州", "自治县", "市", "县", "区", "镇", "乡", "站", "机场", "港", "口岸"]

    /// The words that make a name a facility's, and the kind of place they mean.
    static let facilityWords: [(word: String, kind: PlaceKind)] = [
        ("机场", .airport), ("口岸", .border), ("码头", .port), ("站", .station), ("港", .port),
        ("airport", .airport), ("station", .station), ("port", .port), ("wharf", .port), ("crossing", .border),
    ]

    /// Indexes `places`.
    ///
    /// - Complexity: O(p) for p places.
    public init(_ places: [Place]) {
        self.places = places
        for (i, place) in places.enumerated() {
            if byID[place.id] == nil { byID[place.id] = i }
            byZh[place.nameZh, default: []].append(i)
            for key in Set([Self.fold(place.id), Self.fold(place.nameEn)]) {
                byFolded[key, default: []].append(i)
            }
            byZhStem[Self.stem(place.nameZh), default: []].append(i)
            let bare = Set([Self.unqualified(place.nameZh), Self.fold(Self.unqualified(place.nameEn))])
                .subtracting([place.nameZh, Self.fold(place.nameEn), ""])
            for key in bare { byUnqualified[key, default: []].append(i) }
        }
    }

    /// The index (in the network's `places`) of the place `name` means.
    ///
    /// - Throws: a ``Diagnostic`` whose `file` is `what` (the flag, e.g. `--from`):
    ///   unknown, with the closest ids and names; or ambiguous, listing the candidates.
    public func resolve(_ name: String, what: String = "place") throws -> Int {
        let text = name.trimmingBlanks()
        guard !text.isEmpty else {
            throw Diagnostic(file: what, message: "empty place name")
        }
        if let i = byID[text] { return i }
        let folded = Self.fold(text)
        var levels = [byZh[text], byFolded[folded], byZh[Self.brackets(text)]]
        if let facility = Self.facilityWords.first(where: { folded.hasSuffix($0.word) && folded.count > $0.word.count }) {
            // The facilities of that kind whose name starts with the rest (长春机场: 长春龙嘉国际机场),
            // else holds it (龙嘉机场, 鲅鱼圈港; Yanji Airport: Yanji Chaoyangchuan International Airport).
            let stem = String(folded.dropLast(facility.word.count))
            let ofKind = places.indices.filter { places[$0].kind == facility.kind }
            let names = { (i: Int) in [Self.fold(places[i].nameZh), Self.fold(places[i].nameEn)] }
            levels.append(ofKind.filter { names($0).contains { $0.hasPrefix(stem) } })
            levels.append(ofKind.filter { names($0).contains { $0.contains(stem) } })
        } else {
            levels += [byZh[Self.stem(text)], byZhStem[text]]
        }
        levels.append(byUnqualified[Self.brackets(text)] ?? byUnqualified[folded])
        for candidates in levels {
            guard let candidates, !candidates.isEmpty else { continue }
            if candidates.count == 1 { return candidates[0] }
            let list = candidates.map { "\(places[$0].id) (\(places[$0].nameZh), \(places[$0].kind.rawValue))" }
            throw Diagnostic(
                file: what,
                message: "\"\(text)\" is ambiguous: it names \(list.joined(separator: ", ")); use the id")
        }
        throw Diagnostic(file: what, message: "unknown place \"\(text)\"" + suggestions(for: text))
    }

    /// ` (did you mean "changchun" (长春) or …?)`: the places whose id, Chinese or English
    /// name is closest to `text`, each once, by id with its Chinese name.
    func suggestions(for text: String) -> String {
        var names: [String] = [], owner: [Int] = []
        for (i, p) in places.enumerated() {
            for name in [p.id, p.nameZh, p.nameEn] {
                names.append(name)
                owner.append(i)
            }
        }
        // Places whose Chinese name holds the typed text come first (长岭子: 珲春（长岭子）公路口岸,
        // not the county 长岭 hundreds of km away), then the closest by spelling.
        var picked: [Int] = text.count >= 2 ? places.indices.filter { places[$0].nameZh.contains(text) } : []
        for name in Suggestions.closest(to: text, among: names, limit: 9) {
            let i = owner[names.firstIndex(of: name)!]
            if !picked.contains(i) { picked.append(i) }
        }
        guard !picked.isEmpty else { return "" }
        let quoted = picked.prefix(3).map { "\"\(places[$0].id)\" (\(places[$0].nameZh))" }
        let list = quoted.count == 1 ? quoted[0]
            : quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
        return " (did you mean \(list)?)"
    }

    /// Lower case, without blanks and the marks `'` `’` `-` `_` `·`; full-width Latin
    /// letters and digits (Ｃｈａｎｇｃｈｕｎ, from a Chinese keyboard) as ASCII.
    static func fold(_ text: String) -> String {
        let ascii = text.unicodeScalars.map { s -> Unicode.Scalar in
            (0xFF01 ... 0xFF5E).contains(s.value) ? Unicode.Scalar(s.value - 0xFEE0)! : s
        }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: ascii.filter { !$0.isBlank && !"'’-_·".unicodeScalars.contains($0) })
        return String(kept).lowercased()
    }

    /// A Chinese name with ASCII brackets as the network writes them, full-width
    /// (抚顺站(沈白高铁) is 抚顺站（沈白高铁）).
    static func brackets(_ text: String) -> String {
        text.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
    }

    /// A name without its bracketed qualifiers, full-width or ASCII: 西营城（九台） is
    /// 西营城, Xinhua (Tongyu) is Xinhua, 珲春（长岭子）公路口岸 is 珲春公路口岸.
    static func unqualified(_ name: String) -> String {
        var kept = "", depth = 0
        for c in name {
            if c == "（" || c == "(" { depth += 1 } else if c == "）" || c == ")" { depth = Swift.max(0, depth - 1) }
            else if depth == 0 { kept.append(c) }
        }
        return kept.trimmingBlanks()
    }

    /// The Chinese name without one trailing administrative or facility suffix.
    static func stem(_ text: String) -> String {
        for suffix in suffixes where text.hasSuffix(suffix) && text.count > suffix.count {
            return String(text.dropLast(suffix.count))
        }
        return text
    }
}
