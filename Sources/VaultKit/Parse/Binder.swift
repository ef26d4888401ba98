/// A record after its kind and field types were checked against a schema.
/// Its values sit in the file's flat `values` array, one slot per field of its kind.
public struct Record: Sendable {
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
    public let records: [Record]
    public let values: [Value?]
    /// The bands `band` fields chose from: the period schema's array, shared (a list
    /// of their ids made for each file cost an allocation per file).
    public let bands: [Band]
    /// Record indices grouped by kind (in file order within a kind), and where each
    /// kind's group starts: `records(of:)` is asked for one kind of a hundred records
    /// by scoring and several rules, for every file.
    let byKind: [Int32]
    let kindStarts: [Int32]
    /// The file's name without `.txt`: for an alliance's record file, its period.
    /// Worked out once, on bytes: splitting the path into characters for every
    /// rule that asked cost more than the rules.
    public let stem: String

    init(parsed: ParsedFile, table: KindTable, records: [Record], values: [Value?], bands: [Band]) {
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
        var grouped = [Int32](repeating: 0, count: records.count)
        for (index, record) in records.enumerated() {
            grouped[Int(next[Int(record.kind)])] = Int32(index)
            next[Int(record.kind)] += 1
        }
        byKind = grouped
        kindStarts = starts
        stem = BoundFile.stem(of: parsed.text.path)
    }

    static func stem(of path: String) -> String {
        let utf8 = path.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        var end = utf8.endIndex
        if utf8.distance(from: start, to: end) > 4, utf8[utf8.index(end, offsetBy: -4)...].elementsEqual(".txt".utf8) {
            end = utf8.index(end, offsetBy: -4)
        }
        return String(path[start..<end])
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
        return values[Int(record.firstValue) + index]
    }

    /// The field's value as text: decoded (unescaped) for text fields, the case
    /// name for enums, the written form for numbers and dates.
    public func text(_ record: Record, _ field: String) -> String? {
        guard let index = fieldIndex(field, of: record), let value = values[Int(record.firstValue) + index] else { return nil }
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

    public func records(of kindID: String) -> [Record] {
        guard let kind = table.indexByID[kindID] else { return [] }
        return byKind[Int(kindStarts[kind])..<Int(kindStarts[kind + 1])].map { records[Int($0)] }
    }
}

/// Binds parsed lines to the kinds a file may hold: unknown kinds and fields,
/// missing required fields and values of the wrong type are found here, each
/// reported under its own rule. A line with any such error is left out of the model.
/// This runs on every record line, so it reads the file's bytes in place.
public enum Binder {
    public static func bind(_ parsed: ParsedFile, table: KindTable, bands: [Band],
                            place: String) -> (BoundFile, [Diagnostic]) {
        var records: [Record] = []
        var unbound: [RawLine] = []
        var values: [Value?] = []
        var diagnostics: [Diagnostic] = []
        records.reserveCapacity(parsed.lines.count)
        // Buffers are taken once per file: the loop below runs once per record line.
        parsed.text.bytes.withUnsafeBufferPointer { bytes in
            // Each line's kind first, so the values array is reserved to its exact size:
            // a guess that fell short doubled it, and a third of its slots went unused.
            let kindIndices = parsed.lines.map { table.index(of: $0.kind, in: bytes) ?? -1 }
            values.reserveCapacity(kindIndices.reduce(0) { slots, kind in
                kind < 0 ? slots : slots + table.fieldStarts[kind + 1] - table.fieldStarts[kind]
            })
            parsed.fields.withUnsafeBufferPointer { fields in
            table.kinds.withUnsafeBufferPointer { kinds in
            table.fieldSpecs.withUnsafeBufferPointer { allSpecs in
                for (line, kindIndex) in zip(parsed.lines, kindIndices) {
                    var site: DiagnosticSite { parsed.site(line) }
                    guard kindIndex >= 0 else {
                        diagnostics.append(UnknownKindRule.diagnostic(site: site, kind: line.kind, parsed: parsed,
                                                                       known: table.kinds.map(\.id), place: place))
                        unbound.append(line)
                        continue
                    }
                    let firstValue = values.count
                    let specs = UnsafeBufferPointer(rebasing: allSpecs[table.fieldStarts[kindIndex]..<table.fieldStarts[kindIndex + 1]])
                    let ok = bindLine(line, kind: kinds.baseAddress! + kindIndex, specs: specs, parsed: parsed, bytes: bytes,
                                      fields: fields, bands: bands, values: &values, diagnostics: &diagnostics)
                    if let (date, identity) = ok {
                        records.append(Record(identity: identity &+ UInt64(kindIndex), number: line.number, start: line.start,
                                              kind: Int32(kindIndex), firstValue: Int32(firstValue), date: date))
                    } else {
                        values.removeSubrange(firstValue...)
                        unbound.append(line)
                    }
                }
            }
            }
            }
        }
        var kept = parsed.withoutFields
        kept.lines = unbound
        return (BoundFile(parsed: kept, table: table, records: records, values: values,
                          bands: bands), diagnostics)
    }

    /// Binds one line to its kind, appending one value slot per field; nil on any error.
    private static func bindLine(_ line: RawLine, kind pointer: UnsafePointer<KindSpec>, specs: UnsafeBufferPointer<FieldSpec>,
                                 parsed: ParsedFile, bytes: UnsafeBufferPointer<UInt8>, fields: UnsafeBufferPointer<RawField>,
                                 bands: [Band], values: inout [Value?],
                                 diagnostics: inout [Diagnostic]) -> (Day?, UInt64)? {
        var site: DiagnosticSite { parsed.site(line) }
        // Only messages copy the whole spec; the hot path reads through the pointer.
        var spec: KindSpec { pointer.pointee }
        let firstValue = values.count
        for _ in 0..<specs.count { values.append(nil) }
        var ok = true
        var date: Day?
        var identity: UInt64 = 0
        if let dateSpan = line.date {
            if pointer.pointee.dated == .no {
                diagnostics.append(site.diagnostic(BadValueRule.description, at: Int(dateSpan.start),
                    "record kind \"\(spec.id)\" takes no date, found \"\(parsed.string(dateSpan))\"",
                    hint: "remove the date: a \"\(spec.id)\" record is about the whole period or file"))
                ok = false
            } else if let day = Day(bytes: bytes[Int(dateSpan.start)..<Int(dateSpan.end)]) {
                date = day
                identity = SpanBytes.hash(bytes, dateSpan, seed: 0xDA7E)
            } else {
                diagnostics.append(site.diagnostic(BadValueRule.description, at: Int(dateSpan.start),
                    "\"\(parsed.string(dateSpan))\" is not a date (YYYY-MM-DD) that exists",
                    hint: "write the date as YYYY-MM-DD, e.g. 2023-04-10"))
                ok = false
            }
        } else if pointer.pointee.dated == .yes {
            diagnostics.append(MissingFieldRule.missingDate(site: site, kind: spec, at: Int(line.kind.start)))
            ok = false
        }
        // Field specs are read through a pointer: copying one per field costs more than the parse.
        do {
            for index in line.fieldRange {
                let raw = fields[index]
                var found = -1
                for k in 0..<specs.count where SpanBytes.equal(bytes, raw.key, specs[k].key) {
                    found = k
                    break
                }
                guard found >= 0 else {
                    diagnostics.append(UnknownFieldRule.diagnostic(site: site, field: raw, kind: spec, parsed: parsed))
                    ok = false
                    continue
                }
                switch ValueParser.parse(raw, as: specs.baseAddress! + found, in: parsed, buffer: bytes, bands: bands) {
                case .success(let value):
                    values[firstValue + found] = value
                    identity &+= SpanBytes.hash(bytes, raw.value, seed: UInt64(found) &* 0x9E37_79B9_7F4A_7C15)
                case .failure(let failure):
                    diagnostics.append(BadValueRule.diagnostic(site: site, field: raw, spec: specs[found],
                                                               failure: failure, parsed: parsed))
                    ok = false
                }
            }
        }
        for index in 0..<specs.count where values[firstValue + index] == nil && specs[index].required {
            let field = specs[index]
            let written = line.fieldRange.contains { SpanBytes.equal(bytes, fields[$0].key, field.key) }
            if !written {
                diagnostics.append(MissingFieldRule.diagnostic(site: site, kind: spec, field: field, line: line))
                ok = false
            }
        }
        return ok ? (date, identity) : nil
    }
}

/// Byte comparison and hashing of spans, in place.
enum SpanBytes {
    /// A hash of the span's bytes, eight at a time: a byte-at-a-time hash (FNV)
    /// was most of the binding time, one dependent multiply per byte.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span, seed: UInt64) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h: UInt64 = seed ^ (UInt64(span.count) &* multiplier)
        var i = Int(span.start)
        let end = Int(span.end)
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while i + 8 <= end {
            h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* multiplier
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < end {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h = (h ^ tail) &* multiplier
        return h ^ (h >> 32)
    }

    @inline(__always)
    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span, _ literal: [UInt8]) -> Bool {
        guard span.count == literal.count else { return false }
        var i = Int(span.start)
        for byte in literal {
            if bytes[i] != byte { return false }
            i += 1
        }
        return true
    }
}
