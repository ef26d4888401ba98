/// A record after its kind and field types were checked against a schema.
/// Its values sit in the file's flat `values` array, one slot per field of its kind.
public struct Record: Sendable {
    /// Index of the line in `ParsedFile.lines`.
    public var line: Int32
    /// Index of the kind in the file's `KindTable`.
    public var kind: Int32
    public var date: Day?
    public var firstValue: Int32
}

/// A file whose lines were bound to record kinds: the typed model of one file.
public struct BoundFile: Sendable {
    public var parsed: ParsedFile
    public var table: KindTable
    public var records: [Record]
    public var values: [Value?]

    public var path: String { parsed.text.path }

    public func kind(of record: Record) -> KindSpec { table.kinds[Int(record.kind)] }

    public func rawLine(of record: Record) -> RawLine { parsed.lines[Int(record.line)] }

    public func value(_ record: Record, _ field: String) -> Value? {
        guard let index = kind(of: record).fieldIndex(field) else { return nil }
        return values[Int(record.firstValue) + index]
    }

    /// The field's text as written (decoded, unescaped), whatever its type.
    public func text(_ record: Record, _ field: String) -> String? {
        let line = rawLine(of: record)
        let spec = kind(of: record)
        guard let index = spec.fieldIndex(field), values[Int(record.firstValue) + index] != nil else { return nil }
        for raw in parsed.fields[line.fieldRange] where parsed.text.bytes(raw.key, equal: spec.fields[index].key) {
            return parsed.value(raw)
        }
        return nil
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
    public func site(_ record: Record) -> DiagnosticSite { parsed.site(rawLine(of: record)) }

    /// Where one of a record's fields starts (its key), or the line start when it is absent.
    public func offset(of field: String, in record: Record) -> Int {
        let line = rawLine(of: record)
        for raw in parsed.fields[line.fieldRange] where parsed.string(raw.key) == field { return Int(raw.key.start) }
        return Int(line.kind.start)
    }

    public func records(of kindID: String) -> [Record] {
        guard let index = table.kinds.firstIndex(where: { $0.id == kindID }) else { return [] }
        return records.filter { $0.kind == Int32(index) }
    }
}

/// Binds parsed lines to the kinds a file may hold: unknown kinds and fields,
/// missing required fields and values of the wrong type are found here, each
/// reported under its own rule. A line with any such error is left out of the model.
public enum Binder {
    public static func bind(_ parsed: ParsedFile, table: KindTable, bands: [Band],
                            place: String) -> (BoundFile, [Diagnostic]) {
        var records: [Record] = []
        var values: [Value?] = []
        var diagnostics: [Diagnostic] = []
        records.reserveCapacity(parsed.lines.count)
        for (lineIndex, line) in parsed.lines.enumerated() {
            let site = parsed.site(line)
            guard let kindIndex = table.index(of: line.kind, in: parsed.text) else {
                diagnostics.append(UnknownKindRule.diagnostic(site: site, kind: line.kind, parsed: parsed,
                                                               known: table.kinds.map(\.id), place: place))
                continue
            }
            let spec = table.kinds[kindIndex]
            let firstValue = values.count
            values.append(contentsOf: repeatElement(nil, count: spec.fields.count))
            var ok = true
            var date: Day?
            if let dateSpan = line.date {
                if spec.dated == .no {
                    diagnostics.append(site.diagnostic(BadValueRule.description, at: Int(dateSpan.start),
                        "record kind \"\(spec.id)\" takes no date, found \"\(parsed.string(dateSpan))\"",
                        hint: "remove the date: a \"\(spec.id)\" record is about the whole period or file"))
                    ok = false
                } else if let day = Day(bytes: parsed.text.bytes[Int(dateSpan.start)..<Int(dateSpan.end)]) {
                    date = day
                } else {
                    diagnostics.append(site.diagnostic(BadValueRule.description, at: Int(dateSpan.start),
                        "\"\(parsed.string(dateSpan))\" is not a date (YYYY-MM-DD) that exists",
                        hint: "write the date as YYYY-MM-DD, e.g. 2023-04-10"))
                    ok = false
                }
            } else if spec.dated == .yes {
                diagnostics.append(MissingFieldRule.missingDate(site: site, kind: spec, at: Int(line.kind.start)))
                ok = false
            }
            for raw in parsed.fields[line.fieldRange] {
                guard let fieldIndex = spec.fieldIndex(raw.key, in: parsed.text) else {
                    diagnostics.append(UnknownFieldRule.diagnostic(site: site, field: raw, kind: spec, parsed: parsed))
                    ok = false
                    continue
                }
                switch ValueParser.parse(raw, as: spec.fields[fieldIndex].type, in: parsed, bands: bands) {
                case .success(let value):
                    values[firstValue + fieldIndex] = value
                case .failure(let failure):
                    diagnostics.append(BadValueRule.diagnostic(site: site, field: raw, spec: spec.fields[fieldIndex],
                                                               failure: failure, parsed: parsed))
                    ok = false
                }
            }
            for (index, field) in spec.fields.enumerated() where field.required && values[firstValue + index] == nil {
                if !parsed.fields[line.fieldRange].contains(where: { parsed.text.bytes($0.key, equal: field.key) }) {
                    diagnostics.append(MissingFieldRule.diagnostic(site: site, kind: spec, field: field, line: line))
                    ok = false
                }
            }
            if ok {
                records.append(Record(line: Int32(lineIndex), kind: Int32(kindIndex), date: date,
                                      firstValue: Int32(firstValue)))
            } else {
                values.removeSubrange(firstValue...)
            }
        }
        return (BoundFile(parsed: parsed, table: table, records: records, values: values), diagnostics)
    }
}
