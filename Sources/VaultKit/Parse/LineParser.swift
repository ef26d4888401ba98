/// Splits a file's bytes into record lines, on UTF-8 bytes and never on
/// `Character`s. A line with an error is reported and skipped; parsing goes on
/// with the next line, so one run finds every syntax error in a file.
public enum LineParser {
    public static func parse(_ text: SourceText) -> ParsedFile {
        var state = State(text: text)
        text.bytes.withUnsafeBufferPointer { state.run($0) }
        return ParsedFile(text: text, lines: state.lines, fields: state.fields,
                          suppressions: state.suppressions, diagnostics: state.diagnostics)
    }

    /// The fields of the single line starting at byte `start`, parsed again on demand.
    public static func fields(ofLineAt start: Int, in text: SourceText) -> [RawField] {
        var state = State(text: text)
        text.bytes.withUnsafeBufferPointer { bytes in
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            state.parseLine(bytes, number: 0, start: start, end: end)
        }
        return state.fields
    }

    /// The date and kind of the line starting at byte `start` (no fields), read again
    /// for a bound record, which keeps only its line number and start.
    public static func head(ofLineAt start: Int, number: Int, in text: SourceText) -> RawLine {
        text.bytes.withUnsafeBufferPointer { b in
            var i = start
            while i < b.count, isSpace(b[i]) { i += 1 }
            var date: Span?
            if i < b.count, isDigit(b[i]) {
                let dateStart = i
                while i < b.count, !isSpace(b[i]), b[i] != 0x0A, b[i] != 0x0D { i += 1 }
                date = Span(start: dateStart, end: i)
                while i < b.count, isSpace(b[i]) { i += 1 }
            }
            let kindStart = i
            while i < b.count, isKindByte(b[i]) { i += 1 }
            return RawLine(number: Int32(number), start: Int32(start), date: date, kind: Span(start: kindStart, end: i),
                           firstField: 0, fieldCount: 0)
        }
    }

    private struct State {
        let text: SourceText
        var lines: [RawLine] = []
        var fields: [RawField] = []
        var suppressions: [Suppression] = []
        var diagnostics: [Diagnostic] = []
        /// Suppressions written alone on a line, waiting for the next record line.
        var pendingSuppressions: [Int] = []
        var sawCRLF = false
        /// The bytes of the line being parsed, for checking its encoding before a syntax finding.
        var line: (bytes: UnsafeBufferPointer<UInt8>, end: Int)?
        /// Whether the whole file passed the encoding checks, so no span needs them.
        var clean = false
        /// The keys of line `keysLine` by hash, for a line of many fields (`hashedEarlier`).
        var keys: [Int: [Int32]] = [:]
        var keysLine = 0

        init(text: SourceText) { self.text = text }

        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
            // Most files are clean: one pass over the whole file is cheaper than a
            // check for each value, and a file with bad bytes takes the careful path.
            clean = Encoding.isClean(bytes)
            // A guess, not a count (counting was a pass of its own): records run about a
            // hundred bytes, and both arrays are dropped or trimmed once the file is bound.
            let estimatedLines = bytes.count / 64 + 8
            lines.reserveCapacity(estimatedLines)
            fields.reserveCapacity(estimatedLines * 4)
            var offset = 0
            var number = 1
            if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                report(TextConventionRule.description, line: 1, lineStart: 0, at: 0,
                       TextConventionRule.byteOrderMark(), hint: TextConventionRule.byteOrderMarkHint())
                offset = 3
            }
            while offset < bytes.count {
                let end = Bytes.newline(in: bytes, from: offset) ?? bytes.count
                var content = end
                if content > offset, bytes[content - 1] == 0x0D {
                    content -= 1
                    if !sawCRLF {
                        sawCRLF = true
                        report(TextConventionRule.description, line: number, lineStart: offset, at: content,
                               TextConventionRule.crlf(), hint: TextConventionRule.crlfHint())
                    }
                }
                parseLine(bytes, number: number, start: offset, end: content)
                offset = end + 1
                number += 1
            }
            // A suppression on the last lines, with no record after it, targets nothing.
            for index in pendingSuppressions { suppressions[index].target = -1 }
        }

        /// Reports a finding on the current line. A line with bad bytes gets the encoding
        /// finding instead of a syntax one: the bytes are the problem, not the grammar.
        mutating func report(_ rule: RuleDescription, line number: Int, lineStart: Int, at offset: Int,
                             _ message: Message, hint: Message) {
            if !clean, rule.id == SyntaxRule.description.id, let (bytes, end) = line,
               let problem = Encoding.firstProblem(bytes, from: lineStart, to: end) {
                reportEncoding(problem, line: number, lineStart: lineStart)
                return
            }
            let site = DiagnosticSite(text: text, line: number, lineStart: lineStart)
            diagnostics.append(site.diagnostic(rule, at: offset, message, hint: hint))
        }

        mutating func reportEncoding(_ problem: Encoding.Problem, line number: Int, lineStart: Int) {
            let site = DiagnosticSite(text: text, line: number, lineStart: lineStart)
            diagnostics.append(site.diagnostic(EncodingRule.description, at: problem.offset, problem.message, hint: problem.hint))
        }

        /// Checks the encoding of bytes the grammar lets through unread (a date, an
        /// unquoted value, a comment); false after reporting a problem.
        mutating func checkEncoding(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int,
                                    line number: Int, lineStart: Int) -> Bool {
            guard let problem = Encoding.firstProblem(b, from: from, to: to) else { return true }
            reportEncoding(problem, line: number, lineStart: lineStart)
            return false
        }

        // MARK: One line

        /// Parses one line. Its encoding is checked as it is read: quoted values by
        /// `Encoding.scan` while their end is sought, the few other bytes the grammar
        /// does not restrict to ASCII one span at a time, and the whole line before a
        /// syntax finding, so a line with bad bytes gets exactly one encoding finding.
        mutating func parseLine(_ b: UnsafeBufferPointer<UInt8>, number: Int, start: Int, end: Int) {
            line = (b, end)
            defer { line = nil }
            var i = skipSpace(b, start, end)
            if i == end { return }
            if b[i] == UInt8(ascii: "#") {
                _ = comment(b, number: number, lineStart: start, from: i, to: end, standalone: true)
                return
            }
            var date: Span?
            if isDigit(b[i]) {
                let tokenEnd = tokenEnd(b, i, end)
                guard clean || checkEncoding(b, i, tokenEnd, line: number, lineStart: start) else { return }
                date = Span(start: i, end: tokenEnd)
                i = skipSpace(b, tokenEnd, end)
                if i == end || b[i] == UInt8(ascii: "#") {
                    report(SyntaxRule.description, line: number, lineStart: start, at: i,
                           SyntaxRule.kindAfterDate(["date": .text(text.excerpt(date!))]), hint: SyntaxRule.kindAfterDateHint())
                    return
                }
            }
            let kindStart = i
            guard isLower(b[i]) else {
                report(SyntaxRule.description, line: number, lineStart: start, at: i,
                       SyntaxRule.expectedKind(["found": .text(excerpt(b, i, end))]), hint: SyntaxRule.expectedKindHint())
                return
            }
            while i < end, isKindByte(b[i]) { i += 1 }
            if i < end, !isSpace(b[i]) {
                report(SyntaxRule.description, line: number, lineStart: start, at: kindStart,
                       SyntaxRule.kindCharacters(["kind": .text(excerpt(b, kindStart, end))]), hint: SyntaxRule.kindCharactersHint())
                return
            }
            let kind = Span(start: kindStart, end: i)
            let firstField = fields.count
            guard parseFields(b, number: number, lineStart: start, from: i, to: end) else {
                fields.removeSubrange(firstField...)
                return
            }
            lines.append(RawLine(number: Int32(number), start: Int32(start), date: date, kind: kind,
                                 firstField: Int32(firstField), fieldCount: Int32(fields.count - firstField)))
            for index in pendingSuppressions { suppressions[index].target = number }
            pendingSuppressions.removeAll()
        }

        /// Parses `key=value` fields up to the line end or a comment; false on a syntax error.
        mutating func parseFields(_ b: UnsafeBufferPointer<UInt8>, number: Int, lineStart: Int,
                                  from: Int, to end: Int) -> Bool {
            var i = from
            let first = fields.count
            while true {
                let gapStart = i
                i = skipSpace(b, i, end)
                if i == end { return true }
                if b[i] == UInt8(ascii: "#") {
                    if i == gapStart {
                        report(SyntaxRule.description, line: number, lineStart: lineStart, at: i,
                               SyntaxRule.hashAfterValue(), hint: SyntaxRule.hashAfterValueHint())
                        return false
                    }
                    return comment(b, number: number, lineStart: lineStart, from: i, to: end, standalone: false)
                }
                let keyStart = i
                i = LineParser.keyEnd(b, from: i, to: end)
                if i == keyStart || i == end || b[i] != UInt8(ascii: "=") {
                    report(SyntaxRule.description, line: number, lineStart: lineStart, at: keyStart,
                           b[keyStart] == UInt8(ascii: "=") ? SyntaxRule.strayEquals()
                               : SyntaxRule.expectedField(["found": .text(excerpt(b, keyStart, end))]),
                           hint: SyntaxRule.expectedFieldHint())
                    return false
                }
                let key = Span(start: keyStart, end: i)
                i += 1
                guard let field = parseValue(b, key: key, number: number, lineStart: lineStart, at: &i, end: end) else {
                    return false
                }
                // An index loop: iterating `fields[first...]` retained the array for every field.
                var earlier = first
                if fields.count - first < LineParser.scannedFields {
                    while earlier < fields.count, !sameBytes(b, fields[earlier].key, key) { earlier += 1 }
                } else {
                    earlier = hashedEarlier(b, key, line: number, first: first)
                }
                if earlier < fields.count {
                    let shown = text.excerpt(key)
                    report(SyntaxRule.description, line: number, lineStart: lineStart, at: keyStart,
                           SyntaxRule.fieldTwice(["field": .text(shown)]), hint: SyntaxRule.fieldTwiceHint(["field": .text(shown)]))
                    return false
                }
                fields.append(field)
                if i < end, !isSpace(b[i]) {
                    report(SyntaxRule.description, line: number, lineStart: lineStart, at: i,
                           SyntaxRule.spaceAfterValue(["field": .text(text.excerpt(key)), "found": .text(excerpt(b, i, end))]),
                           hint: SyntaxRule.spaceAfterValueHint())
                    return false
                }
            }
        }

        mutating func parseValue(_ b: UnsafeBufferPointer<UInt8>, key: Span, number: Int, lineStart: Int,
                                 at i: inout Int, end: Int) -> RawField? {
            var keyText: String { text.excerpt(key) }
            if i == end || isSpace(b[i]) {
                report(SyntaxRule.description, line: number, lineStart: lineStart, at: i,
                       SyntaxRule.noValue(["field": .text(keyText)]), hint: SyntaxRule.noValueHint(["field": .text(keyText)]))
                return nil
            }
            if b[i] == UInt8(ascii: "\"") {
                let open = i
                i += 1
                let valueStart = i
                var escaped = false
                while true {
                    if clean {
                        i = Bytes.first(UInt8(ascii: "\""), UInt8(ascii: "\\"), in: b, from: i, to: end)
                    } else {
                        let (stop, problem) = Encoding.scan(b, from: i, to: end, until: UInt8(ascii: "\""), UInt8(ascii: "\\"))
                        if let problem {
                            reportEncoding(problem, line: number, lineStart: lineStart)
                            return nil
                        }
                        i = stop
                    }
                    guard i < end, b[i] != UInt8(ascii: "\"") else { break }
                    // b[i] is a backslash.
                    do {
                        escaped = true
                        let next = i + 1 < end ? b[i + 1] : 0
                        guard next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\")
                            || next == UInt8(ascii: "n") || next == UInt8(ascii: "t") else {
                            report(SyntaxRule.description, line: number, lineStart: lineStart, at: i,
                                   SyntaxRule.unknownEscape(["escape": .text(excerpt(b, i, min(end, i + 2))), "field": .text(keyText)]),
                                   hint: SyntaxRule.unknownEscapeHint())
                            return nil
                        }
                        i += 2
                    }
                }
                guard i < end else {
                    report(SyntaxRule.description, line: number, lineStart: lineStart, at: open,
                           SyntaxRule.unclosedQuote(["field": .text(keyText)]), hint: SyntaxRule.unclosedQuoteHint())
                    return nil
                }
                let value = Span(start: valueStart, end: i)
                i += 1
                return RawField(key: key, value: value, quoted: true, escaped: escaped)
            }
            let valueStart = i
            while i < end, !LineParser.endsUnquotedValue(b[i]) { i += 1 }
            if i < end, b[i] == UInt8(ascii: "\"") {
                report(SyntaxRule.description, line: number, lineStart: lineStart, at: i,
                       SyntaxRule.quoteInValue(["field": .text(keyText)]), hint: SyntaxRule.quoteInValueHint(["field": .text(keyText)]))
                return nil
            }
            guard clean || checkEncoding(b, valueStart, i, line: number, lineStart: lineStart) else { return nil }
            return RawField(key: key, value: Span(start: valueStart, end: i), quoted: false, escaped: false)
        }

        // MARK: Comments and suppressions

        /// Reads a comment, and the suppression it may hold; false when its bytes are bad.
        mutating func comment(_ b: UnsafeBufferPointer<UInt8>, number: Int, lineStart: Int,
                              from hash: Int, to end: Int, standalone: Bool) -> Bool {
            guard clean || checkEncoding(b, hash, end, line: number, lineStart: lineStart) else { return false }
            let body = skipSpace(b, hash + 1, end)
            // Most comments are prose: only one that starts with the marker is decoded.
            let marker = SuppressionSyntax.markerBytes
            guard end - body >= marker.count, SpanBytes.equal(b, Span(start: body, end: body + marker.count), marker),
                  let parsed = SuppressionSyntax.parse(text.string(Span(start: body, end: end))) else { return true }
            let suppression = Suppression(
                location: text.location(line: number, lineStart: lineStart, offset: hash),
                target: standalone ? 0 : number, rules: parsed.rules, reason: parsed.reason,
                lineText: text.lineText(startingAt: lineStart))
            if standalone { pendingSuppressions.append(suppressions.count) }
            suppressions.append(suppression)
            return true
        }

        // MARK: Bytes

        func skipSpace(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Int {
            var i = from
            while i < end, isSpace(b[i]) { i += 1 }
            return i
        }

        func tokenEnd(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Int {
            var i = from
            while i < end, !isSpace(b[i]) { i += 1 }
            return i
        }

        func excerpt(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> String {
            var stop = tokenEnd(b, from, end)
            if stop - from > 40 {
                stop = from + 40
                while stop > from, b[stop] & 0xC0 == 0x80 { stop -= 1 }
            }
            return text.string(Span(start: from, end: stop))
        }

        /// Where `key` is among the fields of line `line` (from `first` on), or
        /// `fields.count`: the repeated-key check past `LineParser.scannedFields` fields,
        /// where scanning them all for each key would make a line of 100,000 fields
        /// quadratic. The table of the line's keys, by a hash seeded per process (no input
        /// can make the keys collide), is kept for the line's next fields.
        @inline(never)
        mutating func hashedEarlier(_ b: UnsafeBufferPointer<UInt8>, _ key: Span, line: Int, first: Int) -> Int {
            func hash(_ span: Span) -> Int {
                var hasher = Hasher()
                hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: b[Int(span.start)..<Int(span.end)])))
                return hasher.finalize()
            }
            if keysLine != line {
                keysLine = line
                keys = [:]
                for index in first..<fields.count { keys[hash(fields[index].key), default: []].append(Int32(index)) }
            }
            let h = hash(key)
            if let earlier = keys[h]?.first(where: { sameBytes(b, fields[Int($0)].key, key) }) { return Int(earlier) }
            keys[h, default: []].append(Int32(fields.count))
            return fields.count
        }

        func sameBytes(_ b: UnsafeBufferPointer<UInt8>, _ x: Span, _ y: Span) -> Bool {
            guard x.count == y.count else { return false }
            for k in 0..<x.count where b[Int(x.start) + k] != b[Int(y.start) + k] { return false }
            return true
        }
    }

    /// How many fields of a line are scanned for a repeated key before a hash table takes over.
    static let scannedFields = 16

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isLower(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
    @inline(__always) static func isKindByte(_ c: UInt8) -> Bool { isLower(c) || isDigit(c) || c == 0x2D }
    /// `A`–`Z`, `a`–`z`, `0`–`9`, `-`, `_` and `.`, as a bitmap over the ASCII bytes:
    /// the key loop runs for every byte of every key, and six comparisons cost twice this.
    @inline(__always) static func isKeyByte(_ c: UInt8) -> Bool {
        let digitsDashDot: UInt64 = 0x03FF_6000_0000_0000   // bits 0x2D, 0x2E, 0x30–0x39
        let lettersUnderscore: UInt64 = 0x07FF_FFFE_87FF_FFFE // bits 0x41–0x5A, 0x5F, 0x61–0x7A (less 0x40)
        return c < 0x80 && ((c < 0x40 ? digitsDashDot : lettersUnderscore) >> UInt64(c & 0x3F)) & 1 != 0
    }

    /// Where the run of key bytes from `from` ends (at most `end`). Eight bytes at a
    /// time while the buffer has eight left: every field of every line has a key.
    /// The bytes past `end` that a load reads are never key bytes (`end` is a line's
    /// end, an LF or CR, or the buffer's end), so the run cannot overshoot.
    @inline(__always) static func keyEnd(_ b: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        var i = from
        let base = UnsafeRawPointer(b.baseAddress!)
        while i + 8 <= b.count, i < end {
            let others = ~keyBytes(base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) & 0x8080_8080_8080_8080
            if others != 0 { return min(end, i + others.trailingZeroBitCount >> 3) }
            i += 8
        }
        while i < end, isKeyByte(b[i]) { i += 1 }
        return min(i, end)
    }

    /// The high bit of each byte of `word` that `isKeyByte` accepts, computed on all
    /// eight at once: each range test adds a constant to the byte's low seven bits,
    /// which cannot carry into the next byte.
    @inline(__always) static func keyBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        @inline(__always) func atLeast(_ x: UInt64, _ bound: UInt8) -> UInt64 { (x &+ UInt64(0x80 - bound) &* ones) & high }
        @inline(__always) func inRange(_ x: UInt64, _ lo: UInt8, _ hi: UInt8) -> UInt64 { atLeast(x, lo) & ~atLeast(x, hi + 1) }
        let letters = inRange(low | 0x2020_2020_2020_2020, 0x61, 0x7A)   // a–z, and A–Z folded onto them
        let dashDotDigits = inRange(low, 0x2D, 0x39) & ~inRange(low, 0x2F, 0x2F)
        let underscore = inRange(low, 0x5F, 0x5F)
        return (letters | dashDotDigits | underscore) & ~word
    }

    /// Where an unquoted value ends (a space or tab) or goes wrong (a quote), in one test.
    @inline(__always) static func endsUnquotedValue(_ c: UInt8) -> Bool {
        c <= 0x22 && (UInt64(0x5_0000_0200) >> UInt64(c)) & 1 != 0   // bits 0x09, 0x20, 0x22
    }
}

private func isSpace(_ c: UInt8) -> Bool { LineParser.isSpace(c) }
private func isDigit(_ c: UInt8) -> Bool { LineParser.isDigit(c) }
private func isLower(_ c: UInt8) -> Bool { LineParser.isLower(c) }
private func isKindByte(_ c: UInt8) -> Bool { LineParser.isKindByte(c) }
private func isKeyByte(_ c: UInt8) -> Bool { LineParser.isKeyByte(c) }
