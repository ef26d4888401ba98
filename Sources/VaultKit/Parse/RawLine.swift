/// One `key=value` field as written, before any schema gives it a type.
public struct RawField: Sendable {
    public var key: Span
    /// The value's bytes: inside the quotes for a quoted value.
    public var value: Span
    public var quoted: Bool
    /// Whether a quoted value holds a `\` escape, so decoding must unescape it.
    public var escaped: Bool
}

/// One record line as written: an optional date, a kind and fields.
/// Blank and comment-only lines do not become `RawLine`s.
public struct RawLine: Sendable {
    /// 1-based line number.
    public var number: Int32
    /// Byte offset where the line starts.
    public var start: Int32
    public var date: Span?
    public var kind: Span
    /// Where this line's fields start in `ParsedFile.fields`.
    public var firstField: Int32
    public var fieldCount: Int32

    public var fieldRange: Range<Int> { Int(firstField)..<Int(firstField + fieldCount) }
}

/// An acknowledgement written in a comment: `# vault-allow RULE[, RULE]: REASON`.
public struct Suppression: Sendable, Hashable {
    /// Where the comment is.
    public var location: SourceLocation
    /// The line whose findings it acknowledges (its own, or the next record line).
    public var target: Int
    public var rules: [String]
    public var reason: String
    public var lineText: String
}

/// A file after the line parser: its record lines, its suppressions and the
/// syntax and encoding findings met on the way.
public struct ParsedFile: Sendable {
    public var text: SourceText
    public var lines: [RawLine]
    public var fields: [RawField]
    public var suppressions: [Suppression]
    public var diagnostics: [Diagnostic]

    /// The decoded value of a field (quotes removed, escapes resolved).
    public func value(_ field: RawField) -> String {
        let raw = text.string(field.value)
        return field.escaped ? Escapes.unescape(raw) : raw
    }

    public func string(_ span: Span) -> String { text.string(span) }

    /// The decoded value of a field for a message: its first 60 bytes and `…` when longer.
    public func excerpt(_ field: RawField) -> String {
        guard field.value.count > 60 else { return value(field) }
        let raw = text.excerpt(field.value)
        return field.escaped ? Escapes.unescape(raw) : raw
    }

    /// The file without its raw fields, which only binding needs.
    public var withoutFields: ParsedFile {
        var copy = self
        copy.fields = []
        return copy
    }

    public func site(_ line: RawLine) -> DiagnosticSite {
        DiagnosticSite(text: text, line: Int(line.number), lineStart: Int(line.start))
    }
}

/// The escapes a quoted value may hold: `\"`, `\\`, `\n`, `\t`.
public enum Escapes {
    static func unescape(_ raw: String) -> String {
        var out = ""
        var pending = false
        for scalar in raw.unicodeScalars {
            if pending {
                switch scalar {
                case "n": out.unicodeScalars.append("\n")
                case "t": out.unicodeScalars.append("\t")
                default: out.unicodeScalars.append(scalar)
                }
                pending = false
            } else if scalar == "\\" {
                pending = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A value as it must be written: bare when it can be, quoted and escaped otherwise.
    public static func quoteIfNeeded(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.unicodeScalars.contains {
            $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "\\" || $0 == "\n" || $0 == "#"
        }
        guard needsQuotes else { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
