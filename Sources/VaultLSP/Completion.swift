import VaultKit

extension Server {
    /// `textDocument/completion` in a record file: at the kind's place the kinds the
    /// file may hold, after a kind the fields of that kind not yet on the line, after
    /// `field=` an `enum(…)` field's values. Each item replaces the word being typed.
    /// Nothing in a comment, in a quoted value, or in a file without a kind table
    /// (a schema file: not yet).
    func completion(_ params: JSON) throws(ResponseError) -> JSON {
        let (document, _, found) = try recordFile(params)
        guard let position = Document.position(params["position"]) else {
            throw ResponseError(.invalidParams, "the request has no position (line and character)")
        }
        guard let table = found else { return [] }
        let lines = document.lines
        let cursor = lines.offset(of: position, encoding)
        let lineStart = lines.content(position.line).lowerBound
        guard let context = CompletionContext(Array(lines.bytes[lineStart..<cursor])) else { return [] }
        let range: JSON = ["start": lines.position(ofOffset: cursor - context.typed.utf8.count, encoding).json,
                           "end": lines.position(ofOffset: cursor, encoding).json]
        func item(_ label: String, kind: Int, detail: String?, insert: String? = nil) -> JSON {
            var members: [String: JSON] = ["label": .string(label), "kind": .int(kind),
                                           "textEdit": ["range": range, "newText": .string(insert ?? label)]]
            if let detail { members["detail"] = .string(detail) }
            return .object(members)
        }
        switch context.place {
        case .kind:
            return .array(table.kinds.map { item($0.id, kind: 7, detail: $0.title) })
        case .field(let kindID, let present):
            guard let kind = table.kinds.first(where: { $0.id == kindID }) else { return [] }
            let fields = kind.fields.filter { !present.contains($0.id) }
            return .array(fields.map { field in
                let detail = [field.type.description, field.required ? "required" : nil, field.title].compactMap { $0 }.joined(separator: ", ")
                return item(field.id, kind: 5, detail: detail, insert: field.id + "=")
            })
        case .value(let kindID, let fieldID):
            guard let field = table.kinds.first(where: { $0.id == kindID })?.fields.first(where: { $0.id == fieldID }),
                  case .enumeration(let cases) = field.type else { return [] }
            return .array(cases.map { item($0, kind: 20, detail: "\(kindID) \(fieldID)") })
        }
    }
}

/// Where on a record line the cursor is, from the line's text before it:
/// `[DATE] KIND key=value key="quoted value" … # comment`.
struct CompletionContext: Equatable {
    enum Place: Equatable {
        case kind
        case field(kind: String, present: [String])
        case value(kind: String, field: String)
    }

    let place: Place
    /// The part of the word under the cursor already typed (replaced by the item).
    let typed: String

    /// nil where nothing is completed: in a comment or inside quotes.
    init?(_ before: [UInt8]) {
        let split = LineWords(before)
        guard split.comment == nil, !split.unclosedQuote else { return nil }
        var words = split.words.map(\.text)
        let current = before.last.map { $0 == 0x20 || $0 == 0x09 } ?? true ? "" : words.removeLast()
        if words.first.map(Self.isDate) == true { words.removeFirst() }
        guard let kind = words.first else {
            // A date being typed is no kind.
            if current.first?.isNumber == true { return nil }
            place = .kind
            typed = current
            return
        }
        if let equals = current.firstIndex(of: "=") {
            place = .value(kind: kind, field: String(current[..<equals]))
            typed = String(current[current.index(after: equals)...])
        } else {
            place = .field(kind: kind, present: words.dropFirst().compactMap { $0.split(separator: "=").first.map(String.init) })
            typed = current
        }
    }

    static func isDate(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        return bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && bytes.enumerated().allSatisfy { $0.offset == 4 || $0.offset == 7 || ($0.element >= 0x30 && $0.element <= 0x39) }
    }
}

/// A record line's words, as far as editing needs them: separated by spaces and
/// tabs outside quotes, up to a `#` that starts a word (a comment).
struct LineWords {
    var words: [(range: Range<Int>, text: String)] = []
    /// Where a comment starts, if one does.
    var comment: Int?
    /// Whether the text ends inside quotes.
    var unclosedQuote = false

    init(_ bytes: [UInt8]) {
        var start: Int?
        for (i, byte) in bytes.enumerated() {
            if unclosedQuote {
                if byte == UInt8(ascii: "\"") { unclosedQuote = false }
            } else if byte == 0x20 || byte == 0x09 {
                if let begun = start { add(begun..<i, bytes) }
                start = nil
            } else if start == nil && byte == UInt8(ascii: "#") {
                comment = i
                return
            } else {
                if start == nil { start = i }
                if byte == UInt8(ascii: "\"") { unclosedQuote = true }
            }
        }
        if let begun = start { add(begun..<bytes.count, bytes) }
    }

    private mutating func add(_ range: Range<Int>, _ bytes: [UInt8]) {
        words.append((range, String(decoding: bytes[range], as: UTF8.self)))
    }
}
