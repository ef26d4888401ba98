/// Binds parsed lines to the kinds a file may hold: unknown kinds and fields,
/// missing required fields and values of the wrong type are found here, each
/// reported under its own rule. A line with any such error is left out of the model.
/// This runs on every record line, so it reads the file's bytes in place.
public enum Binder {
    /// `arena`: where the records and values go (the load's); nil for a file bound alone.
    public static func bind(_ parsed: ParsedFile, table: KindTable, bands: [Band],
                            place: UnknownKindRule.Place, arena: Arena? = nil) -> (BoundFile, [Diagnostic]) {
        var records: [Record] = []
        var unbound: [RawLine] = []
        var diagnostics: [Diagnostic] = []
        var negative = false
        records.reserveCapacity(parsed.lines.count)
        // Each line's kind first, so the values are allocated at their exact size once:
        // a guess that fell short doubled the array, and a third of its slots went unused.
        let kindIndices = parsed.text.bytes.withUnsafeBufferPointer { bytes in
            parsed.lines.map { table.index(of: $0.kind, in: bytes) ?? -1 }
        }
        let slotCount = kindIndices.reduce(0) { slots, kind in
            kind < 0 ? slots : slots + table.fieldStarts[kind + 1] - table.fieldStarts[kind]
        }
        // Each line writes its slots in place; a line with errors leaves its slots to the next.
        let values = Slab<Slot>(capacity: slotCount, in: arena) { slots in
            var used = 0
            // Buffers are taken once per file: the loop below runs once per record line.
            parsed.text.bytes.withUnsafeBufferPointer { bytes in
            parsed.fields.withUnsafeBufferPointer { fields in
            table.kinds.withUnsafeBufferPointer { kinds in
            table.fieldSpecs.withUnsafeBufferPointer { allSpecs in
            table.fieldKeys.withUnsafeBufferPointer { allKeys in
                for (line, kindIndex) in zip(parsed.lines, kindIndices) {
                    var site: DiagnosticSite { parsed.site(line) }
                    guard kindIndex >= 0 else {
                        diagnostics.append(UnknownKindRule.diagnostic(site: site, kind: line.kind, parsed: parsed,
                                                                       known: table.kinds.map(\.id), place: place))
                        unbound.append(line)
                        continue
                    }
                    let fieldRange = table.fieldStarts[kindIndex]..<table.fieldStarts[kindIndex + 1]
                    let specs = UnsafeBufferPointer(rebasing: allSpecs[fieldRange])
                    let keys = UnsafeBufferPointer(rebasing: allKeys[fieldRange])
                    let ok = bindLine(line, kind: kinds.baseAddress! + kindIndex, specs: specs, keys: keys, parsed: parsed, bytes: bytes,
                                      fields: fields, bands: bands, values: slots.baseAddress! + used,
                                      negative: &negative, diagnostics: &diagnostics)
                    if let (date, identity) = ok {
                        records.append(Record(identity: identity &+ UInt64(kindIndex), number: line.number, start: line.start,
                                              kind: Int32(kindIndex), firstValue: Int32(used), date: date))
                        used += specs.count
                    } else {
                        unbound.append(line)
                    }
                }
            }
            }
            }
            }
            }
            return used
        }
        var kept = parsed.withoutFields
        kept.lines = unbound
        return (BoundFile(parsed: kept, table: table, records: Slab(copying: records, in: arena), values: values,
                          bands: bands, problems: diagnostics, holdsNegativeInt: negative, arena: arena), diagnostics)
    }

    /// Binds one line to its kind, writing one value slot per field from `values` on; nil on any error.
    private static func bindLine(_ line: RawLine, kind pointer: UnsafePointer<KindSpec>, specs: UnsafeBufferPointer<FieldSpec>,
                                 keys: UnsafeBufferPointer<PackedName>,
                                 parsed: ParsedFile, bytes: UnsafeBufferPointer<UInt8>, fields: UnsafeBufferPointer<RawField>,
                                 bands: [Band], values: UnsafeMutablePointer<Slot>,
                                 negative: inout Bool, diagnostics: inout [Diagnostic]) -> (Day?, UInt64)? {
        var site: DiagnosticSite { parsed.site(line) }
        // Only messages copy the whole spec; the hot path reads through the pointer.
        var spec: KindSpec { pointer.pointee }
        values.initialize(repeating: .absent, count: specs.count)
        var ok = true
        var date: Day?
        var identity: UInt64 = 0
        if let dateSpan = line.date {
            if pointer.pointee.dated == .no {
                diagnostics.append(site.diagnostic(BadValueRule.description, at: Int(dateSpan.start),
                    BadValueRule.undatedKind(["kind": .term(spec.id, title: spec.title), "date": .text(parsed.text.excerpt(dateSpan))]),
                    hint: BadValueRule.removeDate(["kind": .term(spec.id, title: spec.title)])))
                ok = false
            } else if let day = Day(bytes, dateSpan) {
                date = day
                identity = SpanBytes.hash(bytes, dateSpan, seed: 0xDA7E)
            } else {
                diagnostics.append(site.diagnostic(BadValueRule.description, at: Int(dateSpan.start),
                    BadValueRule.noSuchDate(["date": .text(parsed.text.excerpt(dateSpan))]), hint: ValueParser.dateHint()))
                ok = false
            }
        } else if pointer.pointee.dated == .yes {
            diagnostics.append(MissingFieldRule.missingDate(site: site, kind: spec, at: Int(line.kind.start)))
            ok = false
        }
        // A line reports at most `Linter.findingsPerLine` findings and one summary of the
        // rest, which are counted but not built (building one costs a pass over the line),
        // except the first: the summary takes its rule, severity and place.
        let firstFinding = diagnostics.count
        // Field specs are read through a pointer: copying one per field costs more than the parse.
        do {
            for index in line.fieldRange {
                let raw = fields[index]
                var found = -1
                for k in 0..<keys.count where keys[k].matches(bytes, raw.key) {
                    found = k
                    break
                }
                guard found >= 0 else {
                    if Linter.shows(&diagnostics, lineFrom: firstFinding) {
                        diagnostics.append(UnknownFieldRule.diagnostic(site: site, field: raw, kind: spec, parsed: parsed))
                    }
                    ok = false
                    continue
                }
                if let value = ValueParser.value(raw, as: specs.baseAddress! + found, buffer: bytes, bands: bands, negative: &negative) {
                    values[found] = Slot(value)
                    identity &+= SpanBytes.hash(bytes, raw.value, seed: UInt64(found) &* 0x9E37_79B9_7F4A_7C15)
                } else {
                    if Linter.shows(&diagnostics, lineFrom: firstFinding) {
                        let failure = ValueParser.failure(raw, as: specs[found], in: parsed, bands: bands)
                        diagnostics.append(BadValueRule.diagnostic(site: site, field: raw, spec: specs[found],
                                                                   failure: failure, parsed: parsed))
                    }
                    ok = false
                }
            }
        }
        for index in 0..<specs.count where values[index] == .absent && specs[index].required {
            let field = specs[index]
            let written = line.fieldRange.contains { keys[index].matches(bytes, fields[$0].key) }
            if !written {
                if Linter.shows(&diagnostics, lineFrom: firstFinding) {
                    diagnostics.append(MissingFieldRule.diagnostic(site: site, kind: spec, field: field, line: line))
                }
                ok = false
            }
        }

        if diagnostics.count - firstFinding > Linter.findingsPerLine { Linter.summarise(&diagnostics) }
        return ok ? (date, identity) : nil
    }
}
