extension NetworkFiles {
    static let costColumns = (required: ["mode", "source"], optional: ["yuan_per_tkm", "handling_yuan_per_t"])

    /// The freight costs of `costs.csv`: the defaults with each row's figures in their
    /// place. A row gives a mode and its new rate, its new handling charge or both; the
    /// figure it leaves empty keeps its default. Problems reported, each at its field:
    /// unknown modes (with a did-you-mean), `hsr` (it carries no freight), unparsable or
    /// negative numbers, a row with neither figure, a duplicate mode, a missing source.
    /// A row with a problem is left out whole.
    static func readCosts(_ table: CSVTable, _ problems: inout [Diagnostic]) -> FreightCost {
        var r = TableReader(table, required: costColumns.required, optional: costColumns.optional)
        var costs = FreightCost.defaults
        var firstLine: [Mode: Int] = [:]
        for row in table.records {
            var mode = r.word(row, "mode", allowed: FreightCost.freightModes.map(\.rawValue), Mode.init(parsing:))
            if mode == .hsr {
                r.report(row, "mode", "hsr carries no freight: high-speed rail has no cost, and cost searches leave it out")
                mode = nil
            }
            let perTonKm = r.number(row, "yuan_per_tkm"), handling = r.number(row, "handling_yuan_per_t")
            let source = r.required(row, "source")
            for (column, value) in [("yuan_per_tkm", perTonKm), ("handling_yuan_per_t", handling)] {
                if let value, value < 0 { r.report(row, column, "\(column) \(value) is negative") }
            }
            let given = r.text(row, "yuan_per_tkm") != nil || r.text(row, "handling_yuan_per_t") != nil
            if !given { r.report(row, "yuan_per_tkm", "give yuan_per_tkm or handling_yuan_per_t") }
            if let m = mode {
                if let first = firstLine[m] {
                    r.report(row, "mode", "duplicate mode \"\(m.rawValue)\" (first on line \(first))")
                    mode = nil
                } else {
                    firstLine[m] = row.line
                }
            }
            guard let mode, let source, given,
                  r.text(row, "yuan_per_tkm") == nil || perTonKm.map({ $0 >= 0 }) == true,
                  r.text(row, "handling_yuan_per_t") == nil || handling.map({ $0 >= 0 }) == true
            else { continue }
            let origin = SourceRow(table, row)
            var cost = costs[mode]!
            if let perTonKm { cost.perTonKm = .init(perTonKm, source: source, origin: origin) }
            if let handling { cost.handling = .init(handling, source: source, origin: origin) }
            costs = costs.replacing(mode, with: cost)
        }
        problems += r.diagnostics
        return costs
    }
}
