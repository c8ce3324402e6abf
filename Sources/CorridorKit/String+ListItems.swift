extension StringProtocol {
    /// The items of a list a planner types: split at ASCII and full-width commas (a
    /// Chinese keyboard's `，`) and, unless `enumerationComma` is false, at `、` too;
    /// blanks trimmed, empty items dropped.
    ///
    ///     "长春，吉林、延吉".listItems()                     // ["长春", "吉林", "延吉"]
    ///     "hsr-a, 长春、吉林段".listItems(enumerationComma: false)
    ///                                                      // ["hsr-a", "长春、吉林段"]
    ///
    /// `、` separates places, modes, kinds and numbers; not projects, whose names hold it
    /// (长春、吉林至… is one project), so project lists pass `enumerationComma: false`.
    package func listItems(enumerationComma: Bool = true) -> [String] {
        split { $0 == "," || $0 == "，" || (enumerationComma && $0 == "、") }
            .map { $0.trimmingBlanks() }
            .filter { !$0.isEmpty }
    }
}
