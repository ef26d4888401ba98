import Testing
@testable import VaultKit

@Suite struct ParserTests {
    func parse(_ text: String) -> ParsedFile { LineParser.parse(SourceText(path: "f.txt", text: text)) }

    @Test func readsDateKindAndFieldsWithQuotingAndComments() {
        let file = parse("# 注释\n\n2023-04-10 standard level=group title=\"团体 标准\" number=T/CSA#1  # 行尾注释\n")
        #expect(file.diagnostics.isEmpty)
        #expect(file.lines.count == 1)
        let line = file.lines[0]
        #expect(line.number == 3)
        #expect(file.string(line.date!) == "2023-04-10")
        #expect(file.string(line.kind) == "standard")
        let fields = file.fields[line.fieldRange].map { (file.string($0.key), file.value($0)) }
        #expect(fields.map(\.0) == ["level", "title", "number"])
        #expect(fields.map(\.1) == ["group", "团体 标准", "T/CSA#1"])
    }

    @Test func unescapesQuotedValues() {
        let file = parse(#"note text="他说\"好\"\\n" "# + "\n")
        #expect(file.diagnostics.isEmpty)
        #expect(file.value(file.fields[0]) == #"他说"好"\n"#)
    }

    /// Columns count characters, so a finding after CJK text points where an editor shows it.
    @Test func columnsCountCharactersNotBytes() {
        let file = parse("2023-01-01 meeting title=\"半导体照明\" 理事会\n")
        let d = try! #require(file.diagnostics.first)
        #expect(d.location.line == 1)
        #expect(d.location.column == 34)   // 26 ASCII + 7 characters of "半导体照明" with quotes + 1 space
        #expect(d.message.text(.en).contains("理事会"))
    }

    @Test func caretAlignsUnderWideCharacters() {
        let d = parse("a t=\"半导\" 错\n").diagnostics[0]
        let text = DiagnosticTextReporter(color: false).render(d)
        // "a t=\"半导\" " is 7 ASCII cells + 2 wide characters = 11 cells.
        #expect(text.contains("\n  | " + String(repeating: " ", count: 11) + "^\n"))
    }

    struct BadInput: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var rule: String
        var line: Int
        var column: Int
        var words: String
        var testDescription: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "unterminated quote", bytes: Array("a t=\"open\n".utf8), rule: "syntax", line: 1, column: 5, words: "never closed"),
        BadInput(name: "bad escape", bytes: Array("a t=\"x\\q\"\n".utf8), rule: "syntax", line: 1, column: 7, words: "unknown escape"),
        BadInput(name: "stray =", bytes: Array("a =v\n".utf8), rule: "syntax", line: 1, column: 3, words: "stray \"=\""),
        BadInput(name: "duplicate key", bytes: Array("a k=1 k=2\n".utf8), rule: "syntax", line: 1, column: 7, words: "appears twice"),
        BadInput(name: "missing value", bytes: Array("a k= j=1\n".utf8), rule: "syntax", line: 1, column: 5, words: "has no value"),
        BadInput(name: "quote inside bare value", bytes: Array("a k=x\"y\n".utf8), rule: "syntax", line: 1, column: 6, words: "quote inside"),
        BadInput(name: "upper-case kind", bytes: Array("Meeting k=1\n".utf8), rule: "syntax", line: 1, column: 1, words: "expected a record kind"),
        BadInput(name: "date without kind", bytes: Array("2023-01-01\n".utf8), rule: "syntax", line: 1, column: 11, words: "after the date"),
        BadInput(name: "NUL byte", bytes: Array("a k=1\0\n".utf8), rule: "encoding", line: 1, column: 6, words: "NUL"),
        BadInput(name: "invalid UTF-8 (GBK)", bytes: [0x61, 0x20, 0x6B, 0x3D, 0xB0, 0xEB, 0x0A], rule: "encoding", line: 1, column: 5, words: "invalid UTF-8"),
        BadInput(name: "overlong UTF-8", bytes: [0x61, 0x20, 0x6B, 0x3D, 0xC0, 0xAF, 0x0A], rule: "encoding", line: 1, column: 5, words: "invalid UTF-8"),
        BadInput(name: "truncated sequence at end of file", bytes: [0x61, 0x20, 0x6B, 0x3D, 0xE5, 0x8D], rule: "encoding", line: 1, column: 5, words: "invalid UTF-8"),
        BadInput(name: "BOM in the middle", bytes: Array("a k=1\nb k=\u{FEFF}2\n".utf8), rule: "encoding", line: 2, column: 5, words: "byte-order mark inside"),
        BadInput(name: "control character", bytes: Array("a k=\u{7}\n".utf8), rule: "encoding", line: 1, column: 5, words: "control character"),
        BadInput(name: "BOM at start", bytes: Array("\u{FEFF}a k=1\n".utf8), rule: "text-convention", line: 1, column: 1, words: "byte-order mark"),
        BadInput(name: "CRLF", bytes: Array("a k=1\r\nb k=2\r\n".utf8), rule: "text-convention", line: 1, column: 6, words: "CRLF"),
    ]

    /// Each malformed construct gives its finding at its place, and the next line is still read.
    @Test(arguments: badInputs)
    func badInputIsReportedAndTheRestIsRead(_ input: BadInput) throws {
        let file = LineParser.parse(SourceText(path: "f.txt", bytes: input.bytes + Array("\nlater k=1\n".utf8)))
        let d = try #require(file.diagnostics.first)
        #expect(d.ruleID == input.rule)
        #expect((d.location.line, d.location.column) == (input.line, input.column))
        #expect(d.message.text(.en).contains(input.words), "\(d.message.text(.en))")
        #expect(file.lines.contains { file.string($0.kind) == "later" })
    }

    @Test func emptyAndBlankFilesHaveNoLines() {
        #expect(parse("").lines.isEmpty)
        #expect(parse("\n\n  \t\n").lines.isEmpty)
        #expect(parse("").diagnostics.isEmpty)
    }

    @Test func aTenMegabyteLineIsReadInOnePass() {
        let long = "a t=\"" + String(repeating: "长", count: 3_500_000) + "\"\nb k=1\n"
        let file = parse(long)
        #expect(file.diagnostics.isEmpty)
        #expect(file.lines.count == 2)
        let unterminated = parse("a t=\"" + String(repeating: "x", count: 10_000_000) + "\nb k=1\n")
        #expect(unterminated.diagnostics.count == 1)
        #expect(unterminated.diagnostics[0].lineText!.unicodeScalars.count < 500)
    }

    @Test func suppressionsTargetTheirLineOrTheNextRecord() {
        let file = parse("""
            # vault-allow duplicate-record: 来源重复
            # 另一条注释
            a k=1
            b k=2  # vault-allow code-collision, duplicate-record: 两条
            # vault-allow syntax

            """)
        #expect(file.suppressions.count == 3)
        #expect(file.suppressions[0].target == 3)
        #expect(file.suppressions[1].target == 4)
        #expect(file.suppressions[1].rules == ["code-collision", "duplicate-record"])
        #expect(file.suppressions[1].reason == "两条")
        #expect(file.suppressions[2].target == -1)
        #expect(file.suppressions[2].reason == "")
    }
}

@Suite struct ValueTests {
    @Test(arguments: [("1200万元", Int64(1_200_000_000)), ("14.63亿元", 146_300_000_000), ("0.5元", 50), ("3元", 300)])
    func moneyIsNormalisedToFen(_ text: String, _ fen: Int64) {
        #expect(Money.parse(ArraySlice(text.utf8)) == fen)
    }

    @Test(arguments: ["1200", "万元", "1.234元", "12,00万元", "99999999999亿元"])
    func moneyWithoutUnitOrTooPreciseIsRejected(_ text: String) {
        #expect(Money.parse(ArraySlice(text.utf8)) == nil)
    }

    @Test func moneyShownInYiYuan() {
        #expect(Money.yiYuan(146_300_000_000) == "14.63")
        #expect(Money.yiYuan(208_940_000_000) == "20.89")
    }

    @Test func datesMustExist() {
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2023-02-29") == nil)
        #expect(Day("2023-02-30") == nil)
        #expect(Day("2023-13-01") == nil)
        #expect(Day("2023-1-01") == nil)
        #expect(Day("2023-04-10")!.description == "2023-04-10")
    }

    @Test func decimalsKeepTheirPrintedPrecision() {
        let d = FixedDecimal("51.14")!
        #expect(d.scale == 2)
        #expect(d.description == "51.14")
        #expect(FixedDecimal("85")!.sameValue(as: FixedDecimal("85.0")!))
        #expect(FixedDecimal("1.")  == nil)
        #expect(FixedDecimal(".5") == nil)
        #expect(FixedDecimal("99999999999999999999") == nil)
        #expect(FixedDecimal("0.125")!.rescaled(to: 2) == 13)
    }

    /// A bound file keeps each value in eight bytes; values at the edges of their
    /// types come back as written, and a decimal too long to keep is a bad value.
    @Test func valuesAtTheEdgesOfTheirTypesReadBackAsWritten() {
        let kind = KindSpec(id: "edge", fields: [
            FieldSpec(id: "n", type: .int), FieldSpec(id: "d", type: .decimal), FieldSpec(id: "on", type: .date),
            FieldSpec(id: "m", type: .money), FieldSpec(id: "c", type: .code), FieldSpec(id: "t", type: .text),
            FieldSpec(id: "e", type: .enumeration(["a", "b", "c"])), FieldSpec(id: "absent", type: .int),
        ])
        let lines = [
            "0001-01-01 edge n=999999999999999999 d=-999999.99999999999 on=9999-12-31 m=999999999999999.99元 c=D999 t=\"末\" e=c",
            "edge n=-999999999999999999 d=99999999999999999 on=2024-02-29 m=0.00元 c=110 t=\"\" e=a",
            "edge d=0.00000000001",
        ]
        let parsed = LineParser.parse(SourceText(path: "vault/alliances/x/2023.txt", text: lines.joined(separator: "\n")))
        let (file, problems) = Binder.bind(parsed, table: KindTable([kind]), bands: [], place: .allianceRecords, arena: Arena())
        #expect(problems.isEmpty)
        let written = lines.map { line in
            Dictionary(uniqueKeysWithValues: line.split(separator: " ").dropFirst().compactMap { part -> (String, String)? in
                guard let eq = part.firstIndex(of: "=") else { return nil }
                return (String(part[..<eq]), String(part[part.index(after: eq)...]).replacingOccurrences(of: "\"", with: ""))
            })
        }
        #expect(file.records.count == 3)
        for (record, fields) in zip(file.records, written) {
            for spec in kind.fields {
                #expect(file.text(record, spec.id) == fields[spec.id], "\(spec.id) of line \(record.number)")
            }
        }
        #expect(file.records[0].date == Day("0001-01-01"))

        // One past each documented bound (docs/format.md) is a bad value that says the bound.
        let beyond = [
            ("d=576460752303423488", "at most 17 digits, 11 after the point"),
            ("d=100000000000000000", "at most 17 digits, 11 after the point"),
            ("d=0.000000000001", "at most 17 digits, 11 after the point"),
            ("n=1000000000000000000", "a whole number of at most 18 digits"),
            ("n=-1000000000000000000", "a whole number of at most 18 digits"),
            ("m=100000000亿元", "below 10^16 元"),
            ("m=-5万元", "not negative"),
            ("m=1.001元", "in whole fen"),
        ]
        for (field, words) in beyond {
            let (_, refused) = Binder.bind(LineParser.parse(SourceText(path: "x.txt", text: "edge \(field)")),
                                           table: KindTable([kind]), bands: [], place: .allianceRecords)
            #expect(refused.map(\.ruleID) == ["bad-value"], "\(field)")
            #expect(refused.first?.message.text(.en).contains(words) == true, "\(field): \(refused.map { $0.message.text(.en) })")
        }
    }

    @Test func codesFollowTheBatchShape() {
        #expect(AllianceCode.batch(of: "110") == "1")
        #expect(AllianceCode.batch(of: "354") == "3")
        #expect(AllianceCode.batch(of: "D106") == "later")
        #expect(AllianceCode.batch(of: "410") == nil)
        #expect(AllianceCode.batch(of: "d104") == nil)
        #expect(AllianceCode.batch(of: "11") == nil)
    }
}

/// The encoding check reads Chinese text six bytes at a time; this compares it,
/// on many generated lines, with the standard library's UTF-8 decoder.
@Suite struct EncodingTests {
    /// A deterministic generator (SplitMix64), so a failure can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// Up to `most` pieces joined; each is one of the first `valid` pieces `validPercent`
        /// times in a hundred, any piece otherwise: mostly good text, so that problems
        /// sit at every offset of the fast paths.
        mutating func join(_ pieces: [[UInt8]], valid: Int, validPercent: Int, most: Int) -> [UInt8] {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...most, using: &self) {
                let index = Int.random(in: 0..<100, using: &self) < validPercent
                    ? Int.random(in: 0..<valid, using: &self) : Int.random(in: 0..<pieces.count, using: &self)
                bytes += pieces[index]
            }
            return bytes
        }
    }

    /// Where the first problem is by the standard library's decoder: invalid UTF-8,
    /// a control character other than tab, or U+FEFF.
    func expectedProblem(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .emptyInput: return nil
            case .error: return offset
            case .scalarValue(let scalar):
                let value = scalar.value
                if value < 0x20 && value != 0x09 || value == 0x7F || value == 0xFEFF { return offset }
                offset += UTF8.width(scalar)
            }
        }
    }

    @Test func agreesWithTheStandardDecoderOnGeneratedLines() {
        let pieces: [[UInt8]] = [
            Array("ab".utf8), Array("=".utf8), [0x20], [0x09], Array("半导体".utf8), Array("照明".utf8),
            Array("（第21期）".utf8), Array("，".utf8), Array("😀".utf8), Array("é".utf8), Array("ऀ".utf8),
            Array("한".utf8),
            [0xEF, 0xBB, 0xBF],        // a byte-order mark
            [0xED, 0xA0, 0x80],        // a surrogate
            [0xE0, 0x80, 0x80],        // an overlong form
            [0xE4, 0xB8],              // a cut sequence
            [0x80], [0xFF], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x01], [0x7F], [0x00],
        ]
        var generator = Generator(state: 2026)
        for _ in 0..<20_000 {
            let line = generator.join(pieces, valid: 12, validPercent: 90, most: 12)
            let found = line.withUnsafeBufferPointer { Encoding.firstProblem($0, from: 0, to: $0.count)?.offset }
            #expect(found == expectedProblem(line), "\(line.map { String($0, radix: 16) })")
            if found != expectedProblem(line) { return }
        }
    }

    /// The parser checks encoding while it reads values; whatever the line, it must
    /// report exactly the first problem the standard decoder finds, and nothing else.
    @Test func parserReportsTheFirstEncodingProblemOfEveryLine() {
        let pieces: [[UInt8]] = [
            Array(" ".utf8), Array("title=\"".utf8), Array("\"".utf8), Array("a=1".utf8), Array("名=值".utf8),
            Array("半导体照明".utf8), Array("（第2期）".utf8), Array("\\\"".utf8), Array(" # 注释".utf8),
            Array("2023-01-01".utf8), Array("=".utf8), Array("x".utf8),
            [0xEF, 0xBB, 0xBF], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0xFF], [0x01], [0x7F], [0x0D],
        ]
        var generator = Generator(state: 7)
        for _ in 0..<20_000 {
            var line = Array("meeting ".utf8) + generator.join(pieces, valid: 12, validPercent: 85, most: 10)
            if line.last == 0x0D { line += Array("x".utf8) }  // a CR before the LF is a CRLF line end, not a stray byte
            let parsed = LineParser.parse(SourceText(path: "f.txt", bytes: line + [0x0A]))
            let encoding = parsed.diagnostics.filter { $0.ruleID == EncodingRule.description.id }
            let expected = expectedProblem(line)
            if let expected {
                #expect(encoding.count == 1 && parsed.diagnostics.count == 1 && parsed.lines.isEmpty,
                        "\(line.map { String($0, radix: 16) }): \(parsed.diagnostics.map(\.message))")
                #expect(encoding.first?.location.column == UTF8Columns.column(line, from: 0, to: expected))
            } else {
                #expect(encoding.isEmpty, "\(line.map { String($0, radix: 16) })")
            }
            if encoding.count != (expected == nil ? 0 : 1) { return }
        }
    }
}

/// The parser's word-at-a-time paths must agree with the byte-at-a-time definitions
/// they stand in for: a wrong mask would bind a wrong key or miss a bad byte.
@Suite struct FastPathTests {
    typealias Generator = EncodingTests.Generator

    @Test func keyRunsEndWhereTheByteLoopEnds() {
        // Key bytes, the bytes around each range the mask tests, and non-ASCII.
        let alphabet: [UInt8] = Array("azAZ09-._=\" #/:@[`{".utf8) + [0x2C, 0x2F, 0x40, 0x5B, 0x5E, 0x60, 0x7B, 0x7F, 0x80, 0xC1, 0xE4, 0xFF, 0x00, 0x0A]
        var generator = Generator(state: 11)
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...24, using: &generator)
            let bytes = (0..<count).map { _ in
                Int.random(in: 0..<4, using: &generator) == 0
                    ? alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]
                    : UInt8.random(in: 0...0xFF, using: &generator)
            }
            let from = Int.random(in: 0..<count, using: &generator)
            let end = Int.random(in: from...count, using: &generator)
            var expected = from
            while expected < end, LineParser.isKeyByte(bytes[expected]) { expected += 1 }
            // The word-at-a-time path may look past `end` only at bytes that end a key anyway.
            let stopsAtEnd = end == count || !LineParser.isKeyByte(bytes[end])
            guard stopsAtEnd else { continue }
            let found = bytes.withUnsafeBufferPointer { LineParser.keyEnd($0, from: from, to: end) }
            #expect(found == expected, "\(bytes.map { String($0, radix: 16) }) from \(from) to \(end)")
            if found != expected { return }
        }
        #expect(Array("azAZ09-._".utf8).allSatisfy(LineParser.isKeyByte))
        #expect(!Array("=\" #/:@[`{".utf8).contains(where: LineParser.isKeyByte))
    }

    /// A file with no bad bytes is parsed without per-value checks; one bad line sends
    /// the whole file down the careful path. Both must read every other line the same.
    @Test func cleanAndCarefulPathsReadTheSameFields() {
        let pieces = [
            "meeting type=council title=\"第一次理事会\" attendees=12",
            "2023-04-10 event type=forum title=\"a \\\"quoted\\\" \\\\ word\" # 注释",
            "project type=commissioned title=\"粉末冶金（第13期）\" funding=4828万元 members=17",
            "# vault-allow duplicate-record: listed twice in the report",
            "media title=\"x\" outlet=人民网 note=a.b_c-d",
            "award id=A-level period=2021-2022",
        ]
        var generator = Generator(state: 5)
        func fields(_ parsed: ParsedFile, upTo count: Int) -> [String] {
            parsed.lines.prefix(count).map { line in
                parsed.string(line.kind) + " " + parsed.fields[line.fieldRange]
                    .map { parsed.string($0.key) + "=" + parsed.value($0) + ($0.quoted ? "\"" : "") }.joined(separator: " ")
            }
        }
        for _ in 0..<2_000 {
            let lines = (0..<Int.random(in: 1...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
            let clean = lines.joined(separator: "\n") + "\n"
            let careful = clean + "meeting title=\"\u{FEFF}\"\n"
            let fast = LineParser.parse(SourceText(path: "f.txt", text: clean))
            let slow = LineParser.parse(SourceText(path: "f.txt", text: careful))
            #expect(fast.diagnostics.isEmpty)
            #expect(slow.diagnostics.map(\.ruleID) == [EncodingRule.description.id])
            #expect(fields(fast, upTo: lines.count) == fields(slow, upTo: lines.count))
            #expect(fast.suppressions.map(\.target) == slow.suppressions.map(\.target))
            if !fast.diagnostics.isEmpty || fields(fast, upTo: lines.count) != fields(slow, upTo: lines.count) { return }
        }
    }

    @Test func aFileIsCleanExactlyWhenNoLineHasAProblem() {
        let pieces: [[UInt8]] = [
            Array("meeting title=".utf8), Array("半导体照明".utf8), Array("（第2期）".utf8), [0x0A], [0x0D, 0x0A], [0x09],
            [0xEF, 0xBB, 0xBF], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0xFF], [0x01], [0x7F], [0x0D], [0x00],
        ]
        var generator = Generator(state: 3)
        for _ in 0..<20_000 {
            let file = generator.join(pieces, valid: 6, validPercent: 85, most: 10)
            // By the standard decoder, line by line: a CR may only end a line, and a
            // byte-order mark may only start the file.
            let body = file.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(file.dropFirst(3)) : file
            let hasProblem = body.split(separator: 0x0A, omittingEmptySubsequences: false).contains { line in
                EncodingTests().expectedProblem(Array(line.last == 0x0D ? line.dropLast() : line)) != nil
            }
            let clean = file.withUnsafeBufferPointer { Encoding.isClean($0) }
            #expect(clean == !hasProblem, "\(file.map { String($0, radix: 16) })")
            if clean == hasProblem { return }
        }
    }
}
