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
