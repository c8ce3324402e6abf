/// "Did you mean …?": the candidates closest to a misspelt name.
///
///     Suggestions.closest(to: "reech", among: ["route", "reach", "report"])  // ["reach"]
///
/// Distance is the Levenshtein edit distance over Unicode characters (so 长春 and 长春x
/// are one edit apart), compared case-insensitively. A candidate is suggested when it is
/// within `max(1, name.count / 3)` edits, or when one name starts with the other.
public enum Suggestions {
    /// Up to `limit` candidates, closest first (ties in the order given).
    public static func closest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let needle = Array(name.lowercased())
        let budget = Swift.max(1, needle.count / 3)
        var scored: [(distance: Int, index: Int)] = []
        for (i, candidate) in candidates.enumerated() {
            let hay = Array(candidate.lowercased())
            let d = editDistance(needle, hay)
            let prefix = !needle.isEmpty && (hay.starts(with: needle) || needle.starts(with: hay))
            if d <= budget || prefix { scored.append((d, i)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.index < $1.index }
        return scored.prefix(limit).map { candidates[$0.index] }
    }

    /// The Levenshtein distance between two character sequences.
    ///
    /// - Complexity: O(a·b) time, O(b) space.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0 ... b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1 ... a.count {
            current[0] = i
            for j in 1 ... b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = Swift.min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// ` (did you mean "a" or "b"?)`, or the empty string when there is nothing close.
    public static func didYouMean(_ name: String, among candidates: [String]) -> String {
        let close = closest(to: name, among: candidates)
        guard !close.isEmpty else { return "" }
        let quoted = close.map { "\"\($0)\"" }
        let list = quoted.count == 1 ? quoted[0]
            : quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
        return " (did you mean \(list)?)"
    }
}
