/// A record after its kind and field types were checked against a schema.
/// Its values sit in the file's flat `values` array, one slot per field of its kind.
public struct Record: Sendable, BitwiseCopyable {
    /// A hash of kind, date and field values that ignores field order and
    /// quoting: equal records have equal identities (duplicate detection).
    public var identity: UInt64
    /// The 1-based line number.
    public var number: Int32
    /// The byte offset where the line starts. With the number, all a finding needs:
    /// the record keeps these two instead of its whole `RawLine` (a seventh of the memory).
    public var start: Int32
    /// Index of the kind in the file's `KindTable`.
    public var kind: Int32
    public var firstValue: Int32
    public var date: Day?
}

/// A file whose lines were bound to record kinds: the typed model of one file.
/// A class, because it is immutable once bound and passed around a great deal:
/// a reference is one retain where the struct's copy was ten.
public final class BoundFile: Sendable {
    /// The parsed file, whose `lines` keep only the lines that did not bind (with
    /// errors, or of an unknown kind): a bound line lives on as its `Record`.
    public let parsed: ParsedFile
    public let table: KindTable
    public let records: Slab<Record>
    /// Every record's values, one slot per field of its kind (read them with `value(_:at:)`).
    let values: Slab<Slot>
    /// The bands `band` fields chose from: the period schema's array, shared (a list
    /// of their ids made for each file cost an allocation per file).
    public let bands: [Band]
    /// Record indices grouped by kind (in file order within a kind), and where each
    /// kind's group starts: `records(of:)` is asked for one kind of a hundred records
    /// by scoring and several rules, for every file.
    let byKind: Slab<Int32>
    let kindStarts: [Int32]
    /// The file's name without `.txt`: for an alliance's record file, its period.
    /// Worked out once, on bytes: splitting the path into characters for every
    /// rule that asked cost more than the rules.
    public let stem: String
    /// What binding found (unknown kinds and fields, bad values, missing fields), kept
    /// so that a file taken unchanged into another load reports the same findings.
    let problems: [Diagnostic]
    /// Whether a bound int value is negative: `negative-measure` reads only such files
    /// (nearly none), instead of every value its kinds' measured fields hold.
    let holdsNegativeInt: Bool

    init(parsed: ParsedFile, table: KindTable, records: Slab<Record>, values: Slab<Slot>, bands: [Band],
         problems: [Diagnostic] = [], holdsNegativeInt: Bool = true, arena: Arena? = nil) {
        self.problems = problems
        self.holdsNegativeInt = holdsNegativeInt
        self.parsed = parsed
        self.table = table
        self.records = records
        self.values = values
        self.bands = bands
        // A counting sort by kind.
        var starts = [Int32](repeating: 0, count: table.kinds.count + 1)
        for record in records { starts[Int(record.kind) + 1] += 1 }
        for k in 0..<table.kinds.count { starts[k + 1] += starts[k] }
        var next = starts
        byKind = Slab(capacity: records.count, in: arena) { grouped in
            for (index, record) in records.enumerated() {
                grouped.initializeElement(at: Int(next[Int(record.kind)]), to: Int32(index))
                next[Int(record.kind)] += 1
            }
            return records.count
        }
        kindStarts = starts
        stem = BoundFile.stem(of: parsed.text.path)
    }

    static func stem(of path: String) -> String {
        let utf8 = path.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        let name = String(path[start...])
        return Discovery.stem(ofTextFile: name) ?? name
    }

    public var path: String { parsed.text.path }

    public func kind(of record: Record) -> KindSpec { table.kinds[Int(record.kind)] }

    /// The record's kind name, without copying its `KindSpec`.
    public func kindID(of record: Record) -> String { table.ids[Int(record.kind)] }

    /// The record's line as written (date and kind; its fields are not kept), read again from its start.
    public func rawLine(of record: Record) -> RawLine {
        LineParser.head(ofLineAt: Int(record.start), number: Int(record.number), in: parsed.text)
    }

    /// Where `field` is among the fields of the record's kind, found in the table's
    /// flat field specs: copying the `KindSpec` for each value asked for showed in profiles.
    func fieldIndex(_ field: String, of record: Record) -> Int? {
        let start = table.fieldStarts[Int(record.kind)], end = table.fieldStarts[Int(record.kind) + 1]
        var index = start
        while index < end, table.fieldSpecs[index].id != field { index += 1 }
        return index < end ? index - start : nil
    }

    public func value(_ record: Record, _ field: String) -> Value? {
        guard let index = fieldIndex(field, of: record) else { return nil }
        return value(record, at: index)
    }

    /// The value of the record's field at `index` among its kind's fields.
    public func value(_ record: Record, at index: Int) -> Value? {
        values[Int(record.firstValue) + index].value(as: table.slotKinds[table.fieldStarts[Int(record.kind)] + index])
    }

    /// The field's value as text: decoded (unescaped) for text fields, the case
    /// name for enums, the written form for numbers and dates.
    public func text(_ record: Record, _ field: String) -> String? {
        guard let index = fieldIndex(field, of: record), let value = value(record, at: index) else { return nil }
        switch value {
        case .text(let span), .code(let span), .references(let span):
            let raw = parsed.text.string(span)
            // A quoted value's bytes start right after its opening quote; only those hold escapes.
            let quoted = span.start > 0 && parsed.text.bytes[Int(span.start) - 1] == UInt8(ascii: "\"")
            return quoted && raw.utf8.contains(UInt8(ascii: "\\")) ? Escapes.unescape(raw) : raw
        case .choice(let choice):
            switch table.fieldSpecs[table.fieldStarts[Int(record.kind)] + index].type {
            case .enumeration(let cases): return cases[choice]
            case .band: return bands[choice].id
            default: return nil
            }
        case .int(let number): return String(number)
        case .decimal(let number): return number.description
        case .date(let day): return day.description
        case .money(let fen): return FixedDecimal(mantissa: fen, scale: 2).description + "元"
        }
    }

    public func decimal(_ record: Record, _ field: String) -> FixedDecimal? {
        switch value(record, field) {
        case .decimal(let d)?: d
        case .int(let i)?: FixedDecimal(mantissa: i, scale: 0)
        default: nil
        }
    }

    public func int(_ record: Record, _ field: String) -> Int64? {
        if case .int(let i)? = value(record, field) { return i }
        return nil
    }

    public func date(_ record: Record, _ field: String) -> Day? {
        if case .date(let d)? = value(record, field) { return d }
        return nil
    }

    /// Where a record's line starts, for findings about the record as a whole.
    public func site(_ record: Record) -> DiagnosticSite {
        DiagnosticSite(text: parsed.text, line: Int(record.number), lineStart: Int(record.start))
    }

    /// Where one of a record's fields starts (its key), or the line start when it is absent.
    /// Fields are not kept after binding (they would double the memory of a large
    /// vault); a finding that needs one re-reads its single line.
    public func offset(of field: String, in record: Record) -> Int {
        let line = rawLine(of: record)
        let key = Array(field.utf8)
        for raw in LineParser.fields(ofLineAt: Int(line.start), in: parsed.text) where parsed.text.bytes(raw.key, equal: key) {
            return Int(raw.key.start)
        }
        return Int(line.kind.start)
    }

    /// Whether any line of the file names `kindID`, bound or not (a line with errors
    /// still counts: the file does not lack the record, the record has a problem).
    public func writes(kind kindID: String) -> Bool {
        let name = Array(kindID.utf8)
        return !records(of: kindID).isEmpty || parsed.lines.contains { parsed.text.bytes($0.kind, equal: name) }
    }

    /// The records of one kind, in file order: a view, not an array, since scoring and
    /// several rules ask for a kind of every file and an array for each was an allocation.
    public func records(of kindID: String) -> KindRecords {
        guard let kind = table.indexByID[kindID] else { return KindRecords(file: self, range: 0..<0) }
        return KindRecords(file: self, range: Int(kindStarts[kind])..<Int(kindStarts[kind + 1]))
    }
}

/// The records of one kind in a bound file (see `BoundFile.records(of:)`).
public struct KindRecords: RandomAccessCollection, Sendable {
    let file: BoundFile
    let range: Range<Int>

    public var startIndex: Int { range.lowerBound }
    public var endIndex: Int { range.upperBound }
    public subscript(position: Int) -> Record { file.records[Int(file.byKind[position])] }
}
