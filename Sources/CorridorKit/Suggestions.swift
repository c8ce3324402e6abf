/// "Did you mean …?": the candidates closest to a misspelt name.
///
///     Suggestions.closest(to: "reech", among: ["route", "reach", "report"])  // ["reach"]
///
/// Distance is the optimal-string-alignment edit distance over Unicode characters:
/// Levenshtein plus the swap of two adjacent characters as one edit, the commonest typo
/// ("raech" is one edit from "reach"); 长春 and 长春x are one edit apart. Names are
/// compared case-insensitively. A candidate is suggested when it is
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

    /// The optimal-string-alignment distance between two character sequences: insertions,
    /// deletions, substitutions and swaps of two adjacent characters each cost one edit
    /// (no substring is edited twice).
    ///
    /// - Complexity: O(a·b) time, O(b) space.
    public static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0 ... b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1 ... a.count {
            current[0] = i
            for j in 1 ... b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                var best = Swift.min(substitution, previous[j] + 1, current[j - 1] + 1)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = Swift.min(best, beforePrevious[j - 2] + 1)
                }
                current[j] = best
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
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
