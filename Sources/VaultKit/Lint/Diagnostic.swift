/// How much a finding matters. Errors fail `vault lint`; warnings fail it only
/// with `--strict`; infos never do.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable {
    case error
    case warning
    case info
}

/// One finding: which rule, where, what is wrong (naming the offending text)
/// and, where one exists, what to do about it.
public struct Diagnostic: Hashable, Sendable {
    public var ruleID: String
    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong, in either language (`Message.text(_:)`); formatted only when printed.
    public var message: Message
    public var hint: Message?
    /// The source line the location points into, for the excerpt under the message.
    public var lineText: String?
    /// The column of `lineText`'s first character: 1 unless the excerpt is a window
    /// far along a long line (it then starts with `…`).
    public var lineTextColumn: Int
    /// How many further findings on this line this one stands for: nonzero only for
    /// the summary that the per-line cap (`Linter.findingsPerLine`) puts after the
    /// findings it shows.
    public var hidden: Int

    public init(ruleID: String, severity: Severity, location: SourceLocation,
                message: Message, hint: Message? = nil, lineText: String? = nil,
                lineTextColumn: Int = 1, hidden: Int = 0) {
        self.ruleID = ruleID
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
        self.lineText = lineText
        self.lineTextColumn = lineTextColumn
        self.hidden = hidden
    }


    /// The order every report uses: path, line, column, rule, message, then the rest,
    /// texts compared by their UTF-8 bytes. `String`'s `<` and `==` treat canonically
    /// equivalent texts as equal, which left their order to the hash seed.
    public static func ordered(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        if let o = order(a.location.path, b.location.path) { return o }
        if a.location.line != b.location.line { return a.location.line < b.location.line }
        if a.location.column != b.location.column { return a.location.column < b.location.column }
        if let o = order(a.ruleID, b.ruleID) { return o }
        if let o = order(a.message.text(.en), b.message.text(.en)) { return o }
        if a.severity != b.severity { return a.severity.rawValue.utf8.lexicographicallyPrecedes(b.severity.rawValue.utf8) }
        if let o = order(a.hint?.text(.en) ?? "", b.hint?.text(.en) ?? "") { return o }
        if (a.hint == nil) != (b.hint == nil) { return a.hint == nil }
        return order(a.lineText ?? "", b.lineText ?? "") ?? false
    }

    /// nil when the bytes are equal, else whether `a`'s bytes come first.
    static func order(_ a: String, _ b: String) -> Bool? {
        if a.utf8.elementsEqual(b.utf8) { return nil }
        return a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Equal when every field is equal byte for byte: two findings whose texts are
    /// canonically equivalent but spelled differently are two findings.
    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.severity == b.severity && a.location.line == b.location.line && a.location.column == b.location.column
            && order(a.location.path, b.location.path) == nil && order(a.ruleID, b.ruleID) == nil
            && a.message == b.message && a.hint == b.hint && (a.lineText == nil) == (b.lineText == nil)
            && order(a.lineText ?? "", b.lineText ?? "") == nil
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(location.line)
        hasher.combine(location.column)
        hasher.combine(severity)
        hasher.combine(message)
        for text in [location.path, ruleID] {
            text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
                ?? { for byte in text.utf8 { hasher.combine(byte) } }()
            hasher.combine(0xFF as UInt8)
        }
    }
}

/// Builds diagnostics for places in one file, so that call sites name only the
/// rule, the byte offset and the words.
public struct DiagnosticSite: Sendable {
    public let text: SourceText
    public let line: Int
    public let lineStart: Int

    public init(text: SourceText, line: Int, lineStart: Int) {
        self.text = text
        self.line = line
        self.lineStart = lineStart
    }

    public func diagnostic(_ rule: RuleDescription, at offset: Int, _ message: Message,
                           hint: Message? = nil) -> Diagnostic {
        let excerpt = text.lineWindow(startingAt: lineStart, around: offset)
        return Diagnostic(ruleID: rule.id, severity: rule.severity,
                          location: text.location(line: line, lineStart: lineStart, offset: offset),
                          message: message, hint: hint, lineText: excerpt.text, lineTextColumn: excerpt.column)
    }
}
