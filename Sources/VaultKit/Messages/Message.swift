/// One message of the catalogue: a stable id and its text in each language, with
/// named placeholders (`{key}`). Declared once, next to the code that says it, and
/// listed in `Catalogue` so that tests can check every message has both languages
/// with the same placeholders.
///
/// Placeholders: `{name}` is the argument `name`; `{name|one|other}` (English only)
/// is the word `one` when the argument is the count 1, else `other`, so that
/// `{files} {files|file|files}` reads "1 file", "2 files". A list argument is joined
/// with ", " in English and "、" in Chinese; a nested message is rendered in the
/// same language.
public struct MessageTemplate: Sendable, Hashable {
    public let id: String
    public let en: String
    public let zh: String

    public init(_ id: String, en: String, zh: String) {
        self.id = id
        self.en = en
        self.zh = zh
    }

    public func text(_ language: Language) -> String {
        switch language {
        case .en: en
        case .zh: zh
        }
    }

    /// The message with these arguments; nothing is formatted until it is printed.
    public func callAsFunction(_ arguments: KeyValuePairs<String, MessageArgument> = [:]) -> Message {
        Message(template: self, arguments: arguments.map { MessageArgument.Named(name: $0.key, value: $0.value) })
    }

    /// The placeholder names of one language's text, sorted, each once.
    public func placeholders(_ language: Language) -> [String] {
        var names = Set<String>()
        MessageTemplate.scan(text(language)) { piece in
            if case .placeholder(let name, _) = piece { names.insert(name) }
        }
        return names.sorted()
    }

    public static func == (a: MessageTemplate, b: MessageTemplate) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    enum Piece {
        case literal(Substring)
        case placeholder(String, plural: (one: Substring, other: Substring)?)
    }

    /// Splits a text into literals and placeholders; a `{` that does not open a
    /// well-formed placeholder is a literal.
    static func scan(_ text: String, _ each: (Piece) -> Void) {
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { each(.literal(rest[rest.startIndex..<open])) }
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "}") else { each(.literal(rest[open...])); return }
            let inside = rest[after..<close]
            let parts = inside.split(separator: "|", omittingEmptySubsequences: false)
            let name = parts[0]
            if !name.isEmpty, name.utf8.allSatisfy({ $0 == 0x5F || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }),
               parts.count == 1 || parts.count == 3 {
                each(.placeholder(String(name), plural: parts.count == 3 ? (parts[1], parts[2]) : nil))
            } else {
                each(.literal(rest[open...close]))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { each(.literal(rest)) }
    }
}

/// What fills a placeholder.
public indirect enum MessageArgument: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    /// Text as the user wrote it, or a name, a path, a value.
    case text(String)
    /// Items joined as the language joins them.
    case list([String])
    /// Messages joined as a list ("示例（vault/…:1）、另一（…）").
    case messages([Message])
    /// A count; `{name|one|other}` chooses its word.
    case count(Int)
    /// A message within a message (the reason an I/O error gives, say).
    case message(Message)
    /// A name of the schema (a record kind, a field, an indicator) with its title:
    /// quoted, and in Chinese followed by the title the schema gives it, so that
    /// `"meeting"` reads `“meeting”（会议）`. The template does not quote it.
    case term(String, title: String?)

    public init(stringLiteral value: String) { self = .text(value) }

    /// Equal when the texts are equal byte for byte: canonically equivalent names
    /// spelled differently are two names (docs: the identity guarantee).
    public static func == (a: MessageArgument, b: MessageArgument) -> Bool {
        switch (a, b) {
        case (.text(let x), .text(let y)): x.utf8.elementsEqual(y.utf8)
        case (.list(let x), .list(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.utf8.elementsEqual($1.utf8) }
        case (.count(let x), .count(let y)): x == y
        case (.message(let x), .message(let y)): x == y
        case (.messages(let x), .messages(let y)): x == y
        case (.term(let x, let s), .term(let y, let t)): x.utf8.elementsEqual(y.utf8) && s == t
        default: false
        }
    }

    public struct Named: Sendable, Hashable {
        public let name: String
        public let value: MessageArgument
    }

    func text(_ language: Language) -> String {
        switch self {
        case .text(let text): text
        case .list(let items): items.joined(separator: language == .zh ? "、" : ", ")
        case .count(let n): String(n)
        case .message(let message): message.text(language)
        case .messages(let messages): messages.map { $0.text(language) }.joined(separator: language == .zh ? "、" : ", ")
        case .term(let name, let title):
            language == .zh ? "“\(name)”" + (title.map { "（\($0)）" } ?? "") : "\"\(name)\""
        }
    }
}

/// A message with its arguments: what a finding, a hint or a refusal says, in
/// either language. Two messages are equal when their ids and arguments are.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    public let template: MessageTemplate
    public let arguments: [MessageArgument.Named]

    public var id: String { template.id }

    /// The text in `language`. A placeholder without an argument is a programming
    /// error (the catalogue tests find it); it is left out rather than printed.
    public func text(_ language: Language) -> String {
        var out = ""
        MessageTemplate.scan(template.text(language)) { piece in
            switch piece {
            case .literal(let text):
                out += text
            case .placeholder(let name, let plural):
                guard let argument = arguments.first(where: { $0.name == name })?.value else {
                    assertionFailure("message \(template.id) has no argument \(name)")
                    return
                }
                if let plural {
                    if case .count(let n) = argument { out += n == 1 ? plural.one : plural.other } else { out += plural.other }
                } else {
                    out += argument.text(language)
                }
            }
        }
        return out
    }

    /// English, for logs and `print`.
    public var description: String { text(.en) }

    /// The argument names given, sorted.
    public var argumentNames: [String] { arguments.map(\.name).sorted() }

    /// Text not from the catalogue, in every language: for tests that build a finding
    /// of their own (a reporter's escaping of hostile text). Nothing `vault` says uses
    /// it, so it is not public; the catalogue test fails on any finding that does.
    static func verbatim(_ text: String) -> Message { verbatimTemplate(["text": .text(text)]) }

    static let verbatimTemplate = MessageTemplate("verbatim", en: "{text}", zh: "{text}")

    public var isVerbatim: Bool { template.id == Message.verbatimTemplate.id }
}
