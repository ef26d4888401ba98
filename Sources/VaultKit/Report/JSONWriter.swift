/// A small JSON writer with a fixed key order, so machine output is the same
/// bytes for the same input (Foundation's encoder does not promise an order).
public struct JSONWriter {
    public private(set) var output = ""

    public init() {}

    /// A JSON string. Besides what JSON requires, the scalars `Escape` counts unsafe
    /// (DEL, C1 controls, U+2028/2029, bidirectional controls) are written as `\uXXXX`,
    /// so JSON printed to a terminal or a CI log sends no escape and breaks no line
    /// (U+2028 ends a line in JavaScript), and `##[` is written `##\u005b` (GitHub's
    /// runner reads `##[command]` anywhere in a log line).
    public static func quote(_ text: String) -> String {
        var out = "\""
        var hashes = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "[" where hashes >= 2: out += "\\u005b"
            case let s where Escape.isUnsafe(s):
                let hex = String(s.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
            hashes = scalar == "#" ? hashes + 1 : 0
        }
        return out + "\""
    }

    /// An object from ordered key/value pairs whose values are already JSON.
    public static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    public static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    public static func optional(_ text: String?) -> String { text.map(quote) ?? "null" }

    /// The version of every JSON output's shape (docs/formats.md), its first key:
    /// raised when a field is removed, renamed or changes its meaning; a new field
    /// keeps it.
    public static let formatVersion = 1

    /// `"version"` and the output's own keys: a JSON output's top-level object.
    public static func document(_ pairs: [(String, String)]) -> String {
        object([("version", String(formatVersion))] + pairs)
    }
}

/// `vault lint --format json`: the documented, stable shape (docs/formats.md)
/// `{"version":1,"diagnostics":[{rule,severity,path,line,column,message,hint}],"summary":{errors,warnings,infos,files}}`.
public enum DiagnosticJSONReporter {
    public static func render(_ diagnostics: [Diagnostic], files: Int, language: Language = .en) -> String {
        let items = diagnostics.map { d in
            JSONWriter.object([
                ("rule", JSONWriter.quote(d.ruleID)),
                ("severity", JSONWriter.quote(d.severity.rawValue)),
                ("path", JSONWriter.quote(d.location.path)),
                ("line", String(d.location.line)),
                ("column", String(d.location.column)),
                ("message", JSONWriter.quote(d.message.text(language))),
                ("messageId", JSONWriter.quote(d.message.id)),
                ("hint", JSONWriter.optional(d.hint?.text(language))),
            ])
        }
        let summary = JSONWriter.object([
            ("errors", String(diagnostics.count { $0.severity == .error })),
            ("warnings", String(diagnostics.count { $0.severity == .warning })),
            ("infos", String(diagnostics.count { $0.severity == .info })),
            ("files", String(files)),
        ])
        return JSONWriter.document([("diagnostics", JSONWriter.array(items)), ("summary", summary)]) + "\n"
    }
}
