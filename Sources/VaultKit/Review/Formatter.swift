/// `vault fmt`: one canonical form for every file, so two people adding records
/// rarely touch the same line. Per record line: date, kind, then fields in the
/// schema's order, single spaces, values quoted only when they must be, a trailing
/// comment kept after two spaces. In an alliance's period file, records are sorted
/// by date then kind, each keeping the comment lines written directly above it
/// (so suppressions stay with their line). Other files keep their order. Line
/// ends become LF and a byte-order mark is dropped. Meaning never changes; a
/// file with a syntax error is left alone.
public enum Formatter {
    public enum Outcome: Equatable, Sendable {
        case unchanged
        case changed([UInt8])
        /// The file has syntax or encoding errors: not formatted.
        case refused(Message)
    }

    static let refusedAt = MessageTemplate("fmt.refused", en: "{location}: {message}", zh: "{location}：{message}")

    public static func format(_ bytes: [UInt8], path: String, table: KindTable?, sort: Bool) -> Outcome {
        let parsed = LineParser.parse(SourceText(path: path, bytes: bytes))
        if let problem = parsed.diagnostics.first(where: { $0.severity == .error }) {
            return .refused(refusedAt(["location": .text("\(problem.location)"), "message": .message(problem.message)]))
        }
        let lines = splitLines(bytes)
        var recordByLine: [Int: RawLine] = [:]
        for line in parsed.lines { recordByLine[Int(line.number)] = line }
        // Blocks: each record with the comment lines directly above it.
        var header: [String] = []
        var blocks: [(key: SortKey, text: [String])] = []
        var pending: [String] = []
        var sawRecord = false
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let trimmed = raw.trimmingSpaces()
            if let record = recordByLine[number] {
                let text = canonical(record, parsed: parsed, table: table)
                blocks.append((SortKey(record, parsed: parsed, table: table, order: blocks.count), pending + [text]))
                pending = []
                sawRecord = true
            } else if trimmed.isEmpty {
                if !sort { pending.append("") } else if !sawRecord, !pending.isEmpty {
                    header += pending + [""]
                    pending = []
                }
            } else {
                pending.append(trimmed)
            }
        }
        if sort { blocks.sort { $0.key < $1.key } }
        var out = header
        for block in blocks { out += block.text }
        out += pending
        // One blank line at most in a row; none at the start or the end.
        var collapsed: [String] = []
        for line in out where !(line.isEmpty && (collapsed.last?.isEmpty ?? true)) { collapsed.append(line) }
        while collapsed.last?.isEmpty == true { collapsed.removeLast() }
        let result = Array((collapsed.joined(separator: "\n") + (collapsed.isEmpty ? "" : "\n")).utf8)
        return result == bytes ? .unchanged : .changed(result)
    }

    /// How records sort in an alliance's period file: undated first, then by date,
    /// then by kind in the schema's order (core kinds first); ties keep their order.
    struct SortKey: Comparable {
        var date: Day?
        var kind: Int
        var order: Int

        init(_ line: RawLine, parsed: ParsedFile, table: KindTable?, order: Int) {
            date = line.date.flatMap { Day(parsed.string($0)) }
            kind = table?.index(of: line.kind, in: parsed.text) ?? Int.max
            self.order = order
        }

        static func < (a: SortKey, b: SortKey) -> Bool {
            switch (a.date, b.date) {
            case (nil, .some): return true
            case (.some, nil): return false
            case let (x?, y?) where x != y: return x < y
            default: return (a.kind, a.order) < (b.kind, b.order)
            }
        }
    }

    /// A record line in canonical form.
    static func canonical(_ line: RawLine, parsed: ParsedFile, table: KindTable?) -> String {
        var parts: [String] = []
        if let date = line.date { parts.append(parsed.string(date)) }
        let kindName = parsed.string(line.kind)
        parts.append(kindName)
        var fields = parsed.fields[line.fieldRange].map { (key: parsed.string($0.key), value: parsed.value($0)) }
        if let kind = table?.kinds.first(where: { $0.id == kindName }) {
            // The first field of an id wins: a schema may (wrongly) give an indicator the id of a
            // review field, which the schema rule reports; formatting must not trap on it.
            let order = Dictionary(kind.fields.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            fields = fields.enumerated().sorted { a, b in
                (order[a.element.key] ?? Int.max, a.offset) < (order[b.element.key] ?? Int.max, b.offset)
            }.map(\.element)
        }
        for field in fields { parts.append("\(field.key)=\(Escapes.quoteIfNeeded(field.value))") }
        var text = parts.joined(separator: " ")
        if let comment = trailingComment(line, parsed: parsed) { text += "  " + comment }
        return text
    }

    /// The `# …` after a record on its line, if any.
    static func trailingComment(_ line: RawLine, parsed: ParsedFile) -> String? {
        let bytes = parsed.text.bytes
        var i = line.fieldCount > 0 ? Int(parsed.fields[Int(line.firstField + line.fieldCount - 1)].value.end) : Int(line.kind.end)
        if line.fieldCount > 0, parsed.fields[Int(line.firstField + line.fieldCount - 1)].quoted { i += 1 }
        var end = i
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        if end > i, bytes[end - 1] == 0x0D { end -= 1 }
        let rest = parsed.text.string(Span(start: i, end: end)).trimmingSpaces()
        return rest.hasPrefix("#") ? rest : nil
    }

    static func splitLines(_ bytes: [UInt8]) -> [String] {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lines: [String] = []
        var i = start
        while i < bytes.count {
            if bytes[i] == 0x0A {
                var end = i
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
                start = i + 1
            }
            i += 1
        }
        if start < bytes.count {
            // A last line without its LF ends like any other: a CR before the end of the file
            // is the CR of a CRLF, or formatting twice would change the file again (found by
            // the pipeline fuzzer).
            var end = bytes.count
            if bytes[end - 1] == 0x0D { end -= 1 }
            lines.append(String(decoding: bytes[start..<end], as: UTF8.self))
        }
        return lines
    }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}
