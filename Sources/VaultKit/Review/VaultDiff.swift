import Foundation

/// What a change to the vault moves: per alliance and period, the score, band,
/// rank and awards before and after, the indicator points that moved and the
/// record and review lines that explain it; and schema edits with what they moved.
public struct VaultDiff: Sendable {
    public struct Standing: Sendable, Equatable {
        public var status: String
        public var score: String?
        public var band: String?
        public var rank: Int?

        init(_ a: AllianceResult?) {
            status = a?.status.rawValue ?? "absent"
            score = a?.score?.description
            band = a?.band?.id
            rank = a?.rank
        }
    }

    public struct LineChange: Sendable, Equatable {
        public enum Kind: String, Sendable { case added, removed }
        public var kind: Kind
        public var path: String
        public var line: Int
        public var text: String
    }

    public struct IndicatorMove: Sendable, Equatable {
        public var id: String
        public var title: String
        public var old: String
        public var new: String
    }

    public struct AwardMove: Sendable, Equatable {
        public var award: String
        public var old: String
        public var new: String
    }

    public struct AllianceChange: Sendable {
        public var period: String
        public var alliance: String
        public var name: String
        public var code: String?
        public var old: Standing
        public var new: Standing
        public var indicators: [IndicatorMove]
        public var awards: [AwardMove]
        /// Record and review lines added or removed for this alliance and period.
        public var lines: [LineChange]
    }

    public struct SchemaChange: Sendable {
        public var schema: String
        public var lines: [LineChange]
        /// Periods that use the schema, whose results it may move.
        public var periods: [String]
    }

    public var base: String
    public var head: String
    public var changes: [AllianceChange]
    public var schemas: [SchemaChange]
    /// Every vault or schema file whose bytes differ, sorted.
    public var changedPaths: [String]
    /// Files changed by someone who does not own them (`--author`), with their owners.
    public var trespasses: [(path: String, owners: [String])] = []

    public var isEmpty: Bool { changes.isEmpty && schemas.isEmpty && trespasses.isEmpty }

    /// Compares two loaded and scored vaults.
    public init(base: String, head: String, old: Vault, new: Vault) {
        self.base = base
        self.head = head
        changedPaths = StageTimer.measure("changed paths") { Self.changedPaths(old, new) }
        let affected = Self.affectedPeriods(changedPaths, old, new)
        let (oldResults, newResults) = StageTimer.measure("score") { (Self.score(old, affected), Self.score(new, affected)) }
        var changes: [AllianceChange] = []
        let periods = Set(oldResults.keys).union(newResults.keys).sorted()
        for period in periods {
            let before = oldResults[period]
            let after = newResults[period]
            let ids = Set((before?.alliances ?? []).map(\.id)).union((after?.alliances ?? []).map(\.id))
            for id in ids.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let a = before?.alliance(id)
                let b = after?.alliance(id)
                let indicators = Self.indicatorMoves(a, before?.schema, b, after?.schema)
                let awards = Set((a?.awards ?? [:]).keys).union((b?.awards ?? [:]).keys).sorted().compactMap { award -> AwardMove? in
                    let x = Self.describe(a?.awards[award]), y = Self.describe(b?.awards[award])
                    return x == y ? nil : AwardMove(award: award, old: x, new: y)
                }
                let oldStanding = Standing(a), newStanding = Standing(b)
                guard oldStanding != newStanding || !indicators.isEmpty || !awards.isEmpty else { continue }
                let lines = Self.lineChanges(old: Self.recordLines(old, id, period), new: Self.recordLines(new, id, period))
                changes.append(AllianceChange(period: period, alliance: id, name: (b ?? a)!.name, code: (b ?? a)!.code,
                                              old: oldStanding, new: newStanding, indicators: indicators,
                                              awards: awards, lines: lines))
            }
        }
        self.changes = changes
        var schemas: [SchemaChange] = []
        for id in Set(old.schemas.keys).union(new.schemas.keys).sorted() {
            let path = "schemas/\(id).txt"
            let lines = Self.lineChanges(old: Self.fileLines(old, path), new: Self.fileLines(new, path))
            guard !lines.isEmpty else { continue }
            let using = new.periodIDs.filter { new.periods[$0]?.schemaID == id }
            schemas.append(SchemaChange(schema: id, lines: lines, periods: using))
        }
        self.schemas = schemas
    }

    /// The periods whose results a change can move, or nil for all of them. A record,
    /// review or result file moves its own period, and through awards the periods
    /// that look back on it; any other file (a schema, a period, an alliance's
    /// metadata) may move every period.
    /// The files whose bytes differ between the two sides, or that only one side has, in byte order.
    /// Both sides' files are sorted by path and walked together: a dictionary by path
    /// hashed every Chinese path (normalising it first), which was seconds at 10,000 alliances.
    static func changedPaths(_ old: Vault, _ new: Vault) -> [String] {
        func sorted(_ vault: Vault) -> [SourceText] {
            // The result tables too: they are not bound files, but a change to one is a change.
            (vault.files.map(\.text) + vault.resultTables.values).sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        }
        let before = sorted(old), after = sorted(new)
        var changed: [String] = []
        var i = 0, j = 0
        while i < before.count || j < after.count {
            if j == after.count || i < before.count && before[i].path.utf8.lexicographicallyPrecedes(after[j].path.utf8) {
                changed.append(before[i].path)
                i += 1
            } else if i == before.count || after[j].path.utf8.lexicographicallyPrecedes(before[i].path.utf8) {
                changed.append(after[j].path)
                j += 1
            } else {
                if before[i].bytes != after[j].bytes { changed.append(after[j].path) }
                i += 1
                j += 1
            }
        }
        return changed
    }

    static func affectedPeriods(_ changed: [String], _ old: Vault, _ new: Vault) -> Set<String>? {
        var periods: Set<String> = []
        for path in changed {
            let parts = path.split(separator: "/").map(String.init)
            switch (parts.first, parts.count) {
            case ("vault", 4) where parts[1] == "alliances" && parts[3] != "alliance.txt":
                periods.insert(String(parts[3].dropLast(4)))
            case ("vault", 4) where parts[1] == "reviews":
                periods.insert(parts[2])
            case ("vault", 3) where parts[1] == "results":
                periods.insert(String(parts[2].dropLast(4)))
            default:
                return nil
            }
        }
        let order = new.periodIDs
        let lookBack = (Array(old.schemas.values) + Array(new.schemas.values)).flatMap(\.awards).map(\.consecutive).max() ?? 1
        for (position, id) in order.enumerated() where periods.contains(id) {
            for later in order[position..<min(order.count, position + lookBack)] { periods.insert(later) }
        }
        return periods
    }

    /// Each affected period scored in full (with the periods its awards look back on), or every period.
    static func score(_ vault: Vault, _ periods: Set<String>?) -> [String: PeriodResult] {
        guard let periods else { return Scorer.score(vault) }
        var results: [String: PeriodResult] = [:]
        for id in periods.sorted() {
            if let result = Scorer.score(vault, period: id)[id] { results[id] = result }
        }
        return results
    }

    /// Flags the files `author` changed without owning them (by the new vault's owners).
    public mutating func checkOwnership(author: String, owners: Owners) {
        trespasses = owners.trespasses(by: author, in: changedPaths)
    }

    static func describe(_ status: AwardStatus?) -> String {
        switch status {
        case .earned?: "earned"
        case .notEarned?, nil: "not earned"
        case .unknown?: "unknown"
        }
    }

    static func indicatorMoves(_ a: AllianceResult?, _ oldSchema: Schema?, _ b: AllianceResult?, _ newSchema: Schema?) -> [IndicatorMove] {
        guard let schema = newSchema ?? oldSchema else { return [] }
        func points(_ r: AllianceResult?, _ s: Schema?) -> [String: Points] {
            guard let r, let s else { return [:] }
            return Dictionary(r.indicators.map { (s.indicators[$0.index].id, $0.final) }, uniquingKeysWith: { x, _ in x })
        }
        let x = points(a, oldSchema), y = points(b, newSchema)
        return schema.indicators.compactMap { indicator in
            let old = x[indicator.id], new = y[indicator.id]
            guard old != new else { return nil }
            return IndicatorMove(id: indicator.id, title: indicator.title, old: old?.description ?? "–", new: new?.description ?? "–")
        }
    }

    /// The record lines of an alliance's period file and its review lines, as (path, line, text).
    static func recordLines(_ vault: Vault, _ id: String, _ period: String) -> [(String, Int, String)] {
        var lines: [(String, Int, String)] = []
        if let file = vault.alliances[id]?.records[period] {
            for record in file.records where file.kindID(of: record) != "result" {
                let raw = file.rawLine(of: record)
                lines.append((file.path, Int(raw.number), file.parsed.text.lineText(startingAt: Int(raw.start))))
            }
        }
        for (_, file) in (vault.periods[period]?.reviews ?? [:]).sorted(by: { $0.key < $1.key }) {
            for record in file.records where file.text(record, "alliance") == id {
                let raw = file.rawLine(of: record)
                lines.append((file.path, Int(raw.number), file.parsed.text.lineText(startingAt: Int(raw.start))))
            }
        }
        return lines
    }

    /// Every line of a file (comments included), for schema edits.
    static func fileLines(_ vault: Vault, _ path: String) -> [(String, Int, String)] {
        guard let file = vault.files.first(where: { $0.text.path == path }) else { return [] }
        let text = file.text.string(Span(start: 0, end: file.text.bytes.count))
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            line.trimmingCharacters(in: .whitespaces).isEmpty ? nil : (path, index + 1, String(line))
        }
    }

    /// Lines in one list and not the other, compared by path and text (as multisets).
    static func lineChanges(old: [(String, Int, String)], new: [(String, Int, String)]) -> [LineChange] {
        missing(from: new, in: old, as: .removed) + missing(from: old, in: new, as: .added)
    }

    /// The lines of `lines` that `other` lacks (counting repeats).
    static func missing(from other: [(String, Int, String)], in lines: [(String, Int, String)],
                        as kind: LineChange.Kind) -> [LineChange] {
        var available: [String: Int] = [:]
        for (path, _, text) in other { available[path + "\u{0}" + text, default: 0] += 1 }
        var out: [LineChange] = []
        for (path, line, text) in lines {
            let key = path + "\u{0}" + text
            if let count = available[key], count > 0 { available[key] = count - 1 } else {
                out.append(LineChange(kind: kind, path: path, line: line, text: text))
            }
        }
        return out
    }
}
