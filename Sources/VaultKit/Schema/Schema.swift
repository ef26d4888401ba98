/// Which file a record kind may be written in.
public enum FileRole: String, Sendable, CaseIterable {
    /// `vault/alliances/ID/PERIOD.txt`: an alliance's records for a period.
    case records
    /// `vault/alliances/ID/alliance.txt`: the alliance's metadata.
    case alliance
    /// `vault/periods/PERIOD.txt`: the period's definition and published figures.
    case period
    /// `vault/reviews/PERIOD/EXPERT.txt`: one expert's reviews.
    case review
    /// `schemas/ID.txt`: a schema.
    case schema
    /// `vault/results/PERIOD.tsv`: the ranked table `vault score --write` writes.
    case results
}

/// One field a record kind takes.
public struct FieldSpec: Sendable {
    public var id: String
    public var key: [UInt8]
    public var type: FieldType
    public var required: Bool
    public var title: String?
    /// Each `enum(…)` case, compared against values without decoding them.
    let caseNames: [PackedName]

    public init(id: String, type: FieldType, required: Bool = false, title: String? = nil) {
        self.id = id
        self.key = Array(id.utf8)
        self.type = type
        if case .enumeration(let cases) = type { caseNames = cases.map { PackedName(Array($0.utf8)) } } else { caseNames = [] }
        self.required = required
        self.title = title
    }
}

/// A record kind: its name, where it may appear, whether it takes a date, its fields.
public struct KindSpec: Sendable {
    public enum Dating: String, Sendable { case yes, no, optional }

    public var id: String
    public var name: [UInt8]
    public var title: String?
    public var role: FileRole
    /// At most one record of this kind per file.
    public var unique: Bool
    public var dated: Dating
    public var fields: [FieldSpec]

    public init(id: String, title: String? = nil, role: FileRole = .records, unique: Bool = false,
                dated: Dating = .optional, fields: [FieldSpec] = []) {
        self.id = id
        self.name = Array(id.utf8)
        self.title = title
        self.role = role
        self.unique = unique
        self.dated = dated
        self.fields = fields
    }

    /// The index of the field whose key is `span`'s bytes.
    public func fieldIndex(_ span: Span, in text: SourceText) -> Int? {
        fields.firstIndex { text.bytes(span, equal: $0.key) }
    }

    public func fieldIndex(_ id: String) -> Int? { fields.firstIndex { $0.id == id } }
}

/// A score band: the lowest score it takes and its published label.
public struct Band: Sendable, Hashable {
    public var id: String
    public var min: FixedDecimal
    public var label: String
}

/// A first-level indicator (indicator group) with its maximum points.
public struct IndicatorGroup: Sendable {
    public var id: String
    public var title: String
    public var max: FixedDecimal
}

/// A second-level indicator: its maximum points, the records that count as
/// evidence for it and the rubric that turns them into points.
public struct Indicator: Sendable {
    public var id: String
    public var group: String
    public var title: String
    public var max: FixedDecimal
    public var evidence: [EvidenceSelector] = []
    public var rubric: Rubric?
}

/// Which records count as evidence: a kind, optionally only those with one field value
/// (`project[type=self-funded]`).
public struct EvidenceSelector: Sendable, Hashable, CustomStringConvertible {
    public var kind: String
    public var field: String?
    public var value: String?

    /// Parses `KIND` or `KIND[FIELD=VALUE]`.
    public init?(_ text: String) {
        guard let open = text.firstIndex(of: "[") else {
            guard !text.isEmpty else { return nil }
            kind = text
            return
        }
        guard text.hasSuffix("]") else { return nil }
        kind = String(text[..<open])
        let condition = text[text.index(after: open)..<text.index(before: text.endIndex)]
        let parts = condition.split(separator: "=", maxSplits: 1)
        guard !kind.isEmpty, parts.count == 2 else { return nil }
        field = String(parts[0])
        value = String(parts[1])
    }

    public var description: String {
        guard let field, let value else { return kind }
        return "\(kind)[\(field)=\(value)]"
    }
}

/// How evidence becomes points: count the records (each counts its `count=` field,
/// or 1), sum a field, or full points for any record; then the points of the
/// highest tier reached, capped at the indicator's maximum.
public struct Rubric: Sendable {
    public enum Kind: String, Sendable { case count, sum, presence }

    public struct Tier: Sendable, Hashable {
        /// In the unit of what is measured: records, the field's integer, or fen for money.
        public var threshold: Int64
        public var text: String
        public var points: FixedDecimal
    }

    public var kind: Kind
    public var field: String?
    public var tiers: [Tier]
}

/// An award for holding a band over consecutive evaluation periods (A-level).
public struct Award: Sendable {
    public var id: String
    public var label: String
    public var band: String
    public var consecutive: Int
}

/// A record kind's int fields whose values are added up (see `Schema.measured`).
public struct MeasuredFields: Sendable {
    public var kind: String
    public var fields: [String]
}

/// An indicator schema: one methodology's bands, indicators and record kinds.
public struct Schema: Sendable {
    /// The largest `total` a schema may have. Every point value (band minimum, group and
    /// indicator maximum, tier points) lies in 0…total with at most two decimals, which
    /// the schema rule enforces, so sums and means of scores stay far from 64 bits.
    public static let maxTotal: Int64 = 1_000_000
    /// The fields every review line has before its indicator fields: no indicator may
    /// take one of these ids (CoreSchema's `review` kind).
    public static let reviewFields = ["alliance", "stage", "note"]

    public var id: String
    public var title: String
    public var total: Int64
    public var note: String?
    /// Ordered from the highest band down.
    public var bands: [Band]
    public var groups: [IndicatorGroup]
    public var indicators: [Indicator]
    public var kinds: [KindSpec]
    public var awards: [Award] = []
    /// The int fields of record kinds that are counted or summed (`count`, and each
    /// `sum` rubric's field on its evidence kinds), worked out once for `negative-measure`.
    public var measured: [MeasuredFields] = []

    /// The band a score falls in: the highest whose minimum it reaches.
    public func band(for score: FixedDecimal) -> Band? {
        bands.first { !(score < $0.min) }
    }
}

/// The kinds a file may hold, looked up by the bytes of a kind name.
/// A class: every bound file keeps its table, and copying the struct's eight
/// arrays for each file was eight retains where a reference is one.
public final class KindTable: Sendable {
    public let kinds: [KindSpec]
    /// Kind names by index, and indices by name: lookups by name copy no `KindSpec`.
    public let ids: [String]
    let indexByID: [String: Int]
    /// Every kind's field specs in one array, and where each kind's start: the binder
    /// reads them through one pointer per file, where reaching into each kind's own
    /// array cost a retain and a release per line.
    let fieldSpecs: [FieldSpec]
    let fieldStarts: [Int]
    /// Whether each kind may appear once per file (`duplicate-record` asks for every file).
    let unique: [Bool]
    /// The kind names and the field keys (parallel to `fieldSpecs`), packed for
    /// the binder, which compares one of each against every line and field.
    let names: [PackedName]
    let fieldKeys: [PackedName]
    /// How each field's value slot is read (parallel to `fieldSpecs`).
    let slotKinds: [Slot.Kind]

    /// `Schema.measured` resolved against this table: each kind's index and the slots of
    /// its counted or summed fields, so `negative-measure` looks nothing up per file.
    let measuredSlots: [(kind: Int, fields: [(id: String, slot: Int)])]

    public init(_ kinds: [KindSpec], measured: [MeasuredFields] = []) {
        self.kinds = kinds
        measuredSlots = measured.compactMap { entry in
            guard let kind = kinds.firstIndex(where: { $0.id == entry.kind }) else { return nil }
            return (kind, entry.fields.compactMap { field in kinds[kind].fieldIndex(field).map { (field, $0) } })
        }
        ids = kinds.map(\.id)
        indexByID = Dictionary(kinds.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        fieldSpecs = kinds.flatMap(\.fields)
        unique = kinds.map(\.unique)
        fieldStarts = kinds.reduce(into: [0]) { starts, kind in starts.append(starts.last! + kind.fields.count) }
        names = kinds.map { PackedName($0.name) }
        fieldKeys = fieldSpecs.map { PackedName($0.key) }
        slotKinds = fieldSpecs.map { Slot.Kind($0.type) }
    }

    /// The index of kind `id`, as records store it (nil: the table has no such kind).
    public func index(of id: String) -> Int32? { indexByID[id].map(Int32.init) }

    public func index(of span: Span, in text: SourceText) -> Int? {
        text.bytes.withUnsafeBufferPointer { index(of: span, in: $0) }
    }

    func index(of span: Span, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        names.withUnsafeBufferPointer { names in
            var index = 0
            while index < names.count, !names[index].matches(bytes, span) { index += 1 }
            return index < names.count ? index : nil
        }
    }
}
