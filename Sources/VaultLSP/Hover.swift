import VaultKit

extension Server {
    /// `textDocument/hover` in a record file: on a line's kind, the kind's definition
    /// as its schema writes it (the `kind` line and its `field` lines); on a field's
    /// key, that field's line. Plain text, so no title can break the markup. Null
    /// anywhere else (a value, a date, a comment).
    func hover(_ params: JSON) throws(ResponseError) -> JSON {
        let (document, _, found) = try recordFile(params)
        guard let position = Document.position(params["position"]) else {
            throw ResponseError(.invalidParams, "the request has no position (line and character)")
        }
        guard let table = found, position.line < document.lines.starts.count else { return .null }
        let lines = document.lines
        let content = lines.content(position.line)
        let cursor = lines.offset(of: position, encoding) - content.lowerBound
        var words = LineWords(Array(lines.bytes[content])).words
        if words.first.map({ CompletionContext.isDate($0.text) }) == true { words.removeFirst() }
        guard let kindWord = words.first, let kind = table.kinds.first(where: { $0.id == kindWord.text }),
              let word = words.first(where: { $0.range.contains(cursor) || $0.range.upperBound == cursor }) else { return .null }
        let text: String
        var range = word.range
        if word.range == kindWord.range {
            text = ([Self.definition(of: kind)] + kind.fields.map { Self.definition(of: $0, in: kind) }).joined(separator: "\n")
        } else {
            let key = word.text.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word.text
            guard cursor <= word.range.lowerBound + key.utf8.count,
                  let field = kind.fields.first(where: { $0.id == key }) else { return .null }
            text = Self.definition(of: field, in: kind)
            range = word.range.lowerBound..<word.range.lowerBound + key.utf8.count
        }
        let start = lines.position(ofOffset: content.lowerBound + range.lowerBound, encoding)
        let end = lines.position(ofOffset: content.lowerBound + range.upperBound, encoding)
        return ["contents": ["kind": "plaintext", "value": .string(text)], "range": ["start": start.json, "end": end.json]]
    }

    /// A kind as a schema's `kind` line writes it.
    static func definition(of kind: KindSpec) -> String {
        var parts = ["kind", "id=\(kind.id)"]
        if let title = kind.title { parts.append("title=" + quoted(title)) }
        return parts.joined(separator: " ")
    }

    /// A field as a schema's `field` line writes it.
    static func definition(of field: FieldSpec, in kind: KindSpec) -> String {
        var parts = ["field", "kind=\(kind.id)", "id=\(field.id)", "type=\(field.type)"]
        if field.required { parts.append("required=yes") }
        if let title = field.title { parts.append("title=" + quoted(title)) }
        return parts.joined(separator: " ")
    }

    /// A value as a vault line writes it: bare, or quoted with `\"`, `\\`, `\n`, `\t`
    /// escaped (docs/format.md) when it holds a space, a quote, a `#` or a control.
    static func quoted(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { " \t\"#\\\n".contains($0) }) else { return value }
        var out = "\""
        for character in value {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
