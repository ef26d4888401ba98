/// Turns an alliance's records into an indicator's points by the indicator's rubric.
/// Selectors are compiled once per period against the kind table, so evaluating is
/// integer comparisons over the records of one kind.
public struct RubricEvaluator: Sendable {
    /// The points and the records that earned them.
    public struct Outcome: Sendable {
        public var points: Points
        /// What was measured: records counted, or the summed field (fen for money).
        /// Saturated at the bounds of `Int64`: every tier threshold is within them, so
        /// the tier reached is the one the exact sum reaches.
        public var measure: Int64
        public var evidence: [Record]
    }

    struct CompiledSelector: Sendable {
        var kind: Int32
        var field: Int?
        /// The enum case the field must hold; nil with a field means compare text.
        var choice: Int?
        var text: String?
    }

    let indicators: [Indicator]
    let selectors: [[CompiledSelector]]
    let kindCount: Int
    /// Per kind: the slot of its `count` field and of each indicator's summed field.
    let countSlot: [Int?]
    let sumSlots: [[Int?]]

    public init(schema: Schema, table: KindTable) {
        indicators = schema.indicators
        kindCount = table.kinds.count
        selectors = schema.indicators.map { indicator in
            indicator.evidence.compactMap { selector in
                guard let kind = table.kinds.firstIndex(where: { $0.id == selector.kind }) else { return nil }
                guard let field = selector.field else { return CompiledSelector(kind: Int32(kind)) }
                let fieldIndex = table.kinds[kind].fieldIndex(field)
                var choice: Int?
                if let fieldIndex, case .enumeration(let cases) = table.kinds[kind].fields[fieldIndex].type {
                    choice = cases.firstIndex(of: selector.value ?? "")
                }
                return CompiledSelector(kind: Int32(kind), field: fieldIndex, choice: choice, text: selector.value)
            }
        }
        countSlot = table.kinds.map { $0.fieldIndex("count") }
        sumSlots = schema.indicators.map { indicator in
            table.kinds.map { kind in indicator.rubric?.field.flatMap { kind.fieldIndex($0) } }
        }
    }

    /// Every indicator's outcome for one record file (or none, when the alliance has no file).
    public func evaluate(_ file: BoundFile?) -> [Outcome] {
        guard let file else { return indicators.map { _ in Outcome(points: .zero, measure: 0, evidence: []) } }
        var byKind = [[Record]](repeating: [], count: kindCount)
        for record in file.records where Int(record.kind) < kindCount { byKind[Int(record.kind)].append(record) }
        return indicators.indices.map { evaluate($0, byKind, file) }
    }

    func evaluate(_ index: Int, _ byKind: [[Record]], _ file: BoundFile) -> Outcome {
        let indicator = indicators[index]
        guard let rubric = indicator.rubric else { return Outcome(points: .zero, measure: 0, evidence: []) }
        var evidence: [Record] = []
        for selector in selectors[index] {
            for record in byKind[Int(selector.kind)] where matches(selector, record, file) { evidence.append(record) }
        }
        var measure = WideInt.zero
        switch rubric.kind {
        case .presence:
            return Outcome(points: evidence.isEmpty ? .zero : Points(indicator.max), measure: evidence.isEmpty ? 0 : 1,
                           evidence: evidence)
        case .count:
            for record in evidence {
                if let slot = countSlot[Int(record.kind)], case .int(let n)? = file.value(record, at: slot) {
                    measure += max(0, n)
                } else {
                    measure += 1
                }
            }
        case .sum:
            for record in evidence {
                guard let slot = sumSlots[index][Int(record.kind)] else { continue }
                switch file.value(record, at: slot) {
                case .int(let n)?: measure += max(0, n)   // a negative figure is reported (negative-measure) and counts as 0
                case .money(let fen)?: measure += fen
                default: break
                }
            }
        }
        let measured = measure.int64 ?? (measure.isNegative ? Int64.min + 1 : Int64.max)
        let tier = rubric.tiers.last { $0.threshold <= measured }
        let points = min(tier.map { Points($0.points) } ?? .zero, Points(indicator.max))
        return Outcome(points: points, measure: measured, evidence: evidence)
    }

    func matches(_ selector: CompiledSelector, _ record: Record, _ file: BoundFile) -> Bool {
        guard let field = selector.field else { return true }
        let value = file.value(record, at: field)
        if let choice = selector.choice { return value == .choice(choice) }
        guard case .text(let span)? = value, let text = selector.text else { return false }
        return file.parsed.text.bytes(span, equal: Array(text.utf8))
    }
}
